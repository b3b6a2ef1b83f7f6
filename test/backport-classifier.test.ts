import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  classifyCommits,
  countClasses,
  type Classification,
} from '../actions/lib/backport/classifier.js';
import { FactsCache } from '../actions/lib/backport/facts.js';
import { parsePolicy } from '../actions/lib/backport/policy.js';
import { ConfigurationError } from '../actions/lib/errors.js';
import { MemoryLogger } from '../actions/lib/log.js';
import { tempDir, WorkTree } from './harness/fixtures.js';
import { buildHistory, type History } from './backport/history.js';

const policy = parsePolicy({
  subjects: ['^update Xen version to'],
  referencePatterns: ['^Upstream-ref: ([0-9a-f]+)$'],
});

describe('commit classifier over a synthetic history with every reference form', () => {
  const tmp = tempDir();
  let h: History;
  let list: Classification[];
  const of = (name: string) => {
    const c = list.find((x) => x.commit === h.d[name]);
    assert.ok(c, `${name} was classified`);
    return c;
  };
  const options = () => ({
    git: h.downstream.git,
    base: h.release,
    head: 'HEAD',
    development: 'refs/remotes/upstream/master',
    followed: 'refs/remotes/upstream/stable-1.0',
    policy,
    upstreamRefs: ['refs/remotes/upstream/'],
    cache: join(tmp.path, 'cache'),
  });

  before(async () => {
    h = await buildHistory(tmp.path);
    list = await classifyCommits(options());
  });
  after(() => tmp.cleanup());

  it('classifies every downstream commit once, oldest first, leaving upstream commits out', () => {
    assert.equal(list.length, Object.keys(h.d).length);
    assert.equal(list[0].commit, h.d.cherryPicked);
    assert.equal(list.at(-1)!.commit, h.d.sync);
    assert.ok(
      !list.some((c) => c.commit === h.u.S1),
      'the synced upstream commit is not classified',
    );
  });

  it('reads each reference form as written and checks the patch against the named commit', () => {
    const cases: [string, string, string][] = [
      ['cherryPicked', 'U1', 'cherry-picked'],
      ['upstreamCommit', 'U2', 'upstream-commit'],
      ['upstreamBracket', 'U3', 'upstream-bracket'],
      ['masterCommit', 'U4', 'master-commit'],
      ['prefixUpstream', 'U10', 'cherry-picked'],
    ];
    for (const [name, upstream, form] of cases) {
      const c = of(name);
      assert.equal(c.class, 'backport', name);
      assert.equal(c.upstream, h.u[upstream], name);
      assert.equal(c.reference?.form, form, name);
      assert.equal(c.patch, 'identical', name);
      assert.deepEqual(c.warnings, [], name);
    }
    assert.deepEqual(of('masterCommit').notes, ['master date: 2025-01-14 10:20:30 +0100']);
  });

  it('accepts a modified backport that explains itself, and warns about one that does not', () => {
    const explained = of('backportedFrom');
    assert.equal(explained.class, 'backport');
    assert.equal(explained.reference?.form, 'backported-from');
    assert.equal(explained.patch, 'modified');
    assert.deepEqual(explained.warnings, []);
    assert.match(explained.notes.join(), /bp: only the first hunk applies/);
    assert.equal(of('prefixBackport').patch, 'modified');
    assert.deepEqual(of('prefixBackport').warnings, []);

    for (const name of ['backportOf', 'conflicted', 'custom']) {
      const c = of(name);
      assert.equal(c.class, 'backport', name);
      assert.equal(c.patch, name === 'custom' ? 'identical' : 'modified', name);
    }
    assert.match(of('backportOf').warnings.join(), /modified backport of .* without a note/);
    assert.equal(of('custom').reference?.form, 'custom');
    assert.equal(of('custom').upstream, h.u.U16);
  });

  it('sees through a conflicted -x pick whose patch differs from upstream', () => {
    const c = of('conflicted');
    assert.equal(c.reference?.form, 'cherry-picked');
    assert.equal(c.upstream, h.u.U11);
    assert.equal(c.patch, 'modified');
    assert.match(c.warnings.join(), /without a note/);
  });

  it('warns when upstream reverted the commit since, or fixed it in a commit not carried', () => {
    assert.match(of('revertedUpstream').warnings.join(), /upstream has since reverted/);
    assert.match(of('revertedUpstream').warnings.join(), new RegExp(h.u.U5revert.slice(0, 12)));
    assert.match(of('fixedUpstream').warnings.join(), /Fixes:/);
    assert.match(of('fixedUpstream').warnings.join(), new RegExp(h.u.U6fix.slice(0, 12)));
  });

  it('recognises an unreferenced pick by its patch, also when only the context moved', () => {
    assert.equal(of('samePatch').class, 'upstream');
    assert.equal(of('samePatch').upstream, h.u.U12);
    assert.equal(of('samePatch').patch, 'identical');
    const moved = of('contextMoved');
    assert.equal(moved.class, 'upstream');
    assert.equal(moved.upstream, h.u.U13);
    assert.equal(moved.patch, 'context-moved');
    assert.match(moved.notes.join(), /context moved/);
  });

  it('shows the reasons of downstream-only commits and of reverts', () => {
    assert.equal(of('localTweak').class, 'downstream-only');
    assert.equal(of('localTweak').reason, "Xen's build needs it");
    assert.equal(of('releaseCommit').class, 'downstream-only');
    assert.equal(of('releaseCommit').reason, 'update Xen version to 4.20.1');
    const revert = of('revert');
    assert.equal(revert.class, 'revert');
    assert.equal(revert.reverts, h.d.mistake);
    assert.equal(revert.reason, 'No longer needed.');
    assert.equal(of('sync').class, 'sync');
  });

  it('calls every bad reference a violation with a reason that says what is wrong', () => {
    const expect: [string, RegExp][] = [
      [
        'prefixFromgit',
        /points into a branch that is not the upstream development branch upstream\/master \(it is on upstream\/next\)/,
      ],
      ['prefixFromlist', /FROMLIST/],
      ['tooShort', /too short to be sure \(10 hex digits, at least 12/],
      ['notHex', /not a hexadecimal commit id/],
      ['treeObject', /names a tree object, not a commit/],
      ['notFound', /is not found upstream/],
      ['noReference', /no upstream reference/],
      ['revertsUpstream', /not a downstream commit/],
    ];
    for (const [name, re] of expect) {
      assert.equal(of(name).class, 'violation', name);
      assert.match(of(name).reason ?? '', re, name);
    }
    const counts = countClasses(list);
    assert.equal(counts.violation, expect.length);
    assert.equal(counts.commits, list.length);
  });

  it('answers a warm run from the cache without computing a patch-id or reading a diff', async () => {
    const cache = FactsCache.load(join(tmp.path, 'cache'), policy);
    assert.ok(cache.size >= list.length);
    const logger = new MemoryLogger();
    const again = await classifyCommits({ ...options(), cache, logger });
    assert.deepEqual(again, list);
    assert.ok(
      !logger.lines.some((l) => /computing patch-ids|reading \d+ commits/.test(l)),
      logger.lines.join('\n'),
    );
  });

  it('fetches a referenced commit that is missing before calling it not found', async () => {
    const asked: string[][] = [];
    const again = await classifyCommits({
      ...options(),
      fetchMissing: async (ids) => {
        asked.push(ids);
      },
    });
    assert.deepEqual(asked, [['0123456789abcdef0123456789abcdef01234567']]);
    assert.equal(again.find((c) => c.commit === h.d.notFound)?.class, 'violation');
  });

  it('classifies an empty range as nothing, and refuses a revision that names no commit', async () => {
    assert.deepEqual(await classifyCommits({ ...options(), base: 'HEAD' }), []);
    await assert.rejects(
      classifyCommits({ ...options(), development: 'refs/remotes/upstream/nope' }),
      (e: Error) =>
        e instanceof ConfigurationError &&
        /upstream development branch 'refs\/remotes\/upstream\/nope'/.test(e.message),
    );
  });
});

describe('an abbreviated reference that is ambiguous', () => {
  const tmp = tempDir();
  after(() => tmp.cleanup());

  it('is a violation that says so, not a crash', async () => {
    const t = await WorkTree.create(join(tmp.path, 'repo'));
    const root = await t.commit('root', { 'a.txt': 'a\n' });
    // Enough blobs that two share their first 7 hex digits.
    const blobs = Array.from({ length: 12000 }, (_, i) => `blob ${i}\n`);
    const input = blobs.map((b) => `blob\ndata ${b.length}\n${b}\n`).join('');
    await t.git.run(['fast-import', '--quiet'], { input });
    const all = (
      await t.git.run(['cat-file', '--batch-check=%(objectname)', '--batch-all-objects'])
    ).split('\n');
    const seen = new Map<string, string>();
    let prefix = '';
    for (const id of all) {
      const k = id.slice(0, 7);
      if (seen.has(k)) {
        prefix = k;
        break;
      }
      seen.set(k, id);
    }
    assert.ok(prefix, 'found two objects sharing a prefix');
    await t.git.run(['branch', 'upstream', root]);
    await t.commit(`x: fix\n\n(cherry picked from commit ${prefix})`, { 'x.txt': 'x\n' });
    const [c] = await classifyCommits({
      git: t.git,
      base: root,
      head: 'HEAD',
      development: 'upstream',
      policy: parsePolicy({ minimumIdLength: 7 }),
    });
    assert.equal(c.class, 'violation');
    assert.match(c.reason ?? '', /ambiguous/);
  });
});

describe('the classification kept for a range that has not moved', () => {
  const tmp = tempDir();
  after(() => tmp.cleanup());

  it('is not reused once git names other things: a written id now ambiguous, a new head', async () => {
    const t = await WorkTree.create(join(tmp.path, 'repo'));
    const root = await t.commit('root', { 'a.txt': 'a\n' });
    // Two blobs whose ids share their first 7 hex digits; only the first is in the repository.
    const seen = new Map<string, string>();
    let pair: [string, string] | undefined;
    for (let i = 0; !pair; i++) {
      const content = `blob ${i}\n`;
      const id = createHash('sha1').update(`blob ${content.length}\0${content}`).digest('hex');
      const other = seen.get(id.slice(0, 7));
      if (other !== undefined) pair = [other, content];
      else seen.set(id.slice(0, 7), content);
    }
    const first = (await t.git.run(['hash-object', '-w', '--stdin'], { input: pair[0] })).trim();
    await t.git.run(['branch', 'upstream', root]);
    await t.commit(`x: fix\n\n(cherry picked from commit ${first.slice(0, 7)})`, {
      'x.txt': 'x\n',
    });
    const options = {
      git: t.git,
      base: root,
      head: 'HEAD',
      development: 'upstream',
      policy: parsePolicy({ minimumIdLength: 7 }),
      cache: join(tmp.path, 'cache'),
    };
    const cold = await classifyCommits(options);
    assert.match(cold[0].reason ?? '', /names a blob object/);
    assert.deepEqual(await classifyCommits(options), cold, 'warm, nothing moved');
    await t.git.run(['hash-object', '-w', '--stdin'], { input: pair[1] });
    const [c] = await classifyCommits(options);
    assert.match(c.reason ?? '', /ambiguous/);
    const added = await t.commit('y: Downstream-only\n\nDownstream-only: local', {
      'y.txt': 'y\n',
    });
    const moved = await classifyCommits(options);
    assert.deepEqual(
      moved.map((m) => [m.commit, m.class]),
      [
        [c.commit, 'violation'],
        [added, 'downstream-only'],
      ],
    );
  });
});

describe('the classification of a shallow repository', () => {
  const tmp = tempDir();
  after(() => tmp.cleanup());

  it('is not kept: a deepening fetch changes the history under the same revisions', async () => {
    const t = await WorkTree.create(join(tmp.path, 'repo'));
    await t.commit('root', { 'a.txt': 'a\n' });
    const base = await t.commit('base', { 'b.txt': 'b\n' });
    await t.git.run(['branch', 'upstream', base]);
    await t.commit('x: local\n\nDownstream-only: local', { 'x.txt': 'x\n' });
    const shallow = new WorkTree(join(tmp.path, 'shallow'));
    await t.git.run(['clone', '--quiet', '--no-local', '--depth=2', t.dir, shallow.dir]);
    await shallow.git.run(['fetch', '--quiet', '--depth=2', 'origin', 'upstream:upstream']);
    const options = { base, head: 'HEAD', development: 'upstream' };
    const cache = join(tmp.path, 'shallow-cache');
    const list = await classifyCommits({ ...options, git: shallow.git, cache });
    assert.deepEqual(
      list.map((c) => c.class),
      ['downstream-only'],
    );
    const keptFull = join(tmp.path, 'full-cache');
    await classifyCommits({ ...options, git: t.git, cache: keptFull });
    assert.ok(readdirSync(keptFull).some((f) => f.startsWith('classification-')));
    assert.ok(!readdirSync(cache).some((f) => f.startsWith('classification-')));
  });
});

describe('merges that are not upstream syncs', () => {
  const tmp = tempDir();
  after(() => tmp.cleanup());

  it('accepts a clean merge of classified downstream commits, and not a merge of the development branch', async () => {
    const t = await WorkTree.create(join(tmp.path, 'repo'), 'master');
    const root = await t.commit('root', { 'a.txt': 'a\n', 'b.txt': 'b\n' });
    const fix = await t.commit('a: fix', { 'a.txt': 'a fixed\n' });
    await t.git.run(['checkout', '--quiet', '-b', 'stable', root]);
    const base = await t.commit('stable: start', { 'c.txt': 'c\n' });
    await t.git.run(['checkout', '--quiet', '-b', 'topic']);
    await t.git.run(['cherry-pick', '-x', fix]);
    const pick = await t.head();
    await t.git.run(['checkout', '--quiet', 'stable']);
    await t.git.run(['merge', '--quiet', '--no-ff', '--no-edit', 'topic']);
    const merge = await t.head();
    // An evil merge: a change of its own hidden in the merge commit.
    await t.git.run(['checkout', '--quiet', '-b', 'evil', base]);
    await t.git.run(['merge', '--quiet', '--no-ff', '--no-commit', 'topic']);
    await t.commit('Merge branch topic', { 'b.txt': 'b changed in the merge\n' });
    const evil = await t.head();
    // Merging the development branch into the stable branch: a fork, not a sync.
    await t.git.run(['checkout', '--quiet', '-b', 'forked', base]);
    await t.git.run(['merge', '--quiet', '--no-ff', '--no-edit', 'master']);
    const forked = await t.head();
    const classify = (head: string) =>
      classifyCommits({ git: t.git, base, head, development: 'master', followed: base });

    const clean = await classify(merge);
    assert.deepEqual(
      clean.map((c) => [c.commit, c.class]),
      [
        [pick, 'backport'],
        [merge, 'merge'],
      ],
    );
    assert.match(clean[1].reason ?? '', /merges 1 downstream commit, classified on their own/);
    const bad = await classify(evil);
    assert.equal(bad.find((c) => c.commit === evil)?.class, 'violation');
    const fork = await classify(forked);
    assert.equal(fork.length, 1);
    assert.equal(fork[0].class, 'violation');
    assert.match(
      fork[0].notes.join(),
      /merges 1 upstream commit of a branch other than the one followed/,
    );
  });
});
