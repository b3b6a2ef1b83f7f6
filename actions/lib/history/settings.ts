/**
 * The history page's settings, parsed in one place for its front ends: `tributary history`
 * today, an action reading the same names tomorrow. Which flights (a tree's branch or a watch
 * series), from which hosted tree, into which folder; everything checked before anything is
 * fetched or written.
 */
import { resolve } from 'node:path';
import { SettingError } from '../errors.js';
import type { Remote } from '../git.js';
import { Settings, type SettingDeclarations, type SettingsReader } from '../settings.js';
import { checkHistorySettings, type HistorySettings } from './history.js';
import { FLIGHT_NOTES_REF, WATCH_NOTES_REF } from '../flight-notes.js';
import type { HistorySource } from './source.js';

/** Every setting of the history page, with its default. */
export const HISTORY_SETTINGS = {
  'tree-url': { required: true },
  token: { secret: true },
  branch: {},
  series: {},
  'output-dir': { required: true },
  'per-page': { default: '20' },
  pages: { default: '10' },
  title: {},
  tree: {},
  'notes-ref': {},
  'build-jobs': { default: 'build*' },
} as const satisfies SettingDeclarations;

/** What the front end knows besides the settings. */
export interface HistoryContext {
  /** Relative paths (a local tree, the output folder) are resolved from here. */
  workingDirectory: string;
}

export interface HistoryRun extends HistorySettings {
  /** The hosted tree holding the flight records, and the token for it. */
  hosted: Remote;
}

const BRANCH = /^(?!-)(?!.*\.\.)[A-Za-z0-9._/-]+$/;

/** `https://host/x/xen.git` or `/srv/git/xen.git` → `xen`. */
function lastName(url: string): string {
  return url
    .replace(/\/+$/, '')
    .split('/')
    .pop()!
    .replace(/\.git$/, '');
}

export function parseHistorySettings(read: SettingsReader, context: HistoryContext): HistoryRun {
  const v = new Settings(read, HISTORY_SETTINGS);
  v.required('tree-url', 'the hosted tree holding the flight records');
  const hosted = v.remote('tree-url', context.workingDirectory, v.secret('token') || undefined)!;
  const out = v.required('output-dir', 'the folder the pages are written to');
  const branch = v.optional('branch');
  const series = v.optional('series');
  if (!branch === !series)
    throw new SettingError(
      'branch',
      (name, names) =>
        `Give either ${name} (a tree's flights) or ${names.name('series')} (a watch series' flights)${branch ? ', not both' : ''}.`,
    );
  if (branch && !BRANCH.test(branch)) throw v.invalid('branch', branch, 'a branch name');
  const written = v.string('pages');
  if (written !== 'all' && !/^\d+$/.test(written))
    throw v.invalid('pages', written, "a whole number >= 1, or 'all'");
  const notesRef = v.optional('notes-ref') ?? (series ? WATCH_NOTES_REF : FLIGHT_NOTES_REF);
  // The branch's head is filled in once it is fetched.
  const source: HistorySource = series
    ? { kind: 'series', series, notesRef }
    : {
        kind: 'branch',
        tree: v.optional('tree') ?? lastName(hosted.url),
        branch: branch!,
        head: '',
        notesRef,
      };
  const settings: HistoryRun = {
    hosted,
    source,
    out: resolve(context.workingDirectory, out),
    perPage: v.integer('per-page', { min: 1, max: 500 }),
    pages: written === 'all' ? 'all' : Number(written),
    title: v.optional('title'),
    buildJobs: v.list('build-jobs'),
  };
  checkHistorySettings(settings);
  return settings;
}
