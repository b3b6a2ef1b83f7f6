/**
 * `tributary bisect`: the next round of a bisection of a watch series' regression, or its
 * result, as JSON; with --record, finished test runs are recorded as bisection flights first,
 * so that the rounds can be driven from a shell without GitHub.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { MissingHistory } from '../actions/lib/bisect/plan.js';
import { bisectSeries, WATCH_NOTES_REF } from '../actions/lib/bisect/repository.js';
import { ConfigurationError, invalid } from '../actions/lib/errors.js';
import type { Logger } from '../actions/lib/log.js';
import { tokenFromEnvironment, type Command } from './command.js';

const usage = `usage: tributary bisect --repo URL|PATH --series NAME --job JOB --step STEP
                        --pass SHA --fail SHA [options]

Plans the next round of the bisection of a regression of a watch series: which revision of
every tree each runner tests next, or, once found and confirmed, the first bad commit. Reads
the series' flights from the notes of the watched tree's hosted repository; a revision any
flight tested already is not tested again. When more than one tree changed between the two
flights, the first round finds whose change is at fault. With --record, finished test runs
are first recorded there as flights of the series, so a shell loop drives the rounds:

  tributary bisect ARGS > round.json                  # round 1: .tests[].trees
  tributary test plan.yml --output-dir out/1 ...      # one test run per entry of .tests
  tributary bisect ARGS --record out/1 --record out/2 --record out/3 > round.json

  --repo URL|PATH          the watched tree's hosted repository, holding the series' notes
                           (token for HTTPS from TRIBUTARY_TOKEN or GITHUB_TOKEN)
  --series NAME            the watch series, e.g. qemu-master-vs-xen-unstable
  --job JOB, --step STEP   the regressed job and step: the test (another step failing
                           before it makes a revision untestable, not bad)
  --pass SHA, --fail SHA   the watched tree's revisions in the last-pass and first-fail flights
  --pass-flight ID         which flight at --pass (default: the latest whose step passed)
  --fail-flight ID         which flight at --fail (default: the earliest whose step failed)
  --tree-repo NAME=URL     another tree's repository, to bisect its change (repeatable;
                           default: the url its records carry)
  --runners K              tests a round (default 3): about log_(K+1) n rounds for n commits
  --confirmations N        runs of the failure at a commit and of the pass at each parent
                           before it is blamed, all agreeing (default 3)
  --tree NAME              bisect this tree's change when several trees' changes fail alone
  --record DIR             a finished test run's results (tributary.job/v1 *.json, JUnit
                           *.xml) to record first as one bisection flight (repeatable)
  --flight ID              the recorded flight's id when the results carry none
  --notes-ref REF          default ${WATCH_NOTES_REF}

Prints JSON (format tributary.bisect/v1): "kind": "round", with "phase" (isolate, search,
confirm) and "tests", each with "trees" (every tree's name and revision) and "why"; or
"kind": "result", with "outcome": blamed ("commit": id, subject, author, date; "evidence":
the runs that confirm it), not-reproducible (the runs that disagree), untestable (the
"candidates" it is among) or not-isolated.

Exit status: 0 a round to run, or a commit blamed; 1 done without a blame; 2 bad input
(nothing recorded); 3 unexpected failure.`;

function count(value: string, option: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1) throw invalid(option, value, 'a whole number >= 1');
  return n;
}

export const bisectCommand: Command = {
  name: 'bisect',
  summary: "plan a bisection round of a watch series' regression, or name the first bad commit",
  usage,
  async run(args: string[], logger: Logger): Promise<number> {
    const { values } = parseArgs({
      args,
      strict: true,
      options: {
        repo: { type: 'string' },
        series: { type: 'string' },
        job: { type: 'string' },
        step: { type: 'string' },
        pass: { type: 'string' },
        fail: { type: 'string' },
        'pass-flight': { type: 'string' },
        'fail-flight': { type: 'string' },
        'tree-repo': { type: 'string', multiple: true, default: [] },
        runners: { type: 'string', default: '3' },
        confirmations: { type: 'string', default: '3' },
        tree: { type: 'string' },
        record: { type: 'string', multiple: true, default: [] },
        flight: { type: 'string' },
        'notes-ref': { type: 'string', default: WATCH_NOTES_REF },
      },
    });
    for (const key of ['repo', 'series', 'job', 'step', 'pass', 'fail'] as const)
      if (!values[key]) throw new ConfigurationError(`--${key}`, `Missing --${key}.\n\n${usage}`);
    const local = (repo: string) => (/^[a-z][a-z0-9+.-]*:\/\//i.test(repo) ? repo : resolve(repo));
    const treeRepos: Record<string, string> = {};
    for (const entry of values['tree-repo']!) {
      const eq = entry.indexOf('=');
      if (eq < 1 || eq === entry.length - 1)
        throw invalid(
          '--tree-repo',
          entry,
          'NAME=URL-or-path, e.g. xen=https://github.com/o/xen.git',
        );
      treeRepos[entry.slice(0, eq)] = local(entry.slice(eq + 1));
    }
    const token = tokenFromEnvironment();
    if (token) logger.secret(token);
    // stdout is the JSON: what the library says along the way goes to stderr with --verbose.
    const quiet: Logger = {
      debug: (m) => logger.debug(m),
      info: (m) => logger.debug(m),
      warning: (m, a) => logger.warning(m, a),
      error: (m, a) => logger.error(m, a),
      group: (_name, fn) => fn(),
      secret: (v) => logger.secret(v),
    };
    const work = mkdtempSync(join(tmpdir(), 'tributary-bisect-'));
    try {
      const report = await bisectSeries(
        {
          remote: local(values.repo!),
          token,
          notesRef: values['notes-ref']!,
          series: values.series!,
          job: values.job!,
          step: values.step!,
          pass: values.pass!,
          fail: values.fail!,
          passFlight: values['pass-flight'],
          failFlight: values['fail-flight'],
          treeRepos,
          runners: count(values.runners!, '--runners'),
          confirmations: count(values.confirmations!, '--confirmations'),
          tree: values.tree,
          record: values.record!.map((d) => resolve(d)),
          flight: values.flight,
          trigger: { event: 'command-line', actor: process.env.USER },
          workDir: work,
          identity: { name: 'tributary bisect', email: 'tributary@users.noreply.github.com' },
        },
        quiet,
      );
      process.stdout.write(JSON.stringify(report, null, 2) + '\n');
      return report.kind === 'round' || report.outcome === 'blamed' ? 0 : 1;
    } catch (e) {
      if (e instanceof MissingHistory)
        throw new ConfigurationError(e.subject, `${e.message} (--tree-repo ${e.tree}=URL)`);
      throw e;
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  },
};
