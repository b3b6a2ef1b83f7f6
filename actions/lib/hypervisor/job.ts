/**
 * The hypervisor test job: check the lock folder and the plan, take the host, clean what a
 * crashed job left, run the steps in order (each one's output shown live; later steps blocked
 * after a blocking failure), write the job's result file (tributary.job/v1, the push gate's
 * format) and a JUnit file, and leave the host as it was found, even when cancelled.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, relative, resolve } from 'node:path';
import {
  blockAfterFailure,
  jobStatus,
  JOB_RESULT_FORMAT,
  type JobResult,
  type StepResult,
  type StepStatus,
  type TreeRevision,
} from '../flight.js';
import { toJUnit } from '../junit.js';
import { ConfigurationError, errorMessage } from '../errors.js';
import { Git } from '../git.js';
import type { Logger } from '../log.js';
import { HostLock, groupRef, type JobRecord, type GuestRecord } from './host.js';
import {
  parsePlan,
  formatDuration,
  stepOf,
  type Plan,
  type PlanStep,
  type RunStep,
} from './test-plan.js';
import { withLiveOutput } from './live-output.js';
import { killGroup, spawnTagged, type Tagging } from './processes.js';
import {
  abortReason,
  ConsoleReader,
  failedStage,
  runGuestStep,
  stageResults,
  type StepOutcome,
} from './guest.js';

export interface JobSettings {
  /** The test plan's path (absolute, or relative to workDir). */
  planFile: string;
  /** Where steps run and relative plan paths point: the checked-out repository. */
  workDir: string;
  /** result.json, junit.xml and logs/ go here. */
  outputDir: string;
  /** The host-wide directory of the lock and of the jobs' records. */
  lockDir: string;
  /** Scratch space of this job (guest configs, pid files); removed at the end. */
  scratchDir: string;
  /** Unique per job run; guests are named `tributary-<tag>-<n>`. */
  tag: string;
  /** The job's name in the result; the plan's `job` field wins. */
  job: string;
  /** How long to wait for another job to let go of the host. */
  lockWaitMs: number;
  /** The process holding the lock (the action's main step, or the command line). */
  ownerPid?: number;
  flight?: string;
  attempt?: number;
  url?: string;
}

export interface StepReport extends StepResult {
  /** The log's absolute path. */
  logPath?: string;
  /** A guest step's backend log (QEMU's or xl's own messages), absolute. */
  backendLogPath?: string;
  /** The last console lines of a failed guest step. */
  consoleTail?: string;
}

export interface JobOutcome {
  result: JobResult;
  status: StepStatus;
  resultFile: string;
  junitFile: string;
  logDir: string;
  steps: StepReport[];
}

/** Names of log files: the step's position and name, in characters any file system takes. */
function logName(index: number, name: string, suffix: string): string {
  return `${String(index + 1).padStart(2, '0')}-${name.replace(/[^\w.-]+/g, '-')}${suffix}`;
}

/** Reads and checks the plan and the trees' revisions: everything that can be refused up front. */
export async function loadPlan(
  settings: Pick<JobSettings, 'planFile' | 'workDir'>,
  logger?: Logger,
): Promise<{ plan: Plan; trees: TreeRevision[] }> {
  const workDir = resolve(settings.workDir);
  if (!existsSync(workDir))
    throw new ConfigurationError(
      'working-directory',
      `The work directory ${workDir} does not exist`,
    );
  const planPath = resolve(workDir, settings.planFile);
  if (!existsSync(planPath))
    throw new ConfigurationError(
      'plan',
      `The test plan '${settings.planFile}' does not exist (${planPath})`,
    );
  const source = relative(workDir, planPath).startsWith('..')
    ? planPath
    : relative(workDir, planPath);
  const plan = parsePlan(readFileSync(planPath, 'utf8'), source, workDir);
  const trees: TreeRevision[] = [];
  for (const [i, t] of plan.trees.entries()) {
    const head = await new Git({ cwd: t.path, logger }).checkedOut();
    const revision = head?.commit;
    const ref = head?.ref;
    if (!revision)
      throw new ConfigurationError(
        `${source}: trees[${i}].path`,
        `${source}: trees[${i}]: field 'path' is '${relative(workDir, t.path) || '.'}', which is not a git work tree with a commit`,
      );
    const tree: TreeRevision = { name: t.name, revision };
    if (ref?.startsWith('refs/')) tree.ref = ref;
    if (t.url) tree.url = t.url;
    trees.push(tree);
  }
  return { plan, trees };
}

