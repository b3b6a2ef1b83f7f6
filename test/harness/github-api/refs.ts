/**
 * A repository's refs and commits as the API handlers see them: a real bare repository read
 * and written with git (through the one git funnel), or, for a repository with no git
 * directory, a map of ref names that knows nothing of history.
 */
import { createHash } from 'node:crypto';
import { Git } from '../../../actions/lib/git.js';
import type { RepositoryRecord } from './state.js';

export interface CommitInfo {
  sha: string;
  tree: string;
  parents: string[];
  author: { name: string; email: string; date: string };
  committer: { name: string; email: string; date: string };
  message: string;
}

export interface RefStore {
  /** Whether the store knows the commit graph (a linked repository). */
  readonly linked: boolean;
  /** The object a full ref name points at. */
  get(ref: string): Promise<string | undefined>;
  /** Full ref names → object ids, for refs under `prefix` (`refs/heads/`, `refs/tags/v1`). */
  list(prefix: string): Promise<Map<string, string>>;
  /**
   * Sets a ref if it still has `expected` (undefined: must not exist); false when it moved
   * meanwhile or the object does not exist.
   */
  compareAndSet(ref: string, sha: string, expected: string | undefined): Promise<boolean>;
  delete(ref: string, expected: string): Promise<boolean>;
  /** Whether an object exists (always true without a git directory). */
  hasObject(sha: string): Promise<boolean>;
  /** The object type of an id: commit, tag, tree, blob ('commit' without a git directory). */
  typeOf(sha: string): Promise<string | undefined>;
  /** Whether `ancestor` is reachable from `descendant`; undefined when unknowable. */
  isAncestor(ancestor: string, descendant: string): Promise<boolean | undefined>;
  /** A commit (a revision resolved to a commit), when the store has history. */
  commit(rev: string): Promise<CommitInfo | undefined>;
  /** Commits reachable from `head` and not from `base`, oldest first. */
  commitsBetween(base: string, head: string): Promise<CommitInfo[]>;
  /** A revision (sha, branch, tag, full ref) resolved to a commit id. */
  resolve(rev: string): Promise<string | undefined>;
  /** The best common ancestor of two commits, when the store has history and they have one. */
  mergeBase(a: string, b: string): Promise<string | undefined>;
  /**
   * Makes the commit that merging `head` into `base` gives (parents base and head, or only
   * base for a squash), without touching any ref; undefined when they conflict.
   */
  merge(base: string, head: string, message: string, squash: boolean): Promise<string | undefined>;
}

/** The committer GitHub uses for the merges it makes. */
export const GITHUB_IDENTITY = { name: 'GitHub', email: 'noreply@github.com' };

const HEX40 = /^[0-9a-f]{40}$/;

export class MemoryRefStore implements RefStore {
  readonly linked = false;
  constructor(private readonly refs: Map<string, string>) {}
  async get(ref: string) {
    return this.refs.get(ref);
  }
  async list(prefix: string) {
    return new Map([...this.refs].filter(([k]) => k.startsWith(prefix)).sort());
  }
  async compareAndSet(ref: string, sha: string, expected: string | undefined) {
    if (this.refs.get(ref) !== expected) return false;
    this.refs.set(ref, sha);
    return true;
  }
  async delete(ref: string, expected: string) {
    if (this.refs.get(ref) !== expected) return false;
    return this.refs.delete(ref);
  }
  async hasObject() {
    return true;
  }
  async typeOf() {
    return 'commit';
  }
  async isAncestor(ancestor: string, descendant: string) {
    return ancestor === descendant ? true : undefined;
  }
  async commit() {
    return undefined;
  }
  async commitsBetween() {
    return [];
  }
  async resolve(rev: string) {
    for (const ref of [rev, `refs/heads/${rev}`, `refs/tags/${rev}`]) {
      const sha = this.refs.get(ref);
      if (sha) return sha;
    }
    return HEX40.test(rev) ? rev : undefined;
  }
  async mergeBase() {
    return undefined;
  }
  async merge(base: string, head: string, message: string) {
    // No objects here: a made-up id that is stable for the same inputs.
    return createHash('sha1').update(`${base}\0${head}\0${message}`).digest('hex');
  }
}

