/**
 * A stateful GitHub REST API server for tests, on loopback, with payloads typed by
 * @octokit/openapi-types. Actions under test reach it through GITHUB_API_URL (the client
 * factory `createGitHub` honours it), the library through `createGitHub({ baseUrl: api.url })`.
 *
 *   const api = await startGitHubApi({ token: TOKEN });
 *   api.addRepository('xen/qemu', { defaultBranch: 'master', gitDir: gitServer.repoPath('qemu.git') });
 *   await runAction('gate', { env: { GITHUB_API_URL: api.url }, githubToken: TOKEN, ... });
 *   assert.equal(api.state.pulls[0].title, '...');       // records, see github-api/state.ts
 *   assert.deepEqual(api.requests.map((r) => r.status), [...]);  // never holds the token
 *   await api.close();
 *
 * Seeding: `addRepository`, `addLabel`, `addIssue`, `addPull`, `setRef`, or push records into
 * `api.state` directly. A repository linked to a bare repository (`gitDir`, e.g. one under the
 * test git server's root) has its refs read and written with real git, so pushes through the
 * git server and the git refs API see each other; pulls get their head and base revisions from
 * it, and a ref update that is not a fast-forward is refused as GitHub does.
 *
 * Faults: `addFault({ path: /\/pulls$/, kind: 'status', status: 502, times: 2 })` answers the
 * next two matching requests with 502; kind 'rate-limit' is the primary limit (403,
 * x-ratelimit-remaining: 0, x-ratelimit-reset = now + retryAfter), 'secondary-rate-limit' is a
 * 403 with retry-after and GitHub's message, and `{ kind: 'status', status: 429, retryAfter }`
 * is a 429 with retry-after. Set `githubRetryPolicy.retryAfterBaseValue` small in tests.
 *
 * Routes live in github-api/*.ts, one module per area, listed in github-api/routes.ts.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  ApiError,
  type ApiServer,
  type Method,
  type Reply,
  type RequestContext,
  type Route,
} from './github-api/context.js';
import { refStoreOf, type RefStore } from './github-api/refs.js';
import { routes } from './github-api/routes.js';
import {
  emptyState,
  type GitHubState,
  type IssueRecord,
  type LabelRecord,
  type PullRecord,
  type RepositoryRecord,
} from './github-api/state.js';

export type * from './github-api/state.js';
export { ApiError, type Route } from './github-api/context.js';

export interface GitHubApiOptions {
  token: string;
  /**
   * A git server's root: a relative `gitDir` is taken from it, and `addRepository('o/r')`
   * without one links `<gitRoot>/o/r.git` when that exists.
   */
  gitRoot?: string;
  /** The login the token belongs to (default `tributary-bot`). */
  viewer?: string;
  /** Base of html_url links (default https://github.com). */
  htmlUrl?: string;
}

export interface ApiRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  status: number;
}

export interface ApiFault {
  method?: string;
  /** A path (exact, e.g. `/repos/o/r/pulls`) or a pattern tested against the path. */
  path: string | RegExp;
  kind: 'status' | 'rate-limit' | 'secondary-rate-limit';
  /** The status of a 'status' fault (default 502; 429 for a plain rate limit). */
  status?: number;
  /** Seconds: retry-after of a secondary limit or a 429, time to reset of a primary limit. */
  retryAfter?: number;
  /** How many matching requests it answers before it wears off (default 1). */
  times?: number;
}

interface CompiledRoute extends Route {
  segments: { name?: string; greedy?: boolean; literal?: string }[];
}

function compile(route: Route): CompiledRoute {
  const segments = route.path
    .split('/')
    .slice(1)
    .map((s) => {
      const m = /^\{([a-z_]+)(\+?)\}$/.exec(s);
      return m ? { name: m[1], greedy: m[2] === '+' } : { literal: s };
    });
  return { ...route, segments };
}

function match(route: CompiledRoute, parts: string[]): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  let i = 0;
  for (const [k, seg] of route.segments.entries()) {
    if (seg.literal !== undefined) {
      if (parts[i] !== seg.literal) return undefined;
      i++;
    } else if (seg.greedy) {
      // A greedy parameter takes what the segments after it leave over.
      const rest = route.segments.length - k - 1;
      const end = parts.length - rest;
      if (end <= i) return undefined;
      params[seg.name!] = parts.slice(i, end).map(decodeURIComponent).join('/');
      i = end;
    } else {
      if (i >= parts.length || parts[i] === '') return undefined;
      params[seg.name!] = decodeURIComponent(parts[i]);
      i++;
    }
  }
  return i === parts.length ? params : undefined;
}

export class GitHubApi implements ApiServer {
  readonly token: string;
  readonly state: GitHubState;
  readonly requests: ApiRequest[] = [];
  readonly htmlUrl: string;
  readonly gitRoot?: string;
  url = '';
  private readonly faults: ApiFault[] = [];
  private readonly table: CompiledRoute[];
  private server?: Server;
  private id = 1000;
  private clock = Date.parse('2026-01-01T00:00:00Z');

