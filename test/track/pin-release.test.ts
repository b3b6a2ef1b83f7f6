/**
 * The pin mode on a consumer shaped like Xen's own build configuration: the pin line is the
 * last plain assignment (not the legacy `?= $(SEABIOS_UPSTREAM_TAG)` above it), a pin that
 * follows a branch is left alone, pre-releases rank below their release, and a tree without
 * flight records says how to proceed.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { Git } from '../../actions/lib/git.js';
import { FLIGHT_RECORD_FORMAT, type FlightRecord } from '../../actions/lib/flight.js';
import { writeNote } from '../../actions/lib/flight-notes.js';
import { WorkTree } from '../harness/fixtures.js';
import { repoRoot } from '../harness/runner.js';
import {
  TOKEN,
  assertClean,
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
const NOTES = 'refs/notes/tributary/flights';

function flight(id: string, revision: string, verdict: 'push' | 'refuse' = 'push'): FlightRecord {
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

/**
 * The part of Xen's Config.mk (unstable, 2025) that pins its subtrees, in its real order: the
 * legacy-options block assigns SEABIOS_UPSTREAM_REVISION from a variable first, the pins come
 * below; QEMU follows a branch, OVMF and Mini-OS are commit ids, SeaBIOS a release tag, and
 * QEMU_TRADITIONAL_LOC is only ever computed.
 */
function configMk(p: { seabios: string; minios: string; qemu?: string }): string {
  return `# Settings every part of the build reads.

XEN_EXTFILES_URL ?= https://xenbits.xen.org/xen-extfiles

# Subtrees that a release tarball carries inside the tree
QEMU_UPSTREAM_INTREE ?= $(XEN_ROOT)/tools/qemu-xen
QEMU_TRADITIONAL_INTREE ?= $(XEN_ROOT)/tools/qemu-xen-traditional


# Handle legacy options
ifneq (,$(SEABIOS_UPSTREAM_TAG))
SEABIOS_UPSTREAM_REVISION ?= $(SEABIOS_UPSTREAM_TAG)
endif
ifneq (,$(QEMU_REMOTE))
QEMU_TRADITIONAL_URL ?= $(QEMU_REMOTE)
endif
ifneq (,$(CONFIG_QEMU))
QEMU_TRADITIONAL_LOC ?= $(CONFIG_QEMU)
endif
ifneq (,$(QEMU_TAG))
QEMU_TRADITIONAL_REVISION ?= $(QEMU_TAG)
endif

OVMF_UPSTREAM_URL ?= https://xenbits.xen.org/git-http/ovmf.git
OVMF_UPSTREAM_REVISION ?= ba91d0292e593df8528b66f99c1b0b14fadc8e16

QEMU_UPSTREAM_URL ?= https://xenbits.xen.org/git-http/qemu-xen.git
QEMU_UPSTREAM_REVISION ?= ${p.qemu ?? 'master'}

MINIOS_UPSTREAM_URL ?= https://xenbits.xen.org/git-http/mini-os.git
MINIOS_UPSTREAM_REVISION ?= ${p.minios}

SEABIOS_UPSTREAM_URL ?= https://xenbits.xen.org/git-http/seabios.git
SEABIOS_UPSTREAM_REVISION ?= ${p.seabios}

ETHERBOOT_NICS ?= rtl8139 8086100e


QEMU_TRADITIONAL_URL ?= https://xenbits.xen.org/git-http/qemu-xen-traditional.git
QEMU_TRADITIONAL_REVISION ?= 3d273dd05e51e5a1ffba3d98c7437ee84e8f8764

# Where each subtree is taken from: the copy inside the tree if there is one, else its URL
QEMU_TRADITIONAL_LOC ?= $(call or,$(wildcard $(QEMU_TRADITIONAL_INTREE)),\\
                                  $(QEMU_TRADITIONAL_URL))

QEMU_UPSTREAM_LOC ?= $(call or,$(wildcard $(QEMU_UPSTREAM_INTREE)),\\
                               $(QEMU_UPSTREAM_URL))

CONFIG_TESTS       ?= y
`;
}

/** Tags each commit made, and records a flight on it unless told not to. */
async function release(
  tree: WorkTree,
  tags: [tag: string, flight: string | null][],
): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [tag, id] of tags) {
    const sha = await tree.commit(`release ${tag}`, { VERSION: `${tag}\n` });
    await tree.git.run(['tag', '-a', '-m', tag, tag]);
    if (id)
      await tree.git.run([
        'notes',
        `--ref=${NOTES}`,
        'add',
        '-m',
        JSON.stringify(flight(id, sha)),
        sha,
      ]);
    out[tag] = sha;
  }
  return out;
}

