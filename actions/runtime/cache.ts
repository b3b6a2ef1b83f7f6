/**
 * The runner's cache service as the library's FolderCache: a kept repository (the mirror's
 * store) saved and restored with @actions/cache on hosted runners. It lives in the runtime,
 * not in actions/lib, because @actions/cache talks to the runner (it imports @actions/core).
 * A restore that fails leaves no half-extracted folder behind: the library then starts from an
 * empty store and fetches everything.
 */
import { rmSync } from 'node:fs';
import { errorMessage } from '../lib/errors.js';
import type { CachedFolder, FolderCache } from '../lib/folder-cache.js';
import type { Logger } from '../lib/log.js';

// Loaded on first use: @actions/cache (with the Azure SDK) is most of this action's bundle, and
// a run where nothing changed upstream never needs it, so it should not pay for loading it.
type CacheModule = typeof import('@actions/cache');
let module: Promise<CacheModule> | undefined;
const load = (): Promise<CacheModule> => (module ??= import('@actions/cache'));

export function actionsFolderCache(logger: Logger): FolderCache {
  // Stores restored under the exact key of this run's upstream state need no new entry.
  const exact = new Set<string>();
  return {
    async restore(tree: CachedFolder): Promise<boolean> {
      const cache = await load();
      if (!cache.isFeatureAvailable()) {
        logger.info('The Actions cache service is not available to this run; fetching in full.');
        return false;
      }
      rmSync(tree.dir, { recursive: true, force: true });
      const primary = `${tree.key}-${tree.state}`;
      try {
        const hit = await cache.restoreCache([tree.dir], primary, [`${tree.key}-`]);
        if (!hit) {
          rmSync(tree.dir, { recursive: true, force: true });
          return false;
        }
        if (hit === primary) exact.add(tree.dir);
        logger.info(`Restored the cached repository from cache entry ${hit}.`);
        return true;
      } catch (e) {
        rmSync(tree.dir, { recursive: true, force: true });
        logger.warning(`Restoring the cached repository failed: ${errorMessage(e)}`);
        return false;
      }
    },
    async save(tree: CachedFolder): Promise<void> {
      const cache = await load();
      if (exact.has(tree.dir) || !cache.isFeatureAvailable()) return;
      const key = `${tree.key}-${tree.state}`;
      await cache.saveCache([tree.dir], key);
      logger.info(`Saved the cached repository as cache entry ${key}.`);
    },
  };
}
