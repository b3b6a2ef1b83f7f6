/**
 * Pull requests. A pull request is an issue with a pull side (same number sequence, listed by
 * the issues API too). Head and base revisions come from the repositories' refs and follow
 * the branches while the pull request is open, as on GitHub.
 */
import {
  ApiError,
  bool,
  created,
  notFound,
  numberParam,
  oneOf,
  paginate,
  str,
  strList,
  validationFailed,
  type ApiServer,
  type RequestContext,
  type Route,
} from './context.js';
import { commit, type Commit, type PullRequest, type PullRequestMergeResult } from './shapes.js';
import { pullRequest } from './shapes-pulls.js';
import type { PullRecord, RepositoryRecord } from './state.js';

function findPull(ctx: RequestContext): PullRecord {
  const n = numberParam(ctx, 'pull_number');
  const p = ctx.api.state.pulls.find((x) => x.repository === ctx.repo.fullName && x.number === n);
  if (!p) throw notFound();
  return p;
}

function headRepository(
  ctx: RequestContext,
  head: string,
): { repo: RepositoryRecord; ref: string } {
  const colon = head.indexOf(':');
  if (colon < 0) return { repo: ctx.repo, ref: head };
  const owner = head.slice(0, colon);
  const ref = head.slice(colon + 1);
  if (owner.toLowerCase() === ctx.repo.owner.toLowerCase()) return { repo: ctx.repo, ref };
  const fork = ctx.api.state.repos.get(`${owner}/${ctx.repo.name}`);
  if (!fork) throw validationFailed({ resource: 'PullRequest', field: 'head', code: 'invalid' });
  return { repo: fork, ref };
}

/**
 * Closes the open pull requests whose head branch was deleted, as GitHub does when a head
 * branch goes away.
 */
export function closePullsFromBranch(api: ApiServer, repository: string, branch: string): void {
  for (const p of api.state.pulls)
    if (p.state === 'open' && p.pull.head.repository === repository && p.pull.head.ref === branch) {
      p.state = 'closed';
      p.closedAt = p.updatedAt = api.now();
    }
}

/**
 * Moves an open pull request's head and base to where their branches are now; one whose head
 * branch is gone from a linked repository (deleted by a push) is closed.
 */
async function refresh(ctx: RequestContext, p: PullRecord): Promise<void> {
  if (p.state !== 'open') return;
  const headRepo = ctx.api.state.repos.get(p.pull.head.repository);
  if (headRepo) {
    const store = ctx.api.refs(headRepo);
    const head = await store.get(`refs/heads/${p.pull.head.ref}`);
    if (head) p.pull.head.sha = head;
    else if (store.linked) return closePullsFromBranch(ctx.api, headRepo.fullName, p.pull.head.ref);
  }
  const base = await ctx.api.refs(ctx.repo).get(`refs/heads/${p.pull.base.ref}`);
  if (base) p.pull.base.sha = base;
}

async function commitsOf(ctx: RequestContext, p: PullRecord) {
  const store = ctx.api.refs(ctx.repo);
  if (!store.linked || p.pull.head.repository !== p.repository) return undefined;
  try {
    return await store.commitsBetween(p.pull.base.sha, p.pull.head.sha);
  } catch {
    return undefined;
  }
}

export async function renderPull(ctx: RequestContext, p: PullRecord): Promise<PullRequest> {
  await refresh(ctx, p);
  const commits = await commitsOf(ctx, p);
  return pullRequest(ctx.api, p, { count: commits?.length ?? 1 });
}

function duplicateOf(ctx: RequestContext, p: { headRepo: string; head: string; base: string }) {
  return ctx.api.state.pulls.find(
    (x) =>
      x.repository === ctx.repo.fullName &&
      x.state === 'open' &&
      x.pull.head.repository === p.headRepo &&
      x.pull.head.ref === p.head &&
      x.pull.base.ref === p.base,
  );
}

function duplicateError(owner: string, head: string): ApiError {
  return validationFailed({
    resource: 'PullRequest',
    code: 'custom',
    message: `A pull request already exists for ${owner}:${head}.`,
  });
}

