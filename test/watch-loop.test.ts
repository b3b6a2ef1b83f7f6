/**
 * The watch loop, for real: an upstream tree of 30 commits on the boot-sector fixture, one of
 * which breaks the boot, watched against a consumer tree held at its baseline. Each job is
 * the bundled hypervisor-test action booting the guest under QEMU (TCG) on its own checkout,
 * its results left as download-artifact leaves them. The watch flight at the head finds the
 * regression against the previous flight of the series and opens its issue on the GitHub API
 * test server; then the bundled bisect action runs the rounds, 3 test jobs in parallel (3
 * runner hosts), until it names the commit, confirmed, on the issue.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { initRepository, type Git } from '../actions/lib/git.js';
import { readFlightsOf } from '../actions/lib/flight-notes.js';
import { startGitServer, type GitServer } from './harness/git-server.js';
import { startGitHubApi, type GitHubApi } from './harness/github-api.js';
import { tempDir, WorkTree } from './harness/fixtures.js';
import { assertTokenKept, runAction, type ActionRun } from './harness/runner.js';
import { bootsectorTree, planWithBootTimeout, variantFiles } from './harness/bootsector.js';
import { watchReport, type WatchRegression } from './harness/watch-report.js';

const TOKEN = 'ghs_watchLoopTOKEN0123456789abcdefABCD';
const NOTES = 'refs/notes/tributary/watch';
const SERIES = 'bootsector-master-vs-xen-unstable';
const REPO = 'xen-project/bootsector';
const COMMITS = 30;
const BREAKS = 19;
const RUNNERS = 3;

/** The fixture's plan under TCG, with the consumer tree checked out beside the watched one. */
const PLAN = planWithBootTimeout('30s').replace(
  /(trees:\n\s+- name: bootsector\n\s+path: \.\n)/,
  '$1  - name: xen\n    path: xen\n',
);

interface Entry {
  tree: string;
  revision: string;
  trees: Record<string, string>;
}

