/**
 * The page model: flights × jobs/steps, each cell marked as the gate would mark it. The marks
 * are the gate's own decision (decideFlight, run again on the flight with its baseline and the
 * earlier flights of its revision), with the decision recorded at the time winning for what
 * blocked: a regression the allow list excused then is allowable now, as it was. "Failing
 * since" and "last pass" come from the history summary each record carries, so no older
 * record is read for them. Pure: no git, no files.
 */
import type { FlightRecord, FlightRef, StepResult, StepStatus } from '../flight.js';
import { decideFlight, stepPast, type Finding } from '../gate/index.js';

/** What a cell says, in text as well as in colour. */
export type Mark = 'pass' | 'fail' | 'blocked' | 'allowable' | 'pass-in' | 'skip' | 'not-run';

export interface Cell {
  mark: Mark;
  /** The visible text: `pass`, `fail`, `pass in flight 12`, ... */
  text: string;
  /** One line on why (the tooltip): the gate's reason, since when, the step's message. */
  detail: string;
  /** The step's log, else its job's page (http or https only). */
  href?: string;
}

export interface FlightColumn {
  flight: string;
  revision: string;
  recordedAt: string;
  /** Every tree's revision the flight used (the watched tree's and the consumer's, say). */
  trees: { name: string; revision: string }[];
  runUrl?: string;
  /** The gate's verdict when recorded: push, refuse, retry (absent for a watch flight). */
  verdict?: string;
  pushed?: boolean;
  reason?: string;
}

export interface StepRow {
  job: string;
  step: string;
  /** One per column, in column order. */
  cells: Cell[];
  /** For a step failing in the newest flight that ran it: since when, and its last pass. */
  failingSince?: FlightRef;
  lastPass?: FlightRef;
  /** The newest flight that ran it failed it and the history says it never passed. */
  neverPassed?: boolean;
}

export interface JobGroup {
  job: string;
  rows: StepRow[];
}

export interface PageModel {
  title: string;
  /** 1-based. */
  page: number;
  pages: number;
  /** Flights older than the last page exist but were not rendered. */
  more: boolean;
  perPage: number;
  columns: FlightColumn[];
  jobs: JobGroup[];
  damaged: { commit: string; error: string }[];
  generatedAt: string;
}

export interface MarkContext {
  /** The flight this one was judged against, when known. */
  baseline?: FlightRecord;
  /** Flights of the same revision (and series) recorded before this one. */
  sameRevision: FlightRecord[];
  /** Build job patterns: a build's failure is never excused as flaky (the gate's rule). */
  buildJobs: string[];
}

const failing = (s: StepStatus | undefined) => s === 'fail' || s === 'blocked';

