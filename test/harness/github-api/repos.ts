/** Repositories, branches and commits. */
import { ApiError, notFound, paginate, type Route } from './context.js';
import {
  commit,
  fullRepository,
  publicUser,
  type PublicUser,
  type BranchWithProtection,
  type Commit,
  type CommitComparison,
  type FullRepository,
} from './shapes.js';

export const repoRoutes: Route[] = [
  {
    method: 'GET',
    path: '/user',
    handler: (ctx): { body: PublicUser } => ({ body: publicUser(ctx.api, ctx.api.state.viewer) }),
  },
  {
    method: 'GET',
    path: '/users/{username}',
    handler: (ctx): { body: PublicUser } => ({ body: publicUser(ctx.api, ctx.params.username) }),
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}',
    handler: (ctx): { body: FullRepository } => ({ body: fullRepository(ctx.api, ctx.repo) }),
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/branches',
    handler: async (ctx) => {
      const heads = await ctx.api.refs(ctx.repo).list('refs/heads/');
      return paginate(
        ctx,
        [...heads].map(([ref, sha]) => ({
          name: ref.slice('refs/heads/'.length),
          commit: { sha, url: `${ctx.api.url}/repos/${ctx.repo.fullName}/commits/${sha}` },
          protected: false,
        })),
      );
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/branches/{branch+}',
    handler: async (ctx): Promise<{ body: BranchWithProtection }> => {
      const name = ctx.params.branch;
      const store = ctx.api.refs(ctx.repo);
      const sha = await store.get(`refs/heads/${name}`);
      if (!sha) throw new ApiError(404, 'Branch not found');
      const info = await store.commit(sha);
      const repoUrl = `${ctx.api.url}/repos/${ctx.repo.fullName}`;
      const c: Commit = info
        ? commit(ctx.api, ctx.repo, info)
        : commit(ctx.api, ctx.repo, {
            sha,
            tree: '4b825dc642cb6eb9a060e54bf8d69288fbee4904',
            parents: [],
            author: { name: 'unknown', email: 'unknown@example.invalid', date: ctx.repo.createdAt },
            committer: {
              name: 'unknown',
              email: 'unknown@example.invalid',
              date: ctx.repo.createdAt,
            },
            message: '',
          });
      return {
        body: {
          name,
          commit: c,
          _links: {
            html: `${ctx.api.htmlUrl}/${ctx.repo.fullName}/tree/${name}`,
            self: `${repoUrl}/branches/${name}`,
          },
          protected: false,
          protection: { enabled: false },
          protection_url: `${repoUrl}/branches/${name}/protection`,
        },
      };
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/compare/{basehead+}',
    handler: async (ctx): Promise<{ body: CommitComparison }> => {
      const store = ctx.api.refs(ctx.repo);
      const m = /^(.+?)\.\.\.(.+)$/.exec(ctx.params.basehead);
      if (!store.linked || !m) throw notFound();
      const [base, head] = [await store.resolve(m[1]), await store.resolve(m[2])];
      if (!base || !head) throw notFound();
      const mergeBase = await store.mergeBase(base, head);
      if (!mergeBase) throw new ApiError(404, `No common ancestor between ${m[1]} and ${m[2]}.`);
      const ahead = await store.commitsBetween(base, head);
      const behind = await store.commitsBetween(head, base);
      const info = async (sha: string) => commit(ctx.api, ctx.repo, (await store.commit(sha))!);
      const repoUrl = `${ctx.api.url}/repos/${ctx.repo.fullName}`;
      const html = `${ctx.api.htmlUrl}/${ctx.repo.fullName}/compare/${ctx.params.basehead}`;
      return {
        body: {
          url: `${repoUrl}/compare/${ctx.params.basehead}`,
          html_url: html,
          permalink_url: html,
          diff_url: `${html}.diff`,
          patch_url: `${html}.patch`,
          base_commit: await info(base),
          merge_base_commit: await info(mergeBase),
          status:
            ahead.length && behind.length
              ? 'diverged'
              : ahead.length
                ? 'ahead'
                : behind.length
                  ? 'behind'
                  : 'identical',
          ahead_by: ahead.length,
          behind_by: behind.length,
          total_commits: ahead.length,
          // GitHub lists at most 250 commits in a comparison.
          commits: ahead.slice(0, 250).map((c) => commit(ctx.api, ctx.repo, c)),
        },
      };
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/commits/{ref}',
    handler: async (ctx): Promise<{ body: Commit }> => {
      const store = ctx.api.refs(ctx.repo);
      if (!store.linked) throw notFound();
      const info = await store.commit(ctx.params.ref);
      if (!info) throw new ApiError(422, `No commit found for SHA: ${ctx.params.ref}`);
      return { body: commit(ctx.api, ctx.repo, info) };
    },
  },
];
