/**
 * `tributary bisect`: the next round of a bisection of a watch series' regression, or its
 * result, as JSON; with --record, finished test runs are recorded as bisection flights first,
 * so that the rounds can be driven from a shell without GitHub.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MissingHistory } from '../actions/lib/bisect/plan.js';
import { renderBisect } from '../actions/lib/bisect/report.js';
import { bisectSeries } from '../actions/lib/bisect/repository.js';
import { BISECT_SETTINGS, parseBisectSettings } from '../actions/lib/bisect/settings.js';
import { ConfigurationError } from '../actions/lib/errors.js';
import type { Logger } from '../actions/lib/log.js';
import type { Command } from './command.js';
import { parseCommandLine, usageOf, type PartSpec } from './options.js';

export const bisectSpec: PartSpec = {
  name: 'bisect',
  synopsis:
    '--tree-url <url> --series <name> --job <name> --step <name> --pass <sha> --fail <sha> [options]',
  about: `Plans the next round of the bisection of a regression of a watch series: which revision of
every tree each runner tests next, or, once found and confirmed, the first bad commit. Reads
the series' flights from the notes of the watched tree's hosted repository; a revision any
flight tested already is not tested again. When more than one tree changed between the two
flights, the first round finds whose change is at fault. With --record, finished test runs
are first recorded there as flights of the series, so a shell loop drives the rounds:

  tributary bisect ARGS > round.json                  # round 1: .tests[].trees
  tributary test plan.yml --output-dir out/1 ...      # one test run per entry of .tests
  tributary bisect ARGS --record out/1 --record out/2 --record out/3 > round.json

Prints JSON (format tributary.bisect/v1, docs/flight-format.md): "kind": "round", with
"phase" (isolate, search, confirm) and "tests", each with "trees" (every tree's name and
revision) and "why"; or "kind": "result", with "outcome": blamed ("commit": id, subject,
author, date; "evidence": the runs that confirm it), not-reproducible (the runs that
disagree), untestable (the "candidates" it is among) or not-isolated.`,
  declared: BISECT_SETTINGS,
  options: [
    {
      name: 'tree-url',
      value: '<url>',
      aliases: ['repo'],
      description:
        "the watched tree's hosted repository, holding the series' notes: an https:// URL or a local path",
    },
    {
      name: 'series',
      value: '<name>',
      description: 'the watch series, e.g. qemu-master-vs-xen-unstable',
    },
    {
      name: 'job',
      value: '<name>',
      description: 'the regressed job: the one whose step fails',
    },
    {
      name: 'step',
      value: '<name>',
      description:
        'the regressed step: the test (another step failing before it makes a revision untestable, not bad)',
    },
    {
      name: 'pass',
      value: '<sha>',
      description: "the watched tree's revision in the last-pass flight (a full commit id)",
    },
    {
      name: 'fail',
      value: '<sha>',
      description: "the watched tree's revision in the first-fail flight (a full commit id)",
    },
    {
      name: 'pass-flight',
      value: '<id>',
      description: 'which flight at --pass (default: the latest whose step passed)',
    },
    {
      name: 'fail-flight',
      value: '<id>',
      description: 'which flight at --fail (default: the earliest whose step failed)',
    },
    {
      name: 'tree-repo',
      value: '<tree:url>',
      repeatable: true,
      description:
        "another tree's repository, to bisect its change: xen:https://host/xen-project/xen.git (default: the url its records carry)",
    },
    {
      name: 'runners',
      value: '<n>',
      description: 'tests a round: about log_(n+1) c rounds for c commits',
    },
    {
      name: 'confirmations',
      value: '<n>',
      description:
        'runs of the failure at a commit and of the pass at each parent before it is blamed, all agreeing',
    },
    {
      name: 'tree',
      value: '<name>',
      description: "bisect this tree's change when several trees' changes fail alone",
    },
    {
      name: 'record',
      value: '<dir>',
      setting: 'results',
      repeatable: true,
      description:
        "a finished test run's results (tributary.job/v1 *.json, JUnit *.xml) to record first as one bisection flight; a folder of such folders (downloaded artifacts) records each",
    },
    {
      name: 'flight',
      value: '<id>',
      description: "the recorded flight's id when the results carry none",
    },
    {
      name: 'notes-ref',
      value: '<ref>',
      description: "the notes ref holding the series' flight records",
    },
    {
      name: 'summary',
      description:
        "also print the round or the result in Markdown to stderr: the bisect action's comment on the regression's issue",
    },
  ],
  environment: [
    {
      variables: ['TRIBUTARY_TOKEN', 'GITHUB_TOKEN'],
      setting: 'token',
      description:
        "the token for an https hosted tree (read, and written by --record), sent to it alone and to other trees' repositories on the same server",
    },
  ],
  exitCodes: [
    [0, 'a round to run, or a commit blamed'],
    [1, 'done without a blame: not reproducible, untestable or not isolated'],
    [2, 'bad usage or input; nothing was recorded'],
    [3, 'an unexpected failure'],
  ],
};

export const bisectCommand: Command = {
  name: 'bisect',
  summary: "plan a bisection round of a watch series' regression, or name the first bad commit",
  usage: usageOf(bisectSpec),
  async run(args: string[], logger: Logger): Promise<number> {
    const cl = parseCommandLine(bisectSpec, args, (secret) => logger.secret(secret));
    // stdout is the JSON: what the library says along the way goes to stderr with --verbose.
    const quiet: Logger = {
      debug: (m) => logger.debug(m),
      info: (m) => logger.debug(m),
      warning: (m, a) => logger.warning(m, a),
      error: (m, a) => logger.error(m, a),
      group: (_name, fn) => fn(),
      secret: (v) => logger.secret(v),
    };
    return cl.run(async (read) => {
      const work = mkdtempSync(join(tmpdir(), 'tributary-bisect-'));
      try {
        const settings = parseBisectSettings(read, {
          workingDirectory: process.cwd(),
          workDir: work,
          trigger: { event: 'command-line', actor: process.env.USER },
        });
        const report = await bisectSeries(settings, quiet);
        process.stdout.write(JSON.stringify(report, null, 2) + '\n');
        if (cl.flag('summary')) process.stderr.write(renderBisect(report));
        return report.kind === 'round' || report.outcome === 'blamed' ? 0 : 1;
      } catch (e) {
        if (e instanceof MissingHistory)
          throw new ConfigurationError(e.subject, `${e.message} (--tree-repo ${e.tree}:URL)`);
        throw e;
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    });
  },
};
