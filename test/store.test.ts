import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Git, initRepository, progressPolicy } from '../actions/lib/git.js';
import { MemoryLogger } from '../actions/lib/log.js';
import { ObjectStore } from '../actions/lib/store.js';
import { startGitServer, type GitServer } from './harness/git-server.js';
import { filesContaining, tempDir, WorkTree } from './harness/fixtures.js';

const TOKEN = 'ghs_storetoken0123456789abcdefABCDEF';
const BASIC = Buffer.from(`x-access-token:${TOKEN}`).toString('base64');

describe('the object store runs share, and fetches that say how far they are', () => {
  const tmp = tempDir();
  let server: GitServer;
  let work: WorkTree;
  let url: string;
  const funnel = (dir: string, logger = new MemoryLogger()) =>
    initRepository(join(tmp.path, dir), { remotes: [{ url, token: TOKEN }], logger });

  before(async () => {
    server = await startGitServer(join(tmp.path, 'srv'), TOKEN);
    url = server.repoUrl('upstream.git');
    work = await WorkTree.create(join(tmp.path, 'work'));
    // Enough objects that git counts them in several steps.
    for (let i = 0; i < 30; i++)
      await work.commit(`change ${i}`, { [`f${i}.bin`]: randomBytes(20_000).toString('base64') });
    const bare = await initRepository(server.repoPath('upstream.git'));
    await work.git.run(['push', '--quiet', bare.cwd, 'master']);
  });
  after(async () => {
    progressPolicy.intervalMs = 10_000;
    await server.close();
    tmp.cleanup();
  });

  it("logs git's progress of a long fetch under its label, never the token", async () => {
    progressPolicy.intervalMs = 0; // every counter git writes: the test is not a long fetch
    const logger = new MemoryLogger();
    const git = await funnel('progress.git', logger);
    await git.fetch(url, ['+refs/heads/master:refs/heads/master'], {
      progress: 'Fetching upstream',
    });
    progressPolicy.intervalMs = 10_000;
    const shown = logger.lines.filter((l) => l.startsWith('Fetching upstream: '));
    assert.ok(
      shown.some((l) => /objects: +\d+% \(\d+\/\d+\)/.test(l)),
      shown.join('\n'),
    );
    assert.ok(
      shown.some((l) => /Total 90\b/.test(l)),
      'the last counter is shown',
    );
    assert.ok(!shown.some((l) => /new branch/.test(l)), 'only counters, not the refs updated');
    assert.ok(!logger.lines.some((l) => l.includes(TOKEN) || l.includes(BASIC)));
    assert.equal(await git.commitOf('master'), await work.head());
  });

  it('says nothing of a fetch not asked to show progress', async () => {
    progressPolicy.intervalMs = 0;
    const logger = new MemoryLogger();
    const git = await funnel('quiet.git', logger);
    await git.fetch(url, ['+refs/heads/master:refs/heads/master']);
    progressPolicy.intervalMs = 10_000;
    assert.ok(!logger.lines.some((l) => /objects/.test(l)), logger.lines.join('\n'));
  });

  it('lets runs at once fetch into one store and read it from repositories of their own', async () => {
    const dir = join(tmp.path, 'cache', 'objects.git');
    const runs = await Promise.all(
      ['a', 'b', 'c'].map(async (name) => {
        const logger = new MemoryLogger();
        const git = await funnel(`run-${name}.git`, logger);
        const store = await ObjectStore.open({ dir, git, logger });
        await store.lend(git);
        const got = await store.fetch(url, ['refs/heads/master']);
        await git.updateRefs([{ ref: 'refs/heads/seen', sha: got.get('refs/heads/master')! }]);
        return { git, logger };
      }),
    );
    const head = await work.head();
    for (const { git } of runs) {
      assert.equal(await git.commitOf('refs/heads/seen'), head);
      // Every object of the history is readable, and none of them is the run's own.
      assert.equal(await git.run(['rev-list', '--objects', '--count', 'refs/heads/seen']), '90');
      assert.deepEqual(readdirSync(join(git.cwd, 'objects', 'pack')), []);
    }
    // One run fetched the history; the others found it there and fetched nothing more.
    const packs = readdirSync(join(dir, 'objects', 'pack')).filter((f) => f.endsWith('.pack'));
    assert.equal(packs.length, 1);
    assert.ok(!existsSync(join(tmp.path, 'cache', '.objects.git.lock')), 'the lock is let go');
    assert.deepEqual(filesContaining([dir, ...runs.map((r) => r.git.cwd)], TOKEN), []);
    assert.doesNotMatch(readFileSync(join(dir, 'config'), 'utf8'), /Authorization|ghs_/);
  });

  it('fetches only what is new into a store kept from an earlier run', async () => {
    const dir = join(tmp.path, 'cache', 'objects.git');
    const before = readdirSync(join(dir, 'objects', 'pack')).filter((f) => f.endsWith('.pack'));
    const next = await work.commit('one more', { 'new.txt': 'new\n' });
    await work.git.run(['push', '--quiet', server.repoPath('upstream.git'), 'master']);
    const git = await funnel('run-d.git');
    const store = await ObjectStore.open({ dir, git, logger: new MemoryLogger() });
    await store.lend(git);
    assert.equal((await store.fetch(url, ['refs/heads/master'])).get('refs/heads/master'), next);
    const packs = readdirSync(join(dir, 'objects', 'pack')).filter((f) => f.endsWith('.pack'));
    assert.equal(packs.length, before.length + 1);
    const added = packs.find((p) => !before.includes(p))!;
    const count = await new Git({ cwd: dir }).run(['show-index'], {
      input: readFileSync(join(dir, 'objects', 'pack', added.replace(/pack$/, 'idx'))),
    });
    // The new commit, its tree and blob (and a delta base that completes a thin pack).
    assert.ok(count.split('\n').length <= 4, count);
  });
});
