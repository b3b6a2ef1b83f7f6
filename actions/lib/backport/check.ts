/**
 * The stories of the backport-check action: classify a pull request's commits against the
 * hosted mirror of upstream (check), or report a downstream branch's divergence (report).
 * Both fetch only what they need into a bare repository of their own and never check out or
 * run anything from the pull request.
 */
import { join } from 'node:path';
import { ConfigurationError } from '../errors.js';
import type { FolderCache } from '../folder-cache.js';
import type { Git } from '../git.js';
import type { Logger } from '../log.js';
import { ObjectStore, storeKey } from '../store.js';
import { classifyRange, countClasses, type Classification, type Counts } from './classifier.js';
import { divergence, type DivergenceReport } from './divergence.js';
import type { Policy } from './policy.js';
import {
  fetchChange,
  fetchCommitsById,
  fetchDownstreamBranch,
  fetchUpstream,
  storeBase,
  type Source,
} from './fetch.js';
import { workRepository, type ChangeRange } from './pull-request.js';

export interface BackportSettings {
  /** The hosted mirror of upstream (a URL). */
  upstreamUrl: string;
  development: string;
  /** The upstream branch the downstream follows. */
  followed: string;
  /** The downstream repository (a URL): where the pull request and its base live. */
  downstreamUrl: string;
  policy: Policy;
  token: string;
  /** For the upstream mirror when it is not the downstream's host; the token otherwise. */
  upstreamToken: string;
  /** Our bare repository. */
  workDir: string;
  cacheDir?: string;
}

export interface CheckOutcome {
  range: ChangeRange;
  base: string;
  head: string;
  classifications: Classification[];
  counts: Counts;
  /** Upstream's own commits the change brings in (a sync), accepted as they are. */
  upstreamInRange: number;
}

/** The two repositories read, each named with the input its token comes from. */
function sources(settings: BackportSettings): { downstream: Source; upstream: Source } {
  return {
    downstream: {
      url: settings.downstreamUrl,
      what: 'the downstream repository',
      token: "input 'token'",
    },
    upstream: settings.upstreamToken
      ? { url: settings.upstreamUrl, what: 'the upstream mirror', token: "input 'upstream-token'" }
      : {
          url: settings.upstreamUrl,
          what: 'the upstream mirror',
          token: "input 'token'",
          remedy:
            "Give it read access to the mirror's contents, or set input 'upstream-token' to a token that has it.",
        },
  };
}

/** What a front end gives a run: the runner's cache service, where the cache folder is not kept. */
export interface BackportHooks {
  cache?: FolderCache;
}

/**
 * The run's own repository, borrowing the objects of the store kept in the cache folder (when
 * there is one), so that only what is new since the last run is fetched.
 */
async function repository(
  settings: BackportSettings,
  logger: Logger,
  hooks: BackportHooks,
): Promise<{ git: Git; store?: ObjectStore }> {
  const remotes = [
    { url: settings.downstreamUrl, token: settings.token },
    { url: settings.upstreamUrl, token: settings.upstreamToken || settings.token },
  ];
  const git = await workRepository({ dir: settings.workDir, remotes, logger });
  if (!settings.cacheDir) return { git };
  const store = await ObjectStore.open({
    dir: join(settings.cacheDir, 'objects.git'),
    git,
    logger,
    cache: hooks.cache && {
      service: hooks.cache,
      key: storeKey('backport', [settings.upstreamUrl, settings.downstreamUrl]),
      folder: settings.cacheDir, // the commit facts too
    },
    command: 'tributary backport-check',
  });
  await store.lend(git);
  return { git, store };
}

export async function checkChange(
  settings: BackportSettings,
  range: ChangeRange,
  logger: Logger,
  hooks: BackportHooks = {},
): Promise<CheckOutcome> {
  const { git, store } = await repository(settings, logger, hooks);
  try {
    return await checkIn(git, store, settings, range, logger);
  } finally {
    await store?.keep();
  }
}

async function checkIn(
  git: Git,
  store: ObjectStore | undefined,
  settings: BackportSettings,
  range: ChangeRange,
  logger: Logger,
): Promise<CheckOutcome> {
  const source = sources(settings);
  if (range.fork) logger.info(`Pull request #${range.number} comes from the fork ${range.fork}.`);
  const branches = [settings.development, settings.followed];
  // One repository for both (Xen's own stable branches): upstream and the base in one fetch.
  const together = !!store && source.upstream.url === source.downstream.url;
  const fetched: { local?: Record<string, string> } = {};
  const { base, head } = await logger.group('Fetching the change and upstream', async () => {
    if (together)
      fetched.local = await fetchUpstream(git, source.upstream, branches, store, range.base.ref);
    else if (store) await storeBase(store, source.downstream, range, logger);
    return fetchChange(git, source.downstream, range, logger);
  });
  const local = fetched.local ?? (await fetchUpstream(git, source.upstream, branches, store));
  if (base === head || (await git.isAncestor(head, base))) {
    logger.info(`Nothing to check: ${head.slice(0, 12)} adds no commit to ${base.slice(0, 12)}.`);
    return {
      range,
      base,
      head,
      classifications: [],
      counts: countClasses([]),
      upstreamInRange: 0,
    };
  }
  const analysis = await logger.group('Classifying commits', () =>
    classifyRange({
      git,
      base,
      head,
      development: local[settings.development],
      followed: local[settings.followed],
      policy: settings.policy,
      cache: settings.cacheDir,
      logger,
      upstreamRefs: ['refs/tributary/upstream/'],
      fetchMissing: (ids) => fetchCommitsById(git, source.upstream, ids),
      labels: { development: settings.development, followed: settings.followed },
    }),
  );
  return {
    range,
    base,
    head,
    classifications: analysis.classifications,
    counts: countClasses(analysis.classifications),
    upstreamInRange: analysis.upstreamInRange,
  };
}

export async function reportDivergence(
  settings: BackportSettings,
  downstreamBranch: string,
  target: string | undefined,
  logger: Logger,
  hooks: BackportHooks = {},
): Promise<DivergenceReport> {
  if (!downstreamBranch)
    throw new ConfigurationError('downstream-branch', 'Report mode needs the downstream branch.');
  const { git, store } = await repository(settings, logger, hooks);
  try {
    return await reportIn(git, store, settings, downstreamBranch, target, logger);
  } finally {
    await store?.keep();
  }
}

async function reportIn(
  git: Git,
  store: ObjectStore | undefined,
  settings: BackportSettings,
  downstreamBranch: string,
  target: string | undefined,
  logger: Logger,
): Promise<DivergenceReport> {
  const source = sources(settings);
  const branch = downstreamBranch.replace(/^refs\/heads\//, '');
  const downstream = await logger.group('Fetching the downstream branch and upstream', () =>
    fetchDownstreamBranch(git, source.downstream, branch, store),
  );
  const local = await fetchUpstream(
    git,
    source.upstream,
    [settings.development, settings.followed, ...(target ? [target] : [])],
    store,
  );
  return logger.group('Comparing with upstream', () =>
    divergence({
      git,
      downstream,
      development: local[settings.development],
      followed: local[settings.followed],
      target: target ? local[target] : undefined,
      policy: settings.policy,
      cache: settings.cacheDir,
      logger,
      upstreamRefs: ['refs/tributary/upstream/'],
      fetchMissing: (ids) => fetchCommitsById(git, source.upstream, ids),
      labels: {
        downstream: branch,
        development: settings.development,
        followed: settings.followed,
        target: target ?? settings.followed,
      },
    }),
  );
}
