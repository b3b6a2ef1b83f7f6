/** `tributary divergence`: what exists only downstream, and what to drop before a sync. */
import type { Command } from './command.js';
import { divergence as report } from '../actions/lib/backport/divergence.js';
import { divergenceMarkdown } from '../actions/lib/backport/report.js';
import { parse, policyUsage, shared, sharedOptions } from './backport-options.js';

export const divergence: Command = {
  name: 'divergence',
  summary: 'report downstream-only commits, what upstream now carries, what to drop before a sync',
  usage: `usage: tributary divergence --upstream REV [--followed REV] [--downstream REV] [--to REV] [options]

Reports, for a downstream branch and the upstream branch it follows: the commits declared
downstream-only with their reasons, those neither upstream nor declared, those whose change
upstream now carries (by reference or patch), and, newest first, the commits to revert or
drop before syncing to the new upstream head --to, each with the upstream commit that
supersedes it. Markdown by default, JSON (tributary.divergence/v1) with --json.

  --downstream REV       the downstream branch (default HEAD)
  --to REV               the upstream head of the next sync (default: --followed)
${policyUsage}`,
  async run(args, logger) {
    const { values } = parse(args, {
      ...sharedOptions,
      downstream: { type: 'string' },
      to: { type: 'string' },
    });
    const s = await shared(values, logger);
    const r = await report({
      git: s.git,
      downstream: values.downstream ?? 'HEAD',
      development: s.development,
      followed: s.followed,
      target: values.to,
      policy: s.policy,
      cache: s.cacheDir,
      upstreamRefs: ['refs/remotes/'],
      labels: {
        downstream: values.downstream ?? 'HEAD',
        development: s.development,
        followed: s.followed ?? s.development,
        target: values.to ?? s.followed ?? s.development,
      },
    });
    process.stdout.write(s.json ? JSON.stringify(r, null, 2) + '\n' : divergenceMarkdown(r));
    return 0;
  },
};
