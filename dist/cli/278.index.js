export const id = 278;
export const ids = [278];
export const modules = {

/***/ 6240:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  TU: () => (/* binding */ Git),
  XS: () => (/* reexport */ GitError),
  zY: () => (/* binding */ initRepository),
  dg: () => (/* reexport */ isTransient),
  Fd: () => (/* reexport */ stopGit)
});

// UNUSED EXPORTS: ALLOWED_PROTOCOLS, GitProcess, GitStopped, basicAuthHeader, retryPolicy

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:readline"
var external_node_readline_ = __webpack_require__(481);
// EXTERNAL MODULE: ./build/actions/lib/log.js
var log = __webpack_require__(1562);
;// CONCATENATED MODULE: ./build/actions/lib/git-process.js
/**
 * The one funnel every git call goes through: a child process of git with arguments as arrays
 * (no shell ever parses them), git never prompting, only known transports allowed (never
 * ext::), and credentials given per command through GIT_CONFIG_* environment variables: an
 * Authorization header scoped to one URL prefix, so a token is never on a command line, in a
 * URL, a remote or .git/config. git.ts builds the questions and writes tributary makes on it.
 */




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
/** A process and all its descendants, parents first (from /proc; the process alone elsewhere). */
function processTree(root) {
    const children = new Map();
    try {
        for (const entry of (0,external_node_fs_.readdirSync)('/proc')) {
            if (!/^\d+$/.test(entry))
                continue;
            try {
                const stat = (0,external_node_fs_.readFileSync)(`/proc/${entry}/stat`, 'utf8');
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
                for (const pid of child.pid ? processTree(child.pid) : [])
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
    constructor(options) {
        this.options = options;
        this.cwd = options.cwd;
        for (const c of options.credentials ?? []) {
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
        for (const c of this.options.credentials ?? []) {
            add(`http.${c.urlPrefix}.extraHeader`, basicAuthHeader(c.username ?? 'x-access-token', c.token));
        }
        // A credential helper from the user's config must not answer for us, nor store our token.
        if (this.options.credentials?.length)
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
    /**
     * Pushes commits to refs, each guarded by a lease on the value the ref must still have
     * (`undefined`: it must not exist), all or nothing. Returns the refs the remote refused
     * because they moved (stale lease) instead of throwing, so the caller can explain.
     */
    async pushWithLease(url, updates) {
        if (!updates.length)
            return { rejected: [] };
        const args = [
            'push',
            '--porcelain',
            '--atomic',
            '--no-verify',
            ...updates.map((u) => `--force-with-lease=${u.ref}:${u.expected ?? ''}`),
            '--',
            url,
            ...updates.map((u) => `${u.sha}:${u.ref}`),
        ];
        const r = await this.exec(args, { allowFailure: true, retries: 3 });
        if (r.code === 0)
            return { rejected: [] };
        // Porcelain: `!\t<src>:<dst>\t[rejected] (stale info)` for a lease that failed.
        const lines = r.stdout.split('\n');
        const rejected = updates
            .filter((u) => lines.some((l) => l.startsWith('!') && l.includes(`:${u.ref}\t`) && l.includes('stale info')))
            .map((u) => u.ref);
        if (rejected.length)
            return { rejected };
        throw new GitError(args.map((a) => this.redact(a)), r.code, r.stderr + r.stdout);
    }
    /** The note a notes ref holds for an object, or undefined. */
    async note(notesRef, object) {
        const r = await this.exec(['notes', `--ref=${notesRef}`, 'show', object], {
            allowFailure: true,
        });
        return r.code === 0 ? r.stdout : undefined;
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
    const { bare = true, ...rest } = options;
    const git = new Git({ ...rest, cwd: process.cwd() });
    await git.run(['init', '--quiet', ...(bare ? ['--bare'] : []), '--', dir]);
    return git.at(dir);
}
//# sourceMappingURL=git.js.map

/***/ }),

/***/ 1007:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   w: () => (/* binding */ Settings)
/* harmony export */ });
/* unused harmony export valuesReader */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4193);
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
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .missingSetting */ .zf)(setting, what);
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
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .invalidSetting */ .gT)(setting, v, 'true or false');
    }
    integer(setting, range) {
        const v = this.string(setting);
        const n = /^\d+$/.test(v) ? Number(v) : NaN;
        if (!Number.isInteger(n) || n < range.min || (range.max !== undefined && n > range.max))
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .invalidSetting */ .gT)(setting, v, range.max === undefined
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
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .invalidSetting */ .gT)(setting, v, `one of ${choices.join(', ')}`);
        return v;
    }
    /** `owner/repo`, split; undefined when empty. */
    repository(setting) {
        const v = this.string(setting);
        if (!v)
            return undefined;
        const m = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(v);
        if (!m || m[2] === '.' || m[2] === '..')
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .invalidSetting */ .gT)(setting, v, 'format {owner}/{repo}');
        return { owner: m[1], repo: m[2] };
    }
    invalid(setting, value, expected) {
        return (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .invalidSetting */ .gT)(setting, value, expected);
    }
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
