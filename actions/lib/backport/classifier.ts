/**
 * The commit classifier: each downstream commit is upstream (the same patch as an upstream
 * commit), a backport (names an upstream commit of the development branch), a revert (of a
 * downstream commit), downstream-only (declared so), an upstream sync (a merge of the branch
 * followed), or a violation. The Linux stable rule, read from every reference form in use.
 */
import type { Git } from '../git.js';
import { ConfigurationError } from '../errors.js';
import type { Logger } from '../log.js';
import { findReferences, subjectPrefix, type UpstreamReference } from '../references.js';
import {
  commitFacts,
  FactsCache,
  factsKey,
  lacksPatchIds,
  PatchIdStreams,
  walkFacts,
  type CommitFacts,
} from './facts.js';
import { followUpsCarriedByPatch } from './follow-ups.js';
import { combinedPatchIds, type CombinedPatchIds } from './squash.js';
import { changeNote, defaultPolicy, downstreamOnlyReason, type Policy } from './policy.js';
import { PrefixIndex, resolveReferences, type Resolution } from './resolve.js';
import { revList, sides } from './walk.js';

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
  cache: FactsCache;
}

const RS = '\x1e';

/** Resolves a revision to a commit id, or says plainly which one is missing. */
async function resolveRevision(git: Git, what: string, rev: string): Promise<string> {
  const id = await git.commitOf(rev);
  if (!id) throw new ConfigurationError(what, `The ${what} '${rev}' does not name a commit.`);
  return id;
}

/** The cache of the policy's key: one loaded under another policy is not read. */
function factsCacheFor(cache: ClassifyOptions['cache'], policy: Policy): FactsCache {
  if (!(cache instanceof FactsCache)) return FactsCache.load(cache, policy);
  return cache.key === factsKey(policy) ? cache : FactsCache.load(cache.dir, policy);
}

