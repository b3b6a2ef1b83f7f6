/**
 * `gateFlight`: the push gate's story. Read the flight's results and the allow list (every
 * mistake refused before anything changes), fetch the hosted tree, find the baseline, decide,
 * then push the tested branch and the flight's note together, and report.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ConfigurationError, errorMessage, invalid } from '../errors.js';
import {
  FLIGHT_RECORD_FORMAT,
  toJUnit,
  type FlightDecision,
  type FlightRecord,
  type FlightRef,
} from '../flight.js';
import { Git, initRepository, type GitCredential, type Identity } from '../git.js';
import type { GitHub } from '../github.js';
import type { Logger } from '../log.js';
import { parseAllowList, type AllowEntry } from './allow-list.js';
import { decideFlight, type Baseline, type Decision, type Policy } from './decide.js';
import { carryHistory } from './history.js';
import { findBaseline, readFlights } from './notes.js';
import { fetchNotes, publishFlight, PushRefused, usePartialClone } from './publish.js';
import { statusOf, STATUS_CONTEXT } from './report.js';
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
  /** Path of the allow-list YAML file; missing file = empty list unless `allowListRequired`. */
  allowList?: string;
  allowListRequired?: boolean;
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
  /** The GitHub side: commit status and workflow dispatches. */
  github?: {
    api: GitHub;
    owner: string;
    repo: string;
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
  dispatched?: NonNullable<FlightDecision['dispatched']>;
  junit?: string;
  /** How many times the note push was attempted (more than 1: another gate recorded meanwhile). */
  publishAttempts: number;
}

const POLICIES = {
  noBaseline: ['push', 'refuse', 'dispatch'],
  untestedHead: ['ancestor', 'refuse', 'dispatch'],
};

/** Everything that can be checked before touching anything: inputs, results, allow list. */
export function prepareGate(s: GateSettings): { results: FlightResults; allowList: AllowEntry[] } {
  for (const [key, name] of [
    ['staging', 'staging'],
    ['tested', 'tested'],
  ] as const) {
    if (!/^(?!-)(?!.*\.\.)[A-Za-z0-9._/-]+$/.test(s[key]) || s[key].endsWith('/'))
      throw invalid(`input '${name}'`, s[key], 'a branch name');
  }
  if (!s.remote || s.remote.startsWith('-'))
    throw invalid("input 'tree-url'", s.remote, 'an HTTPS URL or a path of the hosted tree');
  if (s.staging === s.tested)
    throw new ConfigurationError(
      'tested',
      `The tested branch must differ from staging ('${s.tested}').`,
    );
  if (!s.notesRef.startsWith('refs/notes/'))
    throw invalid("input 'notes-ref'", s.notesRef, 'a ref under refs/notes/');
  if (s.revision !== undefined && !/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(s.revision))
    throw invalid("input 'revision'", s.revision, 'a full commit id (40 hex digits)');
  if (!POLICIES.noBaseline.includes(s.noBaseline))
    throw invalid("input 'no-baseline'", s.noBaseline, POLICIES.noBaseline.join(', '));
  if (!POLICIES.untestedHead.includes(s.untestedHead))
    throw invalid("input 'untested-head'", s.untestedHead, POLICIES.untestedHead.join(', '));
  if (s.force && !s.force.reason.trim())
    throw new ConfigurationError(
      'force-reason',
      'A forced push needs a reason (input force-reason).',
    );
  if (
    (s.noBaseline === 'dispatch' || s.untestedHead === 'dispatch' || s.retryFlaky) &&
    !s.github?.workflow
  )
    throw new ConfigurationError(
      'dispatch-workflow',
      'Asking for a fresh flight needs the workflow to dispatch (input dispatch-workflow).',
    );
  const results = readResults(s.results, s.tree, s.revision);
  let allowList: AllowEntry[] = [];
  if (s.allowList) {
    let text: string | undefined;
    try {
      text = readFileSync(s.allowList, 'utf8');
    } catch {
      if (s.allowListRequired)
        throw new ConfigurationError(
          'allow-list',
          `The allow list '${s.allowList}' does not exist.`,
        );
    }
    if (text !== undefined) allowList = parseAllowList(text, s.allowList);
  }
  return { results, allowList };
}

