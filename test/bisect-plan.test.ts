/**
 * The bisection planner on synthetic histories: each test runs the real loop (plan a round,
 * "test" each planned revision with an oracle, record the result as a flight, plan again)
 * until a result, and checks the result, the evidence and the number of rounds.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { FLIGHT_RECORD_FORMAT, type FlightRecord, type StepResult } from '../actions/lib/flight.js';
import { CommitGraph, type GraphCommit } from '../actions/lib/bisect/graph.js';
import { planBisection, type BisectionInput, type Plan } from '../actions/lib/bisect/plan.js';
import { runsOf, type Combination } from '../actions/lib/bisect/runs.js';
import { spread } from '../actions/lib/bisect/search.js';

const SERIES = 'qemu-master-vs-xen-unstable';
const JOB = 'test-amd64-qemuu';
const STEP = 'boot';
const id = (label: string) => createHash('sha1').update(label).digest('hex');

type Outcome = 'pass' | 'fail' | 'untestable';

let flights = 0;
/** A flight of the series, as the watch or a bisection round records it. */
function flight(c: Combination, outcome: Outcome, extra: Partial<FlightRecord> = {}): FlightRecord {
  const steps: StepResult[] =
    outcome === 'untestable'
      ? [
          { name: 'build', status: 'fail', message: 'another breakage' },
          { name: STEP, status: 'blocked' },
        ]
      : [
          { name: 'build', status: 'pass' },
          { name: STEP, status: outcome },
        ];
  return {
    format: FLIGHT_RECORD_FORMAT,
    flight: `f${++flights}`,
    series: SERIES,
    tree: 'qemu',
    revision: c.qemu,
    trees: Object.entries(c).map(([name, revision]) => ({ name, revision })),
    jobs: [{ name: JOB, steps }],
    recordedAt: new Date(1_700_000_000_000 + flights * 1000).toISOString(),
    ...extra,
  };
}

/** A line of `n` commits named `<prefix>1..n` on top of `<prefix>0` (the last pass). */
function linear(prefix: string, n: number): { graph: CommitGraph; c: string[] } {
  const c = Array.from({ length: n + 1 }, (_, i) => id(`${prefix}${i}`));
  const commits: GraphCommit[] = [];
  for (let i = n; i >= 1; i--) commits.push({ commit: c[i], parents: [c[i - 1]] });
  return { graph: new CommitGraph(c[0], c[n], commits), c };
}

/** Which commits of a graph contain `culprit` (the culprit and its descendants). */
function containing(graph: CommitGraph, culprit: string): Set<string> {
  return new Set(graph.commits.filter((x) => graph.ancestors([x]).has(culprit)));
}

interface Loop {
  result: Plan;
  rounds: number;
  runs: number;
  phases: string[];
  records: FlightRecord[];
  plans: Plan[];
}

/** Plans, tests with the oracle and records until a result (or a runaway, which fails). */
function loop(
  input: Omit<BisectionInput, 'runs'>,
  oracle: (c: Combination) => Outcome,
  records: FlightRecord[] = [input.pass, input.fail],
): Loop {
  const plans: Plan[] = [];
  let runs = 0;
  for (let round = 0; round < 60; round++) {
    const plan = planBisection({ ...input, runs: runsOf(records, input) });
    plans.push(plan);
    if (plan.kind === 'result')
      return {
        result: plan,
        rounds: round,
        runs,
        phases: plans.map((p) => (p.kind === 'round' ? p.phase : p.outcome)),
        records,
        plans,
      };
    assert.ok(plan.tests.length >= 1 && plan.tests.length <= input.settings.runners);
    for (const t of plan.tests) {
      const c = Object.fromEntries(t.trees.map((x) => [x.name, x.revision]));
      records.push(flight(c, oracle(c), { purpose: 'bisect' }));
      runs++;
    }
  }
  assert.fail('the bisection did not end in 60 rounds');
}

function oneTree(
  graph: CommitGraph,
  settings: Partial<BisectionInput['settings']> = {},
  xen = id('xen'),
): Omit<BisectionInput, 'runs'> {
  return {
    series: SERIES,
    job: JOB,
    step: STEP,
    watched: 'qemu',
    pass: flight({ qemu: graph.pass, xen }, 'pass'),
    fail: flight({ qemu: graph.fail, xen }, 'fail'),
    graphs: new Map([['qemu', graph]]),
    settings: { runners: 1, confirmations: 3, ...settings },
  };
}

const log = (k: number, n: number) => Math.ceil(Math.log(n) / Math.log(k + 1) - 1e-9);

