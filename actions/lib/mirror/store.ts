/**
 * The bare repository a mirror keeps between runs: upstream objects under a private namespace
 * (refs/tributary/source/...), so a run fetches only what changed. It is only ever an
 * optimisation: a missing, stale or damaged store is detected and replaced by a full fetch.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Git, initRepository } from '../git.js';
import type { Logger } from '../log.js';
import { sourceKey } from './settings.js';

/** Where upstream refs are kept in the store; hosted refs fetched for backups go beside it. */
export const SOURCE_NAMESPACE = 'refs/tributary/source/';
export const HOSTED_NAMESPACE = 'refs/tributary/hosted/';

/** What a cache hook needs to restore or save one tree's store. */
export interface TreeCache {
  /** The store's folder (a bare repository). */
  dir: string;
  /** One key per source URL: `tributary-mirror-v1-<hash>`. */
  key: string;
  /** A digest of the upstream refs this run mirrors; with the key it names one store state. */
  state: string;
}

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
 * Opens the store, making a new one when there is none or the one there is damaged: not a
 * repository, or a ref whose object cannot be read (a truncated pack shows up here).
 */
export async function openStore(dir: string, git: Git, logger: Logger): Promise<OpenedStore> {
  if (existsSync(dir)) {
    const store = git.at(dir);
    const checked = await checkStore(store);
    if (!checked.problem)
      return { store, objects: new StoreObjects(store, checked.readable), reused: true };
    logger.warning(
      `The cached repository is damaged (${checked.problem}); starting over with a full fetch.`,
    );
    rmSync(dir, { recursive: true, force: true });
  }
  return openFreshStore(dir, git);
}

export async function openFreshStore(dir: string, git: Git): Promise<OpenedStore> {
  const store = await freshStore(dir, git);
  return { store, objects: new StoreObjects(store), reused: false };
}

export async function freshStore(dir: string, git: Git): Promise<Git> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  await initRepository(dir, {});
  const store = git.at(dir);
  // A store is ours alone: no reflogs keeping garbage; fetched packs kept as packs (a few
  // files cache faster than thousands of loose objects; git gc --auto merges them in time).
  for (const [k, v] of [
    ['fetch.unpackLimit', '1'],
    ['core.logAllRefUpdates', 'false'],
    ['fetch.writeCommitGraph', 'false'],
  ])
    await store.run(['config', k, v]);
  return store;
}

async function checkStore(store: Git): Promise<{ problem?: string; readable: string[] }> {
  const bare = await store.exec(['rev-parse', '--is-bare-repository'], { allowFailure: true });
  if (bare.code !== 0 || bare.stdout.trim() !== 'true')
    return { problem: 'not a bare repository', readable: [] };
  const list = await store.exec(['for-each-ref', '--format=%(objectname) %(refname)', 'refs/'], {
    allowFailure: true,
  });
  if (list.code !== 0) return { problem: list.stderr.trim().split('\n').pop(), readable: [] };
  const oids = list.stdout
    .split('\n')
    .filter(Boolean)
    .map((l) => l.split(' ')[0]);
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
  const lines: string[] = [];
  const present = await objects.present(upstream.values());
  const wanted = new Map(
    [...upstream].filter(([, oid]) => present.has(oid)).map(([ref, oid]) => [storeRef(ref), oid]),
  );
  for (const [ref, oid] of wanted) if (current.get(ref) !== oid) lines.push(`update ${ref} ${oid}`);
  for (const ref of current.keys())
    if (!upstream.has(`refs/${ref.slice(SOURCE_NAMESPACE.length)}`)) lines.push(`delete ${ref}`);
  if (lines.length) await store.run(['update-ref', '--stdin'], { input: lines.join('\n') + '\n' });
}
