/**
 * `gateFlight`: the push gate's story. Read the flight's results (every mistake refused before
 * anything is fetched), fetch the hosted tree, refuse a revision staging did not carry, read
 * the allow list from its branch of the hosted tree, find the baseline, decide, then push the
 * tested branch and the flight's note together, and report. What judges the flight (the allow
 * list, the required jobs, the credentials) never comes from the revision under test.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ConfigurationError, errorMessage, invalidSetting, SettingError } from '../errors.js';
import {
  FLIGHT_RECORD_FORMAT,
  toJUnit,
  type FlightDecision,
  type FlightRecord,
  type FlightRef,
} from '../flight.js';
import { Git, initRepository, type Identity } from '../git.js';
import { reportVerdict, type GitHubRepository, type ReportKind } from '../github.js';
import type { Logger } from '../log.js';
import {
  describeSource,
  parseAllowListSource,
  readAllowList,
  type AllowEntry,
  type AllowListSource,
} from './allow-list.js';
import { decideFlight, type Baseline, type Decision, type Policy } from './decide.js';
import { carryHistory } from './history.js';
import { findBaseline, readFlights } from './notes.js';
import { fetchNotes, publishFlight, PushRefused, usePartialClone } from './publish.js';
import { verdictOf } from './report.js';
import { readResults, type FlightResults } from './results.js';

export interface GateSettings {
  /** The directory of job results (as actions/download-artifact leaves it). */
  results: string;
  /** The hosted tree: HTTPS URL or local path. */
  remote: string;
  /** A token for the hosted tree (sent as a per-command header, never stored). */
  token?: string;
  /** The short name of the tree under test, as job results name it in `trees`. */
  tree: string;
  staging: string;
  tested: string;
  /** The revision the flight tested; read from the results when not given. */
  revision?: string;
  required: string[];
  buildJobs: string[];
  noBaseline: 'push' | 'refuse' | 'dispatch';
  /** The tested head has no record: judge against the nearest ancestor's, refuse, or ask for a flight of it. */
  untestedHead: 'ancestor' | 'refuse' | 'dispatch';
  retryFlaky: boolean;
  force?: { actor: string; reason: string };
  dryRun: boolean;
  /**
   * The allow list as `<branch>:<path>` in the hosted tree; unset: `tributary/config:allow.yml`,
   * where a missing branch or file is an empty list (one named here must exist).
   */
  allowList?: string;
  notesRef: string;
  /** How many first-parent ancestors of the tested head are searched for a baseline. */
  maxWalk: number;
  /** The flight's id (the workflow run, say); results may carry it too. */
  flight: string;
  trigger?: FlightRecord['trigger'];
  /** Where the flight's JUnit XML is written. */
  junit?: string;
  /** A scratch directory for the gate's own clone. */
  workDir: string;
  identity: Identity;
  /** The GitHub side: the verdict on the revision (a check run or a commit status), dispatches. */
  github?: {
    repository: GitHubRepository;
    /** How the verdict is shown: a check run (summary and annotations) or a commit status. */
    report: ReportKind;
    /** The workflow (file name or id) dispatched for a fresh flight, and the ref it runs on. */
    workflow?: string;
    workflowRef?: string;
    targetUrl?: string;
  };
  now?: Date;
}

export interface GateOutcome {
  tree: string;
  tested: string;
  revision: string;
  testedHead: string;
  baseline?: Baseline;
  decision: Decision;
  record: FlightRecord;
  pushed: boolean;
  /** Why nothing was pushed although the decision said push (the tested branch moved, ...). */
  error?: string;
  /** The tested branch was already at the revision (another gate of it pushed meanwhile). */
  alreadyThere?: boolean;
  dispatched?: NonNullable<FlightDecision['dispatched']>;
  junit?: string;
  /** How many times the note push was attempted (more than 1: another gate recorded meanwhile). */
  publishAttempts: number;
  /** How the verdict was shown on GitHub (a 403 on the check run falls back to a status). */
  reported?: ReportKind;
}

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

/**
 * The gate refuses a revision that the staging branch did not carry: pushing whatever
 * descends from the tested head (a commit under refs/pull/*, a fork's) would walk around the
 * review staging stands for. Refused before anything is written: no branch, no note.
 */
export class NotCarried extends Error {
  constructor(
    readonly revision: string,
    readonly branch: string,
    message: string,
  ) {
    super(message);
    this.name = 'NotCarried';
  }
}

/** The heads the gate judges against, as fetched in this run. */
export interface FetchedTree {
  testedHead: string;
  /** Undefined when the staging branch does not exist. */
  stagingHead?: string;
  /** The allow list's branch head; undefined when the branch does not exist. */
  allowHead?: string;
}

/** Where the gate's clone keeps the allow list's branch, apart from the branches it judges. */
const ALLOW_REF = 'refs/tributary/allow-list';

/**
 * A local repository with the hosted tree's tested and staging branches (commits only), the
 * allow list's branch and the notes. The revision is never fetched by id: what staging does
 * not carry is not the gate's to push.
 */
