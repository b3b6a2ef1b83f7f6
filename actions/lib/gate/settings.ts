/**
 * The push gate's settings, parsed in one place for both front ends (the action's main.ts and
 * `tributary gate`); what the gate itself checks before it touches anything is `prepareGate`.
 */
import { resolve } from 'node:path';
import type { FlightRecord } from '../flight.js';
import { FLIGHT_NOTES_REF } from '../flight-notes.js';
import type { Identity } from '../git.js';
import { GitHubRepository, REPORT_KINDS, type GitHub } from '../github.js';
import { Settings, type SettingDeclarations, type SettingsReader } from '../settings.js';
import type { GateSettings } from './model.js';

/** Every input of the push-gate action, with the default its action.yml declares. */
export const GATE_SETTINGS = {
  results: { required: true },
  'tree-url': { runner: '${{ github.server_url }}/${{ github.repository }}.git' },
  token: { secret: true, runner: '${{ github.token }}' },
  repository: { runner: '${{ github.repository }}' },
  tree: {},
  staging: { default: 'staging' },
  tested: { default: 'master' },
  revision: {},
  'required-jobs': {},
  'build-jobs': { default: 'build*' },
  'no-baseline': { default: 'refuse' },
  'untested-head': { default: 'ancestor' },
  'retry-flaky': { default: 'false' },
  report: { default: 'check-run' },
  'dispatch-workflow': {},
  'dispatch-ref': {},
  'allow-list': {},
  force: { default: 'false' },
  'force-reason': {},
  'dry-run': { default: 'false' },
  'notes-ref': { default: FLIGHT_NOTES_REF },
  'max-walk': { default: '100' },
  flight: { runner: '${{ github.run_id }}' },
  junit: { runner: '${{ runner.temp }}/tributary-flight.xml' },
} as const satisfies SettingDeclarations;

export const GATE_IDENTITY: Identity = {
  name: 'tributary push gate',
  email: 'tributary@users.noreply.github.com',
};

/** What the front end knows besides the settings. */
export interface GateContext {
  /** Relative paths (results, junit, a local tree) are resolved from here. */
  workingDirectory: string;
  /** A scratch folder for the gate's own clone. */
  workDir: string;
  /** Who runs the gate (recorded with a forced push). */
  actor: string;
  trigger: Omit<NonNullable<FlightRecord['trigger']>, 'actor' | 'runUrl'>;
  /** The run's page, for the status' link and the record. */
  runUrl?: (repository: string) => string | undefined;
  /** The flight's id when neither the results nor the flight setting give one. */
  flight: () => string;
  /** Makes the GitHub client (the entry point's): statuses and dispatches, when a repository is named. */
  connect?: (token: string) => GitHub;
}

/** `https://host/x/xen.git` or `/srv/git/xen.git` → `xen`. */
function lastName(url: string): string {
  return url
    .replace(/\/+$/, '')
    .split('/')
    .pop()!
    .replace(/\.git$/, '');
}

export function parseGateSettings(read: SettingsReader, context: GateContext): GateSettings {
  const v = new Settings(read, GATE_SETTINGS);
  const results = v.required('results', 'the folder of job results');
  const treeUrl = v.required('tree-url', 'the hosted tree');
  const token = v.secret('token') || undefined;
  const repository = v.string('repository');
  const repo = v.repository('repository');
  // A URL as it is; anything else is a local path, from the working directory.
  const remote = /^[a-z][a-z0-9+.-]*:\/\//i.test(treeUrl)
    ? treeUrl
    : treeUrl.startsWith('-')
      ? treeUrl
      : resolve(context.workingDirectory, treeUrl);
  const runUrl = repository ? context.runUrl?.(repository) : undefined;
  const force = v.boolean('force');
  const junit = v.optional('junit');
  const workflow = v.optional('dispatch-workflow');
  const workflowRef = v.optional('dispatch-ref');
  const report = v.choice('report', REPORT_KINDS);
  return {
    results: resolve(context.workingDirectory, results),
    remote,
    token,
    // As documented: the repository's name; without one, the hosted tree's.
    tree: v.optional('tree') ?? repo?.repo ?? lastName(remote),
    staging: v.string('staging'),
    tested: v.string('tested'),
    revision: v.optional('revision'),
    required: v.list('required-jobs'),
    buildJobs: v.list('build-jobs'),
    noBaseline: v.choice('no-baseline', ['push', 'refuse', 'dispatch']),
    untestedHead: v.choice('untested-head', ['ancestor', 'refuse', 'dispatch']),
    retryFlaky: v.boolean('retry-flaky'),
    force: force ? { actor: context.actor, reason: v.string('force-reason') } : undefined,
    dryRun: v.boolean('dry-run'),
    // `<branch>:<path>` in the hosted tree, never a file of the checked-out revision.
    allowList: v.optional('allow-list'),
    notesRef: v.string('notes-ref'),
    maxWalk: v.integer('max-walk', { min: 1 }),
    flight: v.optional('flight') ?? context.flight(),
    trigger: { ...context.trigger, actor: context.actor, runUrl },
    junit: junit && resolve(context.workingDirectory, junit),
    workDir: context.workDir,
    identity: GATE_IDENTITY,
    github:
      repo && token && context.connect
        ? {
            repository: new GitHubRepository(context.connect(token), repo),
            report,
            workflow,
            workflowRef,
            targetUrl: runUrl,
          }
        : undefined,
  };
}
