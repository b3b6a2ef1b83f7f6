/**
 * `gateFlight`: the push gate's story. Read the flight's results (every mistake refused before
 * anything is fetched), fetch the hosted tree, refuse a revision staging did not carry, read
 * the allow list from its branch of the hosted tree, find the baseline, decide once (every
 * policy is in `decideFlight`), build the flight's record from the decision, then push the
 * tested branch and the record together, and report to GitHub as a step of its own
 * (announce.ts). What judges the flight (the allow list, the required jobs, the credentials)
 * never comes from the revision under test. Reads of the hosted tree are in hosted.ts, its
 * writes in publish.ts.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { invalidSetting, SettingError } from '../errors.js';
import {
  FLIGHT_RECORD_FORMAT,
  type FlightDecision,
  type FlightRecord,
  type FlightRef,
} from '../flight.js';
import { initRepository, type Git } from '../git.js';
import { toJUnit } from '../junit.js';
import { count, type Logger } from '../log.js';
import {
  describeSource,
  parseAllowListSource,
  readAllowList,
  type AllowEntry,
  type AllowListSource,
} from './allow-list.js';
import { announce } from './announce.js';
import { decideFlight, type Decision } from './decide.js';
import { carryHistory } from './history.js';
import { checkCarried, fetchNotes, fetchTree, loadContext, type GateContext } from './hosted.js';
import type { GateOutcome, GateSettings } from './model.js';
import { publishFlight, PushRefused } from './publish.js';
import { readResults, type FlightResults } from './results.js';

export { NotCarried, type GateOutcome, type GateSettings } from './model.js';
export {
  checkCarried,
  fetchTree,
  loadContext,
  type FetchedTree,
  type GateContext,
} from './hosted.js';

const POLICIES = {
  noBaseline: ['push', 'refuse', 'dispatch'],
  untestedHead: ['ancestor', 'refuse', 'dispatch'],
};

/** Everything checked before touching anything: inputs, results, where the allow list is. */
export function prepareGate(s: GateSettings): {
  results: FlightResults;
  allowSource: AllowListSource;
} {
  for (const [key, name] of [
    ['staging', 'staging'],
    ['tested', 'tested'],
  ] as const) {
    if (!/^(?!-)(?!.*\.\.)[A-Za-z0-9._/-]+$/.test(s[key]) || s[key].endsWith('/'))
      throw invalidSetting(name, s[key], 'a branch name');
  }
  if (!s.remote || s.remote.startsWith('-'))
    throw invalidSetting('tree-url', s.remote, 'an HTTPS URL or a path of the hosted tree');
  if (s.staging === s.tested)
    throw new SettingError(
      'tested',
      (name) => `The tested branch (${name}) must differ from staging ('${s.tested}').`,
    );
  if (!s.notesRef.startsWith('refs/notes/'))
    throw invalidSetting('notes-ref', s.notesRef, 'a ref under refs/notes/');
  if (s.revision !== undefined && !/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(s.revision))
    throw invalidSetting('revision', s.revision, 'a full commit id (40 hex digits)');
  if (!POLICIES.noBaseline.includes(s.noBaseline))
    throw invalidSetting('no-baseline', s.noBaseline, POLICIES.noBaseline.join(', '));
  if (!POLICIES.untestedHead.includes(s.untestedHead))
    throw invalidSetting('untested-head', s.untestedHead, POLICIES.untestedHead.join(', '));
  if (s.force && !s.force.reason.trim())
    throw new SettingError('force-reason', (name) => `A forced push needs a reason (${name}).`);
  if (
    (s.noBaseline === 'dispatch' || s.untestedHead === 'dispatch' || s.retryFlaky) &&
    !s.github?.workflow
  )
    throw new SettingError(
      'dispatch-workflow',
      (name, n) =>
        `Asking for a fresh flight needs the workflow to dispatch (${name}), in a repository (${n.name('repository')}) with a token.`,
    );
  const allowSource = parseAllowListSource(s.allowList);
  if (allowSource.branch === s.staging)
    throw new SettingError(
      'allow-list',
      (name) =>
        `The allow list cannot be on the staging branch '${s.staging}' (${name} '${describeSource(allowSource)}'): staging carries the changes under test, and a change could waive its own regressions. Keep it on a branch of its own, such as tributary/config.`,
    );
  const results = readResults(s.results, s.tree, s.revision);
  return { results, allowSource };
}

