/**
 * `tributary track <sync|backport|pin> [--option value]...`: the track-upstream action on a
 * laptop. Options have the action's input names; the token comes from the environment
 * (TRIBUTARY_TOKEN or GITHUB_TOKEN, and TRIBUTARY_TREE_TOKEN for the pinned tree), never from the command line.
 */
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { parseTrackSettings, TRACK_SETTINGS } from '../actions/lib/track/settings.js';
import { trackUpstream } from '../actions/lib/track/track.js';
import { createGitHub } from '../actions/lib/github.js';
import type { Command } from './command.js';
import { parseCommandLine, usageOf, type PartSpec } from './options.js';

export const trackSpec: PartSpec = {
  name: 'track',
  synopsis: '<sync|backport|pin> --repository <owner/repo> [options]',
  about: `Opens or refreshes one pull request per purpose in the repository: a sync with the upstream
branch followed, backports of upstream commits marked for stable, or a move of a pinned
revision to one that passed the gate. The options are the track-upstream action's inputs
(actions/track-upstream), with the same defaults.`,
  declared: TRACK_SETTINGS,
  positional: {
    setting: 'mode',
    value: '<sync|backport|pin>',
    description: 'what to propose: a sync, backports, or a pin bump',
  },
  options: [
    {
      name: 'repository',
      value: '<owner/repo>',
      required: true,
      description: 'the repository the pull requests are opened in and branches pushed to',
    },
    {
      name: 'git-url',
      value: '<url>',
      description:
        'its git URL (default: <server>/<owner/repo>.git, the server from GITHUB_SERVER_URL)',
    },
    {
      name: 'api-url',
      value: '<url>',
      description: 'the GitHub API (default: GITHUB_API_URL, else https://api.github.com)',
    },
    {
      name: 'target',
      value: '<branch>',
      description:
        'the branch the pull requests target: the downstream branch (sync, backport) or the consumer branch (pin)',
    },
    {
      name: 'upstream',
      value: '<branch>',
      description:
        'sync: the upstream branch followed (upstream/stable-8.2); backport: the upstream development branch (upstream/master); a branch of the repository unless --upstream-url',
    },
    {
      name: 'upstream-url',
      value: '<url>',
      description: 'where the upstream branch lives, when not in the same repository',
    },
    {
      name: 'strategy',
      value: '<merge|rebase>',
      description:
        'sync: a true merge, or the downstream-only commits replayed on the new upstream head',
    },
    {
      name: 'stable-patterns',
      value: '<regex>',
      repeatable: true,
      description: 'backport: another stable marker, matched against each message line',
    },
    {
      name: 'reference-patterns',
      value: '<regex>',
      repeatable: true,
      description:
        'backport: another form of a reference to an upstream commit, one capture group for the commit id',
    },
    {
      name: 'commits',
      value: '<sha>',
      repeatable: true,
      description: 'backport: an upstream commit to carry whatever its markers',
    },
    {
      name: 'grouping',
      value: '<per-commit|batch>',
      description: 'backport: one pull request per upstream commit, or one per target',
    },
    {
      name: 'since',
      value: '<rev>',
      description: 'backport: where the first scan starts (default: the merge base)',
    },
    {
      name: 'max-pull-requests',
      value: '<n>',
      description: 'backport: new pull requests (and conflict issues) one run opens at most',
    },
    { name: 'dry-run', description: 'backport: list the candidates and write nothing' },
    {
      name: 'tree-url',
      value: '<url>',
      description: 'pin: the git URL of the hosted tree the pin follows',
    },
    {
      name: 'pin-branch',
      value: '<branch>',
      description: "pin: move to this branch's head (the hosted tree's tested branch)",
    },
    {
      name: 'pin-tags',
      value: '<glob>',
      description:
        'pin: move to the newest tag matching this glob (rel-*) whose revision passed the gate',
    },
    {
      name: 'require-flight',
      description:
        'pin-tags: take only a tag a gate flight passed; --require-flight=false also takes one with no record',
    },
    {
      name: 'notes-ref',
      value: '<ref>',
      description: "pin: the notes ref holding the gate's flight records",
    },
    { name: 'pin-file', value: '<file>', description: 'pin: the file holding the pin (Config.mk)' },
    {
      name: 'pin-variable',
      value: '<name>',
      description: 'pin: a Makefile-style variable in --pin-file (SEABIOS_UPSTREAM_REVISION)',
    },
    {
      name: 'pin-pattern',
      value: '<regex>',
      description:
        'pin: a regular expression over --pin-file whose first capture group is the revision',
    },
    {
      name: 'pin-submodule',
      value: '<path>',
      description: 'pin: a submodule whose gitlink is the pin',
    },
    {
      name: 'labels',
      value: '<names>',
      repeatable: true,
      description: 'labels of the pull requests, comma separated',
    },
    {
      name: 'reviewers',
      value: '<names>',
      repeatable: true,
      description: 'reviewers to request, comma separated',
    },
    {
      name: 'team-reviewers',
      value: '<slugs>',
      repeatable: true,
      description: 'team reviewers to request, comma separated',
    },
    {
      name: 'assignees',
      value: '<names>',
      repeatable: true,
      description: 'assignees, comma separated',
    },
    { name: 'draft', description: 'open pull requests as drafts (conflicting ones always are)' },
    {
      name: 'committer-name',
      value: '<name>',
      description: 'the name commits are made with (per command, never in git config)',
    },
    { name: 'committer-email', value: '<email>', description: 'the e-mail commits are made with' },
    {
      name: 'signoff',
      description: 'add a Signed-off-by line of the committer to every commit made',
    },
    {
      name: 'conflicts',
      value: '<draft|issue>',
      description:
        'how a conflict is reported: a draft pull request listing the files, or an issue',
    },
    {
      name: 'branch-prefix',
      value: '<prefix>',
      description: 'prefix of the branches tributary pushes',
    },
    {
      name: 'deliver',
      value: '<pull-request|patches|both>',
      description:
        'how a change reaches the target: a pull request, a git format-patch series with a cover letter (for a project that takes patches by mail), or both',
    },
    {
      name: 'patches-directory',
      value: '<dir>',
      fallback: { shown: 'TMPDIR/tributary-patches; the action: RUNNER_TEMP/tributary-patches' },
      description: 'where the patch series are written, one folder a change',
    },
    {
      name: 'work-directory',
      value: '<dir>',
      fallback: { shown: 'TMPDIR/tributary-track; the action: RUNNER_TEMP/tributary-track' },
      description: 'where the work repository lives, reused between runs (fetches are incremental)',
    },
    {
      name: 'filter',
      value: '<filter>',
      description:
        'partial-clone filter for fetches: blob:none, tree:0, blob:limit=<n>, or none for whole objects',
    },
  ],
  environment: [
    {
      variables: ['TRIBUTARY_TOKEN', 'GITHUB_TOKEN'],
      setting: 'token',
      description:
        "the token for the GitHub API and git over HTTPS: contents and pull requests write, issues write for conflict issues (the action's token); none for --deliver patches of a local --git-url",
    },
    {
      variables: ['TRIBUTARY_TREE_TOKEN'],
      setting: 'tree-token',
      description: "pin: the token for --tree-url, when it differs (the action's tree-token)",
    },
  ],
  exitCodes: [
    [0, 'done (pull requests opened, refreshed or left as they were)'],
    [2, 'bad usage or input; nothing written'],
    [3, 'an unexpected failure'],
  ],
};

