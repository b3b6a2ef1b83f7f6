/**
 * A watch flight compared with the previous flight of its series, by the gate's own rules
 * (decideFlight: "passed then, fails now", the heisenbug rule, the carried history), as a pure
 * function. Nothing is gated: the comparison says what regressed, what was fixed, what still
 * fails and since when, and what is flaky; the issues and the summary are made from it.
 */
import type { FlightJob, FlightRecord, FlightRef, StepStatus, TreeRevision } from '../flight.js';
import { carryHistory, decideFlight, stepPast, type Finding } from '../gate/index.js';

/** One step of the flight, as the comparison sees it. */
export interface StepChange {
  job: string;
  step: string;
  /** The step's status in the previous flight of the series (undefined: not run there). */
  before?: StepStatus;
  now: StepStatus | 'not run';
  /** From the series' carried history, as of this flight. */
  firstSeen?: FlightRef;
  lastPass?: FlightRef;
  /** The first failure after the last pass (this flight, for a new regression). */
  failingSince?: FlightRef;
  /** A flaky step: where it passed (`attempt 1 of this flight`, `flight 123`). */
  passIn?: string;
  /** Still failing: it passed once (a regression that lasts) or never did. */
  neverPassed?: boolean;
  log?: string;
  message?: string;
}

export interface Comparison {
  series: string;
  /** This flight, and the previous flight of the series it was compared with. */
  flight: FlightRef;
  previous?: FlightRef;
  /** Passed in the previous flight (or last time it ran), fails now, and not flaky. */
  regressions: StepChange[];
  /** Failed in the previous flight (or never passed before), passes now. */
  fixed: StepChange[];
  /** Failed in the previous flight and fails now, or never passed. */
  stillFailing: StepChange[];
  /** Fails now but passed in another attempt or another flight of the same revisions. */
  flaky: StepChange[];
  /** Passed in the previous flight and did not run now (a job left out of the matrix). */
  notRun: StepChange[];
  /**
   * Every step that passes now (an issue of it, opened by an earlier flight, is closed), and
   * where it failed at the same revisions when it did (an earlier attempt, another flight):
   * the failure that opened its issue was a flaky one.
   */
  passing: { job: string; step: string; failedIn?: string }[];
  /** The series' history summary after this flight, for its record. */
  history: NonNullable<FlightRecord['history']>;
}

export interface CompareInput {
  series: string;
  flight: FlightRef;
  jobs: FlightJob[];
  trees: TreeRevision[];
  /** The previous watch flight of the series, if any. */
  previous?: FlightRecord;
  /**
   * Other flights recorded at the watched revision (any series, any purpose): those of this
   * series with every tree at the same revision are "another flight of the same revisions".
   */
  sameRevision: FlightRecord[];
  buildJobs: string[];
}

const failing = (s: { status: StepStatus } | undefined) =>
  s?.status === 'fail' || s?.status === 'blocked';

const sameTrees = (a: TreeRevision[], b: TreeRevision[]) =>
  a.length === b.length &&
  a.every((t) => b.some((u) => u.name === t.name && u.revision === t.revision));

export function compareFlight(input: CompareInput): Comparison {
  const { previous, flight } = input;
  const others = input.sameRevision.filter(
    (r) =>
      r.series === input.series &&
      r.revision === flight.revision &&
      sameTrees(r.trees, input.trees),
  );
  const decision = decideFlight(
    { revision: flight.revision, jobs: input.jobs },
    previous ? { record: previous, kind: 'head' } : undefined,
    { summary: previous?.history, sameRevision: others },
    [],
    {
      required: [],
      buildJobs: input.buildJobs,
      noBaseline: 'push',
      retryFlaky: false,
      now: new Date(flight.at),
    },
  );
  const history = carryHistory(previous?.history, flight, input.jobs);
  const prevRef: FlightRef | undefined = previous && {
    flight: previous.flight,
    revision: previous.revision,
    at: previous.recordedAt,
  };
  const change = (f: Finding): StepChange => {
    const past = stepPast(history, f.job, f.step);
    const c: StepChange = { job: f.job, step: f.step, now: f.now };
    if (f.baseline) c.before = f.baseline;
    if (past?.first) c.firstSeen = past.first;
    // A record written by hand carries no history: the previous flight is where it passed.
    const lastPass = past?.lastPass ?? f.lastPass ?? (f.baseline === 'pass' ? prevRef : undefined);
    if (lastPass) c.lastPass = lastPass;
    if (past?.failingSince) c.failingSince = past.failingSince;
    if (f.passIn) c.passIn = f.passIn;
    if (f.log) c.log = f.log;
    if (f.message) c.message = f.message;
    return c;
  };
  const out: Comparison = {
    series: input.series,
    flight,
    ...(prevRef ? { previous: prevRef } : {}),
    regressions: [],
    fixed: [],
    stillFailing: [],
    flaky: [],
    notRun: [],
    passing: input.jobs.flatMap((j) =>
      j.steps
        .filter((s) => s.status === 'pass')
        .map((s) => {
          const attempt = (s.attempts ?? []).findIndex((a) => a === 'fail' || a === 'blocked');
          const other = others.find((r) =>
            failing(r.jobs.find((o) => o.name === j.name)?.steps.find((o) => o.name === s.name)),
          );
          const failedIn =
            attempt >= 0
              ? `attempt ${attempt + 1} of this flight`
              : other
                ? `flight ${other.flight}`
                : undefined;
          return { job: j.name, step: s.name, ...(failedIn ? { failedIn } : {}) };
        }),
    ),
    history,
  };
  for (const f of [...decision.regressions, ...decision.allowable]) {
    const c = change(f);
    switch (f.kind) {
      case 'regression':
        out.regressions.push(c);
        break;
      case 'not-run':
        out.notRun.push(c);
        break;
      case 'flaky':
        out.flaky.push(c);
        break;
      case 'failed-in-baseline':
      case 'never-passed':
      case 'no-baseline':
        c.neverPassed = !c.lastPass;
        out.stillFailing.push(c);
        break;
      default:
        // No allow list and no required jobs here: nothing else is found.
        out.stillFailing.push(c);
    }
  }
  for (const f of decision.fixed) {
    const past = stepPast(history, f.job, f.step);
    out.fixed.push({
      job: f.job,
      step: f.step,
      now: 'pass',
      ...(f.baseline ? { before: f.baseline } : {}),
      ...(past?.first ? { firstSeen: past.first } : {}),
      lastPass: flight,
    });
  }
  return out;
}
