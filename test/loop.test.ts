/**
 * The whole loop: two commits land on staging of a hosted tree (the boot-sector fixture,
 * served by the token-protected git server). For each, the hypervisor-test job checks the
 * revision out, builds it and boots it under QEMU with SeaBIOS, and its result goes to the push
 * gate as download-artifact would leave it. The gate fast-forwards the tested branch to the
 * good commit and refuses the one that breaks the boot.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { initRepository } from '../actions/lib/git.js';
import { readFlights } from '../actions/lib/flight-notes.js';
import { startGitServer, type GitServer } from './harness/git-server.js';
import { assertTokenKept, runAction, type ActionRun } from './harness/runner.js';
import { tempDir, testIdentity } from './harness/fixtures.js';
import { bootsectorTree, planWithBootTimeout, variantFiles } from './harness/bootsector.js';

const TOKEN = 'ghs_loopTOKEN0123456789abcdefABCDEF';
const NOTES = 'refs/notes/tributary/flights';

describe('the loop: hypervisor-test results through the push gate', () => {
  const tmp = tempDir('tributary-loop-');
  let server: GitServer;
  const runs: ActionRun[] = [];

  before(async () => {
    server = await startGitServer(join(tmp.path, 'srv'), TOKEN);
  });
  after(async () => {
    await server.close();
    try {
      assertTokenKept(runs, server.root, TOKEN);
    } finally {
      tmp.cleanup();
    }
  });

  /** A flight of one job: check the revision out, run the plan, collect the result artifact. */
  async function flight(revision: string, n: number): Promise<{ job: ActionRun; results: string }> {
    const workspace = join(tmp.path, `flight-${n}`, 'workspace');
    const checkout = await initRepository(workspace, {
      bare: false,
      remotes: [{ url: server.repoUrl('bootsector.git'), token: TOKEN }],
    });
    await checkout.run(['fetch', '--quiet', server.repoUrl('bootsector.git'), revision]);
    await checkout.run(['checkout', '--quiet', '--detach', revision]);
    const job = await runAction('hypervisor-test', {
      inputs: { plan: 'plan.yml', 'lock-dir': join(tmp.path, 'lock') },
      workspace,
    });
    runs.push(job);
    // What upload-artifact then download-artifact leave: the job's output directory
    // (result.json, junit.xml beside it, logs/), one folder per job.
    const results = join(tmp.path, `flight-${n}`, 'results');
    const artifact = join(results, 'job-boot');
    mkdirSync(results, { recursive: true });
    cpSync(dirname(job.outputs['result-file']), artifact, { recursive: true });
    assert.ok(existsSync(join(artifact, 'junit.xml')) && existsSync(join(artifact, 'logs')));
    return { job, results };
  }

  function gate(results: string, extra: Record<string, string> = {}) {
    return runAction('push-gate', {
      inputs: {
        results,
        'tree-url': server.repoUrl('bootsector.git'),
        tree: 'bootsector',
        repository: '',
        ...extra,
      },
      githubToken: TOKEN,
      timeoutMs: 60_000,
    });
  }

  it('pushes the commit that boots and refuses the one that breaks the boot', async () => {
    // The tree: master at the first commit; staging gains a good change, then a bad one.
    const { tree, head: c0 } = await bootsectorTree(join(tmp.path, 'work'), {
      plan: planWithBootTimeout('30s'),
    });
    const c1 = await tree.commit('bootsector: say hello with more words', {
      'message.txt': 'tributary guest: hello\n',
      README: 'A boot sector that says hello.\n',
    });
    const c2 = await tree.commit('bootsector: a change that breaks the boot', variantFiles('bad'));
    const hosted = await initRepository(server.repoPath('bootsector.git'), {
      identity: testIdentity,
    });
    await tree.git.run([
      'push',
      '--quiet',
      hosted.cwd,
      `${c0}:refs/heads/master`,
      `${c1}:refs/heads/staging`,
    ]);
    const master = () => hosted.commitOf('refs/heads/master');

    // Flight 1: staging at c1. No flight was ever recorded: the first one sets the baseline.
    const one = await flight(c1, 1);
    assert.equal(one.job.code, 0, one.job.log);
    assert.equal(one.job.outputs.status, 'pass');
    const g1 = await gate(one.results, { 'no-baseline': 'push' });
    runs.push(g1);
    assert.equal(g1.code, 0, g1.log);
    assert.equal(g1.outputs.pushed, 'true');
    assert.equal(g1.outputs.revision, c1);
    assert.equal(await master(), c1);
    const [record1] = await readFlights(hosted, NOTES, c1);
    assert.deepEqual(
      record1.jobs.map((j) => [j.name, j.steps.map((s) => s.status)]),
      [['boot-bootsector', ['pass', 'pass', 'pass']]],
    );

    // Flight 2: staging at c2, whose boot sector panics. The gate compares with c1's flight.
    await tree.git.run(['push', '--quiet', hosted.cwd, `${c2}:refs/heads/staging`]);
    const two = await flight(c2, 2);
    assert.equal(two.job.code, 1);
    assert.equal(two.job.outputs.status, 'fail');
    const g2 = await gate(two.results);
    runs.push(g2);
    assert.equal(g2.code, 1, g2.log);
    assert.equal(g2.outputs.pushed, 'false');
    assert.equal(g2.outputs.verdict, 'refuse');
    assert.equal(g2.outputs.baseline, c1);
    const regressions = JSON.parse(g2.outputs.regressions) as { job: string; step: string }[];
    assert.ok(
      regressions.some((r) => r.job === 'boot-bootsector' && r.step === 'boot'),
      `the boot step is a regression: ${g2.outputs.regressions}`,
    );
    assert.equal(await master(), c1, 'the tested branch stays at the commit that boots');
    const [record2] = await readFlights(hosted, NOTES, c2);
    assert.equal(record2.decision?.verdict, 'refuse');
  });
});
