/**
 * A bisection's settings, parsed in one place for its front ends: `tributary bisect` and the
 * bisect action (actions/bisect), reading the same names. Which regression (series, job,
 * step, the last-pass and first-fail revisions), where its flights are, how a round is planned;
 * everything checked before anything is fetched or recorded.
 */
import { resolve } from 'node:path';
import { invalidSetting, missingSetting } from '../errors.js';
import type { FlightRecord } from '../flight.js';
import type { Identity } from '../git.js';
import {
  repositoryOf,
  Settings,
  type SettingDeclarations,
  type SettingsReader,
} from '../settings.js';
import { WATCH_NOTES_REF } from '../flight-notes.js';
import { checkBisectSettings, type BisectSettings } from './repository.js';

/** Every setting of a bisection, with its default. */
export const BISECT_SETTINGS = {
  'tree-url': { required: true },
  token: { secret: true, runner: '${{ github.token }}' },
  series: { required: true },
  job: { required: true },
  step: { required: true },
  pass: { required: true },
  fail: { required: true },
  'pass-flight': {},
  'fail-flight': {},
  'tree-repo': {},
  runners: { default: '3' },
  confirmations: { default: '3' },
  tree: {},
  results: {},
  flight: {},
  'notes-ref': { default: WATCH_NOTES_REF },
  // The action's own: which half of a round, and where the result is said when done.
  mode: { default: 'plan' },
  issue: {},
  repository: { runner: '${{ github.repository }}' },
  'revert-pull-request': { default: 'false' },
} as const satisfies SettingDeclarations;

export const BISECT_MODES = ['plan', 'record'] as const;

/** What the action does besides a round: its mode, and the issue the result goes to. */
export interface BisectActionSettings {
  mode: (typeof BISECT_MODES)[number];
  /** The regression's issue, commented with the result once the bisection is done. */
  issue?: { owner: string; repo: string; number: number };
  /** Open a draft pull request reverting the blamed commit in `issue`'s repository. */
  revertPullRequest: boolean;
}

/**
 * The action's own settings, checked with the round's: `mode: record` needs the results of the
 * round, `mode: plan` takes none (a plan never writes); a revert needs the issue's repository.
 */
export function parseBisectActionSettings(read: SettingsReader): BisectActionSettings {
  const v = new Settings(read, BISECT_SETTINGS);
  const mode = v.choice('mode', BISECT_MODES);
  const results = v.lines('results');
  if (mode === 'record' && !results.length)
    throw missingSetting('results', "the folder of the round's job results (mode record)");
  if (mode === 'plan' && results.length)
    throw invalidSetting(
      'results',
      results.join(', '),
      'nothing in mode plan (results are recorded in mode record)',
    );
  const number = v.optional('issue');
  if (number && !/^[1-9]\d*$/.test(number))
    throw invalidSetting('issue', number, "the regression's issue number");
  const repository = v.repository('repository');
  if (number && !repository)
    throw missingSetting('repository', "the repository of the regression's issue");
  const revertPullRequest = v.boolean('revert-pull-request');
  if (revertPullRequest && !number)
    throw missingSetting('issue', 'the issue the revert pull request answers');
  return {
    mode,
    ...(number && repository ? { issue: { ...repository, number: Number(number) } } : {}),
    revertPullRequest,
  };
}

export const BISECT_IDENTITY: Identity = {
  name: 'tributary bisect',
  email: 'tributary@users.noreply.github.com',
};

/** What the front end knows besides the settings. */
export interface BisectContext {
  /** Relative paths (a local tree, the result folders) are resolved from here. */
  workingDirectory: string;
  /** A scratch folder for the repositories fetched. */
  workDir: string;
  trigger?: FlightRecord['trigger'];
  /** The id of a recorded flight when neither its results nor the settings give one. */
  defaultFlight?: string;
}

/** `tree:url` (or `tree=url`, as first written): split at whichever comes first. */
function treeRepository(entry: string): [string, string] | undefined {
  const at = entry.search(/[:=]/);
  if (at < 1 || at === entry.length - 1) return undefined;
  return [entry.slice(0, at), entry.slice(at + 1)];
}

export function parseBisectSettings(read: SettingsReader, context: BisectContext): BisectSettings {
  const v = new Settings(read, BISECT_SETTINGS);
  // Each one the regression cannot be named without, in the order the help lists them.
  v.required('tree-url', "the watched tree's hosted repository");
  const series = v.required('series', 'the watch series');
  const job = v.required('job', 'the regressed job');
  const step = v.required('step', 'the regressed step');
  const pass = v.required('pass', "the watched tree's revision in the last-pass flight");
  const fail = v.required('fail', "the watched tree's revision in the first-fail flight");
  const hosted = v.remote('tree-url', context.workingDirectory, v.secret('token') || undefined)!;
  const treeRepos: Record<string, string> = {};
  for (const entry of v.lines('tree-repo')) {
    const pair = treeRepository(entry);
    if (!pair)
      throw invalidSetting(
        'tree-repo',
        entry,
        'tree:url, a tree of the series and its repository (xen:https://host/xen-project/xen.git)',
      );
    treeRepos[pair[0]] = repositoryOf('tree-repo', pair[1], context.workingDirectory).url;
  }
  const settings: BisectSettings = {
    hosted,
    notesRef: v.string('notes-ref'),
    series,
    job,
    step,
    pass,
    fail,
    passFlight: v.optional('pass-flight'),
    failFlight: v.optional('fail-flight'),
    treeRepos,
    runners: v.integer('runners', { min: 1 }),
    confirmations: v.integer('confirmations', { min: 1 }),
    tree: v.optional('tree'),
    record: v.lines('results').map((dir) => resolve(context.workingDirectory, dir)),
    flight: v.optional('flight') ?? context.defaultFlight,
    trigger: context.trigger,
    workDir: context.workDir,
    identity: BISECT_IDENTITY,
  };
  checkBisectSettings(settings);
  return settings;
}
