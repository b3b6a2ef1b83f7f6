/**
 * The commits a bisection searches: those reachable from the first-fail revision and not from
 * the last-pass one (`git rev-list --topo-order --parents fail ^pass`), each with its parents.
 * A parent outside the range is an ancestor of the last-pass revision. Pure: built from
 * rev-list's text, or from a list in tests and benchmarks.
 */
export interface GraphCommit {
  commit: string;
  /** First parent first, as git lists them. */
  parents: string[];
}

export class CommitGraph {
  private readonly byId = new Map<string, { parents: string[]; index: number }>();
  /** The range, newest first, children always before their parents. */
  readonly commits: string[];

  /**
   * `commits` in topological order, children before parents (rev-list --topo-order), the
   * first-fail revision first. `pass` is the last-pass revision, outside the range.
   */
  constructor(
    readonly pass: string,
    readonly fail: string,
    commits: GraphCommit[],
  ) {
    this.commits = commits.map((c) => c.commit);
    commits.forEach((c, index) => this.byId.set(c.commit, { parents: c.parents, index }));
    if (pass === fail) {
      if (commits.length) throw new Error('a range from a revision to itself has no commits');
      return;
    }
    if (!this.byId.has(fail))
      throw new Error(`the range ${pass}..${fail} does not hold its own first-fail revision`);
  }

  /** Parses `git rev-list --topo-order --parents fail ^pass` (pass an ancestor of fail). */
  static fromRevList(pass: string, fail: string, text: string): CommitGraph {
    const commits = text
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const [commit, ...parents] = line.split(' ');
        return { commit, parents };
      });
    return new CommitGraph(pass, fail, commits);
  }

  get size(): number {
    return this.commits.length;
  }

  has(commit: string): boolean {
    return this.byId.has(commit);
  }

  parents(commit: string): string[] {
    return this.byId.get(commit)?.parents ?? [];
  }

  /** The position in topological order: an ancestor always comes after its descendants. */
  index(commit: string): number {
    return this.byId.get(commit)?.index ?? Number.MAX_SAFE_INTEGER;
  }

  /** The parents of range commits that lie outside the range (ancestors of `pass`, or it). */
  boundary(): string[] {
    const out = new Set<string>();
    for (const c of this.commits) for (const p of this.parents(c)) if (!this.has(p)) out.add(p);
    return [...out];
  }

  /** The range commits reachable from `starts` (themselves included, when in the range). */
  ancestors(starts: Iterable<string>): Set<string> {
    const seen = new Set<string>();
    const stack = [...starts].filter((c) => this.has(c));
    while (stack.length) {
      const c = stack.pop()!;
      if (seen.has(c)) continue;
      seen.add(c);
      for (const p of this.parents(c)) if (this.has(p) && !seen.has(p)) stack.push(p);
    }
    return seen;
  }

  /** From `start` down its first parents while they are in `within`: newest first. */
  firstParentLine(start: string, within: Set<string>): string[] {
    const line: string[] = [];
    for (let c: string | undefined = start; c && within.has(c); c = this.parents(c)[0])
      line.push(c);
    return line;
  }

  /** Oldest first (parents before children). */
  oldestFirst(commits: Iterable<string>): string[] {
    return [...commits].sort((a, b) => this.index(b) - this.index(a));
  }
}
