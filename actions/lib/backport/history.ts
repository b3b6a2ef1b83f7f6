/**
 * The classifier's first stage: the facts of every commit on both sides, in one streamed pass
 * a side. The downstream commits not upstream (with parents and messages) and the upstream
 * commits to compare with come from one walk; the facts of each (paths, references, reverts,
 * fixes) from the cache or one `git log` over all of them. Cold, the walk of upstream reads the
 * facts as it goes and runs beside the work on the downstream side.
 */
import type { Git } from '../git.js';
import type { Logger } from '../log.js';
import {
  commitFacts,
  lacksPatchIds,
  messagesAndFacts,
  PatchIdStreams,
  walkFacts,
} from './facts.js';
import type { CommitFacts, FactsCache } from './facts.js';
import { PrefixIndex } from './resolve.js';
import { revList, sides } from './walk.js';

/** The revisions of a run, resolved to commit ids. */
export interface Revisions {
  head: string;
  base?: string;
  development: string;
  followed: string;
  more: string[];
}

/** A downstream commit not upstream, as the walk found it. */
export interface DownstreamCommit {
  commit: string;
  parents: string[];
  message: string;
}

export interface FollowUp {
  commit: string;
  kind: 'revert' | 'fix';
}

export interface History {
  /** Every downstream commit not upstream, newest first. */
  all: DownstreamCommit[];
  /** Those of base..head, oldest first: the ones classified. */
  listed: DownstreamCommit[];
  /** Commits brought into base..head that are upstream's own (an upstream sync). */
  upstreamInRange: number;
  /** Upstream commits not in the head, newest first (merges left out). */
  upstream: string[];
  upstreamSet: Set<string>;
  /** Facts of the downstream commits and of the upstream candidates. */
  facts: Map<string, CommitFacts>;
  /** Upstream commits changing the same paths as a classified one: a patch may match. */
  candidates: string[];
  /** Upstream reverts and fixes, by the commit they name. */
  followUps: PrefixIndex<FollowUp>;
  /** Upstream commits whose message names a commit as its origin: written id → commits. */
  upstreamByReference: Map<string, string[]>;
  /** A merge's patch is against its first parent. */
  firstParent: Map<string, string>;
  /**
   * The default patch-ids of the classified commits and the candidates, computing: the next
   * stage adds the upstream commits named, then closes it.
   */
  stable: PatchIdStreams;
  /**
   * Cold, the walk of upstream goes on after this stage returns, beside the next ones:
   * `upstream`, `candidates`, `followUps`, `upstreamByReference` and the candidates' facts
   * are whole once this resolves (at once, warm).
   */
  upstreamRead: Promise<void>;
}

export async function readHistory(
  git: Git,
  revisions: Revisions,
  cache: FactsCache,
  options: { extraPatterns?: RegExp[]; logger?: Logger },
): Promise<History> {
  const { head, base, development, followed, more } = revisions;
  const { extraPatterns, logger } = options;
  const tips = [...new Set([development, followed, ...more])];

  // Cold: a walk reads every upstream commit's facts, started first so that it runs beside
  // the work on the downstream side; what it finds early waits until that is done.
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
  // The messages (cold: with the facts, in one pass) and the range are read beside it.
  const ranged = base ? revList(git, [head, '--not', base]) : undefined;
  ranged?.catch(() => {}); // awaited below
  const downstreamRange = [head, '--not', ...tips];
  const [walked, read] = await Promise.all([
    sides(git, head, tips),
    cold
      ? messagesAndFacts(git, downstreamRange, cache, { extraPatterns, logger })
      : git.messagesInRange(downstreamRange).then((messages) => ({ messages, facts: undefined })),
  ]);
  const messages = read.messages;
  const facts =
    read.facts ??
    (await commitFacts(
      git,
      walked.downstream.map((d) => d.commit),
      cache,
      { extraPatterns, logger },
    ));
  const all = walked.downstream.map((d) => ({ ...d, message: messages.get(d.commit) ?? '' }));
  const inRange = ranged ? new Set(await ranged) : undefined;
  const listed = all.filter((l) => !inRange || inRange.has(l.commit)).reverse();
  const upstreamInRange = inRange ? inRange.size - listed.length : 0;

  // Patch-ids only where a match is possible: classified commits, upstream commits touching
  // the same paths as one of them, and (next stage) the upstream commits named. They are
  // computed beside the walk of upstream, as it finds them.
  const stable = new PatchIdStreams(git, ['stable']);
  const firstParent = new Map<string, string>();
  const wantedFiles = new Set<string>();
  for (const l of listed) {
    const f = facts.get(l.commit);
    if (l.parents.length > 1) firstParent.set(l.commit, l.parents[0]);
    if (f && f.files !== '-') wantedFiles.add(f.files);
    if (lacksPatchIds(f, 'stable')) stable.add(l.commit, firstParent.get(l.commit));
  }
  // One pass over the upstream commits: candidates for patch-ids, and the follow-ups
  // (reverts, Fixes:) and references their messages write. Only candidates' facts are kept.
  const upstream: string[] = [];
  const candidates: string[] = [];
  const followUps = new PrefixIndex<FollowUp>();
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
    if (lacksPatchIds(f, 'stable')) stable.add(c);
  };
  // The walk's order differs warm and cold; the answer must not.
  const done = () => {
    for (const list of upstreamByReference.values()) if (list.length > 1) list.sort();
    logger?.info(
      `${listed.length} downstream commits to classify, ${upstream.length} upstream commits to compare with`,
    );
  };
  let upstreamRead: Promise<void>;
  if (coldWalk) {
    onUpstream = (c, f) => {
      upstream.push(c);
      consider(c, f);
    };
    for (const [c, f] of early) onUpstream(c, f);
    early.length = 0;
    upstreamRead = coldWalk.then(done);
    upstreamRead.catch(() => {}); // awaited by the next stages; they may fail first
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
    done();
    upstreamRead = Promise.resolve();
  }
  return {
    all,
    listed,
    upstreamInRange,
    upstream,
    // (the walk of both sides found the same commits as the walk of upstream, sooner)
    upstreamSet: new Set(walked.upstream),
    facts,
    candidates,
    followUps,
    upstreamByReference,
    firstParent,
    stable,
    upstreamRead,
  };
}
