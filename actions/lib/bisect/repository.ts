/**
 * `bisectSeries`: a bisection round from a real repository. Fetches the watched tree's commits
 * between the last-pass and first-fail revisions (commits only, no trees or files) and the
 * series' notes, optionally records finished test runs as bisection flights of the series,
 * then plans the next round with `planBisection`. Every check (the revisions, their ancestry,
 * the flights, the results to record) is made before anything is written.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  ConfigurationError,
  errorMessage,
  invalid,
  invalidSetting,
  missingSetting,
} from '../errors.js';
import { FLIGHT_RECORD_FORMAT, type FlightRecord, type TreeRevision } from '../flight.js';
import {
  credentialFor,
  Git,
  GitError,
  initRepository,
  type Identity,
  type Remote,
} from '../git.js';
import type { Logger } from '../log.js';
import { FlightNotes } from '../flight-notes.js';
import { publishFlight, usePartialClone } from '../gate/index.js';
import { CommitGraph } from './graph.js';
import { MissingHistory, planBisection, type Plan } from './plan.js';
import { testRunsIn, type TestRun } from './results.js';
import { runsOf, type Regression, type Run } from './runs.js';

export const BISECT_FORMAT = 'tributary.bisect/v1' as const;

export interface BisectSettings extends Regression {
  /**
   * The watched tree's hosted repository, which holds the series' notes, and its token: sent
   * to it, and to another tree's repository on the same server, each alone (credentialFor).
   */
  hosted: Remote;
  notesRef: string;
  /** The watched tree's revisions in the last-pass and first-fail flights (full commit ids). */
  pass: string;
  fail: string;
  /** The flights, when the series has more than one at a revision (default: see findFlight). */
  passFlight?: string;
  failFlight?: string;
  /** The other trees' repositories by tree name (default: the url in their records). */
  treeRepos: Record<string, string>;
  runners: number;
  confirmations: number;
  /** Bisect this tree's change, when more than one tree's change fails alone. */
  tree?: string;
  /** Result folders of finished test runs, each recorded as one bisection flight first. */
  record: string[];
  /** The flight id of what is recorded, when the results carry none. */
  flight?: string;
  trigger?: FlightRecord['trigger'];
  /** A scratch folder for the repositories fetched. */
  workDir: string;
  identity: Identity;
  now?: Date;
}

export interface CommitDetails {
  id: string;
  parents: string[];
  subject?: string;
  author?: string;
  date?: string;
}

export interface FlightSummary {
  flight: string;
  trees: TreeRevision[];
}

interface ReportHead {
  format: typeof BISECT_FORMAT;
  series: string;
  job: string;
  step: string;
  pass: FlightSummary;
  fail: FlightSummary;
  /** The flights this call recorded before planning. */
  recorded: FlightSummary[];
}

/** What `tributary bisect` prints: the next round, or the result, of the regression. */
export type BisectReport = ReportHead &
  (
    | Extract<Plan, { kind: 'round' }>
    | (Omit<Extract<Plan, { kind: 'result' }>, 'commit' | 'candidates'> & {
        commit?: CommitDetails;
        candidates?: CommitDetails[];
      })
  );

const FULL_ID = /^[0-9a-f]{40}([0-9a-f]{24})?$/;

/**
 * Everything checked before anything is fetched or recorded, errors naming the setting as the
 * front end does (bisect/settings.ts parses them).
 */
export function checkBisectSettings(s: BisectSettings): void {
  if (!/^[A-Za-z0-9][A-Za-z0-9._+-]*$/.test(s.series))
    throw invalidSetting('series', s.series, 'a series name of letters, digits and . _ + -');
  for (const key of ['job', 'step'] as const)
    if (!s[key].trim()) throw missingSetting(key, `the ${key} of the regression`);
  for (const key of ['pass', 'fail'] as const)
    if (!FULL_ID.test(s[key]))
      throw invalidSetting(key, s[key], 'a full commit id (40 hex digits)');
  if (!s.notesRef.startsWith('refs/notes/'))
    throw invalidSetting('notes-ref', s.notesRef, 'a ref under refs/notes/');
  for (const [name, repo] of Object.entries(s.treeRepos))
    if (!name || !repo) throw invalidSetting('tree-repo', `${name}:${repo}`, 'tree:url');
}

/**
 * Another tree's repository, named by --tree-repo or by the url its records carry: a URL
 * (never with a user or token in it) or a path. The hosted tree's token goes along only to a
 * repository on the same server, scoped to that repository alone; a tree kept elsewhere is
 * read without it.
 */
