/**
 * The push gate's decision, osstest's rule as a pure function: compare a flight with its
 * baseline, use the carried history for "never passed" and "failing since", the other flights
 * of the same revision and earlier attempts for the heisenbug rule, the allow list, and the
 * policy. No git, no network: everything it needs is in its arguments.
 */
import picomatch from 'picomatch';
import {
  jobStatus,
  type FlightHistory,
  type FlightJob,
  type FlightRecord,
  type FlightRef,
  type StepStatus,
} from '../flight.js';
import { AllowMatcher, isExpired, type AllowEntry } from './allow-list.js';
import { stepPast } from './history.js';

/** Why a failing step does or does not block. */
export type FindingKind =
  | 'regression' // passed in the baseline (or last time it ran), fails now: blocks
  | 'missing' // a required job is missing or was cancelled: blocks
  | 'not-run' // passed in the baseline, absent from this flight: blocks unless allow-listed
  | 'failed-in-baseline' // allowable
  | 'never-passed' // allowable
  | 'no-baseline' // allowable, by the no-baseline policy
  | 'flaky' // passed in another flight of this revision or an earlier attempt: "pass in N"
  | 'allowed'; // an allow-list entry covers it

export interface Finding {
  job: string;
  step: string;
  kind: FindingKind;
  /** The step's status in the baseline; undefined when the baseline did not run it. */
  baseline?: StepStatus;
  /** `not run`: the job or step is absent from this flight. */
  now: StepStatus | 'not run';
  /** The job is a build job: its regressions always block. */
  build: boolean;
  blocking: boolean;
  /** The first failure after its last pass, when known. */
  failingSince?: FlightRef;
  lastPass?: FlightRef;
  /** Where it passed, for a flaky step: a flight id, or `attempt N` of this flight. */
  passIn?: string;
  allowedBy?: AllowEntry;
  log?: string;
  message?: string;
}

export interface Policy {
  /** Job name patterns that must be present and not cancelled. */
  required: string[];
  /** Job name patterns of build jobs (default `build*`). */
  buildJobs: string[];
  /**
   * No baseline record anywhere: push judged against nothing, refuse, or refuse and ask for a
   * flight of the tested head first (dispatch).
   */
  noBaseline: 'push' | 'refuse' | 'dispatch';
  /**
   * The tested head has no record but an ancestor has: judge against the ancestor's (the
   * default), refuse, or refuse and ask for a flight of the head first (dispatch).
   */
  untestedHead?: 'ancestor' | 'refuse' | 'dispatch';
  /** The tested branch and its head as fetched, which the policies' reasons name. */
  tested?: { branch: string; head: string };
  /** Ask for one fresh flight of the revision when the only regressions are non-build steps. */
  retryFlaky: boolean;
  /** Push despite regressions; recorded with who and why. */
  force?: { actor: string; reason: string };
  now: Date;
}

export interface Baseline {
  record: FlightRecord;
  /** `head`: the tested head's own record; `ancestor`: the nearest first-parent ancestor's. */
  kind: 'head' | 'ancestor';
}

export interface GateHistory {
  /** The carried summary to judge against (the baseline's, or a later one of this revision). */
  summary?: FlightHistory;
  /** Other flights of the revision under test, recorded before this one. */
  sameRevision: FlightRecord[];
}

export interface Decision {
  verdict: 'push' | 'refuse' | 'retry';
  /** Blocking findings: regressions and missing required jobs. */
  regressions: Finding[];
  /** Failures that do not block: allowable, flaky, allowed. */
  allowable: Finding[];
  /** Steps that pass now and did not in the baseline (or never had). */
  fixed: { job: string; step: string; baseline?: StepStatus }[];
  newJobs: string[];
  goneJobs: string[];
  expiredAllows: AllowEntry[];
  staleAllows: AllowEntry[];
  forced?: { actor: string; reason: string };
  /** One sentence on why, for the status and the log. */
  reason: string;
  /** A fresh flight to ask for: of the tested head (baseline) or of this revision (retry). */
  dispatch?: { revision: string; purpose: 'baseline' | 'retry' };
}

