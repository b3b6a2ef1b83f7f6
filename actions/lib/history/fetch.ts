/**
 * What a history page needs from the hosted tree, in a scratch partial clone: for a branch,
 * its commits (no trees, no blobs) and the notes ref's tip without blobs; for a watch series,
 * the notes ref's commits (their log orders the flights; the tip's trees come when read). The
 * notes shown are then fetched in one request, not one per note.
 */
import { ConfigurationError } from '../errors.js';
import type { Git, Remote } from '../git.js';
import { fetchNotes, usePartialClone } from '../gate/index.js';

export type Wanted = { kind: 'branch'; branch: string } | { kind: 'series' };

/** Fetches what the source needs; returns the branch's head (branch) and the notes' tip. */
export async function fetchHistorySource(
  git: Git,
  remote: Remote,
  wanted: Wanted,
  notesRef: string,
): Promise<{ head?: string; notes?: string }> {
  const hosted = await usePartialClone(git, remote);
  if (wanted.kind === 'branch') {
    const ref = `refs/heads/${wanted.branch}`;
    const head = (await git.lsRemote(remote.url, [ref])).get(ref);
    if (!head)
      throw new ConfigurationError(
        'branch',
        `The branch '${wanted.branch}' does not exist in ${remote.url}.`,
      );
    await git.fetch(hosted, [`+${ref}:refs/remotes/hosted/${wanted.branch}`], {
      filter: 'tree:0',
      retries: 3,
    });
    return { head, notes: await fetchNotes(git, remote, notesRef) };
  }
  const notes = (await git.lsRemote(remote.url, [notesRef])).get(notesRef);
  // Commits only: their subjects order the flights; the tip's tree comes when it is read.
  if (notes)
    await git.fetch(hosted, [`+${notesRef}:${notesRef}`], { filter: 'tree:0', retries: 3 });
  return { notes };
}

/**
 * Brings the given blobs in one fetch, as git's own lazy fetch does for one object at a time.
 * A server that refuses objects by id leaves them to that lazy fetch: slower, still right.
 */
export async function prefetchBlobs(git: Git, remote: Remote, blobs: string[]): Promise<void> {
  if (!blobs.length) return;
  const hosted = await usePartialClone(git, remote);
  await git.fetchObjects(hosted, blobs, { filter: 'blob:none', retries: 3 });
}
