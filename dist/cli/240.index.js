export const id = 240;
export const ids = [240];
export const modules = {

/***/ 6240:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  TU: () => (/* binding */ Git),
  XS: () => (/* reexport */ GitError),
  zY: () => (/* binding */ initRepository),
  dg: () => (/* reexport */ isTransient),
  Fd: () => (/* reexport */ stopGit),
  JH: () => (/* reexport */ transportOf)
});

// UNUSED EXPORTS: ALLOWED_PROTOCOLS, GitProcess, GitStopped, basicAuthHeader, credentialFor, retryPolicy

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:readline"
var external_node_readline_ = __webpack_require__(481);
// EXTERNAL MODULE: ./build/actions/lib/log.js
var log = __webpack_require__(1562);
// EXTERNAL MODULE: ./build/actions/lib/process-table.js
var process_table = __webpack_require__(3780);
;// CONCATENATED MODULE: ./build/actions/lib/git-process.js
/**
 * The one funnel every git call goes through: a child process of git with arguments as arrays
 * (no shell ever parses them), git never prompting, only known transports allowed (never
 * ext::), and credentials given per command through GIT_CONFIG_* environment variables: an
 * Authorization header scoped to one URL prefix, so a token is never on a command line, in a
 * URL, a remote or .git/config. git.ts builds the questions and writes tributary makes on it.
 */




/** How git reaches a remote, from its URL: scp-like `host:path` is ssh, a path is local. */
function transportOf(url) {
    const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(url)?.[1].toLowerCase();
    if (scheme === 'https' || scheme === 'http' || scheme === 'ssh' || scheme === 'git')
        return scheme;
    if (scheme === 'file')
        return 'local';
    return !url.startsWith('/') && /^[^/]+:/.test(url) ? 'ssh' : 'local';
}
/**
 * The one place a token is scoped: a header for exactly this repository's URL. git matches
 * `http.<url>.extraHeader` as a path prefix that ends at a `/`, so a token given for
 * https://host/o/a.git reaches https://host/o/a.git/info/refs and nothing else: neither
 * https://host/o/b.git on the same server nor https://host/o/a.git.evil. A remote that is not
 * HTTP(S), or has no token, gets none; a URL naming no repository (a whole server) is refused.
 */