function treeRemote(s: BisectSettings, repo: string): Remote {
  if (repo.startsWith('-')) throw invalid('repository', repo, 'a URL or a path');
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(repo)) return { url: repo };
  let url: URL;
  try {
    url = new URL(repo);
  } catch {
    throw invalid('repository', repo, 'a URL or a path');
  }
  if (url.username || url.password)
    throw new ConfigurationError(
      'repository',
      `The repository URL ${url.protocol}//${url.host}${url.pathname} carries a user or token: give the token in the environment instead.`,
    );
  const remote: Remote = {
    url: repo,
    token: sameServer(url, s.hosted.url) ? s.hosted.token : undefined,
  };
  try {
    credentialFor(remote);
  } catch (e) {
    throw new ConfigurationError('repository', `The repository ${repo}: ${errorMessage(e)}`);
  }
  return remote;
}

function sameServer(url: URL, other: string): boolean {
  try {
    return new URL(other).origin === url.origin;
  } catch {
    return false;
  }
}

/** A tree's repository, fetched into a scratch folder of its own: its commits and range. */
class TreeRepository {
  private constructor(
    /** What messages call it: `the watched tree`, `tree 'xen'`. */
    readonly label: string,
    readonly url: string,
    readonly git: Git,
    /** Its remote's name in the partial clone: what the fetches left out comes when read. */
    readonly hosted: string,
  ) {}

  static async open(
    s: BisectSettings,
    label: string,
    remote: Remote,
    logger: Logger,
  ): Promise<TreeRepository> {
    const dir = join(s.workDir, `tree-${label.replace(/[^A-Za-z0-9._-]+/g, '-')}.git`);
    mkdirSync(s.workDir, { recursive: true });
    // The token goes to this repository alone (credentialFor scopes it), never stored.
    const git = await initRepository(dir, { remotes: [remote], identity: s.identity, logger });
    return new TreeRepository(label, remote.url, git, await usePartialClone(git, remote));
  }

  /** Fetches commits by id, without trees or files; git's error when the remote will not. */
  private async fetchCommits(ids: string[], retries = 0): Promise<GitError | undefined> {
    try {
      await this.git.fetch(this.hosted, ids, { filter: 'tree:0', retries });
      return undefined;
    } catch (e) {
      if (e instanceof GitError) return e;
      throw e;
    }
  }

  /** Fetches both revisions' commits (no trees, no files) and reads the range between them. */
  async range(pass: string, fail: string): Promise<CommitGraph> {
    const wanted = [...new Set([pass, fail])];
    const failed = await this.fetchCommits(wanted, 3);
    if (failed) {
      // Which one is missing, for the message: each alone.
      const missing: string[] = [];
      for (const rev of wanted)
        if (!(await this.git.commitOf(rev)) && (await this.fetchCommits([rev]))) missing.push(rev);
      throw new ConfigurationError(
        'revision',
        missing.length
          ? `${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not in ${this.url} (${this.label}).`
          : `Cannot fetch ${this.label} from ${this.url}: ${failed.stderr.trim().split('\n').pop()}`,
      );
    }
    if (!(await this.git.isAncestor(pass, fail)))
      throw new ConfigurationError(
        'pass',
        `In ${this.label}, the last-pass revision ${pass} is not an ancestor of the first-fail revision ${fail}, so no commit between them can be to blame.`,
      );
    return new CommitGraph(pass, fail, await this.git.rangeWithParents(fail, pass));
  }

  /** Subject, author and date of commits, in the order asked. */
  async describe(commits: string[]): Promise<CommitDetails[]> {
    return (await this.git.commitSummaries(commits)).map((c) => ({
      id: c.sha,
      parents: c.parents,
      subject: c.subject,
      author: `${c.author.name} <${c.author.email}>`,
      date: c.author.date,
    }));
  }
}

const byTime = (a: FlightRecord, b: FlightRecord) => a.recordedAt.localeCompare(b.recordedAt);

/** What the step did in a flight: its final run's outcome, or why there is none. */
function stepIn(record: FlightRecord, r: Regression): string {
  const run = runsOf([record], r).pop();
  if (!run) return `no finished job '${r.job}'`;
  return run.why && run.outcome === 'untestable' ? `untestable (${run.why})` : run.outcome;
}

/**
 * The flight of the series at a revision: the one named, else the latest watch flight in
 * which the step passed (last-pass), or the earliest in which it failed (first-fail).
 */
