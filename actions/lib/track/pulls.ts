/**
 * One pull request per purpose, found by the marker in its body. This is where idempotence
 * lives: nothing new → no push and no API write; new upstream commits → the branch moved with
 * a lease on what tributary last pushed and the body rewritten; a person's push → left alone,
 * with one comment saying what tributary would have done; a purpose gone → closed, saying why.
 */
import { hasMarker, renderMarker as renderAnyMarker, type GitHubRepository } from '../github.js';
import type { Logger } from '../log.js';
import { errorMessage } from '../errors.js';
import { markerKey, parseMarker, renderMarker, type Marker } from './marker.js';
import type { BranchPusher, Outcome, Operation, Proposal, PullSettings } from './proposal.js';

export type { BranchPusher, Outcome, Operation, Proposal, PullSettings } from './proposal.js';

interface Item {
  number: number;
  /** The GraphQL node id and draft state, for turning a pull request into a draft and back. */
  nodeId?: string;
  draft?: boolean;
  url: string;
  title: string;
  body: string;
  headSha?: string;
  marker: Marker;
}

/** The marker of the comment that says a person's push holds the branch (key: the source). */
const HELD = 'track-held';
/** The old form of that comment's marker. */
const heldBefore = (source: string | undefined) =>
  `<!-- tributary:track-held ${JSON.stringify({ source })} -->`;

export class PullRequests {
  private pulls = new Map<string, Item>();
  private issues = new Map<string, Item>();
  readonly outcomes: Outcome[] = [];

  constructor(
    private readonly github: GitHubRepository,
    private readonly settings: PullSettings,
    private readonly push: BranchPusher,
    private readonly remoteHead: (branch: string) => Promise<string | undefined>,
    private readonly logger?: Logger,
  ) {}

  /**
   * Reads the open pull requests and issues that carry a marker of this mode and target.
   * Duplicates (two open for one purpose) are closed, unless `readOnly` (a dry run).
   */
  async load(mode: string, options: { readOnly?: boolean } = {}): Promise<void> {
    // Every open pull request, not only those on the target: one retargeted by hand still
    // holds its purpose.
    const pulls = await this.github.pulls({ state: 'open' });
    const duplicates: Item[] = [];
    for (const p of pulls) {
      const marker = parseMarker(p.body);
      if (!marker || marker.mode !== mode || marker.target !== this.settings.target) continue;
      const item: Item = {
        number: p.number,
        url: p.url,
        title: p.title,
        body: p.body,
        headSha: p.headSha,
        nodeId: p.nodeId,
        draft: p.draft,
        marker,
      };
      const key = markerKey(marker);
      const seen = this.pulls.get(key);
      // Two open for one purpose can only come from outside (a copied body): keep the oldest.
      if (seen && seen.number < item.number) duplicates.push(item);
      else {
        if (seen) duplicates.push(seen);
        this.pulls.set(key, item);
      }
    }
    for (const d of options.readOnly ? [] : duplicates) {
      const kept = this.pulls.get(markerKey(d.marker))!;
      await this.closeItem(
        'pull',
        d,
        `Closed as a duplicate of #${kept.number}, which tributary keeps for the same purpose.`,
      );
    }
    const issues = await this.github.openIssues();
    for (const i of issues) {
      const marker = parseMarker(i.body);
      if (!marker || marker.mode !== mode || marker.target !== this.settings.target) continue;
      this.issues.set(markerKey(marker), {
        number: i.number,
        url: i.url,
        title: i.title,
        body: i.body,
        marker,
      });
    }
  }

  /** The open pull request, else the open conflict issue, of a purpose: its number. */
  openFor(key: string): number | undefined {
    return (this.pulls.get(key) ?? this.issues.get(key))?.number;
  }

  /** The open pull requests of this mode and target, by key, with their markers. */
  openPulls(): { key: string; marker: Marker; number: number }[] {
    return [...this.pulls].map(([key, p]) => ({ key, marker: p.marker, number: p.number }));
  }

