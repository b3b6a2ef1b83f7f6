/**
 * `tributary bisect` end to end, as a release manager's shell would drive it: the bundled
 * command line against the watched tree served over smart HTTP with a token, each planned
 * test run by `tributary test` (a plan of shell commands standing in for build and boot, so
 * it is fast), its results recorded with --record, until the first bad commit is named.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Git, initRepository } from '../actions/lib/git.js';
import {
  appendFlightNote,
  FLIGHT_RECORD_FORMAT,
  type FlightRecord,
} from '../actions/lib/flight.js';
import { readFlightsOf, writeNote } from '../actions/lib/flight-notes.js';
import { readResults } from '../actions/lib/gate/results.js';
import { startGitServer, type GitServer } from './harness/git-server.js';
import { WorkTree, tempDir } from './harness/fixtures.js';
import { repoRoot } from './harness/runner.js';

const TOKEN = 'ghs_bisectTOKEN0123456789abcdefABCDEF';
const NOTES = 'refs/notes/tributary/watch';
const SERIES = 'qemu-master-vs-xen-unstable';
const JOB = 'test-amd64-qemuu';

const cliPath = join(repoRoot, 'dist', 'cli', 'index.js');

interface Ran {
  status: number;
  stdout: string;
  stderr: string;
}
/** The bundled command line, run without blocking: the git server lives in this process. */
function node(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<Ran> {
  return new Promise((done) =>
    execFile(
      process.execPath,
      [cliPath, ...args],
      { env, maxBuffer: 64 << 20 },
      (e, stdout, stderr) => done({ status: e ? Number(e.code ?? 3) : 0, stdout, stderr }),
    ),
  );
}
async function tributary(...args: string[]): Promise<Ran> {
  const r = await node(args, { ...process.env, TRIBUTARY_TOKEN: TOKEN, GITHUB_TOKEN: '' });
  assert.ok(!(r.stdout + r.stderr).includes(TOKEN), 'the token was shown');
  return r;
}

// Stand-ins for build and boot: the build breaks where qemu has BROKEN, boot where it has REGRESSION.
const PLAN = `job: ${JOB}
trees:
  - name: qemu
    path: qemu
  - name: xen
    path: xen
steps:
  - name: build
    run: test ! -e qemu/BROKEN
  - name: boot
    run: test ! -e qemu/REGRESSION
`;

describe('tributary bisect (command line, over smart HTTP)', () => {
  const tmp = tempDir();
  let server: GitServer;
  let hosted: Git;
  let qemuUrl: string;
  const q: Record<string, string> = {};
  const x: string[] = [];
  const runDir = () => join(tmp.path, 'run');
  let runs = 0;

  /** One test run of a planned entry: both trees checked out, the plan run by `tributary test`. */
  async function testAt(trees: { name: string; revision: string }[]): Promise<string> {
    for (const t of trees)
      await new Git({ cwd: join(runDir(), t.name) }).run([
        'checkout',
        '--quiet',
        '--force',
        '--detach',
        t.revision,
      ]);
    const out = join(tmp.path, 'results', `run-${++runs}`);
    const r = await node([
      'test',
      join(runDir(), 'plan.yml'),
      '--work-dir',
      runDir(),
      '--output-dir',
      out,
      '--lock-dir',
      join(tmp.path, 'lock'),
    ]);
    assert.ok(r.status === 0 || r.status === 1, r.stderr);
    return out;
  }

  /** What the watch recorded before the bisection: a flight of the series from a test run. */
  async function watchFlight(flight: string, dir: string, series = SERIES): Promise<FlightRecord> {
    const results = readResults(dir, 'qemu');
    const record: FlightRecord = {
      format: FLIGHT_RECORD_FORMAT,
      flight,
      series,
      purpose: 'watch',
      tree: 'qemu',
      revision: results.revision,
      trees: results.trees.map((t) =>
        t.name === 'xen' ? { ...t, url: server.repoUrl('xen.git') } : t,
      ),
      jobs: results.jobs,
      recordedAt: new Date(Date.UTC(2026, 0, 1) + runs * 60_000).toISOString(),
    };
    const existing =
      (await readFlightsOf(hosted, NOTES, [record.revision])).get(record.revision) ?? [];
    let text = '';
    for (const r of [...existing, record]) text = appendFlightNote(text, r);
    await writeNote(hosted, NOTES, record.revision, text);
    return record;
  }

  before(async () => {
    server = await startGitServer(join(tmp.path, 'srv'), TOKEN);
    // The watched tree: a first-parent line with a merged branch holding the regression, and
    // a commit whose build breaks for another reason (fixed by the next one).
    const qemu = await WorkTree.create(join(tmp.path, 'qemu-work'));
    q.pass = await qemu.commit('qemu: base', { README: 'qemu\n' });
    q.m1 = await qemu.commit('qemu: main 1', { 'main.c': '1\n' });
    await qemu.git.run(['checkout', '--quiet', '-b', 'side']);
    q.s1 = await qemu.commit('side: prepare', { 'side.c': '1\n' });
    q.s2 = await qemu.commit('side: add the regression', { REGRESSION: 'yes\n' });
    q.s3 = await qemu.commit('side: more', { 'side.c': '3\n' });
    await qemu.git.run(['checkout', '--quiet', 'master']);
    for (let i = 2; i <= 4; i++)
      q[`m${i}`] = await qemu.commit(`qemu: main ${i}`, { 'main.c': `${i}\n` });
    await qemu.git.run(['merge', '--quiet', '--no-ff', '-m', 'Merge branch side', 'side'], {
      env: { GIT_AUTHOR_DATE: '1700001000 +0000', GIT_COMMITTER_DATE: '1700001000 +0000' },
    });
    q.merge = await qemu.head();
    q.broken = await qemu.commit('qemu: break the build', { BROKEN: 'yes\n' });
    q.fixed = await qemu.commit('qemu: fix the build', { BROKEN: null });
    for (let i = 5; i <= 12; i++)
      q[`m${i}`] = await qemu.commit(`qemu: main ${i}`, { 'main.c': `${i}\n` });
    q.fail = await qemu.head();
    // The consumer: a few harmless commits.
    const xen = await WorkTree.create(join(tmp.path, 'xen-work'));
    for (let i = 0; i <= 3; i++) x.push(await xen.commit(`xen: ${i}`, { 'xen.c': `${i}\n` }));
    // ... and one beside them, outside the range x0..x3.
    await xen.git.run(['checkout', '--quiet', '-b', 'other', x[0]]);
    x.push(await xen.commit('xen: elsewhere', { 'other.c': '1\n' }));
    await xen.git.run(['checkout', '--quiet', 'master']);

    for (const [name, work] of [
      ['qemu.git', qemu],
      ['xen.git', xen],
    ] as const) {
      const bare = await initRepository(server.repoPath(name));
      // As GitHub: partial clone, and commits fetched by id.
      await bare.run(['config', 'uploadpack.allowFilter', 'true']);
      await bare.run(['config', 'uploadpack.allowAnySHA1InWant', 'true']);
      await work.git.run(['push', '--quiet', bare.cwd, '--all']);
    }
    hosted = await initRepository(server.repoPath('qemu.git'));
    qemuUrl = server.repoUrl('qemu.git');

    mkdirSync(runDir());
    writeFileSync(join(runDir(), 'plan.yml'), PLAN);
    mkdirSync(join(tmp.path, 'lock'), { mode: 0o700 });
    spawnSync('git', ['clone', '--quiet', qemu.dir, join(runDir(), 'qemu')]);
    spawnSync('git', ['clone', '--quiet', xen.dir, join(runDir(), 'xen')]);

    // The watch: qemu's base with xen x0 passed; qemu's head with xen x3 failed to boot.
    await watchFlight(
      'watch-1',
      await testAt([
        { name: 'qemu', revision: q.pass },
        { name: 'xen', revision: x[0] },
      ]),
    );
    await watchFlight(
      'watch-2',
      await testAt([
        { name: 'qemu', revision: q.fail },
        { name: 'xen', revision: x[3] },
      ]),
    );
  });
  after(async () => {
    await server.close();
    tmp.cleanup();
  });

  const common = () => ['--repo', qemuUrl, '--series', SERIES, '--job', JOB, '--step', 'boot'];

  it('names the first bad commit in the merged branch, rounds driven from the shell', async () => {
    const args = ['bisect', ...common(), '--pass', q.pass, '--fail', q.fail, '--runners', '3'];
    const plans = [];
    let r = await tributary(...args);
    let planned = 0;
    for (let round = 0; round < 12; round++) {
      assert.equal(r.status, 0, r.stderr);
      const plan = JSON.parse(r.stdout);
      plans.push(plan);
      assert.equal(plan.format, 'tributary.bisect/v1');
      if (plan.kind === 'result') break;
      assert.ok(plan.tests.length >= 1 && plan.tests.length <= 3);
      // The runners of a round, one after another here (one host, one job at a time).
      const dirs: string[] = [];
      for (const t of plan.tests as { trees: { name: string; revision: string }[] }[])
        dirs.push(await testAt(t.trees));
      planned += dirs.length;
      r = await tributary(...args, ...dirs.flatMap((d: string) => ['--record', d]));
    }
    const result = plans[plans.length - 1];
    assert.equal(result.kind, 'result', JSON.stringify(result, null, 2));
    assert.equal(result.outcome, 'blamed', result.reason);
    assert.equal(result.tree, 'qemu');
    assert.equal(result.commit.id, q.s2);
    assert.equal(result.commit.subject, 'side: add the regression');
    assert.equal(result.commit.author, 'Test Author <author@example.org>');
    assert.deepEqual(result.commit.parents, [q.s1]);
    assert.deepEqual(result.held, [
      { name: 'xen', revision: x[0], url: server.repoUrl('xen.git') },
    ]);
    const seen = (rev: string, outcome: string) =>
      result.evidence.filter(
        (e: { trees: { name: string; revision: string }[]; outcome: string }) =>
          e.trees[0].revision === rev && e.outcome === outcome,
      ).length;
    assert.equal(seen(q.s2, 'fail'), 3);
    assert.equal(seen(q.s1, 'pass'), 3);

    // Round 1 found whose change is at fault: qemu's new revision with xen's old, and the reverse.
    assert.equal(plans[0].phase, 'isolate');
    assert.deepEqual(
      plans[0].tests.map((t: { trees: { revision: string }[] }) =>
        t.trees.map((tr) => tr.revision),
      ),
      [
        [q.fail, x[0]],
        [q.pass, x[3]],
      ],
    );
    // 20 commits, 3 runners: 1 round to isolate, at most ceil(log_4 20) = 3 to search (one
    // more for the merged branch), 2 to confirm (4 runs on 3 runners).
    assert.ok(plans.length - 1 <= 1 + 3 + 1 + 2, `${plans.length - 1} rounds`);

    // Every test run is a bisection flight of the series on the server, with both trees.
    const commits = (await hosted.run(['rev-list', '--all'])).split('\n');
    const recorded = [...(await readFlightsOf(hosted, NOTES, commits)).values()]
      .flat()
      .filter((f) => f.purpose === 'bisect');
    assert.equal(recorded.length, planned);
    for (const f of recorded) {
      assert.equal(f.series, SERIES);
      assert.deepEqual(
        f.trees.map((t) => t.name),
        ['qemu', 'xen'],
      );
    }
    // The commit whose build broke, if tested, was untestable, not bad.
    const broken = recorded.filter((f) => f.revision === q.broken);
    for (const f of broken) assert.equal(f.jobs[0].steps[1].status, 'blocked');

    // Stateless: asked again, the same answer; the requests all carried the token.
    const again = await tributary(...args, '--summary');
    assert.equal(again.status, 0, again.stderr);
    assert.equal(JSON.parse(again.stdout).commit.id, q.s2);
    // --summary: the action's comment on the issue, in Markdown on stderr.
    assert.match(again.stderr, new RegExp(`\\*\\*First bad commit\\*\\* of \`qemu\`: \`${q.s2}\``));
    assert.match(
      again.stderr,
      /> side: add the regression\n\nAuthor: Test Author <author@example.org>/,
    );
    assert.ok(server.requests.every((q) => q.authorized));
  });

  it('refuses bad input with exit 2 and writes nothing', async () => {
    const notesBefore = await hosted.revParse(NOTES);
    const notAncestor = await tributary('bisect', ...common(), '--pass', q.fail, '--fail', q.pass);
    assert.equal(notAncestor.status, 2, notAncestor.stderr);
    assert.match(
      notAncestor.stderr,
      new RegExp(
        `In the watched tree, the last-pass revision ${q.fail} is not an ancestor of the first-fail revision ${q.pass}`,
      ),
    );

    const noSeries = await tributary(
      'bisect',
      ...common().slice(0, 2),
      '--series',
      'seabios-master-vs-xen',
      '--job',
      JOB,
      '--step',
      'boot',
      '--pass',
      q.pass,
      '--fail',
      q.fail,
    );
    assert.equal(noSeries.status, 2, noSeries.stderr);
    assert.match(
      noSeries.stderr,
      new RegExp(
        `No flight of series 'seabios-master-vs-xen' is recorded at the last-pass revision ${q.pass} .*belong to: ${SERIES}`,
      ),
    );

    const unknownTree = await tributary(
      'bisect',
      ...common(),
      '--pass',
      q.pass,
      '--fail',
      q.fail,
      '--tree-repo',
      `seabios=${server.repoUrl('xen.git')}`,
    );
    assert.equal(unknownTree.status, 2);
    assert.match(
      unknownTree.stderr,
      /Unknown tree 'seabios': the series' flights have trees qemu, xen/,
    );

    const missing = await tributary(
      'bisect',
      ...common(),
      '--pass',
      q.pass,
      '--fail',
      'f'.repeat(40),
    );
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, new RegExp(`${'f'.repeat(40)} is not in ${qemuUrl}`));

    const short = await tributary(
      'bisect',
      ...common(),
      '--pass',
      q.pass.slice(0, 12),
      '--fail',
      q.fail,
    );
    assert.equal(short.status, 2);
    assert.match(short.stderr, /Invalid --pass '[0-9a-f]{12}'. Expected a full commit id/);

    // Results of another tree set, or from outside the range: refused, nothing recorded.
    const stray = join(tmp.path, 'stray');
    mkdirSync(stray);
    writeFileSync(
      join(stray, 'result.json'),
      JSON.stringify({
        format: 'tributary.job/v1',
        job: JOB,
        trees: [
          { name: 'qemu', revision: q.m2 },
          { name: 'seabios', revision: x[1] },
        ],
        steps: [{ name: 'boot', status: 'fail' }],
      }),
    );
    const good = await testAt([
      { name: 'qemu', revision: q.m1 },
      { name: 'xen', revision: x[0] },
    ]);
    const strayRun = await tributary(
      'bisect',
      ...common(),
      '--pass',
      q.pass,
      '--fail',
      q.fail,
      '--record',
      good,
      '--record',
      stray,
    );
    assert.equal(strayRun.status, 2);
    assert.match(
      strayRun.stderr,
      /stray: the results name trees qemu, seabios, the series' flights qemu, xen \(unknown: seabios\) \(missing: xen\)/,
    );
    const outside = await testAt([
      { name: 'qemu', revision: q.fail },
      { name: 'xen', revision: x[4] },
    ]);
    const outsideRun = await tributary(
      'bisect',
      ...common(),
      '--pass',
      q.pass,
      '--fail',
      q.fail,
      '--record',
      outside,
    );
    assert.equal(outsideRun.status, 2);
    assert.match(
      outsideRun.stderr,
      new RegExp(`tree 'xen' at ${x[4]} lies outside the bisection range ${x[0]}..${x[3]}`),
    );
    assert.equal(await hosted.revParse(NOTES), notesBefore);

    // Inside the range, it is recorded.
    const inRange = await testAt([
      { name: 'qemu', revision: q.fail },
      { name: 'xen', revision: x[1] },
    ]);
    const inside = await tributary(
      'bisect',
      ...common(),
      '--pass',
      q.pass,
      '--fail',
      q.fail,
      '--record',
      inRange,
      '--tree-repo',
      `xen=${server.repoUrl('xen.git')}`,
      '--flight',
      'by-hand',
    );
    assert.equal(inside.status, 0, inside.stderr);
    assert.deepEqual(
      JSON.parse(inside.stdout).recorded.map((f: { flight: string }) => f.flight),
      ['by-hand'],
    );
    assert.notEqual(await hosted.revParse(NOTES), notesBefore);
  });

  it("sends the hosted tree's token to another tree's repository only on the same server", async () => {
    // The same repositories on a second server: another origin, which must not get the token.
    const elsewhere = await startGitServer(server.root, TOKEN);
    try {
      const notesBefore = await hosted.revParse(NOTES);
      const run = await testAt([
        { name: 'qemu', revision: q.fail },
        { name: 'xen', revision: x[1] },
      ]);
      const args = ['--pass', q.pass, '--fail', q.fail, '--record', run, '--flight', 'reach'];
      const other = await tributary(
        'bisect',
        ...common(),
        ...args,
        '--tree-repo',
        `xen:${elsewhere.repoUrl('xen.git')}`,
      );
      assert.equal(other.status, 2, other.stderr);
      assert.ok(elsewhere.requests.length > 0, 'xen was asked of the other server');
      assert.deepEqual(
        elsewhere.requests.filter((r) => r.withAuthorization),
        [],
        'no request to the other server carried the token',
      );
      assert.equal(await hosted.revParse(NOTES), notesBefore, 'nothing recorded');
      // The same tree on the hosted tree's own server gets it, in the new tree:url form.
      const mark = server.requests.length;
      const same = await tributary(
        'bisect',
        ...common(),
        ...args,
        '--tree-repo',
        `xen:${server.repoUrl('xen.git')}`,
      );
      assert.equal(same.status, 0, same.stderr);
      assert.ok(server.requests.slice(mark).every((r) => r.authorized));
    } finally {
      await elsewhere.close();
    }
  });

  it('a regression that passes again at first-fail is a result, not a bisection (exit 1)', async () => {
    const series = 'qemu-master-vs-xen-flaky';
    await watchFlight(
      'flaky-1',
      await testAt([
        { name: 'qemu', revision: q.pass },
        { name: 'xen', revision: x[0] },
      ]),
      series,
    );
    await watchFlight(
      'flaky-2',
      await testAt([
        { name: 'qemu', revision: q.fail },
        { name: 'xen', revision: x[3] },
      ]),
      series,
    );
    // The same revisions again, and now it boots: REGRESSION hidden for this run only.
    const dir = await testAt([
      { name: 'qemu', revision: q.fail },
      { name: 'xen', revision: x[3] },
    ]);
    const passed = join(dir, 'result.json');
    const result = JSON.parse(readFileSync(passed, 'utf8'));
    result.steps[1].status = 'pass';
    writeFileSync(passed, JSON.stringify(result));
    await watchFlight('flaky-3', dir, series);
    const r = await tributary(
      'bisect',
      '--repo',
      qemuUrl,
      '--series',
      series,
      '--job',
      JOB,
      '--step',
      'boot',
      '--pass',
      q.pass,
      '--fail',
      q.fail,
    );
    assert.equal(r.status, 1, r.stderr);
    const plan = JSON.parse(r.stdout);
    assert.equal(plan.outcome, 'not-reproducible');
    assert.match(plan.reason, /boot passes again at the first-fail revisions \(1 pass, 1 fail\)/);
    assert.deepEqual(plan.evidence.map((e: { flight: string }) => e.flight).sort(), [
      'flaky-2',
      'flaky-3',
    ]);
  });
});
