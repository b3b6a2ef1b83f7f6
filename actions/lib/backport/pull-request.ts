/**
 * What a pull request (or a merge queue entry) asks the check to classify, read from the
 * event payload alone, and the repository the check reads it in: a bare repository of our
 * own into which the pull request's commits are fetched as objects (fetch.ts). Nothing from
 * the pull request is checked out or run, which is what makes the check safe under
 * `pull_request_target`.
 */
import { existsSync } from 'node:fs';
import { ConfigurationError } from '../errors.js';
import { Git, initRepository, type Remote } from '../git.js';
import type { Logger } from '../log.js';

export interface ChangeRange {
  event: string;
  /**
   * The commit the change is based on and where its ref is (refs/heads/stable-4.19); `input`:
   * as a user wrote it (the base and head inputs), a branch, tag or commit id, full or short.
   */
  base: { sha: string; ref?: string; input?: string };
  /** The change's head and a ref that keeps it reachable in the base repository. */
  head: { sha: string; ref?: string; input?: string };
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
  /** The repositories it reads, each with its token (sent to that repository only). */
  remotes: Remote[];
  logger?: Logger;
}

/** Our bare repository for the check (reused when the folder survives, as on a self-hosted runner). */
export async function workRepository(options: WorkRepositoryOptions): Promise<Git> {
  if (existsSync(options.dir))
    return new Git({ cwd: options.dir, remotes: options.remotes, logger: options.logger });
  return initRepository(options.dir, {
    remotes: options.remotes,
    logger: options.logger,
  });
}