async function merge(ctx: RequestContext) {
  const p = findPull(ctx);
  await refresh(ctx, p);
  const method = oneOf(ctx, 'merge_method', 'PullRequest', ['merge', 'squash', 'rebase'] as const);
  const sha = str(ctx, 'sha', 'PullRequest');
  if (p.state !== 'open') throw new ApiError(405, 'Pull Request is not mergeable');
  if (sha !== undefined && sha !== p.pull.head.sha)
    throw new ApiError(409, 'Head branch was modified. Review and try the merge again.');
  if (method === 'rebase')
    throw new ApiError(422, 'Rebase merges are not supported by the test GitHub API server');
  if (p.pull.head.repository !== p.repository && ctx.api.refs(ctx.repo).linked)
    throw new ApiError(422, 'Merges from another repository are not supported by the test server');
  const squash = method === 'squash';
  const title =
    str(ctx, 'commit_title', 'PullRequest') ??
    (squash
      ? `${p.title} (#${p.number})`
      : `Merge pull request #${p.number} from ${p.pull.head.repository.split('/')[0]}/${p.pull.head.ref}`);
  const message = str(ctx, 'commit_message', 'PullRequest') ?? (squash ? '' : p.title);
  const store = ctx.api.refs(ctx.repo);
  const base = p.pull.base.sha;
  const merged = await store.merge(
    base,
    p.pull.head.sha,
    message ? `${title}\n\n${message}` : title,
    squash,
  );
  if (!merged) throw new ApiError(405, 'Pull Request is not mergeable');
  if (!(await store.compareAndSet(`refs/heads/${p.pull.base.ref}`, merged, base)))
    throw new ApiError(409, 'Base branch was modified. Review and try the merge again.');
  const at = ctx.api.now();
  p.state = 'closed';
  p.closedAt = at;
  p.updatedAt = at;
  p.pull.merged = true;
  p.pull.mergedAt = at;
  p.pull.mergeCommitSha = merged;
  p.pull.base.sha = merged;
  const result: PullRequestMergeResult = {
    sha: merged,
    merged: true,
    message: 'Pull Request successfully merged',
  };
  return { body: result };
}