/** Runs every stage and returns the classifications with what was learnt on the way. */
export async function analyse(options: ClassifyOptions): Promise<Analysis> {
  const { git, logger } = options;
  const policy = options.policy ?? defaultPolicy;
  const cache = factsCacheFor(options.cache, policy);
  const head = await resolveRevision(git, 'head revision', options.head);
  const base = options.base ? await resolveRevision(git, 'base revision', options.base) : undefined;
  const development = await resolveRevision(
    git,
    'upstream development branch',
    options.development,
  );
  const followed = options.followed
    ? await resolveRevision(git, 'upstream branch followed', options.followed)
    : development;
  const more: string[] = [];
  for (const r of options.moreUpstream ?? [])
    more.push(await resolveRevision(git, 'upstream revision', r));
  const tips = [...new Set([development, followed, ...more])];

  // Cold: a walk reads every upstream commit's facts, started first so that it runs beside
  // the work on the downstream side; what it finds early waits until that is done.
  const extraPatterns = policy.referencePatterns;
  const cold = cache.size === 0;
  const early: [string, CommitFacts][] = [];
  let onUpstream = (c: string, f: CommitFacts) => void early.push([c, f]);
  const coldWalk = cold
    ? walkFacts(git, ['--no-merges', ...tips, '--not', head], cache, (c, f) => onUpstream(c, f), {
        extraPatterns,
        logger,
      })
    : undefined;
  coldWalk?.catch(() => {}); // awaited below; a failure of the side work must not orphan it

  // Every downstream commit that is not upstream, with parents and messages, newest first,
  // and the upstream commits to compare with: one walk. Those of base..head are classified.
  const walked = await sides(git, head, tips);
  const messages = new Map<string, string>();
  if (walked.downstream.length) {
    const text = await git.run(
      ['log', '--no-walk=unsorted', '--stdin', `--format=${'%x1e'}%H%n%B`],
      {
        input: walked.downstream.map((d) => d.commit).join('\n') + '\n',
      },
    );
    for (const chunk of text.split(RS)) {
      const nl = chunk.indexOf('\n');
      if (nl > 0) messages.set(chunk.slice(0, nl), chunk.slice(nl + 1).trimEnd());
    }
  }
  const all = walked.downstream.map((d) => ({ ...d, message: messages.get(d.commit) ?? '' }));
  const inRange = base ? new Set(await revList(git, [head, '--not', base])) : undefined;
  const listed = all.filter((l) => !inRange || inRange.has(l.commit)).reverse();
  const upstreamInRange = inRange ? inRange.size - listed.length : 0;
  const downstream = all.map((l) => l.commit);

  const facts = await commitFacts(git, downstream, cache, { extraPatterns, logger });

  // Patch-ids only where a match is possible: classified commits, upstream commits touching
  // the same paths as one of them, and the upstream commits named. They are computed beside
  // the walk of upstream, as it finds them; zero-context ones afterwards, only where the
  // default ones leave a question.
  const streams = new PatchIdStreams(git, ['stable']);
  const firstParent = new Map<string, string>();
  const wantedFiles = new Set<string>();
  for (const l of listed) {
    const f = facts.get(l.commit);
    if (l.parents.length > 1) firstParent.set(l.commit, l.parents[0]);
    if (f && f.files !== '-') wantedFiles.add(f.files);
    if (lacksPatchIds(f, 'stable')) streams.add(l.commit, firstParent.get(l.commit));
  }
  // One pass over the upstream commits: candidates for patch-ids, and the follow-ups
  // (reverts, Fixes:) and references their messages write. Only candidates' facts are kept.
  const upstream: string[] = [];
  const candidates: string[] = [];
  const followUps = new PrefixIndex<{ commit: string; kind: 'revert' | 'fix' }>();
  const upstreamByReference = new Map<string, string[]>();
  const consider = (c: string, f: CommitFacts) => {
    if (f.reverts) followUps.add(f.reverts, { commit: c, kind: 'revert' });
    for (const x of f.fixes) followUps.add(x, { commit: c, kind: 'fix' });
    for (const r of f.references) {
      const list = upstreamByReference.get(r);
      if (list) list.push(c);
      else upstreamByReference.set(r, [c]);
    }
    if (!wantedFiles.has(f.files)) return;
    facts.set(c, f);
    candidates.push(c);
    if (lacksPatchIds(f, 'stable')) streams.add(c);
  };
  if (coldWalk) {
    onUpstream = (c, f) => {
      upstream.push(c);
      consider(c, f);
    };
    for (const [c, f] of early) onUpstream(c, f);
    early.length = 0;
    await coldWalk;
  } else {
    const missing: string[] = [];
    for (const c of walked.upstream) {
      upstream.push(c);
      const f = cache.get(c);
      if (f) consider(c, f);
      else missing.push(c);
    }
    if (missing.length)
      for (const [c, f] of await commitFacts(git, missing, cache, { extraPatterns, logger }))
        consider(c, f);
  }
  const upstreamSet = new Set(upstream);
  logger?.info(
    `${listed.length} downstream commits to classify, ${upstream.length} upstream commits to compare with`,
  );

  // References written in the classified commits, resolved all at once.
  const written = new Map<string, UpstreamReference[]>();
  for (const l of listed) written.set(l.commit, findReferences(l.message, extraPatterns));
  const resolutions = await resolveReferences(
    git,
    [...new Set([...written.values()].flat().map((r) => r.sha))],
    { development, head, upstreamSet, policy, options },
  );
  const named = [...resolutions.values()].map((r) => r.commit).filter((c): c is string => !!c);
  const namedMissing = named.filter((c) => !facts.has(c));
  if (namedMissing.length) {
    for (const [c, f] of await commitFacts(git, namedMissing, cache, { extraPatterns }))
      facts.set(c, f);
  }
  for (const c of named) if (lacksPatchIds(facts.get(c), 'stable')) streams.add(c);
  if (streams.size) logger?.debug(`computing patch-ids of ${streams.size} commits`);
  await streams.finish(facts, cache);

  // Zero context where the default patch-ids leave a question: a classified commit that
  // matched nothing, the upstream commits touching its paths, and named commits that differ.
  const stableIds = new Set<string>();
  for (const c of candidates) {
    const id = facts.get(c)!.stable;
    if (id) stableIds.add(id);
  }
  const namedBy = (commit: string) => namedCommits(written.get(commit) ?? [], resolutions);
  const squashes = new Map<string, CombinedPatchIds | undefined>();
  for (const l of listed) {
    const commits = namedBy(l.commit);
    if (commits.length > 1) squashes.set(l.commit, await combinedPatchIds(git, commits));
  }
  const zero = new PatchIdStreams(git, ['zero']);
  const zeroFiles = new Set<string>();
  const needZero = (c: string) => {
    if (lacksPatchIds(facts.get(c), 'zero')) zero.add(c, firstParent.get(c));
  };
  for (const l of listed) {
    const f = facts.get(l.commit)!;
    if (squashes.has(l.commit)) {
      if (squashes.get(l.commit)?.stable !== f.stable) needZero(l.commit);
      continue;
    }
    const refs = (written.get(l.commit) ?? [])
      .map((r) => resolutions.get(r.sha)?.commit)
      .filter((c): c is string => !!c);
    const namedDiffer = refs.filter((c) => facts.get(c)?.stable !== f.stable);
    if ((f.stable && stableIds.has(f.stable)) || (refs.length && !namedDiffer.length)) continue;
    needZero(l.commit);
    namedDiffer.forEach(needZero);
    if (f.files !== '-') zeroFiles.add(f.files);
  }
  for (const c of candidates) if (zeroFiles.has(facts.get(c)!.files)) needZero(c);
  if (zero.size) logger?.debug(`computing zero-context patch-ids of ${zero.size} commits`);
  await zero.finish(facts, cache);
  const byPatch = new Map<string, string[]>();
  for (const c of candidates) {
    const f = facts.get(c)!;
    for (const id of [f.stable, f.zero]) {
      if (!id) continue;
      const list = byPatch.get(id);
      if (list) list.push(c);
      else byPatch.set(id, [c]);
    }
  }
  // The walk's order differs warm and cold; the answer must not.
  for (const list of byPatch.values()) if (list.length > 1) list.sort();
  for (const list of upstreamByReference.values()) if (list.length > 1) list.sort();

  // What the downstream already carries, by the references its commits write, and of the
  // follow-ups no message names, those it carries as the same patch.
  const carried = new PrefixIndex<string>();
  for (const c of downstream) for (const r of facts.get(c)?.references ?? []) carried.add(r, c);
  const doubtful = new Set<string>();
  for (const l of listed)
    for (const c of namedBy(l.commit))
      for (const fu of followUps.find(c))
        if (!carried.find(fu.commit).length) doubtful.add(fu.commit);
  const carriedByPatch = await followUpsCarriedByPatch(
    git,
    [...doubtful].sort(),
    all,
    facts,
    cache,
    logger,
  );
  const downstreamIndex = new PrefixIndex<string>();
  for (const c of downstream) downstreamIndex.add(c, c);

  const downstreamSet = new Set(downstream);
  const classifications: Classification[] = [];
  for (const l of listed) {
    classifications.push(
      await classifyOne(l, {
        git,
        policy,
        facts,
        written: written.get(l.commit) ?? [],
        resolutions,
        byPatch,
        followUps,
        carried,
        carriedByPatch,
        squashes,
        downstreamIndex,
        upstreamSet,
        downstreamSet,
        syncTips: [followed, ...more],
        development,
      }),
    );
  }
  cache.save();
  return {
    revisions: { head, base, development, followed, more },
    classifications,
    downstream,
    upstream,
    facts,
    byPatch,
    upstreamByReference,
    upstreamInRange,
    cache,
  };
}

