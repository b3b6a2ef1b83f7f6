import { after, before, describe, it } from 'node:test';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { divergence, type DivergenceReport } from '../actions/lib/backport/divergence.js';
import { divergenceMarkdown } from '../actions/lib/backport/report.js';
import { parsePolicy } from '../actions/lib/backport/policy.js';
import { tempDir } from './harness/fixtures.js';
import { repoRoot } from './harness/runner.js';
import { advanceUpstream, buildHistory, type History } from './backport/history.js';

describe('divergence report before a sync', () => {
  const tmp = tempDir();
  let h: History;
  let n: Record<string, string>;
  let report: DivergenceReport;

  before(async () => {
    h = await buildHistory(tmp.path);
    n = await advanceUpstream(h);
    report = await divergence({
      git: h.downstream.git,
      downstream: 'HEAD',
      development: 'refs/remotes/upstream/master',
      followed: 'refs/remotes/upstream/stable-1.0',
      target: 'refs/remotes/upstream/stable-next',
      policy: parsePolicy({ subjects: ['^update Xen version to'] }),
    });
  });
  after(() => tmp.cleanup());

  it('lists the downstream-only commits with their reasons', () => {
    assert.deepEqual(
      report.downstreamOnly.map((c) => [c.commit, c.reason]),
      [
        [h.d.kLocal, 'vendor parser'],
        [h.d.releaseCommit, 'update Xen version to 4.20.1'],
        [h.d.mistake, 'debugging aid'],
      ],
    );
    assert.ok(report.unexplained.some((c) => c.commit === h.d.noReference));
  });

  it('finds the downstream-only change upstream now carries, though its context moved', () => {
    const tweak = report.carried.find((c) => c.commit === h.d.localTweak);
    assert.ok(tweak, JSON.stringify(report.carried));
    assert.equal(tweak.match, 'patch');
    assert.equal(tweak.class, 'upstream');
    assert.equal(tweak.declared, "Xen's build needs it");
    assert.ok([n.tweak, n.pickTweak].includes(tweak.upstream));
    assert.ok(
      !report.carried.some((c) => c.commit === h.d.mistake),
      'a reverted pair is no divergence',
    );
  });

  it('orders what to revert or drop before the sync, newest first, naming what supersedes it', () => {
    assert.deepEqual(
      report.supersededByTarget.map((c) => [c.commit, c.upstream, c.match, c.action]),
      [
        [h.d.localTweak, n.pickTweak, 'patch', 'drop'],
        [h.d.backportOf, n.pickU9, 'reference', 'revert'],
        [h.d.upstreamCommit, n.pickU2, 'reference', 'drop'],
        [h.d.cherryPicked, n.pickU1, 'reference', 'drop'],
      ],
    );
    const md = divergenceMarkdown(report);
    assert.match(md, /### Before syncing to upstream\/stable-next/);
    assert.match(
      md,
      new RegExp(`\\| 1 \\| drop \\| ${h.d.localTweak.slice(0, 12)} m: local tweak`),
    );
    assert.match(md, /vendor parser/);
  });

  const tributary = (...args: string[]) =>
    spawnSync(process.execPath, [join(repoRoot, 'build', 'cli', 'tributary.js'), ...args], {
      cwd: h.downstream.dir,
      encoding: 'utf8',
    });

  it('runs as `tributary divergence` and `tributary check` on a local repository', () => {
    const upstream = ['--upstream', 'upstream/master', '--followed', 'upstream/stable-1.0'];
    const md = tributary('divergence', ...upstream, '--to', 'upstream/stable-next');
    assert.equal(md.status, 0, md.stderr);
    assert.match(md.stdout, /## Divergence of HEAD from upstream/);
    assert.match(md.stdout, /\| 1 \| drop \| .* m: local tweak/);
    const json = tributary('divergence', ...upstream, '--to', 'upstream/stable-next', '--json');
    assert.equal(JSON.parse(json.stdout).supersededByTarget.length, 4);

    const clean = tributary('check', ...upstream, '--base', h.release, '--head', h.d.masterCommit);
    assert.equal(clean.status, 0, clean.stderr);
    assert.match(clean.stdout, /4 commits, 0 upstream, 4 backport/);
    const failing = tributary(
      'check',
      ...upstream,
      '--base',
      h.d.notFound,
      '--head',
      h.d.noReference,
      '--json',
    );
    assert.equal(failing.status, 1);
    assert.equal(JSON.parse(failing.stdout).classifications[0].class, 'violation');
    const usage = tributary('check', '--base', 'HEAD');
    assert.equal(usage.status, 2);
    assert.match(
      usage.stderr,
      /--upstream-development-branch is required: say, --upstream-development-branch upstream\/master/,
    );
  });
});
