/**
 * The bisect action (dist/bisect) as a workflow drives it: a plan job, a matrix of test jobs
 * (their results written as a job writes them, each in its own artifact folder), a record
 * job that records the round and plans the next, until done; the watched tree served over
 * smart HTTP with a token, the regression's issue on the GitHub API test server. Then what
 * must never write: bad input, a regression that passes again, a second record of a round.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  appendFlightNote,
  FLIGHT_RECORD_FORMAT,
  type FlightRecord,
} from '../actions/lib/flight.js';
import { initRepository, type Git } from '../actions/lib/git.js';
import { readFlightsOf, writeNote } from '../actions/lib/flight-notes.js';
import { startGitServer, type GitServer } from './harness/git-server.js';
import { startGitHubApi, type GitHubApi } from './harness/github-api.js';
import { tempDir, WorkTree } from './harness/fixtures.js';
import { assertTokenKept, runAction, type ActionRun } from './harness/runner.js';

const TOKEN = 'ghs_bisectActionTOKEN0123456789abcdefAB';
const NOTES = 'refs/notes/tributary/watch';
const SERIES = 'qemu-master-vs-xen-unstable';
const JOB = 'test-amd64-qemuu';
const REPO = 'xen-project/qemu';

interface Entry {
  tree: string;
  revision: string;
  trees: Record<string, string>;
}

describe('actions/bisect (dist/bisect, over smart HTTP and the API server)', () => {
  const tmp = tempDir('tributary-bisect-action-');
  let server: GitServer;
  let api: GitHubApi;
  let hosted: Git;
  let work: WorkTree;
  const q: Record<string, string> = {};
  let xen: string;
  const runs: ActionRun[] = [];
  let artifacts = 0;

  /**
   * A test job of the matrix: what hypervisor-test would write for these revisions (the boot
   * fails where the tree has REGRESSION, the build where it has BROKEN), in an artifact folder.
   */
  async function testJob(entry: Entry, round: string, boot?: 'pass' | 'fail'): Promise<string> {
    const rev = entry.trees.qemu;
    const has = async (f: string) =>
      (await work.git.exec(['cat-file', '-e', `${rev}:${f}`], { allowFailure: true })).code === 0;
    const broken = await has('BROKEN');
    const status = boot ?? ((await has('REGRESSION')) ? 'fail' : 'pass');
    const dir = join(tmp.path, 'artifacts', round, `result-${++artifacts}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'result.json'),
      JSON.stringify({
        format: 'tributary.job/v1',
        job: JOB,
        flight: round,
        url: `https://github.com/${REPO}/actions/runs/${round}/job/${artifacts}`,
        trees: Object.entries(entry.trees).map(([name, revision]) => ({ name, revision })),
        steps: [
          { name: 'build', status: broken ? 'fail' : 'pass' },
          { name: 'boot', status: broken ? 'blocked' : status, log: 'logs/boot.log' },
        ],
      }),
    );
    return dir;
  }

  /** A watch flight of the series, as the watch records it. */
  async function watchFlight(flight: string, qemu: string, boot: 'pass' | 'fail', series = SERIES) {
    const record: FlightRecord = {
      format: FLIGHT_RECORD_FORMAT,
      flight,
      series,
      purpose: 'watch',
      tree: 'qemu',
      revision: qemu,
      trees: [
        { name: 'qemu', revision: qemu },
        { name: 'xen', revision: xen },
      ],
      jobs: [
        {
          name: JOB,
          url: `https://github.com/${REPO}/actions/runs/${flight}`,
          steps: [
            { name: 'build', status: 'pass' },
            { name: 'boot', status: boot },
          ],
        },
      ],
      recordedAt: new Date(
        Date.UTC(2026, 0, 1) + Number(flight.replace(/\D/g, '')) * 60_000,
      ).toISOString(),
    };
    const existing = (await readFlightsOf(hosted, NOTES, [qemu])).get(qemu) ?? [];
    let text = '';
    for (const r of [...existing, record]) text = appendFlightNote(text, r);
    await writeNote(hosted, NOTES, qemu, text);
  }

  async function bisect(inputs: Record<string, string>, runId = '2000'): Promise<ActionRun> {
    const r = await runAction('bisect', {
      inputs: {
        'tree-url': server.repoUrl('qemu.git'),
        series: SERIES,
        job: JOB,
        step: 'boot',
        pass: q.pass,
        fail: q.fail,
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
    return r;
  }

  const notesTip = () => hosted.revParse(NOTES);
  async function bisectFlights(): Promise<FlightRecord[]> {
    const commits = (await hosted.run(['rev-list', '--all'])).split('\n');
    return [...(await readFlightsOf(hosted, NOTES, commits)).values()]
      .flat()
      .filter((f) => f.purpose === 'bisect');
  }

  before(async () => {
    server = await startGitServer(join(tmp.path, 'srv'), TOKEN);
    api = await startGitHubApi({ token: TOKEN, gitRoot: server.root });
    // The watched tree: a line of 24 commits, the 15th adds the regression, the 7th breaks
    // the build (the 8th fixes it).
    work = await WorkTree.create(join(tmp.path, 'qemu-work'));
    q.pass = await work.commit('qemu: base', { README: 'qemu\n' });
    for (let i = 1; i <= 24; i++) {
      // The culprit touches only its own file, so that its revert applies on the head.
      const files: Record<string, string | null> = i === 15 ? {} : { 'main.c': `${i}\n` };
      if (i === 7) files.BROKEN = 'yes\n';
      if (i === 8) files.BROKEN = null;
      if (i === 15) files.REGRESSION = 'yes\n';
      q[`c${i}`] = await work.commit(i === 15 ? 'qemu: add the regression' : `qemu: ${i}`, files);
    }
    q.fail = q.c24;
    const x = await WorkTree.create(join(tmp.path, 'xen-work'));
    xen = await x.commit('xen: base', { 'xen.c': '0\n' });
    const bare = await initRepository(server.repoPath('qemu.git'));
    await bare.run(['config', 'uploadpack.allowFilter', 'true']);
    await bare.run(['config', 'uploadpack.allowAnySHA1InWant', 'true']);
    await work.git.run(['push', '--quiet', bare.cwd, 'master']);
    await bare.run(['symbolic-ref', 'HEAD', 'refs/heads/master']);
    hosted = bare;
    // The hosted tree is the repository on GitHub too: the revert's pull request is real.
    api.addRepository(REPO, { defaultBranch: 'master', gitDir: 'qemu.git' });
    api.addIssue(REPO, {
      title: 'Regression in qemu-master-vs-xen-unstable: test-amd64-qemuu boot',
    });
    await watchFlight('w1', q.pass, 'pass');
    await watchFlight('w2', q.fail, 'fail');
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

  it('rounds of plan, a matrix of test jobs and record name the first bad commit', async () => {
    let r = await bisect({ mode: 'plan' });
    assert.equal(r.code, 0, r.log);
    const rounds: Entry[][] = [];
    for (let round = 1; r.outputs.done === 'false'; round++) {
      assert.ok(round <= 8, `still not done after ${round - 1} rounds`);
      const matrix = JSON.parse(r.outputs.matrix) as Entry[];
      rounds.push(matrix);
      assert.ok(matrix.length >= 1 && matrix.length <= 3, r.outputs.matrix);
      for (const e of matrix) {
        assert.equal(e.tree, 'qemu');
        assert.deepEqual(e.trees, { qemu: e.revision, xen });
      }
      const runId = String(3000 + round);
      for (const e of matrix) await testJob(e, runId);
      // download-artifact: one folder an artifact, under the folder given.
      r = await bisect(
        {
          mode: 'record',
          results: join(tmp.path, 'artifacts', runId),
          issue: '1',
          'revert-pull-request': 'true',
        },
        runId,
      );
      assert.equal(r.code, 0, r.log);
    }
    assert.equal(r.outputs.culprit, q.c15);
    assert.equal(r.outputs.matrix, '[]');
    const result = JSON.parse(r.outputs.result);
    assert.equal(result.outcome, 'blamed');
    assert.equal(result.commit.subject, 'qemu: add the regression');
    // 24 commits, 3 runners: ceil(log_4 24) = 3 rounds to search (one more for the broken
    // build's neighbour), 2 to confirm.
    assert.ok(rounds.length <= 6, `${rounds.length} rounds`);
    const recorded = await bisectFlights();
    assert.equal(recorded.length, rounds.flat().length, 'every test job is one flight');
    assert.deepEqual(
      new Set(recorded.map((f) => f.flight)).size,
      recorded.length,
      'each with its own id',
    );
    assert.match(r.summary, new RegExp(`First bad commit.*${q.c15}`));

    // The result on the issue: the commit (full id, subject, author), the evidence flights
    // with their jobs' pages and logs; and a draft pull request reverting it on master.
    const comments = api.state.comments.filter((c) => c.issueNumber === 1);
    assert.equal(comments.length, 1);
    const body = comments[0].body;
    assert.ok(body.includes(q.c15), body);
    assert.match(body, /> qemu: add the regression/);
    assert.match(body, /Author: Test Author <author@example.org>/);
    for (const e of result.evidence as { flight: string; url: string }[]) {
      assert.ok(body.includes(`[${e.flight}](${e.url})`), `evidence ${e.flight}`);
    }
    assert.match(body, /`logs\/boot.log` in the job's artifact/);
    const [pull] = api.state.issues.filter((i) => i.pull);
    assert.ok(pull, body);
    assert.equal(pull.title, 'Revert "qemu: add the regression"');
    assert.equal(pull.pull!.draft, true);
    assert.equal(pull.pull!.base.ref, 'master');
    assert.equal(pull.pull!.head.ref, `tributary/revert-${q.c15.slice(0, 12)}`);
    assert.match(body, new RegExp(`A draft pull request reverts it: #${pull.number}`));
    const revert = pull.pull!.head.sha;
    assert.equal(await hosted.run(['rev-parse', `${revert}^`]), q.c24);
    assert.equal(await hosted.run(['show', `${revert}:main.c`]), '24');
    assert.equal(
      (await hosted.exec(['cat-file', '-e', `${revert}:REGRESSION`], { allowFailure: true })).code,
      128,
      'the revert takes the regression out',
    );

    // Stateless: planned again, the same result, nothing more written or said.
    const tip = await notesTip();
    const again = await bisect({ mode: 'plan', issue: '1', 'revert-pull-request': 'true' });
    assert.equal(again.code, 0, again.log);
    assert.equal(again.outputs.done, 'true');
    assert.equal(again.outputs.culprit, q.c15);
    assert.equal(await notesTip(), tip);
    assert.equal(api.state.comments.filter((c) => c.issueNumber === 1).length, 1);
    assert.equal(api.state.issues.filter((i) => i.pull).length, 1);
  });

  it('two record jobs at once both land, and a record job run again records nothing twice', async () => {
    const entry = (rev: string): Entry => ({
      tree: 'qemu',
      revision: rev,
      trees: { qemu: rev, xen },
    });
    const a = await testJob(entry(q.c20), '4001');
    const b = await testJob(entry(q.c21), '4002');
    const before = (await bisectFlights()).length;
    const [ra, rb] = await Promise.all([
      bisect({ mode: 'record', results: a }, '4001'),
      bisect({ mode: 'record', results: b }, '4002'),
    ]);
    assert.equal(ra.code, 0, ra.log);
    assert.equal(rb.code, 0, rb.log);
    const flights = await bisectFlights();
    assert.equal(flights.length, before + 2);
    assert.ok(flights.some((f) => f.revision === q.c20 && f.flight === '4001'));
    assert.ok(flights.some((f) => f.revision === q.c21 && f.flight === '4002'));
    const tip = await notesTip();
    const rerun = await bisect({ mode: 'record', results: a }, '4001');
    assert.equal(rerun.code, 0, rerun.log);
    assert.match(rerun.log, new RegExp(`Flight 4001 on ${q.c20} is recorded already`));
    assert.equal(await notesTip(), tip);
  });

  it('refuses bad input naming it, and writes nothing', async () => {
    const tip = await notesTip();
    const comments = api.state.comments.length;
    const notAncestor = await bisect({ pass: q.fail, fail: q.pass, issue: '1' });
    assert.equal(notAncestor.code, 1);
    assert.match(
      notAncestor.log,
      new RegExp(
        `the last-pass revision ${q.fail} is not an ancestor of the first-fail revision ${q.pass}`,
      ),
    );
    const planWithResults = await bisect({ mode: 'plan', results: tmp.path });
    assert.equal(planWithResults.code, 1);
    assert.match(planWithResults.log, /Invalid input 'results'.*nothing in mode plan/);
    const recordWithout = await bisect({ mode: 'record' });
    assert.equal(recordWithout.code, 1);
    assert.match(recordWithout.log, /Input 'results' is required/);
    const unknownRepo = await bisect({ 'tree-repo': `seabios:${server.repoUrl('qemu.git')}` });
    assert.equal(unknownRepo.code, 1);
    assert.match(
      unknownRepo.log,
      /Unknown tree 'seabios': the series' flights have trees qemu, xen/,
    );
    const unknownTree = await bisect({ tree: 'seabios' });
    assert.equal(unknownTree.code, 1);
    assert.match(
      unknownTree.log,
      /Unknown tree 'seabios': the series' flights have trees qemu, xen/,
    );
    // Results of a job that tested another set of trees.
    const stray = await testJob(
      { tree: 'qemu', revision: q.c3, trees: { qemu: q.c3, seabios: xen } },
      '4100',
    );
    const strayRun = await bisect({ mode: 'record', results: stray });
    assert.equal(strayRun.code, 1);
    assert.match(
      strayRun.log,
      /the results name trees qemu, seabios, the series' flights qemu, xen \(unknown: seabios\) \(missing: xen\)/,
    );
    // Results of a revision outside the range.
    const outside = await testJob(
      { tree: 'qemu', revision: xen, trees: { qemu: xen, xen } },
      '4101',
    );
    const outsideRun = await bisect({ mode: 'record', results: outside });
    assert.equal(outsideRun.code, 1);
    for (const bad of [
      notAncestor,
      planWithResults,
      recordWithout,
      unknownRepo,
      strayRun,
      outsideRun,
    ])
      assert.equal(bad.outputs.done, undefined, 'no output set');
    assert.equal(await notesTip(), tip);
    assert.equal(api.state.comments.length, comments, 'no comment');
  });

  it('a regression that passes again at first-fail is a result: not reproducible, nothing recorded', async () => {
    const series = 'qemu-master-vs-xen-flaky';
    await watchFlight('w10', q.pass, 'pass', series);
    await watchFlight('w11', q.fail, 'fail', series);
    await watchFlight('w12', q.fail, 'pass', series);
    const tip = await notesTip();
    const issue = api.addIssue(REPO, { title: `Regression in ${series}: ${JOB} boot` }).number;
    const r = await bisect({ series, issue: String(issue) });
    assert.equal(r.code, 0, r.log);
    assert.equal(r.outputs.done, 'true');
    assert.equal(r.outputs.culprit, '');
    assert.equal(r.outputs.matrix, '[]');
    const result = JSON.parse(r.outputs.result);
    assert.equal(result.outcome, 'not-reproducible');
    assert.match(result.reason, /boot passes again at the first-fail revisions \(1 pass, 1 fail\)/);
    assert.match(r.summary, /Not reproducible/);
    assert.equal(await notesTip(), tip);
    // Said on the issue, with the runs that disagree.
    const [comment] = api.state.comments.filter((c) => c.issueNumber === issue);
    assert.match(comment.body, /\*\*Not reproducible\*\*: test-amd64-qemuu boot passes again/);
    assert.match(
      comment.body,
      /\[w11\]\(https:\/\/github.com\/xen-project\/qemu\/actions\/runs\/w11\)/,
    );
    assert.match(comment.body, /\[w12\]/);
  });
});
