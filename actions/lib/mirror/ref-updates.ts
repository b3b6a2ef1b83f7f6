/**
 * What a mirror run does to each hosted ref, decided by pure functions from both sides' refs:
 * create, fast-forward, refuse a rewrite or a moved tag (or follow it, keeping a backup ref),
 * prune. The decision always compares the upstream's refs with the destination's actual refs
 * (its `ls-remote`), never with the cache, so a stale cache can cost a fetch but never cause a
 * wrong push. The one fact it needs from objects (is the new head a fast-forward of the hosted
 * one?) is gathered by the store sync (store.ts) and handed in.
 */
import { TAGS, type RefMapper } from './refs.js';

export type UpdateAction =
  'created' | 'updated' | 'deleted' | 'rewritten' | 'refused' | 'unchanged';

export interface RefUpdate {
  /** The hosted ref. */
  ref: string;
  /** The upstream ref it mirrors (absent for a deletion). */
  upstream?: string;
  /** The object the destination had, or null when it had no such ref. */
  old: string | null;
  /** The object it gets, or null for a deletion. */
  new: string | null;
  action: UpdateAction;
  /** Why a ref was refused or rewritten. */
  reason?: string;
  /** Where the old revision of a rewritten ref is kept. */
  backup?: string;
  /** True once the destination has the update (false when the run pushed nothing). */
  pushed?: boolean;
}

/** Whether an update moves a hosted ref (as opposed to refused or unchanged). */
export const movesRef = (u: RefUpdate): boolean =>
  u.action === 'created' ||
  u.action === 'updated' ||
  u.action === 'deleted' ||
  u.action === 'rewritten';

/** The namespace of backup refs; outside refs/heads and refs/tags, so no mirror ever prunes it. */
export const BACKUP_NAMESPACE = 'refs/tributary/backup/';

/**
 * First pass, from the two listings alone: which hosted refs differ from upstream (what the
 * store must have the objects of). A differing ref is `updated` here; `decideUpdates` later
 * tells a fast-forward from a rewrite.
 */
export function compareRefs(
  upstream: Map<string, { source: string; oid: string }>,
  hosted: Map<string, string>,
  mapper: RefMapper,
  prune: boolean,
): { updates: RefUpdate[]; keptDeleted: string[] } {
  const updates: RefUpdate[] = [];
  const keptDeleted: string[] = [];
  for (const [ref, { source, oid }] of upstream) {
    const old = hosted.get(ref) ?? null;
    const action = old === oid ? 'unchanged' : old === null ? 'created' : 'updated';
    updates.push({ ref, upstream: source, old, new: oid, action });
  }
  for (const [ref, old] of [...hosted].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (upstream.has(ref) || !mapper.owns(ref)) continue;
    if (prune) updates.push({ ref, old, new: null, action: 'deleted' });
    else keptDeleted.push(ref);
  }
  return { updates, keptDeleted };
}

/** A UTC timestamp usable inside a ref name: 20261125T221500Z. */
export function refTimestamp(now: Date): string {
  return now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
}

/**
 * Second pass: a branch whose new head does not contain the hosted head (it is not among
 * `fastForwards`) was rewritten, and a tag that points elsewhere moved. Both are refused
 * unless rewrites are allowed, in which case the old revision gets a backup ref.
 */
export function decideUpdates(
  updates: RefUpdate[],
  fastForwards: ReadonlySet<string>,
  opts: { allowRewrites: boolean; now: Date },
): RefUpdate[] {
  const stamp = refTimestamp(opts.now);
  return updates.map((u) => {
    if (u.action !== 'updated') return u;
    const reason = u.ref.startsWith(TAGS)
      ? `tag ${u.ref} moved upstream from ${u.old} to ${u.new}`
      : !fastForwards.has(u.ref)
        ? `branch ${u.ref} was rewritten upstream: the new head ${u.new} does not contain the hosted head ${u.old}`
        : undefined;
    if (!reason) return u;
    if (!opts.allowRewrites) return { ...u, action: 'refused', reason };
    return {
      ...u,
      action: 'rewritten',
      reason,
      backup: `${BACKUP_NAMESPACE}${u.ref.slice('refs/'.length)}/${stamp}`,
    };
  });
}

/** The branches among the updates whose new head must be checked for containing the old one. */
export function movedBranches(updates: RefUpdate[]): RefUpdate[] {
  return updates.filter((u) => u.action === 'updated' && !u.ref.startsWith(TAGS));
}

export interface UpdateCounts {
  created: number;
  updated: number;
  deleted: number;
  rewritten: number;
  refused: number;
  unchanged: number;
}

export function countUpdates(updates: RefUpdate[]): UpdateCounts {
  const counts: UpdateCounts = {
    created: 0,
    updated: 0,
    deleted: 0,
    rewritten: 0,
    refused: 0,
    unchanged: 0,
  };
  // A ref counts as created, updated, deleted or rewritten only once it was pushed.
  for (const u of updates) if (!movesRef(u) || u.pushed) counts[u.action]++;
  return counts;
}

export const short = (oid: string | null): string => (oid ? oid.slice(0, 12) : '—');

/** Rows for the job summary and the command line: every ref that moved or was refused. */
export function summaryRows(updates: RefUpdate[]): string[][] {
  return updates
    .filter((u) => u.action !== 'unchanged')
    .map((u) => [
      u.ref,
      u.action,
      `${short(u.old)} → ${short(u.new)}`,
      movesRef(u) && !u.pushed
        ? 'not pushed'
        : u.backup
          ? `old head kept as ${u.backup}`
          : u.action === 'refused'
            ? (u.reason ?? '')
            : '',
    ]);
}
