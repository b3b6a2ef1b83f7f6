/**
 * The sync pull request's list of downstream-only commits that upstream now seems to carry,
 * from the divergence report of the backport part (`actions/lib/backport/divergence.ts`):
 * what the new upstream head carries, and whether to drop (identical patch) or revert it.
 */
import type { Git } from '../git.js';
import type { Logger } from '../log.js';
import { divergence } from '../backport/index.js';
import { escapeMarkdown } from './history.js';

/** Markdown lines: `- <downstream> subject: upstream <sha> "subject" carries it (drop|revert)`. */
export async function carriedUpstream(
  git: Git,
  o: { target: string; upstream: string; upstreamName: string; logger?: Logger },
): Promise<string[]> {
  const report = await divergence({
    git,
    downstream: o.target,
    development: o.upstream,
    followed: o.upstream,
    target: o.upstream,
    logger: o.logger,
    labels: { development: o.upstreamName, followed: o.upstreamName, target: o.upstreamName },
  });
  return report.supersededByTarget.map(
    (s) =>
      `- ${s.commit.slice(0, 12)} ${escapeMarkdown(s.subject)}: upstream ${s.upstream.slice(0, 12)} ` +
      `("${escapeMarkdown(s.upstreamSubject)}") carries it, by ${s.match === 'patch' ? `its patch (${s.patch})` : 'reference'}: ${s.action}`,
  );
}
