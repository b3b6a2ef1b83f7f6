/**
 * Bisection, counted: rounds and test runs of tributary's planner for a range of 1,000
 * commits (a first-parent line of direct commits and merges of topic branches, the shape of
 * QEMU's master), one bad commit and 5 % of the commits untestable (another step fails
 * first), with k = 1, 3 and 7 runners, confirmations included (3 runs of the failure at the
 * culprit and of the pass at its parent). Against `git bisect run` on the same history: a
 * real repository, a script that says good, bad or skip (125), the same culprits and the same
 * untestable commits. git bisect tests one revision at a time, so its rounds are its runs.
 * The range is read back from the repository as `tributary bisect` reads it (rev-list).
 *
 * Then the watch report at 10,000 flights recorded against 100 (bench/watch/report.ts).
 *
 *   node build/bench/watch.js [--commits 1000] [--trials 12] [--untestable 0.05] [--seed 7]
 *     [--records 100,10000] [--repeat 5] [--part all|bisect|report]
 */
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CommitGraph } from '../actions/lib/bisect/graph.js';
import { planBisection, type BisectionInput } from '../actions/lib/bisect/plan.js';
import { runsOf } from '../actions/lib/bisect/runs.js';
import { FLIGHT_RECORD_FORMAT, type FlightRecord } from '../actions/lib/flight.js';
import { initRepository, type Git } from '../actions/lib/git.js';
import { benchWatchReport } from './watch/report.js';
import { median } from './lib/stats.js';

const { values } = parseArgs({
  options: {
    commits: { type: 'string', default: '1000' },
    trials: { type: 'string', default: '12' },
    untestable: { type: 'string', default: '0.05' },
    seed: { type: 'string', default: '7' },
    records: { type: 'string', default: '100,10000' },
    repeat: { type: 'string', default: '5' },
    part: { type: 'string', default: 'all' },
  },
});
const N = Number(values.commits);
const TRIALS = Number(values.trials);
const UNTESTABLE = Number(values.untestable);
const RUNNERS = [1, 3, 7];
const CONFIRMATIONS = 3;

/** mulberry32: the same history and trials on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = random(Number(values.seed));

/**
 * Writes the history with one `git fast-import`: the last pass (mark 1), then `n` commits:
 * direct commits on master, and topic branches of 1 to 8 commits forked from a recent
 * master commit and merged back with --no-ff.
 */
async function makeHistory(git: Git, n: number): Promise<{ merges: number }> {
  const out: string[] = [];
  let mark = 0;
  let time = 1_700_000_000;
  const main: number[] = [];
  const commit = (parents: number[], file: string) => {
    const m = ++mark;
    const msg = `change ${m}\n`;
    out.push(
      `commit refs/heads/${parents.length > 1 || file === 'main' ? 'master' : 'topic'}\nmark :${m}\n` +
        `author A <a@example.org> ${time} +0000\ncommitter A <a@example.org> ${time++} +0000\n` +
        `data ${msg.length}\n${msg}` +
        (parents.length ? `from :${parents[0]}\n` : '') +
        parents
          .slice(1)
          .map((p) => `merge :${p}\n`)
          .join('') +
        `M 644 inline ${file}.txt\ndata ${String(m).length + 1}\n${m}\n\n`,
    );
    return m;
  };
  main.push(commit([], 'main'));
  let merges = 0;
  while (mark - 1 < n) {
    const left = n - (mark - 1);
    if (left >= 3 && rnd() < 0.3) {
      // A topic branch from one of the last 10 master commits, merged into master.
      const base = main[Math.max(0, main.length - 1 - Math.floor(rnd() * 10))];
      let tip = base;
      const len = Math.min(left - 1, 1 + Math.floor(rnd() * 8));
      for (let i = 0; i < len; i++) tip = commit([tip], `topic-${mark}`);
      main.push(commit([main[main.length - 1], tip], 'main'));
      merges++;
    } else main.push(commit([main[main.length - 1]], 'main'));
  }
  await git.run(['fast-import', '--quiet'], { input: out.join('') });
  return { merges };
}

