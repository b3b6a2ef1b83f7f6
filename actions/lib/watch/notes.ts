/**
 * The series' flights in the watched tree's hosted repository, read as little as possible:
 * the previous watch flight of a series is the newest record of it in the notes ref's log, so
 * only the log's newest commits are fetched (commits only, a shallow fetch deepened while
 * nothing of the series is found), then the trees and the notes they name, a request each. The cost follows the
 * distance to the previous flight, not the number of flights recorded.
 */
import type { FlightRecord } from '../flight.js';
import type { Git, Remote } from '../git.js';
import type { Logger } from '../log.js';
import { readFlightsOf } from '../flight-notes.js';
import { usePartialClone } from '../gate/index.js';
import { loadFlights, prefetchBlobs, RECORD_SUBJECT } from '../history/index.js';

/** How many of the notes log's newest commits the first fetch brings. */
const FIRST_DEPTH = 32;

/**
 * Fetches the notes ref's newest `depth` commits (no trees, no blobs), then the trees on the
 * paths of the notes they name and of the watched revision's, nothing else (fetchNoteTrees);
 * whether that is all of the log.
 */
async function fetchLog(
  git: Git,
  remote: Remote,
  notesRef: string,
  depth: number,
  revision: string,
): Promise<{ tip?: string; complete: boolean }> {
  const tip = (await git.lsRemote(remote.url, [notesRef])).get(notesRef);
  if (!tip) {
    await git.deleteRef(notesRef);
    return { complete: true };
  }
  const hosted = await usePartialClone(git, remote);
  await git.fetch(hosted, [`+${notesRef}:${notesRef}`], { depth, filter: 'tree:0', retries: 3 });
  const named = [revision];
  for await (const { subject } of git.walkFirstParentSubjects(notesRef)) {
    const m = RECORD_SUBJECT.exec(subject);
    if (m) named.push(m[1]);
  }
  await git.fetchNoteTrees(hosted, notesRef, [...new Set(named)]);
  return { tip, complete: (await git.countCommits(notesRef)) < depth };
}

export interface SeriesNotes {
  /** The newest watch flight of the series (bisection flights are not compared with). */
  previous?: FlightRecord;
  /** Every flight recorded on the watched revision (any series). */
  sameRevision: FlightRecord[];
  /** How many commits of the notes log were fetched, and notes read: the lookup's cost. */
  depth: number;
  notesRead: number;
}

/** Reads what the comparison needs from the notes: the previous flight, the revision's flights. */
export async function readSeriesNotes(
  git: Git,
  remote: Remote,
  notesRef: string,
  series: string,
  revision: string,
  logger: Logger,
): Promise<SeriesNotes> {
  const prefetch = (blobs: string[]) => prefetchBlobs(git, remote, blobs);
  let depth = FIRST_DEPTH;
  let count = 1;
  let notesRead = 0;
  let previous: FlightRecord | undefined;
  for (;;) {
    const { tip, complete } = await fetchLog(git, remote, notesRef, depth, revision);
    if (!tip) return { sameRevision: [], depth: 0, notesRead };
    const loaded = await loadFlights(
      git,
      { kind: 'series', series, notesRef },
      { count, prefetch },
    );
    notesRead += loaded.notesRead;
    for (const d of loaded.damaged)
      logger.warning(`A damaged flight record on ${d.commit} is left out: ${d.error}`);
    previous = loaded.records.find((r) => (r.purpose ?? 'watch') === 'watch');
    if (previous) break;
    // The series' newest records are all a bisection's: read further back.
    if (loaded.more) count *= 4;
    else if (complete) break;
    else depth *= 8;
  }
  const sameRevision = (await readFlightsOf(git, notesRef, [revision])).get(revision) ?? [];
  return { previous, sameRevision, depth, notesRead: notesRead + 1 };
}
