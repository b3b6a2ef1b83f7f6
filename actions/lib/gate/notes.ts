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
 * The note blob of each commit, from one `git ls-tree` of the notes tree whatever the number
 * of commits, so a bounded ancestor walk is one process, not one per commit. It reads trees
 * only: in a partial clone (notes fetched without their blobs) nothing is downloaded here.
 */
export async function noteBlobs(
  git: Git,
  notesRef: string,
  commits: string[],
): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  if (!commits.length || !(await git.revParse(notesRef))) return found;
  const out = await git.run([
    'ls-tree',
    '-r',
    '--full-tree',
    notesRef,
    '--',
    ...commits.flatMap(notePaths),
  ]);
  for (const line of out.split('\n')) {
    const m = /^\d+ blob ([0-9a-f]{40,64})\t(.+)$/.exec(line);
    if (m) found.set(m[2].replace(/\//g, ''), m[1]);
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
  const blobs = new Map<string, string>();
  const unique = [...new Set(commits)];
  // ls-tree takes the paths as arguments: chunks keep the command line well under its limit.
  for (let i = 0; i < unique.length; i += 500)
    for (const [commit, blob] of await noteBlobs(git, notesRef, unique.slice(i, i + 500)))
      blobs.set(commit, blob);
  const found = new Map<string, FlightRecord[]>();
  if (!blobs.size) return found;
  const order = [...blobs.entries()];
  const r = await git.exec(['cat-file', '--batch'], {
    input: order.map(([, blob]) => blob).join('\n') + '\n',
  });
  // Sizes are in bytes: the notes are tributary's JSON, valid UTF-8, so the text decoded by
  // the funnel encodes back to the very bytes git wrote.
  const out = Buffer.from(r.stdout, 'utf8');
  let at = 0;
  for (const [commit] of order) {
    const eol = out.indexOf(0x0a, at);
    const header = out.subarray(at, eol).toString('utf8').split(' ');
    const size = Number(header[2]);
    if (header[1] !== 'blob' || !Number.isInteger(size))
      throw new Error(`git cat-file --batch: unexpected header '${header.join(' ')}'`);
    const text = out.subarray(eol + 1, eol + 1 + size).toString('utf8');
    at = eol + 1 + size + 1;
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

interface TreeEntry {
  mode: string;
  type: string;
  oid: string;
  name: string;
}

async function readTree(git: Git, tree: string | undefined): Promise<TreeEntry[]> {
  if (!tree) return [];
  const out = await git.run(['ls-tree', '-z', tree]);
  return out
    .split('\0')
    .filter(Boolean)
    .map((line) => {
      const tab = line.indexOf('\t');
      const [mode, type, oid] = line.slice(0, tab).split(' ');
      return { mode, type, oid, name: line.slice(tab + 1) };
    });
}

/**
 * The tree `tree` with the note `name` (the commit id, less the fanout directories above)
 * set to `blob`, keeping the fanout the tree already has: only the trees on the note's path
 * are read and written, never the whole notes tree.
 */
async function putNote(
  git: Git,
  tree: string | undefined,
  name: string,
  blob: string,
): Promise<string> {
  const entries = await readTree(git, tree);
  const fanned = entries.some((e) => e.type === 'tree' && /^[0-9a-f]{2}$/.test(e.name));
  const own = entries.findIndex((e) => e.type === 'blob' && e.name === name);
  if (own >= 0) entries[own] = { ...entries[own], oid: blob };
  else if (fanned && name.length > 2) {
    const dir = name.slice(0, 2);
    const i = entries.findIndex((e) => e.type === 'tree' && e.name === dir);
    const sub = await putNote(git, i >= 0 ? entries[i].oid : undefined, name.slice(2), blob);
    const entry = { mode: '040000', type: 'tree', oid: sub, name: dir };
    if (i >= 0) entries[i] = entry;
    else entries.push(entry);
  } else entries.push({ mode: '100644', type: 'blob', oid: blob, name });
  // --missing: in a partial clone the other notes' blobs are not here, and need not be.
  return git.run(['mktree', '-z', '--missing'], {
    input: entries.map((e) => `${e.mode} ${e.type} ${e.oid}\t${e.name}\0`).join(''),
  });
}

/**
 * Writes (replaces) a commit's note, content verbatim, as one more commit of the notes ref.
 * Unlike `git notes add`, which rewrites every note of the tree, this touches only the trees
 * on the note's path, so recording costs the same with ten notes or ten thousand.
 */
export async function writeNote(
  git: Git,
  notesRef: string,
  commit: string,
  text: string,
): Promise<void> {
  const blob = await git.run(['hash-object', '-w', '--stdin'], { input: text });
  const parent = await git.revParse(notesRef);
  const tree = await putNote(git, parent ? `${parent}^{tree}` : undefined, commit, blob);
  const next = await git.run([
    'commit-tree',
    tree,
    ...(parent ? ['-p', parent] : []),
    '-m',
    `tributary: flight record on ${commit}`,
  ]);
  // Moves the ref only from the commit read above: a concurrent writer is not overwritten.
  await git.run(['update-ref', notesRef, next, parent ?? '']);
}