function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => out.push(b));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve(Buffer.concat(out).toString('utf8'))
        : reject(new Error(`${cmd} ${args.join(' ')}: exit ${code}\n${Buffer.concat(out)}`)),
    );
  });
}

interface Trial {
  culprit: string;
  untestable: Set<string>;
}

/** git bisect run on the history: the script's runs, and whether it named the culprit. */
async function gitBisect(
  work: string,
  dir: string,
  graph: CommitGraph,
  t: Trial,
): Promise<{ runs: number; found: boolean }> {
  const count = join(dir, 'runs');
  writeFileSync(count, '');
  writeFileSync(join(dir, 'untestable'), [...t.untestable].join('\n') + '\n');
  const env = {
    ...process.env,
    CULPRIT: t.culprit,
    RUNS: count,
    UNTESTABLE: join(dir, 'untestable'),
    GIT_AUTHOR_NAME: 'bench',
    GIT_AUTHOR_EMAIL: 'bench@example.org',
    GIT_COMMITTER_NAME: 'bench',
    GIT_COMMITTER_EMAIL: 'bench@example.org',
  };
  await run('git', ['bisect', 'start', graph.fail, graph.pass], work, env);
  const out = await run('git', ['bisect', 'run', join(dir, 'test.sh')], work, env);
  await run('git', ['bisect', 'reset'], work, env);
  const runs = readFileSync(count, 'utf8').split('\n').filter(Boolean).length;
  return { runs, found: out.includes(`${t.culprit} is the first bad commit`) };
}

