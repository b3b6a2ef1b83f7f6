/**
 * sync: the upstream branch the downstream follows moved. The pull request's branch is a true
 * merge of the new upstream head into the downstream branch (upstream commits untouched), or,
 * with the rebase strategy, the downstream-only commits replayed on the new upstream head.
 * A conflict leaves the branch at the upstream head itself (never half merged) and the pull
 * request says which files conflict and how to redo the merge.
 */
import { markerKey } from './marker.js';
import {
  conflictList,
  reproduce,
  short,
  signed,
  branchName,
  fetchTargetAndUpstream,
  type TrackContext,
} from './context.js';
import { escapeMarkdown, shortlog } from './history.js';
import { carriedUpstream } from './divergence.js';
import { count } from '../log.js';

export async function sync(ctx: TrackContext): Promise<void> {
  const { settings: s, git, pulls } = ctx;
  const upstreamUrl = s.upstreamUrl ?? s.gitUrl;
  const { target, upstream } = await fetchTargetAndUpstream(ctx);
  await pulls.load('sync');
  const key = markerKey({ mode: 'sync', target: s.target });

  const fresh = await git.countCommits(`${target}..${upstream}`);
  if (fresh === 0) {
    ctx.notes.push(`${s.upstream} (${short(upstream)}) is already part of ${s.target}.`);
    await pulls.close(
      key,
      `${s.upstream} (now at ${short(upstream)}) is already part of \`${s.target}\`: there is nothing left to merge.`,
    );
    return;
  }
  const log = await shortlog(git, [`${target}..${upstream}`]);
  const carried = await carriedUpstream(git, {
    target,
    upstream,
    upstreamName: s.upstream,
    logger: ctx.logger,
  });
  const branch = branchName(s);
  let commit: string;
  let conflicts: string[] = [];
  let conflictNote = '';
  if (s.strategy === 'merge') {
    const merged = await git.mergeTree(target, upstream);
    if (merged.clean) {
      const message = signed(
        s,
        `Merge ${s.upstream} (${short(upstream)}) into ${s.target}\n\n${fresh} new upstream commit${fresh === 1 ? '' : 's'}.`,
      );
      commit = await git.commitTree(merged.tree, [target, upstream], message);
    } else {
      commit = upstream;
      conflicts = merged.conflicts;
    }
  } else {
    // Replay what only downstream has, dropping what upstream already carries (same patch).
    const own = await git.commitsNotIn(upstream, target);
    const records = new Map(
      (await git.readCommits(['--no-walk=unsorted', ...own], { merges: true })).map((c) => [
        c.sha,
        c,
      ]),
    );
    let head = upstream;
    commit = upstream;
    for (const sha of own) {
      const picked = await git.pickTree(sha, head);
      if (!picked.clean) {
        conflicts = picked.conflicts;
        conflictNote = `Replaying ${short(sha)} ("${escapeMarkdown(records.get(sha)?.subject ?? '')}") conflicts.`;
        commit = upstream;
        break;
      }
      const c = records.get(sha)!;
      head = await git.commitTree(picked.tree, [head], signed(s, c.message), { author: c.author });
      commit = head;
    }
  }
  const conflict = conflicts.length > 0;
  const body: string[] = [
    `${s.upstream} moved to ${short(upstream)}: ${count(fresh, 'commit')} that \`${s.target}\` does not have yet.`,
    '',
    conflict
      ? `tributary could not ${s.strategy === 'merge' ? 'merge' : 'rebase'} it: see the conflicts below.`
      : s.strategy === 'merge'
        ? `This branch is a merge of ${short(upstream)} into \`${s.target}\` at ${short(target)} (a true merge: upstream commits are untouched).`
        : `This branch is ${short(upstream)} with the downstream-only commits of \`${s.target}\` replayed on top: it replaces \`${s.target}\` rather than merging into it.`,
  ];
  if (conflict) {
    body.push(
      '',
      '### Conflicts',
      '',
      `${conflictNote || `Merging ${short(upstream)} into ${short(target)} conflicts`} in:`,
      '',
      conflictList(conflicts),
      '',
      'The branch is left at the upstream head, unmerged. ' +
        reproduce(
          s.strategy === 'merge'
            ? [
                `git fetch ${s.gitUrl} ${s.target}`,
                `git checkout -B ${branch} FETCH_HEAD`,
                `git fetch ${upstreamUrl} ${s.upstream}`,
                `git merge --no-ff ${upstream}`,
                '# resolve, git commit, then:',
                `git push --force-with-lease=${branch}:${upstream} ${s.gitUrl} HEAD:${branch}`,
              ]
            : [
                `git fetch ${upstreamUrl} ${s.upstream}`,
                `git fetch ${s.gitUrl} ${s.target}`,
                `git checkout -B ${branch} ${target}`,
                '# rebase skips what upstream already has, as tributary does',
                `git rebase ${upstream}`,
              ],
        ),
    );
  }
  body.push('', `### New upstream commits (${fresh})`, '', ...log);
  if (carried.length)
    body.push(
      '',
      '### Downstream-only commits that upstream now seems to carry',
      '',
      'Drop or revert them before merging (newest first, the order to revert in):',
      '',
      ...carried,
    );
  await pulls.propose({
    marker: {
      v: 1,
      mode: 'sync',
      target: s.target,
      source: s.strategy === 'merge' ? upstream : `${upstream}:${target}`,
    },
    branch,
    title: `${conflict ? '[conflict] ' : ''}Sync ${s.target} with ${s.upstream} (${short(upstream)})`,
    body: body.join('\n'),
    commit,
    change: conflict
      ? `${s.upstream} at ${short(upstream)} (the merge conflicts)`
      : `the ${s.strategy} of ${s.upstream} at ${short(upstream)}`,
    conflict,
  });
}
