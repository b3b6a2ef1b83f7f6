/**
 * The one model of flights and results, shared by the jobs that test (hypervisor-test writes
 * a JobResult), the push gate (reads them, decides, records a FlightRecord as a git note) and
 * the watch. The words are osstest's: a flight runs jobs over fixed revisions of every tree
 * involved; a job has steps; a step ends pass, fail, skip or blocked (a step before it failed).
 *
 * Formats are versioned by their `format` field; a reader refuses a format it does not know
 * instead of guessing. The reference is docs/flight-format.md.
 */
import { ConfigurationError } from './errors.js';

export const JOB_RESULT_FORMAT = 'tributary.job/v1';
export const FLIGHT_RECORD_FORMAT = 'tributary.flight/v1';

export const STEP_STATUSES = ['pass', 'fail', 'skip', 'blocked'] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];

export interface StepResult {
  name: string;
  status: StepStatus;
  durationMs?: number;
  /** The step's log: a path relative to the result file, or a URL. */
  log?: string;
  /** One line on why it ended as it did (a timeout, the pattern that matched). */
  message?: string;
  /**
   * Earlier attempts of this step within the same job, oldest first, when the job retried it.
   * A step that failed and then passed on a retry is flaky, not a regression.
   */
  attempts?: StepStatus[];
}

/** A tree involved in a flight, at the revision the flight used. */
export interface TreeRevision {
  /** A short name the user chose: `qemu-xen`, `seabios`, `xen`. */
  name: string;
  /** The full commit id. */
  revision: string;
  url?: string;
  /** The ref it was taken from, for people (refs/heads/staging). */
  ref?: string;
}

/** One job's result file, written by the job (hypervisor-test, or any job that follows the format). */
export interface JobResult {
  format: typeof JOB_RESULT_FORMAT;
  job: string;
  trees: TreeRevision[];
  steps: StepResult[];
  /** The flight this job belongs to, when the job knows it (the workflow run, say). */
  flight?: string;
  host?: string;
  /** The run attempt (GitHub's re-run counter) that produced this result. */
  attempt?: number;
  /** The job was cancelled or timed out before it finished: a required job then counts as failed. */
  cancelled?: boolean;
  startedAt?: string;
  finishedAt?: string;
  /** A link to the job's page or logs. */
  url?: string;
}

export interface FlightJob {
  name: string;
  host?: string;
  url?: string;
  cancelled?: boolean;
  /** The run attempt of the result kept (earlier attempts live on in each step's `attempts`). */
  attempt?: number;
  /**
   * The job's own trees, when one differs from the flight's `trees` (a dependency's gate
   * tests one revision of it against several of the consumer: a job per consumer branch).
   */
  trees?: TreeRevision[];
  steps: StepResult[];
}

/** A flight named in a history summary: which, of which revision, when recorded. */
export interface FlightRef {
  flight: string;
  revision: string;
  at: string;
}

/**
 * One step's past, carried forward from record to record so that the gate answers "never
 * passed", "failing since" and "last passed in" from one note, whatever the length of history.
 * Each value is an index into `FlightHistory.flights`, or null.
 * [first seen, last pass, failing since (first failure after the last pass), last status]
 */
export type StepHistory = [number, number | null, number | null, StepStatus];

/** The compact per-job/step summary of every flight recorded before and including this one. */
export interface FlightHistory {
  flights: FlightRef[];
  steps: Record<string, Record<string, StepHistory>>;
}

/** A step the gate names in its decision (see actions/lib/gate/decide.ts for the rules). */
export interface RecordedFinding {
  job: string;
  step: string;
  baseline?: StepStatus;
  /** `not run`: the job or step passed in the baseline and is absent from the flight. */
  now: StepStatus | 'not run';
}

