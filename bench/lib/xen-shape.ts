/**
 * A synthetic history the shape of Xen's, for the benchmarks: a development branch of 62,000
 * commits, 450 refs (44 branches: master, staging, stable-4.0 ... stable-4.20 and their
 * staging-4.N twins; 406 tags), and a stable branch, stable-4.20, of 400 commits forked 3,000
 * commits ago whose picks name their upstream commit in every form in use (Xen's `master
 * commit:` with `master date:`, git's -x, `Upstream commit`, Linux's `commit <id> upstream.`,
 * Backport-of, squashes of two picks, picks without a reference, modified picks with a note,
 * and release commits declared downstream-only). A pull request of three more picks is
 * `refs/pull/1/head`.
 *
 * Made with `git fast-import` in seconds, and kept under the system's temporary folder: the
 * next run of any benchmark finds it there (delete the folder to make it again).
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Git, initRepository } from '../../actions/lib/git.js';

export interface XenShape {
  /** The bare repository holding every ref. */
  repository: string;
  /** The commit stable-4.20 forked from. */
  fork: string;
  /** stable-4.20's head, and the pull request's head on it. */
  stable: string;
  pull: string;
  commits: number;
  refs: number;
  /** How the stable branch's commits were made. */
  kinds: Record<string, number>;
}

const VERSION = 1;
const N = 62_000;
const FORK = N - 3000;
const STABLE = 400;

let seed = 20;
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
const data = (text: string) => `data ${Buffer.byteLength(text)}\n${text}\n`;

/** The shape, made on first use and found again afterwards. */
export async function xenShape(): Promise<XenShape> {
  const dir = join(tmpdir(), `tributary-bench-xen-shape-v${VERSION}`);
  const meta = join(dir, 'shape.json');
  if (existsSync(meta)) return JSON.parse(readFileSync(meta, 'utf8')) as XenShape;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const building = join(dir, 'building.git');
  const git = await initRepository(building);
  const start = Date.now();
  const made = await synthesize(git, dir);
  await git.run(['repack', '-a', '-d', '--quiet']);
  await git.run(['commit-graph', 'write', '--reachable']);
  const repository = join(dir, 'xen.git');
  renameSync(building, repository);
  const shape: XenShape = { ...made, repository };
  writeFileSync(meta, JSON.stringify(shape, null, 2));
  console.log(
    `made the Xen-shaped history (${shape.commits} commits, ${shape.refs} refs) in ${((Date.now() - start) / 1000).toFixed(1)} s: ${dir}`,
  );
  return shape;
}

