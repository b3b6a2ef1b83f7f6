/**
 * The settings of one track run, parsed and checked in one place, before anything changes:
 * the action's main.ts and `tributary track` both build them here, each with its own reader.
 */
import { capitalised, invalidSetting, SettingError } from '../errors.js';
import type { Identity } from '../git.js';
import { FLIGHT_NOTES_REF } from '../flight-notes.js';
import { Settings, type SettingDeclarations, type SettingsReader } from '../settings.js';
import { DELIVERIES, type Deliver } from './patches.js';
import { dirname, join } from 'node:path';

/** Every input of the track-upstream action, with the default its action.yml declares. */
export const TRACK_SETTINGS = {
  mode: { required: true },
  token: { secret: true, runner: '${{ github.token }}' },
  repository: { runner: '${{ github.repository }}' },
  'git-url': {},
  'api-url': {},
  target: { default: 'staging' },
  upstream: {},
  'upstream-url': {},
  strategy: { default: 'merge' },
  'stable-patterns': {},
  'reference-patterns': {},
  commits: {},
  grouping: { default: 'per-commit' },
  since: {},
  'max-pull-requests': { default: '20' },
  'dry-run': { default: 'false' },
  'tree-url': {},
  'tree-token': { secret: true },
  'pin-branch': {},
  'pin-tags': {},
  'require-flight': { default: 'true' },
  'notes-ref': { default: FLIGHT_NOTES_REF },
  'pin-file': {},
  'pin-variable': {},
  'pin-pattern': {},
  'pin-submodule': {},
  labels: {},
  reviewers: {},
  'team-reviewers': {},
  assignees: {},
  draft: { default: 'false' },
  'committer-name': { default: 'github-actions[bot]' },
  'committer-email': { default: '41898282+github-actions[bot]@users.noreply.github.com' },
  signoff: { default: 'false' },
  conflicts: { default: 'draft' },
  'branch-prefix': { default: 'tributary/' },
  deliver: { default: 'pull-request' },
  'patches-directory': {},
  'work-directory': {},
  filter: { default: 'blob:none' },
} as const satisfies SettingDeclarations;

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
  /** How a change reaches the consumer: a pull request, a mail series of patches, or both. */
  deliver: Deliver;
  /** patches: the folder the series are written to, one subfolder a change. */
  patchesDir: string;
}

/** Compiles a user's regular expression; the error names the setting and quotes the pattern. */
export function compilePattern(setting: string, source: string, groups = 0): RegExp {
  let re: RegExp;
  try {
    re = new RegExp(source, 'm');
  } catch (e) {
    throw invalidSetting(setting, source, `a regular expression: ${(e as Error).message}`);
  }
  if (groups > 0) {
    const count = new RegExp(`${source}|`).exec('')!.length - 1;
    if (count < groups)
      throw invalidSetting(
        setting,
        source,
        `a regular expression with a capture group for the revision`,
      );
  }
  return re;
}

