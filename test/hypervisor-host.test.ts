/**
 * hypervisor-test on a shared host: the lock folder is the runner user's own (a folder another
 * user can write to, a link, or anything of another user in it is refused before anything is
 * read or run), and each step's output is shown in the log as the step runs.
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { repoRoot, runAction, type ActionRun } from './harness/runner.js';
import { tempDir } from './harness/fixtures.js';

const tmp = tempDir('tributary-hvhost-');
after(() => tmp.cleanup());
let n = 0;
const fresh = (name: string, mode = 0o700) => {
  const dir = join(tmp.path, `${++n}-${name}`);
  mkdirSync(dir, { recursive: true });
  chmodSync(dir, mode);
  return dir;
};

const cli = join(repoRoot, 'build', 'cli', 'tributary.js');
const tributary = (args: string[], cwd: string) =>
  spawnSync(process.execPath, [cli, 'test', ...args], { cwd, encoding: 'utf8' });

/** A workspace whose plan has one step that leaves a file: whether it ran is plain to see. */
function workspace(): { dir: string; stepRan: string } {
  const dir = fresh('work');
  writeFileSync(
    join(dir, 'plan.yml'),
    'steps:\n  - name: build\n    run: touch step-ran\n    timeout: 30s\n',
  );
  return { dir, stepRan: join(dir, 'step-ran') };
}

/**
 * A job record as another user would plant it: its stop command leaves a file, and it names a
 * folder to remove. Today's cleanup of leftovers would run the one and remove the other.
 */
function plantRecord(jobsDir: string): { ran: string; victim: string; file: string } {
  const ran = join(tmp.path, `planted-stop-ran-${++n}`);
  const victim = fresh('victim');
  writeFileSync(join(victim, 'keep'), 'the runner user keeps this\n');
  const file = join(jobsDir, 'x.json');
  writeFileSync(
    file,
    JSON.stringify({
      tag: 'x',
      job: 'planted',
      groups: [],
      guests: [{ backend: 'command', name: 'planted', stop: `id >${ran}`, cwd: '/' }],
      scratch: [victim],
    }),
  );
  return { ran, victim, file };
}

function assertNothingRan(planted: { ran: string; victim: string }, stepRan: string) {
  assert.ok(!existsSync(planted.ran), 'the planted stop command never ran');
  assert.ok(existsSync(join(planted.victim, 'keep')), 'the folder the record names is untouched');
  assert.ok(!existsSync(stepRan), 'no step of the plan ran');
}

function refusal(run: ActionRun): string {
  assert.equal(run.code, 1, run.log);
  const error = run.annotations.find((a) => a.level === 'error');
  assert.ok(error, run.log);
  assert.equal(run.outputs['result-file'], undefined, 'no result: the job never ran');
  assert.ok(run.post, 'the post step ran');
  assert.equal(run.post.code, 0, run.post.log);
  assert.doesNotMatch(
    run.post.log,
    /Cleanup of run|Cleanup failed/,
    'the post step looked nowhere',
  );
  return error.message;
}

