/**
 * Every git call tributary makes, as methods of Git: what a revision names, refs here and on a
 * remote, in-core merges and picks, leased pushes, notes, patch-ids. All of them run through
 * the funnel in git-process.ts (arguments as arrays, no prompts, credentials per command).
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
  /** The object it gets; null deletes it. */
  sha: string | null;
  /** The value the ref must still have; undefined: it must not exist yet. */
  expected: string | undefined;
}

/** What an atomic leased push came to: everything landed, or nothing did. */
export interface LeasedPush {
  ok: boolean;
  /** Refs whose lease failed: the remote had moved them since they were read. */
  stale: string[];
  /** The remote's refusals as git reports them (`src:dst [rejected] (reason)`). */
  refusals: string[];
  /** git's own words (stderr, then the porcelain), to tell other failures apart. */
  output: string;
}

export interface FetchOptions {
  /** A partial-clone filter (`blob:none`, `tree:0`): objects left out come when read. */
  filter?: string;
  depth?: number;
  /** Offer only these local refs as what we have, so the server walks less history. */
  negotiationTips?: string[];
  /** Delete local refs under the refspecs' destinations that the remote no longer has. */
  prune?: boolean;
  retries?: number;
  /** Log git's progress under this label (a long fetch); quiet otherwise. */
  progress?: string;
}

/** One change of a local ref in an `update-ref --stdin` transaction. */
export interface RefChange {
  ref: string;
  /** The new value; null deletes the ref. */
  sha: string | null;
}

/** An entry of a tree: `100644 blob <oid>` at a path. */
export interface TreeEntry {
  mode: string;
  type: string;
  oid: string;
  path: string;
}

export interface CommitRecord {
  sha: string;
  subject: string;
  author: { name: string; email: string; date: string };
  message: string;
  /** Files the commit changes (only when asked for). */
  files?: string[];
}

/** What names a commit to a person: its parents, author and subject (`git show --no-patch`). */
export interface CommitSummary {
  sha: string;
  /** First parent first. */
  parents: string[];
  /** The author; `date` in strict ISO 8601 (`%aI`). */
  author: { name: string; email: string; date: string };
  subject: string;
}

// Separators of a bulk commit listing: control characters that never occur in commit messages.
const RS = '\x1e';
const US = '\x1f';
const END = '\x1d';

/** The paths a commit's note can have in a notes tree, by the fanout git chose. */
/** More notes than this in one level of a notes tree, and it is split in two-digit directories. */
export const NOTES_FANOUT = 256;

function notePaths(commit: string): string[] {
  return [
    commit,
    `${commit.slice(0, 2)}/${commit.slice(2)}`,
    `${commit.slice(0, 2)}/${commit.slice(2, 4)}/${commit.slice(4)}`,
  ];
}

