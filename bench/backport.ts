/**
 * Backport classifier benchmark: 2,000 downstream commits against an upstream of 100,000,
 * synthesized with `git fast-import`. Most downstream commits are real picks of upstream
 * ones (with every reference form, without a reference, modified with a note), so patch-id
 * matching does real work. Prints the cold run as a ratio to
 * `git log --cherry-mark --left-right` over the same range, measured in the same run (goal:
 * at most 1.5), and warm against cold cache (goal: at least 10 times faster).
 *
 *   node build/bench/backport.js [--upstream 100000] [--downstream 2000] [--fork 10000] [--rounds 3] [--keep]
 *   node build/bench/backport.js --reuse /tmp/bench-backport-XXXX   (a folder --keep left)
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Git, initRepository } from '../actions/lib/git.js';
import { classifyCommits, countClasses } from '../actions/lib/backport/classifier.js';
import { FactsCache } from '../actions/lib/backport/facts.js';
import { parsePolicy } from '../actions/lib/backport/policy.js';

const { values } = parseArgs({
  options: {
    upstream: { type: 'string', default: '100000' },
    downstream: { type: 'string', default: '2000' },
    fork: { type: 'string', default: '10000' },
    keep: { type: 'boolean', default: false },
    // A folder kept by an earlier --keep run: measure again without synthesizing.
    reuse: { type: 'string' },
    rounds: { type: 'string', default: '3' },
  },
});
const N = Number(values.upstream);
const D = Number(values.downstream);
const K = Math.min(Number(values.fork), Math.floor(N / 2));
const rounds = Math.max(1, Number(values.rounds));

// 20,000 files of 10 lines: 200,000 slots. Upstream commit i changes slots p(2i) and p(2i+1),
// a permutation, so each line changes once upstream and picks apply without conflict; the
// lines around a pick may differ downstream (its context moved), as in real trees.
const FILES = Math.max(2000, Math.ceil((2 * N) / 10));
const SLOTS = FILES * 10;
const permute = (x: number) => (x * 7919) % SLOTS;
const slotsOf = (i: number) => [permute(2 * i), permute(2 * i + 1)];
const fileName = (f: number) => `src/d${f % 100}/f${f}.c`;

let seed = 42;
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};

function data(text: string): string {
  return `data ${Buffer.byteLength(text)}\n${text}\n`;
}

/** CPU time of this process and of the children it waited for, in ms (Linux /proc). */
function cpuMs(): number {
  const self = process.cpuUsage();
  // Fields 16 and 17 of /proc/self/stat: children's user and system time, in clock ticks
  // (100 a second on Linux). The command name in field 2 may hold spaces: split after ')'.
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (self.user + self.system) / 1000 + (Number(f[13]) + Number(f[14])) * 10;
}

/** The CPU time (ms, children included) of the last `timed` call. */
let lastCpu = 0;

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const cpu = cpuMs();
  const start = process.hrtime.bigint();
  const value = await fn();
  lastCpu = cpuMs() - cpu;
  return [Number(process.hrtime.bigint() - start) / 1e6, value];
}

