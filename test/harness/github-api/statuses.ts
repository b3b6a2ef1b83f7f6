/** Commit statuses and the combined status of a revision. */
import {
  ApiError,
  created,
  oneOf,
  paginate,
  str,
  type RequestContext,
  type Route,
} from './context.js';
import {
  minimalRepository,
  simpleStatus,
  status,
  type CombinedCommitStatus,
  type Status,
} from './shapes.js';
import type { StatusRecord, StatusState } from './state.js';

/** A branch, tag or sha resolved to a commit; GitHub answers 422 for one it cannot find. */
export async function resolveCommit(ctx: RequestContext, ref: string): Promise<string> {
  const sha = await ctx.api.refs(ctx.repo).resolve(ref);
  if (!sha) throw new ApiError(422, `No commit found for SHA: ${ref}`);
  return sha;
}

/** The statuses of a commit, newest first. */
function statusesOf(ctx: RequestContext, sha: string): StatusRecord[] {
  return ctx.api.state.statuses
    .filter((s) => s.repository === ctx.repo.fullName && s.sha === sha)
    .reverse();
}

/** failure if a context failed or errored, pending if one is pending (or none is), else success. */
export function combinedState(latest: StatusRecord[]): 'failure' | 'pending' | 'success' {
  if (latest.some((s) => s.state === 'error' || s.state === 'failure')) return 'failure';
  if (latest.length === 0 || latest.some((s) => s.state === 'pending')) return 'pending';
  return 'success';
}

export const statusRoutes: Route[] = [
  {
    method: 'POST',
    path: '/repos/{owner}/{repo}/statuses/{sha}',
    handler: async (ctx) => {
      const state = oneOf<StatusState>(ctx, 'state', 'Status', [
        'error',
        'failure',
        'pending',
        'success',
      ]);
      if (!state)
        throw new ApiError(422, 'Invalid request.\n\n"state" wasn\'t supplied.', [
          { resource: 'Status', field: 'state', code: 'missing_field' },
        ]);
      const description = str(ctx, 'description', 'Status') ?? null;
      if (description && description.length > 140)
        throw new ApiError(422, 'Validation Failed', [
          {
            resource: 'Status',
            code: 'custom',
            field: 'description',
            message: 'description is too long (maximum is 140 characters)',
          },
        ]);
      const sha = await resolveCommit(ctx, ctx.params.sha);
      const at = ctx.api.now();
      const s: StatusRecord = {
        id: ctx.api.nextId(),
        repository: ctx.repo.fullName,
        sha,
        state,
        context: str(ctx, 'context', 'Status') ?? 'default',
        description,
        targetUrl: str(ctx, 'target_url', 'Status') ?? null,
        creator: ctx.api.state.viewer,
        createdAt: at,
        updatedAt: at,
      };
      ctx.api.state.statuses.push(s);
      return created<Status>(status(ctx.api, s));
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/commits/{ref}/statuses',
    handler: async (ctx) => {
      const sha = await resolveCommit(ctx, ctx.params.ref);
      return paginate<Status>(
        ctx,
        statusesOf(ctx, sha).map((s) => status(ctx.api, s)),
      );
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/commits/{ref}/status',
    handler: async (ctx): Promise<{ body: CombinedCommitStatus }> => {
      const sha = await resolveCommit(ctx, ctx.params.ref);
      const latest = new Map<string, StatusRecord>();
      for (const s of statusesOf(ctx, sha)) if (!latest.has(s.context)) latest.set(s.context, s);
      const list = [...latest.values()];
      const repoUrl = `${ctx.api.url}/repos/${ctx.repo.fullName}`;
      return {
        body: {
          state: combinedState(list),
          statuses: list.map((s) => simpleStatus(ctx.api, s)),
          sha,
          total_count: list.length,
          repository: minimalRepository(ctx.api, ctx.repo),
          commit_url: `${repoUrl}/commits/${sha}`,
          url: `${repoUrl}/commits/${sha}/status`,
        },
      };
    },
  },
];
