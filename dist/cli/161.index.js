export const id = 161;
export const ids = [161];
export const modules = {

/***/ 9161:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  GitHubRepository: () => (/* reexport */ GitHubRepository),
  IssueKeeper: () => (/* reexport */ IssueKeeper),
  REPORT_KINDS: () => (/* reexport */ REPORT_KINDS),
  apiBaseUrl: () => (/* binding */ apiBaseUrl),
  createGitHub: () => (/* binding */ createGitHub),
  githubRetryPolicy: () => (/* binding */ githubRetryPolicy),
  hasMarker: () => (/* reexport */ hasMarker),
  httpStatus: () => (/* reexport */ httpStatus),
  markedBody: () => (/* reexport */ markedBody),
  markerKeyText: () => (/* reexport */ markerKeyText),
  parseMarker: () => (/* reexport */ parseMarker),
  parseMarkers: () => (/* reexport */ parseMarkers),
  parseRepository: () => (/* reexport */ parseRepository),
  renderMarker: () => (/* reexport */ renderMarker),
  reportVerdict: () => (/* reexport */ reportVerdict)
});

// EXTERNAL MODULE: ./node_modules/@actions/github/lib/github.js + 21 modules
var github = __webpack_require__(1758);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-retry/dist-bundle/index.js
var dist_bundle = __webpack_require__(9735);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-throttling/dist-bundle/index.js
var plugin_throttling_dist_bundle = __webpack_require__(6856);
// EXTERNAL MODULE: ./build/actions/lib/errors.js
var errors = __webpack_require__(4193);
;// CONCATENATED MODULE: ./build/actions/lib/github/repository.js

