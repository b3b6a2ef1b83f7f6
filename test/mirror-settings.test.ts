/** The mirror's input parsing: ref selection and renaming, sources and destinations. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigurationError } from '../actions/lib/errors.js';
import { transportOf } from '../actions/lib/git.js';
import { RefMapper, isValidRefName, splitPatterns } from '../actions/lib/mirror/refs.js';
import { buildMirrorSettings, parseRemote } from '../actions/lib/mirror/settings.js';
import { resolveSubmoduleUrl, treeName } from '../actions/lib/mirror/submodules.js';

const refs = (...names: string[]) => new Map(names.map((n, i) => [n, String(i).padStart(40, '0')]));

describe('mirror ref selection', () => {
  it('selects every branch and tag by default, and nothing else', () => {
    const m = new RefMapper();
    for (const r of ['refs/heads/master', 'refs/heads/a/b/c', 'refs/tags/v1.0'])
      assert.ok(m.selects(r), r);
    for (const r of [
      'refs/pull/1/head',
      'HEAD',
      'refs/changes/01/1/1',
      'refs/notes/commits',
      'refs/remotes/origin/HEAD',
    ])
      assert.ok(!m.selects(r), r);
  });

  it('applies globs, bare names for branches and tags, and exclusions', () => {
    const m = new RefMapper({ patterns: ['stable-*', '!stable-0.*', 'refs/tags/v*', 'master'] });
    assert.deepEqual(
      [
        'refs/heads/master',
        'refs/heads/stable-1.0',
        'refs/heads/stable-0.9',
        'refs/heads/stable-1.0/x',
        'refs/heads/feature',
        'refs/tags/v1.0',
        'refs/tags/stable-2',
        'refs/tags/rel-1',
      ].filter((r) => m.selects(r)),
      ['refs/heads/master', 'refs/heads/stable-1.0', 'refs/tags/v1.0', 'refs/tags/stable-2'],
    );
    assert.ok(new RefMapper({ patterns: ['refs/heads/**'] }).selects('refs/heads/a/b'));
  });

  it('maps with a prefix and map rules, and owns only the names it maps to', () => {
    const m = new RefMapper({
      patterns: ['master', 'stable-*'],
      prefix: 'upstream/',
      map: ['refs/heads/feature/*:refs/heads/upstream-feature/*'],
    });
    assert.equal(m.map('refs/heads/master'), 'refs/heads/upstream/master');
    assert.equal(m.map('refs/heads/feature/x'), 'refs/heads/upstream-feature/x');
    assert.equal(m.map('refs/tags/v1'), 'refs/tags/v1');
    assert.ok(m.selects('refs/heads/feature/x'), 'a map rule selects its sources');
    assert.ok(m.owns('refs/heads/upstream/master'));
    assert.ok(m.owns('refs/heads/upstream/stable-2'));
    assert.ok(m.owns('refs/heads/upstream-feature/y'));
    assert.ok(!m.owns('refs/heads/master'), "the hosted tree's own branch");
    assert.ok(!m.owns('refs/heads/staging'));
    assert.ok(!m.owns('refs/heads/upstream/feature-y'), 'outside the patterns');
    assert.deepEqual(
      [...m.apply(refs('refs/heads/master', 'refs/heads/x', 'refs/pull/1/head')).keys()],
      ['refs/heads/upstream/master'],
    );
  });

  it('refuses two upstream refs landing on one name', () => {
    const m = new RefMapper({ map: ['refs/heads/a:refs/heads/z', 'refs/heads/b:refs/heads/z'] });
    assert.throws(
      () => m.apply(refs('refs/heads/a', 'refs/heads/b')),
      /both be mirrored as refs\/heads\/z/,
    );
  });

  it('refuses malformed patterns, map rules and prefixes, naming the input', () => {
    const bad: [object, string][] = [
      [{ patterns: ['refs/pull/*'] }, "input 'refs'"],
      [{ patterns: ['stable-[0-9'] }, "input 'refs'"],
      [{ patterns: ['a..b'] }, "input 'refs'"],
      [{ patterns: ['a b'] }, "input 'refs'"],
      [{ patterns: ['!'] }, "input 'refs'"],
      [{ patterns: ['refs/heads/'] }, "input 'refs'"],
      [{ map: ['refs/heads/a'] }, "input 'map'"],
      [{ map: ['refs/heads/*:refs/tags/*'] }, "input 'map'"],
      [{ map: ['refs/heads/*:refs/heads/x'] }, "input 'map'"],
      [{ map: ['refs/heads/a*b*:refs/heads/*'] }, "input 'map'"],
      [{ prefix: '../x' }, "input 'prefix'"],
      [{ tagPrefix: 'a b/' }, "input 'tag-prefix'"],
    ];
    for (const [input, subject] of bad)
      assert.throws(
        () => new RefMapper(input),
        (e: Error) =>
          e instanceof ConfigurationError &&
          e.message.includes(subject) &&
          /Expected/.test(e.message),
        JSON.stringify(input),
      );
  });

  it('splits a list as both front ends take it, never inside braces', () => {
    assert.deepEqual(splitPatterns('master, stable-*\nrefs/tags/v{8,9}.*,!v{8,9}.0-rc* # rc'), [
      'master',
      'stable-*',
      'refs/tags/v{8,9}.*',
      '!v{8,9}.0-rc*',
    ]);
    assert.deepEqual(splitPatterns(' , \n# only a comment\n'), []);
    const m = new RefMapper({ patterns: splitPatterns('refs/tags/v{8,9}.*') });
    assert.ok(
      m.selects('refs/tags/v8.2') && m.selects('refs/tags/v9.0') && !m.selects('refs/tags/v7.1'),
    );
    assert.equal(m.describe(), "refs 'refs/tags/v{8,9}.*'");
    assert.equal(new RefMapper().describe(), 'every branch and tag (no refs given)');
  });

  it('knows valid ref names', () => {
    assert.ok(isValidRefName('refs/heads/upstream/master'));
    for (const r of [
      'refs/heads/a..b',
      'refs/heads/a.lock',
      'refs/heads/.a',
      'refs/heads/a b',
      'refs/heads/a:b',
      'heads/x',
      'refs/heads/a/',
    ])
      assert.ok(!isValidRefName(r), r);
  });
});

describe('mirror sources and destinations', () => {
  it('accepts the allowed transports and local paths', () => {
    assert.equal(
      transportOf(parseRemote('source', 'https://gitlab.com/qemu-project/qemu.git').url),
      'https',
    );
    assert.equal(transportOf(parseRemote('source', 'ssh://git@example.org/qemu.git').url), 'ssh');
    assert.equal(transportOf(parseRemote('source', 'git@github.com:qemu/qemu.git').url), 'ssh');
    assert.equal(transportOf(parseRemote('source', 'git://git.qemu.org/qemu.git').url), 'git');
    assert.deepEqual(parseRemote('source', 'file:///srv/git/qemu.git'), {
      url: '/srv/git/qemu.git',
    });
    assert.equal(transportOf('/srv/git/qemu.git'), 'local');
    assert.equal(
      parseRemote('source', './qemu.git', { workingDirectory: '/w' }).url,
      '/w/qemu.git',
    );
    assert.equal(transportOf(parseRemote('source', 'http://127.0.0.1:8080/qemu.git').url), 'http');
    assert.deepEqual(
      parseRemote('destination', 'xen-project/qemu', {
        ownerRepo: true,
        serverUrl: 'https://ghe.example.org/',
      }),
      {
        url: 'https://ghe.example.org/xen-project/qemu.git',
        name: 'xen-project/qemu',
      },
    );
  });

  it('refuses other transports and credentials in URLs without printing them', () => {
    for (const v of [
      'ext::sh -c touch% /tmp/pwned',
      'fd::3',
      'foo::bar',
      'ftp://example.org/x.git',
      'http://example.org/x.git',
      'https://[bad',
      'https://user:s3cretpassw0rd@example.org/x.git',
      'https://s3cretpassw0rd@example.org/x.git',
      'https://example.org/x.git?token=1',
      '-uhack',
      'qemu',
      'owner/repo',
    ])
      assert.throws(
        () => parseRemote('source', v),
        (e: Error) =>
          e instanceof ConfigurationError &&
          /input 'source'/.test(e.message) &&
          !e.message.includes('s3cretpassw0rd'),
        v,
      );
  });

  it('needs a token for an https destination', () => {
    const base = {
      source: 'https://example.org/qemu.git',
      destination: 'xen-project/qemu',
      cacheRoot: '/tmp/c',
    };
    assert.throws(() => buildMirrorSettings(base), /Input 'token' is empty/);
    assert.ok(buildMirrorSettings({ ...base, token: 'ghs_x' }));
    assert.throws(
      () => buildMirrorSettings({ ...base, token: 'ghs_x', submodules: true }),
      /input 'submodule-destination'/,
    );
  });

  it('takes retries as a number or as written, quoting what is not a number', () => {
    const base = { source: '/srv/a.git', destination: '/srv/b.git', cacheRoot: '/tmp/c' };
    assert.equal(buildMirrorSettings(base).retries, 3);
    assert.equal(buildMirrorSettings({ ...base, retries: ' 5 ' }).retries, 5);
    assert.equal(buildMirrorSettings({ ...base, retries: 0 }).retries, 0);
    for (const v of ['abc', '1.5', '-1', '11'])
      assert.throws(
        () => buildMirrorSettings({ ...base, retries: v }),
        new RegExp(`Invalid input 'retries' '${v.replace('.', '\\.')}'`),
        v,
      );
  });

  it('resolves submodule URLs relative to the superproject', () => {
    const sup = parseRemote('source', 'https://gitlab.com/qemu-project/qemu.git');
    assert.equal(
      resolveSubmoduleUrl('../seabios.git', sup),
      'https://gitlab.com/qemu-project/seabios.git',
    );
    assert.equal(resolveSubmoduleUrl('https://x.org/a.git', sup), 'https://x.org/a.git');
    assert.equal(treeName('https://gitlab.com/qemu-project/seabios.git/'), 'seabios');
    assert.equal(treeName('git@host:org/ipxe.git'), 'ipxe');
  });
});