  constructor(options: GitHubApiOptions, extra: Route[] = []) {
    this.token = options.token;
    this.gitRoot = options.gitRoot;
    this.htmlUrl = (options.htmlUrl ?? 'https://github.com').replace(/\/+$/, '');
    this.state = emptyState(options.viewer ?? 'tributary-bot');
    this.table = [...routes, ...extra].map(compile);
  }

  nextId(): number {
    return ++this.id;
  }

  /** Timestamps advance a second per call, so orderings by time are strict and repeatable. */
  now(): string {
    this.clock += 1000;
    return new Date(this.clock).toISOString().replace(/\.000Z$/, 'Z');
  }

  refs(repo: RepositoryRecord): RefStore {
    return refStoreOf(repo);
  }

  /** Adds routes (a module's list) in front of the built-in ones. */
  addRoutes(extra: Route[]): void {
    this.table.unshift(...extra.map(compile));
  }

  // --- seeding ---

  addRepository(
    fullName: string,
    options: {
      defaultBranch?: string;
      gitDir?: string;
      private?: boolean;
      description?: string;
      /** Refs of a repository without a git directory: full name → sha. */
      refs?: Record<string, string>;
    } = {},
  ): RepositoryRecord {
    const [owner, name] = fullName.split('/');
    if (!owner || !name) throw new Error(`repository '${fullName}' is not owner/name`);
    let gitDir = options.gitDir;
    if (gitDir && this.gitRoot) gitDir = resolve(this.gitRoot, gitDir);
    else if (!gitDir && this.gitRoot && existsSync(join(this.gitRoot, `${fullName}.git`)))
      gitDir = join(this.gitRoot, `${fullName}.git`);
    const record: RepositoryRecord = {
      id: this.nextId(),
      owner,
      name,
      fullName,
      defaultBranch: options.defaultBranch ?? 'main',
      private: options.private ?? false,
      description: options.description ?? null,
      gitDir,
      refs: new Map(Object.entries(options.refs ?? {})),
      createdAt: this.now(),
    };
    this.state.repos.set(fullName, record);
    return record;
  }

  repository(fullName: string): RepositoryRecord {
    const r = this.state.repos.get(fullName);
    if (!r) throw new Error(`no repository ${fullName} in the test GitHub API`);
    return r;
  }

  /** Sets a ref of a repository (with git in a linked one). */
  async setRef(fullName: string, ref: string, sha: string): Promise<void> {
    const repo = this.repository(fullName);
    const store = this.refs(repo);
    if (!(await store.compareAndSet(ref, sha, await store.get(ref))))
      throw new Error(`could not set ${ref} of ${fullName} to ${sha}`);
  }

  addLabel(
    fullName: string,
    name: string,
    options: { color?: string; description?: string } = {},
  ): LabelRecord {
    this.repository(fullName);
    const existing = this.state.labels.find(
      (l) => l.repository === fullName && l.name.toLowerCase() === name.toLowerCase(),
    );
    if (existing) return existing;
    const label: LabelRecord = {
      id: this.nextId(),
      repository: fullName,
      name,
      color: options.color ?? 'ededed',
      description: options.description ?? null,
      default: false,
    };
    this.state.labels.push(label);
    return label;
  }

  nextNumber(fullName: string): number {
    return (
      Math.max(
        0,
        ...this.state.issues.filter((i) => i.repository === fullName).map((i) => i.number),
      ) + 1
    );
  }

  addIssue(
    fullName: string,
    fields: Partial<Omit<IssueRecord, 'repository' | 'number' | 'id' | 'pull'>> & { title: string },
  ): IssueRecord {
    this.repository(fullName);
    const at = this.now();
    const issue: IssueRecord = {
      id: this.nextId(),
      repository: fullName,
      number: this.nextNumber(fullName),
      body: null,
      state: 'open',
      stateReason: null,
      user: this.state.viewer,
      labels: [],
      assignees: [],
      locked: false,
      createdAt: at,
      updatedAt: at,
      closedAt: null,
      ...fields,
    };
    for (const l of issue.labels) this.addLabel(fullName, l);
    this.state.issues.push(issue);
    return issue;
  }

  /** A pull request record as is (no checks of the branches: seed what a test needs). */
  addPull(
    fullName: string,
    fields: Partial<Omit<IssueRecord, 'repository' | 'number' | 'id' | 'pull'>> & {
      title: string;
      head: string;
      base?: string;
      headSha?: string;
      baseSha?: string;
      draft?: boolean;
    },
  ): PullRecord {
    const repo = this.repository(fullName);
    const { head, base, headSha, baseSha, draft, ...rest } = fields;
    const issue = this.addIssue(fullName, rest);
    const colon = head.indexOf(':');
    issue.pull = {
      id: this.nextId(),
      head: {
        repository: colon > 0 ? `${head.slice(0, colon)}/${repo.name}` : fullName,
        ref: colon > 0 ? head.slice(colon + 1) : head,
        sha: headSha ?? '0'.repeat(40),
      },
      base: { ref: base ?? repo.defaultBranch, sha: baseSha ?? '0'.repeat(40) },
      draft: draft ?? false,
      merged: false,
      mergedAt: null,
      mergeCommitSha: null,
      maintainerCanModify: false,
      requestedReviewers: [],
      requestedTeams: [],
    };
    return issue as PullRecord;
  }

