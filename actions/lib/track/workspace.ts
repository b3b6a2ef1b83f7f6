/**
 * The work repository of a track run: a bare repository of the run's own (no work tree:
 * merges and picks are made in-core) that borrows the objects of the trees' store, kept in the
 * work directory between runs (store.ts): fetched into with a partial-clone filter, so a large
 * tree costs its commits and trees, and later only the blobs a merge or a patch-id reads, and
 * only what is new since the last run. Runs sharing the work directory at once each have
 * their own repository, and take turns only to fetch into the store.
 */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigurationError, errorMessage, settingError } from '../errors.js';
import type { FolderCache } from '../folder-cache.js';
import { Git, GitError, initRepository, type Identity, type Remote } from '../git.js';
import type { Logger } from '../log.js';
import { ObjectStore, storeKey } from '../store.js';

/** What git says when a repository is missing or the credential cannot read it. */
const UNREADABLE =
  /not found|does not appear to be a git repository|could not read Username|Authentication failed|returned error: 40[134]|HTTP 40[134]|No such file or directory/i;

export class WorkRepository {
  private constructor(
    readonly git: Git,
    private readonly filter: string,
    private readonly store: ObjectStore,
  ) {}

  static async open(options: {
    dir: string;
    name: string;
    remotes: Remote[];
    identity: Identity;
    logger: Logger;
    filter: string;
    /** The runner's cache service, when the work directory is not kept by itself. */
    cache?: FolderCache;
  }): Promise<WorkRepository> {
    const name = options.name.replace(/[^A-Za-z0-9._-]/g, '_');
    // The store first: restored from the cache service, it replaces the work directory whole.
    const store = await ObjectStore.open({
      dir: join(options.dir, `${name}.git`),
      git: new Git({ cwd: options.dir, remotes: options.remotes, logger: options.logger }),
      logger: options.logger,
      filter: options.filter,
      cache: options.cache && {
        service: options.cache,
        key: storeKey('track', [name, ...options.remotes.map((r) => r.url)]),
        folder: options.dir, // the commit facts too
      },
      command: 'tributary track',
    });
    // The run's own repository, gone with the run; the store stays.
    const cwd = join(
      options.dir,
      'runs',
      `${name}-${process.pid}-${randomBytes(4).toString('hex')}.git`,
    );
    const git = await initRepository(cwd, {
      remotes: options.remotes,
      identity: options.identity,
      logger: options.logger,
      // Git's own housekeeping must not run in the middle of our work.
      config: { 'gc.auto': '0' },
    });
    await store.lend(
      git,
      options.remotes.map((r) => r.url),
    );
    return new WorkRepository(git, options.filter, store);
  }

  /** Ends the run: its repository goes, the store is kept for the next run. */
  async close(): Promise<void> {
    rmSync(this.git.cwd, { recursive: true, force: true });
    await this.store.keep();
  }

  /**
   * What a remote advertises (ref → commit). A remote that cannot be read is an error naming
   * the input the URL came from (`tree-url`, `upstream-url`): a repository that is not there
   * or that the token cannot read is bad input; anything else (the network) is not.
   */
  async advertised(url: string, input: string): Promise<Map<string, string>> {
    try {
      return await this.git.lsRemote(url, []);
    } catch (e) {
      const stderr = e instanceof GitError ? e.stderr : errorMessage(e);
      const why =
        stderr
          .trim()
          .split('\n')
          .pop()
          ?.replace(/^fatal: /, '') ?? '';
      const message = `Input '${input}': cannot read ${url}: ${why}`;
      if (UNREADABLE.test(stderr))
        throw settingError(
          input,
          `cannot read ${url}: ${why}. Check the URL, and that the token for it can read the repository.`,
        );
      throw new Error(message, { cause: e });
    }
  }

  /**
   * Fetches remote refs into local ones (`remote → local`): into the store (what it lacks
   * only, with the partial-clone filter), the local refs then pointing at what it has; a
   * shallow fetch or one of whole objects straight into the run's repository. A remote ref
   * that does not exist is a ConfigurationError naming the input it came from.
   */
  async fetch(
    url: string,
    refs: { remote: string; local: string; input?: string; optional?: boolean }[],
    options: { depth?: number; filter?: boolean; urlInput?: string } = {},
  ): Promise<Map<string, string | undefined>> {
    const advertised = await this.advertised(url, options.urlInput ?? 'git-url');
    const found = new Map<string, string | undefined>();
    const specs: string[] = [];
    const fetched: typeof refs = [];
    for (const r of refs) {
      const sha = advertised.get(r.remote);
      found.set(r.remote, sha);
      if (!sha) {
        if (r.optional) {
          // Drop a stale local copy: what is not there any more must not be read.
          await this.git.deleteRef(r.local);
          continue;
        }
        const missing = `${r.remote} does not exist in ${url}.`;
        throw r.input ? settingError(r.input, missing) : new ConfigurationError(r.remote, missing);
      }
      specs.push(`+${r.remote}:${r.local}`);
      fetched.push(r);
    }
    const progress = `Fetching from ${url}`;
    if (options.depth || options.filter === false) {
      await this.git.fetch(url, specs, {
        filter: options.filter !== false && this.filter ? this.filter : undefined,
        depth: options.depth,
        retries: 3,
        progress,
      });
      return found;
    }
    const stored = await this.store.fetch(
      url,
      fetched.map((r) => r.remote),
      { retries: 3, progress },
    );
    await this.git.updateRefs(fetched.map((r) => ({ ref: r.local, sha: stored.get(r.remote)! })));
    return found;
  }

  /** A remote branch's head, or undefined. */
  async remoteHead(url: string, branch: string): Promise<string | undefined> {
    return (await this.git.lsRemote(url, [`refs/heads/${branch}`])).get(`refs/heads/${branch}`);
  }
}
