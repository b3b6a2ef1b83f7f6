/** `tributary check`: the backport policy over base..head of a local repository. */
import type { Command } from './command.js';
import { classifyCommits, countClasses } from '../actions/lib/backport/classifier.js';
import { classificationTable, countsLine } from '../actions/lib/backport/report.js';
import { BACKPORT_SETTINGS, parseCheckSettings } from '../actions/lib/backport/settings.js';
import { checkResult } from '../actions/lib/backport/verdict.js';
import { openRepository, policyOptions, withAddedTrailers } from './backport-options.js';
import { parseCommandLine, usageOf, type PartSpec } from './options.js';

export const checkSpec: PartSpec = {
  name: 'check',
  synopsis: '--upstream-development-branch <rev> [--base <rev>] [--head <rev>] [options]',
  about: `Classifies each commit of base..head that upstream does not have: upstream (the same patch
as an upstream commit), backport (names an upstream commit of the development branch),
revert, downstream-only (declared), sync (a merge of the branch followed) or violation. The
options are the backport-check action's inputs (actions/backport-check, mode check), with the
same defaults, over a local repository whose upstream branches are revisions in it.`,
  declared: BACKPORT_SETTINGS,
  options: [
    {
      name: 'base',
      value: '<rev>',
      description:
        'classify base..head (default: every downstream commit not upstream; the action: the pull request)',
    },
    {
      name: 'head',
      value: '<rev>',
      description: 'the downstream revision (the action: the pull request)',
      fallback: { shown: 'HEAD', value: () => 'HEAD' },
    },
    { name: 'fail-on-warnings', description: 'fail (exit 1) on warnings too' },
    ...policyOptions,
  ],
  exitCodes: [
    [0, 'pass: no violation (warnings, if any, are listed)'],
    [1, 'fail: a commit breaks the policy (or has a warning, with --fail-on-warnings)'],
    [2, 'bad usage or input: an option, a revision that names no commit, a repository'],
    [3, 'an unexpected failure'],
  ],
};

export const check: Command = {
  name: 'check',
  summary:
    'classify downstream commits by the backport policy (upstream, backport, ..., violation)',
  usage: usageOf(checkSpec),
  async run(args, logger) {
    const cl = parseCommandLine(checkSpec, args, (secret) => logger.secret(secret));
    return cl.run(async (read) => {
      const s = parseCheckSettings(withAddedTrailers(read), {});
      const git = await openRepository(read, logger);
      const list = await classifyCommits({
        git,
        base: s.base,
        head: s.head ?? 'HEAD',
        development: s.development,
        followed: s.followed,
        policy: s.policy,
        cache: s.cacheDir,
        upstreamRefs: ['refs/remotes/'],
      });
      const counts = countClasses(list);
      if (cl.flag('json'))
        process.stdout.write(JSON.stringify({ counts, classifications: list }, null, 2) + '\n');
      else {
        if (list.length) logger.info(classificationTable(list));
        logger.info(countsLine(counts));
      }
      return checkResult(counts, s.failOnWarnings) === 'fail' ? 1 : 0;
    });
  },
};
