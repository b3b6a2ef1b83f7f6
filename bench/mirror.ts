/**
 * Mirror benchmark: a synthetic upstream of 100,000+ commits and 2,000+ refs served by the
 * token-protected HTTP git server; ratios, measured in the same run, of
 *   (a) a sync where nothing changed upstream, against `git clone --mirror` + `git push --mirror`
 *       (what the popular mirror actions do on every run);
 *   (b) a sync after 10 new commits on 3 branches, against the same baseline and against a
 *       hand-written `git fetch` + `git push` of just those refs into an up-to-date clone.
 * "ours" is the bundled action (dist/mirror/index.js) run as the runner runs it, with a
 * persistent cache-dir; the library called in-process is shown too. Medians of REPEAT runs.
 * And (c), on a tree the shape of Xen's (bench/lib/xen-shape.ts: 62,000 commits, 450 refs): a
 * sync where nothing changed, against two `git ls-remote` calls (upstream's and the hosted
 * tree's refs: what any sync must read at least; goal: at most 3 times as long), medians of 5.
 * Environment: MIRROR_BENCH_COMMITS (default 100000), MIRROR_BENCH_REPEAT (default 3),
 * MIRROR_BENCH_CASES (`ab`, `c` or the default `abc`).
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Git, initRepository } from '../actions/lib/git.js';
import { MemoryLogger } from '../actions/lib/log.js';
import { mirrorTree } from '../actions/lib/mirror/mirror.js';
import { buildMirrorSettings } from '../actions/lib/mirror/settings.js';
import { fastImportHistory, tempDir } from '../test/harness/fixtures.js';
import { startGitServer } from '../test/harness/git-server.js';
import { runAction } from '../test/harness/runner.js';
import { xenShape } from './lib/xen-shape.js';
import { median } from './lib/stats.js';

const TOKEN = 'ghs_benchToken0123456789abcdefABCDEF';

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

export async function main(): Promise<void> {
  const cases = process.env.MIRROR_BENCH_CASES ?? 'abc';
  if (cases.includes('a') || cases.includes('b')) await bigTree();
  if (cases.includes('c')) await xenNoChange();
}

/** (c): a no-change sync of a Xen-shaped tree against two `git ls-remote` calls. */
async function xenNoChange(): Promise<void> {
  const shape = await xenShape();
  const tmp = tempDir('tributary-bench-mirror-xen-');
  const server = await startGitServer(join(tmp.path, 'srv'), TOKEN);
  try {
    const upstream = await initRepository(server.repoPath('upstream/xen.git'));
    await upstream.run([
      'fetch',
      '--quiet',
      '--no-tags',
      shape.repository,
      '+refs/heads/*:refs/heads/*',
      '+refs/tags/*:refs/tags/*',
    ]);
    await initRepository(server.repoPath('xen-project/xen.git'));
    const cacheDir = join(tmp.path, 'cache');
    const ours = async () => {
      const run = await runAction('mirror', {
        inputs: {
          source: server.repoUrl('upstream/xen.git'),
          destination: 'xen-project/xen',
          'source-token': TOKEN,
          'cache-dir': cacheDir,
        },
        githubToken: TOKEN,
        env: { GITHUB_SERVER_URL: server.url },
        timeoutMs: 900_000,
      });
      if (run.code !== 0) throw new Error(`mirror failed:\n${run.log}`);
      rmSync(run.runnerTemp, { recursive: true, force: true });
    };
    const settings = buildMirrorSettings({
      source: server.repoUrl('upstream/xen.git'),
      destination: 'xen-project/xen',
      sourceToken: TOKEN,
      token: TOKEN,
      cacheRoot: cacheDir,
      serverUrl: server.url,
    });
    const library = () => mirrorTree(settings, new MemoryLogger());
    const git = new Git({
      cwd: tmp.path,
      remotes: ['upstream/xen.git', 'xen-project/xen.git'].map((n) => ({
        url: server.repoUrl(n),
        token: TOKEN,
      })),
    });
    const baseline = async () => {
      await git.run(['ls-remote', '--', server.repoUrl('upstream/xen.git')]);
      await git.run(['ls-remote', '--', server.repoUrl('xen-project/xen.git')]);
    };
    const first = await timed(ours);
    console.log(
      `(c) first sync of the Xen-shaped tree (${shape.commits} commits, ${shape.refs - 1} refs): ${first.toFixed(2)} s`,
    );
    const c = { ours: [] as number[], library: [] as number[], baseline: [] as number[] };
    for (let i = 0; i < 5; i++) {
      c.baseline.push(await timed(baseline));
      c.ours.push(await timed(ours));
      c.library.push(await timed(library));
    }
    const m = { ours: median(c.ours), library: median(c.library), baseline: median(c.baseline) };
    const shown = (l: number[]) => l.map((x) => x.toFixed(3)).join(', ');
    console.log(`(c) two git ls-remote: ${m.baseline.toFixed(3)} s (runs: ${shown(c.baseline)})`);
    console.log(
      `(c) no-change mirror, bundled action: ${m.ours.toFixed(3)} s (runs: ${shown(c.ours)})`,
    );
    console.log(
      `(c) no-change mirror, library in-process: ${m.library.toFixed(3)} s (runs: ${shown(c.library)})`,
    );
    console.log(
      `(c) ratio no-change mirror / two ls-remote: ${(m.ours / m.baseline).toFixed(2)} (goal <= 3); in-process ${(m.library / m.baseline).toFixed(2)}`,
    );
  } finally {
    await server.close();
    tmp.cleanup();
  }
}

