/**
 * Mirror runs as they meet each other and the machine: two runs sharing a cache folder, a
 * reader that goes away, an interrupt, a concurrent writer; and the command line's contract
 * (bad input, --refs, --retries, --json). Real processes (the bundled action and the bundled
 * `tributary` command) against the token-protected smart-HTTP git server. Interleavings are
 * forced, never left to luck: a reference-transaction hook given to one run through its
 * environment holds it at a named point until the test lets it go.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
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
import { initRepository } from '../actions/lib/git.js';
import { taggedProcesses } from '../actions/lib/hypervisor/processes.js';
import { startGitServer, type GitServer } from './harness/git-server.js';
import { repoRoot, runAction } from './harness/runner.js';
import { WorkTree, filesContaining, tempDir } from './harness/fixtures.js';

const TOKEN = 'ghs_mirrorRunsToken0123456789abcdefXYZ';
const CLI = join(repoRoot, 'dist', 'cli', 'index.js');

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Resolves once `ready()` holds; rejects if `ended` settles first (the process is gone). */
async function until(what: string, ready: () => boolean, ended?: Promise<unknown>): Promise<void> {
  let over = false;
  void ended?.finally(() => (over = true));
  while (!ready()) {
    if (over) throw new Error(`the process ended before ${what}`);
    await sleep(20);
  }
}

/**
 * A hold: a reference-transaction hook, given to a run through GIT_CONFIG_* in its environment,
 * that stops the first transaction in `state` setting a ref under `prefix` until released.
 */
function holdAt(dir: string, state: 'prepared' | 'committed', prefix: string) {
  const hooks = join(dir, 'hooks');
  mkdirSync(hooks, { recursive: true });
  const hook = join(hooks, 'reference-transaction');
  writeFileSync(
    hook,
    [
      '#!/bin/sh',
      '[ "$1" = "$HOLD_STATE" ] || exit 0',
      'hit=',
      'while read -r old new ref; do',
      '  case "$ref" in "$HOLD_PREFIX"*) [ "$new" = 0000000000000000000000000000000000000000 ] || hit=1 ;; esac',
      'done',
      '[ -n "$hit" ] && [ ! -e "$HOLD_RELEASE" ] || exit 0',
      ': >"$HOLD_HELD"',
      'while [ ! -e "$HOLD_RELEASE" ]; do sleep 0.05; done',
      '',
    ].join('\n'),
  );
  chmodSync(hook, 0o755);
  const held = join(dir, 'held');
  const release = join(dir, 'release');
  return {
    env: {
      GIT_CONFIG_COUNT: '1',
      GIT_CONFIG_KEY_0: 'core.hooksPath',
      GIT_CONFIG_VALUE_0: hooks,
      HOLD_STATE: state,
      HOLD_PREFIX: prefix,
      HOLD_HELD: held,
      HOLD_RELEASE: release,
    },
    isHeld: () => existsSync(held),
    release: () => writeFileSync(release, ''),
  };
}

interface CliRun {
  child: ChildProcess;
  /** stdout and stderr so far, interleaved. */
  output: () => string;
  done: Promise<{
    status: number | null;
    signal: NodeJS.Signals | null;
    stdout: string;
    stderr: string;
  }>;
}

/** `tributary mirror ...` from the bundled command line, its output readable while it runs. */
function tributary(args: string[], env: Record<string, string> = {}): CliRun {
  const child = spawn(process.execPath, [CLI, 'mirror', ...args], {
    env: { ...process.env, TRIBUTARY_SOURCE_TOKEN: TOKEN, TRIBUTARY_TOKEN: TOKEN, ...env },
  });
  let stdout = '';
  let stderr = '';
  let both = '';
  child.stdout!.on('data', (b: Buffer) => ((stdout += b.toString()), (both += b.toString())));
  child.stderr!.on('data', (b: Buffer) => ((stderr += b.toString()), (both += b.toString())));
  const done = new Promise<Awaited<CliRun['done']>>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr }));
  });
  return { child, output: () => both, done };
}

