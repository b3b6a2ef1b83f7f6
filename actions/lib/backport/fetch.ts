/**
 * Fetching what the check reads into its bare repository: the change (by ref, then by id),
 * the upstream branches, commits named by id. A refusal by the server is told as what it is
 * (a token refused, or without the right to read), naming the token's input, never as a
 * missing commit.
 */
import { ConfigurationError } from '../errors.js';
import { GitError, type ExecOptions, type Git, type GitResult } from '../git.js';
import type { Logger } from '../log.js';
import type { ObjectStore } from '../store.js';
import type { ChangeRange } from './pull-request.js';

/** A repository the check reads, and how to name it and its token to the user. */
export interface Source {
  url: string;
  /** `the downstream repository`, `the upstream mirror`. */
  what: string;
  /** The setting that holds its token (`input 'token'`). */
  token: string;
  /** How to give it one that can read (`set input 'upstream-token' to ...`), if anything. */
  remedy?: string;
}

// A commit-graph after each fetch: the walks of a long upstream history read it instead of
// parsing every commit.
const fetchCommand = (progress: boolean) => [
  '-c',
  'fetch.writeCommitGraph=true',
  'fetch',
  progress ? '--progress' : '--quiet',
  '--no-tags',
  '--no-write-fetch-head',
  '--no-auto-gc',
];
const FETCH = fetchCommand(false);

/**
 * What git's error says about access: 401 (the token is wrong or expired: git then asks for a
 * user name it may not prompt for), 403 (the token may not read), or a repository the server
 * says does not exist (GitHub's answer to a token that cannot see a private one).
 */
export function accessProblem(stderr: string): string | undefined {
  if (
    /returned error: 401|Authentication failed|could not read (Username|Password)|terminal prompts disabled/i.test(
      stderr,
    )
  )
    return 'HTTP 401, the token was refused (wrong or expired)';
  if (/returned error: 403|\b403 Forbidden/i.test(stderr))
    return 'HTTP 403, the token has no right to read it';
  if (/repository '[^']*' not found|Repository not found|returned error: 404/i.test(stderr))
    return 'it does not exist, or the token cannot see it';
  return undefined;
}

/** A refusal of access as the error to show, naming the token's input. */
function refused(source: Source, problem: string): ConfigurationError {
  return new ConfigurationError(
    source.token,
    `The token of ${source.token} cannot read ${source.what} ${source.url}: ${problem}. ${
      source.remedy ?? 'Give it read access to the repository contents.'
    }`,
  );
}

/**
 * Fetches refs of a source into the kept store (what it lacks only) and points local refs of
 * the run's repository at them: `refs` maps each remote ref to its local name. Fails as a
 * fetch of the run's own would: a refusal names the token, a missing ref throws `missing`.
 */
async function fetchIntoStore(
  git: Git,
  store: ObjectStore,
  source: Source,
  refs: Map<string, string>,
  missing: (ref: string) => Error,
): Promise<void> {
  let got: Map<string, string>;
  try {
    got = await store.fetch(source.url, [...refs.keys()], {
      retries: 3,
      progress: `Fetching from ${source.what}`,
    });
  } catch (e) {
    if (!(e instanceof GitError)) throw e;
    const problem = accessProblem(e.stderr);
    if (problem) throw refused(source, problem);
    const ref = /couldn't find remote ref (\S+)/.exec(e.stderr);
    if (ref) throw missing(ref[1]);
    throw new Error(`Fetching from ${source.what} ${source.url} failed: ${e.stderr.trim()}`);
  }
  await git.updateRefs([...refs].map(([ref, local]) => ({ ref: local, sha: got.get(ref)! })));
}

/** Runs a fetch or ls-remote of a source; a refusal of access throws, naming the token. */
async function talkTo(
  git: Git,
  source: Source,
  args: string[],
  opts: ExecOptions = {},
): Promise<GitResult> {
  const r = await git.exec(args, { retries: 3, ...opts, allowFailure: true });
  const problem = r.code === 0 ? undefined : accessProblem(r.stderr);
  if (problem) throw refused(source, problem);
  return r;
}

const fullId = (s: string) => /^([0-9a-f]{40}|[0-9a-f]{64})$/.test(s);

/**
 * A base or head as a user wrote it: a full commit id; a ref, tag or branch (git's order:
 * `refs/...` as written, then a tag, then a branch); or an abbreviated commit id (7 hex digits
 * or more) of one of the repository's branches or tags, which are fetched to find it.
 */
