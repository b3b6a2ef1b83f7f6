/**
 * The backport check of a pull request on a tree the shape of Xen's (bench/lib/xen-shape.ts:
 * 62,000 commits, 450 refs; a pull request of three picks on stable-4.20), the bundled action
 * run as the runner runs it against the token-protected smart-HTTP server:
 *   - with its store warm (the cache folder kept from an earlier run), against the command
 *     line's classification of the same range in a local repository, its cache warm too
 *     (goal: at most 3 times as long);
 *   - with its store warm, against a cold one (an empty cache folder: the whole history is
 *     fetched; goal: at least 5 times faster).
 * Medians of BACKPORT_BENCH_ROUNDS (default 5) warm runs and of 3 cold ones.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { initRepository } from '../actions/lib/git.js';
import { tempDir } from '../test/harness/fixtures.js';
import { startGitServer } from '../test/harness/git-server.js';
import { runAction } from '../test/harness/runner.js';
import { median } from './lib/stats.js';
import { xenShape } from './lib/xen-shape.js';

const TOKEN = 'ghs_benchToken0123456789abcdefABCDEF';

async function timed(fn: () => Promise<unknown> | unknown): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

async function main(): Promise<void> {
  const rounds = Number(process.env.BACKPORT_BENCH_ROUNDS ?? 5);
  const shape = await xenShape();
  const tmp = tempDir('tributary-bench-backport-check-');
  const server = await startGitServer(join(tmp.path, 'srv'), TOKEN);
  try {
    // The hosted tree: every ref of the shape, its objects borrowed (the server packs them).
    const hosted = await initRepository(server.repoPath('xen-project/xen.git'));
    await hosted.run(['fetch', '--quiet', '--no-tags', shape.repository, '+refs/*:refs/*']);
    const event = {
      pull_request: {
        number: 1,
        base: { sha: shape.stable, ref: 'stable-4.20', repo: { full_name: 'xen-project/xen' } },
        head: { sha: shape.pull, ref: 'fix', repo: { full_name: 'xen-project/xen' } },
      },
    };
    const check = async (cacheDir: string) => {
      const run = await runAction('backport-check', {
        eventName: 'pull_request',
        event,
        githubToken: TOKEN,
        env: { GITHUB_SERVER_URL: server.url, GITHUB_REPOSITORY: 'xen-project/xen' },
        inputs: {
          'upstream-repository': 'xen-project/xen',
          'cache-dir': cacheDir,
        },
        timeoutMs: 900_000,
      });
      if (run.code !== 0) throw new Error(`the check failed:\n${run.log}`);
      rmSync(run.runnerTemp, { recursive: true, force: true });
      return run;
    };
    // The command line over a local repository: the same range, its facts cached too.
    const cliCache = join(tmp.path, 'cli-cache');
    const cli = () => {
      const r = spawnSync(
        process.execPath,
        [
          'dist/cli/index.js',
          'check',
          '--repo',
          shape.repository,
          '--base',
          shape.stable,
          '--head',
          shape.pull,
          '--upstream-development-branch',
          'master',
          '--cache-dir',
          cliCache,
          '--json',
        ],
        { encoding: 'utf8', maxBuffer: 64 << 20 },
      );
      if (r.status !== 0) throw new Error(`tributary check failed: ${r.stderr}`);
      return JSON.parse(r.stdout) as { counts: unknown };
    };
    const warmDir = join(tmp.path, 'warm-cache');
    const first = await timed(() => check(warmDir));
    console.log(`first check (cold store, kept for the warm runs): ${first.toFixed(2)} s`);
    cli(); // its cache, warm
    const runs = { warm: [] as number[], cli: [] as number[], cold: [] as number[] };
    for (let i = 0; i < rounds; i++) {
      runs.cli.push(await timed(cli));
      runs.warm.push(await timed(() => check(warmDir)));
      if (i < 3) {
        const coldDir = join(tmp.path, `cold-${i}`);
        runs.cold.push(await timed(() => check(coldDir)));
        rmSync(coldDir, { recursive: true, force: true });
      }
    }
    const m = { warm: median(runs.warm), cli: median(runs.cli), cold: median(runs.cold) };
    const shown = (l: number[]) => l.map((x) => x.toFixed(2)).join(', ');
    console.log(
      `tributary check, local repository, cache warm: ${m.cli.toFixed(2)} s (runs: ${shown(runs.cli)})`,
    );
    console.log(
      `backport-check action, store warm: ${m.warm.toFixed(2)} s (runs: ${shown(runs.warm)})`,
    );
    console.log(
      `backport-check action, store cold: ${m.cold.toFixed(2)} s (runs: ${shown(runs.cold)})`,
    );
    console.log(`ratio warm check / command line: ${(m.warm / m.cli).toFixed(2)} (goal <= 3)`);
    console.log(`ratio cold / warm check: ${(m.cold / m.warm).toFixed(1)} (goal >= 5)`);
  } finally {
    await server.close();
    tmp.cleanup();
  }
}

await main();
