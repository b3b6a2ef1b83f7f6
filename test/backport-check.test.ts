import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { initRepository } from '../actions/lib/git.js';
import type { Classification } from '../actions/lib/backport/classifier.js';
import type { DivergenceReport } from '../actions/lib/backport/divergence.js';
import { startGitServer, type GitServer } from './harness/git-server.js';
import { startGitHubApi } from './harness/github-api.js';
import { rangeFromEvent } from '../actions/lib/backport/pull-request.js';
import { ConfigurationError } from '../actions/lib/errors.js';
import { filesContaining, tempDir } from './harness/fixtures.js';
import { runAction, type ActionRun } from './harness/runner.js';
import { startCacheService } from './harness/cache-service.js';
import { advanceUpstream, buildHistory, type History } from './backport/history.js';

const TOKEN = 'ghs_backportcheck0123456789abcdefABCD';

describe('backport-check action (dist bundle) against the token-protected git server', () => {
  const tmp = tempDir();
  let server: GitServer;
  let h: History;
  let n: Record<string, string>;
  const runs: ActionRun[] = [];

  const pullRequest = (number: number, base: string, head: string, fork?: string) => ({
    number,
    pull_request: {
      number,
      base: { sha: base, ref: 'stable-1.0', repo: { full_name: 'xen/qemu' } },
      head: { sha: head, ref: `topic-${number}`, repo: { full_name: fork ?? 'xen/qemu' } },
    },
  });

  const check = async (
    event: unknown,
    eventName = 'pull_request_target',
    inputs: Record<string, string> = {},
    env: Record<string, string> = {},
  ) => {
    const run = await runAction('backport-check', {
      eventName,
      event,
      githubToken: TOKEN,
      env: { GITHUB_SERVER_URL: server.url, GITHUB_REPOSITORY: 'xen/qemu', ...env },
      inputs: {
        'upstream-repository': 'mirror/qemu-upstream',
        'upstream-branch': 'stable-1.0',
        'downstream-only-subjects': '^update Xen version to',
        'reference-patterns': '^Upstream-ref: ([0-9a-f]+)$',
        ...inputs,
      },
      timeoutMs: 60_000,
    });
    runs.push(run);
    return run;
  };

  const classified = (run: ActionRun) =>
    JSON.parse(run.outputs.classifications) as Classification[];

  before(async () => {
    server = await startGitServer(join(tmp.path, 'srv'), TOKEN);
    h = await buildHistory(join(tmp.path, 'work'));
    const mirror = await initRepository(server.repoPath('mirror/qemu-upstream.git'));
    await h.upstream.git.run(['push', '--quiet', mirror.cwd, 'master', 'stable-1.0', 'next']);
    const downstream = await initRepository(server.repoPath('xen/qemu.git'));
    await h.downstream.git.run([
      'push',
      '--quiet',
      downstream.cwd,
      `${h.d.sync}:refs/heads/stable-1.0`,
      `${h.d.masterCommit}:refs/pull/1/head`,
      `${h.d.backportOf}:refs/pull/2/head`,
      `${h.d.noReference}:refs/pull/3/head`,
      `${h.d.sync}:refs/heads/gh-readonly-queue/stable-1.0/pr-4-${h.d.custom}`,
    ]);
    // The next upstream stable release, for the divergence report.
    n = await advanceUpstream(h);
    await h.upstream.git.run([
      'push',
      '--quiet',
      mirror.cwd,
      'master',
      `${n.target}:refs/heads/stable-1.0-next`,
    ]);
  });
  after(async () => {
    await server.close();
    tmp.cleanup();
  });

  it('passes a clean pull request of backports, with a summary table', async () => {
    const run = await check(pullRequest(1, h.release, h.d.masterCommit));
    assert.equal(run.code, 0, run.log);
    assert.equal(run.outputs.result, 'pass');
    const list = classified(run);
    assert.deepEqual(
      list.map((c) => [c.commit, c.class, c.patch]),
      [
        [h.d.cherryPicked, 'backport', 'identical'],
        [h.d.upstreamCommit, 'backport', 'identical'],
        [h.d.upstreamBracket, 'backport', 'identical'],
        [h.d.masterCommit, 'backport', 'identical'],
      ],
    );
    assert.deepEqual(JSON.parse(run.outputs.counts).backport, 4);
    assert.match(run.summary, /\| Commit \| Class \| Upstream commit \| Patch \| Note \|/);
    assert.match(
      run.summary,
      new RegExp(
        `${h.d.masterCommit.slice(0, 12)} d: fix hang \\| backport \\| ${h.u.U4.slice(0, 12)} \\| identical \\| master date: 2025-01-14`,
      ),
    );
    assert.deepEqual(run.annotations, []);
  });

  it('fails a pull request from a fork with a violation, the annotation naming the commit', async () => {
    const run = await check(pullRequest(3, h.d.notFound, h.d.noReference, 'someone/qemu'));
    assert.equal(run.code, 1, run.log);
    assert.equal(run.outputs.result, 'fail');
    assert.equal(run.outputs.violations, '1');
    const errors = run.annotations.filter((a) => a.level === 'error');
    const commitError = errors.find((a) => a.properties.title);
    assert.ok(commitError, JSON.stringify(run.annotations));
    assert.equal(commitError.properties.title, `${h.d.noReference.slice(0, 12)} v: quick fix`);
    assert.match(commitError.message, /no upstream reference/);
    assert.ok(errors.some((a) => /1 commit breaks the backport policy/.test(a.message)));
    assert.match(run.summary, /pull request #3 from someone\/qemu/);
    assert.match(run.log, /comes from the fork someone\/qemu/);
  });

  it('warns about a modified backport without a note and accepts one with a note', async () => {
    const run = await check(pullRequest(2, h.d.masterCommit, h.d.backportOf));
    assert.equal(run.code, 0, run.log);
    assert.equal(run.outputs.result, 'warn');
    const [explained, unexplained] = classified(run);
    assert.equal(explained.patch, 'modified');
    assert.deepEqual(explained.warnings, []);
    assert.equal(unexplained.patch, 'modified');
    const warning = run.annotations.find((a) => a.level === 'warning');
    assert.equal(warning?.properties.title, `${h.d.backportOf.slice(0, 12)} i: handle EINTR`);
    assert.match(warning?.message ?? '', /modified backport of .* without a note/);
    assert.match(run.summary, /bp: only the first hunk applies to 1.0/);

    const strict = await check(pullRequest(2, h.d.masterCommit, h.d.backportOf), undefined, {
      'fail-on-warnings': 'true',
    });
    assert.equal(strict.code, 1);
  });

  it('accepts an upstream sync in a merge queue', async () => {
    const run = await check(
      {
        merge_group: {
          base_sha: h.d.custom,
          head_sha: h.d.sync,
          base_ref: 'refs/heads/stable-1.0',
          head_ref: `refs/heads/gh-readonly-queue/stable-1.0/pr-4-${h.d.custom}`,
        },
      },
      'merge_group',
    );
    assert.equal(run.code, 0, run.log);
    assert.deepEqual(
      classified(run).map((c) => c.class),
      ['sync'],
    );
    assert.match(run.summary, /1 commits of upstream's own come in with it/);
  });

  it('keeps the store and the commit facts with @actions/cache, fetching nothing twice', async () => {
    const service = await startCacheService();
    const base = join(tmp.path, 'hosted-runner');
    const runnerTemp = join(base, 'temp');
    const kept = join(runnerTemp, 'tributary-backport-cache');
    const packs = () =>
      readdirSync(join(kept, 'objects.git', 'objects', 'pack')).filter((f) => f.endsWith('.pack'));
    // Each run on a fresh runner at the same paths, as hosted runners are; URLs, so that
    // GITHUB_SERVER_URL stays github.com and the cache speaks its v2 protocol.
    const hosted = async () => {
      rmSync(base, { recursive: true, force: true });
      mkdirSync(runnerTemp, { recursive: true });
      const run = await runAction('backport-check', {
        eventName: 'pull_request_target',
        event: pullRequest(1, h.release, h.d.masterCommit),
        githubToken: TOKEN,
        env: {
          ...service.env,
          GITHUB_SERVER_URL: 'https://github.com',
          GITHUB_REPOSITORY: 'xen/qemu',
        },
        inputs: {
          'upstream-repository': server.repoUrl('mirror/qemu-upstream.git'),
          'downstream-repository': server.repoUrl('xen/qemu.git'),
          'upstream-branch': 'stable-1.0',
          'downstream-only-subjects': '^update Xen version to',
          'reference-patterns': '^Upstream-ref: ([0-9a-f]+)$',
        },
        runnerTemp,
        timeoutMs: 60_000,
      });
      runs.push(run);
      return run;
    };
    try {
      const first = await hosted();
      assert.equal(first.code, 0, first.log);
      assert.match(first.log, /Saved the cached repository as cache entry tributary-backport-v1-/);
      const fetched = packs();
      const second = await hosted();
      assert.equal(second.code, 0, second.log);
      assert.match(
        second.log,
        /Restored the cached repository from cache entry tributary-backport-v1-/,
      );
      assert.deepEqual(packs(), fetched, 'nothing new fetched into the store');
      assert.ok(
        readdirSync(kept).some((f) => f.startsWith('commit-facts-')),
        'the facts too',
      );
      assert.deepEqual(classified(second), classified(first));
      assert.equal(service.entries().length, 1, 'an unchanged store is not saved again');
    } finally {
      await service.close();
    }
  });

  it('says clearly when the head was force-pushed away, and when a range is empty', async () => {
    const gone = 'deadbeef'.repeat(5);
    const run = await check(pullRequest(5, h.release, gone));
    assert.equal(run.code, 1);
    assert.match(
      run.log,
      new RegExp(`The head ${gone} of pull request #5 is no longer in .*force-pushed`),
    );
    assert.doesNotMatch(run.log, /^\s+at .*\.js:\d+/m, 'no stack trace');

    // A base force-pushed away: checked against its branch's head, with a warning.
    const moved = await check(pullRequest(1, 'feedface'.repeat(5), h.d.masterCommit));
    assert.equal(moved.code, 0, moved.log);
    assert.ok(
      moved.annotations.some(
        (a) => a.level === 'warning' && /is gone from refs\/heads\/stable-1.0/.test(a.message),
      ),
    );

    const empty = await check(pullRequest(1, h.d.masterCommit, h.d.masterCommit));
    assert.equal(empty.code, 0, empty.log);
    assert.equal(JSON.parse(empty.outputs.counts).commits, 0);
    assert.match(empty.log, /Nothing to check/);
  });

  it('reports the divergence before a sync, in Markdown and JSON', async () => {
    const run = await check({}, 'schedule', {
      mode: 'report',
      'downstream-branch': 'stable-1.0',
      'sync-to': 'stable-1.0-next',
    });
    assert.equal(run.code, 0, run.log);
    const report = JSON.parse(run.outputs.report) as DivergenceReport;
    assert.equal(report.target.commit, n.target);
    assert.deepEqual(
      report.supersededByTarget.map((c) => [c.commit, c.upstream, c.action]),
      [
        [h.d.localTweak, n.pickTweak, 'drop'],
        [h.d.backportOf, n.pickU9, 'revert'],
        [h.d.upstreamCommit, n.pickU2, 'drop'],
        [h.d.cherryPicked, n.pickU1, 'drop'],
      ],
    );
    assert.deepEqual(
      report.downstreamOnly.map((c) => c.reason),
      ['vendor parser', 'update Xen version to 4.20.1', 'debugging aid'],
    );
    assert.match(run.outputs['report-markdown'], /### Before syncing to stable-1.0-next/);
    assert.match(run.summary, /### Upstream now carries \(1\)/);
  });

  it('keeps the scheduled report in one issue, updated in place', async () => {
    const api = await startGitHubApi({ token: TOKEN, gitRoot: server.root });
    try {
      api.addRepository('xen/qemu', { defaultBranch: 'stable-1.0' });
      api.addIssue('xen/qemu', { title: 'Unrelated', body: 'nothing to see' });
      const report = (syncTo: string) =>
        check(
          {},
          'schedule',
          {
            mode: 'report',
            'downstream-branch': 'stable-1.0',
            'sync-to': syncTo,
            'issue-title': 'Divergence of stable-1.0',
            'issue-labels': 'divergence',
          },
          { GITHUB_API_URL: api.url },
        );
      const first = await report('stable-1.0');
      assert.equal(first.code, 0, first.log);
      const second = await report('stable-1.0-next');
      assert.equal(second.code, 0, second.log);
      assert.equal(second.outputs['issue-number'], first.outputs['issue-number']);
      const mine = api.state.issues.filter((i) => i.title === 'Divergence of stable-1.0');
      assert.equal(mine.length, 1);
      assert.deepEqual(mine[0].labels, ['divergence']);
      assert.match(mine[0].body ?? '', /<!-- tributary:divergence xen\/qemu stable-1.0 -->/);
      assert.match(
        mine[0].body ?? '',
        /Before syncing to stable-1.0-next: revert or drop, in this order \(4\)/,
      );
      assert.equal(api.state.issues.find((i) => i.title === 'Unrelated')?.body, 'nothing to see');
      assert.ok(!JSON.stringify(api.requests).includes(TOKEN));
    } finally {
      await api.close();
    }
  });

  it('never lets the token into a log, an output, the summary or a file', async () => {
    // Runs of its own (a pass and a violation), so it proves something run alone too; every
    // other run of the file is checked as well.
    const pass = await check(pullRequest(1, h.release, h.d.masterCommit));
    const fail = await check(pullRequest(3, h.d.notFound, h.d.noReference, 'someone/qemu'));
    assert.deepEqual([pass.code, fail.code], [0, 1], pass.log + fail.log);
    for (const run of runs) {
      assert.ok(!run.log.includes(TOKEN));
      assert.ok(!JSON.stringify(run.outputs).includes(TOKEN));
      assert.ok(!run.summary.includes(TOKEN));
      assert.deepEqual(filesContaining([run.runnerTemp, ...run.files], TOKEN), []);
    }
  });
});

describe('reading the change from the event payload', () => {
  const sha = (c: string) => c.repeat(40);
  const pr = (headRepo: string | null) => ({
    number: 7,
    pull_request: {
      number: 7,
      base: { sha: sha('a'), ref: 'stable-4.20', repo: { full_name: 'xen/qemu' } },
      head: { sha: sha('b'), ref: 'fix', repo: headRepo === null ? null : { full_name: headRepo } },
    },
  });

  it('takes base, head and the fork from a pull request, the head by refs/pull/N/head', () => {
    assert.deepEqual(rangeFromEvent('pull_request_target', pr('xen/qemu')), {
      event: 'pull_request_target',
      number: 7,
      base: { sha: sha('a'), ref: 'refs/heads/stable-4.20' },
      head: { sha: sha('b'), ref: 'refs/pull/7/head' },
      fork: undefined,
    });
    assert.equal(rangeFromEvent('pull_request', pr('someone/qemu'))?.fork, 'someone/qemu');
    assert.equal(rangeFromEvent('pull_request', pr(null))?.fork, '(deleted fork)');
  });

  it('takes a merge group, ignores other events and refuses a payload without the shas', () => {
    assert.deepEqual(
      rangeFromEvent('merge_group', {
        merge_group: {
          base_sha: sha('c'),
          head_sha: sha('d'),
          base_ref: 'refs/heads/x',
          head_ref: 'refs/heads/gh-readonly-queue/x/pr-1',
        },
      })?.head,
      { sha: sha('d'), ref: 'refs/heads/gh-readonly-queue/x/pr-1' },
    );
    assert.equal(rangeFromEvent('push', {}), undefined);
    assert.throws(
      () => rangeFromEvent('pull_request', { pull_request: { head: { sha: 'nope' } } }),
      (e: Error) =>
        e instanceof ConfigurationError && /base.sha, head.sha and number/.test(e.message),
    );
    assert.throws(() => rangeFromEvent('merge_group', {}), ConfigurationError);
  });
});
