/** Pull requests rendered as the REST API's payloads (see shapes.ts for the rest). */
import type { components } from '@octokit/openapi-types';
import type { ApiServer } from './context.js';
import {
  commentCount,
  issueLabels,
  label,
  nodeId,
  repository,
  user,
  userId,
  type PullRequest,
} from './shapes.js';
import type { PullRecord } from './state.js';

type S = components['schemas'];

export function pullRequest(
  api: ApiServer,
  p: PullRecord,
  commits: { count: number } = { count: 1 },
): PullRequest {
  const repo = api.state.repos.get(p.repository)!;
  const headRepo = api.state.repos.get(p.pull.head.repository) ?? repo;
  const repoUrl = `${api.url}/repos/${p.repository}`;
  const url = `${repoUrl}/pulls/${p.number}`;
  const html = `${api.htmlUrl}/${p.repository}/pull/${p.number}`;
  const issueUrl = `${repoUrl}/issues/${p.number}`;
  const statuses = `${repoUrl}/statuses/${p.pull.head.sha}`;
  const assignees = p.assignees.map((a) => user(api, a));
  const link = (href: string) => ({ href });
  return {
    url,
    id: p.pull.id,
    node_id: nodeId('PullRequest', p.pull.id),
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: issueUrl,
    commits_url: `${url}/commits`,
    review_comments_url: `${url}/comments`,
    review_comment_url: `${repoUrl}/pulls/comments{/number}`,
    comments_url: `${issueUrl}/comments`,
    statuses_url: statuses,
    number: p.number,
    state: p.state,
    locked: p.locked,
    title: p.title,
    user: user(api, p.user),
    body: p.body,
    labels: issueLabels(api, p).map((l) => label(api, l)),
    milestone: null,
    active_lock_reason: null,
    created_at: p.createdAt,
    updated_at: p.updatedAt,
    closed_at: p.closedAt,
    merged_at: p.pull.mergedAt,
    merge_commit_sha: p.pull.mergeCommitSha,
    assignee: assignees[0] ?? null,
    assignees,
    requested_reviewers: p.pull.requestedReviewers.map((r) => user(api, r)),
    requested_teams: p.pull.requestedTeams.map((t) => team(api, repo.owner, t)),
    head: {
      label: `${headRepo.owner}:${p.pull.head.ref}`,
      ref: p.pull.head.ref,
      repo: repository(api, headRepo),
      sha: p.pull.head.sha,
      user: user(api, headRepo.owner),
    },
    base: {
      label: `${repo.owner}:${p.pull.base.ref}`,
      ref: p.pull.base.ref,
      repo: repository(api, repo),
      sha: p.pull.base.sha,
      user: user(api, repo.owner),
    },
    _links: {
      self: link(url),
      html: link(html),
      issue: link(issueUrl),
      comments: link(`${issueUrl}/comments`),
      review_comments: link(`${url}/comments`),
      review_comment: link(`${repoUrl}/pulls/comments{/number}`),
      commits: link(`${url}/commits`),
      statuses: link(statuses),
    },
    author_association: p.user === api.state.viewer ? 'OWNER' : 'CONTRIBUTOR',
    auto_merge: null,
    draft: p.pull.draft,
    merged: p.pull.merged,
    mergeable: p.state === 'open' ? true : null,
    rebaseable: p.state === 'open' ? true : null,
    mergeable_state: p.state === 'open' ? (p.pull.draft ? 'draft' : 'clean') : 'unknown',
    merged_by: p.pull.merged ? user(api, api.state.viewer) : null,
    comments: commentCount(api, p),
    review_comments: 0,
    maintainer_can_modify: p.pull.maintainerCanModify,
    commits: commits.count,
    additions: 0,
    deletions: 0,
    changed_files: 0,
  };
}

export function team(api: ApiServer, org: string, slug: string): S['team-simple'] {
  const id = userId(`${org}/${slug}`);
  const url = `${api.url}/orgs/${org}/teams/${slug}`;
  return {
    id,
    node_id: nodeId('Team', id),
    url,
    members_url: `${url}/members{/member}`,
    name: slug,
    description: null,
    permission: 'pull',
    html_url: `${api.htmlUrl}/orgs/${org}/teams/${slug}`,
    repositories_url: `${url}/repos`,
    slug,
    type: 'organization',
  };
}
