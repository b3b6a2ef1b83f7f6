// GitHub's rules as the test API server keeps them, asked over plain HTTP (no client throttling,
// so the file stays quick); github-api.test.ts drives the same server through createGitHub.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { createGitHub, githubRetryPolicy } from '../actions/lib/github.js';
import { Git, initRepository } from '../actions/lib/git.js';
import { startGitHubApi, type GitHubApi } from './harness/github-api.js';
import { WorkTree, tempDir } from './harness/fixtures.js';

const TOKEN = 'ghs_rulestoken0123456789abcdefABCDEF';

interface Answer {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  headers: Headers;
}

describe('test GitHub API server keeps GitHub rules', () => {
  const tmp = tempDir();
  let api: GitHubApi;
  let work: WorkTree;
  let bare: Git;
  const c: Record<string, string> = {};

  const call = async (method: string, path: string, body?: unknown): Promise<Answer> => {
    const r = await fetch(`${api.url}${path}`, {
      method,
      headers: { authorization: `token ${TOKEN}`, accept: 'application/vnd.github+json' },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await r.text();
    return { status: r.status, body: text ? JSON.parse(text) : undefined, headers: r.headers };
  };
  const push = (...refs: string[]) =>
    work.git.run(['push', '--quiet', '--force', bare.cwd, ...refs]);

  before(async () => {
    work = await WorkTree.create(join(tmp.path, 'work'));
    c.base = await work.commit('base', { 'a.txt': 'a\n' });
    await work.git.run(['checkout', '--quiet', '-b', 'feature/x']);
    c.x1 = await work.commit('x one', { 'x.txt': 'x1\n' });
    await work.git.run(['checkout', '--quiet', '-b', 'clash', c.base]);
    c.clash = await work.commit('clash', { 'x.txt': 'other\n' });
    await work.git.run(['checkout', '--quiet', 'master']);
    bare = await initRepository(join(tmp.path, 'xen', 'qemu.git'));
    await push('master', 'feature/x', 'clash');
    api = await startGitHubApi({ token: TOKEN, gitRoot: tmp.path });
    api.addRepository('xen/qemu', { defaultBranch: 'master', gitDir: 'xen/qemu.git' });
    api.addRepository('xen/plain', {
      defaultBranch: 'main',
      refs: { 'refs/heads/main': 'a'.repeat(40), 'refs/heads/side': 'b'.repeat(40) },
    });
  });
  after(async () => {
    await api.close();
    tmp.cleanup();
  });

  it('takes a ref with slashes, raw or encoded', async () => {
    for (const path of ['heads/feature/x', 'heads%2Ffeature%2Fx']) {
      const r = await call('GET', `/repos/xen/qemu/git/ref/${path}`);
      assert.equal(r.status, 200, path);
      assert.equal(r.body.ref, 'refs/heads/feature/x');
      assert.equal(r.body.object.sha, c.x1);
    }
    const branch = await call('GET', '/repos/xen/qemu/branches/feature/x');
    assert.equal(branch.body.commit.commit.message, 'x one');
    assert.equal((await call('GET', '/repos/xen/qemu/git/ref/heads/none')).status, 404);
  });

  it('follows the head branch of an open pull request and counts its commits', async () => {
    const pr = await call('POST', '/repos/xen/qemu/pulls', {
      title: 'X',
      head: 'xen:feature/x',
      base: 'master',
    });
    assert.equal(pr.status, 201);
    assert.equal(pr.body.commits, 1);
    await work.git.run(['checkout', '--quiet', 'feature/x']);
    c.x2 = await work.commit('x two', { 'y.txt': 'y\n' });
    await push('feature/x');
    const now = await call('GET', `/repos/xen/qemu/pulls/${pr.body.number}`);
    assert.equal(now.body.head.sha, c.x2);
    assert.equal(now.body.commits, 2);
    const commits = await call('GET', `/repos/xen/qemu/pulls/${pr.body.number}/commits`);
    assert.deepEqual(
      commits.body.map((x: { sha: string }) => x.sha),
      [c.x1, c.x2],
    );
    const ahead = await call('GET', '/repos/xen/qemu/compare/master...feature/x');
    assert.deepEqual(
      [
        ahead.body.status,
        ahead.body.ahead_by,
        ahead.body.behind_by,
        ahead.body.merge_base_commit.sha,
      ],
      ['ahead', 2, 0, c.base],
    );
    assert.deepEqual(
      ahead.body.commits.map((x: { sha: string }) => x.sha),
      [c.x1, c.x2],
    );
    const diverged = await call('GET', '/repos/xen/qemu/compare/feature%2Fx...clash');
    assert.deepEqual(
      [diverged.body.status, diverged.body.ahead_by, diverged.body.behind_by],
      ['diverged', 1, 2],
    );
  });

  it('refuses pull requests GitHub refuses', async () => {
    const same = await call('POST', '/repos/xen/qemu/pulls', {
      title: 'Nothing',
      head: 'master',
      base: 'master',
    });
    assert.equal(same.status, 422);
    assert.equal(same.body.errors[0].message, 'No commits between master and master');
    const missing = await call('POST', '/repos/xen/qemu/pulls', {
      title: 'Gone',
      head: 'gone',
      base: 'master',
    });
    assert.deepEqual(
      [missing.status, missing.body.message, missing.body.errors[0].field],
      [422, 'Validation Failed', 'head'],
    );
    const untitled = await call('POST', '/repos/xen/qemu/pulls', { head: 'clash', base: 'master' });
    assert.equal(untitled.status, 422);
    // Closing and reopening while a duplicate is open is refused as well.
    const first = api.state.pulls[0];
    await call('PATCH', `/repos/xen/qemu/pulls/${first.number}`, { state: 'closed' });
    const dup = await call('POST', '/repos/xen/qemu/pulls', {
      title: 'X again',
      head: 'feature/x',
      base: 'master',
    });
    assert.equal(dup.status, 201);
    const reopen = await call('PATCH', `/repos/xen/qemu/pulls/${first.number}`, { state: 'open' });
    assert.equal(reopen.status, 422);
    assert.match(reopen.body.errors[0].message, /already exists for xen:feature\/x/);
    const unowned = await call('GET', '/repos/xen/qemu/pulls?state=all&head=feature/x');
    assert.equal(unowned.body.length, api.state.pulls.length, 'a head without owner: is ignored');
    const owned = await call('GET', '/repos/xen/qemu/pulls?state=all&head=xen:feature/x');
    assert.equal(owned.body.length, 2);
    const closed = await call('GET', '/repos/xen/qemu/pulls?state=closed');
    assert.deepEqual(
      closed.body.map((p: { number: number }) => p.number),
      [first.number],
    );
  });

  it('merges a pull request into the real base branch, once, and refuses a conflict', async () => {
    const open = api.state.pulls.find((p) => p.state === 'open')!;
    const stale = await call('PUT', `/repos/xen/qemu/pulls/${open.number}/merge`, { sha: c.x1 });
    assert.equal(stale.status, 409);
    const merged = await call('PUT', `/repos/xen/qemu/pulls/${open.number}/merge`, {
      sha: c.x2,
    });
    assert.equal(merged.status, 200);
    assert.equal(await bare.commitOf('refs/heads/master'), merged.body.sha);
    assert.equal(
      await bare.run(['rev-parse', `${merged.body.sha}^1`, `${merged.body.sha}^2`]),
      `${c.base}\n${c.x2}`,
    );
    const pr = await call('GET', `/repos/xen/qemu/pulls/${open.number}`);
    assert.deepEqual(
      [pr.body.state, pr.body.merged, pr.body.merge_commit_sha],
      ['closed', true, merged.body.sha],
    );
    assert.equal((await call('GET', `/repos/xen/qemu/pulls/${open.number}/merge`)).status, 204);
    assert.equal((await call('PUT', `/repos/xen/qemu/pulls/${open.number}/merge`)).status, 405);
    const clash = await call('POST', '/repos/xen/qemu/pulls', {
      title: 'C',
      head: 'clash',
      base: 'master',
    });
    const conflict = await call('PUT', `/repos/xen/qemu/pulls/${clash.body.number}/merge`, {
      merge_method: 'squash',
    });
    assert.deepEqual(
      [conflict.status, conflict.body.message],
      [405, 'Pull Request is not mergeable'],
    );
    assert.equal(await bare.commitOf('refs/heads/master'), merged.body.sha);
    // A head branch deleted by a push closes its pull request.
    await work.git.run(['push', '--quiet', bare.cwd, ':clash']);
    const gone = await call('GET', `/repos/xen/qemu/pulls/${clash.body.number}`);
    assert.deepEqual([gone.body.state, gone.body.merged], ['closed', false]);
  });

  it('closes an issue with a reason, reopens it, and filters the list', async () => {
    const issue = await call('POST', '/repos/xen/qemu/issues', {
      title: 'Divergence report',
      body: '<!-- tributary:divergence -->',
      labels: ['report'],
    });
    assert.equal(issue.status, 201);
    const n = issue.body.number;
    const closed = await call('PATCH', `/repos/xen/qemu/issues/${n}`, {
      state: 'closed',
      state_reason: 'not_planned',
    });
    assert.deepEqual([closed.body.state, closed.body.state_reason], ['closed', 'not_planned']);
    assert.ok(closed.body.closed_at);
    const reopened = await call('PATCH', `/repos/xen/qemu/issues/${n}`, { state: 'open' });
    assert.deepEqual([reopened.body.state, reopened.body.state_reason], ['open', 'reopened']);
    const mine = await call('GET', '/repos/xen/qemu/issues?labels=report&creator=tributary-bot');
    assert.deepEqual(
      mine.body.map((i: { number: number }) => i.number),
      [n],
    );
    const nobody = await call('GET', '/repos/xen/qemu/issues?creator=someone');
    assert.deepEqual(nobody.body, []);
    const assigned = await call('POST', `/repos/xen/qemu/issues/${n}/assignees`, {
      assignees: ['alice'],
    });
    assert.deepEqual([assigned.status, assigned.body.assignee.login], [201, 'alice']);
  });

  it('searches issues and pull requests by qualifiers and phrases', async () => {
    const marked = api.addPull('xen/plain', {
      title: 'Sync with upstream',
      body: 'Shortlog\n<!-- tributary:sync stable-8.2 -->',
      head: 'sync/stable-8.2',
      base: 'main',
      labels: ['tributary'],
    });
    api.addIssue('xen/plain', { title: 'tributary:sync stable-8.2 mentioned in a title' });
    const q = (query: string) =>
      call('GET', `/search/issues?q=${encodeURIComponent(query)}`).then((r) =>
        r.body.items.map((i: { number: number }) => i.number),
      );
    assert.deepEqual(await q('repo:xen/plain is:pr is:open in:body "tributary:sync stable-8.2"'), [
      marked.number,
    ]);
    assert.deepEqual(await q('repo:xen/plain is:pr label:tributary head:sync/stable-8.2'), [
      marked.number,
    ]);
    assert.deepEqual(await q('repo:xen/plain is:pr -label:tributary "tributary:sync"'), []);
    assert.equal((await q('repo:xen/plain "tributary:sync stable-8.2"')).length, 2);
    const r = await call('GET', `/search/issues?q=${encodeURIComponent('repo:xen/plain is:pr')}`);
    assert.equal(
      r.body.items[0].pull_request.url,
      `${api.url}/repos/xen/plain/pulls/${marked.number}`,
    );
    assert.equal(r.body.incomplete_results, false);
  });

  it('refuses a duplicate label and a bad colour', async () => {
    const made = await call('POST', '/repos/xen/qemu/labels', {
      name: 'backport',
      color: 'ff0000',
    });
    assert.equal(made.status, 201);
    const again = await call('POST', '/repos/xen/qemu/labels', { name: 'Backport' });
    assert.deepEqual([again.status, again.body.errors[0].code], [422, 'already_exists']);
    const bad = await call('POST', '/repos/xen/qemu/labels', { name: 'x', color: 'red' });
    assert.equal(bad.status, 422);
  });

  it('keeps the rules of check runs: a completed run has a conclusion; latest per name', async () => {
    const none = await call('POST', '/repos/xen/qemu/check-runs', {
      name: 'gate',
      head_sha: c.base,
      status: 'completed',
    });
    assert.equal(none.status, 422);
    const unknown = await call('POST', '/repos/xen/qemu/check-runs', {
      name: 'gate',
      head_sha: 'd'.repeat(40),
    });
    assert.equal(unknown.status, 422);
    for (const conclusion of ['failure', 'success'])
      await call('POST', '/repos/xen/qemu/check-runs', {
        name: 'gate',
        head_sha: c.base,
        conclusion,
      });
    const latest = await call('GET', `/repos/xen/qemu/commits/${c.base}/check-runs`);
    assert.deepEqual(
      latest.body.check_runs.map((r: { conclusion: string }) => r.conclusion),
      ['success'],
    );
    const all = await call('GET', `/repos/xen/qemu/commits/${c.base}/check-runs?filter=all`);
    assert.equal(all.body.total_count, 2);
  });

  it('serves a repository without git from its ref map', async () => {
    const pr = await call('POST', '/repos/xen/plain/pulls', {
      title: 'P',
      head: 'side',
      base: 'main',
    });
    assert.deepEqual(
      [pr.status, pr.body.head.sha, pr.body.base.sha],
      [201, 'b'.repeat(40), 'a'.repeat(40)],
    );
    const moved = await call('PATCH', '/repos/xen/plain/git/refs/heads/side', {
      sha: 'c'.repeat(40),
    });
    assert.equal(moved.status, 200);
    assert.equal(api.repository('xen/plain').refs.get('refs/heads/side'), 'c'.repeat(40));
    assert.equal((await call('DELETE', '/repos/xen/plain/git/refs/heads/side')).status, 204);
    assert.equal(api.state.pulls.find((p) => p.number === pr.body.number)!.state, 'closed');
    assert.equal((await call('DELETE', '/repos/xen/plain/git/refs/heads/side')).status, 422);
  });

  it('opens one pull request when the same one is asked for three times at once', async () => {
    await api.setRef('xen/plain', 'refs/heads/race', 'd'.repeat(40));
    const answers = await Promise.all(
      [1, 2, 3].map((n) =>
        call('POST', '/repos/xen/plain/pulls', { title: `race ${n}`, head: 'race', base: 'main' }),
      ),
    );
    assert.deepEqual(answers.map((a) => a.status).sort(), [201, 422, 422]);
    assert.equal(api.state.pulls.filter((p) => p.pull.head.ref === 'race').length, 1);
  });

  it('turns a pull request into a draft through GraphQL, and refuses queries it does not know', async () => {
    const gh = createGitHub({ token: TOKEN, baseUrl: api.url });
    const pr = api.state.pulls.find((p) => p.pull.head.ref === 'race')!;
    const node = (await call('GET', `/repos/xen/plain/pulls/${pr.number}`)).body.node_id;
    const r = await gh.graphql<{
      convertPullRequestToDraft: { pullRequest: { isDraft: boolean } };
    }>(
      'mutation($id: ID!) { convertPullRequestToDraft(input: { pullRequestId: $id }) { pullRequest { isDraft } } }',
      { id: node },
    );
    assert.equal(r.convertPullRequestToDraft.pullRequest.isDraft, true);
    assert.equal((await call('GET', `/repos/xen/plain/pulls/${pr.number}`)).body.draft, true);
    await assert.rejects(
      gh.graphql('query { viewer { login } }'),
      /does not answer this GraphQL query/,
    );
  });

  it('pages with first, prev, next and last links and caps per_page at 100', async () => {
    for (let i = 0; i < 120; i++) api.addIssue('xen/plain', { title: `i${i}` });
    const p2 = await call('GET', '/repos/xen/plain/issues?per_page=50&page=2');
    assert.equal(p2.body.length, 50);
    const link = p2.headers.get('link')!;
    for (const [page, rel] of [
      [1, 'prev'],
      [3, 'next'],
      [3, 'last'],
      [1, 'first'],
    ])
      assert.match(link, new RegExp(`[?&]page=${page}[^>]*>; rel="${rel}"`));
    const big = await call('GET', '/repos/xen/plain/issues?per_page=500');
    assert.equal(big.body.length, 100);
  });

  it("answers in GitHub's error shape: bad JSON, unknown path, token forms", async () => {
    const json = await call('POST', '/repos/xen/qemu/issues', '{"title":');
    assert.deepEqual([json.status, json.body.message], [400, 'Problems parsing JSON']);
    const unknown = await call('GET', '/repos/xen/qemu/nothing-here');
    assert.deepEqual(unknown.body, {
      message: 'Not Found',
      documentation_url: 'https://docs.github.com/rest',
      status: '404',
    });
    const user = await call('GET', '/user');
    assert.equal(user.body.login, 'tributary-bot');
    const basic = await fetch(`${api.url}/user`, { headers: { authorization: `Basic ${TOKEN}` } });
    assert.equal(basic.status, 401);
  });

  it('injects faults by method and path, a given number of times, and the client retries a 429', async () => {
    githubRetryPolicy.retryAfterBaseValue = 10;
    api.addFault({ method: 'POST', path: /\/issues$/, kind: 'status', status: 503, times: 1 });
    assert.equal((await call('GET', '/repos/xen/plain/issues?per_page=1')).status, 200);
    assert.equal((await call('POST', '/repos/xen/plain/issues', { title: 't' })).status, 503);
    assert.equal((await call('POST', '/repos/xen/plain/issues', { title: 't' })).status, 201);
    api.addFault({ path: '/repos/xen/plain', kind: 'status', status: 429, times: 1 });
    const gh = createGitHub({ token: TOKEN, baseUrl: api.url });
    assert.equal((await gh.rest.repos.get({ owner: 'xen', repo: 'plain' })).status, 200);
    const tail = api.requests.filter((r) => r.path === '/repos/xen/plain').map((r) => r.status);
    assert.deepEqual(tail, [429, 200]);
  });
});
