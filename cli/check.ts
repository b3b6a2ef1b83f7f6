/** `tributary check`: the backport policy over base..head of a local repository. */
import type { Command } from './command.js';
import { classifyCommits, countClasses } from '../actions/lib/backport/classifier.js';
import { classificationTable, countsLine } from '../actions/lib/backport/report.js';
import { parse, policyUsage, shared, sharedOptions } from './backport-options.js';

export const check: Command = {
  name: 'check',
  summary:
    'classify downstream commits by the backport policy (upstream, backport, ..., violation)',
  usage: `usage: tributary check --upstream REV [--base REV] [--head REV] [options]

Classifies each commit of base..head that upstream does not have: upstream (the same patch
as an upstream commit), backport (names an upstream commit of the development branch),
revert, downstream-only (declared), sync (a merge of the branch followed) or violation.
Exits 1 when a commit breaks the policy (or has a warning, with --fail-on-warnings).

  --base REV             classify base..head (default: every downstream commit not upstream)
  --head REV             the downstream revision (default HEAD)
  --fail-on-warnings     exit 1 on warnings too
${policyUsage}`,
  async run(args, logger) {
    const { values } = parse(args, {
      ...sharedOptions,
      base: { type: 'string' },
      head: { type: 'string' },
      'fail-on-warnings': { type: 'boolean' },
    });
    const s = await shared(values, logger);
    const list = await classifyCommits({
      git: s.git,
      base: values.base,
      head: values.head ?? 'HEAD',
      development: s.development,
      followed: s.followed,
      policy: s.policy,
      cache: s.cacheDir,
      upstreamRefs: ['refs/remotes/'],
    });
    const counts = countClasses(list);
    if (s.json)
      process.stdout.write(JSON.stringify({ counts, classifications: list }, null, 2) + '\n');
    else {
      if (list.length) logger.info(classificationTable(list));
      logger.info(countsLine(counts));
    }
    return counts.violation || (values['fail-on-warnings'] && counts.warnings) ? 1 : 0;
  },
};
