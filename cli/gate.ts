/**
 * `tributary gate`: the push gate on a laptop, on the same library as the action. The hosted
 * tree is a URL (token from TRIBUTARY_TOKEN or GITHUB_TOKEN, sent as a header) or a local path.
 */
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ConfigurationError } from '../actions/lib/errors.js';
import { gateFlight, NotCarried, type GateSettings } from '../actions/lib/gate/gate.js';
import { renderSummary } from '../actions/lib/gate/report.js';
import type { Logger } from '../actions/lib/log.js';
import { tokenFromEnvironment, type Command } from './command.js';

const usage = `usage: tributary gate --results DIR --repo URL-or-path [options]

Judges a flight's job results against the baseline flight of the tested branch's head and,
when nothing regressed, fast-forwards the tested branch to the flight's revision. The flight
is recorded as a git note (refs/notes/tributary/flights) in the hosted tree. A revision the
staging branch does not carry (nor the tested head itself) is refused, and nothing written.

  --results DIR          job results (tributary.job/v1 *.json, JUnit *.xml), any layout
  --repo URL|PATH        the hosted tree (token for HTTPS from TRIBUTARY_TOKEN or GITHUB_TOKEN)
  --tree NAME            short name of the tree under test, as results name it (default: from --repo)
  --staging BRANCH       default staging
  --tested BRANCH        default master
  --revision SHA         the revision tested (default: from the results)
  --required PATTERN     a job that must be present and not cancelled (repeatable)
  --build-jobs PATTERN   build job pattern (repeatable; default build*)
  --no-baseline push|refuse           default refuse
  --untested-head ancestor|refuse     default ancestor
  --allow-list BRANCH:PATH
                         the allow list: a file on a branch of the hosted tree (default
                         tributary/config:allow.yml, missing = empty; one named must exist)
  --force REASON         push despite regressions, recorded with --actor
  --actor NAME           who forces (default $USER)
  --flight ID            the flight's id when results carry none
  --junit FILE           write the flight as JUnit XML
  --notes-ref REF        default refs/notes/tributary/flights
  --max-walk N           ancestors searched for a baseline (default 100)
  --dry-run              decide and report; push and record nothing
  --summary              print the Markdown summary

Exit status: 0 pushed (or already there, or would push), 1 refused, 2 bad input.`;

const options = {
  results: { type: 'string' },
  repo: { type: 'string' },
  tree: { type: 'string' },
  staging: { type: 'string', default: 'staging' },
  tested: { type: 'string', default: 'master' },
  revision: { type: 'string' },
  required: { type: 'string', multiple: true, default: [] },
  'build-jobs': { type: 'string', multiple: true, default: ['build*'] },
  'no-baseline': { type: 'string', default: 'refuse' },
  'untested-head': { type: 'string', default: 'ancestor' },
  'allow-list': { type: 'string' },
  force: { type: 'string' },
  actor: { type: 'string' },
  flight: { type: 'string' },
  junit: { type: 'string' },
  'notes-ref': { type: 'string', default: 'refs/notes/tributary/flights' },
  'max-walk': { type: 'string', default: '100' },
  'dry-run': { type: 'boolean', default: false },
  summary: { type: 'boolean', default: false },
} satisfies ParseArgsConfig['options'];

type Values = ReturnType<typeof parseArgs<{ options: typeof options }>>['values'];

/** The command line's options as the gate's settings (the action's main.ts does the same). */
function settings(values: Values, token: string | undefined, workDir: string): GateSettings {
  if (!values.results) throw new ConfigurationError('--results', 'Missing --results DIR.');
  if (!values.repo) throw new ConfigurationError('--repo', 'Missing --repo URL-or-path.');
  const remote = /^[a-z]+:\/\//.test(values.repo) ? values.repo : resolve(values.repo);
  const maxWalk = Number(values['max-walk']);
  if (!Number.isInteger(maxWalk) || maxWalk < 1)
    throw new ConfigurationError(
      '--max-walk',
      `Invalid --max-walk '${values['max-walk']}'. Expected a whole number >= 1.`,
    );
  const actor = values.actor ?? process.env.USER;
  return {
    results: resolve(values.results),
    remote,
    token,
    tree:
      values.tree ??
      remote
        .replace(/\/+$/, '')
        .split('/')
        .pop()!
        .replace(/\.git$/, ''),
    staging: values.staging!,
    tested: values.tested!,
    revision: values.revision,
    required: values.required!,
    buildJobs: values['build-jobs']!,
    noBaseline: values['no-baseline'] as 'push' | 'refuse',
    untestedHead: values['untested-head'] as 'ancestor' | 'refuse',
    retryFlaky: false,
    force:
      values.force !== undefined ? { actor: actor ?? 'unknown', reason: values.force } : undefined,
    dryRun: values['dry-run']!,
    // `<branch>:<path>` in the hosted tree; unset: tributary/config:allow.yml, as the action.
    allowList: values['allow-list'],
    notesRef: values['notes-ref']!,
    maxWalk,
    flight: values.flight ?? `local-${new Date().toISOString().replace(/[:.]/g, '')}`,
    trigger: { event: 'command-line', actor },
    junit: values.junit && resolve(values.junit),
    workDir,
    identity: { name: 'tributary push gate', email: 'tributary@users.noreply.github.com' },
  };
}

export const gateCommand: Command = {
  name: 'gate',
  summary: 'judge a flight against its baseline and fast-forward the tested branch',
  usage,
  async run(args: string[], logger: Logger): Promise<number> {
    const { values } = parseArgs({ args, strict: true, options });
    const token = tokenFromEnvironment();
    if (token) logger.secret(token);
    const work = mkdtempSync(join(tmpdir(), 'tributary-gate-'));
    try {
      let outcome;
      try {
        outcome = await gateFlight(settings(values, token, work), logger);
      } catch (e) {
        // Not carried by staging: refused like a regression (exit 1), nothing written.
        if (!(e instanceof NotCarried)) throw e;
        logger.error(e.message);
        return 1;
      }
      if (values.summary) logger.info(renderSummary(outcome));
      if (outcome.error) {
        logger.error(outcome.error);
        return 1;
      }
      logger.info(
        outcome.pushed
          ? `Pushed ${outcome.revision} to ${outcome.tested}.`
          : `Not pushed: ${outcome.decision.verdict === 'push' ? (values['dry-run'] ? 'dry run' : `${outcome.tested} is already there`) : outcome.decision.reason}.`,
      );
      return outcome.decision.verdict === 'push' ? 0 : 1;
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  },
};
