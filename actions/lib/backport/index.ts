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
