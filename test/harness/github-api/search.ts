/**
 * Issue and pull request search (`GET /search/issues`) over the state, with the qualifiers
 * tributary's actions use to find their own items: repo, is/type, state, label, author,
 * assignee, head, base, in, no, negation with `-`, and words or quoted phrases.
 */
import { ApiError, paginate, type Route } from './context.js';
import { issue, issueLabels, label } from './shapes.js';
import type { components } from '@octokit/openapi-types';
import type { IssueRecord } from './state.js';

type SearchItem = components['schemas']['issue-search-result-item'];

interface Term {
  negated: boolean;
  key?: string;
  value: string;
}

/** Splits a query into terms; `label:"needs review"` and `"a phrase"` stay whole. */
export function parseQuery(q: string): Term[] {
  const terms: Term[] = [];
  const re = /(-?)(?:([a-z_-]+):)?(?:"([^"]*)"|(\S+))/gi;
  for (const m of q.matchAll(re)) {
    terms.push({
      negated: m[1] === '-',
      key: m[2]?.toLowerCase(),
      value: m[3] ?? m[4] ?? '',
    });
  }
  return terms;
}

const lower = (s: string) => s.toLowerCase();

function matches(i: IssueRecord, term: Term, fields: ('title' | 'body')[]): boolean {
  const v = lower(term.value);
  switch (term.key) {
    case undefined:
      return fields.some((f) => lower(i[f] ?? '').includes(v));
    case 'repo':
      return lower(i.repository) === v;
    case 'user':
    case 'org':
      return lower(i.repository.split('/')[0]) === v;
    case 'is':
    case 'type':
      if (v === 'issue') return !i.pull;
      if (v === 'pr' || v === 'pull-request') return !!i.pull;
      if (v === 'open' || v === 'closed') return i.state === v;
      if (v === 'merged') return !!i.pull?.merged;
      if (v === 'unmerged') return !!i.pull && !i.pull.merged && i.state === 'closed';
      if (v === 'draft') return !!i.pull?.draft;
      if (v === 'locked') return i.locked;
      throw new ApiError(422, `Unsupported qualifier value is:${term.value} in the test server`);
    case 'state':
      return i.state === v;
    case 'label':
      return v.split(',').some((l) => i.labels.some((x) => lower(x) === l));
    case 'author':
      return lower(i.user) === v;
    case 'assignee':
      return i.assignees.some((a) => lower(a) === v);
    case 'head':
      return !!i.pull && lower(i.pull.head.ref) === v;
    case 'base':
      return !!i.pull && lower(i.pull.base.ref) === v;
    case 'no':
      if (v === 'label') return i.labels.length === 0;
      if (v === 'assignee') return i.assignees.length === 0;
      return true;
    case 'in':
      return true; // applied to the words, below
    default:
      throw new ApiError(422, `Unsupported search qualifier ${term.key}: in the test server`);
  }
}

export const searchRoutes: Route[] = [
  {
    method: 'GET',
    path: '/search/issues',
    handler: (ctx) => {
      const q = ctx.query.get('q');
      if (!q)
        throw new ApiError(422, 'Validation Failed', [
          { resource: 'Search', field: 'q', code: 'missing' },
        ]);
      const terms = parseQuery(q);
      const scopes = terms
        .filter((t) => t.key === 'in')
        .flatMap((t) => t.value.split(','))
        .filter((s): s is 'title' | 'body' => s === 'title' || s === 'body');
      const fields: ('title' | 'body')[] = scopes.length ? scopes : ['title', 'body'];
      let found = ctx.api.state.issues.filter((i) =>
        terms.every((t) => matches(i, t, fields) !== t.negated),
      );
      const sort = ctx.query.get('sort');
      const order = ctx.query.get('order') ?? 'desc';
      const key = (i: IssueRecord) => (sort === 'updated' ? i.updatedAt : i.createdAt);
      found = [...found].sort((a, b) => key(a).localeCompare(key(b)) || a.id - b.id);
      if (order === 'desc') found.reverse();
      const page = paginate(ctx, found);
      const items = (page.body ?? []).map((i): SearchItem => ({
        ...issue(ctx.api, i),
        labels: issueLabels(ctx.api, i).map((l) => label(ctx.api, l)),
        // The search schema has no null body: an empty one is left out.
        body: i.body ?? undefined,
        score: 1,
        author_association: i.user === ctx.api.state.viewer ? 'OWNER' : 'CONTRIBUTOR',
      }));
      return {
        headers: page.headers,
        body: { total_count: found.length, incomplete_results: false, items },
      };
    },
  },
];
