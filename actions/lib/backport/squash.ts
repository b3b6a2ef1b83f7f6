/**
 * A squashed pick: one downstream commit that carries several upstream commits (Xen's stable
 * branches squash a fix and its follow-up, each message kept with its own `master commit:`).
 * Its patch is compared with theirs applied in turn, as the person squashing them did. The
 * answer depends only on the upstream commits named, so it is cached with the commit facts,
 * under an id made of theirs.
 */
import { createHash } from 'node:crypto';
import type { Git } from '../git.js';
import { FactsCache, PatchIdStreams, type CommitFacts } from './facts.js';
import { throwAwayCommit } from './walk.js';

export interface CombinedPatchIds {
  stable: string | null;
  zero: string | null;
}

/** The cache's id of a squash of these commits (in this order). */
function squashKey(commits: string[]): string {
  return createHash('sha1')
    .update(`squash ${commits.join(' ')}`)
    .digest('hex');
}

/** The cache's `files` of a squash whose picks apply, and of one whose picks do not. */
const APPLIES = 'squash';
const FAILS = 'squash-fails';

/**
 * The patch-ids (both kinds) of each list of named commits applied in turn onto the first
 * one's parent, picked in core with `merge-tree`; undefined when a pick does not apply
 * cleanly (or a commit has no parent), which leaves the squash compared as modified. Key of
 * the answer: the commits joined with spaces.
 */
export async function combinedPatchIds(
  git: Git,
  squashes: string[][],
  cache: FactsCache,
): Promise<Map<string, CombinedPatchIds | undefined>> {
  const out = new Map<string, CombinedPatchIds | undefined>();
  const todo: string[][] = [];
  for (const commits of squashes) {
    const f = cache.get(squashKey(commits));
    if (!f) todo.push(commits);
    else
      out.set(
        commits.join(' '),
        f.files === APPLIES ? { stable: f.stable ?? null, zero: f.zero ?? null } : undefined,
      );
  }
  if (!todo.length) return out;
  // Every named commit's tree and parents, in one pass.
  const named = [...new Set(todo.flat())];
  const shape = new Map<string, { tree: string; parent?: string }>();
  for (const line of (
    await git.run(['log', '--no-walk=unsorted', '--stdin', '--format=%H %T %P'], {
      input: named.join('\n') + '\n',
    })
  ).split('\n')) {
    const [commit, tree, parent] = line.split(' ');
    if (commit) shape.set(commit, { tree, parent: parent || undefined });
  }
  // Each squash made as a throw-away commit on the first one's parent; their patch-ids in one
  // pipeline a kind.
  const made = new Map<string, string>();
  for (const commits of todo) {
    const first = shape.get(commits[0]);
    let tree = first?.tree;
    for (const commit of commits.slice(1)) {
      const parent = shape.get(commit)?.parent;
      if (!tree || !parent) {
        tree = undefined;
        break;
      }
      // The tree so far under the picked commit's parent: merging the commit into it is the pick.
      const stand = await throwAwayCommit(git, tree, [parent], 'tributary: squash so far');
      const merged = await git.mergeTree(stand, commit);
      tree = merged.clean ? merged.tree : undefined;
    }
    if (tree && first?.parent)
      made.set(
        commits.join(' '),
        await throwAwayCommit(git, tree, [first.parent], 'tributary: squash'),
      );
  }
  const facts = new Map<string, CommitFacts>();
  const streams = new PatchIdStreams(git);
  for (const c of made.values()) {
    facts.set(c, { files: '-', fixes: [], references: [] });
    streams.add(c);
  }
  await streams.finish(facts, FactsCache.load());
  for (const commits of todo) {
    const key = commits.join(' ');
    const c = made.get(key);
    const f = c ? facts.get(c) : undefined;
    const ids = f ? { stable: f.stable ?? null, zero: f.zero ?? null } : undefined;
    out.set(key, ids);
    cache.set(squashKey(commits), {
      files: ids ? APPLIES : FAILS,
      stable: ids?.stable ?? null,
      zero: ids?.zero ?? null,
      fixes: [],
      references: [],
    });
  }
  return out;
}
