/** Labels of a repository and of its issues (and pull requests, which are issues). */
import {
  ApiError,
  created,
  notFound,
  paginate,
  str,
  validationFailed,
  type RequestContext,
  type Route,
} from './context.js';
import { findIssue, touch } from './issues.js';
import { issueLabels, label, type Label } from './shapes.js';
import type { IssueRecord, LabelRecord } from './state.js';

function findLabel(ctx: RequestContext, name: string): LabelRecord | undefined {
  return ctx.api.state.labels.find(
    (l) => l.repository === ctx.repo.fullName && l.name.toLowerCase() === name.toLowerCase(),
  );
}

/** A label by name, created (grey) when the repository does not have it, as GitHub does. */
function ensureLabel(ctx: RequestContext, name: string): LabelRecord {
  const existing = findLabel(ctx, name);
  if (existing) return existing;
  const l: LabelRecord = {
    id: ctx.api.nextId(),
    repository: ctx.repo.fullName,
    name,
    color: 'ededed',
    description: null,
    default: false,
  };
  ctx.api.state.labels.push(l);
  return l;
}

/** `labels` of a request body: names, or objects with a name (both forms are accepted). */
export function labelNames(ctx: RequestContext): string[] | undefined {
  const v = ctx.body.labels ?? ctx.body._array;
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v))
    throw validationFailed({ resource: 'Label', field: 'labels', code: 'invalid' });
  return v.map((x: unknown) => {
    if (typeof x === 'string') return x;
    if (x && typeof x === 'object' && typeof (x as { name?: unknown }).name === 'string')
      return (x as { name: string }).name;
    throw validationFailed({ resource: 'Label', field: 'labels', code: 'invalid' });
  });
}

export function setLabels(ctx: RequestContext, i: IssueRecord, names: string[]): void {
  const records = names.map((n) => ensureLabel(ctx, n));
  i.labels = [...new Set(records.map((l) => l.name))];
}

const labelsOf = (ctx: RequestContext, i: IssueRecord): Label[] =>
  issueLabels(ctx.api, i).map((l) => label(ctx.api, l));

export const labelRoutes: Route[] = [
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/issues/{issue_number}/labels',
    handler: (ctx) => paginate(ctx, labelsOf(ctx, findIssue(ctx))),
  },
  {
    method: 'POST',
    path: '/repos/{owner}/{repo}/issues/{issue_number}/labels',
    handler: (ctx) => {
      const i = findIssue(ctx);
      const names = labelNames(ctx);
      if (!names?.length)
        throw validationFailed({ resource: 'Label', field: 'labels', code: 'missing_field' });
      setLabels(ctx, i, [...i.labels, ...names]);
      touch(ctx, i);
      return { body: labelsOf(ctx, i) };
    },
  },
  {
    method: 'PUT',
    path: '/repos/{owner}/{repo}/issues/{issue_number}/labels',
    handler: (ctx) => {
      const i = findIssue(ctx);
      setLabels(ctx, i, labelNames(ctx) ?? []);
      touch(ctx, i);
      return { body: labelsOf(ctx, i) };
    },
  },
  {
    method: 'DELETE',
    path: '/repos/{owner}/{repo}/issues/{issue_number}/labels/{name}',
    handler: (ctx) => {
      const i = findIssue(ctx);
      const name = ctx.params.name.toLowerCase();
      if (!i.labels.some((l) => l.toLowerCase() === name))
        throw new ApiError(404, 'Label does not exist');
      i.labels = i.labels.filter((l) => l.toLowerCase() !== name);
      touch(ctx, i);
      return { body: labelsOf(ctx, i) };
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/labels',
    handler: (ctx) =>
      paginate(
        ctx,
        ctx.api.state.labels
          .filter((l) => l.repository === ctx.repo.fullName)
          .map((l) => label(ctx.api, l)),
      ),
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/labels/{name}',
    handler: (ctx) => {
      const l = findLabel(ctx, ctx.params.name);
      if (!l) throw notFound();
      return { body: label(ctx.api, l) };
    },
  },
  {
    method: 'POST',
    path: '/repos/{owner}/{repo}/labels',
    handler: (ctx) => {
      const name = str(ctx, 'name', 'Label', true);
      const color = (str(ctx, 'color', 'Label') ?? 'ededed').replace(/^#/, '');
      const description = str(ctx, 'description', 'Label') ?? null;
      if (!/^[0-9a-fA-F]{6}$/.test(color))
        throw validationFailed({ resource: 'Label', field: 'color', code: 'invalid' });
      if (findLabel(ctx, name))
        throw validationFailed({ resource: 'Label', field: 'name', code: 'already_exists' });
      const l: LabelRecord = {
        id: ctx.api.nextId(),
        repository: ctx.repo.fullName,
        name,
        color: color.toLowerCase(),
        description,
        default: false,
      };
      ctx.api.state.labels.push(l);
      return created(label(ctx.api, l));
    },
  },
];