async function synthesize(git: Git, dir: string) {
  const state: string[][] = [];
  for (let f = 0; f < FILES; f++) {
    const lines: string[] = [];
    for (let l = 0; l < 10; l++) lines.push(`file ${f} line ${l} as imported`);
    state.push(lines);
  }
  const content = (f: number, lines = state[f]) => lines.join('\n') + '\n';
  const chunks: string[] = [];
  let time = 1500000000;
  const commit = (ref: string, mark: number, message: string, from: string | undefined) =>
    `commit ${ref}\nmark :${mark}\ncommitter Dev <dev@example.org> ${time++} +0000\n${data(message)}${from ? `from ${from}\n` : ''}`;
  chunks.push(commit('refs/heads/master', 1, 'initial import\n', undefined));
  for (let f = 0; f < FILES; f++) chunks.push(`M 644 inline ${fileName(f)}\n${data(content(f))}`);
  let fork: string[][] = [];
  const changes = new Map<number, [number, number, string][]>();
  for (let i = 1; i <= N; i++) {
    const touched: [number, number, string][] = [];
    for (const s of slotsOf(i)) {
      const f = Math.floor(s / 10);
      const line = `file ${f} line ${s % 10} changed by upstream commit ${i}`;
      state[f][s % 10] = line;
      touched.push([f, s % 10, line]);
    }
    if (i > K) changes.set(i, touched);
    chunks.push(
      commit('refs/heads/master', i + 1, `subsystem ${i % 97}: change ${i}\n`, undefined),
    );
    for (const [f] of touched) chunks.push(`M 644 inline ${fileName(f)}\n${data(content(f))}`);
    if (i === K) fork = state.map((l) => [...l]);
  }
  const marks = join(dir, 'marks');
  await git.run(['fast-import', '--quiet', `--export-marks=${marks}`], { input: chunks.join('') });
  const ids = new Map<number, string>();
  for (const line of readFileSync(marks, 'utf8').split('\n')) {
    const m = /^:(\d+) ([0-9a-f]+)$/.exec(line);
    if (m) ids.set(Number(m[1]), m[2]);
  }
  const upstreamId = (i: number) => ids.get(i + 1)!;

  // The downstream: D commits on the upstream commit K.
  const down = fork;
  const kinds = { reference: 0, plain: 0, modified: 0, downstreamOnly: 0, violation: 0 };
  const forms = [
    (id: string) => `(cherry picked from commit ${id})`,
    (id: string) => `commit ${id} upstream.`,
    (id: string) => `[ Upstream commit ${id} ]`,
    (id: string) => `master commit: ${id}\nmaster date: 2025-01-14 10:20:30 +0100`,
    (id: string) => `(backported from commit ${id})`,
    (id: string) => `Backport-of: ${id}`,
  ];
  const picked = new Set<number>();
  const out: string[] = [];
  let parent = `:${K + 1}`;
  for (let j = 0; j < D; j++) {
    const r = random();
    let u = 0;
    while (!u || picked.has(u)) u = K + 1 + Math.floor(random() * (N - K));
    const touched: number[] = [];
    let message: string;
    if (r < 0.7) {
      picked.add(u);
      const modified = r >= 0.6;
      const plain = r >= 0.45 && !modified;
      const apply = changes.get(u)!.slice(0, modified ? 1 : 2);
      for (const [f, l, line] of apply) {
        down[f][l] = line;
        touched.push(f);
      }
      if (modified) {
        kinds.modified++;
        message = `subsystem ${u % 97}: change ${u}\n\n${forms[j % forms.length](upstreamId(u))}\n[bench: only the first file applies]\n`;
      } else if (plain) {
        kinds.plain++;
        message = `subsystem ${u % 97}: change ${u}\n`;
      } else {
        kinds.reference++;
        message = `subsystem ${u % 97}: change ${u}\n\n${forms[j % forms.length](upstreamId(u))}\n`;
      }
    } else {
      const f = Math.floor(random() * FILES);
      down[f][9] = `file ${f} line 9 downstream change ${j}`;
      touched.push(f);
      if (r < 0.85) {
        kinds.downstreamOnly++;
        message = `local: change ${j}\n\nDownstream-only: carried for the product build\n`;
      } else {
        kinds.violation++;
        message = `local: unexplained change ${j}\n`;
      }
    }
    const mark = N + 2 + j;
    out.push(commit('refs/heads/downstream', mark, message, parent));
    parent = '';
    for (const f of touched) out.push(`M 644 inline ${fileName(f)}\n${data(content(f, down[f]))}`);
  }
  await git.run(['fast-import', '--quiet', `--import-marks=${marks}`], { input: out.join('') });
  return { fork: upstreamId(K), kinds };
}

