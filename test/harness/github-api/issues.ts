/**
 * Issues, their comments and assignees (labels: labels.ts). Pull requests are issues here too:
 * they share the number sequence, carry a `pull_request` key in the issue list, and take labels
 * and comments through these routes, as on GitHub.
 */
import {
  ApiError,
  created,
  notFound,
  numberParam,
  oneOf,
  paginate,
  str,
  strList,
  type RequestContext,
  type Route,
} from './context.js';
import { labelNames, setLabels } from './labels.js';
import { comment, issue, type Issue, type IssueComment } from './shapes.js';
import type { CommentRecord, IssueRecord } from './state.js';

export function findIssue(ctx: RequestContext): IssueRecord {
  const n = numberParam(ctx, 'issue_number');
  const i = ctx.api.state.issues.find((x) => x.repository === ctx.repo.fullName && x.number === n);
  if (!i) throw notFound();
  return i;
}

export function touch(ctx: RequestContext, i: IssueRecord): void {
  i.updatedAt = ctx.api.now();
}

export const issueRoutes: Route[] = [
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/issues',
    handler: (ctx) => {
      const state = ctx.query.get('state') ?? 'open';
      const wanted = (ctx.query.get('labels') ?? '')
        .split(',')
        .map((s) => s.trim().toLowerCase())
        .filter(Boolean);
      const creator = ctx.query.get('creator');
      const assignee = ctx.query.get('assignee');
      const since = ctx.query.get('since');
      let issues = ctx.api.state.issues.filter(
        (i) =>
          i.repository === ctx.repo.fullName &&
          (state === 'all' || i.state === state) &&
          wanted.every((w) => i.labels.some((l) => l.toLowerCase() === w)) &&
          (!creator || i.user.toLowerCase() === creator.toLowerCase()) &&
          (!assignee ||
            (assignee === 'none'
              ? i.assignees.length === 0
              : assignee === '*'
                ? i.assignees.length > 0
                : i.assignees.some((a) => a.toLowerCase() === assignee.toLowerCase()))) &&
          (!since || i.updatedAt >= since),
      );
      const sort = ctx.query.get('sort') ?? 'created';
      const direction = ctx.query.get('direction') ?? 'desc';
      const key = (i: IssueRecord) => (sort === 'updated' ? i.updatedAt : i.createdAt);
      issues = [...issues].sort((a, b) => key(a).localeCompare(key(b)) || a.number - b.number);
      if (direction === 'desc') issues.reverse();
      const page = paginate(ctx, issues);
      return { ...page, body: (page.body ?? []).map((i): Issue => issue(ctx.api, i)) };
    },
  },
  {
    method: 'POST',
    path: '/repos/{owner}/{repo}/issues',
    handler: (ctx) => {
      const title = str(ctx, 'title', 'Issue', true);
      const body = str(ctx, 'body', 'Issue') ?? null;
      const assignees = strList(ctx, 'assignees', 'Issue') ?? [];
      const one = str(ctx, 'assignee', 'Issue');
      const names = labelNames(ctx) ?? [];
      const i = ctx.api.newIssueRecord(ctx.repo.fullName, {
        title,
        body,
        assignees: [...new Set([...(one ? [one] : []), ...assignees])],
      });
      setLabels(ctx, i, names);
      ctx.api.state.issues.push(i);
      return created(issue(ctx.api, i));
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/issues/{issue_number}',
    handler: (ctx) => ({ body: issue(ctx.api, findIssue(ctx)) }),
  },
  {
    method: 'PATCH',
    path: '/repos/{owner}/{repo}/issues/{issue_number}',
    handler: (ctx) => {
      const i = findIssue(ctx);
      const title = str(ctx, 'title', 'Issue');
      const body = ctx.body.body === null ? null : str(ctx, 'body', 'Issue');
      const state = oneOf(ctx, 'state', 'Issue', ['open', 'closed'] as const);
      const reason = oneOf(ctx, 'state_reason', 'Issue', [
        'completed',
        'not_planned',
        'reopened',
        'duplicate',
      ] as const);
      const names = labelNames(ctx);
      const assignees = strList(ctx, 'assignees', 'Issue');
      if (title !== undefined) i.title = title;
      if (body !== undefined) i.body = body;
      if (state === 'closed' && i.state === 'open') {
        if (i.pull && i.pull.merged) throw new ApiError(422, 'Pull request is already merged');
        i.state = 'closed';
        i.closedAt = ctx.api.now();
        i.stateReason = i.pull ? null : (reason ?? 'completed');
      } else if (state === 'open' && i.state === 'closed') {
        i.state = 'open';
        i.closedAt = null;
        i.stateReason = 'reopened';
      } else if (reason !== undefined && i.state === 'closed' && !i.pull) {
        i.stateReason = reason;
      }
      if (names !== undefined) setLabels(ctx, i, names);
      if (assignees !== undefined) i.assignees = [...new Set(assignees)];
      touch(ctx, i);
      return { body: issue(ctx.api, i) };
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/issues/{issue_number}/comments',
    handler: (ctx) => {
      const i = findIssue(ctx);
      const since = ctx.query.get('since');
      const list = ctx.api.state.comments.filter(
        (c) =>
          c.repository === i.repository &&
          c.issueNumber === i.number &&
          (!since || c.updatedAt >= since),
      );
      const page = paginate(ctx, list);
      return { ...page, body: (page.body ?? []).map((c): IssueComment => comment(ctx.api, c)) };
    },
  },
  {
    method: 'POST',
    path: '/repos/{owner}/{repo}/issues/{issue_number}/comments',
    handler: (ctx) => {
      const i = findIssue(ctx);
      const body = str(ctx, 'body', 'IssueComment', true);
      if (i.locked) throw new ApiError(403, 'Unable to create comment because issue is locked.');
      const at = ctx.api.now();
      const c: CommentRecord = {
        id: ctx.api.nextId(),
        repository: i.repository,
        issueNumber: i.number,
        body,
        user: ctx.api.state.viewer,
        createdAt: at,
        updatedAt: at,
      };
      ctx.api.state.comments.push(c);
      touch(ctx, i);
      return created(comment(ctx.api, c));
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/issues/comments/{comment_id}',
    handler: (ctx) => ({ body: comment(ctx.api, findComment(ctx)) }),
  },
  {
    method: 'PATCH',
    path: '/repos/{owner}/{repo}/issues/comments/{comment_id}',
    handler: (ctx) => {
      const c = findComment(ctx);
      c.body = str(ctx, 'body', 'IssueComment', true);
      c.updatedAt = ctx.api.now();
      return { body: comment(ctx.api, c) };
    },
  },
  {
    method: 'DELETE',
    path: '/repos/{owner}/{repo}/issues/comments/{comment_id}',
    handler: (ctx) => {
      const c = findComment(ctx);
      ctx.api.state.comments.splice(ctx.api.state.comments.indexOf(c), 1);
      return { status: 204 };
    },
  },
  {
    method: 'POST',
    path: '/repos/{owner}/{repo}/issues/{issue_number}/assignees',
    handler: (ctx) => {
      const i = findIssue(ctx);
      for (const a of strList(ctx, 'assignees', 'Issue') ?? [])
        if (!i.assignees.includes(a)) i.assignees.push(a);
      touch(ctx, i);
      return created(issue(ctx.api, i));
    },
  },
  {
    method: 'DELETE',
    path: '/repos/{owner}/{repo}/issues/{issue_number}/assignees',
    handler: (ctx) => {
      const i = findIssue(ctx);
      const gone = strList(ctx, 'assignees', 'Issue') ?? [];
      i.assignees = i.assignees.filter((a) => !gone.includes(a));
      touch(ctx, i);
      return { body: issue(ctx.api, i) };
    },
  },
];

function findComment(ctx: RequestContext): CommentRecord {
  const id = numberParam(ctx, 'comment_id');
  const c = ctx.api.state.comments.find((x) => x.repository === ctx.repo.fullName && x.id === id);
  if (!c) throw notFound();
  return c;
}
