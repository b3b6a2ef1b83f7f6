/**
 * The mirror story: list both sides, decide from the destination's actual refs, fetch only what
 * is missing into the kept repository, and push every update in one atomic push with a lease
 * on each ref. A rewritten branch or a moved tag stops the whole run unless rewrites are
 * allowed; then the old revision is kept under a backup ref in the same push.
 */
import { mkdirSync } from 'node:fs';
import { capitalised, errorMessage, SettingError } from '../errors.js';
import { Git, GitError, isTransient } from '../git.js';
import type { Logger } from '../log.js';
import {
  compareRefs,
  countUpdates,
  decideUpdates,
  movesRef,
  short,
  type RefUpdate,
  type UpdateCounts,
} from './plan.js';
import { CacheLock, describeHolder } from './lock.js';
import { RefMapper } from './refs.js';
import {
  credentialFor,
  expandTemplate,
  INPUTS,
  parseRemote,
  type MirrorSettings,
  type Remote,
} from './settings.js';
import {
  HOSTED_NAMESPACE,
  openFreshStore,
  openStore,
  recordUpstream,
  storeRef,
  treeCache,
  type StoreObjects,
  type TreeCache,
} from './store.js';
import { submoduleTrees } from './submodules.js';

export interface MirrorHooks {
  /** Fills `cache.dir` from a cache before the store is opened; true when something was restored. */
  restore?(cache: TreeCache): Promise<boolean>;
  /** Keeps `cache.dir` for the next run, after a run that fetched. */
  save?(cache: TreeCache): Promise<void>;
  /** The clock for backup ref names. */
  now?(): Date;
  /** Stops a run still waiting for the cache folder (an interrupted run). */
  signal?: AbortSignal;
}

export interface TreeResult {
  source: string;
  destination: string;
  updates: RefUpdate[];
  /** Hosted refs whose upstream ref is gone, kept because prune is off. */
  keptDeleted: string[];
  /** Refs fetched from upstream (0 when the cache or the destination already had everything). */
  fetchedRefs: number;
  pushed: boolean;
}

export interface MirrorResult {
  /** The main tree first, then any submodule trees. */
  trees: TreeResult[];
  /** The main tree's updates (every ref, unchanged ones included). */
  updates: RefUpdate[];
  counts: UpdateCounts;
  changed: boolean;
  /** Refused refs anywhere: when there are any, nothing was pushed. */
  refused: RefUpdate[];
}

/**
 * The `updates` output, and what `tributary mirror --json` prints: the main tree's refs that
 * moved or were refused.
 */
export function updatesJson(result: MirrorResult): string {
  return JSON.stringify(result.updates.filter((u) => u.action !== 'unchanged'));
}

interface TreeSpec {
  source: Remote;
  destination: Remote;
  refs: RefMapper;
  /** The tree the user named (not a submodule's): its selection must match something. */
  main?: boolean;
}

interface Planned {
  spec: TreeSpec;
  git: Git;
  updates: RefUpdate[];
  keptDeleted: string[];
  /** Upstream ref → object, for the selected refs. */
  upstream: Map<string, string>;
  store?: Git;
  cache?: TreeCache;
  reused: boolean;
  fetchedRefs: number;
}

/** Shows a remote without anything secret (tokens are never in URLs, but be sure of it). */
export function display(remote: Remote): string {
  return remote.repository ?? remote.url.replace(/\/\/[^@/]*@/, '//');
}

const PUSH_NAMESPACE = 'refs/tributary/push/';
const stagedRef = (ref: string) => PUSH_NAMESPACE + ref.slice('refs/'.length);
const LOGGED_UPDATES = 200;
const EXPLICIT_FETCH_LIMIT = 100;

async function clearStaging(store: Git): Promise<void> {
  const staged = await store.refs([PUSH_NAMESPACE]);
  if (staged.size)
    await store.run(['update-ref', '--stdin'], {
      input: [...staged.keys()].map((r) => `delete ${r}`).join('\n') + '\n',
    });
}

/** The store is damaged in a way only a full fetch mends. */
class StoreDamaged extends Error {}

