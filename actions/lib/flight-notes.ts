/**
 * Flight records as git notes: the one reader and writer of them (flight.ts is the record's
 * format). One note per tested revision holds every flight of it, one record a line (JSON
 * Lines), oldest first; lookups go through the notes tree by commit id, so reading a record
 * costs the same with ten notes or ten thousand. The gate, the pin mode, the history page,
 * bisection and the watch all read through here, each from its own notes ref below.
 *
 * A record that does not parse is never dropped silently. A strict reader (the gate, the
 * bisection: they must not judge by a record they cannot read) throws an error naming the
 * note; a lenient one (the pin, the history page) keeps the note's other records, warns
 * naming the commit and the notes ref, and counts it in `damaged`.
 */
import {
  appendFlightNote,
  parseFlightNote,
  parseFlightRecord,
  type FlightRecord,
} from './flight.js';
import type { Git, Remote } from './git.js';
import type { Logger } from './log.js';

/** Where the push gate records its flights (and the pin mode reads which revisions passed). */
export const FLIGHT_NOTES_REF = 'refs/notes/tributary/flights';
/** Where the watch (and bisection) records flights of a watched tree. */
export const WATCH_NOTES_REF = 'refs/notes/tributary/watch';

export interface DamagedRecord {
  notesRef: string;
  /** The commit the note is attached to. */
  commit: string;
  /** The line of the note (1-based) that does not parse; 0 when the note could not be read. */
  line: number;
  error: string;
}

/** Where a note is, for messages: `note refs/notes/x on <commit>`. */
export const noteName = (notesRef: string, commit: string) => `note ${notesRef} on ${commit}`;

