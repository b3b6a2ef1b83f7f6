/**
 * A squashed pick: one downstream commit that carries several upstream commits (Xen's stable
 * branches squash a fix and its follow-up, each message kept with its own `master commit:`).
 * Its patch is compared with theirs applied in turn, as the person squashing them did. The
 * answer depends only on the upstream commits named, so it is cached with the commit facts,
 * under an id made of theirs.
 *
 * Most squashes need no merge: when the commits change different files, and each later one's
 * files are at the first one's parent as at its own parent, applying them in turn makes
 * exactly the union of their diffs, and `git patch-id --stable` of that is the sum of theirs
 * (it adds each file's hash, with carry). Only the others are picked in core with merge-tree.
 */
import { createHash } from 'node:crypto';
import type { Git } from '../git.js';
import { DIFF, FactsCache, PatchIdStreams, type CommitFacts } from './facts.js';
import { throwAwayCommits } from './walk.js';

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

type Shape = Map<string, { tree: string; parent?: string; merge: boolean }>;

/**
 * What a squash's patch-ids are made from, read before any patch-id is known (so beside the
 * walk of upstream and the pipelines): the answers cached, and of the others their commits'
 * trees and parents, which of them sum their commits' patch-ids (see above), and the others
 * picked in core, started.
 */
export interface SquashPlan {
  cached: Map<string, CombinedPatchIds | undefined>;
  todo: string[][];
  shape: Shape;
  /** Squashes of commits that change different files, unchanged between them: ids add up. */
  disjoint: string[][];
  /** The zero-context ids of the disjoint ones' commits (those not cached), computing. */
  zero: PatchIdStreams;
  /** The others' patch-ids, picked in core. */
  picked: Promise<Map<string, CombinedPatchIds | undefined>>;
}

export async function planSquashes(
  git: Git,
  squashes: string[][],
  cache: FactsCache,
): Promise<SquashPlan> {
  const cached = new Map<string, CombinedPatchIds | undefined>();
  const todo: string[][] = [];
  for (const commits of squashes) {
    const f = cache.get(squashKey(commits));
    if (!f) todo.push(commits);
    else
      cached.set(
        commits.join(' '),
        f.files === APPLIES ? { stable: f.stable ?? null, zero: f.zero ?? null } : undefined,
      );
  }
  const shape: Shape = new Map();
  if (!todo.length)
    return {
      cached,
      todo,
      shape,
      disjoint: [],
      zero: new PatchIdStreams(git),
      picked: Promise.resolve(new Map()),
    };
  // Every named commit's tree, parents and the files it changes, in one pass.
  const named = [...new Set(todo.flat())];
  const paths = new Map<string, string[]>();
  const text = await git.run(
    ['log', '--no-walk=unsorted', '--stdin', ...DIFF, '--name-only', '--format=%x1e%H %T %P'],
    { input: named.join('\n') + '\n' },
  );
  for (const record of text.split('\x1e')) {
    const [line, ...files] = record.split('\n');
    const [commit, tree, parent, other] = line.split(' ');
    if (!commit) continue;
    shape.set(commit, { tree, parent: parent || undefined, merge: !!other });
    paths.set(commit, files.filter(Boolean));
  }
  const disjoint = await disjointSquashes(git, todo, shape, paths);
  // Their commits' zero-context ids, where not cached, computing from now on.
  const zero = new PatchIdStreams(git, ['zero']);
  for (const c of new Set(disjoint.flat())) if (cache.get(c)?.zero === undefined) zero.add(c);
  const summing = new Set(disjoint);
  const picked = pickSquashes(
    git,
    todo.filter((commits) => !summing.has(commits)),
    shape,
  );
  picked.catch(() => {}); // awaited by combinedPatchIds
  return { cached, todo, shape, disjoint, zero, picked };
}

/**
 * The patch-ids (both kinds) of each list of named commits applied in turn onto the first
 * one's parent: summed where they add up, else picked in core with `merge-tree`; undefined
 * when a pick does not apply cleanly (or a commit has no parent), which leaves the squash
 * compared as modified. Needs the commits' default patch-ids. Key of the answer: the commits
 * joined with spaces.
 */
