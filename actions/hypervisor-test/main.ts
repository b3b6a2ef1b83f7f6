/**
 * hypervisor-test: the main step runs the job's test plan; the post step (the same file, told
 * apart by the state the main step saved first) stops whatever is left and lets go of the host.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { checkLockDir, cleanupJob, runJob, type JobOutcome } from '../lib/hypervisor/job.js';
import { parseHypervisorSettings } from '../lib/hypervisor/settings.js';
import { actionReader, core, coreLogger, runMain } from '../runtime/runner.js';
import { Outputs, State } from './constants.js';

function settings() {
  const env = process.env;
  const runnerTemp = env.RUNNER_TEMP || '/tmp';
  // Unique per job run, and readable back to the run: <run id>-<attempt>-<random>.
  const tag = `${env.GITHUB_RUN_ID || 'local'}-${env.GITHUB_RUN_ATTEMPT || '1'}-${randomBytes(3).toString('hex')}`;
  return parseHypervisorSettings(actionReader, {
    workingDirectory: env.GITHUB_WORKSPACE || '.',
    defaultJob: () => env.GITHUB_JOB || 'hypervisor-test',
    defaultOutputDir: (job) => join(runnerTemp, 'tributary-test', job),
    defaultFlight: env.GITHUB_RUN_ID || undefined,
    tag,
    scratchDir: join(runnerTemp, `tributary-${tag}`),
    attempt: env.GITHUB_RUN_ATTEMPT ? Number(env.GITHUB_RUN_ATTEMPT) : undefined,
    url:
      env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID
        ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
        : undefined,
  });
}

// core.summary writes cells as HTML as they are; a console line is text.
const text = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

async function summary(outcome: JobOutcome): Promise<void> {
  const seconds = (ms?: number) => (ms === undefined ? '' : `${(ms / 1000).toFixed(1)} s`);
  await core.summary
    .addHeading(`hypervisor-test ${text(outcome.result.job)}: ${outcome.status}`, 3)
    .addTable([
      [
        { data: 'step', header: true },
        { data: 'status', header: true },
        { data: 'duration', header: true },
        { data: 'log', header: true },
        { data: 'why', header: true },
      ],
      ...outcome.result.steps.map((s) => [
        text(s.name),
        s.status,
        seconds(s.durationMs) || '-',
        text(s.log ?? '-'),
        text(s.message ?? '-'),
      ]),
    ])
    .addRaw(
      `\n\nTrees: ${outcome.result.trees.map((t) => `${t.name} ${t.revision.slice(0, 12)}`).join(', ') || 'none'}. ` +
        `Result: \`${outcome.resultFile}\`, JUnit: \`${outcome.junitFile}\`.\n`,
    )
    .write();
}

async function main(): Promise<void> {
  // First of all: whatever happens next, the post step knows it has to clean up.
  core.saveState(State.isPost, 'true');
  const s = settings();
  // A lock folder another user could plant records in is refused before the post step is
  // told about it: nothing of it is read, by either step.
  checkLockDir(s.lockDir, coreLogger);
  core.saveState(State.lockDir, s.lockDir);
  core.saveState(State.tag, s.tag);
  core.setOutput(Outputs.tag, s.tag);

  // The runner cancels a step with SIGINT, then SIGTERM: stop the guests, keep the result.
  const abort = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    if (abort.signal.aborted) return;
    coreLogger.warning(`Received ${signal}: stopping the job`);
    abort.abort(`the job was cancelled (${signal})`);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  const outcome = await runJob(s, coreLogger, abort.signal);
  core.setOutput(Outputs.resultFile, outcome.resultFile);
  core.setOutput(Outputs.junitFile, outcome.junitFile);
  core.setOutput(Outputs.status, outcome.status);
  core.setOutput(Outputs.logDir, outcome.logDir);
  await summary(outcome);
  if (outcome.status !== 'pass') {
    const failed = outcome.result.steps.find((x) => x.status === 'fail');
    core.setFailed(
      `Job ${outcome.result.job}: ${outcome.status}${failed ? ` at step '${failed.name}' (${failed.message})` : ''}`,
    );
  }
}

async function post(): Promise<void> {
  const lockDir = core.getState(State.lockDir);
  const tag = core.getState(State.tag);
  if (!lockDir || !tag) return;
  const done = await cleanupJob(lockDir, tag, coreLogger);
  core.info(
    `Cleanup of run ${tag}: ${done.guests.length} guest(s) stopped, ${done.killed.length} process(es) killed` +
      (done.released ? ', host lock released' : ''),
  );
}

if (core.getState(State.isPost) === 'true') {
  // A post step's failure must not hide the job's own result: it is a warning.
  await post().catch((e: unknown) => core.warning(`Cleanup failed: ${String(e)}`));
} else {
  await runMain(main);
}
