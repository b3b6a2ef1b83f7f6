/**
 * A bisection's settings, parsed in one place for its front ends: `tributary bisect` today,
 * the watch workflows' action tomorrow, reading the same names. Which regression (series, job,
 * step, the last-pass and first-fail revisions), where its flights are, how a round is planned;
 * everything checked before anything is fetched or recorded.
 */
import { resolve } from 'node:path';
import { invalidSetting } from '../errors.js';
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
  token: { secret: true },
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
  record: {},
  flight: {},
  'notes-ref': { default: WATCH_NOTES_REF },
} as const satisfies SettingDeclarations;

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
    record: v.lines('record').map((dir) => resolve(context.workingDirectory, dir)),
    flight: v.optional('flight'),
    trigger: context.trigger,
    workDir: context.workDir,
    identity: BISECT_IDENTITY,
  };
  checkBisectSettings(settings);
  return settings;
}
