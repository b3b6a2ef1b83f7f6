/**
 * One issue per purpose, found by its marker (marker.ts): opened once, updated in place,
 * commented while the purpose lasts, labelled, closed with a comment when it is over. The
 * backport report keeps one per branch, the watch one per regression (series, job, step).
 * A closed issue is left closed: someone decided it was done, and the next report of the same
 * key opens a new one.
 */
import type { Logger } from '../log.js';
import { hasMarker, parseMarker, renderMarker } from './marker.js';
import type { GitHubRepository, IssueItem } from './repository.js';

/** GitHub refuses bodies longer than this. */
export const BODY_LIMIT = 65536;

/** A body with its marker on top, cut short (saying so) when GitHub would refuse it. */
export function markedBody(marker: string, body: string): string {
  const whole = `${marker}\n${body}`;
  if (whole.length <= BODY_LIMIT) return whole;
  const note = '\n\n_(cut short: the whole report is in the workflow run summary)_\n';
  return whole.slice(0, BODY_LIMIT - note.length) + note;
}

export interface KeeperOptions {
  /** Labels every issue of this keeper carries; the open issues are listed by them. */
  labels?: string[];
  assignees?: string[];
  logger?: Logger;
  /** The key of a marker in the old JSON-only form (track's), from its payload. */
  keyOf?: (payload: unknown) => string | undefined;
}

export interface KeptIssue extends IssueItem {
  key: string;
  /** What keep() did: opened it, changed it, or found it as it should be. */
  operation: 'created' | 'updated' | 'unchanged';
}

export class IssueKeeper {
  private open?: Map<string, IssueItem>;

  constructor(
    readonly repository: GitHubRepository,
    readonly kind: string,
    private readonly options: KeeperOptions = {},
  ) {}

  /** The open issues of this kind, by key (listed once; the oldest wins a duplicate). */
  async load(): Promise<Map<string, IssueItem>> {
    if (this.open) return this.open;
    const open = new Map<string, IssueItem>();
    const issues = await this.repository.openIssues(this.options.labels);
    for (const i of [...issues].sort((a, b) => a.number - b.number)) {
      const m = parseMarker(i.body, this.kind, this.options.keyOf);
      if (m && !open.has(m.key)) open.set(m.key, i);
    }
    this.open = open;
    return open;
  }

  private async item(key: string): Promise<{ key: string; issue?: IssueItem }> {
    const k = parseMarker(renderMarker(this.kind, key), this.kind)!.key;
    return { key: k, issue: (await this.load()).get(k) };
  }

  /** The open issue of a key, or undefined. */
  async find(key: string): Promise<IssueItem | undefined> {
    return (await this.item(key)).issue;
  }

  /**
   * Makes the issue of a key exist and say this: opened once (with the keeper's labels),
   * else its title and body updated, only when they changed. An issue opened under an older
   * marker form gets the current one on its first update.
   */
  async keep(
    key: string,
    content: { title: string; body: string; payload?: unknown },
  ): Promise<KeptIssue> {
    const { key: k, issue } = await this.item(key);
    const body = markedBody(renderMarker(this.kind, k, content.payload), content.body);
    const log = this.options.logger;
    if (!issue) {
      const made = await this.repository.createIssue({
        title: content.title,
        body,
        ...(this.options.labels?.length ? { labels: this.options.labels } : {}),
        ...(this.options.assignees?.length ? { assignees: this.options.assignees } : {}),
      });
      this.open!.set(k, made);
      log?.info(`Opened issue #${made.number}: ${made.title}`);
      return { ...made, key: k, operation: 'created' };
    }
    if (issue.body === body && issue.title === content.title)
      return { ...issue, key: k, operation: 'unchanged' };
    const changed = await this.repository.updateIssue(issue.number, {
      title: content.title,
      body,
    });
    this.open!.set(k, changed);
    log?.info(`Updated issue #${issue.number}.`);
    return { ...changed, key: k, operation: 'updated' };
  }

  /**
   * Comments on the open issue of a key. With `once`, a comment already carrying that marker
   * key (of kind `<kind>-comment`) is not repeated: "still failing at <revision>" said once.
   */
  async comment(key: string, body: string, once?: string): Promise<boolean> {
    const { issue } = await this.item(key);
    if (!issue) throw new Error(`No open ${this.kind} issue for '${key}' to comment on.`);
    const kind = `${this.kind}-comment`;
    if (once !== undefined) {
      const said = (await this.repository.comments(issue.number)).some((c) =>
        hasMarker(c.body, kind, once),
      );
      if (said) return false;
      body = `${body}\n\n${renderMarker(kind, once)}`;
    }
    await this.repository.comment(issue.number, body);
    return true;
  }

  /** Adds labels to the open issue of a key (those it has already are not added again). */
  async label(key: string, labels: string[]): Promise<void> {
    const { issue } = await this.item(key);
    if (!issue) throw new Error(`No open ${this.kind} issue for '${key}' to label.`);
    const more = labels.filter((l) => !issue.labels.includes(l));
    if (!more.length) return;
    await this.repository.addLabels(issue.number, more);
    issue.labels.push(...more);
  }

  /** Closes the open issue of a key with a comment; false when there is none. */
  async close(
    key: string,
    comment: string,
    reason: 'completed' | 'not_planned' = 'completed',
  ): Promise<IssueItem | undefined> {
    const { key: k, issue } = await this.item(key);
    if (!issue) return undefined;
    await this.repository.closeIssue(issue.number, comment, reason);
    this.open!.delete(k);
    this.options.logger?.info(`Closed issue #${issue.number}.`);
    return issue;
  }
}
