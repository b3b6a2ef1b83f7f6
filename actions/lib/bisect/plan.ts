/**
 * `planBisection`: the next round of a bisection, or its result. Given a regression (series,
 * job, step), its last-pass and first-fail flights, the commit graph of each tree whose
 * change may be bisected and every run of the step recorded in the series, it says which
 * revisions of every tree to test next (up to one per runner), or which commit is to blame.
 *
 * Pure and stateless: the same records give the same plan, so a revision tested by any
 * earlier flight is reused and a cancelled round is simply planned again. When more than one
 * tree changed between the two flights (the watched tree and the consumer), it first finds
 * whose change is at fault: each tree's new revision with the others' old ones (and, with
 * three trees or more, every change but one), then bisects that tree with the others held.
 */
import { ConfigurationError } from '../errors.js';
import type { FlightRecord, TreeRevision } from '../flight.js';
import type { CommitGraph } from './graph.js';
import {
  combinationOf,
  runsOf,
  RunIndex,
  tally,
  type Combination,
  type Regression,
  type Run,
} from './runs.js';
import { searchTree } from './search.js';

export interface PlanSettings {
  /** Tests a round: the runners that work in parallel (k of the k-ary search). */
  runners: number;
  /** Runs of the failure at a commit, and of the pass at its parents, before it is blamed. */
  confirmations: number;
  /** Bisect this tree's change (when the changes of more than one tree fail alone). */
  tree?: string;
}

export interface BisectionInput extends Regression {
  /** The watched tree: the `tree` of the series' records. */
  watched: string;
  /** The last flight of the series in which the step passed, and the first in which it failed. */
  pass: FlightRecord;
  fail: FlightRecord;
  /** The range of each tree that changed, by tree name (needed for the tree bisected). */
  graphs: Map<string, CommitGraph>;
  /** Every run of the step in the series' flights at the revisions concerned. */
  runs: Run[];
  settings: PlanSettings;
}

export interface PlannedTest {
  /** Every tree, at the revision to test. */
  trees: TreeRevision[];
  why: string;
}

export interface Round {
  kind: 'round';
  /** isolate: which tree's change is at fault; search: the first bad commit; confirm: its runs. */
  phase: 'isolate' | 'search' | 'confirm';
  /** The tree bisected (not while isolating). */
  tree?: string;
  /** The other trees, held at these revisions meanwhile. */
  held?: TreeRevision[];
  /** How many commits may still be the first bad one. */
  suspects?: number;
  /** One a runner; the same revisions twice when a result is confirmed. */
  tests: PlannedTest[];
}

export interface Result {
  kind: 'result';
  /**
   * blamed: the first bad commit, confirmed; not-reproducible: results disagree (a flaky step),
   * with the runs that do; untestable: the first bad commit is one of `candidates`, none of
   * which could be tested; not-isolated: no tree's change alone explains the failure.
   */
  outcome: 'blamed' | 'not-reproducible' | 'untestable' | 'not-isolated';
  reason: string;
  tree?: string;
  held?: TreeRevision[];
  commit?: { id: string; parents: string[] };
  /** Oldest first. */
  candidates?: string[];
  /** The runs the result rests on. */
  evidence: Run[];
  /** Other trees whose change alone fails too: bisect them with `tree` set. */
  alsoAtFault?: string[];
}

export type Plan = Round | Result;

interface Context {
  input: BisectionInput;
  /** The series' trees, the watched one first. */
  names: string[];
  index: RunIndex;
  pass: Combination;
  fail: Combination;
}

interface Target {
  tree: string;
  held: Combination;
  alsoAtFault: string[];
}

const short = (c: string) => c.slice(0, 12);

/** The tree whose change is to be bisected has no commit graph in the input. */
export class MissingHistory extends ConfigurationError {
  constructor(
    readonly tree: string,
    message: string,
  ) {
    super(`tree '${tree}'`, message);
  }
}

