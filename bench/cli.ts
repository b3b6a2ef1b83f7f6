/**
 * The command line's start-up: `tributary <part> --help` for every part, `tributary --version`
 * and `tributary --help` (which loads every part), each as a ratio to a bare `node -e 0` of the
 * same Node measured in the same rounds. The dispatcher loads only the part it runs, so a part's
 * help should cost little more than Node starting (goal for mirror: at most 2x). Node keeps
 * the compiled code between runs (module.enableCompileCache); a row without it shows a first run.
 *
 *   node build/bench/cli.js [--repeat 21]
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot } from '../test/harness/runner.js';
import { median } from './lib/stats.js';

const { values } = parseArgs({ options: { repeat: { type: 'string', default: '21' } } });
const REPEAT = Number(values.repeat);
const cli = join(repoRoot, 'dist', 'cli', 'index.js');

/** Milliseconds of one run of this Node with these arguments; a failed run stops the bench. */
function timed(args: string[], env?: NodeJS.ProcessEnv): number {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], env });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

const cases: { name: string; args: string[]; goal?: number; env?: NodeJS.ProcessEnv }[] = [
  { name: 'node -e 0', args: ['-e', '0'] },
  { name: 'tributary mirror --help', args: [cli, 'mirror', '--help'], goal: 2 },
  {
    name: 'the same, no compile cache',
    args: [cli, 'mirror', '--help'],
    env: { ...process.env, NODE_DISABLE_COMPILE_CACHE: '1' },
  },
  ...['test', 'gate', 'track', 'check', 'divergence'].map((part) => ({
    name: `tributary ${part} --help`,
    args: [cli, part, '--help'],
  })),
  { name: 'tributary --version', args: [cli, '--version'] },
  { name: 'tributary --help (every part)', args: [cli, '--help'] },
];

const samples = cases.map(() => [] as number[]);
for (const c of cases) timed(c.args, c.env); // warm the file and compile caches once
// Interleaved rounds, so a busy moment of the machine touches every case alike.
for (let round = 0; round < REPEAT; round++)
  cases.forEach((c, i) => samples[i].push(timed(c.args, c.env)));

const base = median(samples[0]);
const rows = [
  ['case', 'median (ms)', 'ratio to node -e 0', 'goal'],
  ...cases.map((c, i) => {
    const m = median(samples[i]);
    return [c.name, m.toFixed(1), (m / base).toFixed(2), c.goal ? `<= ${c.goal}` : ''];
  }),
];
const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
console.log(`${process.version}, medians of ${REPEAT} interleaved rounds:`);
for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i])).join('  '));
