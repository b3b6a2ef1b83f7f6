import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ConfigurationError } from '../../actions/lib/errors.js';
import { valuesReader, type SettingDeclarations } from '../../actions/lib/settings.js';
import {
  parseTrackSettings,
  TRACK_SETTINGS,
  validateSettings,
} from '../../actions/lib/track/settings.js';
import { markerKey, parseMarker, renderMarker } from '../../actions/lib/track/marker.js';
import { addTrailers } from '../../actions/lib/track/history.js';
import { sameOrigin } from '../../actions/lib/track/track.js';
import { assignmentsOf, pinAssignment } from '../../actions/lib/track/pin-spot.js';
import {
  compareVersions,
  newestFirst,
  PRERELEASE_SUFFIXES,
} from '../../actions/lib/track/versions.js';
import { initRepository } from '../../actions/lib/git.js';
import { parseCommandLine } from '../../cli/options.js';
import { trackSpec } from '../../cli/track.js';
import { tempDir, WorkTree } from '../harness/fixtures.js';
import { readActionMetadata, repoRoot } from '../harness/runner.js';
import {
  TOKEN,
  hostedRepository,
  publish,
  pullsOf,
  startTrackEnv,
  writesSince,
  type TrackEnv,
} from './helpers.js';

const build = (values: Record<string, string>) =>
  parseTrackSettings(valuesReader({ token: 't', ...values }), {
    defaultWorkDir: '/tmp/x',
    serverUrl: 'https://github.com',
  });
const parseOptions = (args: string[]) => {
  const { read } = parseCommandLine(trackSpec, ['sync', ...args], () => {});
  return { get: (name: string) => read.get(name) };
};

