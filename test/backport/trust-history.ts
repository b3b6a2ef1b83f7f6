/**
 * A history for the cases where the backport check used to say something untrue, built with
 * real git:
 *
 * upstream master: R - A, B (Fixes: A, same file) - F, G (Fixes: F) - H - P, Q (Fixes: P)
 *                    - W1 .. W11
 * downstream stable (tag v1, annotated, at R):
 *   R - pickF (-x) - pickG (plain pick: the same patch, no reference)
 *     - squash of A and B, written as Xen's stable branches write one (two `master commit:`)
 *     - H's patch naming a commit that does not exist
 *     - pickP (-x) - Q modified, named by the project's own form `Upstream-ref:`, with a note
 * downstream many: R - 12 commits naming nothing, 11 modified picks of W1..W11 without a note
 * downstream warned: R - one modified pick of W1 without a note
 */
import { join } from 'node:path';
import { WorkTree } from '../harness/fixtures.js';
import { fileWith } from './history.js';

export interface TrustHistory {
  upstream: WorkTree;
  downstream: WorkTree;
  /** Upstream commits by name. */
  u: Record<string, string>;
  /** Downstream commits by name. */
  d: Record<string, string>;
}

export const UPSTREAM_REF = '^Upstream-ref: ([0-9a-f]+)$';
export const NOWHERE = '1'.repeat(40);

export async function buildTrustHistory(dir: string): Promise<TrustHistory> {
  const files: Record<string, string> = {};
  for (const f of ['a', 'b', 'c', 'd', 'x'].map((c) => `${c}.c`)) files[f] = fileWith(f);
  for (let i = 1; i <= 23; i++) files[`w${i}.c`] = fileWith(`w${i}.c`);
  const up = await WorkTree.create(join(dir, 'upstream'), 'master');
  const u: Record<string, string> = {};
  u.R = await up.commit('Release 1.0', files);
  const sob = 'Signed-off-by: Dev <dev@example.org>';
  u.A = await up.commit(`a: fix overflow\n\nCheck the length first.\n\n${sob}`, {
    'a.c': fileWith('a.c', { 10: 'a fixed 10' }),
  });
  u.B = await up.commit(
    `a: fix the overflow fix\n\nThe check was off by one.\n\nFixes: ${u.A.slice(0, 12)} ("a: fix overflow")\n${sob}`,
    { 'a.c': fileWith('a.c', { 10: 'a fixed 10', 12: 'a fixed 12' }) },
  );
  u.F = await up.commit(`b: new check\n\n${sob}`, { 'b.c': fileWith('b.c', { 5: 'b check 5' }) });
  u.G = await up.commit(
    `b: fix the new check\n\nFixes: ${u.F.slice(0, 12)} ("b: new check")\n${sob}`,
    { 'b.c': fileWith('b.c', { 5: 'b check 5', 20: 'b check 20' }) },
  );
  u.H = await up.commit(`c: fix race\n\n${sob}`, { 'c.c': fileWith('c.c', { 14: 'c fixed 14' }) });
  u.P = await up.commit(`d: fix hang\n\n${sob}`, { 'd.c': fileWith('d.c', { 16: 'd fixed 16' }) });
  u.Q = await up.commit(
    `d: fix the hang fix\n\nFixes: ${u.P.slice(0, 12)} ("d: fix hang")\n${sob}`,
    { 'd.c': fileWith('d.c', { 16: 'd fixed 16', 18: 'd fixed 18' }) },
  );
  for (let i = 1; i <= 11; i++)
    u[`W${i}`] = await up.commit(`w${i}: fix\n\n${sob}`, {
      [`w${i}.c`]: fileWith(`w${i}.c`, { 3: `w${i} fixed 3`, 25: `w${i} fixed 25` }),
    });

  const down = await WorkTree.create(join(dir, 'downstream'), 'stable');
  await down.git.run(['fetch', '--quiet', up.dir, 'refs/heads/*:refs/remotes/upstream/*']);
  await down.git.run(['reset', '--quiet', '--hard', u.R]);
  await down.git.run(['tag', '-a', '-m', 'downstream 1', 'v1', u.R]);
  const d: Record<string, string> = {};
  const bp = 'Signed-off-by: Backporter <bp@example.org>';
  await down.git.run(['cherry-pick', '-x', u.F]);
  d.pickF = await down.head();
  await down.git.run(['cherry-pick', u.G]);
  d.pickG = await down.head();
  // Xen's stable branches: a fix and its follow-up squashed into one commit, each message
  // kept with its own master commit and master date lines.
  d.squash = await down.commit(
    [
      'a: fix overflow',
      '',
      'Check the length first.',
      '',
      sob,
      `master commit: ${u.A}`,
      'master date: 2025-01-14 10:20:30 +0100',
      '',
      'a: fix the overflow fix',
      '',
      'The check was off by one.',
      '',
      `Fixes: ${u.A.slice(0, 12)} ("a: fix overflow")`,
      sob,
      `master commit: ${u.B}`,
      'master date: 2025-01-15 09:00:00 +0100',
    ].join('\n'),
    { 'a.c': fileWith('a.c', { 10: 'a fixed 10', 12: 'a fixed 12' }) },
  );
  d.nowhere = await down.commit(`c: fix race\n\n(cherry picked from commit ${NOWHERE})\n${bp}`, {
    'c.c': fileWith('c.c', { 14: 'c fixed 14' }),
  });
  await down.git.run(['cherry-pick', '-x', u.P]);
  d.pickP = await down.head();
  d.customQ = await down.commit(
    `d: fix the hang fix\n\nUpstream-ref: ${u.Q}\n[bp: line 18 reads differently in 1.0]\n${bp}`,
    { 'd.c': fileWith('d.c', { 16: 'd fixed 16', 18: 'd fixed 18 in 1.0' }) },
  );

  await down.git.run(['checkout', '--quiet', '-b', 'many', u.R]);
  for (let i = 1; i <= 12; i++)
    d[`bare${i}`] = await down.commit(`w${11 + i}: local change`, {
      [`w${11 + i}.c`]: fileWith(`w${11 + i}.c`, { 7: `w${11 + i} local 7` }),
    });
  for (let i = 1; i <= 11; i++)
    d[`modified${i}`] = await down.commit(
      `w${i}: fix\n\n(cherry picked from commit ${u[`W${i}`]})\n${bp}`,
      { [`w${i}.c`]: fileWith(`w${i}.c`, { 3: `w${i} fixed 3` }) },
    );
  await down.git.run(['checkout', '--quiet', '-b', 'warned', u.R]);
  d.warned = await down.commit(`w1: fix\n\n(cherry picked from commit ${u.W1})\n${bp}`, {
    'w1.c': fileWith('w1.c', { 3: 'w1 fixed 3' }),
  });
  await down.git.run(['checkout', '--quiet', 'stable']);
  return { upstream: up, downstream: down, u, d };
}
