/** The backport policy and divergence, as the actions, the command line and track use them. */
export {
  analyse,
  classifyCommits,
  countClasses,
  COMMIT_CLASSES,
  type Analysis,
  type Classification,
  type ClassifyOptions,
  type CommitClass,
  type Counts,
  type PatchMatch,
} from './classifier.js';
export { FactsCache, type CommitFacts } from './facts.js';
export { defaultPolicy, parsePolicy, type Policy } from './policy.js';
export {
  divergence,
  type CarriedCommit,
  type DivergenceOptions,
  type DivergenceReport,
  type DownstreamOnlyCommit,
  type SupersededCommit,
} from './divergence.js';
export { classificationTable, commitTitle, divergenceMarkdown, noteOf } from './report.js';
export { publishReport, reportMarker } from './report-issue.js';