/** Only http(s) links are followed: a record's URL is data, and `javascript:` is not a log. */
export function safeUrl(u: unknown): string | undefined {
  if (typeof u !== 'string') return undefined;
  try {
    const url = new URL(u);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** The summary the gate judged a flight against: the latest of its baseline's and its revision's. */
function summaryBefore(ctx: MarkContext) {
  return [ctx.baseline, ...ctx.sameRevision]
    .filter((r): r is FlightRecord => !!r?.history)
    .sort((a, b) => a.recordedAt.localeCompare(b.recordedAt))
    .pop()?.history;
}

/** The steps the recorded decision called regressions (absent: the record holds no list). */
function recordedRegressions(record: FlightRecord): Set<string> | undefined {
  const list = (record.decision as { regressionList?: unknown } | undefined)?.regressionList;
  if (!Array.isArray(list)) return undefined;
  return new Set(
    list
      .filter((r): r is { job: string; step: string } => typeof r?.job === 'string')
      .map((r) => `${r.job}\u0000${String(r.step)}`),
  );
}

export const describeRef = (r: FlightRef | undefined): string =>
  r ? `flight ${r.flight} (${r.at.slice(0, 10)}, ${r.revision.slice(0, 12)})` : 'never';

const KIND_TEXT: Record<Finding['kind'], string> = {
  regression: 'regression: passed in the baseline',
  missing: 'required job missing or cancelled',
  'failed-in-baseline': 'failed in the baseline too',
  'never-passed': 'never passed',
  'no-baseline': 'no baseline to compare with',
  flaky: 'flaky',
  allowed: 'excused by the allow list',
  'not-run': 'did not run, though it passed in the baseline',
};

function cellOf(
  record: FlightRecord,
  job: { name: string; url?: string },
  step: StepResult,
  finding: Finding | undefined,
  blocked: Set<string> | undefined,
): Cell {
  const href =
    safeUrl(step.log) ?? safeUrl(job.url) ?? (finding?.log ? safeUrl(finding.log) : undefined);
  const where = `${job.name} / ${step.name} in flight ${record.flight}`;
  if (step.status === 'pass') return { mark: 'pass', text: 'pass', detail: `${where}: pass`, href };
  if (step.status === 'skip')
    return { mark: 'skip', text: 'skip', detail: `${where}: skipped`, href };
  const past = stepPast(record.history, job.name, step.name);
  const since = past?.failingSince ?? finding?.failingSince;
  const lastPass = past ? past.lastPass : finding?.lastPass;
  const history = `failing since ${since ? describeRef(since) : 'this flight'}, last pass ${describeRef(lastPass)}`;
  const message = step.message ? `: ${step.message}` : '';
  const key = `${job.name}\u0000${step.name}`;
  // What the gate decided at the time wins: it knew the allow list and the build jobs.
  const recorded = blocked?.has(key);
  if (finding?.kind === 'flaky' && !recorded)
    return {
      mark: 'pass-in',
      text: `pass in ${finding.passIn}`,
      detail: `${where}: ${step.status}, passed in ${finding.passIn} (flaky)${message}`,
      href,
    };
  const blocking = blocked ? !!recorded : (finding?.blocking ?? false);
  let why = finding ? KIND_TEXT[finding.kind] : 'failed';
  if (blocked && blocking && finding?.kind !== 'regression' && finding?.kind !== 'missing')
    why = 'a regression when the gate decided';
  else if (blocked && !blocking && finding && (finding.blocking || finding.kind === 'flaky'))
    why = 'excused when the gate decided (allow list)';
  const mark: Mark = step.status === 'blocked' ? 'blocked' : blocking ? 'fail' : 'allowable';
  const text = mark;
  const blockedBy = step.status === 'blocked' ? ' (a step before it failed)' : '';
  return {
    mark,
    text,
    detail: `${where}: ${step.status}${blockedBy}, ${blocking ? 'blocking' : 'not blocking'}, ${why}; ${history}${message}`,
    href,
  };
}

/** Every step of a flight marked: job → step → cell. */
export function markFlight(record: FlightRecord, ctx: MarkContext): Map<string, Map<string, Cell>> {
  const decision = decideFlight(
    { revision: record.revision, jobs: record.jobs },
    ctx.baseline ? { record: ctx.baseline, kind: 'head' } : undefined,
    { summary: summaryBefore(ctx), sameRevision: ctx.sameRevision },
    [],
    {
      required: [],
      buildJobs: ctx.buildJobs,
      noBaseline: 'push',
      retryFlaky: false,
      now: new Date(record.recordedAt),
    },
  );
  const findings = new Map(
    [...decision.regressions, ...decision.allowable].map((f) => [`${f.job}\u0000${f.step}`, f]),
  );
  const blocked = recordedRegressions(record);
  const out = new Map<string, Map<string, Cell>>();
  for (const job of record.jobs) {
    const cells = new Map<string, Cell>();
    for (const step of job.steps)
      cells.set(
        step.name,
        cellOf(record, job, step, findings.get(`${job.name}\u0000${step.name}`), blocked),
      );
    out.set(job.name, cells);
  }
  // A job or step that passed in the baseline and did not run: the gate's "did not run".
  for (const f of findings.values()) {
    if (f.kind !== 'not-run' || out.get(f.job)?.has(f.step)) continue;
    const cells = out.get(f.job) ?? new Map<string, Cell>();
    const excused = blocked ? !blocked.has(`${f.job}\u0000${f.step}`) : !f.blocking;
    cells.set(f.step, {
      mark: excused ? 'allowable' : 'fail',
      text: 'not run',
      detail: `${f.job} / ${f.step} in flight ${record.flight}: ${KIND_TEXT['not-run']}${excused ? ', excused' : ', blocking'}`,
      href: safeUrl(f.log),
    });
    out.set(f.job, cells);
  }
  // A required job that was missing or cancelled: the gate recorded it as a job-level regression.
  const list = (record.decision as { regressionList?: unknown } | undefined)?.regressionList;
  for (const r of Array.isArray(list) ? list : []) {
    if (typeof r?.job !== 'string' || r.step !== '(job)' || out.get(r.job)?.has('(job)')) continue;
    const cells = out.get(r.job) ?? new Map<string, Cell>();
    const notRun = (r as { now?: unknown }).now === 'not run';
    cells.set('(job)', {
      mark: 'fail',
      text: notRun ? 'not run' : 'fail',
      detail: `${r.job} in flight ${record.flight}: ${notRun ? KIND_TEXT['not-run'] : KIND_TEXT.missing}`,
      href: safeUrl(record.jobs.find((j) => j.name === r.job)?.url),
    });
    out.set(r.job, cells);
  }
  return out;
}

export function columnOf(record: FlightRecord): FlightColumn {
  const d = record.decision as
    { verdict?: unknown; pushed?: unknown; reason?: unknown } | undefined;
  return {
    flight: record.flight,
    revision: record.revision,
    recordedAt: record.recordedAt,
    trees: record.trees.map((t) => ({ name: t.name, revision: t.revision })),
    runUrl: safeUrl(record.trigger?.runUrl),
    verdict: typeof d?.verdict === 'string' ? d.verdict : undefined,
    pushed: typeof d?.pushed === 'boolean' ? d.pushed : undefined,
    reason: typeof d?.reason === 'string' ? d.reason : undefined,
  };
}

const NOT_RUN: Cell = { mark: 'not-run', text: 'not run', detail: 'not run in this flight' };

/**
 * One page: the flights given (newest first) as columns, every job and step any of them ran
 * as rows (in the order the newest flight ran them, then older ones').
 */
export function pageModel(
  flights: FlightRecord[],
  contextOf: (record: FlightRecord) => MarkContext,
  page: Omit<PageModel, 'columns' | 'jobs'>,
): PageModel {
  const marked = flights.map((f) => markFlight(f, contextOf(f)));
  const order = new Map<string, Set<string>>();
  for (const m of marked)
    for (const [job, cells] of m) {
      const steps = order.get(job) ?? new Set<string>();
      for (const step of cells.keys()) steps.add(step);
      order.set(job, steps);
    }
  const jobs: JobGroup[] = [...order].map(([job, steps]) => ({
    job,
    rows: [...steps].map((step) => {
      const cells = marked.map((m) => m.get(job)?.get(step) ?? NOT_RUN);
      const row: StepRow = { job, step, cells };
      // Since when and last pass, as of the newest flight that ran the step, when it fails there.
      const i = cells.findIndex((c) => c.mark !== 'not-run' && c.mark !== 'skip');
      if (i >= 0 && cells[i].mark !== 'pass') {
        const record = flights[i];
        const past = stepPast(record.history, job, step);
        const status = record.jobs
          .find((j) => j.name === job)
          ?.steps.find((s) => s.name === step)?.status;
        if (past && failing(status)) {
          row.failingSince = past.failingSince;
          row.lastPass = past.lastPass;
          row.neverPassed = !past.lastPass;
        }
      }
      return row;
    }),
  }));
  return { ...page, columns: flights.map(columnOf), jobs };
}
