/**
 * Records rendered as the REST API's payloads, typed with @octokit/openapi-types so that every
 * required field of the real schema is there (the compiler refuses a payload that lacks one).
 */
import type { components } from '@octokit/openapi-types';
import type { ApiServer } from './context.js';
import type { CommitInfo } from './refs.js';
import type {
  CheckRunRecord,
  CommentRecord,
  IssueRecord,
  LabelRecord,
  RepositoryRecord,
  StatusRecord,
} from './state.js';

type S = components['schemas'];

export type SimpleUser = S['simple-user'];
export type FullRepository = S['full-repository'];
export type Repository = S['repository'];
export type MinimalRepository = S['minimal-repository'];
export type Label = S['label'];
export type Issue = S['issue'];
export type IssueComment = S['issue-comment'];
export type PullRequest = S['pull-request'];
export type PullRequestMergeResult = S['pull-request-merge-result'];
export type PublicUser = S['public-user'];
export type Status = S['status'];
export type SimpleCommitStatus = S['simple-commit-status'];
export type CombinedCommitStatus = S['combined-commit-status'];
export type CheckRun = S['check-run'];
export type GitRef = S['git-ref'];
export type Commit = S['commit'];
export type CommitComparison = S['commit-comparison'];
export type BranchWithProtection = S['branch-with-protection'];

export function nodeId(kind: string, id: number): string {
  return Buffer.from(`0:${kind}${id}`).toString('base64').replace(/=+$/, '');
}

/** A stable id per login, so a user looks the same in every payload. */
export function userId(login: string): number {
  let h = 7;
  for (const c of login) h = (h * 31 + c.charCodeAt(0)) % 1_000_000;
  return 100_000 + h;
}

export function user(api: ApiServer, login: string): SimpleUser {
  const url = `${api.url}/users/${login}`;
  const bot = login.endsWith('[bot]');
  return {
    login,
    id: userId(login),
    node_id: nodeId('User', userId(login)),
    avatar_url: `https://avatars.example.invalid/u/${userId(login)}`,
    gravatar_id: '',
    url,
    html_url: `${api.htmlUrl}/${login}`,
    followers_url: `${url}/followers`,
    following_url: `${url}/following{/other_user}`,
    gists_url: `${url}/gists{/gist_id}`,
    starred_url: `${url}/starred{/owner}{/repo}`,
    subscriptions_url: `${url}/subscriptions`,
    organizations_url: `${url}/orgs`,
    repos_url: `${url}/repos`,
    events_url: `${url}/events{/privacy}`,
    received_events_url: `${url}/received_events`,
    type: bot ? 'Bot' : 'User',
    site_admin: false,
  };
}

/** A user's profile, as `GET /user` and `GET /users/{login}` give it. */
export function publicUser(api: ApiServer, login: string): PublicUser {
  return {
    ...user(api, login),
    name: login,
    company: null,
    blog: null,
    location: null,
    email: null,
    hireable: null,
    bio: null,
    public_repos: [...api.state.repos.values()].filter((r) => r.owner === login).length,
    public_gists: 0,
    followers: 0,
    following: 0,
    created_at: '2020-01-01T00:00:00Z',
    updated_at: '2020-01-01T00:00:00Z',
  };
}

function repositoryUrls(api: ApiServer, r: RepositoryRecord) {
  const url = `${api.url}/repos/${r.fullName}`;
  const html = `${api.htmlUrl}/${r.fullName}`;
  const host = new URL(api.htmlUrl).host;
  return {
    id: r.id,
    node_id: nodeId('Repository', r.id),
    name: r.name,
    full_name: r.fullName,
    owner: user(api, r.owner),
    private: r.private,
    html_url: html,
    description: r.description,
    fork: false,
    url,
    archive_url: `${url}/{archive_format}{/ref}`,
    assignees_url: `${url}/assignees{/user}`,
    blobs_url: `${url}/git/blobs{/sha}`,
    branches_url: `${url}/branches{/branch}`,
    collaborators_url: `${url}/collaborators{/collaborator}`,
    comments_url: `${url}/comments{/number}`,
    commits_url: `${url}/commits{/sha}`,
    compare_url: `${url}/compare/{base}...{head}`,
    contents_url: `${url}/contents/{+path}`,
    contributors_url: `${url}/contributors`,
    deployments_url: `${url}/deployments`,
    downloads_url: `${url}/downloads`,
    events_url: `${url}/events`,
    forks_url: `${url}/forks`,
    git_commits_url: `${url}/git/commits{/sha}`,
    git_refs_url: `${url}/git/refs{/sha}`,
    git_tags_url: `${url}/git/tags{/sha}`,
    git_url: `git://${host}/${r.fullName}.git`,
    issue_comment_url: `${url}/issues/comments{/number}`,
    issue_events_url: `${url}/issues/events{/number}`,
    issues_url: `${url}/issues{/number}`,
    keys_url: `${url}/keys{/key_id}`,
    labels_url: `${url}/labels{/name}`,
    languages_url: `${url}/languages`,
    merges_url: `${url}/merges`,
    milestones_url: `${url}/milestones{/number}`,
    notifications_url: `${url}/notifications{?since,all,participating}`,
    pulls_url: `${url}/pulls{/number}`,
    releases_url: `${url}/releases{/id}`,
    ssh_url: `git@${host}:${r.fullName}.git`,
    stargazers_url: `${url}/stargazers`,
    statuses_url: `${url}/statuses/{sha}`,
    subscribers_url: `${url}/subscribers`,
    subscription_url: `${url}/subscription`,
    tags_url: `${url}/tags`,
    teams_url: `${url}/teams`,
    trees_url: `${url}/git/trees{/sha}`,
    clone_url: `${html}.git`,
    mirror_url: null,
    hooks_url: `${url}/hooks`,
    svn_url: html,
  };
}