/** Entries of `git ls-tree -z` output. */
function treeEntries(out: string): TreeEntry[] {
  return out
    .split('\0')
    .filter(Boolean)
    .map((line) => {
      const tab = line.indexOf('\t');
      const [mode, type, oid] = line.slice(0, tab).split(' ');
      return { mode, type, oid, path: line.slice(tab + 1) };
    });
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

  /** The branch a remote's HEAD names (its default branch), or undefined when it has none. */
  async defaultBranch(url: string): Promise<string | undefined> {
    const out = await this.run(['ls-remote', '--symref', '--', url, 'HEAD'], { retries: 3 });
    return /^ref: refs\/heads\/(\S+)\tHEAD$/m.exec(out)?.[1];
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
   * Many merges in one process (`git merge-tree --write-tree --stdin`), each answered as
   * mergeTree answers it, in the order given: a process a merge costs more than the merge.
   */
  async mergeTrees(pairs: [ours: string, theirs: string][]): Promise<MergeTreeResult[]> {
    if (!pairs.length) return [];
    const args = ['merge-tree', '--write-tree', '--stdin', '--name-only', '--no-messages', '-z'];
    const out = await this.run(args, { input: pairs.map(([o, t]) => `${o} ${t}\n`).join('') });
    // Each merge: its status (1 clean, 0 conflicting), the tree, each conflicting path, then
    // an empty field; every field ended by NUL.
    const fields = out.split('\0');
    const results: MergeTreeResult[] = [];
    let i = 0;
    while (results.length < pairs.length && i + 1 < fields.length) {
      const clean = fields[i++] === '1';
      const tree = fields[i++];
      const conflicts: string[] = [];
      while (i < fields.length && fields[i] !== '') conflicts.push(fields[i++]);
      i++; // the empty field that ends the merge
      results.push({ clean, tree, conflicts });
    }
    if (results.length !== pairs.length)
      throw new GitError(args, 0, `answered ${results.length} merges of ${pairs.length}`);
    return results;
  }

  /**
   * Applies the change a commit made onto another commit's tree, as `git cherry-pick` does,
   * without a work tree: a throw-away commit with `onto`'s tree and `commit^` as its parent
   * makes `commit^` the merge base, so the three-way merge is exactly the pick.
   */
  async pickTree(commit: string, onto: string): Promise<MergeTreeResult> {
    const parent = await this.run(['rev-parse', '--verify', `${commit}^1`]);
    const tree = await this.treeOf(onto);
    const stand = await this.run(['commit-tree', '-p', parent, '-m', 'tributary pick base', tree], {
      env: FIXED_DATES,
    });
    return this.mergeTree(stand, commit);
  }

  /**
   * Undoes the change a commit made, on another commit's tree, as `git revert` does, without a
   * work tree: the merge base is the commit itself, merged with its first parent. Stand-in
   * commits (the commit's tree as a root, the two sides on it) give merge-tree that base.
   */
  async revertTree(commit: string, onto: string): Promise<MergeTreeResult> {
    const stand = (t: string, parents: string[]) =>
      this.run(
        ['commit-tree', ...parents.flatMap((p) => ['-p', p]), '-m', 'tributary revert base', t],
        { env: FIXED_DATES },
      );
    const base = await stand(await this.treeOf(commit), []);
    const ours = await stand(await this.treeOf(onto), [base]);
    const theirs = await stand(await this.treeOf(`${commit}^1`), [base]);
    return this.mergeTree(ours, theirs);
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

  // ---- talking to remotes: fetch, atomic leased updates ------------------------------------

  /**
   * Fetches refspecs (`+src:dst`) from a URL or a remote's name: no tags but those named, no
   * FETCH_HEAD. The refspecs go through stdin, so their number is never limited by a command line.
   */
  async fetch(remote: string, refspecs: string[], opts: FetchOptions = {}): Promise<void> {
    if (!refspecs.length) return;
    const args = [
      'fetch',
      opts.progress ? '--progress' : '--quiet',
      '--no-tags',
      '--no-write-fetch-head',
      ...(opts.filter ? [`--filter=${opts.filter}`] : []),
      ...(opts.depth ? [`--depth=${opts.depth}`] : []),
      ...(opts.negotiationTips ?? []).map((t) => `--negotiation-tip=${t}`),
      ...(opts.prune ? ['--prune'] : []),
      '--stdin',
      '--',
      remote,
    ];
    await this.run(args, {
      input: refspecs.join('\n') + '\n',
      retries: opts.retries,
      progress: opts.progress,
    });
  }

  /**
   * Fetches objects by id in one request, as a partial clone's lazy fetch does one object at a
   * time: no negotiation (nothing of ours is offered), so the server sends exactly these. A
   * server that will not serve objects by id answers false, and git's lazy fetch brings each
   * one when it is read: slower, still right.
   */
  async fetchObjects(
    remote: string,
    oids: string[],
    opts: { filter?: string; retries?: number } = {},
  ): Promise<boolean> {
    if (!oids.length) return true;
    const r = await this.exec(
      [
        '-c',
        'fetch.negotiationAlgorithm=noop',
        'fetch',
        '--quiet',
        '--no-tags',
        '--no-write-fetch-head',
        '--recurse-submodules=no',
        ...(opts.filter ? [`--filter=${opts.filter}`] : []),
        '--stdin',
        '--',
        remote,
      ],
      { input: oids.join('\n') + '\n', allowFailure: true, retries: opts.retries },
    );
    return r.code === 0;
  }

  /**
   * Updates refs of a remote, each guarded by a lease on the value it must still have
   * (`undefined`: it must not exist), all or nothing (`--atomic`). A refusal is an answer, not
   * an error: the outcome says which leases failed, and git's words for anything else.
   *
   * With `stage`, a local namespace (`refs/tributary/push/`), the new values are written there
   * first and pushed with one pattern refspec: git matches thousands of explicit refspecs
   * against thousands of refs in quadratic time, a pattern in linear time. Every ref still
   * carries its own lease. The namespace is emptied before and after.
   */
  async pushLeased(
    url: string,
    updates: LeasedUpdate[],
    opts: { retries?: number; stage?: string } = {},
  ): Promise<LeasedPush> {
    if (!updates.length) return { ok: true, stale: [], refusals: [], output: '' };
    const leases = updates.map((u) => `--force-with-lease=${u.ref}:${u.expected ?? ''}`);
    let refspecs: string[];
    if (opts.stage) {
      const stage = opts.stage;
      const staged = updates.filter((u) => u.sha);
      await this.clearNamespace(stage);
      await this.updateRefs(
        staged.map((u) => ({ ref: stage + u.ref.slice('refs/'.length), sha: u.sha })),
      );
      refspecs = [
        ...(staged.length ? [`${stage}*:refs/*`] : []),
        ...updates.filter((u) => !u.sha).map((u) => `:${u.ref}`),
      ];
    } else refspecs = updates.map((u) => `${u.sha ?? ''}:${u.ref}`);
    const args = ['push', '--porcelain', '--atomic', '--no-verify', ...leases, '--', url];
    let r;
    try {
      r = await this.exec([...args, ...refspecs], {
        allowFailure: true,
        retries: opts.retries ?? 3,
      });
    } finally {
      if (opts.stage) await this.clearNamespace(opts.stage);
    }
    if (r.code === 0) return { ok: true, stale: [], refusals: [], output: '' };
    // Porcelain: `!\t<src>:<dst>\t[rejected] (stale info)` for a lease that failed.
    const refused = r.stdout.split('\n').filter((l) => l.startsWith('!'));
    const stale = updates
      .filter((u) => refused.some((l) => l.includes(`:${u.ref}\t`) && l.includes('stale info')))
      .map((u) => u.ref);
    return {
      ok: false,
      stale,
      refusals: refused.map((l) => l.split('\t').slice(1).join(' ')),
      output: (r.stderr + r.stdout).trim(),
    };
  }

  /**
   * Pushes commits to refs with leases, all or nothing. Returns the refs the remote refused
   * because they moved (stale lease) instead of throwing, so the caller can explain; any other
   * failure throws.
   */
  async pushWithLease(url: string, updates: LeasedUpdate[]): Promise<{ rejected: string[] }> {
    const r = await this.pushLeased(url, updates);
    if (r.ok || r.stale.length) return { rejected: r.stale };
    throw new GitError(['push', '--atomic', '--', url], 1, r.output);
  }

  // ---- local refs and configuration -----------------------------------------------------

  /** The best common ancestor of two revisions. */
  async mergeBase(a: string, b: string): Promise<string> {
    return this.run(['merge-base', a, b]);
  }

  /** Commits of `from..to` that descend from `from` (`--ancestry-path`), newest first. */
  async ancestryPath(from: string, to: string): Promise<string[]> {
    return (await this.run(['rev-list', '--ancestry-path', `${from}..${to}`]))
      .split('\n')
      .filter(Boolean);
  }

  /** Commits reachable from any of `tips` and not from `exclude`, newest first; merges too. */
  async reachableNotFrom(tips: string[], exclude: string): Promise<string[]> {
    if (!tips.length) return [];
    const out = await this.run(['rev-list', '--stdin'], {
      input: [...tips, `^${exclude}`].join('\n') + '\n',
    });
    return out.split('\n').filter(Boolean);
  }

  /** The commits of `tip` that `exclude` lacks, merges left out, streamed. */
  nonMergesNotFrom(tip: string, exclude: string): AsyncIterable<string> {
    return this.lines(['rev-list', '--no-merges', tip, '--not', exclude]);
  }

  /** Whether a local ref matching `pattern` (`refs/heads/`) contains the commit. */
  async refContains(commit: string, pattern: string): Promise<boolean> {
    return !!(await this.run(['for-each-ref', '--count=1', '--contains', commit, pattern]));
  }

  /** Applies ref changes in one transaction (`update-ref --stdin`): all of them or none. */
  async updateRefs(changes: RefChange[]): Promise<void> {
    if (!changes.length) return;
    const lines = changes.map((c) => (c.sha ? `update ${c.ref} ${c.sha}` : `delete ${c.ref}`));
    await this.run(['update-ref', '--stdin'], { input: lines.join('\n') + '\n' });
  }

  /** Deletes a local ref; one that does not exist is already gone. */
  async deleteRef(ref: string): Promise<void> {
    await this.run(['update-ref', '-d', ref]);
  }

  /** Deletes every local ref under a namespace (`refs/tributary/push/`). */
  async clearNamespace(namespace: string): Promise<void> {
    const refs = await this.refs([namespace]);
    await this.updateRefs([...refs.keys()].map((ref) => ({ ref, sha: null })));
  }

  async setConfig(key: string, value: string): Promise<void> {
    await this.run(['config', key, value]);
  }

  /** Whether this folder is a bare repository git can open (false for anything else). */
  async isBareRepository(): Promise<boolean> {
    const r = await this.exec(['rev-parse', '--is-bare-repository'], { allowFailure: true });
    return r.code === 0 && r.stdout.trim() === 'true';
  }

  /**
   * Makes `name` a promisor remote of this repository with a partial-clone filter (a partial
   * clone of it): objects the filter left out are fetched when something reads them, through
   * this funnel, so with the same scoped credential. The URL is stored, never a token.
   */
  async usePromisorRemote(name: string, url: string, filter = 'blob:none'): Promise<void> {
    const r = await this.exec(['config', '--get', `remote.${name}.url`], { allowFailure: true });
    if (r.code === 0) return;
    for (const [key, value] of [
      ['core.repositoryformatversion', '1'],
      [`remote.${name}.url`, url],
      [`remote.${name}.promisor`, 'true'],
      [`remote.${name}.partialclonefilter`, filter],
      ['extensions.partialClone', name],
    ])
      await this.setConfig(key, value);
  }

  /** HEAD's commit and the ref it is on (`HEAD` when detached); undefined without a commit. */
  async checkedOut(): Promise<{ commit: string; ref: string } | undefined> {
    // One git call for both: the commit, then the branch HEAD is on.
    const r = await this.exec(['rev-parse', 'HEAD^{commit}', '--symbolic-full-name', 'HEAD'], {
      allowFailure: true,
    });
    const [commit, ref] = r.code === 0 ? r.stdout.trim().split('\n') : [];
    return commit ? { commit, ref: ref ?? 'HEAD' } : undefined;
  }

  // ---- objects: blobs, trees, notes ------------------------------------------------------

  /** A blob's content, exactly (no newline trimmed). */
  async readBlob(oid: string): Promise<string> {
    return (await this.exec(['cat-file', 'blob', oid])).stdout;
  }

  /**
   * The contents of many blobs from one `git cat-file --batch`: oid → text; an object that is
   * missing (or not a blob) is absent. git gives each size in bytes and the funnel decodes its
   * output as UTF-8, so when the sizes do not add up (a blob that is not UTF-8) each blob is
   * read alone instead: slower, still right.
   */
  async readBlobs(oids: Iterable<string>): Promise<Map<string, string>> {
    const list = [...new Set(oids)];
    const texts = new Map<string, string>();
    if (!list.length) return texts;
    const r = await this.exec(['cat-file', '--batch'], {
      input: list.join('\n') + '\n',
      allowFailure: true,
    });
    const out = Buffer.from(r.stdout, 'utf8');
    let at = 0;
    let whole = r.code === 0;
    for (const oid of list) {
      const eol = out.indexOf(0x0a, at);
      // `<oid> <type> <size>`, or `<oid> missing`
      const [name, type, size] = eol < 0 ? [] : out.toString('latin1', at, eol).split(' ');
      if (!whole || name !== oid) {
        whole = false;
        break;
      }
      if (size === undefined) {
        at = eol + 1;
        continue;
      }
      const end = eol + 1 + Number(size);
      if (!/^\d+$/.test(size) || out[end] !== 0x0a) {
        whole = false;
        break;
      }
      if (type === 'blob') texts.set(oid, out.toString('utf8', eol + 1, end));
      at = end + 1;
    }
    if (whole) return texts;
    texts.clear();
    for (const oid of list) {
      const one = await this.exec(['cat-file', 'blob', oid], { allowFailure: true });
      if (one.code === 0) texts.set(oid, one.stdout);
    }
    return texts;
  }

  /**
   * Writes commit objects given whole (`tree ...`, `parent ...`, author, committer, a blank
   * line, the message) in one process, and returns their ids in order. Written as given, so
   * the same text makes the same object whoever runs it, and no config (signing) changes it.
   */
  async writeCommitObjects(texts: string[]): Promise<string[]> {
    if (!texts.length) return [];
    const dir = mkdtempSync(join(tmpdir(), 'tributary-commits-'));
    try {
      const paths = texts.map((text, i) => {
        const path = join(dir, String(i));
        writeFileSync(path, text);
        return path;
      });
      const ids = await this.run(['hash-object', '-w', '-t', 'commit', '--stdin-paths'], {
        input: paths.join('\n') + '\n',
      });
      return ids.split('\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  /** Writes a blob and returns its id. */
  async writeBlob(content: string): Promise<string> {
    return this.run(['hash-object', '-w', '--stdin'], { input: content });
  }

  /**
   * The entry at a path of a commit's tree, or undefined when there is none. `ls-tree` answers
   * "absent" with an empty list and fails only when git cannot read the trees, so a network
   * failure (in a partial clone) is never mistaken for a missing file.
   */
  async treeEntry(commit: string, path: string): Promise<TreeEntry | undefined> {
    const out = await this.run(['ls-tree', '-z', commit, '--', path]);
    return treeEntries(out).find((e) => e.path === path);
  }

  /**
   * The tree of `commit` with some entries replaced (a file's new blob, a submodule's new
   * commit), built in a temporary index: nothing is checked out, the repository's own index
   * is not touched.
   */
  async treeWith(
    commit: string,
    entries: { mode: string; object: string; path: string }[],
  ): Promise<string> {
    const index = join(this.cwd, `tributary-${process.pid}-${randomUUID()}.index`);
    const env = { GIT_INDEX_FILE: index };
    try {
      await this.run(['read-tree', commit], { env });
      for (const e of entries)
        await this.run(['update-index', '--cacheinfo', `${e.mode},${e.object},${e.path}`], {
          env,
        });
      return await this.run(['write-tree'], { env });
    } finally {
      rmSync(index, { force: true });
    }
  }

  /** `git config --blob`: the `key value` pairs of a config file kept as a blob, by key regexp. */
  async blobConfig(blob: string, keyPattern: string): Promise<[string, string][]> {
    const r = await this.exec(['config', '--blob', blob, '--get-regexp', keyPattern], {
      allowFailure: true,
    });
    return r.stdout
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const sp = line.indexOf(' ');
        return [line.slice(0, sp), line.slice(sp + 1)];
      });
  }

  /**
   * Whether everything reachable from these commits can be read (`rev-list --objects`): false
   * when an object is missing or damaged.
   */
  async objectsComplete(tips: string[]): Promise<boolean> {
    if (!tips.length) return true;
    return this.try(['rev-list', '--objects', '--quiet', ...tips]);
  }

  /**
   * In a partial clone whose notes ref was fetched without trees (`tree:0`), brings the trees
   * on the paths of these commits' notes and only those, one request a fanout level: reading
   * a few notes then costs the same however many the ref holds (git's own lazy fetch of the
   * notes tree would bring all of it). Blobs stay behind; `fetchObjects` brings those.
   */
  async fetchNoteTrees(remote: string, notesRef: string, commits: string[]): Promise<void> {
    const tip = await this.revParse(notesRef);
    if (!tip || !commits.length) return;
    // %T reads the commit only: the tree itself is not fetched by asking its id.
    const root = (await this.run(['log', '-1', '--format=%T', tip])).trim();
    let trees = [root];
    // One request and one listing a fanout level (two levels hold 16 million notes).
    for (let level = 1; trees.length && level <= 3; level++) {
      await this.fetchObjects(remote, trees, { filter: 'tree:0', retries: 3 });
      const paths = [
        ...new Set(commits.map((c) => notePaths(c)[level]).filter((p): p is string => !!p)),
      ].map((p) => p.slice(0, p.lastIndexOf('/')));
      if (!paths.length) return;
      const out = await this.run(['ls-tree', '-d', '-z', root, '--', ...new Set(paths)]);
      trees = treeEntries(out)
        .filter((e) => e.type === 'tree')
        .map((e) => e.oid);
    }
  }

  /**
   * The note blob of each commit, from one `git ls-tree` of the notes tree per 500 commits, so
   * a bounded ancestor walk is one process, not one per commit. It reads trees
   * only: in a partial clone (notes fetched without their blobs) nothing is downloaded here.
   */
  async noteBlobs(notesRef: string, commits: string[]): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    if (!commits.length || !(await this.revParse(notesRef))) return found;
    // The paths are arguments: 500 commits a call keep the command line well under its limit.
    for (let i = 0; i < commits.length; i += 500) {
      const out = await this.run([
        'ls-tree',
        '-r',
        '-z',
        '--full-tree',
        notesRef,
        '--',
        ...commits.slice(i, i + 500).flatMap(notePaths),
      ]);
      for (const e of treeEntries(out))
        if (e.type === 'blob') found.set(e.path.replace(/\//g, ''), e.oid);
    }
    return found;
  }

  /** The note a notes ref holds for a commit, or undefined. */
  async readNote(notesRef: string, commit: string): Promise<string | undefined> {
    const blob = (await this.noteBlobs(notesRef, [commit])).get(commit);
    return blob ? this.readBlob(blob) : undefined;
  }

  /**
   * Writes (replaces) a commit's note, content verbatim, as one more commit of the notes ref,
   * and returns that commit. Unlike `git notes add`, which rewrites every note of the tree,
   * this touches only the trees on the note's path, so recording costs the same with ten notes
   * or ten thousand. The ref moves only from the value read here: a concurrent writer is never
   * overwritten (the update fails instead).
   */
  async writeNote(
    notesRef: string,
    commit: string,
    text: string,
    message: string,
  ): Promise<string> {
    const blob = await this.writeBlob(text);
    const parent = await this.revParse(notesRef);
    const tree = await this.putNote(parent ? `${parent}^{tree}` : undefined, commit, blob);
    const next = await this.run([
      'commit-tree',
      tree,
      ...(parent ? ['-p', parent] : []),
      '-m',
      message,
    ]);
    await this.run(['update-ref', notesRef, next, parent ?? '']);
    return next;
  }

  /**
   * The tree `tree` with the note `name` (the commit id, less the fanout directories above)
   * set to `blob`, keeping the fanout the tree already has: only the trees on the note's path
   * are read and written, never the whole notes tree. A flat level that would hold more than
   * NOTES_FANOUT notes is split once into two-digit directories, as `git notes` does, so
   * that each write (and each read of a note, and each push) stays small however many notes
   * the ref holds.
   */
  private async putNote(tree: string | undefined, name: string, blob: string): Promise<string> {
    const entries = tree ? treeEntries(await this.run(['ls-tree', '-z', tree])) : [];
    const fanned = entries.some((e) => e.type === 'tree' && /^[0-9a-f]{2}$/.test(e.path));
    const own = entries.findIndex((e) => e.type === 'blob' && e.path === name);
    if (own >= 0) entries[own] = { ...entries[own], oid: blob };
    else if (fanned && name.length > 2) {
      const dir = name.slice(0, 2);
      const i = entries.findIndex((e) => e.type === 'tree' && e.path === dir);
      const sub = await this.putNote(i >= 0 ? entries[i].oid : undefined, name.slice(2), blob);
      const entry = { mode: '040000', type: 'tree', oid: sub, path: dir };
      if (i >= 0) entries[i] = entry;
      else entries.push(entry);
    } else {
      entries.push({ mode: '100644', type: 'blob', oid: blob, path: name });
      const notes = entries.filter((e) => e.type === 'blob' && /^[0-9a-f]{3,}$/.test(e.path));
      if (notes.length > NOTES_FANOUT) return this.fanOut(entries);
    }
    // --missing: in a partial clone the other notes' blobs are not here, and need not be.
    return this.run(['mktree', '-z', '--missing'], {
      input: entries.map((e) => `${e.mode} ${e.type} ${e.oid}\t${e.path}\0`).join(''),
    });
  }

  /** A flat level of notes split into two-digit directories: one `mktree --batch` for all. */
  private async fanOut(entries: TreeEntry[]): Promise<string> {
    const isNote = (e: TreeEntry) => e.type === 'blob' && /^[0-9a-f]{3,}$/.test(e.path);
    const dirs = new Map<string, TreeEntry[]>();
    for (const e of entries.filter(isNote)) {
      const d = e.path.slice(0, 2);
      dirs.set(d, [...(dirs.get(d) ?? []), { ...e, path: e.path.slice(2) }]);
    }
    const names = [...dirs.keys()];
    // Note names are hex: one entry a line is safe, and --batch takes a blank line between trees.
    const out = await this.run(['mktree', '--missing', '--batch'], {
      input: names
        .map((d) =>
          dirs
            .get(d)!
            .map((e) => `${e.mode} ${e.type} ${e.oid}\t${e.path}\n`)
            .join(''),
        )
        .join('\n'),
    });
    const ids = out.split('\n').filter(Boolean);
    const top = [
      ...entries.filter((e) => !isNote(e)),
      ...names.map((d, i) => ({ mode: '040000', type: 'tree', oid: ids[i], path: d })),
    ];
    return this.run(['mktree', '-z', '--missing'], {
      input: top.map((e) => `${e.mode} ${e.type} ${e.oid}\t${e.path}\0`).join(''),
    });
  }

  // ---- history ---------------------------------------------------------------------------

  /** Up to `max` commits from `head` along first parents, `head` first. */
  async firstParents(head: string, max: number): Promise<string[]> {
    const out = await this.run(['rev-list', '--first-parent', `--max-count=${max}`, head]);
    return out.split('\n').filter(Boolean);
  }

  /**
   * The first-parent line from `head`, newest first, streamed: a caller that has seen enough
   * stops reading, and git is stopped with it, however long the history.
   */
  async *walkFirstParents(head: string): AsyncGenerator<string> {
    for await (const line of this.lines(['rev-list', '--first-parent', head, '--']))
      if (line) yield line;
  }

  /** `walkFirstParents` with each commit's subject (a notes ref's log, say). */
  async *walkFirstParentSubjects(
    head: string,
  ): AsyncGenerator<{ commit: string; subject: string }> {
    for await (const line of this.lines(['log', '--first-parent', '--format=%H %s', head, '--'])) {
      if (!line) continue;
      const sp = line.indexOf(' ');
      yield sp < 0
        ? { commit: line, subject: '' }
        : { commit: line.slice(0, sp), subject: line.slice(sp + 1) };
    }
  }

  /**
   * The commits reachable from `tip` and not from `exclude` (`rev-list --topo-order`: children
   * before parents), each with its parents, first parent first.
   */
  async rangeWithParents(
    tip: string,
    exclude: string,
  ): Promise<{ commit: string; parents: string[] }[]> {
    const out = await this.run(['rev-list', '--topo-order', '--parents', tip, `^${exclude}`]);
    return out
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const [commit, ...parents] = line.split(' ');
        return { commit, parents };
      });
  }

  /** Parents, author and subject of commits, in the order asked, from one git process. */
  async commitSummaries(commits: string[]): Promise<CommitSummary[]> {
    if (!commits.length) return [];
    // On stdin: a divergence can ask for thousands at once.
    const out = await this.run(
      ['log', '--no-walk=unsorted', '--stdin', '--format=%H%x00%P%x00%an%x00%ae%x00%aI%x00%s%x00'],
      { input: commits.join('\n') + '\n' },
    );
    return out
      .split('\0\n')
      .map((l) => l.replace(/\0$/, '').split('\0'))
      .filter((f) => f.length >= 6)
      .map(([sha, parents, name, email, date, subject]) => ({
        sha,
        parents: parents ? parents.split(' ') : [],
        author: { name, email, date },
        subject,
      }));
  }

  /**
   * The paths each commit adds or modifies (deletions left out), against each parent of a
   * merge and against nothing for a root commit: commit → paths, one `git diff-tree` for all.
   */
  async pathsWritten(commits: string[]): Promise<Map<string, string[]>> {
    const written = new Map<string, string[]>();
    if (!commits.length) return written;
    const out = await this.run(
      ['diff-tree', '--stdin', '-r', '-m', '--root', '--no-renames', '--no-abbrev', '-z'],
      { input: commits.join('\n') + '\n' },
    );
    // -z: `<commit>\0` heads each commit; `:<modes> <oids> <status>\0<path>\0` each change.
    const fields = out.split('\0');
    let current: string[] = [];
    for (let i = 0; i < fields.length; i++) {
      const f = fields[i].replace(/^\n/, '');
      if (/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(f)) {
        current = written.get(f) ?? [];
        written.set(f, current);
      } else if (f.startsWith(':')) {
        const path = fields[++i];
        if (/ [AM]$/.test(f) && !current.includes(path)) current.push(path);
      }
    }
    return written;
  }

  /**
   * Writes the commits of `base..head` as a mail series (`git format-patch`) into `dir`, with a
   * cover letter first, so `git am` on `base` (or `git send-email` of the folder) takes exactly
   * these commits; merges are left out, as format-patch does.
   * Returns the files written, the cover letter first.
   */
  async formatPatch(
    base: string,
    head: string,
    dir: string,
    options: { subjectPrefix?: string } = {},
  ): Promise<string[]> {
    const out = await this.run([
      'format-patch',
      '--numbered',
      '--cover-letter',
      `--subject-prefix=${options.subjectPrefix ?? 'PATCH'}`,
      `--output-directory=${dir}`,
      `${base}..${head}`,
      '--',
    ]);
    return out.split('\n').filter(Boolean);
  }

  /** How many commits a range (`a..b`) holds. */
  async countCommits(range: string): Promise<number> {
    return Number(await this.run(['rev-list', '--count', range]));
  }

  /**
   * The commits of `downstream` whose change `upstream` does not carry, by patch
   * (`--cherry-pick`, what `git rebase` skips), merges left out, oldest first.
   */
  async commitsNotIn(upstream: string, downstream: string): Promise<string[]> {
    const out = await this.run([
      'rev-list',
      '--reverse',
      '--topo-order',
      '--no-merges',
      '--cherry-pick',
      '--right-only',
      `${upstream}...${downstream}`,
    ]);
    return out.split('\n').filter(Boolean);
  }

  /** Whole messages of the given commits (commit → message, trailing blank lines cut), in one process. */
  async messages(commits: string[]): Promise<Map<string, string>> {
    if (!commits.length) return new Map();
    return this.messagesOf(['--no-walk=unsorted', '--stdin'], commits.join('\n') + '\n');
  }

  /** Whole messages of the commits of a range (`git log` revision arguments), as messages(). */
  async messagesInRange(revs: string[]): Promise<Map<string, string>> {
    return this.messagesOf([...revs, '--']);
  }

  private async messagesOf(args: string[], input?: string): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    const text = await this.run(['log', '--format=%x1e%H%n%B', ...args], { input });
    for (const chunk of text.split('\x1e')) {
      const nl = chunk.indexOf('\n');
      if (nl > 0) out.set(chunk.slice(0, nl), chunk.slice(nl + 1).trimEnd());
    }
    return out;
  }

  /** The tree of a revision. */
  async treeOf(rev: string): Promise<string> {
    return this.run(['rev-parse', '--verify', `${rev}^{tree}`]);
  }

  /**
   * Commits of a range (`git log` revision arguments) read in bulk: one git process for the
   * whole range, records split on control characters, so 20,000 commits cost one spawn.
   * Oldest first unless `newestFirst`; merges left out unless `merges`.
   */
  async readCommits(
    revs: string[],
    options: { files?: boolean; newestFirst?: boolean; merges?: boolean } = {},
  ): Promise<CommitRecord[]> {
    const out = await this.run([
      'log',
      ...(options.merges ? [] : ['--no-merges']),
      '--topo-order',
      ...(options.newestFirst ? [] : ['--reverse']),
      `--format=${RS}%H${US}%an${US}%ae${US}%ad${US}%B${END}`,
      '--date=raw',
      ...(options.files ? ['--name-only', '--no-renames'] : []),
      ...revs,
      '--',
    ]);
    const records: CommitRecord[] = [];
    for (const chunk of out.split(RS)) {
      if (!chunk) continue;
      const end = chunk.indexOf(END);
      const [sha, name, email, date, message] = chunk.slice(0, end).split(US);
      const record: CommitRecord = {
        sha,
        subject: message.split('\n', 1)[0],
        author: { name, email, date },
        message,
      };
      if (options.files)
        record.files = chunk
          .slice(end + 1)
          .split('\n')
          .filter(Boolean);
      records.push(record);
    }
    return records;
  }

  /** Many revisions resolved in one process: name → commit id (absent when unknown or ambiguous). */
  async resolveCommits(names: string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    (await this.batchCheck(names.map((n) => `${n}^{commit}`))).forEach((line, i) => {
      const [oid, type] = line.split(' ');
      if (type === 'commit') out.set(names[i], oid);
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
   * git's answer to each name as `cat-file --batch-check` gives it (`<id> <type>`, or `<name>
   * missing`, `<name> ambiguous`), in the order asked, one process for all: what a cached
   * answer rests on, compared as git wrote it.
   */
  async batchCheck(names: string[]): Promise<string[]> {
    if (!names.length) return [];
    const out = await this.run(['cat-file', '--batch-check=%(objectname) %(objecttype)'], {
      input: names.join('\n') + '\n',
    });
    return out.split('\n').slice(0, names.length);
  }

  /** Whether the repository is shallow: its history may still change under the same commits. */
  async isShallow(): Promise<boolean> {
    return (await this.run(['rev-parse', '--is-shallow-repository'])).trim() !== 'false';
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
  options: Omit<GitOptions, 'cwd'> & { bare?: boolean; config?: Record<string, string> } = {},
): Promise<Git> {
  const { bare = true, config = {}, ...rest } = options;
  const git = new Git({ ...rest, cwd: process.cwd() });
  await git.run(['init', '--quiet', ...(bare ? ['--bare'] : []), '--', dir]);
  const repository = git.at(dir);
  for (const [key, value] of Object.entries(config)) await repository.setConfig(key, value);
  return repository;
}
