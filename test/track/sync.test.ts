import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readdirSync } from 'node:fs';
import { Git } from '../../actions/lib/git.js';
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

const REPO = 'xen-project/qemu-xen';

describe('track-upstream sync, end to end', () => {
  let env: TrackEnv;
  let bare: Git;
  let work: WorkTree;
  const c: Record<string, string> = {};
  const branch = 'tributary/sync/staging';
  const inputs = {
    mode: 'sync',
    target: 'staging',
    upstream: 'upstream/stable-8.2',
    labels: 'tributary, sync',
    assignees: 'release-manager',
    reviewers: 'reviewer-one',
    'committer-name': 'Xen Tracker',
    'committer-email': 'tracker@xenproject.org',
    signoff: 'true',
  };

  before(async () => {
    env = await startTrackEnv();
    bare = await hostedRepository(env, REPO);
    work = await WorkTree.create(join(env.tmp.path, 'qemu'), 'upstream/stable-8.2');
    c.u0 = await work.commit('base', {
      'hw/a.c': 'a\n',
      'hw/b.c': 'b1\nb2\nb3\n',
      'hw/conflict.c': 'x\n',
    });
    await work.git.run(['branch', 'staging']);
    await work.git.run(['branch', 'staging-c']);
    await work.git.run(['branch', 'staging-i']);
    await work.git.run(['branch', 'staging-f']);
    await work.git.run(['branch', 'staging-2']);
    await work.git.run(['branch', 'upstream/stable-c']);
    await work.git.run(['branch', 'staging-d']);
    await work.git.run(['branch', 'upstream/stable-d']);
    c.u1 = await work.commit('hw/a: fix an overflow', { 'hw/a.c': 'a fixed\n' });
    c.u2 = await work.commit('hw/b: update', { 'hw/b.c': 'b1\nb2 new\nb3\n' });
    await work.git.run(['checkout', '--quiet', 'staging']);
    c.d1 = await work.commit('xen: downstream-only change', { 'xen/down.c': 'down\n' });
    // Downstream carried upstream's overflow fix early, as the same patch: it can be dropped.
    c.d2 = await work.commit('hw/a: fix an overflow (early backport)', { 'hw/a.c': 'a fixed\n' });
    await work.git.run(['branch', 'staging-r']);
    for (const b of ['staging-c', 'staging-i', 'staging-d']) {
      await work.git.run(['checkout', '--quiet', b]);
      c[b] = await work.commit(`xen: ${b} edits conflict.c`, { 'hw/conflict.c': 'downstream\n' });
    }
    await work.git.run(['checkout', '--quiet', 'upstream/stable-c']);
    c.uc = await work.commit('hw: upstream edits conflict.c', { 'hw/conflict.c': 'upstream\n' });
    await publish(work, bare, ['--all']);
  });
  after(() => env.close());

  it('opens one pull request with a true merge, its shortlog, labels, reviewers and the identity given', async () => {
    const run = await runTrack(env, REPO, inputs);
    assertClean(run);
    const [o] = reported(run);
    assert.equal(o.operation, 'created');
    assert.equal(run.outputs.operation, 'created');
    const pulls = pullsOf(env, REPO);
    assert.equal(pulls.length, 1);
    const pr = pulls[0];
    assert.equal(String(pr.number), run.outputs['pull-request-number']);
    assert.equal(pr.pull.head.ref, branch);
    assert.equal(pr.pull.base.ref, 'staging');
    assert.equal(pr.pull.draft, false);
    assert.deepEqual(pr.labels.sort(), ['sync', 'tributary']);
    assert.deepEqual(pr.assignees, ['release-manager']);
    assert.deepEqual(pr.pull.requestedReviewers, ['reviewer-one']);
    assert.match(pr.body ?? '', /hw\/a: fix an overflow/);
    assert.match(pr.body ?? '', /hw\/b: update/);
    assert.equal(pr.marker?.mode, 'sync');
    assert.equal(pr.marker?.source, c.u2);
    const head = await bare.run(['rev-parse', `refs/heads/${branch}`]);
    assert.equal(pr.marker?.head, head);
    assert.equal(await bare.run(['log', '-1', '--format=%P', head]), `${c.d2} ${c.u2}`);
    assert.equal(
      await bare.run(['log', '-1', '--format=%cn <%ce>', head]),
      'Xen Tracker <tracker@xenproject.org>',
    );
    assert.match(
      await bare.run(['log', '-1', '--format=%B', head]),
      /Signed-off-by: Xen Tracker <tracker@xenproject.org>/,
    );
    // Upstream commits are untouched: the merge's second parent is upstream's own head.
    assert.equal(await bare.run(['rev-parse', `${head}^2`]), c.u2);
    // The downstream-only commit upstream now carries, from the divergence report.
    assert.match(pr.body ?? '', /upstream now seems to carry/);
    assert.match(
      pr.body ?? '',
      new RegExp(`${c.d2.slice(0, 12)} .*upstream ${c.u1.slice(0, 12)}.*drop`),
    );
    // Fetched as a partial clone into the kept store: commits and trees, blobs only where a
    // merge read them; the run's own repository is gone with the run.
    const kept = readdirSync(join(run.runnerTemp, 'tributary-track'));
    const repo = kept.find((f) => f.endsWith('.git'))!;
    assert.deepEqual(readdirSync(join(run.runnerTemp, 'tributary-track', 'runs')), []);
    const local = new Git({ cwd: join(run.runnerTemp, 'tributary-track', repo) });
    assert.match(
      await local.run(['config', '--get-regexp', 'remote\\..*\\.partialclonefilter']),
      /blob:none/,
    );
    const missing = await local.run(['rev-list', '--objects', '--missing=print', '--all']);
    assert.match(missing, /^\?[0-9a-f]{40}$/m, 'some blobs were never fetched');
  });

  it('changes nothing when nothing is new: no push, no API write', async () => {
    const [a, g] = [env.api.requests.length, env.server.requests.length];
    const run = await runTrack(env, REPO, inputs);
    assertClean(run);
    assert.equal(reported(run)[0].operation, 'unchanged');
    assert.deepEqual(writesSince(env, a), []);
    assert.equal(pushesSince(env, g), 0);
  });

  it('updates the branch with a lease and rewrites the body when upstream moves', async () => {
    await work.git.run(['checkout', '--quiet', 'upstream/stable-8.2']);
    c.u3 = await work.commit('hw/a: second fix', { 'hw/a2.c': 'a fixed twice\n' });
    await publish(work, bare, ['upstream/stable-8.2']);
    const run = await runTrack(env, REPO, inputs);
    assertClean(run);
    assert.equal(reported(run)[0].operation, 'updated');
    const pulls = pullsOf(env, REPO);
    assert.equal(pulls.length, 1);
    const head = await bare.run(['rev-parse', `refs/heads/${branch}`]);
    assert.equal(await bare.run(['rev-parse', `${head}^2`]), c.u3);
    assert.match(pulls[0].body ?? '', /hw\/a: second fix/);
    assert.equal(pulls[0].marker?.head, head);
  });

  it("leaves a person's push alone and says once what it would have done", async () => {
    const person = await WorkTree.create(join(env.tmp.path, 'person'));
    await person.git.run(['fetch', '--quiet', bare.cwd, `${branch}:work`]);
    await person.git.run(['checkout', '--quiet', 'work']);
    c.p1 = await person.commit('fix up the merge by hand', { 'xen/down.c': 'by hand\n' });
    await person.git.run(['push', '--quiet', bare.cwd, `work:${branch}`]);
    c.u4 = await work.commit('hw/b: another update', { 'hw/b.c': 'b1\nb2 newer\nb3\n' });
    await publish(work, bare, ['upstream/stable-8.2']);
    const number = pullsOf(env, REPO)[0].number;
    const run = await runTrack(env, REPO, inputs);
    assertClean(run);
    const [o] = reported(run);
    assert.equal(o.operation, 'unchanged');
    assert.match(o.note ?? '', /person/);
    assert.equal(await bare.run(['rev-parse', `refs/heads/${branch}`]), c.p1);
    const comments = commentsOf(env, REPO, number);
    assert.equal(comments.length, 1);
    assert.match(comments[0], /would have moved the branch/);
    assert.match(comments[0], new RegExp(c.u4.slice(0, 12)));
    // Once is enough: a rerun says nothing more and writes nothing.
    const a = env.api.requests.length;
    assertClean(await runTrack(env, REPO, inputs));
    assert.deepEqual(writesSince(env, a), []);
    assert.equal(commentsOf(env, REPO, number).length, 1);
  });

  it('closes the pull request, saying why, once its reason is gone', async () => {
    await work.git.run(['checkout', '--quiet', 'staging']);
    await work.git.run([
      'merge',
      '--quiet',
      '--no-ff',
      '-m',
      'merged by hand',
      'upstream/stable-8.2',
    ]);
    await publish(work, bare, ['staging']);
    const run = await runTrack(env, REPO, inputs);
    assertClean(run);
    assert.equal(reported(run)[0].operation, 'closed');
    const pr = pullsOf(env, REPO)[0];
    assert.equal(pr.state, 'closed');
    assert.match(commentsOf(env, REPO, pr.number).pop() ?? '', /nothing left to merge/);
    const again = await runTrack(env, REPO, inputs);
    assertClean(again);
    assert.equal(again.outputs.operation, 'none');
    assert.equal(pullsOf(env, REPO).length, 1);
  });

  it('opens a conflicting merge as a draft with its files and the commands to redo it, branch unmerged', async () => {
    const run = await runTrack(env, REPO, {
      ...inputs,
      target: 'staging-c',
      upstream: 'upstream/stable-c',
    });
    assertClean(run);
    const [o] = reported(run);
    assert.equal(o.operation, 'created');
    const pr = pullsOf(env, REPO).find((p) => p.number === o.number)!;
    assert.equal(pr.pull.draft, true);
    assert.match(pr.title, /conflict/);
    assert.match(pr.body ?? '', /`hw\/conflict\.c`/);
    assert.match(pr.body ?? '', /git merge --no-ff/);
    assert.equal(await bare.run(['rev-parse', 'refs/heads/tributary/sync/staging-c']), c.uc);
    assert.ok(run.annotations.some((a) => a.level === 'warning' && /conflict/.test(a.message)));
  });

  it('turns an open pull request into a draft when new upstream commits conflict', async () => {
    const d = {
      ...inputs,
      target: 'staging-d',
      upstream: 'upstream/stable-d',
      labels: '',
      assignees: '',
      reviewers: '',
    };
    await work.git.run(['checkout', '--quiet', 'upstream/stable-d']);
    await work.commit('hw: a clean change', { 'hw/d.c': 'd\n' });
    await publish(work, bare, ['upstream/stable-d']);
    const first = await runTrack(env, REPO, d);
    assertClean(first);
    const number = reported(first)[0].number;
    const pr = () => pullsOf(env, REPO).find((p) => p.number === number)!;
    assert.equal(pr().pull.draft, false);
    c.ud = await work.commit('hw: a conflicting change', { 'hw/conflict.c': 'upstream again\n' });
    await publish(work, bare, ['upstream/stable-d']);
    const second = await runTrack(env, REPO, d);
    assertClean(second);
    assert.equal(reported(second)[0].operation, 'updated');
    assert.equal(pr().pull.draft, true);
    assert.match(pr().body ?? '', /`hw\/conflict\.c`/);
    assert.equal(await bare.run(['rev-parse', 'refs/heads/tributary/sync/staging-d']), c.ud);
  });

  it('reports a conflict as an issue when asked, pushing no branch', async () => {
    const run = await runTrack(env, REPO, {
      ...inputs,
      target: 'staging-i',
      upstream: 'upstream/stable-c',
      conflicts: 'issue',
    });
    assertClean(run);
    const [o] = reported(run);
    assert.equal(o.kind, 'issue');
    assert.equal(o.operation, 'created');
    const issue = env.api.state.issues.find((i) => i.number === o.number)!;
    assert.equal(issue.pull, undefined);
    assert.match(issue.body ?? '', /`hw\/conflict\.c`/);
    assert.equal(await bare.revParse('refs/heads/tributary/sync/staging-i'), undefined);
    const again = await runTrack(env, REPO, {
      ...inputs,
      target: 'staging-i',
      upstream: 'upstream/stable-c',
      conflicts: 'issue',
    });
    assert.equal(reported(again)[0].operation, 'unchanged');
  });

  it('replays the downstream-only commits on the new upstream head with the rebase strategy', async () => {
    const run = await runTrack(env, REPO, {
      ...inputs,
      target: 'staging-r',
      strategy: 'rebase',
      labels: '',
      assignees: '',
      reviewers: '',
    });
    assertClean(run);
    assert.equal(reported(run)[0].operation, 'created');
    const head = await bare.run(['rev-parse', 'refs/heads/tributary/sync/staging-r']);
    const upstream = await bare.run(['rev-parse', 'refs/heads/upstream/stable-8.2']);
    // d1 replayed, its author kept; d2 dropped because upstream has the same patch.
    assert.equal(await bare.run(['rev-list', '--count', `${upstream}..${head}`]), '1');
    assert.equal(
      await bare.run(['log', '-1', '--format=%s|%an|%cn', head]),
      'xen: downstream-only change|Test Author|Xen Tracker',
    );
    assert.equal(await bare.run(['rev-parse', `${head}^`]), upstream);
  });

  it('rides out a secondary rate limit and 5xx answers without opening a duplicate', async () => {
    env.api.addFault({ method: 'GET', path: /\/pulls$/, kind: 'status', status: 502 });
    env.api.addFault({
      method: 'POST',
      path: /\/pulls$/,
      kind: 'secondary-rate-limit',
      retryAfter: 1,
    });
    const run = await runTrack(env, REPO, {
      ...inputs,
      target: 'staging-f',
      labels: '',
      assignees: '',
      reviewers: '',
    });
    assertClean(run);
    assert.equal(reported(run)[0].operation, 'created');
    const statuses = env.api.requests.filter((r) => /\/pulls$/.test(r.path)).map((r) => r.status);
    assert.ok(
      statuses.includes(502) && statuses.includes(403),
      `faults hit: ${statuses.join(' ')}`,
    );
    const again = await runTrack(env, REPO, {
      ...inputs,
      target: 'staging-f',
      labels: '',
      assignees: '',
      reviewers: '',
    });
    assert.equal(reported(again)[0].operation, 'unchanged');
    assert.equal(pullsOf(env, REPO).filter((p) => p.marker?.target === 'staging-f').length, 1);
    assertNoDuplicates(env, REPO);
  });

  it('opens one pull request when two runs race for the same purpose', async () => {
    const race = { ...inputs, target: 'staging-2', labels: '', assignees: '', reviewers: '' };
    const runs = await Promise.all([runTrack(env, REPO, race), runTrack(env, REPO, race)]);
    // One creates; the other finds the branch moved under its lease (or the pull request
    // already there) and stops, saying so.
    assert.ok(
      runs.some((r) => r.code === 0 && reported(r)[0]?.operation === 'created'),
      runs.map((r) => r.log).join('\n'),
    );
    assert.equal(pullsOf(env, REPO).filter((p) => p.marker?.target === 'staging-2').length, 1);
    const after = await runTrack(env, REPO, race);
    assertClean(after);
    assert.equal(reported(after)[0].operation, 'unchanged');
    assertNoDuplicates(env, REPO);
  });

  it('refuses a target branch that does not exist, creating nothing', async () => {
    const [a, g] = [env.api.requests.length, env.server.requests.length];
    const run = await runTrack(env, REPO, { ...inputs, target: 'no-such-branch' });
    assert.equal(run.code, 1);
    assert.ok(
      run.annotations.some(
        (x) =>
          x.level === 'error' &&
          /target.*no-such-branch|no-such-branch.*does not exist/.test(x.message),
      ),
      run.log,
    );
    assert.deepEqual(writesSince(env, a), []);
    assert.equal(pushesSince(env, g), 0);
  });
});
