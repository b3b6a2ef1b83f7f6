/**
 * The backport policy's verdicts, for every front end alike: the action's `result` output and
 * failed step, the command line's exit code.
 */
import type { Counts } from './classifier.js';

export type Result = 'pass' | 'warn' | 'fail';

/** A change: a violation fails it, and so does a warning with fail-on-warnings. */
export function checkResult(counts: Counts, failOnWarnings: boolean): Result {
  if (counts.violation > 0 || (failOnWarnings && counts.warnings > 0)) return 'fail';
  return counts.warnings > 0 ? 'warn' : 'pass';
}

/** A divergence report never fails: anything worth a look, violations or warnings, is warn. */
export function reportResult(counts: Counts): Result {
  return counts.violation || counts.warnings ? 'warn' : 'pass';
}
