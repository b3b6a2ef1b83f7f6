/**
 * The bisection of one tree, the others held: from what is recorded, the next revisions to
 * test, or the first bad commit. Stateless: every call reads all runs, so a revision any
 * earlier flight tested is reused and a lost round is planned again.
 *
 * The model is git bisect's: a commit that passes clears its ancestors, one that fails holds
 * the culprit among its own. The suspects are the ancestors of the lowest failing commit that
 * no passing commit contains. k runners test k commits of the suspects' first-parent line,
 * evenly spaced, so each round keeps about 1/(k+1) of the line; when the first parent of the
 * lowest failing commit passes, the culprit is in the branch it merged (or is the merge), and
 * that branch's first-parent line is next. A commit is blamed only once the failure at it and
 * the pass at each of its parents are each seen in `confirmations` runs, all agreeing.
 */
import type { CommitGraph } from './graph.js';
import { tally, verdictOf, type Combination, type Run, type RunIndex } from './runs.js';

export interface TreeBisection {
  tree: string;
  graph: CommitGraph;
  /** The other trees' revisions, held while this tree moves. */
  held: Combination;
}

export interface SearchSettings {
  /** Tests a round (the runners working in parallel). */
  runners: number;
  /** Runs of the failure at the culprit, and of the pass at each parent, before it is blamed. */
  confirmations: number;
}

export interface TestAt {
  commit: string;
  why: string;
}

export type TreeStep =
  | { kind: 'tests'; phase: 'search' | 'confirm'; tests: TestAt[]; suspects: number }
  | { kind: 'blamed'; commit: string; parents: string[]; evidence: Run[]; reason: string }
  | { kind: 'not-reproducible'; reason: string; evidence: Run[] }
  | { kind: 'untestable'; candidates: string[]; evidence: Run[]; reason: string };

const short = (c: string) => c.slice(0, 12);

export function searchTree(b: TreeBisection, index: RunIndex, s: SearchSettings): TreeStep {
  const { graph } = b;
  const at = (c: string) => index.at({ ...b.held, [b.tree]: c });
  const verdict = (c: string) => verdictOf(at(c));
  if (verdict(graph.pass) !== 'good' || verdict(graph.fail) !== 'bad')
    throw new Error(`the ends of ${b.tree}'s range are not a pass and a failure`);

  const flaky = flakyRevisions(b, index);
  if (flaky) return flaky;
  const goods = graph.commits.filter((c) => verdict(c) === 'good');
  const cleared = graph.ancestors(goods);
  const bads = graph.commits.filter((c) => verdict(c) === 'bad');
  // A failure inside a revision that passed: the results cannot both be right.
  const contradicted = bads.find((c) => cleared.has(c));
  if (contradicted) {
    const g = goods.find((x) => graph.ancestors([x]).has(contradicted))!;
    return {
      kind: 'not-reproducible',
      reason: `${b.tree} ${short(contradicted)} failed, yet ${short(g)}, which contains it, passed`,
      evidence: [...at(contradicted), ...at(g)],
    };
  }

  // The lowest failing commit: the one last in topological order has no other failing
  // commit among its ancestors.
  const bad = bads.reduce((x, y) => (graph.index(y) > graph.index(x) ? y : x));
  const suspects = graph.ancestors([bad]);
  for (const c of cleared) suspects.delete(c);
  if (suspects.size === 1) return confirm(b, at, bad, s);

  // Below it: its first parent's line, or the line of the branch it merged when the first
  // parent passed. Either way the lowest failing commit stays the top.
  const start = graph.parents(bad).find((p) => suspects.has(p))!;
  const merged = start !== graph.parents(bad)[0];
  const line = graph.oldestFirst(graph.firstParentLine(start, suspects));
  let pool = line.filter((c) => verdict(c) === 'untested');
  let where = merged
    ? `the branch merged by ${short(bad)}`
    : `the first-parent line below ${short(bad)}`;
  if (!pool.length) {
    // Every commit of that line is untestable: any other suspect may still tell.
    pool = graph.oldestFirst([...suspects].filter((c) => verdict(c) === 'untested'));
    where = `the suspects below ${short(bad)}`;
  }
  if (!pool.length) {
    const candidates = graph.oldestFirst(suspects);
    return {
      kind: 'untestable',
      candidates,
      evidence: candidates.flatMap(at),
      reason: `only untestable commits are left: the first bad commit of ${b.tree} is one of ${candidates.length}, up to ${short(bad)}`,
    };
  }
  const points = spread(pool, s.runners);
  return {
    kind: 'tests',
    phase: 'search',
    suspects: suspects.size,
    tests: points.map((commit) => ({
      commit,
      why: `splits ${pool.length + 1} suspects on ${where} (${suspects.size} in all)`,
    })),
  };
}

