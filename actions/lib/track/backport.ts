/**
 * backport: candidates of the upstream development branch since the last scan, picked with
 * `-x` in upstream order onto the downstream branch, one pull request per commit or one
 * batch per target. The last scanned upstream head lives in the hosted tree as
 * `refs/tributary/track/<target>/scanned`, moved (with a lease) only after every pull request
 * of the scan exists, so a failed run scans the same commits again.
 */
import { ConfigurationError } from '../errors.js';
import { markerKey } from './marker.js';
import { batch, perCommit } from './picks.js';
import { fetchTargetAndUpstream, short, type TrackContext } from './context.js';
import { escapeMarkdown, readCommits, type CommitRecord } from './history.js';
import { fixesReferences } from '../references.js';
import {
  fixesReason,
  markerReasons,
  presentDownstream,
  readDownstream,
  scanBackports,
  type Candidate,
} from './scan.js';

export const scannedRef = (target: string) => `refs/tributary/track/${target}/scanned`;

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
    throw new ConfigurationError(
      'commits',
      `Input 'commits': ${unknown.join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not a commit of ${s.upstream}.`,
    );

  let since: string;
  if (
    scannedBefore &&
    (await git.commitOf('refs/track/scanned')) &&
    (await git.isAncestor('refs/track/scanned', upstream))
  )
    since = scannedBefore;
  else {
    if (scannedBefore)
      ctx.logger.warning(
        `${s.upstream} no longer contains the last scanned commit ${short(scannedBefore)} (rewritten?): scanning again from the merge base.`,
      );
    if (s.since) {
      const c = await git.commitOf(s.since);
      if (!c)
        throw new ConfigurationError(
          'since',
          `Input 'since': ${s.since} is not a commit of ${s.upstream}.`,
        );
      since = c;
    } else since = await git.run(['merge-base', target, upstream]);
  }
  await pulls.load('backport');

  const result = await scanBackports(git, {
    upstream,
    target,
    since,
    stablePatterns: s.stablePatterns,
    referencePatterns: s.referencePatterns,
    commits: [...new Set(listed.values())],
  });
  ctx.notes.push(
    `Scanned ${result.scanned} upstream commit${result.scanned === 1 ? '' : 's'} of ${s.upstream} (${short(since)}..${short(upstream)}): ${result.candidates.length} to backport, ${result.skipped.length} skipped.`,
  );
  for (const k of result.skipped)
    ctx.notes.push(`- skipped ${short(k.sha)} ${escapeMarkdown(k.subject)}: ${k.why}`);

  // Open pull requests of earlier scans whose commit landed by other means or was reverted.
  const open = pulls.openPulls();
  const carried = open.flatMap(
    (o) => o.marker.commits ?? (o.marker.subject ? [o.marker.subject] : []),
  );
  let gone = new Map<string, string>();
  if (carried.length) {
    const records = await readCommits(
      git,
      ['--no-walk=unsorted', ...carried.filter((c, i) => carried.indexOf(c) === i)],
      { merges: true },
    );
    const downstream = await readDownstream(git, upstream, target);
    gone = await presentDownstream(git, records, {
      upstream,
      target,
      referencePatterns: s.referencePatterns,
      downstream,
    });
    for (const [sha, why] of gone)
      gone.set(sha, `it landed on \`${s.target}\` by other means (${why})`);
    const reverts = await revertsOf(ctx, carried, since, upstream);
    for (const [sha, by] of reverts)
      if (!gone.has(sha)) gone.set(sha, `upstream reverted it (${short(by)})`);
  }

  if (s.grouping === 'per-commit') {
    for (const o of open) {
      const sha = o.marker.subject;
      const why = sha && gone.get(sha);
      if (why)
        await pulls.close(o.key, `the backport of ${short(sha!)} is no longer needed: ${why}.`);
    }
    for (const c of result.candidates) {
      await pulls.propose(await perCommit(ctx, c, target, upstreamUrl));
    }
  } else {
    const key = markerKey({ mode: 'backport', target: s.target });
    const previous = open.find((o) => o.key === key)?.marker.commits ?? [];
    const keep = previous.filter((sha) => !gone.has(sha));
    const fresh = result.candidates.filter((c) => !keep.includes(c.sha));
    const records = keep.length
      ? await readCommits(git, ['--no-walk=unsorted', ...keep], { merges: true })
      : [];
    const byId = new Map(records.map((r) => [r.sha, r]));
    // The same reasons as when first found, so an unchanged batch keeps an unchanged body.
    const again = (r: CommitRecord): string[] => {
      const reasons = markerReasons(r.message, s.stablePatterns);
      if (s.commits.some((x) => r.sha.startsWith(x))) reasons.push('listed');
      reasons.push(...fixesReferences(r.message).map(fixesReason));
      return reasons;
    };
    const all: Candidate[] = [
      ...keep.map((sha) => ({ ...byId.get(sha)!, reasons: again(byId.get(sha)!) })),
      ...fresh,
    ];
    if (!all.length) {
      if (previous.length)
        await pulls.close(
          key,
          `every commit it carried is gone: ${previous.map((p) => `${short(p)} ${gone.get(p) ?? ''}`).join('; ')}.`,
        );
    } else await pulls.propose(await batch(ctx, all, target, upstreamUrl));
  }

  // Everything of this scan has its pull request: remember how far the scan went.
  if (upstream !== scannedBefore) {
    const { rejected } = await git.pushWithLease(s.gitUrl, [
      { ref: scannedRef(s.target), sha: upstream, expected: scannedBefore },
    ]);
    if (rejected.length)
      ctx.logger.warning(
        `Another run moved ${scannedRef(s.target)} meanwhile; the next run scans from there.`,
      );
  }
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
