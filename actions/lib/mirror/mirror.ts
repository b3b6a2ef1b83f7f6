/**
 * The mirror story, in two steps a tree. First, list both sides and compare them (pure:
 * ref-updates.ts). Then sync the kept store: fetch only what is missing, learn which moves are
 * fast-forwards, decide (pure again), and finally push every update in one atomic push with a
 * lease on each ref. A rewritten branch or a moved tag stops the whole run unless rewrites are
 * allowed; then the old revision is kept under a backup ref in the same push. A store found
 * damaged at any step takes one recovery path: a new store, a full fetch, the step again.
 */
import { mkdirSync } from 'node:fs';
import { capitalised, errorMessage, SettingError } from '../errors.js';
import { Git, GitError, isTransient, type Remote } from '../git.js';
import type { FolderCache } from '../folder-cache.js';
import type { Logger } from '../log.js';
import {
  compareRefs,
  countUpdates,
  decideUpdates,
  movesRef,
  short,
  type RefUpdate,
  type UpdateCounts,
} from './ref-updates.js';
import { CacheLock, describeHolder } from '../folder-lock.js';
import { RefMapper } from './refs.js';
import { expandTemplate, INPUTS, parseRemote, type MirrorSettings } from './settings.js';
import {
  fastForwards,
  HOSTED_NAMESPACE,
  openStore,
  recordUpstream,
  storeRef,
  StoreDamaged,
  treeCache,
  type OpenedStore,
  type TreeCache,
} from './store.js';
import { submoduleTrees } from './submodules.js';

/**
 * What a front end gives a run: a FolderCache for the stores (restored before a store is
 * opened, saved after a run that fetched), a clock, and the signal of an interruption.
 */
export interface MirrorHooks extends Partial<FolderCache> {
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

/**
 * The tags this run created in the hosted tree (their hosted names, without refs/tags/): what
 * a release watch starts from. A moved tag (rewritten) or a deleted one is not new, and a run
 * that pushed nothing created nothing.
 */
export function createdTags(result: MirrorResult): string[] {
  return result.updates
    .filter((u) => u.action === 'created' && u.pushed && u.ref.startsWith('refs/tags/'))
    .map((u) => u.ref.slice('refs/tags/'.length))
    .sort();
}

interface TreeSpec {
  source: Remote;
  destination: Remote;
  refs: RefMapper;
  /** The tree the user named (not a submodule's): its selection must match something. */
  main?: boolean;
}

/** One tree of a run, as it goes through the two steps. */
interface Tree {
  spec: TreeSpec;
  /** The funnel that talks to both sides (the token of each sent to it alone). */
  git: Git;
  /** Upstream ref → object, for the selected refs. */
  upstream: Map<string, string>;
  /** Step one: every selected or owned ref compared, `updated` not yet told apart. */
  compared: RefUpdate[];
  keptDeleted: string[];
  /** Fetch every selected branch, not only what moved (submodules are read from them). */
  wantHeads: boolean;
  /** Step two: the decision. */
  updates: RefUpdate[];
  store?: OpenedStore;
  cache?: TreeCache;
  fetchedRefs: number;
}

/** What every step of a run shares. */
interface Run {
  settings: MirrorSettings;
  logger: Logger;
  hooks: MirrorHooks;
  now: Date;
}

/** Shows a remote without anything secret (tokens are never in URLs, but be sure of it). */
export function display(remote: Remote): string {
  return remote.name ?? remote.url.replace(/\/\/[^@/]*@/, '//');
}

const PUSH_NAMESPACE = 'refs/tributary/push/';
const LOGGED_UPDATES = 200;
const EXPLICIT_FETCH_LIMIT = 100;

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
      doing: `mirroring ${display(settings.source)} → ${display(settings.destination)}`,
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
  const run: Run = { settings, logger, hooks, now: hooks.now?.() ?? new Date() };
  const main: TreeSpec = {
    source: settings.source,
    destination: settings.destination,
    refs: settings.refs,
    main: true,
  };
  const trees: Tree[] = [];
  try {
    trees.push(await compareTree(main, run, !!settings.submoduleDestination));
    await syncTree(trees[0], run);
    for (const spec of await submoduleSpecs(trees[0], run)) {
      trees.push(await compareTree(spec, run, false));
      await syncTree(trees[trees.length - 1], run);
    }
    const refused = trees.flatMap((t) => t.updates.filter((u) => u.action === 'refused'));
    for (const u of refused)
      logger.error(
        `Refused ${u.ref}: ${u.reason}. Nothing of this run was pushed. Set allow-rewrites to true to follow upstream and keep the old revision under a backup ref.`,
        { title: `Mirror refused ${u.ref} (${short(u.old)} → ${short(u.new)})` },
      );
    const pushed = new Set<Tree>();
    if (!refused.length)
      // Submodule trees first, so the hosted superproject never names a commit its hosted
      // submodule trees lack.
      for (const tree of [...trees.slice(1), trees[0]]) {
        try {
          await pushTree(tree, run);
        } catch (e) {
          await recover(tree, run, e);
          await pushTree(tree, run);
        }
        pushed.add(tree);
        tree.updates = tree.updates.map((u) => (movesRef(u) ? { ...u, pushed: true } : u));
      }
    const results: TreeResult[] = trees.map((t) => ({
      source: display(t.spec.source),
      destination: display(t.spec.destination),
      updates: t.updates,
      keptDeleted: t.keptDeleted,
      fetchedRefs: t.fetchedRefs,
      pushed: pushed.has(t) && t.updates.some(movesRef),
    }));
    return {
      trees: results,
      updates: trees[0].updates,
      counts: countUpdates(trees[0].updates),
      changed: results.some((r) => r.pushed),
      refused,
    };
  } finally {
    await saveCaches(trees, run);
  }
}