/** The fresh flight the decision asks for, when the gate may dispatch one. */
function dispatchOf(s: GateSettings, decision: Decision): FlightDecision['dispatched'] {
  if (!decision.dispatch || !s.github?.workflow) return undefined;
  return {
    workflow: s.github.workflow,
    ref: s.github.workflowRef ?? s.staging,
    ...decision.dispatch,
  };
}

/** The decision, final, from results and context (no git, no network), and the record of it. */
export function judge(
  s: GateSettings,
  results: FlightResults,
  allowList: AllowEntry[],
  ctx: GateContext,
): { decision: Decision; record: FlightRecord } {
  const now = s.now ?? new Date();
  // The latest summary is the baseline's, unless a flight of this revision came after it.
  const latest = [ctx.baseline?.record, ...ctx.sameRevision]
    .filter((r): r is FlightRecord => !!r && !!r.history)
    .sort((a, b) => a.recordedAt.localeCompare(b.recordedAt))
    .pop();
  const decision = decideFlight(
    { revision: results.revision, jobs: results.jobs },
    ctx.baseline,
    { summary: latest?.history, sameRevision: ctx.sameRevision },
    allowList,
    {
      required: s.required,
      buildJobs: s.buildJobs,
      noBaseline: s.noBaseline,
      untestedHead: s.untestedHead,
      tested: { branch: s.tested, head: ctx.testedHead },
      retryFlaky: s.retryFlaky,
      force: s.force,
      now,
    },
  );
  return { decision, record: flightRecord(s, results, ctx, decision, latest, now) };
}

/** The flight's record, built from the decision (not yet pushed: publishing says). */
function flightRecord(
  s: GateSettings,
  results: FlightResults,
  ctx: GateContext,
  decision: Decision,
  latest: FlightRecord | undefined,
  now: Date,
): FlightRecord {
  const at = now.toISOString();
  const flight = results.flight ?? s.flight;
  const ref: FlightRef = { flight, revision: results.revision, at };
  const recorded: FlightDecision = {
    verdict: decision.verdict,
    pushed: false,
    tested: { branch: s.tested, head: ctx.testedHead },
    regressions: decision.regressions.length,
    regressionList: decision.regressions.map((r) => ({
      job: r.job,
      step: r.step,
      baseline: r.baseline,
      now: r.now,
    })),
    reason: decision.reason,
  };
  if (ctx.baseline)
    recorded.baseline = {
      flight: ctx.baseline.record.flight,
      revision: ctx.baseline.record.revision,
      kind: ctx.baseline.kind,
    };
  if (decision.forced) recorded.forced = decision.forced;
  if (s.dryRun) recorded.dryRun = true;
  const dispatched = dispatchOf(s, decision);
  if (dispatched) recorded.dispatched = dispatched;
  const record: FlightRecord = {
    format: FLIGHT_RECORD_FORMAT,
    flight,
    tree: s.tree,
    revision: results.revision,
    trees: results.trees,
    jobs: results.jobs,
    recordedAt: at,
    decision: recorded,
    history: carryHistory(latest?.history, ref, results.jobs),
  };
  if (s.trigger) record.trigger = s.trigger;
  if (results.startedAt) record.startedAt = results.startedAt;
  return record;
}

/** The gate's own clone of the hosted tree, the token scoped to that repository. */
async function openClone(s: GateSettings, logger: Logger): Promise<Git> {
  mkdirSync(s.workDir, { recursive: true });
  return initRepository(join(s.workDir, 'hosted.git'), {
    remotes: [{ url: s.remote, token: s.token }],
    identity: s.identity,
    logger,
  });
}

function logDecision(s: GateSettings, ctx: GateContext, decision: Decision, logger: Logger): void {
  logger.info(
    ctx.baseline
      ? `Baseline: flight ${ctx.baseline.record.flight} of ${ctx.baseline.record.revision} (${ctx.baseline.kind === 'head' ? `${s.tested}'s head` : 'nearest ancestor with a record'})`
      : `No baseline: no flight record on ${s.tested}'s head or its last ${s.maxWalk} first-parent ancestors.`,
  );
  logger.info(`Decision: ${decision.verdict} (${decision.reason})`);
  for (const r of decision.regressions)
    logger.error(
      `Regression: ${r.job} ${r.step}: ${r.baseline ?? 'not run'} in the baseline, ${r.now} now`,
      { title: 'push gate' },
    );
  for (const e of decision.expiredAllows)
    logger.warning(
      `Allow-list entry expired on ${e.expires}, no longer allows: ${e.job} / ${e.step} (${e.source})`,
    );
  for (const e of decision.staleAllows)
    logger.warning(
      `Allow-list entry is stale, its step passes now: ${e.job} / ${e.step} (${e.source})`,
    );
}

