/**
 * Backport classifier benchmark on a history the shape of Xen's (bench/lib/xen-shape.ts:
 * 62,000 commits, 450 refs, stable-4.20's 400 commits with references in every form): the
 * classification of stable-4.20 against master, cold (no facts cached) as a ratio to
 * `git log --cherry-mark --left-right` over the same range, in wall and CPU time (goal: at most
 * 1.3), and warm against cold (goal: at least 10 times faster). Medians of 5 rounds; each
 * round runs the three side by side, so a change of load on a shared machine hits all three.
 *
 *   npm run bench backport        (node build/bench/backport.js [--rounds 5])
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Git } from '../actions/lib/git.js';
import { median } from './lib/stats.js';
import { xenShape } from './lib/xen-shape.js';
import { classifyCommits, countClasses } from '../actions/lib/backport/classifier.js';
import { FactsCache } from '../actions/lib/backport/facts.js';
import { parsePolicy } from '../actions/lib/backport/policy.js';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '5' } } });
const rounds = Math.max(1, Number(values.rounds));

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

async function main() {
  const shape = await xenShape();
  const dir = mkdtempSync(join(tmpdir(), 'bench-backport-'));
  try {
    const git = new Git({ cwd: shape.repository });
    console.log(
      `Xen-shaped history: ${shape.commits} commits, ${shape.refs} refs; stable-4.20: ${JSON.stringify(shape.kinds)}`,
    );
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
            'master...stable-4.20',
          ]),
        )
      )[0];
    const options = (cache: FactsCache) => ({
      git,
      base: shape.fork,
      head: 'stable-4.20',
      development: 'master',
      policy: parsePolicy({}),
      cache,
    });
    // One untimed run so that neither side pays for reading the pack from disk first.
    await baseline();
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
    const shown = (l: number[]) => l.map((x) => x.toFixed(0)).join(', ');
    const counts = countClasses(cold);
    console.log(`classified: ${JSON.stringify(counts)}; warm result identical: ${same}`);
    console.log(
      `git log --cherry-mark --left-right master...stable-4.20: ${median(runs.baseline).toFixed(0)} ms (runs: ${shown(runs.baseline)})`,
    );
    console.log(
      `classify, cold cache: ${median(runs.cold).toFixed(0)} ms (runs: ${shown(runs.cold)})`,
    );
    console.log(
      `classify, warm cache: ${median(runs.warm).toFixed(0)} ms (runs: ${shown(runs.warm)}; loading the cache included)`,
    );
    console.log(
      `ratio cold / cherry-mark, wall: ${(median(runs.cold) / median(runs.baseline)).toFixed(2)} (goal <= 1.3)`,
    );
    // CPU time does not depend on how busy the machine is, nor on how many cores a side uses.
    console.log(
      `ratio cold / cherry-mark, CPU (git included): ${(median(cpu.cold) / median(cpu.baseline)).toFixed(2)} (goal <= 1.3; ${median(cpu.cold).toFixed(0)} ms against ${median(cpu.baseline).toFixed(0)} ms)`,
    );
    console.log(
      `ratio cold / warm, wall: ${(median(runs.cold) / median(runs.warm)).toFixed(1)} (goal >= 10); CPU: ${(median(cpu.cold) / median(cpu.warm)).toFixed(1)}`,
    );
    if (!same) process.exitCode = 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