/** What the push gate decided, stored with the flight so history can be read back. */
export interface FlightDecision {
  /** push: no regression (or forced); refuse; retry: a fresh flight of the revision was asked for. */
  verdict: 'push' | 'refuse' | 'retry';
  /** Whether the tested branch was actually moved (a dry run decides but does not push). */
  pushed: boolean;
  /** The tested branch and its head when the decision was made. */
  tested?: { branch: string; head?: string };
  baseline?: { flight: string; revision: string; kind?: 'head' | 'ancestor' };
  regressions: number;
  /** The regressions by job and step, so a reader of history need not recompute them. */
  regressionList?: RecordedFinding[];
  forced?: { actor: string; reason: string };
  reason?: string;
  /** What the gate asked the Actions API for (a baseline flight, a retry of this revision). */
  dispatched?: { workflow: string; ref: string; revision: string; purpose: string };
  dryRun?: boolean;
}

/** Why a flight of a watch series ran: the series' own schedule, or a bisection round. */
export const FLIGHT_PURPOSES = ['watch', 'bisect'] as const;
export type FlightPurpose = (typeof FLIGHT_PURPOSES)[number];

/** A flight as recorded in the notes of the tested revision (see docs/flight-format.md). */
export interface FlightRecord {
  format: typeof FLIGHT_RECORD_FORMAT;
  flight: string;
  /**
   * The watch series the flight belongs to, a stable name such as
   * `qemu-master-vs-xen-unstable` (absent in the push gate's records).
   */
  series?: string;
  /** What a flight of a series was for (absent: watch). */
  purpose?: FlightPurpose;
  /** The tree under test and the revision of it that the flight tested. */
  tree: string;
  revision: string;
  trees: TreeRevision[];
  jobs: FlightJob[];
  trigger?: { event?: string; ref?: string; actor?: string; runUrl?: string };
  startedAt?: string;
  recordedAt: string;
  decision?: FlightDecision;
  /** The history summary after this flight (absent in records written by hand). */
  history?: FlightHistory;
}

/** pass < skip < fail/blocked: the worst status of a job's steps is the job's. */
export function jobStatus(steps: StepResult[], cancelled = false): StepStatus {
  if (cancelled) return 'fail';
  if (steps.some((s) => s.status === 'fail')) return 'fail';
  if (steps.some((s) => s.status === 'blocked')) return 'blocked';
  if (steps.length && steps.every((s) => s.status === 'skip')) return 'skip';
  return 'pass';
}

/**
 * Marks every step after the first blocking failure as blocked, as osstest does. `blocks`
 * says whether a step's failure stops the ones after it (default: it does).
 */
export function blockAfterFailure<T extends StepResult>(
  steps: T[],
  blocks: (s: T) => boolean = () => true,
): T[] {
  let blocked = false;
  return steps.map((s) => {
    if (blocked && s.status !== 'skip') return { ...s, status: 'blocked' as StepStatus };
    if (s.status === 'fail' && blocks(s)) blocked = true;
    return s;
  });
}

// ---- validation: every error names the file and the field ------------------------------