const failing = (s: StepStatus | undefined) => s === 'fail' || s === 'blocked';

/**
 * What passed in the baseline and is absent now did not run: a regression, unless a live
 * allow-list entry covers it (the list lives outside the tree under test, so a change cannot
 * delete its own failing test, nor a job that never started slip through). A job absent as a
 * whole is one finding, step `(job)`; an entry for the job with no step covers it.
 */
function notRun(
  baseline: Baseline | undefined,
  nowJobs: Map<string, FlightJob>,
  isBuild: (name: string) => boolean,
  allow: AllowMatcher,
  now: Date,
  regressions: Finding[],
  allowable: Finding[],
): void {
  if (!baseline) return;
  const { flight, revision, recordedAt: at } = baseline.record;
  for (const base of baseline.record.jobs) {
    const job = nowJobs.get(base.name);
    const passed = base.steps.filter((st) => st.status === 'pass');
    const gone = job ? passed.filter((st) => !job.steps.some((j) => j.name === st.name)) : [];
    const findings: Finding[] = (!job && passed.length ? [{ name: '(job)' }] : gone).map((st) => ({
      job: base.name,
      step: st.name,
      kind: 'not-run',
      baseline: st.name === '(job)' ? jobStatus(base.steps, base.cancelled) : 'pass',
      now: 'not run',
      build: isBuild(base.name),
      blocking: false,
      lastPass: { flight, revision, at },
      log: job?.url,
      message: job ? 'step did not run' : 'job did not run',
    }));
    for (const f of findings) {
      // A required job already reported missing is not reported twice.
      if (regressions.some((r) => r.job === f.job && r.step === f.step)) continue;
      f.allowedBy = allow.matching(f.job, f.step).find((e) => !isExpired(e, now));
      f.blocking = !f.allowedBy;
      (f.blocking ? regressions : allowable).push(f);
    }
  }
}

/** What a flight's steps say against the baseline, before any policy. */
interface Findings {
  regressions: Finding[];
  allowable: Finding[];
  fixed: Decision['fixed'];
  staleAllows: AllowEntry[];
}

/** Every required pattern must match a present job, and none of its jobs may be cancelled. */
function missingRequired(
  flight: { jobs: FlightJob[] },
  policy: Policy,
  isBuild: (name: string) => boolean,
): Finding[] {
  const missing: Finding[] = [];
  for (const pattern of policy.required) {
    const match = picomatch(pattern);
    const present = flight.jobs.filter((j) => match(j.name));
    if (!present.length)
      missing.push({
        job: pattern,
        step: '(job)',
        kind: 'missing',
        now: 'fail',
        build: isBuild(pattern),
        blocking: true,
        message: 'required job missing from the flight',
      });
    for (const j of present.filter((j) => j.cancelled))
      missing.push({
        job: j.name,
        step: '(job)',
        kind: 'missing',
        now: 'fail',
        build: isBuild(j.name),
        blocking: true,
        message: 'required job was cancelled',
        log: j.url,
      });
  }
  return missing;
}

/** What judging one failing step needs besides the step. */
interface StepContext {
  baseline: Baseline | undefined;
  history: GateHistory;
  /** Other flights of the same revision, for the heisenbug rule. */
  others: FlightRecord[];
  policy: Policy;
}

/**
 * A failing step judged: a regression (blocking), or allowable (failed in the baseline too,
 * never passed, no baseline, flaky by the heisenbug rule, covered by the allow list).
 */
