/**
 * `tributary test <plan>`: runs a hypervisor test plan on this machine, exactly as the
 * hypervisor-test action does (same lock, same cleanup, same result files).
 */
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigurationError, invalid } from '../actions/lib/errors.js';
import { defaultLockDir } from '../actions/lib/hypervisor/host.js';
import { checkLockDir, cleanupJob, loadPlan, runJob } from '../actions/lib/hypervisor/job.js';
import { parseDuration } from '../actions/lib/hypervisor/test-plan.js';
import type { Logger } from '../actions/lib/log.js';
import type { Command } from './command.js';

const usage = `usage: tributary test <plan.yml> [options]

Runs a hypervisor test plan (schema: actions/hypervisor-test/README.md): the steps in order,
guests started and always stopped, one job per host at a time. Writes result.json
(tributary.job/v1), junit.xml and logs/ into the output directory.

options:
  --work-dir DIR     where steps run and plan paths point (default: .)
  --output-dir DIR   result.json, junit.xml, logs/ (default: ./tributary-test)
  --lock-dir DIR     the host's lock folder, the runner user's own: refused when it is a
                     link, another user's, or writable by group or others
                     (default: $XDG_CACHE_HOME/tributary/host, else ~/.cache/tributary/host)
  --lock-wait TIME   how long to wait for another job on this host (default: 60m)
  --job NAME         the job's name in the result, unless the plan names it (default: the plan's file name)
  --check            only check the plan and the trees, run nothing
  --verbose          each step's output as it runs (guest consoles too), and debug output

exit status: 0 the job passed, 1 it did not, 2 bad plan or options, 3 unexpected failure`;

export const testCommand: Command = {
  name: 'test',
  summary: 'run a hypervisor test plan (build, boot guests, checks) and write the job result',
  usage,
  async run(args: string[], logger: Logger): Promise<number> {
    const parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        'work-dir': { type: 'string', default: '.' },
        'output-dir': { type: 'string', default: 'tributary-test' },
        'lock-dir': { type: 'string', default: defaultLockDir() },
        'lock-wait': { type: 'string', default: '60m' },
        job: { type: 'string' },
        check: { type: 'boolean', default: false },
      },
    });
    const { values, positionals } = parsed;
    if (positionals.length !== 1)
      throw new ConfigurationError('plan', `Give exactly one plan file.\n\n${usage}`);
    const lockWaitMs = parseDuration(values['lock-wait']);
    if (!lockWaitMs)
      throw invalid('--lock-wait', values['lock-wait'], 'a duration such as 90s or 30m');
    const workDir = resolve(values['work-dir']);
    const planFile = resolve(positionals[0]);
    const tag = `local-${process.pid}-${randomBytes(3).toString('hex')}`;
    const job =
      values.job ??
      planFile
        .replace(/^.*\//, '')
        .replace(/\.ya?ml$/, '')
        .replace(/[^\w.-]+/g, '-');

    if (values.check) {
      const { plan, trees } = await loadPlan({ planFile, workDir }, logger);
      logger.info(
        `${positionals[0]}: ${plan.steps.length} step(s): ${plan.steps.map((s) => `${s.name} (${s.kind})`).join(', ')}`,
      );
      for (const t of trees) logger.info(`tree ${t.name}: ${t.revision}`);
      return 0;
    }

    const abort = new AbortController();
    const onSignal = (signal: NodeJS.Signals) => {
      logger.warning(`${signal}: stopping the job`);
      abort.abort(`the job was cancelled (${signal})`);
    };
    const lockDir = resolve(values['lock-dir']);
    // Refused before anything runs, and before the cleanup below would look in it.
    checkLockDir(lockDir, logger);
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    try {
      const outcome = await runJob(
        {
          planFile,
          workDir,
          outputDir: resolve(values['output-dir']),
          lockDir,
          scratchDir: join(tmpdir(), `tributary-${tag}`),
          tag,
          job,
          lockWaitMs,
        },
        logger,
        abort.signal,
      );
      for (const s of outcome.result.steps)
        logger.info(`${s.status.padEnd(7)} ${s.name}${s.message ? `: ${s.message}` : ''}`);
      logger.info(`${outcome.result.job}: ${outcome.status}; result ${outcome.resultFile}`);
      return outcome.status === 'pass' ? 0 : 1;
    } finally {
      // What the post step does for the action: nothing of this run may outlive it.
      await cleanupJob(lockDir, tag, logger);
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
  },
};
