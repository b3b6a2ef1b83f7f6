/**
 * The backport check's and the divergence report's settings, parsed in one place for both
 * front ends: the backport-check action (check and report modes, over fetched repositories)
 * and `tributary check` / `tributary divergence` (over a local repository).
 */
import { ConfigurationError, SettingError } from '../errors.js';
import { Settings, type SettingDeclarations, type SettingsReader } from '../settings.js';
import type { BackportSettings } from './check.js';
import { checkCacheDir } from './facts.js';
import { parsePolicy, type Policy } from './policy.js';

/** Every input of the backport-check action, with the default its action.yml declares. */
export const BACKPORT_SETTINGS = {
  mode: { default: 'check' },
  'upstream-repository': { required: true },
  'upstream-development-branch': { default: 'master' },
  'upstream-branch': {},
  'downstream-repository': {},
  base: {},
  head: {},
  'downstream-branch': {},
  'sync-to': {},
  'issue-title': {},
  'issue-labels': {},
  'downstream-only-trailers': { default: 'Downstream-only' },
  'downstream-only-subjects': {},
  'reference-patterns': {},
  'minimum-id-length': { default: '12' },
  'fail-on-warnings': { default: 'false' },
  token: { secret: true, runner: '${{ github.token }}' },
  'upstream-token': { secret: true },
  'cache-dir': { runner: '${{ runner.temp }}/tributary-backport-cache' },
} as const satisfies SettingDeclarations;

export const MODES = ['check', 'report'] as const;

type Key = keyof typeof BACKPORT_SETTINGS;

/** What the front end knows besides the settings. */
export interface BackportContext {
  /**
   * The action's: the repositories are fetched (upstream-repository, downstream-repository)
   * into a bare repository of our own. The command line reads a local repository instead.
   */
  fetch?: {
    /** The run's server, for owner/name repositories. */
    serverUrl: string;
    /** This repository (owner/name), the downstream one unless downstream-repository says. */
    repository: string;
    workDir: string;
  };
}

interface PolicySettings {
  /** The upstream development branch every backport must come from. */
  development: string;
  /** The upstream branch the downstream follows (the development branch unless given). */
  followed: string;
  policy: Policy;
  cacheDir?: string;
  /** The action's: where the repositories are fetched from, with their tokens. */
  fetch?: BackportSettings;
}

export interface CheckSettings extends PolicySettings {
  /** The change is base..head; empty: the event's (the action) or every downstream commit. */
  base?: string;
  head?: string;
  failOnWarnings: boolean;
}

export interface DivergenceSettings extends PolicySettings {
  /** The downstream branch reported on; empty: the branch of the run (the action's) or HEAD. */
  downstream?: string;
  /** The upstream head of the next sync (the branch followed unless given). */
  syncTo?: string;
  /** Keep the report in one issue with this title (the action's), with these labels. */
  issue?: { title: string; labels: string[] };
}

/** parsePolicy's own subjects, and the settings they come from. */
const POLICY_SUBJECTS: Record<string, Key> = {
  'downstream-only trailer': 'downstream-only-trailers',
  'downstream-only subject': 'downstream-only-subjects',
  'reference pattern': 'reference-patterns',
  'minimum id length': 'minimum-id-length',
};

function policyOf(v: Settings<Key>): Policy {
  const minimumIdLength = v.integer('minimum-id-length', { min: 7, max: 40 });
  try {
    return parsePolicy({
      trailers: v.list('downstream-only-trailers'),
      subjects: v.lines('downstream-only-subjects'),
      referencePatterns: v.lines('reference-patterns'),
      minimumIdLength,
    });
  } catch (e) {
    const setting = e instanceof ConfigurationError ? POLICY_SUBJECTS[e.subject] : undefined;
    if (!setting || !(e instanceof ConfigurationError)) throw e;
    // `Invalid reference pattern 'x'...`: the same words, the setting named as the user knows it.
    throw new SettingError(setting, (name) => e.message.replace(e.subject, name));
  }
}

/** owner/name → a URL on this server; a URL or an absolute path stays as it is. */
function repositoryUrl(v: Settings<Key>, setting: Key, value: string, serverUrl: string): string {
  if (/^https?:\/\//.test(value) || value.startsWith('file://') || value.startsWith('/'))
    return value;
  if (!/^[\w.-]+\/[\w.-]+$/.test(value)) throw v.invalid(setting, value, 'a URL or owner/name');
  return `${serverUrl.replace(/\/+$/, '')}/${value.replace(/\.git$/, '')}.git`;
}

function policySettings(read: SettingsReader, context: BackportContext): PolicySettings {
  const v = new Settings(read, BACKPORT_SETTINGS);
  const f = context.fetch;
  // What the part cannot start without comes first, so the one error names it.
  const upstreamUrl = f ? v.required('upstream-repository', 'the hosted mirror of upstream') : '';
  const development = v.required('upstream-development-branch', 'the upstream development branch');
  const followed = v.string('upstream-branch') || development;
  const policy = policyOf(v);
  const cacheDir = v.optional('cache-dir');
  if (cacheDir !== undefined) checkCacheDir(cacheDir, read.name('cache-dir'));
  return {
    development,
    followed,
    policy,
    cacheDir,
    fetch: f && {
      upstreamUrl: repositoryUrl(v, 'upstream-repository', upstreamUrl, f.serverUrl),
      downstreamUrl: repositoryUrl(
        v,
        'downstream-repository',
        v.string('downstream-repository') || f.repository,
        f.serverUrl,
      ),
      development,
      followed,
      policy,
      token: v.secret('token'),
      upstreamToken: v.secret('upstream-token'),
      workDir: f.workDir,
      cacheDir,
    },
  };
}

/** The backport-check action's mode: check a change, or report the divergence. */
export function parseBackportMode(read: SettingsReader): (typeof MODES)[number] {
  return new Settings(read, BACKPORT_SETTINGS).choice('mode', MODES);
}

export function parseCheckSettings(read: SettingsReader, context: BackportContext): CheckSettings {
  const v = new Settings(read, BACKPORT_SETTINGS);
  return {
    ...policySettings(read, context),
    base: v.optional('base'),
    head: v.optional('head'),
    failOnWarnings: v.boolean('fail-on-warnings'),
  };
}

export function parseDivergenceSettings(
  read: SettingsReader,
  context: BackportContext,
): DivergenceSettings {
  const v = new Settings(read, BACKPORT_SETTINGS);
  const title = v.string('issue-title');
  return {
    ...policySettings(read, context),
    downstream: v.optional('downstream-branch'),
    syncTo: v.optional('sync-to'),
    issue: title ? { title, labels: v.list('issue-labels') } : undefined,
  };
}