function judgeFailure(
  job: FlightJob,
  step: FlightJob['steps'][number],
  build: boolean,
  entries: AllowEntry[],
  c: StepContext,
): Finding {
  const base = c.baseline?.record.jobs.find((j) => j.name === job.name);
  const baseStatus = base?.steps.find((s) => s.name === step.name)?.status;
  const past = stepPast(c.history.summary, job.name, step.name);
  const finding: Finding = {
    job: job.name,
    step: step.name,
    kind: 'regression',
    baseline: baseStatus,
    now: step.status,
    build,
    blocking: false,
    failingSince: past?.failingSince,
    lastPass: past?.lastPass,
    // A URL to the step's log when the job gave one, else the job's page (its artifacts hold the file).
    log: step.log && /^https?:\/\//.test(step.log) ? step.log : (job.url ?? step.log),
    message: step.message,
  };
  // Was it passing before? The baseline says; for a step it did not run, the last flight
  // that ran it does.
  let regressed: boolean;
  if (!c.baseline) regressed = false;
  else if (baseStatus === 'pass') regressed = true;
  else if (baseStatus === undefined || baseStatus === 'skip') regressed = past?.last === 'pass';
  else regressed = false;

  if (!regressed) {
    if (!c.baseline) finding.kind = 'no-baseline';
    else if (past ? !past.lastPass : !failing(baseStatus)) finding.kind = 'never-passed';
    else finding.kind = 'failed-in-baseline';
    if (entries.length) finding.allowedBy = entries.find((e) => !isExpired(e, c.policy.now));
    return finding;
  }
  // The heisenbug rule: a pass of the same step in this flight's earlier attempts or in
  // another flight of the same revision.
  const attempt = (step.attempts ?? []).indexOf('pass');
  const other = c.others.find(
    (r) =>
      r.jobs.find((j) => j.name === job.name)?.steps.find((s) => s.name === step.name)?.status ===
      'pass',
  );
  const live = entries.filter((e) => !isExpired(e, c.policy.now));
  if (!build && attempt >= 0) {
    finding.kind = 'flaky';
    finding.passIn = `attempt ${attempt + 1} of this flight`;
  } else if (!build && other) {
    finding.kind = 'flaky';
    finding.passIn = `flight ${other.flight}`;
  } else if (!build && live.length) {
    finding.kind = 'allowed';
    finding.allowedBy = live[0];
  } else finding.blocking = true;
  return finding;
}

/** Every step of the flight against the baseline and the carried history. */
function findings(
  flight: { revision: string; jobs: FlightJob[] },
  c: StepContext,
  allow: AllowMatcher,
  isBuild: (name: string) => boolean,
): Findings {
  const regressions = missingRequired(flight, c.policy, isBuild);
  const allowable: Finding[] = [];
  const fixed: Decision['fixed'] = [];
  const stale = new Set<AllowEntry>();
  const baseJobs = new Map((c.baseline?.record.jobs ?? []).map((j) => [j.name, j]));
  for (const job of flight.jobs) {
    const build = isBuild(job.name);
    for (const step of job.steps) {
      const entries = allow.matching(job.name, step.name);
      if (step.status === 'pass') {
        for (const e of entries) stale.add(e);
        const baseStatus = baseJobs.get(job.name)?.steps.find((s) => s.name === step.name)?.status;
        const past = stepPast(c.history.summary, job.name, step.name);
        if (failing(baseStatus) || (!baseStatus && past && !past.lastPass && failing(past.last)))
          fixed.push({ job: job.name, step: step.name, baseline: baseStatus });
        continue;
      }
      if (step.status === 'skip') continue;
      const finding = judgeFailure(job, step, build, entries, c);
      (finding.blocking ? regressions : allowable).push(finding);
    }
  }
  const nowJobs = new Map(flight.jobs.map((j) => [j.name, j]));
  notRun(c.baseline, nowJobs, isBuild, allow, c.policy.now, regressions, allowable);
  // An entry is stale only when nothing it matches still fails.
  for (const f of [...regressions, ...allowable])
    for (const e of allow.matching(f.job, f.step)) stale.delete(e);
  return { regressions, allowable, fixed, staleAllows: [...stale] };
}

type Verdict = Pick<Decision, 'verdict' | 'reason' | 'dispatch' | 'forced'>;

/**
 * The baseline policies: a flight judged against nothing, or against an ancestor of an
 * untested head, is refused when the policy says so, asking for a flight of the head first
 * when it says dispatch. A forced push is never held by them.
 */
