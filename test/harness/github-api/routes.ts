/** Every route module of the test GitHub API server; a new module is one line here. */
import type { Route } from './context.js';
import { actionRoutes } from './actions.js';
import { checkRoutes } from './checks.js';
import { gitRefRoutes } from './git-refs.js';
import { graphqlRoutes } from './graphql.js';
import { issueRoutes } from './issues.js';
import { labelRoutes } from './labels.js';
import { pullRoutes } from './pulls.js';
import { repoRoutes } from './repos.js';
import { searchRoutes } from './search.js';
import { statusRoutes } from './statuses.js';

export const routes: Route[] = [
  ...repoRoutes,
  ...gitRefRoutes,
  ...pullRoutes,
  ...issueRoutes,
  ...labelRoutes,
  ...statusRoutes,
  ...checkRoutes,
  ...actionRoutes,
  ...searchRoutes,
  ...graphqlRoutes,
];
