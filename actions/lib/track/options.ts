/**
 * Settings from named values: the action's inputs and the command line's options share the
 * names (`pin-variable`, `target`...), so both front ends build settings here, one way.
 */
import { invalid } from '../errors.js';
import { parseRepository } from '../github.js';
import { compilePattern, parseChoice, parseMode, type TrackSettings } from './settings.js';

/** Every option a track run reads, with the defaults action.yml also declares. */
export const OPTION_DEFAULTS: Record<string, string> = {
  mode: '',
  repository: '',
  'git-url': '',
  'api-url': '',
  target: 'staging',
  upstream: '',
  'upstream-url': '',
  strategy: 'merge',
  'stable-patterns': '',
  'reference-patterns': '',
  commits: '',
  grouping: 'per-commit',
  since: '',
  'max-pull-requests': '20',
  'dry-run': 'false',
  'tree-url': '',
  'pin-branch': '',
  'pin-tags': '',
  'notes-ref': 'refs/notes/tributary/flights',
  'require-flight': 'true',
  'pin-file': '',
  'pin-variable': '',
  'pin-pattern': '',
  'pin-submodule': '',
  labels: '',
  reviewers: '',
  'team-reviewers': '',
  assignees: '',
  draft: 'false',
  'committer-name': 'github-actions[bot]',
  'committer-email': '41898282+github-actions[bot]@users.noreply.github.com',
  signoff: 'false',
  conflicts: 'draft',
  'branch-prefix': 'tributary/',
  'work-directory': '',
  filter: 'blob:none',
};

export type OptionReader = (name: string) => string;

function lines(get: OptionReader, name: string): string[] {
  return get(name)
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

function list(get: OptionReader, name: string): string[] {
  return get(name)
    .split(/[\n,]/)
    .map((s) => s.replace(/#.*$/, '').trim())
    .filter(Boolean);
}

function count(get: OptionReader, name: string): number {
  const v = get(name);
  if (!/^\d+$/.test(v) || Number(v) < 1) throw invalid(name, v, 'a whole number of 1 or more');
  return Number(v);
}

function bool(get: OptionReader, name: string): boolean {
  const v = get(name).trim().toLowerCase();
  if (['', 'false', 'no', 'off', '0'].includes(v)) return false;
  if (['true', 'yes', 'on', '1'].includes(v)) return true;
  throw invalid(name, v, 'true or false');
}

export function settingsFromOptions(
  read: OptionReader,
  o: { token: string; treeToken?: string; defaultWorkDir: string; serverUrl: string },
): TrackSettings {
  const get: OptionReader = (name) => read(name).trim() || OPTION_DEFAULTS[name] || '';
  const mode = parseMode(get('mode'));
  const { owner, repo } = parseRepository(get('repository'));
  const gitUrl = get('git-url') || `${o.serverUrl.replace(/\/+$/, '')}/${owner}/${repo}.git`;
  if (!/^(https?|file|ssh|git):\/\/|^\//.test(gitUrl))
    throw invalid('git-url', gitUrl, 'an https:// URL');
  const upstream = get('upstream');
  if (mode !== 'pin' && !upstream)
    throw invalid('upstream', upstream, `a branch name (${mode} mode needs it)`);
  const pattern = get('pin-pattern');
  return {
    mode,
    owner,
    repo,
    gitUrl,
    token: o.token,
    apiUrl: get('api-url') || undefined,
    target: get('target'),
    upstream,
    upstreamUrl: get('upstream-url') || undefined,
    strategy: parseChoice('strategy', get('strategy'), ['merge', 'rebase']),
    stablePatterns: lines(get, 'stable-patterns').map((p) => compilePattern('stable-patterns', p)),
    referencePatterns: lines(get, 'reference-patterns').map((p) =>
      compilePattern('reference-patterns', p, 1),
    ),
    commits: list(get, 'commits'),
    grouping: parseChoice('grouping', get('grouping'), ['per-commit', 'batch']),
    since: get('since') || undefined,
    maxPullRequests: count(get, 'max-pull-requests'),
    dryRun: bool(get, 'dry-run'),
    pin:
      mode === 'pin'
        ? {
            treeUrl: get('tree-url'),
            treeToken: o.treeToken || undefined,
            branch: get('pin-branch') || undefined,
            tags: get('pin-tags') || undefined,
            notesRef: get('notes-ref'),
            requireFlight: bool(get, 'require-flight'),
            file: get('pin-file') || undefined,
            variable: get('pin-variable') || undefined,
            pattern: pattern ? compilePattern('pin-pattern', pattern, 1) : undefined,
            submodule: get('pin-submodule') || undefined,
          }
        : undefined,
    labels: list(get, 'labels'),
    reviewers: list(get, 'reviewers'),
    teamReviewers: list(get, 'team-reviewers'),
    assignees: list(get, 'assignees'),
    draft: bool(get, 'draft'),
    identity: { name: get('committer-name'), email: get('committer-email') },
    signoff: bool(get, 'signoff'),
    conflicts: parseChoice('conflicts', get('conflicts'), ['draft', 'issue']),
    branchPrefix: get('branch-prefix'),
    workDir: get('work-directory') || o.defaultWorkDir,
    // `none`: whole objects (a server without partial-clone support).
    filter: get('filter') === 'none' ? '' : get('filter'),
  };
}
