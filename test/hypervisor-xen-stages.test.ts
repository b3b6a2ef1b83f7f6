/**
 * What the real-Xen recipe needs from hypervisor-test, without Xen: multiboot modules (checked
 * before anything starts, quoted as QEMU's -initrd wants) and console stages of a guest step,
 * each a step of the result, decided on a real console (the command backend's, which a shell
 * script writes line by line).
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigurationError } from '../actions/lib/errors.js';
import { parsePlan, type GuestStep, type QemuGuest } from '../actions/lib/hypervisor/test-plan.js';
import { multibootModules, qemuArguments } from '../actions/lib/hypervisor/backends.js';
import { ConsoleReader, ConsoleWatch } from '../actions/lib/hypervisor/guest.js';
import { runJob } from '../actions/lib/hypervisor/job.js';
import { taggedProcesses } from '../actions/lib/hypervisor/processes.js';
import { MemoryLogger } from '../actions/lib/log.js';
import { tempDir } from './harness/fixtures.js';
import { XEN_STAGES, xenPlan } from './harness/xen.js';

const tmp = tempDir('tributary-xen-stages-');
after(() => tmp.cleanup());
let n = 0;
const fresh = (name: string) => {
  const dir = join(tmp.path, `${++n}-${name}`);
  mkdirSync(dir, { recursive: true });
  return dir;
};

describe('multiboot modules in a plan', () => {
  const work = fresh('work');
  mkdirSync(join(work, 'boot'));
  for (const f of ['xen', 'vmlinux', 'dom0.cpio.gz', 'disk.img'])
    writeFileSync(join(work, f.includes('.img') ? f : `boot/${f}`), '');

  const refuse = (plan: string, pattern: RegExp) =>
    assert.throws(
      () => parsePlan(plan, 'ci/plan.yml', work),
      (e: unknown) => {
        assert.ok(e instanceof ConfigurationError, String(e));
        assert.match(e.message, /^ci\/plan\.yml: step 'boot' \(steps\[\d\]\): field '/);
        assert.match(e.message, pattern);
        return true;
      },
    );
  const qemu = (extra: string, pass = '      pass: hello\n') =>
    `steps:\n  - name: boot\n    guest:\n      backend: qemu\n${pass}${extra}`;

  it('reads the xen-smoke recipe: Xen and its command line, dom0 and its initramfs as modules, five stages', () => {
    const plan = parsePlan(xenPlan(), 'xen-smoke.yml', work);
    const step = plan.steps[0] as GuestStep;
    const g = step.guest as QemuGuest;
    assert.equal(g.kernel, join(work, 'boot/xen'));
    assert.equal(g.cmdline, 'console=com1 com1=115200,8n1 dom0_mem=512M,max:512M');
    assert.deepEqual(g.modules, [
      { path: join(work, 'boot/vmlinux'), cmdline: 'console=hvc0 earlyprintk=xen panic=-1' },
      { path: join(work, 'boot/dom0.cpio.gz'), cmdline: undefined },
    ]);
    assert.deepEqual(
      g.stages.map((s) => s.name),
      XEN_STAGES,
    );
    assert.ok(g.stages.every((s) => s.timeoutMs !== undefined));
    for (const line of [
      '(XEN) Panic on CPU 0:',
      '(XEN) Hardware Dom0 crashed: rebooting machine in 5 seconds.',
      '[    1.5] Kernel panic - not syncing: VFS: Unable to mount root fs',
      'tributary-dom0: FAILED: xl create',
    ])
      assert.ok(
        g.fail.some((re) => re.test(line)),
        `a fail pattern knows '${line}'`,
      );
    const args = qemuArguments(g, { name: 'tributary-t-1', consoleLog: '/c.log', scratch: '/s' });
    const at = (o: string) => args[args.indexOf(o) + 1];
    assert.equal(at('-kernel'), join(work, 'boot/xen'));
    // -append is not split on commas: Xen's own com1=115200,8n1 goes as it is.
    assert.equal(at('-append'), 'console=com1 com1=115200,8n1 dom0_mem=512M,max:512M');
    assert.equal(
      at('-initrd'),
      `${join(work, 'boot/vmlinux')} console=hvc0 earlyprintk=xen panic=-1,${join(work, 'boot/dom0.cpio.gz')}`,
    );
  });

  it("doubles commas in a module's path and command line, one comma between modules", () => {
    assert.equal(
      multibootModules([
        { path: '/b/vmlinux,old', cmdline: 'console=hvc0 xen-pciback.hide=(01:00.0),(02:00.0)' },
        { path: '/b/initrd' },
        { path: '/b/ucode', cmdline: '' },
      ]),
      '/b/vmlinux,,old console=hvc0 xen-pciback.hide=(01:00.0),,(02:00.0),/b/initrd,/b/ucode ',
    );
  });

  it('refuses bad modules before anything starts, naming the field', () => {
    const k = '      kernel: boot/xen\n';
    refuse(
      qemu('      disk: disk.img\n      modules:\n        - path: boot/vmlinux\n'),
      /field 'guest.modules' needs 'guest.kernel' \(the multiboot image/,
    );
    refuse(
      qemu(`${k}      initrd: boot/dom0.cpio.gz\n      modules:\n        - path: boot/vmlinux\n`),
      /field 'guest.initrd' cannot go with 'guest.modules'/,
    );
    refuse(qemu(`${k}      modules: []\n`), /field 'guest.modules' must be a non-empty list/);
    refuse(qemu(`${k}      modules: boot/vmlinux\n`), /field 'guest.modules' must be a non-empty/);
    refuse(
      qemu(`${k}      modules:\n        - boot/vmlinux\n`),
      /field 'guest.modules\[0\]' must be a mapping/,
    );
    refuse(
      qemu(`${k}      modules:\n        - path: boot/vmlinux\n          args: x\n`),
      /field 'guest.modules\[0\].args' is not known; expected one of path, cmdline/,
    );
    refuse(
      qemu(`${k}      modules:\n        - cmdline: console=hvc0\n`),
      /field 'guest.modules\[0\].path' must be a non-empty string/,
    );
    refuse(
      qemu(`${k}      modules:\n        - path: boot/my vmlinux\n`),
      /field 'guest.modules\[0\].path' is 'boot\/my vmlinux': QEMU cannot load a module whose path has a space/,
    );
    refuse(
      qemu(`${k}      modules:\n        - path: boot/vmlinux\n        - path: boot/missing.gz\n`),
      /field 'guest.modules\[1\].path' is 'boot\/missing.gz': no such file .*no step before this one could build it/,
    );
    refuse(
      qemu(`${k}      modules:\n        - path: boot/vmlinux\n          cmdline: "a\\nb"\n`),
      /field 'guest.modules\[0\].cmdline' must be one line/,
    );
    // A step before may build a module: it is then checked again just before the guest starts.
    const plan = parsePlan(
      `steps:\n  - name: build\n    run: make\n${qemu(`${k}      modules:\n        - path: out/dom0.gz\n`).slice('steps:\n'.length)}`,
      'ci/plan.yml',
      work,
    );
    assert.deepEqual((plan.steps[1] as GuestStep).pendingFiles, [
      { field: 'guest.modules[0].path', path: join(work, 'out/dom0.gz') },
    ]);
  });

  it('refuses bad stages, and takes stages as what means pass', () => {
    const stages = (list: string) => qemu(`      disk: disk.img\n      stages:\n${list}`, '');
    const one = '        - name: up\n          pass: "^up$"\n';
    for (const backend of ['qemu', 'command']) {
      const guest =
        backend === 'qemu'
          ? '      disk: disk.img\n'
          : '      start: echo up\n      stop: "true"\n';
      const plan = parsePlan(
        `steps:\n  - name: boot\n    guest:\n      backend: ${backend}\n${guest}      stages:\n${one}`,
        'ci/plan.yml',
        work,
      );
      const g = (plan.steps[0] as GuestStep).guest;
      assert.equal(g.pass, undefined);
      assert.deepEqual(
        g.stages.map((s) => [s.name, s.pass.source, s.timeoutMs, s.fail]),
        [['up', '^up$', undefined, []]],
      );
    }
    refuse(stages(''), /field 'guest.stages' must be a non-empty list of \{name, pass/);
    refuse(stages('        - name: up\n'), /field 'guest.stages\[0\].pass' must be a non-empty/);
    refuse(
      stages('        - name: up\n          pass: "("\n'),
      /field 'guest.stages\[0\].pass' is not a valid regular expression/,
    );
    refuse(
      stages(`${one}          timeout: soon\n`),
      /field 'guest.stages\[0\].timeout' is "soon"; expected a duration/,
    );
    refuse(
      stages(`${one}          after: boot\n`),
      /field 'guest.stages\[0\].after' is not known; expected one of name, pass, timeout, fail/,
    );
    refuse(
      stages(`${one}${one}`),
      /field 'guest.stages\[1\].name' repeats stage of step 'boot' 'up'; step and stage names are unique/,
    );
    refuse(
      stages('        - name: boot\n          pass: x\n'),
      /field 'guest.stages\[0\].name' repeats step 'boot'/,
    );
    refuse(
      stages('        - name: "up/down"\n          pass: x\n'),
      /field 'guest.stages\[0\].name' is 'up\/down'; use letters, digits/,
    );
    // A later step cannot take a stage's name either: both are steps of the result.
    assert.throws(
      () => parsePlan(`${stages(one)}  - name: up\n    run: true\n`, 'ci/plan.yml', work),
      /step 'up' \(steps\[1\]\): field 'name' repeats stage of step 'boot' 'up'/,
    );
  });
});

describe('console stages (command backend)', () => {
  const job = async (plan: string) => {
    const dir = fresh('job');
    writeFileSync(join(dir, 'plan.yml'), plan);
    const lockDir = fresh('lock');
    const tag = `stages-${n}`;
    const logger = new MemoryLogger();
    const outcome = await runJob(
      {
        planFile: 'plan.yml',
        workDir: dir,
        outputDir: join(dir, 'out'),
        lockDir,
        scratchDir: join(dir, 'scratch'),
        tag,
        job: 'stages',
        lockWaitMs: 1000,
      },
      logger,
    );
    assert.deepEqual(
      taggedProcesses((p) => p.env.TRIBUTARY_RUN === tag),
      [],
      'nothing left',
    );
    assert.ok(!existsSync(join(lockDir, 'host.lock')));
    return { ...outcome, lines: logger.lines };
  };
  /** A guest step whose console is what `script` prints (then it idles until stopped). */
  const guest = (script: string, stages: string[], extra = '') =>
    [
      '  - name: boot',
      '    timeout: 20s',
      '    guest:',
      '      backend: command',
      `      start: ${JSON.stringify(`${script}; exec sleep 60`)}`,
      "      fail: '^Panic:'",
      extra,
      '      stages:',
      ...stages,
      '',
    ]
      .filter((l) => l !== '')
      .join('\n');
  const stage = (name: string, pass: string, timeout = '15s') =>
    `        - name: ${name}\n          pass: '${pass}'\n          timeout: ${timeout}`;
  const table = (steps: { name: string; status: string; message?: string }[]) =>
    steps.map((s) => [s.name, s.status, s.message]);

  it('passes each stage in order, one step of the result each, with its own time', async () => {
    const o = await job(
      [
        'steps:',
        '  - name: build',
        "    run: 'true'",
        guest(
          // Two stages' lines arrive in one read: both count, in order.
          'echo booting; sleep 0.3; echo "one: up"; sleep 0.3; printf "two: up\\nthree: up\\n"',
          [stage('one', '^one: up$'), stage('two', '^two: up$'), stage('three', '^three: up$')],
        ),
        '  - name: check',
        "    run: 'true'",
        '',
      ].join('\n'),
    );
    assert.equal(o.status, 'pass');
    assert.deepEqual(table(o.result.steps), [
      ['build', 'pass', 'exited with status 0'],
      ['one', 'pass', 'console: one: up'],
      ['two', 'pass', 'console: two: up'],
      ['three', 'pass', 'console: three: up'],
      ['check', 'pass', 'exited with status 0'],
    ]);
    for (const s of o.result.steps.slice(1, 4)) {
      assert.equal(s.log, 'logs/02-boot.console.log', 'a stage shows the console');
      assert.equal(typeof s.durationMs, 'number');
    }
    assert.ok(
      o.lines.some((l) => /^Stage 'two' passed after \d+\.\d s: console: two: up$/.test(l)),
    );
    assert.ok(o.lines.includes("Step 'boot': all 3 stages passed"), o.lines.join('\n'));
  });

  it('fails the stage a fail pattern ends, with the whole report on the console, and blocks what follows', async () => {
    const o = await job(
      [
        'steps:',
        guest(
          // The reason follows the banner a moment later, as a hypervisor's panic report does.
          'echo "one: up"; sleep 0.2; echo "Panic: on CPU 0:"; sleep 0.1; echo "Domain 0 allocation is too small"',
          [stage('one', '^one: up$'), stage('two', '^two: up$'), stage('three', '^three: up$')],
        ),
        '  - name: check',
        "    run: 'true'",
        '',
      ].join('\n'),
    );
    assert.equal(o.status, 'fail');
    assert.deepEqual(table(o.result.steps), [
      ['one', 'pass', 'console: one: up'],
      ['two', 'fail', 'console: Panic: on CPU 0:'],
      ['three', 'blocked', 'a stage before it failed'],
      ['check', 'blocked', 'a step before it failed'],
    ]);
    const error = o.lines.find((l) => l.startsWith('error: '));
    assert.ok(error, o.lines.join('\n'));
    assert.match(error, /^error: Step 'boot' failed: stage 'two': console: Panic: on CPU 0:\n/);
    assert.match(
      error,
      /Last lines of logs\/01-boot\.console\.log:\none: up\nPanic: on CPU 0:\nDomain 0 allocation is too small$/,
      'the guest finished its report before it was stopped',
    );
  });

  it('times a stage out on its own timeout, and never takes a line from before the stage', async () => {
    const o = await job(
      [
        'steps:',
        guest('echo "two: up"; sleep 0.2; echo "one: up"', [
          stage('one', '^one: up$', '10s'),
          stage('two', '^two: up$', '1s'),
        ]),
        '',
      ].join('\n'),
    );
    assert.deepEqual(table(o.result.steps), [
      ['one', 'pass', 'console: one: up'],
      ['two', 'fail', 'timed out after 1s waiting for /^two: up$/; guest stopped'],
    ]);
    assert.ok(o.result.steps[1].durationMs! >= 1000);
  });

  it("checks the guest's own pass pattern after its stages, under the step's name", async () => {
    const plan = (script: string) =>
      ['steps:', guest(script, [stage('one', '^one: up$')], "      pass: '^done$'"), ''].join('\n');
    const good = await job(plan('echo "one: up"; sleep 0.2; echo done'));
    assert.deepEqual(table(good.result.steps), [
      ['one', 'pass', 'console: one: up'],
      ['boot', 'pass', 'console: done'],
    ]);
    const bad = await job(plan('echo "Panic: early"'));
    assert.deepEqual(table(bad.result.steps), [
      ['one', 'fail', 'console: Panic: early'],
      ['boot', 'blocked', 'a stage before it failed'],
    ]);
  });

  it('reports every stage of a guest step that did not run, so each flight has the same steps', async () => {
    const o = await job(
      [
        'steps:',
        '  - name: build',
        '    run: exit 2',
        guest('true', [stage('one', 'x'), stage('two', 'y')]),
        '',
      ].join('\n'),
    );
    assert.deepEqual(table(o.result.steps), [
      ['build', 'fail', 'exited with status 2'],
      ['one', 'blocked', 'a step before it failed'],
      ['two', 'blocked', 'a step before it failed'],
    ]);
  });
});

