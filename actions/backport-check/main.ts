/**
 * backport-check: inputs → the backport stories in actions/lib/backport → outputs, job
 * summary and an annotation on each offending commit.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  core,
  coreLogger,
  input,
  integerInput,
  booleanInput,
  listInput,
  runMain,
  secretInput,
} from '../runtime/runner.js';
import { invalid } from '../lib/errors.js';
import type { Logger } from '../lib/log.js';
import {
  checkChange,
  reportDivergence,
  type BackportSettings,
  type CheckOutcome,
} from '../lib/backport/check.js';
import { checkCacheDir } from '../lib/backport/facts.js';
import { parsePolicy } from '../lib/backport/policy.js';
import { publishReport, reportMarker } from '../lib/backport/report-issue.js';
import { createGitHub } from '../lib/github.js';
import { rangeFromEvent, type ChangeRange } from '../lib/backport/pull-request.js';
import {
  checkAnnotations,
  classificationTable,
  countsLine,
  divergenceMarkdown,
} from '../lib/backport/report.js';

/** owner/name → a URL on this server; a URL stays as it is. */
function repositoryUrl(name: string, value: string): string {
  if (/^https?:\/\//.test(value) || value.startsWith('file://') || value.startsWith('/'))
    return value;
  if (!/^[\w.-]+\/[\w.-]+$/.test(value))
    throw invalid(`input '${name}'`, value, 'a URL or owner/name');
  const server = (process.env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/+$/, '');
  return `${server}/${value.replace(/\.git$/, '')}.git`;
}

function settings(): BackportSettings & { mode: string } {
  const mode = input('mode') || 'check';
  if (!['check', 'report'].includes(mode)) throw invalid("input 'mode'", mode, 'check or report');
  const token = secretInput('token');
  const upstreamToken = secretInput('upstream-token');
  const development = input('upstream-development-branch') || 'master';
  const temp = process.env.RUNNER_TEMP ?? '/tmp';
  const cacheDir = input('cache-dir') || undefined;
  if (cacheDir) checkCacheDir(cacheDir, "input 'cache-dir'");
  return {
    mode,
    upstreamUrl: repositoryUrl(
      'upstream-repository',
      input('upstream-repository', { required: true }),
    ),
    development,
    followed: input('upstream-branch') || development,
    downstreamUrl: repositoryUrl(
      'downstream-repository',
      input('downstream-repository') || process.env.GITHUB_REPOSITORY || '',
    ),
    policy: parsePolicy({
      trailers: listInput('downstream-only-trailers'),
      subjects: core
        .getInput('downstream-only-subjects')
        .split('\n')
        .map((s) => s.trim())
        .filter(Boolean),
      referencePatterns: core
        .getInput('reference-patterns')
        .split('\n')
        .map((s) => s.trim())
        .filter(Boolean),
      minimumIdLength: integerInput('minimum-id-length', 12, 7),
    }),
    token,
    upstreamToken,
    workDir: join(temp, 'tributary-backport', 'repository.git'),
    cacheDir,
  };
}

/** The change to check: from the event, or from the base and head inputs. */
function changeRange(): ChangeRange {
  const eventName = process.env.GITHUB_EVENT_NAME ?? '';
  const base = input('base');
  const head = input('head');
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

async function check(s: BackportSettings): Promise<void> {
  const range = changeRange();
  const failOnWarnings = booleanInput('fail-on-warnings');
  const logger = countingLogger();
  const outcome = await checkChange(s, range, logger);
  const { counts } = outcome;
  const result =
    counts.violation > 0 || (failOnWarnings && counts.warnings > 0)
      ? 'fail'
      : counts.warnings > 0
        ? 'warn'
        : 'pass';
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
        ? `${n} commit${n === 1 ? '' : 's'} break${n === 1 ? 's' : ''} the backport policy${
            left
              ? `; ${left} more violation${left === 1 ? ' is' : 's are'} listed only in the job summary`
              : ''
          }.`
        : `${counts.warnings} warning${counts.warnings === 1 ? '' : 's'}, and fail-on-warnings is set.`,
    );
  for (const a of annotations.warnings) core.warning(a.message, a.title ? { title: a.title } : {});
}

async function report(s: BackportSettings): Promise<void> {
  const branch =
    input('downstream-branch') || (process.env.GITHUB_REF ?? '').replace(/^refs\/heads\//, '');
  const r = await reportDivergence(s, branch, input('sync-to') || undefined, coreLogger);
  const markdown = divergenceMarkdown(r);
  // A report never fails its step: anything worth a look, violations or warnings, is warn.
  core.setOutput('result', r.counts.violation || r.counts.warnings ? 'warn' : 'pass');
  core.setOutput('report', JSON.stringify(r));
  core.setOutput('report-markdown', markdown);
  core.setOutput('classifications', JSON.stringify(r.commits));
  core.setOutput('counts', JSON.stringify(r.counts));
  core.setOutput('violations', String(r.counts.violation));
  core.setOutput('warnings', String(r.counts.warnings));
  await core.summary.addRaw(markdown, true).write();
  const title = input('issue-title');
  if (title) {
    const repository = process.env.GITHUB_REPOSITORY ?? '';
    const issue = await publishReport(createGitHub({ token: s.token, logger: coreLogger }), {
      repository,
      title,
      marker: reportMarker('divergence', `${repository} ${branch}`),
      body: markdown,
      labels: listInput('issue-labels'),
      logger: coreLogger,
    });
    core.setOutput('issue-number', String(issue.number));
  }
}

await runMain(async () => {
  const s = settings();
  if (s.mode === 'report') await report(s);
  else await check(s);
});
