/**
 * The hypervisor-test harness' overhead: the same QEMU guest started by hand (spawn
 * qemu-system-x86_64 with the very same arguments, wait for it to exit) against a whole harness
 * job that boots it (plan check, lock, leftover scan, record, console watch, logs, result and
 * JUnit writing, cleanup, lock release). Runs alternate, so both see the same machine; the
 * ratio of medians is printed (goal: at most 1.05). Two guests:
 *
 *   bootsector  the fixture boot sector under SeaBIOS (a fraction of a second)
 *   xen         the xen-smoke recipe: Xen 4.17, dom0 and a PV guest from the fixture
 *               scripts/setup.sh builds, under TCG, until dom0 powers the machine off; the
 *               harness also reports each stage's time
 *
 *   node build/bench/hypervisor.js [--runs 9] [--accel auto|tcg|kvm]... [--xen-runs 3]
 *                                  [--guests bootsector,xen]
 */
import { spawn } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { MemoryLogger } from '../actions/lib/log.js';
import { runJob } from '../actions/lib/hypervisor/job.js';
import { parsePlan, type QemuGuest } from '../actions/lib/hypervisor/test-plan.js';
import { qemuArguments } from '../actions/lib/hypervisor/backends.js';
import { requireXenFixture, XEN_STAGES, xenPlan } from '../test/harness/xen.js';
import { median } from './lib/stats.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '9' },
    accel: { type: 'string', multiple: true, default: ['tcg', 'auto'] },
    'xen-runs': { type: 'string', default: '3' },
    guests: { type: 'string', default: 'bootsector,xen' },
  },
});
const runs = Number(values.runs);
const guests = values.guests.split(',');

const work = mkdtempSync(join(tmpdir(), 'tributary-bench-hv-'));
/** Makes a directory a git work tree with one commit: the plan names it as a tree. */
function gitTree(dir: string): void {
  execFileSync('git', ['init', '--quiet'], { cwd: dir });
  execFileSync('git', ['add', '-A'], { cwd: dir });
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
    { cwd: dir },
  );
}

const tree = join(work, 'tree');
if (guests.includes('bootsector')) {
  cpSync(join(root, 'test', 'fixtures', 'bootsector'), tree, { recursive: true });
  execFileSync('bash', ['build.sh'], { cwd: tree, stdio: 'ignore' });
  gitTree(tree);
}

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

async function byHand(guest: QemuGuest, i: number, cwd = tree, expect = 33): Promise<number> {
  const dir = join(work, `hand-${i}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const args = qemuArguments(guest, {
    name: `tributary-bench-${i}`,
    consoleLog: join(dir, 'console.log'),
    scratch: dir,
  });
  const start = performance.now();
  const code = await new Promise<number>((resolveExit, reject) => {
    const child = spawn(guest.program, args, { cwd, stdio: 'ignore' });
    child.on('error', reject);
    child.on('exit', (c) => resolveExit(c ?? -1));
  });
  const ms = performance.now() - start;
  if (code !== expect) throw new Error(`the guest by hand exited with ${code}`);
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

async function harness(
  plan: string,
  i: number,
  cwd = tree,
): Promise<{ ms: number; steps: { name: string; durationMs?: number }[] }> {
  const out = join(work, `job-${i}`);
  const logger = new TimingLogger();
  const start = performance.now();
  const outcome = await runJob(
    {
      planFile: plan,
      workDir: cwd,
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
  return { ms, steps: outcome.result.steps };
}

function report(label: string, hand: number[], job: number[]): void {
  const h = median(hand);
  const j = median(job);
  const o = median(outside);
  // Two readings of the same thing: the ratio of the medians (what a user sees, noisy on a
  // busy machine), and the harness' own time outside the guest added to the guest by hand.
  console.log(
    `${label.padEnd(10)}  by hand ${h.toFixed(1).padStart(8)} ms   harness ${j.toFixed(1).padStart(8)} ms   ` +
      `ratio ${(j / h).toFixed(3)}   outside the guest ${o.toFixed(1).padStart(5)} ms -> ratio ${((h + o) / h).toFixed(3)}   (goal <= 1.05)`,
  );
}

if (guests.includes('bootsector')) {
  console.log(
    `hypervisor-test harness overhead, boot sector (${runs} runs each, alternating; median)`,
  );
  for (const accel of values.accel) {
    const planFile = join(work, `plan-${accel}.yml`);
    writeFileSync(planFile, planText(accel));
    const plan = parsePlan(planText(accel), 'bench', tree);
    const guest = (plan.steps[0] as { guest: QemuGuest }).guest;
    const hand: number[] = [];
    const job: number[] = [];
    outside.length = 0;
    // One of each first, unmeasured: page cache and QEMU's first start.
    await byHand(guest, -1);
    await harness(planFile, -1);
    for (let i = 0; i < runs; i++) {
      hand.push(await byHand(guest, i));
      job.push((await harness(planFile, i)).ms);
    }
    report(`accel ${accel}`, hand, job);
  }
}

if (guests.includes('xen')) {
  // The recipe as documented, waiting for QEMU to exit (dom0 powers the machine off after the
  // guest is destroyed), as the command by hand does.
  const xenRuns = Number(values['xen-runs']);
  const dir = join(work, 'xen');
  mkdirSync(dir);
  const text = xenPlan().replace(/^(\s+)accel: tcg$/m, '$1accel: tcg\n$1exit-code: 0');
  writeFileSync(join(dir, 'plan.yml'), text);
  symlinkSync(requireXenFixture(), join(dir, 'boot'));
  gitTree(dir);
  const guest = (parsePlan(text, 'bench', dir).steps[0] as { guest: QemuGuest }).guest;
  const versions = readFileSync(join(dir, 'boot', 'versions.txt'), 'utf8');
  console.log(
    `\nhypervisor-test harness overhead, real Xen (${xenRuns} runs each, alternating; median): ` +
      `Xen ${/^xen-hypervisor-\S+ (\S+)/m.exec(versions)?.[1]}, dom0 and a PV guest, TCG`,
  );
  const hand: number[] = [];
  const job: number[] = [];
  const stages = new Map<string, number[]>(XEN_STAGES.map((s) => [s, []]));
  outside.length = 0;
  for (let i = 0; i < xenRuns; i++) {
    hand.push(await byHand(guest, 100 + i, dir, 0));
    const run = await harness(join(dir, 'plan.yml'), 100 + i, dir);
    job.push(run.ms);
    for (const s of run.steps) stages.get(s.name)?.push(s.durationMs ?? NaN);
  }
  report('xen', hand, job);
  console.log(
    'stage times (median): ' +
      [...stages].map(([name, ms]) => `${name} ${(median(ms) / 1000).toFixed(1)} s`).join(', '),
  );
}
rmSync(work, { recursive: true, force: true });