async function bigTree(): Promise<void> {
  const commits = Number(process.env.MIRROR_BENCH_COMMITS ?? 100_000);
  const repeat = Number(process.env.MIRROR_BENCH_REPEAT ?? 3);
  const tmp = tempDir('tributary-bench-mirror-');
  const server = await startGitServer(join(tmp.path, 'srv'), TOKEN);
  // The token is sent to the repositories named, and only to them, as in the actions.
  const gitFor = (...names: string[]) =>
    new Git({
      cwd: tmp.path,
      remotes: names.map((n) => ({ url: server.repoUrl(n), token: TOKEN })),
    });
  const git = gitFor('upstream/big.git', 'xen-project/hand.git');
  try {
    // The upstream: a trunk of `commits` commits, 100 side branches of 10 commits, 1,950 tags.
    const branches = ['master', ...Array.from({ length: 100 }, (_, i) => `stable-${i}`)];
    const upstream = await initRepository(server.repoPath('upstream/big.git'));
    const made = await timed(() =>
      fastImportHistory(upstream, {
        branches,
        commitsPerBranch: commits,
        sideCommits: 10,
        tags: 1950,
      }),
    );
    const refs = (await upstream.refs()).size;
    const total = Number(await upstream.run(['rev-list', '--all', '--count']));
    console.log(`upstream: ${total} commits, ${refs} refs (made in ${made.toFixed(1)} s)`);

    const cacheDir = join(tmp.path, 'cache');
    await initRepository(server.repoPath('xen-project/ours.git'));
    const ours = async () => {
      const run = await runAction('mirror', {
        inputs: {
          source: server.repoUrl('upstream/big.git'),
          destination: 'xen-project/ours',
          'source-token': TOKEN,
          'cache-dir': cacheDir,
        },
        githubToken: TOKEN,
        env: { GITHUB_SERVER_URL: server.url },
        timeoutMs: 600_000,
      });
      if (run.code !== 0) throw new Error(`mirror failed:\n${run.log}`);
      rmSync(run.runnerTemp, { recursive: true, force: true });
      return run;
    };
    const settings = buildMirrorSettings({
      source: server.repoUrl('upstream/big.git'),
      destination: 'xen-project/ours',
      sourceToken: TOKEN,
      token: TOKEN,
      cacheRoot: cacheDir,
      serverUrl: server.url,
    });
    const library = () => mirrorTree(settings, new MemoryLogger());

    // The baseline: a fresh mirror clone pushed with --mirror to a fresh destination.
    let fresh = 0;
    const baseline = async () => {
      const n = ++fresh;
      const dest = await initRepository(server.repoPath(`xen-project/fresh${n}.git`));
      const clone = join(tmp.path, `clone${n}.git`);
      const git = gitFor('upstream/big.git', `xen-project/fresh${n}.git`);
      const t = await timed(async () => {
        await git.run(['clone', '--quiet', '--mirror', server.repoUrl('upstream/big.git'), clone]);
        await git
          .at(clone)
          .run(['push', '--quiet', '--mirror', server.repoUrl(`xen-project/fresh${n}.git`)]);
      });
      rmSync(clone, { recursive: true, force: true });
      rmSync(dest.cwd, { recursive: true, force: true });
      return t;
    };

    // The hand-written sync: an up-to-date clone and destination; fetch and push just the refs.
    const hand = join(tmp.path, 'hand.git');
    await initRepository(server.repoPath('xen-project/hand.git'));
    await git.run(['clone', '--quiet', '--mirror', server.repoUrl('upstream/big.git'), hand]);
    await git.at(hand).run(['push', '--quiet', '--mirror', server.repoUrl('xen-project/hand.git')]);
    const handSync = (refs: string[]) =>
      timed(async () => {
        await git
          .at(hand)
          .run([
            'fetch',
            '--quiet',
            server.repoUrl('upstream/big.git'),
            ...refs.map((r) => `+${r}:${r}`),
          ]);
        await git
          .at(hand)
          .run(['push', '--quiet', server.repoUrl('xen-project/hand.git'), ...refs]);
      });

    const first = await timed(ours);
    console.log(`first sync (ours, everything): ${first.toFixed(2)} s`);

    const a = { ours: [] as number[], library: [] as number[], baseline: [] as number[] };
    const b = {
      ours: [] as number[],
      library: [] as number[],
      baseline: [] as number[],
      hand: [] as number[],
    };
    let round = 0;
    for (let i = 0; i < repeat; i++) {
      // (a) nothing changed upstream.
      a.baseline.push(await baseline());
      a.ours.push(await timed(ours));
      a.library.push(await timed(library));
      // (b) 10 new commits on 3 branches.
      const changed = [
        `refs/heads/stable-${3 * i}`,
        `refs/heads/stable-${3 * i + 1}`,
        'refs/heads/master',
      ];
      await addCommits(upstream, changed, 10, round++);
      b.hand.push(await handSync(changed));
      b.ours.push(await timed(ours));
      b.baseline.push(await baseline());
      // The library alone, on 10 more commits on 3 other branches.
      const more = [
        `refs/heads/stable-${50 + 3 * i}`,
        `refs/heads/stable-${51 + 3 * i}`,
        'refs/heads/master',
      ];
      await addCommits(upstream, more, 10, round++);
      b.library.push(await timed(library));
    }
    const ma = { ours: median(a.ours), library: median(a.library), baseline: median(a.baseline) };
    const mb = {
      ours: median(b.ours),
      library: median(b.library),
      baseline: median(b.baseline),
      hand: median(b.hand),
    };
    const rows = [
      ['case', 'ours (s)', 'other (s)', 'ratio', 'goal'],
      [
        '(a) no change vs clone --mirror + push --mirror',
        ma.ours,
        ma.baseline,
        `${(ma.baseline / ma.ours).toFixed(1)}x faster`,
        '>= 50x',
      ],
      [
        '(a) same, library in-process',
        ma.library,
        ma.baseline,
        `${(ma.baseline / ma.library).toFixed(1)}x faster`,
        '',
      ],
      [
        '(b) 10 commits on 3 branches vs clone + push',
        mb.ours,
        mb.baseline,
        `${(mb.baseline / mb.ours).toFixed(1)}x faster`,
        '>= 10x',
      ],
      [
        '(b) same, library in-process',
        mb.library,
        mb.baseline,
        `${(mb.baseline / mb.library).toFixed(1)}x faster`,
        '',
      ],
      [
        '(b) same vs hand-written fetch + push of 3 refs',
        mb.ours,
        mb.hand,
        `${(mb.ours / mb.hand).toFixed(2)}x the time`,
        '<= 1.5x',
      ],
    ].map((r) => r.map((c) => (typeof c === 'number' ? c.toFixed(3) : c)));
    const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
    console.log(`\nmedians of ${repeat} runs (${total} commits, ${refs} refs):`);
    for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i])).join('  '));
  } finally {
    await server.close();
    tmp.cleanup();
  }
}

/** Appends `count` commits to each branch through fast-import. */
async function addCommits(repo: Git, refs: string[], count: number, round: number): Promise<void> {
  const chunks: string[] = [];
  let time = 1_700_000_000 + round * 1000;
  for (const ref of refs) {
    for (let i = 0; i < count; i++) {
      const msg = `${ref} new change ${round}.${i}\n`;
      const content = `${ref} ${round} ${i}\n`;
      chunks.push(
        `commit ${ref}\ncommitter Test <t@example.org> ${time++} +0000\ndata ${Buffer.byteLength(msg)}\n${msg}` +
          (i === 0 ? `from ${ref}^0\n` : '') +
          `M 644 inline new.txt\ndata ${Buffer.byteLength(content)}\n${content}\n`,
      );
    }
  }
  await repo.run(['fast-import', '--quiet'], { input: chunks.join('') });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
