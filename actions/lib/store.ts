/**
 * A tree's objects kept between runs, shared by the runs that use them at once (the backport
 * check of every pull request, the track modes): a bare repository in a kept folder, the
 * store. A run works in a repository of its own that borrows the store's objects
 * (`objects/info/alternates`), so it fetches only what the store lacks, and nothing a run does
 * there (its refs, its picks) reaches another run. Fetching into the store takes the folder's
 * lock (a file naming its owner, taken over when the owner is gone), so two runs never write
 * it at once; reading needs none, since git only adds packs to it. On hosted runners the
 * folder goes through the runner's cache service (a FolderCache from the front end).
 *
 * The store is only ever an optimisation: one that is not a repository any more is replaced
 * by a new one, and the run fetches in full.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { errorMessage } from './errors.js';
import type { FolderCache } from './folder-cache.js';
import { CacheLock, describeHolder } from './folder-lock.js';
import { initRepository, type Git } from './git.js';
import type { Logger } from './log.js';

/** Where a fetched ref is kept in the store: per source URL, so trees never mix their refs. */
export function storedRef(url: string, ref: string): string {
  const key = createHash('sha256').update(url).digest('hex').slice(0, 16);
  return `refs/stored/${key}/${ref.replace(/^refs\//, '')}`;
}

export interface StoreOptions {
  /** The store's folder (a bare repository), kept between runs. */
  dir: string;
  /** The funnel the store is reached through: its remotes' credentials and its logger. */
  git: Git;
  logger: Logger;
  /**
   * The runner's cache service, the entry's key (`tributary-backport-v1-<hash>`), and the
   * folder it keeps: the store's own, or one holding it with more (the commit facts).
   */
  cache?: { service: FolderCache; key: string; folder?: string };
  /** A partial-clone filter (`blob:none`) for a part that reads few blobs; whole objects else. */
  filter?: string;
  /** Who holds the lock, as a waiting run is told (`tributary check`). */
  command?: string;
}

export class ObjectStore {
  private changed = false;

  private constructor(
    readonly git: Git,
    private readonly options: StoreOptions,
  ) {}

  get dir(): string {
    return this.options.dir;
  }

  /** Opens the store, restoring it from the cache service or making a new one if there is none. */
  static async open(options: StoreOptions): Promise<ObjectStore> {
    const store = new ObjectStore(options.git.at(options.dir), options);
    await store.locked('opening the store', () => store.prepare());
    return store;
  }

  private async prepare(): Promise<void> {
    const { dir, cache, logger } = this.options;
    if (!existsSync(dir) && cache) {
      try {
        const folder = cache.folder ?? dir;
        const restored = await cache.service.restore({ dir: folder, key: cache.key, state: '-' });
        logger.info(restored ? 'Object store restored from the cache.' : 'No object store cached.');
      } catch (e) {
        logger.warning(`Restoring the object store failed (${errorMessage(e)}); fetching in full.`);
      }
    }
    if (existsSync(dir) && !(await this.git.isBareRepository())) {
      logger.warning(`The object store ${dir} is not a repository any more; making a new one.`);
      rmSync(dir, { recursive: true, force: true });
    }
    if (!existsSync(dir))
      // Our own housekeeping only (git's gc would repack while other runs read the store); a
      // commit-graph after each fetch, which the walks of a long history read through the
      // alternates instead of parsing every commit.
      await initRepository(dir, {
        config: {
          'gc.auto': '0',
          'core.logAllRefUpdates': 'false',
          'fetch.unpackLimit': '1',
          'fetch.writeCommitGraph': 'true',
        },
      });
  }

  /**
   * Runs `fn` holding the store's lock: a file beside the store, or beside the folder the
   * cache service keeps (never in it: a restore replaces that folder whole).
   */
  private async locked<T>(doing: string, fn: () => Promise<T>): Promise<T> {
    const { dir, logger, command, cache } = this.options;
    const kept = cache?.folder ?? dir;
    mkdirSync(dirname(kept), { recursive: true });
    const lock = await CacheLock.acquire(
      dirname(kept),
      { holder: describeHolder(process.env, command), doing: `${doing} ${dir}` },
      logger,
      undefined,
      `.${basename(kept)}.lock`,
    );
    try {
      return await fn();
    } finally {
      lock.release();
    }
  }

  /**
   * Fetches refs of `url` into the store, what it lacks only (its refs are what it has), and
   * returns what each ref points at now. A ref the remote does not have fails the fetch.
   */
  async fetch(
    url: string,
    refs: string[],
    opts: { retries?: number; progress?: string } = {},
  ): Promise<Map<string, string>> {
    const wanted = [...new Set(refs)];
    if (!wanted.length) return new Map();
    const local = wanted.map((ref) => storedRef(url, ref));
    return this.locked('fetching into', async () => {
      const before = await this.git.refs(local);
      await this.git.fetch(
        url,
        wanted.map((ref, i) => `+${ref}:${local[i]}`),
        { filter: this.options.filter || undefined, ...opts },
      );
      const stored = await this.git.refs(local);
      // Only a store that changed is worth keeping again.
      if (local.some((ref) => before.get(ref) !== stored.get(ref))) this.changed = true;
      return new Map(wanted.map((ref, i) => [ref, stored.get(local[i])!]));
    });
  }

  /**
   * Makes `work` (a run's own repository) borrow the store's objects. With a filter, `work`
   * is a partial clone of each given URL too: a blob the store left out is fetched when read.
   */
  async lend(work: Git, urls: string[] = []): Promise<void> {
    mkdirSync(join(work.cwd, 'objects', 'info'), { recursive: true });
    writeFileSync(
      join(work.cwd, 'objects', 'info', 'alternates'),
      join(this.dir, 'objects') + '\n',
    );
    if (!this.options.filter) return;
    for (const url of urls) {
      await work.setConfig(`remote.${url}.promisor`, 'true');
      await work.setConfig(`remote.${url}.partialclonefilter`, this.options.filter);
    }
  }

  /** Keeps the store for the next run through the cache service, if this run added to it. */
  async keep(): Promise<void> {
    const { cache, logger, dir } = this.options;
    if (!cache || !this.changed) return;
    const refs = await this.git.refs(['refs/stored/']);
    const state = createHash('sha256');
    for (const [ref, oid] of [...refs].sort(([a], [b]) => (a < b ? -1 : 1)))
      state.update(`${oid} ${ref}\n`);
    try {
      await cache.service.save({
        dir: cache.folder ?? dir,
        key: cache.key,
        state: state.digest('hex').slice(0, 20),
      });
    } catch (e) {
      logger.warning(`Could not save the object store: ${errorMessage(e)}`);
    }
  }
}

/** The cache entry key of a part's store of some repositories: `tributary-<part>-v1-<hash>`. */
export function storeKey(part: string, urls: string[]): string {
  const hash = createHash('sha256')
    .update([...urls].sort().join('\n'))
    .digest('hex')
    .slice(0, 16);
  return `tributary-${part}-v1-${hash}`;
}