/** k points that cut `items` plus the failing top into k+1 parts as even as can be. */
export function spread<T>(items: T[], k: number): T[] {
  const n = items.length + 1;
  const chosen = new Set<number>();
  for (let j = 1; j <= k; j++)
    chosen.add(Math.min(items.length - 1, Math.max(0, Math.round((j * n) / (k + 1)) - 1)));
  return [...chosen].sort((a, b) => a - b).map((i) => items[i]);
}

/** A revision of this bisection (the others held) that both passed and failed. */
function flakyRevisions(b: TreeBisection, index: RunIndex): TreeStep | undefined {
  const flaky: { revision: string; runs: Run[] }[] = [];
  for (const [c, runs] of index.matching(b.held))
    if (verdictOf(runs) === 'mixed') flaky.push({ revision: c[b.tree], runs });
  if (!flaky.length) return undefined;
  const { revision, runs } = flaky[0];
  const t = tally(runs);
  return {
    kind: 'not-reproducible',
    reason: `the step both passed and failed at ${b.tree} ${short(revision)} (${t.pass} pass, ${t.fail} fail)${flaky.length > 1 ? ` and at ${flaky.length - 1} other revision(s)` : ''}`,
    evidence: flaky.flatMap((f) => f.runs),
  };
}

/**
 * The first bad commit is found: blamed once its failure and its parents' pass are each seen
 * in `confirmations` runs (the runs of the search count), else more runs of them are planned.
 */
function confirm(
  b: TreeBisection,
  at: (c: string) => Run[],
  culprit: string,
  s: SearchSettings,
): TreeStep {
  const n = s.confirmations;
  const parents = b.graph.parents(culprit);
  const wants = [
    { commit: culprit, want: 'fail' as const, what: `the failure at ${short(culprit)}` },
    ...parents.map((p) => ({
      commit: p,
      want: 'pass' as const,
      what: `the pass at its parent ${short(p)}`,
    })),
  ];
  const evidence = wants.flatMap((w) => at(w.commit));
  const needs: { commit: string; missing: number; seen: number; what: string }[] = [];
  for (const w of wants) {
    const t = tally(at(w.commit));
    // A parent of the first bad commit that fails (outside the range, never searched).
    if (w.want === 'pass' && t.fail)
      return {
        kind: 'not-reproducible',
        reason: `${b.tree} ${short(culprit)} looked like the first bad commit, but its parent ${short(w.commit)} fails too`,
        evidence,
      };
    if (t.untestable >= n && t[w.want] < n)
      return {
        kind: 'not-reproducible',
        reason: `${w.what} could not be seen again: ${t.untestable} runs were untestable`,
        evidence,
      };
    if (t[w.want] < n)
      needs.push({ commit: w.commit, missing: n - t[w.want], seen: t[w.want], what: w.what });
  }
  if (!needs.length)
    return {
      kind: 'blamed',
      commit: culprit,
      parents,
      evidence,
      reason: `${b.tree} ${culprit} fails in ${n} of ${n} runs and ${parents.length > 1 ? 'each of its parents passes' : 'its parent passes'} in ${n} of ${n}`,
    };
  // Round-robin over what is missing, so that each gets runners in the same round.
  const tests: TestAt[] = [];
  for (let more = true; more && tests.length < s.runners;) {
    more = false;
    for (const need of needs) {
      if (!need.missing || tests.length >= s.runners) continue;
      need.missing--;
      need.seen++;
      more = true;
      tests.push({ commit: need.commit, why: `confirms ${need.what} (run ${need.seen} of ${n})` });
    }
  }
  return { kind: 'tests', phase: 'confirm', tests, suspects: 1 };
}
