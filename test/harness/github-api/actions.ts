/** GitHub Actions: workflow dispatches, recorded with their ref and inputs for assertions. */
import { ApiError, str, validationFailed, type Route } from './context.js';

export const actionRoutes: Route[] = [
  {
    method: 'POST',
    path: '/repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches',
    handler: async (ctx) => {
      const ref = str(ctx, 'ref', 'WorkflowDispatch', true);
      const inputs = ctx.body.inputs ?? {};
      if (typeof inputs !== 'object' || inputs === null || Array.isArray(inputs))
        throw validationFailed({ resource: 'WorkflowDispatch', field: 'inputs', code: 'invalid' });
      if (Object.keys(inputs).length > 25)
        throw new ApiError(
          422,
          'you may only define up to 25 `inputs` for a `workflow_dispatch` event',
        );
      const store = ctx.api.refs(ctx.repo);
      const name = ref.replace(/^refs\/(heads|tags)\//, '');
      const known =
        (await store.get(ref.startsWith('refs/') ? ref : `refs/heads/${ref}`)) ??
        (await store.get(`refs/tags/${name}`)) ??
        (await store.get(`refs/heads/${name}`));
      if (!known) throw new ApiError(422, `No ref found for: ${ref}`);
      ctx.api.state.dispatches.push({
        repository: ctx.repo.fullName,
        workflow: ctx.params.workflow_id,
        ref,
        inputs: inputs as Record<string, unknown>,
        at: ctx.api.now(),
      });
      return { status: 204 };
    },
  },
];