/** tributary's planner, round after round, each test answered by the same oracle. */
function tributary(
  graph: CommitGraph,
  t: Trial,
  runners: number,
): { rounds: number; search: number; runs: number; found: boolean; planMs: number[] } {
  const contains = new Set(graph.commits.filter((c) => graph.ancestors([c]).has(t.culprit)));
  let flights = 0;
  const flight = (qemu: string, outcome: 'pass' | 'fail' | 'untestable'): FlightRecord => ({
    format: FLIGHT_RECORD_FORMAT,
    flight: `f${++flights}`,
    series: 'bench',
    tree: 'qemu',
    revision: qemu,
    trees: [{ name: 'qemu', revision: qemu }],
    jobs: [
      {
        name: 'test',
        steps:
          outcome === 'untestable'
            ? [
                { name: 'build', status: 'fail' },
                { name: 'boot', status: 'blocked' },
              ]
            : [
                { name: 'build', status: 'pass' },
                { name: 'boot', status: outcome },
              ],
      },
    ],
    recordedAt: new Date(flights * 1000).toISOString(),
  });
  const input: Omit<BisectionInput, 'runs'> = {
    series: 'bench',
    job: 'test',
    step: 'boot',
    watched: 'qemu',
    pass: flight(graph.pass, 'pass'),
    fail: flight(graph.fail, 'fail'),
    graphs: new Map([['qemu', graph]]),
    settings: { runners, confirmations: CONFIRMATIONS },
  };
  const records = [input.pass, input.fail];
  let rounds = 0;
  let search = 0;
  let runs = 0;
  const planMs: number[] = [];
  for (;;) {
    const t0 = performance.now();
    const plan = planBisection({ ...input, runs: runsOf(records, input) });
    planMs.push(performance.now() - t0);
    if (plan.kind === 'result')
      return {
        rounds,
        search,
        runs,
        found: plan.outcome === 'blamed' && plan.commit?.id === t.culprit,
        planMs,
      };
    rounds++;
    if (plan.phase === 'search') search++;
    for (const test of plan.tests) {
      const rev = test.trees[0].revision;
      runs++;
      records.push(
        flight(rev, t.untestable.has(rev) ? 'untestable' : contains.has(rev) ? 'fail' : 'pass'),
      );
    }
    if (rounds > 200) throw new Error('bench: the bisection does not end');
  }
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

const dir = mkdtempSync(join(tmpdir(), 'tributary-bench-watch-'));
try {
  if (values.part !== 'report') await benchBisection();
  if (values.part !== 'bisect')
    await benchWatchReport(dir, values.records!.split(',').map(Number), Number(values.repeat));
} finally {
  rmSync(dir, { recursive: true, force: true });
}

async function benchBisection(): Promise<void> {
  const git = await initRepository(join(dir, 'repo'), { bare: false });
  const { merges } = await makeHistory(git, N);
  await git.run(['checkout', '--quiet', '--force', 'master']);
  const fail = await git.run(['rev-parse', 'master']);
  const pass = (await git.run(['rev-list', '--max-parents=0', 'master'])).trim();
  // The range as tributary bisect reads it.
  const graph = CommitGraph.fromRevList(
    pass,
    fail,
    await git.run(['rev-list', '--topo-order', '--parents', fail, `^${pass}`]),
  );
  writeFileSync(
    join(dir, 'test.sh'),
    [
      '#!/bin/sh',
      'h=$(git rev-parse HEAD)',
      'echo "$h" >>"$RUNS"',
      'grep -qx "$h" "$UNTESTABLE" && exit 125',
      'git merge-base --is-ancestor "$CULPRIT" "$h" && exit 1',
      'exit 0',
      '',
    ].join('\n'),
  );
  chmodSync(join(dir, 'test.sh'), 0o755);

  const merge = new Set(graph.commits.filter((c) => graph.parents(c).length > 1));
  const trials: Trial[] = [];
  for (let i = 0; i < TRIALS; i++) {
    const others = graph.commits.filter((c) => c !== graph.fail);
    const untestable = new Set<string>();
    while (untestable.size < Math.round(UNTESTABLE * graph.size))
      untestable.add(others[Math.floor(rnd() * others.length)]);
    // A culprit that can be found: testable, not a merge, its parent testable.
    const fit = others.filter(
      (c) =>
        !merge.has(c) && !untestable.has(c) && graph.parents(c).every((p) => !untestable.has(p)),
    );
    trials.push({ culprit: fit[Math.floor(rnd() * fit.length)], untestable });
  }

  const g = { runs: [] as number[], found: 0 };
  for (const t of trials) {
    const r = await gitBisect(git.cwd, dir, graph, t);
    g.runs.push(r.runs);
    if (r.found) g.found++;
  }
  console.log(
    `history: ${graph.size} commits (${merges} merges of topic branches), ${Math.round(UNTESTABLE * graph.size)} untestable (${(UNTESTABLE * 100).toFixed(0)} %), one bad commit; ${TRIALS} trials, the same for both`,
  );
  console.log(
    `git bisect run: ${mean(g.runs).toFixed(1)} test runs a bisection (= rounds: one at a time), first bad commit named in ${g.found}/${TRIALS}`,
  );
  const planMs: number[] = [];
  for (const k of RUNNERS) {
    const rs = trials.map((t) => tributary(graph, t, k));
    planMs.push(...rs.flatMap((r) => r.planMs));
    const rounds = mean(rs.map((r) => r.rounds));
    const runs = mean(rs.map((r) => r.runs));
    const search = mean(rs.map((r) => r.search));
    const bound =
      Math.ceil(Math.log(graph.size) / Math.log(k + 1) - 1e-9) +
      Math.ceil((2 * (CONFIRMATIONS - 1)) / k);
    console.log(
      `k=${k}: ${rounds.toFixed(1)} rounds (search ${search.toFixed(1)}, confirm ${(rounds - search).toFixed(1)}; ` +
        `with nothing untestable ceil(log_${k + 1} n) + ceil(${2 * (CONFIRMATIONS - 1)}/k) = ${bound}), ${runs.toFixed(1)} test runs; ` +
        `against git bisect run: rounds ${(rounds / mean(g.runs)).toFixed(2)}x, test runs ${(runs / mean(g.runs)).toFixed(2)}x; ` +
        `blamed the culprit, confirmed ${CONFIRMATIONS}+${CONFIRMATIONS} runs, in ${rs.filter((r) => r.found).length}/${TRIALS}`,
    );
  }
  console.log(
    `planning a round at ${graph.size} commits: median ${median(planMs).toFixed(1)} ms, max ${Math.max(...planMs).toFixed(1)} ms`,
  );
}
