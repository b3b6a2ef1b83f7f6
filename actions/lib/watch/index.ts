/**
 * What the watch part offers the other parts and the bisect action (ESLint lets a part import
 * another only through its index.ts): the whole story (`runWatch`), the comparison, the
 * regression's issue marker and keeper interface, the release classification. The front ends
 * (actions/watch's main.ts, cli/watch.ts) import the part's files themselves.
 */
export { compareFlight, type Comparison, type StepChange } from './compare.js';
export {
  applyIssues,
  planIssues,
  regressionMarker,
  type IssueAction,
  type KeptIssue,
  type NewIssue,
  type RegressionIssues,
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
