/**
 * Reading history in bulk: one git process for a whole range, records split on control
 * characters that never occur in commit messages, so 20,000 commits cost one spawn.
 */
import type { Git } from '../git.js';

export interface CommitRecord {
  sha: string;
  subject: string;
  author: { name: string; email: string; date: string };
  message: string;
  /** Files the commit changes (only when asked for). */
  files?: string[];
}

const RS = '\x1e';
const US = '\x1f';
const END = '\x1d';

/** Commits of a range (`git log` arguments), oldest first unless `newestFirst`. */
export async function readCommits(
  git: Git,
  revs: string[],
  options: { files?: boolean; newestFirst?: boolean; merges?: boolean } = {},
): Promise<CommitRecord[]> {
  const args = [
    'log',
    ...(options.merges ? [] : ['--no-merges']),
    '--topo-order',
    ...(options.newestFirst ? [] : ['--reverse']),
    `--format=${RS}%H${US}%an${US}%ae${US}%ad${US}%B${END}`,
    '--date=raw',
    ...(options.files ? ['--name-only', '--no-renames'] : []),
    ...revs,
    '--',
  ];
  const out = await git.run(args);
  const records: CommitRecord[] = [];
  for (const chunk of out.split(RS)) {
    if (!chunk) continue;
    const end = chunk.indexOf(END);
    const [sha, name, email, date, message] = chunk.slice(0, end).split(US);
    const record: CommitRecord = {
      sha,
      subject: message.split('\n', 1)[0],
      author: { name, email, date },
      message,
    };
    if (options.files)
      record.files = chunk
        .slice(end + 1)
        .split('\n')
        .filter(Boolean);
    records.push(record);
  }
  return records;
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