/** The record as pushed: with whether this push moves the tested branch, or why it did not. */
function asPublished(record: FlightRecord, pushed: boolean, refused?: string): FlightRecord {
  const decision = { ...record.decision!, pushed };
  if (refused) decision.reason = `${decision.reason}; not pushed: ${refused}`;
  return { ...record, decision };
}

/**
 * Pushes the tested branch (when the decision says so) and the record, or the record alone.
 * A push refused for a reason a person must see (the tested branch moved) is recorded too,
 * without moving anything: the record is built again from the decision and the refusal.
 */
async function publish(
  s: GateSettings,
  git: Git,
  outcome: GateOutcome,
  logger: Logger,
): Promise<void> {
  const { decision, revision, testedHead } = outcome;
  const remote = { url: s.remote };
  const push = decision.verdict === 'push' && testedHead !== revision;
  const judged = outcome.record;
  try {
    outcome.record = asPublished(judged, push);
    const done = await publishFlight(git, remote, {
      notesRef: s.notesRef,
      record: outcome.record,
      tested: push ? { branch: s.tested, head: testedHead } : undefined,
      logger,
    });
    outcome.publishAttempts = done.attempts;
    outcome.pushed = done.moved;
    if (done.alreadyThere) outcome.alreadyThere = true;
  } catch (e) {
    if (!(e instanceof PushRefused)) throw e;
    outcome.error = e.message;
    outcome.record = asPublished(judged, false, e.message);
    await fetchNotes(git, remote, s.notesRef);
    outcome.publishAttempts = (
      await publishFlight(git, remote, { notesRef: s.notesRef, record: outcome.record, logger })
    ).attempts;
  }
}

/** Reads the hosted tree (fetch, carried, allow list, baseline) and decides. */
async function readAndJudge(
  s: GateSettings,
  git: Git,
  results: FlightResults,
  allowSource: AllowListSource,
  logger: Logger,
) {
  const tree = await logger.group(
    `Fetching ${s.tested}, ${s.staging}, the allow list and the flight records`,
    () => fetchTree(s, git, allowSource),
  );
  await checkCarried(s, git, results.revision, tree);
  const allowList = await readAllowList(git, allowSource, tree.allowHead, s.remote);
  logger.info(
    `Allow list ${describeSource(allowSource)}: ${allowList.length} entr${allowList.length === 1 ? 'y' : 'ies'}${tree.allowHead ? ` (${tree.allowHead})` : ' (no such branch)'}`,
  );
  const ctx = await loadContext(s, git, results.revision, tree.testedHead);
  const { decision, record } = judge(s, results, allowList, ctx);
  logDecision(s, ctx, decision, logger);
  return { ctx, decision, record };
}

/**
 * The whole gate. Throws ConfigurationError on bad input, and NotCarried for a revision
 * staging did not carry, before anything is written.
 */
export async function gateFlight(s: GateSettings, logger: Logger): Promise<GateOutcome> {
  const { results, allowSource } = prepareGate(s);
  const revision = results.revision;
  logger.info(
    `Flight ${results.flight ?? s.flight}: ${count(results.jobs.length, 'job')} of ${s.tree} at ${revision}`,
  );
  const git = await openClone(s, logger);
  const { ctx, decision, record } = await readAndJudge(s, git, results, allowSource, logger);
  const outcome: GateOutcome = {
    tree: s.tree,
    tested: s.tested,
    revision,
    testedHead: ctx.testedHead,
    baseline: ctx.baseline,
    decision,
    record,
    pushed: false,
    alreadyThere: decision.verdict === 'push' && ctx.testedHead === revision,
    publishAttempts: 0,
  };
  const dispatched = dispatchOf(s, decision);
  if (dispatched) outcome.dispatched = dispatched;
  if (!s.dryRun) {
    await publish(s, git, outcome, logger);
    await announce(s, outcome, logger);
  }
  if (s.junit) {
    mkdirSync(dirname(s.junit), { recursive: true });
    writeFileSync(s.junit, toJUnit(`${s.tree} ${revision} flight ${record.flight}`, record.jobs));
    outcome.junit = s.junit;
  }
  return outcome;
}