describe('the watch loop: a regression found, its issue opened, bisected on 3 runners (QEMU)', () => {
  const tmp = tempDir('tributary-watch-loop-');
  let server: GitServer;
  let api: GitHubApi;
  let hosted: Git;
  const runs: ActionRun[] = [];
  let jobs = 0;
  let boots = 0;

  before(async () => {
    server = await startGitServer(join(tmp.path, 'srv'), TOKEN);
    api = await startGitHubApi({ token: TOKEN });
    api.addRepository(REPO, { defaultBranch: 'master' });
    for (const name of ['bootsector.git', 'xen.git']) {
      const bare = await initRepository(server.repoPath(name));
      await bare.run(['config', 'uploadpack.allowFilter', 'true']);
      await bare.run(['config', 'uploadpack.allowAnySHA1InWant', 'true']);
    }
    hosted = await initRepository(server.repoPath('bootsector.git'));
  });
  after(async () => {
    await server.close();
    await api.close();
    try {
      assertTokenKept(runs, server.root, TOKEN);
    } finally {
      tmp.cleanup();
    }
  });

  /** A checkout of a tree at a revision from the git server, as actions/checkout makes it. */
  async function checkout(dir: string, repo: string, revision: string): Promise<void> {
    const git = await initRepository(dir, {
      bare: false,
      remotes: [{ url: server.repoUrl(repo), token: TOKEN }],
    });
    await git.run(['fetch', '--quiet', server.repoUrl(repo), revision]);
    await git.run(['checkout', '--quiet', '--detach', revision]);
  }

  /**
   * One test job on runner `runner`: both trees checked out, the guest built and booted by the
   * bundled hypervisor-test action, its output folder copied where download-artifact puts it.
   */
  async function testJob(trees: Record<string, string>, runId: string, runner: number) {
    const n = ++jobs;
    const workspace = join(tmp.path, 'jobs', String(n));
    await checkout(workspace, 'bootsector.git', trees.bootsector);
    await checkout(join(workspace, 'xen'), 'xen.git', trees.xen);
    const lock = join(tmp.path, `runner-${runner}`);
    mkdirSync(lock, { recursive: true, mode: 0o700 });
    const job = await runAction('hypervisor-test', {
      inputs: { plan: 'plan.yml', 'lock-dir': lock },
      workspace,
      env: { GITHUB_RUN_ID: runId, GITHUB_REPOSITORY: REPO },
      timeoutMs: 120_000,
    });
    runs.push(job);
    boots++;
    assert.ok(job.outputs['result-file'], job.log);
    const artifact = join(tmp.path, 'artifacts', runId, `result-${n}`);
    mkdirSync(dirname(artifact), { recursive: true });
    cpSync(dirname(job.outputs['result-file']), artifact, { recursive: true });
    return { job, artifact };
  }

  async function bisect(inputs: Record<string, string>, runId: string): Promise<ActionRun> {
    const r = await runAction('bisect', {
      inputs: {
        'tree-url': server.repoUrl('bootsector.git'),
        series: SERIES,
        job: 'boot-bootsector',
        runners: String(RUNNERS),
        ...inputs,
      },
      githubToken: TOKEN,
      env: {
        GITHUB_API_URL: api.url,
        GITHUB_REPOSITORY: REPO,
        GITHUB_RUN_ID: runId,
        TRIBUTARY_GITHUB_SPACE_WRITES: 'false',
      },
      timeoutMs: 120_000,
    });
    runs.push(r);
    assert.equal(r.code, 0, r.log);
    return r;
  }

  it('finds the regression, opens its issue and names the commit that broke the boot', async () => {
    // Upstream: the fixture's good boot sector, then 30 commits; commit 19 breaks the boot.
    const { tree, head: base } = await bootsectorTree(join(tmp.path, 'upstream'), { plan: PLAN });
    const commits: string[] = [base];
    for (let i = 1; i <= COMMITS; i++) {
      const files: Record<string, string> = { NEWS: `change ${i}\n` };
      commits.push(
        await tree.commit(
          i === BREAKS ? 'bootsector: a shorter boot path' : `bootsector: change ${i}`,
          i === BREAKS ? { ...files, ...variantFiles('bad') } : files,
        ),
      );
    }
    await tree.git.run(['push', '--quiet', hosted.cwd, 'master']);
    const xen = await WorkTree.create(join(tmp.path, 'xen'));
    const baseline = await xen.commit('xen: the baseline', { 'xen.c': 'int main;\n' });
    await xen.git.run(['push', '--quiet', server.repoPath('xen.git'), 'master']);

    // The watch: the previous flight of the series at the old head, then the one at the new.
    const watch = async (revision: string, flight: string) => {
      const { artifact } = await testJob({ bootsector: revision, xen: baseline }, flight, 1);
      const report = await watchReport({
        series: SERIES,
        tree: 'bootsector',
        treeUrl: server.repoUrl('bootsector.git'),
        results: dirname(artifact),
        flight: `https://github.com/${REPO}/actions/runs/${flight}`,
        repository: REPO,
        token: TOKEN,
        apiUrl: api.url,
      });
      runs.push(report.run);
      return report;
    };
    const first = await watch(base, '100');
    assert.deepEqual(first.regressions, [], 'the first flight of a series has nothing to compare');
    const second = await watch(commits[COMMITS], '101');
    const regression = second.regressions.find((r) => r.step === 'boot') as WatchRegression;
    assert.ok(regression, JSON.stringify(second.regressions));
    assert.equal(regression.pass, base);
    assert.equal(regression.fail, commits[COMMITS]);
    const issue = regression.issue!;
    assert.equal(api.state.issues.find((i) => i.number === issue)?.state, 'open');

    // The bisection, as workflows/bisect.yml runs it: plan; then rounds of 3 test jobs in
    // parallel and a record job that plans the next, until done.
    const common = {
      step: regression.step,
      pass: regression.pass,
      fail: regression.fail,
      'pass-flight': regression.passFlight,
      'fail-flight': regression.failFlight,
      issue: String(issue),
    };
    let r = await bisect({ ...common, mode: 'plan' }, '200');
    const rounds: Entry[][] = [];
    while (r.outputs.done === 'false') {
      const matrix = JSON.parse(r.outputs.matrix) as Entry[];
      rounds.push(matrix);
      assert.ok(rounds.length <= 5, `more than ${rounds.length - 1} rounds`);
      assert.ok(matrix.length <= RUNNERS);
      const runId = String(200 + rounds.length);
      await Promise.all(matrix.map((e, i) => testJob(e.trees, runId, i + 1)));
      r = await bisect(
        { ...common, mode: 'record', results: join(tmp.path, 'artifacts', runId) },
        runId,
      );
    }
    // At most ceil(log_4 30) + 2 = 5 rounds, the confirmations included.
    assert.ok(rounds.length <= Math.ceil(Math.log(COMMITS) / Math.log(RUNNERS + 1)) + 2);
    assert.equal(r.outputs.culprit, commits[BREAKS]);
    const result = JSON.parse(r.outputs.result);
    assert.equal(result.outcome, 'blamed');
    assert.equal(result.commit.subject, 'bootsector: a shorter boot path');
    assert.equal(result.commit.author, 'Test Author <author@example.org>');
    const seen = (rev: string, outcome: string) =>
      result.evidence.filter(
        (e: { trees: { revision: string }[]; outcome: string }) =>
          e.trees[0].revision === rev && e.outcome === outcome,
      ).length;
    assert.equal(seen(commits[BREAKS], 'fail'), 3);
    assert.equal(seen(commits[BREAKS - 1], 'pass'), 3);

    // Every test job is a bisection flight of the series, with both trees.
    const recorded = [...(await readFlightsOf(hosted, NOTES, commits)).values()]
      .flat()
      .filter((f) => f.purpose === 'bisect');
    assert.equal(recorded.length, rounds.flat().length);
    assert.equal(boots, 2 + rounds.flat().length);

    // The result on the regression's issue: the commit, its author, the evidence and logs.
    const comments = api.state.comments.filter((c) => c.issueNumber === issue);
    assert.equal(comments.length, 1);
    const body = comments[0].body;
    assert.ok(body.includes(commits[BREAKS]), body);
    assert.match(body, /bootsector: a shorter boot path/);
    assert.match(body, /Test Author <author@example.org>/);
    for (const f of recorded.filter((f) => f.revision === commits[BREAKS]))
      assert.ok(body.includes(f.flight), `evidence flight ${f.flight}`);
    assert.match(body, /logs\/\S*boot\S*\.log/);
  });
});
