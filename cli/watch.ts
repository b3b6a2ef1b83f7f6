/**
 * `tributary watch [report|baseline|releases] [options]`: the watch action on a laptop, on the
 * same library. Report records a watch flight of a series in the watched tree's notes and
 * compares it with the previous one (and keeps the regressions' issues with --repository);
 * baseline prints the consumer revisions to test against; releases classifies tags. The token
 * comes from the environment (TRIBUTARY_TOKEN or GITHUB_TOKEN), never the command line.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Logger } from '../actions/lib/log.js';
import { renderWatchSummary } from '../actions/lib/watch/report.js';
import { parseWatchSettings, WATCH_SETTINGS } from '../actions/lib/watch/settings.js';
import { runWatch, type WatchOutcome } from '../actions/lib/watch/watch.js';
import { progressToStderr, type Command } from './command.js';
import { parseCommandLine, usageOf, type PartSpec } from './options.js';

const localFlight = () => `local-${new Date().toISOString().replace(/[:.]/g, '')}`;

export const watchSpec: PartSpec = {
  name: 'watch',
  synopsis: '[report|baseline|releases] [options]',
  about: `Watches what a project does not gate. report (the default): records a watch flight of a
series (an upstream branch or tag tested against the consumer's baseline) as a git note in
the watched tree's hosted repository (refs/notes/tributary/watch), compares it with the
previous flight of the series (regressions, fixes, what still fails since when, what is
flaky) and, with --repository, keeps one issue per regression. baseline: the consumer's
revisions to test against, the newest its gate passed on each branch, else the branch head.
releases: which tags are releases (beta, rc, final). The options are the watch action's
inputs (actions/watch), with the same defaults. A regression is reported, never a failure.`,
  declared: WATCH_SETTINGS,
  positional: {
    setting: 'mode',
    value: '<report|baseline|releases>',
    description: 'what to do (default report)',
  },
  options: [
    {
      name: 'series',
      value: '<name>',
      description: 'report: the watch series (qemu-master-vs-xen-unstable)',
    },
    {
      name: 'tree-url',
      value: '<url>',
      description:
        "report: the watched tree's hosted repository (keeps the series' notes): an https:// URL or a local path",
      fallback: { shown: 'none; required with report' },
    },
    {
      name: 'tree',
      value: '<name>',
      description:
        "report: the watched tree's name, as results name it in 'trees' (default: the last part of --tree-url)",
    },
    {
      name: 'revision',
      value: '<sha>',
      description: 'report: the watched revision (default: from the results)',
    },
    {
      name: 'results',
      value: '<dir>',
      description: 'report: the folder of job results (tributary.job/v1 *.json, JUnit *.xml)',
    },
    {
      name: 'repository',
      value: '<owner/repo>',
      description: "report: keep the regressions' issues in this GitHub repository (with a token)",
      fallback: { shown: 'none: no issues kept' },
    },
    {
      name: 'notes-ref',
      value: '<ref>',
      description: "report: the notes ref of the series' flights",
    },
    {
      name: 'labels',
      value: '<names>',
      repeatable: true,
      description: 'report: labels of a new regression issue, comma separated',
    },
    {
      name: 'flaky-label',
      value: '<label>',
      description: "report: the label put on a regression's issue when the step is flaky",
    },
    {
      name: 'flight',
      value: '<id>',
      description:
        "report: the flight's id, or its run's page (an https:// URL, whose run id names it)",
      fallback: { shown: 'local-<time>', value: localFlight },
    },
    {
      name: 'consumer-url',
      value: '<url>',
      description: "baseline: the consumer's hosted repository: an https:// URL or a local path",
    },
    {
      name: 'consumer-branches',
      value: '<branch>',
      repeatable: true,
      description: 'baseline: a consumer branch; the unstable one first, then each stable one',
    },
    {
      name: 'consumer-notes-ref',
      value: '<ref>',
      description: "baseline: the notes ref of the consumer's gate records",
    },
    {
      name: 'tags',
      value: '<json>',
      description: "releases: a JSON array of tag names (the mirror's created-tags output)",
    },
    {
      name: 'release-patterns',
      value: '<kind:glob>',
      repeatable: true,
      description: 'releases: a pattern, kind beta, rc or final; the first match wins',
    },
    { name: 'json', description: 'print the outputs as the action sets them, as JSON' },
  ],
  environment: [
    {
      variables: ['TRIBUTARY_TOKEN', 'GITHUB_TOKEN'],
      setting: 'token',
      description:
        "the token for an https tree (push the notes) or consumer (read), and --repository's API (issues)",
    },
  ],
  exitCodes: [
    [
      0,
      'done: the flight recorded and compared (regressions included: a watch gates nothing), the baseline or the releases printed',
    ],
    [
      2,
      'bad usage or input (results, a series without a baseline, unknown trees); nothing written',
    ],
    [3, 'an unexpected failure'],
  ],
};

/** The outputs the action sets, by mode. */
function outputsOf(o: WatchOutcome): Record<string, unknown> {
  if (o.mode === 'report')
    return {
      regressions: o.regressions,
      issues: o.issues,
      fixed: o.fixed,
      flight: o.record.flight,
    };
  if (o.mode === 'baseline')
    return {
      baseline: o.baseline.map(({ branch, revision, source }) => ({ branch, revision, source })),
    };
  return { releases: o.releases, unmatched: o.unmatched };
}

export const watchCommand: Command = {
  name: 'watch',
  summary: 'record a watch flight and compare it with its series; baseline; releases',
  usage: usageOf(watchSpec),
  async run(args: string[], logger: Logger): Promise<number> {
    // Secrets go to whichever logger speaks last (progressToStderr's own redactor too).
    const cl = parseCommandLine(watchSpec, args, (secret) => logger.secret(secret));
    // With --json, stdout is the JSON's alone.
    if (cl.flag('json')) logger = progressToStderr(logger);
    const work = mkdtempSync(join(tmpdir(), 'tributary-watch-'));
    try {
      return await cl.run(async (read) => {
        const settings = parseWatchSettings(read, {
          workingDirectory: process.cwd(),
          workDir: work,
          trigger: { event: 'command-line' },
          flight: localFlight,
        });
        // Octokit is loaded only when a repository is named: the notes alone never need it.
        let issues;
        if (settings.mode === 'report' && settings.repository) {
          const token = settings.hosted.token;
          if (token) {
            const { createGitHub } = await import('../actions/lib/github.js');
            const { regressionKeeper } = await import('../actions/lib/watch/keeper.js');
            issues = regressionKeeper(
              createGitHub({ token, logger }),
              settings.repository,
              settings.labels,
              logger,
            );
          } else
            logger.warning(
              `No token (TRIBUTARY_TOKEN or GITHUB_TOKEN): the regressions' issues in ${settings.repository.owner}/${settings.repository.repo} are not kept.`,
            );
        }
        const outcome = await runWatch(settings, { logger, issues });
        if (cl.flag('json'))
          process.stdout.write(JSON.stringify(outputsOf(outcome), null, 2) + '\n');
        else process.stdout.write(renderWatchSummary(outcome));
        return 0;
      });
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  },
};
