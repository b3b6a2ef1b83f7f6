export const id = 365;
export const ids = [365];
export const modules = {

/***/ 6240:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  TU: () => (/* binding */ Git),
  XS: () => (/* reexport */ GitError),
  FX: () => (/* reexport */ credentialFor),
  zY: () => (/* binding */ initRepository),
  dg: () => (/* reexport */ isTransient),
  Fd: () => (/* reexport */ stopGit),
  JH: () => (/* reexport */ transportOf)
});

// UNUSED EXPORTS: ALLOWED_PROTOCOLS, GitProcess, GitStopped, NOTES_FANOUT, basicAuthHeader, progressPolicy, retryPolicy

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
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
const COUNTER = /objects|deltas|Total \d/;
/** How often a transfer's progress is logged; tests make it 0 (every line git writes). */
const progressPolicy = { intervalMs: 10_000 };
/**
 * Turns git's progress output (lines ended by `\r` while they count, `\n` when done) into
 * at most one log line every interval: the latest count, and the last line when it ends after
 * the first was shown, so a long fetch says where it is and a short one says nothing.
 */
class ProgressLog {
    say;
    label;
    redact;
    pending = '';
    latest = '';
    shownAt;
    shown = false;
    constructor(say, label, redact) {
        this.say = say;
        this.label = label;
        this.redact = redact;
        this.shownAt = Date.now();
    }
    add(chunk) {
        const parts = (this.pending + chunk).split(/[\r\n]/);
        this.pending = parts.pop();
        // Counters only (`Receiving objects: 40% (36/90)`, `remote: Total 90 ...`), not the refs
        // a fetch lists when it is done.
        for (const part of parts)
            if (COUNTER.test(part))
                this.latest = part.trim();
        if (this.latest && Date.now() - this.shownAt >= progressPolicy.intervalMs)
            this.show();
    }
    end() {
        if (COUNTER.test(this.pending))
            this.latest = this.pending.trim();
        if (this.shown && this.latest)
            this.show();
    }
    show() {
        this.say(`${this.label}: ${this.redact(this.latest.replace(/^remote:\s*/, 'remote: '))}`);
        this.latest = '';
        this.shown = true;
        this.shownAt = Date.now();
    }
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
            const logger = this.options.logger;
            const progress = opts.progress && logger
                ? new ProgressLog((l) => logger.info(l), opts.progress, (t) => this.redact(t))
                : undefined;
            child.stdout.on('data', (b) => out.push(b));
            child.stderr.on('data', (b) => {
                err.push(b);
                progress?.add(b.toString('utf8'));
            });
            child.on('error', reject);
            child.stdin.on('error', () => { }); // git may exit before reading all of its input
            child.on('close', (code, signal) => {
                progress?.end();
                let stderr = Buffer.concat(err).toString('utf8');
                // Of a counter rewritten in place (`\r`), only its last state: errors stay readable.
                if (progress)
                    stderr = stderr
                        .split('\n')
                        .map((l) => l.split('\r').filter(Boolean).pop() ?? '')
                        .join('\n');
                resolve({
                    code: code ?? (signal ? 128 : 1),
                    stdout: Buffer.concat(out).toString('utf8'),
                    stderr: this.redact(stderr),
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
/** More notes than this in one level of a notes tree, and it is split in two-digit directories. */
const NOTES_FANOUT = 256;
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
    /** The branch a remote's HEAD names (its default branch), or undefined when it has none. */
    async defaultBranch(url) {
        const out = await this.run(['ls-remote', '--symref', '--', url, 'HEAD'], { retries: 3 });
        return /^ref: refs\/heads\/(\S+)\tHEAD$/m.exec(out)?.[1];
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
     * Many merges in one process (`git merge-tree --write-tree --stdin`), each answered as
     * mergeTree answers it, in the order given: a process a merge costs more than the merge.
     */
    async mergeTrees(pairs) {
        if (!pairs.length)
            return [];
        const args = ['merge-tree', '--write-tree', '--stdin', '--name-only', '--no-messages', '-z'];
        const out = await this.run(args, { input: pairs.map(([o, t]) => `${o} ${t}\n`).join('') });
        // Each merge: its status (1 clean, 0 conflicting), the tree, each conflicting path, then
        // an empty field; every field ended by NUL.
        const fields = out.split('\0');
        const results = [];
        let i = 0;
        while (results.length < pairs.length && i + 1 < fields.length) {
            const clean = fields[i++] === '1';
            const tree = fields[i++];
            const conflicts = [];
            while (i < fields.length && fields[i] !== '')
                conflicts.push(fields[i++]);
            i++; // the empty field that ends the merge
            results.push({ clean, tree, conflicts });
        }
        if (results.length !== pairs.length)
            throw new GitError(args, 0, `answered ${results.length} merges of ${pairs.length}`);
        return results;
    }
    /**
     * Applies the change a commit made onto another commit's tree, as `git cherry-pick` does,
     * without a work tree: a throw-away commit with `onto`'s tree and `commit^` as its parent
     * makes `commit^` the merge base, so the three-way merge is exactly the pick.
     */
    async pickTree(commit, onto) {
        const parent = await this.run(['rev-parse', '--verify', `${commit}^1`]);
        const tree = await this.treeOf(onto);
        const stand = await this.run(['commit-tree', '-p', parent, '-m', 'tributary pick base', tree], {
            env: FIXED_DATES,
        });
        return this.mergeTree(stand, commit);
    }
    /**
     * Undoes the change a commit made, on another commit's tree, as `git revert` does, without a
     * work tree: the merge base is the commit itself, merged with its first parent. Stand-in
     * commits (the commit's tree as a root, the two sides on it) give merge-tree that base.
     */
    async revertTree(commit, onto) {
        const stand = (t, parents) => this.run(['commit-tree', ...parents.flatMap((p) => ['-p', p]), '-m', 'tributary revert base', t], { env: FIXED_DATES });
        const base = await stand(await this.treeOf(commit), []);
        const ours = await stand(await this.treeOf(onto), [base]);
        const theirs = await stand(await this.treeOf(`${commit}^1`), [base]);
        return this.mergeTree(ours, theirs);
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
            opts.progress ? '--progress' : '--quiet',
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
        await this.run(args, {
            input: refspecs.join('\n') + '\n',
            retries: opts.retries,
            progress: opts.progress,
        });
    }
    /**
     * Fetches objects by id in one request, as a partial clone's lazy fetch does one object at a
     * time: no negotiation (nothing of ours is offered), so the server sends exactly these. A
     * server that will not serve objects by id answers false, and git's lazy fetch brings each
     * one when it is read: slower, still right.
     */
    async fetchObjects(remote, oids, opts = {}) {
        if (!oids.length)
            return true;
        const r = await this.exec([
            '-c',
            'fetch.negotiationAlgorithm=noop',
            'fetch',
            '--quiet',
            '--no-tags',
            '--no-write-fetch-head',
            '--recurse-submodules=no',
            ...(opts.filter ? [`--filter=${opts.filter}`] : []),
            '--stdin',
            '--',
            remote,
        ], { input: oids.join('\n') + '\n', allowFailure: true, retries: opts.retries });
        return r.code === 0;
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
    /** The best common ancestor of two revisions. */
    async mergeBase(a, b) {
        return this.run(['merge-base', a, b]);
    }
    /** Commits of `from..to` that descend from `from` (`--ancestry-path`), newest first. */
    async ancestryPath(from, to) {
        return (await this.run(['rev-list', '--ancestry-path', `${from}..${to}`]))
            .split('\n')
            .filter(Boolean);
    }
    /** Commits reachable from any of `tips` and not from `exclude`, newest first; merges too. */
    async reachableNotFrom(tips, exclude) {
        if (!tips.length)
            return [];
        const out = await this.run(['rev-list', '--stdin'], {
            input: [...tips, `^${exclude}`].join('\n') + '\n',
        });
        return out.split('\n').filter(Boolean);
    }
    /** The commits of `tip` that `exclude` lacks, merges left out, streamed. */
    nonMergesNotFrom(tip, exclude) {
        return this.lines(['rev-list', '--no-merges', tip, '--not', exclude]);
    }
    /** Whether a local ref matching `pattern` (`refs/heads/`) contains the commit. */
    async refContains(commit, pattern) {
        return !!(await this.run(['for-each-ref', '--count=1', '--contains', commit, pattern]));
    }
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
    /**
     * The contents of many blobs from one `git cat-file --batch`: oid → text; an object that is
     * missing (or not a blob) is absent. git gives each size in bytes and the funnel decodes its
     * output as UTF-8, so when the sizes do not add up (a blob that is not UTF-8) each blob is
     * read alone instead: slower, still right.
     */
    async readBlobs(oids) {
        const list = [...new Set(oids)];
        const texts = new Map();
        if (!list.length)
            return texts;
        const r = await this.exec(['cat-file', '--batch'], {
            input: list.join('\n') + '\n',
            allowFailure: true,
        });
        const out = Buffer.from(r.stdout, 'utf8');
        let at = 0;
        let whole = r.code === 0;
        for (const oid of list) {
            const eol = out.indexOf(0x0a, at);
            // `<oid> <type> <size>`, or `<oid> missing`
            const [name, type, size] = eol < 0 ? [] : out.toString('latin1', at, eol).split(' ');
            if (!whole || name !== oid) {
                whole = false;
                break;
            }
            if (size === undefined) {
                at = eol + 1;
                continue;
            }
            const end = eol + 1 + Number(size);
            if (!/^\d+$/.test(size) || out[end] !== 0x0a) {
                whole = false;
                break;
            }
            if (type === 'blob')
                texts.set(oid, out.toString('utf8', eol + 1, end));
            at = end + 1;
        }
        if (whole)
            return texts;
        texts.clear();
        for (const oid of list) {
            const one = await this.exec(['cat-file', 'blob', oid], { allowFailure: true });
            if (one.code === 0)
                texts.set(oid, one.stdout);
        }
        return texts;
    }
    /**
     * Writes commit objects given whole (`tree ...`, `parent ...`, author, committer, a blank
     * line, the message) in one process, and returns their ids in order. Written as given, so
     * the same text makes the same object whoever runs it, and no config (signing) changes it.
     */
    async writeCommitObjects(texts) {
        if (!texts.length)
            return [];
        const dir = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'tributary-commits-'));
        try {
            const paths = texts.map((text, i) => {
                const path = (0,external_node_path_.join)(dir, String(i));
                (0,external_node_fs_.writeFileSync)(path, text);
                return path;
            });
            const ids = await this.run(['hash-object', '-w', '-t', 'commit', '--stdin-paths'], {
                input: paths.join('\n') + '\n',
            });
            return ids.split('\n');
        }
        finally {
            (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true });
        }
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
     * In a partial clone whose notes ref was fetched without trees (`tree:0`), brings the trees
     * on the paths of these commits' notes and only those, one request a fanout level: reading
     * a few notes then costs the same however many the ref holds (git's own lazy fetch of the
     * notes tree would bring all of it). Blobs stay behind; `fetchObjects` brings those.
     */
    async fetchNoteTrees(remote, notesRef, commits) {
        const tip = await this.revParse(notesRef);
        if (!tip || !commits.length)
            return;
        // %T reads the commit only: the tree itself is not fetched by asking its id.
        const root = (await this.run(['log', '-1', '--format=%T', tip])).trim();
        let trees = [root];
        // One request and one listing a fanout level (two levels hold 16 million notes).
        for (let level = 1; trees.length && level <= 3; level++) {
            await this.fetchObjects(remote, trees, { filter: 'tree:0', retries: 3 });
            const paths = [
                ...new Set(commits.map((c) => notePaths(c)[level]).filter((p) => !!p)),
            ].map((p) => p.slice(0, p.lastIndexOf('/')));
            if (!paths.length)
                return;
            const out = await this.run(['ls-tree', '-d', '-z', root, '--', ...new Set(paths)]);
            trees = treeEntries(out)
                .filter((e) => e.type === 'tree')
                .map((e) => e.oid);
        }
    }
    /**
     * The note blob of each commit, from one `git ls-tree` of the notes tree per 500 commits, so
     * a bounded ancestor walk is one process, not one per commit. It reads trees
     * only: in a partial clone (notes fetched without their blobs) nothing is downloaded here.
     */
    async noteBlobs(notesRef, commits) {
        const found = new Map();
        if (!commits.length || !(await this.revParse(notesRef)))
            return found;
        // The paths are arguments: 500 commits a call keep the command line well under its limit.
        for (let i = 0; i < commits.length; i += 500) {
            const out = await this.run([
                'ls-tree',
                '-r',
                '-z',
                '--full-tree',
                notesRef,
                '--',
                ...commits.slice(i, i + 500).flatMap(notePaths),
            ]);
            for (const e of treeEntries(out))
                if (e.type === 'blob')
                    found.set(e.path.replace(/\//g, ''), e.oid);
        }
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
     * are read and written, never the whole notes tree. A flat level that would hold more than
     * NOTES_FANOUT notes is split once into two-digit directories, as `git notes` does, so
     * that each write (and each read of a note, and each push) stays small however many notes
     * the ref holds.
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
        else {
            entries.push({ mode: '100644', type: 'blob', oid: blob, path: name });
            const notes = entries.filter((e) => e.type === 'blob' && /^[0-9a-f]{3,}$/.test(e.path));
            if (notes.length > NOTES_FANOUT)
                return this.fanOut(entries);
        }
        // --missing: in a partial clone the other notes' blobs are not here, and need not be.
        return this.run(['mktree', '-z', '--missing'], {
            input: entries.map((e) => `${e.mode} ${e.type} ${e.oid}\t${e.path}\0`).join(''),
        });
    }
    /** A flat level of notes split into two-digit directories: one `mktree --batch` for all. */
    async fanOut(entries) {
        const isNote = (e) => e.type === 'blob' && /^[0-9a-f]{3,}$/.test(e.path);
        const dirs = new Map();
        for (const e of entries.filter(isNote)) {
            const d = e.path.slice(0, 2);
            dirs.set(d, [...(dirs.get(d) ?? []), { ...e, path: e.path.slice(2) }]);
        }
        const names = [...dirs.keys()];
        // Note names are hex: one entry a line is safe, and --batch takes a blank line between trees.
        const out = await this.run(['mktree', '--missing', '--batch'], {
            input: names
                .map((d) => dirs
                .get(d)
                .map((e) => `${e.mode} ${e.type} ${e.oid}\t${e.path}\n`)
                .join(''))
                .join('\n'),
        });
        const ids = out.split('\n').filter(Boolean);
        const top = [
            ...entries.filter((e) => !isNote(e)),
            ...names.map((d, i) => ({ mode: '040000', type: 'tree', oid: ids[i], path: d })),
        ];
        return this.run(['mktree', '-z', '--missing'], {
            input: top.map((e) => `${e.mode} ${e.type} ${e.oid}\t${e.path}\0`).join(''),
        });
    }
    // ---- history ---------------------------------------------------------------------------
    /** Up to `max` commits from `head` along first parents, `head` first. */
    async firstParents(head, max) {
        const out = await this.run(['rev-list', '--first-parent', `--max-count=${max}`, head]);
        return out.split('\n').filter(Boolean);
    }
    /**
     * The first-parent line from `head`, newest first, streamed: a caller that has seen enough
     * stops reading, and git is stopped with it, however long the history.
     */
    async *walkFirstParents(head) {
        for await (const line of this.lines(['rev-list', '--first-parent', head, '--']))
            if (line)
                yield line;
    }
    /** `walkFirstParents` with each commit's subject (a notes ref's log, say). */
    async *walkFirstParentSubjects(head) {
        for await (const line of this.lines(['log', '--first-parent', '--format=%H %s', head, '--'])) {
            if (!line)
                continue;
            const sp = line.indexOf(' ');
            yield sp < 0
                ? { commit: line, subject: '' }
                : { commit: line.slice(0, sp), subject: line.slice(sp + 1) };
        }
    }
    /**
     * The commits reachable from `tip` and not from `exclude` (`rev-list --topo-order`: children
     * before parents), each with its parents, first parent first.
     */
    async rangeWithParents(tip, exclude) {
        const out = await this.run(['rev-list', '--topo-order', '--parents', tip, `^${exclude}`]);
        return out
            .split('\n')
            .filter(Boolean)
            .map((line) => {
            const [commit, ...parents] = line.split(' ');
            return { commit, parents };
        });
    }
    /** Parents, author and subject of commits, in the order asked, from one git process. */
    async commitSummaries(commits) {
        if (!commits.length)
            return [];
        // On stdin: a divergence can ask for thousands at once.
        const out = await this.run(['log', '--no-walk=unsorted', '--stdin', '--format=%H%x00%P%x00%an%x00%ae%x00%aI%x00%s%x00'], { input: commits.join('\n') + '\n' });
        return out
            .split('\0\n')
            .map((l) => l.replace(/\0$/, '').split('\0'))
            .filter((f) => f.length >= 6)
            .map(([sha, parents, name, email, date, subject]) => ({
            sha,
            parents: parents ? parents.split(' ') : [],
            author: { name, email, date },
            subject,
        }));
    }
    /**
     * The paths each commit adds or modifies (deletions left out), against each parent of a
     * merge and against nothing for a root commit: commit → paths, one `git diff-tree` for all.
     */
    async pathsWritten(commits) {
        const written = new Map();
        if (!commits.length)
            return written;
        const out = await this.run(['diff-tree', '--stdin', '-r', '-m', '--root', '--no-renames', '--no-abbrev', '-z'], { input: commits.join('\n') + '\n' });
        // -z: `<commit>\0` heads each commit; `:<modes> <oids> <status>\0<path>\0` each change.
        const fields = out.split('\0');
        let current = [];
        for (let i = 0; i < fields.length; i++) {
            const f = fields[i].replace(/^\n/, '');
            if (/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(f)) {
                current = written.get(f) ?? [];
                written.set(f, current);
            }
            else if (f.startsWith(':')) {
                const path = fields[++i];
                if (/ [AM]$/.test(f) && !current.includes(path))
                    current.push(path);
            }
        }
        return written;
    }
    /**
     * Writes the commits of `base..head` as a mail series (`git format-patch`) into `dir`, with a
     * cover letter first, so `git am` on `base` (or `git send-email` of the folder) takes exactly
     * these commits; merges are left out, as format-patch does.
     * Returns the files written, the cover letter first.
     */
    async formatPatch(base, head, dir, options = {}) {
        const out = await this.run([
            'format-patch',
            '--numbered',
            '--cover-letter',
            `--subject-prefix=${options.subjectPrefix ?? 'PATCH'}`,
            `--output-directory=${dir}`,
            `${base}..${head}`,
            '--',
        ]);
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
    /** Whole messages of the given commits (commit → message, trailing blank lines cut), in one process. */
    async messages(commits) {
        if (!commits.length)
            return new Map();
        return this.messagesOf(['--no-walk=unsorted', '--stdin'], commits.join('\n') + '\n');
    }
    /** Whole messages of the commits of a range (`git log` revision arguments), as messages(). */
    async messagesInRange(revs) {
        return this.messagesOf([...revs, '--']);
    }
    async messagesOf(args, input) {
        const out = new Map();
        const text = await this.run(['log', '--format=%x1e%H%n%B', ...args], { input });
        for (const chunk of text.split('\x1e')) {
            const nl = chunk.indexOf('\n');
            if (nl > 0)
                out.set(chunk.slice(0, nl), chunk.slice(nl + 1).trimEnd());
        }
        return out;
    }
    /** The tree of a revision. */
    async treeOf(rev) {
        return this.run(['rev-parse', '--verify', `${rev}^{tree}`]);
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
        (await this.batchCheck(names.map((n) => `${n}^{commit}`))).forEach((line, i) => {
            const [oid, type] = line.split(' ');
            if (type === 'commit')
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
     * git's answer to each name as `cat-file --batch-check` gives it (`<id> <type>`, or `<name>
     * missing`, `<name> ambiguous`), in the order asked, one process for all: what a cached
     * answer rests on, compared as git wrote it.
     */
    async batchCheck(names) {
        if (!names.length)
            return [];
        const out = await this.run(['cat-file', '--batch-check=%(objectname) %(objecttype)'], {
            input: names.join('\n') + '\n',
        });
        return out.split('\n').slice(0, names.length);
    }
    /** Whether the repository is shallow: its history may still change under the same commits. */
    async isShallow() {
        return (await this.run(['rev-parse', '--is-shallow-repository'])).trim() !== 'false';
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

/***/ }),

/***/ 1007:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $W: () => (/* binding */ treeNameOf),
/* harmony export */   _M: () => (/* binding */ repositoryOf),
/* harmony export */   wB: () => (/* binding */ Settings)
/* harmony export */ });
/* unused harmony export valuesReader */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4193);
/* harmony import */ var _git_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6240);
/**
 * A part's settings, read the same way by both front ends: the action from its inputs, the
 * command line from its options and the environment. Each part declares its settings once
 * (name, default as action.yml says it) and parses them in `parse<Part>Settings(read)`; the
 * reader it is given knows which front end it is, so an error names the setting as the user
 * wrote it (`input 'source'`, `--source`).
 */



/** The settings of one part, read through a reader, defaults and forms applied in one way. */
class Settings {
    read;
    declared;
    constructor(read, declared) {
        this.read = read;
        this.declared = declared;
    }
    get frontEnd() {
        return this.read.frontEnd;
    }
    /** The value, or the declared default. */
    string(setting) {
        const d = this.declared[setting];
        if (!d)
            throw new Error(`setting '${setting}' is not declared`);
        return this.read.get(setting) || d.default || '';
    }
    /** The value, or undefined when empty. */
    optional(setting) {
        return this.string(setting) || undefined;
    }
    required(setting, what) {
        const v = this.string(setting);
        if (!v)
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .missingSetting */ .zf)(setting, what);
        return v;
    }
    /** A token, masked at once; '' when none. */
    secret(setting) {
        const v = this.string(setting);
        if (v)
            this.read.mask(v);
        return v;
    }
    boolean(setting) {
        const v = this.string(setting).toLowerCase();
        if (['', 'false', 'no', 'off', '0'].includes(v))
            return false;
        if (['true', 'yes', 'on', '1'].includes(v))
            return true;
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .invalidSetting */ .gT)(setting, v, 'true or false');
    }
    integer(setting, range) {
        const v = this.string(setting);
        const n = /^\d+$/.test(v) ? Number(v) : NaN;
        if (!Number.isInteger(n) || n < range.min || (range.max !== undefined && n > range.max))
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .invalidSetting */ .gT)(setting, v, range.max === undefined
                ? `a whole number of ${range.min} or more`
                : `a whole number from ${range.min} to ${range.max}`);
        return n;
    }
    /** One item a line, or separated by commas; blank items and `# comments` dropped. */
    list(setting) {
        return this.string(setting)
            .split(/[\n,]/)
            .map((s) => s.replace(/#.*$/, '').trim())
            .filter(Boolean);
    }
    /** One item a line (for items that may hold commas: regular expressions). */
    lines(setting) {
        return this.string(setting)
            .split('\n')
            .map((s) => s.trim())
            .filter(Boolean);
    }
    choice(setting, choices) {
        const v = this.string(setting);
        if (!choices.includes(v))
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .invalidSetting */ .gT)(setting, v, `one of ${choices.join(', ')}`);
        return v;
    }
    /** `owner/repo`, split; undefined when empty. */
    repository(setting) {
        const v = this.string(setting);
        if (!v)
            return undefined;
        const m = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(v);
        if (!m || m[2] === '.' || m[2] === '..')
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .invalidSetting */ .gT)(setting, v, 'format {owner}/{repo}');
        return { owner: m[1], repo: m[2] };
    }
    invalid(setting, value, expected) {
        return (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .invalidSetting */ .gT)(setting, value, expected);
    }
    /** A repository (see repositoryOf), with the token for it; undefined when empty. */
    remote(setting, workingDirectory, token) {
        const v = this.string(setting);
        return v ? repositoryOf(setting, v, workingDirectory, token) : undefined;
    }
}
/**
 * A repository as a setting gives it, a URL or a local path (resolved from `workingDirectory`;
 * `host:path` is ssh, as git reads it), with the token for it. A URL never carries credentials
 * of its own (a token is a setting apart), and one given a token names one repository: the
 * token is scoped to it (credentialFor), so a whole server is refused here, before anything.
 */
function repositoryOf(setting, value, workingDirectory, token) {
    const expected = 'an https:// URL of a repository, or a local path';
    if (value.startsWith('-'))
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .invalidSetting */ .gT)(setting, value, expected);
    let remote;
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
        let url;
        try {
            url = new URL(value);
        }
        catch {
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .invalidSetting */ .gT)(setting, value, expected);
        }
        if (url.username || url.password)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .SettingError */ .L_(setting, (name) => `${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .capitalised */ .Iu)(name)} has a user or token in its URL (${url.protocol}//${url.host}${url.pathname}): a token is given on its own, never in a URL.`);
        remote = { url: value, token };
    }
    else
        remote = {
            url: (0,_git_js__WEBPACK_IMPORTED_MODULE_2__/* .transportOf */ .JH)(value) === 'local' ? (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(workingDirectory, value) : value,
            token,
        };
    try {
        (0,_git_js__WEBPACK_IMPORTED_MODULE_2__/* .credentialFor */ .FX)(remote);
    }
    catch (e) {
        const why = (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(e).replace(/\.$/, '');
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .invalidSetting */ .gT)(setting, value, `the URL of one repository (${why})`);
    }
    return remote;
}
/** A reader over plain values (tests, and anything that is neither front end). */
function valuesReader(values, frontEnd = 'action') {
    return {
        frontEnd,
        get: (setting) => (values[setting] ?? '').trim(),
        name: (setting) => (frontEnd === 'action' ? `input '${setting}'` : `--${setting}`),
        mask: () => { },
    };
}
/** A tree's name from its repository: `https://host/x/xen.git` or `/srv/git/xen.git` → `xen`. */
function treeNameOf(url) {
    return url
        .replace(/\/+$/, '')
        .split('/')
        .pop()
        .replace(/\.git$/, '');
}
//# sourceMappingURL=settings.js.map

/***/ }),

/***/ 2315:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Du: () => (/* binding */ parseCommandLine),
/* harmony export */   Fs: () => (/* binding */ usageOf)
/* harmony export */ });
/* unused harmony exports COMMON_OPTIONS, UsageError */
/* harmony import */ var _actions_lib_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4193);
/**
 * The command line's side of the settings reader, and every part's help, from one description
 * of the part's options: each option is the action input of the same name where the action has
 * one (same default, same parser), old names stay as aliases, and an error names the option as
 * typed (`--source`), never the action's input.
 */

/** Options every part takes; the dispatcher acts on them. */
const COMMON_OPTIONS = [
    { name: 'verbose', description: 'show debug output, and what steps print as they run' },
    { name: 'version', description: "print tributary's version" },
    { name: 'help', description: 'print this help' },
];
/** Bad usage: shown with the part's help. */
class UsageError extends _actions_lib_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1 {
    showUsage = true;
}
const BOOLEAN = /^(true|false|yes|no|on|off|1|0)$/i;
const WIDTH = 100;
function settingOf(o) {
    return o.setting ?? o.name;
}
function isSwitch(o) {
    return o.value === undefined;
}
/** The help's note on an option: required, its default, repeatable, its old names. */
function note(spec, o) {
    const d = spec.declared[settingOf(o)];
    const notes = [];
    // An option that gives the argument (`--plan` for <plan.yml>) is required as the argument is.
    const argument = spec.positional?.setting === settingOf(o);
    if ((d?.required && !argument) || o.required)
        notes.push('required');
    else if (o.fallback)
        notes.push(`default: ${o.fallback.shown}`);
    else {
        const value = o.default ?? d?.default;
        if (value && !(isSwitch(o) && value === 'false'))
            notes.push(`default: ${value}`);
    }
    if (o.repeatable)
        notes.push('repeatable');
    if (o.aliases?.length)
        notes.push(`old name: ${o.aliases.map((a) => (a.length === 1 ? `-${a}` : `--${a}`)).join(', ')}`);
    return notes.length ? ` (${notes.join('; ')})` : '';
}
function wrap(text, indent, first) {
    const out = [];
    let line = first.padEnd(indent);
    if (first.length >= indent - 1) {
        out.push(first);
        line = ' '.repeat(indent);
    }
    for (const word of text.split(/\s+/)) {
        if (line.trim() && line.length + 1 + word.length > WIDTH && line.length > indent) {
            out.push(line.trimEnd());
            line = ' '.repeat(indent);
        }
        line += (line.length > indent ? ' ' : '') + word;
    }
    out.push(line.trimEnd());
    return out;
}
/** The part's help: usage, what it does, every option described, environment, exit codes. */
function usageOf(spec) {
    const rows = (items, indent = 34) => items.flatMap(([head, text]) => wrap(text, indent, `  ${head}`));
    const options = [...spec.options, ...COMMON_OPTIONS];
    const sections = [`usage: tributary ${spec.name} ${spec.synopsis}`, spec.about.trim()];
    if (spec.positional)
        sections.push([
            'Arguments:',
            ...rows([
                [
                    spec.positional.value,
                    spec.positional.description +
                        (spec.declared[spec.positional.setting]?.required ? ' (required)' : ''),
                ],
            ]),
        ].join('\n'));
    sections.push([
        'Options:',
        ...rows(options.map((o) => [
            `--${o.name}${o.value ? ` ${o.value}` : ''}`,
            o.description + note(spec, o),
        ])),
    ].join('\n'));
    if (spec.environment?.length)
        sections.push([
            'Environment:',
            ...rows(spec.environment.map((e) => [e.variables.join(', '), e.description])),
        ].join('\n'));
    sections.push([
        'Exit codes:',
        ...rows(spec.exitCodes.map(([code, text]) => [String(code), text]), 8),
    ].join('\n'));
    return sections.join('\n\n') + '\n';
}
/**
 * Reads `--name value`, `--name=value`, a switch alone (`--prune`) or with its value
 * (`--prune=false`, `--prune false`); a repeated option adds a line. Unknown options and
 * stray words are bad usage. Returns each setting given, with the name it was typed as.
 */
function readArguments(spec, args) {
    const byName = new Map();
    for (const o of spec.options)
        for (const n of [o.name, ...(o.aliases ?? [])])
            byName.set(n, o);
    const positional = spec.positional;
    const given = new Map();
    const usage = (message) => new UsageError(spec.name, `tributary ${spec.name}: ${message}`);
    const put = (setting, typed, value, repeatable) => {
        const before = given.get(setting);
        if (before && !repeatable && before.typed !== typed)
            throw usage(`${typed} and ${before.typed} give the same setting; give one`);
        if (before && !repeatable)
            before.values = [value];
        else if (before)
            before.values.push(value);
        else
            given.set(setting, { typed, values: [value] });
    };
    for (let i = 0; i < args.length; i++) {
        const a = args[i];
        const m = /^--([a-z][a-z0-9-]*)(?:=(.*))?$/s.exec(a);
        if (!m) {
            if (positional && !a.startsWith('-') && !given.has(positional.setting)) {
                put(positional.setting, positional.value, a, false);
                continue;
            }
            throw usage(`unexpected argument '${a}'`);
        }
        const o = byName.get(m[1]);
        if (!o)
            throw usage(`unknown option --${m[1]}`);
        const typed = `--${m[1]}`;
        let value = m[2];
        // A switch stands alone; `--dry-run false` still reads its value.
        if (value === undefined && isSwitch(o)) {
            const next = args[i + 1];
            if (BOOLEAN.test(next ?? ''))
                value = args[++i];
            else {
                value = 'true';
                if (o.formerValue && next !== undefined && !next.startsWith('--'))
                    put(o.formerValue, typed, args[++i], false);
            }
        }
        if (value === undefined) {
            if (i + 1 >= args.length)
                throw usage(`${typed} needs a value: ${typed} ${o.value}`);
            value = args[++i];
        }
        if (isSwitch(o) && !BOOLEAN.test(value))
            throw usage(`${typed} is a switch: give it alone, or ${typed}=true or ${typed}=false`);
        // Empty is what the action reads for an input left out; here it is a slip (an unset
        // variable): refused, never taken as the default in silence.
        if (!value.trim())
            throw usage(`${typed} is given an empty value; leave the option out for its default`);
        put(settingOf(o), typed, value, !!o.repeatable);
    }
    return given;
}
/** The command line's settings reader over a part's arguments and the environment. */
function parseCommandLine(spec, args, mask) {
    const given = readArguments(spec, args);
    const positional = spec.positional;
    const optionFor = (setting) => spec.options.find((o) => settingOf(o) === setting);
    const environmentFor = (setting) => spec.environment?.find((e) => e.setting === setting);
    const read = {
        frontEnd: 'command line',
        get(setting) {
            const g = given.get(setting);
            if (g)
                return g.values.join('\n').trim();
            const env = environmentFor(setting);
            if (env)
                for (const v of env.variables)
                    if (process.env[v]?.trim())
                        return process.env[v].trim();
            return optionFor(setting)?.fallback?.value?.().trim() ?? '';
        },
        name(setting) {
            const g = given.get(setting);
            if (g)
                return g.typed;
            if (positional?.setting === setting)
                return positional.value;
            const o = optionFor(setting);
            if (o)
                return `--${o.name}`;
            const env = environmentFor(setting);
            if (env) {
                const [first, ...rest] = env.variables;
                return rest.length ? `${first} (or ${rest.join(', ')})` : first;
            }
            return `the setting '${setting}'`;
        },
        mask,
    };
    return {
        read,
        flag(name) {
            const v = given.get(name)?.values.at(-1) ?? '';
            return /^(true|yes|on|1)$/i.test(v);
        },
        async run(story) {
            try {
                // Required here though the action has a default from the runner: said first.
                for (const o of spec.options)
                    if (o.required && !read.get(settingOf(o)))
                        throw (0,_actions_lib_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .missingSetting */ .zf)(settingOf(o), o.example ? `say, --${o.name} ${o.example}` : o.description);
                return await story(read);
            }
            catch (e) {
                if (e instanceof _actions_lib_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .SettingError */ .L_)
                    throw new _actions_lib_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(e.subject, (0,_actions_lib_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(e, read));
                throw e;
            }
        },
    };
}
//# sourceMappingURL=options.js.map

/***/ })

};