export const pullRoutes: Route[] = [
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/pulls',
    handler: async (ctx) => {
      const state = ctx.query.get('state') ?? 'open';
      const head = ctx.query.get('head');
      const base = ctx.query.get('base');
      let pulls = ctx.api.state.pulls.filter(
        (p) => p.repository === ctx.repo.fullName && (state === 'all' || p.state === state),
      );
      // Only `owner:branch` filters: GitHub ignores a bare branch name and lists every pull
      // request, a classic bug of callers that the tests should see too.
      const colon = head?.indexOf(':') ?? -1;
      if (head && colon > 0) {
        const owner = head.slice(0, colon);
        const ref = head.slice(colon + 1);
        pulls = pulls.filter(
          (p) =>
            p.pull.head.repository.split('/')[0].toLowerCase() === owner.toLowerCase() &&
            p.pull.head.ref === ref,
        );
      }
      if (base) pulls = pulls.filter((p) => p.pull.base.ref === base);
      const sort = ctx.query.get('sort') ?? 'created';
      const direction = ctx.query.get('direction') ?? (sort === 'created' ? 'desc' : 'asc');
      const key = (p: PullRecord) => (sort === 'updated' ? p.updatedAt : p.createdAt);
      pulls = [...pulls].sort((a, b) => key(a).localeCompare(key(b)) || a.number - b.number);
      if (direction === 'desc') pulls.reverse();
      const page = paginate(ctx, pulls);
      const body: PullRequest[] = [];
      for (const p of page.body ?? []) body.push(await renderPull(ctx, p));
      return { ...page, body };
    },
  },
  {
    method: 'POST',
    path: '/repos/{owner}/{repo}/pulls',
    handler: async (ctx) => {
      const title = str(ctx, 'title', 'PullRequest', true);
      const headArg = str(ctx, 'head', 'PullRequest', true);
      const base = str(ctx, 'base', 'PullRequest', true);
      const body = str(ctx, 'body', 'PullRequest') ?? null;
      const draft = bool(ctx, 'draft', 'PullRequest') ?? false;
      const maintainerCanModify = bool(ctx, 'maintainer_can_modify', 'PullRequest') ?? true;
      const { repo: headRepo, ref: head } = headRepository(ctx, headArg);
      const headSha = await ctx.api.refs(headRepo).get(`refs/heads/${head}`);
      if (!headSha)
        throw validationFailed({ resource: 'PullRequest', field: 'head', code: 'invalid' });
      const baseStore = ctx.api.refs(ctx.repo);
      const baseSha = await baseStore.get(`refs/heads/${base}`);
      if (!baseSha)
        throw validationFailed({ resource: 'PullRequest', field: 'base', code: 'invalid' });
      const noCommits =
        headRepo === ctx.repo &&
        (headSha === baseSha || (await baseStore.isAncestor(headSha, baseSha)) === true);
      // Checked after the last await, so two requests at once cannot both pass.
      if (duplicateOf(ctx, { headRepo: headRepo.fullName, head, base }))
        throw duplicateError(headRepo.owner, head);
      if (noCommits)
        throw validationFailed({
          resource: 'PullRequest',
          code: 'custom',
          message: `No commits between ${base} and ${head}`,
        });
      const p: PullRecord = {
        ...ctx.api.newIssueRecord(ctx.repo.fullName, { title, body }),
        pull: {
          id: ctx.api.nextId(),
          head: { repository: headRepo.fullName, ref: head, sha: headSha },
          base: { ref: base, sha: baseSha },
          draft,
          merged: false,
          mergedAt: null,
          mergeCommitSha: null,
          maintainerCanModify,
          requestedReviewers: [],
          requestedTeams: [],
        },
      };
      ctx.api.state.issues.push(p);
      return created(await renderPull(ctx, p));
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/pulls/{pull_number}',
    handler: async (ctx) => ({ body: await renderPull(ctx, findPull(ctx)) }),
  },
  {
    method: 'PATCH',
    path: '/repos/{owner}/{repo}/pulls/{pull_number}',
    handler: async (ctx) => {
      const p = findPull(ctx);
      const title = str(ctx, 'title', 'PullRequest');
      const body = ctx.body.body === null ? null : str(ctx, 'body', 'PullRequest');
      const state = oneOf(ctx, 'state', 'PullRequest', ['open', 'closed'] as const);
      const base = str(ctx, 'base', 'PullRequest');
      const mcm = bool(ctx, 'maintainer_can_modify', 'PullRequest');
      if (base !== undefined && base !== p.pull.base.ref) {
        const sha = await ctx.api.refs(ctx.repo).get(`refs/heads/${base}`);
        if (!sha)
          throw validationFailed({ resource: 'PullRequest', field: 'base', code: 'invalid' });
        if (
          p.state === 'open' &&
          duplicateOf(ctx, { headRepo: p.pull.head.repository, head: p.pull.head.ref, base })
        )
          throw duplicateError(p.pull.head.repository.split('/')[0], p.pull.head.ref);
        p.pull.base = { ref: base, sha };
      }
      if (state === 'open' && p.state === 'closed') {
        if (p.pull.merged) throw new ApiError(422, 'Cannot reopen a merged pull request');
        const other = duplicateOf(ctx, {
          headRepo: p.pull.head.repository,
          head: p.pull.head.ref,
          base: p.pull.base.ref,
        });
        if (other) throw duplicateError(p.pull.head.repository.split('/')[0], p.pull.head.ref);
        p.state = 'open';
        p.closedAt = null;
        p.stateReason = 'reopened';
      } else if (state === 'closed' && p.state === 'open') {
        p.state = 'closed';
        p.closedAt = ctx.api.now();
        p.stateReason = null;
      }
      if (title !== undefined) p.title = title;
      if (body !== undefined) p.body = body;
      if (mcm !== undefined) p.pull.maintainerCanModify = mcm;
      p.updatedAt = ctx.api.now();
      return { body: await renderPull(ctx, p) };
    },
  },
  { method: 'PUT', path: '/repos/{owner}/{repo}/pulls/{pull_number}/merge', handler: merge },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/pulls/{pull_number}/merge',
    handler: (ctx) => {
      if (!findPull(ctx).pull.merged) throw notFound();
      return { status: 204 };
    },
  },
  {
    method: 'POST',
    path: '/repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers',
    handler: async (ctx) => {
      const p = findPull(ctx);
      const reviewers = strList(ctx, 'reviewers', 'PullRequest') ?? [];
      const teams = strList(ctx, 'team_reviewers', 'PullRequest') ?? [];
      if (reviewers.includes(p.user))
        throw new ApiError(422, 'Review cannot be requested from pull request author.');
      for (const r of reviewers)
        if (!p.pull.requestedReviewers.includes(r)) p.pull.requestedReviewers.push(r);
      for (const t of teams) if (!p.pull.requestedTeams.includes(t)) p.pull.requestedTeams.push(t);
      p.updatedAt = ctx.api.now();
      return created(await renderPull(ctx, p));
    },
  },
  {
    method: 'DELETE',
    path: '/repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers',
    handler: async (ctx) => {
      const p = findPull(ctx);
      const reviewers = strList(ctx, 'reviewers', 'PullRequest') ?? [];
      const teams = strList(ctx, 'team_reviewers', 'PullRequest') ?? [];
      p.pull.requestedReviewers = p.pull.requestedReviewers.filter((r) => !reviewers.includes(r));
      p.pull.requestedTeams = p.pull.requestedTeams.filter((t) => !teams.includes(t));
      return { body: await renderPull(ctx, p) };
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/pulls/{pull_number}/commits',
    handler: async (ctx) => {
      const p = findPull(ctx);
      await refresh(ctx, p);
      const commits = (await commitsOf(ctx, p)) ?? [];
      return paginate<Commit>(
        ctx,
        commits.map((c) => commit(ctx.api, ctx.repo, c)),
      );
    },
  },
];