function credentialFor(remote) {
    if (!remote.token || !/^https?:\/\//i.test(remote.url))
        return [];
    const urlPrefix = remote.url.replace(/\/+$/, '');
    let url;
    try {
        url = new URL(urlPrefix);
    }
    catch {
        throw new Error(`A token can only be sent to a repository URL, and this is not one.`);
    }
    if (url.pathname === '/' || url.pathname === '')
        throw new Error(`A token is sent to one repository, never to a whole server (${url.origin} names none).`);
    if (url.username || url.password || url.search || url.hash)
        throw new Error(`A repository URL given a token must not carry credentials or a query.`);
    return [{ urlPrefix: url.href.replace(/\/+$/, ''), token: remote.token }];
}
class GitError extends Error {
    args;
    code;
    stderr;
    constructor(args, code, stderr) {
        super(`git ${args.join(' ')} failed (exit ${code}): ${stderr.trim().split('\n').slice(-6).join('\n')}`);
        this.name = 'GitError';
        this.args = args;
        this.code = code;
        this.stderr = stderr;
    }
}
/** The transports tributary ever speaks; `ext::` and friends are refused by git itself. */
const ALLOWED_PROTOCOLS = 'file:git:http:https:ssh';
const TRANSIENT = [
    /RPC failed/i,
    /early EOF/i,
    /unexpected disconnect/i,
    /the remote end hung up unexpectedly/i,
    /Connection (reset|refused|timed out)/i,
    /Could not resolve host/i,
    /Operation timed out/i,
    /HTTP\/?[0-9.]* ?(500|502|503|504)/i,
    /returned error: (500|502|503|504)/i,
    /transfer closed with outstanding read data/i,
    /GnuTLS recv error|SSL_read|OpenSSL SSL/i,
    /index-pack failed/i,
    /remote: (Internal Server Error|Service Unavailable)/i,
];
/**
 * A push the lease or the remote refused. Over a local or ssh transport an atomic push that a
 * lease stopped also says "the remote end hung up unexpectedly": it is still an answer.
 */
const REFUSED = /\[(remote )?rejected\]|\(stale info\)|atomic push failed/;
/**
 * Whether a failure looks like the network, worth another try; auth and refusals are not.
 * `stdout` matters for a push: `--porcelain` writes its refusals there.
 */
function isTransient(stderr, stdout = '') {
    if (REFUSED.test(stderr) || REFUSED.test(stdout))
        return false;
    return TRANSIENT.some((re) => re.test(stderr));
}
function basicAuthHeader(username, token) {
    return `Authorization: Basic ${Buffer.from(`${username}:${token}`).toString('base64')}`;
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/** Base delay of the backoff between retries; tests shorten it. */
const retryPolicy = { baseDelayMs: 1000 };
// ---- stopping: an interrupted command must not leave git (a push above all) running on ----
/** Thrown instead of starting git, or of retrying it, once stopGit was called. */
class GitStopped extends Error {
    constructor() {
        super('git was stopped: the command was interrupted');
        this.name = 'GitStopped';
    }
}
const stop = { requested: false };
/** Every git process started here that has not closed yet, with the promise of its close. */
const running = new Map();
/** Spawns through `spawnGit` unless stopGit was called, and keeps the child until it closes. */
function started(spawnGit) {
    if (stop.requested)
        throw new GitStopped();
    const child = spawnGit();
    const closed = new Promise((resolve) => {
        child.once('close', () => resolve());
        child.once('error', () => resolve());
    });
    running.set(child, closed);
    void closed.then(() => running.delete(child));
    return child;
}
/**
 * Stops every git process started here and starts no more (GitStopped instead): each one with
 * all it started, since a push's transport helper carries on alone when only git is signalled.
 * Resolves once every one of them has exited; SIGKILL after `graceMs` for any that has not.
 */
function stopGit(graceMs = 3000) {
    stop.requested = true;
    return (stop.done ??= (async () => {
        const children = [...running];
        const signal = (sig) => {
            for (const [child] of children)
                for (const pid of child.pid ? (0,process_table/* processTree */.WZ)(child.pid) : [])
                    try {
                        process.kill(pid, sig);
                    }
                    catch {
                        // already gone
                    }
        };
        signal('SIGTERM');
        const timer = setTimeout(() => signal('SIGKILL'), graceMs);
        await Promise.all(children.map(([, closed]) => closed));
        clearTimeout(timer);
    })());
}
class GitProcess {
    cwd;
    options;
    redactor = new log/* Redactor */.pO();
    credentials;
    constructor(options) {
        this.options = options;
        this.cwd = options.cwd;
        this.credentials = (options.remotes ?? []).flatMap(credentialFor);
        for (const c of this.credentials) {
            this.redactor.add(c.token);
            this.redactor.add(basicAuthHeader(c.username ?? 'x-access-token', c.token).slice(21));
            options.logger?.secret(c.token);
        }
    }
    /** The same credentials, identity and logger in another directory. */
    at(cwd) {
        return new this.constructor({ ...this.options, cwd });
    }
    /** Removes every token (and its encoded form) from a text. */
    redact(text) {
        return this.redactor.redact(text);
    }
    environment(extra) {
        const env = {
            ...process.env,
            GIT_TERMINAL_PROMPT: '0',
            GIT_ALLOW_PROTOCOL: ALLOWED_PROTOCOLS,
            GCM_INTERACTIVE: 'never',
            LC_ALL: 'C',
            ...this.options.env,
            ...extra,
        };
        if (!env.GIT_SSH_COMMAND)
            env.GIT_SSH_COMMAND = 'ssh -o BatchMode=yes';
        // Per-command configuration, appended after whatever the caller's environment had.
        let n = Number.parseInt(env.GIT_CONFIG_COUNT ?? '0', 10) || 0;
        const add = (key, value) => {
            env[`GIT_CONFIG_KEY_${n}`] = key;
            env[`GIT_CONFIG_VALUE_${n}`] = value;
            n++;
        };
        for (const c of this.credentials) {
            add(`http.${c.urlPrefix}.extraHeader`, basicAuthHeader(c.username ?? 'x-access-token', c.token));
        }
        // A credential helper from the user's config must not answer for us, nor store our token.
        if (this.credentials.length)
            add('credential.helper', '');
        env.GIT_CONFIG_COUNT = String(n);
        const id = this.options.identity;
        if (id) {
            env.GIT_AUTHOR_NAME = env.GIT_COMMITTER_NAME = id.name;
            env.GIT_AUTHOR_EMAIL = env.GIT_COMMITTER_EMAIL = id.email;
            // A command that keeps another author (a cherry-pick) says so in its own environment.
            for (const k of ['GIT_AUTHOR_NAME', 'GIT_AUTHOR_EMAIL', 'GIT_AUTHOR_DATE'])
                if (extra?.[k])
                    env[k] = extra[k];
        }
        return env;
    }
    once(args, opts) {
        return new Promise((resolve, reject) => {
            const child = started(() => (0,external_node_child_process_.spawn)(this.options.program ?? 'git', args, {
                cwd: this.cwd,
                env: this.environment(opts.env),
                stdio: ['pipe', 'pipe', 'pipe'],
            }));
            const out = [];
            const err = [];
            child.stdout.on('data', (b) => out.push(b));
            child.stderr.on('data', (b) => err.push(b));
            child.on('error', reject);
            child.stdin.on('error', () => { }); // git may exit before reading all of its input
            child.on('close', (code, signal) => {
                resolve({
                    code: code ?? (signal ? 128 : 1),
                    stdout: Buffer.concat(out).toString('utf8'),
                    stderr: this.redact(Buffer.concat(err).toString('utf8')),
                });
            });
            child.stdin.end(opts.input ?? '');
        });
    }
    /** Runs git; throws GitError (tokens redacted) unless allowFailure. */
    async exec(args, opts = {}) {
        const retries = opts.retries ?? 0;
        this.options.logger?.debug(`git ${this.redact(args.join(' '))}`);
        for (let attempt = 0;; attempt++) {
            const result = await this.once(args, opts);
            if (result.code === 0)
                return result;
            if (stop.requested)
                throw new GitStopped(); // its failure is ours: say so, try nothing more
            if (attempt < retries && isTransient(result.stderr, result.stdout)) {
                const delay = retryPolicy.baseDelayMs * 2 ** attempt;
                this.options.logger?.warning(`git ${args[0]} failed with a network error, retrying in ${delay} ms (${attempt + 1}/${retries}): ${result.stderr.trim().split('\n').pop()}`);
                await sleep(delay);
                continue;
            }
            if (opts.allowFailure)
                return result;
            throw new GitError(args.map((a) => this.redact(a)), result.code, result.stderr);
        }
    }
    /** Runs git and returns its stdout with the final newline removed. */
    async run(args, opts = {}) {
        return (await this.exec(args, opts)).stdout.replace(/\n$/, '');
    }
    /** Runs git and says whether it succeeded, for questions git answers by exit code. */
    async try(args, opts = {}) {
        return (await this.exec(args, { ...opts, allowFailure: true })).code === 0;
    }
    /**
     * Streams stdout line by line, for outputs too large to hold (log -p over a long history);
     * `input` goes to stdin (`--stdin` lists of commits).
     */
    async *lines(args, opts = {}) {
        let rest = '';
        for await (const chunk of this.chunks(args, opts)) {
            const parts = (rest + chunk).split('\n');
            rest = parts.pop();
            yield* parts;
        }
        if (rest)
            yield rest;
    }
    /**
     * Streams stdout as text chunks (UTF-8 kept whole across chunk boundaries), for parsers of
     * large outputs that split records themselves, faster than a line at a time.
     */
    async *chunks(args, opts = {}) {
        this.options.logger?.debug(`git ${this.redact(args.join(' '))}`);
        const child = started(() => (0,external_node_child_process_.spawn)(this.options.program ?? 'git', args, {
            cwd: this.cwd,
            env: this.environment(opts.env),
            stdio: [opts.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
        }));
        if (child.stdin) {
            child.stdin.on('error', () => { });
            child.stdin.end(opts.input);
        }
        const err = [];
        child.stderr.on('data', (b) => err.push(b));
        const closed = new Promise((resolve, reject) => {
            child.on('error', reject);
            child.on('close', (code) => resolve(code ?? 1));
        });
        child.stdout.setEncoding('utf8');
        try {
            for await (const chunk of child.stdout)
                yield chunk;
        }
        finally {
            if (child.exitCode === null)
                child.kill();
        }
        const code = await closed;
        if (code !== 0)
            throw new GitError(args, code, this.redact(Buffer.concat(err).toString('utf8')));
    }
    /**
     * Streams `git <producer>` into `git <consumer>` and yields the consumer's stdout line by
     * line: two processes for any number of commits (`log -p` into `patch-id`), nothing held
     * whole in memory. `input` is written to the producer's stdin (`--stdin` lists of commits).
     */
    async *pipeLines(producer, consumer, opts = {}) {
        this.options.logger?.debug(`git ${this.redact(producer.join(' '))} | git ${this.redact(consumer.join(' '))}`);
        const env = this.environment(opts.env);
        const first = started(() => (0,external_node_child_process_.spawn)(this.options.program ?? 'git', producer, {
            cwd: this.cwd,
            env,
            stdio: [opts.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
        }));
        // The producer's stdout is the consumer's stdin, an OS pipe: the data never passes
        // through this process.
        const second = started(() => (0,external_node_child_process_.spawn)(this.options.program ?? 'git', consumer, {
            cwd: this.cwd,
            env,
            stdio: [first.stdout, 'pipe', 'pipe'],
        }));
        first.stdout.destroy(); // the consumer has its own end of the pipe
        const errors = [[], []];
        first.stderr.on('data', (b) => errors[0].push(b));
        second.stderr.on('data', (b) => errors[1].push(b));
        const exited = (child) => new Promise((resolve, reject) => {
            child.on('error', reject);
            child.on('close', (code) => resolve(code ?? 1));
        });
        const closed = [exited(first), exited(second)];
        if (first.stdin) {
            first.stdin.on('error', () => { });
            if (typeof opts.input === 'string')
                first.stdin.end(opts.input);
            else
                opts.input?.pipe(first.stdin);
        }
        const rl = (0,external_node_readline_.createInterface)({ input: second.stdout, crlfDelay: Infinity });
        try {
            for await (const line of rl)
                yield line;
        }
        finally {
            for (const child of [first, second])
                if (child.exitCode === null)
                    child.kill();
        }
        const [a, b] = await Promise.all(closed);
        if (a !== 0)
            throw new GitError(producer, a, this.redact(Buffer.concat(errors[0]).toString('utf8')));
        if (b !== 0)
            throw new GitError(consumer, b, this.redact(Buffer.concat(errors[1]).toString('utf8')));
    }
}
//# sourceMappingURL=git-process.js.map
;// CONCATENATED MODULE: ./build/actions/lib/git.js
/**
 * Every git call tributary makes, as methods of Git: what a revision names, refs here and on a
 * remote, in-core merges and picks, leased pushes, notes, patch-ids. All of them run through
 * the funnel in git-process.ts (arguments as arrays, no prompts, credentials per command).
 */





// Separators of a bulk commit listing: control characters that never occur in commit messages.
const RS = '\x1e';
const US = '\x1f';
const END = '\x1d';
/** The paths a commit's note can have in a notes tree, by the fanout git chose. */
function notePaths(commit) {
    return [
        commit,
        `${commit.slice(0, 2)}/${commit.slice(2)}`,
        `${commit.slice(0, 2)}/${commit.slice(2, 4)}/${commit.slice(4)}`,
    ];
}
/** Entries of `git ls-tree -z` output. */
function treeEntries(out) {
    return out
        .split('\0')
        .filter(Boolean)
        .map((line) => {
        const tab = line.indexOf('\t');
        const [mode, type, oid] = line.slice(0, tab).split(' ');
        return { mode, type, oid, path: line.slice(tab + 1) };
    });
}
/** Dates for throw-away objects, so they are the same on every run. */
const FIXED_DATES = {
    GIT_AUTHOR_DATE: '1000000000 +0000',
    GIT_COMMITTER_DATE: '1000000000 +0000',
};
class Git extends GitProcess {
    /** The object a revision names, or undefined when it names nothing. */
    async revParse(rev) {
        const r = await this.exec(['rev-parse', '--verify', '--quiet', `${rev}^{object}`], {
            allowFailure: true,
        });
        return r.code === 0 ? r.stdout.trim() : undefined;
    }
    /** The commit a revision names, or undefined. */
    async commitOf(rev) {
        const r = await this.exec(['rev-parse', '--verify', '--quiet', `${rev}^{commit}`], {
            allowFailure: true,
        });
        return r.code === 0 ? r.stdout.trim() : undefined;
    }
    /** Whether `ancestor` is reachable from `descendant` (equal counts). */
    async isAncestor(ancestor, descendant) {
        const r = await this.exec(['merge-base', '--is-ancestor', ancestor, descendant], {
            allowFailure: true,
        });
        if (r.code === 0)
            return true;
        if (r.code === 1)
            return false;
        throw new GitError(['merge-base', '--is-ancestor', ancestor, descendant], r.code, r.stderr);
    }
    /** Local refs under the given patterns, as name → object id. */
    async refs(patterns = []) {
        const out = await this.run(['for-each-ref', '--format=%(objectname) %(refname)', ...patterns]);
        const map = new Map();
        for (const line of out.split('\n')) {
            if (!line)
                continue;
            const sp = line.indexOf(' ');
            map.set(line.slice(sp + 1), line.slice(0, sp));
        }
        return map;
    }
    /** A remote's refs (`git ls-remote`), as name → object id; peeled tags (^{}) left out. */
    async lsRemote(url, patterns = [], opts = {}) {
        const out = await this.run(['ls-remote', '--', url, ...patterns], { retries: 3, ...opts });
        const map = new Map();
        for (const line of out.split('\n')) {
            if (!line)
                continue;
            const [oid, name] = line.split('\t');
            if (name && !name.endsWith('^{}'))
                map.set(name, oid);
        }
        return map;
    }
    // ---- in-core merges and commits: no work tree, so a partial clone fetches only the blobs
    // a merge actually has to read --------------------------------------------------------
    /**
     * Merges two commits without a work tree (`git merge-tree --write-tree`, git >= 2.38): the
     * resulting tree, and the paths that conflict (the tree then holds conflict markers).
     */
    async mergeTree(ours, theirs) {
        const args = ['merge-tree', '--write-tree', '--name-only', '--no-messages', '-z', ours, theirs];
        const r = await this.exec(args, { allowFailure: true });
        if (r.code !== 0 && r.code !== 1)
            throw new GitError(args, r.code, r.stderr);
        const [tree, ...rest] = r.stdout.split('\0');
        const conflicts = r.code === 1 ? rest.filter(Boolean) : [];
        return { clean: r.code === 0, tree, conflicts };
    }
    /**
     * Applies the change a commit made onto another commit's tree, as `git cherry-pick` does,
     * without a work tree: a throw-away commit with `onto`'s tree and `commit^` as its parent
     * makes `commit^` the merge base, so the three-way merge is exactly the pick.
     */
    async pickTree(commit, onto) {
        const parent = await this.run(['rev-parse', '--verify', `${commit}^1`]);
        const tree = await this.run(['rev-parse', '--verify', `${onto}^{tree}`]);
        const stand = await this.run(['commit-tree', '-p', parent, '-m', 'tributary pick base', tree], {
            env: FIXED_DATES,
        });
        return this.mergeTree(stand, commit);
    }
    /** Writes a commit object for a tree; the identity is the funnel's unless an author is given. */
    async commitTree(tree, parents, message, options = {}) {
        const args = ['commit-tree', ...parents.flatMap((p) => ['-p', p]), '-F', '-', tree];
        const env = {};
        if (options.author) {
            env.GIT_AUTHOR_NAME = options.author.name;
            env.GIT_AUTHOR_EMAIL = options.author.email;
            env.GIT_AUTHOR_DATE = options.author.date;
        }
        return this.run(args, { input: message, env });
    }
    // ---- talking to remotes: fetch, atomic leased updates ------------------------------------
    /**
     * Fetches refspecs (`+src:dst`) from a URL or a remote's name: no tags but those named, no
     * FETCH_HEAD. The refspecs go through stdin, so their number is never limited by a command line.
     */
    async fetch(remote, refspecs, opts = {}) {
        if (!refspecs.length)
            return;
        const args = [
            'fetch',
            '--quiet',
            '--no-tags',
            '--no-write-fetch-head',
            ...(opts.filter ? [`--filter=${opts.filter}`] : []),
            ...(opts.depth ? [`--depth=${opts.depth}`] : []),
            ...(opts.negotiationTips ?? []).map((t) => `--negotiation-tip=${t}`),
            ...(opts.prune ? ['--prune'] : []),
            '--stdin',
            '--',
            remote,
        ];
        await this.run(args, { input: refspecs.join('\n') + '\n', retries: opts.retries });
    }
    /**
     * Updates refs of a remote, each guarded by a lease on the value it must still have
     * (`undefined`: it must not exist), all or nothing (`--atomic`). A refusal is an answer, not
     * an error: the outcome says which leases failed, and git's words for anything else.
     *
     * With `stage`, a local namespace (`refs/tributary/push/`), the new values are written there
     * first and pushed with one pattern refspec: git matches thousands of explicit refspecs
     * against thousands of refs in quadratic time, a pattern in linear time. Every ref still
     * carries its own lease. The namespace is emptied before and after.
     */
    async pushLeased(url, updates, opts = {}) {
        if (!updates.length)
            return { ok: true, stale: [], refusals: [], output: '' };
        const leases = updates.map((u) => `--force-with-lease=${u.ref}:${u.expected ?? ''}`);
        let refspecs;
        if (opts.stage) {
            const stage = opts.stage;
            const staged = updates.filter((u) => u.sha);
            await this.clearNamespace(stage);
            await this.updateRefs(staged.map((u) => ({ ref: stage + u.ref.slice('refs/'.length), sha: u.sha })));
            refspecs = [
                ...(staged.length ? [`${stage}*:refs/*`] : []),
                ...updates.filter((u) => !u.sha).map((u) => `:${u.ref}`),
            ];
        }
        else
            refspecs = updates.map((u) => `${u.sha ?? ''}:${u.ref}`);
        const args = ['push', '--porcelain', '--atomic', '--no-verify', ...leases, '--', url];
        let r;
        try {
            r = await this.exec([...args, ...refspecs], {
                allowFailure: true,
                retries: opts.retries ?? 3,
            });
        }
        finally {
            if (opts.stage)
                await this.clearNamespace(opts.stage);
        }
        if (r.code === 0)
            return { ok: true, stale: [], refusals: [], output: '' };
        // Porcelain: `!\t<src>:<dst>\t[rejected] (stale info)` for a lease that failed.
        const refused = r.stdout.split('\n').filter((l) => l.startsWith('!'));
        const stale = updates
            .filter((u) => refused.some((l) => l.includes(`:${u.ref}\t`) && l.includes('stale info')))
            .map((u) => u.ref);
        return {
            ok: false,
            stale,
            refusals: refused.map((l) => l.split('\t').slice(1).join(' ')),
            output: (r.stderr + r.stdout).trim(),
        };
    }
    /**
     * Pushes commits to refs with leases, all or nothing. Returns the refs the remote refused
     * because they moved (stale lease) instead of throwing, so the caller can explain; any other
     * failure throws.
     */
    async pushWithLease(url, updates) {
        const r = await this.pushLeased(url, updates);
        if (r.ok || r.stale.length)
            return { rejected: r.stale };
        throw new GitError(['push', '--atomic', '--', url], 1, r.output);
    }
    // ---- local refs and configuration -----------------------------------------------------
    /** Applies ref changes in one transaction (`update-ref --stdin`): all of them or none. */
    async updateRefs(changes) {
        if (!changes.length)
            return;
        const lines = changes.map((c) => (c.sha ? `update ${c.ref} ${c.sha}` : `delete ${c.ref}`));
        await this.run(['update-ref', '--stdin'], { input: lines.join('\n') + '\n' });
    }
    /** Deletes a local ref; one that does not exist is already gone. */
    async deleteRef(ref) {
        await this.run(['update-ref', '-d', ref]);
    }
    /** Deletes every local ref under a namespace (`refs/tributary/push/`). */
    async clearNamespace(namespace) {
        const refs = await this.refs([namespace]);
        await this.updateRefs([...refs.keys()].map((ref) => ({ ref, sha: null })));
    }
    async setConfig(key, value) {
        await this.run(['config', key, value]);
    }
    /** Whether this folder is a bare repository git can open (false for anything else). */
    async isBareRepository() {
        const r = await this.exec(['rev-parse', '--is-bare-repository'], { allowFailure: true });
        return r.code === 0 && r.stdout.trim() === 'true';
    }
    /**
     * Makes `name` a promisor remote of this repository with a partial-clone filter (a partial
     * clone of it): objects the filter left out are fetched when something reads them, through
     * this funnel, so with the same scoped credential. The URL is stored, never a token.
     */
    async usePromisorRemote(name, url, filter = 'blob:none') {
        const r = await this.exec(['config', '--get', `remote.${name}.url`], { allowFailure: true });
        if (r.code === 0)
            return;
        for (const [key, value] of [
            ['core.repositoryformatversion', '1'],
            [`remote.${name}.url`, url],
            [`remote.${name}.promisor`, 'true'],
            [`remote.${name}.partialclonefilter`, filter],
            ['extensions.partialClone', name],
        ])
            await this.setConfig(key, value);
    }
    /** HEAD's commit and the ref it is on (`HEAD` when detached); undefined without a commit. */
    async checkedOut() {
        // One git call for both: the commit, then the branch HEAD is on.
        const r = await this.exec(['rev-parse', 'HEAD^{commit}', '--symbolic-full-name', 'HEAD'], {
            allowFailure: true,
        });
        const [commit, ref] = r.code === 0 ? r.stdout.trim().split('\n') : [];
        return commit ? { commit, ref: ref ?? 'HEAD' } : undefined;
    }
    // ---- objects: blobs, trees, notes ------------------------------------------------------
    /** A blob's content, exactly (no newline trimmed). */
    async readBlob(oid) {
        return (await this.exec(['cat-file', 'blob', oid])).stdout;
    }
    /** Writes a blob and returns its id. */
    async writeBlob(content) {
        return this.run(['hash-object', '-w', '--stdin'], { input: content });
    }
    /**
     * The entry at a path of a commit's tree, or undefined when there is none. `ls-tree` answers
     * "absent" with an empty list and fails only when git cannot read the trees, so a network
     * failure (in a partial clone) is never mistaken for a missing file.
     */
    async treeEntry(commit, path) {
        const out = await this.run(['ls-tree', '-z', commit, '--', path]);
        return treeEntries(out).find((e) => e.path === path);
    }
    /**
     * The tree of `commit` with some entries replaced (a file's new blob, a submodule's new
     * commit), built in a temporary index: nothing is checked out, the repository's own index
     * is not touched.
     */
    async treeWith(commit, entries) {
        const index = (0,external_node_path_.join)(this.cwd, `tributary-${process.pid}-${(0,external_node_crypto_.randomUUID)()}.index`);
        const env = { GIT_INDEX_FILE: index };
        try {
            await this.run(['read-tree', commit], { env });
            for (const e of entries)
                await this.run(['update-index', '--cacheinfo', `${e.mode},${e.object},${e.path}`], {
                    env,
                });
            return await this.run(['write-tree'], { env });
        }
        finally {
            (0,external_node_fs_.rmSync)(index, { force: true });
        }
    }
    /** `git config --blob`: the `key value` pairs of a config file kept as a blob, by key regexp. */
    async blobConfig(blob, keyPattern) {
        const r = await this.exec(['config', '--blob', blob, '--get-regexp', keyPattern], {
            allowFailure: true,
        });
        return r.stdout
            .split('\n')
            .filter(Boolean)
            .map((line) => {
            const sp = line.indexOf(' ');
            return [line.slice(0, sp), line.slice(sp + 1)];
        });
    }
    /**
     * Whether everything reachable from these commits can be read (`rev-list --objects`): false
     * when an object is missing or damaged.
     */
    async objectsComplete(tips) {
        if (!tips.length)
            return true;
        return this.try(['rev-list', '--objects', '--quiet', ...tips]);
    }
    /**
     * The note blob of each commit, from one `git ls-tree` of the notes tree whatever the number
     * of commits, so a bounded ancestor walk is one process, not one per commit. It reads trees
     * only: in a partial clone (notes fetched without their blobs) nothing is downloaded here.
     */
    async noteBlobs(notesRef, commits) {
        const found = new Map();
        if (!commits.length || !(await this.revParse(notesRef)))
            return found;
        const out = await this.run([
            'ls-tree',
            '-r',
            '-z',
            '--full-tree',
            notesRef,
            '--',
            ...commits.flatMap(notePaths),
        ]);
        for (const e of treeEntries(out))
            if (e.type === 'blob')
                found.set(e.path.replace(/\//g, ''), e.oid);
        return found;
    }
    /** The note a notes ref holds for a commit, or undefined. */
    async readNote(notesRef, commit) {
        const blob = (await this.noteBlobs(notesRef, [commit])).get(commit);
        return blob ? this.readBlob(blob) : undefined;
    }
    /**
     * Writes (replaces) a commit's note, content verbatim, as one more commit of the notes ref,
     * and returns that commit. Unlike `git notes add`, which rewrites every note of the tree,
     * this touches only the trees on the note's path, so recording costs the same with ten notes
     * or ten thousand. The ref moves only from the value read here: a concurrent writer is never
     * overwritten (the update fails instead).
     */
    async writeNote(notesRef, commit, text, message) {
        const blob = await this.writeBlob(text);
        const parent = await this.revParse(notesRef);
        const tree = await this.putNote(parent ? `${parent}^{tree}` : undefined, commit, blob);
        const next = await this.run([
            'commit-tree',
            tree,
            ...(parent ? ['-p', parent] : []),
            '-m',
            message,
        ]);
        await this.run(['update-ref', notesRef, next, parent ?? '']);
        return next;
    }
    /**
     * The tree `tree` with the note `name` (the commit id, less the fanout directories above)
     * set to `blob`, keeping the fanout the tree already has: only the trees on the note's path
     * are read and written, never the whole notes tree.
     */
    async putNote(tree, name, blob) {
        const entries = tree ? treeEntries(await this.run(['ls-tree', '-z', tree])) : [];
        const fanned = entries.some((e) => e.type === 'tree' && /^[0-9a-f]{2}$/.test(e.path));
        const own = entries.findIndex((e) => e.type === 'blob' && e.path === name);
        if (own >= 0)
            entries[own] = { ...entries[own], oid: blob };
        else if (fanned && name.length > 2) {
            const dir = name.slice(0, 2);
            const i = entries.findIndex((e) => e.type === 'tree' && e.path === dir);
            const sub = await this.putNote(i >= 0 ? entries[i].oid : undefined, name.slice(2), blob);
            const entry = { mode: '040000', type: 'tree', oid: sub, path: dir };
            if (i >= 0)
                entries[i] = entry;
            else
                entries.push(entry);
        }
        else
            entries.push({ mode: '100644', type: 'blob', oid: blob, path: name });
        // --missing: in a partial clone the other notes' blobs are not here, and need not be.
        return this.run(['mktree', '-z', '--missing'], {
            input: entries.map((e) => `${e.mode} ${e.type} ${e.oid}\t${e.path}\0`).join(''),
        });
    }
    // ---- history ---------------------------------------------------------------------------
    /** Up to `max` commits from `head` along first parents, `head` first. */
    async firstParents(head, max) {
        const out = await this.run(['rev-list', '--first-parent', `--max-count=${max}`, head]);
        return out.split('\n').filter(Boolean);
    }
    /** How many commits a range (`a..b`) holds. */
    async countCommits(range) {
        return Number(await this.run(['rev-list', '--count', range]));
    }
    /**
     * The commits of `downstream` whose change `upstream` does not carry, by patch
     * (`--cherry-pick`, what `git rebase` skips), merges left out, oldest first.
     */
    async commitsNotIn(upstream, downstream) {
        const out = await this.run([
            'rev-list',
            '--reverse',
            '--topo-order',
            '--no-merges',
            '--cherry-pick',
            '--right-only',
            `${upstream}...${downstream}`,
        ]);
        return out.split('\n').filter(Boolean);
    }
    /**
     * Commits of a range (`git log` revision arguments) read in bulk: one git process for the
     * whole range, records split on control characters, so 20,000 commits cost one spawn.
     * Oldest first unless `newestFirst`; merges left out unless `merges`.
     */
    async readCommits(revs, options = {}) {
        const out = await this.run([
            'log',
            ...(options.merges ? [] : ['--no-merges']),
            '--topo-order',
            ...(options.newestFirst ? [] : ['--reverse']),
            `--format=${RS}%H${US}%an${US}%ae${US}%ad${US}%B${END}`,
            '--date=raw',
            ...(options.files ? ['--name-only', '--no-renames'] : []),
            ...revs,
            '--',
        ]);
        const records = [];
        for (const chunk of out.split(RS)) {
            if (!chunk)
                continue;
            const end = chunk.indexOf(END);
            const [sha, name, email, date, message] = chunk.slice(0, end).split(US);
            const record = {
                sha,
                subject: message.split('\n', 1)[0],
                author: { name, email, date },
                message,
            };
            if (options.files)
                record.files = chunk
                    .slice(end + 1)
                    .split('\n')
                    .filter(Boolean);
            records.push(record);
        }
        return records;
    }
    /** Many revisions resolved in one process: name → commit id (absent when unknown or ambiguous). */
    async resolveCommits(names) {
        const out = new Map();
        if (!names.length)
            return out;
        const r = await this.run(['cat-file', '--batch-check=%(objectname) %(objecttype)'], {
            input: names.map((n) => `${n}^{commit}`).join('\n') + '\n',
        });
        r.split('\n').forEach((line, i) => {
            const [oid, type] = line.split(' ');
            if (type === 'commit' && i < names.length)
                out.set(names[i], oid);
        });
        return out;
    }
    /**
     * Stable patch ids (`git patch-id --stable`, what cherry-mark compares) of commits:
     * commit → patch id; commits with an empty diff (and merges) have none.
     */
    async patchIds(commits) {
        const out = new Map();
        if (!commits.length)
            return out;
        const diff = await this.exec(['diff-tree', '--stdin', '-p', '--no-color', '--root'], {
            input: commits.join('\n') + '\n',
        });
        const ids = await this.run(['patch-id', '--stable'], { input: diff.stdout });
        for (const line of ids.split('\n')) {
            const [pid, commit] = line.split(' ');
            if (pid && commit)
                out.set(commit, pid);
        }
        return out;
    }
    /**
     * A remote's branches and tags only (`ls-remote --heads --tags --refs`): protocol v2 asks the
     * server for just those prefixes, so refs/pull/*, HEAD and other hidden refs never come back.
     */
    async remoteBranchesAndTags(url, opts = {}) {
        const out = await this.run(['ls-remote', '--heads', '--tags', '--refs', '--', url], {
            retries: 3,
            ...opts,
        });
        const map = new Map();
        for (const line of out.split('\n')) {
            if (!line)
                continue;
            const [oid, name] = line.split('\t');
            if (name)
                map.set(name, oid);
        }
        return map;
    }
    /**
     * The type of each object (commit, tag, tree, blob), or undefined when it is missing or
     * unreadable. Reads each object's header, so a damaged pack shows up here, not only its index.
     */
    async objectTypes(oids) {
        const list = [...new Set(oids)];
        const types = new Map();
        if (!list.length)
            return types;
        const r = await this.exec(['cat-file', '--batch-check=%(objectname) %(objecttype)'], {
            input: list.join('\n') + '\n',
            allowFailure: true,
        });
        const lines = r.stdout.split('\n');
        list.forEach((oid, i) => {
            const [got, type] = (lines[i] ?? '').split(' ');
            types.set(oid, r.code === 0 && got === oid && type !== 'missing' ? type : undefined);
        });
        return types;
    }
}
/** Creates a repository (bare by default) and returns its funnel. */
async function initRepository(dir, options = {}) {
    const { bare = true, config = {}, ...rest } = options;
    const git = new Git({ ...rest, cwd: process.cwd() });
    await git.run(['init', '--quiet', ...(bare ? ['--bare'] : []), '--', dir]);
    const repository = git.at(dir);
    for (const [key, value] of Object.entries(config))
        await repository.setConfig(key, value);
    return repository;
}
//# sourceMappingURL=git.js.map

/***/ }),

/***/ 3780:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   WZ: () => (/* binding */ processTree),
/* harmony export */   X0: () => (/* binding */ processStartTime),
/* harmony export */   _n: () => (/* binding */ isAlive)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/**
 * What the host's process table (/proc) says about a process: whether it still runs, when it
 * started (to tell a reused pid), and what it started. Shared by every part that owns
 * processes or locks: the git funnel stopping git, the mirror's and the hypervisor's locks.
 */

/** Whether a process runs (a zombie does not). */
function isAlive(pid) {
    if (!Number.isInteger(pid) || pid <= 0)
        return false;
    try {
        process.kill(pid, 0);
    }
    catch (e) {
        return e.code === 'EPERM';
    }
    // A zombie is dead for our purposes: it runs nothing and only waits to be reaped.
    try {
        const stat = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(`/proc/${pid}/stat`, 'utf8');
        return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
    }
    catch {
        return true;
    }
}
/** The process' start time in clock ticks since boot (field 22 of /proc/<pid>/stat), to tell a reused pid. */
function processStartTime(pid) {
    try {
        const stat = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(`/proc/${pid}/stat`, 'utf8');
        return stat
            .slice(stat.lastIndexOf(')') + 2)
            .split(' ')
            .at(19);
    }
    catch {
        return undefined;
    }
}
/** A process and all its descendants, parents first (from /proc; the process alone elsewhere). */
function processTree(root) {
    const children = new Map();
    try {
        for (const entry of (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)('/proc')) {
            if (!/^\d+$/.test(entry))
                continue;
            try {
                const stat = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(`/proc/${entry}/stat`, 'utf8');
                const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
                children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
            }
            catch {
                // gone meanwhile
            }
        }
    }
    catch {
        // no /proc: only the process itself can be named
    }
    const tree = [root];
    for (let i = 0; i < tree.length; i++)
        tree.push(...(children.get(tree[i]) ?? []));
    return tree;
}
//# sourceMappingURL=process-table.js.map

/***/ })

};