describe('mirror runs', () => {
  const tmp = tempDir('tributary-mirror-runs-');
  let server: GitServer;
  let serial = 0;
  /** Everything the runs printed or wrote for the runner, for the token check at the end. */
  const printed: string[] = [];

  before(async () => {
    server = await startGitServer(join(tmp.path, 'srv'), TOKEN);
  });
  after(async () => {
    await server.close();
    tmp.cleanup();
  });

  /** An upstream with master, stable-1.0, stable-0.9, feature/x, v1.0 and v0.9; a cache folder. */
  async function upstream() {
    const name = `tree${++serial}`;
    const work = await WorkTree.create(join(tmp.path, `${name}-work`));
    await work.commit('initial', { README: 'upstream\n' });
    await work.commit('second', { 'data.txt': 'data\n' });
    await work.git.run(['branch', 'stable-1.0']);
    await work.git.run(['branch', 'stable-0.9', 'HEAD~1']);
    await work.git.run(['branch', 'feature/x']);
    await work.git.run(['tag', '-a', '-m', 'release 1.0', 'v1.0']);
    await work.git.run(['tag', 'v0.9', 'HEAD~1']);
    const repo = await initRepository(server.repoPath(`upstream/${name}.git`));
    await work.git.run(['push', '--quiet', repo.cwd, '--all']);
    await work.git.run(['push', '--quiet', repo.cwd, '--tags']);
    const dir = join(tmp.path, name);
    mkdirSync(dir);
    const t = {
      name,
      work,
      repo,
      dir,
      url: server.repoUrl(`upstream/${name}.git`),
      cacheDir: join(dir, 'cache'),
      /** A new, empty hosted tree on the server: owner/repo, and its funnel. */
      async hosted(suffix: string) {
        const repository = `xen-project/${name}-${suffix}`;
        return { repository, git: await initRepository(server.repoPath(`${repository}.git`)) };
      },
      /** The bundled action, with this tree as source and the shared cache folder. */
      async action(inputs: Record<string, string>, env: Record<string, string> = {}) {
        const run = await runAction('mirror', {
          inputs: { source: t.url, 'source-token': TOKEN, 'cache-dir': t.cacheDir, ...inputs },
          githubToken: TOKEN,
          env: { GITHUB_SERVER_URL: server.url, ...env },
          timeoutMs: 120_000,
        });
        printed.push(run.log, JSON.stringify(run.outputs), run.summary);
        return run;
      },
      /** `tributary mirror` with this tree as source (add --cache-dir yourself). */
      cli(args: string[], env: Record<string, string> = {}): CliRun {
        const run = tributary(['--source', t.url, '--server-url', server.url, ...args], env);
        void run.done.then((r) => printed.push(r.stdout, r.stderr));
        return run;
      },
      /** The upstream refs a selection should give, as a plain object. */
      async refs(...names: string[]) {
        const all = await repo.refs();
        return Object.fromEntries(names.map((n) => [n, all.get(n)]));
      },
    };
    return t;
  }

  const receivePacks = (since: number) =>
    server.requests.slice(since).filter((r) => r.service === 'receive-pack');

  it('two runs sharing a cache folder take turns, and each destination gets exactly its own selection', async () => {
    const t = await upstream();
    const a = await t.hosted('a');
    const b = await t.hosted('b');
    // Run A stops with its refs staged for the push, holding the folder.
    const holdA = holdAt(join(t.dir, 'hold-a'), 'committed', 'refs/tributary/push/');
    const runA = t.action({ destination: a.repository, refs: 'master' }, holdA.env);
    await until('run A staged its push', holdA.isHeld, runA);
    // Run B, another selection to another destination, in the same folder; it would stop at
    // the same point, were it let in.
    const holdB = holdAt(join(t.dir, 'hold-b'), 'committed', 'refs/tributary/push/');
    const runB = t.cli(
      [
        '--destination',
        b.repository,
        '--refs',
        'stable-*',
        '--refs',
        'refs/tags/*',
        '--cache-dir',
        t.cacheDir,
      ],
      holdB.env,
    );
    let waited = false;
    await until(
      'run B waited or staged its push',
      () => (waited = /Waiting for the cache folder/.test(runB.output())) || holdB.isHeld(),
      runB.done,
    );
    holdA.release();
    const doneA = await runA;
    holdB.release();
    const doneB = await runB.done;
    assert.equal(doneA.code, 0, doneA.log);
    assert.equal(doneB.status, 0, doneB.stderr);
    assert.deepEqual(Object.fromEntries(await a.git.refs()), await t.refs('refs/heads/master'));
    assert.deepEqual(
      Object.fromEntries(await b.git.refs()),
      await t.refs(
        'refs/heads/stable-0.9',
        'refs/heads/stable-1.0',
        'refs/tags/v0.9',
        'refs/tags/v1.0',
      ),
    );
    assert.ok(waited, 'run B waited for run A');
    assert.match(
      runB.output(),
      new RegExp(
        `Waiting for the cache folder .*: workflow run ${server.url}/xen-project/tributary-test/actions/runs/1000 \\(job test\\) \\(pid \\d+ .*\\) is mirroring .*upstream/${t.name}\\.git → ${a.repository} there`,
      ),
    );
  });

  it('two first runs on an empty shared cache folder both succeed', async () => {
    const t = await upstream();
    const a = await t.hosted('a');
    const b = await t.hosted('b');
    // Run A stops in its first fetch, holding the locks of the refs it is writing.
    const holdA = holdAt(join(t.dir, 'hold-a'), 'prepared', 'refs/tributary/source/');
    const runA = t.action({ destination: a.repository }, holdA.env);
    await until('run A fetched', holdA.isHeld, runA);
    const runB = t.cli(['--destination', b.repository, '--cache-dir', t.cacheDir]);
    let waited = false;
    let finished = false;
    void runB.done.finally(() => (finished = true));
    await until(
      'run B waited or finished',
      () => (waited = /Waiting for the cache folder/.test(runB.output())) || finished,
    );
    holdA.release();
    const [doneA, doneB] = await Promise.all([runA, runB.done]);
    assert.equal(doneA.code, 0, doneA.log);
    assert.equal(doneB.status, 0, doneB.stderr);
    const everything = Object.fromEntries(await t.repo.refs());
    assert.deepEqual(Object.fromEntries(await a.git.refs()), everything);
    assert.deepEqual(Object.fromEntries(await b.git.refs()), everything);
    assert.ok(waited, 'run B waited for run A');
  });

  it('takes over a lock whose run is gone, and waits for one held elsewhere until interrupted', async () => {
    const t = await upstream();
    const d = await t.hosted('d');
    mkdirSync(t.cacheDir);
    const lockFile = join(t.cacheDir, '.tributary-mirror.lock');
    const gone = spawn(process.execPath, ['-e', '']);
    await new Promise((r) => gone.on('close', r));
    const lock = (owner: object) =>
      writeFileSync(
        lockFile,
        JSON.stringify({ startedAt: '2026-01-01T00:00:00.000Z', mirroring: 'a → b', ...owner }),
      );
    lock({ pid: gone.pid, host: hostname(), holder: 'a crashed run' });
    const took = await t.cli(['--destination', d.repository, '--cache-dir', t.cacheDir]).done;
    assert.equal(took.status, 0, took.stderr);
    assert.match(took.stderr, /Took over the cache folder's lock from a crashed run/);
    assert.ok(!existsSync(lockFile), 'released');

    // Another machine's run (a shared folder): only it can say it is gone, so this one waits.
    lock({ pid: 1, host: 'build-host-2', holder: 'workflow run 77 (job mirror)' });
    const run = t.cli(['--destination', d.repository, '--cache-dir', t.cacheDir]);
    await until(
      'the run waited',
      () =>
        /Waiting for the cache folder .*: workflow run 77 \(job mirror\) \(pid 1 on build-host-2, since 2026-01-01T00:00:00.000Z\) is mirroring a → b there\./.test(
          run.output(),
        ),
      run.done,
    );
    run.child.kill('SIGINT');
    const done = await run.done;
    assert.equal(done.status, 130, done.stderr);
    assert.match(readFileSync(lockFile, 'utf8'), /build-host-2/, "the other run's lock stays");
  });

  it('finishes its push quietly when its reader goes away (| head), and removes its temp folder', async () => {
    const t = await upstream();
    const d = await t.hosted('d');
    const temp = join(t.dir, 'tmp');
    mkdirSync(temp);
    const hold = holdAt(join(t.dir, 'hold'), 'committed', 'refs/tributary/push/');
    const run = t.cli(['--destination', d.repository], { ...hold.env, TMPDIR: temp });
    await until('the run staged its push', hold.isHeld, run.done);
    run.child.stdout!.destroy(); // the reader is gone: every write from now on meets EPIPE
    hold.release();
    const done = await run.done;
    assert.equal(done.status, 0, done.stderr);
    assert.doesNotMatch(done.stderr, /EPIPE|error/i);
    assert.deepEqual(
      Object.fromEntries(await d.git.refs()),
      Object.fromEntries(await t.repo.refs()),
    );
    assert.deepEqual(readdirSync(temp), [], 'the temporary cache folder is removed');
  });

  it('on SIGINT stops git and all it started, removes its temp folder and exits 130', async () => {
    const t = await upstream();
    const d = await t.hosted('d');
    const temp = join(t.dir, 'tmp');
    mkdirSync(temp);
    // The destination takes the push and then keeps it waiting for an answer.
    const held = join(t.dir, 'push-held');
    const release = join(t.dir, 'push-release');
    const hook = join(d.git.cwd, 'hooks', 'pre-receive');
    writeFileSync(
      hook,
      `#!/bin/sh\ncat >/dev/null\n: >'${held}'\nwhile [ ! -e '${release}' ]; do sleep 0.05; done\nexit 1\n`,
    );
    chmodSync(hook, 0o755);
    // Every process the run starts inherits this mark: anything carrying it afterwards is a leftover.
    const mark = randomBytes(8).toString('hex');
    const run = t.cli(['--destination', d.repository], { TMPDIR: temp, MIRROR_TEST_MARK: mark });
    try {
      await until('the push reached the destination', () => existsSync(held), run.done);
      run.child.kill('SIGINT');
      const done = await run.done;
      const left = taggedProcesses((p) => p.env.MIRROR_TEST_MARK === mark, true);
      assert.deepEqual(
        left.map((p) => p.cmdline.join(' ')),
        [],
        'no git process of the run is left',
      );
      assert.equal(done.signal, null, 'it handled the signal');
      assert.equal(done.status, 130, done.stderr);
      assert.match(done.stderr, /Interrupted \(SIGINT\)/);
      assert.deepEqual(readdirSync(temp), [], 'the temporary cache folder is removed');
    } finally {
      writeFileSync(release, '');
      await run.done;
    }
  });

  it('a lease that fails is an answer, never retried as a network error', async () => {
    const t = await upstream();
    // A local destination: there git says "the remote end hung up" after an atomic push a
    // lease stopped, which looked like the network.
    const local = await initRepository(join(t.dir, 'hosted.git'));
    const first = await t.action({ destination: local.cwd });
    assert.equal(first.code, 0, first.log);
    const hostedMaster = (await local.commitOf('refs/heads/master'))!;
    await t.work.commit('upstream moves on');
    await t.work.git.run(['branch', 'stable-2.0']);
    await t.work.git.run(['push', '--quiet', t.repo.cwd, 'master', 'stable-2.0']);
    const hold = holdAt(join(t.dir, 'hold'), 'committed', 'refs/tributary/push/');
    const run = t.action({ destination: local.cwd }, hold.env);
    await until('the run staged its push', hold.isHeld, run);
    // Another writer moves the hosted master after the run listed the destination.
    const theirs = await t.work.git.run([
      'commit-tree',
      '-p',
      hostedMaster,
      '-m',
      'a concurrent writer',
      `${hostedMaster}^{tree}`,
    ]);
    await t.work.git.run(['push', '--quiet', local.cwd, `${theirs}:refs/heads/master`]);
    hold.release();
    const done = await run;
    assert.equal(done.code, 1, done.log);
    assert.doesNotMatch(done.log, /network error|retrying/);
    assert.match(
      done.annotations.map((a) => a.message).join('\n'),
      /refused, and nothing was changed[^]*stale info/,
    );
    assert.equal(await local.commitOf('refs/heads/master'), theirs, 'their commit stays');
    assert.equal(await local.commitOf('refs/heads/stable-2.0'), undefined, 'atomic');
  });

  it('a selection that matches nothing upstream, on a destination holding none of it, is bad input', async () => {
    const t = await upstream();
    const d = await t.hosted('d');
    const mark = server.requests.length;
    const bad = t.cli([
      '--destination',
      d.repository,
      '--refs',
      'mastre,refs/tags/v9*',
      '--cache-dir',
      t.cacheDir,
    ]);
    const cli = await bad.done;
    assert.equal(cli.status, 2, cli.stderr);
    assert.match(
      cli.stderr,
      /selects none of the 6 branches and tags .*refs 'mastre', 'refs\/tags\/v9\*'/,
    );
    const action = await t.action({ destination: d.repository, refs: 'mastre' });
    assert.equal(action.code, 1, action.log);
    assert.match(
      action.annotations.map((a) => a.message).join('\n'),
      /Input 'refs' selects none .* refs 'mastre'\. Expected/,
    );
    assert.deepEqual(receivePacks(mark), [], 'nothing pushed');
    assert.deepEqual(Object.fromEntries(await d.git.refs()), {});

    // Refs mirrored before and gone upstream since are not bad input: kept, or with prune,
    // refused as before (an upstream listing none of them is likelier an outage).
    const mirrored = await t.cli(['--destination', d.repository, '--refs', 'feature/*']).done;
    assert.equal(mirrored.status, 0, mirrored.stderr);
    await t.repo.run(['update-ref', '-d', 'refs/heads/feature/x']);
    const kept = await t.cli(['--destination', d.repository, '--refs', 'feature/*']).done;
    assert.equal(kept.status, 0, kept.stderr);
    assert.match(kept.stdout, /gone upstream and kept/);
    const pruned = await t.cli(['--destination', d.repository, '--refs', 'feature/*', '--prune'])
      .done;
    assert.equal(pruned.status, 3, pruned.stderr);
    assert.match(pruned.stderr, /lists none of the mirrored refs; refusing to prune 1/);
    assert.ok(await d.git.commitOf('refs/heads/feature/x'));
  });

  it("takes --refs in the action's comma form, braces included, as the action does", async () => {
    const t = await upstream();
    const d = await t.hosted('d');
    const e = await t.hosted('e');
    const cli = await t.cli(['--destination', d.repository, '--refs', 'master, v{0,1}.*']).done;
    assert.equal(cli.status, 0, cli.stderr);
    const action = await t.action({ destination: e.repository, refs: 'master, v{0,1}.*' });
    assert.equal(action.code, 0, action.log);
    const expected = await t.refs('refs/heads/master', 'refs/tags/v0.9', 'refs/tags/v1.0');
    assert.deepEqual(Object.fromEntries(await d.git.refs()), expected);
    assert.deepEqual(Object.fromEntries(await e.git.refs()), expected);
  });

  it('--retries quotes what it was given', async () => {
    const t = await upstream();
    const mark = server.requests.length;
    const done = await t.cli(['--destination', 'xen-project/x', '--retries', 'abc']).done;
    assert.equal(done.status, 2, done.stderr);
    assert.match(done.stderr, /Invalid --retries 'abc'\. Expected a whole number from 0 to 10/);
    assert.deepEqual(server.requests.slice(mark), []);
  });

  it("--json prints the action's updates output on stdout and nothing else", async () => {
    const t = await upstream();
    const d = await t.hosted('d');
    const e = await t.hosted('e');
    const inputs = ['--refs', 'master', '--refs', 'stable-*', '--prefix', 'upstream/'];
    const cli = await t.cli(['--destination', d.repository, ...inputs, '--json']).done;
    assert.equal(cli.status, 0, cli.stderr);
    const action = await t.action({
      destination: e.repository,
      refs: 'master,stable-*',
      prefix: 'upstream/',
    });
    assert.equal(action.code, 0, action.log);
    assert.equal(cli.stdout, action.outputs.updates + '\n');
    assert.equal(
      (JSON.parse(cli.stdout) as unknown[]).length,
      3,
      'master, stable-0.9 and stable-1.0',
    );
    assert.match(cli.stderr, /Push 3 ref update\(s\)/, 'progress on stderr');
    // Unchanged refs are not listed, as in the action's output.
    const again = await t.cli(['--destination', d.repository, ...inputs, '--json']).done;
    assert.equal(again.status, 0, again.stderr);
    assert.equal(again.stdout, '[]\n');
  });

  it('never lets the token appear in a log, output, summary or cache folder', () => {
    assert.ok(printed.length > 10);
    for (const text of printed) assert.ok(!text.includes(TOKEN));
    assert.deepEqual(filesContaining([tmp.path], TOKEN), []);
  });
});
