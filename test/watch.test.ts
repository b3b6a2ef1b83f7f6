/**
 * The watch end to end: dist/watch/index.js run as the runner runs it, and the command line
 * (dist/cli), against the token-protected smart-HTTP git server (the watched tree's hosted
 * repository, the consumer's) and the GitHub API test server (the regressions' issues).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  appendFlightNote,
  FLIGHT_RECORD_FORMAT,
  JOB_RESULT_FORMAT,
  type FlightRecord,
  type StepStatus,
} from '../actions/lib/flight.js';
import { Git, initRepository } from '../actions/lib/git.js';
import { readFlights, writeNote } from '../actions/lib/flight-notes.js';
import { startGitServer, type GitServer } from './harness/git-server.js';
import { startGitHubApi, type GitHubApi } from './harness/github-api.js';
import { runAction, repoRoot, type ActionRun } from './harness/runner.js';
import { WorkTree, tempDir } from './harness/fixtures.js';

const TOKEN = 'ghs_watchTOKEN0123456789abcdefABCDEF';
const NOTES = 'refs/notes/tributary/watch';
const SERIES = 'qemu-master-vs-xen-unstable';

/** job → step → status, or [status, ...earlier attempts]. */
type Spec = Record<string, Record<string, StepStatus | [StepStatus, ...StepStatus[]]>>;

const GOOD: Spec = {
  'build-amd64': { build: 'pass' },
  'test-hvm': { install: 'pass', boot: 'pass', migrate: 'pass' },
};
const BOOT_FAILS: Spec = {
  ...GOOD,
  'test-hvm': { install: 'pass', boot: 'fail', migrate: 'blocked' },
};

