/**
 * What the watch part offers the other parts and the bisect action (ESLint lets a part import
 * another only through its index.ts): the whole story (`runWatch`), the comparison, the
 * regressions' issue plan (the keeper itself, which loads Octokit, is keeper.ts), the release
 * classification. The front ends (actions/watch's main.ts, cli/watch.ts) import the part's
 * files themselves.
 */
export { compareFlight, type Comparison, type StepChange } from './compare.js';
export {
  keepIssues,
  openIssuesOf,
  planIssues,
  regressionKey,
  ISSUE_KIND,
  type IssueAction,
} from './issues.js';
export { classifyTags, DEFAULT_RELEASE_PATTERNS, parseReleasePatterns } from './releases.js';
export { renderWatchSummary } from './report.js';
export { parseWatchSettings, WATCH_SETTINGS, type WatchSettings } from './settings.js';
export {
  runWatch,
  type RegressionOutput,
  type ReportOutcome,
  type WatchDeps,
  type WatchOutcome,
} from './watch.js';