export const trackCommand: Command = {
  name: 'track',
  summary: 'open or refresh sync, backport and pin pull requests',
  usage: usageOf(trackSpec),
  async run(args, logger) {
    const cl = parseCommandLine(trackSpec, args, (secret) => logger.secret(secret));
    return cl.run(async (read) => {
      const settings = parseTrackSettings(read, {
        defaultWorkDir: join(tmpdir(), 'tributary-track'),
        serverUrl: process.env.GITHUB_SERVER_URL || 'https://github.com',
      });
      const github =
        settings.deliver === 'patches'
          ? undefined
          : createGitHub({ token: settings.token, baseUrl: settings.apiUrl, logger });
      const report = await trackUpstream(settings, { logger, github });
      for (const o of report.outcomes)
        logger.info(
          `${o.operation.padEnd(9)} ${o.kind === 'pull' ? '#' : 'issue #'}${o.number} ${o.url}${o.note ? ` (${o.note})` : ''}`,
        );
      for (const s of report.series)
        logger.info(
          `patches   ${s.files.length - 1} for ${s.change}: ${s.directory} (base ${s.base.slice(0, 12)})`,
        );
      for (const n of report.notes) logger.info(n);
      for (const n of report.notices) logger.info(`notice: ${n}`);
      if (!report.outcomes.length && !report.series.length) logger.info('nothing to do');
      return 0;
    });
  },
};
