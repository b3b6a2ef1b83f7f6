/**
 * Backport branches: picks made in-core with `-x` (the author kept, the committer ours), one
 * commit per pull request or a batch, and what their pull requests say.
 */
import { createHash } from 'node:crypto';
import {
  branchName,
  conflictList,
  reproduce,
  short,
  signed,
  type TrackContext,
} from './context.js';
import { escapeMarkdown, type CommitRecord } from './history.js';
import type { Candidate } from './scan.js';
import { count } from '../log.js';

interface Pick {
  commit: CommitRecord;
  conflicts: string[];
}

function pickMessage(ctx: TrackContext, c: CommitRecord): string {
  return signed(ctx.settings, c.message, [`(cherry picked from commit ${c.sha})`]);
}

function reasonsOf(c: Candidate): string {
  return c.reasons.map((r) => `\`${r.replace(/`/g, "'")}\``).join(', ');
}

/** The proposal for one upstream commit: its pick, or an empty commit saying it conflicts. */
export async function perCommit(
  ctx: TrackContext,
  c: Candidate,
  target: string,
  upstreamUrl: string,
) {
  const { settings: s, git } = ctx;
  const branch = branchName(s, short(c.sha));
  const picked = await git.pickTree(c.sha, target);
  let commit: string;
  const conflict = !picked.clean;
  if (!conflict)
    commit = await git.commitTree(picked.tree, [target], pickMessage(ctx, c), { author: c.author });
  else {
    // Nothing half-applied: an empty commit that only says what to do.
    const tree = await git.treeOf(target);
    commit = await git.commitTree(
      tree,
      [target],
      signed(
        s,
        `Backport of ${short(c.sha)} conflicts: resolve by hand\n\nThis empty commit holds the pull request open; replace it with the resolved pick.`,
      ),
    );
  }
  const body = [
    `Backport of upstream commit ${c.sha} ("${escapeMarkdown(c.subject)}") from ${s.upstream} to \`${s.target}\`, picked with \`git cherry-pick -x\`.`,
    '',
    `Why: ${reasonsOf(c)}.`,
  ];
  if (conflict)
    body.push(
      '',
      '### Conflicts',
      '',
      `The pick conflicts in:`,
      '',
      conflictList(picked.conflicts),
      '',
      'The branch holds one empty commit, nothing of the pick. ' +
        reproduce([
          `git fetch ${s.gitUrl} ${s.target}`,
          `git checkout -B ${branch} FETCH_HEAD`,
          `git fetch ${upstreamUrl} ${s.upstream}`,
          `git cherry-pick -x ${c.sha}`,
          '# resolve, git cherry-pick --continue, then replace the placeholder:',
          `git fetch ${s.gitUrl} ${branch}`,
          `git push --force-with-lease=${branch}:FETCH_HEAD ${s.gitUrl} HEAD:${branch}`,
        ]),
    );
  return {
    marker: {
      v: 1 as const,
      mode: 'backport' as const,
      target: s.target,
      subject: c.sha,
      source: c.sha,
    },
    branch,
    title: `${conflict ? '[conflict] ' : ''}[${s.target}] ${c.subject}`,
    body: body.join('\n'),
    commit,
    change: `the pick of ${short(c.sha)}`,
    conflict,
  };
}

/** The proposal for a batch: every candidate that applies, picked in order; conflicts listed. */
export async function batch(
  ctx: TrackContext,
  all: Candidate[],
  target: string,
  upstreamUrl: string,
) {
  const { settings: s, git } = ctx;
  const branch = branchName(s);
  let head = target;
  const picks: Pick[] = [];
  for (const c of all) {
    const picked = await git.pickTree(c.sha, head);
    if (picked.clean)
      head = await git.commitTree(picked.tree, [head], pickMessage(ctx, c), { author: c.author });
    picks.push({ commit: c, conflicts: picked.clean ? [] : picked.conflicts });
  }
  const failed = picks.filter((p) => p.conflicts.length);
  const applied = picks.length - failed.length;
  let commit = head;
  if (!applied) {
    const tree = await git.treeOf(target);
    commit = await git.commitTree(
      tree,
      [target],
      signed(
        s,
        `Backports to ${s.target} conflict: resolve by hand\n\nThis empty commit holds the pull request open.`,
      ),
    );
  }
  const body = [
    `Backports from ${s.upstream} to \`${s.target}\`, picked with \`git cherry-pick -x\` in upstream order: ${applied} of ${picks.length} applied.`,
    '',
    ...all.map((c) => {
      const f = failed.find((p) => p.commit.sha === c.sha);
      return `- ${f ? '**conflicts** ' : ''}${short(c.sha)} ${escapeMarkdown(c.subject)} (${reasonsOf(c)})`;
    }),
  ];
  if (failed.length) {
    body.push('', '### Conflicts', '', 'These were left out of the branch, whole:');
    for (const f of failed)
      body.push(
        '',
        `${short(f.commit.sha)} ${escapeMarkdown(f.commit.subject)}:`,
        '',
        conflictList(f.conflicts),
      );
    body.push(
      '',
      reproduce([
        `git fetch ${s.gitUrl} ${branch}`,
        `git checkout -B ${branch} FETCH_HEAD`,
        `git fetch ${upstreamUrl} ${s.upstream}`,
        ...failed.map((f) => `git cherry-pick -x ${f.commit.sha}`),
      ]),
    );
  }
  const commits = all.map((c) => c.sha);
  return {
    marker: {
      v: 1 as const,
      mode: 'backport' as const,
      target: s.target,
      source: createHash('sha256').update(commits.join(',')).digest('hex').slice(0, 16),
      commits,
    },
    branch,
    title: `${failed.length ? '[conflict] ' : ''}Backports to ${s.target} (${count(all.length, 'commit')})`,
    body: body.join('\n'),
    commit,
    change: `${applied} of ${picks.length} picks`,
    conflict: failed.length > 0,
  };
}