const COMMIT_FORMAT = '%H%x00%T%x00%P%x00%an%x00%ae%x00%aI%x00%cn%x00%ce%x00%cI%x00%B%x00';

function parseCommits(out: string): CommitInfo[] {
  const fields = out.split('\0');
  const commits: CommitInfo[] = [];
  for (let i = 0; i + 9 < fields.length; i += 10) {
    const f = fields.slice(i, i + 10);
    commits.push({
      sha: f[0].trim(),
      tree: f[1],
      parents: f[2] ? f[2].split(' ') : [],
      author: { name: f[3], email: f[4], date: f[5] },
      committer: { name: f[6], email: f[7], date: f[8] },
      message: f[9].replace(/\n$/, ''),
    });
  }
  return commits;
}

export class GitRefStore implements RefStore {
  readonly linked = true;
  private readonly git: Git;
  constructor(gitDir: string) {
    this.git = new Git({ cwd: gitDir, identity: GITHUB_IDENTITY });
  }
  async mergeBase(a: string, b: string) {
    const r = await this.git.exec(['merge-base', a, b], { allowFailure: true });
    return r.code === 0 ? r.stdout.trim() : undefined;
  }
  async merge(base: string, head: string, message: string, squash: boolean) {
    const r = await this.git.exec(['merge-tree', '--write-tree', base, head], {
      allowFailure: true,
    });
    if (r.code === 1) return undefined;
    if (r.code !== 0) throw new Error(`git merge-tree failed: ${r.stderr}`);
    const tree = r.stdout.split('\n')[0].trim();
    const parents = squash ? ['-p', base] : ['-p', base, '-p', head];
    return this.git.run(['commit-tree', tree, ...parents, '-m', message]);
  }
  async get(ref: string) {
    if (!ref.startsWith('refs/')) return undefined;
    return (await this.git.refs([ref])).get(ref);
  }
  async list(prefix: string) {
    // for-each-ref matches whole path components; GitHub's matching-refs is a plain prefix.
    const dir = prefix.slice(0, prefix.lastIndexOf('/') + 1) || 'refs/';
    const all = await this.git.refs([dir]);
    return new Map([...all].filter(([k]) => k.startsWith(prefix)));
  }
  async compareAndSet(ref: string, sha: string, expected: string | undefined) {
    return this.git.try(['update-ref', ref, sha, expected ?? '0'.repeat(40)]);
  }
  async delete(ref: string, expected: string) {
    return this.git.try(['update-ref', '-d', ref, expected]);
  }
  async hasObject(sha: string) {
    return HEX40.test(sha) && (await this.git.try(['cat-file', '-e', sha]));
  }
  async typeOf(sha: string) {
    const r = await this.git.exec(['cat-file', '-t', sha], { allowFailure: true });
    return r.code === 0 ? r.stdout.trim() : undefined;
  }
  async isAncestor(ancestor: string, descendant: string) {
    return this.git.isAncestor(ancestor, descendant);
  }
  async commit(rev: string) {
    const sha = await this.resolve(rev);
    if (!sha) return undefined;
    const out = await this.git.run(['log', '-1', `--format=${COMMIT_FORMAT}`, sha, '--']);
    return parseCommits(out + '\n')[0];
  }
  async commitsBetween(base: string, head: string) {
    const out = await this.git.run([
      'log',
      '--reverse',
      `--format=${COMMIT_FORMAT}`,
      `${base}..${head}`,
      '--',
    ]);
    return parseCommits(out);
  }
  async resolve(rev: string) {
    if (rev.startsWith('-')) return undefined;
    for (const r of HEX40.test(rev) ? [rev] : [rev, `refs/heads/${rev}`, `refs/tags/${rev}`]) {
      const sha = await this.git.commitOf(r);
      if (sha) return sha;
    }
    return undefined;
  }
}

export function refStoreOf(repo: RepositoryRecord): RefStore {
  return repo.gitDir ? new GitRefStore(repo.gitDir) : new MemoryRefStore(repo.refs);
}
