/**
 * What a bisection reads from recorded flights: every run of the regressed job and step, at
 * whatever revisions of every tree, as pass, fail or untestable. The regressed step is the
 * test: a failure of another step before it (a build that breaks for another reason, a step
 * blocked) says nothing about the regression, so that run is untestable, not bad. A cancelled
 * job is no run at all: the round that lost it is simply planned again.
 */
import type { FlightPurpose, FlightRecord, TreeRevision } from '../flight.js';

export type RunOutcome = 'pass' | 'fail' | 'untestable';

/** One run of the regressed step. */
export interface Run {
  flight: string;
  /** Every tree's revision in that flight. */
  trees: TreeRevision[];
  outcome: RunOutcome;
  /** Why the run is untestable, or the step's own message. */
  why?: string;
  purpose: FlightPurpose;
  recordedAt: string;
  /** The job's page or logs, and the step's log. */
  url?: string;
  log?: string;
  /** The attempt within the job (1 = first) when the job retried the step: each is a run. */
  attempt?: number;
}

/** The regression a bisection looks for: a job's step of a watch series. */
export interface Regression {
  series: string;
  job: string;
  step: string;
}

/** The runs of the regressed step in the series' flights, in the order of the records. */
export function runsOf(records: FlightRecord[], regression: Regression): Run[] {
  const runs: Run[] = [];
  for (const record of records) {
    if (record.series !== regression.series) continue;
    const job = record.jobs.find((j) => j.name === regression.job);
    if (!job || job.cancelled) continue;
    const base = {
      flight: record.flight,
      trees: record.trees,
      purpose: record.purpose ?? 'watch',
      recordedAt: record.recordedAt,
      ...(job.url ? { url: job.url } : {}),
    };
    const i = job.steps.findIndex((s) => s.name === regression.step);
    if (i < 0) {
      runs.push({ ...base, outcome: 'untestable', why: `job has no step '${regression.step}'` });
      continue;
    }
    const step = job.steps[i];
    const log = step.log ? { log: step.log } : {};
    const before = job.steps.slice(0, i).find((s) => s.status === 'fail' || s.status === 'blocked');
    if (before) {
      runs.push({
        ...base,
        ...log,
        outcome: 'untestable',
        why: `step '${before.name}' before it: ${before.status}`,
      });
      continue;
    }
    if (step.status === 'skip' || step.status === 'blocked') {
      runs.push({ ...base, ...log, outcome: 'untestable', why: step.status });
      continue;
    }
    // Earlier attempts of the step within the job ran it too: a step that failed and then
    // passed on a retry is flaky, and the bisection must see both.
    const earlier = (step.attempts ?? []).filter((a) => a === 'pass' || a === 'fail');
    earlier.forEach((a, n) => runs.push({ ...base, ...log, outcome: a, attempt: n + 1 }));
    runs.push({
      ...base,
      ...log,
      outcome: step.status,
      ...(step.message ? { why: step.message } : {}),
      ...(earlier.length ? { attempt: earlier.length + 1 } : {}),
    });
  }
  return runs;
}

/** Every tree's revision: tree name → commit id. */
export type Combination = Record<string, string>;

export function combinationOf(trees: TreeRevision[]): Combination {
  return Object.fromEntries(trees.map((t) => [t.name, t.revision]));
}

/**
 * What the runs at one combination say: good (passes), bad (fails), mixed (both: flaky),
 * untestable (only untestable runs), untested (no run).
 */
export type Verdict = 'good' | 'bad' | 'mixed' | 'untestable' | 'untested';

export interface Tally {
  pass: number;
  fail: number;
  untestable: number;
}

export function tally(runs: Run[]): Tally {
  const t = { pass: 0, fail: 0, untestable: 0 };
  for (const r of runs) t[r.outcome]++;
  return t;
}

export function verdictOf(runs: Run[]): Verdict {
  const t = tally(runs);
  if (t.pass && t.fail) return 'mixed';
  if (t.fail) return 'bad';
  if (t.pass) return 'good';
  return t.untestable ? 'untestable' : 'untested';
}

/** Runs found by the combination of the series' trees they ran (other trees ignored). */
export class RunIndex {
  private readonly byKey = new Map<string, Run[]>();

  constructor(
    runs: Run[],
    readonly trees: string[],
  ) {
    for (const run of runs) {
      const key = this.key(combinationOf(run.trees));
      if (key === undefined) continue; // a flight without one of the series' trees
      const list = this.byKey.get(key);
      if (list) list.push(run);
      else this.byKey.set(key, [run]);
    }
  }

  key(c: Combination): string | undefined {
    const parts = this.trees.map((t) => c[t]);
    return parts.every(Boolean) ? parts.join(' ') : undefined;
  }

  at(c: Combination): Run[] {
    const key = this.key(c);
    return (key !== undefined && this.byKey.get(key)) || [];
  }

  verdict(c: Combination): Verdict {
    return verdictOf(this.at(c));
  }

  /** Every combination with runs that has the revisions of `held` (tree → revision). */
  *matching(held: Combination): Generator<[Combination, Run[]]> {
    const fixed = Object.entries(held);
    for (const runs of this.byKey.values()) {
      const c = combinationOf(runs[0].trees);
      if (fixed.every(([t, r]) => c[t] === r)) yield [c, runs];
    }
  }
}