/** The trees of the main tree's submodules, when submodules are mirrored too. */
async function submoduleSpecs(first: Tree, run: Run): Promise<TreeSpec[]> {
  const { settings, logger } = run;
  const specs: TreeSpec[] = [];
  if (!settings.submoduleDestination || !first.store) return specs;
  const heads = [...first.upstream]
    .filter(([ref]) => ref.startsWith('refs/heads/'))
    .map(([, oid]) => oid);
  const subs = await submoduleTrees(first.store.store, heads, settings.source, logger);
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
    specs.push({ source: sub.source, destination, refs: new RefMapper() });
  }
  return specs;
}

/** What was fetched is worth keeping even when the push failed: the next run starts there. */
async function saveCaches(trees: Tree[], { hooks, logger }: Run): Promise<void> {
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

/**
 * Step one: lists both sides of a tree and compares them, refusing a selection that matches
 * nothing and a prune on an upstream that lists nothing.
 */
async function compareTree(spec: TreeSpec, run: Run, wantHeads: boolean): Promise<Tree> {
  const { settings, logger } = run;
  const { source, destination } = spec;
  const git = new Git({ cwd: settings.cacheRoot, remotes: [source, destination], logger });
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
  return {
    spec,
    git,
    upstream: new Map([...selected.values()].map((s) => [s.source, s.oid])),
    compared: updates,
    keptDeleted,
    wantHeads,
    updates,
    fetchedRefs: 0,
  };
}

/**
 * Step two, before the push: the store gets what the decision and the push need (from the
 * cache hooks, then upstream), and the decision is made from it.
 */
async function syncTree(tree: Tree, run: Run): Promise<void> {
  if (!tree.wantHeads && tree.compared.every((u) => u.action === 'unchanged')) {
    run.logger.info('Everything is up to date: nothing fetched, nothing pushed.');
    return;
  }
  tree.cache = treeCache(run.settings.cacheRoot, tree.spec.source.url, tree.upstream);
  if (run.hooks.restore) {
    try {
      const restored = await run.hooks.restore(tree.cache);
      run.logger.info(restored ? 'Cache restored.' : 'No cache to restore.');
    } catch (e) {
      run.logger.warning(`Restoring the cache failed (${errorMessage(e)}); doing a full fetch.`);
    }
  }
  try {
    await syncStore(tree, run, false);
  } catch (e) {
    await recover(tree, run, e);
  }
}

/**
 * The one recovery path: a store found damaged, at whatever step, is replaced by a new one
 * filled by a full fetch, and the decision made again from it. Anything else is thrown on.
 */
async function recover(tree: Tree, run: Run, e: unknown): Promise<void> {
  if (!(e instanceof StoreDamaged) || !tree.cache) throw e;
  run.logger.warning(`${e.message}; fetching everything again into a new cache.`);
  await syncStore(tree, run, true);
}

/**
 * Opens the store (a new one when `fresh`), fetches what it lacks, records what upstream has,
 * and decides. A reused store that fails in a way the network does not explain is StoreDamaged.
 */
async function syncStore(tree: Tree, run: Run, fresh: boolean): Promise<void> {
  const { settings } = run;
  const opened = await openStore(tree.cache!.dir, tree.git, fresh);
  tree.store = opened;
  const needed = tree.compared.filter((u) => u.new && u.action !== 'unchanged');
  const wanted = new Map(
    [...tree.upstream].filter(([ref]) => tree.wantHeads || needed.some((u) => u.upstream === ref)),
  );
  try {
    tree.fetchedRefs = await fetchMissing(tree, opened, wanted, run);
    const forward = await fastForwards(opened.store, opened.objects, tree.compared);
    tree.updates = decideUpdates(tree.compared, forward, {
      allowRewrites: settings.allowRewrites,
      now: run.now,
    });
    await recordUpstream(opened.store, opened.objects, tree.upstream);
  } catch (e) {
    // A network failure (already retried) says nothing about the store: keep it for next time.
    if (opened.reused && e instanceof GitError && !isTransient(e.stderr))
      throw new StoreDamaged(`it failed: ${errorMessage(e).split('\n')[0]}`);
    throw e;
  }
  await fetchBackupSources(tree, settings.retries);
}

/** Fetches the upstream refs whose objects the store lacks; returns how many refs it fetched. */
async function fetchMissing(
  tree: Tree,
  { store, objects }: OpenedStore,
  wanted: Map<string, string>,
  { settings, logger }: Run,
): Promise<number> {
  const present = await objects.present(wanted.values());
  const missing = [...wanted].filter(([, oid]) => !present.has(oid));
  if (!missing.length) {
    logger.info(`The cache has every object needed (${wanted.size} refs); nothing fetched.`);
    return 0;
  }
  logger.info(
    `Fetching ${missing.length} of ${tree.upstream.size} refs (the cache has the objects of the others).`,
  );
  // A few refs are named one by one (the server sends just those); many are fetched with two
  // patterns, because git matches explicit refspecs against the refs in quadratic time.
  const few = missing.length <= EXPLICIT_FETCH_LIMIT;
  const refspecs = few
    ? missing.map(([ref]) => `+${ref}:${storeRef(ref)}`)
    : ['refs/heads/', 'refs/tags/'].map((p) => `+${p}*:${storeRef(p)}*`);
  // When every ref to fetch was fetched before, its previous value is all the server needs to
  // hear as "have": offering all of the store's refs (tags spread over the whole history) makes
  // the server walk far more history to compute the same small pack.
  const tips = missing.map(([ref]) => storeRef(ref));
  const known = few ? await store.refs(tips) : new Map();
  await store.fetch(tree.spec.source.url, refspecs, {
    negotiationTips: few && tips.every((t) => known.has(t)) ? tips : undefined,
    retries: settings.retries,
    progress: `Fetching from ${display(tree.spec.source)}`,
  });
  const after = await objects.present(missing.map(([, oid]) => oid));
  const lost = missing.filter(([, oid]) => !after.has(oid));
  if (lost.length)
    throw new Error(
      `Upstream changed while this run fetched it (${lost[0][0]} no longer points at ${lost[0][1]}); run again.`,
    );
  return missing.length;
}

/** A rewritten ref's old revision may exist only in the destination: fetch it for the backup. */
async function fetchBackupSources(tree: Tree, retries: number): Promise<void> {
  const store = tree.store?.store;
  if (!store) return;
  const rewritten = tree.updates.filter((u) => u.action === 'rewritten');
  if (!rewritten.length) return;
  const types = await store.objectTypes(rewritten.map((u) => u.old!));
  const missing = rewritten.filter((u) => !types.get(u.old!));
  if (!missing.length) return;
  await store.fetch(
    tree.spec.destination.url,
    missing.map((u) => `+${u.ref}:${HOSTED_NAMESPACE}${u.ref.slice(5)}`),
    { retries },
  );
  const after = await store.objectTypes(missing.map((u) => u.old!));
  const moved = missing.find((u) => !after.get(u.old!));
  if (moved)
    throw new Error(
      `The destination's ${moved.ref} moved away from ${moved.old} during this run; nothing was pushed. Run again.`,
    );
}

/** One atomic push of every update, each with a lease on what the destination had. */
async function pushTree(tree: Tree, { settings, logger }: Run): Promise<void> {
  const updates = tree.updates.filter(movesRef);
  const dest = tree.spec.destination;
  if (!updates.length) return;
  const { store, reused } = tree.store!;
  // A rewrite goes through because its lease holds (a lease that holds forces the update); its
  // backup ref must not exist yet.
  const leased = updates.flatMap((u) => [
    { ref: u.ref, sha: u.new, expected: u.old ?? undefined },
    ...(u.backup ? [{ ref: u.backup, sha: u.old, expected: undefined }] : []),
  ]);
  await logger.group(`Push ${updates.length} ref update(s) to ${display(dest)}`, async () => {
    for (const u of updates.slice(0, LOGGED_UPDATES))
      logger.info(
        `${u.action.padEnd(9)} ${u.ref} ${short(u.old)} → ${short(u.new)}${u.backup ? ` (old head kept as ${u.backup})` : ''}`,
      );
    if (updates.length > LOGGED_UPDATES)
      logger.info(`... and ${updates.length - LOGGED_UPDATES} more (see the job summary)`);
    const r = await store.pushLeased(dest.url, leased, {
      retries: settings.retries,
      stage: PUSH_NAMESPACE,
    });
    if (r.ok) return;
    // A retried push may have landed the first time: then the destination is what we wanted.
    const now = await tree.git.remoteBranchesAndTags(dest.url, { retries: settings.retries });
    if (updates.every((u) => (now.get(u.ref) ?? null) === u.new)) {
      logger.info('The destination already has every update (an earlier attempt landed).');
      return;
    }
    const tips = updates.map((u) => u.new).filter((x): x is string => !!x);
    if (reused && !(await store.objectsComplete(tips)))
      throw new StoreDamaged('it lacks objects the push needs');
    throw new Error(
      `The push to ${display(dest)} was refused, and nothing was changed (the push is atomic):\n${r.refusals.join('\n') || r.output}`,
    );
  });
}
