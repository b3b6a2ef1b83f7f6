/**
 * `writeHistory`: the flight-history page's story. Read the newest flights the requested pages
 * show (and the baselines they were judged against), mark every cell, write page-1.html ...
 * page-N.html, index.html (the newest page) and the stylesheet. Static files: any web server,
 * GitHub Pages included, serves them; nothing runs in the browser.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigurationError, invalidSetting } from '../errors.js';
import type { FlightRecord } from '../flight.js';
import type { Git } from '../git.js';
import type { Logger } from '../log.js';
import { pageModel, type MarkContext } from './model.js';
import { CSS, GENERATOR, pageFile, renderPage, STYLESHEET } from './render.js';
import { loadFlights, readRevisions, type DamagedNote, type HistorySource } from './source.js';

export interface HistorySettings {
  source: HistorySource;
  /** The folder the pages are written to (created when missing). */
  out: string;
  /** Flights a page. */
  perPage: number;
  /** How many pages are written, newest first; `all` writes every flight recorded. */
  pages: number | 'all';
  /** The page's heading; a default names the tree and branch or the series. */
  title?: string;
  /** Build job patterns (the gate's build-jobs): a build's failure is never called flaky. */
  buildJobs: string[];
  /** Brings the notes a partial clone lacks in one fetch (see fetch.ts). */
  prefetch?: (blobs: string[]) => Promise<void>;
  now?: Date;
}

export interface HistoryOutcome {
  /** Files written, page-1.html first. */
  files: string[];
  pages: number;
  flights: number;
  /** Older flights exist than the pages show. */
  more: boolean;
  damaged: DamagedNote[];
  /** How many notes were read: the page's cost, bounded by the pages asked for. */
  notesRead: number;
}

/**
 * Everything checked before anything is read or written; errors quote the value and name the
 * setting as the front end does (history/settings.ts parses them).
 */
export function checkHistorySettings(s: HistorySettings): void {
  if (!Number.isInteger(s.perPage) || s.perPage < 1 || s.perPage > 500)
    throw invalidSetting('per-page', String(s.perPage), 'a whole number from 1 to 500');
  if (s.pages !== 'all' && (!Number.isInteger(s.pages) || s.pages < 1))
    throw invalidSetting('pages', String(s.pages), "a whole number >= 1, or 'all'");
  if (!s.source.notesRef.startsWith('refs/notes/'))
    throw invalidSetting('notes-ref', s.source.notesRef, 'a ref under refs/notes/');
  if (s.source.kind === 'series' && !s.source.series.trim())
    throw invalidSetting('series', s.source.series, "a watch series' name");
}

type Baseline = { flight?: unknown; revision?: unknown } | undefined;
const baselineOf = (r: FlightRecord): Baseline =>
  (r.decision as { baseline?: Baseline } | undefined)?.baseline;

/**
 * What each shown flight was judged against: the baseline its decision names, else (a record
 * with no decision, a watch flight) the flight before it in the same history.
 */
async function contexts(
  git: Git,
  s: HistorySettings,
  records: FlightRecord[],
  shown: FlightRecord[],
  damaged: DamagedNote[],
): Promise<(r: FlightRecord) => MarkContext> {
  const pool = [...records];
  const key = (flight: unknown, revision: unknown) => `${String(flight)}\u0000${String(revision)}`;
  const have = new Set(pool.map((r) => key(r.flight, r.revision)));
  const missing = [
    ...new Set(
      shown
        .map(baselineOf)
        .filter((b) => typeof b?.revision === 'string' && !have.has(key(b.flight, b.revision)))
        .map((b) => b!.revision as string)
        .filter((rev) => /^[0-9a-f]{40}([0-9a-f]{24})?$/.test(rev)),
    ),
  ];
  if (missing.length) {
    const extra = await readRevisions(git, s.source.notesRef, missing, s, damaged);
    pool.push(...extra.filter((r) => s.source.kind !== 'series' || r.series === s.source.series));
  }
  const byKey = new Map(pool.map((r) => [key(r.flight, r.revision), r]));
  const position = new Map(records.map((r, i) => [r, i]));
  const byRevision = new Map<string, FlightRecord[]>();
  for (const r of pool) byRevision.set(r.revision, [...(byRevision.get(r.revision) ?? []), r]);
  return (record) => {
    const b = baselineOf(record);
    let baseline: FlightRecord | undefined;
    if (b) baseline = byKey.get(key(b.flight, b.revision));
    else if (!record.decision || s.source.kind === 'series')
      baseline = records[(position.get(record) ?? records.length) + 1];
    return {
      baseline,
      sameRevision: (byRevision.get(record.revision) ?? []).filter(
        (r) => r !== record && r.recordedAt < record.recordedAt,
      ),
      buildJobs: s.buildJobs,
    };
  };
}

function defaultTitle(source: HistorySource): string {
  return source.kind === 'branch'
    ? `${source.tree} ${source.branch}: flight history`
    : `${source.series}: watch flight history`;
}

/** Removes pages of an earlier, longer run (only files this command wrote: its generator tag). */
function removeStalePages(out: string, pages: number): void {
  for (const name of readdirSync(out)) {
    const m = /^page-(\d+)\.html$/.exec(name);
    if (!m || Number(m[1]) <= pages) continue;
    const path = join(out, name);
    if (readFileSync(path, 'utf8').includes(`<meta name="generator" content="${GENERATOR}">`))
      rmSync(path);
  }
}

export async function writeHistory(
  git: Git,
  s: HistorySettings,
  logger?: Logger,
): Promise<HistoryOutcome> {
  checkHistorySettings(s);
  const count = s.pages === 'all' ? Number.MAX_SAFE_INTEGER : s.perPage * s.pages;
  const loaded = await loadFlights(git, s.source, { count, prefetch: s.prefetch });
  if (s.source.kind === 'series' && !loaded.records.length) {
    const seen = [...loaded.seriesSeen].sort();
    throw new ConfigurationError(
      'series',
      `No flight of the watch series '${s.source.series}' in ${s.source.notesRef}` +
        (seen.length
          ? ` (series recorded there: ${seen.join(', ')}).`
          : ' (it holds no watch flight).'),
    );
  }
  const shown = loaded.records.slice(0, count);
  const contextOf = await contexts(git, s, loaded.records, shown, loaded.damaged);
  for (const d of loaded.damaged) logger?.warning(`A flight record could not be read: ${d.error}`);
  const pages = Math.max(1, Math.ceil(shown.length / s.perPage));
  const generatedAt = (s.now ?? new Date()).toISOString();
  mkdirSync(s.out, { recursive: true });
  const files: string[] = [];
  for (let page = 1; page <= pages; page++) {
    const model = pageModel(shown.slice((page - 1) * s.perPage, page * s.perPage), contextOf, {
      title: s.title ?? defaultTitle(s.source),
      page,
      pages,
      more: loaded.more,
      perPage: s.perPage,
      damaged: loaded.damaged,
      generatedAt,
    });
    const html = renderPage(model);
    writeFileSync(join(s.out, pageFile(page)), html);
    files.push(join(s.out, pageFile(page)));
    if (page === 1) writeFileSync(join(s.out, 'index.html'), html);
  }
  writeFileSync(join(s.out, STYLESHEET), CSS);
  files.push(join(s.out, 'index.html'), join(s.out, STYLESHEET));
  removeStalePages(s.out, pages);
  return {
    files,
    pages,
    flights: shown.length,
    more: loaded.more,
    damaged: loaded.damaged,
    notesRead: loaded.notesRead,
  };
}
