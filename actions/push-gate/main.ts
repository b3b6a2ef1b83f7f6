/** The push-gate action: inputs → gateFlight → outputs, summary, annotations. */
import { join } from 'node:path';
import { gateFlight, NotCarried, type GateOutcome } from '../lib/gate/gate.js';
import { renderNotCarried, renderSummary } from '../lib/gate/report.js';
import { parseGateSettings } from '../lib/gate/settings.js';
import { gateFailure } from '../lib/gate/verdict.js';
import { createGitHub } from '../lib/github.js';
import { actionReader, core, coreLogger, runMain } from '../runtime/runner.js';

function settings() {
  const env = process.env;
  const workspace = env.GITHUB_WORKSPACE ?? process.cwd();
  const serverUrl = env.GITHUB_SERVER_URL ?? 'https://github.com';
  return parseGateSettings(actionReader, {
    workingDirectory: workspace,
    workDir: join(env.RUNNER_TEMP ?? workspace, 'tributary-push-gate'),
    actor: env.GITHUB_ACTOR ?? 'unknown',
    trigger: { event: env.GITHUB_EVENT_NAME, ref: env.GITHUB_REF },
    runUrl: (repository) =>
      env.GITHUB_RUN_ID
        ? `${serverUrl}/${repository}/actions/runs/${env.GITHUB_RUN_ID}`
        : undefined,
    flight: () => `${Date.now()}`,
    connect: (token) => createGitHub({ token, logger: coreLogger }),
  });
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
  const failure = gateFailure(outcome);
  if (failure) core.setFailed(failure);
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
