/**
 * Flight records as git notes in a notes ref of tributary's own, one note per tested revision
 * holding every flight of it (JSON Lines, see flight.ts). Lookups are by commit id through the
 * notes tree, so reading a record costs the same with ten notes or ten thousand.
 */
import type { Git } from '../git.js';
import { parseFlightNote, type FlightRecord } from '../flight.js';

export const DEFAULT_NOTES_REF = 'refs/notes/tributary/flights';

/** The paths a commit's note can have in a notes tree, by the fanout git chose. */
function notePaths(commit: string): string[] {
  return [
    commit,
    `${commit.slice(0, 2)}/${commit.slice(2)}`,
    `${commit.slice(0, 2)}/${commit.slice(2, 4)}/${commit.slice(4)}`,
  ];
}

/**
 * The note blob of each commit, in one `cat-file --batch-check` whatever the number of
 * commits, so a bounded ancestor walk is one process, not one per commit.
 */
export async function noteBlobs(
  git: Git,
  notesRef: string,
  commits: string[],
): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  if (!commits.length || !(await git.revParse(notesRef))) return found;
  const queries = commits.flatMap((c) => notePaths(c).map((p) => `${notesRef}:${p}`));
  const out = await git.run(['cat-file', '--batch-check=%(objectname) %(objecttype) %(rest)'], {
    input:
      queries.map((q) => `${q} ${q.slice(notesRef.length + 1).replace(/\//g, '')}`).join('\n') +
      '\n',
  });
  for (const line of out.split('\n')) {
    const m = /^([0-9a-f]{40,64}) blob ([0-9a-f]{40,64})$/.exec(line);
    if (m && !found.has(m[2])) found.set(m[2], m[1]);
  }
  return found;
}

export async function readNoteText(
  git: Git,
  notesRef: string,
  commit: string,
): Promise<string | undefined> {
  const blob = (await noteBlobs(git, notesRef, [commit])).get(commit);
  return blob ? git.run(['cat-file', 'blob', blob]) : undefined;
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
  let blobs = await noteBlobs(git, notesRef, commits);
  if (!blobs.size && maxWalk > 1) {
    commits = (await git.run(['rev-list', '--first-parent', `--max-count=${maxWalk}`, head]))
      .split('\n')
      .filter(Boolean);
    blobs = await noteBlobs(git, notesRef, commits);
  }
  const commit = commits.find((c) => blobs.has(c));
  if (!commit) return undefined;
  const flights = parseFlightNote(
    await git.run(['cat-file', 'blob', blobs.get(commit)!]),
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

/** Writes (replaces) a commit's note, content verbatim, as one more commit of the notes ref. */
export async function writeNote(
  git: Git,
  notesRef: string,
  commit: string,
  text: string,
): Promise<void> {
  const blob = await git.run(['hash-object', '-w', '--stdin'], { input: text });
  await git.run(['notes', `--ref=${notesRef}`, 'add', '--force', '-C', blob, commit]);
}
