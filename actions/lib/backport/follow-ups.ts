/**
 * What upstream did to a commit after it: a revert, or a fix (`Fixes:`). A backport whose
 * follow-up the downstream lacks gets a warning, so the follow-up's presence downstream must
 * be told truly: named by a downstream message, or there as the same patch (a fix picked
 * without -x, or squashed in under its own reference).
 */
import type { Git } from '../git.js';
import type { Logger } from '../log.js';
import {
  commitFacts,
  lacksPatchIds,
  PatchIdStreams,
  type CommitFacts,
  type FactsCache,
} from './facts.js';

/**
 * The follow-ups (upstream commits) that a downstream commit carries as the same patch, with
 * or without context. Patch-ids are computed only for the follow-ups and the downstream
 * commits that change the same paths, so this costs nothing where no follow-up is in doubt.
 */
export async function followUpsCarriedByPatch(
  git: Git,
  followUps: string[],
  downstream: { commit: string; parents: string[] }[],
  facts: Map<string, CommitFacts>,
  cache: FactsCache,
  logger?: Logger,
): Promise<Set<string>> {
  const carried = new Set<string>();
  if (!followUps.length) return carried;
  const unread = followUps.filter((c) => !facts.has(c));
  for (const [c, f] of await commitFacts(git, unread, cache, { logger })) facts.set(c, f);
  const paths = new Set(followUps.map((c) => facts.get(c)?.files).filter((k) => k && k !== '-'));
  const alike = downstream.filter((d) => paths.has(facts.get(d.commit)?.files));
  if (!alike.length) return carried;
  const streams = new PatchIdStreams(git);
  for (const c of followUps) if (lacksPatchIds(facts.get(c))) streams.add(c);
  for (const d of alike)
    if (lacksPatchIds(facts.get(d.commit)))
      streams.add(d.commit, d.parents.length > 1 ? d.parents[0] : undefined);
  if (streams.size) logger?.debug(`computing patch-ids of ${streams.size} commits for follow-ups`);
  await streams.finish(facts, cache);
  const stable = new Set(alike.map((d) => facts.get(d.commit)?.stable).filter(Boolean));
  const zero = new Set(alike.map((d) => facts.get(d.commit)?.zero).filter(Boolean));
  for (const c of followUps) {
    const f = facts.get(c);
    if ((f?.stable && stable.has(f.stable)) || (f?.zero && zero.has(f.zero))) carried.add(c);
  }
  return carried;
}
