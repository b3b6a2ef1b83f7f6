/**
 * The divergence report: what exists only downstream, which of it upstream now carries in
 * another form, and what to revert or drop before syncing to a new upstream head, each with
 * the upstream commit that supersedes it. Read by people (Markdown) and by the sync pull
 * request of track (JSON).
 */
import {
  analyse,
  countClasses,
  type Classification,
  type ClassifyOptions,
  type CommitClass,
  type Counts,
  type PatchMatch,
  refLabel,
} from './classifier.js';
import { commitFacts, computePatchIds, type CommitFacts } from './facts.js';

export interface DivergenceOptions extends Omit<ClassifyOptions, 'head' | 'base' | 'moreUpstream'> {
  /** The downstream branch (a revision). */
  downstream: string;
  /** The upstream head the next sync goes to; the branch followed when not given. */
  target?: string;
}

export interface DownstreamOnlyCommit {
  commit: string;
  subject: string;
  reason: string;
}

export interface CarriedCommit {
  commit: string;
  subject: string;
  class: CommitClass;
  /** The downstream-only reason its message declares, if any. */
  declared?: string;
  /** The upstream commit that carries the same change. */
  upstream: string;
  upstreamSubject: string;
  /** How it was matched: a reference (either side names the other) or the patch itself. */
  match: 'reference' | 'patch';
  patch: PatchMatch;
}

export interface SupersededCommit extends CarriedCommit {
  /** drop: upstream has the identical patch; revert: it differs, so the upstream form applies cleanly. */
  action: 'drop' | 'revert';
}

export interface DivergenceReport {
  format: 'tributary.divergence/v1';
  downstream: { revision: string; commit: string };
  followed: { revision: string; commit: string };
  development: { revision: string; commit: string };
  target: { revision: string; commit: string };
  counts: Counts;
  /** Declared downstream-only, oldest first. */
  downstreamOnly: DownstreamOnlyCommit[];
  /** Downstream commits that break the policy (no upstream origin, no declaration). */
  unexplained: Classification[];
  /** Downstream-only (or unexplained) commits whose change upstream now carries. */
  carried: CarriedCommit[];
  /** Before syncing to the target: newest first, the order to revert them in. */
  supersededByTarget: SupersededCommit[];
  /** Every downstream commit, classified, oldest first. */
  commits: Classification[];
}

/** Prefix lookup of written (possibly abbreviated) commit ids, in one order warm or cold. */
function findByWritten(map: Map<string, string[]>, commit: string): string[] {
  const out = new Set<string>();
  for (const [written, commits] of map) {
    if (written.length >= 7 && commit.startsWith(written)) for (const c of commits) out.add(c);
  }
  return [...out].sort();
}

function compare(a?: CommitFacts, b?: CommitFacts): PatchMatch {
  if (a?.stable && a.stable === b?.stable) return 'identical';
  if (a?.zero && a.zero === b?.zero) return 'context-moved';
  return 'modified';
}

export async function divergence(options: DivergenceOptions): Promise<DivergenceReport> {
  const { git } = options;
  const targetRevision = options.target ?? options.followed ?? options.development;
  const analysis = await analyse({
    ...options,
    head: options.downstream,
    moreUpstream: [targetRevision],
  });
  const { classifications, facts, byPatch } = analysis;
  const target = (await git.commitOf(targetRevision))!;
  const targetSet = new Set<string>();
  for await (const c of git.nonMergesNotFrom(target, analysis.revisions.head)) targetSet.add(c);
  const upstreamSet = new Set(analysis.upstream);

  // Upstream commits naming a commit as their origin, for both directions of "by reference".
  const referencing = analysis.upstreamByReference;

  /** The upstream commits (within `within`) that carry a downstream commit's change. */
  const supersedingOf = (
    c: Classification,
    within: Set<string>,
  ): { upstream: string; match: 'reference' | 'patch' } | undefined => {
    if (c.class === 'backport' && c.upstream) {
      // Each commit it names (several: a squash) is there, or an upstream stable branch
      // carries its own pick of it; a squash is superseded only when all of them are.
      const carriers = (c.upstreams ?? [c.upstream]).map((named) =>
        within.has(named) ? named : findByWritten(referencing, named).find((u) => within.has(u)),
      );
      if (carriers.every(Boolean)) return { upstream: carriers[0]!, match: 'reference' };
    }
    const byDownstreamId = findByWritten(referencing, c.commit).filter((u) => within.has(u));
    if (byDownstreamId.length) return { upstream: byDownstreamId[0], match: 'reference' };
    const f = facts.get(c.commit);
    for (const id of [f?.stable, f?.zero]) {
      const hit = id ? byPatch.get(id)?.find((u) => within.has(u)) : undefined;
      if (hit) return { upstream: hit, match: 'patch' };
    }
    return undefined;
  };

  // Reverted pairs cancel out: neither needs anything before a sync.
  const cancelled = new Set<string>();
  for (const c of classifications) {
    if (c.class === 'revert' && c.reverts) {
      cancelled.add(c.commit);
      cancelled.add(c.reverts);
    }
  }

  const carriedRaw: { c: Classification; upstream: string; match: 'reference' | 'patch' }[] = [];
  const supersededRaw: typeof carriedRaw = [];
  for (const c of classifications) {
    if (c.class === 'sync' || c.class === 'merge' || cancelled.has(c.commit)) continue;
    if (c.class === 'downstream-only' || c.class === 'violation' || c.declared) {
      const s = supersedingOf(c, upstreamSet);
      if (s) carriedRaw.push({ c, ...s });
    }
    const t = supersedingOf(c, targetSet);
    if (t) supersededRaw.push({ c, ...t });
  }
  const uppers = [...new Set([...carriedRaw, ...supersededRaw].map((x) => x.upstream))];
  const unread = uppers.filter((c) => !facts.has(c));
  for (const [c, f] of await commitFacts(git, unread, analysis.cache)) facts.set(c, f);
  await computePatchIds(git, uppers, facts, analysis.cache, options.logger);
  analysis.cache.save();
  const names = new Map((await git.commitSummaries(uppers)).map((s) => [s.sha, s.subject]));
  const carried = (x: (typeof carriedRaw)[number]): CarriedCommit => ({
    commit: x.c.commit,
    subject: x.c.subject,
    class: x.c.class,
    declared: x.c.declared,
    upstream: x.upstream,
    upstreamSubject: names.get(x.upstream) ?? '',
    match: x.match,
    patch: compare(facts.get(x.c.commit), facts.get(x.upstream)),
  });

  const revision = (r: string, commit: string, label?: string) => ({
    revision: label ?? refLabel(r),
    commit,
  });
  const labels = options.labels ?? {};
  return {
    format: 'tributary.divergence/v1',
    downstream: revision(options.downstream, analysis.revisions.head, labels.downstream),
    followed: revision(
      options.followed ?? options.development,
      analysis.revisions.followed,
      labels.followed,
    ),
    development: revision(options.development, analysis.revisions.development, labels.development),
    target: revision(targetRevision, target, labels.target),
    counts: countClasses(classifications),
    downstreamOnly: classifications
      .filter((c) => c.class === 'downstream-only')
      .map((c) => ({ commit: c.commit, subject: c.subject, reason: c.reason ?? '' })),
    unexplained: classifications.filter((c) => c.class === 'violation'),
    carried: carriedRaw.map(carried),
    supersededByTarget: supersededRaw.reverse().map((x) => {
      const entry = carried(x);
      return { ...entry, action: entry.patch === 'identical' ? 'drop' : 'revert' };
    }),
    commits: classifications,
  };
}