export async function fetchTree(
  s: GateSettings,
  git: Git,
  allowSource: AllowListSource,
): Promise<FetchedTree> {
  const tested = `refs/heads/${s.tested}`;
  const staging = `refs/heads/${s.staging}`;
  const allow = `refs/heads/${allowSource.branch}`;
  const refs = await git.lsRemote(s.remote, [tested, staging, allow]);
  if (!refs.has(tested))
    throw new ConfigurationError(
      'tested',
      `The tested branch '${s.tested}' does not exist in ${s.remote}: create it at the last revision that passed.`,
    );
  const local = (branch: string) => `refs/remotes/hosted/${branch}`;
  const specs = [`+${tested}:${local(s.tested)}`];
  if (refs.has(staging)) specs.push(`+${staging}:${local(s.staging)}`);
  if (refs.has(allow)) specs.push(`+${allow}:${ALLOW_REF}`);
  // Commits only: the ancestry check and the baseline walk read nothing else, so the fetch
  // stays small however long the history (a server without partial clone sends it all); the
  // allow list's tree and file come when read.
  const hosted = await usePartialClone(git, { url: s.remote });
  await git.fetch(hosted, specs, { filter: 'tree:0', retries: 3 });
  await fetchNotes(git, { url: s.remote }, s.notesRef);
  return {
    testedHead: (await git.commitOf(local(s.tested)))!,
    stagingHead: refs.has(staging) ? await git.commitOf(local(s.staging)) : undefined,
    allowHead: refs.has(allow) ? await git.commitOf(ALLOW_REF) : undefined,
  };
}

/**
 * The revision must be the tested head itself (a baseline flight of it) or reachable from the
 * staging head fetched in this run (a dispatched retry of an older staging commit is).
 */
export async function checkCarried(
  s: GateSettings,
  git: Git,
  revision: string,
  tree: FetchedTree,
): Promise<void> {
  if (revision === tree.testedHead) return;
  if (
    tree.stagingHead &&
    (await git.commitOf(revision)) &&
    (await git.isAncestor(revision, tree.stagingHead))
  )
    return;
  const where = tree.stagingHead
    ? `'${s.staging}' (head ${tree.stagingHead} as fetched now)`
    : `'${s.staging}', which does not exist in ${s.remote},`;
  throw new NotCarried(
    revision,
    s.staging,
    `Revision ${revision} is not on ${where} nor is it ${s.tested}'s head ${tree.testedHead}: the gate pushes only what ${s.staging} carried. Nothing pushed, nothing recorded.`,
  );
}

export interface GateContext {
  testedHead: string;
  baseline?: Baseline;
  sameRevision: FlightRecord[];
}

/** Reads what the decision needs from the notes: O(1) notes, whatever the length of history. */
export async function loadContext(
  s: GateSettings,
  git: Git,
  revision: string,
  testedHead: string,
): Promise<GateContext> {
  const found = await findBaseline(git, s.notesRef, testedHead, s.maxWalk);
  const sameRevision = await readFlights(git, s.notesRef, revision);
  return {
    testedHead,
    baseline: found ? { record: found.record, kind: found.kind } : undefined,
    sameRevision,
  };
}

/** The decision and the record to store, from results and context (no git, no network). */
export function judge(
  s: GateSettings,
  results: FlightResults,
  allowList: AllowEntry[],
  ctx: GateContext,
): { decision: Decision; record: FlightRecord; dispatch?: { revision: string; purpose: string } } {
  const now = s.now ?? new Date();
  const policy: Policy = {
    required: s.required,
    buildJobs: s.buildJobs,
    noBaseline: s.noBaseline === 'push' ? 'push' : 'refuse',
    retryFlaky: s.retryFlaky,
    force: s.force,
    now,
  };
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
    policy,
  );
  let dispatch: { revision: string; purpose: string } | undefined;
  // The flight is not judged against nothing: by policy, ask for the baseline to be tested.
  if (!s.force) {
    if (!ctx.baseline && s.noBaseline === 'dispatch') {
      decision.verdict = 'refuse';
      decision.reason = `no baseline: asking for a flight of ${s.tested}'s head ${ctx.testedHead} first`;
      dispatch = { revision: ctx.testedHead, purpose: 'baseline' };
    } else if (ctx.baseline?.kind === 'ancestor' && s.untestedHead !== 'ancestor') {
      decision.verdict = 'refuse';
      decision.reason = `${s.tested}'s head ${ctx.testedHead} was never tested (nearest record: ${ctx.baseline.record.revision})`;
      if (s.untestedHead === 'dispatch') {
        decision.reason += ': asking for a flight of it first';
        dispatch = { revision: ctx.testedHead, purpose: 'baseline' };
      }
    }
  }
  if (decision.verdict === 'retry') dispatch = { revision: results.revision, purpose: 'retry' };
  const at = now.toISOString();
  const flight = results.flight ?? s.flight;
  const ref: FlightRef = { flight, revision: results.revision, at };
  const record: FlightRecord = {
    format: FLIGHT_RECORD_FORMAT,
    flight,
    tree: s.tree,
    revision: results.revision,
    trees: results.trees,
    jobs: results.jobs,
    recordedAt: at,
    decision: {
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
    },
    history: carryHistory(latest?.history, ref, results.jobs),
  };
  if (ctx.baseline)
    record.decision!.baseline = {
      flight: ctx.baseline.record.flight,
      revision: ctx.baseline.record.revision,
      kind: ctx.baseline.kind,
    };
  if (decision.forced) record.decision!.forced = decision.forced;
  if (s.dryRun) record.decision!.dryRun = true;
  if (s.trigger) record.trigger = s.trigger;
  if (results.startedAt) record.startedAt = results.startedAt;
  return { decision, record, dispatch };
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

