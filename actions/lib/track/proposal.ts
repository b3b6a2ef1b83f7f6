/**
 * What the modes hand to the pull request keeper (a proposal per purpose) and what comes back
 * (an outcome per pull request or issue touched), which the outputs and the summary list.
 */
import type { Marker } from './marker.js';

export type Operation = 'created' | 'updated' | 'unchanged' | 'closed';

export interface Outcome {
  key: string;
  /** patches: a series written for mail, when no pull request is made (deliver: patches). */
  kind: 'pull' | 'issue' | 'patches';
  number: number;
  url: string;
  title: string;
  operation: Operation;
  /** Why, when it is not obvious: a person's push, a conflict, a closed reason. */
  note?: string;
}

/** What a mode wants to exist for one purpose. */
export interface Proposal {
  marker: Omit<Marker, 'head'>;
  branch: string;
  title: string;
  /** The body without the marker. */
  body: string;
  /** The commit the branch should point at. */
  commit: string;
  /** One line for people: what the branch holds ("merge of upstream/stable-8.2 at 1a2b3c4"). */
  change: string;
  conflict?: boolean;
}

export interface PullSettings {
  owner: string;
  repo: string;
  target: string;
  labels: string[];
  reviewers: string[];
  teamReviewers: string[];
  assignees: string[];
  draft: boolean;
  conflicts: 'draft' | 'issue';
}

/** Pushes a branch with a lease (undefined: must not exist); false when the lease failed. */
export type BranchPusher = (
  branch: string,
  sha: string,
  expected: string | undefined,
) => Promise<boolean>;
