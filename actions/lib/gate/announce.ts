/**
 * The gate's GitHub step, after the push and the record: the fresh flight the decision asks
 * for is dispatched, and the verdict shown on the revision (a check run, or a commit status).
 */
import { errorMessage } from '../errors.js';
import { reportVerdict } from '../github.js';
import type { Logger } from '../log.js';
import type { GateOutcome, GateSettings } from './model.js';
import { verdictOf } from './report.js';

/** The GitHub side, after the push: a fresh flight asked for, the commit status. */
export async function announce(
  s: GateSettings,
  outcome: GateOutcome,
  logger: Logger,
): Promise<void> {
  if (!s.github) return;
  const gh = s.github;
  if (outcome.dispatched) {
    await gh.repository.dispatchWorkflow(gh.workflow!, outcome.dispatched.ref, {
      revision: outcome.dispatched.revision,
      purpose: outcome.dispatched.purpose,
    });
    logger.info(
      `Asked for a ${outcome.dispatched.purpose} flight of ${outcome.dispatched.revision}.`,
    );
  }
  const verdict = verdictOf(outcome, gh.targetUrl);
  // The push and the record are done; a verdict that cannot be shown does not undo them.
  try {
    outcome.reported = await reportVerdict(gh.repository, verdict, gh.report, logger);
  } catch (e) {
    logger.warning(
      `Could not report ${verdict.name} on ${outcome.revision} (${gh.report}): ${errorMessage(e)}`,
    );
  }
}
