/**
 * A finished bisection said where people look: a comment on the regression's issue (once a
 * regression and range, found by its marker), and, when asked, a draft pull request that
 * reverts the blamed commit on the hosted tree's default branch. The revert is made without a
 * work tree (Git.revertTree) in a partial clone, pushed to a branch of its own with a lease;
 * a revert that does not apply, or a branch that does not carry the commit, is said in the
 * comment instead. The GitHub calls are the GitHub module's (GitHubRepository).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { errorMessage } from '../errors.js';
import { initRepository } from '../git.js';
import { hasMarker, renderMarker, type GitHubRepository } from '../github.js';
import type { Logger } from '../log.js';
import { usePartialClone } from '../gate/index.js';
import { BISECT_MARKER, bisectKey, renderBisect } from './report.js';
import type { BisectReport, BisectSettings } from './repository.js';

/** What the result needs of the issue's repository (the GitHub module's operations). */
export type ResultRepository = Pick<
  GitHubRepository,
  'comments' | 'comment' | 'pulls' | 'createPull'
>;

export interface Announced {
  /** commented, or already: the issue had the result's comment. */
  comment: 'commented' | 'already';
  revert?: { pull?: { number: number; url: string }; why?: string };
}

type Done = Extract<BisectReport, { kind: 'result' }>;

const REVERT_MARKER = 'bisect-revert';

/** Opens the draft revert pull request of a blamed commit, or says why not. */
export async function openRevert(
  s: BisectSettings,
  report: Done,
  repository: ResultRepository,
  logger: Logger,
): Promise<NonNullable<Announced['revert']>> {
  const commit = report.commit!;
  const marker = renderMarker(REVERT_MARKER, commit.id);
  const open = (await repository.pulls({ state: 'open' })).find((p) =>
    hasMarker(p.body, REVERT_MARKER, commit.id),
  );
  if (open) return { pull: { number: open.number, url: open.url } };
  const dir = join(s.workDir, 'revert.git');
  mkdirSync(s.workDir, { recursive: true });
  const git = await initRepository(dir, { remotes: [s.hosted], identity: s.identity, logger });
  const url = s.hosted.url;
  const base = await git.defaultBranch(url);
  if (!base) return { why: `${url} has no default branch to revert on` };
  const hosted = await usePartialClone(git, s.hosted);
  // Trees without files: the revert's merge fetches only the blobs it reads.
  await git.fetch(hosted, [`+refs/heads/${base}:refs/remotes/hosted/${base}`], {
    filter: 'blob:none',
    retries: 3,
  });
  const head = (await git.revParse(`refs/remotes/hosted/${base}`))!;
  if (!(await git.commitOf(commit.id)) || !(await git.isAncestor(commit.id, head)))
    return { why: `${base} (${head.slice(0, 12)}) does not carry ${commit.id}` };
  const merged = await git.revertTree(commit.id, head);
  if (!merged.clean)
    return {
      why: `the revert does not apply on ${base} (${head.slice(0, 12)}): conflicts in ${merged.conflicts.join(', ')}`,
    };
  const subject = commit.subject ?? commit.id.slice(0, 12);
  const reverted = await git.commitTree(
    merged.tree,
    [head],
    `Revert "${subject}"\n\nThis reverts commit ${commit.id}.\n\n${report.job} ${report.step} of series ${report.series}: ${report.reason}.\n`,
  );
  const branch = `tributary/revert-${commit.id.slice(0, 12)}`;
  const ref = `refs/heads/${branch}`;
  const was = (await git.lsRemote(url, [ref])).get(ref);
  const pushed = await git.pushLeased(url, [{ ref, sha: reverted, expected: was }]);
  if (!pushed.ok)
    return { why: `pushing ${branch} failed: ${pushed.output.split('\n').slice(-2).join(' / ')}` };
  const pull = await repository.createPull({
    title: `Revert "${subject}"`,
    head: branch,
    base,
    body: `${marker}\nReverts ${commit.id}, blamed by the bisection of ${report.job} ${report.step} (series ${report.series}): ${report.reason}.\n\nA draft: look at the regression's issue before merging.\n`,
    draft: true,
  });
  logger.info(`Opened draft pull request #${pull.number} reverting ${commit.id}.`);
  return { pull: { number: pull.number, url: pull.url } };
}

/**
 * Comments the result on the issue, once: a comment with the result's marker already there
 * (the same bisection planned again, a re-run) is left as it is.
 */
export async function announceResult(
  s: BisectSettings,
  report: Done,
  issue: number,
  repository: ResultRepository,
  options: { revert: boolean; logger: Logger },
): Promise<Announced> {
  const existing = await repository.comments(issue);
  if (existing.some((c) => hasMarker(c.body, BISECT_MARKER, bisectKey(report)))) {
    options.logger.info(`Issue #${issue} has the result already.`);
    return { comment: 'already' };
  }
  let revert: Announced['revert'];
  if (options.revert && report.outcome === 'blamed' && report.commit)
    try {
      revert = await openRevert(s, report, repository, options.logger);
    } catch (e) {
      revert = { why: errorMessage(e) };
    }
  if (revert?.why) options.logger.warning(`No revert pull request: ${revert.why}.`);
  const said = revert?.pull
    ? `\nA draft pull request reverts it: #${revert.pull.number} (${revert.pull.url}).\n`
    : revert?.why
      ? `\nNo revert pull request: ${revert.why}.\n`
      : '';
  await repository.comment(issue, renderBisect(report) + said);
  options.logger.info(`Commented the result on issue #${issue}.`);
  return { comment: 'commented', ...(revert ? { revert } : {}) };
}
