/**
 * backport: candidates of the upstream development branch since the last scan, picked with
 * `-x` in upstream order onto the downstream branch, one pull request per commit or one
 * batch per target. The last scanned upstream head lives in the hosted tree as
 * `refs/tributary/track/<target>/scanned`, moved (with a lease) only after every pull request
 * of the scan exists, so a failed run scans the same commits again.
 */
import type { Carried } from '../backport/index.js';
import { join } from 'node:path';
import { settingError } from '../errors.js';
import { markerKey } from './marker.js';
import { batch, perCommit } from './picks.js';
import { fetchTargetAndUpstream, short, type TrackContext } from './context.js';
import { escapeMarkdown, readCommits } from './history.js';
import { candidateReasons, carriedDownstream, scanBackports, type Candidate } from './scan.js';
import { count } from '../log.js';

export const scannedRef = (target: string) => `refs/tributary/track/${target}/scanned`;

/** The commit facts of the backport scan, kept in the work directory between runs. */
export const factsCacheDir = (workDir: string) => join(workDir, 'commit-facts');

export async function backport(ctx: TrackContext): Promise<void> {
  const { settings: s, git, pulls } = ctx;
  const upstreamUrl = s.upstreamUrl ?? s.gitUrl;
  const { target, upstream, found } = await fetchTargetAndUpstream(ctx, [
    { remote: scannedRef(s.target), local: 'refs/track/scanned', optional: true },
  ]);
  const scannedBefore = found.get(scannedRef(s.target));

  // Listed commits must exist before anything is written.
  const listed = await git.resolveCommits(s.commits);
  const unknown = s.commits.filter((c) => !listed.has(c));
  if (unknown.length)
    throw settingError(
      'commits',
      `${unknown.join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not a commit of ${s.upstream}.`,
    );

  const since = await scanStart(ctx, scannedBefore, target, upstream);
  await pulls.load('backport', { readOnly: s.dryRun });

  const listedShas = [...new Set(listed.values())];
  // What downstream carries, as the backport check sees it: read once, for every question.
  const carried = carriedDownstream(git, {
    upstream,
    target,
    referencePatterns: s.referencePatterns,
    cacheDir: factsCacheDir(s.workDir),
    logger: ctx.logger,
  });
  const result = await scanBackports(git, {
    upstream,
    target,
    since,
    stablePatterns: s.stablePatterns,
    referencePatterns: s.referencePatterns,
    commits: listedShas,
    carried,
  });
  ctx.notes.push(
    `Scanned ${result.scanned} upstream commit${result.scanned === 1 ? '' : 's'} of ${s.upstream} (${short(since)}..${short(upstream)}): ${result.candidates.length} to backport, ${result.skipped.length} skipped.`,
  );
  for (const k of result.skipped)
    ctx.notes.push(`- skipped ${short(k.sha)} ${escapeMarkdown(k.subject)}: ${k.why}`);
  if (s.dryRun) return listCandidates(ctx, result.candidates);

  const gone = await goneFromOpen(ctx, since, upstream, carried);
  let deferred: Candidate[] = [];
  if (s.grouping === 'per-commit') {
    for (const o of pulls.openPulls()) {
      const sha = o.marker.subject;
      const why = sha && gone.get(sha);
      if (why)
        await pulls.close(o.key, `the backport of ${short(sha!)} is no longer needed: ${why}.`);
    }
    deferred = await proposeEach(ctx, result.candidates, target, upstreamUrl);
  } else
    await proposeBatch(ctx, result.candidates, gone, { target, upstream, listedShas, carried });

  // Everything of this scan has its pull request: remember how far the scan went. With
  // candidates left for the next run, only as far as the last commit before the first of them.
  const scanned = deferred.length
    ? await resumePoint(git, result.order, deferred, { since, upstream })
    : upstream;
  // A first run that took nothing of its range has nothing to record.
  if (scanned !== scannedBefore && !(scannedBefore === undefined && scanned === since)) {
    const { rejected } = await git.pushWithLease(s.gitUrl, [
      { ref: scannedRef(s.target), sha: scanned, expected: scannedBefore },
    ]);
    if (rejected.length)
      ctx.logger.warning(
        `Another run moved ${scannedRef(s.target)} meanwhile; the next run scans from there.`,
      );
  }
}

