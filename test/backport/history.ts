/**
 * A synthetic upstream and downstream pair that uses every reference form as the ecosystems
 * write them, built with real git (real `cherry-pick -x`, a real conflicted pick):
 *
 * upstream master:  R (release) - U1 .. U14, then a revert of U5 and a Fixes: of U6
 * upstream stable-1.0 (followed): R - S1
 * upstream next (a rebasing tree, not development): N1
 * downstream stable-1.0: R - one commit per case, then a merge of upstream stable-1.0.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { WorkTree } from '../harness/fixtures.js';

const FILES = 'abcdefghijklmnopqrstuv'.split('').map((c) => `${c}.c`);

/** A file of 30 numbered lines, line n replaced where asked. */
export function fileWith(name: string, changes: Record<number, string> = {}): string {
  const lines: string[] = [];
  for (let i = 1; i <= 30; i++) lines.push(changes[i] ?? `${name} line ${i}`);
  return lines.join('\n') + '\n';
}

export interface History {
  upstream: WorkTree;
  downstream: WorkTree;
  /** Upstream commits by name. */
  u: Record<string, string>;
  /** Downstream commits by case name. */
  d: Record<string, string>;
  /** The downstream before its last commits (a pull request's base), and its head. */
  release: string;
}

export async function buildHistory(dir: string): Promise<History> {
  const up = await WorkTree.create(join(dir, 'upstream'), 'master');
  const initial: Record<string, string> = {};
  for (const f of FILES) initial[f] = fileWith(f);
  const u: Record<string, string> = {};
  await up.commit('initial import', initial);
  u.R = await up.commit('Release 1.0', { VERSION: '1.0\n' });
  await up.git.run(['branch', 'stable-1.0', u.R]);
  const change = async (
    name: string,
    subject: string,
    file: string,
    lines: Record<number, string>,
    body = '',
  ) =>
    (u[name] = await up.commit(
      `${subject}\n\n${body || `${subject}.`}\n\nSigned-off-by: Dev <dev@example.org>`,
      {
        [file]: fileWith(file, lines),
      },
    ));
  await change('U1', 'a: fix overflow', 'a.c', { 10: 'a fixed 10' });
  await change('U2', 'b: fix leak', 'b.c', { 12: 'b fixed 12' });
  await change('U3', 'c: fix race', 'c.c', { 14: 'c fixed 14' });
  await change('U4', 'd: fix hang', 'd.c', { 16: 'd fixed 16' });
  await change('U5', 'e: speed up', 'e.c', { 5: 'e faster 5' });
  await change('U6', 'f: new check', 'f.c', { 6: 'f check 6' });
  await change('U7', 'g: fix crash', 'g.c', { 7: 'g fixed 7', 8: 'g fixed 8' });
  await change('U8', 'h: fix bounds', 'h.c', { 9: 'h fixed 9', 20: 'h fixed 20' });
  await change('U9', 'i: handle EINTR', 'i.c', { 11: 'i fixed 11', 21: 'i fixed 21' });
  await change('U10', 'j: fix typo', 'j.c', { 3: 'j fixed 3' });
  await change('U11', 'k: fix parse', 'k.c', { 15: 'k fixed 15' });
  await change('U12', 'l: fix init', 'l.c', { 17: 'l fixed 17' });
  await change('U13', 'm: fix order', 'm.c', { 10: 'm fixed 10' });
  await change('U14', 'n: fix free', 'n.c', { 13: 'n fixed 13' });
  await change('U15', 'o: fix lock', 'o.c', { 4: 'o fixed 4' });
  await change('U16', 'p: fix sign', 'p.c', { 19: 'p fixed 19' });
  u.U5revert = await up.commit(
    `Revert "e: speed up"\n\nThis reverts commit ${u.U5}.\n\nIt broke the build.`,
    { 'e.c': fileWith('e.c') },
  );
  u.U6fix = await up.commit(
    `f: fix the new check\n\nFixes: ${u.U6.slice(0, 12)} ("f: new check")\nSigned-off-by: Dev <dev@example.org>`,
    { 'f.c': fileWith('f.c', { 6: 'f check 6 fixed' }) },
  );
  // The followed stable branch gains its own commit, which the downstream then syncs.
  await up.git.run(['checkout', '--quiet', 'stable-1.0']);
  u.S1 = await up.commit('Update version to 1.0.1', { VERSION: '1.0.1\n' });
  // A rebasing tree that is not the development branch.
  await up.git.run(['checkout', '--quiet', '-b', 'next', u.R]);
  u.N1 = await up.commit('q: experimental', { 'q.c': fileWith('q.c', { 2: 'q next 2' }) });
  await up.git.run(['checkout', '--quiet', 'master']);

  const down = await WorkTree.create(join(dir, 'downstream'), 'stable-1.0');
  await down.git.run(['fetch', '--quiet', up.dir, 'refs/heads/*:refs/remotes/upstream/*']);
  await down.git.run(['reset', '--quiet', '--hard', u.R]);
  const d: Record<string, string> = {};
  const pick = async (name: string, message: string, file: string, lines: Record<number, string>) =>
    (d[name] = await down.commit(message, { [file]: fileWith(file, lines) }));
  const sob = 'Signed-off-by: Backporter <bp@example.org>';

  // Xen and QEMU stable: git's own -x.
  await down.git.run(['cherry-pick', '-x', u.U1]);
  d.cherryPicked = await down.head();
  // Linux stable, both forms.
  await pick(
    'upstreamCommit',
    `b: fix leak\n\ncommit ${u.U2} upstream.\n\nb: fix leak.\n\n${sob}`,
    'b.c',
    { 12: 'b fixed 12' },
  );
  await pick(
    'upstreamBracket',
    `c: fix race\n\n[ Upstream commit ${u.U3} ]\n\nc: fix race.\n\n${sob}`,
    'c.c',
    { 14: 'c fixed 14' },
  );
  // Xen stable branches.
  await pick(
    'masterCommit',
    `d: fix hang\n\nd: fix hang.\n\n${sob}\nmaster commit: ${u.U4}\nmaster date: 2025-01-14 10:20:30 +0100`,
    'd.c',
    { 16: 'd fixed 16' },
  );
  // Modified, with the note the stable trees use.
  await pick(
    'backportedFrom',
    `h: fix bounds\n\n(backported from commit ${u.U8})\n[bp: only the first hunk applies to 1.0]\n${sob}`,
    'h.c',
    { 9: 'h fixed 9' },
  );
  // Modified, without a note: a warning.
  await pick('backportOf', `i: handle EINTR\n\nBackport-of: ${u.U9}\n${sob}`, 'i.c', {
    11: 'i fixed 11',
  });
  // Android and ChromiumOS prefixes.
  await pick(
    'prefixUpstream',
    `UPSTREAM: j: fix typo\n\n(cherry picked from commit ${u.U10})\n${sob}`,
    'j.c',
    { 3: 'j fixed 3' },
  );
  await pick(
    'prefixBackport',
    `BACKPORT: g: fix crash\n\n(cherry picked from commit ${u.U7})\n[bp: dropped the second hunk]\n${sob}`,
    'g.c',
    { 7: 'g fixed 7' },
  );
  await pick(
    'prefixFromgit',
    `FROMGIT: q: experimental\n\n(cherry picked from commit ${u.N1})\n${sob}`,
    'q.c',
    { 2: 'q next 2' },
  );
  await pick(
    'prefixFromlist',
    `FROMLIST: r: proposed\n\nLink: https://lore.example.org/r\n${sob}`,
    'r.c',
    { 2: 'r list 2' },
  );
  // A plain pick without any reference: the same patch as U12.
  await pick('samePatch', 'l: fix init', 'l.c', { 17: 'l fixed 17' });
  // A downstream change next to U13's line, then U13 with its context moved, unreferenced.
  await pick(
    'localTweak',
    `m: local tweak\n\nDownstream-only: Xen's build needs it\n${sob}`,
    'm.c',
    { 8: 'm downstream 8' },
  );
  await pick('contextMoved', 'm: fix order', 'm.c', { 8: 'm downstream 8', 10: 'm fixed 10' });
  // A conflicted -x pick: the downstream changed U11's line first; the resolution differs.
  await pick('kLocal', `k: local parser\n\nDownstream-only: vendor parser\n${sob}`, 'k.c', {
    15: 'k downstream 15',
  });
  const conflict = await down.git.exec(['cherry-pick', '-x', u.U11], { allowFailure: true });
  if (conflict.code === 0) throw new Error('the U11 pick was meant to conflict');
  writeFileSync(join(down.dir, 'k.c'), fileWith('k.c', { 15: 'k fixed 15 (downstream parser)' }));
  await down.git.run(['add', 'k.c']);
  await down.git.run(['-c', 'core.editor=true', 'cherry-pick', '--continue']);
  d.conflicted = await down.head();
  // Backports of commits upstream has since reverted, or fixed.
  await pick('revertedUpstream', `e: speed up\n\n(cherry picked from commit ${u.U5})`, 'e.c', {
    5: 'e faster 5',
  });
  await pick('fixedUpstream', `f: new check\n\n(cherry picked from commit ${u.U6})`, 'f.c', {
    6: 'f check 6',
  });
  // Declared downstream-only, by trailer and by subject pattern.
  d.releaseCommit = await down.commit('update Xen version to 4.20.1', {
    'xen-version': '4.20.1\n',
  });
  // A downstream commit and its revert.
  d.mistake = await down.commit(`s: local hack\n\nDownstream-only: debugging aid\n${sob}`, {
    's.c': fileWith('s.c', { 1: 's hack 1' }),
  });
  d.revert = await down.commit(
    `Revert "s: local hack"\n\nThis reverts commit ${d.mistake}.\n\nNo longer needed.`,
    { 's.c': fileWith('s.c') },
  );
  // Bad references.
  d.tooShort = await down.commit(
    `n: fix free\n\n(cherry picked from commit ${u.U14.slice(0, 10)})`,
    { 'n.c': fileWith('n.c', { 13: 'n fixed 13 differently' }) },
  );
  d.notHex = await down.commit('t: thing\n\n(cherry picked from commit ghijklmnopqrstuv)', {
    't.c': fileWith('t.c', { 1: 't 1' }),
  });
  const tree = await up.git.run(['rev-parse', `${u.U15}^{tree}`]);
  d.treeObject = await down.commit(`o: fix lock\n\ncommit ${tree} upstream.`, {
    'o.c': fileWith('o.c', { 4: 'o fixed 4 again' }),
  });
  d.notFound = await down.commit(
    `u: vanished\n\nBackport-of: ${'0123456789abcdef'.repeat(2)}01234567`,
    { 'u.c': fileWith('u.c', { 1: 'u 1' }) },
  );
  d.noReference = await down.commit('v: quick fix', { 'v.c': fileWith('v.c', { 1: 'v 1' }) });
  d.revertsUpstream = await down.commit(`Revert "p: fix sign"\n\nThis reverts commit ${u.R}.`, {
    'w.c': fileWith('w.c', { 20: 'w reverted 20' }),
  });
  // The user's own reference form.
  d.custom = await down.commit(`p: fix sign\n\nUpstream-ref: ${u.U16}`, {
    'p.c': fileWith('p.c', { 19: 'p fixed 19' }),
  });
  // An upstream sync: a merge of the followed branch.
  await down.git.run(['merge', '--quiet', '--no-edit', '--no-ff', 'upstream/stable-1.0'], {
    env: { GIT_AUTHOR_DATE: '1700009000 +0000', GIT_COMMITTER_DATE: '1700009000 +0000' },
  });
  d.sync = await down.head();
  return { upstream: up, downstream: down, u, d, release: u.R };
}

