import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { initRepository } from '../actions/lib/git.js';
import { JOB_RESULT_FORMAT } from '../actions/lib/flight.js';
import { readFlights } from '../actions/lib/flight-notes.js';
import { startGitServer, type GitServer } from './harness/git-server.js';
import { startGitHubApi } from './harness/github-api.js';
import { repoRoot } from './harness/runner.js';
import { WorkTree, tempDir } from './harness/fixtures.js';

describe('tributary gate (command line, local hosted tree)', () => {
  const tmp = tempDir();
  after(() => tmp.cleanup());
  let k = 0;

  function results(revision: string, steps: Record<string, string>): string {
    const dir = join(tmp.path, `r${k++}`);
    mkdirSync(dir);
    writeFileSync(
      join(dir, 'test.json'),
      JSON.stringify({
        format: JOB_RESULT_FORMAT,
        job: 'test-hvm',
        trees: [{ name: 'xen', revision }],
        steps: Object.entries(steps).map(([name, status]) => ({ name, status })),
      }),
    );
    return dir;
  }
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, [join(repoRoot, 'build', 'cli', 'tributary.js'), 'gate', ...args], {
      encoding: 'utf8',
    });

  it('pushes, refuses and rejects bad input with exit 0, 1 and 2', async () => {
    const work = await WorkTree.create(join(tmp.path, 'work'));
    const c0 = await work.commit('base');
    const c1 = await work.commit('one');
    const c2 = await work.commit('two');
    const bare = await initRepository(join(tmp.path, 'xen.git'));
    await work.git.run([
      'push',
      '--quiet',
      bare.cwd,
      `${c0}:refs/heads/master`,
      `${c2}:refs/heads/staging`,
    ]);
    const common = ['--repo', bare.cwd, '--tested', 'master', '--staging', 'staging'];

    const first = cli(
      '--results',
      results(c1, { boot: 'pass', migrate: 'pass' }),
      ...common,
      '--no-baseline',
      'push',
      '--revision',
      c1,
    );
    assert.equal(first.status, 0, first.stderr + first.stdout);
    assert.match(first.stdout, new RegExp(`Pushed ${c1} to master`));
    assert.equal(await bare.commitOf('master'), c1);

    const second = cli(
      '--results',
      results(c2, { boot: 'pass', migrate: 'fail' }),
      ...common,
      '--summary',
    );
    assert.equal(second.status, 1, second.stderr);
    assert.match(second.stdout, /\| test-hvm \| migrate \| pass \| fail \|/);
    assert.equal(await bare.commitOf('master'), c1);
    assert.equal(
      (await readFlights(bare, 'refs/notes/tributary/flights', c2))[0].decision?.verdict,
      'refuse',
    );

    const bad = cli('--results', results(c2, { boot: 'maybe' }), ...common);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /test\.json: field 'steps\[0\]\.status' is "maybe"/);

    const forced = cli(
      '--results',
      results(c2, { boot: 'pass', migrate: 'fail' }),
      ...common,
      '--force',
      'XSA',
      '--actor',
      'rm',
    );
    assert.equal(forced.status, 0, forced.stderr);
    assert.equal(await bare.commitOf('master'), c2);
  });
});

