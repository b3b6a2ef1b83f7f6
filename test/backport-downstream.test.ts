import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { analyse, type Classification } from '../actions/lib/backport/classifier.js';
import { alreadyDownstream } from '../actions/lib/backport/downstream.js';
import { scanBackports, type ScanResult } from '../actions/lib/track/scan.js';
import { tempDir, WorkTree } from './harness/fixtures.js';

/** Five lines of a file, the `n`th line written by `who`. */
const content = (file: number, n?: number, who = 'upstream') =>
  [1, 2, 3, 4, 5].map((l) => `f${file} line ${l}${l === n ? ` fixed by ${who}` : ''}`).join('\n') +
  '\n';

describe('one answer to "already downstream": the backport check and the track scan agree', () => {
  const tmp = tempDir();
  const u: string[] = [];
  const d: Record<string, string> = {};
  let fork: string;
  let check: Classification[];
  let scan: ScanResult;

  before(async () => {
    const w = await WorkTree.create(join(tmp.path, 'tree'));
    const files: Record<string, string> = {};
    for (let i = 1; i <= 8; i++) files[`f${i}.c`] = content(i);
    fork = await w.commit('initial import', files);
    // Eight upstream fixes, each marked for the stable trees: every one is a scan candidate.
    for (let i = 1; i <= 8; i++)
      u[i] = await w.commit(`sub: fix ${i}\n\nCc: qemu-stable@nongnu.org\n`, {
        [`f${i}.c`]: content(i, 2),
      });
    await w.git.run(['checkout', '--quiet', '-b', 'stable', fork]);
    // Xen's stable style: git's -x line after the sign-offs.
    d.cherryPicked = await w.commit(
      `sub: fix 1\n\nSigned-off-by: A <a@example.org>\n(cherry picked from commit ${u[1]})\n`,
      { 'f1.c': content(1, 2) },
    );
    // The Linux form without its brackets, and a patch changed on the way, with a note.
    d.upstreamCommit = await w.commit(
      `sub: fix 2\n\nUpstream commit ${u[2]}\n\n[stable: line 3 too]\n`,
      { 'f2.c': content(2, 2).replace('f2 line 3', 'f2 line 3 also') },
    );
    // A squash of two picks, as Xen's stable branches make them: one master commit each.
    d.squash = await w.commit(
      `sub: fix 3\n\nmaster commit: ${u[3]}\nmaster date: 2025-01-14 10:20:30 +0100\n\n` +
        `sub: fix 4\n\nmaster commit: ${u[4]}\nmaster date: 2025-01-15 11:00:00 +0100\n`,
      { 'f3.c': content(3, 2), 'f4.c': content(4, 2) },
    );
    // No reference at all: the same patch.
    d.plain = await w.commit('sub: fix 5\n', { 'f5.c': content(5, 2) });
    // Linux stable's form, abbreviated to 12 digits.
    d.linux = await w.commit(`sub: fix 6\n\ncommit ${u[6].slice(0, 12)} upstream.\n`, {
      'f6.c': content(6, 2),
    });
    // Too short to be sure, and another patch: the check does not take it as a backport of
    // fix 7 (a violation), so fix 7 is still to propose.
    d.tooShort = await w.commit(`sub: fix 7\n\n(cherry picked from commit ${u[7].slice(0, 8)})\n`, {
      'f7.c': content(7, 4, 'downstream'),
    });
    const git = w.git;
    const options = { git, head: 'stable', development: 'master' };
    check = (await analyse({ ...options, base: fork, cache: join(tmp.path, 'check') }))
      .classifications;
    scan = await scanBackports(git, {
      upstream: await w.head('master'),
      target: await w.head('stable'),
      since: fork,
      cacheDir: join(tmp.path, 'track'),
    });
  });
  after(() => tmp.cleanup());

  /** The upstream commits the check says a downstream commit carries. */
  const carriedByCheck = () =>
    new Set(
      check.flatMap((c) =>
        c.class === 'backport' ? (c.upstreams ?? []) : c.class === 'upstream' ? [c.upstream!] : [],
      ),
    );

  it('the check reads every form, the squash as both of its picks, and refuses the short id', () => {
    const byCommit = new Map(check.map((c) => [c.commit, c]));
    assert.equal(byCommit.get(d.cherryPicked)?.class, 'backport');
    assert.equal(byCommit.get(d.upstreamCommit)?.class, 'backport');
    assert.deepEqual(byCommit.get(d.squash)?.upstreams, [u[3], u[4]]);
    assert.equal(byCommit.get(d.plain)?.class, 'upstream');
    assert.equal(byCommit.get(d.linux)?.upstream, u[6]);
    assert.equal(byCommit.get(d.tooShort)?.class, 'violation');
    assert.deepEqual([...carriedByCheck()].sort(), u.slice(1, 7).sort());
  });

  it('the scan skips exactly what the check calls carried, and proposes everything else', () => {
    const carried = carriedByCheck();
    const skipped = new Map(scan.skipped.map((k) => [k.sha, k.why]));
    const proposed = new Set(scan.candidates.map((c) => c.sha));
    for (let i = 1; i <= 8; i++) {
      const what = `fix ${i} (${u[i].slice(0, 12)})`;
      if (carried.has(u[i])) {
        assert.match(skipped.get(u[i]) ?? '', /^already downstream: /, `${what} is skipped`);
        assert.ok(!proposed.has(u[i]), `${what} is not proposed`);
      } else {
        assert.ok(proposed.has(u[i]), `${what} is proposed`);
        assert.ok(!skipped.has(u[i]), `${what} is not skipped`);
      }
    }
    assert.deepEqual([...proposed].sort(), [u[7], u[8]].sort());
    assert.match(skipped.get(u[4])!, new RegExp(`${d.squash.slice(0, 12)} says "master commit: `));
    assert.match(skipped.get(u[5])!, new RegExp(`${d.plain.slice(0, 12)} has the same patch`));
  });

  it('answers the same for the whole downstream branch, from one home', async () => {
    const git = new WorkTree(join(tmp.path, 'tree')).git;
    const answer = await alreadyDownstream({ git, upstream: 'master', downstream: 'stable' });
    assert.deepEqual([...answer.keys()].sort(), [...carriedByCheck()].sort());
    assert.equal(answer.get(u[1])?.by, d.cherryPicked);
  });
});
