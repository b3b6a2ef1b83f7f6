/**
 * `runWatch`: the watch's story, one mode at a time. `report`: read the flight's job results
 * (every mistake refused before anything is fetched), find the previous flight of the series
 * in the watched tree's notes, compare (compare.ts), look the regressions' issues up, record
 * the flight as a note (leased, re-read and re-appended when another run recorded meanwhile),
 * then keep the issues. Never gates anything: a regression is an answer, not a failure.
 * `baseline` and `releases` only read.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigurationError, settingError, SettingError } from '../errors.js';
import { FLIGHT_RECORD_FORMAT, type FlightRecord, type FlightRef } from '../flight.js';
import { initRepository } from '../git.js';
import type { Logger } from '../log.js';
import { publishFlight, readResults } from '../gate/index.js';
import { resolveBaseline, type BaselineEntry } from './baseline.js';
import { compareFlight, type Comparison, type StepChange } from './compare.js';
import type { IssueKeeper } from '../github.js';
import { keepIssues, openIssuesOf, planIssues, regressionKey, type IssueAction } from './issues.js';
import { readSeriesNotes } from './notes.js';
import { classifyTags, type Classified } from './releases.js';
import type {
  WatchBaselineSettings,
  WatchReleasesSettings,
  WatchReportSettings,
  WatchSettings,
} from './settings.js';

export interface WatchDeps {
  logger: Logger;
  /**
   * The regressions' issue keeper (regressionKeeper in issues.ts, the GitHub module's);
   * without one the issue actions are planned and reported, not done.
   */
  issues?: IssueKeeper;
}

/** A regression (or a fix) as the action's outputs give it; pass and fail are the watched tree's revisions. */
export interface RegressionOutput {
  series: string;
  job: string;
  step: string;
  pass: string | null;
  fail: string;
  passFlight: string | null;
  failFlight: string;
  issue: number | null;
}

export interface ReportOutcome {
  mode: 'report';
  series: string;
  tree: string;
  revision: string;
  record: FlightRecord;
  comparison: Comparison;
  /** The issue actions: done when `issuesKept`, else only planned (no keeper). */
  issueActions: IssueAction[];
  issuesKept: boolean;
  regressions: RegressionOutput[];
  fixed: RegressionOutput[];
  /** Every issue acted on, in order. */
  issues: number[];
  publishAttempts: number;
  /** The previous-flight lookup's cost: notes log commits fetched, notes read. */
  lookup: { depth: number; notesRead: number };
}

export interface BaselineOutcome {
  mode: 'baseline';
  baseline: BaselineEntry[];
}

export interface ReleasesOutcome extends Classified {
  mode: 'releases';
}

export type WatchOutcome = ReportOutcome | BaselineOutcome | ReleasesOutcome;

export async function runWatch(s: WatchSettings, deps: WatchDeps): Promise<WatchOutcome> {
  if (s.mode === 'releases') return releases(s, deps);
  if (s.mode === 'baseline') return baseline(s, deps);
  return report(s, deps);
}

function releases(s: WatchReleasesSettings, deps: WatchDeps): ReleasesOutcome {
  const c = classifyTags(s.tags, s.patterns);
  for (const r of c.releases) deps.logger.info(`${r.tag}: ${r.kind}`);
  for (const t of c.unmatched)
    deps.logger.warning(
      `Tag '${t}' matches no release pattern (release-patterns): not a release, not tested.`,
    );
  return { mode: 'releases', ...c };
}

async function baseline(s: WatchBaselineSettings, deps: WatchDeps): Promise<BaselineOutcome> {
  mkdirSync(s.workDir, { recursive: true });
  const git = await initRepository(join(s.workDir, 'consumer.git'), {
    remotes: [s.consumer],
    logger: deps.logger,
  });
  return {
    mode: 'baseline',
    baseline: await resolveBaseline(git, s.consumer, s.branches, s.notesRef, deps.logger),
  };
}

/** The flight's results, or an error naming the setting that pointed at them. */
function results(s: WatchReportSettings) {
  let found;
  try {
    found = readResults(s.results, s.tree, s.revision);
  } catch (e) {
    if (e instanceof ConfigurationError && !(e instanceof SettingError) && e.subject === 'results')
      throw settingError('results', e.message);
    throw e;
  }
  const others = found.trees.filter((t) => t.name !== s.tree);
  if (!others.length)
    throw new SettingError(
      'series',
      (name) =>
        `The series '${s.series}' (${name}) has no baseline: the job results name only the watched tree '${s.tree}'. A watch flight tests it against the consumer's revision; each job result names every tree's revision in its 'trees' field.`,
    );
  return found;
}

