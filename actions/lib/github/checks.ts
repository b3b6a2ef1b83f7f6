/**
 * A verdict reported on a commit, as a check run (a name, a conclusion, a summary in Markdown
 * and annotations) or as a commit status (a state and one line). A token that may not create
 * check runs (a 403: no `checks: write`) falls back to a status, with a warning, so the
 * verdict is still shown.
 */
import { errorMessage } from '../errors.js';
import type { Logger } from '../log.js';
import {
  httpStatus,
  type Annotation,
  type CheckConclusion,
  type CommitState,
  type GitHubRepository,
} from './repository.js';

export const REPORT_KINDS = ['check-run', 'status'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export interface Verdict {
  sha: string;
  /** The check run's name and the status' context. */
  name: string;
  /** pending: not decided yet (a fresh flight was asked for); error: decided but not done. */
  state: CommitState;
  /** One line (a status' description, the check run's title). */
  description: string;
  /** The check run's summary (Markdown). */
  summary: string;
  annotations?: Annotation[];
  detailsUrl?: string;
}

/** How a state shows as a check run: a pending verdict stays in progress. */
const CONCLUSION: Record<CommitState, CheckConclusion | undefined> = {
  success: 'success',
  failure: 'failure',
  error: 'failure',
  pending: undefined,
};

/** GitHub's limit on a check run's summary. */
const SUMMARY_LIMIT = 65535;

/** Reports a verdict; returns how it was reported in the end. */
export async function reportVerdict(
  repository: GitHubRepository,
  v: Verdict,
  kind: ReportKind,
  logger?: Logger,
): Promise<ReportKind> {
  if (kind === 'check-run') {
    try {
      await repository.createCheckRun({
        sha: v.sha,
        name: v.name,
        conclusion: CONCLUSION[v.state],
        title: v.description,
        summary:
          v.summary.length > SUMMARY_LIMIT
            ? v.summary.slice(0, SUMMARY_LIMIT - 60) + '\n\n_(cut short: see the run summary)_\n'
            : v.summary,
        annotations: v.annotations,
        detailsUrl: v.detailsUrl,
      });
      return 'check-run';
    } catch (e) {
      if (httpStatus(e) !== 403) throw e;
      logger?.warning(
        `Could not create the check run ${v.name} on ${v.sha} (${errorMessage(e)}): the token needs 'checks: write'. Setting a commit status instead.`,
      );
    }
  }
  await repository.setCommitStatus({
    sha: v.sha,
    context: v.name,
    state: v.state,
    description: v.description,
    targetUrl: v.detailsUrl,
  });
  return 'status';
}
