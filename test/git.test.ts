import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  credentialFor,
  Git,
  GitError,
  initRepository,
  isTransient,
  retryPolicy,
} from '../actions/lib/git.js';
import { MemoryLogger } from '../actions/lib/log.js';
import { startGitServer, type GitServer } from './harness/git-server.js';
import { WorkTree, filesContaining, tempDir, testIdentity } from './harness/fixtures.js';

const TOKEN = 'ghs_testtoken0123456789abcdefABCDEF';

describe('git funnel against the token-protected smart-HTTP server', () => {
  const tmp = tempDir();
  let server: GitServer;
  let head: string;

  before(async () => {
    retryPolicy.baseDelayMs = 10;
    server = await startGitServer(join(tmp.path, 'srv'), TOKEN);
    const work = await WorkTree.create(join(tmp.path, 'work'));
    await work.commit('first', { 'a.txt': 'a\n' });
    head = await work.commit('second', { 'b.txt': randomBytes(60_000).toString('base64') });
    const bare = await initRepository(server.repoPath('upstream.git'));
    await work.git.run(['push', '--quiet', bare.cwd, 'master']);
  });
  after(async () => {
    await server.close();
    tmp.cleanup();
  });

  it('refuses a request without the token, at once and without prompting', async () => {
    const git = new Git({ cwd: tmp.path });
    await assert.rejects(git.lsRemote(server.repoUrl('upstream.git')), (e: GitError) => {
      assert.match(e.stderr, /Authentication failed|could not read Username|401/);
      return true;
    });
    assert.ok(server.requests.some((r) => !r.authorized && r.status === 401));
  });

  it('fetches with the token given per command, leaving no trace of it in the repository', async () => {
    const git = new Git({
      cwd: tmp.path,
      remotes: [{ url: server.repoUrl('upstream.git'), token: TOKEN }],
    });
    const refs = await git.lsRemote(server.repoUrl('upstream.git'));
    assert.equal(refs.get('refs/heads/master'), head);
    const local = await initRepository(join(tmp.path, 'local.git'), {
      remotes: [{ url: server.repoUrl('upstream.git'), token: TOKEN }],
    });
    await local.run([
      'fetch',
      '--quiet',
      server.repoUrl('upstream.git'),
      'refs/heads/*:refs/heads/*',
    ]);
    assert.equal(await local.commitOf('master'), head);
    assert.doesNotMatch(readFileSync(join(local.cwd, 'config'), 'utf8'), /ghs_|Authorization/i);
    assert.deepEqual(filesContaining([local.cwd], TOKEN), []);
  });

  it('retries a fetch whose connection dropped mid-transfer', async () => {
    const git = await initRepository(join(tmp.path, 'retry.git'), {
      remotes: [{ url: server.repoUrl('upstream.git'), token: TOKEN }],
    });
    server.addFault({ service: 'upload-pack', dropAfterBytes: 2000 });
    await git.run(['fetch', '--quiet', server.repoUrl('upstream.git'), 'master:master'], {
      retries: 3,
    });
    assert.equal(await git.commitOf('master'), head);
    assert.ok(
      server.requests.some((r) => r.status === -1),
      'the fault was hit',
    );
  });

  it('does not retry an answer that is not the network, and redacts the token from the error', async () => {
    const wrong = 'ghs_wrongtoken0123456789abcdefABCDEF';
    const git = new Git({
      cwd: tmp.path,
      remotes: [{ url: server.repoUrl('upstream.git'), token: wrong }],
    });
    const before = server.requests.length;
    await assert.rejects(
      git.lsRemote(server.repoUrl('upstream.git'), [], { retries: 3 }),
      (e: Error) => {
        assert.ok(!e.message.includes(wrong));
        return true;
      },
    );
    assert.equal(server.requests.length - before, 1, 'one request, no retries');
  });

  it('takes a lease that failed for an answer, never retrying it as a network error', async () => {
    const work = await WorkTree.create(join(tmp.path, 'lease-work'));
    const old = await work.commit('old');
    const theirs = await work.commit('theirs');
    const ours = await work.commit('ours');
    // Over smart HTTP, and to a local path, where git also says "the remote end hung up".
    for (const [name, url] of [
      ['lease.git', server.repoUrl('lease.git')],
      ['lease-local.git', join(tmp.path, 'lease-local.git')],
    ]) {
      const remote = await initRepository(name.includes('local') ? url : server.repoPath(name));
      await work.git.run(['push', '--quiet', remote.cwd, `${theirs}:refs/heads/master`]);
      const logger = new MemoryLogger();
      const git = new Git({
        cwd: work.dir,
        remotes: [{ url, token: TOKEN }],
        logger,
      });
      const result = await git.pushWithLease(url, [
        { ref: 'refs/heads/master', sha: ours, expected: old },
        { ref: 'refs/heads/stable', sha: ours, expected: undefined },
      ]);
      assert.deepEqual(result, { rejected: ['refs/heads/master'] }, url);
      assert.deepEqual(logger.warnings, [], `${url}: no retry`);
      assert.equal(await remote.commitOf('refs/heads/master'), theirs);
    }
  });

  it('sends a token to its own repository only, never to another of the same server', async () => {
    const work = await WorkTree.create(join(tmp.path, 'scope-work'));
    const own = await work.commit('scoped');
    const names = ['o/a.git', 'o/b.git', 'o/a.git.evil', 'o/a.gitx'];
    for (const name of names) {
      const bare = await initRepository(server.repoPath(name));
      await work.git.run(['push', '--quiet', bare.cwd, 'master']);
    }
    const git = new Git({
      cwd: tmp.path,
      remotes: [{ url: server.repoUrl('o/a.git') + '/', token: TOKEN }],
    });
    const mark = server.requests.length;
    assert.equal((await git.lsRemote(server.repoUrl('o/a.git'))).get('refs/heads/master'), own);
    const others = ['o/b.git', 'o/a.git.evil', 'o/a.gitx', 'o/a.git/../b.git'];
    for (const other of others)
      await assert.rejects(git.lsRemote(server.repoUrl(other)), (e: GitError) => {
        assert.match(e.stderr, /Authentication failed|could not read Username|401/, other);
        return true;
      });
    const seen = server.requests.slice(mark);
    const sent = seen.filter((r) => r.withAuthorization);
    assert.ok(sent.length > 0);
    assert.ok(
      sent.every((r) => r.path.startsWith('/o/a.git/')),
      `the header went only to o/a.git: ${sent.map((r) => r.path).join(', ')}`,
    );
    for (const path of ['/o/b.git/', '/o/a.git.evil/', '/o/a.gitx/'])
      assert.ok(
        seen.some((r) => r.path.startsWith(path) && !r.withAuthorization),
        `${path} was asked, without the header`,
      );
  });

  it('scopes a credential to a repository URL, never to a server or another transport', () => {
    assert.deepEqual(credentialFor({ url: 'https://host/o/a.git/', token: 't' }), [
      { urlPrefix: 'https://host/o/a.git', token: 't' },
    ]);
    assert.deepEqual(credentialFor({ url: 'https://host/o/a.git' }), []);
    assert.deepEqual(credentialFor({ url: 'ssh://git@host/o/a.git', token: 't' }), []);
    assert.deepEqual(credentialFor({ url: 'git@host:o/a.git', token: 't' }), []);
    assert.deepEqual(credentialFor({ url: '/srv/o/a.git', token: 't' }), []);
    for (const url of ['https://host', 'https://host/', 'http://127.0.0.1:8080//'])
      assert.throws(() => credentialFor({ url, token: 't' }), /never to a whole server/, url);
    assert.throws(
      () => credentialFor({ url: 'https://user:pw@host/o/a.git', token: 't' }),
      /must not carry credentials/,
    );
  });

  it('refuses the ext:: transport', async () => {
    const git = new Git({ cwd: tmp.path });
    const r = await git.exec(['ls-remote', 'ext::sh -c touch% /tmp/pwned'], { allowFailure: true });
    assert.notEqual(r.code, 0);
    assert.match(r.stderr, /transport 'ext' not allowed/);
  });

  it('tells network failures from the others', () => {
    assert.ok(
      isTransient(
        'error: RPC failed; curl 18 transfer closed with outstanding read data remaining',
      ),
    );
    assert.ok(isTransient('fatal: unable to access: The requested URL returned error: 503'));
    assert.ok(!isTransient('fatal: Authentication failed for'));
    assert.ok(!isTransient('! [rejected] master -> master (stale info)'));
    // An atomic push a lease stopped, over a local or ssh transport:
    assert.ok(
      !isTransient(
        "error: atomic push failed for ref refs/heads/master. status: 7\n\nfatal: the remote end hung up unexpectedly\nerror: failed to push some refs to '/srv/x.git'\n",
      ),
    );
    assert.ok(
      !isTransient(
        'fatal: the remote end hung up unexpectedly\n',
        '!\trefs/heads/a:refs/heads/a\t[rejected] (stale info)\nDone\n',
      ),
    );
  });
});

