/**
 * The classifier's fourth stage: the few answers only git can give that the decision needs,
 * asked once for each commit that needs them, so the decision itself is a pure function
 * (decide.ts). A merge: does it merge the branch followed, or only downstream commits and no
 * change of its own? A patch that matches several upstream commits: which is on development?
 * A follow-up of a named commit: is it carried downstream as the same patch?
 */
import type { Git } from '../git.js';
import type { Logger } from '../log.js';
import type { FactsCache } from './facts.js';
import { followUpsCarriedByPatch } from './follow-ups.js';
import type { DownstreamCommit, History, Revisions } from './history.js';
import type { Patches } from './patches.js';
import { namedCommits, PrefixIndex, type References } from './resolve.js';
import { revList } from './walk.js';

/** What git says about a merge among the classified commits. */
export interface MergeEvidence {
  /** Every parent but the first is in the upstream branch followed (or a further upstream). */
  synced: boolean;
  /** Not synced: the commits it brings, and how many of them are not downstream commits. */
  brought?: number;
  foreign?: number;
  /** Two parents, only downstream commits brought, and its tree is what merging them makes. */
  mergeOnly?: boolean;
}

/** The upstream commit a patch match rests on, and its subject when a warning names it. */
export interface MatchEvidence {
  commit: string;
  subject?: string;
}

export interface Evidence {
  merges: Map<string, MergeEvidence>;
  matches: Map<string, MatchEvidence>;
  /** Written reference → downstream commits whose message writes it. */
  carried: PrefixIndex<string>;
  /** Follow-ups no downstream message names that a downstream commit has as the same patch. */
  carriedByPatch: Set<string>;
  /** Downstream commits that are not upstream, by (abbreviable) id. */
  downstreamIndex: PrefixIndex<string>;
}

/** The upstream commits with the same patch as a commit, default patch-id first. */
export function patchMatches(
  history: History,
  patches: Patches,
  commit: string,
): string[] | undefined {
  const f = history.facts.get(commit);
  return (
    (f?.stable && patches.byPatch.get(f.stable)) ||
    (f?.zero && patches.byPatch.get(f.zero)) ||
    undefined
  );
}

/** Whether any reference of a commit is unusable: a warning names the matching commit then. */
function hasProblem(references: References, commit: string): boolean {
  return (references.written.get(commit) ?? []).some((ref) => {
    const r = references.resolutions.get(ref.sha);
    return !r?.commit || !!r.problem;
  });
}

async function mergeEvidence(
  git: Git,
  l: DownstreamCommit,
  syncTips: string[],
  downstream: Set<string>,
): Promise<MergeEvidence> {
  const synced: boolean[] = [];
  for (const p of l.parents.slice(1)) {
    let ok = false;
    for (const tip of syncTips) if (!ok) ok = await git.isAncestor(p, tip);
    synced.push(ok);
  }
  if (synced.every(Boolean)) return { synced: true };
  const brought = await revList(git, [...l.parents.slice(1), '--not', l.parents[0]]);
  const foreign = brought.filter((c) => !downstream.has(c)).length;
  let mergeOnly = false;
  if (!foreign && l.parents.length === 2) {
    // (a merge git cannot make, unrelated histories say, is not only a merge)
    const merged = await git.mergeTree(l.parents[0], l.parents[1]).catch(() => undefined);
    mergeOnly = !!merged?.clean && merged.tree === (await git.treeOf(l.commit));
  }
  return { synced: false, brought: brought.length, foreign, mergeOnly };
}

/** Of upstream commits with one patch (a pick on a stable branch too), the development one. */
async function preferDevelopment(git: Git, commits: string[], development: string) {
  if (commits.length > 1)
    for (const c of commits) if (await git.isAncestor(c, development)) return c;
  return commits[0];
}

export async function gatherEvidence(
  git: Git,
  input: {
    revisions: Revisions;
    history: History;
    references: References;
    patches: Patches;
    cache: FactsCache;
    logger?: Logger;
  },
): Promise<Evidence> {
  const { revisions, history, references, patches } = input;
  const { facts, all, listed, followUps } = history;
  const downstream = all.map((l) => l.commit);
  const downstreamSet = new Set(downstream);
  const syncTips = [revisions.followed, ...revisions.more];

  // What the downstream already carries, by the references its commits write, and of the
  // follow-ups no message names, those it carries as the same patch.
  const carried = new PrefixIndex<string>();
  for (const c of downstream) for (const r of facts.get(c)?.references ?? []) carried.add(r, c);
  const doubtful = new Set<string>();
  for (const l of listed)
    for (const c of namedCommits(references.written.get(l.commit) ?? [], references.resolutions))
      for (const fu of followUps.find(c))
        if (!carried.find(fu.commit).length) doubtful.add(fu.commit);
  const carriedByPatch = await followUpsCarriedByPatch(
    git,
    [...doubtful].sort(),
    all,
    facts,
    input.cache,
    input.logger,
  );

  const merges = new Map<string, MergeEvidence>();
  const matches = new Map<string, MatchEvidence>();
  for (const l of listed) {
    if (l.parents.length > 1) {
      const merge = await mergeEvidence(git, l, syncTips, downstreamSet);
      merges.set(l.commit, merge);
      if (merge.synced || merge.mergeOnly) continue;
    }
    if (namedCommits(references.written.get(l.commit) ?? [], references.resolutions).length)
      continue;
    const found = patchMatches(history, patches, l.commit);
    if (!found) continue;
    const commit = await preferDevelopment(git, found, revisions.development);
    const subject = hasProblem(references, l.commit)
      ? (await git.commitSummaries([commit]))[0].subject
      : undefined;
    matches.set(l.commit, { commit, subject });
  }

  const downstreamIndex = new PrefixIndex<string>();
  for (const c of downstream) downstreamIndex.add(c, c);
  return { merges, matches, carried, carriedByPatch, downstreamIndex };
}