describe('console watch', () => {
  it('does not read a line twice once it passed a stage, though more of it arrives', () => {
    const plan = parsePlan(
      [
        'steps:',
        '  - name: boot',
        '    guest:',
        '      backend: command',
        '      start: "true"',
        '      stages:',
        "        - { name: login, pass: 'login:' }",
        "        - { name: typed, pass: 'login: root' }",
        '',
      ].join('\n'),
      'p.yml',
      tmp.path,
    );
    const file = join(fresh('watch'), 'console.log');
    const reader = new ConsoleReader(file);
    const watch = new ConsoleWatch(plan.steps[0] as GuestStep, 0);
    writeFileSync(file, 'debian login:');
    reader.poll();
    let seen = watch.scan(reader.unscanned(), 10);
    reader.scanned(seen.consumed);
    assert.deepEqual(
      watch.passed.map((s) => [s.name, s.durationMs]),
      [['login', 10]],
    );
    assert.equal(seen.outcome, undefined);
    writeFileSync(file, ' root\n', { flag: 'a' });
    reader.poll();
    seen = watch.scan(reader.unscanned(), 20);
    reader.scanned(seen.consumed);
    assert.equal(
      seen.outcome,
      undefined,
      "the rest of the line that passed 'login' is not 'typed'",
    );
    writeFileSync(file, 'debian login: root\n', { flag: 'a' });
    reader.poll();
    seen = watch.scan(reader.unscanned(), 30);
    assert.equal(seen.outcome?.status, 'pass');
    assert.deepEqual(
      seen.outcome?.stages?.map((s) => [s.name, s.status, s.durationMs]),
      [
        ['login', 'pass', 10],
        ['typed', 'pass', 20],
      ],
    );
  });
});