describe('tributary gate over smart HTTP: what staging carried, the allow list of the hosted tree', () => {
  const TOKEN = 'ghs_gateCliTOKEN0123456789abcdefABCD';
  const tmp = tempDir('tributary-gate-cli-');
  let server: GitServer;
  let k = 0;
  before(async () => {
    server = await startGitServer(join(tmp.path, 'srv'), TOKEN);
  });
  after(async () => {
    await server.close();
    tmp.cleanup();
  });

  /** The command line, with the token only in its environment; the server must keep answering. */
  function cli(...args: string[]): Promise<{ status: number | null; out: string; err: string }> {
    return cliWith({}, ...args);
  }
  function cliWith(
    env: Record<string, string>,
    ...args: string[]
  ): Promise<{ status: number | null; out: string; err: string }> {
    return new Promise((resolve, reject) => {
      const child = spawn(
        process.execPath,
        [join(repoRoot, 'build', 'cli', 'tributary.js'), 'gate', '--tree', 'xen', ...args],
        { env: { ...process.env, TRIBUTARY_TOKEN: TOKEN, GITHUB_TOKEN: '', ...env } },
      );
      let out = '';
      let err = '';
      child.stdout.on('data', (b: Buffer) => (out += b.toString()));
      child.stderr.on('data', (b: Buffer) => (err += b.toString()));
      child.on('error', reject);
      child.on('close', (status) => {
        for (const text of [out, err]) assert.ok(!text.includes(TOKEN), 'the token is printed');
        resolve({ status, out, err });
      });
    });
  }

  function results(revision: string, steps: Record<string, string>): string {
    const dir = join(tmp.path, `r${k++}`);
    mkdirSync(dir);
    writeFileSync(
      join(dir, 'test.json'),
      JSON.stringify({
        format: JOB_RESULT_FORMAT,
        job: 'test-hvm',
        trees: [{ name: 'xen', revision }],
        steps: Object.entries(steps).map(([name, status]) => ({ name, status })),
      }),
    );
    return dir;
  }

  /** master at c0 (recorded as passing boot and migrate), staging at c1. */
  async function hosted(name: string) {
    const work = await WorkTree.create(join(tmp.path, `work-${name}`));
    const c0 = await work.commit('base');
    const c1 = await work.commit('one');
    const bare = await initRepository(server.repoPath(`${name}.git`));
    await bare.run(['config', 'uploadpack.allowFilter', 'true']);
    await bare.run(['config', 'uploadpack.allowAnySHA1InWant', 'true']);
    await work.git.run([
      'push',
      '--quiet',
      bare.cwd,
      `${c0}:refs/heads/master`,
      `${c1}:refs/heads/staging`,
    ]);
    const url = server.repoUrl(`${name}.git`);
    const first = await cli(
      '--results',
      results(c0, { boot: 'pass', migrate: 'pass' }),
      '--repo',
      url,
      '--no-baseline',
      'push',
    );
    assert.equal(first.status, 0, first.err);
    return { work, bare, url, c0, c1 };
  }

  it('reports the verdict on the API: a check run by default, a commit status with --report status', async () => {
    const t = await hosted('api');
    const api = await startGitHubApi({ token: TOKEN, gitRoot: server.root });
    try {
      api.addRepository('xen-project/api', { gitDir: 'api.git', defaultBranch: 'master' });
      const env = { GITHUB_API_URL: api.url, TRIBUTARY_GITHUB_SPACE_WRITES: 'false' };
      const common = ['--repo', t.url, '--repository', 'xen-project/api'];
      const pass = { boot: 'pass', migrate: 'pass' };
      const first = await cliWith(env, '--results', results(t.c1, pass), ...common);
      assert.equal(first.status, 0, first.err);
      assert.deepEqual(
        api.state.checkRuns.map((c) => [c.name, c.headSha, c.conclusion]),
        [['tributary/push-gate', t.c1, 'success']],
      );
      assert.match(api.state.checkRuns[0].output.summary ?? '', /## Push gate: xen/);
      const second = await cliWith(
        env,
        '--results',
        results(t.c1, pass),
        ...common,
        '--report',
        'status',
      );
      assert.equal(second.status, 0, second.err);
      assert.equal(api.state.checkRuns.length, 1);
      assert.deepEqual(
        api.state.statuses.map((x) => [x.context, x.sha, x.state]),
        [['tributary/push-gate', t.c1, 'success']],
      );
      const bad = await cliWith(env, '--results', results(t.c1, pass), ...common, '--report', 'x');
      assert.equal(bad.status, 2);
      assert.match(bad.err, /--report/);
    } finally {
      await api.close();
    }
  });

  it('refuses a revision only a pull request carries, whatever the options (exit 1), writing nothing', async () => {
    const t = await hosted('pull');
    await t.work.git.run(['checkout', '--quiet', '-b', 'fork', t.c0]);
    const fork = await t.work.commit('from a fork');
    await t.work.git.run(['push', '--quiet', t.bare.cwd, `${fork}:refs/pull/1/head`]);
    const notes = await t.bare.commitOf('refs/notes/tributary/flights');
    const pushes = server.requests.filter((r) => r.service === 'receive-pack').length;
    for (const extra of [[], ['--force', 'trust me', '--actor', 'someone']]) {
      const run = await cli(
        '--results',
        results(fork, { boot: 'pass', migrate: 'pass' }),
        '--repo',
        t.url,
        '--revision',
        fork,
        '--no-baseline',
        'push',
        ...extra,
      );
      assert.equal(run.status, 1, run.err + run.out);
      assert.match(
        run.err,
        new RegExp(
          `error: Revision ${fork} is not on 'staging' \\(head ${t.c1} as fetched now\\) nor is it master's head ${t.c0}: the gate pushes only what staging carried\\. Nothing pushed, nothing recorded\\.`,
        ),
      );
    }
    assert.equal(await t.bare.commitOf('master'), t.c0);
    assert.equal(await t.bare.commitOf('refs/notes/tributary/flights'), notes);
    assert.equal(server.requests.filter((r) => r.service === 'receive-pack').length, pushes);
  });

  it('reads the allow list from tributary/config of the hosted tree, by default or by name', async () => {
    const t = await hosted('allow');
    const regressed = () => results(t.c1, { boot: 'pass', migrate: 'fail' });
    const common = ['--repo', t.url, '--flight'];
    // No option, no config branch: an empty list; the regression blocks.
    const none = await cli('--results', regressed(), ...common, 'f1');
    assert.equal(none.status, 1, none.err + none.out);
    assert.match(none.out, /Allow list tributary\/config:allow\.yml: 0 entries \(no such branch\)/);
    // Named but missing: bad input (exit 2), named in the error.
    const missing = await cli(
      '--results',
      regressed(),
      ...common,
      'f2',
      '--allow-list',
      'tributary/config:allow.yml',
    );
    assert.equal(missing.status, 2, missing.err + missing.out);
    assert.match(
      missing.err,
      /The allow list tributary\/config:allow\.yml does not exist: there is no branch 'tributary\/config'/,
    );
    const path = await cli('--results', regressed(), ...common, 'f3', '--allow-list', 'allow.yml');
    assert.equal(path.status, 2);
    assert.match(path.err, /Invalid --allow-list 'allow\.yml'\. Expected <branch>:<path>/);
    assert.equal(await t.bare.commitOf('master'), t.c0);

    const config = await WorkTree.create(join(tmp.path, 'config'), 'config');
    const entry = await config.commit('allow migrate', {
      'allow.yml':
        'allow:\n  - job: test-hvm\n    step: migrate\n    reason: broken upstream\n    issue: https://example.org/1\n    expires: 2999-12-31\n',
    });
    await config.git.run(['push', '--quiet', t.bare.cwd, `${entry}:refs/heads/tributary/config`]);
    const named = await cli(
      '--results',
      regressed(),
      ...common,
      'f4',
      '--allow-list',
      'tributary/config:allow.yml',
      '--dry-run',
    );
    assert.equal(named.status, 0, named.err + named.out);
    const byDefault = await cli('--results', regressed(), ...common, 'f5', '--summary');
    assert.equal(byDefault.status, 0, byDefault.err + byDefault.out);
    assert.match(byDefault.out, /\| test-hvm \| migrate \| allow list: broken upstream/);
    assert.equal(await t.bare.commitOf('master'), t.c1);
  });
});
