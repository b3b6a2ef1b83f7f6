/**
 * The watch's settings, parsed in one place for both front ends (actions/watch's main.ts and
 * `tributary watch`), one mode at a time: `report` (record a watch flight of a series, compare
 * it with the previous one, keep the regressions' issues), `baseline` (the consumer revisions
 * to test against) and `releases` (which new tags are releases). Everything is checked here,
 * before anything is fetched or written.
 */
import { resolve } from 'node:path';
import { invalidSetting, missingSetting } from '../errors.js';
import type { FlightRecord } from '../flight.js';
import { FLIGHT_NOTES_REF, WATCH_NOTES_REF } from '../flight-notes.js';
import type { Identity, Remote } from '../git.js';
import {
  Settings,
  treeNameOf,
  type SettingDeclarations,
  type SettingsReader,
} from '../settings.js';
import {
  DEFAULT_RELEASE_PATTERNS,
  parseReleasePatterns,
  parseTags,
  type ReleasePattern,
} from './releases.js';

export const WATCH_MODES = ['report', 'baseline', 'releases'] as const;
export type WatchMode = (typeof WATCH_MODES)[number];

/** Every input of the watch action, with the default its action.yml declares. */
export const WATCH_SETTINGS = {
  mode: { default: 'report' },
  series: {},
  tree: {},
  'tree-url': { runner: '${{ github.server_url }}/${{ github.repository }}' },
  revision: {},
  results: {},
  token: { secret: true, runner: '${{ github.token }}' },
  repository: { runner: '${{ github.repository }}' },
  'notes-ref': { default: WATCH_NOTES_REF },
  labels: { default: 'regression' },
  'flaky-label': { default: 'flaky' },
  flight: {
    runner: '${{ github.server_url }}/${{ github.repository }}/actions/runs/${{ github.run_id }}',
  },
  'consumer-url': {},
  'consumer-branches': {},
  'consumer-notes-ref': { default: FLIGHT_NOTES_REF },
  tags: {},
  'release-patterns': { default: DEFAULT_RELEASE_PATTERNS.join('\n') },
} as const satisfies SettingDeclarations;

export const WATCH_IDENTITY: Identity = {
  name: 'tributary watch',
  email: 'tributary@users.noreply.github.com',
};

export interface WatchReportSettings {
  mode: 'report';
  series: string;
  /** The watched tree's short name, as the job results name it in `trees`. */
  tree: string;
  /** The watched tree's hosted repository (holds the series' notes), with the token for it. */
  hosted: Remote;
  revision?: string;
  results: string;
  /** Where the regressions' issues are kept; none: no issues. */
  repository?: { owner: string; repo: string };
  notesRef: string;
  labels: string[];
  flakyLabel: string;
  /** The flight's id when the results carry none, and its run's page when it is a URL. */
  flight: string;
  runUrl?: string;
  /** Build jobs, as the gate's default: a build's failure is never called flaky. */
  buildJobs: string[];
  trigger?: FlightRecord['trigger'];
  workDir: string;
  identity: Identity;
  now?: Date;
}

export interface WatchBaselineSettings {
  mode: 'baseline';
  consumer: Remote;
  /** The unstable branch first, then each stable branch. */
  branches: string[];
  notesRef: string;
  workDir: string;
}

export interface WatchReleasesSettings {
  mode: 'releases';
  tags: string[];
  patterns: ReleasePattern[];
}

export type WatchSettings = WatchReportSettings | WatchBaselineSettings | WatchReleasesSettings;

/** What the front end knows besides the settings. */
export interface WatchContext {
  /** Relative paths (results, a local tree) are resolved from here. */
  workingDirectory: string;
  /** A scratch folder for the clones. */
  workDir: string;
  trigger?: FlightRecord['trigger'];
  /** The flight's id when neither the results nor the flight setting give one. */
  flight: () => string;
}

