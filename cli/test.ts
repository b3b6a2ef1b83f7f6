/**
 * `tributary test <plan.yml>`: runs a hypervisor test plan on this machine, exactly as the
 * hypervisor-test action does (same lock, same cleanup, same result files).
 */
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkLockDir, cleanupJob, loadPlan, runJob } from '../actions/lib/hypervisor/job.js';
import {
  HYPERVISOR_SETTINGS,
  parseHypervisorSettings,
} from '../actions/lib/hypervisor/settings.js';
import type { Logger } from '../actions/lib/log.js';
import type { Command } from './command.js';
import { parseCommandLine, usageOf, type PartSpec } from './options.js';

export const testSpec: PartSpec = {
  name: 'test',
  synopsis: '<plan.yml> [options]',
  about: `Runs a hypervisor test plan (schema: actions/hypervisor-test/README.md): the steps in order,
guests started and always stopped, one job per host at a time. Writes result.json
(tributary.job/v1), junit.xml and logs/ into the output folder. The options are the
hypervisor-test action's inputs (actions/hypervisor-test), with the same defaults.`,
  declared: HYPERVISOR_SETTINGS,
  positional: {
    setting: 'plan',
    value: '<plan.yml>',
    option: 'plan',
    description: 'the test plan (YAML), relative to --working-directory (or give --plan)',
  },
  options: [
    {
      name: 'plan',
      value: '<file>',
      description: 'the test plan, as the argument <plan.yml>',
    },
    {
      name: 'working-directory',
      value: '<dir>',
      aliases: ['work-dir'],
      description: 'where steps run, and relative paths (the plan, --output-dir) point',
      fallback: { shown: '.; the action: the workspace' },
    },
    {
      name: 'job',
      value: '<name>',
      description:
        "the job's name in the result, unless the plan names it (default: the plan's file name)",
    },
    {
      name: 'output-dir',
      value: '<dir>',
      description: 'where result.json, junit.xml and logs/ are written',
      fallback: { shown: 'tributary-test; the action: RUNNER_TEMP/tributary-test/<job>' },
    },
    {
      name: 'lock-dir',
      value: '<dir>',
      description:
        "the host's lock folder, the runner user's own: refused when it is a link, another user's, or writable by group or others (default: $XDG_CACHE_HOME/tributary/host, else ~/.cache/tributary/host)",
    },
    {
      name: 'lock-wait',
      value: '<time>',
      description: 'how long to wait for another job on this host (90s, 30m, 2h)',
    },
    {
      name: 'flight',
      value: '<id>',
      description: 'the flight this job belongs to, recorded in the result',
      fallback: { shown: 'none; the action: the workflow run' },
    },
    { name: 'check', description: 'only check the plan and the trees, run nothing' },
  ],
  exitCodes: [
    [0, 'the job passed (or, with --check, the plan is good)'],
    [1, 'the job did not pass'],
    [2, 'bad usage, plan or options; nothing ran'],
    [3, 'an unexpected failure'],
  ],
};

export const testCommand: Command = {
  name: 'test',
  summary: 'run a hypervisor test plan (build, boot guests, checks) and write the job result',
  usage: usageOf(testSpec),
  async run(args: string[], logger: Logger): Promise<number> {
    const cl = parseCommandLine(testSpec, args, (secret) => logger.secret(secret));
    const tag = `local-${process.pid}-${randomBytes(3).toString('hex')}`;
    return cl.run(async (read) => {
      const s = parseHypervisorSettings(read, {
        workingDirectory: process.cwd(),
        defaultJob: (planFile) =>
          planFile
            .replace(/^.*\//, '')
            .replace(/\.ya?ml$/, '')
            .replace(/[^\w.-]+/g, '-'),
        defaultOutputDir: () => 'tributary-test',
        tag,
        scratchDir: join(tmpdir(), `tributary-${tag}`),
      });
      if (cl.flag('check')) {
        const { plan, trees } = await loadPlan(s, logger);
        logger.info(
          `${s.planFile}: ${plan.steps.length} step(s): ${plan.steps.map((x) => `${x.name} (${x.kind})`).join(', ')}`,
        );
        for (const t of trees) logger.info(`tree ${t.name}: ${t.revision}`);
        return 0;
      }
      // Refused before anything runs, and before the cleanup below would look in it.
      checkLockDir(s.lockDir, logger);
      const abort = new AbortController();
      const onSignal = (signal: NodeJS.Signals) => {
        logger.warning(`${signal}: stopping the job`);
        abort.abort(`the job was cancelled (${signal})`);
      };
      process.on('SIGINT', onSignal);
      process.on('SIGTERM', onSignal);
      try {
        const outcome = await runJob(s, logger, abort.signal);
        for (const x of outcome.result.steps)
          logger.info(`${x.status.padEnd(7)} ${x.name}${x.message ? `: ${x.message}` : ''}`);
        logger.info(`${outcome.result.job}: ${outcome.status}; result ${outcome.resultFile}`);
        return outcome.status === 'pass' ? 0 : 1;
      } finally {
        // What the post step does for the action: nothing of this run may outlive it.
        await cleanupJob(s.lockDir, tag, logger);
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
      }
    });
  },
};
