/**
 * The gate's reads of the hosted tree, apart from its writes (publish.ts): its own clone made a
 * partial clone of the hosted tree, and the flight notes fetched into it.
 */
import { FlightNotes } from '../flight-notes.js';
import type { Git, Remote } from '../git.js';

/** The remote name of the hosted tree in the gate's own clone (its URL carries no token). */
const HOSTED = 'hosted';

/**
 * Makes the gate's clone a partial clone of the hosted tree (remote `hosted`, a promisor):
 * objects it leaves out are fetched when something reads them, with the same credentials.
 */
export async function usePartialClone(git: Git, remote: Remote): Promise<string> {
  await git.usePromisorRemote(HOSTED, remote.url, 'blob:none');
  return HOSTED;
}

/**
 * Fetches the notes ref as it is now on the remote (forced: ours is only ever a copy). Only
 * its tip commit and trees come (depth 1, no blobs), so the fetch does not carry every record
 * ever made: the two or three notes the gate reads are fetched when read. A server without
 * partial clone sends everything.
 */
export async function fetchNotes(
  git: Git,
  remote: Remote,
  notesRef: string,
): Promise<string | undefined> {
  return new FlightNotes(git, notesRef).fetch(remote, () => usePartialClone(git, remote));
}
