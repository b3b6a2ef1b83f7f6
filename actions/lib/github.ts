/**
 * The one client factory for the GitHub REST API: Octokit from @actions/github, with retries
 * of 5xx answers and GitHub's recommended throttling (primary and secondary rate limits), and
 * the API address from GITHUB_API_URL, so GitHub Enterprise Server and the tests' server work.
 */
import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { invalid } from './errors.js';
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

/** `owner/repo` split, with an error that names the input and the expected form. */
export function parseRepository(
  value: string,
  input = 'repository',
): { owner: string; repo: string } {
  const m = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(value.trim());
  if (!m || m[2] === '.' || m[2] === '..') {
    throw invalid(input, value, 'format {owner}/{repo}');
  }
  return { owner: m[1], repo: m[2] };
}