/** A local repository with the hosted tree's tested and staging branches, the revision and the notes. */
export async function fetchTree(
  s: GateSettings,
  git: Git,
  revision: string,
): Promise<{ testedHead: string }> {
  const refs = await git.lsRemote(s.remote, [`refs/heads/${s.tested}`, `refs/heads/${s.staging}`]);
  const testedHead = refs.get(`refs/heads/${s.tested}`);
  if (!testedHead)
    throw new ConfigurationError(
      'tested',
      `The tested branch '${s.tested}' does not exist in ${s.remote}: create it at the last revision that passed.`,
    );
  const specs = [`+refs/heads/${s.tested}:refs/remotes/hosted/${s.tested}`];
  if (refs.has(`refs/heads/${s.staging}`))
    specs.push(`+refs/heads/${s.staging}:refs/remotes/hosted/${s.staging}`);
  // Commits only: the ancestry check and the baseline walk read nothing else, so the fetch
  // stays small however long the history (a server without partial clone sends it all).
  const hosted = await usePartialClone(git, { url: s.remote });
  await git.run(['fetch', '--quiet', '--no-tags', '--filter=tree:0', hosted, ...specs], {
    retries: 3,
  });
  if (!(await git.commitOf(revision))) {
    // Not on staging (any more): ask for the commit itself.
    const r = await git.exec(
      ['fetch', '--quiet', '--no-tags', '--filter=tree:0', hosted, revision],
      {
        allowFailure: true,
        retries: 3,
      },
    );
    if (r.code !== 0 || !(await git.commitOf(revision)))
      throw new ConfigurationError(
        'revision',
        `The revision ${revision} is not in ${s.remote} (not on '${s.staging}' nor fetchable by id).`,
      );
  }
  await fetchNotes(git, { url: s.remote }, s.notesRef);
  return { testedHead };
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

/** The whole gate. Throws ConfigurationError on bad input before anything changes. */
export async function gateFlight(s: GateSettings, logger: Logger): Promise<GateOutcome> {
  const { results, allowList } = prepareGate(s);
  const revision = results.revision;
  logger.info(
    `Flight ${results.flight ?? s.flight}: ${results.jobs.length} jobs of ${s.tree} at ${revision}`,
  );
  const credentials: GitCredential[] = [];
  if (s.token && /^https?:\/\//.test(s.remote))
    credentials.push({ urlPrefix: new URL(s.remote).origin + '/', token: s.token });
  mkdirSync(s.workDir, { recursive: true });
  const git = await initRepository(join(s.workDir, 'hosted.git'), {
    credentials,
    identity: s.identity,
    logger,
  });
  const { testedHead } = await logger.group(
    `Fetching ${s.tested}, ${s.staging} and the flight records`,
    () => fetchTree(s, git, revision),
  );
  const ctx = await loadContext(s, git, revision, testedHead);
  logger.info(
    ctx.baseline
      ? `Baseline: flight ${ctx.baseline.record.flight} of ${ctx.baseline.record.revision} (${ctx.baseline.kind === 'head' ? `${s.tested}'s head` : 'nearest ancestor with a record'})`
      : `No baseline: no flight record on ${s.tested}'s head or its last ${s.maxWalk} first-parent ancestors.`,
  );
  const { decision, record, dispatch } = judge(s, results, allowList, ctx);
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

  const outcome: GateOutcome = {
    tree: s.tree,
    tested: s.tested,
    revision,
    testedHead,
    baseline: ctx.baseline,
    decision,
    record,
    pushed: false,
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
    const remote = { url: s.remote };
    const push = decision.verdict === 'push' && testedHead !== revision;
    try {
      record.decision!.pushed = push;
      outcome.publishAttempts = await publishFlight(git, remote, {
        notesRef: s.notesRef,
        record,
        tested: push ? { branch: s.tested, head: testedHead } : undefined,
        logger,
      });
      outcome.pushed = push;
    } catch (e) {
      if (!(e instanceof PushRefused)) throw e;
      // A refused flight is history too: record it without moving anything.
      outcome.error = e.message;
      record.decision!.pushed = false;
      record.decision!.reason = `${decision.reason}; not pushed: ${e.message}`;
      await fetchNotes(git, remote, s.notesRef);
      outcome.publishAttempts = await publishFlight(git, remote, {
        notesRef: s.notesRef,
        record,
        logger,
      });
    }
    if (outcome.dispatched && s.github) {
      await s.github.api.rest.actions.createWorkflowDispatch({
        owner: s.github.owner,
        repo: s.github.repo,
        workflow_id: s.github.workflow!,
        ref: outcome.dispatched.ref,
        inputs: { revision: outcome.dispatched.revision, purpose: outcome.dispatched.purpose },
      });
      logger.info(
        `Asked for a ${outcome.dispatched.purpose} flight of ${outcome.dispatched.revision}.`,
      );
    }
    if (s.github) {
      const st = statusOf(outcome);
      // The push and the record are done; a status that cannot be set does not undo them.
      try {
        await s.github.api.rest.repos.createCommitStatus({
          owner: s.github.owner,
          repo: s.github.repo,
          sha: revision,
          state: st.state,
          context: STATUS_CONTEXT,
          description: st.description,
          target_url: s.github.targetUrl,
        });
      } catch (e) {
        logger.warning(
          `Could not set the commit status ${STATUS_CONTEXT} on ${revision}: ${errorMessage(e)}`,
        );
      }
    }
  }
  if (s.junit) {
    mkdirSync(dirname(s.junit), { recursive: true });
    writeFileSync(s.junit, toJUnit(`${s.tree} ${revision} flight ${record.flight}`, record.jobs));
    outcome.junit = s.junit;
  }
  return outcome;
}
