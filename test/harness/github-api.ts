/**
 * A stateful GitHub REST API server for tests, on loopback, its payloads typed with
 * @octokit/openapi-types so they have the real API's shape. Routes sit at `/repos/...` like
 * api.github.com, so `url` is what GITHUB_API_URL (and Octokit's baseUrl) takes.
 *
 * Start, seed, use, assert:
 *   const api = await startGitHubApi({ token: TOKEN, gitRoot: git.root });
 *   api.addRepository('xen/qemu', { defaultBranch: 'master' }); // links <gitRoot>/xen/qemu.git
 *   api.addLabel('xen/qemu', 'backport');
 *   api.addIssue('xen/qemu', { title: 'Old report', labels: ['tributary'] });
 *   await runAction('gate', { env: { GITHUB_API_URL: api.url }, githubToken: TOKEN, ... });
 *   // or in the library: createGitHub({ token: TOKEN, baseUrl: api.url })
 *   assert.equal(api.state.pulls[0].title, '...');   // plain records: github-api/state.ts
 *   assert.deepEqual(api.requests.map((r) => r.status), [...]); // never holds the token
 *   await api.close();
 *
 * Tokens: `Authorization: token X` or `Bearer X`; anything else is GitHub's 401.
 * Timestamps come from a clock that starts at 2026-01-01T00:00:00Z and advances one second per
 * event, so orderings by time are strict and repeatable.
 *
 * Linking a repository: `addRepository(name, { gitDir })` with a bare repository (a relative
 * gitDir is taken under gitRoot; without one, `<gitRoot>/<owner>/<repo>.git` is linked when it
 * exists). Then the git refs API reads and writes its real refs with git (so pushes through the
 * test git server and the API see each other), a ref update that is not a fast-forward is
 * refused unless forced, pull requests take their head and base revisions from it (and follow
 * the branches while open), `pulls/{n}/commits` lists real commits and a merge makes a real
 * merge commit. An unlinked repository keeps a ref map (`refs` option, `setRef`) and knows no
 * history: every ref update passes there.
 *
 * Faults, each for `times` matching requests (default 1), matched after the token check:
 *   api.addFault({ method: 'POST', path: /\/pulls$/, kind: 'status', status: 502, times: 2 });
 *   api.addFault({ path: '/repos/xen/qemu', kind: 'rate-limit', retryAfter: 1 });  // 403, reset
 *   api.addFault({ path: /issues/, kind: 'secondary-rate-limit', retryAfter: 1 }); // 403 + wait
 *   api.addFault({ path: /issues/, kind: 'status', status: 429 });                // bare 429
 * `path` is the exact decoded path or a RegExp over it. Set githubRetryPolicy.retryAfterBaseValue
 * small so the retry plugin's backoff is quick; a rate limit waits retry-after seconds.
 * Note: the client's throttling spaces writes 1 s apart (3 s for creating pull requests, issues
 * and comments), as GitHub advises; tests that make many writes pay that.
 *
 * Served: repos, branches, commits, comparisons; git refs; pulls (list, create, get, update,
 * merge, reviewers, commits); issues, comments, labels, assignees; statuses and the combined
 * status; check runs; workflow dispatches; issue search; /user; GraphQL's
 * convertPullRequestToDraft and markPullRequestReadyForReview (any other GraphQL query is
 * answered with an error). A new area is a module in github-api/ and one line in
 * github-api/routes.ts; a test can also add routes of its own with `api.addRoutes([...])`.
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
import { compile, match, type CompiledRoute } from './github-api/router.js';
import { takeFault, type ApiFault } from './github-api/faults.js';
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
export type { ApiFault } from './github-api/faults.js';

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
  /** The exception behind a 500, when a handler failed. */
  error?: string;
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

  /** A new open issue record, numbered in the repository's sequence; not stored yet. */
  newIssueRecord(
    fullName: string,
    fields: Partial<Omit<IssueRecord, 'repository' | 'number' | 'id' | 'pull'>> & { title: string },
  ): IssueRecord {
    const at = this.now();
    return {
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
  }

  addIssue(
    fullName: string,
    fields: Partial<Omit<IssueRecord, 'repository' | 'number' | 'id' | 'pull'>> & { title: string },
  ): IssueRecord {
    this.repository(fullName);
    const issue = this.newIssueRecord(fullName, fields);
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
      if (e instanceof ApiError) reply = { status: e.status, body: e.toBody(), headers: e.headers };
      else {
        // A bug of the test server itself: a 500 the test can see, with the cause logged.
        record.error = e instanceof Error ? (e.stack ?? e.message) : String(e);
        reply = { status: 500, body: { message: `test server error: ${record.error}` } };
      }
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
    let pathname: string;
    let parts: string[];
    try {
      pathname = decodeURIComponent(url.pathname);
      parts = url.pathname.replace(/\/+$/, '').split('/').slice(1);
      parts.forEach((p) => decodeURIComponent(p));
    } catch {
      throw new ApiError(400, 'Bad request path');
    }
    const fault = takeFault(this.faults, this.state.viewer, method, pathname);
    if (fault) throw fault;
    if (parseError) throw new ApiError(400, 'Problems parsing JSON');
    let found: { route: CompiledRoute; params: Record<string, string> } | undefined;
    for (const route of this.table) {
      if (route.method !== method) continue;
      const params = match(route, parts);
      if (params) {
        found = { route, params };
        break;
      }
    }
    // GitHub answers 404 for a path it does not serve, whatever the method.
    if (!found) throw new ApiError(404, 'Not Found');
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