describe('the verbs of the history page and bisect, on a local repository', () => {
  const tmp = tempDir();
  let work: WorkTree;
  const c: Record<string, string> = {};

  before(async () => {
    work = await WorkTree.create(join(tmp.path, 'work'));
    c.root = await work.commit('root', { 'a.txt': 'a\n', 'gone.txt': 'g\n' });
    c.side = await work.commit('side', { 'ab/cdef': 'on the side\n' });
    await work.git.run(['checkout', '--quiet', '-b', 'side', c.root]);
    c.other = await work.commit('other', { 'b.txt': 'b\n', 'gone.txt': null });
    await work.git.run(['checkout', '--quiet', 'master']);
    await work.git.run(['merge', '--quiet', '--no-edit', 'side'], {
      env: { GIT_AUTHOR_DATE: '1700000100 +0000', GIT_COMMITTER_DATE: '1700000100 +0000' },
    });
    c.merge = await work.head();
  });
  after(() => tmp.cleanup());

  it('reads many blobs at once, a blob that is not UTF-8 and a missing one included', async () => {
    const text = await work.git.writeBlob('héllo, wörld\n');
    const plain = await work.git.writeBlob('plain\n');
    // Latin-1 bytes: not UTF-8, so the batch's byte sizes and the decoded text disagree.
    const latin = await work.git.run(['hash-object', '-w', '--stdin'], {
      input: Buffer.from('caf\xe9\n', 'latin1'),
    });
    const missing = 'f'.repeat(40);
    const blobs = await work.git.readBlobs([text, missing, plain, text]);
    assert.deepEqual(
      [...blobs],
      [
        [text, 'héllo, wörld\n'],
        [plain, 'plain\n'],
      ],
    );
    const all = await work.git.readBlobs([latin, text, plain]);
    assert.equal(all.get(text), 'héllo, wörld\n');
    assert.equal(all.get(plain), 'plain\n');
    assert.equal(all.get(latin), await work.git.readBlob(latin));
  });

  it('makes many merges in one process as it makes each alone, a conflicting one included', async () => {
    // On master a.txt is "a"; a branch from root that changes it conflicts with one that does not touch it.
    await work.git.run(['checkout', '--quiet', '-b', 'clash', c.root]);
    const clash = await work.commit('clash', { 'a.txt': 'clash\n', 'ab/cdef': 'clashing\n' });
    await work.git.run(['checkout', '--quiet', 'master']);
    const pairs: [string, string][] = [
      [c.side, c.other],
      [c.side, clash],
      [c.other, c.side],
    ];
    const batch = await work.git.mergeTrees(pairs);
    const alone = [];
    for (const [ours, theirs] of pairs) alone.push(await work.git.mergeTree(ours, theirs));
    assert.deepEqual(batch, alone);
    assert.deepEqual(
      batch.map((m) => m.clean),
      [true, false, true],
    );
    assert.deepEqual(batch[1].conflicts, ['ab/cdef']);
    assert.deepEqual(await work.git.mergeTrees([]), []);
  });

  it('writes commit objects given whole in one process, the ids in order', async () => {
    const tree = await work.git.treeOf(c.other);
    const text = (parent: string) =>
      `tree ${tree}\nparent ${parent}\nauthor A <a@b> 1000000000 +0000\ncommitter A <a@b> 1000000000 +0000\n\nm\n`;
    const ids = await work.git.writeCommitObjects([text(c.root), text(c.side)]);
    // (a funnel without an identity of its own, so the one given here is the one written)
    const one = await new Git({ cwd: work.git.cwd }).run(
      ['commit-tree', tree, '-p', c.side, '-m', 'm'],
      {
        env: {
          GIT_AUTHOR_NAME: 'A',
          GIT_AUTHOR_EMAIL: 'a@b',
          GIT_AUTHOR_DATE: '1000000000 +0000',
          GIT_COMMITTER_NAME: 'A',
          GIT_COMMITTER_EMAIL: 'a@b',
          GIT_COMMITTER_DATE: '1000000000 +0000',
        },
      },
    );
    assert.equal(ids.length, 2);
    assert.equal(ids[1], one);
    assert.equal(await work.git.run(['rev-parse', `${ids[0]}^`]), c.root);
  });

  it('names the paths each commit writes, a merge against each parent, deletions left out', async () => {
    const written = await work.git.pathsWritten([c.root, c.other, c.merge]);
    assert.deepEqual(written.get(c.root)?.sort(), ['a.txt', 'gone.txt']);
    assert.deepEqual(written.get(c.other), ['b.txt']);
    // Against master's side it brings b.txt; against side's it brings ab/cdef.
    assert.deepEqual(written.get(c.merge)?.sort(), ['ab/cdef', 'b.txt']);
  });

  it('walks first parents with their subjects, and a range with its parents', async () => {
    const walked = [];
    for await (const w of work.git.walkFirstParentSubjects(c.merge)) walked.push(w);
    assert.deepEqual(
      walked.map((w) => [w.commit, w.subject]),
      [
        [c.merge, "Merge branch 'side'"],
        [c.side, 'side'],
        [c.root, 'root'],
      ],
    );
    const line = [];
    for await (const commit of work.git.walkFirstParents(c.merge)) line.push(commit);
    assert.deepEqual(line, [c.merge, c.side, c.root]);
    const range = await work.git.rangeWithParents(c.merge, c.root);
    assert.equal(range[0].commit, c.merge);
    assert.deepEqual(range[0].parents, [c.side, c.other]);
    assert.deepEqual(range.map((r) => r.commit).sort(), [c.merge, c.other, c.side].sort());
    const [summary] = await work.git.commitSummaries([c.other]);
    assert.deepEqual(summary, {
      sha: c.other,
      parents: [c.root],
      author: {
        name: testIdentity.name,
        email: testIdentity.email,
        // The fixture's clock is shared by every work tree: ask git what it wrote.
        date: await work.git.run(['log', '-1', '--format=%aI', c.other]),
      },
      subject: 'other',
    });
  });
});

