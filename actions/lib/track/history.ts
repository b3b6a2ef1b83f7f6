/**
 * History as the track part's pull requests tell it: shortlogs, commit text kept from turning
 * into markup, trailers added as git adds them. The commits come from `Git.readCommits`.
 */
import type { CommitRecord, Git } from '../git.js';

export type { CommitRecord };

/** Commits of a range (`git log` arguments), oldest first unless `newestFirst`. */
export function readCommits(
  git: Git,
  revs: string[],
  options: { files?: boolean; newestFirst?: boolean; merges?: boolean } = {},
): Promise<CommitRecord[]> {
  return git.readCommits(revs, options);
}

/** `- 1a2b3c4d5e6f subject (author)` lines of a range, newest last, at most `limit`. */
export async function shortlog(git: Git, range: string[], limit = 200): Promise<string[]> {
  const commits = await readCommits(git, range);
  const lines = commits
    .slice(-limit)
    .map(
      (c) =>
        `- ${c.sha.slice(0, 12)} ${escapeMarkdown(c.subject)} (${escapeMarkdown(c.author.name)})`,
    );
  if (commits.length > limit) lines.unshift(`- ... and ${commits.length - limit} older commits`);
  return lines;
}

/** Keeps commit text from turning into markup or mentions in a pull request body. */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>|#])/g, '\\$1').replace(/@/g, '@\u200b');
}

/** A message with a trailer line added as git does (-x, -s): in the trailer block if any. */
export function addTrailers(message: string, lines: string[]): string {
  let text = message.replace(/\s+$/, '');
  for (const line of lines) {
    if (!line || text.split('\n').includes(line)) continue;
    const paragraphs = text.split(/\n\s*\n/);
    const last = paragraphs[paragraphs.length - 1];
    const trailerBlock =
      paragraphs.length > 1 &&
      last
        .split('\n')
        .every((l) => /^[A-Za-z0-9-]+: /.test(l) || /^\(cherry picked from commit/.test(l));
    text += trailerBlock ? `\n${line}` : `\n\n${line}`;
  }
  return text + '\n';
}