/** Classifies the downstream commits of base..head (or all of them) against upstream. */
export async function classifyCommits(options: ClassifyOptions): Promise<Classification[]> {
  return (await analyse(options)).classifications;
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

interface OneContext {
  git: Git;
  policy: Policy;
  facts: Map<string, CommitFacts>;
  written: UpstreamReference[];
  resolutions: Map<string, Resolution>;
  byPatch: Map<string, string[]>;
  followUps: PrefixIndex<{ commit: string; kind: 'revert' | 'fix' }>;
  carried: PrefixIndex<string>;
  /** Follow-ups no downstream message names that a downstream commit has as the same patch. */
  carriedByPatch: Set<string>;
  /** Squashed picks: their named commits' patch-ids applied in turn (undefined: they do not apply). */
  squashes: Map<string, CombinedPatchIds | undefined>;
  downstreamIndex: PrefixIndex<string>;
  upstreamSet: Set<string>;
  /** Downstream commits that are not upstream. */
  downstreamSet: Set<string>;
  syncTips: string[];
  development: string;
}

function comparePatches(a?: CommitFacts, b?: Partial<CommitFacts>): PatchMatch {
  if (a?.stable && a.stable === b?.stable) return 'identical';
  if (a?.zero && a.zero === b?.zero) return 'context-moved';
  return 'modified';
}

/** The upstream commits a message names that resolve to development commits, each once. */
function namedCommits(
  written: UpstreamReference[],
  resolutions: Map<string, Resolution>,
): string[] {
  const out: string[] = [];
  for (const ref of written) {
    const r = resolutions.get(ref.sha);
    if (r?.commit && !r.problem && !out.includes(r.commit)) out.push(r.commit);
  }
  return out;
}

/** Of upstream commits with one patch (a pick on a stable branch too), the development one. */
async function preferDevelopment(ctx: OneContext, commits: string[]): Promise<string> {
  if (commits.length > 1)
    for (const c of commits) if (await ctx.git.isAncestor(c, ctx.development)) return c;
  return commits[0];
}

async function subjectOf(git: Git, commit: string): Promise<string> {
  return git.run(['log', '-1', '--format=%s', commit]);
}

/** A backport of the named commits: how its patch compares, and what upstream did since. */
function asBackport(
  result: Classification,
  named: string[],
  f: CommitFacts | undefined,
  note: string | undefined,
  ctx: OneContext,
): void {
  const first = ctx.written.find((r) => ctx.resolutions.get(r.sha)?.commit === named[0])!;
  const shown = named.map((c) => c.slice(0, 12)).join(', ');
  result.class = 'backport';
  result.upstream = named[0];
  result.upstreams = named;
  result.reference = first;
  if (named.length > 1) {
    result.patch = comparePatches(f, ctx.squashes.get(result.commit));
    result.notes.push(
      `a squash of ${named.length} upstream commits, compared with them applied in turn`,
    );
  } else result.patch = comparePatches(f, ctx.facts.get(named[0]));
  if (result.patch === 'context-moved')
    result.notes.push('the same change as upstream with its context moved');
  if (result.patch === 'modified') {
    if (note) result.notes.push(`modified: ${note}`);
    else
      result.warnings.push(
        `modified backport of ${shown} without a note explaining the change (such as [name: reason])`,
      );
  }
  for (const c of named) {
    const followUps = ctx.followUps.find(c).sort((a, b) => (a.commit < b.commit ? -1 : 1));
    for (const fu of followUps) {
      if (ctx.carried.find(fu.commit).length || ctx.carriedByPatch.has(fu.commit)) continue;
      result.warnings.push(
        fu.kind === 'revert'
          ? `upstream has since reverted ${c.slice(0, 12)} in ${fu.commit.slice(0, 12)}`
          : `upstream ${fu.commit.slice(0, 12)} fixes ${c.slice(0, 12)} (Fixes:) and is not carried downstream`,
      );
    }
  }
}

/** The reason a revert gives: its message without the subject and the `This reverts` line. */
function revertReason(subject: string, message: string): string {
  const body = message
    .split('\n')
    .slice(1)
    .filter((l) => !/This reverts commit/.test(l) && !/^\s*[\w-]+:\s/.test(l))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  return body || subject;
}

async function classifyOne(
  l: { commit: string; parents: string[]; message: string },
  ctx: OneContext,
): Promise<Classification> {
  const subject = l.message.split('\n')[0] ?? '';
  const result: Classification = {
    commit: l.commit,
    subject,
    class: 'violation',
    notes: [],
    warnings: [],
    parents: l.parents,
  };
  const f = ctx.facts.get(l.commit);

  // An upstream sync: every parent but the first is in the upstream branch followed.
  if (l.parents.length > 1) {
    const synced: boolean[] = [];
    for (const p of l.parents.slice(1)) {
      let ok = false;
      for (const tip of ctx.syncTips) if (!ok) ok = await ctx.git.isAncestor(p, tip);
      synced.push(ok);
    }
    if (synced.every(Boolean)) {
      result.class = 'sync';
      result.upstream = l.parents[l.parents.length - 1];
      result.reason = 'merges the upstream branch followed';
      return result;
    }
    // A merge of downstream commits (a topic branch, a merge queue) that adds no change of its
    // own: the commits it brings are classified on their own, so it is only a merge.
    const brought = await revList(ctx.git, [...l.parents.slice(1), '--not', l.parents[0]]);
    const foreign = brought.filter((c) => !ctx.downstreamSet.has(c));
    if (!foreign.length && l.parents.length === 2) {
      const merged = await ctx.git.exec(['merge-tree', '--write-tree', ...l.parents], {
        allowFailure: true,
      });
      const tree = await ctx.git.run(['rev-parse', `${l.commit}^{tree}`]);
      if (merged.code === 0 && merged.stdout.split('\n')[0] === tree) {
        result.class = 'merge';
        result.reason = `merges ${brought.length} downstream commit${brought.length === 1 ? '' : 's'}, classified on their own, and changes nothing else`;
        return result;
      }
    }
    if (foreign.length)
      result.notes.push(
        `merges ${foreign.length} upstream commit${foreign.length === 1 ? '' : 's'} of a branch other than the one followed`,
      );
    result.notes.push('a merge that is not an upstream sync: classified by what it changes');
  }

  const declared = downstreamOnlyReason(ctx.policy, subject, l.message);
  if (declared) result.declared = declared.reason || '(no reason given)';
  // Every date a Xen stable message gives (a squash has one per upstream commit).
  for (const m of l.message.matchAll(/^\s*master date:\s*(.+?)\s*$/gim))
    result.notes.push(`master date: ${m[1]}`);
  const note = changeNote(l.message);

  // A backport: it names upstream commits of the development branch (several: a squash).
  const problems: string[] = [];
  for (const ref of ctx.written) {
    const r = ctx.resolutions.get(ref.sha);
    if (!r?.commit || r.problem) problems.push(`${ref.line}: ${r?.problem ?? 'not resolved'}`);
  }
  const named = namedCommits(ctx.written, ctx.resolutions);
  if (named.length) {
    asBackport(result, named, f, note, ctx);
    for (const p of problems) result.warnings.push(`another reference is not usable: ${p}`);
    return result;
  }

  // The same patch as an upstream commit, with or without the surrounding context.
  const matches = (f?.stable && ctx.byPatch.get(f.stable)) || (f?.zero && ctx.byPatch.get(f.zero));
  if (matches) {
    const match = await preferDevelopment(ctx, matches);
    result.class = 'upstream';
    result.upstream = match;
    result.patch = comparePatches(f, ctx.facts.get(match));
    if (result.patch === 'context-moved')
      result.notes.push('the same change as upstream with its context moved');
    if (problems.length) {
      const what = `${match.slice(0, 12)} ("${await subjectOf(ctx.git, match)}")`;
      for (const p of problems)
        result.warnings.push(
          `the reference is not usable: ${p}; the same patch as upstream ${what} is the commit to name`,
        );
    }
    if (declared)
      result.notes.push(
        `declared ${declared.marker} ${result.declared}, but upstream carries it now`,
      );
    const prefix = subjectPrefix(subject);
    if (prefix && prefix !== 'FROMLIST' && !ctx.written.length)
      result.warnings.push(`subject says ${prefix}: but names no upstream commit`);
    return result;
  }

  // A revert of a downstream commit moves the tree back toward upstream.
  const reverted = f?.reverts;
  if (reverted) {
    const target = ctx.downstreamIndex.find(reverted)[0];
    if (target) {
      result.class = 'revert';
      result.reverts = target;
      result.reason = revertReason(subject, l.message);
      return result;
    }
  }

  if (declared) {
    result.class = 'downstream-only';
    result.reason = result.declared;
    if (!declared.reason) result.warnings.push(`${declared.marker} gives no reason`);
    for (const p of problems) result.notes.push(`reference not usable: ${p}`);
    return result;
  }

  result.class = 'violation';
  const prefix = subjectPrefix(subject);
  if (problems.length) result.reason = problems.join('; ');
  else if (reverted)
    result.reason = `reverts ${reverted.slice(0, 12)}, which is not a downstream commit: the tree moves away from upstream`;
  else if (prefix === 'FROMLIST')
    result.reason = 'FROMLIST: a patch from a mailing list, not in the upstream development branch';
  else if (prefix)
    result.reason = `subject says ${prefix}: but names no upstream commit and matches no upstream patch`;
  else
    result.reason =
      'no upstream reference, not the same patch as an upstream commit, and not declared downstream-only';
  return result;
}
