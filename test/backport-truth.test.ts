/**
 * The backport check says only what is true, and the same warm or cold: through the bundled
 * action against the token-protected git server, and through `tributary check` and
 * `tributary divergence` on a local clone.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { initRepository } from '../actions/lib/git.js';
import type { Classification } from '../actions/lib/backport/classifier.js';
import { startGitServer, type GitServer } from './harness/git-server.js';
import { filesContaining, tempDir } from './harness/fixtures.js';
import { repoRoot, runAction, type ActionRun } from './harness/runner.js';
import {
  buildTrustHistory,
  NOWHERE,
  UPSTREAM_REF,
  type TrustHistory,
} from './backport/trust-history.js';

const TOKEN = 'ghs_backporttruth0123456789abcdefABCD';

describe('tributary check and divergence on a local clone', () => {
  const tmp = tempDir();
  let h: TrustHistory;
  const tributary = (...args: string[]) =>
    spawnSync(process.execPath, [join(repoRoot, 'build', 'cli', 'tributary.js'), ...args], {
      cwd: h.downstream.dir,
      encoding: 'utf8',
    });
  const upstream = ['--upstream', 'upstream/master'];

  before(async () => {
    h = await buildTrustHistory(tmp.path);
  });
  after(() => tmp.cleanup());

  it('prints the same --json warm as cold, byte for byte, after any option change', () => {
    const optionSets = [
      [],
      ['--pattern', UPSTREAM_REF],
      ['--min-length', '8', '--pattern', UPSTREAM_REF],
      ['--subject', '^w1: '],
      ['--pattern', UPSTREAM_REF],
      [],
    ];
    const warm = join(tmp.path, 'warm-cache');
    const outputs = new Set<string>();
    optionSets.forEach((options, i) => {
      for (const part of [
        ['check', '--base', 'v1', '--head', 'stable'],
        ['divergence', '--downstream', 'stable'],
      ]) {
        const args = [...part, ...upstream, ...options, '--json'];
        const cold = tributary(...args, '--cache-dir', join(tmp.path, `cold-${i}-${part[0]}`));
        const again = tributary(...args, '--cache-dir', warm);
        assert.equal(cold.status, again.status, again.stderr);
        assert.ok(cold.stdout.startsWith('{'), cold.stderr);
        assert.equal(again.stdout, cold.stdout, `${part[0]} ${options.join(' ')}`);
        outputs.add(cold.stdout);
      }
    });
    // The options do change the answer, so the cache had something to get wrong.
    assert.ok(outputs.size >= 4, `${outputs.size} distinct outputs`);
    const withPattern = JSON.parse(
      tributary('check', '--base', 'v1', ...upstream, '--pattern', UPSTREAM_REF, '--json').stdout,
    ) as { classifications: Classification[] };
    const pickP = withPattern.classifications.find((c) => c.commit === h.d.pickP);
    assert.deepEqual(pickP?.warnings, [], 'the fix of P is carried, named by Upstream-ref');
  });

  it('refuses a --repo that does not exist or is no repository, naming it', () => {
    const missing = join(tmp.path, 'no-such-folder');
    const r = tributary('check', ...upstream, '--repo', missing);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, new RegExp(`--repo '${missing}' does not exist`));
    assert.doesNotMatch(r.stderr, /ENOENT/);
    const empty = join(tmp.path, 'empty-folder');
    mkdirSync(empty);
    const notRepo = tributary('divergence', ...upstream, '--repo', empty);
    assert.equal(notRepo.status, 2, notRepo.stderr);
    assert.match(notRepo.stderr, /--repo '.*empty-folder' is not a git repository/);
  });

  it('refuses a --cache-dir that is a file before any work, and leaves the file alone', () => {
    const file = join(tmp.path, 'cache-file');
    writeFileSync(file, 'mine\n');
    for (const part of ['check', 'divergence']) {
      const r = tributary(part, ...upstream, '--cache-dir', file);
      assert.equal(r.status, 2, r.stderr);
      assert.match(r.stderr, /--cache-dir '.*cache-file' is a file, not a folder/);
      assert.doesNotMatch(r.stderr + r.stdout, /commits to classify|Divergence/);
    }
    assert.equal(readFileSync(file, 'utf8'), 'mine\n');
  });

  it('refuses an empty --subject as it refuses an empty --trailer, and quotes a bad --min-length', () => {
    for (const [option, value, expected] of [
      ['--subject', '', /--subject is given an empty value/],
      ['--subject', '.*', /Invalid --subject '\.\*'.*does not match every subject/],
      ['--trailer', '', /--trailer is given an empty value/],
      ['--min-length', 'abc', /Invalid --min-length 'abc'/],
    ] as const) {
      const r = tributary('check', ...upstream, option, value);
      assert.equal(r.status, 2, `${option} '${value}': ${r.stderr}`);
      assert.match(r.stderr, expected);
    }
  });

  it('adds --trailer to the default Downstream-only trailer', async () => {
    const t = h.downstream;
    await t.git.run(['checkout', '--quiet', '-b', 'trailers', h.u.R]);
    try {
      const own = await t.commit('x: local build\n\nDownstream-only: our build system', {
        'x.c': 'x local\n',
      });
      const vendor = await t.commit('x: vendor tweak\n\nVendor-only: the vendor asked', {
        'x.c': 'x vendor\n',
      });
      const r = tributary(
        'check',
        ...upstream,
        '--base',
        'v1',
        '--trailer',
        'Vendor-only',
        '--json',
      );
      assert.equal(r.status, 0, r.stdout + r.stderr);
      const list = (JSON.parse(r.stdout) as { classifications: Classification[] }).classifications;
      assert.deepEqual(
        list.map((c) => [c.commit, c.class, c.reason]),
        [
          [own, 'downstream-only', 'our build system'],
          [vendor, 'downstream-only', 'the vendor asked'],
        ],
      );
    } finally {
      await t.git.run(['checkout', '--quiet', 'stable']);
    }
  });

  it('names the head that names no commit', () => {
    const r = tributary('check', ...upstream, '--base', 'v1', '--head', 'no-such-branch');
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /head revision 'no-such-branch' does not name a commit/);
  });
});

describe('backport-check action: refusals and verdicts that are true', () => {
  const tmp = tempDir();
  let server: GitServer;
  let h: TrustHistory;
  const runs: ActionRun[] = [];

  const check = async (
    inputs: Record<string, string>,
    options: { event?: unknown; eventName?: string; token?: string } = {},
  ) => {
    const run = await runAction('backport-check', {
      eventName: options.eventName ?? 'workflow_dispatch',
      event: options.event ?? {},
      githubToken: options.token ?? TOKEN,
      env: { GITHUB_SERVER_URL: server.url, GITHUB_REPOSITORY: 'xen/down' },
      inputs: {
        'upstream-repository': 'mirror/up',
        'reference-patterns': UPSTREAM_REF,
        ...inputs,
      },
      timeoutMs: 60_000,
    });
    runs.push(run);
    return run;
  };
  const classified = (run: ActionRun) =>
    JSON.parse(run.outputs.classifications ?? '[]') as Classification[];
  const errors = (run: ActionRun) => run.annotations.filter((a) => a.level === 'error');
  const warnings = (run: ActionRun) => run.annotations.filter((a) => a.level === 'warning');

  let stable: Promise<ActionRun>;
  const of = async (name: string) => {
    const run = await stable;
    const c = classified(run).find((x) => x.commit === h.d[name]);
    assert.ok(c, `${name} classified: ${run.log}`);
    return c;
  };

  before(async () => {
    server = await startGitServer(join(tmp.path, 'srv'), TOKEN);
    h = await buildTrustHistory(join(tmp.path, 'work'));
    const mirror = await initRepository(server.repoPath('mirror/up.git'));
    await h.upstream.git.run(['push', '--quiet', mirror.cwd, 'master']);
    const down = await initRepository(server.repoPath('xen/down.git'));
    await h.downstream.git.run([
      'push',
      '--quiet',
      down.cwd,
      'stable',
      'many',
      'warned',
      'refs/tags/v1',
      `${h.d.pickP}:refs/pull/1/head`,
    ]);
    // A tag as the base and a short id as the head, as the inputs document.
    stable = check({ base: 'v1', head: h.d.customQ.slice(0, 10) });
  });
  after(async () => {
    await server.close();
    tmp.cleanup();
  });

  it('takes a tag as the base and a short commit id as the head', async () => {
    const run = await stable;
    assert.equal(run.code, 0, run.log);
    assert.deepEqual(
      classified(run).map((c) => c.commit),
      ['pickF', 'pickG', 'squash', 'nowhere', 'pickP', 'customQ'].map((n) => h.d[n]),
    );
  });

  it('reports every upstream commit a squashed pick names, compared with both together', async () => {
    const c = await of('squash');
    assert.equal(c.class, 'backport');
    assert.deepEqual(c.upstreams, [h.u.A, h.u.B]);
    assert.equal(c.upstream, h.u.A);
    assert.equal(c.patch, 'identical');
    assert.deepEqual(c.warnings, []);
    assert.match(c.notes.join('; '), /master date: 2025-01-14 .*master date: 2025-01-15/);
    const run = await stable;
    assert.match(
      run.summary,
      new RegExp(`\\| backport \\| ${h.u.A.slice(0, 12)}, ${h.u.B.slice(0, 12)} \\| identical \\|`),
    );
  });

  it('does not call a fix missing that is downstream as the same patch', async () => {
    assert.deepEqual((await of('pickF')).warnings, []);
    const g = await of('pickG');
    assert.equal(g.class, 'upstream');
    assert.equal(g.upstream, h.u.G);
    assert.deepEqual((await of('pickP')).warnings, [], 'Q is carried, named by Upstream-ref');
  });

  it('warns about a reference to a commit that does not exist, naming the upstream commit with the patch', async () => {
    const c = await of('nowhere');
    assert.equal(c.class, 'upstream');
    assert.equal(c.upstream, h.u.H);
    assert.equal(c.warnings.length, 1, c.warnings.join('\n'));
    assert.match(c.warnings[0], new RegExp(`${NOWHERE} is not found upstream`));
    assert.match(c.warnings[0], new RegExp(`the same patch as upstream ${h.u.H.slice(0, 12)}`));
    const run = await stable;
    assert.equal(run.outputs.result, 'warn');
    const [w] = warnings(run);
    assert.equal(w?.properties.title, `${h.d.nowhere.slice(0, 12)} c: fix race`);
    assert.match(w.message, new RegExp(h.u.H.slice(0, 12)));
  });

  it('annotates at most 9 violations and 9 warnings, violations first, and says how many more', async () => {
    const run = await check({ base: h.u.R, head: 'many' });
    assert.equal(run.code, 1, run.log);
    assert.equal(run.outputs.violations, '12');
    assert.equal(run.outputs.warnings, '11');
    const e = errors(run);
    const w = warnings(run);
    assert.equal(e.length, 10, JSON.stringify(e));
    assert.equal(w.length, 10, JSON.stringify(w));
    assert.deepEqual(
      e.slice(0, 9).map((a) => a.properties.title),
      Array.from(
        { length: 9 },
        (_, i) => `${h.d[`bare${i + 1}`].slice(0, 12)} w${12 + i}: local change`,
      ),
    );
    assert.match(
      e[9].message,
      /12 commits break the backport policy; 3 more violations are listed only in the job summary/,
    );
    assert.deepEqual(
      w.slice(0, 9).map((a) => a.properties.title),
      Array.from({ length: 9 }, (_, i) => `${h.d[`modified${i + 1}`].slice(0, 12)} w${i + 1}: fix`),
    );
    assert.match(w[9].message, /2 more commits with warnings are listed only in the job summary/);
    const firstWarning = run.annotations.findIndex((a) => a.level === 'warning');
    const lastError = run.annotations.map((a) => a.level).lastIndexOf('error');
    assert.ok(lastError < firstWarning, 'violations first');
    for (const name of ['bare12', 'modified11'])
      assert.ok(run.summary.includes(h.d[name].slice(0, 12)), `${name} is in the summary`);
  });

  it('makes warn of warnings alone in report mode', async () => {
    const run = await check({ mode: 'report', 'downstream-branch': 'warned' });
    assert.equal(run.code, 0, run.log);
    assert.equal(run.outputs.violations, '0');
    assert.equal(run.outputs.warnings, '1');
    assert.equal(run.outputs.result, 'warn');
  });

  it('names the head that is missing, not the base', async () => {
    const run = await check({ base: 'stable', head: 'no-such-branch' });
    assert.equal(run.code, 1, run.log);
    const [e] = errors(run);
    assert.match(
      e?.message ?? '',
      /The head 'no-such-branch' is not a branch, tag or commit of .*xen\/down/,
    );
  });

  it("reports a wrong token as git's 401 and an under-privileged one as its 403, naming the input", async () => {
    const pr = {
      number: 1,
      pull_request: {
        number: 1,
        base: { sha: h.u.R, ref: 'stable', repo: { full_name: 'xen/down' } },
        head: { sha: h.d.pickP, ref: 'topic', repo: { full_name: 'xen/down' } },
      },
    };
    const wrong = await check(
      {},
      {
        event: pr,
        eventName: 'pull_request_target',
        token: 'ghs_wrong0000000000000000000000000000',
      },
    );
    assert.equal(wrong.code, 1, wrong.log);
    const [e401] = errors(wrong);
    assert.match(e401?.message ?? '', /input 'token' cannot read .*\/xen\/down\.git: HTTP 401/);
    assert.doesNotMatch(wrong.log, /force-pushed|no longer in/);

    server.addFault({ service: 'info-refs', status: 403, repository: 'mirror/up.git', times: 20 });
    try {
      const denied = await check({}, { event: pr, eventName: 'pull_request_target' });
      assert.equal(denied.code, 1, denied.log);
      const [e403] = errors(denied);
      assert.match(
        e403?.message ?? '',
        /input 'token' cannot read the upstream mirror .*\/mirror\/up\.git: HTTP 403.*upstream-token/,
      );
    } finally {
      server.clearFaults();
    }
  });

  it('refuses a cache-dir that is a file before it fetches anything', async () => {
    const file = join(tmp.path, 'cache-file');
    writeFileSync(file, 'mine\n');
    const before = server.requests.length;
    const run = await check({ base: h.u.R, head: 'stable', 'cache-dir': file });
    assert.equal(run.code, 1, run.log);
    assert.match(
      errors(run)[0]?.message ?? '',
      /input 'cache-dir' '.*cache-file' is a file, not a folder/,
    );
    assert.equal(server.requests.length, before, 'no request reached the git server');
    assert.equal(readFileSync(file, 'utf8'), 'mine\n');
  });

  it('never lets the token into a log, an output, the summary or a file', () => {
    assert.ok(runs.length >= 7);
    for (const run of runs) {
      assert.ok(!run.log.includes(TOKEN));
      assert.ok(!JSON.stringify(run.outputs).includes(TOKEN));
      assert.ok(!run.summary.includes(TOKEN));
      assert.deepEqual(filesContaining([run.runnerTemp, ...run.files], TOKEN), []);
    }
  });
});
