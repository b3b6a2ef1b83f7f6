/**
 * Every git call tributary makes, as methods of Git: what a revision names, refs here and on a
 * remote, in-core merges and picks, leased pushes, notes, patch-ids. All of them run through
 * the funnel in git-process.ts (arguments as arrays, no prompts, credentials per command).
 */
import { GitError, GitProcess, type ExecOptions, type GitOptions } from './git-process.js';

export * from './git-process.js';

export interface MergeTreeResult {
  clean: boolean;
  /** The merged tree (with conflict markers in the conflicting files when not clean). */
  tree: string;
  conflicts: string[];
}

export interface LeasedUpdate {
  /** Full ref name on the remote. */
  ref: string;
  sha: string;
  /** The value the ref must still have; undefined: it must not exist yet. */
  expected: string | undefined;
}

/** Dates for throw-away objects, so they are the same on every run. */
const FIXED_DATES = {
  GIT_AUTHOR_DATE: '1000000000 +0000',
  GIT_COMMITTER_DATE: '1000000000 +0000',
};

export class Git extends GitProcess {
  /** The object a revision names, or undefined when it names nothing. */
  async revParse(rev: string): Promise<string | undefined> {
    const r = await this.exec(['rev-parse', '--verify', '--quiet', `${rev}^{object}`], {
      allowFailure: true,
    });
    return r.code === 0 ? r.stdout.trim() : undefined;
  }

  /** The commit a revision names, or undefined. */
  async commitOf(rev: string): Promise<string | undefined> {
    const r = await this.exec(['rev-parse', '--verify', '--quiet', `${rev}^{commit}`], {
      allowFailure: true,
    });
    return r.code === 0 ? r.stdout.trim() : undefined;
  }

  /** Whether `ancestor` is reachable from `descendant` (equal counts). */
  async isAncestor(ancestor: string, descendant: string): Promise<boolean> {
    const r = await this.exec(['merge-base', '--is-ancestor', ancestor, descendant], {
      allowFailure: true,
    });
    if (r.code === 0) return true;
    if (r.code === 1) return false;
    throw new GitError(['merge-base', '--is-ancestor', ancestor, descendant], r.code, r.stderr);
  }

  /** Local refs under the given patterns, as name → object id. */
  async refs(patterns: string[] = []): Promise<Map<string, string>> {
    const out = await this.run(['for-each-ref', '--format=%(objectname) %(refname)', ...patterns]);
    const map = new Map<string, string>();
    for (const line of out.split('\n')) {
      if (!line) continue;
      const sp = line.indexOf(' ');
      map.set(line.slice(sp + 1), line.slice(0, sp));
    }
    return map;
  }

  /** A remote's refs (`git ls-remote`), as name → object id; peeled tags (^{}) left out. */
  async lsRemote(
    url: string,
    patterns: string[] = [],
    opts: ExecOptions = {},
  ): Promise<Map<string, string>> {
    const out = await this.run(['ls-remote', '--', url, ...patterns], { retries: 3, ...opts });
    const map = new Map<string, string>();
    for (const line of out.split('\n')) {
      if (!line) continue;
      const [oid, name] = line.split('\t');
      if (name && !name.endsWith('^{}')) map.set(name, oid);
    }
    return map;
  }

  // ---- in-core merges and commits: no work tree, so a partial clone fetches only the blobs
  // a merge actually has to read --------------------------------------------------------

  /**
   * Merges two commits without a work tree (`git merge-tree --write-tree`, git >= 2.38): the
   * resulting tree, and the paths that conflict (the tree then holds conflict markers).
   */
  async mergeTree(ours: string, theirs: string): Promise<MergeTreeResult> {
    const args = ['merge-tree', '--write-tree', '--name-only', '--no-messages', '-z', ours, theirs];
    const r = await this.exec(args, { allowFailure: true });
    if (r.code !== 0 && r.code !== 1) throw new GitError(args, r.code, r.stderr);
    const [tree, ...rest] = r.stdout.split('\0');
    const conflicts = r.code === 1 ? rest.filter(Boolean) : [];
    return { clean: r.code === 0, tree, conflicts };
  }

  /**
   * Applies the change a commit made onto another commit's tree, as `git cherry-pick` does,
   * without a work tree: a throw-away commit with `onto`'s tree and `commit^` as its parent
   * makes `commit^` the merge base, so the three-way merge is exactly the pick.
   */
  async pickTree(commit: string, onto: string): Promise<MergeTreeResult> {
    const parent = await this.run(['rev-parse', '--verify', `${commit}^1`]);
    const tree = await this.run(['rev-parse', '--verify', `${onto}^{tree}`]);
    const stand = await this.run(['commit-tree', '-p', parent, '-m', 'tributary pick base', tree], {
      env: FIXED_DATES,
    });
    return this.mergeTree(stand, commit);
  }

