/**
 * The classifier's third stage: the patches compared (cold, it starts beside the walk of
 * upstream, with the squashes). The default patch-ids of the classified
 * commits, the candidates and the upstream commits named; a squashed pick's named commits
 * applied in turn; and zero-context patch-ids only where the default ones leave a question (a
 * classified commit that matched nothing, the upstream commits touching its paths, and named
 * commits that differ). Every patch-id is cached with the commit's facts.
 */
import type { Git } from '../git.js';
import type { Logger } from '../log.js';
import { lacksPatchIds, PatchIdStreams, type FactsCache } from './facts.js';
import type { History } from './history.js';
import { namedCommits, readNamedFacts, type References } from './resolve.js';
import { combinedPatchIds, planSquashes, type CombinedPatchIds } from './squash.js';

export interface Patches {
  /** patch-id (either kind) → upstream candidates with it, sorted. */
  byPatch: Map<string, string[]>;
  /** Squashed picks: their named commits' patch-ids applied in turn (undefined: they do not apply). */
  squashes: Map<string, CombinedPatchIds | undefined>;
}

export async function comparePatches(
  git: Git,
  history: History,
  references: References,
  cache: FactsCache,
  options: { extraPatterns?: RegExp[]; logger?: Logger } = {},
): Promise<Patches> {
  const { logger } = options;
  const { facts, listed, candidates, firstParent, stable } = history;
  const { written, resolutions } = references;
  // Squashed picks: what their patch-ids are made of is read beside the walk of upstream.
  const squashed = new Map<string, string[]>();
  for (const l of listed) {
    const commits = namedCommits(written.get(l.commit) ?? [], resolutions);
    if (commits.length > 1) squashed.set(l.commit, commits);
  }
  const planned = planSquashes(git, [...squashed.values()], cache);
  planned.catch(() => {}); // awaited below
  // The walk done, the facts of the commits named are in the cache (cold).
  await history.upstreamRead;
  await readNamedFacts(git, references, { facts, cache, extraPatterns: options.extraPatterns });
  for (const r of resolutions.values())
    if (r.commit && lacksPatchIds(facts.get(r.commit), 'stable')) stable.add(r.commit);
  if (stable.size) logger?.debug(`computing patch-ids of ${stable.size} commits`);
  const [plan] = await Promise.all([planned, stable.finish(facts, cache)]);

  const stableIds = new Set<string>();
  for (const c of candidates) {
    const id = facts.get(c)!.stable;
    if (id) stableIds.add(id);
  }
  // Zero-context ids where the default ones leave a question: those that do not depend on
  // the squashes first, so that the pipeline runs beside their work.
  const zero = new PatchIdStreams(git, ['zero']);
  const zeroFiles = new Set<string>();
  const needZero = (c: string) => {
    if (lacksPatchIds(facts.get(c), 'zero')) zero.add(c, firstParent.get(c));
  };
  for (const l of listed) {
    if (squashed.has(l.commit)) continue;
    const f = facts.get(l.commit)!;
    const refs = (written.get(l.commit) ?? [])
      .map((r) => resolutions.get(r.sha)?.commit)
      .filter((c): c is string => !!c);
    const namedDiffer = refs.filter((c) => facts.get(c)?.stable !== f.stable);
    if ((f.stable && stableIds.has(f.stable)) || (refs.length && !namedDiffer.length)) continue;
    needZero(l.commit);
    namedDiffer.forEach(needZero);
    if (f.files !== '-') zeroFiles.add(f.files);
  }
  for (const c of candidates) if (zeroFiles.has(facts.get(c)!.files)) needZero(c);
  const combined = await combinedPatchIds(git, plan, facts, cache);
  const squashes = new Map<string, CombinedPatchIds | undefined>();
  for (const [commit, commits] of squashed) {
    squashes.set(commit, combined.get(commits.join(' ')));
    if (squashes.get(commit)?.stable !== facts.get(commit)!.stable) needZero(commit);
  }
  if (zero.size) logger?.debug(`computing zero-context patch-ids of ${zero.size} commits`);
  await zero.finish(facts, cache);

  const byPatch = new Map<string, string[]>();
  for (const c of candidates) {
    const f = facts.get(c)!;
    for (const id of [f.stable, f.zero]) {
      if (!id) continue;
      const list = byPatch.get(id);
      if (list) list.push(c);
      else byPatch.set(id, [c]);
    }
  }
  // The walk's order differs warm and cold; the answer must not.
  for (const list of byPatch.values()) if (list.length > 1) list.sort();
  return { byPatch, squashes };
}