/** Mirrors one tree (and its submodules' trees), holding the cache folder's lock throughout. */
export async function mirrorTree(
  settings: MirrorSettings,
  logger: Logger,
  hooks: MirrorHooks = {},
): Promise<MirrorResult> {
  mkdirSync(settings.cacheRoot, { recursive: true });
  const lock = await CacheLock.acquire(
    settings.cacheRoot,
    {
      holder: describeHolder(),
      mirroring: `${display(settings.source)} → ${display(settings.destination)}`,
    },
    logger,
    hooks.signal,
  );
  try {
    return await mirrorLocked(settings, logger, hooks);
  } finally {
    lock.release();
  }
}

async function mirrorLocked(
  settings: MirrorSettings,
  logger: Logger,
  hooks: MirrorHooks,
): Promise<MirrorResult> {
  const now = hooks.now?.() ?? new Date();
  const main: TreeSpec = {
    source: settings.source,
    destination: settings.destination,
    refs: settings.refs,
    main: true,
  };
  const trees: Planned[] = [];
  const first = await planTree(main, settings, logger, hooks, now, {
    wantHeads: !!settings.submoduleDestination,
  });
  trees.push(first);

  trees.push(...(await planSubmoduleTrees(first, settings, logger, hooks, now)));

  const refused = trees.flatMap((t) => t.updates.filter((u) => u.action === 'refused'));
  for (const u of refused)
    logger.error(
      `Refused ${u.ref}: ${u.reason}. Nothing of this run was pushed. Set allow-rewrites to true to follow upstream and keep the old revision under a backup ref.`,
      { title: `Mirror refused ${u.ref} (${short(u.old)} → ${short(u.new)})` },
    );

  const pushed = new Set<Planned>();
  try {
    if (!refused.length) {
      // Submodule trees first, so the hosted superproject never names a commit its hosted
      // submodule trees lack.
      for (const tree of [...trees.slice(1), trees[0]]) {
        let t = tree;
        try {
          await pushTree(t, settings, logger);
        } catch (e) {
          if (!(e instanceof StoreDamaged)) throw e;
          logger.warning(`${e.message}; fetching everything again into a new cache.`);
          t = await planTree(t.spec, settings, logger, hooks, now, {
            wantHeads: false,
            fresh: true,
          });
          trees[trees.indexOf(tree)] = t;
          await pushTree(t, settings, logger);
        }
        pushed.add(t);
        t.updates = t.updates.map((u) => (isPushed(u) ? { ...u, pushed: true } : u));
      }
    }
  } finally {
    await saveCaches(trees, hooks, logger);
  }
  const results: TreeResult[] = trees.map((t) => ({
    source: display(t.spec.source),
    destination: display(t.spec.destination),
    updates: t.updates,
    keptDeleted: t.keptDeleted,
    fetchedRefs: t.fetchedRefs,
    pushed: pushed.has(t) && t.updates.some((u) => isPushed(u)),
  }));
  const counts = countUpdates(trees[0].updates);
  return {
    trees: results,
    updates: trees[0].updates,
    counts,
    changed: results.some((r) => r.pushed),
    refused,
  };
}

/** The trees of the main tree's submodules, planned, when submodules are mirrored too. */
async function planSubmoduleTrees(
  first: Planned,
  settings: MirrorSettings,
  logger: Logger,
  hooks: MirrorHooks,
  now: Date,
): Promise<Planned[]> {
  const planned: Planned[] = [];
  if (!settings.submoduleDestination || !first.store) return planned;
  const heads = [...first.upstream]
    .filter(([ref]) => ref.startsWith('refs/heads/'))
    .map(([, oid]) => oid);
  const subs = await submoduleTrees(first.store, heads, settings.source, logger);
  const destinations = new Set<string>([settings.destination.url]);
  for (const sub of subs) {
    const written = expandTemplate(settings.submoduleDestination, sub.name, settings.destination);
    let destination: Remote;
    try {
      destination = parseRemote('submodule-destination', written, {
        ownerRepo: true,
        serverUrl: settings.serverUrl,
      });
      // Two submodule trees with one name would overwrite each other's hosted copy.
      if (destinations.has(destination.url))
        throw new Error(`another tree is already mirrored to ${display(destination)}`);
    } catch (e) {
      logger.warning(`Submodule ${sub.path} is not mirrored: ${errorMessage(e)}`, {
        title: 'Submodule skipped',
      });
      continue;
    }
    destinations.add(destination.url);
    destination.token = settings.destination.token;
    logger.info(`Submodule ${sub.path}: ${display(sub.source)} → ${display(destination)}`);
    // Submodule trees carry all their branches and tags, under their own names.
    const spec = { source: sub.source, destination, refs: new RefMapper() };
    planned.push(await planTree(spec, settings, logger, hooks, now, { wantHeads: false }));
  }
  return planned;
}

