/**
 * The backport scan: which commits of the upstream development branch, since the last scan,
 * the downstream branch should carry (a stable marker, a `Fixes:` naming a commit downstream
 * has, or listed by hand), minus those downstream already has, recognised by a reference line
 * or an identical patch. Built to be cheaper than `git log --cherry-mark` over the same range:
 * messages are read in one pass, and patch ids are computed only for commits whose changed
 * files equal a candidate's (git's own trick for cherry detection).
 */
import type { Git } from '../git.js';
import { findReferences, fixesReferences, revertedCommit } from '../references.js';
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

function matchPrefix(prefixes: Map<string, string[]>, sha: string): string | undefined {
  for (const p of prefixes.get(sha.slice(0, 7)) ?? []) if (sha.startsWith(p)) return p;
  return undefined;
}

/**
 * Which of `commits` downstream already carries: commit → why (the reference line or the
 * downstream commit with the same patch). Reads only the downstream-only commits.
 */
export async function presentDownstream(
  git: Git,
  commits: CommitRecord[],
  options: {
    upstream: string;
    target: string;
    referencePatterns?: RegExp[];
    /** The downstream-only commits with their files, when the caller has read them already. */
    downstream?: CommitRecord[];
  },
): Promise<Map<string, string>> {
  const present = new Map<string, string>();
  if (!commits.length) return present;
  const downstream =
    options.downstream ?? (await readDownstream(git, options.upstream, options.target));
  const referenced = new Map<string, string[]>();
  const lineOf = new Map<string, string>();
  for (const d of downstream) {
    for (const r of findReferences(d.message, options.referencePatterns)) {
      if (r.sha.length < 7) continue;
      const k = r.sha.slice(0, 7);
      referenced.set(k, [...(referenced.get(k) ?? []), r.sha]);
      lineOf.set(r.sha, `${d.sha.slice(0, 12)} says "${r.line}"`);
    }
  }
  const unmatched: CommitRecord[] = [];
  for (const c of commits) {
    const p = matchPrefix(referenced, c.sha);
    if (p) present.set(c.sha, lineOf.get(p)!);
    else unmatched.push(c);
  }
  if (!unmatched.length) return present;
  // Patch ids only where the changed files are the same set: equal patches touch equal files.
  const withFiles = unmatched.some((c) => !c.files)
    ? await filesOf(
        git,
        unmatched.map((c) => c.sha),
      )
    : new Map(unmatched.map((c) => [c.sha, c.files!]));
  const byFiles = new Map<string, string[]>();
  for (const d of downstream) {
    const key = [...(d.files ?? [])].sort().join('\0');
    byFiles.set(key, [...(byFiles.get(key) ?? []), d.sha]);
  }
  const toHash = new Set<string>();
  const candidatesByKey = new Map<string, string[]>();
  for (const c of unmatched) {
    const key = [...(withFiles.get(c.sha) ?? [])].sort().join('\0');
    const same = byFiles.get(key);
    if (!same) continue;
    candidatesByKey.set(c.sha, same);
    toHash.add(c.sha);
    same.forEach((s) => toHash.add(s));
  }
  if (!toHash.size) return present;
  const ids = await git.patchIds([...toHash]);
  for (const [sha, same] of candidatesByKey) {
    const id = ids.get(sha);
    const twin = id && same.find((s) => ids.get(s) === id);
    if (twin) present.set(sha, `${twin.slice(0, 12)} has the same patch`);
  }
  return present;
}

/** The commits only downstream has, with the files each changes. */
export function readDownstream(
  git: Git,
  upstream: string,
  target: string,
): Promise<CommitRecord[]> {
  return readCommits(git, [`${upstream}..${target}`], { files: true });
}

async function filesOf(git: Git, commits: string[]): Promise<Map<string, string[]>> {
  const out = await git.run(
    ['diff-tree', '--stdin', '--name-only', '--no-renames', '-r', '--root'],
    {
      input: commits.join('\n') + '\n',
    },
  );
  const map = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const line of out.split('\n')) {
    if (/^[0-9a-f]{40,64}$/.test(line)) map.set(line, (current = []));
    else if (line && current) current.push(line);
  }
  return map;
}

/**
 * Which `Fixes:` ids name a commit the downstream branch has, in its history or carried (a
 * reference line or the same patch): only those make a commit a candidate, and only those
 * may be called "a commit downstream has".
 */
async function fixedDownstream(
  git: Git,
  ids: string[],
  o: { upstream: string; target: string; referencePatterns?: RegExp[]; downstream: CommitRecord[] },
): Promise<(id: string) => boolean> {
  const fixIds = [...new Set(ids)];
  if (!fixIds.length) return () => false;
  const resolved = await git.resolveCommits(fixIds);
  const fixedFull = [...new Set(resolved.values())];
  const notInTarget = new Set(
    fixedFull.length
      ? (
          await git.run(['rev-list', '--stdin'], {
            input: [...fixedFull, `^${o.target}`].join('\n') + '\n',
          })
        )
          .split('\n')
          .filter(Boolean)
      : [],
  );
  const fixedRecords = [...notInTarget].map((sha) => ({
    sha,
    subject: '',
    author: { name: '', email: '', date: '' },
    message: '',
  }));
  const carried = await presentDownstream(git, fixedRecords, o);
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
  o: Omit<ScanOptions, 'since'> & { downstream?: CommitRecord[] },
): Promise<Map<string, string[]>> {
  const listed = new Set(o.commits ?? []);
  const ids = commits.flatMap((c) => fixesReferences(c.message));
  const fixes = ids.length
    ? await fixedDownstream(git, ids, {
        ...o,
        downstream: o.downstream ?? (await readDownstream(git, o.upstream, o.target)),
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

  const downstream = await readDownstream(git, o.upstream, o.target);
  const fixes = await fixedDownstream(
    git,
    provisional.flatMap((p) => p.fixes),
    { ...o, downstream },
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
  const present = await presentDownstream(git, firm, { ...o, downstream });
  for (const c of firm) {
    const why = present.get(c.sha);
    if (why)
      result.skipped.push({ sha: c.sha, subject: c.subject, why: `already downstream: ${why}` });
    else result.candidates.push(c);
  }
  return result;
}