  /** Writes a commit object for a tree; the identity is the funnel's unless an author is given. */
  async commitTree(
    tree: string,
    parents: string[],
    message: string,
    options: { author?: { name: string; email: string; date: string } } = {},
  ): Promise<string> {
    const args = ['commit-tree', ...parents.flatMap((p) => ['-p', p]), '-F', '-', tree];
    const env: Record<string, string> = {};
    if (options.author) {
      env.GIT_AUTHOR_NAME = options.author.name;
      env.GIT_AUTHOR_EMAIL = options.author.email;
      env.GIT_AUTHOR_DATE = options.author.date;
    }
    return this.run(args, { input: message, env });
  }

  /**
   * Pushes commits to refs, each guarded by a lease on the value the ref must still have
   * (`undefined`: it must not exist), all or nothing. Returns the refs the remote refused
   * because they moved (stale lease) instead of throwing, so the caller can explain.
   */
  async pushWithLease(url: string, updates: LeasedUpdate[]): Promise<{ rejected: string[] }> {
    if (!updates.length) return { rejected: [] };
    const args = [
      'push',
      '--porcelain',
      '--atomic',
      '--no-verify',
      ...updates.map((u) => `--force-with-lease=${u.ref}:${u.expected ?? ''}`),
      '--',
      url,
      ...updates.map((u) => `${u.sha}:${u.ref}`),
    ];
    const r = await this.exec(args, { allowFailure: true, retries: 3 });
    if (r.code === 0) return { rejected: [] };
    // Porcelain: `!\t<src>:<dst>\t[rejected] (stale info)` for a lease that failed.
    const lines = r.stdout.split('\n');
    const rejected = updates
      .filter((u) =>
        lines.some(
          (l) => l.startsWith('!') && l.includes(`:${u.ref}\t`) && l.includes('stale info'),
        ),
      )
      .map((u) => u.ref);
    if (rejected.length) return { rejected };
    throw new GitError(
      args.map((a) => this.redact(a)),
      r.code,
      r.stderr + r.stdout,
    );
  }

  /** The note a notes ref holds for an object, or undefined. */
  async note(notesRef: string, object: string): Promise<string | undefined> {
    const r = await this.exec(['notes', `--ref=${notesRef}`, 'show', object], {
      allowFailure: true,
    });
    return r.code === 0 ? r.stdout : undefined;
  }

  /** Many revisions resolved in one process: name → commit id (absent when unknown or ambiguous). */
  async resolveCommits(names: string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    if (!names.length) return out;
    const r = await this.run(['cat-file', '--batch-check=%(objectname) %(objecttype)'], {
      input: names.map((n) => `${n}^{commit}`).join('\n') + '\n',
    });
    r.split('\n').forEach((line, i) => {
      const [oid, type] = line.split(' ');
      if (type === 'commit' && i < names.length) out.set(names[i], oid);
    });
    return out;
  }

  /**
   * Stable patch ids (`git patch-id --stable`, what cherry-mark compares) of commits:
   * commit → patch id; commits with an empty diff (and merges) have none.
   */
  async patchIds(commits: string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    if (!commits.length) return out;
    const diff = await this.exec(['diff-tree', '--stdin', '-p', '--no-color', '--root'], {
      input: commits.join('\n') + '\n',
    });
    const ids = await this.run(['patch-id', '--stable'], { input: diff.stdout });
    for (const line of ids.split('\n')) {
      const [pid, commit] = line.split(' ');
      if (pid && commit) out.set(commit, pid);
    }
    return out;
  }

  /**
   * A remote's branches and tags only (`ls-remote --heads --tags --refs`): protocol v2 asks the
   * server for just those prefixes, so refs/pull/*, HEAD and other hidden refs never come back.
   */
  async remoteBranchesAndTags(url: string, opts: ExecOptions = {}): Promise<Map<string, string>> {
    const out = await this.run(['ls-remote', '--heads', '--tags', '--refs', '--', url], {
      retries: 3,
      ...opts,
    });
    const map = new Map<string, string>();
    for (const line of out.split('\n')) {
      if (!line) continue;
      const [oid, name] = line.split('\t');
      if (name) map.set(name, oid);
    }
    return map;
  }

  /**
   * The type of each object (commit, tag, tree, blob), or undefined when it is missing or
   * unreadable. Reads each object's header, so a damaged pack shows up here, not only its index.
   */
  async objectTypes(oids: Iterable<string>): Promise<Map<string, string | undefined>> {
    const list = [...new Set(oids)];
    const types = new Map<string, string | undefined>();
    if (!list.length) return types;
    const r = await this.exec(['cat-file', '--batch-check=%(objectname) %(objecttype)'], {
      input: list.join('\n') + '\n',
      allowFailure: true,
    });
    const lines = r.stdout.split('\n');
    list.forEach((oid, i) => {
      const [got, type] = (lines[i] ?? '').split(' ');
      types.set(oid, r.code === 0 && got === oid && type !== 'missing' ? type : undefined);
    });
    return types;
  }
}

/** Creates a repository (bare by default) and returns its funnel. */
export async function initRepository(
  dir: string,
  options: Omit<GitOptions, 'cwd'> & { bare?: boolean } = {},
): Promise<Git> {
  const { bare = true, ...rest } = options;
  const git = new Git({ ...rest, cwd: process.cwd() });
  await git.run(['init', '--quiet', ...(bare ? ['--bare'] : []), '--', dir]);
  return git.at(dir);
}
