/**
 * The hypervisor-test harness' overhead: the same QEMU guest (the fixture boot sector under
 * SeaBIOS) started by hand (spawn qemu-system-x86_64 with the very same arguments, wait for
 * it to exit) against a whole harness job that boots it (plan check, lock, leftover scan,
 * record, console watch, logs, result and JUnit writing, cleanup, lock release). Runs alternate,
 * so both see the same machine; the ratio of medians is printed (goal: at most 1.05).
 *
 *   node build/bench/hypervisor.js [--runs 9] [--accel auto|tcg|kvm]...
 */
import { spawn } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { MemoryLogger } from '../actions/lib/log.js';
import { runJob } from '../actions/lib/hypervisor/job.js';
import { parsePlan, type QemuGuest } from '../actions/lib/hypervisor/plan.js';
import { qemuArguments } from '../actions/lib/hypervisor/backends.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '9' },
    accel: { type: 'string', multiple: true, default: ['tcg', 'auto'] },
  },
});
const runs = Number(values.runs);

const work = mkdtempSync(join(tmpdir(), 'tributary-bench-hv-'));
const tree = join(work, 'tree');
cpSync(join(root, 'test', 'fixtures', 'bootsector'), tree, { recursive: true });
execFileSync('bash', ['build.sh'], { cwd: tree, stdio: 'ignore' });
execFileSync('git', ['init', '--quiet'], { cwd: tree });
execFileSync('git', ['add', '-A'], { cwd: tree });
execFileSync(
  'git',
  [
    '-c',
    'user.name=bench',
    '-c',
    'user.email=bench@example.org',
    'commit',
    '--quiet',
    '-m',
    'bench',
  ],
  { cwd: tree },
);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function planText(accel: string): string {
  return [
    'job: bench',
    'trees:',
    '  - name: bootsector',
    '    path: .',
    'steps:',
    '  - name: boot',
    '    timeout: 60s',
    '    guest:',
    '      backend: qemu',
    `      accel: ${accel}`,
    '      disk: boot.bin',
    '      memory: 16',
    "      pass: '^tributary guest: hello$'",
    '      exit-code: 33',
    '',
  ].join('\n');
}

async function byHand(guest: QemuGuest, i: number): Promise<number> {
  const dir = join(work, `hand-${i}`);
  rmSync(dir, { recursive: true, force: true });
  execFileSync('mkdir', ['-p', dir]);
  const args = qemuArguments(guest, {
    name: `tributary-bench-${i}`,
    consoleLog: join(dir, 'console.log'),
    scratch: dir,
  });
  const start = performance.now();
  const code = await new Promise<number>((resolveExit, reject) => {
    const child = spawn(guest.program, args, { cwd: tree, stdio: 'ignore' });
    child.on('error', reject);
    child.on('exit', (c) => resolveExit(c ?? -1));
  });
  const ms = performance.now() - start;
  if (code !== 33) throw new Error(`the guest by hand exited with ${code}`);
  return ms;
}

/** Notes when the guest starts and when its step ends: the harness' time outside the guest. */
class TimingLogger extends MemoryLogger {
  guestStart = 0;
  stepEnd = 0;
  override info(message: string): void {
    if (message.startsWith('Starting guest')) this.guestStart = performance.now();
    if (message.startsWith("Step 'boot'")) this.stepEnd = performance.now();
    super.info(message);
  }
}

const outside: number[] = [];

async function harness(accel: string, i: number): Promise<number> {
  const out = join(work, `job-${i}`);
  const logger = new TimingLogger();
  const start = performance.now();
  const outcome = await runJob(
    {
      planFile: join(work, `plan-${accel}.yml`),
      workDir: tree,
      outputDir: out,
      lockDir: join(work, 'lock'),
      scratchDir: join(work, `scratch-${i}`),
      tag: `bench-${process.pid}-${i}`,
      job: 'bench',
      lockWaitMs: 60_000,
    },
    logger,
  );
  const ms = performance.now() - start;
  if (i >= 0) outside.push(logger.guestStart - start + (performance.now() - logger.stepEnd));
  if (outcome.status !== 'pass') throw new Error(`the harness job did not pass: ${outcome.status}`);
  return ms;
}

console.log(`hypervisor-test harness overhead (${runs} runs each, alternating; median)`);
for (const accel of values.accel) {
  writeFileSync(join(work, `plan-${accel}.yml`), planText(accel));
  const plan = parsePlan(planText(accel), 'bench', tree);
  const guest = (plan.steps[0] as { guest: QemuGuest }).guest;
  const hand: number[] = [];
  const job: number[] = [];
  outside.length = 0;
  // One of each first, unmeasured: page cache and QEMU's first start.
  await byHand(guest, -1);
  await harness(accel, -1);
  for (let i = 0; i < runs; i++) {
    hand.push(await byHand(guest, i));
    job.push(await harness(accel, i));
  }
  const h = median(hand);
  const j = median(job);
  const o = median(outside);
  // Two readings of the same thing: the ratio of the medians (what a user sees, noisy on a
  // busy machine), and the harness' own time outside the guest added to the guest by hand.
  console.log(
    `accel ${accel.padEnd(4)}  by hand ${h.toFixed(1).padStart(7)} ms   harness ${j.toFixed(1).padStart(7)} ms   ` +
      `ratio ${(j / h).toFixed(3)}   outside the guest ${o.toFixed(1).padStart(5)} ms -> ratio ${((h + o) / h).toFixed(3)}   (goal <= 1.05)`,
  );
}
rmSync(work, { recursive: true, force: true });
