/**
 * Injected faults: the answers GitHub gives when it is down or rate-limits a client, each for
 * a given number of matching requests, so tests see the client's retries and waits.
 */
import { ApiError } from './context.js';

export interface ApiFault {
  method?: string;
  /** A path (exact, e.g. `/repos/o/r/pulls`) or a pattern tested against the path. */
  path: string | RegExp;
  kind: 'status' | 'rate-limit' | 'secondary-rate-limit';
  /** The status: default 502 for 'status', 403 for the rate limits (GitHub also sends 429). */
  status?: number;
  /** Seconds: retry-after of a secondary limit or a 429, time to reset of a primary limit. */
  retryAfter?: number;
  /** The message of a 'status' fault (GitHub's words, e.g. 'Resource not accessible by integration'). */
  message?: string;
  /** How many matching requests it answers before it wears off (default 1). */
  times?: number;
}

/** The fault that hits a request, worn down by one, as the error answer to give; or none. */
export function takeFault(
  faults: ApiFault[],
  viewer: string,
  method: string,
  path: string,
): ApiError | undefined {
  const f = faults.find(
    (x) =>
      (x.times ?? 1) > 0 &&
      (!x.method || x.method.toUpperCase() === method) &&
      (typeof x.path === 'string' ? x.path === path : x.path.test(path)),
  );
  if (!f) return undefined;
  f.times = (f.times ?? 1) - 1;
  const after = f.retryAfter ?? 1;
  switch (f.kind) {
    case 'rate-limit':
      return new ApiError(
        f.status ?? 403,
        `API rate limit exceeded for user ID ${viewer}. If you reach out to GitHub Support for help, please include the request ID.`,
        undefined,
        {
          'x-ratelimit-limit': '5000',
          'x-ratelimit-remaining': '0',
          'x-ratelimit-used': '5000',
          'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + after),
          'x-ratelimit-resource': 'core',
        },
      );
    case 'secondary-rate-limit':
      return new ApiError(
        f.status ?? 403,
        'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID.',
        undefined,
        { 'retry-after': String(after) },
      );
    default: {
      const status = f.status ?? 502;
      return new ApiError(
        status,
        f.message ??
          (status === 429
            ? 'Too Many Requests'
            : status === 502
              ? 'Server Error'
              : 'Injected fault'),
        undefined,
        status === 429 || f.retryAfter !== undefined ? { 'retry-after': String(after) } : {},
      );
    }
  }
}
