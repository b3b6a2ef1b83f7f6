/**
 * The hypervisor test's settings, parsed in one place for both front ends (the
 * hypervisor-test action and `tributary test`).
 */
import { resolve } from 'node:path';
import { Settings, type SettingDeclarations, type SettingsReader } from '../settings.js';
import { defaultLockDir } from './host.js';
import type { JobSettings } from './job.js';
import { parseDuration } from './test-plan.js';

/** Every input of the hypervisor-test action, with the default its action.yml declares. */
export const HYPERVISOR_SETTINGS = {
  plan: { required: true },
  'working-directory': { runner: '${{ github.workspace }}' },
  job: {},
  'output-dir': {},
  'lock-dir': {},
  'lock-wait': { default: '60m' },
  flight: {},
} as const satisfies SettingDeclarations;

/** What the front end knows besides the settings. */
export interface HypervisorContext {
  /** The working directory when none is given (the workspace, or the current folder). */
  workingDirectory: string;
  /** The job's name when neither the plan nor the job setting gives one. */
  defaultJob: (planFile: string) => string;
  /** Where results go when output-dir is empty. */
  defaultOutputDir: (job: string) => string;
  /** The flight when the setting is empty (the workflow run's id). */
  defaultFlight?: string;
  /** This run's tag on the host: guests are named tributary-<tag>-<n>. */
  tag: string;
  /** The folder for this run's scratch files. */
  scratchDir: string;
  attempt?: number;
  url?: string;
}

export function parseHypervisorSettings(
  read: SettingsReader,
  context: HypervisorContext,
): JobSettings {
  const v = new Settings(read, HYPERVISOR_SETTINGS);
  const planFile = v.required('plan', 'the test plan (YAML)');
  const workDir = resolve(context.workingDirectory, v.string('working-directory') || '.');
  const job = v.string('job') || context.defaultJob(planFile);
  if (!/^[\w.-]+$/.test(job)) throw v.invalid('job', job, 'letters, digits, . _ -');
  const lockWait = v.string('lock-wait');
  const lockWaitMs = parseDuration(lockWait);
  if (!lockWaitMs) throw v.invalid('lock-wait', lockWait, 'a duration such as 90s or 30m');
  return {
    planFile,
    workDir,
    outputDir: resolve(workDir, v.string('output-dir') || context.defaultOutputDir(job)),
    lockDir: resolve(v.string('lock-dir') || defaultLockDir()),
    scratchDir: context.scratchDir,
    tag: context.tag,
    job,
    lockWaitMs,
    flight: v.optional('flight') ?? context.defaultFlight,
    attempt: context.attempt,
    url: context.url,
  };
}
