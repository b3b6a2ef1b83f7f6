/**
 * The bare repository a mirror keeps between runs: upstream objects under a private namespace
 * (refs/tributary/source/...), so a run fetches only what changed. It is only ever an
 * optimisation: a store found damaged, at whatever step, is reported as StoreDamaged, and the
 * story's one recovery path replaces it by a new one and a full fetch.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { errorMessage } from '../errors.js';
import type { CachedFolder } from '../folder-cache.js';
import { Git, initRepository, type RefChange } from '../git.js';
import { movedBranches, type RefUpdate } from './ref-updates.js';
import { sourceKey } from './settings.js';

/** The store is damaged in a way only a new store and a full fetch mend. */
export class StoreDamaged extends Error {
  constructor(why: string) {
    super(`The cached repository is damaged (${why})`);
    this.name = 'StoreDamaged';
  }
}

/** Where upstream refs are kept in the store; hosted refs fetched for backups go beside it. */
export const SOURCE_NAMESPACE = 'refs/tributary/source/';
export const HOSTED_NAMESPACE = 'refs/tributary/hosted/';

/**
 * One tree's store as a kept folder: one key per source URL, and the digest of the upstream
 * refs this run mirrors as its state.
 */
export type TreeCache = CachedFolder;

export function treeCache(
  cacheRoot: string,
  sourceUrl: string,
  upstream: Map<string, string>,
): TreeCache {
  const hash = sourceKey(sourceUrl);
  const digest = createHash('sha256');
  for (const [ref, oid] of [...upstream].sort(([a], [b]) => (a < b ? -1 : 1)))
    digest.update(`${oid} ${ref}\n`);
  return {
    dir: join(cacheRoot, `${hash}.git`),
    key: `tributary-mirror-v1-${hash}`,
    state: digest.digest('hex').slice(0, 20),
  };
}

export const storeRef = (upstreamRef: string): string =>
  SOURCE_NAMESPACE + upstreamRef.slice('refs/'.length);

/**
 * Which objects the store has, asking git only about those not seen yet: a run asks the same
 * question at several steps, and each git process costs more than the answer. Only presence is
 * remembered (an object missing now may be fetched a moment later).
 */
export class StoreObjects {
  private readonly known = new Set<string>();
  constructor(
    private readonly store: Git,
    known: Iterable<string> = [],
  ) {
    for (const oid of known) this.known.add(oid);
  }

  async present(oids: Iterable<string>): Promise<Set<string>> {
    const asked = [...new Set(oids)];
    const unknown = asked.filter((oid) => !this.known.has(oid));
    for (const [oid, type] of await this.store.objectTypes(unknown)) if (type) this.known.add(oid);
    return new Set(asked.filter((oid) => this.known.has(oid)));
  }
}

export interface OpenedStore {
  store: Git;
  objects: StoreObjects;
  reused: boolean;
}

/**
 * Opens the store kept in `dir`, or a new one when there is none (`fresh`: always a new one).
 * A store that is not a repository, or has a ref whose object cannot be read (a truncated pack
 * shows up here), is StoreDamaged.
 */
export async function openStore(dir: string, git: Git, fresh = false): Promise<OpenedStore> {
  if (fresh || !existsSync(dir)) {
    const store = await freshStore(dir, git);
    return { store, objects: new StoreObjects(store), reused: false };
  }
  const store = git.at(dir);
  const checked = await checkStore(store);
  if (checked.problem) throw new StoreDamaged(checked.problem);
  return { store, objects: new StoreObjects(store, checked.readable), reused: true };
}

async function freshStore(dir: string, git: Git): Promise<Git> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  // A store is ours alone: no reflogs keeping garbage; fetched packs kept as packs (a few
  // files cache faster than thousands of loose objects; git gc --auto merges them in time).
  await initRepository(dir, {
    config: {
      'fetch.unpackLimit': '1',
      'core.logAllRefUpdates': 'false',
      'fetch.writeCommitGraph': 'false',
    },
  });
  return git.at(dir);
}

async function checkStore(store: Git): Promise<{ problem?: string; readable: string[] }> {
  if (!(await store.isBareRepository())) return { problem: 'not a bare repository', readable: [] };
  let oids: string[];
  try {
    oids = [...(await store.refs(['refs/'])).values()];
  } catch (e) {
    return { problem: errorMessage(e).split('\n').pop(), readable: [] };
  }
  const types = await store.objectTypes(oids);
  const missing = [...types].filter(([, t]) => !t).map(([oid]) => oid);
  if (missing.length)
    return {
      problem: `${missing.length} ref(s) point at unreadable objects, e.g. ${missing[0]}`,
      readable: [],
    };
  return { readable: [...types.keys()] };
}

/**
 * Makes the store's source namespace equal the upstream refs just seen, as far as the store has
 * their objects (refs gone upstream are removed; objects stay until git gc).
 */
export async function recordUpstream(
  store: Git,
  objects: StoreObjects,
  upstream: Map<string, string>,
): Promise<void> {
  const current = await store.refs([SOURCE_NAMESPACE]);
  const changes: RefChange[] = [];
  const present = await objects.present(upstream.values());
  const wanted = new Map(
    [...upstream].filter(([, oid]) => present.has(oid)).map(([ref, oid]) => [storeRef(ref), oid]),
  );
  for (const [ref, oid] of wanted) if (current.get(ref) !== oid) changes.push({ ref, sha: oid });
  for (const ref of current.keys())
    if (!upstream.has(`refs/${ref.slice(SOURCE_NAMESPACE.length)}`))
      changes.push({ ref, sha: null });
  await store.updateRefs(changes);
}

/**
 * The fact the decision needs from objects: which moved branches are fast-forwards (the new
 * head contains the hosted one). A hosted head the store does not have is not contained.
 */
export async function fastForwards(
  store: Git,
  objects: StoreObjects,
  updates: RefUpdate[],
): Promise<Set<string>> {
  const moved = movedBranches(updates);
  const present = await objects.present(moved.map((u) => u.old!));
  const found = new Set<string>();
  for (const u of moved)
    if (present.has(u.old!) && (await store.isAncestor(u.old!, u.new!))) found.add(u.ref);
  return found;
}
