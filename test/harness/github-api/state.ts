/**
 * The test GitHub API server's state: plain records that tests can read and seed directly.
 * Handlers render them into the REST API's payload shapes (see shapes.ts); keeping records
 * apart from payloads means one change (a label added, a PR closed) shows everywhere at once.
 */

export interface RepositoryRecord {
  id: number;
  owner: string;
  name: string;
  /** `owner/name`, the key of the repository in the state. */
  fullName: string;
  defaultBranch: string;
  private: boolean;
  description: string | null;
  /** A real bare repository whose refs and commits back the git and commit endpoints. */
  gitDir?: string;
  /** Refs of a repository that has no `gitDir`: full ref name → object id. */
  refs: Map<string, string>;
  createdAt: string;
}

export interface LabelRecord {
  id: number;
  repository: string;
  name: string;
  color: string;
  description: string | null;
  default: boolean;
}

export interface PullPart {
  id: number;
  head: { repository: string; ref: string; sha: string };
  base: { ref: string; sha: string };
  draft: boolean;
  merged: boolean;
  mergedAt: string | null;
  mergeCommitSha: string | null;
  maintainerCanModify: boolean;
  requestedReviewers: string[];
  requestedTeams: string[];
}

/** An issue, or a pull request (GitHub's pull requests are issues with a `pull` side). */
export interface IssueRecord {
  id: number;
  repository: string;
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  stateReason: 'completed' | 'not_planned' | 'reopened' | 'duplicate' | null;
  user: string;
  labels: string[];
  assignees: string[];
  locked: boolean;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  pull?: PullPart;
}

export type PullRecord = IssueRecord & { pull: PullPart };

export interface CommentRecord {
  id: number;
  repository: string;
  issueNumber: number;
  body: string;
  user: string;
  createdAt: string;
  updatedAt: string;
}

export type StatusState = 'error' | 'failure' | 'pending' | 'success';

export interface StatusRecord {
  id: number;
  repository: string;
  sha: string;
  state: StatusState;
  context: string;
  description: string | null;
  targetUrl: string | null;
  creator: string;
  createdAt: string;
  updatedAt: string;
}

export type CheckStatus =
  'queued' | 'in_progress' | 'completed' | 'waiting' | 'requested' | 'pending';
export type CheckConclusion =
  'success' | 'failure' | 'neutral' | 'cancelled' | 'skipped' | 'timed_out' | 'action_required';

export interface CheckRunRecord {
  id: number;
  repository: string;
  name: string;
  headSha: string;
  status: CheckStatus;
  conclusion: CheckConclusion | null;
  startedAt: string | null;
  completedAt: string | null;
  detailsUrl: string | null;
  externalId: string | null;
  output: {
    title: string | null;
    summary: string | null;
    text: string | null;
    annotations: unknown[];
  };
}

export interface DispatchRecord {
  repository: string;
  /** The workflow file name or id, as given in the path. */
  workflow: string;
  ref: string;
  inputs: Record<string, unknown>;
  at: string;
}

export interface GitHubState {
  /** `owner/name` → repository. */
  repos: Map<string, RepositoryRecord>;
  /** Issues and pull requests of every repository, in creation order. */
  issues: IssueRecord[];
  /** The pull requests among the issues (the same objects). */
  readonly pulls: PullRecord[];
  comments: CommentRecord[];
  labels: LabelRecord[];
  statuses: StatusRecord[];
  checkRuns: CheckRunRecord[];
  dispatches: DispatchRecord[];
  /** The login of the user the token belongs to. */
  viewer: string;
}

export function emptyState(viewer: string): GitHubState {
  const state: GitHubState = {
    repos: new Map(),
    issues: [],
    get pulls(): PullRecord[] {
      return state.issues.filter((i): i is PullRecord => i.pull !== undefined);
    },
    comments: [],
    labels: [],
    statuses: [],
    checkRuns: [],
    dispatches: [],
    viewer,
  };
  return state;
}