function openIssues(api: ApiServer, r: RepositoryRecord): number {
  return api.state.issues.filter((i) => i.repository === r.fullName && i.state === 'open').length;
}

export function repository(api: ApiServer, r: RepositoryRecord): Repository {
  const open = openIssues(api, r);
  return {
    ...repositoryUrls(api, r),
    homepage: null,
    language: null,
    forks_count: 0,
    stargazers_count: 0,
    watchers_count: 0,
    size: 0,
    default_branch: r.defaultBranch,
    open_issues_count: open,
    has_issues: true,
    has_projects: false,
    has_wiki: false,
    has_pages: false,
    has_downloads: true,
    archived: false,
    disabled: false,
    pushed_at: r.createdAt,
    created_at: r.createdAt,
    updated_at: r.createdAt,
    license: null,
    forks: 0,
    open_issues: open,
    watchers: 0,
    visibility: r.private ? 'private' : 'public',
    permissions: { admin: true, maintain: true, push: true, triage: true, pull: true },
  };
}

export function fullRepository(api: ApiServer, r: RepositoryRecord): FullRepository {
  const rest: Omit<Repository, 'has_downloads'> & { has_downloads?: boolean } = repository(api, r);
  delete rest.has_downloads;
  return {
    ...rest,
    pushed_at: r.createdAt,
    created_at: r.createdAt,
    updated_at: r.createdAt,
    has_discussions: false,
    subscribers_count: 0,
    network_count: 0,
    allow_merge_commit: true,
    allow_squash_merge: true,
    allow_rebase_merge: true,
    delete_branch_on_merge: false,
  };
}

export function minimalRepository(api: ApiServer, r: RepositoryRecord): MinimalRepository {
  return { ...repositoryUrls(api, r) };
}

export function label(api: ApiServer, l: LabelRecord): Label {
  return {
    id: l.id,
    node_id: nodeId('Label', l.id),
    url: `${api.url}/repos/${l.repository}/labels/${encodeURIComponent(l.name)}`,
    name: l.name,
    description: l.description,
    color: l.color,
    default: l.default,
  };
}

/** The label records of an issue, in the order they were added. */
export function issueLabels(api: ApiServer, i: IssueRecord): LabelRecord[] {
  return i.labels
    .map((n) =>
      api.state.labels.find(
        (l) => l.repository === i.repository && l.name.toLowerCase() === n.toLowerCase(),
      ),
    )
    .filter((l): l is LabelRecord => l !== undefined);
}

export function commentCount(api: ApiServer, i: IssueRecord): number {
  return api.state.comments.filter(
    (c) => c.repository === i.repository && c.issueNumber === i.number,
  ).length;
}

