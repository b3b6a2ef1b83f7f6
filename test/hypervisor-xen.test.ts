/**
 * Real Xen in the loop. The xen-smoke recipe (docs/recipes/xen-smoke.yml) boots Xen 4.17, a
 * dom0 (Debian's Linux) and a PV guest under QEMU with TCG, from the fixture
 * test/fixtures/xen/build.sh made out of Debian's packages, through the bundled hypervisor-test
 * action, on a tree served by the token-protected git server. Flight 1: every stage passes and
 * the push gate pushes. Flight 2 gives dom0 1 MiB: Xen cannot build it and panics, the job fails
 * at 'dom0 up' with the console attached, and the gate refuses it against flight 1.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseJobResult } from '../actions/lib/flight.js';
import { initRepository } from '../actions/lib/git.js';
import { readFlights } from '../actions/lib/flight-notes.js';
import { startGitServer, type GitServer } from './harness/git-server.js';
import { runAction, type ActionRun } from './harness/runner.js';
import { tempDir, WorkTree } from './harness/fixtures.js';
import { guestProcesses } from './harness/bootsector.js';
import {
  linkXenFixture,
  requireXenFixture,
  XEN_STAGES,
  xenFixtureVersions,
  xenPlan,
} from './harness/xen.js';

const TOKEN = 'ghs_xenLoopTOKEN0123456789abcdefABCDE';
const NOTES = 'refs/notes/tributary/flights';

describe('real Xen: Xen 4.17, dom0 and a PV guest under QEMU, through the push gate', () => {
  const tmp = tempDir('tributary-xen-');
  let server: GitServer;
  const runs: ActionRun[] = [];

  before(async () => {
    requireXenFixture();
    server = await startGitServer(join(tmp.path, 'srv'), TOKEN);
  });
  after(async () => {
    await server?.close();
    try {
      for (const r of runs) assert.ok(!r.log.includes(TOKEN), 'the token is never printed');
    } finally {
      tmp.cleanup();
    }
  });

  /** A flight of one job: check the revision out, link the fixture, run the recipe, collect the artifact. */
  async function flight(revision: string, n: number) {
    const workspace = join(tmp.path, `flight-${n}`, 'workspace');
    const checkout = await initRepository(workspace, {
      bare: false,
      remotes: [{ url: server.repoUrl('xen.git'), token: TOKEN }],
    });
    await checkout.run(['fetch', '--quiet', server.repoUrl('xen.git'), revision]);
    await checkout.run(['checkout', '--quiet', '--detach', revision]);
    linkXenFixture(workspace);
    const job = await runAction('hypervisor-test', {
      inputs: { plan: 'plan.yml', 'lock-dir': join(tmp.path, 'lock') },
      workspace,
      timeoutMs: 20 * 60_000,
    });
    runs.push(job);
    assert.deepEqual(guestProcesses(job.outputs.tag), [], 'no QEMU left behind');
    const results = join(tmp.path, `flight-${n}`, 'results');
    mkdirSync(results, { recursive: true });
    cpSync(dirname(job.outputs['result-file']), join(results, 'job-xen-smoke'), {
      recursive: true,
    });
    const result = parseJobResult(readFileSync(job.outputs['result-file'], 'utf8'), 'result');
    const console = readFileSync(join(job.outputs['log-dir'], '01-boot.console.log'), 'utf8');
    return { job, results, result, console };
  }

  function gate(results: string, extra: Record<string, string> = {}) {
    return runAction('push-gate', {
      inputs: {
        results,
        'tree-url': server.repoUrl('xen.git'),
        tree: 'xen',
        repository: '',
        ...extra,
      },
      githubToken: TOKEN,
      timeoutMs: 60_000,
    });
  }

  it('passes every stage of a good boot, and refuses dom0_mem=1M, which fails at dom0 up', async () => {
    const tree = await WorkTree.create(join(tmp.path, 'work'));
    const c0 = await tree.commit('xen-smoke: the recipe as documented', {
      'plan.yml': xenPlan(),
      '.gitignore': '/boot\n',
    });
    // A comma in dom0's command line: QEMU's -initrd must get it doubled, dom0 must see one.
    const c1 = await tree.commit('xen-smoke: a dom0 parameter with a comma', {
      'plan.yml': xenPlan({ dom0: (c) => `${c} tributary.check=a,b` }),
    });
    const c2 = await tree.commit('xen-smoke: give dom0 1 MiB', {
      'plan.yml': xenPlan({ xen: (c) => c.replace(/dom0_mem=\S+/, 'dom0_mem=1M') }),
    });
    const hosted = await initRepository(server.repoPath('xen.git'), {});
    await tree.git.run([
      'push',
      '--quiet',
      hosted.cwd,
      `${c0}:refs/heads/master`,
      `${c1}:refs/heads/staging`,
    ]);

    // Flight 1: Xen, dom0 and the guest come up, the guest is destroyed, every stage passes.
    const one = await flight(c1, 1);
    assert.equal(one.job.code, 0, `${one.job.log}\n--- console:\n${one.console}`);
    assert.equal(one.job.outputs.status, 'pass');
    assert.deepEqual(
      one.result.steps.map((s) => [s.name, s.status, s.log]),
      XEN_STAGES.map((s) => [s, 'pass', 'logs/01-boot.console.log']),
    );
    for (const s of one.result.steps) assert.ok(s.durationMs! > 0, `${s.name} took its time`);
    const xen = xenFixtureVersions()['xen-hypervisor-4.17-amd64'];
    assert.match(
      one.console,
      new RegExp(
        `^\\(XEN\\) Xen version 4\\.17\\.\\d+ \\(Debian ${xen.replace(/[+.]/g, '\\$&')}\\)`,
        'm',
      ),
    );
    assert.match(
      one.console,
      /Command line: console=hvc0 earlyprintk=xen panic=-1 tributary\.check=a,b$/m,
    );
    assert.match(one.console, /^tributary-dom0: up: Linux \S+ on xen$/m);
    assert.match(
      one.console,
      /^\(guest\) tributary-guest: hello from a PV guest, Linux \S+ on xen$/m,
    );
    for (const s of XEN_STAGES)
      assert.match(one.job.summary, new RegExp(`<td>${s}</td><td>pass</td>`));
    const g1 = await gate(one.results, { 'no-baseline': 'push' });
    runs.push(g1);
    assert.equal(g1.code, 0, g1.log);
    assert.equal(g1.outputs.pushed, 'true');
    assert.equal(await hosted.commitOf('refs/heads/master'), c1);

    // Flight 2: Xen panics building a dom0 of 1 MiB. Xen came up; dom0 never did.
    await tree.git.run(['push', '--quiet', hosted.cwd, `${c2}:refs/heads/staging`]);
    const two = await flight(c2, 2);
    assert.equal(two.job.code, 1, two.job.log);
    assert.equal(two.job.outputs.status, 'fail');
    assert.deepEqual(
      two.result.steps.map((s) => [s.name, s.status]),
      XEN_STAGES.map((s, i) => [s, i === 0 ? 'pass' : i === 1 ? 'fail' : 'blocked']),
    );
    assert.match(two.result.steps[1].message!, /^console: \(XEN\) Panic on CPU 0:/);
    const error = two.job.annotations.find(
      (a) => a.level === 'error' && /stage 'dom0 up'/.test(a.message),
    );
    assert.ok(error, two.job.log);
    assert.equal(error.properties.title, 'xen-smoke: step dom0 up failed');
    assert.match(
      error.message,
      /^Step 'boot' failed: stage 'dom0 up': console: \(XEN\) Panic on CPU 0:/,
    );
    // The console is attached: the panic's reason, which Xen prints after its banner.
    assert.match(
      error.message,
      /Last lines of logs\/01-boot\.console\.log:\n[^]*\(XEN\) Domain 0 allocation is too small for kernel image/,
    );
    assert.match(two.job.log, /Job xen-smoke: fail at step 'dom0 up'/);

    const g2 = await gate(two.results);
    runs.push(g2);
    assert.equal(g2.code, 1, g2.log);
    assert.equal(g2.outputs.verdict, 'refuse');
    assert.equal(g2.outputs.pushed, 'false');
    assert.equal(g2.outputs.baseline, c1);
    const regressions = JSON.parse(g2.outputs.regressions) as { step: string; now: string }[];
    assert.deepEqual(
      regressions.map((r) => [r.step, r.now]),
      XEN_STAGES.slice(1).map((s, i) => [s, i === 0 ? 'fail' : 'blocked']),
      'dom0 up broke; xen up did not regress',
    );
    assert.equal(await hosted.commitOf('refs/heads/master'), c1, 'tested stays at the good boot');
    const [record] = await readFlights(hosted, NOTES, c2);
    assert.equal(record.decision?.verdict, 'refuse');
  });
});