const SERIES = /^[A-Za-z0-9][A-Za-z0-9._+-]*$/;
const TREE = /^[A-Za-z0-9][A-Za-z0-9._+-]*$/;
const BRANCH = /^(?!-)(?!.*\.\.)(?!.*\/$)[A-Za-z0-9._/-]+$/;
const FULL_ID = /^[0-9a-f]{40}([0-9a-f]{24})?$/;

/** A run's page (`.../actions/runs/123`): its id names the flight, the URL links to it. */
function flightOf(value: string): { flight: string; runUrl?: string } {
  if (!/^https?:\/\//.test(value)) return { flight: value };
  const id = /\/runs\/(\d+)(?:\/attempts\/\d+)?\/?$/.exec(value)?.[1];
  return { flight: id ?? value, runUrl: value };
}

export function parseWatchSettings(read: SettingsReader, context: WatchContext): WatchSettings {
  const v = new Settings(read, WATCH_SETTINGS);
  const mode = v.choice('mode', WATCH_MODES);
  if (mode === 'releases') {
    const tags = parseTags(v.string('tags'));
    return { mode, tags, patterns: parseReleasePatterns(v.lines('release-patterns')) };
  }
  const token = v.secret('token') || undefined;
  if (mode === 'baseline') {
    const consumer = v.remote('consumer-url', context.workingDirectory, token);
    if (!consumer) throw missingSetting('consumer-url', "the consumer's hosted repository");
    const branches = v.lines('consumer-branches');
    if (!branches.length)
      throw missingSetting(
        'consumer-branches',
        "a series needs its baseline: the consumer's unstable branch, then each stable branch, one a line",
      );
    for (const b of branches)
      if (!BRANCH.test(b)) throw invalidSetting('consumer-branches', b, 'branch names, one a line');
    const notesRef = v.string('consumer-notes-ref');
    if (!notesRef.startsWith('refs/notes/'))
      throw invalidSetting('consumer-notes-ref', notesRef, 'a ref under refs/notes/');
    return { mode, consumer, branches, notesRef, workDir: context.workDir };
  }
  const series = v.required(
    'series',
    'the watch series, a stable name such as qemu-master-vs-xen-unstable',
  );
  if (!SERIES.test(series))
    throw invalidSetting('series', series, 'a series name of letters, digits and . _ + -');
  v.required('tree-url', "the watched tree's hosted repository, which keeps the series' notes");
  const hosted = v.remote('tree-url', context.workingDirectory, token)!;
  const results = v.required('results', 'the folder of job results of the watch flight');
  const revision = v.optional('revision');
  if (revision !== undefined && !FULL_ID.test(revision))
    throw invalidSetting('revision', revision, 'a full commit id (40 hex digits)');
  const tree = v.optional('tree') ?? treeNameOf(hosted.url);
  if (!TREE.test(tree))
    throw invalidSetting('tree', tree, 'a tree name of letters, digits and . _ + -');
  const notesRef = v.string('notes-ref');
  if (!notesRef.startsWith('refs/notes/'))
    throw invalidSetting('notes-ref', notesRef, 'a ref under refs/notes/');
  const repository = v.repository('repository');
  const flakyLabel = v.string('flaky-label');
  const labels = v.list('labels');
  const { flight, runUrl } = flightOf(v.optional('flight') ?? context.flight());
  return {
    mode,
    series,
    tree,
    hosted,
    ...(revision ? { revision } : {}),
    results: resolve(context.workingDirectory, results),
    ...(repository ? { repository } : {}),
    notesRef,
    labels,
    flakyLabel,
    flight,
    ...(runUrl ? { runUrl } : {}),
    buildJobs: ['build*'],
    ...(context.trigger || runUrl
      ? { trigger: { ...context.trigger, ...(runUrl ? { runUrl } : {}) } }
      : {}),
    workDir: context.workDir,
    identity: WATCH_IDENTITY,
  };
}
