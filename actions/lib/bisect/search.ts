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
  const at = (c: string) => index.at({ ...b.held, [b.tree]: c });
  if (verdictOf(at(b.graph.pass)) !== 'good' || verdictOf(at(b.graph.fail)) !== 'bad')
    throw new Error(`the ends of ${b.tree}'s range are not a pass and a failure`);
  const narrowed = flakyRevisions(b, index) ?? narrow(b, at);
  if ('kind' in narrowed) return narrowed;
  if (narrowed.suspects.size === 1) return confirm(b, at, narrowed.bad, s);
  return nextTests(b, at, narrowed, s);
}

/**
 * The lowest failing commit and the suspects below it (its ancestors no passing commit
 * contains), or "not reproducible" when a failing commit lies inside a passing one.
 */
function narrow(
  b: TreeBisection,
  at: (c: string) => Run[],
): { bad: string; suspects: Set<string> } | TreeStep {
  const { graph } = b;
  const goods = graph.commits.filter((c) => verdictOf(at(c)) === 'good');
  const cleared = graph.ancestors(goods);
  const bads = graph.commits.filter((c) => verdictOf(at(c)) === 'bad');
  const contradicted = bads.find((c) => cleared.has(c));
  if (contradicted) {
    const g = goods.find((x) => graph.ancestors([x]).has(contradicted))!;
    return {
      kind: 'not-reproducible',
      reason: `${b.tree} ${short(contradicted)} failed, yet ${short(g)}, which contains it, passed`,
      evidence: [...at(contradicted), ...at(g)],
    };
  }
  // The one last in topological order has no other failing commit among its ancestors.
  const bad = bads.reduce((x, y) => (graph.index(y) > graph.index(x) ? y : x));
  const suspects = graph.ancestors([bad]);
  for (const c of cleared) suspects.delete(c);
  return { bad, suspects };
}

/**
 * Below the lowest failing commit: its first parent's line, or, when the first parent
 * passed, the line of the branch it merged; k commits of it, cutting the suspects evenly.
 */
function nextTests(
  b: TreeBisection,
  at: (c: string) => Run[],
  { bad, suspects }: { bad: string; suspects: Set<string> },
  s: SearchSettings,
): TreeStep {
  const { graph } = b;
  const start = graph.parents(bad).find((p) => suspects.has(p))!;
  const line = graph.oldestFirst(graph.firstParentLine(start, suspects));
  const untested = (c: string) => verdictOf(at(c)) === 'untested';
  let where =
    start !== graph.parents(bad)[0]
      ? `the branch merged by ${short(bad)}`
      : `the first-parent line below ${short(bad)}`;
  // Each commit of the line weighs what it brings: itself and the branches it merges.
  const weights = introduced(graph, line, suspects);
  const below = [...weights.values()].reduce((x, y) => x + y, 0);
  let points = spread(line, s.runners, (c) => weights.get(c)!, untested, suspects.size - below);
  if (!points.length) {
    // Every commit of that line is untestable: any other suspect may still tell.
    const rest = [...suspects].filter((c) => c !== bad && untested(c));
    points = spread(graph.oldestFirst(rest), s.runners);
    where = `the suspects below ${short(bad)}`;
  }
  if (!points.length) {
    const candidates = graph.oldestFirst(suspects);
    return {
      kind: 'untestable',
      candidates,
      evidence: candidates.flatMap(at),
      reason: `only untestable commits are left: the first bad commit of ${b.tree} is one of ${candidates.length}, up to ${short(bad)}`,
    };
  }
  const why = `splits ${suspects.size} suspects along ${where}`;
  return {
    kind: 'tests',
    phase: 'search',
    suspects: suspects.size,
    tests: points.map((commit) => ({ commit, why })),
  };
}

/** How many suspects each commit of a line (oldest first) brings that those below it do not. */
function introduced(
  graph: CommitGraph,
  line: string[],
  suspects: Set<string>,
): Map<string, number> {
  const seen = new Set<string>();
  const weights = new Map<string, number>();
  for (const c of line) {
    let n = 0;
    for (const stack = [c]; stack.length;) {
      const x = stack.pop()!;
      if (seen.has(x) || !suspects.has(x)) continue;
      seen.add(x);
      n++;
      stack.push(...graph.parents(x));
    }
    weights.set(c, n);
  }
  return weights;
}

/**
 * Up to k items of a line (oldest first) to test, cutting it into k+1 parts of even weight,
 * the failing top (weighing `top`) in the last: whichever part holds the culprit, about
 * 1/(k+1) of the suspects are left. Only `eligible` items are chosen: an untestable one
 * gives way to its nearest neighbour.
 */
export function spread<T>(
  line: T[],
  k: number,
  weight: (item: T) => number = () => 1,
  eligible: (item: T) => boolean = () => true,
  top = 1,
): T[] {
  const upTo: number[] = [];
  let total = 0;
  for (const item of line) upTo.push((total += weight(item)));
  total += top;
  const chosen = new Set<number>();
  for (let j = 1; j <= k; j++) {
    const target = (j * total) / (k + 1);
    let best = -1;
    for (let i = 0; i < line.length; i++)
      if (
        eligible(line[i]) &&
        !chosen.has(i) &&
        (best < 0 || Math.abs(upTo[i] - target) < Math.abs(upTo[best] - target))
      )
        best = i;
    if (best >= 0) chosen.add(best);
  }
  return [...chosen].sort((a, b) => a - b).map((i) => line[i]);
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
