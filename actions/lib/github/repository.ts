/**
 * The named operations tributary asks of GitHub, on one repository: issues and pull requests
 * (listed, opened, updated, commented, labelled, closed), commit statuses and check runs, and
 * workflow dispatches. Every API call of the library is here; the client itself is made by the
 * entry point (an action's main.ts, the command line) and passed in.
 */
import type { GitHub } from '../github.js';
import { invalid } from '../errors.js';

/** `owner/repo` split, with an error that names the input and the expected form. */
export function parseRepository(
  value: string,
  input = 'repository',
): { owner: string; repo: string } {
  const m = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(value.trim());
  if (!m || m[2] === '.' || m[2] === '..') {
    throw invalid(input, value, 'format {owner}/{repo}');
  }
  return { owner: m[1], repo: m[2] };
}

/** An issue or a pull request as the keepers see it. */
export interface IssueItem {
  number: number;
  url: string;
  title: string;
  body: string;
  labels: string[];
}

export interface PullItem extends IssueItem {
  headSha: string;
  /** The GraphQL node id, for turning it into a draft and back. */
  nodeId: string;
  draft?: boolean;
  merged: boolean;
}

export interface Comment {
  id: number;
  body: string;
}

export type CommitState = 'success' | 'failure' | 'pending' | 'error';
export type CheckConclusion = 'success' | 'failure' | 'neutral' | 'cancelled' | 'action_required';

/** A check run's annotation, as the REST API takes it. */
export interface Annotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: 'notice' | 'warning' | 'failure';
  message: string;
  title?: string;
}

export interface CheckRunInput {
  sha: string;
  name: string;
  /** Undefined: the run stays in progress (a later run of the same name completes it). */
  conclusion?: CheckConclusion;
  title: string;
  summary: string;
  text?: string;
  annotations?: Annotation[];
  detailsUrl?: string;
}

type RawIssue = {
  number: number;
  html_url: string;
  title: string;
  body?: string | null;
  labels?: (string | { name?: string })[];
};

const issueItem = (i: RawIssue): IssueItem => ({
  number: i.number,
  url: i.html_url,
  title: i.title,
  body: i.body ?? '',
  labels: (i.labels ?? []).map((l) => (typeof l === 'string' ? l : (l.name ?? ''))),
});

/** GitHub refuses more annotations than this in one request. */
const ANNOTATIONS_PER_REQUEST = 50;

export class GitHubRepository {
  readonly owner: string;
  readonly repo: string;

  constructor(
    readonly api: GitHub,
    repository: string | { owner: string; repo: string },
  ) {
    const r = typeof repository === 'string' ? parseRepository(repository) : repository;
    this.owner = r.owner;
    this.repo = r.repo;
  }

  get fullName(): string {
    return `${this.owner}/${this.repo}`;
  }

  private get where() {
    return { owner: this.owner, repo: this.repo };
  }

  // ---- issues ---------------------------------------------------------------------------

  /** The open issues (not pull requests), only those with every label given when some are. */
  async openIssues(labels: string[] = []): Promise<IssueItem[]> {
    const all = await this.api.paginate(this.api.rest.issues.listForRepo, {
      ...this.where,
      state: 'open',
      per_page: 100,
      ...(labels.length ? { labels: labels.join(',') } : {}),
    });
    return all.filter((i) => !i.pull_request).map(issueItem);
  }

  async createIssue(fields: {
    title: string;
    body: string;
    labels?: string[];
    assignees?: string[];
  }): Promise<IssueItem> {
    const r = await this.api.rest.issues.create({ ...this.where, ...fields });
    return issueItem(r.data);
  }

  /** Changes an issue's (or a pull request's) title, body, labels or assignees. */
  async updateIssue(
    number: number,
    fields: { title?: string; body?: string; labels?: string[]; assignees?: string[] },
  ): Promise<IssueItem> {
    const r = await this.api.rest.issues.update({ ...this.where, issue_number: number, ...fields });
    return issueItem(r.data);
  }

  /** Closes an issue, saying why in a comment first. */
  async closeIssue(
    number: number,
    comment: string,
    reason: 'completed' | 'not_planned' = 'completed',
  ): Promise<void> {
    await this.comment(number, comment);
    await this.api.rest.issues.update({
      ...this.where,
      issue_number: number,
      state: 'closed',
      state_reason: reason,
    });
  }

  async addLabels(number: number, labels: string[]): Promise<void> {
    if (!labels.length) return;
    await this.api.rest.issues.addLabels({ ...this.where, issue_number: number, labels });
  }

  // ---- comments (issues and pull requests alike) -----------------------------------------

  async comments(number: number): Promise<Comment[]> {
    const all = await this.api.paginate(this.api.rest.issues.listComments, {
      ...this.where,
      issue_number: number,
      per_page: 100,
    });
    return all.map((c) => ({ id: c.id, body: c.body ?? '' }));
  }

