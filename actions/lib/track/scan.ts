/**
 * The backport scan: which commits of the upstream development branch, since the last scan,
 * the downstream branch should carry (a stable marker, a `Fixes:` naming a commit downstream
 * has, or listed by hand), minus those downstream already has. What downstream has is the
 * backport check's own answer (backport/downstream.ts: every reference form, squashed picks,
 * the same patch), so a commit the check calls backported is never proposed again.
 */
import { alreadyDownstream, defaultPolicy, type Carried } from '../backport/index.js';
import type { Git } from '../git.js';
import type { Logger } from '../log.js';
import { fixesReferences, revertedCommit } from '../references.js';
import { readCommits, type CommitRecord } from './history.js';

/** Stable markers the ecosystems use; users add their own. */
export const STABLE_MARKERS: RegExp[] = [
  /^\s*Cc:.*\bstable@vger\.kernel\.org\b/im,
  /^\s*Cc:.*\bqemu-stable@nongnu\.org\b/im,
];

/** The stable markers a message carries, as written. */
export function markerReasons(message: string, stablePatterns: RegExp[] = []): string[] {
  const reasons: string[] = [];
  for (const re of [...STABLE_MARKERS, ...stablePatterns]) {
    const m = re.exec(message);
    if (m) reasons.push(m[0].trim());
  }
  return reasons;
}

/** The reason a `Fixes:` gives (its fixed commit is one downstream has). */
export function fixesReason(fixed: string): string {
  return `Fixes: ${fixed.slice(0, 12)} (a commit downstream has)`;
}

export interface ScanOptions {
  /** The upstream development branch's head. */
  upstream: string;
  /** The downstream branch's head. */
  target: string;
  /** Where this scan starts (excluded): the last scanned upstream head, or the merge base. */
  since: string;
  stablePatterns?: RegExp[];
  referencePatterns?: RegExp[];
  /** Commits listed by hand (full ids), candidates whatever their markers. */
  commits?: string[];
  /** What downstream carries, when the caller has it already (see carriedDownstream). */
  carried?: () => Promise<Map<string, Carried>>;
  /** The folder the commit facts are cached in between runs. */
  cacheDir?: string;
  logger?: Logger;
}

export interface Candidate extends CommitRecord {
  reasons: string[];
}

export interface Skipped {
  sha: string;
  subject: string;
  why: string;
}

export interface ScanResult {
  /** In upstream order, oldest first. */
  candidates: Candidate[];
  skipped: Skipped[];
  /** Upstream commits of the range that a later commit of the range reverts. */
  reverted: Map<string, string>;
  /** How many upstream commits were read. */
  scanned: number;
  /** The commits of the range in the order read (oldest first, parents before children). */
  order: string[];
}

/**
 * The upstream commits the downstream branch carries (upstream commit → how), as the backport
 * check sees them; computed on first use, once.
 */
export function carriedDownstream(
  git: Git,
  o: Pick<ScanOptions, 'upstream' | 'target' | 'referencePatterns' | 'cacheDir' | 'logger'>,
): () => Promise<Map<string, Carried>> {
  let answer: Promise<Map<string, Carried>> | undefined;
  return () =>
    (answer ??= alreadyDownstream({
      git,
      upstream: o.upstream,
      downstream: o.target,
      policy: { ...defaultPolicy, referencePatterns: o.referencePatterns ?? [] },
      cache: o.cacheDir,
      logger: o.logger,
    }));
}

/**
 * Which `Fixes:` ids name a commit the downstream branch has, in its history or carried (a
 * reference line or the same patch): only those make a commit a candidate, and only those
 * may be called "a commit downstream has".
 */
async function fixedDownstream(
  git: Git,
  ids: string[],
  o: { target: string; carried: () => Promise<Map<string, Carried>> },
): Promise<(id: string) => boolean> {
  const fixIds = [...new Set(ids)];
  if (!fixIds.length) return () => false;
  const resolved = await git.resolveCommits(fixIds);
  const fixedFull = [...new Set(resolved.values())];
  const notInTarget = new Set(await git.reachableNotFrom(fixedFull, o.target));
  const carried = notInTarget.size ? await o.carried() : new Map<string, Carried>();
  return (id) => {
    const full = resolved.get(id);
    return !!full && (!notInTarget.has(full) || carried.has(full));
  };
}

