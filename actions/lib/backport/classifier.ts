/**
 * The commit classifier: each downstream commit is upstream (the same patch as an upstream
 * commit), a backport (names an upstream commit of the development branch), a revert (of a
 * downstream commit), downstream-only (declared so), an upstream sync (a merge of the branch
 * followed), or a violation. The Linux stable rule, read from every reference form in use.
 */
import type { Git } from '../git.js';
import { ConfigurationError } from '../errors.js';
import type { Logger } from '../log.js';
import type { UpstreamReference } from '../references.js';
import { keepAnswer, keptAnswer } from './answers.js';
import { decide } from './decide.js';
import { gatherEvidence } from './evidence.js';
import { FactsCache, factsKey, type CommitFacts } from './facts.js';
import { readHistory, type Revisions } from './history.js';
import { comparePatches } from './patches.js';
import { defaultPolicy, type Policy } from './policy.js';
import { refLabel, resolveWritten, type References } from './resolve.js';

export { refLabel, type Resolution } from './resolve.js';

export type CommitClass =
  'upstream' | 'backport' | 'revert' | 'downstream-only' | 'sync' | 'merge' | 'violation';

export const COMMIT_CLASSES: CommitClass[] = [
  'upstream',
  'backport',
  'revert',
  'downstream-only',
  'sync',
  'merge',
  'violation',
];

/** How a downstream patch compares with the upstream commit it matched or named. */
export type PatchMatch = 'identical' | 'context-moved' | 'modified';

export interface Classification {
  commit: string;
  subject: string;
  class: CommitClass;
  /** The upstream commit matched (upstream) or named (backport), full id. */
  upstream?: string;
  /** backport: every upstream commit it names, in the order named (several: a squashed pick). */
  upstreams?: string[];
  patch?: PatchMatch;
  /** The reference the verdict rests on, as written. */
  reference?: UpstreamReference;
  /** downstream-only: the declared reason; revert: why; violation: what is wrong. */
  reason?: string;
  /** The downstream-only reason its message declares, whatever the class (upstream may carry it now). */
  declared?: string;
  /** revert: the downstream commit reverted. */
  reverts?: string;
  /** Facts worth showing that are not a problem (context moved, note given, master date). */
  notes: string[];
  /** Problems that do not fail the check: modified without a note, reverted upstream since. */
  warnings: string[];
  parents: string[];
}

export interface ClassifyOptions {
  git: Git;
  /** The downstream revision whose commits are classified. */
  head: string;
  /** Classify base..head; without it every downstream commit not upstream. */
  base?: string;
  /** The upstream development branch (a local revision, e.g. refs/remotes/upstream/master). */
  development: string;
  /** The upstream branch the downstream follows; the development branch when not given. */
  followed?: string;
  /** More upstream revisions whose commits count as upstream (a new head to sync to). */
  moreUpstream?: string[];
  policy?: Policy;
  /** A FactsCache, or a folder to keep one in; none: computed afresh. */
  cache?: FactsCache | string;
  logger?: Logger;
  /**
   * Asked for referenced commits that are not in the repository, before they are called not
   * found: the action fetches them by id from the upstream mirror.
   */
  fetchMissing?: (ids: string[]) => Promise<void>;
  /** Ref patterns searched to say where a referenced commit is, when it is not on development. */
  upstreamRefs?: string[];
  /** How to name the revisions to people, when the ones above are local refs of our own. */
  labels?: { development?: string; followed?: string; downstream?: string; target?: string };
}

export type Counts = Record<CommitClass, number> & { warnings: number; commits: number };

/** Everything the classifier learnt, which the divergence report reads further. */
export interface Analysis {
  revisions: { head: string; base?: string; development: string; followed: string; more: string[] };
  /** Classified commits, oldest first. */
  classifications: Classification[];
  /** Downstream commits not upstream (a superset of the classified ones), newest first. */
  downstream: string[];
  /** Upstream commits not in the downstream head, newest first (merges left out). */
  upstream: string[];
  facts: Map<string, CommitFacts>;
  /** patch-id (either kind) → upstream commits with it. */
  byPatch: Map<string, string[]>;
  /** Upstream commits whose message names a commit as its origin: written id → commits. */
  upstreamByReference: Map<string, string[]>;
  /** Commits brought into base..head that are upstream's own (an upstream sync). */
  upstreamInRange: number;
  /** The references the classified commits write, and what each written id names. */
  references: References;
  cache: FactsCache;
}

/**
 * The run's revisions resolved to commit ids in one process, or an error that says plainly
 * which one is missing (the first in the order below).
 */
