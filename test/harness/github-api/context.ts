/**
 * What a route module needs: the route and handler types, GitHub's error answers, pagination
 * with a Link header, and body validation. Route modules import only this, shapes.ts and
 * refs.ts, never the server, so a new module is one file plus one line in routes.ts.
 */
import type { IssueRecord, RepositoryRecord, GitHubState } from './state.js';
import type { RefStore } from './refs.js';

export const DOCS = 'https://docs.github.com/rest';

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** The server as handlers see it. */
export interface ApiServer {
  readonly url: string;
  /** Base of html_url links (a GitHub web address). */
  readonly htmlUrl: string;
  readonly state: GitHubState;
  nextId(): number;
  /** The next issue/pull request number of a repository. */
  nextNumber(fullName: string): number;
  now(): string;
  /** A new open issue record, numbered in the repository's sequence; not stored yet. */
  newIssueRecord(
    fullName: string,
    fields: Partial<Omit<IssueRecord, 'repository' | 'number' | 'id' | 'pull'>> & { title: string },
  ): IssueRecord;
  refs(repo: RepositoryRecord): RefStore;
}

export interface RequestContext {
  api: ApiServer;
  method: Method;
  /** The request's path, as received (for links back to it). */
  pathname: string;
  /** Path parameters, decoded (`{ref+}` keeps its slashes). */
  params: Record<string, string>;
  query: URLSearchParams;
  /** The parsed JSON body ({} when there was none). */
  body: Record<string, unknown>;
  /** The repository named by `{owner}/{repo}` in the path, when the route has them. */
  repo: RepositoryRecord;
}

export interface Reply<T = unknown> {
  status?: number;
  body?: T;
  headers?: Record<string, string>;
}

export type Handler = (ctx: RequestContext) => Reply | Promise<Reply>;

export interface Route {
  method: Method;
  /** Like `/repos/{owner}/{repo}/git/ref/{ref+}`; `+` lets a parameter span slashes. */
  path: string;
  handler: Handler;
}

export interface ValidationError {
  resource: string;
  field?: string;
  code: 'missing' | 'missing_field' | 'invalid' | 'already_exists' | 'unprocessable' | 'custom';
  message?: string;
}

/** An error answer in GitHub's shape: `{ message, documentation_url, errors?, status }`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errors?: ValidationError[],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
  toBody(): Record<string, unknown> {
    return {
      message: this.message,
      ...(this.errors ? { errors: this.errors } : {}),
      documentation_url: DOCS,
      status: String(this.status),
    };
  }
}

export const notFound = () => new ApiError(404, 'Not Found');

export function validationFailed(...errors: ValidationError[]): ApiError {
  return new ApiError(422, 'Validation Failed', errors);
}

/** Answers 201 with a payload. */
export function created<T>(body: T): Reply<T> {
  return { status: 201, body };
}

// --- body fields: a wrong type is a 422 naming the field, as GitHub answers ---

function fieldError(resource: string, field: string, value: unknown, expected: string): ApiError {
  return new ApiError(
    422,
    `Invalid request.\n\nFor '${field}', ${JSON.stringify(value)} is not ${expected}.`,
    [{ resource, field, code: 'invalid' }],
  );
}

export function str(ctx: RequestContext, field: string, resource: string): string | undefined;
export function str(ctx: RequestContext, field: string, resource: string, required: true): string;
export function str(
  ctx: RequestContext,
  field: string,
  resource: string,
  required = false,
): string | undefined {
  const v = ctx.body[field];
  if (v === undefined || v === null) {
    if (required)
      throw new ApiError(422, `Invalid request.\n\n"${field}" wasn't supplied.`, [
        { resource, field, code: 'missing_field' },
      ]);
    return undefined;
  }
  if (typeof v !== 'string') throw fieldError(resource, field, v, 'a string');
  return v;
}

export function nullableStr(
  ctx: RequestContext,
  field: string,
  resource: string,
): string | null | undefined {
  if (ctx.body[field] === null) return null;
  return str(ctx, field, resource);
}

export function bool(ctx: RequestContext, field: string, resource: string): boolean | undefined {
  const v = ctx.body[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'boolean') throw fieldError(resource, field, v, 'a boolean');
  return v;
}

export function strList(
  ctx: RequestContext,
  field: string,
  resource: string,
): string[] | undefined {
  const v = ctx.body[field];
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string'))
    throw fieldError(resource, field, v, 'an array of strings');
  return v as string[];
}

export function oneOf<T extends string>(
  ctx: RequestContext,
  field: string,
  resource: string,
  values: readonly T[],
): T | undefined {
  const v = str(ctx, field, resource);
  if (v === undefined) return undefined;
  if (!(values as readonly string[]).includes(v))
    throw fieldError(resource, field, v, `one of ${values.join(', ')}`);
  return v as T;
}

/** A positive integer path parameter such as `{pull_number}`; anything else is a 404. */
export function numberParam(ctx: RequestContext, name: string): number {
  const v = ctx.params[name];
  if (!/^[0-9]+$/.test(v)) throw notFound();
  return Number(v);
}

// --- pagination: per_page (default 30, at most 100), page, and a Link header ---

export function paginate<T>(ctx: RequestContext, items: T[]): Reply<T[]> {
  const perPage = Math.min(100, Math.max(1, Number(ctx.query.get('per_page') ?? '30') || 30));
  const page = Math.max(1, Number(ctx.query.get('page') ?? '1') || 1);
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const body = items.slice((page - 1) * perPage, page * perPage);
  const link = (p: number, rel: string) => {
    const q = new URLSearchParams(ctx.query);
    q.set('page', String(p));
    q.set('per_page', String(perPage));
    return `<${ctx.api.url}${ctx.pathname}?${q}>; rel="${rel}"`;
  };
  const links: string[] = [];
  if (page > 1) links.push(link(page - 1, 'prev'));
  if (page < last) links.push(link(page + 1, 'next'));
  if (page < last) links.push(link(last, 'last'));
  if (page > 1) links.push(link(1, 'first'));
  return { body, headers: links.length ? { link: links.join(', ') } : {} };
}