export function issue(api: ApiServer, i: IssueRecord): Issue {
  const repoUrl = `${api.url}/repos/${i.repository}`;
  const url = `${repoUrl}/issues/${i.number}`;
  const html = `${api.htmlUrl}/${i.repository}/${i.pull ? 'pull' : 'issues'}/${i.number}`;
  const assignees = i.assignees.map((a) => user(api, a));
  return {
    id: i.id,
    node_id: nodeId('Issue', i.id),
    url,
    repository_url: repoUrl,
    labels_url: `${url}/labels{/name}`,
    comments_url: `${url}/comments`,
    events_url: `${url}/events`,
    html_url: html,
    number: i.number,
    state: i.state,
    state_reason: i.stateReason,
    title: i.title,
    body: i.body,
    user: user(api, i.user),
    labels: issueLabels(api, i).map((l) => label(api, l)),
    assignee: assignees[0] ?? null,
    assignees,
    milestone: null,
    locked: i.locked,
    active_lock_reason: null,
    comments: commentCount(api, i),
    ...(i.pull
      ? {
          pull_request: {
            url: `${repoUrl}/pulls/${i.number}`,
            html_url: html,
            diff_url: `${html}.diff`,
            patch_url: `${html}.patch`,
            merged_at: i.pull.mergedAt,
          },
          draft: i.pull.draft,
        }
      : {}),
    closed_at: i.closedAt,
    created_at: i.createdAt,
    updated_at: i.updatedAt,
    closed_by: null,
    author_association: i.user === api.state.viewer ? 'OWNER' : 'CONTRIBUTOR',
  };
}

export function comment(api: ApiServer, c: CommentRecord): IssueComment {
  const url = `${api.url}/repos/${c.repository}/issues/comments/${c.id}`;
  return {
    id: c.id,
    node_id: nodeId('IssueComment', c.id),
    url,
    html_url: `${api.htmlUrl}/${c.repository}/issues/${c.issueNumber}#issuecomment-${c.id}`,
    body: c.body,
    user: user(api, c.user),
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    issue_url: `${api.url}/repos/${c.repository}/issues/${c.issueNumber}`,
    author_association: c.user === api.state.viewer ? 'OWNER' : 'CONTRIBUTOR',
  };
}

export function status(api: ApiServer, s: StatusRecord): Status {
  return {
    url: `${api.url}/repos/${s.repository}/statuses/${s.sha}`,
    avatar_url: user(api, s.creator).avatar_url,
    id: s.id,
    node_id: nodeId('StatusContext', s.id),
    state: s.state,
    description: s.description,
    target_url: s.targetUrl,
    context: s.context,
    created_at: s.createdAt,
    updated_at: s.updatedAt,
    creator: user(api, s.creator),
  };
}

export function simpleStatus(api: ApiServer, s: StatusRecord): SimpleCommitStatus {
  const full: Omit<Status, 'creator'> & { creator?: unknown } = status(api, s);
  delete full.creator;
  return { ...full, required: false };
}

export function checkRun(api: ApiServer, c: CheckRunRecord): CheckRun {
  const url = `${api.url}/repos/${c.repository}/check-runs/${c.id}`;
  return {
    id: c.id,
    head_sha: c.headSha,
    node_id: nodeId('CheckRun', c.id),
    external_id: c.externalId,
    url,
    html_url: `${api.htmlUrl}/${c.repository}/runs/${c.id}`,
    details_url: c.detailsUrl,
    status: c.status,
    conclusion: c.conclusion,
    started_at: c.startedAt,
    completed_at: c.completedAt,
    output: {
      title: c.output.title,
      summary: c.output.summary,
      text: c.output.text,
      annotations_count: c.output.annotations.length,
      annotations_url: `${url}/annotations`,
    },
    name: c.name,
    check_suite: { id: c.id },
    app: null,
    pull_requests: [],
  };
}

export function gitRef(
  api: ApiServer,
  r: RepositoryRecord,
  ref: string,
  sha: string,
  type = 'commit',
): GitRef {
  const repoUrl = `${api.url}/repos/${r.fullName}`;
  return {
    ref,
    node_id: nodeId('Ref', userId(`${r.fullName}:${ref}`)),
    url: `${repoUrl}/git/${ref}`,
    object: { type, sha, url: `${repoUrl}/git/${type}s/${sha}` },
  };
}

export function commit(api: ApiServer, r: RepositoryRecord, c: CommitInfo): Commit {
  const repoUrl = `${api.url}/repos/${r.fullName}`;
  return {
    url: `${repoUrl}/commits/${c.sha}`,
    sha: c.sha,
    node_id: nodeId('Commit', userId(c.sha)),
    html_url: `${api.htmlUrl}/${r.fullName}/commit/${c.sha}`,
    comments_url: `${repoUrl}/commits/${c.sha}/comments`,
    commit: {
      url: `${repoUrl}/git/commits/${c.sha}`,
      author: c.author,
      committer: c.committer,
      message: c.message,
      comment_count: 0,
      tree: { sha: c.tree, url: `${repoUrl}/git/trees/${c.tree}` },
    },
    author: null,
    committer: null,
    parents: c.parents.map((p) => ({
      sha: p,
      url: `${repoUrl}/commits/${p}`,
      html_url: `${api.htmlUrl}/${r.fullName}/commit/${p}`,
    })),
  };
}
