/**
 * Benchmark of the backport scan (`npm run bench track`): an upstream range of 20,000 commits
 * against a downstream branch of 5,000, synthesized with `git fast-import`, compared with
 * `git log --cherry-mark --left-right` over the same range in the same run (goal: at most
 * 1.5 times its time), and a second scan with nothing new (goal: at least 10 times faster
 * than the first). `TRIBUTARY_BENCH_SCALE=0.1` makes a quick run while developing.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { initRepository, type Git } from '../actions/lib/git.js';
import { scanBackports } from '../actions/lib/track/scan.js';
import { tempDir } from '../test/harness/fixtures.js';

const scale = Number(process.env.TRIBUTARY_BENCH_SCALE || '1');
const UPSTREAM = Math.round(20_000 * scale);
const DOWNSTREAM = Math.round(5_000 * scale);
const STABLE_FILES = Math.max(10, Math.round(1_000 * scale));

/**
 * The history: a base with 500 source files and the files stable fixes touch; upstream
 * changes source files, one commit in 20 is a stable fix (Cc: qemu-stable), one in 50 has a
 * Fixes: line; downstream carries 300 of the fixes with a reference line and 200 as the same
 * patch without one, amid its own changes.
 */
async function synthesize(git: Git): Promise<{ base: string; upstream: string; target: string }> {
  const out: string[] = [];
  let mark = 0;
  let time = 1_600_000_000;
  const commit = (
    ref: string,
    from: number | undefined,
    message: string,
    files: [string, string][],
  ) => {
    const m = ++mark;
    const msg = message + '\n';
    out.push(
      `commit ${ref}\nmark :${m}\ncommitter Bench <bench@example.org> ${time++} +0000\n` +
        `data ${Buffer.byteLength(msg)}\n${msg}` +
        (from ? `from :${from}\n` : '') +
        files.map(([p, c]) => `M 644 inline ${p}\ndata ${Buffer.byteLength(c)}\n${c}\n`).join(''),
    );
    return m;
  };
  const baseFiles: [string, string][] = [];
  for (let f = 0; f < 500; f++)
    baseFiles.push([`src/f${f}.c`, `file ${f}\nline a\nline b\nline c\n`]);
  for (let s = 0; s < STABLE_FILES; s++)
    baseFiles.push([`stable/s${s}.c`, `stable ${s}\nbroken\nend\n`]);
  const base = commit('refs/heads/upstream', undefined, 'base', baseFiles);
  const stableMarks: number[] = [];
  let up = base;
  let fixIndex = 0;
  for (let i = 0; i < UPSTREAM; i++) {
    if (i % 20 === 0 && fixIndex < STABLE_FILES) {
      const s = fixIndex++;
      up = commit(
        'refs/heads/upstream',
        up,
        `stable: fix ${s}\n\nA fix worth carrying.\n\nCc: qemu-stable@nongnu.org\nSigned-off-by: Dev <dev@example.org>`,
        [[`stable/s${s}.c`, `stable ${s}\nfixed ${s}\nend\n`]],
      );
      stableMarks.push(up);
    } else {
      const f = i % 500;
      const fixes = i % 50 === 7 ? `\n\nFixes: ${'0'.repeat(12)} ("unknown")` : '';
      up = commit(
        'refs/heads/upstream',
        up,
        `src: change ${i}${fixes}\n\nSigned-off-by: Dev <dev@example.org>`,
        [[`src/f${f}.c`, `file ${f}\nline a ${i}\nline b\nline c\n`]],
      );
    }
  }
  await git.run(['fast-import', '--quiet', '--export-marks=marks'], { input: out.join('') });
  // Downstream needs the stable commits' ids for its reference lines: read the marks back.
  const markIds = new Map<number, string>();
  for (const line of readFileSync(join(git.cwd, 'marks'), 'utf8').split('\n')) {
    const [m, sha] = line.split(' ');
    if (m) markIds.set(Number(m.slice(1)), sha);
  }
  const down: string[] = [];
  let d = `from ${markIds.get(base)}\n`;
  let dm = 0;
  const downCommit = (message: string, files: [string, string][]) => {
    const msg = message + '\n';
    down.push(
      `commit refs/heads/staging\nmark :${++dm}\ncommitter Bench <bench@example.org> ${time++} +0000\n` +
        `data ${Buffer.byteLength(msg)}\n${msg}${d}` +
        files.map(([p, c]) => `M 644 inline ${p}\ndata ${Buffer.byteLength(c)}\n${c}\n`).join(''),
    );
    d = `from :${dm}\n`;
  };
  let carriedNamed = 0;
  let carriedSame = 0;
  const namedGoal = Math.round(300 * scale);
  const sameGoal = Math.round(200 * scale);
  for (let i = 0; i < DOWNSTREAM; i++) {
    const s = carriedNamed + carriedSame;
    if (i % 10 === 0 && carriedNamed < namedGoal && s < stableMarks.length) {
      carriedNamed++;
      downCommit(`stable: fix ${s}\n\n(cherry picked from commit ${markIds.get(stableMarks[s])})`, [
        [`stable/s${s}.c`, `stable ${s}\nfixed ${s}\nend\n`],
      ]);
    } else if (i % 10 === 5 && carriedSame < sameGoal && s < stableMarks.length) {
      carriedSame++;
      downCommit(`stable: fix ${s} (downstream)`, [
        [`stable/s${s}.c`, `stable ${s}\nfixed ${s}\nend\n`],
      ]);
    } else {
      const f = i % 300;
      downCommit(`xen: downstream change ${i}`, [
        [`xen/d${f}.c`, `downstream ${f}\nversion ${i}\n`],
      ]);
    }
  }
  await git.run(['fast-import', '--quiet'], { input: down.join('') });
  return {
    base: markIds.get(base)!,
    upstream: await git.run(['rev-parse', 'refs/heads/upstream']),
    target: await git.run(['rev-parse', 'refs/heads/staging']),
  };
}

