/**
 * The settings of one track run, parsed and checked in one place, before anything changes:
 * the action's main.ts and `tributary track` both build them from their own inputs.
 */
import { ConfigurationError, invalid } from '../errors.js';
import type { Identity } from '../git.js';

export const MODES = ['sync', 'backport', 'pin'] as const;
export type TrackMode = (typeof MODES)[number];

export interface PinSettings {
  /** The hosted tree the pinned revision comes from (its git URL). */
  treeUrl: string;
  treeToken?: string;
  /** Move to this branch's head (the tested branch)... */
  branch?: string;
  /** ...or to the newest tag matching this glob whose revision passed the gate. */
  tags?: string;
  /** Where the gate records flights (git notes on tested revisions). */
  notesRef: string;
  /** pin-tags: take only a tag a flight passed (true), or also one with no record at all. */
  requireFlight: boolean;
  /** The file holding the pin (Makefile variable or regex forms). */
  file?: string;
  /** A Makefile-style variable: `NAME ?= value` (also `=`, `:=`). */
  variable?: string;
  /** A regular expression whose first capture group is the pinned revision. */
  pattern?: RegExp;
  /** A submodule path whose gitlink is the pin. */
  submodule?: string;
}

export interface TrackSettings {
  mode: TrackMode;
  /** The GitHub repository the pull requests are opened in and the branches pushed to. */
  owner: string;
  repo: string;
  /** Its git URL (https://github.com/owner/repo.git unless given). */
  gitUrl: string;
  token: string;
  apiUrl?: string;
  /** The downstream branch the pull requests target (`staging`). */
  target: string;
  /** sync: the upstream branch followed; backport: the upstream development branch. */
  upstream: string;
  /** Where `upstream` lives when it is not a branch of the same repository. */
  upstreamUrl?: string;
  /** sync: a true merge (default) or the downstream commits replayed on the new upstream. */
  strategy: 'merge' | 'rebase';
  /** backport: extra stable markers, each a regular expression over one message line. */
  stablePatterns: RegExp[];
  /** backport: extra reference forms (one capture group: the upstream commit id). */
  referencePatterns: RegExp[];
  /** backport: commits to carry whatever their markers say. */
  commits: string[];
  /** backport: one pull request per commit, or one for all candidates of a target. */
  grouping: 'per-commit' | 'batch';
  /** backport: where the first scan starts (default: the merge base of target and upstream). */
  since?: string;
  /** backport: pull requests (and conflict issues) a run opens at most; the rest wait. */
  maxPullRequests: number;
  /** backport: list the candidates, write nothing. */
  dryRun: boolean;
  pin?: PinSettings;
  labels: string[];
  reviewers: string[];
  teamReviewers: string[];
  assignees: string[];
  draft: boolean;
  identity: Identity;
  signoff: boolean;
  /** A conflict as a draft pull request (default) or as an issue. */
  conflicts: 'draft' | 'issue';
  branchPrefix: string;
  /** A folder for the work repository; reused (incremental fetches) when it survives. */
  workDir: string;
  /** The partial-clone filter for fetches (`blob:none`); '' fetches whole objects. */
  filter: string;
}

/** Compiles a user's regular expression; the error names the input and quotes the pattern. */
export function compilePattern(input: string, source: string, groups = 0): RegExp {
  let re: RegExp;
  try {
    re = new RegExp(source, 'm');
  } catch (e) {
    throw new ConfigurationError(
      input,
      `Invalid ${input} '${source}'. Expected a regular expression: ${(e as Error).message}.`,
    );
  }
  if (groups > 0) {
    const count = new RegExp(`${source}|`).exec('')!.length - 1;
    if (count < groups)
      throw invalid(input, source, `a regular expression with a capture group for the revision`);
  }
  return re;
}

export function parseMode(value: string): TrackMode {
  if (!(MODES as readonly string[]).includes(value))
    throw invalid('mode', value, `one of ${MODES.join(', ')}`);
  return value as TrackMode;
}

export function parseChoice<T extends string>(input: string, value: string, choices: T[]): T {
  if (!(choices as string[]).includes(value))
    throw invalid(input, value, `one of ${choices.join(', ')}`);
  return value as T;
}

// Control characters are what git refuses in ref names.
// eslint-disable-next-line no-control-regex
const BRANCH = /^(?!\/|.*(?:\/\/|\.\.|@\{|\\|\.lock$|\/$|\.$))[^\s~^:?*[\x00-\x1f\x7f]+$/;

/** A branch name as git accepts it (no `..`, no spaces, no `~^:?*[`), or an error naming the input. */
export function checkBranch(input: string, value: string): string {
  if (!value || !BRANCH.test(value)) throw invalid(input, value, 'a branch name');
  return value.replace(/^refs\/heads\//, '');
}

/** Checks what depends on the mode; called by every front end after filling the settings. */
export function validateSettings(s: TrackSettings): TrackSettings {
  checkBranch('target', s.target);
  if (s.mode !== 'pin') checkBranch('upstream', s.upstream);
  if (s.branchPrefix && !BRANCH.test(s.branchPrefix.replace(/\/$/, '') || 'x'))
    throw invalid('branch-prefix', s.branchPrefix, 'a branch name prefix such as tributary/');
  if (!/^(?:blob:none|tree:0|blob:limit=\d+[kmg]?|)$/.test(s.filter))
    throw invalid('filter', s.filter, 'blob:none, tree:0, blob:limit=<n> or none');
  if (!s.identity.name || !/^[^<>\s]+@[^<>\s]+$/.test(s.identity.email))
    throw invalid(
      'committer',
      `${s.identity.name} <${s.identity.email}>`,
      'a name and an e-mail address',
    );
  if (!Number.isInteger(s.maxPullRequests) || s.maxPullRequests < 1)
    throw invalid('max-pull-requests', String(s.maxPullRequests), 'a whole number of 1 or more');
  // A dry run that would still write is worse than none: refuse it where there is none.
  if (s.dryRun && s.mode !== 'backport')
    throw new ConfigurationError(
      'dry-run',
      `Input 'dry-run': only backport mode has a dry run; ${s.mode} mode would write. Leave dry-run unset for ${s.mode}.`,
    );
  if (s.mode === 'pin') {
    const p = s.pin;
    if (!p?.treeUrl)
      throw new ConfigurationError(
        'tree-url',
        'pin mode needs tree-url: the hosted tree the pin follows.',
      );
    if (!p.branch === !p.tags)
      throw new ConfigurationError(
        'pin-branch',
        'pin mode needs exactly one of pin-branch (the tested branch) or pin-tags (a tag glob).',
      );
    if (p.branch) checkBranch('pin-branch', p.branch);
    const kinds = [p.variable, p.pattern, p.submodule].filter((x) => x !== undefined).length;
    if (kinds !== 1)
      throw new ConfigurationError(
        'pin-variable',
        'pin mode needs exactly one of pin-variable, pin-pattern or pin-submodule.',
      );
    if ((p.variable || p.pattern) && !p.file)
      throw new ConfigurationError('pin-file', 'pin-variable and pin-pattern need pin-file.');
    if (p.variable && !/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(p.variable))
      throw invalid('pin-variable', p.variable, 'a Makefile variable name');
    for (const [name, path] of [
      ['pin-file', p.file],
      ['pin-submodule', p.submodule],
    ] as const) {
      if (path !== undefined && (!path || path.startsWith('/') || path.split('/').includes('..')))
        throw invalid(name, path, 'a path inside the repository');
    }
  }
  return s;
}
