/**
 * Fixture trees for tests: real repositories made with real git, quickly. Commits are made
 * with a fixed identity and dates so revisions are reproducible within a test.
 */
import {
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  mkdirSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Git } from '../../actions/lib/git.js';

/** A temporary folder, removed when the test's `after` hook calls the returned cleanup. */
export function tempDir(prefix = 'tributary-'): { path: string; cleanup: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, cleanup: () => rmSync(path, { recursive: true, force: true }) };
}

export const testIdentity = { name: 'Test Author', email: 'author@example.org' };

let tick = 0;
/** A fixture work tree with helpers to commit; its Git funnel is `git`. */
export class WorkTree {
  readonly git: Git;
  constructor(readonly dir: string) {
    this.git = new Git({ cwd: dir, identity: testIdentity });
  }

  static async create(dir: string, branch = 'master'): Promise<WorkTree> {
    mkdirSync(dir, { recursive: true });
    const t = new WorkTree(dir);
    await t.git.run(['init', '--quiet', `--initial-branch=${branch}`]);
    return t;
  }

  /** Writes the files (path → content, null deletes) and commits them; returns the commit id. */
  async commit(message: string, files: Record<string, string | null> = {}): Promise<string> {
    for (const [path, content] of Object.entries(files)) {
      const full = join(this.dir, path);
      if (content === null) rmSync(full, { force: true });
      else {
        mkdirSync(dirname(full), { recursive: true });
        writeFileSync(full, content);
      }
    }
    await this.git.run(['add', '-A']);
    const date = `${1700000000 + tick++} +0000`;
    await this.git.run(['commit', '--quiet', '--allow-empty', '-m', message], {
      env: { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
    });
    return this.git.run(['rev-parse', 'HEAD']);
  }

  head(ref = 'HEAD'): Promise<string> {
    return this.git.run(['rev-parse', ref]);
  }
}

/**
 * Writes a linear history of `count` commits on each branch through `git fast-import`, which
 * makes 100,000 commits in seconds. Each commit changes one small file.
 */
export async function fastImportHistory(
  git: Git,
  opts: {
    branches: string[];
    commitsPerBranch: number;
    tags?: number;
    file?: string;
    /** Commits on each branch after the first (default commitsPerBranch / 100). */
    sideCommits?: number;
  },
): Promise<void> {
  const chunks: string[] = [];
  let mark = 1;
  let time = 1600000000;
  const [first, ...others] = opts.branches;
  const emit = (ref: string, from: number | undefined, i: number) => {
    const m = mark++;
    const msg = `${ref.replace('refs/heads/', '')} change ${i}\n`;
    const content = `${ref} ${i}\n`;
    chunks.push(
      `commit ${ref}\nmark :${m}\ncommitter Test <t@example.org> ${time++} +0000\ndata ${Buffer.byteLength(msg)}\n${msg}` +
        (from ? `from :${from}\n` : '') +
        `M 644 inline ${opts.file ?? 'file.txt'}\ndata ${Buffer.byteLength(content)}\n${content}\n`,
    );
    return m;
  };
  let last: number | undefined;
  const trunk: number[] = [];
  for (let i = 0; i < opts.commitsPerBranch; i++) {
    last = emit(`refs/heads/${first}`, last, i);
    trunk.push(last);
  }
  for (const [b, name] of others.entries()) {
    let from: number | undefined =
      trunk[Math.floor(((b + 1) * trunk.length) / (others.length + 1)) - 1] ?? last;
    for (
      let i = 0;
      i < (opts.sideCommits ?? Math.max(1, Math.floor(opts.commitsPerBranch / 100)));
      i++
    ) {
      from = emit(`refs/heads/${name}`, from, i);
    }
  }
  for (let t = 0; t < (opts.tags ?? 0); t++) {
    const target = trunk[Math.floor((t * trunk.length) / (opts.tags ?? 1))];
    chunks.push(`reset refs/tags/v${t}\nfrom :${target}\n\n`);
  }
  await git.run(['fast-import', '--quiet'], { input: chunks.join('') });
}

/** Every file below the given paths whose content contains `secret` (or its base64 forms). */
export function filesContaining(paths: string[], secret: string): string[] {
  const needles = [secret, Buffer.from(`x-access-token:${secret}`).toString('base64')];
  const hits: string[] = [];
  const visit = (p: string) => {
    let st;
    try {
      st = statSync(p);
    } catch {
      return;
    }
    if (st.isDirectory()) {
      for (const e of readdirSync(p)) visit(join(p, e));
    } else if (st.isFile() && st.size < 64 * 1024 * 1024) {
      const text = readFileSync(p).toString('latin1');
      if (needles.some((n) => text.includes(n))) hits.push(p);
    }
  };
  paths.forEach(visit);
  return hits;
}
