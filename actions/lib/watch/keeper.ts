/**
 * The keeper of the regressions' issues: the GitHub module's, marker kind `watch`, listing the
 * open issues by the labels every regression issue carries. Apart from issues.ts, so that the
 * command line loads Octokit only when it keeps issues.
 */
import { GitHubRepository, IssueKeeper, type GitHub } from '../github.js';
import type { Logger } from '../log.js';
import { ISSUE_KIND } from './issues.js';

export function regressionKeeper(
  api: GitHub,
  repository: { owner: string; repo: string },
  labels: string[],
  logger?: Logger,
): IssueKeeper {
  return new IssueKeeper(new GitHubRepository(api, repository), ISSUE_KIND, { labels, logger });
}