function findFlight(
  s: BisectSettings,
  at: FlightRecord[],
  which: 'last-pass' | 'first-fail',
): FlightRecord {
  const revision = which === 'last-pass' ? s.pass : s.fail;
  const named = which === 'last-pass' ? s.passFlight : s.failFlight;
  const ofSeries = at.filter((r) => r.series === s.series).sort(byTime);
  if (!ofSeries.length) {
    const others = [...new Set(at.map((r) => r.series ?? '(no series)'))];
    throw new ConfigurationError(
      'series',
      `No flight of series '${s.series}' is recorded at the ${which} revision ${revision} (${s.notesRef})${others.length ? `; the flights there belong to: ${others.join(', ')}` : ''}.`,
    );
  }
  const list = ofSeries.map((r) => `${r.flight}: ${stepIn(r, s)}`).join(', ');
  if (named) {
    const f = ofSeries.find((r) => r.flight === named);
    if (!f)
      throw new ConfigurationError(
        'flight',
        `No flight '${named}' of series '${s.series}' at ${revision}; there are ${list}.`,
      );
    return f;
  }
  // The series' own flights: a bisection's, at the same revision with other trees moved
  // (finding whose change is at fault), is not where the regression was seen.
  const want = which === 'last-pass' ? 'pass' : 'fail';
  const matching = ofSeries.filter(
    (r) => (r.purpose ?? 'watch') === 'watch' && runsOf([r], s).pop()?.outcome === want,
  );
  if (!matching.length)
    throw new ConfigurationError(
      'step',
      `No watch flight of series '${s.series}' at the ${which} revision ${revision} ${want}ed step '${s.step}' of job '${s.job}': ${list}.`,
    );
  return which === 'last-pass' ? matching[matching.length - 1] : matching[0];
}

interface Loaded {
  watched: TreeRepository;
  /** Every flight recorded at the revisions read, by commit. */
  notes: Map<string, FlightRecord[]>;
  pass: FlightRecord;
  fail: FlightRecord;
  names: string[];
  graphs: Map<string, CommitGraph>;
  repos: Map<string, TreeRepository>;
}

/** The watched tree's range and the series' flights in it; the flights at both ends. */
async function load(s: BisectSettings, logger: Logger): Promise<Loaded> {
  const watched = await TreeRepository.open(s, 'the watched tree', s.hosted, logger);
  const graph = await watched.range(s.pass, s.fail);
  logger.info(`${graph.size} commit(s) from ${s.pass} to ${s.fail}`);
  // The whole notes ref, blobs included: a bisection reads the notes of many revisions.
  const store = new FlightNotes(watched.git, s.notesRef);
  if (!(await store.fetch({ url: watched.url })))
    throw new ConfigurationError(
      'series',
      `${s.hosted.url} has no ${s.notesRef}: no flight of series '${s.series}' (nor any other) is recorded there.`,
    );
  const notes = await store.readMany([s.pass, s.fail, ...graph.commits, ...graph.boundary()]);
  const pass = findFlight(s, notes.get(s.pass) ?? [], 'last-pass');
  const fail = findFlight(s, notes.get(s.fail) ?? [], 'first-fail');
  const names = pass.trees.map((t) => t.name);
  for (const name of Object.keys(s.treeRepos))
    if (!names.includes(name) || name === pass.tree)
      throw new ConfigurationError(
        'tree-repo',
        name === pass.tree
          ? `Tree '${name}' is the watched tree, whose repository is the one given first.`
          : `Unknown tree '${name}': the series' flights have trees ${names.join(', ')}.`,
      );
  return {
    watched,
    notes,
    pass,
    fail,
    names,
    graphs: new Map([[pass.tree, graph]]),
    repos: new Map([[pass.tree, watched]]),
  };
}

/** The range of another tree, fetched from its repository when one is known. */
async function graphOf(
  s: BisectSettings,
  l: Loaded,
  tree: string,
  logger: Logger,
): Promise<CommitGraph | undefined> {
  const known = l.graphs.get(tree);
  if (known) return known;
  const url = s.treeRepos[tree] ?? l.fail.trees.find((t) => t.name === tree)?.url;
  if (!url) return undefined;
  const repo = await TreeRepository.open(s, `tree '${tree}'`, treeRemote(s, url), logger);
  const [from, to] = [l.pass, l.fail].map((f) => f.trees.find((t) => t.name === tree)!.revision);
  const graph = await repo.range(from, to);
  l.graphs.set(tree, graph);
  l.repos.set(tree, repo);
  return graph;
}

/**
 * One result folder of a test run as a bisection flight of the series. Refused, before
 * anything is written, when its trees are not the series' or a revision lies outside the
 * range being bisected.
 */
