/**
 * The gate's reads of the hosted tree, apart from its writes (publish.ts): its own clone made a
 * partial clone of the hosted tree; the tested and staging branches, the allow list's branch
 * and the flight notes fetched into it; whether staging carried the revision; the baseline
 * and the other flights of the revision.
 */
import { ConfigurationError } from '../errors.js';
import { FlightNotes, readFlights } from '../flight-notes.js';
import type { FlightRecord } from '../flight.js';
import type { Git, Remote } from '../git.js';
import type { AllowListSource } from './allow-list.js';
import type { Baseline } from './decide.js';
import { NotCarried, type GateSettings } from './model.js';
import { findBaseline } from './notes.js';

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

/** The heads the gate judges against, as fetched in this run. */
export interface FetchedTree {
  testedHead: string;
  /** Undefined when the staging branch does not exist. */
  stagingHead?: string;
  /** The allow list's branch head; undefined when the branch does not exist. */
  allowHead?: string;
}

/** Where the gate's clone keeps the allow list's branch, apart from the branches it judges. */
const ALLOW_REF = 'refs/tributary/allow-list';

/**
 * A local repository with the hosted tree's tested and staging branches (commits only), the
 * allow list's branch and the notes. The revision is never fetched by id: what staging does
 * not carry is not the gate's to push.
 */
export async function fetchTree(
  s: GateSettings,
  git: Git,
  allowSource: AllowListSource,
): Promise<FetchedTree> {
  const tested = `refs/heads/${s.tested}`;
  const staging = `refs/heads/${s.staging}`;
  const allow = `refs/heads/${allowSource.branch}`;
  const refs = await git.lsRemote(s.remote, [tested, staging, allow]);
  if (!refs.has(tested))
    throw new ConfigurationError(
      'tested',
      `The tested branch '${s.tested}' does not exist in ${s.remote}: create it at the last revision that passed.`,
    );
  const local = (branch: string) => `refs/remotes/hosted/${branch}`;
  const specs = [`+${tested}:${local(s.tested)}`];
  if (refs.has(staging)) specs.push(`+${staging}:${local(s.staging)}`);
  if (refs.has(allow)) specs.push(`+${allow}:${ALLOW_REF}`);
  // Commits only: the ancestry check and the baseline walk read nothing else, so the fetch
  // stays small however long the history (a server without partial clone sends it all); the
  // allow list's tree and file come when read.
  const hosted = await usePartialClone(git, { url: s.remote });
  await git.fetch(hosted, specs, { filter: 'tree:0', retries: 3 });
  await fetchNotes(git, { url: s.remote }, s.notesRef);
  return {
    testedHead: (await git.commitOf(local(s.tested)))!,
    stagingHead: refs.has(staging) ? await git.commitOf(local(s.staging)) : undefined,
    allowHead: refs.has(allow) ? await git.commitOf(ALLOW_REF) : undefined,
  };
}

/**
 * The revision must be the tested head itself (a baseline flight of it) or reachable from the
 * staging head fetched in this run (a dispatched retry of an older staging commit is).
 */
export async function checkCarried(
  s: GateSettings,
  git: Git,
  revision: string,
  tree: FetchedTree,
): Promise<void> {
  if (revision === tree.testedHead) return;
  if (
    tree.stagingHead &&
    (await git.commitOf(revision)) &&
    (await git.isAncestor(revision, tree.stagingHead))
  )
    return;
  const where = tree.stagingHead
    ? `'${s.staging}' (head ${tree.stagingHead} as fetched now)`
    : `'${s.staging}', which does not exist in ${s.remote},`;
  throw new NotCarried(
    revision,
    s.staging,
    `Revision ${revision} is not on ${where} nor is it ${s.tested}'s head ${tree.testedHead}: the gate pushes only what ${s.staging} carried. Nothing pushed, nothing recorded.`,
  );
}

export interface GateContext {
  testedHead: string;
  baseline?: Baseline;
  sameRevision: FlightRecord[];
}

/** Reads what the decision needs from the notes: O(1) notes, whatever the length of history. */
export async function loadContext(
  s: GateSettings,
  git: Git,
  revision: string,
  testedHead: string,
): Promise<GateContext> {
  const found = await findBaseline(git, s.notesRef, testedHead, s.maxWalk);
  const sameRevision = await readFlights(git, s.notesRef, revision);
  return {
    testedHead,
    baseline: found ? { record: found.record, kind: found.kind } : undefined,
    sameRevision,
  };
}