async function runShellStep(
  step: RunStep,
  logFile: string,
  tagging: Tagging,
  record: (pgid: number) => void,
  signal: AbortSignal,
): Promise<StepOutcome> {
  mkdirSync(step.workingDirectory, { recursive: true });
  writeFileSync(logFile, `$ ${step.run}\n`);
  const p = spawnTagged('bash', ['-c', step.run], {
    cwd: step.workingDirectory,
    env: step.env,
    logFile,
    tagging,
  });
  if (p.pid > 0) record(p.pid);
  let why: 'timeout' | 'abort' | undefined;
  const stop = (reason: 'timeout' | 'abort') => {
    why ??= reason;
    if (p.pid > 0) void killGroup(p.pid, 2000);
  };
  const timer = setTimeout(() => stop('timeout'), step.timeoutMs);
  const onAbort = () => stop('abort');
  signal.addEventListener('abort', onAbort);
  if (signal.aborted) onAbort();
  try {
    const code = await p.exited;
    if (why === 'timeout')
      return {
        status: 'fail',
        message: `timed out after ${formatDuration(step.timeoutMs)}; killed`,
      };
    if (why === 'abort')
      return { status: 'fail', message: `${abortReason(signal)}; killed`, interrupted: true };
    return code === 0
      ? { status: 'pass', message: 'exited with status 0' }
      : { status: 'fail', message: `exited with status ${code}` };
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', onAbort);
  }
}

function tailOf(file: string, lines = 10): string {
  return new ConsoleReader(file).tail(lines);
}

/** What every step of a job shares: where logs go, the host's record of what was started. */
interface StepContext {
  logDir: string;
  scratch: string;
  tagging: Tagging;
  host: HostLock;
  record: JobRecord;
  logger: Logger;
  /** Guests started so far: the next is `tributary-<tag>-<guests + 1>`. */
  guests: number;
}

/**
 * Runs one step, its log files shown live as they grow, and fills in where its logs are. An
 * error of the harness itself fails the step, never the job.
 */
async function runStep(
  step: PlanStep,
  index: number,
  report: StepReport,
  ctx: StepContext,
  signal: AbortSignal,
): Promise<StepOutcome> {
  const { host, record } = ctx;
  try {
    if (step.kind === 'run') {
      const logPath = (report.logPath = join(ctx.logDir, logName(index, step.name, '.log')));
      const remember = (pgid: number) => {
        record.groups.push(groupRef(pgid));
        host.writeRecord(record);
      };
      return await withLiveOutput(ctx.logger, [{ path: logPath }], () =>
        runShellStep(step, logPath, ctx.tagging, remember, signal),
      );
    }
    const name = `tributary-${ctx.tagging.tag}-${++ctx.guests}`;
    const consoleLog = (report.logPath = join(
      ctx.logDir,
      logName(index, step.name, '.console.log'),
    ));
    const backendLog = (report.backendLogPath = join(
      ctx.logDir,
      logName(index, step.name, '.log'),
    ));
    writeFileSync(consoleLog, '');
    writeFileSync(backendLog, '');
    const files = [{ path: consoleLog }, { path: backendLog, prefix: `${step.guest.backend}: ` }];
    const o = await withLiveOutput(ctx.logger, files, () =>
      runGuestStep(
        step,
        {
          name,
          consoleLog,
          backendLog,
          scratch: ctx.scratch,
          workDir: step.workingDirectory,
          tagging: ctx.tagging,
          // Called before the guest starts, and again once its process is known.
          record: (g: GuestRecord) => {
            record.guests = [...record.guests.filter((x) => x.name !== g.name), g];
            host.writeRecord(record);
          },
          logger: ctx.logger,
        },
        signal,
      ),
    );
    // Stopped by the step itself: nothing left for a later cleanup to stop.
    record.guests = record.guests.filter((g) => g.name !== name);
    host.writeRecord(record);
    return o;
  } catch (e) {
    return { status: 'fail' as const, message: `harness error: ${errorMessage(e)}` };
  }
}