/** Pushes the tested branch (when the decision says so) and the record, or the record alone. */
async function publish(
  s: GateSettings,
  git: Git,
  outcome: GateOutcome,
  logger: Logger,
): Promise<void> {
  const { decision, record, revision, testedHead } = outcome;
  const remote = { url: s.remote };
  const push = decision.verdict === 'push' && testedHead !== revision;
  try {
    record.decision!.pushed = push;
    const done = await publishFlight(git, remote, {
      notesRef: s.notesRef,
      record,
      tested: push ? { branch: s.tested, head: testedHead } : undefined,
      logger,
    });
    outcome.publishAttempts = done.attempts;
    outcome.pushed = done.moved;
    if (done.alreadyThere) outcome.alreadyThere = true;
  } catch (e) {
    if (!(e instanceof PushRefused)) throw e;
    // A refused flight is history too: record it without moving anything.
    outcome.error = e.message;
    record.decision!.pushed = false;
    record.decision!.reason = `${decision.reason}; not pushed: ${e.message}`;
    await fetchNotes(git, remote, s.notesRef);
    outcome.publishAttempts = (
      await publishFlight(git, remote, { notesRef: s.notesRef, record, logger })
    ).attempts;
  }
}

/** The GitHub side, after the push: a fresh flight asked for, the commit status. */
async function announce(s: GateSettings, outcome: GateOutcome, logger: Logger): Promise<void> {
  if (!s.github) return;
  const gh = s.github;
  if (outcome.dispatched) {
    await gh.repository.dispatchWorkflow(gh.workflow!, outcome.dispatched.ref, {
      revision: outcome.dispatched.revision,
      purpose: outcome.dispatched.purpose,
    });
    logger.info(
      `Asked for a ${outcome.dispatched.purpose} flight of ${outcome.dispatched.revision}.`,
    );
  }
  const verdict = verdictOf(outcome, gh.targetUrl);
  // The push and the record are done; a verdict that cannot be shown does not undo them.
  try {
    outcome.reported = await reportVerdict(gh.repository, verdict, gh.report, logger);
  } catch (e) {
    logger.warning(
      `Could not report ${verdict.name} on ${outcome.revision} (${gh.report}): ${errorMessage(e)}`,
    );
  }
}

/**
 * The whole gate. Throws ConfigurationError on bad input, and NotCarried for a revision
 * staging did not carry, before anything is written.
 */
export async function gateFlight(s: GateSettings, logger: Logger): Promise<GateOutcome> {
  const { results, allowSource } = prepareGate(s);
  const revision = results.revision;
  logger.info(
    `Flight ${results.flight ?? s.flight}: ${results.jobs.length} jobs of ${s.tree} at ${revision}`,
  );
  const git = await openClone(s, logger);
  const tree = await logger.group(
    `Fetching ${s.tested}, ${s.staging}, the allow list and the flight records`,
    () => fetchTree(s, git, allowSource),
  );
  await checkCarried(s, git, revision, tree);
  const allowList = await readAllowList(git, allowSource, tree.allowHead, s.remote);
  logger.info(
    `Allow list ${describeSource(allowSource)}: ${allowList.length} entr${allowList.length === 1 ? 'y' : 'ies'}${tree.allowHead ? ` (${tree.allowHead})` : ' (no such branch)'}`,
  );
  const ctx = await loadContext(s, git, revision, tree.testedHead);
  const { decision, record, dispatch } = judge(s, results, allowList, ctx);
  logDecision(s, ctx, decision, logger);

  const outcome: GateOutcome = {
    tree: s.tree,
    tested: s.tested,
    revision,
    testedHead: tree.testedHead,
    baseline: ctx.baseline,
    decision,
    record,
    pushed: false,
    alreadyThere: decision.verdict === 'push' && tree.testedHead === revision,
    publishAttempts: 0,
  };
  if (dispatch && s.github?.workflow) {
    outcome.dispatched = {
      workflow: s.github.workflow,
      ref: s.github.workflowRef ?? s.staging,
      ...dispatch,
    };
    record.decision!.dispatched = outcome.dispatched;
  }
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