// Control characters are what git refuses in ref names.
// eslint-disable-next-line no-control-regex
const BRANCH = /^(?!\/|.*(?:\/\/|\.\.|@\{|\\|\.lock$|\/$|\.$))[^\s~^:?*[\x00-\x1f\x7f]+$/;

/** A branch name as git accepts it (no `..`, no spaces, no `~^:?*[`), or an error naming the setting. */
export function checkBranch(setting: string, value: string): string {
  if (!value || !BRANCH.test(value)) throw invalidSetting(setting, value, 'a branch name');
  return value.replace(/^refs\/heads\//, '');
}

/** Checks what depends on the mode; called by every front end after filling the settings. */
export function validateSettings(s: TrackSettings): TrackSettings {
  checkBranch('target', s.target);
  if (s.mode !== 'pin') checkBranch('upstream', s.upstream);
  if (s.branchPrefix && !BRANCH.test(s.branchPrefix.replace(/\/$/, '') || 'x'))
    throw invalidSetting(
      'branch-prefix',
      s.branchPrefix,
      'a branch name prefix such as tributary/',
    );
  if (!/^(?:blob:none|tree:0|blob:limit=\d+[kmg]?|)$/.test(s.filter))
    throw invalidSetting('filter', s.filter, 'blob:none, tree:0, blob:limit=<n> or none');
  if (!s.identity.name || !/^[^<>\s]+@[^<>\s]+$/.test(s.identity.email))
    throw invalidSetting(
      'committer-email',
      `${s.identity.name} <${s.identity.email}>`,
      'a name and an e-mail address',
    );
  // A rebase replaces the target rather than adding to it: no series applies to the target.
  if (s.mode === 'sync' && s.strategy === 'rebase' && s.deliver !== 'pull-request')
    throw new SettingError(
      'deliver',
      (name, n) =>
        `${capitalised(name)}: ${s.deliver} needs ${n.name('strategy')} merge in sync mode; a rebase replaces ${s.target} and no patch series applies to it.`,
    );
  if (!Number.isInteger(s.maxPullRequests) || s.maxPullRequests < 1)
    throw invalidSetting(
      'max-pull-requests',
      String(s.maxPullRequests),
      'a whole number of 1 or more',
    );
  // A dry run that would still write is worse than none: refuse it where there is none.
  if (s.dryRun && s.mode !== 'backport')
    throw new SettingError(
      'dry-run',
      (name) =>
        `${capitalised(name)}: only backport mode has a dry run; ${s.mode} mode would write. Leave ${name} unset for ${s.mode}.`,
    );
  if (s.mode === 'pin') {
    const p = s.pin;
    if (!p?.treeUrl)
      throw new SettingError(
        'tree-url',
        (name) => `pin mode needs ${name}: the hosted tree the pin follows.`,
      );
    if (!p.branch === !p.tags)
      throw new SettingError(
        'pin-branch',
        (name, n) =>
          `pin mode needs exactly one of ${name} (the tested branch) or ${n.name('pin-tags')} (a tag glob).`,
      );
    if (p.branch) checkBranch('pin-branch', p.branch);
    const kinds = [p.variable, p.pattern, p.submodule].filter((x) => x !== undefined).length;
    if (kinds !== 1)
      throw new SettingError(
        'pin-variable',
        (name, n) =>
          `pin mode needs exactly one of ${name}, ${n.name('pin-pattern')} or ${n.name('pin-submodule')}.`,
      );
    if ((p.variable || p.pattern) && !p.file)
      throw new SettingError(
        'pin-file',
        (name, n) => `${n.name('pin-variable')} and ${n.name('pin-pattern')} need ${name}.`,
      );
    if (p.variable && !/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(p.variable))
      throw invalidSetting('pin-variable', p.variable, 'a Makefile variable name');
    for (const [name, path] of [
      ['pin-file', p.file],
      ['pin-submodule', p.submodule],
    ] as const) {
      if (path !== undefined && (!path || path.startsWith('/') || path.split('/').includes('..')))
        throw invalidSetting(name, path, 'a path inside the repository');
    }
  }
  return s;
}

/** What the front end knows besides the settings. */
export interface TrackContext {
  /** The work repository's folder when work-directory is empty. */
  defaultWorkDir: string;
  /** The run's server, for the default git URL (GITHUB_SERVER_URL). */
  serverUrl: string;
  /** The patch series' folder when patches-directory is empty (default: next to the work one). */
  defaultPatchesDir?: string;
}

/** The track settings from either front end's reader: `main.ts` and `tributary track`. */
export function parseTrackSettings(read: SettingsReader, context: TrackContext): TrackSettings {
  const v = new Settings(read, TRACK_SETTINGS);
  v.required('mode', `the mode, one of ${MODES.join(', ')}`);
  const mode = v.choice('mode', MODES);
  v.required('repository', 'the repository the pull requests are opened in, owner/repo');
  const { owner, repo } = v.repository('repository')!;
  const token = v.secret('token');
  const gitUrl =
    v.string('git-url') || `${context.serverUrl.replace(/\/+$/, '')}/${owner}/${repo}.git`;
  // Patches of a local repository ask nothing of GitHub: no token to give (a rehearsal).
  const local = !/^https?:\/\//i.test(gitUrl);
  if (!token && !(local && v.string('deliver') === 'patches'))
    throw new SettingError(
      'token',
      (name) =>
        `${capitalised(name)} is empty. Expected a token for the GitHub API and git over HTTPS (contents and pull requests write).`,
    );
  if (!/^(https?|file|ssh|git):\/\/|^\//.test(gitUrl))
    throw v.invalid('git-url', gitUrl, 'an https:// URL');
  const upstream = v.string('upstream');
  if (mode !== 'pin' && !upstream)
    throw v.invalid('upstream', upstream, `a branch name (${mode} mode needs it)`);
  const pattern = v.string('pin-pattern');
  const filter = v.string('filter');
  return {
    mode,
    owner,
    repo,
    gitUrl,
    token,
    apiUrl: v.optional('api-url'),
    target: v.string('target'),
    upstream,
    upstreamUrl: v.optional('upstream-url'),
    strategy: v.choice('strategy', ['merge', 'rebase']),
    stablePatterns: v.lines('stable-patterns').map((p) => compilePattern('stable-patterns', p)),
    referencePatterns: v
      .lines('reference-patterns')
      .map((p) => compilePattern('reference-patterns', p, 1)),
    commits: v.list('commits'),
    grouping: v.choice('grouping', ['per-commit', 'batch']),
    since: v.optional('since'),
    maxPullRequests: v.integer('max-pull-requests', { min: 1 }),
    dryRun: v.boolean('dry-run'),
    pin:
      mode === 'pin'
        ? {
            treeUrl: v.string('tree-url'),
            treeToken: v.secret('tree-token') || undefined,
            branch: v.optional('pin-branch'),
            tags: v.optional('pin-tags'),
            notesRef: v.string('notes-ref'),
            requireFlight: v.boolean('require-flight'),
            file: v.optional('pin-file'),
            variable: v.optional('pin-variable'),
            pattern: pattern ? compilePattern('pin-pattern', pattern, 1) : undefined,
            submodule: v.optional('pin-submodule'),
          }
        : undefined,
    labels: v.list('labels'),
    reviewers: v.list('reviewers'),
    teamReviewers: v.list('team-reviewers'),
    assignees: v.list('assignees'),
    draft: v.boolean('draft'),
    identity: { name: v.string('committer-name'), email: v.string('committer-email') },
    signoff: v.boolean('signoff'),
    conflicts: v.choice('conflicts', ['draft', 'issue']),
    branchPrefix: v.string('branch-prefix'),
    workDir: v.string('work-directory') || context.defaultWorkDir,
    // `none`: whole objects (a server without partial-clone support).
    filter: filter === 'none' ? '' : filter,
    deliver: v.choice('deliver', DELIVERIES),
    patchesDir:
      v.string('patches-directory') ||
      context.defaultPatchesDir ||
      join(dirname(context.defaultWorkDir), 'tributary-patches'),
  };
}