export function planBisection(input: BisectionInput): Plan {
  const { runners, confirmations } = input.settings;
  if (!Number.isInteger(runners) || runners < 1)
    throw new ConfigurationError(
      'runners',
      `Invalid runners '${runners}'. Expected a whole number >= 1.`,
    );
  if (!Number.isInteger(confirmations) || confirmations < 1)
    throw new ConfigurationError(
      'confirmations',
      `Invalid confirmations '${confirmations}'. Expected a whole number >= 1.`,
    );
  const names = seriesTrees(input);
  const ctx: Context = {
    input,
    names,
    index: new RunIndex(input.runs, names),
    pass: combinationOf(input.pass.trees),
    fail: combinationOf(input.fail.trees),
  };
  const ends = checkEnds(ctx);
  if (ends) return ends;
  const changed = names.filter((n) => ctx.pass[n] !== ctx.fail[n]);
  const chosen = input.settings.tree;
  if (chosen && !changed.includes(chosen))
    throw new ConfigurationError(
      'tree',
      `Tree '${chosen}' is at ${ctx.fail[chosen]} in both flights: nothing to bisect in it (changed: ${changed.join(', ')}).`,
    );
  const target: Target | Plan =
    changed.length === 1
      ? { tree: changed[0], held: others(ctx.pass, changed[0]), alsoAtFault: [] }
      : isolate(ctx, changed);
  return 'kind' in target ? target : bisectTree(ctx, target);
}

/** The trees both flights name, the watched one first; anything else is refused. */
function seriesTrees(input: BisectionInput): string[] {
  for (const [which, f] of [
    ['last-pass', input.pass],
    ['first-fail', input.fail],
  ] as const) {
    if (f.series !== input.series)
      throw new ConfigurationError(
        'series',
        `The ${which} flight ${f.flight} belongs to series '${f.series ?? '(none)'}', not '${input.series}'.`,
      );
    if (f.tree !== input.watched || !f.trees.some((t) => t.name === input.watched))
      throw new ConfigurationError(
        'trees',
        `The ${which} flight ${f.flight} does not name the watched tree '${input.watched}' in its trees.`,
      );
  }
  const pass = input.pass.trees.map((t) => t.name);
  const fail = input.fail.trees.map((t) => t.name);
  if (pass.length !== fail.length || pass.some((n) => !fail.includes(n)))
    throw new ConfigurationError(
      'trees',
      `The last-pass flight ${input.pass.flight} has trees ${pass.join(', ')} and the first-fail flight ${input.fail.flight} has ${fail.join(', ')}: a bisection needs the same trees at both ends.`,
    );
  if (input.settings.tree && !pass.includes(input.settings.tree))
    throw new ConfigurationError(
      'tree',
      `Unknown tree '${input.settings.tree}': the series' flights have trees ${pass.join(', ')}.`,
    );
  return [input.watched, ...pass.filter((n) => n !== input.watched)];
}

/**
 * The two flights must be what they are said to be: the step passed in the one and failed in
 * the other (else an error); and every run at their revisions must agree (else a result:
 * the regression is not reproducible, nothing to bisect).
 */
function checkEnds(ctx: Context): Result | undefined {
  const { input, index } = ctx;
  for (const [which, record, want] of [
    ['last-pass', input.pass, 'pass'],
    ['first-fail', input.fail, 'fail'],
  ] as const) {
    const job = record.jobs.find((j) => j.name === input.job);
    if (!job || job.cancelled)
      throw new ConfigurationError(
        'job',
        `The ${which} flight ${record.flight} has no ${job ? 'finished ' : ''}job '${input.job}' (its jobs: ${record.jobs.map((j) => j.name).join(', ') || 'none'}).`,
      );
    const own = runsOf([record], input).pop()!;
    if (own.outcome !== want)
      throw new ConfigurationError(
        'step',
        `In the ${which} flight ${record.flight}, step '${input.step}' of job '${input.job}' ${own.outcome === 'untestable' ? `is untestable (${own.why})` : `${own.outcome}ed`}: it is not a ${want === 'pass' ? 'pass' : 'failure'} to bisect from.`,
      );
  }
  for (const [which, c, again] of [
    ['first-fail', ctx.fail, 'passes again'],
    ['last-pass', ctx.pass, 'fails too'],
  ] as const) {
    const runs = index.at(c);
    const t = tally(runs);
    if (t.pass && t.fail)
      return {
        kind: 'result',
        outcome: 'not-reproducible',
        reason: `${input.job} ${input.step} ${again} at the ${which} revisions (${t.pass} pass, ${t.fail} fail): a flaky step, not a regression to bisect`,
        evidence: runs,
      };
  }
  return undefined;
}