describe('track settings, markers and messages', () => {
  it('names every option once: action.yml declares exactly the options, with the same defaults', () => {
    const meta = readActionMetadata('track-upstream');
    const declared: SettingDeclarations = TRACK_SETTINGS;
    assert.deepEqual(Object.keys(meta.inputs ?? {}).sort(), Object.keys(declared).sort());
    for (const [name, spec] of Object.entries(meta.inputs ?? {})) {
      if (!String(spec.default ?? '').includes('${{'))
        assert.equal(
          String(spec.default ?? ''),
          declared[name].default ?? '',
          `default of ${name}`,
        );
    }
  });

  it('turns a marker into a key and back, and ignores a damaged one', () => {
    const body = `text\n\n${renderMarker({ v: 1, mode: 'backport', target: 'staging', subject: 'ab--cd', head: 'x' })}\n`;
    const m = parseMarker(body);
    assert.equal(m?.subject, 'ab--cd');
    assert.ok(!body.slice(body.indexOf('<!--') + 4, body.lastIndexOf('-->')).includes('--'));
    assert.equal(markerKey(m!), 'backport:staging:ab--cd');
    assert.equal(parseMarker('<!-- tributary:track {"v":1,"mode": -->'), undefined);
    assert.equal(parseMarker('no marker'), undefined);
  });

  it('refuses bad input with the input named and the value quoted', () => {
    const bad: [Record<string, string>, RegExp][] = [
      [{ mode: 'merge', repository: 'o/r' }, /Invalid input 'mode' 'merge'/],
      [{ mode: 'sync', repository: 'o/r' }, /Invalid input 'upstream' ''/],
      [
        { mode: 'sync', repository: 'o/r', upstream: 'u', 'stable-patterns': '(' },
        /Invalid input 'stable-patterns' '\('/,
      ],
      [{ mode: 'sync', repository: 'o', upstream: 'u' }, /Invalid input 'repository' 'o'/],
      [
        { mode: 'backport', repository: 'o/r', upstream: 'u', grouping: 'all' },
        /Invalid input 'grouping' 'all'/,
      ],
      [
        { mode: 'pin', repository: 'o/r', 'pin-pattern': 'x' },
        /Invalid input 'pin-pattern' 'x'.*capture group/,
      ],
    ];
    for (const [values, message] of bad)
      assert.throws(
        () => build(values),
        (e: Error) => e instanceof ConfigurationError && message.test(e.message),
      );
  });

  it('reads max-pull-requests (default 20), dry-run and require-flight, and refuses what cannot be', () => {
    const backport = { mode: 'backport', repository: 'o/r', upstream: 'u' };
    assert.equal(build(backport).maxPullRequests, 20);
    assert.equal(build(backport).dryRun, false);
    assert.equal(build({ ...backport, 'max-pull-requests': '3' }).maxPullRequests, 3);
    assert.equal(build({ mode: 'pin', repository: 'o/r' }).pin?.requireFlight, true);
    assert.equal(
      build({ mode: 'pin', repository: 'o/r', 'require-flight': 'false' }).pin?.requireFlight,
      false,
    );
    for (const bad of ['0', '-1', 'many', '2.5'])
      assert.throws(
        () => build({ ...backport, 'max-pull-requests': bad }),
        new RegExp(`Invalid input 'max-pull-requests' '${bad.replace('.', '\\.')}'`),
      );
    const dry = { ...build({ mode: 'sync', repository: 'o/r', upstream: 'u', 'dry-run': 'true' }) };
    assert.throws(() => validateSettings(dry), /Input 'dry-run': only backport mode has a dry run/);
  });

  it('takes a switch on the command line alone or with its value', () => {
    assert.equal(parseOptions(['--dry-run']).get('dry-run'), 'true');
    assert.equal(parseOptions(['--dry-run', '--grouping', 'batch']).get('dry-run'), 'true');
    assert.equal(parseOptions(['--require-flight', 'false']).get('require-flight'), 'false');
    assert.equal(parseOptions(['--draft=false']).get('draft'), 'false');
  });

  it('ranks tags as git tag --sort=version:refname does with the pre-release suffixes', async () => {
    const tags = [
      'v9.1.0',
      'v9.2.0',
      'v9.2.0-rc1',
      'v9.2.0-rc4',
      'v9.2.0-rc10',
      'v9.2.1',
      'v10.0.0-rc1',
      'v10.0.0',
      'v10.0.0-beta1',
      'v10.0.0-alpha2',
      'v10.0.0-pre',
      'rel-1.16.2',
      'rel-1.16.3',
      'rel-1.16.3-rc1',
      'rel-1.16.3-rc2',
      'rel-1.17.0',
      'rel-1.17.0-rc1',
      'rel-1.9.0',
      'xen-RELEASE-4.19.0',
      'xen-RELEASE-4.19.0-rc3',
      'xen-RELEASE-4.20.0',
    ];
    const tmp = tempDir('track-versions-');
    try {
      const git = await initRepository(join(tmp.path, 'r.git'));
      const blob = await git.run(['hash-object', '-w', '--stdin'], { input: 'x' });
      const tree = await git.run(['mktree'], { input: `100644 blob ${blob}\tx\n` });
      const commit = await git.commitTree(tree, [], 'tags\n');
      for (const t of tags) await git.run(['tag', t, commit]);
      const suffixes = PRERELEASE_SUFFIXES.flatMap((x) => ['-c', `versionsort.suffix=${x}`]);
      const byGit = (await git.run([...suffixes, 'tag', '--list', '--sort=version:refname'])).split(
        '\n',
      );
      assert.deepEqual(newestFirst(tags), [...byGit].reverse());
    } finally {
      tmp.cleanup();
    }
    assert.ok(compareVersions('v9.2.0-rc4', 'v9.2.0') < 0);
    assert.ok(compareVersions('rel-1.16.3', 'rel-1.16.3-rc1') > 0);
    assert.ok(compareVersions('v9.2.0-beta1', 'v9.2.0-rc1') < 0);
  });

  it('finds the pin line of a Makefile variable: the last plain =, := or ?=', () => {
    const mk = [
      'ifneq (,$(SEABIOS_UPSTREAM_TAG))',
      'SEABIOS_UPSTREAM_REVISION ?= $(SEABIOS_UPSTREAM_TAG)',
      'endif',
      'SEABIOS_UPSTREAM_REVISION ?= rel-1.16.3 # the release',
      'SEABIOS_UPSTREAM_REVISION += extra',
      'define shown',
      'SEABIOS_UPSTREAM_REVISION = inside-a-define',
      'endef',
      'OTHER = a \\',
      '  SEABIOS_UPSTREAM_REVISION = continued',
      'QEMU_LOC ?= $(call or,$(wildcard x),\\',
      '            $(QEMU_URL))',
      'QEMU_LOC := ${QEMU_URL}',
      '',
    ].join('\n');
    const pin = pinAssignment(mk, 'SEABIOS_UPSTREAM_REVISION', { file: 'Config.mk', target: 'x' });
    assert.equal(pin.line, 4);
    assert.equal(pin.value, 'rel-1.16.3');
    assert.equal(mk.slice(pin.start, pin.end), 'rel-1.16.3');
    assert.deepEqual(
      assignmentsOf(mk, 'SEABIOS_UPSTREAM_REVISION').map((a) => a.line),
      [2, 4, 5],
    );
    assert.throws(
      () => pinAssignment(mk, 'QEMU_LOC', { file: 'Config.mk', target: 'x' }),
      (e: Error) =>
        e instanceof ConfigurationError &&
        /Config\.mk:11: QEMU_LOC \?= \$\(call or/.test(e.message) &&
        /Config\.mk:13: QEMU_LOC := \$\{QEMU_URL\}/.test(e.message),
    );
    assert.throws(
      () => pinAssignment(mk, 'NOPE', { file: 'Config.mk', target: 'x' }),
      /no assignment to NOPE/,
    );
  });

  it('sends the token only to the same server', () => {
    assert.ok(sameOrigin('https://github.com/a/b.git', 'https://github.com/c/d.git'));
    assert.ok(
      !sameOrigin('https://gitlab.com/qemu-project/qemu.git', 'https://github.com/c/d.git'),
    );
    assert.ok(!sameOrigin('http://127.0.0.1:1/a', 'http://127.0.0.1:2/a'));
  });

  it('adds -x and Signed-off-by lines the way git does', () => {
    assert.equal(
      addTrailers('subject\n\nbody\n', ['(cherry picked from commit abc)']),
      'subject\n\nbody\n\n(cherry picked from commit abc)\n',
    );
    assert.equal(
      addTrailers('subject\n\nbody\n\nSigned-off-by: A <a@x>\n', [
        '(cherry picked from commit abc)',
        'Signed-off-by: B <b@x>',
      ]),
      'subject\n\nbody\n\nSigned-off-by: A <a@x>\n(cherry picked from commit abc)\nSigned-off-by: B <b@x>\n',
    );
  });
});

describe('tributary track on the command line', () => {
  let env: TrackEnv;
  before(async () => {
    env = await startTrackEnv();
    const bare = await hostedRepository(env, 'xen-project/cli');
    const work = await WorkTree.create(join(env.tmp.path, 'cli'), 'staging');
    await work.commit('base', { 'a.txt': 'a\n' });
    await work.git.run(['checkout', '--quiet', '-b', 'upstream/stable']);
    await work.commit('upstream fix', { 'b.txt': 'b\n' });
    await publish(work, bare, ['--all']);
  });
  after(() => env.close());

  const cli = (args: string[]) =>
    new Promise<{ code: number; out: string }>((resolve) => {
      const child = spawn(
        process.execPath,
        [join(repoRoot, 'build', 'cli', 'tributary.js'), ...args],
        {
          env: {
            ...process.env,
            GITHUB_TOKEN: TOKEN,
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

  it('opens the pull request, then leaves it be, with the token only in the environment', async () => {
    const args = [
      'track',
      'sync',
      '--repository',
      'xen-project/cli',
      '--git-url',
      env.server.repoUrl('xen-project/cli.git'),
      '--upstream',
      'upstream/stable',
      '--work-directory',
      join(env.tmp.path, 'cli-work'),
    ];
    const first = await cli(args);
    assert.equal(first.code, 0, first.out);
    assert.match(first.out, /created\s+#1 /);
    assert.ok(!first.out.includes(TOKEN));
    const a = env.api.requests.length;
    const second = await cli(args);
    assert.equal(second.code, 0, second.out);
    assert.match(second.out, /unchanged\s+#1 /);
    assert.deepEqual(writesSince(env, a), []);
    assert.equal(pullsOf(env, 'xen-project/cli').length, 1);
    const bad = await cli([
      'track',
      'sync',
      '--repository',
      'xen-project/cli',
      '--upstream',
      'x',
      '--pin-pattern',
    ]);
    assert.equal(bad.code, 2, bad.out);
  });
});