async function flightOf(
  s: BisectSettings,
  l: Loaded,
  { dir, results, id }: TestRun,
  logger: Logger,
): Promise<FlightRecord> {
  const named = results.trees.map((t) => t.name);
  const unknown = named.filter((t) => !l.names.includes(t));
  const missing = l.names.filter((t) => !named.includes(t));
  if (unknown.length || missing.length)
    throw new ConfigurationError(
      dir,
      `${dir}: the results name trees ${named.join(', ')}, the series' flights ${l.names.join(', ')}${unknown.length ? ` (unknown: ${unknown.join(', ')})` : ''}${missing.length ? ` (missing: ${missing.join(', ')})` : ''}.`,
    );
  for (const t of results.trees) {
    const ends = [l.pass, l.fail].map((f) => f.trees.find((x) => x.name === t.name)!.revision);
    if (ends.includes(t.revision)) continue;
    const graph = await graphOf(s, l, t.name, logger);
    if (!graph)
      throw new ConfigurationError(
        dir,
        `${dir}: tree '${t.name}' at ${t.revision} is at neither end of the bisection, and its history is not known to check it: give the repository of '${t.name}'.`,
      );
    if (!graph.has(t.revision) && !graph.boundary().includes(t.revision))
      throw new ConfigurationError(
        dir,
        `${dir}: tree '${t.name}' at ${t.revision} lies outside the bisection range ${ends[0]}..${ends[1]}.`,
      );
  }
  return {
    format: FLIGHT_RECORD_FORMAT,
    flight: id,
    series: s.series,
    purpose: 'bisect',
    tree: l.pass.tree,
    revision: results.revision,
    trees: l.names.map((name) => results.trees.find((t) => t.name === name)!),
    jobs: results.jobs,
    ...(s.trigger ? { trigger: s.trigger } : {}),
    ...(results.startedAt ? { startedAt: results.startedAt } : {}),
    recordedAt: (s.now ?? new Date()).toISOString(),
  };
}

/** Plans with the graphs known, fetching another tree's history when the plan needs it. */
async function plan(s: BisectSettings, l: Loaded, runs: Run[], logger: Logger): Promise<Plan> {
  for (;;) {
    try {
      return planBisection({
        series: s.series,
        job: s.job,
        step: s.step,
        watched: l.pass.tree,
        pass: l.pass,
        fail: l.fail,
        graphs: l.graphs,
        runs,
        settings: { runners: s.runners, confirmations: s.confirmations, tree: s.tree },
      });
    } catch (e) {
      if (!(e instanceof MissingHistory) || !(await graphOf(s, l, e.tree, logger))) throw e;
    }
  }
}

const summary = (f: FlightRecord): FlightSummary => ({ flight: f.flight, trees: f.trees });

/** The whole round: read, record what is given, plan, describe. Writes only the records. */
export async function bisectSeries(s: BisectSettings, logger: Logger): Promise<BisectReport> {
  checkBisectSettings(s);
  const l = await load(s, logger);
  const recorded: FlightRecord[] = [];
  const known = [...l.notes.values()].flat();
  for (const run of testRunsIn(s, l.pass.tree)) {
    const record = await flightOf(s, l, run, logger);
    // A record job run again (a re-run, a retried workflow) records nothing twice: a run
    // counted twice would confirm a culprit on the strength of one test.
    if (
      known.some(
        (r) =>
          r.series === s.series && r.flight === record.flight && r.revision === record.revision,
      )
    ) {
      logger.info(`Flight ${record.flight} on ${record.revision} is recorded already.`);
      continue;
    }
    recorded.push(record);
  }
  const records = known.filter((r) => r.series === s.series);
  records.push(...recorded);
  // The plan comes before any write: an input it refuses leaves nothing recorded.
  const next = await plan(s, l, runsOf(records.sort(byTime), s), logger);
  for (const record of recorded) {
    await publishFlight(
      l.watched.git,
      { url: l.watched.url },
      {
        notesRef: s.notesRef,
        record,
        logger,
      },
    );
    logger.info(`Recorded flight ${record.flight} on ${record.revision}.`);
  }
  const head: ReportHead = {
    format: BISECT_FORMAT,
    series: s.series,
    job: s.job,
    step: s.step,
    pass: summary(l.pass),
    fail: summary(l.fail),
    recorded: recorded.map(summary),
  };
  if (next.kind === 'round') return { ...head, ...next };
  const repo = next.tree ? l.repos.get(next.tree) : undefined;
  const { commit, candidates, ...rest } = next;
  const described = async (ids: string[]): Promise<CommitDetails[]> => {
    try {
      return repo ? await repo.describe(ids) : ids.map((id) => ({ id, parents: [] }));
    } catch (e) {
      // The result stands without subjects; say why they are missing.
      logger.warning(`Could not read the commits' subjects: ${errorMessage(e)}`);
      return ids.map((id) => ({ id, parents: [] }));
    }
  };
  return {
    ...head,
    ...rest,
    ...(commit ? { commit: (await described([commit.id]))[0] ?? commit } : {}),
    ...(candidates ? { candidates: await described(candidates) } : {}),
  };
}
