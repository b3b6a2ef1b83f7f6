/**
 * Which flights a history page shows, read from the notes newest first and only as far back as
 * the requested pages reach: a tree's branch (its first-parent line, each revision's note) or a
 * watch series (the notes ref's own log, newest change first, each note's records of that
 * series). Reading stops once enough flights are found, so a page costs the same with a
 * hundred flights recorded or ten thousand. Notes are found and parsed by the notes module
 * (noteBlobs, parseFlightNote); a note that does not parse is reported, never dropped silently.
 */
import { parseFlightNote, type FlightRecord } from '../flight.js';
import type { Git } from '../git.js';
import { noteBlobs } from '../gate/notes.js';

export const GATE_NOTES_REF = 'refs/notes/tributary/flights';
export const WATCH_NOTES_REF = 'refs/notes/tributary/watch';

export type HistorySource =
  /** The flights of a tree's branch: every revision on its first-parent line from `head`. */
  | { kind: 'branch'; tree: string; branch: string; head: string; notesRef: string }
  /** The flights of a watch series: every record in the notes ref with that `series`. */
  | { kind: 'series'; series: string; notesRef: string };

export interface DamagedNote {
  /** The commit the note is attached to. */
  commit: string;
  error: string;
}

export interface LoadOptions {
  /** How many flights, newest first; one more is read to know whether older ones exist. */
  count: number;
  /** Brings the note blobs a partial clone lacks, all at once, before they are read. */
  prefetch?: (blobs: string[]) => Promise<void>;
}

export interface LoadedFlights {
  /** Every record read, newest first (at least `count + 1` when that many exist). */
  records: FlightRecord[];
  /** Whether flights older than the first `count` exist. */
  more: boolean;
  damaged: DamagedNote[];
  /** Series mode: every series seen in the notes read, to name them when none matched. */
  seriesSeen: Set<string>;
  /** How many notes were read (the cost of the page, whatever the length of history). */
  notesRead: number;
}

/** Reads the notes of `commits` (commit → blob) in their order; parse errors are collected. */
export async function readNotes(
  git: Git,
  notesRef: string,
  blobs: { commit: string; blob: string }[],
  opts: Pick<LoadOptions, 'prefetch'>,
  damaged: DamagedNote[],
): Promise<FlightRecord[][]> {
  if (!blobs.length) return [];
  await opts.prefetch?.(blobs.map((b) => b.blob));
  // A few processes at a time: the notes of a page are small and many.
  const out: FlightRecord[][] = new Array(blobs.length);
  let next = 0;
  const worker = async () => {
    while (next < blobs.length) {
      const i = next++;
      const { commit, blob } = blobs[i];
      try {
        const text = await git.run(['cat-file', 'blob', blob]);
        out[i] = parseFlightNote(text, `note ${notesRef} on ${commit}`);
      } catch (e) {
        damaged.push({ commit, error: e instanceof Error ? e.message : String(e) });
        out[i] = [];
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(4, blobs.length) }, worker));
  return out;
}

/** Newest first: by recording time, the order of reading where times tie. */
function newestFirst(records: FlightRecord[]): FlightRecord[] {
  return records
    .map((r, i) => ({ r, i }))
    .sort((a, b) => b.r.recordedAt.localeCompare(a.r.recordedAt) || a.i - b.i)
    .map(({ r }) => r);
}

/**
 * How many commits (or notes) are looked up in round `round`: what is still wanted at first,
 * then twice as many each round (commits without a note make a round find fewer flights).
 */
const batchSize = (count: number, round: number) =>
  Math.min(4096, Math.max(16, Math.min(count + 1, 1024)) * 2 ** round);