/** Where this scan starts: the last scanned head, else `since`, else the merge base. */
async function scanStart(
  ctx: TrackContext,
  scannedBefore: string | undefined,
  target: string,
  upstream: string,
): Promise<string> {
  const { settings: s, git } = ctx;
  if (
    scannedBefore &&
    (await git.commitOf('refs/track/scanned')) &&
    (await git.isAncestor('refs/track/scanned', upstream))
  )
    return scannedBefore;
  if (scannedBefore)
    ctx.logger.warning(
      `${s.upstream} no longer contains the last scanned commit ${short(scannedBefore)} (rewritten?): scanning again from the merge base.`,
    );
  if (!s.since) return git.mergeBase(target, upstream);
  const c = await git.commitOf(s.since);
  if (!c) throw settingError('since', `${s.since} is not a commit of ${s.upstream}.`);
  return c;
}

/** Open pull requests of earlier scans whose commit landed by other means or was reverted. */
async function goneFromOpen(
  ctx: TrackContext,
  since: string,
  upstream: string,
  carriedDownstream: () => Promise<Map<string, Carried>>,
): Promise<Map<string, string>> {
  const { settings: s, pulls } = ctx;
  const carried = pulls
    .openPulls()
    .flatMap((o) => o.marker.commits ?? (o.marker.subject ? [o.marker.subject] : []));
  const gone = new Map<string, string>();
  if (!carried.length) return gone;
  const present = await carriedDownstream();
  for (const sha of carried) {
    const why = present.get(sha)?.why;
    if (why && !gone.has(sha))
      gone.set(sha, `it landed on \`${s.target}\` by other means (${why})`);
  }
  const reverts = await revertsOf(ctx, carried, since, upstream);
  for (const [sha, by] of reverts)
    if (!gone.has(sha)) gone.set(sha, `upstream reverted it (${short(by)})`);
  return gone;
}

