/** `tributary divergence`: what exists only downstream, and what to drop before a sync. */
import type { Command } from './command.js';
import { divergence as report } from '../actions/lib/backport/divergence.js';
import { divergenceMarkdown } from '../actions/lib/backport/report.js';
import { BACKPORT_SETTINGS, parseDivergenceSettings } from '../actions/lib/backport/settings.js';
import { openRepository, policyOptions, withAddedTrailers } from './backport-options.js';
import { parseCommandLine, usageOf, type PartSpec } from './options.js';

export const divergenceSpec: PartSpec = {
  name: 'divergence',
  synopsis:
    '--upstream-development-branch <rev> [--upstream-branch <rev>] [--downstream-branch <rev>] [--sync-to <rev>] [options]',
  about: `Reports, for a downstream branch and the upstream branch it follows: the commits declared
downstream-only with their reasons, those neither upstream nor declared, those whose change
upstream now carries (by reference or patch), and, newest first, the commits to revert or
drop before syncing to the new upstream head --sync-to, each with the upstream commit that
supersedes it. Markdown by default, JSON (tributary.divergence/v1) with --json. The options
are the backport-check action's inputs (actions/backport-check, mode report), with the same
defaults, over a local repository whose upstream branches are revisions in it.`,
  declared: BACKPORT_SETTINGS,
  options: [
    {
      name: 'downstream-branch',
      value: '<rev>',
      aliases: ['downstream'],
      description: 'the downstream branch reported on (the action: the branch of the run)',
      fallback: { shown: 'HEAD', value: () => 'HEAD' },
    },
    {
      name: 'sync-to',
      value: '<rev>',
      aliases: ['to'],
      description: 'the upstream head of the next sync (default: --upstream-branch)',
    },
    ...policyOptions,
  ],
  exitCodes: [
    [0, 'reported (a report never fails: what is worth a look is in it)'],
    [2, 'bad usage or input: an option, a revision that names no commit, a repository'],
    [3, 'an unexpected failure'],
  ],
};

export const divergence: Command = {
  name: 'divergence',
  summary: 'report downstream-only commits, what upstream now carries, what to drop before a sync',
  usage: usageOf(divergenceSpec),
  async run(args, logger) {
    const cl = parseCommandLine(divergenceSpec, args, (secret) => logger.secret(secret));
    return cl.run(async (read) => {
      const s = parseDivergenceSettings(withAddedTrailers(read), {});
      const git = await openRepository(read, logger);
      const downstream = s.downstream ?? 'HEAD';
      const r = await report({
        git,
        downstream,
        development: s.development,
        followed: s.followed,
        target: s.syncTo,
        policy: s.policy,
        cache: s.cacheDir,
        upstreamRefs: ['refs/remotes/'],
        labels: {
          downstream,
          development: s.development,
          followed: s.followed,
          target: s.syncTo ?? s.followed,
        },
      });
      process.stdout.write(
        cl.flag('json') ? JSON.stringify(r, null, 2) + '\n' : divergenceMarkdown(r),
      );
      return 0;
    });
  },
};
