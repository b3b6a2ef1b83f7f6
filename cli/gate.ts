/**
 * `tributary gate`: the push gate on a laptop, on the same library as the action. The hosted
 * tree is a URL (token from TRIBUTARY_TOKEN or GITHUB_TOKEN, sent as a header) or a local path.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { gateFlight, NotCarried } from '../actions/lib/gate/gate.js';
import { renderSummary } from '../actions/lib/gate/report.js';
import { GATE_SETTINGS, parseGateSettings } from '../actions/lib/gate/settings.js';
import { gateFailure } from '../actions/lib/gate/verdict.js';
import type { GitHub } from '../actions/lib/github.js';
import type { Logger } from '../actions/lib/log.js';
import type { Command } from './command.js';
import { parseCommandLine, usageOf, type PartSpec } from './options.js';

const localFlight = () => `local-${new Date().toISOString().replace(/[:.]/g, '')}`;

export const gateSpec: PartSpec = {
  name: 'gate',
  synopsis: '--results <dir> --tree-url <url> [options]',
  about: `Judges a flight's job results against the baseline flight of the tested branch's head and,
when nothing regressed, fast-forwards the tested branch to the flight's revision. The flight
is recorded as a git note (refs/notes/tributary/flights) in the hosted tree. A revision the
staging branch does not carry (nor the tested head itself) is refused, and nothing written.
The options are the push-gate action's inputs (actions/push-gate), with the same defaults.`,
  declared: GATE_SETTINGS,
  options: [
    {
      name: 'results',
      value: '<dir>',
      description: 'the folder of job results (tributary.job/v1 *.json, JUnit *.xml), any layout',
    },
    {
      name: 'tree-url',
      value: '<url>',
      aliases: ['repo'],
      description: 'the hosted tree: an https:// URL or a local path',
      required: true,
    },
    {
      name: 'repository',
      value: '<owner/repo>',
      description:
        'set the commit status and dispatch flights in this GitHub repository (with a token)',
      fallback: { shown: 'none: no status, no dispatch' },
    },
    {
      name: 'tree',
      value: '<name>',
      description:
        "the tree under test, as results name it in 'trees' (default: the repository's name, else the last part of --tree-url)",
    },
    { name: 'staging', value: '<branch>', description: 'the branch changes land on' },
    {
      name: 'tested',
      value: '<branch>',
      description: 'the branch that only moves, by fast-forward, to a revision that passed',
    },
    {
      name: 'revision',
      value: '<sha>',
      description: 'the revision the flight tested (default: from the results)',
    },
    {
      name: 'required-jobs',
      value: '<glob>',
      aliases: ['required'],
      repeatable: true,
      description: 'a job that must be present and not cancelled',
    },
    {
      name: 'build-jobs',
      value: '<glob>',
      repeatable: true,
      description: 'build jobs, whose regressions always block',
    },
    {
      name: 'no-baseline',
      value: '<push|refuse|dispatch>',
      description: 'when no flight record is found on the tested head nor its ancestors',
    },
    {
      name: 'untested-head',
      value: '<ancestor|refuse|dispatch>',
      description: 'when the tested head has no record but an ancestor has',
    },
    {
      name: 'retry-flaky',
      description: 'dispatch one fresh flight instead of refusing non-build regressions',
    },
    {
      name: 'report',
      value: '<check-run|status>',
      description:
        'how the verdict is shown on the revision (with --repository): a check run, or a commit status',
    },
    {
      name: 'dispatch-workflow',
      value: '<file>',
      description: 'the workflow dispatched for a fresh flight (with --repository)',
    },
    {
      name: 'dispatch-ref',
      value: '<ref>',
      description: 'the ref the dispatched workflow runs on (default: the staging branch)',
    },
    {
      name: 'allow-list',
      value: '<branch:path>',
      description:
        'the allow list, a file on a branch of the hosted tree (default tributary/config:allow.yml, missing = empty; one named must exist)',
    },
    {
      name: 'force',
      formerValue: 'force-reason',
      description:
        'push despite regressions (never a non-fast-forward), with --force-reason (or --force <reason>, its old form); recorded with --actor',
    },
    { name: 'force-reason', value: '<text>', description: 'why the push is forced, recorded' },
    {
      name: 'actor',
      value: '<name>',
      description: 'who runs the gate, recorded with a forced push',
      default: '$USER',
    },
    {
      name: 'flight',
      value: '<id>',
      description: "the flight's id when the results carry none",
      fallback: { shown: 'local-<time>', value: localFlight },
    },
    {
      name: 'junit',
      value: '<file>',
      description: 'write the flight as JUnit XML here',
      fallback: { shown: 'none' },
    },
    { name: 'notes-ref', value: '<ref>', description: 'the notes ref holding flight records' },
    {
      name: 'max-walk',
      value: '<n>',
      description: 'first-parent ancestors of the tested head searched for a baseline',
    },
    {
      name: 'dry-run',
      description: 'decide and report; push, record, set and dispatch nothing',
    },
    { name: 'summary', description: 'print the Markdown summary' },
  ],
  environment: [
    {
      variables: ['TRIBUTARY_TOKEN', 'GITHUB_TOKEN'],
      setting: 'token',
      description:
        "the token for an https hosted tree (and --repository's API): push, notes, status, dispatch (the action's token)",
    },
  ],
  exitCodes: [
    [0, 'pushed, or already there, or would push (--dry-run), or a fresh flight was asked for'],
    [1, 'refused: a regression, or a revision staging did not carry; nothing pushed'],
    [2, 'bad usage or input (results included); nothing written'],
    [3, 'an unexpected failure'],
  ],
};

export const gateCommand: Command = {
  name: 'gate',
  summary: 'judge a flight against its baseline and fast-forward the tested branch',
  usage: usageOf(gateSpec),
  async run(args: string[], logger: Logger): Promise<number> {
    const cl = parseCommandLine(gateSpec, args, (secret) => logger.secret(secret));
    const work = mkdtempSync(join(tmpdir(), 'tributary-gate-'));
    try {
      return await cl.run(async (read) => {
        // Octokit is loaded only when a repository is named: the gate alone never needs it.
        const github = read.get('repository')
          ? await import('../actions/lib/github.js')
          : undefined;
        const settings = parseGateSettings(read, {
          workingDirectory: process.cwd(),
          workDir: work,
          actor: read.get('actor') || process.env.USER || 'unknown',
          trigger: { event: 'command-line' },
          flight: localFlight,
          connect: github ? (token): GitHub => github.createGitHub({ token, logger }) : undefined,
        });
        let outcome;
        try {
          outcome = await gateFlight(settings, logger);
        } catch (e) {
          // Not carried by staging: refused like a regression (exit 1), nothing written.
          if (!(e instanceof NotCarried)) throw e;
          logger.error(e.message);
          return 1;
        }
        if (cl.flag('summary')) logger.info(renderSummary(outcome));
        const failure = gateFailure(outcome);
        if (failure) {
          logger.error(failure);
          return 1;
        }
        const d = outcome.decision;
        logger.info(
          outcome.pushed
            ? `Pushed ${outcome.revision} to ${outcome.tested}.`
            : d.verdict === 'retry'
              ? `Not pushed: a fresh flight was asked for (${d.reason}).`
              : `Not pushed: ${settings.dryRun ? 'dry run' : `${outcome.tested} is already there`}.`,
        );
        return 0;
      });
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  },
};
