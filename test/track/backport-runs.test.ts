/**
 * Backport runs a release manager can trust: a batch rerun with nothing new writes nothing and
 * never says an upstream-only commit is downstream; a run opens at most max-pull-requests and
 * leaves the rest for the next; a dry run only lists; an unreachable upstream is named.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Git } from '../../actions/lib/git.js';
import { WorkTree } from '../harness/fixtures.js';
import {
  TOKEN,
  assertClean,
  assertNoDuplicates,
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

const SCANNED = 'refs/tributary/track/staging/scanned';
const identity = {
  'committer-name': 'Xen Tracker',
  'committer-email': 'tracker@xenproject.org',
};

describe('track-upstream backport runs', () => {
  let env: TrackEnv;
  before(async () => {
    env = await startTrackEnv();
  });
  after(() => env.close());

  it('reruns a batch with nothing new without a push or an API write, never calling an upstream-only commit downstream', async () => {
    const REPO = 'xen-project/qemu-batch';
    const bare = await hostedRepository(env, REPO);
    const work = await WorkTree.create(join(env.tmp.path, 'batch'), 'upstream/master');
    await work.commit('base', { 'hw/a.c': 'a\n' });
    await work.git.run(['branch', 'staging']);
    const y = await work.commit('hw/y: add the y device', { 'hw/y.c': 'y\n' });
    const x = await work.commit(
      `hw/y: fix a crash on reset\n\nFixes: ${y.slice(0, 12)} ("hw/y: add the y device")\nCc: qemu-stable@nongnu.org`,
      { 'hw/y-reset.c': 'reset\n' },
    );
    const z = await work.commit('hw/a: fix a leak\n\nCc: qemu-stable@nongnu.org', {
      'hw/a.c': 'a fixed\n',
    });
    await publish(work, bare, ['--all']);
    const inputs = {
      mode: 'backport',
      upstream: 'upstream/master',
      grouping: 'batch',
      ...identity,
    };

    const first = await runTrack(env, REPO, inputs);
    assertClean(first);
    assert.equal(reported(first)[0]?.operation, 'created', first.log);
    const pr = pullsOf(env, REPO)[0];
    assert.deepEqual(pr.marker?.commits, [x, z]);
    const claim = new RegExp(`Fixes: ${y.slice(0, 12)}.*downstream`);
    assert.doesNotMatch(pr.body ?? '', claim);
    const body = pr.body;

    const [a, g] = [env.api.requests.length, env.server.requests.length];
    const again = await runTrack(env, REPO, inputs);
    assertClean(again);
    assert.equal(reported(again)[0]?.operation, 'unchanged', again.log);
    assert.deepEqual(writesSince(env, a), []);
    assert.equal(pushesSince(env, g), 0);
    assert.equal(pullsOf(env, REPO)[0].body, body);
    assert.doesNotMatch(pullsOf(env, REPO)[0].body ?? '', claim);
  });

  describe('a long list of candidates', () => {
    const REPO = 'xen-project/qemu-many';
    let bare: Git;
    const c: Record<string, string> = {};
    const inputs = { mode: 'backport', upstream: 'upstream/master', ...identity };
    const subjectOf = (n: number) => `hw/dev${n}: fix a crash`;

    before(async () => {
      bare = await hostedRepository(env, REPO);
      const work = await WorkTree.create(join(env.tmp.path, 'many'), 'upstream/master');
      await work.commit('base', { README: 'qemu\n' });
      await work.git.run(['branch', 'staging']);
      for (let n = 1; n <= 5; n++) {
        c[`C${n}`] = await work.commit(`${subjectOf(n)}\n\nCc: qemu-stable@nongnu.org`, {
          [`hw/dev${n}.c`]: `fixed ${n}\n`,
        });
        c[`N${n}`] = await work.commit(`hw/dev${n}: tidy up`, { [`hw/dev${n}.h`]: `${n}\n` });
      }
      await publish(work, bare, ['--all']);
    });

    it('dry-run lists the candidates and writes nothing', async () => {
      const [a, g] = [env.api.requests.length, env.server.requests.length];
      const run = await runTrack(env, REPO, { ...inputs, 'dry-run': 'true' });
      assertClean(run);
      assert.deepEqual(reported(run), []);
      const listed = JSON.parse(run.outputs.candidates ?? '[]') as { sha: string }[];
      assert.deepEqual(
        listed.map((l) => l.sha),
        [c.C1, c.C2, c.C3, c.C4, c.C5],
      );
      for (let n = 1; n <= 5; n++) assert.match(run.summary, new RegExp(subjectOf(n)));
      assert.match(run.summary, /dry run/i);
      assert.deepEqual(writesSince(env, a), []);
      assert.equal(pushesSince(env, g), 0);
      assert.equal(pullsOf(env, REPO).length, 0);
      assert.equal(
        (await bare.exec(['rev-parse', '--verify', '-q', SCANNED], { allowFailure: true })).stdout,
        '',
      );
    });

    it('opens at most max-pull-requests a run, lists the rest, and takes them next run', async () => {
      const capped = { ...inputs, 'max-pull-requests': '2' };
      const first = await runTrack(env, REPO, capped);
      assertClean(first);
      assert.deepEqual(
        reported(first).map((o) => [o.key.split(':')[2], o.operation]),
        [
          [c.C1, 'created'],
          [c.C2, 'created'],
        ],
      );
      for (const n of [3, 4, 5]) assert.match(first.summary, new RegExp(subjectOf(n)));
      assert.match(first.summary, /max-pull-requests/);
      assert.match(first.summary, /next run/);
      // The scan stops short of the first candidate left out, so the next run sees it again.
      assert.equal(await bare.run(['rev-parse', SCANNED]), c.N2);

      const second = await runTrack(env, REPO, capped);
      assertClean(second);
      assert.deepEqual(
        reported(second)
          .filter((o) => o.operation === 'created')
          .map((o) => o.key.split(':')[2]),
        [c.C3, c.C4],
      );
      assert.equal(await bare.run(['rev-parse', SCANNED]), c.N4);

      const third = await runTrack(env, REPO, capped);
      assertClean(third);
      assert.deepEqual(
        reported(third)
          .filter((o) => o.operation === 'created')
          .map((o) => o.key.split(':')[2]),
        [c.C5],
      );
      assert.doesNotMatch(third.summary, /max-pull-requests/);
      assert.equal(await bare.run(['rev-parse', SCANNED]), c.N5);

      const [a, g] = [env.api.requests.length, env.server.requests.length];
      const fourth = await runTrack(env, REPO, capped);
      assertClean(fourth);
      assert.deepEqual(writesSince(env, a), []);
      assert.equal(pushesSince(env, g), 0);
      assert.equal(pullsOf(env, REPO).filter((p) => p.state === 'open').length, 5);
      assertNoDuplicates(env, REPO);
    });

    it('names upstream-url when the upstream cannot be reached, changing nothing', async () => {
      const [a, g] = [env.api.requests.length, env.server.requests.length];
      const run = await runTrack(env, REPO, {
        ...inputs,
        'upstream-url': env.server.repoUrl('qemu-project/qemu-typo.git'),
      });
      assert.equal(run.code, 1);
      const error = run.annotations.find((x) => x.level === 'error');
      assert.match(error?.message ?? '', /upstream-url/, run.log);
      assert.match(error?.message ?? '', /qemu-typo\.git/);
      assert.ok(!run.log.includes(TOKEN));
      assert.deepEqual(writesSince(env, a), []);
      assert.equal(pushesSince(env, g), 0);
    });
  });
});