describe('revertTree and defaultBranch: a revert without a work tree', () => {
  const tmp = tempDir();
  after(() => tmp.cleanup());

  it('undoes a commit on a later head as git revert does, and reports a conflict', async () => {
    const work = await WorkTree.create(join(tmp.path, 'work'));
    await work.commit('base', { 'a.txt': '1\n', 'b.txt': 'b\n' });
    const culprit = await work.commit('add c, change b', { 'c.txt': 'c\n', 'b.txt': 'B\n' });
    const later = await work.commit('change a', { 'a.txt': '2\n' });
    const clean = await work.git.revertTree(culprit, later);
    assert.equal(clean.clean, true);
    const files = await work.git.run(['ls-tree', '-r', '--name-only', clean.tree]);
    assert.deepEqual(files.split('\n'), ['a.txt', 'b.txt']);
    assert.equal(await work.git.run(['cat-file', 'blob', `${clean.tree}:a.txt`]), '2');
    assert.equal(await work.git.run(['cat-file', 'blob', `${clean.tree}:b.txt`]), 'b');
    // A later change to the same lines: git revert would stop there too.
    const touched = await work.commit('change b again', { 'b.txt': 'BB\n' });
    const conflict = await work.git.revertTree(culprit, touched);
    assert.equal(conflict.clean, false);
    assert.deepEqual(conflict.conflicts, ['b.txt']);
  });

  it("reads a remote's default branch from its HEAD", async () => {
    const work = await WorkTree.create(join(tmp.path, 'work2'), 'trunk');
    await work.commit('base', { 'a.txt': '1\n' });
    const bare = await initRepository(join(tmp.path, 'bare.git'));
    await work.git.run(['push', '--quiet', bare.cwd, 'trunk']);
    await bare.run(['symbolic-ref', 'HEAD', 'refs/heads/trunk']);
    assert.equal(await work.git.defaultBranch(bare.cwd), 'trunk');
    const empty = await initRepository(join(tmp.path, 'empty.git'));
    assert.equal(await new Git({ cwd: tmp.path }).defaultBranch(empty.cwd), undefined);
  });
});