function output(
  cmp: Comparison,
  c: StepChange,
  issues: Map<string, number>,
  fixed: boolean,
): RegressionOutput {
  const issue = issues.get(regressionKey(cmp.series, c.job, c.step)) ?? null;
  // A regression: the last pass, then this flight. A fix: the previous flight, then this one.
  const pass = fixed ? cmp.flight : c.lastPass;
  const fail = fixed ? cmp.previous! : cmp.flight;
  return {
    series: cmp.series,
    job: c.job,
    step: c.step,
    pass: pass?.revision ?? null,
    fail: fail.revision,
    passFlight: pass?.flight ?? null,
    failFlight: fail.flight,
    issue,
  };
}

async function report(s: WatchReportSettings, deps: WatchDeps): Promise<ReportOutcome> {
  const { logger } = deps;
  const found = results(s);
  const revision = found.revision;
  const now = s.now ?? new Date();
  const flight: FlightRef = { flight: found.flight ?? s.flight, revision, at: now.toISOString() };
  logger.info(
    `Watch flight ${flight.flight} of series '${s.series}': ${found.jobs.length} job(s) of ${s.tree} at ${revision}, with ${found.trees
      .filter((t) => t.name !== s.tree)
      .map((t) => `${t.name} ${t.revision}`)
      .join(', ')}`,
  );
  mkdirSync(s.workDir, { recursive: true });
  const git = await initRepository(join(s.workDir, 'watched.git'), {
    remotes: [s.hosted],
    identity: s.identity,
    logger,
  });
  const notes = await logger.group(`Reading the flights of series '${s.series}'`, () =>
    readSeriesNotes(git, s.hosted, s.notesRef, s.series, revision, logger),
  );
  const { previous } = notes;
  if (previous) {
    const names = (r: { trees: { name: string }[] }) => r.trees.map((t) => t.name).sort();
    const [was, is] = [names(previous), names(found)];
    const unknown = is.filter((n) => !was.includes(n));
    const gone = was.filter((n) => !is.includes(n));
    if (unknown.length || gone.length)
      throw settingError(
        'results',
        `the job results name trees ${is.join(', ')}; the series '${s.series}' tests ${was.join(', ')} (flight ${previous.flight})${unknown.length ? `: unknown ${unknown.join(', ')}` : ''}${gone.length ? `; missing ${gone.join(', ')}` : ''}. A series is a fixed combination of trees: name another series for another one. Nothing recorded.`,
      );
    logger.info(
      `Previous flight of the series: ${previous.flight} of ${previous.revision} (${previous.recordedAt}).`,
    );
  } else
    logger.info(
      `No previous flight of series '${s.series}' in ${s.notesRef}: this one is its first.`,
    );

  const comparison = compareFlight({
    series: s.series,
    flight,
    jobs: found.jobs,
    trees: found.trees,
    previous,
    sameRevision: notes.sameRevision,
    buildJobs: s.buildJobs,
  });
  const record: FlightRecord = {
    format: FLIGHT_RECORD_FORMAT,
    flight: flight.flight,
    series: s.series,
    purpose: 'watch',
    tree: s.tree,
    revision,
    trees: found.trees,
    jobs: found.jobs,
    ...(s.trigger ? { trigger: s.trigger } : {}),
    ...(found.startedAt ? { startedAt: found.startedAt } : {}),
    recordedAt: flight.at,
    history: comparison.history,
  };
  // The issues first, then the record: a run that stops between the two is simply run again,
  // finds the same regressions and the issues it opened (commented once a flight), and
  // records; the other way round, its regressions would be "still failing" with no issue.
  const keeper = deps.issues;
  const open = keeper ? await openIssuesOf(keeper, comparison) : new Map();
  const planned = planIssues(
    comparison,
    open,
    { flakyLabel: s.flakyLabel },
    { trees: found.trees, runUrl: s.runUrl, previousTrees: previous?.trees },
  );
  const issueActions = keeper ? await keepIssues(keeper, comparison, planned) : planned;
  const published = await publishFlight(
    git,
    { url: s.hosted.url },
    { notesRef: s.notesRef, record, logger },
  );
  logger.info(`Recorded flight ${record.flight} on ${revision} in ${s.notesRef}.`);
  const numbers = new Map<string, number>();
  // An open issue left as it is (a flaky one, say) is still the regression's issue.
  for (const [key, i] of open) numbers.set(key, i.number);
  for (const a of issueActions) if (a.issue) numbers.set(a.key, a.issue);
  return {
    mode: 'report',
    series: s.series,
    tree: s.tree,
    revision,
    record,
    comparison,
    issueActions,
    issuesKept: !!keeper,
    regressions: comparison.regressions.map((c) => output(comparison, c, numbers, false)),
    fixed: comparison.fixed.map((c) => output(comparison, c, numbers, true)),
    issues: [...new Set(issueActions.map((a) => a.issue).filter((n): n is number => !!n))],
    publishAttempts: published.attempts,
    lookup: { depth: notes.depth, notesRead: notes.notesRead },
  };
}
