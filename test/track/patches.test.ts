/**
 * deliver: patches and both: a change written as a `git format-patch` series with a cover
 * letter, for a consumer that takes changes by mail. Through the bundled action and the
 * command line, against the token-protected git server: the series applies with `git am` on
 * the target branch and gives exactly the tree of the pull request's branch.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Git } from '../../actions/lib/git.js';
import { filesContaining, testIdentity, WorkTree } from '../harness/fixtures.js';
import { repoRoot } from '../harness/runner.js';
import {
  assertClean,
  hostedRepository,
  publish,
  pullsOf,
  pushesSince,
  runTrack,
  startTrackEnv,
  TOKEN,
  type TrackEnv,
} from './helpers.js';

const XEN = 'xen-project/xen';
const SEABIOS = 'xen-project/seabios';
const QEMU = 'xen-project/qemu-xen';

interface Series {
  key: string;
  title: string;
  change: string;
  directory: string;
  files: string[];
  base: string;
  head: string;
}

describe('track-upstream deliver: patches, end to end', () => {
  let env: TrackEnv;
  let xen: Git;
  let qemu: Git;
  let amCount = 0;
  let lastClone: Git;
  let pinBranchTree: string;
  const c: Record<string, string> = {};

  /** A clone of `branch` with the series' patches applied by `git am`: its tree. */
  async function applied(bare: Git, branch: string, files: string[]): Promise<string> {
    const dir = join(env.tmp.path, `am-${amCount++}`);
    await new Git({ cwd: env.tmp.path }).run(['clone', '--quiet', '-b', branch, bare.cwd, dir]);
    const clone = new Git({ cwd: dir, identity: testIdentity });
    // The cover letter is what the list reads first; git am takes the patches after it.
    await clone.run(['am', '--quiet', ...files.slice(1)]);
    lastClone = clone;
    return clone.run(['rev-parse', 'HEAD^{tree}']);
  }

  const treeOf = (bare: Git, rev: string) => bare.run(['rev-parse', `${rev}^{tree}`]);

  /** The command line, run as a user runs it (not spawnSync: the git server lives in this process). */
  function tributary(
    args: string[],
  ): Promise<{ status: number | null; stdout: string; stderr: string }> {
    const child = spawn(process.execPath, [join(repoRoot, 'dist', 'cli', 'index.js'), ...args], {
      env: {
        PATH: process.env.PATH,
        HOME: env.tmp.path,
        TRIBUTARY_TOKEN: TOKEN,
        GITHUB_API_URL: env.api.url,
        TRIBUTARY_GITHUB_SPACE_WRITES: 'false',
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    return new Promise((done) => child.on('close', (status) => done({ status, stdout, stderr })));
  }

  before(async () => {
    env = await startTrackEnv();
    const seabios = await hostedRepository(env, SEABIOS);
    xen = await hostedRepository(env, XEN);
    qemu = await hostedRepository(env, QEMU);

    const tree = await WorkTree.create(join(env.tmp.path, 'seabios'), 'master');
    c.s0 = await tree.commit('seabios: base', { 'src/boot.c': 'boot 0\n' });
    c.s1 = await tree.commit('seabios: fix the boot menu', { 'src/menu.c': 'menu\n' });
    await tree.git.run(['branch', 'tested', c.s1]);
    await publish(tree, seabios, ['--all']);

    const consumer = await WorkTree.create(join(env.tmp.path, 'xen'), 'staging');
    await consumer.commit('xen: build configuration', {
      'Config.mk': `SEABIOS_UPSTREAM_REVISION ?= ${c.s0}\n`,
    });
    await publish(consumer, xen, ['staging']);

    // The downstream QEMU tree: staging follows upstream/stable-9.2 and carries one change;
    // upstream/master has a fix marked for stable and one that is not.
    const q = await WorkTree.create(join(env.tmp.path, 'qemu'), 'upstream/stable-9.2');
    await q.commit('base', { 'hw/a.c': 'a\n', 'hw/b.c': 'b\n' });
    await q.git.run(['branch', 'staging']);
    await q.git.run(['branch', 'upstream/master']);
    await q.commit('hw/a: stable fix', { 'hw/a.c': 'a fixed\n' });
    await q.commit('hw/c: new device for stable', { 'hw/c.c': 'c\n' });
    await q.git.run(['checkout', '--quiet', 'upstream/master']);
    c.m1 = await q.commit('hw/b: fix a leak\n\nCc: qemu-stable@nongnu.org', { 'hw/b.c': 'b1\n' });
    c.m2 = await q.commit('hw/b: new feature', { 'hw/b.c': 'b1\nfeature\n' });
    c.m3 = await q.commit('hw/d: fix a crash\n\nCc: qemu-stable@nongnu.org', { 'hw/d.c': 'd\n' });
    await q.git.run(['checkout', '--quiet', 'staging']);
    await q.commit('xen: downstream-only change', { 'xen/x.c': 'x\n' });
    // A pair that conflicts: both sides change hw/a.c.
    await q.git.run(['checkout', '--quiet', '-b', 'staging-c']);
    await q.commit('xen: edit hw/a.c', { 'hw/a.c': 'downstream\n' });
    await q.git.run(['checkout', '--quiet', 'staging']);
    await publish(q, qemu, ['--all']);
  });
  after(() => env.close());

  const pinInputs = () => ({
    mode: 'pin',
    target: 'staging',
    'tree-url': env.server.repoUrl(`${SEABIOS}.git`),
    'pin-branch': 'tested',
    'pin-file': 'Config.mk',
    'pin-variable': 'SEABIOS_UPSTREAM_REVISION',
    'committer-name': 'Xen Tracker',
    'committer-email': 'tracker@xenproject.org',
    signoff: 'true',
  });

  it('pin, deliver both (the action): the series applied with git am on staging is the pull request branch; the cover letter names the change', async () => {
    const run = await runTrack(env, XEN, { ...pinInputs(), deliver: 'both' });
    assertClean(run);
    const [pr] = pullsOf(env, XEN);
    assert.ok(pr, 'the pull request is made too');
    const series = JSON.parse(run.outputs['patch-series']) as Series[];
    assert.equal(series.length, 1);
    const [s] = series;
    assert.equal(run.outputs.patches, join(run.runnerTemp, 'tributary-patches'));
    assert.equal(
      s.directory,
      join(run.outputs.patches, 'pin-staging-Config.mk-SEABIOS_UPSTREAM_REVISION'),
    );
    assert.deepEqual(
      s.files.map((f) => f.slice(s.directory.length + 1)),
      [
        '0000-cover-letter.patch',
        '0001-Update-SEABIOS_UPSTREAM_REVISION-to-' + c.s1.slice(0, 12) + '.patch',
      ],
    );
    const branchHead = await xen.run(['rev-parse', `refs/heads/${pr.pull.head.ref}`]);
    assert.equal(s.head, branchHead);
    assert.equal(s.base, await xen.run(['rev-parse', 'staging']));
    pinBranchTree = await treeOf(xen, branchHead);
    assert.equal(await applied(xen, 'staging', s.files), pinBranchTree);

    const cover = readFileSync(s.files[0], 'utf8');
    assert.match(cover, new RegExp(`^Subject: \\[PATCH 0/1\\] ${pr.title}$`, 'm'));
    assert.match(cover, /Moves SEABIOS_UPSTREAM_REVISION from [0-9a-f]{40} to [0-9a-f]{40}/);
    assert.match(cover, /seabios: fix the boot menu/);
    assert.match(cover, new RegExp(`^base-commit: ${s.base}$`, 'm'));
    assert.doesNotMatch(cover, /\*\*\* (SUBJECT|BLURB) HERE \*\*\*/);
    assert.doesNotMatch(cover, /tributary:track/, 'the marker is for pull requests only');
    assert.match(readFileSync(s.files[1], 'utf8'), /Signed-off-by: Xen Tracker/);
    assert.match(run.summary, /Patches for SEABIOS_UPSTREAM_REVISION set to/);
  });

  it('pin, deliver patches (the action): no pull request, no API call, no push; the same series', async () => {
    const requests = env.api.requests.length;
    const pushes = env.server.requests.length;
    const pulls = pullsOf(env, XEN).length;
    const run = await runTrack(env, XEN, { ...pinInputs(), deliver: 'patches' });
    assertClean(run);
    assert.equal(env.api.requests.length, requests, 'the API was not asked');
    assert.equal(pushesSince(env, pushes), 0);
    assert.equal(pullsOf(env, XEN).length, pulls);
    assert.equal(run.outputs['pull-requests'], '[]');
    const [s] = JSON.parse(run.outputs['patch-series']) as Series[];
    assert.equal(s.files.length, 2);
    assert.equal(await applied(xen, 'staging', s.files), pinBranchTree);
  });

  it('sync, deliver both (the command line): the upstream commits as a series give the merge tree', async () => {
    const out = join(env.tmp.path, 'out-sync');
    const r = await tributary([
      'track',
      'sync',
      '--repository',
      QEMU,
      '--git-url',
      env.server.repoUrl(`${QEMU}.git`),
      '--upstream',
      'upstream/stable-9.2',
      '--deliver',
      'both',
      '--patches-directory',
      out,
      '--work-directory',
      join(env.tmp.path, 'work-sync'),
    ]);
    assert.equal(r.status, 0, r.stderr);
    const folder = join(out, 'sync-staging');
    assert.match(
      r.stdout,
      new RegExp(`patches +2 for the merge of upstream/stable-9.2 at [0-9a-f]{12}: ${folder}`),
    );
    const files = readdirSync(folder)
      .sort()
      .map((f) => join(folder, f));
    assert.equal(files.length, 3);
    const [pr] = pullsOf(env, QEMU);
    assert.equal(
      await applied(qemu, 'staging', files),
      await treeOf(qemu, `refs/heads/${pr.pull.head.ref}`),
    );
    assert.match(
      readFileSync(files[0], 'utf8'),
      /^Subject: \[PATCH 0\/2\] Sync staging with upstream\/stable-9.2/m,
    );
    assert.match(readFileSync(files[1], 'utf8'), /^Subject: \[PATCH 1\/2\] hw\/a: stable fix$/m);
    assert.deepEqual(filesContaining([out, join(env.tmp.path, 'work-sync')], TOKEN), []);
    assert.ok(!r.stdout.includes(TOKEN) && !r.stderr.includes(TOKEN));
  });

  it('backport batch, deliver patches (the command line): the picks in upstream order, applied, are the batch', async () => {
    const out = join(env.tmp.path, 'out-backport');
    const r = await tributary([
      'track',
      'backport',
      '--repository',
      QEMU,
      '--git-url',
      env.server.repoUrl(`${QEMU}.git`),
      '--upstream',
      'upstream/master',
      '--grouping',
      'batch',
      '--deliver',
      'patches',
      '--patches-directory',
      out,
      '--work-directory',
      join(env.tmp.path, 'work-backport'),
    ]);
    assert.equal(r.status, 0, r.stderr);
    const folder = join(out, 'backport-staging');
    const files = readdirSync(folder)
      .sort()
      .map((f) => join(folder, f));
    assert.equal(files.length, 3, files.join(' '));
    const tree = await applied(qemu, 'staging', files);
    assert.equal(await lastClone.run(['show', `${tree}:hw/b.c`]), 'b1');
    assert.equal(await lastClone.run(['show', `${tree}:hw/d.c`]), 'd');
    const first = readFileSync(files[1], 'utf8');
    assert.match(first, /^Subject: \[PATCH 1\/2\] hw\/b: fix a leak$/m);
    assert.match(first, new RegExp(`\\(cherry picked from commit ${c.m1}\\)`));
    assert.match(readFileSync(files[0], 'utf8'), new RegExp(c.m3.slice(0, 12)));
    assert.deepEqual(filesContaining([out], TOKEN), []);
  });

  it('writes no series for a change that conflicts, and says so', async () => {
    const out = join(env.tmp.path, 'out-conflict');
    const r = await tributary([
      'track',
      'sync',
      '--repository',
      QEMU,
      '--git-url',
      env.server.repoUrl(`${QEMU}.git`),
      '--target',
      'staging-c',
      '--upstream',
      'upstream/stable-9.2',
      '--deliver',
      'patches',
      '--patches-directory',
      out,
    ]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout + r.stderr, /conflicts, so no patches were written/);
    assert.ok(!existsSync(join(out, 'sync-staging-c')), 'no series of a conflicting change');
  });

  it('refuses a rebase sync as patches before anything is written, naming the option as typed', async () => {
    const pushes = env.server.requests.length;
    const r = await tributary([
      'track',
      'sync',
      '--repository',
      QEMU,
      '--git-url',
      env.server.repoUrl(`${QEMU}.git`),
      '--upstream',
      'upstream/stable-9.2',
      '--strategy',
      'rebase',
      '--deliver',
      'patches',
    ]);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /--deliver: patches needs --strategy merge in sync mode/);
    assert.equal(env.server.requests.length, pushes, 'nothing was fetched or pushed');
  });
});