async function synthesize(git: Git, dir: string): Promise<Omit<XenShape, 'repository'>> {
  // 8,000 files of 20 lines; upstream commit i changes two slots, a permutation, so every line
  // changes once upstream and picks apply without conflict wherever they go.
  const FILES = 8000;
  const SLOTS = FILES * 20;
  const slot = (x: number) => (x * 7919) % SLOTS;
  const fileName = (f: number) =>
    `xen/${['arch/x86', 'common', 'drivers', 'tools/libs'][f % 4]}/d${f % 97}/f${f}.c`;
  const state: string[][] = [];
  for (let f = 0; f < FILES; f++)
    state.push(Array.from({ length: 20 }, (_, l) => `/* f${f} line ${l} */`));
  const text = (lines: string[]) => lines.join('\n') + '\n';
  const out: string[] = [];
  let time = 1_200_000_000;
  let mark = 0;
  const commit = (ref: string, message: string, from?: string) => {
    mark++;
    out.push(
      `commit ${ref}\nmark :${mark}\nauthor Dev <dev@xen.org> ${time} +0000\ncommitter Dev <dev@xen.org> ${time++} +0000\n${data(message)}${from ? `from ${from}\n` : ''}`,
    );
    return mark;
  };
  const changes: [number, number, string][][] = [];
  const subjects: string[] = [];
  commit('refs/heads/master', 'Initial import\n');
  for (let f = 0; f < FILES; f++) out.push(`M 644 inline ${fileName(f)}\n${data(text(state[f]))}`);
  const master: number[] = [mark];
  const forkFiles: string[][] = [];
  for (let i = 1; i <= N; i++) {
    const touched: [number, number, string][] = [];
    for (const s of [slot(2 * i), slot(2 * i + 1)]) {
      const f = Math.floor(s / 20);
      const line = `/* f${f} line ${s % 20}: upstream change ${i} */`;
      state[f][s % 20] = line;
      touched.push([f, s % 20, line]);
    }
    changes[i] = touched;
    subjects[i] = `x86/sub${i % 53}: fix ${i}`;
    master.push(
      commit('refs/heads/master', `${subjects[i]}\n\nSigned-off-by: Dev <dev@xen.org>\n`),
    );
    for (const [f] of touched) out.push(`M 644 inline ${fileName(f)}\n${data(text(state[f]))}`);
    if (i === FORK) for (let f = 0; f < FILES; f++) forkFiles[f] = [...state[f]];
  }
  writeFileSync(join(dir, 'import-1'), '');
  const marks = join(dir, 'marks');
  await git.run(['fast-import', '--quiet', `--export-marks=${marks}`], { input: out.join('') });
  out.length = 0;
  const ids = new Map<number, string>();
  for (const line of readFileSync(marks, 'utf8').split('\n')) {
    const m = /^:(\d+) ([0-9a-f]+)$/.exec(line);
    if (m) ids.set(Number(m[1]), m[2]);
  }
  const id = (i: number) => ids.get(master[i])!;

  // stable-4.20: 400 commits on the fork, picks of later upstream commits in every form.
  const down = forkFiles;
  const picked = new Set<number>();
  const pick = () => {
    let u = 0;
    while (!u || picked.has(u)) u = FORK + 1 + Math.floor(random() * (N - FORK - 10));
    picked.add(u);
    return u;
  };
  const apply = (u: number, only?: number) => {
    const files = new Set<number>();
    changes[u].slice(0, only ?? 2).forEach(([f, l, line]) => {
      down[f][l] = line;
      files.add(f);
    });
    return files;
  };
  const date = (u: number) => `master date: ${new Date((1_200_000_000 + u) * 1000).toISOString()}`;
  const forms: ((u: number) => string)[] = [
    (u) => `master commit: ${id(u)}\n${date(u)}`,
    (u) => `(cherry picked from commit ${id(u)})`,
    (u) => `Upstream commit ${id(u)}`,
    (u) => `[ Upstream commit ${id(u)} ]`,
    (u) => `commit ${id(u)} upstream.`,
    (u) => `(backported from commit ${id(u)})`,
    (u) => `Backport-of: ${id(u)}`,
    (u) => `master commit: ${id(u).slice(0, 12)}\n${date(u)}`,
  ];
  const kinds: Record<string, number> = {};
  const count = (k: string) => (kinds[k] = (kinds[k] ?? 0) + 1);
  let from: string | undefined = `:${master[FORK]}`;
  const stableCommit = (ref: string, message: string, files: Set<number>) => {
    const m = commit(ref, message, from);
    from = undefined;
    for (const f of files) out.push(`M 644 inline ${fileName(f)}\n${data(text(down[f]))}`);
    return m;
  };
  let stableHead = 0;
  let release = 0;
  for (let j = 0; j < STABLE; j++) {
    const r = j % 20;
    if (r === 18) {
      release++;
      count('downstream-only');
      const f = 4000 + release;
      down[f][19] = `/* version 4.20.${release} */`;
      stableHead = stableCommit(
        'refs/heads/stable-4.20',
        `update Xen version to 4.20.${release}\n\nDownstream-only: the release of 4.20.${release}\n`,
        new Set([f]),
      );
    } else if (r === 12 || r === 13) {
      count('squash');
      const [a, b] = [pick(), pick()];
      const files = new Set([...apply(a), ...apply(b)]);
      stableHead = stableCommit(
        'refs/heads/stable-4.20',
        `${subjects[a]}\n\n${forms[0](a)}\n\n${subjects[b]}\n\n${forms[0](b)}\n`,
        files,
      );
    } else if (r === 14 || r === 15) {
      count('plain');
      const u = pick();
      stableHead = stableCommit('refs/heads/stable-4.20', `${subjects[u]}\n`, apply(u));
    } else if (r === 16 || r === 17) {
      count('modified');
      const u = pick();
      stableHead = stableCommit(
        'refs/heads/stable-4.20',
        `${subjects[u]}\n\n${forms[0](u)}\n[4.20: only the first hunk applies]\n`,
        apply(u, 1),
      );
    } else {
      const form = r < 6 ? 0 : r === 19 ? 7 : r - 5;
      count(`form-${form}`);
      const u = pick();
      stableHead = stableCommit(
        'refs/heads/stable-4.20',
        `${subjects[u]}\n\nSigned-off-by: Dev <dev@xen.org>\n${forms[form](u)}\n`,
        apply(u),
      );
    }
  }
  // The pull request: three more picks on stable-4.20.
  from = `:${stableHead}`;
  for (let k = 0; k < 3; k++) {
    const u = pick();
    stableCommit('refs/pull/1/head', `${subjects[u]}\n\n${forms[0](u)}\n`, apply(u));
  }
  // Older stable branches (5 picks each, by reference) and the staging twins; tags.
  const branches: string[] = [];
  for (let v = 0; v < 20; v++) {
    const at = Math.floor(((v + 1) * FORK) / 21);
    let parent = `:${master[at]}`;
    for (let k = 0; k < 5; k++) {
      const u = at + 1 + k;
      parent = `:${commit(`refs/heads/stable-4.${v}`, `${subjects[u]}\n\n${forms[0](u)}\n`, parent)}`;
      out.push(`M 644 inline notes/stable-4.${v}.txt\n${data(`pick ${u}\n`)}`);
    }
    branches.push(`stable-4.${v}`);
  }
  for (const b of [...branches, 'stable-4.20'])
    out.push(`reset refs/heads/staging-${b.slice(7)}\nfrom refs/heads/${b}\n\n`);
  out.push(`reset refs/heads/staging\nfrom refs/heads/master\n\n`);
  for (let t = 0; t < 406; t++)
    out.push(
      `reset refs/tags/RELEASE-4.${t % 21}.${Math.floor(t / 21)}\nfrom :${master[Math.floor(((t + 1) * N) / 407)]}\n\n`,
    );
  await git.run(['fast-import', '--quiet', `--import-marks=${marks}`], { input: out.join('') });
  rmSync(marks, { force: true });
  rmSync(join(dir, 'import-1'), { force: true });
  const refs = (await git.refs()).size;
  const commits = Number(await git.run(['rev-list', '--all', '--count']));
  return {
    fork: id(FORK),
    stable: await git.run(['rev-parse', 'refs/heads/stable-4.20']),
    pull: await git.run(['rev-parse', 'refs/pull/1/head']),
    commits,
    refs,
    kinds,
  };
}
