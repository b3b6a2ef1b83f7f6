/**
 * The mirror action end to end: the bundled dist/mirror/index.js run as the runner runs it,
 * against two bare repositories (upstream and hosted) on the token-protected HTTP git server.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { Git, initRepository } from '../actions/lib/git.js';
import { MemoryLogger } from '../actions/lib/log.js';
import { mirrorTree } from '../actions/lib/mirror/mirror.js';
import { buildMirrorSettings } from '../actions/lib/mirror/settings.js';
import { startGitServer, type GitServer } from './harness/git-server.js';
import { repoRoot, runAction, type ActionRun } from './harness/runner.js';
import { startCacheService } from './harness/cache-service.js';
import { WorkTree, filesContaining, tempDir } from './harness/fixtures.js';

const TOKEN = 'ghs_mirrorTestToken0123456789abcdefXYZ';

describe('mirror action', () => {
  const tmp = tempDir('tributary-mirror-test-');
  let server: GitServer;
  const runs: ActionRun[] = [];
  const cacheDirs: string[] = [];
  let serial = 0;

  before(async () => {
    server = await startGitServer(join(tmp.path, 'srv'), TOKEN);
  });
  after(async () => {
    await server.close();
    tmp.cleanup();
  });

  /** An upstream (work tree pushed to a bare repository on the server) and an empty hosted tree. */
  async function trees(options: { bigBlob?: boolean } = {}) {
    const name = `tree${++serial}`;
    const work = await WorkTree.create(join(tmp.path, `${name}-work`));
    await work.commit('initial', { README: 'upstream\n' });
    const base = await work.commit('second', {
      'data.bin': options.bigBlob ? randomBytes(90_000).toString('base64') : 'small\n',
    });
    await work.git.run(['branch', 'stable-1.0']);
    await work.git.run(['branch', 'stable-0.9', 'HEAD~1']);
    await work.git.run(['branch', 'feature/x']);
    await work.git.run(['tag', '-a', '-m', 'release 1.0', 'v1.0']);
    await work.git.run(['tag', 'v0.9', 'HEAD~1']);
    const upstream = await initRepository(server.repoPath(`upstream/${name}.git`));
    const hosted = await initRepository(server.repoPath(`xen-project/${name}.git`));
    await work.git.run(['push', '--quiet', upstream.cwd, '--all']);
    await work.git.run(['push', '--quiet', upstream.cwd, '--tags']);
    // Refs no mirror may carry: a pull request head and a change ref.
    await upstream.run(['update-ref', 'refs/pull/1/head', base]);
    await upstream.run(['update-ref', 'refs/changes/01/1/1', base]);
    const cacheDir = join(tmp.path, `${name}-cache`);
    cacheDirs.push(cacheDir);
    const mirror = async (
      inputs: Record<string, string> = {},
      opts: { env?: Record<string, string>; runnerTemp?: string; workspace?: string } = {},
    ) => {
      const run = await runAction('mirror', {
        inputs: {
          source: server.repoUrl(`upstream/${name}.git`),
          destination: `xen-project/${name}`,
          'source-token': TOKEN,
          'cache-dir': cacheDir,
          ...inputs,
        },
        githubToken: TOKEN,
        env: { GITHUB_SERVER_URL: server.url, ...opts.env },
        runnerTemp: opts.runnerTemp,
        workspace: opts.workspace,
        timeoutMs: 60_000,
      });
      runs.push(run);
      return run;
    };
    /** Pushes the work tree's state to upstream (forced: upstream may rewrite). */
    const publish = async (...refspecs: string[]) =>
      work.git.run(['push', '--quiet', '--force', upstream.cwd, ...refspecs]);
    return { name, work, upstream, hosted, mirror, publish, cacheDir, base };
  }

  const requestsSince = (n: number) => server.requests.slice(n);
  const pushes = (n: number) => requestsSince(n).filter((r) => r.service === 'receive-pack');
  const errors = (run: ActionRun) => run.annotations.filter((a) => a.level === 'error');

  it('mirrors the selected branches and tags under mapped names, and never hidden refs', async () => {
    const t = await trees();
    const own = await t.work.git.run(['rev-parse', 'HEAD~1']);
    await t.work.git.run([
      'push',
      '--quiet',
      t.hosted.cwd,
      `${own}:refs/heads/master`,
      `${own}:refs/heads/staging`,
    ]);
    const run = await t.mirror({
      refs: 'master\nstable-*\n!stable-0.*\nrefs/tags/v*',
      prefix: 'upstream/',
    });
    assert.equal(run.code, 0, run.log);
    const hosted = await t.hosted.refs();
    const head = await t.work.head();
    const tag = await t.upstream.run(['rev-parse', 'refs/tags/v1.0']);
    assert.deepEqual(Object.fromEntries(hosted), {
      'refs/heads/master': own, // the hosted tree's own branches stay as they were
      'refs/heads/staging': own,
      'refs/heads/upstream/master': head,
      'refs/heads/upstream/stable-1.0': head,
      'refs/tags/v1.0': tag,
      'refs/tags/v0.9': own,
    });
    assert.equal(run.outputs.created, '4');
    assert.equal(run.outputs.changed, 'true');
    const updates = JSON.parse(run.outputs.updates) as {
      ref: string;
      action: string;
      pushed?: boolean;
    }[];
    assert.ok(updates.every((u) => u.pushed === true));
    assert.deepEqual(updates.map((u) => `${u.action} ${u.ref}`).sort(), [
      'created refs/heads/upstream/master',
      'created refs/heads/upstream/stable-1.0',
      'created refs/tags/v0.9',
      'created refs/tags/v1.0',
    ]);
    assert.match(run.summary, /refs\/heads\/upstream\/master/);

    // A map entry renames one ref; the rest keep the prefix.
    const mapped = await t.mirror({
      refs: 'master\nstable-*\n!stable-0.*\nrefs/tags/v*',
      prefix: 'upstream/',
      map: 'refs/heads/feature/*:refs/heads/upstream-feature/*',
    });
    assert.equal(mapped.code, 0, mapped.log);
    assert.equal(await t.hosted.commitOf('refs/heads/upstream-feature/x'), head);
  });

  it('pushes nothing and fetches nothing when nothing changed upstream', async () => {
    const t = await trees();
    assert.equal((await t.mirror()).code, 0);
    const mark = server.requests.length;
    const run = await t.mirror();
    assert.equal(run.code, 0, run.log);
    assert.equal(run.outputs.changed, 'false');
    assert.equal(run.outputs.updates, '[]');
    assert.deepEqual(pushes(mark), [], 'no receive-pack request');
    assert.match(run.log, /nothing fetched, nothing pushed/);
  });

  it('names the tags it created in created-tags: new ones only, never moved or deleted ones', async () => {
    const t = await trees();
    // SeaBIOS's and QEMU's release names: a final, release candidates, a lightweight tag.
    await t.work.git.run(['tag', '-a', '-m', 'SeaBIOS 1.16.3', 'rel-1.16.3']);
    await t.work.git.run(['tag', '-a', '-m', 'QEMU 10.1.0-rc0', 'v10.1.0-rc0']);
    await t.work.git.run(['tag', 'rel-1.17.0-rc1', 'HEAD~1']);
    await t.publish('--tags');
    const first = await t.mirror({ refs: 'master\nrefs/tags/*', prune: 'true' });
    assert.equal(first.code, 0, first.log);
    assert.deepEqual(JSON.parse(first.outputs['created-tags']), [
      'rel-1.16.3',
      'rel-1.17.0-rc1',
      'v0.9',
      'v1.0',
      'v10.1.0-rc0',
    ]);
    assert.match(first.summary, /New tags: .*<code>rel-1\.16\.3<\/code>/);

    // Upstream makes one release, moves a candidate and deletes another: only the release is
    // new; the moved tag is rewritten (allowed here), the deleted one pruned.
    await t.work.commit('1.16.4 fixes');
    await t.work.git.run(['tag', '-a', '-m', 'SeaBIOS 1.16.4', 'rel-1.16.4']);
    await t.work.git.run(['tag', '-f', 'rel-1.17.0-rc1', 'HEAD']);
    await t.upstream.run(['update-ref', '-d', 'refs/tags/v10.1.0-rc0']);
    await t.publish('master', 'refs/tags/rel-1.16.4', 'refs/tags/rel-1.17.0-rc1');
    const second = await t.mirror({
      refs: 'master\nrefs/tags/*',
      prune: 'true',
      'allow-rewrites': 'true',
    });
    assert.equal(second.code, 0, second.log);
    assert.deepEqual(JSON.parse(second.outputs['created-tags']), ['rel-1.16.4']);
    const actions = (JSON.parse(second.outputs.updates) as { ref: string; action: string }[])
      .map((u) => `${u.action} ${u.ref}`)
      .sort();
    assert.deepEqual(
      actions.filter((a) => a.includes('tags/')),
      [
        'created refs/tags/rel-1.16.4',
        'deleted refs/tags/v10.1.0-rc0',
        'rewritten refs/tags/rel-1.17.0-rc1',
      ],
    );

    // Nothing new: an empty array, not an empty output.
    const third = await t.mirror({ refs: 'master\nrefs/tags/*', prune: 'true' });
    assert.equal(third.code, 0, third.log);
    assert.equal(third.outputs['created-tags'], '[]');
  });

  it('refuses a rewritten branch and a moved tag, pushing nothing of the run', async () => {
    const t = await trees();
    assert.equal((await t.mirror()).code, 0);
    const before = await t.hosted.refs();
    const oldMaster = before.get('refs/heads/master')!;
    const oldTag = before.get('refs/tags/v0.9')!;
    // Upstream rewrites master, moves v0.9, and fast-forwards stable-1.0.
    await t.work.git.run(['checkout', '--quiet', 'stable-1.0']);
    await t.work.commit('a stable fix');
    await t.work.git.run(['checkout', '--quiet', 'master']);
    await t.work.git.run(['reset', '--quiet', '--hard', 'HEAD~1']);
    const rewritten = await t.work.commit('rewritten history', { 'other.txt': 'x\n' });
    await t.work.git.run(['tag', '-f', 'v0.9', rewritten]);
    await t.publish('master', 'stable-1.0', 'refs/tags/v0.9');
    const mark = server.requests.length;
    const run = await t.mirror();
    assert.equal(run.code, 1, run.log);
    assert.deepEqual(pushes(mark), []);
    assert.deepEqual(await t.hosted.refs(), before, 'nothing moved, not even the fast-forward');
    const messages = errors(run)
      .map((a) => a.message)
      .join('\n');
    assert.match(messages, new RegExp(`refs/heads/master.*${rewritten}.*${oldMaster}`));
    assert.match(messages, new RegExp(`refs/tags/v0.9.*${oldTag}.*${rewritten}`));
    assert.equal(run.outputs.refused, '2');
    const updates = JSON.parse(run.outputs.updates) as { ref: string; action: string }[];
    assert.deepEqual(updates.map((u) => `${u.action} ${u.ref}`).sort(), [
      'refused refs/heads/master',
      'refused refs/tags/v0.9',
      'updated refs/heads/stable-1.0',
    ]);
    assert.ok(
      updates.every((u) => !('pushed' in u)),
      'nothing marked pushed',
    );
    assert.equal(run.outputs.updated, '0');
    assert.match(run.summary, /not pushed/);

    // With the opt-in the refs follow upstream, and the old revisions are kept as backups.
    const allowed = await t.mirror({ 'allow-rewrites': 'true' });
    assert.equal(allowed.code, 0, allowed.log);
    const after = await t.hosted.refs();
    assert.equal(after.get('refs/heads/master'), rewritten);
    assert.equal(after.get('refs/tags/v0.9'), rewritten);
    const backups = [...after].filter(([ref]) => ref.startsWith('refs/tributary/backup/'));
    assert.deepEqual(
      backups.map(([ref, oid]) => [ref.replace(/\/\d{8}T\d{6}Z$/, ''), oid]).sort(),
      [
        ['refs/tributary/backup/heads/master', oldMaster],
        ['refs/tributary/backup/tags/v0.9', oldTag],
      ],
    );
    assert.match(allowed.summary, /refs\/tributary\/backup\/heads\/master/);
  });

  it('deletes only with prune, and only refs the mirror manages', async () => {
    const t = await trees();
    const inputs = { refs: 'master\nstable-*', prefix: 'upstream/' };
    assert.equal((await t.mirror(inputs)).code, 0);
    // Hosted refs that look like mirror refs but are outside the patterns, and our own.
    const own = await t.work.head();
    await t.hosted.run(['update-ref', 'refs/heads/upstream/feature-y', own]);
    await t.hosted.run(['update-ref', 'refs/heads/stable-0.9', own]);
    await t.upstream.run(['update-ref', '-d', 'refs/heads/stable-0.9']);
    await t.upstream.run(['update-ref', '-d', 'refs/heads/feature/x']);
    const kept = await t.mirror(inputs);
    assert.equal(kept.code, 0, kept.log);
    assert.equal(kept.outputs.deleted, '0');
    assert.ok((await t.hosted.refs()).has('refs/heads/upstream/stable-0.9'), 'kept without prune');
    assert.match(kept.log, /gone upstream and kept/);

    const pruned = await t.mirror({ ...inputs, prune: 'true' });
    assert.equal(pruned.code, 0, pruned.log);
    assert.equal(pruned.outputs.deleted, '1');
    const hosted = await t.hosted.refs();
    assert.ok(!hosted.has('refs/heads/upstream/stable-0.9'));
    assert.ok(hosted.has('refs/heads/upstream/feature-y'), 'outside the patterns');
    assert.ok(hosted.has('refs/heads/stable-0.9'), 'outside the mapped names');
    assert.ok(hosted.has('refs/heads/upstream/master'));

    // An upstream that suddenly lists none of the mirrored refs empties nothing.
    for (const ref of (await t.upstream.refs(['refs/heads/'])).keys())
      await t.upstream.run(['update-ref', '-d', ref]);
    const empty = await t.mirror({ ...inputs, prune: 'true' });
    assert.equal(empty.code, 1, empty.log);
    assert.match(
      errors(empty)
        .map((a) => a.message)
        .join('\n'),
      /lists none of the mirrored refs/,
    );
    assert.deepEqual(await t.hosted.refs(), hosted);
  });

  it('changes nothing when the destination refuses one ref of the push', async () => {
    const t = await trees();
    const hook = join(t.hosted.cwd, 'hooks', 'pre-receive');
    writeFileSync(
      hook,
      '#!/bin/sh\nwhile read old new ref; do\n  if [ "$ref" = refs/heads/stable-0.9 ]; then echo "stable-0.9 is frozen" >&2; exit 1; fi\ndone\n',
    );
    chmodSync(hook, 0o755);
    const run = await t.mirror();
    assert.notEqual(run.code, 0);
    assert.deepEqual(Object.fromEntries(await t.hosted.refs()), {}, 'no ref moved');
    assert.match(
      errors(run)
        .map((a) => a.message)
        .join('\n'),
      /nothing was changed/,
    );
  });

  it('never overwrites a concurrent writer: its lease fails and nothing of the run lands', async () => {
    const t = await trees();
    assert.equal((await t.mirror()).code, 0);
    const hostedMaster = (await t.hosted.commitOf('refs/heads/master'))!;
    await t.work.commit('upstream moves on');
    await t.work.git.run(['branch', 'stable-2.0']);
    await t.publish('master', 'stable-2.0');
    // Another writer pushes to the hosted master after this run listed the destination (the
    // cache hook runs between the listing and the push).
    const theirs = await t.work.git.run([
      'commit-tree',
      '-p',
      hostedMaster,
      '-m',
      'a concurrent writer',
      `${hostedMaster}^{tree}`,
    ]);
    const settings = buildMirrorSettings({
      source: server.repoUrl(`upstream/${t.name}.git`),
      destination: `xen-project/${t.name}`,
      sourceToken: TOKEN,
      token: TOKEN,
      cacheRoot: t.cacheDir,
      serverUrl: server.url,
    });
    const logger = new MemoryLogger();
    await assert.rejects(
      mirrorTree(settings, logger, {
        restore: async () => {
          await t.work.git.run(['push', '--quiet', t.hosted.cwd, `${theirs}:refs/heads/master`]);
          return false;
        },
      }),
      /refused, and nothing was changed[^]*stale info/,
    );
    assert.equal(await t.hosted.commitOf('refs/heads/master'), theirs, 'their commit stays');
    assert.equal(await t.hosted.commitOf('refs/heads/stable-2.0'), undefined, 'atomic');
  });

  it('retries a fetch whose connection dropped', async () => {
    const t = await trees({ bigBlob: true });
    server.addFault({
      service: 'upload-pack',
      dropAfterBytes: 30_000,
      repository: `upstream/${t.name}.git`,
    });
    const mark = server.requests.length;
    const run = await t.mirror();
    assert.equal(run.code, 0, run.log);
    assert.ok(
      requestsSince(mark).some((r) => r.status === -1),
      'the connection was dropped',
    );
    assert.match(run.log, /retrying/);
    assert.equal(await t.hosted.commitOf('refs/heads/master'), await t.work.head());
  });

  it('keeps the cache directory between runs and fetches only what changed', async () => {
    const t = await trees();
    const first = await t.mirror();
    assert.match(first.log, /Fetching 6 of 6 refs/);
    const [first6Objects] = await packObjectCounts(t.cacheDir);
    await t.work.commit('one more');
    await t.publish('master');
    const second = await t.mirror();
    assert.equal(second.code, 0, second.log);
    assert.match(second.log, /Fetching 1 of 6 refs/);
    assert.deepEqual(
      await packObjectCounts(t.cacheDir),
      [1, first6Objects],
      'the new pack: the new commit alone',
    );
    assert.equal(await t.hosted.commitOf('refs/heads/master'), await t.work.head());
  });

  it('falls back to a full fetch when the cached repository is damaged', async () => {
    const t = await trees({ bigBlob: true });
    assert.equal((await t.mirror()).code, 0);
    const packs = findFiles(t.cacheDir, /\.pack$/);
    assert.ok(packs.length > 0, 'the cache holds a pack');
    for (const p of packs) truncateSync(p, Math.floor(statSync(p).size / 2));
    await t.work.commit('one more');
    await t.publish('master');
    const run = await t.mirror();
    assert.equal(run.code, 0, run.log);
    assert.match(run.log, /The cached repository is damaged/);
    assert.match(run.log, /Fetching 1 of 6 refs/);
    assert.equal(await t.hosted.commitOf('refs/heads/master'), await t.work.head());
    assert.ok(await new Git({ cwd: t.hosted.cwd }).try(['fsck', '--connectivity-only']));
  });

  it('keeps the cached repository with @actions/cache across runs, and survives a corrupt entry', async () => {
    const service = await startCacheService();
    try {
      const t = await trees();
      const base = join(tmp.path, `${t.name}-runner`);
      const runnerTemp = join(base, 'temp');
      const workspace = join(base, 'workspace');
      cacheDirs.push(base);
      // Each run on a fresh runner at the same paths, as hosted runners are.
      const hosted = async () => {
        rmSync(base, { recursive: true, force: true });
        mkdirSync(runnerTemp, { recursive: true });
        mkdirSync(workspace, { recursive: true });
        // A URL destination, so GITHUB_SERVER_URL stays github.com and the cache speaks v2.
        return t.mirror(
          { 'cache-dir': '', destination: server.repoUrl(`xen-project/${t.name}.git`) },
          {
            env: { ...service.env, GITHUB_SERVER_URL: 'https://github.com' },
            runnerTemp,
            workspace,
          },
        );
      };
      const first = await hosted();
      assert.equal(first.code, 0, first.log);
      assert.match(first.log, /No cache to restore/);
      assert.match(first.log, /Saved the cached repository as cache entry tributary-mirror-v1-/);
      assert.equal(service.entries().length, 1);
      const store = join(runnerTemp, 'tributary-mirror');
      const [all] = await packObjectCounts(store);

      await t.work.commit('one more');
      await t.publish('master');
      const second = await hosted();
      assert.equal(second.code, 0, second.log);
      assert.match(
        second.log,
        /Restored the cached repository from cache entry tributary-mirror-v1-/,
      );
      assert.deepEqual(await packObjectCounts(store), [1, all], 'only the new commit was fetched');
      assert.equal(await t.hosted.commitOf('refs/heads/master'), await t.work.head());
      assert.equal(service.entries().length, 2);

      for (const e of service.entries()) service.corrupt(e.key, 'truncate');
      await t.work.commit('and another');
      await t.publish('master');
      const third = await hosted();
      assert.equal(third.code, 0, third.log);
      assert.match(third.log, /No cache to restore/);
      assert.equal((await packObjectCounts(store)).length, 1, 'a full fetch into a new store');
      assert.equal(await t.hosted.commitOf('refs/heads/master'), await t.work.head());
      assert.ok(await new Git({ cwd: t.hosted.cwd }).try(['fsck', '--connectivity-only']));
    } finally {
      await service.close();
    }
  });

  it('refuses bad input before any request, naming the input', async () => {
    const t = await trees();
    const cases: [Record<string, string>, string][] = [
      [{ source: 'ext::sh -c touch% /tmp/pwned' }, 'source'],
      [{ source: `https://user:${TOKEN}@example.org/qemu.git` }, 'source'],
      [{ source: 'https://[bad' }, 'source'],
      [{ source: 'http://example.org/qemu.git' }, 'source'],
      [{ refs: 'refs/pull/*' }, 'refs'],
      [{ refs: 'stable-[0-9' }, 'refs'],
      [{ map: 'refs/heads/master' }, 'map'],
      [{ prefix: '../x' }, 'prefix'],
      [{ token: '' }, 'token'],
      [{ submodules: 'true' }, 'submodule-destination'],
      // {owner} is the destination's owner: a destination given as a URL has none.
      [
        {
          submodules: 'true',
          'submodule-destination': '{owner}/{name}',
          destination: server.repoUrl(`xen-project/${t.name}.git`),
        },
        'submodule-destination',
      ],
    ];
    for (const [inputs, subject] of cases) {
      const mark = server.requests.length;
      const run = await t.mirror(inputs);
      assert.equal(run.code, 1, `${JSON.stringify(inputs)}: ${run.log}`);
      const message = errors(run)
        .map((a) => a.message)
        .join('\n');
      assert.match(message, new RegExp(`'${subject}'`), `${JSON.stringify(inputs)} → ${message}`);
      assert.match(message, /Expected/);
      assert.deepEqual(requestsSince(mark), [], `${JSON.stringify(inputs)} made no request`);
    }
  });

  it('mirrors the trees of submodules into the templated destination', async () => {
    const t = await trees();
    const sub = await WorkTree.create(join(tmp.path, `${t.name}-seabios`));
    const subHead = await sub.commit('seabios', { 'bios.c': 'int main;\n' });
    await sub.git.run(['tag', 'rel-1.17.0']);
    const subUpstream = await initRepository(server.repoPath('upstream/seabios.git'));
    await sub.git.run(['push', '--quiet', subUpstream.cwd, 'master', 'rel-1.17.0']);
    const hostedSub = await initRepository(server.repoPath('xen-project/seabios.git'));
    await t.work.git.run([
      'update-index',
      '--add',
      '--cacheinfo',
      `160000,${subHead},roms/seabios`,
    ]);
    await t.work.commit('add seabios', {
      '.gitmodules': '[submodule "roms/seabios"]\n\tpath = roms/seabios\n\turl = ../seabios.git\n',
    });
    await t.publish('master');
    const run = await t.mirror({ submodules: 'true', 'submodule-destination': '{owner}/{name}' });
    assert.equal(run.code, 0, run.log);
    assert.match(
      run.log,
      /Submodule roms\/seabios: .*upstream\/seabios\.git → xen-project\/seabios/,
      run.log,
    );
    assert.equal(await hostedSub.commitOf('refs/heads/master'), subHead);
    assert.equal(await hostedSub.commitOf('refs/tags/rel-1.17.0'), subHead);
    assert.equal(await t.hosted.commitOf('refs/heads/master'), await t.work.head());
  });

  it('runs as `tributary mirror` on the same library', async () => {
    const t = await trees();
    const cli = join(repoRoot, 'build', 'cli', 'tributary.js');
    const env = { ...process.env, TRIBUTARY_SOURCE_TOKEN: TOKEN, TRIBUTARY_TOKEN: TOKEN };
    const args = [
      cli,
      'mirror',
      '--source',
      server.repoUrl(`upstream/${t.name}.git`),
      '--destination',
      `xen-project/${t.name}`,
      '--server-url',
      server.url,
      '--refs',
      'master',
      '--prefix',
      'upstream/',
      '--cache-dir',
      t.cacheDir,
      '--json',
    ];
    // Not spawnSync: the git server runs in this process and must keep answering.
    const ok = await runNode(args, env);
    assert.equal(ok.status, 0, ok.stderr);
    const updates = JSON.parse(ok.stdout.slice(ok.stdout.indexOf('['))) as { ref: string }[];
    assert.deepEqual(
      updates.map((u) => u.ref),
      ['refs/heads/upstream/master'],
    );
    assert.equal(await t.hosted.commitOf('refs/heads/upstream/master'), await t.work.head());
    // Without --json, the tags it created are its last line.
    await t.work.git.run(['tag', 'rel-1.16.3']);
    await t.publish('refs/tags/rel-1.16.3');
    const text = await runNode(
      [...args.filter((a) => a !== '--json'), '--refs', 'refs/tags/rel-*'],
      env,
    );
    assert.equal(text.status, 0, text.stderr);
    assert.match(text.stdout + text.stderr, /created tags: \["rel-1\.16\.3"\]\s*$/);
    const bad = await runNode([...args.slice(0, 3), 'ext::sh -c id'], env);
    assert.equal(bad.status, 2, bad.stderr);
    assert.match(bad.stderr, /Invalid --source 'ext::sh -c id'/);
    // A submodule destination template that cannot give a destination is bad input too, found
    // with the other inputs: exit 2, and not one request to the git server.
    const mark = server.requests.length;
    const template = await runNode(
      [
        ...args.slice(0, 4),
        '--destination',
        server.repoUrl(`xen-project/${t.name}.git`),
        '--submodules',
        '--submodule-destination',
        '{owner}/{name}',
      ],
      env,
    );
    assert.equal(template.status, 2, template.stderr);
    assert.match(template.stderr, /Invalid --submodule-destination '\{owner\}\/\{name\}'/);
    assert.deepEqual(server.requests.slice(mark), [], 'no request');
    for (const text of [ok.stdout, ok.stderr, bad.stdout, bad.stderr, template.stderr])
      assert.ok(!text.includes(TOKEN));
  });

  it('never lets the token appear in a log, output, summary, runner file or cache', async () => {
    // Runs of its own (a first mirror, then an update), so it proves something run alone too;
    // every other run of the file is checked as well.
    const t = await trees();
    const first = await t.mirror();
    await t.work.commit('upstream moves on');
    await t.publish('master');
    const update = await t.mirror();
    assert.deepEqual([first.code, update.code], [0, 0], first.log + update.log);
    assert.equal(await t.hosted.commitOf('refs/heads/master'), await t.work.head());
    for (const run of runs) {
      assert.ok(!run.log.includes(TOKEN), 'log');
      assert.ok(!JSON.stringify(run.outputs).includes(TOKEN), 'outputs');
      assert.ok(!run.summary.includes(TOKEN), 'summary');
      assert.ok(!JSON.stringify(run.annotations).includes(TOKEN), 'annotations');
      assert.deepEqual(filesContaining([...run.files, run.runnerTemp, run.workspace], TOKEN), []);
    }
    assert.deepEqual(filesContaining(cacheDirs, TOKEN), []);
  });
});

function runNode(
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** Objects in each pack under a directory, newest pack first. */
async function packObjectCounts(dir: string): Promise<number[]> {
  const packs = findFiles(dir, /\.idx$/).sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  const git = new Git({ cwd: dir });
  const counts: number[] = [];
  for (const idx of packs) {
    const out = await git.run(['show-index'], { input: readFileSync(idx) });
    counts.push(out.split('\n').filter(Boolean).length);
  }
  return counts;
}

function findFiles(dir: string, pattern: RegExp): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...findFiles(p, pattern));
    else if (pattern.test(e.name)) out.push(p);
  }
  return out;
}