  private record(o: Outcome): Outcome {
    this.outcomes.push(o);
    this.logger?.info(
      `${o.kind === 'pull' ? 'pull request' : 'issue'} #${o.number} ${o.operation}: ${o.title}${o.note ? ` (${o.note})` : ''}`,
    );
    return o;
  }

  private outcome(
    kind: 'pull' | 'issue',
    key: string,
    i: Item,
    operation: Operation,
    note?: string,
  ) {
    return this.record({
      key,
      kind,
      number: i.number,
      url: i.url,
      title: i.title,
      operation,
      note,
    });
  }

  /** Makes the pull request for a proposal exist and match it, with as few writes as can be. */
  async propose(p: Proposal): Promise<Outcome> {
    const key = markerKey(p.marker);
    const existing = this.pulls.get(key);
    if (p.conflict && this.settings.conflicts === 'issue' && !existing)
      return this.reportIssue(key, p);
    const outcome = existing ? await this.update(key, existing, p) : await this.create(key, p);
    const issue = this.issues.get(key);
    if (issue && !p.conflict) {
      await this.closeItem('issue', issue, `This no longer conflicts: see #${outcome.number}.`);
      this.outcome('issue', key, issue, 'closed', 'conflict resolved');
    }
    return outcome;
  }

  private async create(key: string, p: Proposal): Promise<Outcome> {
    // A person closed a pull request for exactly this? Then it is declined, not reopened.
    const closed = await this.github.pulls({ state: 'closed', head: p.branch });
    for (const c of closed) {
      const m = parseMarker(c.body);
      if (m && markerKey(m) === key && m.source === p.marker.source && !c.merged) {
        const item = { ...c, marker: m };
        return this.outcome(
          'pull',
          key,
          item,
          'unchanged',
          `declined: #${c.number} was closed for the same change`,
        );
      }
    }
    // The branch name is ours; what a crashed run left there is replaced, under a lease.
    const current = await this.remoteHead(p.branch);
    if (current !== p.commit && !(await this.push(p.branch, p.commit, current)))
      throw new Error(`The branch ${p.branch} moved while tributary was pushing it; run again.`);
    const marker: Marker = { ...p.marker, head: p.commit };
    const pr = await this.github.createPull({
      title: p.title,
      head: p.branch,
      base: this.settings.target,
      body: `${p.body}\n\n${renderMarker(marker)}\n`,
      draft: this.settings.draft || !!p.conflict,
    });
    await this.decorate(pr.number);
    const item: Item = { ...pr, headSha: p.commit, marker };
    this.pulls.set(key, item);
    return this.outcome(
      'pull',
      key,
      item,
      'created',
      p.conflict ? 'conflicts: opened as a draft' : undefined,
    );
  }

  private async decorate(number: number): Promise<void> {
    const s = this.settings;
    // One write for both (a new pull request has neither yet): writes are spaced a second apart.
    if (s.labels.length || s.assignees.length)
      await this.github.updateIssue(number, {
        ...(s.labels.length ? { labels: s.labels } : {}),
        ...(s.assignees.length ? { assignees: s.assignees } : {}),
      });
    if (s.reviewers.length || s.teamReviewers.length) {
      try {
        await this.github.requestReviewers(number, s.reviewers, s.teamReviewers);
      } catch (e) {
        // A reviewer who cannot review this repository must not lose the pull request.
        this.logger?.warning(`Could not request reviewers on #${number}: ${errorMessage(e)}`);
      }
    }
  }