/** `owner/repo` split, with an error that names the input and the expected form. */
function parseRepository(value, input = 'repository') {
    const m = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(value.trim());
    if (!m || m[2] === '.' || m[2] === '..') {
        throw (0,errors/* invalid */.Gq)(input, value, 'format {owner}/{repo}');
    }
    return { owner: m[1], repo: m[2] };
}
const issueItem = (i) => ({
    number: i.number,
    url: i.html_url,
    title: i.title,
    body: i.body ?? '',
    labels: (i.labels ?? []).map((l) => (typeof l === 'string' ? l : (l.name ?? ''))),
});
/** GitHub refuses more annotations than this in one request. */
const ANNOTATIONS_PER_REQUEST = 50;
class GitHubRepository {
    api;
    owner;
    repo;
    constructor(api, repository) {
        this.api = api;
        const r = typeof repository === 'string' ? parseRepository(repository) : repository;
        this.owner = r.owner;
        this.repo = r.repo;
    }
    get fullName() {
        return `${this.owner}/${this.repo}`;
    }
    get where() {
        return { owner: this.owner, repo: this.repo };
    }
    // ---- issues ---------------------------------------------------------------------------
    /** The open issues (not pull requests), only those with every label given when some are. */
    async openIssues(labels = []) {
        const all = await this.api.paginate(this.api.rest.issues.listForRepo, {
            ...this.where,
            state: 'open',
            per_page: 100,
            ...(labels.length ? { labels: labels.join(',') } : {}),
        });
        return all.filter((i) => !i.pull_request).map(issueItem);
    }
    async createIssue(fields) {
        const r = await this.api.rest.issues.create({ ...this.where, ...fields });
        return issueItem(r.data);
    }
    /** Changes an issue's (or a pull request's) title, body, labels or assignees. */
    async updateIssue(number, fields) {
        const r = await this.api.rest.issues.update({ ...this.where, issue_number: number, ...fields });
        return issueItem(r.data);
    }
    /** Closes an issue, saying why in a comment first. */
    async closeIssue(number, comment, reason = 'completed') {
        await this.comment(number, comment);
        await this.api.rest.issues.update({
            ...this.where,
            issue_number: number,
            state: 'closed',
            state_reason: reason,
        });
    }
    async addLabels(number, labels) {
        if (!labels.length)
            return;
        await this.api.rest.issues.addLabels({ ...this.where, issue_number: number, labels });
    }
    // ---- comments (issues and pull requests alike) -----------------------------------------
    async comments(number) {
        const all = await this.api.paginate(this.api.rest.issues.listComments, {
            ...this.where,
            issue_number: number,
            per_page: 100,
        });
        return all.map((c) => ({ id: c.id, body: c.body ?? '' }));
    }
    async comment(number, body) {
        const r = await this.api.rest.issues.createComment({
            ...this.where,
            issue_number: number,
            body,
        });
        return { id: r.data.id, body: r.data.body ?? '' };
    }
    // ---- pull requests ---------------------------------------------------------------------
    /** Pull requests: every open one (whatever its base), or the closed ones of a head branch. */
    async pulls(filter) {
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
    async createPull(fields) {
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
    async updatePull(number, fields) {
        await this.api.rest.pulls.update({ ...this.where, pull_number: number, ...fields });
    }
    /** Closes a pull request, saying why in a comment first. */
    async closePull(number, comment) {
        await this.comment(number, comment);
        await this.api.rest.pulls.update({ ...this.where, pull_number: number, state: 'closed' });
    }
    /** REST cannot turn a pull request into a draft or back; GraphQL can. */
    async setDraft(nodeId, draft) {
        const mutation = draft ? 'convertPullRequestToDraft' : 'markPullRequestReadyForReview';
        await this.api.graphql(`mutation($id: ID!) { ${mutation}(input: { pullRequestId: $id }) { pullRequest { isDraft } } }`, { id: nodeId });
    }
    async requestReviewers(number, reviewers, teams) {
        await this.api.rest.pulls.requestReviewers({
            ...this.where,
            pull_number: number,
            reviewers,
            team_reviewers: teams,
        });
    }
    // ---- commit statuses, check runs, dispatches -------------------------------------------
    async setCommitStatus(status) {
        await this.api.rest.repos.createCommitStatus({
            ...this.where,
            sha: status.sha,
            state: status.state,
            context: status.context,
            // GitHub refuses a longer description.
            description: status.description.length > 140
                ? status.description.slice(0, 137) + '...'
                : status.description,
            target_url: status.targetUrl,
        });
    }
    /** Creates a check run (completed when it has a conclusion); annotations 50 a request. */
    async createCheckRun(c) {
        const annotations = c.annotations ?? [];
        const output = (part) => ({
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
    async dispatchWorkflow(workflow, ref, inputs) {
        await this.api.rest.actions.createWorkflowDispatch({
            ...this.where,
            workflow_id: workflow,
            ref,
            inputs,
        });
    }
}
/** The HTTP status of a failed API call, when it has one. */
function httpStatus(e) {
    const s = e?.status;
    return typeof s === 'number' ? s : undefined;
}
//# sourceMappingURL=repository.js.map
;// CONCATENATED MODULE: ./build/actions/lib/github/marker.js
/**
 * The one marker that makes a pull request, an issue or a comment ours: an HTML comment in its
 * body (invisible on GitHub; never the title, which people edit), naming what it is for.
 *
 *   <!-- tributary:<kind> <key> -->
 *   <!-- tributary:<kind> <key>
 *   {"a":"JSON payload, for a part that keeps state in the body"} -->
 *
 * `kind` says which part keeps it (`track`, `divergence`, `watch`), `key` which purpose of that
 * part: one open item per kind and key. Two older forms are still read, so nothing opened
 * before is opened again: the backport report's `<!-- tributary:divergence <subject> -->`
 * (this very form without a payload) and track's `<!-- tributary:track {JSON} -->`, whose key
 * the caller derives from the payload (`keyOf`).
 */
/** A key as written: one line, no `--` (which would end the HTML comment early). */
function markerKeyText(key) {
    return key.replace(/\s+/g, ' ').trim().replace(/-{2,}/g, '-');
}
function renderMarker(kind, key, payload) {
    if (!/^[a-z][a-z0-9-]*$/.test(kind))
        throw new Error(`A marker kind is [a-z0-9-]: '${kind}'`);
    const head = `<!-- tributary:${kind} ${markerKeyText(key)}`;
    if (payload === undefined)
        return `${head} -->`;
    // JSON never needs `--` outside strings, and inside them it is escaped: the comment stays whole.
    return `${head}\n${JSON.stringify(payload).replace(/--/g, '-\\u002d')} -->`;
}
const MARKER = /<!-- tributary:([a-z][a-z0-9-]*) ([^\n]*?)(?:\n(\{[^\n]*\}))? -->/g;
/**
 * The markers of `kind` in a body, oldest form included. `keyOf` gives the key of a marker in
 * the old JSON-only form from its payload; without it such a marker is skipped. A damaged
 * payload makes no marker: the item is not ours to change.
 */
function parseMarkers(body, kind, keyOf) {
    const found = [];
    for (const m of (body ?? '').matchAll(MARKER)) {
        if (m[1] !== kind)
            continue;
        const text = m[2].trim();
        try {
            if (m[3] !== undefined) {
                found.push({ kind, key: markerKeyText(text), payload: JSON.parse(m[3]) });
            }
            else if (text.startsWith('{')) {
                // The old form: `<!-- tributary:track {JSON} -->`, the key implied by the payload.
                const payload = JSON.parse(text);
                const key = keyOf?.(payload);
                if (key !== undefined)
                    found.push({ kind, key: markerKeyText(key), payload });
            }
            else
                found.push({ kind, key: markerKeyText(text) });
        }
        catch {
            continue;
        }
    }
    return found;
}
/** The first marker of `kind` in a body, or undefined. */
function parseMarker(body, kind, keyOf) {
    return parseMarkers(body, kind, keyOf)[0];
}
/** Whether a body carries the marker of this kind and key, in any form. */
function hasMarker(body, kind, key, keyOf) {
    const want = markerKeyText(key);
    return parseMarkers(body, kind, keyOf).some((m) => m.key === want);
}
//# sourceMappingURL=marker.js.map
;// CONCATENATED MODULE: ./build/actions/lib/github/keeper.js

/** GitHub refuses bodies longer than this. */
const BODY_LIMIT = 65536;
/** A body with its marker on top, cut short (saying so) when GitHub would refuse it. */
function markedBody(marker, body) {
    const whole = `${marker}\n${body}`;
    if (whole.length <= BODY_LIMIT)
        return whole;
    const note = '\n\n_(cut short: the whole report is in the workflow run summary)_\n';
    return whole.slice(0, BODY_LIMIT - note.length) + note;
}
class IssueKeeper {
    repository;
    kind;
    options;
    open;
    constructor(repository, kind, options = {}) {
        this.repository = repository;
        this.kind = kind;
        this.options = options;
    }
    /** The open issues of this kind, by key (listed once; the oldest wins a duplicate). */
    async load() {
        if (this.open)
            return this.open;
        const open = new Map();
        const issues = await this.repository.openIssues(this.options.labels);
        for (const i of [...issues].sort((a, b) => a.number - b.number)) {
            const m = parseMarker(i.body, this.kind, this.options.keyOf);
            if (m && !open.has(m.key))
                open.set(m.key, i);
        }
        this.open = open;
        return open;
    }
    async item(key) {
        const k = parseMarker(renderMarker(this.kind, key), this.kind).key;
        return { key: k, issue: (await this.load()).get(k) };
    }
    /** The open issue of a key, or undefined. */
    async find(key) {
        return (await this.item(key)).issue;
    }
    /**
     * Makes the issue of a key exist and say this: opened once (with the keeper's labels),
     * else its title and body updated, only when they changed. An issue opened under an older
     * marker form gets the current one on its first update.
     */
    async keep(key, content) {
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
            this.open.set(k, made);
            log?.info(`Opened issue #${made.number}: ${made.title}`);
            return { ...made, key: k, operation: 'created' };
        }
        if (issue.body === body && issue.title === content.title)
            return { ...issue, key: k, operation: 'unchanged' };
        const changed = await this.repository.updateIssue(issue.number, {
            title: content.title,
            body,
        });
        this.open.set(k, changed);
        log?.info(`Updated issue #${issue.number}.`);
        return { ...changed, key: k, operation: 'updated' };
    }
    /**
     * Comments on the open issue of a key. With `once`, a comment already carrying that marker
     * key (of kind `<kind>-comment`) is not repeated: "still failing at <revision>" said once.
     */
    async comment(key, body, once) {
        const { issue } = await this.item(key);
        if (!issue)
            throw new Error(`No open ${this.kind} issue for '${key}' to comment on.`);
        const kind = `${this.kind}-comment`;
        if (once !== undefined) {
            const said = (await this.repository.comments(issue.number)).some((c) => hasMarker(c.body, kind, once));
            if (said)
                return false;
            body = `${body}\n\n${renderMarker(kind, once)}`;
        }
        await this.repository.comment(issue.number, body);
        return true;
    }
    /** Adds labels to the open issue of a key (those it has already are not added again). */
    async label(key, labels) {
        const { issue } = await this.item(key);
        if (!issue)
            throw new Error(`No open ${this.kind} issue for '${key}' to label.`);
        const more = labels.filter((l) => !issue.labels.includes(l));
        if (!more.length)
            return;
        await this.repository.addLabels(issue.number, more);
        issue.labels.push(...more);
    }
    /** Closes the open issue of a key with a comment; false when there is none. */
    async close(key, comment, reason = 'completed') {
        const { key: k, issue } = await this.item(key);
        if (!issue)
            return undefined;
        await this.repository.closeIssue(issue.number, comment, reason);
        this.open.delete(k);
        this.options.logger?.info(`Closed issue #${issue.number}.`);
        return issue;
    }
}
//# sourceMappingURL=keeper.js.map
;// CONCATENATED MODULE: ./build/actions/lib/github/checks.js
/**
 * A verdict reported on a commit, as a check run (a name, a conclusion, a summary in Markdown
 * and annotations) or as a commit status (a state and one line). A token that may not create
 * check runs (a 403: no `checks: write`) falls back to a status, with a warning, so the
 * verdict is still shown.
 */


const REPORT_KINDS = ['check-run', 'status'];
/** How a state shows as a check run: a pending verdict stays in progress. */
const CONCLUSION = {
    success: 'success',
    failure: 'failure',
    error: 'failure',
    pending: undefined,
};
/** GitHub's limit on a check run's summary. */
const SUMMARY_LIMIT = 65535;
/** Reports a verdict; returns how it was reported in the end. */
async function reportVerdict(repository, v, kind, logger) {
    if (kind === 'check-run') {
        try {
            await repository.createCheckRun({
                sha: v.sha,
                name: v.name,
                conclusion: CONCLUSION[v.state],
                title: v.description,
                summary: v.summary.length > SUMMARY_LIMIT
                    ? v.summary.slice(0, SUMMARY_LIMIT - 60) + '\n\n_(cut short: see the run summary)_\n'
                    : v.summary,
                annotations: v.annotations,
                detailsUrl: v.detailsUrl,
            });
            return 'check-run';
        }
        catch (e) {
            if (httpStatus(e) !== 403)
                throw e;
            logger?.warning(`Could not create the check run ${v.name} on ${v.sha} (${(0,errors/* errorMessage */.gJ)(e)}): the token needs 'checks: write'. Setting a commit status instead.`);
        }
    }
    await repository.setCommitStatus({
        sha: v.sha,
        context: v.name,
        state: v.state,
        description: v.description,
        targetUrl: v.detailsUrl,
    });
    return 'status';
}
//# sourceMappingURL=checks.js.map
;// CONCATENATED MODULE: ./build/actions/lib/github.js
/**
 * The one client factory for the GitHub REST API: Octokit from @actions/github, with retries
 * of 5xx answers and GitHub's recommended throttling (primary and secondary rate limits), and
 * the API address from GITHUB_API_URL, so GitHub Enterprise Server and the tests' server work.
 * The client is made by the entry points only (an action's main.ts, the command line) and
 * passed in. This file is the GitHub module's front: what it asks of GitHub is in github/
 * (repository.ts: every API call, by name; keeper.ts: one issue per marker; marker.ts: the one
 * marker format; checks.ts: a verdict as a check run or a commit status).
 */



/**
 * A limiter group that runs every job at once: what write spacing becomes when it is off. The
 * plugin only ever calls key(id).schedule(options, fn), so this is all of a group it uses.
 */
const unspaced = {
    key: () => ({ schedule: (_o, fn) => fn() }),
};
/** Base delay of the retry plugin in ms; tests shorten it to keep fault tests quick. */
const githubRetryPolicy = { retryAfterBaseValue: 1000 };
function apiBaseUrl(explicit) {
    return (explicit || process.env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '');
}
function createGitHub(options) {
    const retries = options.retries ?? 3;
    const log = options.logger;
    log?.secret(options.token);
    return (0,github/* getOctokit */.Q)(options.token, {
        baseUrl: apiBaseUrl(options.baseUrl),
        userAgent: 'tributary',
        log: {
            debug: (m) => log?.debug(m),
            info: (m) => log?.debug(m),
            warn: (m) => log?.warning(m),
            error: (m) => log?.debug(m),
        },
        retry: {
            retries,
            retryAfterBaseValue: options.retryAfterBaseValue ?? githubRetryPolicy.retryAfterBaseValue,
        },
        throttle: {
            ...((options.spaceWrites ?? process.env.TRIBUTARY_GITHUB_SPACE_WRITES !== 'false')
                ? {}
                : { write: unspaced, notifications: unspaced }),
            onRateLimit: (after, req, _o, count) => {
                log?.warning(`GitHub API rate limit on ${req.method} ${req.url}; retrying after ${after} s`);
                return count < retries;
            },
            onSecondaryRateLimit: (after, req, _o, count) => {
                log?.warning(`GitHub API secondary rate limit on ${req.method} ${req.url}; retrying after ${after} s`);
                return count < retries;
            },
        },
    }, dist_bundle/* retry */.L, plugin_throttling_dist_bundle/* throttling */.A);
}
// The named operations, the keepers and the markers: the rest of the GitHub module.




//# sourceMappingURL=github.js.map

/***/ })

};
