/**
 * Walks over the downstream and upstream sides of a history: one `git rev-list --left-right`
 * for both, whatever the number of upstream tips.
 */
import type { Git } from '../git.js';

export async function revList(git: Git, args: string[]): Promise<string[]> {
  return (await git.run(['rev-list', ...args])).split('\n').filter(Boolean);
}

/** The empty tree, which every git knows without having it stored. */
const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';

/** Identity and date of throw-away commits: the same object every time, whoever runs. */
const STAMP = {
  GIT_AUTHOR_NAME: 'tributary',
  GIT_AUTHOR_EMAIL: 'tributary@localhost',
  GIT_AUTHOR_DATE: '1000000000 +0000',
  GIT_COMMITTER_NAME: 'tributary',
  GIT_COMMITTER_EMAIL: 'tributary@localhost',
  GIT_COMMITTER_DATE: '1000000000 +0000',
};

/** An unreferenced commit object of a tree and parents, for a question to git; never a ref. */
export function throwAwayCommit(
  git: Git,
  tree: string,
  parents: string[],
  message: string,
): Promise<string> {
  return git.run(['commit-tree', tree, ...parents.flatMap((p) => ['-p', p]), '-m', message], {
    env: STAMP,
  });
}

/**
 * Throw-away commits of trees and parents, all written by one process: the same objects
 * throwAwayCommit makes, one at a time, with commit-tree.
 */
export function throwAwayCommits(
  git: Git,
  commits: { tree: string; parents: string[] }[],
  message: string,
): Promise<string[]> {
  const who = (role: 'AUTHOR' | 'COMMITTER') =>
    `${STAMP[`GIT_${role}_NAME`]} <${STAMP[`GIT_${role}_EMAIL`]}> ${STAMP[`GIT_${role}_DATE`]}`;
  return git.writeCommitObjects(
    commits.map(
      (c) =>
        `tree ${c.tree}\n${c.parents.map((p) => `parent ${p}\n`).join('')}` +
        `author ${who('AUTHOR')}\ncommitter ${who('COMMITTER')}\n\n${message}\n`,
    ),
  );
}

/**
 * Both sides in one walk: the downstream commits not upstream (newest first, with parents)
 * and the upstream commits not downstream (merges left out). `git rev-list --left-right`
 * takes one revision a side, so several upstream tips become the parents of one throw-away
 * commit (the same one every time).
 */
export async function sides(
  git: Git,
  head: string,
  tips: string[],
): Promise<{ downstream: { commit: string; parents: string[] }[]; upstream: string[] }> {
  const left =
    tips.length > 1
      ? await throwAwayCommit(git, EMPTY_TREE, tips, 'tributary: upstream tips')
      : tips[0];
  const out = await git.run(['rev-list', '--left-right', '--parents', `${left}...${head}`]);
  const downstream: { commit: string; parents: string[] }[] = [];
  const upstream: string[] = [];
  let start = 0;
  while (start < out.length) {
    let end = out.indexOf('\n', start);
    if (end < 0) end = out.length;
    const line = out.slice(start, end);
    start = end + 1;
    if (line[0] === '>') {
      const [commit, ...parents] = line.slice(1).split(' ');
      downstream.push({ commit, parents });
    } else if (line[0] === '<') {
      const [commit, ...parents] = line.slice(1).split(' ');
      if (parents.length <= 1 && (tips.length === 1 || commit !== left)) upstream.push(commit);
    }
  }
  return { downstream: topoOrder(downstream), upstream };
}

/**
 * Newest first with every commit before its parents (git's --topo-order, which would make
 * git sort the whole walk, upstream side included, where only the downstream side needs it).
 */
function topoOrder<T extends { commit: string; parents: string[] }>(list: T[]): T[] {
  const byId = new Map(list.map((c) => [c.commit, c]));
  const children = new Map<string, number>();
  for (const c of list)
    for (const p of c.parents) if (byId.has(p)) children.set(p, (children.get(p) ?? 0) + 1);
  const ready = list.filter((c) => !children.get(c.commit)).reverse();
  const out: T[] = [];
  while (ready.length) {
    const c = ready.pop()!;
    out.push(c);
    for (const p of [...c.parents].reverse()) {
      const n = (children.get(p) ?? 0) - 1;
      children.set(p, n);
      if (n === 0 && byId.has(p)) ready.push(byId.get(p)!);
    }
  }
  return out;
}