class Checker {
  constructor(private readonly source: string) {}
  fail(field: string, message: string): never {
    throw new ConfigurationError(
      `${this.source}: ${field}`,
      `${this.source}: field '${field}' ${message}`,
    );
  }
  object(v: unknown, field: string): Record<string, unknown> {
    if (typeof v !== 'object' || v === null || Array.isArray(v))
      this.fail(field, `must be an object`);
    return v as Record<string, unknown>;
  }
  string(v: unknown, field: string, optional = false): string | undefined {
    if (v === undefined && optional) return undefined;
    if (typeof v !== 'string' || v === '')
      this.fail(field, `must be a non-empty string, got ${JSON.stringify(v)}`);
    return v;
  }
  number(v: unknown, field: string): number | undefined {
    if (v === undefined) return undefined;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
      this.fail(field, `must be a number >= 0, got ${JSON.stringify(v)}`);
    return v;
  }
  boolean(v: unknown, field: string): boolean | undefined {
    if (v === undefined) return undefined;
    if (typeof v !== 'boolean') this.fail(field, `must be true or false, got ${JSON.stringify(v)}`);
    return v;
  }
  array(v: unknown, field: string): unknown[] {
    if (!Array.isArray(v)) this.fail(field, `must be a list`);
    return v;
  }
  status(v: unknown, field: string): StepStatus {
    if (!STEP_STATUSES.includes(v as StepStatus)) {
      this.fail(field, `is ${JSON.stringify(v)}; expected one of ${STEP_STATUSES.join(', ')}`);
    }
    return v as StepStatus;
  }
  revision(v: unknown, field: string): string {
    const s = this.string(v, field)!;
    if (!/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(s))
      this.fail(field, `is '${s}'; expected a full commit id (40 hex digits)`);
    return s;
  }
  steps(v: unknown, field: string): StepResult[] {
    const names = new Set<string>();
    return this.array(v, field).map((raw, i) => {
      const f = `${field}[${i}]`;
      const o = this.object(raw, f);
      const name = this.string(o.name, `${f}.name`)!;
      if (names.has(name))
        this.fail(`${f}.name`, `repeats step '${name}'; step names must be unique within a job`);
      names.add(name);
      const step: StepResult = { name, status: this.status(o.status, `${f}.status`) };
      const d = this.number(o.durationMs, `${f}.durationMs`);
      if (d !== undefined) step.durationMs = d;
      const log = this.string(o.log, `${f}.log`, true);
      if (log) step.log = log;
      const message = o.message === undefined ? undefined : String(o.message);
      if (message) step.message = message;
      if (o.attempts !== undefined) {
        step.attempts = this.array(o.attempts, `${f}.attempts`).map((a, j) =>
          this.status(a, `${f}.attempts[${j}]`),
        );
      }
      return step;
    });
  }
  history(v: unknown, field: string): FlightHistory {
    const o = this.object(v, field);
    const flights = this.array(o.flights, `${field}.flights`).map((raw, i) => {
      const f = this.object(raw, `${field}.flights[${i}]`);
      return {
        flight: this.string(f.flight, `${field}.flights[${i}].flight`)!,
        revision: this.string(f.revision, `${field}.flights[${i}].revision`)!,
        at: this.string(f.at, `${field}.flights[${i}].at`)!,
      };
    });
    const index = (x: unknown, f: string): number | null => {
      if (x === null) return null;
      if (typeof x !== 'number' || !Number.isInteger(x) || x < 0 || x >= flights.length)
        this.fail(f, `must be an index into ${field}.flights or null, got ${JSON.stringify(x)}`);
      return x;
    };
    const steps: FlightHistory['steps'] = {};
    for (const [job, raw] of Object.entries(this.object(o.steps, `${field}.steps`))) {
      const js: Record<string, StepHistory> = (steps[job] = {});
      for (const [step, h] of Object.entries(this.object(raw, `${field}.steps.${job}`))) {
        const f = `${field}.steps.${job}.${step}`;
        const t = this.array(h, f);
        if (t.length !== 4) this.fail(f, `must be [first, lastPass, failingSince, lastStatus]`);
        const first = index(t[0], `${f}[0]`);
        if (first === null) this.fail(`${f}[0]`, 'must be an index, not null');
        js[step] = [
          first,
          index(t[1], `${f}[1]`),
          index(t[2], `${f}[2]`),
          this.status(t[3], `${f}[3]`),
        ];
      }
    }
    return { flights, steps };
  }
  trees(v: unknown, field: string): TreeRevision[] {
    const names = new Set<string>();
    return this.array(v, field).map((raw, i) => {
      const f = `${field}[${i}]`;
      const o = this.object(raw, f);
      const name = this.string(o.name, `${f}.name`)!;
      if (names.has(name)) this.fail(`${f}.name`, `repeats tree '${name}'`);
      names.add(name);
      const t: TreeRevision = { name, revision: this.revision(o.revision, `${f}.revision`) };
      const url = this.string(o.url, `${f}.url`, true);
      if (url) t.url = url;
      const ref = this.string(o.ref, `${f}.ref`, true);
      if (ref) t.ref = ref;
      return t;
    });
  }
}

function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new ConfigurationError(source, `${source}: not valid JSON (${(e as Error).message})`);
  }
}