async function time<T>(fn: () => Promise<T>, runs = 3): Promise<{ ms: number; value: T }> {
  let best = Infinity;
  let value!: T;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    value = await fn();
    best = Math.min(best, performance.now() - t);
  }
  return { ms: best, value };
}

const tmp = tempDir('tributary-bench-track-');
try {
  const git = await initRepository(join(tmp.path, 'tree.git'));
  const t0 = performance.now();
  const { base, upstream, target } = await synthesize(git);
  await git.run(['commit-graph', 'write', '--reachable']);
  console.log(
    `history: upstream ${UPSTREAM} commits, downstream ${DOWNSTREAM}, made in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  const cherry = await time(
    async () =>
      (
        await git.run([
          'log',
          '--cherry-mark',
          '--left-right',
          '--no-merges',
          '--format=%m %H',
          `${target}...${upstream}`,
        ])
      )
        .split('\n')
        .filter((l) => l.startsWith('>')).length,
  );
  const first = await time(() => scanBackports(git, { upstream, target, since: base }));
  // The second run as a track run does it: is the last scanned head still upstream's, then scan.
  await git.run(['update-ref', 'refs/tributary/track/staging/scanned', upstream]);
  const again = await time(async () => {
    const since = (await git.commitOf('refs/tributary/track/staging/scanned'))!;
    if (!(await git.isAncestor(since, upstream))) throw new Error('scanned head lost');
    return scanBackports(git, { upstream, target, since });
  });
  const r = first.value;
  console.log(
    `git log --cherry-mark --left-right: ${cherry.ms.toFixed(0)} ms (${cherry.value} upstream-side commits marked)`,
  );
  console.log(
    `backport scan, first run:         ${first.ms.toFixed(0)} ms (${r.scanned} read, ${r.candidates.length} candidates, ${r.skipped.length} skipped as already downstream)`,
  );
  console.log(
    `backport scan, nothing new:       ${again.ms.toFixed(1)} ms (${again.value.scanned} read)`,
  );
  const ratio = first.ms / cherry.ms;
  const speedup = first.ms / again.ms;
  console.log(
    `ratio scan / cherry-mark: ${ratio.toFixed(2)} (goal <= 1.5) ${ratio <= 1.5 ? 'met' : 'MISSED'}`,
  );
  console.log(
    `speed-up with nothing new: ${speedup.toFixed(0)}x (goal >= 10) ${speedup >= 10 ? 'met' : 'MISSED'}`,
  );
} finally {
  tmp.cleanup();
}
