/**
 * Flight records as git notes in a notes ref of tributary's own, one note per tested revision
 * holding every flight of it (JSON Lines, see flight.ts). Lookups are by commit id through the
 * notes tree, so reading a record costs the same with ten notes or ten thousand.
 */
import type { Git } from '../git.js';
import { parseFlightNote, type FlightRecord } from '../flight.js';

export const DEFAULT_NOTES_REF = 'refs/notes/tributary/flights';

export async function readNoteText(
  git: Git,
  notesRef: string,
  commit: string,
): Promise<string | undefined> {
  return git.readNote(notesRef, commit);
}

/** Every flight recorded on a commit, oldest first. */
export async function readFlights(
  git: Git,
  notesRef: string,
  commit: string,
): Promise<FlightRecord[]> {
  const text = await readNoteText(git, notesRef, commit);
  return text ? parseFlightNote(text, `note ${notesRef} on ${commit}`) : [];
}

/**
 * Every flight recorded on each of many commits (a bisection range, say): one `git ls-tree`
 * of the notes tree per 500 commits and one `git cat-file --batch` for all the notes found,
 * so reading a thousand commits' notes is a few processes, not a thousand. Commits without a
 * note are absent from the map; a damaged note is an error naming it.
 */
export async function readFlightsOf(
  git: Git,
  notesRef: string,
  commits: string[],
): Promise<Map<string, FlightRecord[]>> {
  const blobs = await git.noteBlobs(notesRef, [...new Set(commits)]);
  const texts = await git.readBlobs(blobs.values());
  const found = new Map<string, FlightRecord[]>();
  for (const [commit, blob] of blobs) {
    // A blob the batch could not read: read alone, its error is the note's.
    const text = texts.get(blob) ?? (await git.readBlob(blob));
    found.set(commit, parseFlightNote(text, `note ${notesRef} on ${commit}`));
  }
  return found;
}

export interface FoundBaseline {
  /** The commit whose note holds the baseline. */
  commit: string;
  kind: 'head' | 'ancestor';
  /** The latest flight recorded on it that the gate let through (else its latest flight). */
  record: FlightRecord;
  /** How many first-parent commits were looked at. */
  walked: number;
}

/**
 * The baseline of a gate: the record on the tested head, else on its nearest first-parent
 * ancestor within `maxWalk` commits (history from before tributary, a push by hand).
 */
export async function findBaseline(
  git: Git,
  notesRef: string,
  head: string,
  maxWalk: number,
): Promise<FoundBaseline | undefined> {
  let commits = [head];
  let blobs = await git.noteBlobs(notesRef, commits);
  if (!blobs.size && maxWalk > 1) {
    commits = await git.firstParents(head, maxWalk);
    blobs = await git.noteBlobs(notesRef, commits);
  }
  const commit = commits.find((c) => blobs.has(c));
  if (!commit) return undefined;
  const flights = parseFlightNote(
    await git.readBlob(blobs.get(commit)!),
    `note ${notesRef} on ${commit}`,
  );
  if (!flights.length) return undefined;
  // The flight that let the head through is the one its descendants were judged against.
  const record =
    [...flights].reverse().find((f) => f.decision?.pushed) ?? flights[flights.length - 1];
  return {
    commit,
    kind: commit === head ? 'head' : 'ancestor',
    record,
    walked: commits.indexOf(commit) + 1,
  };
}

/**
 * Writes (replaces) a commit's note as one more commit of the notes ref, and returns that
 * commit; the ref moves only from the value it had, so a concurrent writer is not overwritten.
 */
export function writeNote(
  git: Git,
  notesRef: string,
  commit: string,
  text: string,
): Promise<string> {
  return git.writeNote(notesRef, commit, text, `tributary: flight record on ${commit}`);
}