/** What was fetched is worth keeping even when the push failed: the next run starts there. */
async function saveCaches(trees: Planned[], hooks: MirrorHooks, logger: Logger): Promise<void> {
  for (const t of trees) {
    // (an interrupted run saves nothing: it is to stop, not to start an upload)
    if (!t.fetchedRefs || !t.cache || !hooks.save || hooks.signal?.aborted) continue;
    try {
      await hooks.save(t.cache);
    } catch (e) {
      logger.warning(`Could not save the cache for ${display(t.spec.source)}: ${errorMessage(e)}`);
    }
  }
}

const isPushed = movesRef;

async function planTree(
  spec: TreeSpec,
  settings: MirrorSettings,
  logger: Logger,
  hooks: MirrorHooks,
  now: Date,
  opts: { wantHeads: boolean; fresh?: boolean },
): Promise<Planned> {
  const { source, destination } = spec;
  const git = new Git({
    cwd: settings.cacheRoot,
    credentials: [...credentialFor(source), ...credentialFor(destination)],
    logger,
  });
  const retries = settings.retries;
  const { selected, upstream, updates, keptDeleted } = await compareTree(
    spec,
    settings,
    git,
    logger,
  );
  const plan: Planned = {
    spec,
    git,
    updates,
    keptDeleted,
    upstream,
    reused: false,
    fetchedRefs: 0,
  };
  const needed = updates.filter((u) => u.new && u.action !== 'unchanged');
  if (!opts.wantHeads && updates.every((u) => u.action === 'unchanged')) {
    logger.info('Everything is up to date: nothing fetched, nothing pushed.');
    return plan;
  }

  const cache = treeCache(settings.cacheRoot, source.url, upstream);
  plan.cache = cache;
  if (!opts.fresh && hooks.restore) {
    try {
      const restored = await hooks.restore(cache);
      logger.info(restored ? 'Cache restored.' : 'No cache to restore.');
    } catch (e) {
      logger.warning(`Restoring the cache failed (${errorMessage(e)}); doing a full fetch.`);
    }
  }
  const wanted = new Map(
    [...selected.values()]
      .filter((s) => opts.wantHeads || needed.some((u) => u.upstream === s.source))
      .map((s) => [s.source, s.oid]),
  );
  for (let attempt = 0; ; attempt++) {
    const opened =
      opts.fresh || attempt > 0
        ? await openFreshStore(cache.dir, git)
        : await openStore(cache.dir, git, logger);
    plan.store = opened.store;
    plan.reused = opened.reused;
    try {
      plan.fetchedRefs = await fetchMissing(
        opened.store,
        opened.objects,
        source.url,
        wanted,
        upstream,
        retries,
        logger,
      );
      plan.updates = await decideUpdates(updates, opened.store, {
        allowRewrites: settings.allowRewrites,
        now,
        present: (oids) => opened.objects.present(oids),
      });
      await recordUpstream(opened.store, opened.objects, upstream);
      break;
    } catch (e) {
      // A network failure (already retried) says nothing about the store: keep it for next time.
      if (!opened.reused || !(e instanceof GitError) || isTransient(e.stderr)) throw e;
      logger.warning(
        `The cached repository failed (${errorMessage(e).split('\n')[0]}); fetching everything again into a new one.`,
      );
    }
  }
  await fetchBackupSources(plan, retries);
  return plan;
}

/**
 * Lists both sides of a tree and compares them, refusing a selection that matches nothing and
 * a prune on an upstream that lists nothing.
 */
