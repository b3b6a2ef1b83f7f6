/**
 * `tributary history`: the flight-history page of a tree's branch or of a watch series, as
 * static files, read from the flight records in the hosted tree's notes. The hosted tree is a
 * URL (token from TRIBUTARY_TOKEN or GITHUB_TOKEN, sent as a header) or a local path.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { initRepository } from '../actions/lib/git.js';
import { fetchHistorySource, prefetchBlobs } from '../actions/lib/history/fetch.js';
import { writeHistory } from '../actions/lib/history/history.js';
import { HISTORY_SETTINGS, parseHistorySettings } from '../actions/lib/history/settings.js';
import { FLIGHT_NOTES_REF, WATCH_NOTES_REF } from '../actions/lib/flight-notes.js';
import { type Logger, count } from '../actions/lib/log.js';
import type { Command } from './command.js';
import { parseCommandLine, usageOf, type PartSpec } from './options.js';

export const historySpec: PartSpec = {
  name: 'history',
  synopsis: '--tree-url <url> (--branch <branch> | --series <name>) --output-dir <dir> [options]',
  about: `Writes the flight-history page of a tree's branch (the flights recorded on its first-parent
line by the push gate) or of a watch series (the watch flights of that series), newest flight
first: one column per flight, one row per job and step, each cell marked pass, fail, blocked,
allowable or "pass in ..." (flaky), with since when a step fails and its last pass, and links
to the flights' runs and the steps' logs. Static HTML and CSS: index.html in the output folder
is the newest page, page-2.html the next older, and so on (docs/history.md).`,
  declared: HISTORY_SETTINGS,
  options: [
    {
      name: 'tree-url',
      value: '<url>',
      aliases: ['repo'],
      description: 'the hosted tree holding the flight records: an https:// URL or a local path',
    },
    {
      name: 'branch',
      value: '<branch>',
      description:
        'the branch whose flights to show (staging shows refused flights too); or --series',
    },
    { name: 'series', value: '<name>', description: 'the watch series whose flights to show' },
    {
      name: 'output-dir',
      value: '<dir>',
      aliases: ['out'],
      description: 'where the pages are written (created when missing)',
    },
    { name: 'per-page', value: '<n>', description: 'flights a page (1 to 500)' },
    {
      name: 'pages',
      value: '<n|all>',
      description: 'how many pages, newest first; older flights are not read',
    },
    {
      name: 'title',
      value: '<text>',
      description: "the page's heading (default: the tree and branch, or the series)",
    },
    {
      name: 'tree',
      value: '<name>',
      description: "the tree's short name in the heading (default: the last part of --tree-url)",
    },
    {
      name: 'notes-ref',
      value: '<ref>',
      description: `the notes ref holding flight records (default: ${FLIGHT_NOTES_REF} with --branch, ${WATCH_NOTES_REF} with --series)`,
    },
    {
      name: 'build-jobs',
      value: '<glob>',
      repeatable: true,
      description: "build jobs, as the gate's: a build's failure is never called flaky",
    },
  ],
  environment: [
    {
      variables: ['TRIBUTARY_TOKEN', 'GITHUB_TOKEN'],
      setting: 'token',
      description: 'the token that may read an https hosted tree, sent to it alone',
    },
  ],
  exitCodes: [
    [0, 'the pages were written'],
    [2, 'bad usage or input (an unknown branch, a series with no flight); nothing written'],
    [3, 'an unexpected failure'],
  ],
};

export const historyCommand: Command = {
  name: 'history',
  summary: 'write the flight-history page of a branch or a watch series',
  usage: usageOf(historySpec),
  async run(args: string[], logger: Logger): Promise<number> {
    const cl = parseCommandLine(historySpec, args, (secret) => logger.secret(secret));
    return cl.run(async (read) => {
      // Checked before anything is fetched; the branch's head is filled in after the fetch.
      const { hosted, ...settings } = parseHistorySettings(read, {
        workingDirectory: process.cwd(),
      });
      const { source } = settings;
      const work = mkdtempSync(join(tmpdir(), 'tributary-history-'));
      try {
        // The token is sent to the hosted tree alone (credentialFor scopes it), never stored.
        const git = await initRepository(join(work, 'hosted.git'), {
          remotes: [hosted],
          logger,
        });
        const { head } = await logger.group(`Fetching the flight records of ${hosted.url}`, () =>
          fetchHistorySource(
            git,
            hosted,
            source.kind === 'branch' ? { kind: 'branch', branch: source.branch } : source,
            source.notesRef,
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
          `Wrote ${outcome.pages} page${outcome.pages > 1 ? 's' : ''} of ${count(outcome.flights, 'flight')}, newest first: ${shown} (index.html is the same page).` +
            (outcome.more ? ' Older flights exist; --pages writes more pages.' : ''),
        );
        if (!outcome.flights)
          logger.warning(
            `No flight is recorded in ${source.notesRef} on ${source.kind === 'branch' ? source.branch : source.series}.`,
          );
        return 0;
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    });
  },
};