/** Says why a step failed, with the last lines of its console (or of its backend's log). */
function reportFailure(
  logger: Logger,
  job: string,
  step: PlanStep,
  outcome: StepOutcome,
  report: StepReport,
  outputDir: string,
): void {
  // The console's last lines; when the guest said nothing, its backend's (QEMU's error).
  let tailFrom = report.logPath;
  if (report.logPath) report.consoleTail = tailOf(report.logPath);
  if (!report.consoleTail && report.backendLogPath) {
    tailFrom = report.backendLogPath;
    report.consoleTail = tailOf(report.backendLogPath);
  }
  logger.error(
    `Step '${step.name}' failed: ${outcome.message}` +
      (report.consoleTail
        ? `\nLast lines of ${relative(outputDir, tailFrom!)}:\n${report.consoleTail}`
        : ''),
    { title: `${job}: step ${failedStage(outcome) ?? step.name} failed` },
  );
}

/**
 * Runs `body` with a signal that aborts on the caller's cancellation or when the plan's own
 * timeout ends the job (as a cancellation does).
 */
async function withJobTimeout<T>(
  plan: Plan,
  signal: AbortSignal,
  body: (abort: AbortSignal) => Promise<T>,
): Promise<T> {
  const jobAbort = new AbortController();
  const onAbort = () => jobAbort.abort(abortReason(signal));
  signal.addEventListener('abort', onAbort);
  if (signal.aborted) onAbort();
  const jobTimer = plan.timeoutMs
    ? setTimeout(
        () => jobAbort.abort(`the job timed out after ${formatDuration(plan.timeoutMs!)}`),
        plan.timeoutMs,
      )
    : undefined;
  try {
    return await body(jobAbort.signal);
  } finally {
    clearTimeout(jobTimer);
    signal.removeEventListener('abort', onAbort);
  }
}

/**
 * The plan's steps in order, each in its log group; after a failing step that blocks (or an
 * interruption), the rest are blocked. A guest step with stages stands for one step of the
 * result per stage.
 */
async function runSteps(
  plan: Plan,
  job: string,
  ctx: StepContext,
  outputDir: string,
  abort: AbortSignal,
): Promise<{ reports: StepReport[]; cancelled: boolean }> {
  const reports: StepReport[] = [];
  let cancelled = false;
  let blocked = false;
  for (const [i, step] of plan.steps.entries()) {
    if (blocked || abort.aborted) {
      const report: StepReport = {
        name: step.name,
        status: 'blocked',
        message: 'a step before it failed',
      };
      reports.push(...stageResults(report, step));
      continue;
    }
    const began = Date.now();
    const report: StepReport = { name: step.name, status: 'pass' };
    const outcome = await ctx.logger.group(`Step ${step.name}`, () =>
      runStep(step, i, report, ctx, abort),
    );
    report.status = outcome.status;
    report.message = outcome.message;
    report.durationMs = Date.now() - began;
    if (report.logPath) report.log = relative(outputDir, report.logPath);
    if (outcome.status === 'fail') {
      if (outcome.interrupted) cancelled = true;
      if (step.blocks || outcome.interrupted) blocked = true;
      reportFailure(ctx.logger, job, step, outcome, report, outputDir);
    } else ctx.logger.info(`Step '${step.name}': ${outcome.message}`);
    reports.push(...stageResults(report, step, outcome.stages));
  }
  if (abort.aborted) cancelled = true;
  return { reports, cancelled };
}

/** The job's result (result.json and junit.xml in the output folder) from its step reports. */
function writeResult(
  settings: JobSettings,
  plan: Plan,
  run: { job: string; trees: TreeRevision[]; startedAt: Date; logDir: string },
  reports: StepReport[],
  cancelled: boolean,
): JobOutcome {
  const outputDir = resolve(settings.outputDir);
  const steps = blockAfterFailure(reports, (s) => {
    const p = stepOf(plan, s.name);
    return (p?.blocks ?? true) || cancelled;
  });
  const result: JobResult = {
    format: JOB_RESULT_FORMAT,
    job: run.job,
    trees: run.trees,
    steps: steps.map(({ name, status, durationMs, log, message }) => {
      const s: StepResult = { name, status };
      if (durationMs !== undefined) s.durationMs = durationMs;
      if (log) s.log = log;
      if (message) s.message = message;
      return s;
    }),
    host: hostname(),
    startedAt: run.startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
  };
  if (settings.flight) result.flight = settings.flight;
  if (settings.attempt !== undefined) result.attempt = settings.attempt;
  if (settings.url) result.url = settings.url;
  if (cancelled) result.cancelled = true;
  mkdirSync(outputDir, { recursive: true });
  const resultFile = join(outputDir, 'result.json');
  const junitFile = join(outputDir, 'junit.xml');
  writeFileSync(resultFile, JSON.stringify(result, null, 2) + '\n');
  writeFileSync(junitFile, toJUnit(run.job, [{ name: run.job, steps: result.steps }]));
  return {
    result,
    status: jobStatus(result.steps, cancelled),
    resultFile,
    junitFile,
    logDir: run.logDir,
    steps: steps.map((s, i) => ({ ...reports[i], status: s.status })),
  };
}

