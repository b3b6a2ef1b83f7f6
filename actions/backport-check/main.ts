/**
 * backport-check: inputs → the backport stories in actions/lib/backport → outputs, job
 * summary and an annotation on each offending commit.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { actionReader, core, coreLogger, runMain } from '../runtime/runner.js';
import { actionsFolderCache } from '../runtime/cache.js';
import { invalid } from '../lib/errors.js';
import { type Logger, count } from '../lib/log.js';
import {
  checkChange,
  reportDivergence,
  type BackportHooks,
  type BackportSettings,
  type CheckOutcome,
} from '../lib/backport/check.js';
import {
  parseBackportMode,
  parseCheckSettings,
  parseDivergenceSettings,
  type BackportContext,
  type CheckSettings,
  type DivergenceSettings,
} from '../lib/backport/settings.js';
import { checkResult, reportResult } from '../lib/backport/verdict.js';
import { createGitHub, GitHubRepository } from '../lib/github.js';
import { rangeFromEvent, type ChangeRange } from '../lib/backport/pull-request.js';
import {
  checkAnnotations,
  classificationTable,
  countsLine,
  divergenceMarkdown,
  keepDivergenceIssue,
} from '../lib/backport/report.js';

function context(): BackportContext {
  return {
    fetch: {
      serverUrl: process.env.GITHUB_SERVER_URL ?? 'https://github.com',
      repository: process.env.GITHUB_REPOSITORY ?? '',
      workDir: join(process.env.RUNNER_TEMP ?? '/tmp', 'tributary-backport', 'repository.git'),
    },
  };
}

/**
 * The runner's temporary folder is gone after the job: a store kept there (cache-dir's
 * default) goes through the runner's cache service. A folder the user names is kept by them.
 */
function hooks(s: BackportSettings): BackportHooks {
  const temp = process.env.RUNNER_TEMP;
  const inTemp = !!temp && !!s.cacheDir && s.cacheDir.startsWith(join(temp, '/'));
  return inTemp ? { cache: actionsFolderCache(coreLogger) } : {};
}

/** The change to check: from the event, or from the base and head inputs. */
function changeRange({ base, head }: CheckSettings): ChangeRange {
  const eventName = process.env.GITHUB_EVENT_NAME ?? '';
  if (base && head)
    return { event: eventName, base: { sha: '', input: base }, head: { sha: '', input: head } };
  const path = process.env.GITHUB_EVENT_PATH;
  const payload = path ? JSON.parse(readFileSync(path, 'utf8')) : {};
  const range = rangeFromEvent(eventName, payload);
  if (!range)
    throw invalid(
      'event',
      eventName,
      'pull_request, pull_request_target or merge_group (or the base and head inputs)',
    );
  return range;
}

/** The runner's logger, counting the warnings it gives: they take room among the 10 shown. */
function countingLogger(): Logger & { warnings: number } {
  const logger = {
    ...coreLogger,
    warnings: 0,
    warning: (m: string, a?: Parameters<Logger['warning']>[1]) => {
      logger.warnings++;
      coreLogger.warning(m, a);
    },
  };
  return logger;
}

async function check(settings: CheckSettings): Promise<void> {
  const s = settings.fetch!;
  const range = changeRange(settings);
  const logger = countingLogger();
  const outcome = await checkChange(s, range, logger, hooks(s));
  const { counts } = outcome;
  const result = checkResult(counts, settings.failOnWarnings);
  annotate(outcome, result, logger.warnings);
  core.setOutput('result', result);
  core.setOutput('classifications', JSON.stringify(outcome.classifications));
  core.setOutput('counts', JSON.stringify(counts));
  core.setOutput('violations', String(counts.violation));
  core.setOutput('warnings', String(counts.warnings));
  const what = range.number
    ? `pull request #${range.number}${range.fork ? ` from ${range.fork}` : ''}`
    : range.event === 'merge_group'
      ? 'the merge group'
      : 'the change';
  const summary = core.summary
    .addHeading(`Backport policy: ${result}`, 2)
    .addRaw(
      `Checked ${what}, ${outcome.base.slice(0, 12)}..${outcome.head.slice(0, 12)}, against ${s.development} (following ${s.followed}): ${countsLine(counts)}.`,
      true,
    );
  if (outcome.upstreamInRange)
    summary.addRaw(
      `\n${outcome.upstreamInRange} commits of upstream's own come in with it, accepted as they are.\n`,
      true,
    );
  if (outcome.classifications.length)
    summary.addRaw('\n' + classificationTable(outcome.classifications) + '\n', true);
  await summary.write();
}

/**
 * Violations first (the step's failure message the 10th error), then warnings, within the 10
 * of each that GitHub shows a step; the job summary lists every commit.
 */
function annotate(outcome: CheckOutcome, result: string, warningsBefore: number): void {
  const { counts } = outcome;
  const annotations = checkAnnotations(outcome.classifications, warningsBefore);
  for (const a of annotations.errors) core.error(a.message, { title: a.title });
  const left = annotations.violationsLeft;
  const n = counts.violation;
  if (result === 'fail')
    core.setFailed(
      n
        ? `${count(n, 'commit')} break${n === 1 ? 's' : ''} the backport policy${
            left
              ? `; ${left} more violation${left === 1 ? ' is' : 's are'} listed only in the job summary`
              : ''
          }.`
        : `${count(counts.warnings, 'warning')}, and fail-on-warnings is set.`,
    );
  for (const a of annotations.warnings) core.warning(a.message, a.title ? { title: a.title } : {});
}

async function report(settings: DivergenceSettings): Promise<void> {
  const s = settings.fetch!;
  const branch =
    settings.downstream ?? (process.env.GITHUB_REF ?? '').replace(/^refs\/heads\//, '');
  const r = await reportDivergence(s, branch, settings.syncTo, coreLogger, hooks(s));
  const markdown = divergenceMarkdown(r);
  core.setOutput('result', reportResult(r.counts));
  core.setOutput('report', JSON.stringify(r));
  core.setOutput('report-markdown', markdown);
  core.setOutput('classifications', JSON.stringify(r.commits));
  core.setOutput('counts', JSON.stringify(r.counts));
  core.setOutput('violations', String(r.counts.violation));
  core.setOutput('warnings', String(r.counts.warnings));
  await core.summary.addRaw(markdown, true).write();
  if (settings.issue) {
    const repository = process.env.GITHUB_REPOSITORY ?? '';
    const github = createGitHub({ token: s.token, logger: coreLogger });
    const issue = await keepDivergenceIssue(
      new GitHubRepository(github, repository),
      branch,
      settings.issue,
      markdown,
      coreLogger,
    );
    core.setOutput('issue-number', String(issue.number));
  }
}

await runMain(async () => {
  if (parseBackportMode(actionReader) === 'report')
    await report(parseDivergenceSettings(actionReader, context()));
  else await check(parseCheckSettings(actionReader, context()));
});