  // --- faults ---

  addFault(fault: ApiFault): void {
    this.faults.push({ times: 1, ...fault });
  }

  clearFaults(): void {
    this.faults.length = 0;
  }

  // --- serving ---

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((e: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ message: `test server error: ${String(e)}` }));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }

  private authorized(req: IncomingMessage): 'ok' | 'missing' | 'bad' {
    const h = req.headers.authorization;
    if (!h) return 'missing';
    const m = /^(?:token|bearer)\s+(\S+)\s*$/i.exec(h);
    return m && m[1] === this.token ? 'ok' : 'bad';
  }

  private fault(method: string, path: string): ApiError | undefined {
    const f = this.faults.find(
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
          403,
          `API rate limit exceeded for user ID ${this.state.viewer}. If you reach out to GitHub Support for help, please include the request ID.`,
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
          403,
          'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID.',
          undefined,
          { 'retry-after': String(after) },
        );
      default: {
        const status = f.status ?? 502;
        return new ApiError(
          status,
          status === 429 ? 'Too Many Requests' : status === 502 ? 'Server Error' : 'Injected fault',
          undefined,
          status === 429 || f.retryAfter !== undefined ? { 'retry-after': String(after) } : {},
        );
      }
    }
  }

  private async readBody(req: IncomingMessage): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = (req.method ?? 'GET').toUpperCase();
    const raw = await this.readBody(req);
    let body: unknown = undefined;
    let parseError = false;
    if (raw.trim()) {
      try {
        body = JSON.parse(raw);
      } catch {
        parseError = true;
      }
    }
    let path = url.pathname;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      // keep the raw path in the log
    }
    const record: ApiRequest = {
      method,
      path,
      query: Object.fromEntries(url.searchParams),
      body,
      status: 0,
    };
    this.requests.push(record);
    let reply: Reply;
    try {
      reply = await this.dispatch(req, method, url, body, parseError);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      reply = { status: e.status, body: e.toBody(), headers: e.headers };
    }
    record.status = reply.status ?? 200;
    const headers: Record<string, string> = {
      'x-github-media-type': 'github.v3; format=json',
      'x-github-api-version-selected': '2022-11-28',
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': '4999',
      'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + 3600),
      'x-ratelimit-used': '1',
      'x-ratelimit-resource': 'core',
      ...reply.headers,
    };
    if (reply.body === undefined || record.status === 204) {
      res.writeHead(record.status, headers);
      res.end();
      return;
    }
    const text = JSON.stringify(reply.body, (_k, v: unknown) =>
      typeof v === 'bigint' ? Number(v) : v,
    );
    res.writeHead(record.status, {
      ...headers,
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(Buffer.byteLength(text)),
    });
    res.end(text);
  }

  private async dispatch(
    req: IncomingMessage,
    method: string,
    url: URL,
    body: unknown,
    parseError: boolean,
  ): Promise<Reply> {
    const auth = this.authorized(req);
    if (auth === 'missing') throw new ApiError(401, 'Requires authentication');
    if (auth === 'bad') throw new ApiError(401, 'Bad credentials');
    const parts = url.pathname.replace(/\/+$/, '').split('/').slice(1);
    let pathname = url.pathname;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      throw new ApiError(400, 'Bad request path');
    }
    const fault = this.fault(method, pathname);
    if (fault) throw fault;
    if (parseError) throw new ApiError(400, 'Problems parsing JSON');
    let found: { route: CompiledRoute; params: Record<string, string> } | undefined;
    let pathMatched = false;
    for (const route of this.table) {
      const params = match(route, parts);
      if (!params) continue;
      pathMatched = true;
      if (route.method === method) {
        found = { route, params };
        break;
      }
    }
    if (!found) {
      if (pathMatched) throw new ApiError(404, 'Not Found');
      throw new ApiError(404, 'Not Found');
    }
    let repo: RepositoryRecord | undefined;
    if (found.params.owner !== undefined && found.params.repo !== undefined) {
      const key = `${found.params.owner}/${found.params.repo}`;
      // GitHub's owner and repository names are case-insensitive.
      repo =
        this.state.repos.get(key) ??
        [...this.state.repos.values()].find((r) => r.fullName.toLowerCase() === key.toLowerCase());
      if (!repo) throw new ApiError(404, 'Not Found');
    }
    const ctx: RequestContext = {
      api: this,
      method: method as Method,
      pathname: url.pathname,
      params: found.params,
      query: url.searchParams,
      body:
        body && typeof body === 'object' && !Array.isArray(body)
          ? (body as Record<string, unknown>)
          : Array.isArray(body)
            ? { _array: body }
            : {},
      repo: repo as RepositoryRecord,
    };
    return found.route.handler(ctx);
  }
}

export async function startGitHubApi(options: GitHubApiOptions): Promise<GitHubApi> {
  return new GitHubApi(options).start();
}
