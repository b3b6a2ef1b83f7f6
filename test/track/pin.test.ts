import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Git } from '../../actions/lib/git.js';
import { FLIGHT_RECORD_FORMAT, type FlightRecord } from '../../actions/lib/flight.js';
import { WorkTree } from '../harness/fixtures.js';
import {
  assertClean,
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

const XEN = 'xen-project/xen';
const SEABIOS = 'xen-project/seabios';
const NOTES = 'refs/notes/tributary/flights';

function flight(id: string, revision: string, verdict: 'push' | 'refuse'): FlightRecord {
  const status = verdict === 'push' ? 'pass' : 'fail';
  return {
    format: FLIGHT_RECORD_FORMAT,
    flight: id,
    tree: 'seabios',
    revision,
    trees: [{ name: 'seabios', revision }],
    jobs: [{ name: 'test-amd64-qemuu-hvm', steps: [{ name: 'guest-start', status }] }],
    trigger: { runUrl: `https://github.com/xen-project/seabios/actions/runs/${id}` },
    recordedAt: '2026-01-01T00:00:00Z',
    decision: { verdict, pushed: verdict === 'push', regressions: verdict === 'push' ? 0 : 1 },
  };
}

describe('track-upstream pin, end to end', () => {
  let env: TrackEnv;
  let xen: Git;
  let seabios: Git;
  let consumer: WorkTree;
  const s: Record<string, string> = {};
  let base: Record<string, string>;

  before(async () => {
    env = await startTrackEnv();
    seabios = await hostedRepository(env, SEABIOS);
    xen = await hostedRepository(env, XEN);
    const tree = await WorkTree.create(join(env.tmp.path, 'seabios'), 'master');
    s.s0 = await tree.commit('seabios: base', { 'src/boot.c': 'boot 0\n' });
    s.s1 = await tree.commit('seabios: rel-1.17.0', { 'src/boot.c': 'boot 1\n' });
    await tree.git.run(['tag', 'rel-1.17.0']);
    s.s2 = await tree.commit('seabios: fix the boot menu', { 'src/menu.c': 'menu\n' });
    s.s3 = await tree.commit('seabios: rel-1.17.1', { 'src/boot.c': 'boot 2\n' });
    await tree.git.run(['tag', '-a', '-m', 'release 1.17.1', 'rel-1.17.1']);
    s.s4 = await tree.commit('seabios: rel-1.18.0', { 'src/boot.c': 'boot 3\n' });
    await tree.git.run(['tag', 'rel-1.18.0']);
    s.s5 = await tree.commit('seabios: rel-1.18.1', { 'src/boot.c': 'boot 4\n' });
    await tree.git.run(['tag', 'rel-1.18.1']);
    await tree.git.run(['branch', '-f', 'tested', s.s3]);
    // The gate passed 1.17.0 and 1.17.1, refused 1.18.0, never tested 1.18.1.
    for (const [commit, id, verdict] of [
      [s.s1, '101', 'push'],
      [s.s3, '103', 'push'],
      [s.s4, '104', 'refuse'],
    ] as const) {
      await tree.git.run([
        'notes',
        `--ref=${NOTES}`,
        'add',
        '-m',
        JSON.stringify(flight(id, commit, verdict)),
        commit,
      ]);
    }
    await publish(tree, seabios, ['--all']);
    await publish(tree, seabios, ['--tags', `${NOTES}:${NOTES}`]);

    consumer = await WorkTree.create(join(env.tmp.path, 'xen'), 'staging');
    await consumer.commit('xen: build configuration', {
      'Config.mk':
        'SEABIOS_UPSTREAM_URL ?= https://xenbits.xen.org/git-http/seabios.git\nSEABIOS_UPSTREAM_REVISION ?= rel-1.17.0\n# end\n',
      'tools/Rules.mk': `SEABIOS_TESTED := ${s.s1} # the tested one\n`,
      '.gitmodules':
        '[submodule "tools/firmware/seabios-dir"]\n\tpath = tools/firmware/seabios-dir\n\turl = https://xenbits.xen.org/git-http/seabios.git\n',
    });
    await consumer.git.run([
      'update-index',
      '--add',
      '--cacheinfo',
      `160000,${s.s1},tools/firmware/seabios-dir`,
    ]);
    await consumer.git.run(['commit', '--quiet', '-m', 'xen: seabios as a submodule']);
    await publish(consumer, xen, ['staging']);
    base = {
      mode: 'pin',
      target: 'staging',
      'tree-url': env.server.repoUrl(`${SEABIOS}.git`),
      'committer-name': 'Xen Tracker',
      'committer-email': 'tracker@xenproject.org',
    };
  });
  after(() => env.close());

  /** Xen's Config.mk pin: SEABIOS_UPSTREAM_REVISION to the newest rel-* tag that passed. */
  const configPin = () => ({
    ...base,
    'pin-tags': 'rel-*',
    'pin-file': 'Config.mk',
    'pin-variable': 'SEABIOS_UPSTREAM_REVISION',
  });

  it('moves a Makefile variable to the newest tag that passed the gate, with its shortlog and flight', async () => {
    const inputs = configPin();
    const run = await runTrack(env, XEN, inputs);
    assertClean(run);
    assert.equal(reported(run)[0].operation, 'created');
    const pr = pullsOf(env, XEN)[0];
    assert.equal(pr.title, 'Update SEABIOS_UPSTREAM_REVISION to rel-1.17.1');
    const head = await xen.run(['rev-parse', `refs/heads/${pr.pull.head.ref}`]);
    assert.equal(
      await xen.run(['show', `${head}:Config.mk`]),
      'SEABIOS_UPSTREAM_URL ?= https://xenbits.xen.org/git-http/seabios.git\nSEABIOS_UPSTREAM_REVISION ?= rel-1.17.1\n# end',
    );
    assert.equal(await xen.run(['rev-parse', `${head}^`]), await xen.run(['rev-parse', 'staging']));
    assert.match(pr.body ?? '', /seabios: fix the boot menu/);
    assert.match(pr.body ?? '', /seabios: rel-1\.17\.1/);
    assert.doesNotMatch(pr.body ?? '', /rel-1\.18/);
    assert.match(pr.body ?? '', /actions\/runs\/103/);
    const [a, g] = [env.api.requests.length, env.server.requests.length];
    const again = await runTrack(env, XEN, inputs);
    assertClean(again);
    assert.equal(reported(again)[0].operation, 'unchanged');
    assert.deepEqual(writesSince(env, a), []);
    assert.equal(pushesSince(env, g), 0);
  });

  it('updates the pull request when a newer tag passes the gate', async () => {
    const tree = new WorkTree(join(env.tmp.path, 'seabios'));
    await tree.git.run([
      'notes',
      `--ref=${NOTES}`,
      'add',
      '-m',
      JSON.stringify(flight('105', s.s5, 'push')),
      s.s5,
    ]);
    await publish(tree, seabios, [`${NOTES}:${NOTES}`]);
    const inputs = configPin();
    const run = await runTrack(env, XEN, inputs);
    assertClean(run);
    assert.equal(reported(run)[0].operation, 'updated');
    const pr = pullsOf(env, XEN)[0];
    assert.equal(pr.title, 'Update SEABIOS_UPSTREAM_REVISION to rel-1.18.1');
    assert.match(pr.body ?? '', /actions\/runs\/105/);
    const head = await xen.run(['rev-parse', `refs/heads/${pr.pull.head.ref}`]);
    assert.match(
      await xen.run(['show', `${head}:Config.mk`]),
      /SEABIOS_UPSTREAM_REVISION \?= rel-1\.18\.1/,
    );
    assert.equal(pullsOf(env, XEN).length, 1);
  });

  it("moves a line a user's regex matches to the tested branch's head", async () => {
    const run = await runTrack(env, XEN, {
      ...base,
      'pin-branch': 'tested',
      'pin-file': 'tools/Rules.mk',
      'pin-pattern': '^SEABIOS_TESTED := ([0-9a-f]+)',
    });
    assertClean(run);
    const [o] = reported(run);
    assert.equal(o.operation, 'created');
    const pr = pullsOf(env, XEN).find((p) => p.number === o.number)!;
    const head = await xen.run(['rev-parse', `refs/heads/${pr.pull.head.ref}`]);
    assert.equal(
      await xen.run(['show', `${head}:tools/Rules.mk`]),
      `SEABIOS_TESTED := ${s.s3} # the tested one`,
    );
    assert.match(pr.body ?? '', /actions\/runs\/103/);
    // A person fixes the branch up; then the tested branch moves: tributary only comments.
    const person = await WorkTree.create(join(env.tmp.path, 'person'));
    await person.git.run(['fetch', '--quiet', xen.cwd, `${pr.pull.head.ref}:work`]);
    await person.git.run(['checkout', '--quiet', 'work']);
    const fixed = await person.commit('note why', { 'NOTES.txt': 'by hand\n' });
    await person.git.run(['push', '--quiet', xen.cwd, `work:${pr.pull.head.ref}`]);
    await seabios.run(['update-ref', 'refs/heads/tested', s.s5]);
    const held = await runTrack(env, XEN, {
      ...base,
      'pin-branch': 'tested',
      'pin-file': 'tools/Rules.mk',
      'pin-pattern': '^SEABIOS_TESTED := ([0-9a-f]+)',
    });
    assertClean(held);
    assert.equal(reported(held)[0].operation, 'unchanged');
    assert.equal(await xen.run(['rev-parse', `refs/heads/${pr.pull.head.ref}`]), fixed);
    assert.match(commentsOf(env, XEN, pr.number).pop()!, /would have moved the branch/);
    await seabios.run(['update-ref', 'refs/heads/tested', s.s3]);
  });

  it("moves a submodule's pointer without cloning the submodule", async () => {
    const run = await runTrack(env, XEN, {
      ...base,
      'pin-branch': 'tested',
      'pin-submodule': 'tools/firmware/seabios-dir',
    });
    assertClean(run);
    const [o] = reported(run);
    assert.equal(o.operation, 'created');
    const pr = pullsOf(env, XEN).find((p) => p.number === o.number)!;
    const head = await xen.run(['rev-parse', `refs/heads/${pr.pull.head.ref}`]);
    assert.equal(
      await xen.run(['ls-tree', head, '--', 'tools/firmware/seabios-dir']),
      `160000 commit ${s.s3}\ttools/firmware/seabios-dir`,
    );
    assert.equal(
      await xen.run(['diff', '--name-only', `${head}^`, head]),
      'tools/firmware/seabios-dir',
    );
    assert.match(pr.body ?? '', /seabios: fix the boot menu/);
    // A person closes it: the same change is declined, not reopened on the next run.
    pr.state = 'closed';
    const again = await runTrack(env, XEN, {
      ...base,
      'pin-branch': 'tested',
      'pin-submodule': 'tools/firmware/seabios-dir',
    });
    assertClean(again);
    assert.equal(reported(again)[0].operation, 'unchanged');
    assert.match(reported(again)[0].note ?? '', /declined/);
    assert.equal(
      pullsOf(env, XEN).filter((p) => p.marker?.subject === 'submodule:tools/firmware/seabios-dir')
        .length,
      1,
    );
  });

  it('closes the pull request once the pin was moved by other means', async () => {
    await consumer.commit('xen: bump seabios by hand', {
      'Config.mk':
        'SEABIOS_UPSTREAM_URL ?= https://xenbits.xen.org/git-http/seabios.git\nSEABIOS_UPSTREAM_REVISION ?= rel-1.18.1\n# end\n',
    });
    await publish(consumer, xen, ['staging']);
    const run = await runTrack(env, XEN, configPin());
    assertClean(run);
    const [o] = reported(run);
    assert.equal(o.operation, 'closed', run.log + run.summary);
    assert.equal(env.api.state.pulls.find((p) => p.number === o.number)?.state, 'closed');
    assert.match(
      commentsOf(env, XEN, o.number).pop()!,
      /already pins SEABIOS_UPSTREAM_REVISION to rel-1\.18\.1/,
    );
  });

  it('never moves a pin back, and closes its pull request', async () => {
    await consumer.commit('xen: take the seabios head by hand', {
      'tools/Rules.mk': `SEABIOS_TESTED := ${s.s5} # the tested one\n`,
    });
    await publish(consumer, xen, ['staging']);
    const run = await runTrack(env, XEN, {
      ...base,
      'pin-branch': 'tested',
      'pin-file': 'tools/Rules.mk',
      'pin-pattern': '^SEABIOS_TESTED := ([0-9a-f]+)',
    });
    assertClean(run);
    const [o] = reported(run);
    assert.equal(o.operation, 'closed');
    assert.match(commentsOf(env, XEN, o.number).pop()!, /does not move a pin back/);
  });

  for (const [what, inputs, message] of [
    [
      'a pin file that does not exist',
      { 'pin-branch': 'tested', 'pin-file': 'Config.mk.nope', 'pin-variable': 'X' },
      /pin-file.*Config\.mk\.nope does not exist/,
    ],
    [
      'a variable that is not in the file',
      { 'pin-branch': 'tested', 'pin-file': 'Config.mk', 'pin-variable': 'QEMU_UPSTREAM_REVISION' },
      /no assignment to QEMU_UPSTREAM_REVISION/,
    ],
    [
      'a submodule path that is not a submodule',
      { 'pin-branch': 'tested', 'pin-submodule': 'Config.mk' },
      /Config\.mk is not a submodule/,
    ],
    [
      'a pattern that is not a regular expression',
      { 'pin-branch': 'tested', 'pin-file': 'Config.mk', 'pin-pattern': 'REV = ([0-9a-f' },
      /Invalid input 'pin-pattern' 'REV = \(\[0-9a-f'/,
    ],
    [
      'a pattern without a capture group',
      { 'pin-branch': 'tested', 'pin-file': 'Config.mk', 'pin-pattern': 'REV = [0-9a-f]+' },
      /capture group/,
    ],
  ] as const) {
    it(`refuses ${what}, creating nothing`, async () => {
      const [a, g] = [env.api.requests.length, env.server.requests.length];
      const run = await runTrack(env, XEN, { ...base, ...inputs });
      assert.equal(run.code, 1);
      assert.ok(
        run.annotations.some((x) => x.level === 'error' && message.test(x.message)),
        run.log,
      );
      assert.deepEqual(writesSince(env, a), []);
      assert.equal(pushesSince(env, g), 0);
    });
  }
});
