/**
 * The gate's only writes to the hosted tree, in one atomic push: the tested branch moved by
 * fast-forward to exactly the flight's revision (leased on the head the decision saw) and the
 * flight's note (leased on the notes ref as fetched). After a failed push the gate looks at
 * the hosted tree again and decides from what it finds, whatever the git funnel retried: a
 * note conflict (another gate recorded meanwhile) is fetched, re-applied and pushed again, so
 * no record is ever lost; a tested branch moved to this very revision (another gate of it
 * won) leaves only the note to record; a tested branch moved anywhere else is never retried:
 * nothing is pushed and the error says so.
 */
import { ConfigurationError } from '../errors.js';
import { FlightNotes } from '../flight-notes.js';
import type { FlightRecord } from '../flight.js';
import type { Git, LeasedUpdate, Remote } from '../git.js';
import { fetchNotes } from './hosted.js';

/** The push was refused for a reason a person must look at: the error says which. */
export class PushRefused extends Error {
  constructor(
    message: string,
    readonly why: 'tested-moved' | 'not-descendant',
  ) {
    super(message);
    this.name = 'PushRefused';
  }
}

/** How git says a push lost a race on the server: a ref locked or changed under it. */
const CONTENDED = /cannot lock ref|atomic transaction failed|failed to update ref|stale info/i;

/** Refuses a revision that is not a fast-forward of the tested head. */
export async function checkFastForward(
  git: Git,
  tested: string,
  head: string,
  revision: string,
): Promise<void> {
  if (!(await git.isAncestor(head, revision))) {
    throw new PushRefused(
      `Revision ${revision} does not descend from ${tested}'s head ${head}: moving ${tested} there would not be a fast-forward. Nothing pushed.`,
      'not-descendant',
    );
  }
}

export interface PublishOptions {
  notesRef: string;
  record: FlightRecord;
  /** Move the tested branch too: from `head` (the lease) to `record.revision`. */
  tested?: { branch: string; head: string };
  /** How many times a note conflict is fetched and re-applied. */
  conflictRetries?: number;
  logger?: { info(m: string): void; warning(m: string): void };
}

export interface Published {
  /** How many pushes it took (more than 1: another gate recorded meanwhile). */
  attempts: number;
  /** This push moved the tested branch. */
  moved: boolean;
  /** The tested branch was found at the revision already: only the note was recorded. */
  alreadyThere: boolean;
}

/** Whether a note on the remote already holds this very record (a push that landed unseen). */
async function recorded(git: Git, notesRef: string, record: FlightRecord): Promise<boolean> {
  return (await new FlightNotes(git, notesRef).read(record.revision)).some(
    (r) => r.flight === record.flight && r.recordedAt === record.recordedAt,
  );
}

/**
 * Another gate of this revision moved the branch first: the goal is reached, and what is left
 * is this flight's record, which says so.
 */
function markAlreadyThere(
  record: FlightRecord,
  branch: string,
  logger: PublishOptions['logger'],
): void {
  logger?.info(
    `${branch} was moved to ${record.revision} meanwhile (another gate of this revision): already there; recording the flight.`,
  );
  if (record.decision) {
    record.decision.pushed = false;
    record.decision.reason = `${record.decision.reason ?? 'no regression'}; already there: ${branch} was moved to this revision meanwhile`;
  }
}

/** Pushes the record (and the tested branch, when asked). */
export async function publishFlight(
  git: Git,
  remote: Remote,
  opts: PublishOptions,
): Promise<Published> {
  const { notesRef, record } = opts;
  let tested = opts.tested;
  let alreadyThere = false;
  const tries = (opts.conflictRetries ?? 8) + 1;
  if (tested) await checkFastForward(git, tested.branch, tested.head, record.revision);
  for (let attempt = 1; ; attempt++) {
    const expected = (await git.revParse(notesRef)) ?? '';
    const notes = await new FlightNotes(git, notesRef).append(record);
    const updates: LeasedUpdate[] = [
      { ref: notesRef, sha: notes, expected: expected || undefined },
    ];
    if (tested)
      updates.push({
        ref: `refs/heads/${tested.branch}`,
        sha: record.revision,
        expected: tested.head,
      });
    const r = await git.pushLeased(remote.url, updates, { retries: 3 });
    if (r.ok) return { attempts: attempt, moved: !!tested, alreadyThere };
    // Decide from what the hosted tree holds now, not from how the push failed.
    const branch = opts.tested ? `refs/heads/${opts.tested.branch}` : undefined;
    const now = await git.lsRemote(remote.url, [notesRef, ...(branch ? [branch] : [])]);
    const notesMoved = (now.get(notesRef) ?? '') !== expected;
    if (notesMoved) {
      await fetchNotes(git, remote, notesRef);
      // A push the funnel saw fail may have landed whole (its answer lost, a retry then
      // refused by the lease): it was atomic, so the branch moved with the note.
      if (await recorded(git, notesRef, record))
        return { attempts: attempt, moved: !!tested, alreadyThere };
    }
    let retarget = false;
    if (tested) {
      const head = now.get(branch!);
      if (head === record.revision) {
        markAlreadyThere(record, tested.branch, opts.logger);
        tested = undefined;
        alreadyThere = retarget = true;
      } else if (head !== tested.head) {
        throw new PushRefused(
          `The tested branch ${tested.branch} moved meanwhile: its head was ${tested.head} when the flight was judged and is ${head ?? '(deleted)'} now. Nothing pushed.`,
          'tested-moved',
        );
      }
    }
    // Refused for holding a lock another push had, before that push landed: nothing to see
    // yet, and the leases keep a second try safe.
    const busy = !notesMoved && !retarget && CONTENDED.test(r.output);
    if ((!notesMoved && !retarget && !busy) || attempt >= tries) {
      throw new ConfigurationError(
        'push',
        `Pushing the flight record${tested ? ` and ${tested.branch}` : ''} failed (attempt ${attempt}): ${r.output.split('\n').slice(-4).join(' / ')}`,
      );
    }
    if (busy) {
      opts.logger?.info(
        `The hosted tree was busy with another push; trying again (attempt ${attempt + 1}).`,
      );
      await fetchNotes(git, remote, notesRef); // undoes the local note commit
    } else if (notesMoved)
      opts.logger?.info(
        `Another gate recorded a flight meanwhile; fetching ${notesRef} and recording again (attempt ${attempt + 1}).`,
      );
  }
}