/**
 * Upstream moves on before the next sync: development takes the downstream's local m.c tweak
 * (its context moved), and the followed stable branch picks U1, U2 and U9 with -x, then merges
 * the tweak's pick. Returns the new stable head, fetched downstream as upstream/stable-next.
 */
export async function advanceUpstream(h: History): Promise<Record<string, string>> {
  const up = h.upstream;
  const n: Record<string, string> = {};
  n.tweak = await up.commit('m: take the downstream tweak', {
    'm.c': fileWith('m.c', { 8: 'm downstream 8', 10: 'm fixed 10' }),
  });
  await up.git.run(['checkout', '--quiet', 'stable-1.0']);
  await up.git.run(['cherry-pick', '-x', h.u.U1]);
  n.pickU1 = await up.head();
  await up.git.run(['cherry-pick', '-x', h.u.U2]);
  n.pickU2 = await up.head();
  await up.git.run(['cherry-pick', '-x', h.u.U9]);
  n.pickU9 = await up.head();
  n.pickTweak = await up.commit(
    `m: take the downstream tweak\n\n(cherry picked from commit ${n.tweak})`,
    {
      'm.c': fileWith('m.c', { 8: 'm downstream 8' }),
    },
  );
  n.target = n.pickTweak;
  await up.git.run(['checkout', '--quiet', 'master']);
  await h.downstream.git.run([
    'fetch',
    '--quiet',
    up.dir,
    'refs/heads/master:refs/remotes/upstream/master',
    'refs/heads/stable-1.0:refs/remotes/upstream/stable-next',
  ]);
  return n;
}
