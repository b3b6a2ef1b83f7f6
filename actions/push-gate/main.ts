/** The push-gate action: inputs → gateFlight → outputs, summary, annotations. */
import { join, resolve } from 'node:path';
import { ConfigurationError } from '../lib/errors.js';
import { gateFlight, NotCarried, type GateOutcome, type GateSettings } from '../lib/gate/gate.js';
import { renderNotCarried, renderSummary } from '../lib/gate/report.js';
import { createGitHub, parseRepository } from '../lib/github.js';
import {
  booleanInput,
  core,
  coreLogger,
  input,
  integerInput,
  listInput,
  runMain,
  secretInput,
} from '../runtime/runner.js';

const IDENTITY = { name: 'tributary push gate', email: 'tributary@users.noreply.github.com' };

function oneOf<T extends string>(name: string, allowed: readonly T[]): T {
  const v = input(name) as T;
  if (!allowed.includes(v))
    throw new ConfigurationError(
      name,
      `Invalid input '${name}' '${v}'. Expected one of ${allowed.join(', ')}.`,
    );
  return v;
}

function settings(): GateSettings {
  const token = secretInput('token');
  const repository = input('repository');
  const repo = repository ? parseRepository(repository, "input 'repository'") : undefined;
  const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
  const temp = process.env.RUNNER_TEMP ?? workspace;
  const actor = process.env.GITHUB_ACTOR ?? 'unknown';
  const serverUrl = process.env.GITHUB_SERVER_URL ?? 'https://github.com';
  const runUrl =
    repository && process.env.GITHUB_RUN_ID
      ? `${serverUrl}/${repository}/actions/runs/${process.env.GITHUB_RUN_ID}`
      : undefined;
  const workflow = input('dispatch-workflow');
  return {
    results: resolve(workspace, input('results', { required: true })),
    remote: input('tree-url', { required: true }),
    token: token || undefined,
    tree: input('tree') || repo?.repo || 'tree',
    staging: input('staging', { required: true }),
    tested: input('tested', { required: true }),
    revision: input('revision') || undefined,
    required: listInput('required-jobs'),
    buildJobs: listInput('build-jobs'),
    noBaseline: oneOf('no-baseline', ['push', 'refuse', 'dispatch'] as const),
    untestedHead: oneOf('untested-head', ['ancestor', 'refuse', 'dispatch'] as const),
    retryFlaky: booleanInput('retry-flaky'),
    force: booleanInput('force') ? { actor, reason: input('force-reason') } : undefined,
    dryRun: booleanInput('dry-run'),
    // `<branch>:<path>` in the hosted tree, never a file of the checked-out revision.
    allowList: input('allow-list') || undefined,
    notesRef: input('notes-ref'),
    maxWalk: integerInput('max-walk', 100, 1),
    flight: input('flight') || `${Date.now()}`,
    trigger: { event: process.env.GITHUB_EVENT_NAME, ref: process.env.GITHUB_REF, actor, runUrl },
    junit: input('junit') || undefined,
    workDir: join(temp, 'tributary-push-gate'),
    identity: IDENTITY,
    github:
      repo && token
        ? {
            api: createGitHub({ token, logger: coreLogger }),
            ...repo,
            workflow: workflow || undefined,
            workflowRef: input('dispatch-ref') || undefined,
            targetUrl: runUrl,
          }
        : undefined,
  };
}

async function report(outcome: GateOutcome): Promise<void> {
  const d = outcome.decision;
  core.setOutput('pushed', String(outcome.pushed));
  core.setOutput('verdict', d.verdict);
  core.setOutput('revision', outcome.revision);
  core.setOutput('baseline', outcome.baseline?.record.revision ?? '');
  core.setOutput(
    'regressions',
    JSON.stringify(
      d.regressions.map((r) => ({
        job: r.job,
        step: r.step,
        baseline: r.baseline ?? null,
        now: r.now,
        kind: r.kind,
        failingSince: r.failingSince ?? null,
        lastPass: r.lastPass ?? null,
        log: r.log ?? null,
      })),
    ),
  );
  core.setOutput('junit', outcome.junit ?? '');
  await core.summary.addRaw(renderSummary(outcome)).write();
  if (outcome.error) core.setFailed(outcome.error);
  else if (d.verdict === 'refuse') core.setFailed(`Push refused: ${d.reason}`);
}

await runMain(async () => {
  let outcome: GateOutcome;
  try {
    outcome = await gateFlight(settings(), coreLogger);
  } catch (e) {
    if (!(e instanceof NotCarried)) throw e;
    // Refused before judging: nothing pushed, recorded or set; the step fails saying why.
    core.setOutput('pushed', 'false');
    core.setOutput('verdict', 'refuse');
    core.setOutput('revision', e.revision);
    await core.summary.addRaw(renderNotCarried(e)).write();
    core.setFailed(e.message);
    return;
  }
  await report(outcome);
});