/** Which tree's change is at fault: a round of combinations to test, the answer, or none. */
function isolate(ctx: Context, changed: string[]): Target | Plan {
  const { index, input } = ctx;
  const alone = (t: string) => ({ ...ctx.pass, [t]: ctx.fail[t] });
  const allBut = (t: string) => ({ ...ctx.fail, [t]: ctx.pass[t] });
  const combos = new Map<string, { c: Combination; why: string }>();
  const add = (c: Combination, why: string) => {
    if (!combos.has(index.key(c)!)) combos.set(index.key(c)!, { c, why });
  };
  for (const t of changed)
    add(
      alone(t),
      `${t}'s change alone: ${t} at the first-fail revision, the rest at the last-pass`,
    );
  if (changed.length > 2)
    for (const t of changed)
      add(
        allBut(t),
        `every change but ${t}'s: ${t} at the last-pass revision, the rest at the first-fail`,
      );
  const evidence = [...combos.values()].flatMap(({ c }) => index.at(c));
  for (const { c } of combos.values()) {
    const t = tally(index.at(c));
    if (t.pass && t.fail)
      return {
        kind: 'result',
        outcome: 'not-reproducible',
        reason: `the step both passed and failed with ${describe(ctx, c)} (${t.pass} pass, ${t.fail} fail)`,
        evidence: index.at(c),
      };
  }
  const untested = [...combos.values()].filter(({ c }) => index.verdict(c) === 'untested');
  if (untested.length)
    return {
      kind: 'round',
      phase: 'isolate',
      tests: untested
        .slice(0, input.settings.runners)
        .map(({ c, why }) => ({ trees: treesOf(ctx, c), why })),
    };
  const failsAlone = changed.filter((t) => index.verdict(alone(t)) === 'bad');
  const needed = changed.filter((t) => index.verdict(allBut(t)) === 'good');
  const pick = input.settings.tree;
  if (failsAlone.length && (!pick || failsAlone.includes(pick))) {
    const tree = pick ?? failsAlone[0];
    return {
      tree,
      held: others(ctx.pass, tree),
      alsoAtFault: failsAlone.filter((t) => t !== tree),
    };
  }
  // No change fails alone: the failure needs several together. Bisect one whose change is
  // needed, with the others' new revisions.
  if (needed.length && (!pick || needed.includes(pick))) {
    const tree = pick ?? needed[0];
    return { tree, held: others(ctx.fail, tree), alsoAtFault: [] };
  }
  return {
    kind: 'result',
    outcome: 'not-isolated',
    reason: pick
      ? `${pick}'s change neither fails alone nor is needed for the failure`
      : `no tree's change explains the failure alone (changed: ${changed.join(', ')}; some combinations untestable)`,
    evidence,
  };
}

function bisectTree(ctx: Context, target: Target): Plan {
  const { tree, held } = target;
  const graph = ctx.input.graphs.get(tree);
  if (!graph)
    throw new MissingHistory(
      tree,
      `The change of tree '${tree}' (${short(ctx.pass[tree])}..${short(ctx.fail[tree])}) is the one to bisect, but its history is not known: give the repository of '${tree}'.`,
    );
  if (graph.pass !== ctx.pass[tree] || graph.fail !== ctx.fail[tree])
    throw new Error(`the graph given for ${tree} is of another range`);
  const step = searchTree({ tree, graph, held }, ctx.index, ctx.input.settings);
  const common = { tree, held: treesOf(ctx, held) };
  switch (step.kind) {
    case 'tests':
      return {
        kind: 'round',
        phase: step.phase,
        ...common,
        suspects: step.suspects,
        tests: step.tests.map((t) => ({
          trees: treesOf(ctx, { ...held, [tree]: t.commit }),
          why: t.why,
        })),
      };
    case 'blamed':
      return {
        kind: 'result',
        outcome: 'blamed',
        reason: step.reason,
        ...common,
        commit: { id: step.commit, parents: step.parents },
        evidence: step.evidence,
        ...(target.alsoAtFault.length ? { alsoAtFault: target.alsoAtFault } : {}),
      };
    case 'untestable':
      return {
        kind: 'result',
        outcome: 'untestable',
        reason: step.reason,
        ...common,
        candidates: step.candidates,
        evidence: step.evidence,
      };
    case 'not-reproducible':
      return {
        kind: 'result',
        outcome: step.kind,
        reason: step.reason,
        ...common,
        evidence: step.evidence,
      };
  }
}

/** Every tree of the series named in `c` (held ones included), with its url when known. */
function treesOf(ctx: Context, c: Combination): TreeRevision[] {
  return ctx.names
    .filter((n) => c[n])
    .map((name) => {
      const url = ctx.input.fail.trees.find((t) => t.name === name)?.url;
      return { name, revision: c[name], ...(url ? { url } : {}) };
    });
}

function others(c: Combination, tree: string): Combination {
  return Object.fromEntries(Object.entries(c).filter(([n]) => n !== tree));
}

function describe(ctx: Context, c: Combination): string {
  return ctx.names.map((n) => `${n} ${short(c[n])}`).join(', ');
}
