import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { createGitHub, githubRetryPolicy, type GitHub } from '../actions/lib/github.js';
import { Git, initRepository } from '../actions/lib/git.js';
import { MemoryLogger } from '../actions/lib/log.js';
import { startGitHubApi, type GitHubApi } from './harness/github-api.js';
import { WorkTree, tempDir } from './harness/fixtures.js';

const TOKEN = 'ghs_apitesttoken0123456789abcdefABCDEF';
const repo = { owner: 'xen', repo: 'qemu' };

/** The rejection of a request (Octokit's RequestError), for assertions on GitHub's answer. */
async function failure(p: Promise<unknown>): Promise<{ status: number; message: string }> {
  try {
    await p;
  } catch (e) {
    if (e instanceof Error && typeof (e as { status?: unknown }).status === 'number')
      return e as Error & { status: number };
    throw e;
  }
  assert.fail('the request succeeded');
}

/**
 * A request without the client, for refusals: the client spaces writes a second apart (GitHub's
 * advice, which its throttling follows), so the negative cases skip it to keep the file quick.
 */
async function raw(
  api: GitHubApi,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: { message?: string; documentation_url?: string } }> {
  const r = await fetch(`${api.url}${path}`, {
    method,
    headers: { authorization: `token ${TOKEN}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: r.status, body: (await r.json()) as { message?: string } };
}

describe('test GitHub API server through the real client', () => {
  const tmp = tempDir();
  let api: GitHubApi;
  let gh: GitHub;
  let bare: Git;
  const log = new MemoryLogger();
  const commits: Record<string, string> = {};

  before(async () => {
    githubRetryPolicy.retryAfterBaseValue = 10;
    // The test server has no secondary limits to respect: no 1 s spacing between writes.
    process.env.TRIBUTARY_GITHUB_SPACE_WRITES = 'false';
    // A real bare repository: master (c1, c2), feature (c2 + f1), topic (c1 + t1).
    const work = await WorkTree.create(join(tmp.path, 'work'));
    commits.c1 = await work.commit('first', { 'a.txt': 'a\n' });
    commits.c2 = await work.commit('second', { 'b.txt': 'b\n' });
    await work.git.run(['checkout', '--quiet', '-b', 'feature']);
    commits.f1 = await work.commit('feature', { 'f.txt': 'f\n' });
    await work.git.run(['checkout', '--quiet', '-b', 'topic', commits.c1]);
    commits.t1 = await work.commit('topic', { 't.txt': 't\n' });
    bare = await initRepository(join(tmp.path, 'srv', 'xen', 'qemu.git'));
    await work.git.run(['push', '--quiet', bare.cwd, 'master', 'feature', 'topic']);

    api = await startGitHubApi({ token: TOKEN, gitRoot: join(tmp.path, 'srv') });
    const record = api.addRepository('xen/qemu', { defaultBranch: 'master' });
    assert.equal(record.gitDir, bare.cwd, 'linked through gitRoot');
    gh = createGitHub({ token: TOKEN, baseUrl: api.url, logger: log });
  });
  after(async () => {
    await api.close();
    tmp.cleanup();
  });

  it('creates a pull request with the revisions of the linked repository and finds it by head', async () => {
    const { status, data } = await gh.rest.pulls.create({
      ...repo,
      head: 'feature',
      base: 'master',
      title: 'Add the feature',
      body: 'Why it matters',
      draft: true,
    });
    assert.equal(status, 201);
    assert.equal(data.head.sha, commits.f1);
    assert.equal(data.base.sha, commits.c2);
    assert.equal(data.head.label, 'xen:feature');
    assert.equal(data.draft, true);
    assert.equal(data.commits, 1);
    const found = await gh.rest.pulls.list({ ...repo, head: 'xen:feature', state: 'open' });
    assert.deepEqual(
      found.data.map((p) => p.number),
      [data.number],
    );
    const none = await gh.rest.pulls.list({ ...repo, head: 'xen:topic' });
    assert.deepEqual(none.data, []);
    // On GitHub a pull request is an issue as well.
    const issue = await gh.rest.issues.get({ ...repo, issue_number: data.number });
    assert.ok(issue.data.pull_request);
    const pullCommits = await gh.rest.pulls.listCommits({ ...repo, pull_number: data.number });
    assert.deepEqual(
      pullCommits.data.map((c) => [c.sha, c.commit.message]),
      [[commits.f1, 'feature']],
    );
    assert.equal(api.state.pulls[0].title, 'Add the feature');
  });

  it('refuses a second open pull request for the same head and base with 422', async () => {
    const e = await failure(
      gh.rest.pulls.create({ ...repo, head: 'feature', base: 'master', title: 'Again' }),
    );
    assert.equal(e.status, 422);
    assert.match(e.message, /A pull request already exists for xen:feature\./);
    assert.equal(api.state.pulls.length, 1);
  });

  it('pages through a long issue list with a Link header that octokit.paginate follows', async () => {
    for (let i = 0; i < 64; i++) api.addIssue('xen/qemu', { title: `issue ${i}` });
    const all = await gh.paginate(gh.rest.issues.listForRepo, { ...repo, per_page: 30 });
    assert.equal(all.length, 65);
    assert.equal(new Set(all.map((i) => i.number)).size, 65);
    assert.deepEqual(
      all.map((i) => i.number),
      [...all.map((i) => i.number)].sort((a, b) => b - a),
      'newest first',
    );
    assert.equal(all.filter((i) => i.pull_request).length, 1);
    const pages = api.requests.filter(
      (r) => r.method === 'GET' && r.path === '/repos/xen/qemu/issues',
    );
    assert.deepEqual(
      pages.map((r) => r.query.page ?? '1'),
      ['1', '2', '3'],
    );
  });

  it("keeps an issue's labels and comments", async () => {
    const issue = api.addIssue('xen/qemu', { title: 'Guest hangs' });
    await gh.rest.issues.addLabels({
      ...repo,
      issue_number: issue.number,
      labels: ['regression', 'upstream'],
    });
    const left = await gh.rest.issues.removeLabel({
      ...repo,
      issue_number: issue.number,
      name: 'upstream',
    });
    assert.deepEqual(
      left.data.map((l) => l.name),
      ['regression'],
    );
    const gone = await raw(api, 'DELETE', `/repos/xen/qemu/issues/${issue.number}/labels/upstream`);
    assert.equal(gone.status, 404);
    assert.equal(gone.body.message, 'Label does not exist');
    const c = await gh.rest.issues.createComment({
      ...repo,
      issue_number: issue.number,
      body: 'Seen on 9.2',
    });
    await gh.rest.issues.updateComment({
      ...repo,
      comment_id: c.data.id,
      body: 'Seen on 9.2 and 10.0',
    });
    const comments = await gh.rest.issues.listComments({ ...repo, issue_number: issue.number });
    assert.deepEqual(
      comments.data.map((x) => x.body),
      ['Seen on 9.2 and 10.0'],
    );
    const labelled = await gh.rest.issues.listForRepo({ ...repo, labels: 'regression' });
    assert.deepEqual(
      labelled.data.map((i) => [i.number, i.comments]),
      [[issue.number, 1]],
    );
    const labels = await gh.rest.issues.listLabelsForRepo(repo);
    assert.deepEqual(labels.data.map((l) => l.name).sort(), ['regression', 'upstream']);
  });

  it('combines the latest status of each context', async () => {
    await gh.rest.repos.createCommitStatus({
      ...repo,
      sha: commits.f1,
      state: 'pending',
      context: 'build',
    });
    await gh.rest.repos.createCommitStatus({
      ...repo,
      sha: commits.f1,
      state: 'success',
      context: 'build',
    });
    await gh.rest.repos.createCommitStatus({
      ...repo,
      sha: commits.f1,
      state: 'failure',
      context: 'boot',
    });
    const combined = await gh.rest.repos.getCombinedStatusForRef({ ...repo, ref: 'feature' });
    assert.equal(combined.data.state, 'failure');
    assert.equal(combined.data.sha, commits.f1);
    assert.deepEqual(combined.data.statuses.map((s) => [s.context, s.state]).sort(), [
      ['boot', 'failure'],
      ['build', 'success'],
    ]);
    const history = await gh.rest.repos.listCommitStatusesForRef({ ...repo, ref: commits.f1 });
    assert.deepEqual(
      history.data.map((s) => s.state),
      ['failure', 'success', 'pending'],
    );
    const unknown = await raw(api, 'POST', `/repos/xen/qemu/statuses/${'f'.repeat(40)}`, {
      state: 'success',
    });
    assert.equal(unknown.status, 422);
    const invalid = await raw(api, 'POST', `/repos/xen/qemu/statuses/${commits.f1}`, {
      state: 'green',
    });
    assert.equal(invalid.status, 422);
    assert.equal(api.state.statuses.length, 3);
  });

  it('creates a check run and completes it', async () => {
    const run = await gh.rest.checks.create({
      ...repo,
      name: 'flight',
      head_sha: commits.f1,
      status: 'in_progress',
    });
    assert.equal(run.data.status, 'in_progress');
    const done = await gh.rest.checks.update({
      ...repo,
      check_run_id: run.data.id,
      conclusion: 'failure',
      output: { title: '1 regression', summary: 'boot failed on x86_64' },
    });
    assert.equal(done.data.status, 'completed');
    assert.ok(done.data.completed_at);
    const list = await gh.rest.checks.listForRef({ ...repo, ref: 'feature' });
    assert.equal(list.data.total_count, 1);
    assert.deepEqual(
      list.data.check_runs.map((c) => [c.name, c.conclusion, c.output.title]),
      [['flight', 'failure', '1 regression']],
    );
  });

  it('refuses a ref update that is not a fast-forward, in the real repository', async () => {
    const refused = await failure(
      gh.rest.git.updateRef({ ...repo, ref: 'heads/topic', sha: commits.c2 }),
    );
    assert.equal(refused.status, 422);
    assert.match(refused.message, /Update is not a fast forward/);
    assert.equal(await bare.commitOf('refs/heads/topic'), commits.t1);
    // A fast-forward (topic's base to master) passes; force moves anywhere.
    await api.setRef('xen/qemu', 'refs/heads/next', commits.c1);
    assert.equal(await bare.commitOf('refs/heads/next'), commits.c1);
    const ff = await gh.rest.git.updateRef({ ...repo, ref: 'heads/next', sha: commits.c2 });
    assert.equal(ff.data.object.sha, commits.c2);
    await gh.rest.git.updateRef({ ...repo, ref: 'heads/topic', sha: commits.c2, force: true });
    assert.equal(await bare.commitOf('refs/heads/topic'), commits.c2);
    const matching = await gh.rest.git.listMatchingRefs({ ...repo, ref: 'heads/' });
    assert.deepEqual(
      matching.data.map((r) => r.ref),
      ['refs/heads/feature', 'refs/heads/master', 'refs/heads/next', 'refs/heads/topic'],
    );
    const exists = await raw(api, 'POST', '/repos/xen/qemu/git/refs', {
      ref: 'refs/heads/next',
      sha: commits.c1,
    });
    assert.deepEqual([exists.status, exists.body.message], [422, 'Reference already exists']);
    const noObject = await raw(api, 'POST', '/repos/xen/qemu/git/refs', {
      ref: 'refs/heads/other',
      sha: 'e'.repeat(40),
    });
    assert.deepEqual([noObject.status, noObject.body.message], [422, 'Object does not exist']);
    assert.equal(await bare.commitOf('refs/heads/other'), undefined);
  });

  it('records a workflow dispatch with its ref and inputs', async () => {
    const r = await gh.rest.actions.createWorkflowDispatch({
      ...repo,
      workflow_id: 'gate.yml',
      ref: 'master',
      inputs: { tree: 'qemu' },
    });
    assert.equal(r.status, 204);
    assert.deepEqual(
      api.state.dispatches.map((d) => [d.workflow, d.ref, d.inputs]),
      [['gate.yml', 'master', { tree: 'qemu' }]],
    );
  });

  it('retries a 502 to success', async () => {
    api.addFault({ method: 'GET', path: '/repos/xen/qemu', kind: 'status', status: 502, times: 2 });
    const r = await gh.rest.repos.get(repo);
    assert.equal(r.data.default_branch, 'master');
    assert.deepEqual(
      api.requests.filter((x) => x.path === '/repos/xen/qemu').map((x) => x.status),
      [502, 502, 200],
    );
  });

  it('waits out a secondary rate limit and a primary one', async () => {
    api.addFault({ path: /\/branches\//, kind: 'secondary-rate-limit', retryAfter: 1 });
    const branch = await gh.rest.repos.getBranch({ ...repo, branch: 'master' });
    assert.equal(branch.data.commit.sha, commits.c2);
    assert.match(log.warnings.join('\n'), /secondary rate limit on GET/);
    api.addFault({ path: '/repos/xen/qemu/labels', kind: 'rate-limit', retryAfter: 0 });
    await gh.rest.issues.listLabelsForRepo(repo);
    assert.match(log.warnings.join('\n'), /API rate limit on GET/);
    const statuses = api.requests
      .filter((x) => /\/branches\/|\/labels$/.test(x.path))
      .map((x) => x.status);
    assert.deepEqual(statuses.slice(-4), [403, 200, 403, 200]);
  });

  it('is found through GITHUB_API_URL, as a bundled action finds it', async () => {
    const saved = process.env.GITHUB_API_URL;
    process.env.GITHUB_API_URL = api.url;
    try {
      const fromEnv = createGitHub({ token: TOKEN });
      const user = await fromEnv.rest.users.getAuthenticated();
      assert.equal(user.data.login, 'tributary-bot');
    } finally {
      if (saved === undefined) delete process.env.GITHUB_API_URL;
      else process.env.GITHUB_API_URL = saved;
    }
  });

  it('refuses a bad or missing token with 401, and never records a token', async () => {
    const bad = createGitHub({ token: 'ghs_wrong', baseUrl: api.url });
    const e = await failure(bad.rest.repos.get(repo));
    assert.equal(e.status, 401);
    assert.match(e.message, /Bad credentials/);
    const anonymous = await fetch(`${api.url}/repos/xen/qemu`);
    assert.equal(anonymous.status, 401);
    assert.deepEqual(await anonymous.json(), {
      message: 'Requires authentication',
      documentation_url: 'https://docs.github.com/rest',
      status: '401',
    });
    const bearer = await fetch(`${api.url}/repos/xen/qemu`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    assert.equal(bearer.status, 200);
    const missing = await failure(gh.rest.repos.get({ owner: 'xen', repo: 'nothing' }));
    assert.equal(missing.status, 404);
    assert.doesNotMatch(JSON.stringify(api.requests), new RegExp(TOKEN));
  });
});