async function loadBranch(
  git: Git,
  source: Extract<HistorySource, { kind: 'branch' }>,
  opts: LoadOptions,
  result: LoadedFlights,
): Promise<void> {
  if (!(await git.revParse(source.notesRef))) return;
  let batch: string[] = [];
  let round = 0;
  const flush = async () => {
    round++;
    const blobs = await noteBlobs(git, source.notesRef, batch);
    const found = batch
      .filter((c) => blobs.has(c))
      .map((c) => ({ commit: c, blob: blobs.get(c)! }));
    batch = [];
    const notes = await readNotes(git, source.notesRef, found, opts, result.damaged);
    result.notesRead += found.length;
    // A note holds its revision's flights oldest first.
    for (const records of notes) result.records.push(...[...records].reverse());
    return result.records.length > opts.count;
  };
  // Streamed: git is stopped as soon as enough flights are found.
  for await (const commit of git.lines(['rev-list', '--first-parent', source.head, '--'])) {
    batch.push(commit.trim());
    if (batch.length >= batchSize(opts.count, round) && (await flush())) return;
  }
  if (batch.length) await flush();
}

/**
 * One note per line of `git log --raw` over the notes ref, newest change first: a note's
 * first appearance is its latest change, so the blob named there is the one at the tip.
 */
async function loadSeries(
  git: Git,
  source: Extract<HistorySource, { kind: 'series' }>,
  opts: LoadOptions,
  result: LoadedFlights,
): Promise<void> {
  if (!(await git.revParse(source.notesRef))) return;
  const seen = new Set<string>();
  let batch: { commit: string; blob: string }[] = [];
  let round = 0;
  const flush = async () => {
    round++;
    const notes = await readNotes(git, source.notesRef, batch, opts, result.damaged);
    result.notesRead += batch.length;
    batch = [];
    for (const records of notes)
      for (const r of [...records].reverse()) {
        if (r.series) result.seriesSeen.add(r.series);
        if (r.series === source.series) result.records.push(r);
      }
    return result.records.length > opts.count;
  };
  const args = [
    'log',
    '--first-parent',
    '--diff-merges=first-parent',
    '--raw',
    '--no-renames',
    '--no-abbrev',
    '--format=',
    source.notesRef,
    '--',
  ];
  for await (const line of git.lines(args)) {
    // :100644 100644 <old> <new> M\t<path>; the path is the commit id with fanout slashes.
    const m = /^:\d+ \d+ [0-9a-f]+ ([0-9a-f]+) ([A-Z])\d*\t(.+)$/.exec(line);
    if (!m) continue;
    const commit = m[3].replace(/\//g, '');
    if (!/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(commit) || seen.has(commit)) continue;
    seen.add(commit);
    if (m[2] === 'D') continue;
    batch.push({ commit, blob: m[1] });
    if (batch.length >= batchSize(opts.count, round) && (await flush())) return;
  }
  if (batch.length) await flush();
}

/** The newest `count` flights of a source (and one more when it exists), newest first. */
export async function loadFlights(
  git: Git,
  source: HistorySource,
  opts: LoadOptions,
): Promise<LoadedFlights> {
  const result: LoadedFlights = {
    records: [],
    more: false,
    damaged: [],
    seriesSeen: new Set(),
    notesRead: 0,
  };
  if (source.kind === 'branch') await loadBranch(git, source, opts, result);
  else await loadSeries(git, source, opts, result);
  result.records = newestFirst(result.records);
  result.more = result.records.length > opts.count;
  return result;
}

/**
 * The records of other revisions that the shown flights name as their baseline but that were
 * not read with them (the oldest flight of the last page, say): one lookup for all of them.
 */
export async function readRevisions(
  git: Git,
  notesRef: string,
  revisions: string[],
  opts: Pick<LoadOptions, 'prefetch'>,
  damaged: DamagedNote[],
): Promise<FlightRecord[]> {
  const blobs = await noteBlobs(git, notesRef, revisions);
  const found = revisions
    .filter((c) => blobs.has(c))
    .map((c) => ({ commit: c, blob: blobs.get(c)! }));
  return (await readNotes(git, notesRef, found, opts, damaged)).flat();
}