/** A note's records, line by line; the lines that do not parse are returned as damaged. */
export function parseNote(
  text: string,
  notesRef: string,
  commit: string,
): { records: FlightRecord[]; damaged: DamagedRecord[] } {
  const records: FlightRecord[] = [];
  const damaged: DamagedRecord[] = [];
  for (const [i, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (!line) continue;
    try {
      records.push(parseFlightRecord(line, `${noteName(notesRef, commit)} line ${i + 1}`));
    } catch (e) {
      damaged.push({
        notesRef,
        commit,
        line: i + 1,
        error: e instanceof Error ? e.message : String(e),
      });
    }
  }
  return { records, damaged };
}

export interface FlightNotesOptions {
  /** Throw on a damaged record (the default) instead of warning and counting it. */
  strict?: boolean;
  logger?: Pick<Logger, 'warning'>;
  /**
   * How messages name the notes ref, when the local ref is a copy under another name (the
   * pin mode fetches the hosted tree's refs/notes/tributary/flights to a ref of its own).
   */
  shownAs?: string;
}

/** The flight records of one notes ref in a local repository. */
export class FlightNotes {
  /** The records that did not parse, in a lenient reader (a strict one throws instead). */
  readonly damaged: DamagedRecord[] = [];

  constructor(
    readonly git: Git,
    readonly notesRef: string,
    private readonly options: FlightNotesOptions = {},
  ) {}

  private get shown(): string {
    return this.options.shownAs ?? this.notesRef;
  }

  /** The records of a note's text; damaged lines thrown (strict) or reported. */
  records(text: string, commit: string): FlightRecord[] {
    // Strict: the record's own error (a ConfigurationError naming the note, line and field).
    if (this.options.strict !== false) return parseFlightNote(text, noteName(this.shown, commit));
    const { records, damaged } = parseNote(text, this.shown, commit);
    for (const d of damaged) {
      this.damaged.push(d);
      this.options.logger?.warning(
        `A flight record in ${d.notesRef} on ${d.commit} (line ${d.line}) cannot be read and is left out: ${d.error}`,
      );
    }
    return records;
  }

  /** The note's text on a commit, or undefined. */
  text(commit: string): Promise<string | undefined> {
    return this.git.readNote(this.notesRef, commit);
  }

  /** Every flight recorded on a commit, oldest first. */
  async read(commit: string): Promise<FlightRecord[]> {
    const text = await this.text(commit);
    return text ? this.records(text, commit) : [];
  }

  /**
   * Every flight recorded on each of many commits (a bisection range, a page of history):
   * one `git ls-tree` of the notes tree per 500 commits and one `git cat-file --batch` for all
   * the notes found, so a thousand commits' notes are a few processes. Commits without a note
   * are absent from the map. `prefetch` brings the blobs a partial clone lacks, all at once.
   */
  async readMany(
    commits: string[],
    prefetch?: (blobs: string[]) => Promise<void>,
  ): Promise<Map<string, FlightRecord[]>> {
    const unique = [...new Set(commits)];
    const blobs = await this.git.noteBlobs(this.notesRef, unique);
    const notes = unique
      .filter((c) => blobs.has(c))
      .map((c) => ({ commit: c, blob: blobs.get(c)! }));
    const records = await this.readNotes(notes, prefetch);
    return new Map(notes.map((n, i) => [n.commit, records[i]]));
  }

  /**
   * The records of notes already found (`Git.noteBlobs`), in their order: one
   * `git cat-file --batch` for all of them. A lenient reader reports a note it cannot read at
   * all (a blob missing) like a damaged record and gives it no records.
   */
  async readNotes(
    notes: { commit: string; blob: string }[],
    prefetch?: (blobs: string[]) => Promise<void>,
  ): Promise<FlightRecord[][]> {
    if (!notes.length) return [];
    await prefetch?.(notes.map((n) => n.blob));
    const texts = await this.git.readBlobs(notes.map((n) => n.blob));
    const out: FlightRecord[][] = [];
    for (const { commit, blob } of notes) {
      let text = texts.get(blob);
      try {
        // A blob the batch could not read: read alone, its error is the note's.
        text ??= await this.git.readBlob(blob);
      } catch (e) {
        if (this.options.strict !== false) throw e;
        const error = `${noteName(this.shown, commit)}: ${e instanceof Error ? e.message : String(e)}`;
        this.damaged.push({ notesRef: this.shown, commit, line: 0, error });
        this.options.logger?.warning(`A flight note cannot be read and is left out: ${error}`);
        out.push([]);
        continue;
      }
      out.push(this.records(text, commit));
    }
    return out;
  }

  /**
   * Writes (replaces) a commit's note as one more commit of the notes ref, moved only from the
   * value it had, and returns that commit. History reads the note's commit from its subject.
   */
  write(commit: string, text: string): Promise<string> {
    return this.git.writeNote(this.notesRef, commit, text, `tributary: flight record on ${commit}`);
  }

  /** Appends a record to its revision's note (locally; publishing is the writer's push). */
  async append(record: FlightRecord): Promise<string> {
    const existing = (await this.text(record.revision)) ?? '';
    return this.write(record.revision, appendFlightNote(existing, record));
  }

  /**
   * Fetches the notes ref as it is now on the remote (forced: ours is only ever a copy), or
   * deletes ours when the remote has none; returns the remote tip. With `promisor` (making the
   * repository a partial clone of the remote, it gives the remote's name there), only the tip
   * commit and trees come (depth 1, no blobs): the notes read later are fetched when read.
   */
  async fetch(remote: Remote, promisor?: () => Promise<string>): Promise<string | undefined> {
    const tip = (await this.git.lsRemote(remote.url, [this.notesRef])).get(this.notesRef);
    if (!tip) {
      await this.git.deleteRef(this.notesRef);
      return undefined;
    }
    const spec = [`+${this.notesRef}:${this.notesRef}`];
    if (promisor)
      await this.git.fetch(await promisor(), spec, { depth: 1, filter: 'blob:none', retries: 3 });
    else await this.git.fetch(remote.url, spec, { retries: 3 });
    return tip;
  }
}

/** Every flight recorded on a commit (a strict read). */
export function readFlights(git: Git, notesRef: string, commit: string): Promise<FlightRecord[]> {
  return new FlightNotes(git, notesRef).read(commit);
}

/** Every flight recorded on each of many commits (a strict read). */
export function readFlightsOf(
  git: Git,
  notesRef: string,
  commits: string[],
): Promise<Map<string, FlightRecord[]>> {
  return new FlightNotes(git, notesRef).readMany(commits);
}

/** Writes (replaces) a commit's note; returns the notes ref's new commit. */
export function writeNote(git: Git, notesRef: string, commit: string, text: string) {
  return new FlightNotes(git, notesRef).write(commit, text);
}

/** The note's text on a commit, or undefined. */
export function readNoteText(git: Git, notesRef: string, commit: string) {
  return git.readNote(notesRef, commit);
}
