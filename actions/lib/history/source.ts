/**
 * Which flights a history page shows, read from the notes newest first and only as far back as
 * the requested pages reach: a tree's branch (its first-parent line, each revision's note) or a
 * watch series (the notes ref's own log, newest change first, each note's records of that
 * series). Reading stops once enough flights are found, so a page costs the same with a
 * hundred flights recorded or ten thousand. Notes are found and parsed by the notes module
 * (actions/lib/flight-notes.ts); a record that does not parse is reported, never dropped silently.
 */
import { FlightNotes } from '../flight-notes.js';
import type { FlightRecord } from '../flight.js';
import type { Git } from '../git.js';

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

/** Reads the notes (commit, blob) in their order; a note that does not parse is collected. */
export async function readNotes(
  git: Git,
  notesRef: string,
  blobs: { commit: string; blob: string }[],
  opts: Pick<LoadOptions, 'prefetch'>,
  damaged: DamagedNote[],
): Promise<FlightRecord[][]> {
  // Lenient: a damaged record is collected (the page lists it), the note's others shown.
  const notes = new FlightNotes(git, notesRef, { strict: false });
  const out = await notes.readNotes(blobs, opts.prefetch);
  damaged.push(...notes.damaged);
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
 * How many commits (or notes) to look up next: what is still wanted, scaled by how many
 * flights each one gave so far (commits without a note, notes of other series), with a margin
 * so that one round is usually enough (each round reads the notes tree once); twice as many
 * as before while none gave anything.
 */
function nextBatch(count: number, found: number, looked: number): number {
  const wanted = count + 1 - found;
  const size = !looked
    ? Math.ceil(wanted * 1.25) + 8
    : !found
      ? looked * 2
      : Math.ceil((wanted * looked * 1.25) / found) + 8;
  return Math.min(4096, Math.max(16, size));
}

async function loadBranch(
  git: Git,
  source: Extract<HistorySource, { kind: 'branch' }>,
  opts: LoadOptions,
  result: LoadedFlights,
): Promise<void> {
  if (!(await git.revParse(source.notesRef))) return;
  let batch: string[] = [];
  let looked = 0;
  let size = nextBatch(opts.count, 0, 0);
  const flush = async () => {
    looked += batch.length;
    const blobs = await git.noteBlobs(source.notesRef, batch);
    const found = batch
      .filter((c) => blobs.has(c))
      .map((c) => ({ commit: c, blob: blobs.get(c)! }));
    batch = [];
    const notes = await readNotes(git, source.notesRef, found, opts, result.damaged);
    result.notesRead += found.length;
    // A note holds its revision's flights oldest first.
    for (const records of notes) result.records.push(...[...records].reverse());
    size = nextBatch(opts.count, result.records.length, looked);
    return result.records.length > opts.count;
  };
  // Streamed: git is stopped as soon as enough flights are found.
  for await (const commit of git.walkFirstParents(source.head)) {
    batch.push(commit);
    if (batch.length >= size && (await flush())) return;
  }
  if (batch.length) await flush();
}

/** The subject the notes module gives the notes commit of each record it writes. */
export const RECORD_SUBJECT = /^tributary: flight record on ([0-9a-f]{40}(?:[0-9a-f]{24})?)$/;

/** The notes each of `notesCommits` added or changed (one `git diff-tree` for all of them). */
async function notesChangedBy(git: Git, notesCommits: string[]): Promise<Map<string, string[]>> {
  const changed = new Map<string, string[]>();
  for (const [notesCommit, paths] of await git.pathsWritten(notesCommits))
    changed.set(
      notesCommit,
      // A note's path is the commit id with fanout slashes; anything else is not a note.
      paths.map((p) => p.replace(/\//g, '')).filter((c) => /^[0-9a-f]{40}([0-9a-f]{24})?$/.test(c)),
    );
  return changed;
}

/**
 * A series' flights in the order they were recorded: the notes ref's own log, newest first,
 * names the notes as they changed; a note's first appearance is its latest change. Commits
 * only are read (the notes module names the note in each commit's subject), so the walk costs
 * nothing per note of the tree; another commit (`git notes add`, a merge) is diffed.
 */
async function loadSeries(
  git: Git,
  source: Extract<HistorySource, { kind: 'series' }>,
  opts: LoadOptions,
  result: LoadedFlights,
): Promise<void> {
  if (!(await git.revParse(source.notesRef))) return;
  const seen = new Set<string>();
  let pending: { note?: string; notesCommit?: string }[] = [];
  let looked = 0;
  let size = nextBatch(opts.count, 0, 0);
  const flush = async () => {
    looked += pending.length;
    const diffed = await notesChangedBy(
      git,
      pending.filter((p) => p.notesCommit).map((p) => p.notesCommit!),
    );
    const order: string[] = [];
    for (const p of pending)
      for (const c of p.note ? [p.note] : (diffed.get(p.notesCommit!) ?? []))
        if (!seen.has(c)) {
          seen.add(c);
          order.push(c);
        }
    pending = [];
    const blobs = await git.noteBlobs(source.notesRef, order);
    const found = order
      .filter((c) => blobs.has(c))
      .map((c) => ({ commit: c, blob: blobs.get(c)! }));
    const notes = await readNotes(git, source.notesRef, found, opts, result.damaged);
    result.notesRead += found.length;
    for (const records of notes)
      for (const r of [...records].reverse()) {
        if (r.series) result.seriesSeen.add(r.series);
        if (r.series === source.series) result.records.push(r);
      }
    size = nextBatch(opts.count, result.records.length, looked);
    return result.records.length > opts.count;
  };
  for await (const { commit, subject } of git.walkFirstParentSubjects(source.notesRef)) {
    const m = RECORD_SUBJECT.exec(subject);
    pending.push(m ? { note: m[1] } : { notesCommit: commit });
    if (pending.length >= size && (await flush())) return;
  }
  if (pending.length) await flush();
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
  const blobs = await git.noteBlobs(notesRef, revisions);
  const found = revisions
    .filter((c) => blobs.has(c))
    .map((c) => ({ commit: c, blob: blobs.get(c)! }));
  return (await readNotes(git, notesRef, found, opts, damaged)).flat();
}
