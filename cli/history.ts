/**
 * `tributary history`: the flight-history page of a tree's branch or of a watch series, as
 * static files, read from the flight records in the hosted tree's notes. The hosted tree is a
 * URL (token from TRIBUTARY_TOKEN or GITHUB_TOKEN, sent as a header) or a local path.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigurationError, invalid } from '../actions/lib/errors.js';
import { initRepository, type Remote } from '../actions/lib/git.js';
import { fetchHistorySource, prefetchBlobs } from '../actions/lib/history/fetch.js';
import { checkHistorySettings, writeHistory } from '../actions/lib/history/history.js';
import {
  GATE_NOTES_REF,
  WATCH_NOTES_REF,
  type HistorySource,
} from '../actions/lib/history/source.js';
import type { Logger } from '../actions/lib/log.js';
import { tokenFromEnvironment, type Command } from './command.js';

const usage = `usage: tributary history --repo URL-or-path (--branch BRANCH | --series NAME) --out DIR [options]

Writes the flight-history page of a tree's branch (the flights recorded on its first-parent
line by the push gate) or of a watch series (the watch flights of that series), newest flight
first: one column per flight, one row per job and step, each cell marked pass, fail, blocked,
allowable or "pass in ..." (flaky), with since when a step fails and its last pass, and links
to the flights' runs and the steps' logs. Static HTML and CSS: DIR/index.html is the newest
page, DIR/page-2.html the next older, and so on.

  --repo URL|PATH      the hosted tree (token for HTTPS from TRIBUTARY_TOKEN or GITHUB_TOKEN)
  --branch BRANCH      the branch whose flights to show (staging shows refused flights too)
  --series NAME        the watch series whose flights to show
  --out DIR            where the pages are written (created when missing)
  --per-page N         flights a page (default 20)
  --pages N|all        how many pages, newest first (default 10); older flights are not read
  --title TEXT         the page's heading (default: the tree and branch, or the series)
  --tree NAME          the tree's short name in the heading (default: from --repo)
  --notes-ref REF      default ${GATE_NOTES_REF} (branch), ${WATCH_NOTES_REF} (series)
  --build-jobs PATTERN build job pattern, as the gate's (repeatable; default build*)

Exit status: 0 written, 2 bad input (an unknown branch, a series with no flight).`;

export const historyCommand: Command = {
  name: 'history',
  summary: 'write the flight-history page of a branch or a watch series',
  usage,
  async run(args: string[], logger: Logger): Promise<number> {
    const { values } = parseArgs({
      args,
      strict: true,
      options: {
        repo: { type: 'string' },
        branch: { type: 'string' },
        series: { type: 'string' },
        out: { type: 'string' },
        'per-page': { type: 'string', default: '20' },
        pages: { type: 'string', default: '10' },
        title: { type: 'string' },
        tree: { type: 'string' },
        'notes-ref': { type: 'string' },
        'build-jobs': { type: 'string', multiple: true, default: ['build*'] },
      },
    });
    if (!values.repo) throw new ConfigurationError('--repo', 'Missing --repo URL-or-path.');
    if (!values.out) throw new ConfigurationError('--out', 'Missing --out DIR.');
    if ((values.branch === undefined) === (values.series === undefined))
      throw new ConfigurationError(
        '--branch',
        'Give either --branch BRANCH (a tree\u2019s flights) or --series NAME (a watch series), not both.',
      );
    if (values.branch !== undefined && !/^(?!-)(?!.*\.\.)[A-Za-z0-9._/-]+$/.test(values.branch))
      throw new ConfigurationError(
        '--branch',
        `Invalid --branch '${values.branch}'. Expected a branch name.`,
      );
    const remote = /^[a-z]+:\/\//.test(values.repo) ? values.repo : resolve(values.repo);
    const tree =
      values.tree ??
      remote
        .replace(/\/+$/, '')
        .split('/')
        .pop()!
        .replace(/\.git$/, '');
    const notesRef =
      values['notes-ref'] ?? (values.series !== undefined ? WATCH_NOTES_REF : GATE_NOTES_REF);
    for (const key of ['per-page', 'pages'] as const)
      if (!/^\d+$/.test(values[key]!) && !(key === 'pages' && values[key] === 'all'))
        throw invalid(
          `--${key}`,
          values[key],
          key === 'pages' ? "a whole number >= 1, or 'all'" : 'a whole number from 1 to 500',
        );
    const pages: number | 'all' = values.pages === 'all' ? 'all' : Number(values.pages);
    // Checked before anything is fetched; the branch's head is filled in after the fetch.
    const source: HistorySource =
      values.series !== undefined
        ? { kind: 'series', series: values.series, notesRef }
        : { kind: 'branch', tree, branch: values.branch!, head: '', notesRef };
    const settings = {
      source,
      out: resolve(values.out),
      perPage: Number(values['per-page']),
      pages,
      title: values.title,
      buildJobs: values['build-jobs']!,
    };
    checkHistorySettings(settings);

    const token = tokenFromEnvironment();
    if (token) logger.secret(token);
    // Sent to this repository only (credentialFor scopes it), not the whole host.
    const hosted: Remote = { url: remote, token };
    const work = mkdtempSync(join(tmpdir(), 'tributary-history-'));
    try {
      const git = await initRepository(join(work, 'hosted.git'), {
        remotes: [hosted],
        logger,
      });
      const { head } = await logger.group(`Fetching the flight records of ${remote}`, () =>
        fetchHistorySource(
          git,
          hosted,
          source.kind === 'branch' ? { kind: 'branch', branch: source.branch } : source,
          notesRef,
        ),
      );
      if (source.kind === 'branch') source.head = head!;
      const outcome = await writeHistory(
        git,
        { ...settings, prefetch: (blobs) => prefetchBlobs(git, hosted, blobs) },
        logger,
      );
      const shown = relative(process.cwd(), outcome.files[0]) || outcome.files[0];
      logger.info(
        `Wrote ${outcome.pages} page${outcome.pages > 1 ? 's' : ''} of ${outcome.flights} flight${outcome.flights === 1 ? '' : 's'}, newest first: ${shown} (index.html is the same page).` +
          (outcome.more ? ' Older flights exist; --pages writes more pages.' : ''),
      );
      if (!outcome.flights)
        logger.warning(
          `No flight is recorded in ${notesRef} on ${source.kind === 'branch' ? source.branch : source.series}.`,
        );
      return 0;
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  },
};
