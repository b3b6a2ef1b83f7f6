/**
 * hypervisor-test end to end: the bundled action (dist/hypervisor-test/index.js) run as the
 * runner runs it, on the boot-sector fixture tree, with real QEMU guests under SeaBIOS.
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { parseJobResult } from '../actions/lib/flight.js';
import { repoRoot, runAction, type ActionRun } from './harness/runner.js';
import { tempDir } from './harness/fixtures.js';
import {
  bootsectorTree,
  crashWhenGuestRuns,
  guestProcesses,
  planWithBootTimeout,
  variantFiles,
} from './harness/bootsector.js';
import { isAlive } from '../actions/lib/process-table.js';

const tmp = tempDir('tributary-hv-');
after(() => tmp.cleanup());
let n = 0;
const fresh = (name: string) => join(tmp.path, `${++n}-${name}`);

function result(run: ActionRun) {
  const file = run.outputs['result-file'];
  assert.ok(file && existsSync(file), `result file written: ${run.log}`);
  return parseJobResult(readFileSync(file, 'utf8'), file);
}

function assertHostClean(run: ActionRun, lockDir: string) {
  const tag = run.outputs.tag;
  assert.ok(tag, 'the run says its tag');
  assert.deepEqual(
    guestProcesses(tag).map((p) => p.cmdline.join(' ')),
    [],
    'no guest of this run is left',
  );
  assert.ok(!existsSync(join(lockDir, 'host.lock')), 'the host lock is released');
  assert.ok(!existsSync(join(lockDir, 'jobs', `${tag}.json`)), 'the job record is gone');
  assert.ok(!existsSync(join(run.runnerTemp, `tributary-${tag}`)), 'scratch removed');
}

describe('hypervisor-test with a real QEMU guest', () => {
  it('passes a good commit: result file, JUnit, console log', async () => {
    const { tree, head } = await bootsectorTree(fresh('good'));
    const lockDir = fresh('lock');
    const run = await runAction('hypervisor-test', {
      inputs: { plan: 'plan.yml', 'lock-dir': lockDir },
      workspace: tree.dir,
    });
    assert.equal(run.code, 0, run.log);
    assert.equal(run.outputs.status, 'pass');
    const r = result(run);
    assert.equal(r.job, 'boot-bootsector');
    assert.deepEqual(r.trees, [{ name: 'bootsector', revision: head, ref: 'refs/heads/master' }]);
    assert.deepEqual(
      r.steps.map((s) => [s.name, s.status]),
      [
        ['build', 'pass'],
        ['boot', 'pass'],
        ['checksum', 'pass'],
      ],
    );
    assert.match(r.steps[1].message ?? '', /status 33/);
    const console = join(run.outputs['result-file'], '..', r.steps[1].log!);
    assert.match(readFileSync(console, 'utf8'), /^tributary guest: hello\r?$/m);
    assert.equal(join(console, '..'), run.outputs['log-dir']);
    const junit = readFileSync(run.outputs['junit-file'], 'utf8');
    assert.match(junit, /<testsuite name="boot-bootsector" tests="3" failures="0"/);
    assert.match(run.summary, /<td>boot<\/td><td>pass<\/td>/);
    assertHostClean(run, lockDir);
  });

  it('refuses bad multiboot modules through the action before the host is taken, naming the field', async () => {
    // modules without the multiboot image (kernel) they are loaded by: a plan error, found
    // when the plan is read, so no step runs and no job is recorded on the host.
    const plan = readFileSync(join(repoRoot, 'test/fixtures/bootsector/plan.yml'), 'utf8').replace(
      '      disk: boot.bin\n',
      '      disk: boot.bin\n      modules:\n        - path: boot/vmlinux\n          cmdline: console=hvc0\n',
    );
    const { tree } = await bootsectorTree(fresh('modules'), { plan });
    // Another live job holds the host: a run that tried to take it would say it waits, then
    // give up after lock-wait, instead of refusing the plan first.
    const lockDir = fresh('lock');
    mkdirSync(join(lockDir, 'jobs'), { recursive: true, mode: 0o700 });
    chmodSync(lockDir, 0o700);
    const holder = {
      pid: process.pid,
      tag: 'other-run',
      job: 'other-job',
      host: hostname(),
      startedAt: new Date().toISOString(),
    };
    writeFileSync(join(lockDir, 'host.lock'), JSON.stringify(holder));
    const run = await runAction('hypervisor-test', {
      inputs: { plan: 'plan.yml', 'lock-dir': lockDir, 'lock-wait': '5s' },
      workspace: tree.dir,
    });
    assert.notEqual(run.code, 0, run.log);
    assert.match(run.log, /field 'guest\.modules' needs 'guest\.kernel' \(the multiboot image/);
    assert.ok(
      !existsSync(join(tree.dir, 'boot.bin')),
      'no step ran: the build never made boot.bin',
    );
    assert.doesNotMatch(run.log, /Waiting for the host|The host is busy/);
    assert.deepEqual(readdirSync(join(lockDir, 'jobs')), [], 'no job record');
    assert.deepEqual(JSON.parse(readFileSync(join(lockDir, 'host.lock'), 'utf8')), holder);
    assert.ok(!run.outputs['result-file'], 'no result: nothing ran');
  });

  it('fails a commit that breaks the boot at the boot step, with the console, later steps blocked', async () => {
    const { tree } = await bootsectorTree(fresh('bad'));
    const bad = await tree.commit('bootsector: break the boot', variantFiles('bad'));
    const lockDir = fresh('lock');
    const run = await runAction('hypervisor-test', {
      inputs: { plan: 'plan.yml', 'lock-dir': lockDir },
      workspace: tree.dir,
    });
    assert.equal(run.code, 1);
    assert.equal(run.outputs.status, 'fail');
    const r = result(run);
    assert.equal(r.trees[0].revision, bad);
    assert.deepEqual(
      r.steps.map((s) => s.status),
      ['pass', 'fail', 'blocked'],
    );
    assert.match(r.steps[1].message!, /console: tributary guest: panic: <no bootable kernel>/);
    const console = join(run.outputs['log-dir'], '..', r.steps[1].log!);
    assert.match(readFileSync(console, 'utf8'), /panic: <no bootable kernel>/);
    const annotation = run.annotations.find((a) => a.properties.title?.includes('step boot'));
    assert.ok(annotation, `an annotation on the failed step: ${JSON.stringify(run.annotations)}`);
    assert.equal(annotation.level, 'error');
    assert.match(
      annotation.message,
      /Last lines of logs\/02-boot.console.log:\ntributary guest: panic/,
    );
    assert.match(readFileSync(run.outputs['junit-file'], 'utf8'), /failures="2"/);
    // The guest's words are text in the summary, never markup.
    assert.match(
      run.summary,
      /<td>console: tributary guest: panic: &lt;no bootable kernel&gt;<\/td>/,
    );
    assertHostClean(run, lockDir);
  });

  it('kills a hanging guest at its timeout and leaves no QEMU behind', async () => {
    const { tree } = await bootsectorTree(fresh('hang'), {
      variant: 'hang',
      plan: planWithBootTimeout('3s'),
    });
    const lockDir = fresh('lock');
    const run = await runAction('hypervisor-test', {
      inputs: { plan: 'plan.yml', 'lock-dir': lockDir },
      workspace: tree.dir,
    });
    assert.equal(run.code, 1);
    const r = result(run);
    assert.equal(r.steps[1].status, 'fail');
    assert.match(r.steps[1].message!, /timed out after 3s; guest stopped/);
    assert.equal(r.steps[2].status, 'blocked');
    const console = join(run.outputs['log-dir'], '..', r.steps[1].log!);
    assert.match(readFileSync(console, 'utf8'), /tributary guest: spinning/);
    assertHostClean(run, lockDir);
  });

  it('stops the guest of a cancelled job (SIGINT, then SIGTERM) and cleans up in post', async () => {
    const { tree } = await bootsectorTree(fresh('cancel'), {
      variant: 'hang',
      plan: planWithBootTimeout('60s'),
    });
    const lockDir = fresh('lock');
    const run = await runAction('hypervisor-test', {
      inputs: { plan: 'plan.yml', 'lock-dir': lockDir },
      workspace: tree.dir,
      cancel: { whenLogMatches: /Starting guest tributary-/ },
    });
    assert.notEqual(run.code, 0);
    assert.ok(run.post, 'the post step ran');
    assert.equal(run.post.code, 0, run.post.log);
    assert.match(run.post.log, /Cleanup of run /);
    const r = result(run);
    assert.equal(r.cancelled, true);
    assert.equal(r.steps[1].status, 'fail');
    assert.match(r.steps[1].message!, /cancelled \(SIGINT\)/);
    assert.equal(r.steps[2].status, 'blocked');
    assertHostClean(run, lockDir);
  });

  it('recovers a stale lock and kills the guest a crashed earlier job left', async () => {
    const lockDir = fresh('lock');
    const { tree } = await bootsectorTree(fresh('crash'), {
      variant: 'hang',
      plan: planWithBootTimeout('60s'),
    });
    // The runner dies hard (SIGKILL, no post step) while the guest runs.
    const running = runAction('hypervisor-test', {
      inputs: { plan: 'plan.yml', 'lock-dir': lockDir },
      workspace: tree.dir,
      post: false,
    });
    const killedTag = await crashWhenGuestRuns(lockDir);
    const crashed = await running;
    assert.equal(crashed.main.signal, 'SIGKILL');
    const oldTag = crashed.outputs.tag;
    assert.equal(oldTag, killedTag);
    const left = guestProcesses(oldTag);
    assert.equal(left.length, 1, `the crashed job's guest is still running: ${crashed.log}`);
    const lock = JSON.parse(readFileSync(join(lockDir, 'host.lock'), 'utf8'));
    assert.equal(lock.tag, oldTag);
    assert.ok(!isAlive(lock.pid), 'its owner is dead');

    const good = await bootsectorTree(fresh('after-crash'));
    const run = await runAction('hypervisor-test', {
      inputs: { plan: 'plan.yml', 'lock-dir': lockDir },
      workspace: good.tree.dir,
    });
    assert.equal(run.code, 0, run.log);
    assert.match(run.log, new RegExp(`Recovered a stale host lock: .*run ${oldTag}`));
    assert.match(
      run.log,
      new RegExp(`Cleaned what job .*run ${oldTag}.*1 guest\\(s\\) \\(tributary-${oldTag}-1\\)`),
    );
    assert.deepEqual(guestProcesses(oldTag), [], 'the leftover guest is gone');
    assert.ok(!existsSync(join(crashed.runnerTemp, `tributary-${oldTag}`)), 'its scratch is gone');
    assertHostClean(run, lockDir);
  });

  it('runs one job at a time per host: a second job waits for the lock', async () => {
    const lockDir = fresh('lock');
    const first = await bootsectorTree(fresh('first'), {
      variant: 'hang',
      plan: planWithBootTimeout('3s'),
    });
    const second = await bootsectorTree(fresh('second'), { plan: planWithBootTimeout('30s') });
    const a = runAction('hypervisor-test', {
      inputs: { plan: 'plan.yml', 'lock-dir': lockDir, job: 'first' },
      workspace: first.tree.dir,
    });
    // The second job starts once the first one holds the host.
    const deadline = Date.now() + 10_000;
    while (!existsSync(join(lockDir, 'host.lock')) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    const b = runAction('hypervisor-test', {
      inputs: { plan: 'plan.yml', 'lock-dir': lockDir },
      workspace: second.tree.dir,
    });
    const [ra, rb] = await Promise.all([a, b]);
    assert.equal(ra.code, 1, 'the first job hung and failed');
    assert.equal(rb.code, 0, rb.log);
    assert.match(rb.log, /Waiting for the host: job 'boot-bootsector' \(run .*\) holds/);
    const resultA = result(ra);
    const resultB = result(rb);
    // An order, not a duration: A's steps all ran between A's start and the moment it let go.
    const aSteps = resultA.steps.reduce((sum, s) => sum + (s.durationMs ?? 0), 0);
    assert.ok(
      Date.parse(resultB.startedAt!) >= Date.parse(resultA.startedAt!) + aSteps,
      "the second job took the host only after the first one's steps ended and it let go",
    );
    assert.doesNotMatch(
      rb.log,
      /Cleaned what job|Recovered a stale/,
      'a live job is not a crashed one',
    );
    assertHostClean(rb, lockDir);
  });
});
