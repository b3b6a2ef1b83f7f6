/**
 * The push gate's words, shared by the story (gate.ts), its reads of the hosted tree
 * (hosted.ts), its reports (report.ts, announce.ts) and its front ends: the settings, the
 * outcome of a judged flight, and the refusal of a revision before judging.
 */
import type { FlightDecision, FlightRecord } from '../flight.js';
import type { Identity } from '../git.js';
import type { GitHubRepository, ReportKind } from '../github.js';
import type { Baseline, Decision } from './decide.js';

export interface GateSettings {
  /** The directory of job results (as actions/download-artifact leaves it). */
  results: string;
  /** The hosted tree: HTTPS URL or local path. */
  remote: string;
  /** A token for the hosted tree (sent as a per-command header, never stored). */
  token?: string;
  /** The short name of the tree under test, as job results name it in `trees`. */
  tree: string;
  staging: string;
  tested: string;
  /** The revision the flight tested; read from the results when not given. */
  revision?: string;
  required: string[];
  buildJobs: string[];
  noBaseline: 'push' | 'refuse' | 'dispatch';
  /** The tested head has no record: judge against the nearest ancestor's, refuse, or ask for a flight of it. */
  untestedHead: 'ancestor' | 'refuse' | 'dispatch';
  retryFlaky: boolean;
  force?: { actor: string; reason: string };
  dryRun: boolean;
  /**
   * The allow list as `<branch>:<path>` in the hosted tree; unset: `tributary/config:allow.yml`,
   * where a missing branch or file is an empty list (one named here must exist).
   */
  allowList?: string;
  notesRef: string;
  /** How many first-parent ancestors of the tested head are searched for a baseline. */
  maxWalk: number;
  /** The flight's id (the workflow run, say); results may carry it too. */
  flight: string;
  trigger?: FlightRecord['trigger'];
  /** Where the flight's JUnit XML is written. */
  junit?: string;
  /** A scratch directory for the gate's own clone. */
  workDir: string;
  identity: Identity;
  /** The GitHub side: the verdict on the revision (a check run or a commit status), dispatches. */
  github?: {
    repository: GitHubRepository;
    /** How the verdict is shown: a check run (summary and annotations) or a commit status. */
    report: ReportKind;
    /** The workflow (file name or id) dispatched for a fresh flight, and the ref it runs on. */
    workflow?: string;
    workflowRef?: string;
    targetUrl?: string;
  };
  now?: Date;
}

export interface GateOutcome {
  tree: string;
  tested: string;
  revision: string;
  testedHead: string;
  baseline?: Baseline;
  decision: Decision;
  record: FlightRecord;
  pushed: boolean;
  /** Why nothing was pushed although the decision said push (the tested branch moved, ...). */
  error?: string;
  /** The tested branch was already at the revision (another gate of it pushed meanwhile). */
  alreadyThere?: boolean;
  dispatched?: NonNullable<FlightDecision['dispatched']>;
  junit?: string;
  /** How many times the note push was attempted (more than 1: another gate recorded meanwhile). */
  publishAttempts: number;
  /** How the verdict was shown on GitHub (a 403 on the check run falls back to a status). */
  reported?: ReportKind;
}

/**
 * The gate refuses a revision that the staging branch did not carry: pushing whatever
 * descends from the tested head (a commit under refs/pull/*, a fork's) would walk around the
 * review staging stands for. Refused before anything is written: no branch, no note.
 */
export class NotCarried extends Error {
  constructor(
    readonly revision: string,
    readonly branch: string,
    message: string,
  ) {
    super(message);
    this.name = 'NotCarried';
  }
}
