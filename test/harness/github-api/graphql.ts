/**
 * The few GraphQL mutations the REST API lacks and tributary's actions need: turning a pull
 * request into a draft and back (REST can only create a draft). Anything else is answered with
 * a GraphQL error naming what the test server does not know, so a test fails loudly.
 */
import { ApiError, type Route } from './context.js';
import { nodeId } from './shapes.js';
import type { PullRecord } from './state.js';

const MUTATIONS = {
  convertPullRequestToDraft: true,
  markPullRequestReadyForReview: false,
} as const;

export const graphqlRoutes: Route[] = [
  {
    method: 'POST',
    path: '/graphql',
    handler: (ctx) => {
      const query = ctx.body.query;
      if (typeof query !== 'string')
        throw new ApiError(400, 'A query attribute must be specified and must be a string.');
      const variables = (ctx.body.variables ?? {}) as Record<string, unknown>;
      const name = (Object.keys(MUTATIONS) as (keyof typeof MUTATIONS)[]).find((m) =>
        new RegExp(`\\b${m}\\s*\\(`).test(query),
      );
      if (!/^\s*mutation\b/.test(query) || !name)
        return {
          body: {
            errors: [
              {
                message: `The test GitHub API server does not answer this GraphQL query: ${query.slice(0, 200)}`,
              },
            ],
          },
        };
      // The id comes as a variable ($id, $pullRequestId, ...) or inline: pullRequestId: "...".
      const inline = /pullRequestId\s*:\s*"([^"]+)"/.exec(query)?.[1];
      const variable = /pullRequestId\s*:\s*\$(\w+)/.exec(query)?.[1];
      const id = inline ?? (variable ? variables[variable] : undefined);
      const pull = ctx.api.state.pulls.find(
        (p: PullRecord) => nodeId('PullRequest', p.pull.id) === id,
      );
      if (!pull)
        return {
          body: {
            data: { [name]: null },
            errors: [
              {
                type: 'NOT_FOUND',
                path: [name],
                message: `Could not resolve to a node with the global id of '${String(id)}'`,
              },
            ],
          },
        };
      pull.pull.draft = MUTATIONS[name];
      pull.updatedAt = ctx.api.now();
      return {
        body: {
          data: {
            [name]: {
              pullRequest: {
                id,
                number: pull.number,
                isDraft: pull.pull.draft,
                url: `${ctx.api.htmlUrl}/${pull.repository}/pull/${pull.number}`,
              },
            },
          },
        },
      };
    },
  },
];
