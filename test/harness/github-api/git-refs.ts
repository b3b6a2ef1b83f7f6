/**
 * The git refs API, backed by the linked bare repository when there is one: a ref created or
 * moved here is a real ref that a fetch through the git server sees, and an update that is not
 * a fast-forward is refused unless forced, as on GitHub.
 */
import {
  ApiError,
  bool,
  created,
  paginate,
  str,
  type RequestContext,
  type Route,
} from './context.js';
import { closePullsFromBranch } from './pulls.js';
import { gitRef, type GitRef } from './shapes.js';

async function refReply(ctx: RequestContext, ref: string, sha: string): Promise<GitRef> {
  const type = (await ctx.api.refs(ctx.repo).typeOf(sha)) ?? 'commit';
  return gitRef(ctx.api, ctx.repo, ref, sha, type);
}

/** `heads/x` in the path names `refs/heads/x`; GitHub also accepts the full form. */
function fullRef(ref: string): string {
  return ref.startsWith('refs/') ? ref : `refs/${ref}`;
}

async function checkObject(ctx: RequestContext, sha: string): Promise<void> {
  if (!/^[0-9a-f]{40}$/.test(sha) || !(await ctx.api.refs(ctx.repo).hasObject(sha)))
    throw new ApiError(422, 'Object does not exist');
}

export const gitRefRoutes: Route[] = [
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/git/ref/{ref+}',
    handler: async (ctx) => {
      const ref = fullRef(ctx.params.ref);
      const sha = await ctx.api.refs(ctx.repo).get(ref);
      if (!sha) throw new ApiError(404, 'Not Found');
      return { body: await refReply(ctx, ref, sha) };
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/git/matching-refs/{ref+}',
    handler: async (ctx) => {
      const refs = await ctx.api.refs(ctx.repo).list(fullRef(ctx.params.ref));
      const body: GitRef[] = [];
      for (const [ref, sha] of refs) body.push(await refReply(ctx, ref, sha));
      return paginate(ctx, body);
    },
  },
  {
    method: 'POST',
    path: '/repos/{owner}/{repo}/git/refs',
    handler: async (ctx) => {
      const ref = str(ctx, 'ref', 'Reference', true);
      const sha = str(ctx, 'sha', 'Reference', true);
      if (!/^refs\/[^/]+\/.+/.test(ref))
        throw new ApiError(
          422,
          'Reference name must start with refs/ and have at least two slashes.',
        );
      await checkObject(ctx, sha);
      const store = ctx.api.refs(ctx.repo);
      if ((await store.get(ref)) !== undefined || !(await store.compareAndSet(ref, sha, undefined)))
        throw new ApiError(422, 'Reference already exists');
      return created(await refReply(ctx, ref, sha));
    },
  },
  {
    method: 'PATCH',
    path: '/repos/{owner}/{repo}/git/refs/{ref+}',
    handler: async (ctx) => {
      const ref = fullRef(ctx.params.ref);
      const sha = str(ctx, 'sha', 'Reference', true);
      const force = bool(ctx, 'force', 'Reference') ?? false;
      const store = ctx.api.refs(ctx.repo);
      const old = await store.get(ref);
      if (old === undefined) throw new ApiError(422, 'Reference does not exist');
      await checkObject(ctx, sha);
      if (!force && old !== sha && (await store.isAncestor(old, sha)) === false)
        throw new ApiError(422, 'Update is not a fast forward');
      if (!(await store.compareAndSet(ref, sha, old)))
        throw new ApiError(422, 'Reference cannot be updated');
      return { body: await refReply(ctx, ref, sha) };
    },
  },
  {
    method: 'DELETE',
    path: '/repos/{owner}/{repo}/git/refs/{ref+}',
    handler: async (ctx) => {
      const ref = fullRef(ctx.params.ref);
      const store = ctx.api.refs(ctx.repo);
      const old = await store.get(ref);
      if (old === undefined || !(await store.delete(ref, old)))
        throw new ApiError(422, 'Reference does not exist');
      if (ref.startsWith('refs/heads/'))
        closePullsFromBranch(ctx.api, ctx.repo.fullName, ref.slice('refs/heads/'.length));
      return { status: 204 };
    },
  },
];