async function compareTree(spec: TreeSpec, settings: MirrorSettings, git: Git, logger: Logger) {
  const { source, destination } = spec;
  const retries = settings.retries;
  const [upstreamAll, hosted] = await Promise.all([
    git.remoteBranchesAndTags(source.url, { retries }),
    git.remoteBranchesAndTags(destination.url, { retries }),
  ]);
  const selected = spec.refs.apply(upstreamAll);
  if (spec.main && !selected.size && ![...hosted.keys()].some((ref) => spec.refs.owns(ref)))
    // Nothing upstream, nothing mirrored before: a pattern is wrong, not a project that
    // deleted everything (refs mirrored before and gone upstream are the refusal below).
    throw new SettingError(
      INPUTS.refs,
      (name) =>
        `${capitalised(name)} selects none of the ${upstreamAll.size} branches and tags of ${display(source)}, and ${display(destination)} holds none of the refs it would mirror: ${spec.refs.describe()}. Expected patterns that match upstream branches or tags.`,
    );
  const upstream = new Map([...selected.values()].map((s) => [s.source, s.oid]));
  const { updates, keptDeleted } = compareRefs(selected, hosted, spec.refs, settings.prune);
  const deletions = updates.filter((u) => u.action === 'deleted').length;
  if (deletions && !selected.size)
    // An upstream that suddenly lists nothing is far likelier an outage or a wrong URL than a
    // project that deleted everything: never empty the hosted tree on its word.
    throw new Error(
      `${display(source)} lists none of the mirrored refs; refusing to prune ${deletions} hosted ref(s). Check the source and refs inputs.`,
    );
  logger.info(
    `${display(source)}: ${upstreamAll.size} branches and tags, ${selected.size} mirrored; ${display(destination)}: ${hosted.size}.`,
  );
  if (keptDeleted.length)
    logger.info(
      `${keptDeleted.length} hosted ref(s) are gone upstream and kept (prune is off): ${keptDeleted.slice(0, 10).join(', ')}${keptDeleted.length > 10 ? ', ...' : ''}`,
    );
  return { selected, upstream, updates, keptDeleted };
}

/** Fetches the upstream refs whose objects the store lacks; returns how many refs it fetched. */
async function fetchMissing(
  store: Git,
  objects: StoreObjects,
  url: string,
  wanted: Map<string, string>,
  upstream: Map<string, string>,
  retries: number,
  logger: Logger,
): Promise<number> {
  const present = await objects.present(wanted.values());
  const missing = [...wanted].filter(([, oid]) => !present.has(oid));
  if (!missing.length) {
    logger.info(`The cache has every object needed (${wanted.size} refs); nothing fetched.`);
    return 0;
  }
  logger.info(
    `Fetching ${missing.length} of ${upstream.size} refs (the cache has the objects of the others).`,
  );
  // A few refs are named one by one (the server sends just those); many are fetched with two
  // patterns, because git matches explicit refspecs against the refs in quadratic time.
  const refspecs =
    missing.length <= EXPLICIT_FETCH_LIMIT
      ? missing.map(([ref]) => `+${ref}:${storeRef(ref)}`)
      : ['refs/heads/', 'refs/tags/'].map((p) => `+${p}*:${storeRef(p)}*`);
  // When every ref to fetch was fetched before, its previous value is all the server needs to
  // hear as "have": offering all of the store's refs (tags spread over the whole history) makes
  // the server walk far more history to compute the same small pack.
  const tips = missing.map(([ref]) => storeRef(ref));
  const known = missing.length <= EXPLICIT_FETCH_LIMIT ? await store.refs(tips) : new Map();
  const negotiation =
    missing.length <= EXPLICIT_FETCH_LIMIT && tips.every((t) => known.has(t))
      ? tips.map((t) => `--negotiation-tip=${t}`)
      : [];
  await store.run(
    [
      'fetch',
      '--quiet',
      '--no-tags',
      '--no-write-fetch-head',
      ...negotiation,
      '--stdin',
      '--',
      url,
    ],
    { input: refspecs.join('\n') + '\n', retries },
  );
  const after = await objects.present(missing.map(([, oid]) => oid));
  const lost = missing.filter(([, oid]) => !after.has(oid));
  if (lost.length)
    throw new Error(
      `Upstream changed while this run fetched it (${lost[0][0]} no longer points at ${lost[0][1]}); run again.`,
    );
  return missing.length;
}

