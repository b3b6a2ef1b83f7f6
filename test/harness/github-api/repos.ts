/** Repositories, branches and commits. */
import { ApiError, notFound, paginate, type Route } from './context.js';
import {
  commit,
  fullRepository,
  type BranchWithProtection,
  type Commit,
  type FullRepository,
} from './shapes.js';

export const repoRoutes: Route[] = [
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