async function main() {
  const dir = values.reuse ?? mkdtempSync(join(tmpdir(), 'bench-backport-'));
  try {
    let made: { fork: string };
    let git: Git;
    if (values.reuse) {
      git = new Git({ cwd: join(dir, 'repo.git') });
      made = { fork: await git.run(['merge-base', 'master', 'downstream']) };
      rmSync(join(dir, 'cache'), { recursive: true, force: true });
      console.log(`reusing ${dir}`);
    } else {
      git = await initRepository(join(dir, 'repo.git'));
      const [buildMs, synthesized] = await timed(() => synthesize(git, dir));
      made = synthesized;
      console.log(
        `synthesized ${N} upstream and ${D} downstream commits (fork at upstream commit ${K}) in ${(buildMs / 1000).toFixed(1)} s; downstream: ${JSON.stringify(synthesized.kinds)}`,
      );
    }
    // Baseline: git's own equivalence check over the same range (both sides since the fork).
    const baseline = async () =>
      (
        await timed(() =>
          git.run([
            'log',
            '--cherry-mark',
            '--left-right',
            '--no-merges',
            '--format=%m %H',
            'master...downstream',
          ]),
        )
      )[0];
    const options = (cache: FactsCache) => ({
      git,
      base: made.fork,
      head: 'downstream',
      development: 'master',
      policy: parsePolicy({}),
      cache,
    });
    // A maintained repository has a commit-graph (git gc writes one, gc.writeCommitGraph is on
    // by default; the action's fetches write one too); fast-import leaves none. Then one
    // untimed run so that neither side pays for reading the pack from disk first.
    await git.run(['commit-graph', 'write', '--reachable']);
    await baseline();
    // Rounds of baseline, cold, warm, side by side, so a change of load on a shared machine
    // hits all three; the best of each is reported, and every run is shown.
    const runs = { baseline: [] as number[], cold: [] as number[], warm: [] as number[] };
    const cpu = { baseline: [] as number[], cold: [] as number[], warm: [] as number[] };
    let cold: Awaited<ReturnType<typeof classifyCommits>> = [];
    let same = true;
    for (let round = 0; round < rounds; round++) {
      const cacheDir = join(dir, 'cache');
      rmSync(cacheDir, { recursive: true, force: true });
      runs.baseline.push(await baseline());
      cpu.baseline.push(lastCpu);
      const [coldMs, coldList] = await timed(() =>
        classifyCommits(options(FactsCache.load(cacheDir))),
      );
      runs.cold.push(coldMs);
      cpu.cold.push(lastCpu);
      // Warm: the cache as the next run finds it, read from its folder (that read is counted).
      const [warmMs, warmList] = await timed(() =>
        classifyCommits(options(FactsCache.load(cacheDir))),
      );
      runs.warm.push(warmMs);
      cpu.warm.push(lastCpu);
      cold = coldList;
      same &&= JSON.stringify(coldList) === JSON.stringify(warmList);
    }
    const best = (l: number[]) => Math.min(...l);
    const shown = (l: number[]) => l.map((x) => x.toFixed(0)).join(', ');
    const counts = countClasses(cold);
    console.log(`classified: ${JSON.stringify(counts)}; warm result identical: ${same}`);
    console.log(
      `git log --cherry-mark --left-right master...downstream: ${best(runs.baseline).toFixed(0)} ms (runs: ${shown(runs.baseline)})`,
    );
    console.log(
      `classify, cold cache: ${best(runs.cold).toFixed(0)} ms (runs: ${shown(runs.cold)})`,
    );
    console.log(
      `classify, warm cache: ${best(runs.warm).toFixed(0)} ms (runs: ${shown(runs.warm)}; loading the cache included)`,
    );
    console.log(
      `ratio cold / cherry-mark: ${(best(runs.cold) / best(runs.baseline)).toFixed(2)} (goal <= 1.5)`,
    );
    console.log(
      `ratio cold / warm: ${(best(runs.cold) / best(runs.warm)).toFixed(1)} (goal >= 10)`,
    );
    // CPU time does not depend on how busy the machine is, nor on how many cores a side uses.
    console.log(
      `CPU time (git included): cherry-mark ${best(cpu.baseline).toFixed(0)} ms, cold ${best(cpu.cold).toFixed(0)} ms, warm ${best(cpu.warm).toFixed(0)} ms; ratio cold / cherry-mark ${(best(cpu.cold) / best(cpu.baseline)).toFixed(2)}, cold / warm ${(best(cpu.cold) / best(cpu.warm)).toFixed(1)}`,
    );
    if (!same) process.exitCode = 1;
  } finally {
    if (values.keep || values.reuse) console.log(`kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

await main();