/** A rewritten ref's old revision may exist only in the destination: fetch it for the backup. */
async function fetchBackupSources(plan: Planned, retries: number): Promise<void> {
  const store = plan.store;
  if (!store) return;
  const rewritten = plan.updates.filter((u) => u.action === 'rewritten');
  if (!rewritten.length) return;
  const types = await store.objectTypes(rewritten.map((u) => u.old!));
  const missing = rewritten.filter((u) => !types.get(u.old!));
  if (!missing.length) return;
  await store.run(
    [
      'fetch',
      '--quiet',
      '--no-tags',
      '--no-write-fetch-head',
      '--stdin',
      '--',
      plan.spec.destination.url,
    ],
    {
      input: missing.map((u) => `+${u.ref}:${HOSTED_NAMESPACE}${u.ref.slice(5)}`).join('\n') + '\n',
      retries,
    },
  );
  const after = await store.objectTypes(missing.map((u) => u.old!));
  const moved = missing.find((u) => !after.get(u.old!));
  if (moved)
    throw new Error(
      `The destination's ${moved.ref} moved away from ${moved.old} during this run; nothing was pushed. Run again.`,
    );
}

/** One atomic push of every update, each with a lease on what the destination had. */
async function pushTree(plan: Planned, settings: MirrorSettings, logger: Logger): Promise<void> {
  const updates = plan.updates.filter(isPushed);
  const dest = plan.spec.destination;
  if (!updates.length) return;
  const store = plan.store!;
  // What the destination should get is staged as refs of the store (refs/tributary/push/...)
  // and pushed with one pattern refspec: git matches thousands of explicit refspecs against
  // thousands of refs in quadratic time, a pattern in linear time. Every ref still carries its
  // own lease, which is also what lets a rewrite through (a lease that holds forces the update).
  const staging: string[] = [];
  const leases: string[] = [];
  const deletions: string[] = [];
  for (const u of updates) {
    if (u.new) staging.push(`create ${stagedRef(u.ref)} ${u.new}`);
    else deletions.push(`:${u.ref}`);
    leases.push(`--force-with-lease=${u.ref}:${u.old ?? ''}`);
    if (u.backup) {
      staging.push(`create ${stagedRef(u.backup)} ${u.old}`);
      leases.push(`--force-with-lease=${u.backup}:`);
    }
  }
  await clearStaging(store);
  if (staging.length)
    await store.run(['update-ref', '--stdin'], { input: staging.join('\n') + '\n' });
  const refspecs = [...(staging.length ? [`${PUSH_NAMESPACE}*:refs/*`] : []), ...deletions];
  await logger.group(`Push ${updates.length} ref update(s) to ${display(dest)}`, async () => {
    for (const u of updates.slice(0, LOGGED_UPDATES))
      logger.info(
        `${u.action.padEnd(9)} ${u.ref} ${short(u.old)} → ${short(u.new)}${u.backup ? ` (old head kept as ${u.backup})` : ''}`,
      );
    if (updates.length > LOGGED_UPDATES)
      logger.info(`... and ${updates.length - LOGGED_UPDATES} more (see the job summary)`);
    const r = await store.exec(
      ['push', '--atomic', '--porcelain', '--no-verify', ...leases, '--', dest.url, ...refspecs],
      { retries: settings.retries, allowFailure: true },
    );
    await clearStaging(store);
    if (r.code === 0) return;
    // A retried push may have landed the first time: then the destination is what we wanted.
    const now = await plan.git.remoteBranchesAndTags(dest.url, { retries: settings.retries });
    if (updates.every((u) => (now.get(u.ref) ?? null) === u.new)) {
      logger.info('The destination already has every update (an earlier attempt landed).');
      return;
    }
    if (plan.reused && plan.store && !(await objectsComplete(plan.store, updates)))
      throw new StoreDamaged(`The cached repository lacks objects the push needs`);
    const reasons = r.stdout
      .split('\n')
      .filter((l) => l.startsWith('!'))
      .map((l) => l.split('\t').slice(1).join(' '))
      .join('\n');
    throw new Error(
      `The push to ${display(dest)} was refused, and nothing was changed (the push is atomic):\n${reasons || r.stderr.trim()}`,
    );
  });
}

/** Whether the store can walk everything from the new revisions (a failed rev-list: damage). */
async function objectsComplete(store: Git, updates: RefUpdate[]): Promise<boolean> {
  const tips = updates.map((u) => u.new).filter((x): x is string => !!x);
  return store.try(['rev-list', '--objects', '--quiet', ...tips]);
}