function heldByPolicy(baseline: Baseline | undefined, policy: Policy): Verdict | undefined {
  const t = policy.tested;
  if (policy.force || !t) return undefined;
  const first = { revision: t.head, purpose: 'baseline' as const };
  if (!baseline && policy.noBaseline === 'dispatch')
    return {
      verdict: 'refuse',
      reason: `no baseline: asking for a flight of ${t.branch}'s head ${t.head} first`,
      dispatch: first,
    };
  const untested = policy.untestedHead ?? 'ancestor';
  if (baseline?.kind === 'ancestor' && untested !== 'ancestor') {
    const reason = `${t.branch}'s head ${t.head} was never tested (nearest record: ${baseline.record.revision})`;
    return untested === 'dispatch'
      ? { verdict: 'refuse', reason: `${reason}: asking for a flight of it first`, dispatch: first }
      : { verdict: 'refuse', reason };
  }
  return undefined;
}

/** osstest's rule on the findings: push without regressions, retry a flaky-looking flight. */
function ruleVerdict(
  revision: string,
  baseline: Baseline | undefined,
  regressions: Finding[],
  others: FlightRecord[],
  policy: Policy,
): Verdict {
  const n = regressions.length;
  if (!baseline && policy.noBaseline !== 'push')
    return {
      verdict: 'refuse',
      reason:
        'no baseline: no flight record on the tested branch or its recent history, and policy no-baseline is refuse',
    };
  if (n === 0)
    return {
      verdict: 'push',
      reason: baseline
        ? 'no regression'
        : 'no baseline (policy no-baseline: push); every failure reported',
    };
  if (
    policy.retryFlaky &&
    !others.length &&
    regressions.every((r) => r.kind === 'regression' && !r.build)
  )
    return {
      verdict: 'retry',
      reason: `${n} regression${n > 1 ? 's' : ''} in steps that are not builds: asking for a fresh flight of the revision`,
      dispatch: { revision, purpose: 'retry' },
    };
  return {
    verdict: 'refuse',
    reason: `${n} regression${n > 1 ? 's' : ''}: ${regressions
      .slice(0, 3)
      .map((r) => `${r.job} ${r.step}`)
      .join(', ')}${n > 3 ? ', ...' : ''}`,
  };
}

/**
 * The gate's decision, final: the findings, then every policy (the baseline policies, osstest's
 * rule, a retry, a forced push). Nothing after it changes the verdict.
 */
export function decideFlight(
  flight: { revision: string; jobs: FlightJob[] },
  baseline: Baseline | undefined,
  history: GateHistory,
  allowList: AllowEntry[],
  policy: Policy,
): Decision {
  const isBuild = picomatch(policy.buildJobs.length ? policy.buildJobs : ['build*']);
  const others = history.sameRevision.filter((r) => r.revision === flight.revision);
  const found = findings(
    flight,
    { baseline, history, others, policy },
    new AllowMatcher(allowList),
    isBuild,
  );
  const baseJobs = new Set((baseline?.record.jobs ?? []).map((j) => j.name));
  const nowJobs = new Set(flight.jobs.map((j) => j.name));
  let verdict =
    heldByPolicy(baseline, policy) ??
    ruleVerdict(flight.revision, baseline, found.regressions, others, policy);
  if (policy.force && verdict.verdict !== 'push')
    verdict = {
      verdict: 'push',
      forced: policy.force,
      reason: `forced by ${policy.force.actor}: ${policy.force.reason} (${verdict.reason})`,
    };
  const decision: Decision = {
    verdict: verdict.verdict,
    ...found,
    newJobs: flight.jobs.filter((j) => baseline && !baseJobs.has(j.name)).map((j) => j.name),
    goneJobs: [...baseJobs].filter((n) => !nowJobs.has(n)),
    // Every expired entry is reported, so the list gets cleaned up; none of them allows.
    expiredAllows: allowList.filter((e) => isExpired(e, policy.now)),
    reason: verdict.reason,
  };
  if (verdict.forced) decision.forced = verdict.forced;
  if (verdict.dispatch) decision.dispatch = verdict.dispatch;
  return decision;
}
