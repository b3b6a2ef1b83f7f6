/**
 * The history summary carried from record to record (FlightHistory in flight.ts): each record
 * holds, per job and step, when it was first seen, when it last passed and since when it has
 * been failing. The gate reads one record (the baseline, or the latest of the revision) and
 * carries it one flight forward, so its cost does not grow with the number of flights.
 */
import type { FlightHistory, FlightJob, FlightRef, StepHistory, StepStatus } from '../flight.js';

export interface StepPast {
  first: FlightRef;
  lastPass?: FlightRef;
  failingSince?: FlightRef;
  last: StepStatus;
}

/** What the history says of one job's step, or undefined when it was never seen. */
export function stepPast(
  history: FlightHistory | undefined,
  job: string,
  step: string,
): StepPast | undefined {
  const h = history?.steps[job]?.[step];
  if (!h) return undefined;
  const ref = (i: number | null) => (i === null ? undefined : history!.flights[i]);
  return { first: ref(h[0])!, lastPass: ref(h[1]), failingSince: ref(h[2]), last: h[3] };
}

/** The history after one more flight: `prev` (not changed) plus `jobs` as flight `at`. */
export function carryHistory(
  prev: FlightHistory | undefined,
  at: FlightRef,
  jobs: FlightJob[],
): FlightHistory {
  // Work on refs, then rebuild the flights table with only what is still referenced.
  const steps = new Map<string, Map<string, StepPast>>();
  for (const [job, js] of Object.entries(prev?.steps ?? {})) {
    const m = new Map<string, StepPast>();
    for (const step of Object.keys(js)) m.set(step, stepPast(prev, job, step)!);
    steps.set(job, m);
  }
  for (const job of jobs) {
    let m = steps.get(job.name);
    if (!m) steps.set(job.name, (m = new Map()));
    for (const s of job.steps) {
      const status: StepStatus = s.status;
      const past = m.get(s.name) ?? { first: at, last: status };
      if (status === 'skip') {
        m.set(s.name, past);
        continue;
      }
      if (status === 'pass') m.set(s.name, { first: past.first, lastPass: at, last: 'pass' });
      else
        m.set(s.name, {
          first: past.first,
          lastPass: past.lastPass,
          failingSince: past.failingSince ?? at,
          last: status,
        });
    }
  }
  const flights: FlightRef[] = [];
  const index = new Map<string, number>();
  const idx = (r: FlightRef | undefined): number | null => {
    if (!r) return null;
    const key = `${r.flight}\u0000${r.revision}\u0000${r.at}`;
    let i = index.get(key);
    if (i === undefined) {
      i = flights.push({ flight: r.flight, revision: r.revision, at: r.at }) - 1;
      index.set(key, i);
    }
    return i;
  };
  const out: FlightHistory['steps'] = {};
  for (const [job, m] of steps) {
    const js: Record<string, StepHistory> = (out[job] = {});
    for (const [step, p] of m)
      js[step] = [idx(p.first)!, idx(p.lastPass), idx(p.failingSince), p.last];
  }
  return { flights, steps: out };
}
