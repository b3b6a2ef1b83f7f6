/**
 * A squashed pick: one downstream commit that carries several upstream commits (Xen's stable
 * branches squash a fix and its follow-up, each message kept with its own `master commit:`).
 * Its patch is compared with theirs applied in turn, as the person squashing them did.
 */
import type { Git } from '../git.js';
import { DIFF } from './facts.js';
import { throwAwayCommit } from './walk.js';

export interface CombinedPatchIds {
  stable: string | null;
  zero: string | null;
}

/**
 * The patch-ids (both kinds) of the named commits applied in turn onto the first one's
 * parent, picked in core with `merge-tree`; undefined when a pick does not apply cleanly
 * (or the first has no parent), which leaves the squash compared as modified.
 */
export async function combinedPatchIds(
  git: Git,
  commits: string[],
): Promise<CombinedPatchIds | undefined> {
  const base = await git.commitOf(`${commits[0]}^1`);
  if (!base) return undefined;
  let tree = await git.run(['rev-parse', `${commits[0]}^{tree}`]);
  for (const commit of commits.slice(1)) {
    const parent = await git.commitOf(`${commit}^1`);
    if (!parent) return undefined;
    // The tree so far under the picked commit's parent: merging the commit into it is the pick.
    const stand = await throwAwayCommit(git, tree, [parent], 'tributary: squash so far');
    const merged = await git.mergeTree(stand, commit);
    if (!merged.clean) return undefined;
    tree = merged.tree;
  }
  const id = async (extra: string[]) => {
    let patchId: string | null = null;
    for await (const line of git.pipeLines(
      ['diff-tree', '-p', ...extra, ...DIFF, base, tree],
      ['patch-id', '--stable'],
    ))
      patchId ??= line.split(' ')[0] || null;
    return patchId;
  };
  return { stable: await id([]), zero: await id(['-U0']) };
}