async function resolveInput(
  git: Git,
  source: Source,
  side: 'base' | 'head',
  value: string,
): Promise<{ sha: string; ref?: string }> {
  if (fullId(value)) return { sha: value };
  const names = value.startsWith('refs/') ? [value] : [`refs/tags/${value}`, `refs/heads/${value}`];
  const listed = await talkTo(git, source, ['ls-remote', '--', source.url, ...names]);
  const refs = new Set(listed.stdout.split('\n').map((l) => l.split('\t')[1]));
  const ref = names.find((n) => refs.has(n));
  if (ref) return { sha: '', ref };
  if (/^[0-9a-f]{7,39}$/.test(value)) {
    const lookup = 'refs/tributary/lookup/';
    await talkTo(git, source, [
      ...FETCH,
      '--prune',
      '--',
      source.url,
      `+refs/heads/*:${lookup}heads/*`,
      `+refs/tags/*:${lookup}tags/*`,
    ]);
    const sha = await git.commitOf(value);
    // Only a commit of this repository: the bare repository holds upstream's objects too.
    if (sha && (await git.refContains(sha, lookup))) return { sha };
  }
  throw new ConfigurationError(
    side,
    `The ${side} '${value}' is not a branch, tag or commit of ${source.url}.`,
  );
}

/**
 * Fetches the change's base and head into refs/tributary/{base,head}: by ref where one is known
 * (it keeps working for forks), then by id when the ref has moved on (a force-push since the
 * event). Returns the commit ids to classify.
 */
export async function fetchChange(
  git: Git,
  source: Source,
  range: ChangeRange,
  logger?: Logger,
): Promise<{ base: string; head: string }> {
  const url = source.url;
  for (const side of ['base', 'head'] as const) {
    const given = range[side].input;
    if (given) range = { ...range, [side]: await resolveInput(git, source, side, given) };
  }
  // Left by an earlier run in a reused folder, they would answer for refs not fetched now.
  for (const side of ['base', 'head']) await git.deleteRef(`refs/tributary/${side}-ref`);
  const specs: string[] = [];
  if (range.base.ref) specs.push(`+${range.base.ref}:refs/tributary/base-ref`);
  if (range.head.ref) specs.push(`+${range.head.ref}:refs/tributary/head-ref`);
  if (specs.length) {
    const r = await talkTo(git, source, [...FETCH, '--', url, ...specs]);
    if (r.code !== 0) logger?.debug(`fetching by ref failed: ${r.stderr.trim()}`);
  }
  const ensure = async (which: 'base' | 'head', sha: string): Promise<boolean> => {
    if (await git.commitOf(sha)) return true;
    const r = await talkTo(git, source, [...FETCH, '--', url, sha]);
    if (r.code !== 0) logger?.debug(`fetching ${which} ${sha} by id failed: ${r.stderr.trim()}`);
    return !!(await git.commitOf(sha));
  };
  // Given by ref alone (the base and head inputs): the ref's commit now.
  const named = async (side: 'base' | 'head') => {
    const sha = range[side].sha || (await git.commitOf(`refs/tributary/${side}-ref`));
    if (!sha)
      throw new ConfigurationError(side, `The ${side} ${range[side].ref} is not in ${url}.`);
    return sha;
  };
  range = { ...range, head: { ...range.head, sha: await named('head') } };
  range = { ...range, base: { ...range.base, sha: await named('base') } };
  if (!(await ensure('head', range.head.sha))) {
    const what = range.number ? `pull request #${range.number}` : 'the change';
    throw new ConfigurationError(
      'head',
      `The head ${range.head.sha} of ${what} is no longer in ${url} (force-pushed since this event?). The run for its new head checks it.`,
    );
  }
  let base = range.base.sha;
  if (!(await ensure('base', base))) {
    const moved = range.base.ref ? await git.commitOf('refs/tributary/base-ref') : undefined;
    if (!moved)
      throw new ConfigurationError(
        'base',
        `The base ${base}${range.base.ref ? ` (${range.base.ref})` : ''} is not in ${url}.`,
      );
    logger?.warning(
      `The base ${base} is gone from ${range.base.ref} (force-pushed); checking against its head ${moved} instead.`,
    );
    base = moved;
  }
  await git.updateRefs([
    { ref: 'refs/tributary/base', sha: base },
    { ref: 'refs/tributary/head', sha: range.head.sha },
  ]);
  return { base, head: range.head.sha };
}