/**
 * Why each of `commits` is a candidate, as a scan finds it: its stable markers, `listed`, and
 * each `Fixes:` that names a commit downstream has. An open batch is described with these, so
 * an unchanged batch keeps an unchanged body, and its body says only what is true.
 */
export async function candidateReasons(
  git: Git,
  commits: CommitRecord[],
  o: Omit<ScanOptions, 'since'>,
): Promise<Map<string, string[]>> {
  const listed = new Set(o.commits ?? []);
  const ids = commits.flatMap((c) => fixesReferences(c.message));
  const fixes = ids.length
    ? await fixedDownstream(git, ids, {
        target: o.target,
        carried: o.carried ?? carriedDownstream(git, o),
      })
    : () => false;
  return new Map(
    commits.map((c) => [
      c.sha,
      [
        ...markerReasons(c.message, o.stablePatterns),
        ...(listed.has(c.sha) ? ['listed'] : []),
        ...fixesReferences(c.message).filter(fixes).map(fixesReason),
      ],
    ]),
  );
}

/** Scans `since..upstream` for backport candidates. */
export async function scanBackports(git: Git, o: ScanOptions): Promise<ScanResult> {
  // Nothing new since the last scan: nothing to read (listed commits are still looked at).
  const range = o.since === o.upstream ? [] : await readCommits(git, [`${o.since}..${o.upstream}`]);
  const reverted = new Map<string, string>();
  const provisional: { c: CommitRecord; reasons: string[]; fixes: string[] }[] = [];
  const listed = new Set(o.commits ?? []);
  for (const c of range) {
    const undone = revertedCommit(c.message);
    if (undone) reverted.set(undone, c.sha);
    const reasons = markerReasons(c.message, o.stablePatterns);
    if (listed.has(c.sha)) reasons.push('listed');
    const fixes = fixesReferences(c.message);
    if (reasons.length || fixes.length) provisional.push({ c, reasons, fixes });
  }
  // Listed commits outside the range are still candidates, before the range's (older).
  const inRange = new Set(range.map((c) => c.sha));
  const outside = [...listed].filter((sha) => !inRange.has(sha));
  if (outside.length) {
    const extra = await readCommits(git, ['--no-walk=sorted', ...outside], { merges: true });
    provisional.unshift(
      ...extra.map((c) => ({
        c,
        reasons: [...markerReasons(c.message, o.stablePatterns), 'listed'],
        fixes: fixesReferences(c.message),
      })),
    );
  }
  const result: ScanResult = {
    candidates: [],
    skipped: [],
    reverted,
    scanned: range.length,
    order: range.map((c) => c.sha),
  };
  if (!provisional.length) return result;

  const carried = o.carried ?? carriedDownstream(git, o);
  const fixes = await fixedDownstream(
    git,
    provisional.flatMap((p) => p.fixes),
    { target: o.target, carried },
  );

  const firm: Candidate[] = [];
  for (const p of provisional) {
    const reasons = [...p.reasons, ...p.fixes.filter(fixes).map(fixesReason)];
    if (!reasons.length) continue;
    const revertedBy = reverted.get(p.c.sha);
    if (revertedBy) {
      result.skipped.push({
        sha: p.c.sha,
        subject: p.c.subject,
        why: `reverted upstream by ${revertedBy.slice(0, 12)}`,
      });
      continue;
    }
    firm.push({ ...p.c, reasons });
  }
  const present = firm.length ? await carried() : new Map<string, Carried>();
  for (const c of firm) {
    const why = present.get(c.sha)?.why;
    if (why)
      result.skipped.push({ sha: c.sha, subject: c.subject, why: `already downstream: ${why}` });
    else result.candidates.push(c);
  }
  return result;
}
