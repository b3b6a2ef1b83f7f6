/**
 * A folder kept between runs, such as a part's store of a tree's objects. The library says
 * what to keep; a front end provides where: the runtime through the runner's cache service
 * (actions/runtime/cache.ts), a self-hosted runner or the command line through a folder that
 * simply stays (then no FolderCache at all).
 */

/** One kept folder, and the names of its cache entries. */
export interface CachedFolder {
  /** The folder. */
  dir: string;
  /** One key per kept thing (say, per source URL): `tributary-mirror-v1-<hash>`. */
  key: string;
  /** A digest of what the folder holds now; with the key it names one entry. */
  state: string;
}

export interface FolderCache {
  /** Fills `dir` from the entry of `key` and `state`, else the latest of `key`; true when restored. */
  restore(folder: CachedFolder): Promise<boolean>;
  /** Keeps `dir` for the next run. */
  save(folder: CachedFolder): Promise<void>;
}
