/**
 * What a pull request (or a merge queue entry) asks the check to classify, read from the
 * event payload alone, and the repository the check reads it in: a bare repository of our
 * own into which the pull request's commits are fetched as objects. Nothing from the pull
 * request is checked out or run, which is what makes the check safe under
 * `pull_request_target`.
 */
import { existsSync } from 'node:fs';
import { ConfigurationError } from '../errors.js';
import { Git, initRepository, type GitCredential } from '../git.js';
import type { Logger } from '../log.js';

export interface ChangeRange {
  event: string;
  /** The commit the change is based on and where its ref is (refs/heads/stable-4.19). */
  base: { sha: string; ref?: string };
  /** The change's head and a ref that keeps it reachable in the base repository. */
  head: { sha: string; ref?: string };
  number?: number;
  /** owner/name of the fork the pull request comes from, when it does. */
  fork?: string;
}

interface RepoPayload {
  full_name?: string;
}
interface PullPayload {
  number?: number;
  pull_request?: {
    number?: number;
    base?: { sha?: string; ref?: string; repo?: RepoPayload };
    head?: { sha?: string; ref?: string; repo?: RepoPayload | null };
  };
  merge_group?: { base_sha?: string; head_sha?: string; base_ref?: string; head_ref?: string };
}

const hex40 = (s: unknown): s is string => typeof s === 'string' && /^[0-9a-f]{40}$/.test(s);

/** The range of a pull_request / pull_request_target / merge_group event; undefined for others. */
export function rangeFromEvent(eventName: string, payload: unknown): ChangeRange | undefined {
  const p = (payload ?? {}) as PullPayload;
  if (eventName === 'pull_request' || eventName === 'pull_request_target') {
    const pr = p.pull_request;
    const number = pr?.number ?? p.number;
    if (!pr || !hex40(pr.base?.sha) || !hex40(pr.head?.sha) || !number)
      throw new ConfigurationError(
        'event',
        `The ${eventName} event payload has no pull_request with base.sha, head.sha and number.`,
      );
    const baseRepo = pr.base?.repo?.full_name;
    const headRepo = pr.head?.repo?.full_name;
    return {
      event: eventName,
      number,
      base: { sha: pr.base!.sha!, ref: pr.base?.ref ? `refs/heads/${pr.base.ref}` : undefined },
      // GitHub keeps every pull request's head under refs/pull/N/head in the base repository,
      // forks included, so the fork itself is never contacted.
      head: { sha: pr.head!.sha!, ref: `refs/pull/${number}/head` },
      fork: headRepo !== baseRepo ? (headRepo ?? '(deleted fork)') : undefined,
    };
  }
  if (eventName === 'merge_group') {
    const mg = p.merge_group;
    if (!mg || !hex40(mg.base_sha) || !hex40(mg.head_sha))
      throw new ConfigurationError(
        'event',
        'The merge_group event payload has no merge_group with base_sha and head_sha.',
      );
    return {
      event: eventName,
      base: { sha: mg.base_sha, ref: mg.base_ref },
      head: { sha: mg.head_sha, ref: mg.head_ref },
    };
  }
  return undefined;
}

export interface WorkRepositoryOptions {
  dir: string;
  credentials: GitCredential[];
  logger?: Logger;
}

/** Our bare repository for the check (reused when the folder survives, as on a self-hosted runner). */
export async function workRepository(options: WorkRepositoryOptions): Promise<Git> {
  if (existsSync(options.dir))
    return new Git({ cwd: options.dir, credentials: options.credentials, logger: options.logger });
  return initRepository(options.dir, {
    credentials: options.credentials,
    logger: options.logger,
  });
}

// A commit-graph after each fetch: the walks of a long upstream history read it instead of
// parsing every commit.
const FETCH = [
  '-c',
  'fetch.writeCommitGraph=true',
  'fetch',
  '--quiet',
  '--no-tags',
  '--no-write-fetch-head',
  '--no-auto-gc',
];

/**
 * The credential for one repository URL (git matches it as a path prefix), so a token only
 * ever goes to the repository it is meant for, even when both are on one host.
 */
export function credentialFor(url: string, token: string): GitCredential[] {
  if (!token || !/^https?:\/\//.test(url)) return [];
  return [{ urlPrefix: url.replace(/\/+$/, ''), token }];
}

/**
 * Fetches the change's base and head into refs/tributary/{base,head}: by ref where one is known
 * (it keeps working for forks), then by id when the ref has moved on (a force-push since the
 * event). Returns the commit ids to classify.
 */
export async function fetchChange(
  git: Git,
  url: string,
  range: ChangeRange,
  logger?: Logger,
): Promise<{ base: string; head: string }> {
  const specs: string[] = [];
  if (range.base.ref) specs.push(`+${range.base.ref}:refs/tributary/base-ref`);
  if (range.head.ref) specs.push(`+${range.head.ref}:refs/tributary/head-ref`);
  if (specs.length) {
    const r = await git.exec([...FETCH, '--', url, ...specs], { retries: 3, allowFailure: true });
    if (r.code !== 0) logger?.debug(`fetching by ref failed: ${r.stderr.trim()}`);
  }
  const ensure = async (which: 'base' | 'head', sha: string): Promise<boolean> => {
    if (await git.commitOf(sha)) return true;
    const r = await git.exec([...FETCH, '--', url, sha], { retries: 3, allowFailure: true });
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
  range = { ...range, base: { ...range.base, sha: await named('base') } };
  range = { ...range, head: { ...range.head, sha: await named('head') } };
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
  await git.run(['update-ref', 'refs/tributary/base', base]);
  await git.run(['update-ref', 'refs/tributary/head', range.head.sha]);
  return { base, head: range.head.sha };
}

/** Fetches the upstream branches the policy compares with, into refs/tributary/upstream/. */
export async function fetchUpstream(
  git: Git,
  url: string,
  branches: string[],
): Promise<Record<string, string>> {
  const local: Record<string, string> = {};
  const specs: string[] = [];
  for (const b of [...new Set(branches)]) {
    const name = b.replace(/^refs\/heads\//, '');
    local[b] = `refs/tributary/upstream/${name}`;
    specs.push(`+refs/heads/${name}:${local[b]}`);
  }
  const r = await git.exec([...FETCH, '--', url, ...specs], { retries: 3, allowFailure: true });
  if (r.code !== 0) {
    const missing = /couldn't find remote ref (\S+)/.exec(r.stderr);
    if (missing)
      throw new ConfigurationError(
        'upstream branch',
        `The upstream mirror ${url} has no branch ${missing[1].replace(/^refs\/heads\//, '')}.`,
      );
    throw new Error(`Fetching from the upstream mirror ${url} failed: ${r.stderr.trim()}`);
  }
  return local;
}

/** Fetches referenced commits by id from the upstream mirror; the ones it lacks stay missing. */
export async function fetchCommitsById(git: Git, url: string, ids: string[]): Promise<void> {
  const all = await git.exec([...FETCH, '--', url, ...ids], { retries: 3, allowFailure: true });
  if (all.code === 0 || ids.length === 1) return;
  // One unknown id fails the whole fetch: try the others one by one.
  for (const id of ids) await git.exec([...FETCH, '--', url, id], { allowFailure: true });
}