describe("the host's lock folder is the runner's own", () => {
  it('refuses a folder anyone can write to (1777) holding a planted record, and runs nothing', async () => {
    const lockDir = fresh('lock', 0o1777);
    const jobs = join(lockDir, 'jobs');
    mkdirSync(jobs, { mode: 0o777 });
    chmodSync(jobs, 0o777);
    const planted = plantRecord(jobs);
    const { dir, stepRan } = workspace();

    const run = await runAction('hypervisor-test', {
      inputs: { plan: 'plan.yml', 'lock-dir': lockDir },
      workspace: dir,
    });
    const message = refusal(run);
    assert.match(
      message,
      new RegExp(
        `^Refusing the host's lock folder ${lockDir}: it is writable by group and others \\(mode 1777\\)\\.`,
      ),
    );
    assert.match(
      message,
      new RegExp(`Fix: chmod go-w ${lockDir} .*or use the default lock folder, `),
    );
    assertNothingRan(planted, stepRan);
    assert.ok(!existsSync(join(lockDir, 'host.lock')), 'the host was never taken');

    const viaCli = tributary(['plan.yml', '--lock-dir', lockDir], dir);
    assert.equal(viaCli.status, 2, viaCli.stdout + viaCli.stderr);
    assert.match(viaCli.stderr, /Refusing the host's lock folder .*: it is writable by group/);
    assertNothingRan(planted, stepRan);

    // Made the runner's own, the folder is taken; the planted record, written by someone
    // else while it was open, is still refused on its own.
    chmodSync(lockDir, 0o755);
    chmodSync(jobs, 0o755);
    chmodSync(planted.file, 0o666);
    const again = tributary(['plan.yml', '--lock-dir', lockDir], dir);
    assert.equal(again.status, 2, again.stdout + again.stderr);
    assert.match(
      again.stderr,
      new RegExp(
        `Refusing the host's job record ${planted.file}: it is writable by group and others \\(mode 0666\\)\\..*Fix: look at what it holds, then remove it \\(rm -- ${planted.file}\\)`,
        's',
      ),
    );
    assertNothingRan(planted, stepRan);
  });

  it('refuses a lock folder, a jobs folder or a record that is a symbolic link', async () => {
    // The link points at a folder that would pass: the link itself is what is refused.
    const real = fresh('real-lock');
    mkdirSync(join(real, 'jobs'), { mode: 0o700 });
    const planted = plantRecord(join(real, 'jobs'));
    const link = join(tmp.path, `${++n}-lock-link`);
    symlinkSync(real, link);
    const { dir, stepRan } = workspace();
    const run = await runAction('hypervisor-test', {
      inputs: { plan: 'plan.yml', 'lock-dir': link },
      workspace: dir,
    });
    assert.match(
      refusal(run),
      new RegExp(
        `^Refusing the host's lock folder ${link}: it is a symbolic link \\(to ${real}\\)\\..*Fix: give the folder itself, not a link to it`,
      ),
    );
    assertNothingRan(planted, stepRan);

    const jobsLinked = fresh('lock');
    symlinkSync(join(real, 'jobs'), join(jobsLinked, 'jobs'));
    const jobsRun = tributary(['plan.yml', '--lock-dir', jobsLinked], dir);
    assert.equal(jobsRun.status, 2, jobsRun.stdout + jobsRun.stderr);
    assert.match(
      jobsRun.stderr,
      new RegExp(
        `Refusing the host's jobs folder ${join(jobsLinked, 'jobs')}: it is a symbolic link`,
      ),
    );
    assertNothingRan(planted, stepRan);

    const recordLinked = fresh('lock');
    mkdirSync(join(recordLinked, 'jobs'), { mode: 0o700 });
    symlinkSync(planted.file, join(recordLinked, 'jobs', 'x.json'));
    const recordRun = tributary(['plan.yml', '--lock-dir', recordLinked], dir);
    assert.equal(recordRun.status, 2, recordRun.stdout + recordRun.stderr);
    assert.match(
      recordRun.stderr,
      new RegExp(
        `Refusing the host's job record ${join(recordLinked, 'jobs', 'x.json')}: it is a symbolic link \\(to ${planted.file}\\)`,
      ),
    );
    assertNothingRan(planted, stepRan);
  });

  it(
    'refuses a lock folder or a record owned by another user',
    {
      skip: process.getuid?.() !== 0 && 'chown to another user needs root',
    },
    async () => {
      const other = 4242;
      const lockDir = fresh('lock', 0o755);
      mkdirSync(join(lockDir, 'jobs'), { mode: 0o755 });
      const planted = plantRecord(join(lockDir, 'jobs'));
      chownSync(lockDir, other, other);
      const { dir, stepRan } = workspace();
      const run = await runAction('hypervisor-test', {
        inputs: { plan: 'plan.yml', 'lock-dir': lockDir },
        workspace: dir,
      });
      assert.match(
        refusal(run),
        new RegExp(
          `^Refusing the host's lock folder ${lockDir}: it is owned by uid ${other}, not by the runner's user \\(uid 0\\)\\..*Fix: give a folder the runner's user created`,
        ),
      );
      assertNothingRan(planted, stepRan);

      chownSync(lockDir, 0, 0);
      chownSync(planted.file, other, other);
      const cli = tributary(['plan.yml', '--lock-dir', lockDir], dir);
      assert.equal(cli.status, 2, cli.stdout + cli.stderr);
      assert.match(
        cli.stderr,
        new RegExp(`Refusing the host's job record ${planted.file}: it is owned by uid ${other}`),
      );
      assertNothingRan(planted, stepRan);
    },
  );

  it("defaults to a folder in the runner user's cache, created mode 0700", async () => {
    const home = fresh('home', 0o755);
    const { dir, stepRan } = workspace();
    const run = await runAction('hypervisor-test', {
      inputs: { plan: 'plan.yml' },
      workspace: dir,
      env: { HOME: home },
    });
    assert.equal(run.code, 0, run.log);
    assert.ok(existsSync(stepRan));
    const lockDir = join(home, '.cache', 'tributary', 'host');
    assert.equal(statSync(lockDir).mode & 0o7777, 0o700);
    assert.equal(statSync(join(lockDir, 'jobs')).mode & 0o7777, 0o700);
    assert.equal(run.state.lockDir, lockDir);

    const cache = fresh('xdg-cache');
    const xdg = await runAction('hypervisor-test', {
      inputs: { plan: 'plan.yml' },
      workspace: dir,
      env: { HOME: home, XDG_CACHE_HOME: cache },
    });
    assert.equal(xdg.code, 0, xdg.log);
    assert.equal(xdg.state.lockDir, join(cache, 'tributary', 'host'));
    assert.equal(statSync(join(cache, 'tributary', 'host')).mode & 0o7777, 0o700);
  });
});

/** A step that says it waits, then waits for a file only the test makes once it saw that line. */
const waitingPlan = [
  'steps:',
  '  - name: wait',
  `    run: 'echo "waiting for the test"; echo "::error title=planted::from the step"; while [ ! -e go ]; do sleep 0.05; done; echo "went on"'`,
  '    timeout: 60s',
  '  - name: boot',
  '    timeout: 60s',
  '    guest:',
  '      backend: command',
  `      start: 'echo "console: waiting for the test"; while [ ! -e go-guest ]; do sleep 0.05; done; echo "tributary guest: hello"; sleep 60'`,
  `      stop: 'true'`,
  '      pass: "^tributary guest: hello$"',
  '',
].join('\n');

describe('live output', () => {
  it("shows each step's output in its log group while the step runs, never as commands", async () => {
    const dir = fresh('live');
    writeFileSync(join(dir, 'plan.yml'), waitingPlan);
    const run = await runAction('hypervisor-test', {
      inputs: { plan: 'plan.yml', 'lock-dir': fresh('lock') },
      workspace: dir,
      timeoutMs: 120_000,
      // The steps go on only once their first line is in the log: shown before they end.
      onLog: (log) => {
        if (/^waiting for the test$/m.test(log)) writeFileSync(join(dir, 'go'), '');
        if (/^console: waiting for the test$/m.test(log)) writeFileSync(join(dir, 'go-guest'), '');
      },
    });
    assert.equal(run.code, 0, run.log);
    const group = (name: string) => {
      const start = run.log.indexOf(`::group::Step ${name}\n`);
      assert.ok(start >= 0, run.log);
      return run.log.slice(start, run.log.indexOf('::endgroup::', start));
    };
    assert.match(group('wait'), /^waiting for the test\n(.*\n)*went on$/m);
    assert.match(group('boot'), /^console: waiting for the test\ntributary guest: hello$/m);
    assert.deepEqual(
      run.annotations.filter((a) => a.properties.title === 'planted'),
      [],
      "a step's output is never read as a workflow command",
    );
    assert.match(group('wait'), /^::error title=planted::from the step$/m, 'it is shown as text');
  });

  it('shows it on the command line with --verbose, and not without', async () => {
    const dir = fresh('live-cli');
    writeFileSync(join(dir, 'plan.yml'), waitingPlan);
    const lockDir = fresh('lock');
    const child = spawn(
      process.execPath,
      [cli, 'test', 'plan.yml', '--verbose', '--lock-dir', lockDir],
      {
        cwd: dir,
      },
    );
    let out = '';
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString();
      if (/^ *waiting for the test$/m.test(out)) writeFileSync(join(dir, 'go'), '');
      if (/^ *console: waiting for the test$/m.test(out)) writeFileSync(join(dir, 'go-guest'), '');
    });
    child.stderr.on('data', (b: Buffer) => (out += b.toString()));
    const code = await new Promise<number | null>((r) => child.on('close', r));
    assert.equal(code, 0, out);
    assert.match(out, /^ *went on$/m);

    const quiet = fresh('quiet');
    writeFileSync(
      join(quiet, 'plan.yml'),
      'steps:\n  - name: say\n    run: echo "said by the step"\n',
    );
    const run = tributary(['plan.yml', '--lock-dir', lockDir], quiet);
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.doesNotMatch(run.stdout, /said by the step/);
    const loud = tributary(['plan.yml', '--lock-dir', lockDir, '--verbose'], quiet);
    assert.match(loud.stdout, /^ *said by the step$/m);
  });
});
