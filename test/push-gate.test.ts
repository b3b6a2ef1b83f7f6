/**
 * The push gate end to end: dist/push-gate/index.js run as the runner runs it, against the
 * token-protected smart-HTTP git server (the hosted tree) and the test GitHub API server.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Git, initRepository } from '../actions/lib/git.js';
import {
  appendFlightNote,
  FLIGHT_RECORD_FORMAT,
  JOB_RESULT_FORMAT,
  parseFlightNote,
  type FlightJob,
  type FlightRecord,
  type StepStatus,
} from '../actions/lib/flight.js';
import { carryHistory } from '../actions/lib/gate/history.js';
import { readFlights, writeNote } from '../actions/lib/flight-notes.js';
import { startGitServer, type GitServer } from './harness/git-server.js';
import { startGitHubApi, type GitHubApi } from './harness/github-api.js';
import { runAction, type ActionRun } from './harness/runner.js';
import { WorkTree, filesContaining, tempDir } from './harness/fixtures.js';

const TOKEN = 'ghs_gateTOKEN0123456789abcdefABCDEF';
const NOTES = 'refs/notes/tributary/flights';
type Spec = Record<string, Record<string, StepStatus>>;

const BASELINE: Spec = {
  'build-amd64': { build: 'pass' },
  'test-hvm': { install: 'pass', boot: 'pass', migrate: 'pass', 'pci-passthrough': 'fail' },
  'test-pv': { boot: 'pass' },
};

const toJobs = (spec: Spec): FlightJob[] =>
  Object.entries(spec).map(([name, steps]) => ({
    name,
    steps: Object.entries(steps).map(([s, status]) => ({ name: s, status })),
  }));

describe('push-gate action end to end', () => {
  const tmp = tempDir('tributary-gate-');
  let server: GitServer;
  let api: GitHubApi;
  const runs: ActionRun[] = [];
  let k = 0;

  before(async () => {
    server = await startGitServer(join(tmp.path, 'srv'), TOKEN);
    api = await startGitHubApi({ token: TOKEN, gitRoot: server.root });
  });
  after(async () => {
    await api.close();
    await server.close();
    tmp.cleanup();
  });

  interface Scenario {
    name: string;
    bare: Git;
    work: WorkTree;
    c0: string;
    c1: string;
    c2: string;
  }

  /** A hosted tree: master at c0 (with a baseline record unless `baseline` is null), staging at c2. */
  async function scenario(
    name: string,
    baseline: Spec | null = BASELINE,
    earlier?: Spec,
  ): Promise<Scenario> {
    const work = await WorkTree.create(join(tmp.path, `work-${name}`));
    const c0 = await work.commit('base', { 'f.txt': '0\n' });
    const c1 = await work.commit('change 1', { 'f.txt': '1\n' });
    const c2 = await work.commit('change 2', { 'f.txt': '2\n' });
    const bare = await initRepository(server.repoPath(`${name}.git`), {
      identity: { name: 't', email: 't@example.org' },
    });
    // As GitHub: partial clone (the gate fetches notes without their blobs), objects by id.
    await bare.run(['config', 'uploadpack.allowFilter', 'true']);
    await bare.run(['config', 'uploadpack.allowAnySHA1InWant', 'true']);
    await work.git.run([
      'push',
      '--quiet',
      bare.cwd,
      `${c0}:refs/heads/master`,
      `${c2}:refs/heads/staging`,
    ]);
    if (baseline) {
      const at = '2026-01-01T00:00:00.000Z';
      const jobs = toJobs(baseline);
      const record: FlightRecord = {
        format: FLIGHT_RECORD_FORMAT,
        flight: 'baseline-1',
        tree: 'xen',
        revision: c0,
        trees: [{ name: 'xen', revision: c0 }],
        jobs,
        recordedAt: at,
        decision: { verdict: 'push', pushed: true, regressions: 0 },
        history: carryHistory(
          earlier &&
            carryHistory(undefined, { flight: 'earlier-1', revision: c0, at }, toJobs(earlier)),
          { flight: 'baseline-1', revision: c0, at },
          jobs,
        ),
      };
      await writeNote(bare, NOTES, c0, appendFlightNote('', record));
    }
    api.addRepository(`xen-project/${name}`, { gitDir: `${name}.git`, defaultBranch: 'master' });
    return { name, bare, work, c0, c1, c2 };
  }

  /** A results directory as download-artifact leaves it: one folder per job. */
  function results(
    revision: string,
    spec: Spec,
    extra: Record<string, object | string> = {},
  ): string {
    const dir = join(tmp.path, `results-${k++}`);
    for (const [job, steps] of Object.entries(spec)) {
      mkdirSync(join(dir, `result-${job}`), { recursive: true });
      writeFileSync(
        join(dir, `result-${job}`, 'result.json'),
        JSON.stringify({
          format: JOB_RESULT_FORMAT,
          job,
          trees: [{ name: 'xen', revision }],
          steps: Object.entries(steps).map(([name, status]) => ({
            name,
            status,
            log: `${name}.log`,
          })),
          url: `https://github.com/xen-project/x/actions/runs/7/job/${job}`,
        }),
      );
    }
    for (const [path, body] of Object.entries(extra)) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), typeof body === 'string' ? body : JSON.stringify(body));
    }
    return dir;
  }

  async function gate(
    s: Scenario,
    resultsDir: string,
    inputs: Record<string, string | undefined> = {},
    workspace?: string,
    timeoutMs = 60_000,
  ) {
    // These tests read the verdict as a commit status; the check run (the default, which
    // `report: undefined` leaves in place) has tests of its own.
    const given = Object.entries({ report: 'status', ...inputs }).filter(
      (e): e is [string, string] => e[1] !== undefined,
    );
    const run = await runAction('push-gate', {
      inputs: {
        results: resultsDir,
        'tree-url': server.repoUrl(`${s.name}.git`),
        tree: 'xen',
        ...Object.fromEntries(given),
      },
      env: {
        GITHUB_API_URL: api.url,
        TRIBUTARY_GITHUB_SPACE_WRITES: 'false',
        GITHUB_REPOSITORY: `xen-project/${s.name}`,
      },
      githubToken: TOKEN,
      workspace,
      timeoutMs,
    });
    runs.push(run);
    return run;
  }

  const master = (s: Scenario) => s.bare.commitOf('refs/heads/master');
  const flights = (s: Scenario, rev: string) => readFlights(s.bare, NOTES, rev);
  const statuses = (s: Scenario) =>
    api.state.statuses.filter((x) => x.repository === `xen-project/${s.name}`);
  const receivePacks = (s: Scenario) =>
    server.requests.filter(
      (r) => r.service === 'receive-pack' && r.path.startsWith(`/${s.name}.git/`),
    );
  const apiWrites = (s: Scenario) =>
    api.requests.filter((r) => r.method !== 'GET' && r.path.includes(`/xen-project/${s.name}/`));

  /** Files on a branch of the hosted tree (the allow list's home), in a history of their own. */
  async function onBranch(s: Scenario, branch: string, files: Record<string, string>) {
    const work = await WorkTree.create(join(tmp.path, `branch-${s.name}-${k++}`), 'config');
    const commit = await work.commit(`${branch}: ${Object.keys(files).join(', ')}`, files);
    await work.git.run([
      'push',
      '--quiet',
      '--force',
      s.bare.cwd,
      `${commit}:refs/heads/${branch}`,
    ]);
    return commit;
  }

  /**
   * Holds every push to the hosted tree in its pre-receive hook until `n` have arrived, so `n`
   * gates have all fetched and decided before any of them lands: the race, forced, whatever
   * the machine's speed. Later pushes (retries, notes) pass at once.
   */
  function barrier(s: Scenario, n: number): void {
    const dir = join(tmp.path, `barrier-${s.name}-${k++}`);
    mkdirSync(dir);
    const hook = join(s.bare.cwd, 'hooks', 'pre-receive');
    writeFileSync(
      hook,
      [
        '#!/bin/sh',
        'cat >/dev/null',
        `dir='${dir}'`,
        'touch "$dir/push-$$"',
        'i=0',
        // A bound, so a gate that died before pushing fails the test instead of hanging it.
        `while [ ! -e "$dir/released" ] && [ "$(ls "$dir" | grep -c '^push-')" -lt ${n} ] && [ $i -lt 3000 ]; do sleep 0.05; i=$((i + 1)); done`,
        'touch "$dir/released"',
        '',
      ].join('\n'),
    );
    chmodSync(hook, 0o755);
  }

  it('a passing flight fast-forwards the tested branch and records its note', async () => {
    const s = await scenario('pass');
    // Any job that writes JUnit serves: a suite is a job, a testcase a step.
    const junitJob = `<?xml version="1.0"?>\n<testsuites><testsuite name="smoke-junit"><properties><property name="tributary.tree.xen" value="${s.c2}"/></properties><testcase name="hello" time="0.5"/></testsuite></testsuites>\n`;
    const run = await gate(s, results(s.c2, BASELINE, { 'junit-smoke/report.xml': junitJob }));
    assert.equal(run.code, 0, run.log);
    assert.equal(run.outputs.pushed, 'true');
    assert.equal(run.outputs.revision, s.c2);
    assert.equal(run.outputs.baseline, s.c0);
    assert.deepEqual(JSON.parse(run.outputs.regressions), []);
    assert.equal(await master(s), s.c2);
    const [record] = await flights(s, s.c2);
    assert.equal(record.decision?.pushed, true);
    assert.equal(record.decision?.baseline?.flight, 'baseline-1');
    assert.deepEqual(
      record.jobs.map((j) => j.name),
      ['build-amd64', 'smoke-junit', 'test-hvm', 'test-pv'],
    );
    // pci-passthrough never passed: reported, carried in the history, not blocking
    assert.match(run.summary, /\| test-hvm \| pci-passthrough \| never passed \| fail \| fail \|/);
    assert.equal(statuses(s)[0].state, 'success');
    assert.equal(statuses(s)[0].context, 'tributary/push-gate');
    assert.equal(statuses(s)[0].sha, s.c2);
    const junit = readFileSync(run.outputs.junit, 'utf8');
    assert.match(junit, /<testsuite name="test-hvm" tests="4" failures="1"/);
  });

  it('a regression blocks; the status and the summary name the step', async () => {
    const s = await scenario('regression');
    const now = { ...BASELINE, 'test-hvm': { ...BASELINE['test-hvm'], migrate: 'fail' as const } };
    const run = await gate(s, results(s.c2, now));
    assert.equal(run.code, 1);
    assert.equal(run.outputs.pushed, 'false');
    assert.equal(run.outputs.verdict, 'refuse');
    const [reg] = JSON.parse(run.outputs.regressions);
    assert.deepEqual(
      [reg.job, reg.step, reg.baseline, reg.now],
      ['test-hvm', 'migrate', 'pass', 'fail'],
    );
    assert.equal(reg.lastPass.flight, 'baseline-1');
    assert.equal(await master(s), s.c0);
    const st = statuses(s)[0];
    assert.equal(st.state, 'failure');
    assert.match(st.description ?? '', /1 regression: test-hvm migrate/);
    assert.match(
      run.summary,
      /### Regressions \(1\)[\s\S]*\| test-hvm \| migrate \| pass \| fail \| this flight \| flight baseline-1/,
    );
    assert.match(
      run.summary,
      /\[log\]\(https:\/\/github.com\/xen-project\/x\/actions\/runs\/7\/job\/test-hvm\)/,
    );
    assert.ok(
      run.annotations.some((a) => a.level === 'error' && /test-hvm migrate/.test(a.message)),
    );
    // A refused flight is recorded too.
    const [record] = await flights(s, s.c2);
    assert.equal(record.decision?.verdict, 'refuse');
    assert.deepEqual(record.decision?.regressionList, [
      { job: 'test-hvm', step: 'migrate', baseline: 'pass', now: 'fail' },
    ]);
  });

  it('reports a check run by default: conclusion, the summary and an annotation per regression', async () => {
    const s = await scenario('check-run');
    const now = { ...BASELINE, 'test-hvm': { ...BASELINE['test-hvm'], migrate: 'fail' as const } };
    const run = await gate(s, results(s.c2, now), { report: undefined });
    assert.equal(run.code, 1, run.log);
    assert.deepEqual(statuses(s), []);
    const checks = api.state.checkRuns.filter((c) => c.repository === `xen-project/${s.name}`);
    assert.equal(checks.length, 1);
    const [check] = checks;
    assert.deepEqual(
      [check.name, check.headSha, check.status, check.conclusion],
      ['tributary/push-gate', s.c2, 'completed', 'failure'],
    );
    assert.match(check.output.title ?? '', /1 regression: test-hvm migrate/);
    assert.match(
      check.output.summary ?? '',
      /### Regressions \(1\)[\s\S]*\| test-hvm \| migrate \|/,
    );
    const annotations = check.output.annotations as {
      annotation_level: string;
      title: string;
      message: string;
    }[];
    assert.deepEqual(
      annotations.map((a) => [a.annotation_level, a.title]),
      [
        ['failure', 'Regression: test-hvm migrate'],
        ['notice', 'Allowed: test-hvm pci-passthrough'],
      ],
    );
    assert.match(
      annotations[0].message,
      /pass in the baseline, fail now; last passed in flight baseline-1/,
    );

    // A passing flight completes a run of the same name with success (the newest is shown).
    const pass = await gate(s, results(s.c2, BASELINE), { report: undefined, flight: 'again' });
    assert.equal(pass.code, 0, pass.log);
    const latest = api.state.checkRuns
      .filter((c) => c.repository === `xen-project/${s.name}`)
      .pop()!;
    assert.deepEqual([latest.conclusion, latest.headSha], ['success', s.c2]);
  });

  it('a token that may not create check runs gets a commit status, with a warning', async () => {
    const s = await scenario('no-checks');
    api.addFault({
      method: 'POST',
      path: `/repos/xen-project/${s.name}/check-runs`,
      kind: 'status',
      status: 403,
      message: 'Resource not accessible by integration',
    });
    const run = await gate(s, results(s.c2, BASELINE), { report: undefined });
    assert.equal(run.code, 0, run.log);
    assert.equal(await master(s), s.c2);
    assert.deepEqual(
      api.state.checkRuns.filter((c) => c.repository === `xen-project/${s.name}`),
      [],
    );
    assert.deepEqual(
      statuses(s).map((x) => [x.context, x.state, x.sha]),
      [['tributary/push-gate', 'success', s.c2]],
    );
    assert.ok(
      run.annotations.some(
        (a) => a.level === 'warning' && /checks: write[\s\S]*commit status instead/.test(a.message),
      ),
      JSON.stringify(run.annotations),
    );
  });

  it("says when a consumer tree's revision moved since the baseline flight's same job", async () => {
    // QEMU gated against two Xen branches, a job each: xen unstable moved, stable-4.20 did not.
    const s = await scenario('consumer-moved', null);
    const [x1, x2, y1] = ['1'.repeat(40), '2'.repeat(40), '4'.repeat(40)];
    const trees = (qemu: string, xen: string) => [
      { name: 'qemu', revision: qemu },
      { name: 'xen', revision: xen },
    ];
    const jobs = (unstable: string, stable: string) => [
      {
        name: 'test-xen-unstable',
        steps: [{ name: 'boot', status: 'pass' as const }],
        trees: trees(s.c0, unstable),
      },
      {
        name: 'test-xen-4.20',
        steps: [{ name: 'boot', status: 'pass' as const }],
        trees: trees(s.c0, stable),
      },
    ];
    const baseline: FlightRecord = {
      format: FLIGHT_RECORD_FORMAT,
      flight: 'baseline-moved',
      tree: 'qemu',
      revision: s.c0,
      trees: trees(s.c0, x1),
      jobs: jobs(x1, y1).map((j) =>
        j.name === 'test-xen-unstable' ? { ...j, trees: undefined } : j,
      ),
      recordedAt: '2026-01-01T00:00:00.000Z',
      decision: { verdict: 'push', pushed: true, regressions: 0 },
    };
    await writeNote(s.bare, NOTES, s.c0, appendFlightNote('', baseline));
    const dir = join(tmp.path, `results-${k++}`);
    for (const j of jobs(x2, y1).map((j) => ({ ...j, trees: trees(s.c2, j.trees[1].revision) }))) {
      mkdirSync(join(dir, j.name), { recursive: true });
      writeFileSync(
        join(dir, j.name, 'result.json'),
        JSON.stringify({ format: JOB_RESULT_FORMAT, job: j.name, trees: j.trees, steps: j.steps }),
      );
    }
    const run = await gate(s, dir, { tree: 'qemu' });
    assert.equal(run.code, 0, run.log);
    assert.match(
      run.summary,
      new RegExp(
        `- xen moved from ${x1.slice(0, 12)} to ${x2.slice(0, 12)} since the baseline \\(test-xen-unstable\\)`,
      ),
    );
    assert.doesNotMatch(run.summary, /moved from 444444444444/);
    const [record] = await flights(s, s.c2);
    assert.deepEqual(
      Object.fromEntries(record.jobs.map((j) => [j.name, (j.trees ?? record.trees)[1].revision])),
      { 'test-xen-unstable': x2, 'test-xen-4.20': y1 },
    );
  });

  it('an allowable failure and a never-passed step do not block; a missing required job does', async () => {
    const s = await scenario('allowable', { ...BASELINE, 'test-pv': { boot: 'fail' } }, BASELINE);
    const now: Spec = { ...BASELINE, 'test-pv': { boot: 'fail' }, 'test-new': { smoke: 'fail' } };
    const run = await gate(s, results(s.c1, now), { revision: s.c1 });
    assert.equal(run.code, 0, run.log);
    assert.equal(run.outputs.pushed, 'true');
    assert.match(run.summary, /\| test-pv \| boot \| failed in the baseline too \|/);
    assert.match(run.summary, /\| test-hvm \| pci-passthrough \| never passed \|/);
    assert.match(run.summary, /\| test-new \| smoke \| never passed \|/);
    assert.match(run.summary, /New jobs: test-new/);
    assert.equal(await master(s), s.c1);

    // Next flight (c2) misses the required test-pv: refused, against c1's record as baseline.
    const without = Object.fromEntries(Object.entries(now).filter(([job]) => job !== 'test-pv'));
    const run2 = await gate(s, results(s.c2, without), { 'required-jobs': 'test-pv, build-*' });
    assert.equal(run2.code, 1);
    assert.equal(run2.outputs.baseline, s.c1);
    assert.deepEqual(
      JSON.parse(run2.outputs.regressions).map((r: { job: string; kind: string }) => [
        r.job,
        r.kind,
      ]),
      [['test-pv', 'missing']],
    );
    assert.equal(await master(s), s.c1);
    assert.match(run2.summary, /Jobs gone since the baseline: test-pv/);
  });

  it('a flaky step that passed in another flight of the revision does not block; the retry is dispatched and recorded', async () => {
    const s = await scenario('flaky');
    const inputs = { 'retry-flaky': 'true', 'dispatch-workflow': 'push-gate.yml' };
    const first = {
      ...BASELINE,
      'test-hvm': { ...BASELINE['test-hvm'], migrate: 'fail' as const },
    };
    const run1 = await gate(s, results(s.c2, first), inputs);
    assert.equal(run1.outputs.verdict, 'retry');
    assert.equal(run1.code, 0, run1.log);
    assert.equal(await master(s), s.c0);
    const dispatch = api.state.dispatches.find((d) => d.repository === 'xen-project/flaky');
    assert.deepEqual(
      [dispatch?.workflow, dispatch?.ref, dispatch?.inputs],
      ['push-gate.yml', 'staging', { revision: s.c2, purpose: 'retry' }],
    );
    assert.equal(statuses(s)[0].state, 'pending');
    // The re-run: migrate passes now, boot fails but passed in the first flight of c2.
    const second = { ...BASELINE, 'test-pv': { boot: 'fail' as const } };
    const run2 = await gate(s, results(s.c2, second), { ...inputs, flight: '1001' });
    assert.equal(run2.code, 0, run2.log);
    assert.equal(run2.outputs.pushed, 'true');
    assert.match(run2.summary, /\| test-pv \| boot \| flaky: pass in flight 1000 \|/);
    assert.equal(await master(s), s.c2);
    const recorded = await flights(s, s.c2);
    assert.deepEqual(
      recorded.map((r) => [r.flight, r.decision?.verdict, r.decision?.pushed]),
      [
        ['1000', 'retry', false],
        ['1001', 'push', true],
      ],
    );
  });

  it('a step that passed in an earlier attempt of the same flight does not block', async () => {
    const s = await scenario('attempts');
    const dir = results(
      s.c2,
      { 'build-amd64': BASELINE['build-amd64'], 'test-pv': BASELINE['test-pv'] },
      {
        'result-test-hvm-1/result.json': {
          format: JOB_RESULT_FORMAT,
          job: 'test-hvm',
          attempt: 1,
          trees: [{ name: 'xen', revision: s.c2 }],
          steps: [
            { name: 'install', status: 'pass' },
            { name: 'boot', status: 'pass' },
            { name: 'migrate', status: 'pass' },
          ],
        },
        'result-test-hvm-2/result.json': {
          format: JOB_RESULT_FORMAT,
          job: 'test-hvm',
          attempt: 2,
          trees: [{ name: 'xen', revision: s.c2 }],
          steps: [
            { name: 'install', status: 'pass' },
            { name: 'boot', status: 'pass' },
            { name: 'migrate', status: 'fail' },
          ],
        },
      },
    );
    const run = await gate(s, dir, { 'dry-run': 'true' });
    assert.equal(run.code, 0, run.log);
    assert.equal(run.outputs.verdict, 'push');
    assert.equal(run.outputs.pushed, 'false'); // dry run
    assert.match(
      run.summary,
      /\| test-hvm \| migrate \| flaky: pass in attempt 1 of this flight \|/,
    );
    assert.equal(await master(s), s.c0);
    assert.deepEqual(await flights(s, s.c2), []);
    assert.deepEqual(receivePacks(s), []);
    assert.deepEqual(statuses(s), []);
  });

  it('an allow-list entry allows until it expires, then is reported', async () => {
    const s = await scenario('allow');
    const day = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString().slice(0, 10);
    const now = { ...BASELINE, 'test-hvm': { ...BASELINE['test-hvm'], migrate: 'fail' as const } };
    const list = (expires: string) => ({
      'allow.yml': `allow:\n  - job: test-*\n    step: migr*\n    reason: migration broken by the new QEMU\n    issue: https://gitlab.com/xen-project/xen/-/issues/42\n    expires: ${expires}\n  - job: test-pv\n    step: boot\n    reason: was flaky\n    issue: https://gitlab.com/xen-project/xen/-/issues/43\n    expires: ${day(30)}\n`,
    });
    await onBranch(s, 'tributary/config', list(day(-1)));
    const expired = await gate(s, results(s.c2, now), { 'dry-run': 'true' });
    assert.equal(expired.outputs.verdict, 'refuse');
    assert.match(
      expired.summary,
      /Expired allow-list entries[\s\S]*test-\* \/ migr\*: expired .*tributary\/config:allow\.yml: allow\[0\]/,
    );
    assert.match(expired.summary, /Stale allow-list entries[\s\S]*test-pv \/ boot/);
    // Renewed on the config branch: effective on the next flight, no landing through the gate.
    await onBranch(s, 'tributary/config', list(day(0)));
    const allowed = await gate(s, results(s.c2, now));
    assert.equal(allowed.code, 0, allowed.log);
    assert.equal(allowed.outputs.pushed, 'true');
    assert.match(allowed.log, /Allow list tributary\/config:allow\.yml: 2 entries/);
    assert.match(
      allowed.summary,
      /\| test-hvm \| migrate \| allow list: migration broken by the new QEMU \(\[issue\]\(https:\/\/gitlab.com\/xen-project\/xen\/-\/issues\/42\)/,
    );
    assert.equal(await master(s), s.c2);
  });

  it('the allow list comes from its branch of the hosted tree: the change under test cannot waive its own regression', async () => {
    const s = await scenario('self-waiver');
    const waiver = `allow:\n  - job: test-hvm\n    reason: my change breaks migration, let it through\n    issue: https://example.org/1\n    expires: 2999-12-31\n`;
    // The change carries an entry for its own regression, in the tree and in the checkout
    // the old template made of it; neither is read.
    const c3 = await s.work.commit('change 3: break migrate, and waive it', {
      '.github/tributary-allow.yml': waiver,
      'allow.yml': waiver,
    });
    await s.work.git.run(['push', '--quiet', s.bare.cwd, `${c3}:refs/heads/staging`]);
    const workspace = join(tmp.path, `ws-${k++}`);
    mkdirSync(join(workspace, '.github'), { recursive: true });
    writeFileSync(join(workspace, '.github', 'tributary-allow.yml'), waiver);
    const now = { ...BASELINE, 'test-hvm': { ...BASELINE['test-hvm'], migrate: 'fail' as const } };
    const refused = await gate(s, results(c3, now), {}, workspace);
    assert.equal(refused.code, 1, refused.log);
    assert.equal(refused.outputs.verdict, 'refuse');
    assert.match(
      refused.log,
      /Allow list tributary\/config:allow\.yml: 0 entries \(no such branch\)/,
    );
    assert.equal(await master(s), s.c0);
    // The config branch exists but holds no allow.yml: an empty list too.
    await onBranch(s, 'tributary/config', { 'README.md': 'release managers only\n' });
    const still = await gate(s, results(c3, now), { flight: '1001' }, workspace);
    assert.equal(still.code, 1, still.log);
    assert.equal(await master(s), s.c0);
    // A release manager's entry on the config branch is what allows it.
    await onBranch(s, 'tributary/config', { 'allow.yml': waiver });
    const allowed = await gate(s, results(c3, now), { flight: '1002' }, workspace);
    assert.equal(allowed.code, 0, allowed.log);
    assert.equal(await master(s), c3);
  });

  it('an allow list named in the input is read from that branch and path, and must exist', async () => {
    const s = await scenario('allow-named');
    const now = { ...BASELINE, 'test-hvm': { ...BASELINE['test-hvm'], migrate: 'fail' as const } };
    await onBranch(s, 'gate/lists', {
      'xen/allow.yml': `allow:\n  - job: test-hvm\n    step: migrate\n    reason: broken upstream\n    issue: https://example.org/7\n    expires: 2999-12-31\n`,
    });
    const refusals: [string, RegExp][] = [
      [
        'gate/lists:xen/nothing.yml',
        /The allow list gate\/lists:xen\/nothing\.yml does not exist: 'gate\/lists' \([0-9a-f]{40}\) has no file 'xen\/nothing\.yml'/,
      ],
      [
        'tributary/config:allow.yml',
        /The allow list tributary\/config:allow\.yml does not exist: there is no branch 'tributary\/config' in http:/,
      ],
      ['gate/lists:xen', /The allow list gate\/lists:xen does not exist/],
    ];
    for (const [value, message] of refusals) {
      const run = await gate(s, results(s.c2, now), { 'allow-list': value });
      assert.equal(run.code, 1, run.log);
      assert.match(run.log, message);
      assert.ok(run.annotations.some((a) => a.level === 'error' && message.test(a.message)));
    }
    // Nothing of the refused runs was written.
    assert.deepEqual(receivePacks(s), []);
    assert.deepEqual(await flights(s, s.c2), []);
    assert.deepEqual(apiWrites(s), []);
    const named = await gate(s, results(s.c2, now), { 'allow-list': 'gate/lists:xen/allow.yml' });
    assert.equal(named.code, 0, named.log);
    assert.match(named.summary, /\| test-hvm \| migrate \| allow list: broken upstream/);
    assert.equal(await master(s), s.c2);
  });

  it('a job or a step that passed in the baseline and did not run is a regression, unless allowed', async () => {
    const s = await scenario('not-run');
    // test-pv never started; test-hvm's migrate step was dropped from its plan.
    const now: Spec = {
      'build-amd64': BASELINE['build-amd64'],
      'test-hvm': { install: 'pass', boot: 'pass', 'pci-passthrough': 'fail' },
    };
    const run = await gate(s, results(s.c2, now));
    assert.equal(run.code, 1, run.log);
    assert.equal(run.outputs.verdict, 'refuse');
    assert.deepEqual(
      JSON.parse(run.outputs.regressions).map((r: Record<string, string>) => [
        r.job,
        r.step,
        r.baseline,
        r.now,
        r.kind,
      ]),
      [
        ['test-hvm', 'migrate', 'pass', 'not run', 'not-run'],
        ['test-pv', '(job)', 'pass', 'not run', 'not-run'],
      ],
    );
    assert.match(
      run.summary,
      /\| test-hvm \| migrate \| pass \| not run \| step did not run \| flight baseline-1/,
    );
    assert.match(run.summary, /\| test-pv \| \(job\) \| pass \| not run \| job did not run \|/);
    assert.match(
      statuses(s)[0].description ?? '',
      /2 regressions: test-hvm migrate, test-pv \(job\)/,
    );
    assert.equal(await master(s), s.c0);
    const [record] = await flights(s, s.c2);
    assert.deepEqual(record.decision?.regressionList?.[1], {
      job: 'test-pv',
      step: '(job)',
      baseline: 'pass',
      now: 'not run',
    });
    // A release manager retires both on the config branch: the next flight passes.
    await onBranch(s, 'tributary/config', {
      'allow.yml': `allow:\n  - job: test-pv\n    reason: PV guests retired\n    issue: https://example.org/8\n    expires: 2999-12-31\n  - job: test-hvm\n    step: migrate\n    reason: migration test moved to its own job\n    issue: https://example.org/9\n    expires: 2999-12-31\n`,
    });
    const allowed = await gate(s, results(s.c2, now), { flight: '1001' });
    assert.equal(allowed.code, 0, allowed.log);
    assert.match(allowed.summary, /\| test-pv \| \(job\) \| allow list: PV guests retired/);
    assert.equal(await master(s), s.c2);
  });

  it('the tested branch moved meanwhile: nothing pushed, a clear error, the flight recorded', async () => {
    const s = await scenario('moved');
    // Someone pushes to master between the gate's decision and its push.
    const hook = join(s.bare.cwd, 'hooks', 'pre-receive');
    writeFileSync(
      hook,
      `#!/bin/sh\ncat >/dev/null\nif [ ! -e moved ]; then touch moved; env -u GIT_QUARANTINE_PATH git update-ref refs/heads/master ${s.c1}; fi\n`,
    );
    chmodSync(hook, 0o755);
    const run = await gate(s, results(s.c2, BASELINE));
    assert.equal(run.code, 1, run.log);
    assert.equal(run.outputs.pushed, 'false', run.log);
    assert.match(
      run.log,
      new RegExp(
        `The tested branch master moved meanwhile: its head was ${s.c0} when the flight was judged and is ${s.c1} now. Nothing pushed.`,
      ),
    );
    assert.equal(await master(s), s.c1);
    const [record] = await flights(s, s.c2);
    assert.equal(record.decision?.pushed, false);
    assert.match(record.decision?.reason ?? '', /moved meanwhile/);
    assert.equal(statuses(s)[0].state, 'error');
  });

  it('a push refused while another push held the refs is tried again, and lands', async () => {
    const s = await scenario('busy');
    // The first push finds master locked, as by another push still landing; nothing has
    // changed when the gate looks, so it tries again, and the second push finds the lock gone.
    const hook = join(s.bare.cwd, 'hooks', 'pre-receive');
    writeFileSync(
      hook,
      '#!/bin/sh\ncat >/dev/null\nif [ ! -e held ]; then touch held refs/heads/master.lock; else rm -f refs/heads/master.lock; fi\n',
    );
    chmodSync(hook, 0o755);
    const run = await gate(s, results(s.c2, BASELINE));
    assert.equal(run.code, 0, run.log);
    assert.equal(run.outputs.pushed, 'true');
    assert.match(run.log, /The hosted tree was busy with another push; trying again \(attempt 2\)/);
    assert.equal(await master(s), s.c2);
    assert.deepEqual(
      (await flights(s, s.c2)).map((r) => [r.flight, r.decision?.pushed]),
      [['1000', true]],
    );
    assert.equal(receivePacks(s).filter((r) => r.method === 'POST').length, 2);
  });

  it('a push that landed although its answer was lost counts as pushed, recorded once', async () => {
    const s = await scenario('lost');
    // The server applies the push, then the connection dies before the client hears so.
    const hook = join(s.bare.cwd, 'hooks', 'post-receive');
    writeFileSync(
      hook,
      '#!/bin/sh\ncat >/dev/null\nif [ ! -e lost ]; then touch lost; kill -9 $PPID; fi\n',
    );
    chmodSync(hook, 0o755);
    const run = await gate(s, results(s.c2, BASELINE));
    assert.equal(run.code, 0, run.log);
    assert.equal(run.outputs.pushed, 'true');
    assert.equal(await master(s), s.c2);
    const recorded = await flights(s, s.c2);
    assert.deepEqual(
      recorded.map((r) => [r.flight, r.decision?.pushed]),
      [['1000', true]],
    );
    assert.equal(statuses(s)[0].state, 'success');
  });

  it('a revision that does not descend from the tested head is not pushed, and the error says so', async () => {
    const s = await scenario('diverged');
    await s.work.git.run(['checkout', '--quiet', '-b', 'side', s.c0]);
    const side = await s.work.commit('pushed to master by hand');
    await s.work.git.run(['push', '--quiet', s.bare.cwd, `${side}:refs/heads/master`]);
    const run = await gate(s, results(s.c2, BASELINE));
    assert.equal(run.code, 1);
    assert.match(
      run.log,
      new RegExp(`Revision ${s.c2} does not descend from master's head ${side}`),
    );
    assert.match(run.summary, /nearest ancestor with one/);
    assert.equal(await master(s), side);
    assert.equal((await flights(s, s.c2))[0].decision?.pushed, false);
  });

  it('a revision staging did not carry is refused, forced or not, and nothing is written', async () => {
    const s = await scenario('not-carried');
    // An unreviewed commit on top of master, reachable only from a pull request's ref.
    await s.work.git.run(['checkout', '--quiet', '-b', 'fork', s.c0]);
    const fork = await s.work.commit('a change nobody reviewed', { 'f.txt': 'fork\n' });
    await s.work.git.run(['push', '--quiet', s.bare.cwd, `${fork}:refs/pull/1/head`]);
    const refusal = new RegExp(
      `Revision ${fork} is not on 'staging' \\(head ${s.c2} as fetched now\\) nor is it master's head ${s.c0}: the gate pushes only what staging carried\\. Nothing pushed, nothing recorded\\.`,
    );
    const cases: Record<string, string>[] = [
      { revision: fork },
      { revision: fork, 'no-baseline': 'push', flight: '1001' },
      { revision: fork, force: 'true', 'force-reason': 'trust me', flight: '1002' },
    ];
    for (const inputs of cases) {
      const run = await gate(s, results(fork, BASELINE), inputs);
      assert.equal(run.code, 1, run.log);
      assert.deepEqual(
        [run.outputs.pushed, run.outputs.verdict, run.outputs.revision],
        ['false', 'refuse', fork],
      );
      assert.match(run.log, refusal);
      assert.ok(run.annotations.some((a) => a.level === 'error' && refusal.test(a.message)));
      assert.match(run.summary, /\*\*refused: not carried by staging\*\*/);
    }
    assert.equal(await master(s), s.c0);
    assert.deepEqual(receivePacks(s), []);
    assert.deepEqual(await flights(s, fork), []);
    assert.deepEqual(apiWrites(s), []);

    // Without a staging branch only a flight of master's own head is taken, and recorded.
    await s.bare.run(['update-ref', '-d', 'refs/heads/staging']);
    const gone = await gate(s, results(s.c2, BASELINE), { flight: '1003' });
    assert.equal(gone.code, 1);
    assert.match(
      gone.log,
      new RegExp(
        `Revision ${s.c2} is not on 'staging', which does not exist in http:\\S+, nor is it master's head ${s.c0}`,
      ),
    );
    assert.deepEqual(receivePacks(s), []);
    const head = await gate(s, results(s.c0, BASELINE), { flight: '1004' });
    assert.equal(head.code, 0, head.log);
    assert.equal(head.outputs.pushed, 'false');
    assert.match(head.summary, /\*\*already there: master is at [0-9a-f]{12}; flight recorded\*\*/);
    assert.deepEqual(
      (await flights(s, s.c0)).map((r) => r.flight),
      ['baseline-1', '1004'],
    );
    assert.equal(await master(s), s.c0);
  });

  it('chained gates judge against their own staging; a retry of an older staging revision passes', async () => {
    const s = await scenario('chain');
    await s.bare.run(['update-ref', 'refs/heads/smoke', s.c0]);
    const chain = (revision: string, from: string, to: string, flight: string) =>
      gate(s, results(revision, BASELINE), { revision, staging: from, tested: to, flight });
    // A dispatched retry of c1, staging having moved on to c2 meanwhile: carried, pushed.
    const smoke1 = await chain(s.c1, 'staging', 'smoke', '5001');
    assert.equal(smoke1.code, 0, smoke1.log);
    assert.equal(await s.bare.commitOf('refs/heads/smoke'), s.c1);
    const master1 = await chain(s.c1, 'smoke', 'master', '5002');
    assert.equal(master1.code, 0, master1.log);
    assert.equal(await master(s), s.c1);
    // c2 is on staging, not yet on smoke: the master gate does not take it.
    const early = await chain(s.c2, 'smoke', 'master', '5003');
    assert.equal(early.code, 1);
    assert.match(
      early.log,
      new RegExp(
        `Revision ${s.c2} is not on 'smoke' \\(head ${s.c1} as fetched now\\) nor is it master's head ${s.c1}`,
      ),
    );
    assert.equal(await master(s), s.c1);
    // Through smoke first, it is.
    const smoke2 = await chain(s.c2, 'staging', 'smoke', '5004');
    assert.equal(smoke2.code, 0, smoke2.log);
    const master2 = await chain(s.c2, 'smoke', 'master', '5005');
    assert.equal(master2.code, 0, master2.log);
    assert.equal(await master(s), s.c2);
    assert.deepEqual(
      (await flights(s, s.c2)).map((r) => [
        r.flight,
        r.decision?.tested?.branch,
        r.decision?.pushed,
      ]),
      [
        ['5004', 'smoke', true],
        ['5005', 'master', true],
      ],
    );
  });

  it('two gates at once: one push, no lost note', async () => {
    const s = await scenario('race');
    // Both gates decide against master at c0 before either push lands.
    barrier(s, 2);
    const [a, b] = await Promise.all([
      gate(s, results(s.c1, BASELINE), { revision: s.c1, flight: '2001' }),
      gate(s, results(s.c2, BASELINE), { revision: s.c2, flight: '2002' }),
    ]);
    assert.deepEqual([a.outputs.pushed, b.outputs.pushed].sort(), ['false', 'true']);
    const [winner, loser] = a.outputs.pushed === 'true' ? [a, b] : [b, a];
    assert.equal(winner.code, 0, winner.log);
    assert.equal(loser.code, 1, loser.log);
    assert.match(
      loser.log,
      new RegExp(
        `The tested branch master moved meanwhile: its head was ${s.c0} when the flight was judged and is ${winner.outputs.revision} now\\. Nothing pushed\\.`,
      ),
    );
    assert.equal(await master(s), winner.outputs.revision);
    assert.equal((await flights(s, s.c1)).length, 1);
    assert.equal((await flights(s, s.c2)).length, 1);
    // And two refused flights of one revision at once: both appended to its note.
    const bad = { ...BASELINE, 'test-pv': { boot: 'fail' as const } };
    const head = (await master(s))!;
    const next = await s.work.commit('change 3');
    await s.work.git.run(['push', '--quiet', s.bare.cwd, `${next}:refs/heads/staging`]);
    barrier(s, 2);
    const refused = await Promise.all([
      gate(s, results(next, bad), { flight: '3001' }),
      gate(s, results(next, bad), { flight: '3002' }),
    ]);
    assert.deepEqual(
      refused.map((r) => r.code),
      [1, 1],
    );
    assert.ok(refused.some((r) => /Another gate recorded a flight meanwhile/.test(r.log)));
    assert.deepEqual((await flights(s, next)).map((r) => r.flight).sort(), ['3001', '3002']);
    assert.equal(await master(s), head);
    // The note ref is one line of history, nothing overwritten.
    const text = await s.bare.run(['notes', `--ref=${NOTES}`, 'show', next]);
    assert.equal(parseFlightNote(text, 'x').length, 2);
  });

  it('eight gates of one revision at once: one pushes, seven find it already there, all succeed', async () => {
    const s = await scenario('eight');
    barrier(s, 8);
    const ids = ['4001', '4002', '4003', '4004', '4005', '4006', '4007', '4008'];
    const all = await Promise.all(
      ids.map((flight) => gate(s, results(s.c2, BASELINE), { flight }, undefined, 180_000)),
    );
    for (const run of all) assert.equal(run.code, 0, run.log);
    assert.deepEqual(all.map((r) => r.outputs.pushed).sort(), [
      'false',
      'false',
      'false',
      'false',
      'false',
      'false',
      'false',
      'true',
    ]);
    const others = all.filter((r) => r.outputs.pushed === 'false');
    for (const run of others) {
      assert.match(
        run.log,
        new RegExp(
          `master was moved to ${s.c2} meanwhile \\(another gate of this revision\\): already there`,
        ),
      );
      assert.match(
        run.summary,
        /\*\*already there: master is at [0-9a-f]{12}; flight recorded\*\*/,
      );
    }
    assert.equal(await master(s), s.c2);
    // Every flight recorded once, on one line of notes history; one says it moved master.
    const recorded = await flights(s, s.c2);
    assert.deepEqual(recorded.map((r) => r.flight).sort(), ids);
    assert.equal(recorded.filter((r) => r.decision?.pushed).length, 1);
    for (const r of recorded.filter((r) => !r.decision?.pushed))
      assert.match(
        r.decision?.reason ?? '',
        /already there: master was moved to this revision meanwhile/,
      );
    assert.deepEqual(
      statuses(s).map((x) => x.state),
      ids.map(() => 'success'),
    );
  });

  it('a forced push is recorded with the actor and the reason', async () => {
    const s = await scenario('forced');
    const now = {
      ...BASELINE,
      'test-hvm': { ...BASELINE['test-hvm'], boot: 'fail' as const, migrate: 'blocked' as const },
    };
    const run = await gate(s, results(s.c2, now), {
      force: 'true',
      'force-reason': 'security release XSA-999',
    });
    assert.equal(run.code, 0, run.log);
    assert.equal(run.outputs.pushed, 'true');
    assert.equal(JSON.parse(run.outputs.regressions).length, 2);
    assert.equal(await master(s), s.c2);
    const [record] = await flights(s, s.c2);
    assert.deepEqual(record.decision?.forced, {
      actor: 'release-manager',
      reason: 'security release XSA-999',
    });
    assert.match(run.summary, /\*\*forced\*\* by release-manager: security release XSA-999/);
  });

  it('an untested tested head: by policy, refuses and asks for a baseline flight', async () => {
    const s = await scenario('untested');
    await s.work.git.run(['push', '--quiet', s.bare.cwd, `${s.c1}:refs/heads/master`]);
    const run = await gate(s, results(s.c2, BASELINE), {
      'untested-head': 'dispatch',
      'dispatch-workflow': 'push-gate.yml',
    });
    assert.equal(run.code, 1);
    assert.equal(run.outputs.verdict, 'refuse');
    assert.match(
      run.log,
      new RegExp(`master's head ${s.c1} was never tested .*asking for a flight of it first`),
    );
    const dispatch = api.state.dispatches.find((d) => d.repository === 'xen-project/untested');
    assert.deepEqual(dispatch?.inputs, { revision: s.c1, purpose: 'baseline' });
    assert.equal(await master(s), s.c1);
    // By default the nearest ancestor's record is the baseline.
    const run2 = await gate(s, results(s.c2, BASELINE), { flight: '1001' });
    assert.equal(run2.code, 0, run2.log);
    assert.equal(run2.outputs.baseline, s.c0);
    assert.equal(await master(s), s.c2);
  });

  it('no baseline anywhere: refused by default, pushed by policy with every failure reported', async () => {
    const s = await scenario('nobase', null);
    const now = { ...BASELINE, 'test-pv': { boot: 'fail' as const } };
    const refused = await gate(s, results(s.c2, now));
    assert.equal(refused.code, 1);
    assert.match(refused.log, /no baseline/);
    assert.equal(await master(s), s.c0);
    const pushed = await gate(s, results(s.c2, now), { 'no-baseline': 'push', flight: '1001' });
    assert.equal(pushed.code, 0, pushed.log);
    assert.match(pushed.summary, /\| test-pv \| boot \| no baseline to judge against \|/);
    assert.equal(await master(s), s.c2);
    assert.equal((await flights(s, s.c2)).length, 2);
  });

  it('refuses every bad input with nothing pushed', async () => {
    const s = await scenario('bad');
    const ok = (job: string, revision = s.c2) => ({
      format: JOB_RESULT_FORMAT,
      job,
      trees: [{ name: 'xen', revision }],
      steps: [{ name: 'boot', status: 'pass' }],
    });
    const cases: [Record<string, object | string>, RegExp, Record<string, string>?][] = [
      [{ 'a/result.json': '{ not json' }, /a\/result\.json: not valid JSON/],
      [
        { 'a/result.json': { ...ok('t'), format: 'tributary.job/v0' } },
        /a\/result\.json: field 'format' is "tributary.job\/v0"/,
      ],
      [
        { 'a/result.json': { ...ok('t'), steps: [{ name: 'boot', status: 'flaky' }] } },
        /a\/result\.json: field 'steps\[0\]\.status' is "flaky"/,
      ],
      [
        { 'a/result.json': ok('t'), 'b/result.json': ok('t') },
        /b\/result\.json: field 'job' repeats job 't' of a\/result\.json/,
      ],
      [
        { 'a/result.json': ok('t'), 'b/result.json': ok('u', s.c1) },
        /b\/result\.json: field 'trees\[0\]\.revision' .* a result for another revision/,
      ],
      [
        { 'a/result.json': ok('t') },
        /field 'trees\[0\]\.revision' is .* but input 'revision' says/,
        { revision: s.c1 },
      ],
      [
        { 'a/result.json': ok('t') },
        /Invalid input 'no-baseline' 'maybe'/,
        { 'no-baseline': 'maybe' },
      ],
      [{ 'a/result.json': ok('t') }, /A forced push needs a reason/, { force: 'true' }],
      [
        { 'a/result.json': ok('t') },
        /The allow list cannot be on the staging branch 'staging' \(input 'allow-list' 'staging:allow\.yml'\)/,
        { 'allow-list': 'staging:allow.yml' },
      ],
      [
        { 'a/result.json': ok('t') },
        /Invalid input 'allow-list' '\.github\/tributary-allow\.yml'\. Expected <branch>:<path>/,
        { 'allow-list': '.github/tributary-allow.yml' },
      ],
    ];
    for (const [files, message, inputs] of cases) {
      const run = await gate(s, results(s.c2, {}, files), inputs);
      assert.equal(run.code, 1, run.log);
      assert.match(run.log, message);
      assert.ok(run.annotations.some((a) => a.level === 'error' && message.test(a.message)));
    }
    // Refused before any git: not a single request for this tree.
    assert.deepEqual(
      server.requests.filter((r) => r.path.startsWith('/bad.git/')),
      [],
    );
    const missing = await gate(s, results(s.c2, { t: { boot: 'pass' } }), {
      tested: 'stable-4.20',
    });
    assert.equal(missing.code, 1);
    assert.match(missing.log, /The tested branch 'stable-4\.20' does not exist/);
    assert.deepEqual(receivePacks(s), []);
    assert.equal(await master(s), s.c0);
    assert.deepEqual(await flights(s, s.c2), []);
    assert.deepEqual(statuses(s), []);
  });

  it('never lets the token into a log, an output, the summary or a file', async () => {
    // Runs of its own, so it proves something run alone: a push, a refusal, a revision
    // staging did not carry, an allow list that is not there. Every other run is checked too.
    const s = await scenario('secret');
    await s.work.git.run(['checkout', '--quiet', '-b', 'fork', s.c0]);
    const fork = await s.work.commit('from a fork');
    await s.work.git.run(['push', '--quiet', s.bare.cwd, `${fork}:refs/pull/1/head`]);
    const regressed = { ...BASELINE, 'test-pv': { boot: 'fail' as const } };
    const own = [
      await gate(s, results(s.c1, BASELINE), { revision: s.c1, flight: '1' }),
      await gate(s, results(s.c2, regressed), { flight: '2' }),
      await gate(s, results(fork, BASELINE), { flight: '3' }),
      await gate(s, results(s.c2, BASELINE), { flight: '4', 'allow-list': 'x:y.yml' }),
    ];
    assert.deepEqual(
      own.map((r) => [r.code, r.outputs.pushed]),
      [
        [0, 'true'],
        [1, 'false'],
        [1, 'false'],
        [1, undefined],
      ],
    );
    for (const r of runs) {
      assert.ok(!r.log.includes(TOKEN), 'token in a log');
      assert.ok(!JSON.stringify(r.outputs).includes(TOKEN), 'token in an output');
      assert.ok(!r.summary.includes(TOKEN), 'token in a summary');
      assert.ok(!JSON.stringify(r.annotations).includes(TOKEN), 'token in an annotation');
    }
    assert.deepEqual(
      filesContaining(
        [server.root, ...runs.flatMap((r) => [r.workspace, r.runnerTemp, ...r.files])],
        TOKEN,
      ),
      [],
    );
  });
});
