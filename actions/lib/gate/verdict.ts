/**
 * Whether a gate run failed, for both front ends alike: the action fails its step with this
 * message, the command line exits 1. A retry (a fresh flight asked for) is not a failure.
 */
import type { GateOutcome } from './model.js';

export function gateFailure(outcome: GateOutcome): string | undefined {
  if (outcome.error) return outcome.error;
  if (outcome.decision.verdict === 'refuse') return `Push refused: ${outcome.decision.reason}`;
  return undefined;
}
