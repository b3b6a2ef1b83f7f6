/** Check runs: created, updated and listed per revision, with GitHub's status rules. */
import {
  ApiError,
  created,
  notFound,
  numberParam,
  oneOf,
  paginate,
  str,
  validationFailed,
  type RequestContext,
  type Route,
} from './context.js';
import { checkRun, type CheckRun } from './shapes.js';
import type { CheckConclusion, CheckRunRecord, CheckStatus } from './state.js';
import { resolveCommit } from './statuses.js';

const STATUSES: CheckStatus[] = [
  'queued',
  'in_progress',
  'completed',
  'waiting',
  'requested',
  'pending',
];
const CONCLUSIONS: CheckConclusion[] = [
  'success',
  'failure',
  'neutral',
  'cancelled',
  'skipped',
  'timed_out',
  'action_required',
];

function findRun(ctx: RequestContext): CheckRunRecord {
  const id = numberParam(ctx, 'check_run_id');
  const run = ctx.api.state.checkRuns.find(
    (c) => c.repository === ctx.repo.fullName && c.id === id,
  );
  if (!run) throw notFound();
  return run;
}

const LEVELS = ['notice', 'warning', 'failure'];

/** An annotation as GitHub requires it: a path, lines, a level and a message. */
function checkAnnotation(raw: unknown, i: number): void {
  const a = (raw ?? {}) as Record<string, unknown>;
  const bad = (field: string, code: 'missing_field' | 'invalid' = 'missing_field') =>
    validationFailed({ resource: 'CheckRun', field: `output.annotations[${i}].${field}`, code });
  if (typeof a.path !== 'string' || !a.path) throw bad('path');
  for (const f of ['start_line', 'end_line'])
    if (!Number.isInteger(a[f]) || (a[f] as number) < 1) throw bad(f, 'invalid');
  if ((a.end_line as number) < (a.start_line as number)) throw bad('end_line', 'invalid');
  if (!LEVELS.includes(a.annotation_level as string)) throw bad('annotation_level', 'invalid');
  if (typeof a.message !== 'string' || !a.message) throw bad('message');
  if (a.title !== undefined && (typeof a.title !== 'string' || a.title.length > 255))
    throw bad('title', 'invalid');
}

/** Applies the fields of a create or update body; a conclusion completes the run. */
function apply(ctx: RequestContext, run: CheckRunRecord): void {
  const name = str(ctx, 'name', 'CheckRun');
  if (name !== undefined) run.name = name;
  const details = str(ctx, 'details_url', 'CheckRun');
  if (details !== undefined) run.detailsUrl = details;
  const external = str(ctx, 'external_id', 'CheckRun');
  if (external !== undefined) run.externalId = external;
  const started = str(ctx, 'started_at', 'CheckRun');
  if (started !== undefined) run.startedAt = started;
  const status = oneOf(ctx, 'status', 'CheckRun', STATUSES);
  const conclusion = oneOf(ctx, 'conclusion', 'CheckRun', CONCLUSIONS);
  if (status !== undefined) run.status = status;
  if (conclusion !== undefined) {
    run.conclusion = conclusion;
    run.status = 'completed';
  }
  if (run.status === 'completed' && !run.conclusion)
    throw validationFailed({
      resource: 'CheckRun',
      field: 'conclusion',
      code: 'missing_field',
      message: 'conclusion is required when status is completed',
    });
  const completed = str(ctx, 'completed_at', 'CheckRun');
  if (completed !== undefined) run.completedAt = completed;
  if (run.status === 'completed' && !run.completedAt) run.completedAt = ctx.api.now();
  const output = ctx.body.output;
  if (output !== undefined && output !== null) {
    if (typeof output !== 'object')
      throw validationFailed({ resource: 'CheckRun', field: 'output', code: 'invalid' });
    const o = output as Record<string, unknown>;
    if (typeof o.title !== 'string' || typeof o.summary !== 'string')
      throw validationFailed({ resource: 'CheckRun', field: 'output', code: 'missing_field' });
    run.output = {
      title: o.title,
      summary: o.summary,
      text: typeof o.text === 'string' ? o.text : null,
      // GitHub appends annotations across updates (50 per request at most).
      annotations: [
        ...run.output.annotations,
        ...(Array.isArray(o.annotations) ? o.annotations : []),
      ],
    };
    for (const [i, a] of (Array.isArray(o.annotations) ? o.annotations : []).entries())
      checkAnnotation(a, i);
    if (Array.isArray(o.annotations) && o.annotations.length > 50)
      throw validationFailed({
        resource: 'CheckRun',
        field: 'output.annotations',
        code: 'invalid',
      });
  }
}

export const checkRoutes: Route[] = [
  {
    method: 'POST',
    path: '/repos/{owner}/{repo}/check-runs',
    handler: async (ctx) => {
      const name = str(ctx, 'name', 'CheckRun', true);
      const headSha = str(ctx, 'head_sha', 'CheckRun', true);
      const store = ctx.api.refs(ctx.repo);
      if (!/^[0-9a-f]{40}$/.test(headSha) || !(await store.hasObject(headSha)))
        throw new ApiError(422, `No commit found for SHA: ${headSha}`);
      const run: CheckRunRecord = {
        id: ctx.api.nextId(),
        repository: ctx.repo.fullName,
        name,
        headSha,
        status: 'queued',
        conclusion: null,
        startedAt: ctx.api.now(),
        completedAt: null,
        detailsUrl: null,
        externalId: null,
        output: { title: null, summary: null, text: null, annotations: [] },
      };
      apply(ctx, run);
      ctx.api.state.checkRuns.push(run);
      return created<CheckRun>(checkRun(ctx.api, run));
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/check-runs/{check_run_id}',
    handler: (ctx) => ({ body: checkRun(ctx.api, findRun(ctx)) }),
  },
  {
    method: 'PATCH',
    path: '/repos/{owner}/{repo}/check-runs/{check_run_id}',
    handler: (ctx) => {
      const run = findRun(ctx);
      apply(ctx, run);
      return { body: checkRun(ctx.api, run) };
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/check-runs/{check_run_id}/annotations',
    handler: (ctx) => paginate(ctx, findRun(ctx).output.annotations),
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/commits/{ref}/check-runs',
    handler: async (ctx) => {
      const sha = await resolveCommit(ctx, ctx.params.ref);
      const name = ctx.query.get('check_name');
      const status = ctx.query.get('status');
      const filter = ctx.query.get('filter') ?? 'latest';
      // Newest first; "latest" keeps the most recent run of each name.
      let runs = ctx.api.state.checkRuns
        .filter(
          (c) =>
            c.repository === ctx.repo.fullName &&
            c.headSha === sha &&
            (!name || c.name === name) &&
            (!status || c.status === status),
        )
        .reverse();
      if (filter === 'latest')
        runs = runs.filter((c, i) => runs.findIndex((d) => d.name === c.name) === i);
      const page = paginate(ctx, runs);
      return {
        headers: page.headers,
        body: {
          total_count: runs.length,
          check_runs: (page.body ?? []).map((c): CheckRun => checkRun(ctx.api, c)),
        },
      };
    },
  },
];