/** dry-run: the candidates, and the open pull request of each, listed; nothing written. */
function listCandidates(ctx: TrackContext, candidates: Candidate[]): void {
  const { settings: s, pulls } = ctx;
  const batchKey = markerKey({ mode: 'backport', target: s.target });
  ctx.notes.push(
    `Dry run: ${count(candidates.length, 'candidate')}; nothing was pushed or opened, and the scan was not recorded.`,
  );
  for (const c of candidates) {
    const number =
      s.grouping === 'batch'
        ? pulls.openPulls().find((o) => o.key === batchKey && o.marker.commits?.includes(c.sha))
            ?.number
        : pulls.openFor(markerKey({ mode: 'backport', target: s.target, subject: c.sha }));
    ctx.candidates.push({ ...report(c), status: 'listed', number });
    ctx.notes.push(
      `- ${short(c.sha)} ${escapeMarkdown(c.subject)} (${c.reasons.map((r) => `\`${r.replace(/`/g, "'")}\``).join(', ')})${number ? `: #${number}` : ''}`,
    );
  }
}

const report = (c: Candidate) => ({ sha: c.sha, subject: c.subject, reasons: c.reasons });

/**
 * One pull request per candidate, in upstream order, opening at most max-pull-requests new
 * ones (and conflict issues); those that already have one are refreshed whatever the count.
 * Returns the candidates left for the next run, listed in the summary.
 */
async function proposeEach(
  ctx: TrackContext,
  candidates: Candidate[],
  target: string,
  upstreamUrl: string,
): Promise<Candidate[]> {
  const { settings: s, pulls } = ctx;
  let opened = 0;
  const deferred: Candidate[] = [];
  for (const c of candidates) {
    const key = markerKey({ mode: 'backport', target: s.target, subject: c.sha });
    if (opened >= s.maxPullRequests && pulls.openFor(key) === undefined) {
      deferred.push(c);
      ctx.candidates.push({ ...report(c), status: 'deferred' });
      continue;
    }
    const outcome = await pulls.propose(await perCommit(ctx, c, target, upstreamUrl));
    if (outcome.operation === 'created') opened++;
    ctx.candidates.push({ ...report(c), status: 'proposed', number: outcome.number });
  }
  if (deferred.length) {
    const notice = `${deferred.length} backport candidate${deferred.length === 1 ? '' : 's'} of ${s.upstream} wait${deferred.length === 1 ? 's' : ''} for the next run: this run opened ${opened}, its max-pull-requests.`;
    ctx.notices.push(notice);
    ctx.notes.push(
      `Left for the next run (max-pull-requests: ${s.maxPullRequests}):`,
      ...deferred.map((c) => `- ${short(c.sha)} ${escapeMarkdown(c.subject)}`),
    );
  }
  return deferred;
}

/** One pull request for every candidate of the target: the open batch's commits, then new ones. */
async function proposeBatch(
  ctx: TrackContext,
  candidates: Candidate[],
  gone: Map<string, string>,
  o: {
    target: string;
    upstream: string;
    listedShas: string[];
    carried: () => Promise<Map<string, Carried>>;
  },
): Promise<void> {
  const { settings: s, git, pulls } = ctx;
  const key = markerKey({ mode: 'backport', target: s.target });
  const open = pulls.openPulls().find((p) => p.key === key);
  const previous = open?.marker.commits ?? [];
  const keep = previous.filter((sha) => !gone.has(sha));
  const fresh = candidates.filter((c) => !keep.includes(c.sha));
  const records = keep.length
    ? await readCommits(git, ['--no-walk=unsorted', ...keep], { merges: true })
    : [];
  // The reasons a scan gives, so an unchanged batch keeps an unchanged body.
  const reasons = await candidateReasons(git, records, {
    upstream: o.upstream,
    target: o.target,
    stablePatterns: s.stablePatterns,
    referencePatterns: s.referencePatterns,
    commits: o.listedShas,
    carried: o.carried,
  });
  const byId = new Map(records.map((r) => [r.sha, r]));
  const all: Candidate[] = [
    ...keep.map((sha) => ({ ...byId.get(sha)!, reasons: reasons.get(sha) ?? [] })),
    ...fresh,
  ];
  if (!all.length) {
    if (previous.length)
      await pulls.close(
        key,
        `every commit it carried is gone: ${previous.map((p) => `${short(p)} ${gone.get(p) ?? ''}`).join('; ')}.`,
      );
    return;
  }
  const outcome = await pulls.propose(await batch(ctx, all, o.target, s.upstreamUrl ?? s.gitUrl));
  for (const c of all)
    ctx.candidates.push({ ...report(c), status: 'proposed', number: outcome.number });
}

/**
 * Where the next scan starts when candidates were left over: the last commit read before the
 * first of them that descends from `since`, so the next range holds every commit left over
 * and nothing older than this scan's range. None: `since` itself.
 */
async function resumePoint(
  git: TrackContext['git'],
  order: string[],
  deferred: Candidate[],
  o: { since: string; upstream: string },
): Promise<string> {
  const positions = deferred.map((c) => order.indexOf(c.sha)).filter((i) => i >= 0);
  // Only listed commits from outside the range are left: they are listed again next run.
  if (!positions.length) return o.upstream;
  const first = Math.min(...positions);
  const descendants = new Set(await git.ancestryPath(o.since, o.upstream));
  for (let i = first - 1; i >= 0; i--) if (descendants.has(order[i])) return order[i];
  return o.since;
}

/** Upstream commits of `since..upstream` that revert one of `commits`: commit → revert. */
async function revertsOf(
  ctx: TrackContext,
  commits: string[],
  since: string,
  upstream: string,
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const range = await readCommits(ctx.git, [`${since}..${upstream}`]);
  for (const r of range) {
    const m = /This reverts commit ([0-9a-f]{7,64})/.exec(r.message);
    const hit = m && commits.find((c) => c.startsWith(m[1]));
    if (hit) out.set(hit, r.sha);
  }
  return out;
}