async function resolveRevisions(git: Git, options: ClassifyOptions): Promise<Revisions> {
  const asked: [what: string, rev: string | undefined][] = [
    ['head revision', options.head],
    ['base revision', options.base],
    ['upstream development branch', options.development],
    ['upstream branch followed', options.followed],
    ...(options.moreUpstream ?? []).map((r): [string, string] => ['upstream revision', r]),
  ];
  const names = asked.map(([, rev]) => rev).filter((rev): rev is string => !!rev);
  // (a name that is not one line cannot go through cat-file's input, and names no commit)
  const ids = await git.resolveCommits(names.filter((n) => !/[\n\r]/.test(n)));
  const id = (what: string, rev: string) => {
    const found = ids.get(rev);
    if (!found) throw new ConfigurationError(what, `The ${what} '${rev}' does not name a commit.`);
    return found;
  };
  for (const [what, rev] of asked) if (rev) id(what, rev);
  const development = id('upstream development branch', options.development);
  return {
    head: id('head revision', options.head),
    base: options.base ? id('base revision', options.base) : undefined,
    development,
    followed: options.followed ? id('upstream branch followed', options.followed) : development,
    more: (options.moreUpstream ?? []).map((r) => id('upstream revision', r)),
  };
}

/** The cache of the policy's key: one loaded under another policy is not read. */
function factsCacheFor(cache: ClassifyOptions['cache'], policy: Policy): FactsCache {
  if (!(cache instanceof FactsCache)) return FactsCache.load(cache, policy);
  return cache.key === factsKey(policy) ? cache : FactsCache.load(cache.dir, policy);
}

/**
 * The classifier as a pipeline, each stage visited once: the facts of every commit of both
 * sides (history.ts), the references written resolved against upstream (resolve.ts), the
 * patches compared (patches.ts), git's answers about merges and matches (evidence.ts), then a
 * pure decision per commit (decide.ts). The report is the caller's (report.ts, divergence.ts).
 */
export async function analyse(options: ClassifyOptions): Promise<Analysis> {
  const { git, logger } = options;
  const policy = options.policy ?? defaultPolicy;
  const cache = factsCacheFor(options.cache, policy);
  const extraPatterns = policy.referencePatterns;
  const revisions = await resolveRevisions(git, options);
  // Cold, the walk of upstream goes on beside the references' and the patches' first work.
  const history = await readHistory(git, revisions, cache, { extraPatterns, logger });
  const references = await resolveWritten(
    git,
    history.listed,
    {
      development: revisions.development,
      head: revisions.head,
      upstreamSet: history.upstreamSet,
      minimumIdLength: policy.minimumIdLength,
      fetchMissing: options.fetchMissing,
      upstreamRefs: options.upstreamRefs,
      developmentLabel: options.labels?.development ?? refLabel(options.development),
    },
    extraPatterns,
  );
  const patches = await comparePatches(git, history, references, cache, { extraPatterns, logger });
  const evidence = await gatherEvidence(git, {
    revisions,
    history,
    references,
    patches,
    cache,
    logger,
  });
  const input = { policy, history, references, patches, evidence };
  const classifications = history.listed.map((l) => decide(l, input));
  cache.save();
  return {
    revisions,
    classifications,
    downstream: history.all.map((l) => l.commit),
    upstream: history.upstream,
    facts: history.facts,
    byPatch: patches.byPatch,
    upstreamByReference: history.upstreamByReference,
    upstreamInRange: history.upstreamInRange,
    references,
    cache,
  };
}

/** What a check reports of a range: the classifications, and how many upstream commits came in. */
export type RangeClassification = Pick<Analysis, 'classifications' | 'upstreamInRange'>;

/**
 * Classifies the downstream commits of base..head (or all of them) against upstream; with a
 * cache folder, a range whose revisions still name the same commits is answered from the
 * classification kept there (answers.ts).
 */
export async function classifyRange(options: ClassifyOptions): Promise<RangeClassification> {
  const policy = options.policy ?? defaultPolicy;
  const dir = options.cache instanceof FactsCache ? options.cache.dir : options.cache;
  const kept = await keptAnswer(options.git, dir, options, policy);
  if (kept) {
    options.logger?.info(
      `${kept.classifications.length} downstream commits: nothing moved since the classification kept in the cache`,
    );
    return kept;
  }
  // A shallow repository's history changes under the same revisions (a deepening fetch): its
  // classification is not kept. Asked beside the classification, which goes on meanwhile.
  const shallow = dir ? options.git.isShallow() : Promise.resolve(true);
  shallow.catch(() => {}); // awaited below, unless the classification fails first
  const analysis = await analyse(options);
  if (!(await shallow)) keepAnswer(dir, options, policy, analysis);
  return analysis;
}

/** Classifies the downstream commits of base..head (or all of them) against upstream. */
export async function classifyCommits(options: ClassifyOptions): Promise<Classification[]> {
  return (await classifyRange(options)).classifications;
}

export function countClasses(list: Classification[]): Counts {
  const counts = Object.fromEntries(COMMIT_CLASSES.map((c) => [c, 0])) as Counts;
  counts.warnings = 0;
  counts.commits = list.length;
  for (const c of list) {
    counts[c.class]++;
    counts.warnings += c.warnings.length;
  }
  return counts;
}