  async comment(number: number, body: string): Promise<Comment> {
    const r = await this.api.rest.issues.createComment({
      ...this.where,
      issue_number: number,
      body,
    });
    return { id: r.data.id, body: r.data.body ?? '' };
  }

  // ---- pull requests ---------------------------------------------------------------------

  /** Pull requests: every open one (whatever its base), or the closed ones of a head branch. */
  async pulls(filter: { state: 'open' } | { state: 'closed'; head: string }): Promise<PullItem[]> {
    const all = await this.api.paginate(this.api.rest.pulls.list, {
      ...this.where,
      state: filter.state,
      ...(filter.state === 'closed' ? { head: `${this.owner}:${filter.head}` } : {}),
      per_page: 100,
    });
    return all.map((p) => ({
      ...issueItem(p),
      headSha: p.head.sha,
      nodeId: p.node_id,
      draft: p.draft,
      merged: !!p.merged_at,
    }));
  }

  async createPull(fields: {
    title: string;
    head: string;
    base: string;
    body: string;
    draft: boolean;
  }): Promise<PullItem> {
    const r = await this.api.rest.pulls.create({
      ...this.where,
      ...fields,
      maintainer_can_modify: true,
    });
    const p = r.data;
    return {
      ...issueItem(p),
      headSha: p.head.sha,
      nodeId: p.node_id,
      draft: p.draft,
      merged: false,
    };
  }

  async updatePull(number: number, fields: { title?: string; body?: string }): Promise<void> {
    await this.api.rest.pulls.update({ ...this.where, pull_number: number, ...fields });
  }

  /** Closes a pull request, saying why in a comment first. */
  async closePull(number: number, comment: string): Promise<void> {
    await this.comment(number, comment);
    await this.api.rest.pulls.update({ ...this.where, pull_number: number, state: 'closed' });
  }

  /** REST cannot turn a pull request into a draft or back; GraphQL can. */
  async setDraft(nodeId: string, draft: boolean): Promise<void> {
    const mutation = draft ? 'convertPullRequestToDraft' : 'markPullRequestReadyForReview';
    await this.api.graphql(
      `mutation($id: ID!) { ${mutation}(input: { pullRequestId: $id }) { pullRequest { isDraft } } }`,
      { id: nodeId },
    );
  }

  async requestReviewers(number: number, reviewers: string[], teams: string[]): Promise<void> {
    await this.api.rest.pulls.requestReviewers({
      ...this.where,
      pull_number: number,
      reviewers,
      team_reviewers: teams,
    });
  }

  // ---- commit statuses, check runs, dispatches -------------------------------------------

  async setCommitStatus(status: {
    sha: string;
    context: string;
    state: CommitState;
    description: string;
    targetUrl?: string;
  }): Promise<void> {
    await this.api.rest.repos.createCommitStatus({
      ...this.where,
      sha: status.sha,
      state: status.state,
      context: status.context,
      // GitHub refuses a longer description.
      description:
        status.description.length > 140
          ? status.description.slice(0, 137) + '...'
          : status.description,
      target_url: status.targetUrl,
    });
  }

  /** Creates a check run (completed when it has a conclusion); annotations 50 a request. */
  async createCheckRun(c: CheckRunInput): Promise<{ id: number; url: string }> {
    const annotations = c.annotations ?? [];
    const output = (part: Annotation[]) => ({
      title: c.title,
      summary: c.summary,
      ...(c.text ? { text: c.text } : {}),
      ...(part.length ? { annotations: part } : {}),
    });
    const r = await this.api.rest.checks.create({
      ...this.where,
      name: c.name,
      head_sha: c.sha,
      ...(c.conclusion
        ? { status: 'completed', conclusion: c.conclusion }
        : { status: 'in_progress' }),
      ...(c.detailsUrl ? { details_url: c.detailsUrl } : {}),
      output: output(annotations.slice(0, ANNOTATIONS_PER_REQUEST)),
    });
    for (let i = ANNOTATIONS_PER_REQUEST; i < annotations.length; i += ANNOTATIONS_PER_REQUEST)
      await this.api.rest.checks.update({
        ...this.where,
        check_run_id: r.data.id,
        output: output(annotations.slice(i, i + ANNOTATIONS_PER_REQUEST)),
      });
    return { id: r.data.id, url: r.data.html_url ?? '' };
  }

  async dispatchWorkflow(workflow: string, ref: string, inputs: Record<string, string>) {
    await this.api.rest.actions.createWorkflowDispatch({
      ...this.where,
      workflow_id: workflow,
      ref,
      inputs,
    });
  }
}

/** The HTTP status of a failed API call, when it has one. */
export function httpStatus(e: unknown): number | undefined {
  const s = (e as { status?: unknown } | null)?.status;
  return typeof s === 'number' ? s : undefined;
}