  private async update(key: string, existing: Item, p: Proposal): Promise<Outcome> {
    const m = existing.marker;
    if (m.head && existing.headSha !== m.head) return this.held(key, existing, p);
    const sourceChanged = m.source !== p.marker.source;
    let head = m.head;
    if (sourceChanged && p.commit !== m.head) {
      if (!(await this.push(p.branch, p.commit, m.head))) return this.held(key, existing, p);
      head = p.commit;
    }
    const body = `${p.body}\n\n${renderMarker({ ...p.marker, head })}\n`;
    if (body === existing.body && p.title === existing.title && !sourceChanged)
      return this.outcome('pull', key, existing, 'unchanged');
    await this.github.updatePull(existing.number, { title: p.title, body });
    await this.setDraft(existing, !!p.conflict || this.settings.draft);
    Object.assign(existing, { body, title: p.title, headSha: head, marker: { ...p.marker, head } });
    return this.outcome('pull', key, existing, 'updated', p.conflict ? 'conflicts' : undefined);
  }

  private async setDraft(item: Item, draft: boolean): Promise<void> {
    if (item.draft === undefined || item.draft === draft || !item.nodeId) return;
    await this.github.setDraft(item.nodeId, draft);
    item.draft = draft;
  }

  /** A person pushed to the branch: leave it, and say once what tributary would have done. */
  private async held(key: string, existing: Item, p: Proposal): Promise<Outcome> {
    if (existing.marker.source === p.marker.source)
      return this.outcome('pull', key, existing, 'unchanged', 'a person pushed to the branch');
    const source = p.marker.source ?? '';
    const comments = await this.github.comments(existing.number);
    const said = comments.some(
      (c) => hasMarker(c.body, HELD, source) || c.body.includes(heldBefore(p.marker.source)),
    );
    if (!said) {
      await this.github.comment(
        existing.number,
        [
          `tributary did not update \`${p.branch}\`: it holds commits tributary did not push (the branch is at ${existing.headSha?.slice(0, 12)}, tributary last pushed ${existing.marker.head?.slice(0, 12)}).`,
          '',
          `It would have moved the branch to ${p.commit.slice(0, 12)}: ${p.change}.`,
          '',
          'To let tributary manage the branch again, close this pull request; the next run opens a new one.',
          '',
          renderAnyMarker(HELD, source),
        ].join('\n'),
      );
    }
    return this.outcome(
      'pull',
      key,
      existing,
      'unchanged',
      said ? 'a person pushed to the branch' : 'a person pushed to the branch: commented',
    );
  }

  /** Closes the open pull request (and conflict issue) of a purpose whose reason is gone. */
  async close(key: string, reason: string): Promise<Outcome | undefined> {
    let result: Outcome | undefined;
    const pull = this.pulls.get(key);
    if (pull) {
      await this.closeItem('pull', pull, reason);
      this.pulls.delete(key);
      result = this.outcome('pull', key, pull, 'closed', reason);
    }
    const issue = this.issues.get(key);
    if (issue) {
      await this.closeItem('issue', issue, reason);
      this.issues.delete(key);
      result ??= this.outcome('issue', key, issue, 'closed', reason);
    }
    return result;
  }

  private async closeItem(kind: 'pull' | 'issue', item: Item, reason: string): Promise<void> {
    const comment = `tributary closed this: ${reason}`;
    if (kind === 'pull') await this.github.closePull(item.number, comment);
    else await this.github.closeIssue(item.number, comment, 'not_planned');
  }

  /** A conflict reported as an issue (by choice): no branch is pushed at all. */
  private async reportIssue(key: string, p: Proposal): Promise<Outcome> {
    const body = `${p.body}\n\n${renderMarker({ ...p.marker })}\n`;
    const existing = this.issues.get(key);
    if (existing) {
      if (existing.body === body && existing.title === p.title)
        return this.outcome('issue', key, existing, 'unchanged', 'conflicts');
      await this.github.updateIssue(existing.number, { title: p.title, body });
      Object.assign(existing, { body, title: p.title });
      return this.outcome('issue', key, existing, 'updated', 'conflicts');
    }
    const created = await this.github.createIssue({
      title: p.title,
      body,
      labels: this.settings.labels,
      assignees: this.settings.assignees,
    });
    const item: Item = { ...created, title: p.title, body, marker: p.marker };
    this.issues.set(key, item);
    return this.outcome('issue', key, item, 'created', 'conflicts');
  }
}
