/**
 * hypervisor-test: bad plans refused before any guest starts, the xen backend driving xl (a
 * stand-in that records its commands), the command backend, and the post step cleaning after
 * a main step that died.
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigurationError } from '../actions/lib/errors.js';
import { parseJobResult } from '../actions/lib/flight.js';
import { parseDuration, parsePlan } from '../actions/lib/hypervisor/test-plan.js';
import { runJob } from '../actions/lib/hypervisor/job.js';
import { ConsoleReader } from '../actions/lib/hypervisor/guest.js';
import { isAlive } from '../actions/lib/process-table.js';
import { taggedProcesses } from '../actions/lib/hypervisor/processes.js';
import { MemoryLogger } from '../actions/lib/log.js';
import { repoRoot, runAction } from './harness/runner.js';
import { tempDir } from './harness/fixtures.js';
import {
  bootsectorTree,
  crashWhenGuestRuns,
  guestProcesses,
  planWithBootTimeout,
  xlStandInDir,
} from './harness/bootsector.js';

const tmp = tempDir('tributary-hvplan-');
after(() => tmp.cleanup());
let n = 0;
const fresh = (name: string) => {
  const dir = join(tmp.path, `${++n}-${name}`);
  mkdirSync(dir, { recursive: true });
  return dir;
};

describe('test plan validation', () => {
  const work = fresh('work');
  writeFileSync(join(work, 'disk.img'), Buffer.alloc(512));

  const refuse = (plan: string, pattern: RegExp) =>
    assert.throws(
      () => parsePlan(plan, 'ci/plan.yml', work),
      (e: unknown) => {
        assert.ok(e instanceof ConfigurationError, String(e));
        assert.match(e.message, /^ci\/plan\.yml: /, 'names the file');
        assert.match(e.message, pattern);
        return true;
      },
    );
  const guest = (extra: string) =>
    `steps:\n  - name: boot\n    guest:\n      backend: qemu\n      disk: disk.img\n      pass: hello\n${extra}`;

  it('reads durations and refuses zero, negative and non-durations', () => {
    assert.equal(parseDuration('90s'), 90_000);
    assert.equal(parseDuration('5m'), 300_000);
    assert.equal(parseDuration('1.5h'), 5_400_000);
    assert.equal(parseDuration('250ms'), 250);
    for (const [t, why] of [
      ['0s', /more than zero/],
      ['-5s', /more than zero/],
      ['soon', /expected a duration such as 90s/],
      ['90', /expected a duration/],
    ] as const) {
      refuse(
        `steps:\n  - name: build\n    run: make\n    timeout: ${t}\n`,
        new RegExp(`step 'build' \\(steps\\[0\\]\\): field 'timeout' .*${why.source}`),
      );
    }
    refuse(
      `timeout: 0m\nsteps:\n  - name: a\n    run: 'true'\n`,
      /field 'timeout' .*more than zero/,
    );
  });

  it('refuses an unknown step kind, a step with no kind, unknown fields', () => {
    refuse(
      `steps:\n  - name: boot\n    boot: qemu\n`,
      /step 'boot' \(steps\[0\]\): field 'boot' is not known; expected one of name, run, guest/,
    );
    refuse(`steps:\n  - name: boot\n    timeout: 5s\n`, /field 'run' or 'guest' is needed/);
    refuse(
      `steps:\n  - name: b\n    run: x\n    guest: {}\n`,
      /field 'guest' cannot go with 'run'/,
    );
    refuse(guest('      floppy: a.img\n'), /field 'guest.floppy' is not known/);
    refuse(
      `steps:\n  - name: boot\n    guest:\n      backend: bhyve\n      pass: x\n`,
      /field 'guest.backend' is 'bhyve'; expected one of qemu, xen, command/,
    );
    refuse(`steps: []\n`, /field 'steps' must be a non-empty list/);
    refuse(`steps:\n  - name: a\n    run: x\n  - name: a\n    run: y\n`, /repeats step 'a'/);
    refuse(`steps: [\n`, /not valid YAML/);
  });

  it('refuses missing firmware, kernel and disk files unless a step before can build them', () => {
    refuse(
      guest('      firmware: out/bios.bin\n'),
      /field 'guest.firmware' is 'out\/bios.bin': no such file/,
    );
    refuse(
      `steps:\n  - name: boot\n    guest:\n      backend: qemu\n      disk: nope.img\n      pass: x\n`,
      /step 'boot' \(steps\[0\]\): field 'guest.disk' is 'nope.img': no such file .*no step before this one could build it/,
    );
    refuse(
      `steps:\n  - name: boot\n    guest:\n      backend: qemu\n      kernel: vmlinuz\n      pass: x\n`,
      /field 'guest.kernel' is 'vmlinuz': no such file/,
    );
    refuse(guest('      initrd: disk.img\n'), /field 'guest.initrd' needs 'guest.kernel'/);
    const built = parsePlan(
      `steps:\n  - name: build\n    run: make\n  - name: boot\n    guest:\n      backend: qemu\n      firmware: out/bios.bin\n      disk: disk.img\n      exit-code: 33\n`,
      'ci/plan.yml',
      work,
    );
    const boot = built.steps[1];
    assert.ok(boot.kind === 'guest');
    assert.deepEqual(boot.pendingFiles, [
      { field: 'guest.firmware', path: join(work, 'out/bios.bin') },
    ]);
  });

  it('refuses a backend whose program is not installed, and a guest with no pass condition', () => {
    refuse(
      guest('      program: qemu-system-pdp11\n'),
      /field 'guest.program' needs the program 'qemu-system-pdp11', which is not installed/,
    );
    const path = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      refuse(
        `steps:\n  - name: boot\n    guest:\n      backend: xen\n      disk: disk.img\n      pass: x\n`,
        /field 'guest.backend' needs the program 'xl', which is not installed/,
      );
    } finally {
      process.env.PATH = path;
    }
    refuse(
      `steps:\n  - name: boot\n    guest:\n      backend: qemu\n      disk: disk.img\n`,
      /field 'guest.pass' or 'guest.exit-code' is needed/,
    );
    refuse(
      `steps:\n  - name: boot\n    guest:\n      backend: qemu\n      disk: disk.img\n      pass: "("\n`,
      /field 'guest.pass' is not a valid regular expression/,
    );
    refuse(guest('      memory: lots\n'), /field 'guest.memory' is "lots"; expected MiB/);
    refuse(guest('      accel: hvf\n'), /field 'guest.accel' is 'hvf'; expected auto, kvm or tcg/);
  });

  it('refuses every bad plan through the action before any guest starts', async () => {
    const lockDir = fresh('lock');
    const plans: [string, RegExp][] = [
      [
        guest('      firmware: missing/bios.bin\n'),
        /field 'guest.firmware' is 'missing\/bios.bin': no such file/,
      ],
      [`steps:\n  - name: boot\n    kvm: true\n`, /field 'kvm' is not known/],
      [
        `steps:\n  - name: build\n    run: make\n    timeout: -1m\n`,
        /field 'timeout' is '-1m': a timeout must be more than zero/,
      ],
      [
        guest('      program: no-such-qemu\n'),
        /needs the program 'no-such-qemu', which is not installed/,
      ],
    ];
    for (const [plan, pattern] of plans) {
      const workspace = fresh('refused');
      writeFileSync(join(workspace, 'disk.img'), Buffer.alloc(512));
      writeFileSync(join(workspace, 'plan.yml'), plan);
      const run = await runAction('hypervisor-test', {
        inputs: { plan: 'plan.yml', 'lock-dir': lockDir },
        workspace,
      });
      assert.equal(run.code, 1);
      const error = run.annotations.find((a) => a.level === 'error');
      assert.ok(error, run.log);
      assert.match(error.message, /^plan\.yml: /);
      assert.match(error.message, pattern);
      assert.doesNotMatch(run.log, /Starting guest|Step /, 'nothing started');
      assert.equal(run.outputs['result-file'], undefined, 'no result: the job never ran');
      assert.ok(!existsSync(join(lockDir, 'host.lock')), 'the host was never taken');
      assert.deepEqual(guestProcesses(run.outputs.tag), []);
    }
  });
});

describe('xen backend (xl stand-in)', () => {
  it('writes an xl configuration and drives xl create, list, destroy in that order', async () => {
    const { tree } = await bootsectorTree(fresh('xen'), {
      plan: [
        'job: xen-boot',
        'steps:',
        '  - name: build',
        '    run: bash build.sh',
        '    timeout: 30s',
        '  - name: boot',
        '    timeout: 20s',
        '    guest:',
        '      backend: xen',
        '      type: hvm',
        '      firmware: /usr/share/seabios/bios.bin',
        '      disk: boot.bin',
        '      memory: 32',
        '      pass: "^tributary guest: hello"',
        '      config:',
        '        viridian: false',
        '        vga: none',
        '',
      ].join('\n'),
    });
    const xlDir = fresh('xl-state');
    const lockDir = fresh('lock');
    const run = await runAction('hypervisor-test', {
      inputs: { plan: 'plan.yml', 'lock-dir': lockDir },
      workspace: tree.dir,
      env: { PATH: `${xlStandInDir}:${process.env.PATH}`, XL_STANDIN_DIR: xlDir },
    });
    assert.equal(run.code, 0, run.log);
    const tag = run.outputs.tag;
    const name = `tributary-${tag}-1`;
    const commands = readFileSync(join(xlDir, 'commands'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => l.split('\t'));
    const cfg = join(run.runnerTemp, `tributary-${tag}`, `${name}.cfg`);
    assert.deepEqual(commands[0], ['create', cfg]);
    assert.ok(commands.length >= 3, JSON.stringify(commands));
    assert.deepEqual(commands.at(-1), ['destroy', name]);
    for (const c of commands.slice(1, -1)) assert.deepEqual(c, ['list', name]);
    const written = readFileSync(join(xlDir, `${name}.cfg`), 'utf8');
    const console = join(run.outputs['log-dir'], '02-boot.console.log');
    for (const line of [
      `name = "${name}"`,
      'type = "hvm"',
      'memory = 32',
      'vcpus = 1',
      `serial = "file:${console}"`,
      'bios = "seabios"',
      'bios_path_override = "/usr/share/seabios/bios.bin"',
      `disk = [ "format=raw, vdev=hda, access=rw, target=${join(tree.dir, 'boot.bin')}" ]`,
      'on_reboot = "destroy"',
      'viridian = 0',
      'vga = "none"',
    ])
      assert.ok(written.split('\n').includes(line), `${line} in\n${written}`);
    const r = parseJobResult(readFileSync(run.outputs['result-file'], 'utf8'), 'result');
    assert.deepEqual(
      r.steps.map((s) => s.status),
      ['pass', 'pass'],
    );
    assert.ok(!existsSync(join(lockDir, 'host.lock')));
  });

  it('destroys the domain of a guest that failed its pattern', async () => {
    const { tree } = await bootsectorTree(fresh('xen-fail'), {
      plan: `steps:\n  - name: boot\n    timeout: 20s\n    guest:\n      backend: xen\n      disk: boot.hex\n      pass: hello\n      fail: panic\n`,
    });
    const xlDir = fresh('xl-state');
    const run = await runAction('hypervisor-test', {
      inputs: { plan: 'plan.yml', 'lock-dir': fresh('lock') },
      workspace: tree.dir,
      env: {
        PATH: `${xlStandInDir}:${process.env.PATH}`,
        XL_STANDIN_DIR: xlDir,
        XL_STANDIN_CONSOLE: 'Kernel panic - not syncing',
      },
    });
    assert.equal(run.code, 1);
    const commands = readFileSync(join(xlDir, 'commands'), 'utf8').trim().split('\n');
    assert.match(commands[0], /^create\t/);
    assert.match(commands.at(-1)!, new RegExp(`^destroy\ttributary-${run.outputs.tag}-1$`));
    assert.match(run.log, /console: Kernel panic - not syncing/);
  });
});

describe('command backend', () => {
  it('runs the start command, watches its console, runs the stop command', async () => {
    const { tree } = await bootsectorTree(fresh('command'), {
      plan: [
        'steps:',
        '  - name: boot',
        '    timeout: 20s',
        '    guest:',
        '      backend: command',
        `      start: 'echo "booting $TRIBUTARY_GUEST"; (sleep 0.3; echo "tributary guest: hello" >>"$TRIBUTARY_CONSOLE") & sleep 30'`,
        `      stop: 'echo "stopped $TRIBUTARY_GUEST" >stopped.txt'`,
        '      pass: "^tributary guest: hello$"',
        '',
      ].join('\n'),
    });
    const run = await runAction('hypervisor-test', {
      inputs: { plan: 'plan.yml', 'lock-dir': fresh('lock') },
      workspace: tree.dir,
    });
    assert.equal(run.code, 0, run.log);
    const name = `tributary-${run.outputs.tag}-1`;
    assert.equal(readFileSync(join(tree.dir, 'stopped.txt'), 'utf8'), `stopped ${name}\n`);
    const console = readFileSync(join(run.outputs['log-dir'], '01-boot.console.log'), 'utf8');
    assert.match(console, new RegExp(`^booting ${name}\ntributary guest: hello\n`));
    assert.deepEqual(guestProcesses(run.outputs.tag), []);
  });
});

describe('post step after a main step that died', () => {
  it('kills the guest, removes the scratch space and releases the lock', async () => {
    const { tree } = await bootsectorTree(fresh('post'), {
      variant: 'hang',
      plan: planWithBootTimeout('60s'),
    });
    const lockDir = fresh('lock');
    const running = runAction('hypervisor-test', {
      inputs: { plan: 'plan.yml', 'lock-dir': lockDir },
      workspace: tree.dir,
    });
    await crashWhenGuestRuns(lockDir);
    const run = await running;
    assert.equal(run.main.signal, 'SIGKILL');
    assert.ok(run.post);
    assert.match(run.post.log, /Cleanup of run .*: 1 guest\(s\) stopped, .*host lock released/);
    assert.deepEqual(guestProcesses(run.outputs.tag), []);
    assert.ok(!existsSync(join(lockDir, 'host.lock')));
    assert.ok(!existsSync(join(run.runnerTemp, `tributary-${run.outputs.tag}`)));
  });
});

describe('tributary test (command line)', () => {
  const cli = join(repoRoot, 'build', 'cli', 'tributary.js');
  const tributary = (args: string[], cwd: string) =>
    spawnSync(process.execPath, [cli, 'test', ...args], { cwd, encoding: 'utf8' });

  it('checks a plan, runs it, and refuses a bad one with exit status 2', async () => {
    const { tree, head } = await bootsectorTree(fresh('cli'), { plan: planWithBootTimeout('20s') });
    const check = tributary(['plan.yml', '--check'], tree.dir);
    assert.equal(check.status, 0, check.stderr);
    assert.match(check.stdout, /3 step\(s\): build \(run\), boot \(guest\), checksum \(run\)/);
    assert.match(check.stdout, new RegExp(`tree bootsector: ${head}`));

    const lockDir = fresh('lock');
    const run = tributary(['plan.yml', '--lock-dir', lockDir, '--output-dir', 'out'], tree.dir);
    assert.equal(run.status, 0, run.stdout + run.stderr);
    const r = parseJobResult(readFileSync(join(tree.dir, 'out', 'result.json'), 'utf8'), 'r');
    assert.deepEqual(
      r.steps.map((s) => s.status),
      ['pass', 'pass', 'pass'],
    );
    assert.ok(existsSync(join(tree.dir, 'out', 'junit.xml')));
    assert.ok(!existsSync(join(lockDir, 'host.lock')));

    writeFileSync(join(tree.dir, 'bad.yml'), 'steps:\n  - name: boot\n    boot: now\n');
    const bad = tributary(['bad.yml', '--lock-dir', lockDir], tree.dir);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /bad\.yml: step 'boot' \(steps\[0\]\): field 'boot' is not known/);
  });
});

describe('job steps (library)', () => {
  const job = async (plan: string) => {
    const dir = fresh('job');
    writeFileSync(join(dir, 'plan.yml'), plan);
    const lockDir = fresh('lock');
    const tag = `steps-${n}`;
    const logger = new MemoryLogger();
    const outcome = await runJob(
      {
        planFile: 'plan.yml',
        workDir: dir,
        outputDir: join(dir, 'out'),
        lockDir,
        scratchDir: join(dir, 'scratch'),
        tag,
        job: 'steps',
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
    return { ...outcome, lines: logger.lines, workDir: dir };
  };

  it('blocks the steps after a blocking failure only', async () => {
    const o = await job(
      [
        'steps:',
        '  - name: flaky',
        '    run: exit 3',
        '    blocks: false',
        '  - name: build',
        '    run: echo built >built.txt',
        '  - name: install',
        '    run: test -e missing.txt',
        '  - name: boot',
        '    run: echo never',
        '',
      ].join('\n'),
    );
    assert.deepEqual(
      o.result.steps.map((s) => [s.name, s.status, s.message]),
      [
        ['flaky', 'fail', 'exited with status 3'],
        ['build', 'pass', 'exited with status 0'],
        ['install', 'fail', 'exited with status 1'],
        ['boot', 'blocked', 'a step before it failed'],
      ],
    );
    assert.equal(o.status, 'fail');
    assert.equal(readFileSync(join(o.logDir, '02-build.log'), 'utf8'), '$ echo built >built.txt\n');
  });

  it('kills a step at its timeout, and at the end what escaped its process group', async () => {
    const o = await job(
      [
        'steps:',
        '  - name: wait',
        // setsid takes the first sleep out of the step's process group; its tag still names it.
        `    run: setsid bash -c 'echo $$ >escaped.pid; exec sleep 61' & while ! test -s escaped.pid; do sleep 0.05; done; sleep 60`,
        '    timeout: 3s',
        '',
      ].join('\n'),
    );
    assert.equal(o.result.steps[0].status, 'fail');
    assert.equal(o.result.steps[0].message, 'timed out after 3s; killed');
    const escaped = Number(readFileSync(join(o.workDir, 'escaped.pid'), 'utf8'));
    assert.ok(!isAlive(escaped), 'the escaped process is gone');
    assert.ok(
      o.lines.some((l) =>
        new RegExp(`^Killed 1 process\\(es\\) the steps left behind: ${escaped}$`).test(l),
      ),
      o.lines.join('\n'),
    );
  });

  it("ends the job at the plan's timeout, as cancelled", async () => {
    const o = await job(
      'timeout: 1s\nsteps:\n  - name: long\n    run: sleep 60\n  - name: after\n    run: "true"\n',
    );
    assert.equal(o.result.cancelled, true);
    assert.deepEqual(
      o.result.steps.map((s) => [s.status, s.message]),
      [
        ['fail', 'the job timed out after 1s; killed'],
        ['blocked', 'a step before it failed'],
      ],
    );
  });

  it("fails a guest QEMU refuses to start, with QEMU's own words", async () => {
    const o = await job(
      [
        'steps:',
        '  - name: make-disk',
        '    run: head -c 512 /dev/zero >disk.img',
        '  - name: boot',
        '    timeout: 20s',
        '    guest:',
        '      backend: qemu',
        '      accel: tcg',
        '      disk: disk.img',
        '      exit-code: 33',
        '      args: [-no-such-option]',
        '',
      ].join('\n'),
    );
    assert.equal(o.result.steps[1].status, 'fail');
    assert.match(o.result.steps[1].message!, /^QEMU exited with status 1; expected status 33/);
    assert.ok(
      o.lines.some((l) =>
        /^error: Step 'boot' failed: .*\nLast lines of logs\/02-boot\.log:\n.*-no-such-option: invalid option/s.test(
          l,
        ),
      ),
      o.lines.join('\n'),
    );
  });
});

describe('console reader', () => {
  it('matches lines split across reads, keeps UTF-8 whole, scans each part once', () => {
    const file = join(fresh('console'), 'console.log');
    const reader = new ConsoleReader(file);
    reader.poll();
    assert.equal(reader.unscanned(), '');
    writeFileSync(file, 'SeaBIOS (version 1.16)\r\nBooting from Hard Disk...\r\ntributary gue');
    reader.poll();
    assert.doesNotMatch(reader.unscanned(), /tributary guest: h/);
    reader.scanned();
    assert.equal(reader.unscanned(), 'tributary gue', 'the unfinished line stays unscanned');
    const euro = Buffer.from('€');
    writeFileSync(file, Buffer.concat([Buffer.from('st: hello '), euro.subarray(0, 1)]), {
      flag: 'a',
    });
    reader.poll();
    writeFileSync(file, Buffer.concat([euro.subarray(1), Buffer.from('\r\nnext\n')]), {
      flag: 'a',
    });
    reader.poll();
    assert.match(reader.unscanned(), /^tributary guest: hello €$/m);
    reader.scanned();
    assert.equal(reader.unscanned(), '');
    assert.equal(reader.tail(2), 'tributary guest: hello €\nnext');
  });
});