describe('track-upstream pin on a Config.mk shaped like Xen', () => {
  let env: TrackEnv;
  let xen: Git;
  let seabios: Git;
  let seabiosTree: WorkTree;
  let miniosHosted: Git;
  let consumer: WorkTree;
  const t: Record<string, string> = {};
  let original: string;

  before(async () => {
    env = await startTrackEnv();
    xen = await hostedRepository(env, XEN);
    seabios = await hostedRepository(env, 'xen-project/seabios');
    const qemu = await hostedRepository(env, 'xen-project/qemu-xen');
    const minios = await hostedRepository(env, 'xen-project/mini-os');
    miniosHosted = minios;

    // SeaBIOS tags rel-X.Y.Z, with release candidates before the final one.
    seabiosTree = await WorkTree.create(join(env.tmp.path, 'seabios'), 'master');
    await seabiosTree.commit('seabios: base', { 'src/boot.c': 'boot\n' });
    Object.assign(
      t,
      await release(seabiosTree, [
        ['rel-1.16.2', '201'],
        ['rel-1.16.3-rc1', '202'],
        ['rel-1.16.3-rc2', '203'],
        ['rel-1.16.3', '204'],
      ]),
    );
    await publish(seabiosTree, seabios, ['--all']);
    await publish(seabiosTree, seabios, ['--tags', `${NOTES}:${NOTES}`]);

    // QEMU tags vX.Y.Z-rcN, then vX.Y.Z; its master branch is what Xen unstable follows.
    const qemuTree = await WorkTree.create(join(env.tmp.path, 'qemu'), 'master');
    await qemuTree.commit('qemu: base', { 'vl.c': 'main\n' });
    Object.assign(
      t,
      await release(qemuTree, [
        ['v9.1.0', '301'],
        ['v9.2.0-rc1', '302'],
        ['v9.2.0-rc4', '303'],
        ['v9.2.0', '304'],
        ['v10.0.0-rc1', null],
      ]),
    );
    await publish(qemuTree, qemu, ['--all']);
    await publish(qemuTree, qemu, ['--tags', `${NOTES}:${NOTES}`]);

    // Mini-OS: release tags and no gate at all (no flight record anywhere).
    const miniosTree = await WorkTree.create(join(env.tmp.path, 'mini-os'), 'master');
    await miniosTree.commit('mini-os: base', { 'kernel.c': 'k\n' });
    Object.assign(
      t,
      await release(miniosTree, [
        ['xen-RELEASE-4.19.0', null],
        ['xen-RELEASE-4.20.0', null],
      ]),
    );
    await publish(miniosTree, minios, ['--all']);
    await publish(miniosTree, minios, ['--tags']);

    consumer = await WorkTree.create(join(env.tmp.path, 'xen'), 'staging');
    original = configMk({ seabios: 'rel-1.16.3', minios: t['xen-RELEASE-4.19.0'] });
    await consumer.commit('xen: build configuration', { 'Config.mk': original });
    await consumer.git.run(['checkout', '--quiet', '-b', 'stable-4.19']);
    await consumer.commit('xen 4.19: pin QEMU to a release', {
      'Config.mk': configMk({
        seabios: 'rel-1.16.2',
        minios: t['xen-RELEASE-4.19.0'],
        qemu: 'v9.1.0',
      }),
    });
    await publish(consumer, xen, ['staging', 'stable-4.19']);
  });
  after(() => env.close());

  const pin = (
    tree: string,
    variable: string,
    tags: string,
    extra: Record<string, string> = {},
  ) => ({
    mode: 'pin',
    target: 'staging',
    'tree-url': env.server.repoUrl(`xen-project/${tree}.git`),
    'pin-tags': tags,
    'pin-file': 'Config.mk',
    'pin-variable': variable,
    'committer-name': 'Xen Tracker',
    'committer-email': 'tracker@xenproject.org',
    ...extra,
  });

  /** Config.mk on the branch of a pull request. */
  const configOf = async (number: number) => {
    const pr = pullsOf(env, XEN).find((p) => p.number === number)!;
    return xen.run(['show', `refs/heads/${pr.pull.head.ref}:Config.mk`]);
  };

  it('leaves a tree already at the newest released tag alone: no pull request, no write', async () => {
    const [a, g] = [env.api.requests.length, env.server.requests.length];
    const run = await runTrack(env, XEN, pin('seabios', 'SEABIOS_UPSTREAM_REVISION', 'rel-*'));
    assertClean(run);
    assert.deepEqual(reported(run), []);
    assert.equal(run.outputs.operation, 'none');
    assert.match(run.summary, /SEABIOS_UPSTREAM_REVISION is already at rel-1\.16\.3/);
    assert.deepEqual(writesSince(env, a), []);
    assert.equal(pushesSince(env, g), 0);
  });

  it('moves the last plain assignment to the newest release, never to its candidates', async () => {
    // 1.17.0: two candidates, then the release; all passed the gate.
    Object.assign(
      t,
      await release(seabiosTree, [
        ['rel-1.17.0-rc1', '205'],
        ['rel-1.17.0-rc2', '206'],
        ['rel-1.17.0', '207'],
      ]),
    );
    await publish(seabiosTree, seabios, ['--all']);
    await publish(seabiosTree, seabios, ['--tags', `+${NOTES}:${NOTES}`]);
    const run = await runTrack(env, XEN, pin('seabios', 'SEABIOS_UPSTREAM_REVISION', 'rel-*'));
    assertClean(run);
    const [o] = reported(run);
    assert.equal(o?.operation, 'created', run.log);
    const pr = pullsOf(env, XEN).find((p) => p.number === o.number)!;
    assert.equal(pr.title, 'Update SEABIOS_UPSTREAM_REVISION to rel-1.17.0');
    // Exactly one line changed: the pin, not the legacy assignment in the ifneq block.
    assert.equal(
      await configOf(o.number),
      original
        .replace(
          'SEABIOS_UPSTREAM_REVISION ?= rel-1.16.3',
          'SEABIOS_UPSTREAM_REVISION ?= rel-1.17.0',
        )
        .trimEnd(),
    );
    assert.match(pr.body ?? '', /actions\/runs\/207/);
    assert.match(pr.body ?? '', /release rel-1\.17\.0-rc1/);
  });

  it('ranks QEMU release candidates below the release: v9.2.0, not v9.2.0-rc4', async () => {
    const run = await runTrack(
      env,
      XEN,
      pin('qemu-xen', 'QEMU_UPSTREAM_REVISION', 'v*', { target: 'stable-4.19' }),
    );
    assertClean(run);
    const [o] = reported(run);
    assert.equal(o?.operation, 'created', run.log);
    const pr = pullsOf(env, XEN).find((p) => p.number === o.number)!;
    assert.equal(pr.title, 'Update QEMU_UPSTREAM_REVISION to v9.2.0');
    assert.match(await configOf(o.number), /^QEMU_UPSTREAM_REVISION \?= v9\.2\.0$/m);
  });

  it('leaves a pin that follows a branch (QEMU master) alone, with a notice', async () => {
    const [a, g] = [env.api.requests.length, env.server.requests.length];
    const run = await runTrack(env, XEN, pin('qemu-xen', 'QEMU_UPSTREAM_REVISION', 'v*'));
    assertClean(run);
    assert.deepEqual(reported(run), []);
    const notice = run.annotations.find((x) => x.level === 'notice');
    assert.match(
      notice?.message ?? '',
      /QEMU_UPSTREAM_REVISION follows the branch master of .*qemu-xen\.git.*left alone/,
      run.log,
    );
    assert.match(run.summary, /follows the branch master/);
    assert.deepEqual(writesSince(env, a), []);
    assert.equal(pushesSince(env, g), 0);
  });

  it('warns when no matching tag has a flight record, and says how to proceed', async () => {
    const [a, g] = [env.api.requests.length, env.server.requests.length];
    const run = await runTrack(
      env,
      XEN,
      pin('mini-os', 'MINIOS_UPSTREAM_REVISION', 'xen-RELEASE-*'),
    );
    assertClean(run);
    assert.deepEqual(reported(run), []);
    const warning = run.annotations.find((x) => x.level === 'warning');
    assert.match(warning?.message ?? '', /No flight record/, run.log);
    assert.match(warning?.message ?? '', /refs\/notes\/tributary\/flights/);
    assert.match(warning?.message ?? '', /require-flight: false/);
    assert.match(warning?.message ?? '', /xen-RELEASE-4\.20\.0/);
    assert.deepEqual(writesSince(env, a), []);
    assert.equal(pushesSince(env, g), 0);
  });

  it('pins the newest matching tag without a flight record when require-flight is false', async () => {
    const run = await runTrack(
      env,
      XEN,
      pin('mini-os', 'MINIOS_UPSTREAM_REVISION', 'xen-RELEASE-*', { 'require-flight': 'false' }),
    );
    assertClean(run);
    const [o] = reported(run);
    assert.equal(o?.operation, 'created', run.log);
    const pr = pullsOf(env, XEN).find((p) => p.number === o.number)!;
    assert.equal(pr.title, 'Update MINIOS_UPSTREAM_REVISION to xen-RELEASE-4.20.0');
    assert.match(await configOf(o.number), /^MINIOS_UPSTREAM_REVISION \?= xen-RELEASE-4\.20\.0$/m);
    assert.match(pr.body ?? '', /no flight record/i);
    assert.match(pr.body ?? '', /require-flight/);
  });

  it('reports a damaged flight record: it counts neither as a pass nor as no record', async () => {
    // A record this version cannot read on the newest tag: never taken as untested.
    const newest = t['xen-RELEASE-4.20.0'];
    await writeNote(miniosHosted, NOTES, newest, '{"format":"tributary.flight/v1","flight":\n');
    try {
      const run = await runTrack(
        env,
        XEN,
        pin('mini-os', 'MINIOS_UPSTREAM_REVISION', 'xen-RELEASE-*', { 'require-flight': 'false' }),
      );
      assert.equal(run.code, 0, run.log);
      const warning = run.annotations.find(
        (x) => x.level === 'warning' && /cannot be read/.test(x.message),
      );
      assert.ok(warning, run.log);
      assert.ok(warning.message.includes(newest), 'names the commit');
      assert.match(warning.message, /mini-os\.git refs\/notes\/tributary\/flights/);
      assert.match(
        run.summary,
        /1 flight record\(s\) in refs\/notes\/tributary\/flights of .*mini-os\.git could not be read/,
      );
      const open = pullsOf(env, XEN).filter((p) => p.state === 'open');
      assert.ok(
        !open.some((p) => p.title === 'Update MINIOS_UPSTREAM_REVISION to xen-RELEASE-4.20.0'),
        'the tag with the damaged record is not pinned',
      );
    } finally {
      await miniosHosted.deleteRef(NOTES);
    }
  });

  it('refuses a variable that is only ever computed, listing every line that assigns it (exit 2)', async () => {
    const [a, g] = [env.api.requests.length, env.server.requests.length];
    const cli = await new Promise<{ code: number; out: string }>((resolve) => {
      const child = spawn(
        process.execPath,
        [
          join(repoRoot, 'dist', 'cli', 'index.js'),
          'track',
          'pin',
          '--repository',
          XEN,
          '--git-url',
          env.server.repoUrl(`${XEN}.git`),
          '--tree-url',
          env.server.repoUrl('xen-project/qemu-xen.git'),
          '--pin-branch',
          'master',
          '--pin-file',
          'Config.mk',
          '--pin-variable',
          'QEMU_TRADITIONAL_LOC',
          '--work-directory',
          join(env.tmp.path, 'cli-work'),
        ],
        {
          env: {
            ...process.env,
            TRIBUTARY_TOKEN: TOKEN,
            GITHUB_API_URL: env.api.url,
            TRIBUTARY_GITHUB_SPACE_WRITES: 'false',
          },
        },
      );
      let out = '';
      child.stdout.on('data', (b) => (out += b));
      child.stderr.on('data', (b) => (out += b));
      child.on('close', (code) => resolve({ code: code ?? 1, out }));
    });
    assert.equal(cli.code, 2, cli.out);
    assert.match(cli.out, /pin-variable/);
    assert.match(cli.out, /Config\.mk:18: QEMU_TRADITIONAL_LOC \?= \$\(CONFIG_QEMU\)/);
    assert.match(cli.out, /Config\.mk:43: QEMU_TRADITIONAL_LOC \?= \$\(call or/);
    assert.ok(!cli.out.includes(TOKEN));
    assert.deepEqual(writesSince(env, a), []);
    assert.equal(pushesSince(env, g), 0);
  });

  it('names tree-url when the hosted tree cannot be reached, changing nothing', async () => {
    const [a, g] = [env.api.requests.length, env.server.requests.length];
    const run = await runTrack(env, XEN, {
      ...pin('seabios', 'SEABIOS_UPSTREAM_REVISION', 'rel-*'),
      'tree-url': env.server.repoUrl('xen-project/seabios-typo.git'),
    });
    assert.equal(run.code, 1);
    const error = run.annotations.find((x) => x.level === 'error');
    assert.match(error?.message ?? '', /tree-url/, run.log);
    assert.match(error?.message ?? '', /seabios-typo\.git/);
    assert.ok(!run.log.includes(TOKEN));
    assert.deepEqual(writesSince(env, a), []);
    assert.equal(pushesSince(env, g), 0);
  });
});
