/**
 * The one client factory for the GitHub REST API: Octokit from @actions/github, with retries
 * of 5xx answers and GitHub's recommended throttling (primary and secondary rate limits), and
 * the API address from GITHUB_API_URL, so GitHub Enterprise Server and the tests' server work.
 * The client is made by the entry points only (an action's main.ts, the command line) and
 * passed in. This file is the GitHub module's front: what it asks of GitHub is in github/
 * (repository.ts: every API call, by name; keeper.ts: one issue per marker; marker.ts: the one
 * marker format; checks.ts: a verdict as a check run or a commit status).
 */
import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import type { Logger } from './log.js';

export type GitHub = ReturnType<typeof getOctokit>;

export interface GitHubOptions {
  token: string;
  /** API base URL; GITHUB_API_URL, then https://api.github.com. */
  baseUrl?: string;
  logger?: Logger;
  /** How often a rate-limited or failed request is tried again. */
  retries?: number;
  /** Seconds the retry plugin waits before its first retry (tests shorten it). */
  retryAfterBaseValue?: number;
  /**
   * Space writes 1 s and notifying writes (issues, comments) 3 s apart, as GitHub asks of
   * integrations to avoid its secondary rate limits. On by default; the environment variable
   * TRIBUTARY_GITHUB_SPACE_WRITES=false turns it off, for an API server without such limits
   * (the tests' own).
   */
  spaceWrites?: boolean;
}

type LimiterGroup = NonNullable<NonNullable<Parameters<typeof throttling>[1]['throttle']>['write']>;
/**
 * A limiter group that runs every job at once: what write spacing becomes when it is off. The
 * plugin only ever calls key(id).schedule(options, fn), so this is all of a group it uses.
 */
const unspaced = {
  key: () => ({ schedule: <T>(_o: unknown, fn: () => Promise<T>) => fn() }),
} as unknown as LimiterGroup;

/** Base delay of the retry plugin in ms; tests shorten it to keep fault tests quick. */
export const githubRetryPolicy = { retryAfterBaseValue: 1000 };

export function apiBaseUrl(explicit?: string): string {
  return (explicit || process.env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '');
}

export function createGitHub(options: GitHubOptions): GitHub {
  const retries = options.retries ?? 3;
  const log = options.logger;
  log?.secret(options.token);
  return getOctokit(
    options.token,
    {
      baseUrl: apiBaseUrl(options.baseUrl),
      userAgent: 'tributary',
      log: {
        debug: (m: string) => log?.debug(m),
        info: (m: string) => log?.debug(m),
        warn: (m: string) => log?.warning(m),
        error: (m: string) => log?.debug(m),
      },
      retry: {
        retries,
        retryAfterBaseValue: options.retryAfterBaseValue ?? githubRetryPolicy.retryAfterBaseValue,
      },
      throttle: {
        ...((options.spaceWrites ?? process.env.TRIBUTARY_GITHUB_SPACE_WRITES !== 'false')
          ? {}
          : { write: unspaced, notifications: unspaced }),
        onRateLimit: (
          after: number,
          req: { method: string; url: string },
          _o: unknown,
          count: number,
        ) => {
          log?.warning(
            `GitHub API rate limit on ${req.method} ${req.url}; retrying after ${after} s`,
          );
          return count < retries;
        },
        onSecondaryRateLimit: (
          after: number,
          req: { method: string; url: string },
          _o: unknown,
          count: number,
        ) => {
          log?.warning(
            `GitHub API secondary rate limit on ${req.method} ${req.url}; retrying after ${after} s`,
          );
          return count < retries;
        },
      },
    },
    retry,
    throttling,
  );
}

// The named operations, the keepers and the markers: the rest of the GitHub module.
export {
  GitHubRepository,
  httpStatus,
  parseRepository,
  type Annotation,
  type CheckConclusion,
  type CommitState,
  type IssueItem,
  type PullItem,
} from './github/repository.js';
export { IssueKeeper, markedBody, type KeptIssue, type KeeperOptions } from './github/keeper.js';
export {
  hasMarker,
  markerKeyText,
  parseMarker,
  parseMarkers,
  renderMarker,
  type Marker,
} from './github/marker.js';
export { REPORT_KINDS, reportVerdict, type ReportKind, type Verdict } from './github/checks.js';