describe('watch action and tributary watch, end to end', () => {
  const tmp = tempDir('tributary-watch-');
  let server: GitServer;
  let api: GitHubApi;
  let k = 0;
  const runs: ActionRun[] = [];

  before(async () => {
    server = await startGitServer(join(tmp.path, 'srv'), TOKEN);
    api = await startGitHubApi({ token: TOKEN, gitRoot: server.root });
  });
  after(async () => {
    await api.close();
    await server.close();
    tmp.cleanup();
  });

  interface Tree {
    name: string;
    bare: Git;
    commits: string[];
  }

  /** A hosted repository of `n` commits, served as `<name>.git`, as GitHub serves (filters, ids). */
  async function hostedTree(name: string, n: number, branches: string[] = ['master']) {
    const work = await WorkTree.create(join(tmp.path, `work-${name}`));
    const commits: string[] = [];
    for (let i = 0; i < n; i++)
      commits.push(await work.commit(`${name} ${i}`, { 'f.txt': `${i}\n` }));
    const bare = await initRepository(server.repoPath(`${name}.git`), {
      identity: { name: 't', email: 't@example.org' },
    });
    await bare.run(['config', 'uploadpack.allowFilter', 'true']);
    await bare.run(['config', 'uploadpack.allowAnySHA1InWant', 'true']);
    await work.git.run([
      'push',
      '--quiet',
      bare.cwd,
      ...branches.map((b, i) => `${commits[commits.length - 1 - i]}:refs/heads/${b}`),
    ]);
    return { name, bare, commits } satisfies Tree;
  }

  /** A results folder as download-artifact leaves it: one folder a job, every tree named. */
  function results(trees: Record<string, string>, spec: Spec): string {
    const dir = join(tmp.path, `results-${k++}`);
    for (const [job, steps] of Object.entries(spec)) {
      mkdirSync(join(dir, `result-${job}`), { recursive: true });
      writeFileSync(
        join(dir, `result-${job}`, 'result.json'),
        JSON.stringify({
          format: JOB_RESULT_FORMAT,
          job,
          trees: Object.entries(trees).map(([name, revision]) => ({ name, revision })),
          steps: Object.entries(steps).map(([name, s]) => {
            const [status, ...attempts] = Array.isArray(s) ? s : [s];
            return {
              name,
              status,
              log: `https://logs.example/${job}/${name}.log`,
              ...(attempts.length ? { attempts } : {}),
            };
          }),
          url: `https://github.com/xen-project/qemu/actions/runs/7/job/${job}`,
        }),
      );
    }
    return dir;
  }

  async function watch(
    tree: Tree,
    inputs: Record<string, string>,
    opts: { repository?: string; timeoutMs?: number } = {},
  ): Promise<ActionRun> {
    const run = await runAction('watch', {
      inputs: {
        'tree-url': server.repoUrl(`${tree.name}.git`),
        tree: 'qemu',
        series: SERIES,
        flight: `https://github.com/xen-project/qemu/actions/runs/${100 + k}`,
        repository: opts.repository ?? '',
        ...inputs,
      },
      env: {
        GITHUB_API_URL: api.url,
        TRIBUTARY_GITHUB_SPACE_WRITES: 'false',
        GITHUB_REPOSITORY: 'xen-project/qemu',
      },
      githubToken: TOKEN,
      timeoutMs: opts.timeoutMs ?? 60_000,
    });
    runs.push(run);
    return run;
  }

  const pushes = (tree: Tree) =>
    server.requests.filter(
      (r) => r.service === 'receive-pack' && r.path.startsWith(`/${tree.name}.git/`),
    );
  const apiWrites = () => api.requests.filter((r) => r.method !== 'GET');
  const seriesFlights = async (tree: Tree, rev: string) =>
    (await readFlights(tree.bare, NOTES, rev)).filter((r) => r.series === SERIES);

  it('records each flight of a series and compares it with the previous one: a regression, still failing, fixed', async () => {
    const qemu = await hostedTree('qemu-series', 4);
    const xen = 'a'.repeat(40);
    const [q0, q1, q2, q3] = qemu.commits;

    const first = await watch(qemu, { results: results({ qemu: q0, xen }, GOOD) });
    assert.equal(first.code, 0, first.log);
    assert.deepEqual(JSON.parse(first.outputs.regressions), []);
    const [r0] = await seriesFlights(qemu, q0);
    assert.equal(r0.purpose, 'watch');
    assert.equal(r0.flight, first.outputs.flight);
    assert.match(r0.flight, /^\d+$/, 'the run id names the flight');
    assert.deepEqual(
      r0.trees.map((t) => [t.name, t.revision]),
      [
        ['qemu', q0],
        ['xen', xen],
      ],
    );
    assert.match(first.summary, /first flight of the series/);

    const second = await watch(qemu, { results: results({ qemu: q1, xen }, BOOT_FAILS) });
    assert.equal(second.code, 0, 'a regression never fails the step: ' + second.log);
    assert.deepEqual(JSON.parse(second.outputs.regressions), [
      {
        series: SERIES,
        job: 'test-hvm',
        step: 'boot',
        pass: q0,
        fail: q1,
        passFlight: r0.flight,
        failFlight: second.outputs.flight,
        issue: null,
      },
      // Blocked after boot: a regression too, as the gate says.
      {
        series: SERIES,
        job: 'test-hvm',
        step: 'migrate',
        pass: q0,
        fail: q1,
        passFlight: r0.flight,
        failFlight: second.outputs.flight,
        issue: null,
      },
    ]);
    assert.match(second.summary, /### Regressions \(2\)/);
    assert.match(second.summary, /\| test-hvm \| boot \| regression \| pass \| fail \|/);

    const third = await watch(qemu, { results: results({ qemu: q2, xen }, BOOT_FAILS) });
    assert.equal(third.code, 0, third.log);
    assert.deepEqual(JSON.parse(third.outputs.regressions), []);
    // Still failing, since the second flight, last pass the first.
    assert.match(
      third.summary,
      new RegExp(
        `\\| test-hvm \\| boot \\| still failing \\| fail \\| fail \\| ${second.outputs.flight} \\(${q1.slice(0, 12)}\\) \\| ${r0.flight} \\(${q0.slice(0, 12)}\\) \\|`,
      ),
    );

    const fourth = await watch(qemu, { results: results({ qemu: q3, xen }, GOOD) });
    assert.equal(fourth.code, 0, fourth.log);
    const fixed = JSON.parse(fourth.outputs.fixed) as {
      step: string;
      pass: string;
      fail: string;
    }[];
    assert.deepEqual(
      fixed.map((f) => [f.step, f.pass, f.fail]),
      [
        ['boot', q3, q2],
        ['migrate', q3, q2],
      ],
    );
    const [r3] = await seriesFlights(qemu, q3);
    assert.equal(r3.history?.steps['test-hvm'].boot[3], 'pass');
  });

  it('a step that passed in an earlier attempt, or in another flight of the same revisions, is flaky, not a regression', async () => {
    const qemu = await hostedTree('qemu-flaky', 3);
    const xen = 'b'.repeat(40);
    const [q0, q1, q2] = qemu.commits;
    assert.equal((await watch(qemu, { results: results({ qemu: q0, xen }, GOOD) })).code, 0);
    const retried: Spec = {
      ...GOOD,
      'test-hvm': { ...GOOD['test-hvm'], migrate: ['fail', 'pass'] },
    };
    const run = await watch(qemu, { results: results({ qemu: q1, xen }, retried) });
    assert.equal(run.code, 0, run.log);
    assert.deepEqual(JSON.parse(run.outputs.regressions), []);
    assert.match(
      run.summary,
      /\| test-hvm \| migrate \| flaky: passed in attempt 1 of this flight \|/,
    );

    // With another xen revision it is not the same revisions: a regression.
    const migrateFails: Spec = { ...GOOD, 'test-hvm': { ...GOOD['test-hvm'], migrate: 'fail' } };
    assert.equal((await watch(qemu, { results: results({ qemu: q2, xen }, GOOD) })).code, 0);
    const other = await watch(qemu, {
      results: results({ qemu: q2, xen: 'c'.repeat(40) }, migrateFails),
    });
    assert.equal(JSON.parse(other.outputs.regressions).length, 1, other.summary);
    assert.equal((await watch(qemu, { results: results({ qemu: q2, xen }, GOOD) })).code, 0);
    // Another flight of q2 with the same xen passed migrate; this one fails it: flaky.
    const again = await watch(qemu, { results: results({ qemu: q2, xen }, migrateFails) });
    assert.deepEqual(JSON.parse(again.outputs.regressions), []);
    assert.match(again.summary, /flaky: passed in flight \d+/);
  });

  it('two watch runs recording at once on one notes ref both land: the loser re-reads and appends again', async () => {
    const qemu = await hostedTree('qemu-race', 3);
    const xen = 'd'.repeat(40);
    const [q0, q1, q2] = qemu.commits;
    assert.equal((await watch(qemu, { results: results({ qemu: q0, xen }, GOOD) })).code, 0);
    // Holds every push in the pre-receive hook until both runs have pushed once: both read
    // the same notes and race, whatever the machine's speed.
    const dir = join(tmp.path, `barrier-${k++}`);
    mkdirSync(dir);
    const hook = join(qemu.bare.cwd, 'hooks', 'pre-receive');
    writeFileSync(
      hook,
      [
        '#!/bin/sh',
        'cat >/dev/null',
        `dir='${dir}'`,
        'touch "$dir/push-$$"',
        'i=0',
        `while [ ! -e "$dir/released" ] && [ "$(ls "$dir" | grep -c '^push-')" -lt 2 ] && [ $i -lt 3000 ]; do sleep 0.05; i=$((i + 1)); done`,
        'touch "$dir/released"',
        '',
      ].join('\n'),
    );
    chmodSync(hook, 0o755);
    const [a, b] = await Promise.all([
      watch(qemu, { results: results({ qemu: q1, xen }, GOOD) }),
      watch(qemu, { series: 'qemu-master-vs-xen-4.20', results: results({ qemu: q2, xen }, GOOD) }),
    ]);
    assert.equal(a.code, 0, a.log);
    assert.equal(b.code, 0, b.log);
    assert.equal((await seriesFlights(qemu, q1)).length, 1);
    assert.equal(
      (await readFlights(qemu.bare, NOTES, q2)).filter(
        (r) => r.series === 'qemu-master-vs-xen-4.20',
      ).length,
      1,
    );
    assert.ok(
      [a, b].some((r) => /recorded a flight meanwhile; fetching/.test(r.log)),
      'one of them lost the race and recorded again',
    );
  });

  it('keeps one issue per regression: opened once, commented while it lasts (once a flight), closed when it passes again', async () => {
    const qemu = await hostedTree('qemu-issues', 6);
    const repo = 'xen-project/qemu-issues';
    api.addRepository(repo, { defaultBranch: 'master' });
    const xen = '1'.repeat(40);
    const [q0, q1, q2, q3, q4, q5] = qemu.commits;
    const issuesOf = () => api.state.issues.filter((i) => i.repository === repo);
    const commentsOf = (n: number) =>
      api.state.comments.filter((c) => c.repository === repo && c.issueNumber === n);
    const run = (rev: string, spec: Spec, flight?: string, trees: Record<string, string> = {}) =>
      watch(
        qemu,
        {
          results: results({ qemu: rev, xen, ...trees }, spec),
          ...(flight ? { flight } : {}),
        },
        { repository: repo },
      );
    assert.equal((await run(q0, GOOD)).code, 0);
    assert.deepEqual(issuesOf(), []);

    const bootOnly: Spec = {
      ...GOOD,
      'test-hvm': { install: 'pass', boot: 'fail', migrate: 'skip' },
    };
    const second = await run(q1, bootOnly);
    assert.equal(second.code, 0, second.log);
    const [issue] = issuesOf();
    assert.equal(issuesOf().length, 1);
    assert.equal(issue.state, 'open');
    assert.deepEqual(issue.labels, ['regression']);
    assert.equal(issue.title, 'Regression in qemu-master-vs-xen-unstable: test-hvm boot');
    assert.match(
      issue.body ?? '',
      /<!-- tributary:watch qemu-master-vs-xen-unstable test-hvm boot/,
    );
    for (const text of [
      'series: `qemu-master-vs-xen-unstable`',
      'job: `test-hvm`, step: `boot`',
      `failing since: flight ${second.outputs.flight}`,
      `revisions now: qemu \`${q1}\`, xen \`${xen}\``,
      `revisions at the last pass: qemu \`${q0}\``,
      'log: https://logs.example/test-hvm/boot.log',
      `flight run: https://github.com/xen-project/qemu/actions/runs/`,
    ])
      assert.ok((issue.body ?? '').includes(text), `the issue says ${text}: ${issue.body}`);
    assert.deepEqual(JSON.parse(second.outputs.issues), [issue.number]);
    assert.equal(JSON.parse(second.outputs.regressions)[0].issue, issue.number);
    assert.match(second.summary, new RegExp(`\\| #${issue.number} \\|`));

    // It persists: one comment with the new revisions; the same flight run again says nothing twice.
    const third = await run(q2, bootOnly, 'https://github.com/xen-project/qemu/actions/runs/777');
    assert.equal(third.code, 0, third.log);
    assert.deepEqual(JSON.parse(third.outputs.issues), [issue.number]);
    assert.equal(commentsOf(issue.number).length, 1);
    assert.match(
      commentsOf(issue.number)[0].body,
      new RegExp(`Still failing in flight 777 .*${q2}`, 's'),
    );
    const rerun = await run(q2, bootOnly, 'https://github.com/xen-project/qemu/actions/runs/777');
    assert.equal(rerun.code, 0, rerun.log);
    assert.equal(
      commentsOf(issue.number).length,
      1,
      'a re-run of the flight comments nothing twice',
    );
    assert.equal(issuesOf().length, 1, 'never a second issue');

    // It passes again: closed, with the passing flight.
    const fourth = await run(q3, GOOD);
    assert.equal(fourth.code, 0, fourth.log);
    assert.equal(issuesOf()[0].state, 'closed');
    assert.match(
      commentsOf(issue.number).at(-1)!.body,
      new RegExp(`Passes again in flight ${fourth.outputs.flight} .*closing`),
    );
    assert.equal(JSON.parse(fourth.outputs.fixed)[0].issue, issue.number);

    // A new regression at q4, then a flight of the very same revisions where it passes: the
    // failure was a flake. Labelled flaky, left open; its next failures are comments there.
    const fifth = await run(q4, bootOnly);
    const flakyIssue = issuesOf().find((i) => i.state === 'open')!;
    assert.equal(JSON.parse(fifth.outputs.regressions)[0].issue, flakyIssue.number);
    const sixth = await run(q4, GOOD);
    assert.equal(sixth.code, 0, sixth.log);
    const labelled = issuesOf().find((i) => i.number === flakyIssue.number)!;
    assert.equal(labelled.state, 'open');
    assert.deepEqual(labelled.labels, ['regression', 'flaky']);
    assert.match(
      commentsOf(flakyIssue.number).at(-1)!.body,
      /Flaky: passes in flight .* but failed in flight/,
    );
    const seventh = await run(q5, bootOnly);
    assert.equal(seventh.code, 0, seventh.log);
    assert.equal(issuesOf().length, 2, 'a flaky step never opens another issue');
    assert.equal(issuesOf().find((i) => i.number === flakyIssue.number)!.state, 'open');
    assert.match(commentsOf(flakyIssue.number).at(-1)!.body, /Failed again \(flaky\)/);
    assert.equal(JSON.parse(seventh.outputs.regressions)[0].issue, flakyIssue.number);
  });

  it('bad input is refused naming it, before anything is written: no note, no issue', async () => {
    const qemu = await hostedTree('qemu-bad', 2);
    const [q0, q1] = qemu.commits;
    const xen = 'e'.repeat(40);
    assert.equal((await watch(qemu, { results: results({ qemu: q0, xen }, GOOD) })).code, 0);
    api.addRepository('xen-project/qemu-bad', { defaultBranch: 'master' });
    const before = { pushes: pushes(qemu).length, writes: apiWrites().length };
    const refused = async (inputs: Record<string, string>, message: RegExp) => {
      const run = await watch(qemu, inputs, { repository: 'xen-project/qemu-bad' });
      assert.equal(run.code, 1, run.log);
      assert.match(run.annotations.map((x) => x.message).join('\n'), message);
    };
    const empty = join(tmp.path, `empty-${k++}`);
    mkdirSync(empty);
    await refused({ results: empty }, /Input 'results': No job result/);
    await refused({ results: join(tmp.path, 'nowhere') }, /Input 'results': The results directory/);
    await refused({ results: '' }, /Input 'results' is required/);
    await refused({ series: '', results: empty }, /Input 'series' is required/);
    // A series without a baseline: the results name only the watched tree.
    await refused(
      { results: results({ qemu: q1 }, BOOT_FAILS) },
      /series 'qemu-master-vs-xen-unstable' \(input 'series'\) has no baseline/,
    );
    // Unknown trees: the series tests qemu with xen, these results qemu with seabios.
    await refused(
      { results: results({ qemu: q1, seabios: xen }, BOOT_FAILS) },
      /Input 'results': the job results name trees qemu, seabios; the series 'qemu-master-vs-xen-unstable' tests qemu, xen .*unknown seabios; missing xen/,
    );
    await refused(
      { results: results({ qemu: q1, xen }, GOOD), tree: 'qemu-xen' },
      /tree 'qemu-xen'/,
    );
    await refused({ mode: 'baseline' }, /Input 'consumer-url' is required/);
    assert.equal(pushes(qemu).length, before.pushes, 'no note pushed');
    assert.equal(apiWrites().length, before.writes, 'no issue written');
    assert.deepEqual(await seriesFlights(qemu, q1), []);
  });

  it('releases: tags classified by the first pattern that matches; a tag matching none is unmatched, with a warning', async () => {
    const qemu = await hostedTree('qemu-releases', 1);
    const run = await watch(qemu, {
      mode: 'releases',
      tags: JSON.stringify([
        'v9.2.0-rc1',
        'v9.2.0',
        'rel-1.16.3',
        'rel-1.17.0-beta2',
        'for-xen-4.20',
      ]),
    });
    assert.equal(run.code, 0, run.log);
    assert.deepEqual(JSON.parse(run.outputs.releases), [
      { tag: 'v9.2.0-rc1', kind: 'rc' },
      { tag: 'v9.2.0', kind: 'final' },
      { tag: 'rel-1.16.3', kind: 'final' },
      { tag: 'rel-1.17.0-beta2', kind: 'beta' },
    ]);
    assert.deepEqual(JSON.parse(run.outputs.unmatched), ['for-xen-4.20']);
    assert.ok(
      run.annotations.some((a) => a.level === 'warning' && a.message.includes("'for-xen-4.20'")),
    );
    const bad = await watch(qemu, { mode: 'releases', tags: 'v9.2.0' });
    assert.equal(bad.code, 1);
    assert.match(bad.log, /Invalid input 'tags' 'v9.2.0'/);
  });

  it("baseline: each consumer branch's newest revision its gate passed, else its head", async () => {
    const xen = await hostedTree('xen-consumer', 4, ['master', 'stable-4.20']);
    const [x0, x1, x2, x3] = xen.commits;
    // master is at x3, stable-4.20 at x2. The gate passed x1 (and refused x2), on master's line.
    const gate = (rev: string, verdict: 'push' | 'refuse'): FlightRecord => ({
      format: FLIGHT_RECORD_FORMAT,
      flight: `gate-${rev.slice(0, 6)}`,
      tree: 'xen',
      revision: rev,
      trees: [{ name: 'xen', revision: rev }],
      jobs: [],
      recordedAt: '2026-01-01T00:00:00.000Z',
      decision: { verdict, pushed: verdict === 'push', regressions: verdict === 'push' ? 0 : 1 },
    });
    for (const [rev, v] of [
      [x0, 'push'],
      [x1, 'push'],
      [x2, 'refuse'],
    ] as const)
      await writeNote(
        xen.bare,
        'refs/notes/tributary/flights',
        rev,
        appendFlightNote('', gate(rev, v)),
      );
    const qemu = await hostedTree('qemu-baseline', 1);
    const run = await watch(qemu, {
      mode: 'baseline',
      'consumer-url': server.repoUrl('xen-consumer.git'),
      'consumer-branches': 'master\nstable-4.20',
    });
    assert.equal(run.code, 0, run.log);
    assert.deepEqual(JSON.parse(run.outputs.baseline), [
      { branch: 'master', revision: x1, source: 'gate-record' },
      { branch: 'stable-4.20', revision: x1, source: 'gate-record' },
    ]);
    assert.notEqual(x3, x1);
    // A consumer gated elsewhere: no records, the heads.
    const other = await hostedTree('xen-elsewhere', 2, ['master', 'stable-4.19']);
    const heads = await watch(qemu, {
      mode: 'baseline',
      'consumer-url': server.repoUrl('xen-elsewhere.git'),
      'consumer-branches': 'master\nstable-4.19',
    });
    assert.deepEqual(JSON.parse(heads.outputs.baseline), [
      { branch: 'master', revision: other.commits[1], source: 'branch-head' },
      { branch: 'stable-4.19', revision: other.commits[0], source: 'branch-head' },
    ]);
    const missing = await watch(qemu, {
      mode: 'baseline',
      'consumer-url': server.repoUrl('xen-elsewhere.git'),
      'consumer-branches': 'master\nstable-4.18',
    });
    assert.equal(missing.code, 1);
    assert.match(missing.log, /branch 'stable-4.18' \(consumer-branches\) does not exist/);
  });

  it('tributary watch: the same story on the command line, outputs as JSON', async () => {
    const qemu = await hostedTree('qemu-cli', 2);
    const [q0, q1] = qemu.commits;
    const xen = 'f'.repeat(40);
    // Asynchronous: the servers live in this process.
    const cli = (args: string[]) =>
      new Promise<{ status: number; stdout: string; stderr: string }>((resolve) =>
        execFile(
          process.execPath,
          [join(repoRoot, 'dist', 'cli', 'index.js'), 'watch', ...args],
          { encoding: 'utf8', env: { ...process.env, TRIBUTARY_TOKEN: TOKEN, GITHUB_TOKEN: '' } },
          (e, stdout, stderr) =>
            resolve({ status: e ? Number((e as { code?: number }).code) : 0, stdout, stderr }),
        ),
      );
    const common = [
      '--series',
      SERIES,
      '--tree',
      'qemu',
      '--tree-url',
      server.repoUrl('qemu-cli.git'),
    ];
    const one = await cli([
      ...common,
      '--results',
      results({ qemu: q0, xen }, GOOD),
      '--flight',
      'w1',
    ]);
    assert.equal(one.status, 0, one.stderr);
    assert.match(one.stdout, /## tributary watch: qemu-master-vs-xen-unstable/);
    const two = await cli([
      'report',
      ...common,
      '--results',
      results({ qemu: q1, xen }, BOOT_FAILS),
      '--flight',
      'w2',
      '--json',
    ]);
    assert.equal(two.status, 0, two.stderr);
    const out = JSON.parse(two.stdout);
    assert.equal(out.flight, 'w2');
    assert.deepEqual(
      out.regressions.map((r: { step: string; passFlight: string }) => [r.step, r.passFlight]),
      [
        ['boot', 'w1'],
        ['migrate', 'w1'],
      ],
    );
    assert.ok(!two.stderr.includes(TOKEN) && !two.stdout.includes(TOKEN));
    const bad = await cli([
      'report',
      '--series',
      SERIES,
      '--results',
      results({ qemu: q1, xen }, GOOD),
    ]);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--tree-url is required/);
    const rel = await cli(['releases', '--tags', '["v10.0.0-rc0","junk"]', '--json']);
    assert.equal(rel.status, 0, rel.stderr);
    assert.deepEqual(JSON.parse(rel.stdout), {
      releases: [{ tag: 'v10.0.0-rc0', kind: 'rc' }],
      unmatched: ['junk'],
    });
  });

  it('never shows the token', () => {
    for (const r of runs) assert.ok(!r.log.includes(TOKEN), 'token in a log');
  });
});