/** Reads and validates one job's result file; `source` (the file's path) names it in errors. */
export function parseJobResult(text: string, source: string): JobResult {
  const c = new Checker(source);
  const o = c.object(parseJson(text, source), '(top level)');
  if (o.format !== JOB_RESULT_FORMAT) {
    c.fail('format', `is ${JSON.stringify(o.format)}; expected '${JOB_RESULT_FORMAT}'`);
  }
  const result: JobResult = {
    format: JOB_RESULT_FORMAT,
    job: c.string(o.job, 'job')!,
    trees: c.trees(o.trees, 'trees'),
    steps: c.steps(o.steps, 'steps'),
  };
  for (const key of ['flight', 'host', 'startedAt', 'finishedAt', 'url'] as const) {
    const v = c.string(o[key], key, true);
    if (v) result[key] = v;
  }
  const attempt = c.number(o.attempt, 'attempt');
  if (attempt !== undefined) result.attempt = attempt;
  const cancelled = c.boolean(o.cancelled, 'cancelled');
  if (cancelled !== undefined) result.cancelled = cancelled;
  return result;
}

/** Reads and validates a flight record (a note's content). */
export function parseFlightRecord(text: string, source: string): FlightRecord {
  const c = new Checker(source);
  const o = c.object(parseJson(text, source), '(top level)');
  if (o.format !== FLIGHT_RECORD_FORMAT) {
    c.fail('format', `is ${JSON.stringify(o.format)}; expected '${FLIGHT_RECORD_FORMAT}'`);
  }
  const jobNames = new Set<string>();
  const jobs = c.array(o.jobs, 'jobs').map((raw, i) => {
    const jo = c.object(raw, `jobs[${i}]`);
    const name = c.string(jo.name, `jobs[${i}].name`)!;
    if (jobNames.has(name)) c.fail(`jobs[${i}].name`, `repeats job '${name}'`);
    jobNames.add(name);
    const job: FlightJob = { name, steps: c.steps(jo.steps, `jobs[${i}].steps`) };
    const host = c.string(jo.host, `jobs[${i}].host`, true);
    if (host) job.host = host;
    const url = c.string(jo.url, `jobs[${i}].url`, true);
    if (url) job.url = url;
    if (c.boolean(jo.cancelled, `jobs[${i}].cancelled`)) job.cancelled = true;
    const attempt = c.number(jo.attempt, `jobs[${i}].attempt`);
    if (attempt !== undefined) job.attempt = attempt;
    if (jo.trees !== undefined) job.trees = c.trees(jo.trees, `jobs[${i}].trees`);
    return job;
  });
  const record: FlightRecord = {
    format: FLIGHT_RECORD_FORMAT,
    flight: c.string(o.flight, 'flight')!,
    tree: c.string(o.tree, 'tree')!,
    revision: c.revision(o.revision, 'revision'),
    trees: c.trees(o.trees, 'trees'),
    jobs,
    recordedAt: c.string(o.recordedAt, 'recordedAt')!,
  };
  const series = c.string(o.series, 'series', true);
  if (series) record.series = series;
  if (o.trigger !== undefined)
    record.trigger = c.object(o.trigger, 'trigger') as FlightRecord['trigger'];
  if (o.purpose !== undefined) {
    if (!FLIGHT_PURPOSES.includes(o.purpose as FlightPurpose))
      c.fail(
        'purpose',
        `is ${JSON.stringify(o.purpose)}; expected one of ${FLIGHT_PURPOSES.join(', ')}`,
      );
    record.purpose = o.purpose as FlightPurpose;
  }
  const startedAt = c.string(o.startedAt, 'startedAt', true);
  if (startedAt) record.startedAt = startedAt;
  if (o.decision !== undefined)
    record.decision = c.object(o.decision, 'decision') as unknown as FlightDecision;
  if (o.history !== undefined) record.history = c.history(o.history, 'history');
  return record;
}

/**
 * A note holds every flight of its revision, one record a line (JSON Lines), oldest first, so
 * that a second flight of the same revision is appended rather than replacing the first.
 */
export function parseFlightNote(text: string, source: string): FlightRecord[] {
  return text
    .split('\n')
    .map((line, i) => ({ line: line.trim(), i }))
    .filter(({ line }) => line !== '')
    .map(({ line, i }) => parseFlightRecord(line, `${source} line ${i + 1}`));
}

/** The note's text with one more record appended. */
export function appendFlightNote(existing: string, record: FlightRecord): string {
  const kept = existing.replace(/\s+$/, '');
  return (kept ? kept + '\n' : '') + JSON.stringify(record) + '\n';
}