/**
 * Runs the job. Bad input throws a ConfigurationError before anything starts; otherwise the
 * result is always written, and the host always cleaned, whatever happens to the steps.
 */
export async function runJob(
  settings: JobSettings,
  logger: Logger,
  signal: AbortSignal = new AbortController().signal,
): Promise<JobOutcome> {
  const lockDir = resolve(settings.lockDir);
  const host = new HostLock(lockDir, logger);
  // Before anything is read or run: a lock folder another user can write to is refused.
  host.check();
  const { plan, trees } = await loadPlan(settings, logger);
  const outputDir = resolve(settings.outputDir);
  const logDir = join(outputDir, 'logs');
  const scratch = resolve(settings.scratchDir);
  const job = plan.job ?? settings.job;
  const tagging: Tagging = { tag: settings.tag, lockDir };

  await host.acquire(
    { pid: settings.ownerPid ?? process.pid, tag: settings.tag, job },
    { waitMs: settings.lockWaitMs, signal },
  );
  const startedAt = new Date();
  let ran: { reports: StepReport[]; cancelled: boolean } = { reports: [], cancelled: false };
  const record: JobRecord = { tag: settings.tag, job, groups: [], guests: [], scratch: [scratch] };
  try {
    host.writeRecord(record);
    await cleanLeftovers(host, settings.tag, logger);
    rmSync(logDir, { recursive: true, force: true });
    mkdirSync(logDir, { recursive: true });
    mkdirSync(scratch, { recursive: true });
    const ctx: StepContext = { logDir, scratch, tagging, host, record, logger, guests: 0 };
    ran = await withJobTimeout(plan, signal, (abort) => runSteps(plan, job, ctx, outputDir, abort));
  } finally {
    const { killed } = await host.cleanJob(settings.tag, record);
    if (killed.length)
      logger.info(
        `Killed ${killed.length} process(es) the steps left behind: ${killed.join(', ')}`,
      );
    host.release(settings.tag);
  }
  return writeResult(settings, plan, { job, trees, startedAt, logDir }, ran.reports, ran.cancelled);
}

/** Whatever jobs that crashed left on this host: their guests, processes, scratch directories. */
async function cleanLeftovers(host: HostLock, tag: string, logger: Logger): Promise<void> {
  for (const rec of host.otherRecords(tag)) {
    const { killed, guests } = await host.cleanJob(rec.tag, rec);
    logger.warning(
      `Cleaned what job '${rec.job}' (run ${rec.tag}) left on this host: ` +
        `${guests.length} guest(s)${guests.length ? ` (${guests.join(', ')})` : ''}, ${killed.length} process(es)`,
    );
  }
  const strays = host.strayProcesses(tag);
  for (const t of new Set(strays.map((p) => p.env.TRIBUTARY_RUN))) {
    const { killed } = await host.cleanJob(t);
    logger.warning(`Killed ${killed.length} process(es) left on this host by run ${t}`);
  }
}

/**
 * Creates the host's lock folder (mode 0700) when missing, and refuses it, or anything in it,
 * when another user could have planted or changed it: for a front end to call before it
 * tells its cleanup where to look. `runJob` checks again itself.
 */
export function checkLockDir(lockDir: string, logger: Logger): void {
  new HostLock(resolve(lockDir), logger).check();
}

/**
 * The post step: stops whatever the job still has running (after a cancellation or a crash of
 * the main step), removes its scratch space and lets go of the host lock. Idempotent.
 */
export async function cleanupJob(
  lockDir: string,
  tag: string,
  logger: Logger,
): Promise<{ killed: number[]; guests: string[]; released: boolean }> {
  const host = new HostLock(resolve(lockDir), logger);
  host.check(false);
  const done = await host.cleanJob(tag);
  const released = host.release(tag);
  return { ...done, released };
}