/** Fetches a downstream branch into refs/tributary/downstream/ (report mode). */
export async function fetchDownstreamBranch(
  git: Git,
  source: Source,
  branch: string,
  store?: ObjectStore,
): Promise<string> {
  const local = `refs/tributary/downstream/${branch}`;
  if (store) {
    await fetchIntoStore(
      git,
      store,
      source,
      new Map([[`refs/heads/${branch}`, local]]),
      () =>
        new ConfigurationError(
          'downstream-branch',
          `The downstream repository ${source.url} has no branch ${branch}.`,
        ),
    );
    return local;
  }
  const r = await talkTo(git, source, [
    ...FETCH,
    '--',
    source.url,
    `+refs/heads/${branch}:${local}`,
  ]);
  if (r.code !== 0)
    throw new ConfigurationError(
      'downstream-branch',
      `The downstream repository ${source.url} has no branch ${branch}: ${r.stderr.trim().split('\n').pop()}`,
    );
  return local;
}

/** Fetches the upstream branches the policy compares with, into refs/tributary/upstream/. */
export async function fetchUpstream(
  git: Git,
  source: Source,
  branches: string[],
  store?: ObjectStore,
  /** A branch of the same repository kept in the store in the same fetch (the change's base). */
  base?: string,
): Promise<Record<string, string>> {
  const local: Record<string, string> = {};
  const refs = new Map<string, string>();
  for (const b of [...new Set(branches)]) {
    const name = b.replace(/^refs\/heads\//, '');
    local[b] = `refs/tributary/upstream/${name}`;
    refs.set(`refs/heads/${name}`, local[b]);
  }
  const missing = (ref: string) =>
    new ConfigurationError(
      'upstream branch',
      `The upstream mirror ${source.url} has no branch ${ref.replace(/^refs\/heads\//, '')}.`,
    );
  if (store) {
    if (base?.startsWith('refs/heads/') && !refs.has(base))
      try {
        const both = new Map([...refs, [base, 'refs/tributary/base-kept']]);
        await fetchIntoStore(git, store, source, both, missing);
        return local;
      } catch (e) {
        // The base branch gone: the fetch of the change says so; upstream's alone then.
        if (
          !(e instanceof ConfigurationError) ||
          !e.message.endsWith(`no branch ${base.slice(11)}.`)
        )
          throw e;
      }
    await fetchIntoStore(git, store, source, refs, missing);
    return local;
  }
  const specs = [...refs].map(([ref, to]) => `+${ref}:${to}`);
  const r = await talkTo(git, source, [...fetchCommand(true), '--', source.url, ...specs], {
    progress: `Fetching from ${source.what}`,
  });
  if (r.code !== 0) {
    const ref = /couldn't find remote ref (\S+)/.exec(r.stderr);
    if (ref) throw missing(ref[1]);
    throw new Error(`Fetching from the upstream mirror ${source.url} failed: ${r.stderr.trim()}`);
  }
  return local;
}

/**
 * Keeps the change's base branch in the store too (a downstream stable branch is mostly not
 * upstream's), so the fetch of the change brings only its own commits. Only an optimisation:
 * a failure leaves the fetch of the change to find and say what is wrong.
 */
export async function storeBase(
  store: ObjectStore,
  source: Source,
  range: ChangeRange,
  logger?: Logger,
): Promise<void> {
  if (!range.base.ref?.startsWith('refs/heads/')) return;
  try {
    await store.fetch(source.url, [range.base.ref], {
      retries: 3,
      progress: `Fetching from ${source.what}`,
    });
  } catch (e) {
    logger?.debug(`keeping ${range.base.ref} in the store failed: ${String(e)}`);
  }
}

/** Fetches referenced commits by id from the upstream mirror; the ones it lacks stay missing. */
export async function fetchCommitsById(git: Git, source: Source, ids: string[]): Promise<void> {
  const all = await talkTo(git, source, [...FETCH, '--', source.url, ...ids]);
  if (all.code === 0 || ids.length === 1) return;
  // One unknown id fails the whole fetch: try the others one by one.
  for (const id of ids) await talkTo(git, source, [...FETCH, '--', source.url, id], { retries: 0 });
}
