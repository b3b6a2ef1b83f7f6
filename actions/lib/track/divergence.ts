/**
 * The hook for the divergence report (the backport helper's `actions/lib/backport/`): which
 * downstream-only commits the new upstream commits seem to carry. Until that classifier is
 * merged here, this answers with what git and the reference lines say: a downstream commit
 * whose patch equals a new upstream commit (cherry-mark), or that names one of them.
 */
import type { Git } from '../git.js';
import { findReferences } from '../references.js';
import { escapeMarkdown, readCommits } from './history.js';

/** Markdown lines: `- <downstream> subject — upstream <sha> (same patch | named)`. */
export async function carriedUpstream(
  git: Git,
  o: { target: string; upstream: string; referencePatterns?: RegExp[] },
): Promise<string[]> {
  const out = await git.run([
    'log',
    '--no-merges',
    '--cherry-mark',
    '--left-right',
    '--format=%m %H',
    `${o.target}...${o.upstream}`,
  ]);
  const same = new Set<string>();
  const fresh = new Set<string>();
  for (const line of out.split('\n')) {
    const [mark, sha] = line.split(' ');
    if (mark === '=') same.add(sha);
    if (mark === '>' || mark === '=') fresh.add(sha);
  }
  const downstream = await readCommits(git, [`${o.upstream}..${o.target}`]);
  const lines: string[] = [];
  for (const d of downstream) {
    if (same.has(d.sha)) {
      lines.push(
        `- ${d.sha.slice(0, 12)} ${escapeMarkdown(d.subject)}: upstream has the same patch`,
      );
      continue;
    }
    const named = findReferences(d.message, o.referencePatterns).find((r) =>
      [...fresh].some((f) => r.sha.length >= 7 && f.startsWith(r.sha)),
    );
    if (named)
      lines.push(
        `- ${d.sha.slice(0, 12)} ${escapeMarkdown(d.subject)}: backport of upstream ${named.sha.slice(0, 12)}`,
      );
  }
  return lines;
}
