import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Git } from '../../actions/lib/git.js';
import { WorkTree } from '../harness/fixtures.js';
import {
  assertClean,
  assertNoDuplicates,
  commentsOf,
  hostedRepository,
  publish,
  pullsOf,
  pushesSince,
  reported,
  runTrack,
  startTrackEnv,
  writesSince,
  type TrackEnv,
} from './helpers.js';

const REPO = 'xen-project/qemu-backports';
const SCANNED = 'refs/tributary/track/staging/scanned';

describe('track-upstream backport, end to end', () => {
  let env: TrackEnv;
  let bare: Git;
  let work: WorkTree;
  const c: Record<string, string> = {};
  const inputs = {
    mode: 'backport',
    target: 'staging',
    upstream: 'upstream/master',
    'committer-name': 'Xen Tracker',
    'committer-email': 'tracker@xenproject.org',
  };
  const prFor = (sha: string) => pullsOf(env, REPO).find((p) => p.marker?.subject === sha);

  before(async () => {
    env = await startTrackEnv();
    bare = await hostedRepository(env, REPO);
    work = await WorkTree.create(join(env.tmp.path, 'qemu'), 'upstream/master');
    const files: Record<string, string> = {};
    for (const f of 'abcdefgh') files[`hw/${f}.c`] = `${f}1\n${f}2\n${f}3\n`;
    c.m0 = await work.commit('base', files);
    await work.git.run(['branch', 'staging']);
    await work.git.run(['branch', 'staging-b']);
    c.A = await work.commit('hw/a: fix a crash\n\nCc: qemu-stable@nongnu.org', {
      'hw/a.c': 'a1\nA2\na3\n',
    });
    c.B = await work.commit('hw/b: refactor', { 'hw/b.c': 'b1\nB2\nb3\n' });
    c.C = await work.commit(`hw/c: fix a regression\n\nFixes: ${c.m0.slice(0, 12)} ("base")`, {
      'hw/c.c': 'c1\nC2\nc3\n',
    });
    c.D = await work.commit(
      `hw/d: fix the refactor\n\nFixes: ${c.B.slice(0, 12)} ("hw/b: refactor")`,
      { 'hw/d.c': 'd1\nD2\nd3\n' },
    );
    c.E = await work.commit('hw/e: fix a leak\n\nCc: qemu-stable@nongnu.org', {
      'hw/e.c': 'e1\nE2\ne3\n',
    });
    c.F = await work.commit('hw/f: fix a race\n\nCc: stable@vger.kernel.org', {
      'hw/f.c': 'f1\nF2\nf3\n',
    });
    c.G = await work.commit('hw/g: fix a conflict\n\nCc: qemu-stable@nongnu.org', {
      'hw/g.c': 'g1\nG2\ng3\n',
    });
    await work.git.run(['checkout', '--quiet', 'staging']);
    // Downstream carries E (named) and F (same patch, not named), and changed g.c its own way.
    await work.commit(`hw/e: fix a leak\n\n(cherry picked from commit ${c.E})`, {
      'hw/e.c': 'e1\nE2\ne3\n',
    });
    await work.commit('hw/f: fix a race, downstream', { 'hw/f.c': 'f1\nF2\nf3\n' });
    await work.commit('hw/g: downstream change', { 'hw/g.c': 'g1\ndownstream\ng3\n' });
    await publish(work, bare, ['--all']);
  });
  after(() => env.close());

  it('opens one pull request per candidate, picked with -x in upstream order, skipping what downstream has', async () => {
    const run = await runTrack(env, REPO, inputs);
    assertClean(run);
    const out = reported(run);
    assert.deepEqual(
      out.map((o) => o.operation),
      ['created', 'created', 'created'],
    );
    const [a, cc, g] = [prFor(c.A)!, prFor(c.C)!, prFor(c.G)!];
    assert.ok(a && cc && g, 'A, C and G have pull requests');
    assert.ok(a.number < cc.number && cc.number < g.number, 'upstream order');
    assert.equal(prFor(c.B), undefined, 'no marker: not a candidate');
    assert.equal(prFor(c.D), undefined, 'fixes a commit downstream lacks');
    assert.equal(prFor(c.E), undefined, 'named by a reference line downstream');
    assert.equal(prFor(c.F), undefined, 'the same patch is downstream');
    const head = await bare.run(['rev-parse', `refs/heads/${a.pull.head.ref}`]);
    const staging = await bare.run(['rev-parse', 'refs/heads/staging']);
    assert.equal(await bare.run(['rev-parse', `${head}^`]), staging);
    assert.match(
      await bare.run(['log', '-1', '--format=%B', head]),
      new RegExp(`\\(cherry picked from commit ${c.A}\\)`),
    );
    assert.equal(
      await bare.run(['log', '-1', '--format=%an|%cn', head]),
      'Test Author|Xen Tracker',
    );
    assert.equal(await bare.run(['show', `${head}:hw/a.c`]), 'a1\nA2\na3');
    assert.match(cc.body ?? '', /Fixes: [0-9a-f]{12} \(a commit downstream has\)/);
    // G conflicts: a draft, its file, the commands, and nothing of the pick on the branch.
    assert.equal(g.pull.draft, true);
    assert.match(g.body ?? '', /`hw\/g\.c`/);
    assert.match(g.body ?? '', new RegExp(`git cherry-pick -x ${c.G}`));
    const gHead = await bare.run(['rev-parse', `refs/heads/${g.pull.head.ref}`]);
    assert.equal(
      await bare.run(['rev-parse', `${gHead}^{tree}`]),
      await bare.run(['rev-parse', `${staging}^{tree}`]),
    );
    assert.equal(await bare.run(['rev-parse', SCANNED]), c.G);
    assert.match(run.summary, /already downstream/);
  });

  it('changes nothing when nothing is new: no push, no API write', async () => {
    const [a, g] = [env.api.requests.length, env.server.requests.length];
    const run = await runTrack(env, REPO, inputs);
    assertClean(run);
    assert.deepEqual(
      reported(run).map((o) => o.operation),
      [],
    );
    assert.deepEqual(writesSince(env, a), []);
    assert.equal(pushesSince(env, g), 0);
  });

  it('scans only the new commits, and closes pull requests whose commit was reverted or landed otherwise', async () => {
    await work.git.run(['checkout', '--quiet', 'upstream/master']);
    c.H = await work.commit('hw/h: fix\n\nCc: qemu-stable@nongnu.org', {
      'hw/h.c': 'h1\nH2\nh3\n',
    });
    await work.git.run(['revert', '--no-edit', c.A], {
      env: { GIT_COMMITTER_DATE: '1700000500 +0000', GIT_AUTHOR_DATE: '1700000500 +0000' },
    });
    c.R = await work.head();
    await work.git.run(['checkout', '--quiet', 'staging']);
    await work.git.run(['cherry-pick', '-x', c.C]);
    await publish(work, bare, ['upstream/master', 'staging']);
    const run = await runTrack(env, REPO, inputs);
    assertClean(run);
    const ops = new Map(reported(run).map((o) => [o.key.split(':')[2], o.operation]));
    assert.equal(ops.get(c.H), 'created');
    assert.equal(ops.get(c.A), 'closed');
    assert.equal(ops.get(c.C), 'closed');
    assert.equal(prFor(c.A)!.state, 'closed');
    assert.match(commentsOf(env, REPO, prFor(c.A)!.number).pop()!, /upstream reverted it/);
    assert.match(
      commentsOf(env, REPO, prFor(c.C)!.number).pop()!,
      /landed on `staging` by other means/,
    );
    assert.equal(prFor(c.G)!.state, 'open');
    assert.equal(await bare.run(['rev-parse', SCANNED]), c.R);
    assert.match(run.summary, /Scanned 2 upstream commits/);
    assertNoDuplicates(env, REPO);
  });

  it('carries a commit listed by hand', async () => {
    const run = await runTrack(env, REPO, { ...inputs, commits: c.B });
    assertClean(run);
    assert.equal(reported(run).find((o) => o.key.endsWith(c.B))?.operation, 'created');
    const again = await runTrack(env, REPO, { ...inputs, commits: c.B });
    assert.equal(reported(again).find((o) => o.key.endsWith(c.B))?.operation, 'unchanged');
    assertNoDuplicates(env, REPO);
  });

  it('batches every candidate of a target into one pull request, updated as upstream adds more', async () => {
    const batch = { ...inputs, target: 'staging-b', grouping: 'batch' };
    const run = await runTrack(env, REPO, batch);
    assertClean(run);
    assert.equal(reported(run)[0].operation, 'created');
    const pr = pullsOf(env, REPO).find((p) => p.marker?.target === 'staging-b')!;
    assert.deepEqual(pr.marker?.commits, [c.C, c.E, c.F, c.G, c.H]);
    const head = await bare.run(['rev-parse', 'refs/heads/tributary/backport/staging-b']);
    assert.equal(await bare.run(['rev-list', '--count', `staging-b..${head}`]), '5');
    await work.git.run(['checkout', '--quiet', 'upstream/master']);
    c.I = await work.commit('hw/a: fix again\n\nCc: qemu-stable@nongnu.org', {
      'hw/b.c': 'b1\nB2 again\nb3\n',
    });
    await publish(work, bare, ['upstream/master']);
    const more = await runTrack(env, REPO, batch);
    assertClean(more);
    assert.equal(reported(more)[0].operation, 'updated');
    const after = pullsOf(env, REPO).find((p) => p.marker?.target === 'staging-b')!;
    assert.equal(after.number, pr.number);
    assert.deepEqual(after.marker?.commits, [c.C, c.E, c.F, c.G, c.H, c.I]);
    const again = await runTrack(env, REPO, batch);
    assert.equal(reported(again)[0].operation, 'unchanged');
    // A person adds to the batch branch; a new candidate then only earns a comment.
    const person = await WorkTree.create(join(env.tmp.path, 'person'));
    await person.git.run(['fetch', '--quiet', bare.cwd, 'tributary/backport/staging-b:work']);
    await person.git.run(['checkout', '--quiet', 'work']);
    const fixed = await person.commit('adjust the batch by hand', { 'hw/a.c': 'by hand\n' });
    await person.git.run(['push', '--quiet', bare.cwd, 'work:tributary/backport/staging-b']);
    await work.commit('hw/c: one more\n\nCc: qemu-stable@nongnu.org', {
      'hw/c.c': 'c1\nC2 more\nc3\n',
    });
    await publish(work, bare, ['upstream/master']);
    const held = await runTrack(env, REPO, batch);
    assertClean(held);
    assert.equal(reported(held)[0].operation, 'unchanged');
    assert.equal(await bare.run(['rev-parse', 'refs/heads/tributary/backport/staging-b']), fixed);
    assert.match(commentsOf(env, REPO, pr.number).pop()!, /would have moved the branch/);
  });

  it('refuses a stable pattern that is not a regular expression, creating nothing', async () => {
    const [a, g] = [env.api.requests.length, env.server.requests.length];
    const run = await runTrack(env, REPO, { ...inputs, 'stable-patterns': 'Cc: (stable' });
    assert.equal(run.code, 1);
    assert.ok(
      run.annotations.some(
        (x) =>
          x.level === 'error' &&
          /stable-patterns.*Cc: \(stable.*regular expression/.test(x.message),
      ),
      run.log,
    );
    assert.deepEqual(writesSince(env, a), []);
    assert.equal(pushesSince(env, g), 0);
  });
});