export async function combinedPatchIds(
  git: Git,
  plan: SquashPlan,
  facts: Map<string, CommitFacts>,
  cache: FactsCache,
): Promise<Map<string, CombinedPatchIds | undefined>> {
  const { todo, shape } = plan;
  const out = new Map(plan.cached);
  if (!todo.length) return out;
  const key = (commits: string[]) => commits.join(' ');
  // A sum needs every commit's patch-ids; those that have none are picked in core too.
  const [, picked] = await Promise.all([plan.zero.finish(facts, cache), plan.picked]);
  const summed = new Map<string, CombinedPatchIds>();
  const late: string[][] = [];
  for (const commits of plan.disjoint) {
    const f = commits.map((c) => facts.get(c));
    if (f.some((x) => !x?.stable || !x.zero)) late.push(commits);
    else
      summed.set(key(commits), {
        stable: f.map((x) => x!.stable!).reduce(addIds),
        zero: f.map((x) => x!.zero!).reduce(addIds),
      });
  }
  for (const [k, ids] of await pickSquashes(git, late, shape)) picked.set(k, ids);
  for (const commits of todo) {
    const ids = summed.get(key(commits)) ?? picked.get(key(commits));
    out.set(key(commits), ids);
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

/**
 * Squashes picked in core, every one at once a round (round k picks each one's k-th commit):
 * a merge is cheap, a process for it is not. Picking a commit is merging it into the tree so
 * far, under the commit's own parent. Then each tree as a throw-away commit on the first
 * one's parent, and their patch-ids in one pipeline a kind. Undefined: a pick does not apply.
 */
async function pickSquashes(
  git: Git,
  squashes: string[][],
  shape: Shape,
): Promise<Map<string, CombinedPatchIds | undefined>> {
  const out = new Map<string, CombinedPatchIds | undefined>();
  if (!squashes.length) return out;
  const picking = squashes.map((commits) => ({ commits, tree: shape.get(commits[0])?.tree }));
  for (let k = 1; ; k++) {
    for (const p of picking)
      if (k < p.commits.length && !shape.get(p.commits[k])?.parent) p.tree = undefined;
    const round = picking.filter((p) => p.tree && k < p.commits.length);
    if (!round.length) break;
    const stands = await throwAwayCommits(
      git,
      round.map((p) => ({ tree: p.tree!, parents: [shape.get(p.commits[k])!.parent!] })),
      'tributary: squash so far',
    );
    const merged = await git.mergeTrees(round.map((p, i) => [stands[i], p.commits[k]]));
    round.forEach((p, i) => (p.tree = merged[i].clean ? merged[i].tree : undefined));
  }
  const picked = picking.filter((p) => p.tree && shape.get(p.commits[0])?.parent);
  const made = await throwAwayCommits(
    git,
    picked.map((p) => ({ tree: p.tree!, parents: [shape.get(p.commits[0])!.parent!] })),
    'tributary: squash',
  );
  const squashFacts = new Map<string, CommitFacts>();
  const streams = new PatchIdStreams(git);
  for (const c of made) {
    squashFacts.set(c, { files: '-', fixes: [], references: [] });
    streams.add(c);
  }
  await streams.finish(squashFacts, FactsCache.load());
  for (const commits of squashes) out.set(commits.join(' '), undefined);
  picked.forEach((p, i) => {
    const f = squashFacts.get(made[i])!;
    out.set(p.commits.join(' '), { stable: f.stable ?? null, zero: f.zero ?? null });
  });
  return out;
}

/** `git patch-id --stable` of two diffs of different files together: the 20-byte sum, with carry. */
function addIds(a: string, b: string): string {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  const sum = Buffer.alloc(x.length);
  let carry = 0;
  for (let i = 0; i < x.length; i++) {
    carry += x[i] + y[i];
    sum[i] = carry & 0xff;
    carry >>= 8;
  }
  return sum.toString('hex');
}

/**
 * The squashes whose combined patch-ids are the sums of their commits' (see above): their
 * commits change different files, each unchanged from the first one's parent to its own.
 */
async function disjointSquashes(
  git: Git,
  squashes: string[][],
  shape: Shape,
  paths: Map<string, string[]>,
): Promise<string[][]> {
  const simple = squashes.filter((commits) =>
    commits.every((c) => {
      const s = shape.get(c);
      return s?.parent && !s.merge;
    }),
  );
  if (!simple.length) return [];
  // Each later commit's files at the first one's parent and at its own, in one pass.
  const asked: string[] = [];
  const disjoint = simple.filter((commits) => {
    const seen = new Set<string>();
    for (const c of commits)
      for (const p of paths.get(c) ?? []) {
        if (seen.has(p) || /\s/.test(p) || p.startsWith('"')) return false;
        seen.add(p);
      }
    const base = shape.get(commits[0])!.parent!;
    for (const c of commits.slice(1))
      for (const p of paths.get(c) ?? [])
        asked.push(`${base}:${p}`, `${shape.get(c)!.parent}:${p}`);
    return true;
  });
  const blobs = asked.length
    ? (
        await git.run(['cat-file', '--batch-check=%(objectname)'], {
          input: asked.join('\n') + '\n',
        })
      ).split('\n')
    : [];
  const blobAt = new Map(asked.map((q, i) => [q, blobs[i]?.split(' ')[0]]));
  const same = disjoint.filter((commits) => {
    const base = shape.get(commits[0])!.parent!;
    return commits
      .slice(1)
      .every((c) =>
        (paths.get(c) ?? []).every(
          (p) => blobAt.get(`${base}:${p}`) === blobAt.get(`${shape.get(c)!.parent}:${p}`),
        ),
      );
  });
  return same;
}
