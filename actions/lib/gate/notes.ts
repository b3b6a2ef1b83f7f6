/**
 * The gate's baseline, found in the flight notes (read through actions/lib/flight-notes.ts):
 * the record on the tested head, else on its nearest first-parent ancestor that has one.
 */
import { FlightNotes } from '../flight-notes.js';
import type { FlightRecord } from '../flight.js';
import type { Git } from '../git.js';

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
 * ancestor within `maxWalk` commits (history from before tributary, a push by hand). O(1)
 * notes read, whatever the length of history: one lookup of the head, then one of the walk.
 */
export async function findBaseline(
  git: Git,
  notesRef: string,
  head: string,
  maxWalk: number,
): Promise<FoundBaseline | undefined> {
  const notes = new FlightNotes(git, notesRef);
  let commits = [head];
  let blobs = await git.noteBlobs(notesRef, commits);
  if (!blobs.size && maxWalk > 1) {
    commits = await git.firstParents(head, maxWalk);
    blobs = await git.noteBlobs(notesRef, commits);
  }
  const commit = commits.find((c) => blobs.has(c));
  if (!commit) return undefined;
  const flights = notes.records(await git.readBlob(blobs.get(commit)!), commit);
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