describe('bisection planner', () => {
  it('spreads k points so the failing top and the line fall into k+1 even parts', () => {
    const items = Array.from({ length: 11 }, (_, i) => i);
    assert.deepEqual(spread(items, 1), [5]);
    assert.deepEqual(spread(items, 3), [2, 5, 8]);
    assert.deepEqual(spread([0, 1], 7), [0, 1]);
    assert.deepEqual(spread([0], 1), [0]);
    // An untestable point gives way to its neighbour.
    assert.deepEqual(
      spread(
        items,
        1,
        () => 1,
        (i) => i !== 5,
      ),
      [4],
    );
    // A merge that brings 100 suspects weighs them: the point falls on it, not mid-line.
    const weight = { a: 1, b: 100, c: 1, d: 1 } as Record<string, number>;
    assert.deepEqual(
      spread(['a', 'b', 'c', 'd'], 1, (x) => weight[x]),
      ['b'],
    );
  });

  it('finds the first bad commit of a line in ceil(log_{k+1} n) search rounds, then confirms it', () => {
    const n = 64;
    const { graph, c } = linear('q', n);
    for (const k of [1, 3, 7]) {
      for (const bad of [1, 2, 17, 33, 63, 64]) {
        const bads = containing(graph, c[bad]);
        const r = loop(oneTree(graph, { runners: k }), (x) => (bads.has(x.qemu) ? 'fail' : 'pass'));
        assert.equal(r.result.kind, 'result');
        if (r.result.kind !== 'result') continue;
        assert.equal(r.result.outcome, 'blamed', `k=${k} bad=${bad}: ${r.result.reason}`);
        assert.equal(r.result.commit?.id, c[bad]);
        assert.deepEqual(r.result.commit?.parents, [c[bad - 1]]);
        const search = r.phases.filter((p) => p === 'search').length;
        assert.ok(search <= log(k, n), `k=${k} bad=${bad}: ${search} search rounds`);
        // Confirmation: 3 failures at the culprit and 3 passes at its parent, all recorded.
        const evidence = r.result.evidence;
        const at = (rev: string, o: string) =>
          evidence.filter(
            (e) => e.trees.find((t) => t.name === 'qemu')!.revision === rev && e.outcome === o,
          ).length;
        assert.equal(at(c[bad], 'fail'), 3);
        assert.equal(at(c[bad - 1], 'pass'), 3);
        assert.equal(evidence.length, 6);
        const confirm = r.phases.filter((p) => p === 'confirm').length;
        assert.ok(confirm <= Math.ceil(4 / k), `k=${k}: ${confirm} confirmation rounds`);
      }
    }
  });

  it('is stateless: the same records give the same round, a cancelled job is no run', () => {
    const { graph, c } = linear('s', 40);
    const input = oneTree(graph, { runners: 3 });
    const records = [input.pass, input.fail];
    const first = planBisection({ ...input, runs: runsOf(records, input) });
    assert.equal(first.kind, 'round');
    if (first.kind !== 'round') return;
    // The round's jobs were cancelled: planned again, the same.
    for (const t of first.tests) {
      const f = flight({ qemu: t.trees[0].revision, xen: t.trees[1].revision }, 'fail');
      f.jobs[0].cancelled = true;
      records.push(f);
    }
    assert.deepEqual(planBisection({ ...input, runs: runsOf(records, input) }), first);
    // A weekly flight of the series already passed at s30: reused, nothing below it is tested.
    records.push(flight({ qemu: c[30], xen: id('xen') }, 'pass'));
    const next = planBisection({ ...input, runs: runsOf(records, input) });
    assert.equal(next.kind, 'round');
    if (next.kind !== 'round') return;
    assert.equal(next.suspects, 10);
    for (const t of next.tests) assert.ok(c.indexOf(t.trees[0].revision) > 30);
  });

  it('follows the first-parent line, then the merged branch that holds the culprit', () => {
    // p0 - m1 - m2 - M - m3 ... m8 (first-fail), M merging s1..s6 forked from p0.
    const p0 = id('p0');
    const m = Array.from({ length: 9 }, (_, i) => id(`m${i}`));
    const s = Array.from({ length: 7 }, (_, i) => id(`s${i}`));
    const M = id('merge');
    const commits: GraphCommit[] = [];
    for (let i = 8; i >= 3; i--) commits.push({ commit: m[i], parents: [i === 3 ? M : m[i - 1]] });
    commits.push({ commit: M, parents: [m[2], s[6]] });
    for (let i = 6; i >= 1; i--) commits.push({ commit: s[i], parents: [i === 1 ? p0 : s[i - 1]] });
    commits.push({ commit: m[2], parents: [m[1]] }, { commit: m[1], parents: [p0] });
    const graph = new CommitGraph(p0, m[8], commits);

    const bads = containing(graph, s[4]);
    const r = loop(oneTree(graph), (x) => (bads.has(x.qemu) ? 'fail' : 'pass'));
    assert.equal(r.result.kind === 'result' && r.result.outcome, 'blamed');
    assert.equal(r.result.kind === 'result' && r.result.commit?.id, s[4]);
    // First the first-parent line only; the side branch once the merge is the lowest failure.
    const tested = r.plans.flatMap((p) =>
      p.kind === 'round' && p.phase === 'search' ? p.tests.map((t) => t.trees[0].revision) : [],
    );
    const firstSide = tested.findIndex((x) => s.includes(x));
    assert.ok(firstSide > 0);
    assert.ok(tested.slice(0, firstSide).every((x) => m.includes(x) || x === M));
    assert.ok(tested.includes(M));
    const side = r.plans.find(
      (p) => p.kind === 'round' && p.tests.some((t) => s.includes(t.trees[0].revision)),
    );
    assert.match(side?.kind === 'round' ? side.tests[0].why : '', /the branch merged by/);

    // A merge that is bad though both its parents pass: the merge is blamed, both parents confirmed.
    const mergeBad = containing(graph, M);
    const r2 = loop(oneTree(graph, { runners: 3 }), (x) =>
      mergeBad.has(x.qemu) ? 'fail' : 'pass',
    );
    assert.equal(r2.result.kind === 'result' && r2.result.outcome, 'blamed');
    if (r2.result.kind !== 'result') return;
    assert.equal(r2.result.commit?.id, M);
    assert.deepEqual(r2.result.commit?.parents, [m[2], s[6]]);
    for (const parent of [m[2], s[6]])
      assert.equal(
        r2.result.evidence.filter((e) => e.trees[0].revision === parent && e.outcome === 'pass')
          .length,
        3,
      );
  });

  it('skips untestable commits (another step failed first) and tries their neighbours', () => {
    const n = 200;
    const { graph, c } = linear('u', n);
    // 5 % untestable, never next to the culprit; some right at the first points tried.
    const untestable = new Set([100, 99, 101, 50, 150, 11, 12, 13, 77, 170].map((i) => c[i]));
    for (let i = 0; i < 10; i++) untestable.add(c[19 + i * 16]);
    const bads = containing(graph, c[123]);
    const tested = new Map<string, number>();
    const r = loop(oneTree(graph, { runners: 3 }), (x) => {
      tested.set(x.qemu, (tested.get(x.qemu) ?? 0) + 1);
      if (untestable.has(x.qemu)) return 'untestable';
      return bads.has(x.qemu) ? 'fail' : 'pass';
    });
    assert.equal(r.result.kind === 'result' && r.result.outcome, 'blamed');
    assert.equal(r.result.kind === 'result' && r.result.commit?.id, c[123]);
    // Untestable is not bad: the failure of the build is not the regression.
    for (const u of untestable)
      assert.ok((tested.get(u) ?? 0) <= 1, 'an untestable commit tried again');
    assert.ok(
      [...untestable].some((u) => tested.has(u)),
      'the test should have met an untestable commit',
    );
  });

  it('says which commits the culprit is among when only untestable ones are left', () => {
    const { graph, c } = linear('v', 30);
    const untestable = new Set([18, 19, 20, 21].map((i) => c[i]));
    const bads = containing(graph, c[20]);
    const r = loop(oneTree(graph, { runners: 3 }), (x) =>
      untestable.has(x.qemu) ? 'untestable' : bads.has(x.qemu) ? 'fail' : 'pass',
    );
    assert.equal(r.result.kind, 'result');
    if (r.result.kind !== 'result') return;
    assert.equal(r.result.outcome, 'untestable', r.result.reason);
    assert.deepEqual(r.result.candidates, [c[18], c[19], c[20], c[21], c[22]]);
    assert.match(r.result.reason, /only untestable commits are left/);
  });

  it('does not blame on results that do not confirm: "not reproducible" with the evidence', () => {
    const { graph, c } = linear('f', 30);
    const bads = containing(graph, c[12]);
    // The culprit's failure is flaky: its second run passes.
    let atCulprit = 0;
    const r = loop(oneTree(graph, { runners: 1 }), (x) => {
      if (x.qemu === c[12] && ++atCulprit === 2) return 'pass';
      return bads.has(x.qemu) ? 'fail' : 'pass';
    });
    assert.equal(r.result.kind, 'result');
    if (r.result.kind !== 'result') return;
    assert.equal(r.result.outcome, 'not-reproducible');
    assert.match(r.result.reason, /both passed and failed at qemu/);
    assert.deepEqual(
      r.result.evidence.map((e) => e.outcome).sort(),
      ['fail', 'pass'],
      'the evidence is the runs that disagree',
    );
    assert.equal(r.result.commit, undefined);

    // A parent that fails once in the confirmation: no blame either.
    let atParent = 0;
    const r2 = loop(oneTree(graph, { runners: 3 }), (x) => {
      if (x.qemu === c[11] && ++atParent === 3) return 'fail';
      return bads.has(x.qemu) ? 'fail' : 'pass';
    });
    assert.equal(r2.result.kind === 'result' && r2.result.outcome, 'not-reproducible');

    // A failure inside a revision that passed: the two cannot both be right.
    const input = oneTree(graph);
    const contradiction = planBisection({
      ...input,
      runs: runsOf(
        [
          input.pass,
          input.fail,
          flight({ qemu: c[5], xen: id('xen') }, 'fail'),
          flight({ qemu: c[9], xen: id('xen') }, 'pass'),
        ],
        input,
      ),
    });
    assert.equal(contradiction.kind === 'result' && contradiction.outcome, 'not-reproducible');
    assert.match(
      contradiction.kind === 'result' ? contradiction.reason : '',
      /failed, yet .* passed/,
    );
  });

  it('a step retried within a job counts each attempt: fail-then-pass is flaky', () => {
    const { graph } = linear('a', 8);
    const input = oneTree(graph);
    const again = flight({ qemu: graph.fail, xen: id('xen') }, 'pass');
    again.jobs[0].steps[1].attempts = ['fail'];
    const runs = runsOf([again], input);
    assert.deepEqual(
      runs.map((r) => [r.outcome, r.attempt]),
      [
        ['fail', 1],
        ['pass', 2],
      ],
    );
    // ... and a regression that passes again at first-fail is an explicit result.
    const plan = planBisection({ ...input, runs: runsOf([input.pass, input.fail, again], input) });
    assert.equal(plan.kind === 'result' && plan.outcome, 'not-reproducible');
    assert.match(
      plan.kind === 'result' ? plan.reason : '',
      /boot passes again at the first-fail revisions/,
    );
  });

  describe('two trees changed', () => {
    const q = linear('q', 20);
    const x = linear('x', 6);
    const both = (settings: Partial<BisectionInput['settings']> = {}) => ({
      ...oneTree(q.graph, { runners: 3, ...settings }),
      pass: flight({ qemu: q.c[0], xen: x.c[0] }, 'pass'),
      fail: flight({ qemu: q.c[20], xen: x.c[6] }, 'fail'),
      graphs: new Map([
        ['qemu', q.graph],
        ['xen', x.graph],
      ]),
    });
    const qBad = containing(q.graph, q.c[7]);
    const xBad = containing(x.graph, x.c[3]);

    it('first finds whose change is at fault, then bisects it with the other held', () => {
      const r = loop(both(), (c) => (qBad.has(c.qemu) ? 'fail' : 'pass'));
      const first = r.plans[0];
      assert.equal(first.kind === 'round' && first.phase, 'isolate');
      assert.deepEqual(
        first.kind === 'round' ? first.tests.map((t) => t.trees.map((tr) => tr.revision)) : [],
        [
          [q.c[20], x.c[0]],
          [q.c[0], x.c[6]],
        ],
      );
      assert.equal(r.result.kind, 'result');
      if (r.result.kind !== 'result') return;
      assert.equal(r.result.outcome, 'blamed');
      assert.equal(r.result.tree, 'qemu');
      assert.equal(r.result.commit?.id, q.c[7]);
      assert.deepEqual(r.result.held, [{ name: 'xen', revision: x.c[0] }]);
      assert.equal(r.result.alsoAtFault, undefined);

      // The consumer's change at fault: xen is bisected, qemu held at its last-pass revision.
      const rx = loop(both(), (c) => (xBad.has(c.xen) ? 'fail' : 'pass'));
      assert.equal(rx.result.kind === 'result' && rx.result.tree, 'xen');
      assert.equal(rx.result.kind === 'result' && rx.result.commit?.id, x.c[3]);
      assert.deepEqual(rx.result.kind === 'result' && rx.result.held, [
        { name: 'qemu', revision: q.c[0] },
      ]);
    });

    it('needs the history of the tree to bisect, and says so', () => {
      const input = { ...both(), graphs: new Map([['qemu', q.graph]]) };
      const records = [input.pass, input.fail];
      records.push(flight({ qemu: q.c[20], xen: x.c[0] }, 'pass'));
      records.push(flight({ qemu: q.c[0], xen: x.c[6] }, 'fail'));
      assert.throws(
        () => planBisection({ ...input, runs: runsOf(records, input) }),
        /The change of tree 'xen' .* is the one to bisect, but its history is not known/,
      );
    });

    it('when neither change fails alone, bisects the watched tree with the consumer new', () => {
      const r = loop(both(), (c) => (qBad.has(c.qemu) && xBad.has(c.xen) ? 'fail' : 'pass'));
      assert.equal(r.result.kind === 'result' && r.result.outcome, 'blamed');
      if (r.result.kind !== 'result') return;
      assert.equal(r.result.commit?.id, q.c[7]);
      assert.deepEqual(r.result.held, [{ name: 'xen', revision: x.c[6] }]);
    });

    it('when both changes fail alone, bisects the watched tree and names the other; --tree picks', () => {
      const oracle = (c: Combination) => (qBad.has(c.qemu) || xBad.has(c.xen) ? 'fail' : 'pass');
      const r = loop(both(), oracle);
      assert.equal(r.result.kind === 'result' && r.result.commit?.id, q.c[7]);
      assert.deepEqual(r.result.kind === 'result' && r.result.alsoAtFault, ['xen']);
      const rx = loop(both({ tree: 'xen' }), oracle);
      assert.equal(rx.result.kind === 'result' && rx.result.commit?.id, x.c[3]);
    });

    it('a combination that cannot be built still lets the other decide', () => {
      // New qemu does not build against old xen: bisect qemu against new xen instead.
      const r = loop(both(), (c) =>
        c.xen === x.c[0] && c.qemu !== q.c[0] ? 'untestable' : qBad.has(c.qemu) ? 'fail' : 'pass',
      );
      assert.equal(r.result.kind === 'result' && r.result.commit?.id, q.c[7]);
      assert.deepEqual(r.result.kind === 'result' && r.result.held, [
        { name: 'xen', revision: x.c[6] },
      ]);
    });
  });

  describe('bad input', () => {
    const { graph } = linear('b', 10);

    it('a last-pass flight whose step did not pass, a first-fail one whose step is untestable', () => {
      const input = oneTree(graph);
      const notPass = { ...input, pass: flight({ qemu: graph.pass, xen: id('xen') }, 'fail') };
      assert.throws(
        () => planBisection({ ...notPass, runs: [] }),
        /In the last-pass flight f\d+, step 'boot' of job 'test-amd64-qemuu' failed: it is not a pass to bisect from/,
      );
      const blocked = {
        ...input,
        fail: flight({ qemu: graph.fail, xen: id('xen') }, 'untestable'),
      };
      assert.throws(
        () => planBisection({ ...blocked, runs: [] }),
        /In the first-fail flight f\d+, step 'boot' of job 'test-amd64-qemuu' is untestable \(step 'build' before it: fail\)/,
      );
      assert.throws(
        () => planBisection({ ...input, job: 'build-arm', runs: [] }),
        /The last-pass flight f\d+ has no job 'build-arm' \(its jobs: test-amd64-qemuu\)/,
      );
    });

    it('unknown trees, trees that differ between the flights, settings out of range', () => {
      const input = oneTree(graph);
      assert.throws(
        () =>
          planBisection({ ...input, settings: { ...input.settings, tree: 'seabios' }, runs: [] }),
        /Unknown tree 'seabios': the series' flights have trees qemu, xen/,
      );
      assert.throws(
        () => planBisection({ ...input, settings: { ...input.settings, tree: 'xen' }, runs: [] }),
        /Tree 'xen' is at [0-9a-f]{40} in both flights: nothing to bisect in it \(changed: qemu\)/,
      );
      const other = { ...input, fail: flight({ qemu: graph.fail, seabios: id('sb') }, 'fail') };
      assert.throws(
        () => planBisection({ ...other, runs: [] }),
        /has trees qemu, xen and the first-fail flight f\d+ has qemu, seabios/,
      );
      assert.throws(
        () => planBisection({ ...input, settings: { runners: 0, confirmations: 3 }, runs: [] }),
        /Invalid runners '0'/,
      );
      const otherSeries = { ...input, series: 'seabios-master' };
      assert.throws(
        () => planBisection({ ...otherSeries, runs: [] }),
        /belongs to series 'qemu-master-vs-xen-unstable', not 'seabios-master'/,
      );
    });
  });
});
