/** Turns the action's inputs into TrackSettings: every name typed once, here. */
import { invalid } from '../lib/errors.js';
import { parseRepository } from '../lib/github.js';
import {
  compilePattern,
  parseChoice,
  parseMode,
  type TrackSettings,
} from '../lib/track/settings.js';
import { booleanInput, input, listInput } from '../runtime/runner.js';

function lines(name: string): string[] {
  return input(name)
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

export function settingsFromInputs(o: {
  token: string;
  treeToken: string;
  defaultWorkDir: string;
}): TrackSettings {
  const mode = parseMode(input('mode', { required: true }));
  const { owner, repo } = parseRepository(input('repository', { required: true }));
  const server = (process.env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
  const gitUrl = input('git-url') || `${server}/${owner}/${repo}.git`;
  if (!/^(https?|file|ssh|git):\/\/|^\//.test(gitUrl))
    throw invalid('git-url', gitUrl, 'an https:// URL');
  const upstream = input('upstream');
  if (mode !== 'pin' && !upstream)
    throw invalid('upstream', upstream, `a branch name (${mode} mode needs it)`);
  const pattern = input('pin-pattern');
  return {
    mode,
    owner,
    repo,
    gitUrl,
    token: o.token,
    apiUrl: input('api-url') || undefined,
    target: input('target', { required: true }),
    upstream,
    upstreamUrl: input('upstream-url') || undefined,
    strategy: parseChoice('strategy', input('strategy') || 'merge', ['merge', 'rebase']),
    stablePatterns: lines('stable-patterns').map((p) => compilePattern('stable-patterns', p)),
    referencePatterns: lines('reference-patterns').map((p) =>
      compilePattern('reference-patterns', p, 1),
    ),
    commits: listInput('commits'),
    grouping: parseChoice('grouping', input('grouping') || 'per-commit', ['per-commit', 'batch']),
    since: input('since') || undefined,
    pin:
      mode === 'pin'
        ? {
            treeUrl: input('tree-url'),
            treeToken: o.treeToken || undefined,
            branch: input('pin-branch') || undefined,
            tags: input('pin-tags') || undefined,
            notesRef: input('notes-ref') || 'refs/notes/tributary/flights',
            file: input('pin-file') || undefined,
            variable: input('pin-variable') || undefined,
            pattern: pattern ? compilePattern('pin-pattern', pattern, 1) : undefined,
            submodule: input('pin-submodule') || undefined,
          }
        : undefined,
    labels: listInput('labels'),
    reviewers: listInput('reviewers'),
    teamReviewers: listInput('team-reviewers'),
    assignees: listInput('assignees'),
    draft: booleanInput('draft'),
    identity: { name: input('committer-name'), email: input('committer-email') },
    signoff: booleanInput('signoff'),
    conflicts: parseChoice('conflicts', input('conflicts') || 'draft', ['draft', 'issue']),
    branchPrefix: input('branch-prefix'),
    workDir: input('work-directory') || o.defaultWorkDir,
    filter: input('filter'),
  };
}
