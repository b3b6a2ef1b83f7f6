export const id = 787;
export const ids = [787];
export const modules = {

/***/ 3932:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   aX: () => (/* binding */ CacheLock),
/* harmony export */   sG: () => (/* binding */ describeHolder)
/* harmony export */ });
/* unused harmony export LOCK_FILE */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var _process_table_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3780);
/**
 * One run at a time in a kept folder (a mirror's cache folder, a part's object store). Runs
 * sharing a folder share its stores, and a store's refs (what was fetched, what is staged for
 * a push) are one run's working state: two mirror runs in one at once pushed each other's
 * refs, or broke each other's first fetch. So a run takes the folder's lock first, and a
 * second run waits, saying for whom. The lock is a file naming its owner (pid and the pid's
 * start time, host, run); a lock whose owner is gone from this host is stale and taken over.
 */




/** The mirror's lock, in its cache folder. */
const LOCK_FILE = '.tributary-mirror.lock';
/** Says who this process is, for a run that finds the folder taken. */
function describeHolder(env = process.env, command = 'tributary mirror') {
    if (env.GITHUB_RUN_ID) {
        const server = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
        const run = env.GITHUB_REPOSITORY
            ? `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
            : env.GITHUB_RUN_ID;
        return `workflow run ${run}${env.GITHUB_JOB ? ` (job ${env.GITHUB_JOB})` : ''}`;
    }
    let user = '';
    try {
        user = (0,node_os__WEBPACK_IMPORTED_MODULE_1__.userInfo)().username;
    }
    catch {
        // no user name for this uid
    }
    return `${command}${user ? ` run by ${user}` : ''}`;
}
const sleep = (ms, signal) => new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
    function done() {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        resolve();
    }
});
function readOwner(file) {
    try {
        return JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file, 'utf8'));
    }
    catch {
        return undefined;
    }
}
/** Whether an owner is certainly gone: on this host, and its pid dead or now another process. */
function gone(owner) {
    if (owner.host !== (0,node_os__WEBPACK_IMPORTED_MODULE_1__.hostname)())
        return false; // another machine's run: only it can tell
    if (!(0,_process_table_js__WEBPACK_IMPORTED_MODULE_3__/* .isAlive */ ._n)(owner.pid))
        return true;
    return owner.processStart !== undefined && (0,_process_table_js__WEBPACK_IMPORTED_MODULE_3__/* .processStartTime */ .X0)(owner.pid) !== owner.processStart;
}
const same = (a, b) => a.pid === b.pid && a.host === b.host && a.startedAt === b.startedAt;
class CacheLock {
    file;
    owner;
    constructor(file, owner) {
        this.file = file;
        this.owner = owner;
    }
    /**
     * Takes the lock of `dir` (the file `name` in it), waiting as long as a live run holds it (a line says whose it is)
     * and taking over one whose owner is gone. The file is written whole under another name and
     * hard-linked into place, which fails when a lock exists: nobody ever reads half a lock.
     * Rejects with the signal's reason when it aborts while waiting.
     */
    static async acquire(dir, who, logger, signal, name = LOCK_FILE) {
        const file = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, name);
        const owner = {
            pid: process.pid,
            processStart: (0,_process_table_js__WEBPACK_IMPORTED_MODULE_3__/* .processStartTime */ .X0)(process.pid),
            host: (0,node_os__WEBPACK_IMPORTED_MODULE_1__.hostname)(),
            startedAt: new Date().toISOString(),
            ...who,
        };
        const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(temp, JSON.stringify(owner, null, 2) + '\n');
        let said = '';
        let unreadable = 0;
        try {
            for (;;) {
                signal?.throwIfAborted();
                try {
                    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.linkSync)(temp, file);
                    return new CacheLock(file, owner);
                }
                catch (e) {
                    if (e.code !== 'EEXIST')
                        throw e;
                }
                const held = readOwner(file);
                if (held && gone(held)) {
                    takeOver(file, held, logger);
                    continue;
                }
                // (unreadable: being moved aside by a run taking it over, or not a lock of ours)
                const line = held
                    ? `Waiting for the cache folder ${dir}: ${held.holder} (pid ${held.pid} on ${held.host}, since ${held.startedAt}) is ${held.doing ?? `mirroring ${held.mirroring}`} there.`
                    : `Waiting for the cache folder ${dir}: its lock ${file} cannot be read; remove it if no run uses the folder.`;
                if (line !== said && (held || unreadable++))
                    logger.info((said = line));
                await sleep(200, signal);
            }
        }
        finally {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(temp, { force: true });
        }
    }
    /** Lets go of the lock, if it is still this run's. */
    release() {
        const held = readOwner(this.file);
        if (!held || !same(held, this.owner))
            return;
        try {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.unlinkSync)(this.file);
        }
        catch {
            // gone already
        }
    }
}
/**
 * Removes a lock whose owner is gone. It is first moved aside (a rename: of two runs taking it
 * over at once, one moves it); if what was moved is not the dead owner's lock but a live run's
 * that took it over meanwhile, it is put back.
 */
function takeOver(file, dead, logger) {
    const aside = `${file}.stale.${process.pid}`;
    try {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.renameSync)(file, aside);
    }
    catch {
        return; // another run moved it first
    }
    const moved = readOwner(aside);
    if (moved && !same(moved, dead)) {
        try {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.linkSync)(aside, file);
        }
        catch {
            // a third run took it within this instant: both hold it (three runs meeting a dead
            // run's lock at once; nothing cheaper than a kernel lock, which Node lacks, closes it)
        }
    }
    else {
        logger.warning(`Took over the cache folder's lock from ${dead.holder} (pid ${dead.pid}, since ${dead.startedAt}), which is gone.`);
    }
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(aside, { force: true });
}
//# sourceMappingURL=folder-lock.js.map

/***/ }),

/***/ 3192:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   r: () => (/* binding */ progressToStderr)
/* harmony export */ });
/* unused harmony export tokenFromEnvironment */
/* harmony import */ var _actions_lib_log_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1562);
/** What every `tributary <part>` subcommand provides to the dispatcher. */

/**
 * The token for the hosted tree and its GitHub API, from the environment (never the command
 * line, where other users of the machine could read it): TRIBUTARY_TOKEN, else GITHUB_TOKEN.
 */
function tokenFromEnvironment() {
    return process.env.TRIBUTARY_TOKEN || process.env.GITHUB_TOKEN || undefined;
}
/** The same logger, but progress (info, groups) on stderr: stdout is the JSON's alone. */
function progressToStderr(logger) {
    const redactor = new _actions_lib_log_js__WEBPACK_IMPORTED_MODULE_0__/* .Redactor */ .pO();
    let depth = 0;
    const say = (message) => process.stderr.write(redactor
        .redact(message)
        .split('\n')
        .map((l) => '  '.repeat(depth) + l)
        .join('\n') + '\n');
    return {
        debug: (m) => logger.debug(m),
        info: say,
        warning: (m, a) => logger.warning(m, a),
        error: (m, a) => logger.error(m, a),
        async group(name, fn) {
            say(`> ${name}`);
            depth++;
            try {
                return await fn();
            }
            finally {
                depth--;
            }
        },
        secret(value) {
            redactor.add(value);
            logger.secret(value);
        },
    };
}
//# sourceMappingURL=command.js.map

/***/ }),

/***/ 4787:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  mirrorCommand: () => (/* binding */ mirrorCommand),
  mirrorSpec: () => (/* binding */ mirrorSpec)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./build/actions/lib/git.js + 1 modules
var lib_git = __webpack_require__(6240);
;// CONCATENATED MODULE: ./build/actions/lib/mirror/interrupt.js
/**
 * An interrupted mirror run (Ctrl-C, `kill -INT`, the runner cancelling the job) stops git, and
 * everything git started, before it goes: a push must never carry on alone after the command
 * said it stopped. The story then unwinds as from any failure, so the cache folder's lock is
 * released and a temporary folder removed, and the caller exits 128 + the signal's number.
 */


class Interrupted extends Error {
    signal;
    /** 128 + the signal's number: 130 for SIGINT, 143 for SIGTERM. */
    exitCode;
    constructor(signal) {
        super(`Interrupted (${signal}): git was stopped, and the run with it.`);
        this.signal = signal;
        this.name = 'Interrupted';
        this.exitCode = 128 + (external_node_os_.constants.signals[signal] ?? 0);
    }
}
const SIGNALS = ['SIGINT', 'SIGTERM'];
/**
 * Runs a story that stops at SIGINT or SIGTERM: the signal aborts the story's AbortSignal and
 * stops git; once the story has unwound and every git process has exited, this rejects with
 * Interrupted. A second signal leaves at once.
 */
async function interruptible(logger, story) {
    const controller = new AbortController();
    const onSignal = (signal) => {
        if (controller.signal.aborted)
            process.exit(new Interrupted(signal).exitCode);
        logger.warning(`Interrupted (${signal}): stopping git, then cleaning up.`);
        controller.abort(new Interrupted(signal));
        void (0,lib_git/* stopGit */.Fd)();
    };
    for (const s of SIGNALS)
        process.on(s, onSignal);
    try {
        const result = await story(controller.signal).catch((e) => {
            if (controller.signal.aborted)
                return undefined;
            throw e;
        });
        if (!controller.signal.aborted)
            return result;
        await (0,lib_git/* stopGit */.Fd)(); // every git started, awaited by the story or not, has exited
        throw controller.signal.reason;
    }
    finally {
        for (const s of SIGNALS)
            process.off(s, onSignal);
    }
}
//# sourceMappingURL=interrupt.js.map
// EXTERNAL MODULE: ./build/actions/lib/errors.js
var errors = __webpack_require__(4193);
// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(4006);
;// CONCATENATED MODULE: ./build/actions/lib/mirror/refs.js
/**
 * Which upstream refs a mirror carries, and under which names they land in the hosted tree.
 * Only branches and tags are ever considered: refs/pull/*, HEAD, refs/changes, notes and any
 * other namespace are outside by construction. Patterns are globs (`*` within one level,
 * `**` across levels); a pattern without `refs/` matches branch and tag names alike.
 */


const BRANCHES = 'refs/heads/';
const TAGS = 'refs/tags/';
/**
 * A list of patterns as both front ends take it: one a line, or separated by commas, `#`
 * comments dropped. A comma inside braces belongs to its pattern: `v{8,9}.*` is one pattern.
 */
function splitPatterns(text) {
    const items = [];
    for (const line of text.split('\n')) {
        let depth = 0;
        let item = '';
        for (const c of line.replace(/#.*$/, '')) {
            if (c === '{')
                depth++;
            if (c === '}')
                depth = Math.max(0, depth - 1);
            if (c === ',' && depth === 0) {
                items.push(item);
                item = '';
            }
            else
                item += c;
        }
        items.push(item);
    }
    return items.map((s) => s.trim()).filter(Boolean);
}
/** Whether a full ref name is one git would accept (the rules of `git check-ref-format`). */
function isValidRefName(ref) {
    if (!ref.startsWith('refs/') || ref.endsWith('/') || ref.endsWith('.'))
        return false;
    // eslint-disable-next-line no-control-regex
    if (/[\x00-\x20\x7f~^:?*[\\]/.test(ref) || ref.includes('..') || ref.includes('@{'))
        return false;
    return ref
        .split('/')
        .every((part) => part !== '' && !part.startsWith('.') && !part.endsWith('.lock'));
}
/** A pattern is a ref name with glob characters: the same rules, minus the glob characters. */
function validPattern(pattern) {
    if (!pattern.startsWith(BRANCHES) && !pattern.startsWith(TAGS))
        return false;
    if (pattern === BRANCHES || pattern === TAGS)
        return false;
    let depth = 0;
    let brace = 0;
    for (const c of pattern) {
        if (c === '[')
            depth++;
        if (c === ']' && --depth < 0)
            return false;
        if (c === '{')
            brace++;
        if (c === '}' && --brace < 0)
            return false;
    }
    if (depth !== 0 || brace !== 0)
        return false;
    // Put a plain letter where each glob character is and check what is left as a ref name.
    const plain = pattern.replace(/\*\*|[*?]|\[[^\]]*\]|\{[^}]*\}/g, 'x');
    if (!isValidRefName(plain))
        return false;
    try {
        picomatch.makeRe(pattern, { strictBrackets: true });
    }
    catch {
        return false;
    }
    return true;
}
const PATTERN_FORM = 'a glob over branch or tag names such as `stable-*`, `refs/heads/**` or `refs/tags/v*`, optionally prefixed with `!` to exclude';
/** Expands one written pattern to full-ref patterns (a bare name means a branch or a tag). */
function parsePattern(setting, written) {
    const value = written.trim();
    if (!value)
        throw (0,errors/* invalidSetting */.gT)(setting, written, PATTERN_FORM);
    const full = value.startsWith('refs/')
        ? [value]
        : value.startsWith('heads/') || value.startsWith('tags/')
            ? [`refs/${value}`]
            : [BRANCHES + value, TAGS + value];
    if (!full.every(validPattern))
        throw (0,errors/* invalidSetting */.gT)(setting, written, PATTERN_FORM);
    return full;
}
const MAP_FORM = '`refs/heads/<name>:refs/heads/<new name>` (or refs/tags/ on both sides), with at most one `*` on each side and either both sides or neither';
function parseMapRule(written) {
    const value = written.trim();
    const parts = value.split(':');
    if (parts.length !== 2)
        throw (0,errors/* invalidSetting */.gT)('map', written, MAP_FORM);
    const [source, destination] = parts;
    const stars = (s) => s.split('*').length - 1;
    const kind = (s) => s.startsWith(BRANCHES) ? BRANCHES : s.startsWith(TAGS) ? TAGS : undefined;
    const plain = (s) => s.replace('*', 'x');
    if (!kind(source) ||
        kind(source) !== kind(destination) ||
        stars(source) > 1 ||
        stars(source) !== stars(destination) ||
        !isValidRefName(plain(source)) ||
        !isValidRefName(plain(destination)))
        throw (0,errors/* invalidSetting */.gT)('map', written, MAP_FORM);
    return { source, destination };
}
function validPrefix(prefix) {
    return prefix === '' || (isValidRefName(`refs/heads/${prefix}x`) && !prefix.startsWith('/'));
}
/** Matches a map rule's side against a ref; returns what `*` stood for, or undefined. */
function matchRule(side, ref) {
    const star = side.indexOf('*');
    if (star < 0)
        return side === ref ? '' : undefined;
    const head = side.slice(0, star);
    const tail = side.slice(star + 1);
    if (ref.length < head.length + tail.length + 1)
        return undefined;
    if (!ref.startsWith(head) || !ref.endsWith(tail))
        return undefined;
    return ref.slice(head.length, ref.length - tail.length);
}
/** The selection and the renaming of a mirror, validated once, applied to every ref. */
class RefMapper {
    include;
    exclude;
    rules;
    prefix;
    tagPrefix;
    /** The patterns and map entries as written, for messages. */
    written;
    included;
    excluded;
    constructor(input = {}) {
        const include = [];
        const exclude = [];
        for (const written of input.patterns ?? []) {
            const negated = written.trim().startsWith('!');
            const body = negated ? written.trim().slice(1) : written;
            (negated ? exclude : include).push(...parsePattern('refs', body));
        }
        this.rules = (input.map ?? []).filter((m) => m.trim()).map(parseMapRule);
        this.written = {
            patterns: (input.patterns ?? []).map((p) => p.trim()).filter(Boolean),
            map: (input.map ?? []).map((m) => m.trim()).filter(Boolean),
        };
        if (!include.length && !this.rules.length)
            include.push(`${BRANCHES}**`, `${TAGS}**`);
        this.include = include;
        this.exclude = exclude;
        this.prefix = input.prefix ?? '';
        this.tagPrefix = input.tagPrefix ?? '';
        if (!validPrefix(this.prefix))
            throw (0,errors/* invalidSetting */.gT)('prefix', this.prefix, 'a ref name fragment such as `upstream/`');
        if (!validPrefix(this.tagPrefix))
            throw (0,errors/* invalidSetting */.gT)('tag-prefix', this.tagPrefix, 'a ref name fragment such as `upstream/`');
        const options = { dot: true, nonegate: true };
        const inc = picomatch(include.length ? include : ['\0'], options);
        const exc = exclude.length ? picomatch(exclude, options) : () => false;
        this.included = (ref) => inc(ref) || this.rules.some((r) => matchRule(r.source, ref) !== undefined);
        this.excluded = exc;
    }
    /** The selection as the user wrote it: `refs 'master', 'stable-*'; map '...'`. */
    describe() {
        const quote = (list) => list.map((x) => `'${x}'`).join(', ');
        const parts = [
            ...(this.written.patterns.length ? [`refs ${quote(this.written.patterns)}`] : []),
            ...(this.written.map.length ? [`map ${quote(this.written.map)}`] : []),
        ];
        return parts.length ? parts.join('; ') : 'every branch and tag (no refs given)';
    }
    /** Whether an upstream ref is mirrored at all. */
    selects(ref) {
        if (!ref.startsWith(BRANCHES) && !ref.startsWith(TAGS))
            return false;
        return this.included(ref) && !this.excluded(ref);
    }
    /** The hosted name of an upstream ref (the first map rule that matches, else the prefix). */
    map(ref) {
        for (const rule of this.rules) {
            const star = matchRule(rule.source, ref);
            if (star !== undefined)
                return rule.destination.replace('*', star);
        }
        if (ref.startsWith(BRANCHES))
            return BRANCHES + this.prefix + ref.slice(BRANCHES.length);
        return TAGS + this.tagPrefix + ref.slice(TAGS.length);
    }
    /**
     * Whether a hosted ref is one this mirror manages: some upstream name that the patterns
     * select maps onto it. Only those may ever be deleted (prune), so the hosted tree's own
     * branches (master, staging beside upstream/*) are out of reach.
     */
    owns(hosted) {
        const candidates = [];
        for (const rule of this.rules) {
            const star = matchRule(rule.destination, hosted);
            if (star !== undefined)
                candidates.push(rule.source.replace('*', star));
        }
        if (hosted.startsWith(BRANCHES + this.prefix))
            candidates.push(BRANCHES + hosted.slice((BRANCHES + this.prefix).length));
        if (hosted.startsWith(TAGS + this.tagPrefix))
            candidates.push(TAGS + hosted.slice((TAGS + this.tagPrefix).length));
        return candidates.some((s) => isValidRefName(s) && this.selects(s) && this.map(s) === hosted);
    }
    /**
     * Selects and renames a listing of upstream refs: hosted name → {upstream name, object}.
     * Two upstream refs landing on one hosted name is a configuration mistake.
     */
    apply(upstream) {
        const out = new Map();
        for (const [ref, oid] of [...upstream].sort(([a], [b]) => (a < b ? -1 : 1))) {
            if (!this.selects(ref))
                continue;
            const hosted = this.map(ref);
            if (!isValidRefName(hosted))
                throw new errors/* SettingError */.L_('map', (name) => `Upstream ref ${ref} would be mirrored as '${hosted}', which is not a valid ref name. Check ${name} and the prefix.`);
            const clash = out.get(hosted);
            if (clash)
                throw new errors/* SettingError */.L_('map', (name) => `Upstream refs ${clash.source} and ${ref} would both be mirrored as ${hosted}. Make ${name} and the prefix give them different names.`);
            out.set(hosted, { source: ref, oid });
        }
        return out;
    }
}
//# sourceMappingURL=refs.js.map
;// CONCATENATED MODULE: ./build/actions/lib/mirror/ref-updates.js
/**
 * What a mirror run does to each hosted ref, decided by pure functions from both sides' refs:
 * create, fast-forward, refuse a rewrite or a moved tag (or follow it, keeping a backup ref),
 * prune. The decision always compares the upstream's refs with the destination's actual refs
 * (its `ls-remote`), never with the cache, so a stale cache can cost a fetch but never cause a
 * wrong push. The one fact it needs from objects (is the new head a fast-forward of the hosted
 * one?) is gathered by the store sync (store.ts) and handed in.
 */

/** Whether an update moves a hosted ref (as opposed to refused or unchanged). */
const movesRef = (u) => u.action === 'created' ||
    u.action === 'updated' ||
    u.action === 'deleted' ||
    u.action === 'rewritten';
/** The namespace of backup refs; outside refs/heads and refs/tags, so no mirror ever prunes it. */
const BACKUP_NAMESPACE = 'refs/tributary/backup/';
/**
 * First pass, from the two listings alone: which hosted refs differ from upstream (what the
 * store must have the objects of). A differing ref is `updated` here; `decideUpdates` later
 * tells a fast-forward from a rewrite.
 */
function compareRefs(upstream, hosted, mapper, prune) {
    const updates = [];
    const keptDeleted = [];
    for (const [ref, { source, oid }] of upstream) {
        const old = hosted.get(ref) ?? null;
        const action = old === oid ? 'unchanged' : old === null ? 'created' : 'updated';
        updates.push({ ref, upstream: source, old, new: oid, action });
    }
    for (const [ref, old] of [...hosted].sort(([a], [b]) => (a < b ? -1 : 1))) {
        if (upstream.has(ref) || !mapper.owns(ref))
            continue;
        if (prune)
            updates.push({ ref, old, new: null, action: 'deleted' });
        else
            keptDeleted.push(ref);
    }
    return { updates, keptDeleted };
}
/** A UTC timestamp usable inside a ref name: 20261125T221500Z. */
function refTimestamp(now) {
    return now
        .toISOString()
        .replace(/[-:]/g, '')
        .replace(/\.\d+Z$/, 'Z');
}
/**
 * Second pass: a branch whose new head does not contain the hosted head (it is not among
 * `fastForwards`) was rewritten, and a tag that points elsewhere moved. Both are refused
 * unless rewrites are allowed, in which case the old revision gets a backup ref.
 */
function decideUpdates(updates, fastForwards, opts) {
    const stamp = refTimestamp(opts.now);
    return updates.map((u) => {
        if (u.action !== 'updated')
            return u;
        const reason = u.ref.startsWith(TAGS)
            ? `tag ${u.ref} moved upstream from ${u.old} to ${u.new}`
            : !fastForwards.has(u.ref)
                ? `branch ${u.ref} was rewritten upstream: the new head ${u.new} does not contain the hosted head ${u.old}`
                : undefined;
        if (!reason)
            return u;
        if (!opts.allowRewrites)
            return { ...u, action: 'refused', reason };
        return {
            ...u,
            action: 'rewritten',
            reason,
            backup: `${BACKUP_NAMESPACE}${u.ref.slice('refs/'.length)}/${stamp}`,
        };
    });
}
/** The branches among the updates whose new head must be checked for containing the old one. */
function movedBranches(updates) {
    return updates.filter((u) => u.action === 'updated' && !u.ref.startsWith(TAGS));
}
function countUpdates(updates) {
    const counts = {
        created: 0,
        updated: 0,
        deleted: 0,
        rewritten: 0,
        refused: 0,
        unchanged: 0,
    };
    // A ref counts as created, updated, deleted or rewritten only once it was pushed.
    for (const u of updates)
        if (!movesRef(u) || u.pushed)
            counts[u.action]++;
    return counts;
}
const ref_updates_short = (oid) => (oid ? oid.slice(0, 12) : '—');
/** Rows for the job summary and the command line: every ref that moved or was refused. */
function summaryRows(updates) {
    return updates
        .filter((u) => u.action !== 'unchanged')
        .map((u) => [
        u.ref,
        u.action,
        `${ref_updates_short(u.old)} → ${ref_updates_short(u.new)}`,
        movesRef(u) && !u.pushed
            ? 'not pushed'
            : u.backup
                ? `old head kept as ${u.backup}`
                : u.action === 'refused'
                    ? (u.reason ?? '')
                    : '',
    ]);
}
//# sourceMappingURL=ref-updates.js.map
// EXTERNAL MODULE: ./build/actions/lib/folder-lock.js
var folder_lock = __webpack_require__(3932);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(3136);
// EXTERNAL MODULE: ./build/actions/lib/settings.js
var settings = __webpack_require__(1007);
;// CONCATENATED MODULE: ./build/actions/lib/mirror/settings.js
/**
 * Everything a mirror run needs, parsed and validated before any network access: a bad source,
 * destination, pattern or a missing token stops the run here, naming the input and the form
 * it expects, and nothing is fetched or pushed.
 */







/** Input names, written once: main.ts reads them, errors quote them. */
const INPUTS = {
    source: 'source',
    destination: 'destination',
    sourceToken: 'source-token',
    token: 'token',
    refs: 'refs',
    map: 'map',
    prefix: 'prefix',
    tagPrefix: 'tag-prefix',
    prune: 'prune',
    allowRewrites: 'allow-rewrites',
    submodules: 'submodules',
    submoduleDestination: 'submodule-destination',
    cacheDir: 'cache-dir',
    retries: 'retries',
};
/** Every input of the mirror action, with the default its action.yml declares. */
const MIRROR_SETTINGS = {
    source: { required: true },
    destination: { required: true },
    'source-token': { secret: true },
    token: { secret: true, runner: '${{ github.token }}' },
    refs: {},
    map: {},
    prefix: {},
    'tag-prefix': {},
    prune: { default: 'false' },
    'allow-rewrites': { default: 'false' },
    submodules: { default: 'false' },
    'submodule-destination': {},
    'cache-dir': {},
    retries: { default: '3' },
};
const OUTPUTS = {
    updates: 'updates',
    created: 'created',
    updated: 'updated',
    deleted: 'deleted',
    refused: 'refused',
    unchanged: 'unchanged',
    changed: 'changed',
    createdTags: 'created-tags',
};
const SOURCE_FORM = 'an https://, ssh://, git:// or file:// URL, user@host:path, or a local path (absolute, or starting with ./ or ../), without credentials in it';
const DESTINATION_FORM = `owner/repo on the run's server, or ${SOURCE_FORM}`;
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);
/** A URL as it may be shown: any password or user name replaced, so an error never leaks one. */
function shown(value) {
    return value.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^@/]*@/i, '$1***@');
}
function bad(subject, value, expected) {
    return (0,errors/* invalidSetting */.gT)(subject, shown(value), expected);
}
/**
 * Parses a source or destination. Transports other than https, ssh, git and local paths are
 * refused (`ext::` runs a command, `fd::` reads a descriptor), and so are credentials inside a
 * URL: tokens go through their own inputs.
 */
function parseRemote(subject, value, opts = {}) {
    const expected = opts.ownerRepo ? DESTINATION_FORM : SOURCE_FORM;
    const v = value.trim();
    if (!v)
        throw (0,errors/* missingSetting */.zf)(subject, opts.ownerRepo ? 'the hosted tree' : 'the upstream tree');
    // eslint-disable-next-line no-control-regex
    if (/[\s\x00-\x1f\x7f]/.test(v) || v.startsWith('-'))
        throw bad(subject, value, expected);
    // `transport::address` (ext::, fd::, and any remote helper) is never ours to run.
    if (/^[A-Za-z][A-Za-z0-9+.-]*::/.test(v))
        throw bad(subject, value, expected);
    if (/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(v)) {
        let url;
        try {
            url = new URL(v);
        }
        catch {
            throw bad(subject, value, expected);
        }
        const scheme = url.protocol.slice(0, -1);
        if (url.password || (url.username && scheme !== 'ssh') || url.search || url.hash)
            throw bad(subject, value, expected);
        if (scheme === 'file') {
            if (url.host)
                throw bad(subject, value, expected);
            return { url: (0,external_node_url_.fileURLToPath)(url) };
        }
        if (!url.hostname || url.pathname.length < 2 || url.pathname.includes('/../'))
            throw bad(subject, value, expected);
        // Plain http only to this machine (tests, a local proxy): a token never crosses a network in clear.
        if (scheme === 'http' && !LOOPBACK.has(url.hostname))
            throw bad(subject, value, expected);
        if (!['https', 'http', 'ssh', 'git'].includes(scheme))
            throw bad(subject, value, expected);
        return { url: url.href };
    }
    // scp-like ssh: [user@]host:path; the host has no slash before the colon.
    const scp = /^(?:([A-Za-z0-9._-]+)@)?([A-Za-z0-9.-]+):([^:]+)$/.exec(v);
    if (scp && !v.startsWith('/') && !v.startsWith('.')) {
        if (scp[3].startsWith('/') && scp[3].startsWith('//'))
            throw bad(subject, value, expected);
        return { url: v };
    }
    if (v.includes(':'))
        throw bad(subject, value, expected);
    if (opts.ownerRepo && /^[A-Za-z0-9](?:[A-Za-z0-9-]*)\/[A-Za-z0-9._-]+$/.test(v)) {
        const server = (opts.serverUrl ?? 'https://github.com').replace(/\/+$/, '');
        const repository = v.replace(/\.git$/, '');
        if (repository.endsWith('/.') || repository.endsWith('/..'))
            throw bad(subject, value, expected);
        return { ...parseRemote('GITHUB_SERVER_URL', `${server}/${repository}.git`), name: repository };
    }
    if ((0,external_node_path_.isAbsolute)(v) || v.startsWith('./') || v.startsWith('../'))
        return { url: (0,external_node_path_.resolve)(opts.workingDirectory ?? process.cwd(), v) };
    throw bad(subject, value, expected);
}
/** The per-source name of the cached repository: a hash, so a URL never becomes a path. */
function sourceKey(url) {
    return (0,external_node_crypto_.createHash)('sha256').update(url).digest('hex').slice(0, 20);
}
/** The mirror's settings from either front end's reader: `main.ts` and `tributary mirror`. */
function parseMirrorSettings(read, context) {
    const v = new settings/* Settings */.wB(read, MIRROR_SETTINGS);
    const cacheDir = v.string('cache-dir');
    // Both required: refused by name when empty, each where it is parsed (source first).
    return buildMirrorSettings({
        source: v.string('source'),
        destination: v.string('destination'),
        sourceToken: v.secret('source-token'),
        token: v.secret('token'),
        refs: splitPatterns(v.string('refs')),
        map: v.list('map'),
        prefix: v.string('prefix'),
        tagPrefix: v.string('tag-prefix'),
        prune: v.boolean('prune'),
        allowRewrites: v.boolean('allow-rewrites'),
        submodules: v.boolean('submodules'),
        submoduleDestination: v.string('submodule-destination'),
        cacheRoot: cacheDir ? (0,external_node_path_.resolve)(context.workingDirectory, cacheDir) : context.defaultCacheRoot(),
        cacheDirNamed: !!cacheDir,
        retries: v.string('retries'),
        serverUrl: context.serverUrl,
        workingDirectory: context.workingDirectory,
    });
}
/** The settings from typed values, every one checked before any network access. */
function buildMirrorSettings(inputs) {
    const serverUrl = (inputs.serverUrl || 'https://github.com').replace(/\/+$/, '');
    const source = parseRemote(INPUTS.source, inputs.source, {
        workingDirectory: inputs.workingDirectory,
    });
    const destination = parseRemote(INPUTS.destination, inputs.destination, {
        ownerRepo: true,
        serverUrl,
        workingDirectory: inputs.workingDirectory,
    });
    if (source.url === destination.url)
        throw new errors/* SettingError */.L_(INPUTS.destination, (name) => `${(0,errors/* capitalised */.Iu)(name)} names the source itself (${shown(source.url)}). Expected another repository.`);
    source.token = inputs.sourceToken || undefined;
    destination.token = inputs.token || undefined;
    if (/^https?$/.test((0,lib_git/* transportOf */.JH)(destination.url)) && !destination.token)
        throw new errors/* SettingError */.L_(INPUTS.token, (name, names) => `${(0,errors/* capitalised */.Iu)(name)} is empty, and pushing to ${shown(destination.url)} needs one. Expected a token with contents: write on the destination${names.frontEnd === 'action' ? ' (the default is github.token)' : ''}.`);
    const refs = new RefMapper({
        patterns: inputs.refs,
        map: inputs.map,
        prefix: inputs.prefix,
        tagPrefix: inputs.tagPrefix,
    });
    let submoduleDestination;
    if (inputs.submodules) {
        submoduleDestination = inputs.submoduleDestination?.trim();
        if (!submoduleDestination || !submoduleDestination.includes('{name}'))
            throw (0,errors/* invalidSetting */.gT)(INPUTS.submoduleDestination, submoduleDestination ?? '', 'a destination with {name} in it, such as `{owner}/{name}` or `https://host/xen-project/{name}.git`, when submodules is true');
        if (submoduleDestination.includes('{owner}') && !destination.name)
            throw (0,errors/* invalidSetting */.gT)(INPUTS.submoduleDestination, submoduleDestination, `a destination without {owner}, such as \`https://host/xen-project/{name}.git\`: {owner} is the owner of a destination given as owner/repo, and '${shown(destination.url)}' is not given so`);
        // The template must give a valid destination for a plausible name.
        parseRemote(INPUTS.submoduleDestination, expandTemplate(submoduleDestination, 'seabios', destination), {
            ownerRepo: true,
            serverUrl,
            workingDirectory: inputs.workingDirectory,
        });
    }
    const written = typeof inputs.retries === 'string' ? inputs.retries.trim() : inputs.retries;
    const retries = written === undefined || written === ''
        ? 3
        : typeof written === 'number'
            ? written
            : /^\d+$/.test(written)
                ? Number(written)
                : NaN;
    if (!Number.isInteger(retries) || retries < 0 || retries > 10)
        throw (0,errors/* invalidSetting */.gT)(INPUTS.retries, String(written), 'a whole number from 0 to 10');
    if (!inputs.cacheRoot || !(0,external_node_path_.isAbsolute)(inputs.cacheRoot))
        throw (0,errors/* invalidSetting */.gT)(INPUTS.cacheDir, inputs.cacheRoot, 'an absolute directory path');
    return {
        source,
        destination,
        refs,
        prune: inputs.prune ?? false,
        allowRewrites: inputs.allowRewrites ?? false,
        submoduleDestination,
        cacheRoot: inputs.cacheRoot,
        cacheDirNamed: inputs.cacheDirNamed,
        retries,
        serverUrl,
    };
}
/** `{name}` → the submodule tree's name, `{owner}` → the destination's owner. */
function expandTemplate(template, name, destination) {
    const owner = destination.name?.split('/')[0] ?? '';
    return template.replace(/\{name\}/g, name).replace(/\{owner\}/g, owner);
}
//# sourceMappingURL=settings.js.map
;// CONCATENATED MODULE: ./build/actions/lib/mirror/store.js
/**
 * The bare repository a mirror keeps between runs: upstream objects under a private namespace
 * (refs/tributary/source/...), so a run fetches only what changed. It is only ever an
 * optimisation: a store found damaged, at whatever step, is reported as StoreDamaged, and the
 * story's one recovery path replaces it by a new one and a full fetch.
 */







/** The store is damaged in a way only a new store and a full fetch mend. */
class StoreDamaged extends Error {
    constructor(why) {
        super(`The cached repository is damaged (${why})`);
        this.name = 'StoreDamaged';
    }
}
/** Where upstream refs are kept in the store; hosted refs fetched for backups go beside it. */
const SOURCE_NAMESPACE = 'refs/tributary/source/';
const HOSTED_NAMESPACE = 'refs/tributary/hosted/';
function treeCache(cacheRoot, sourceUrl, upstream) {
    const hash = sourceKey(sourceUrl);
    const digest = (0,external_node_crypto_.createHash)('sha256');
    for (const [ref, oid] of [...upstream].sort(([a], [b]) => (a < b ? -1 : 1)))
        digest.update(`${oid} ${ref}\n`);
    return {
        dir: (0,external_node_path_.join)(cacheRoot, `${hash}.git`),
        key: `tributary-mirror-v1-${hash}`,
        state: digest.digest('hex').slice(0, 20),
    };
}
const storeRef = (upstreamRef) => SOURCE_NAMESPACE + upstreamRef.slice('refs/'.length);
/**
 * Which objects the store has, asking git only about those not seen yet: a run asks the same
 * question at several steps, and each git process costs more than the answer. Only presence is
 * remembered (an object missing now may be fetched a moment later).
 */
class StoreObjects {
    store;
    known = new Set();
    constructor(store, known = []) {
        this.store = store;
        for (const oid of known)
            this.known.add(oid);
    }
    async present(oids) {
        const asked = [...new Set(oids)];
        const unknown = asked.filter((oid) => !this.known.has(oid));
        for (const [oid, type] of await this.store.objectTypes(unknown))
            if (type)
                this.known.add(oid);
        return new Set(asked.filter((oid) => this.known.has(oid)));
    }
}
/**
 * Opens the store kept in `dir`, or a new one when there is none (`fresh`: always a new one).
 * A store that is not a repository, or has a ref whose object cannot be read (a truncated pack
 * shows up here), is StoreDamaged.
 */
async function openStore(dir, git, fresh = false) {
    if (fresh || !(0,external_node_fs_.existsSync)(dir)) {
        const store = await freshStore(dir, git);
        return { store, objects: new StoreObjects(store), reused: false };
    }
    const store = git.at(dir);
    const checked = await checkStore(store);
    if (checked.problem)
        throw new StoreDamaged(checked.problem);
    return { store, objects: new StoreObjects(store, checked.readable), reused: true };
}
async function freshStore(dir, git) {
    (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true });
    (0,external_node_fs_.mkdirSync)(dir, { recursive: true });
    // A store is ours alone: no reflogs keeping garbage; fetched packs kept as packs (a few
    // files cache faster than thousands of loose objects; git gc --auto merges them in time).
    await (0,lib_git/* initRepository */.zY)(dir, {
        config: {
            'fetch.unpackLimit': '1',
            'core.logAllRefUpdates': 'false',
            'fetch.writeCommitGraph': 'false',
        },
    });
    return git.at(dir);
}
async function checkStore(store) {
    if (!(await store.isBareRepository()))
        return { problem: 'not a bare repository', readable: [] };
    let oids;
    try {
        oids = [...(await store.refs(['refs/'])).values()];
    }
    catch (e) {
        return { problem: (0,errors/* errorMessage */.gJ)(e).split('\n').pop(), readable: [] };
    }
    const types = await store.objectTypes(oids);
    const missing = [...types].filter(([, t]) => !t).map(([oid]) => oid);
    if (missing.length)
        return {
            problem: `${missing.length} ref(s) point at unreadable objects, e.g. ${missing[0]}`,
            readable: [],
        };
    return { readable: [...types.keys()] };
}
/**
 * Makes the store's source namespace equal the upstream refs just seen, as far as the store has
 * their objects (refs gone upstream are removed; objects stay until git gc).
 */
async function recordUpstream(store, objects, upstream) {
    const current = await store.refs([SOURCE_NAMESPACE]);
    const changes = [];
    const present = await objects.present(upstream.values());
    const wanted = new Map([...upstream].filter(([, oid]) => present.has(oid)).map(([ref, oid]) => [storeRef(ref), oid]));
    for (const [ref, oid] of wanted)
        if (current.get(ref) !== oid)
            changes.push({ ref, sha: oid });
    for (const ref of current.keys())
        if (!upstream.has(`refs/${ref.slice(SOURCE_NAMESPACE.length)}`))
            changes.push({ ref, sha: null });
    await store.updateRefs(changes);
}
/**
 * The fact the decision needs from objects: which moved branches are fast-forwards (the new
 * head contains the hosted one). A hosted head the store does not have is not contained.
 */
async function fastForwards(store, objects, updates) {
    const moved = movedBranches(updates);
    const present = await objects.present(moved.map((u) => u.old));
    const found = new Set();
    for (const u of moved)
        if (present.has(u.old) && (await store.isAncestor(u.old, u.new)))
            found.add(u.ref);
    return found;
}
//# sourceMappingURL=store.js.map
;// CONCATENATED MODULE: ./build/actions/lib/mirror/submodules.js
/**
 * The trees a mirrored tree carries as submodules (QEMU carries SeaBIOS as roms/seabios):
 * read from `.gitmodules` at each mirrored head, straight from the object store (no checkout),
 * so they can be mirrored beside it. A `.gitmodules` is upstream's data: its URLs pass the
 * same checks as a source input, and one that does not is skipped with a warning.
 */




/** Resolves a .gitmodules URL, which may be relative (`../seabios.git`) to the superproject's. */
function resolveSubmoduleUrl(url, superproject) {
    if (!url.startsWith('./') && !url.startsWith('../'))
        return url;
    if ((0,lib_git/* transportOf */.JH)(superproject.url) === 'local')
        return external_node_path_.posix.resolve(superproject.url, url);
    if (/^[a-z]+:\/\//.test(superproject.url))
        return new URL(url, superproject.url.replace(/\/*$/, '/')).href;
    return undefined; // relative to an scp-like address: no well-defined answer
}
function treeName(url) {
    const last = url.replace(/\/+$/, '').split(/[/:]/).pop() ?? '';
    return last.replace(/\.git$/, '');
}
/** The distinct submodule trees referenced by `.gitmodules` at any of the given commits. */
async function submoduleTrees(store, heads, superproject, logger) {
    const found = new Map();
    const blobs = new Set();
    for (const head of heads) {
        const entry = await store.treeEntry(head, '.gitmodules');
        if (entry?.type === 'blob')
            blobs.add(entry.oid);
    }
    for (const blob of blobs) {
        for (const [key, written] of await store.blobConfig(blob, '^submodule\\..*\\.url$')) {
            const path = key.slice('submodule.'.length, -'.url'.length);
            const url = resolveSubmoduleUrl(written, superproject);
            try {
                if (!url)
                    throw new Error(`a relative URL needs a superproject URL with a scheme`);
                const source = parseRemote(`submodule ${path}`, url);
                // The source token goes only to the same server as the superproject.
                if (superproject.token && sameOrigin(source.url, superproject.url))
                    source.token = superproject.token;
                if (!found.has(source.url))
                    found.set(source.url, { name: treeName(source.url), path, source });
            }
            catch (e) {
                logger.warning(`Submodule ${path} is not mirrored: ${(0,errors/* errorMessage */.gJ)(e)}`, {
                    title: 'Submodule skipped',
                });
            }
        }
    }
    return [...found.values()];
}
function sameOrigin(a, b) {
    try {
        return new URL(a).origin === new URL(b).origin;
    }
    catch {
        return false;
    }
}
//# sourceMappingURL=submodules.js.map
;// CONCATENATED MODULE: ./build/actions/lib/mirror/mirror.js
/**
 * The mirror story, in two steps a tree. First, list both sides and compare them (pure:
 * ref-updates.ts). Then sync the kept store: fetch only what is missing, learn which moves are
 * fast-forwards, decide (pure again), and finally push every update in one atomic push with a
 * lease on each ref. A rewritten branch or a moved tag stops the whole run unless rewrites are
 * allowed; then the old revision is kept under a backup ref in the same push. A store found
 * damaged at any step takes one recovery path: a new store, a full fetch, the step again.
 */









/**
 * The `updates` output, and what `tributary mirror --json` prints: the main tree's refs that
 * moved or were refused.
 */
function updatesJson(result) {
    return JSON.stringify(result.updates.filter((u) => u.action !== 'unchanged'));
}
/**
 * The tags this run created in the hosted tree (their hosted names, without refs/tags/): what
 * a release watch starts from. A moved tag (rewritten) or a deleted one is not new, and a run
 * that pushed nothing created nothing.
 */
function createdTags(result) {
    return result.updates
        .filter((u) => u.action === 'created' && u.pushed && u.ref.startsWith('refs/tags/'))
        .map((u) => u.ref.slice('refs/tags/'.length))
        .sort();
}
/** Shows a remote without anything secret (tokens are never in URLs, but be sure of it). */
function display(remote) {
    return remote.name ?? remote.url.replace(/\/\/[^@/]*@/, '//');
}
const PUSH_NAMESPACE = 'refs/tributary/push/';
const LOGGED_UPDATES = 200;
const EXPLICIT_FETCH_LIMIT = 100;
/** Mirrors one tree (and its submodules' trees), holding the cache folder's lock throughout. */
async function mirrorTree(settings, logger, hooks = {}) {
    (0,external_node_fs_.mkdirSync)(settings.cacheRoot, { recursive: true });
    const lock = await folder_lock/* CacheLock */.aX.acquire(settings.cacheRoot, {
        holder: (0,folder_lock/* describeHolder */.sG)(),
        doing: `mirroring ${display(settings.source)} → ${display(settings.destination)}`,
    }, logger, hooks.signal);
    try {
        return await mirrorLocked(settings, logger, hooks);
    }
    finally {
        lock.release();
    }
}
async function mirrorLocked(settings, logger, hooks) {
    const run = { settings, logger, hooks, now: hooks.now?.() ?? new Date() };
    const main = {
        source: settings.source,
        destination: settings.destination,
        refs: settings.refs,
        main: true,
    };
    const trees = [];
    try {
        trees.push(await compareTree(main, run, !!settings.submoduleDestination));
        await syncTree(trees[0], run);
        for (const spec of await submoduleSpecs(trees[0], run)) {
            trees.push(await compareTree(spec, run, false));
            await syncTree(trees[trees.length - 1], run);
        }
        const refused = trees.flatMap((t) => t.updates.filter((u) => u.action === 'refused'));
        for (const u of refused)
            logger.error(`Refused ${u.ref}: ${u.reason}. Nothing of this run was pushed. Set allow-rewrites to true to follow upstream and keep the old revision under a backup ref.`, { title: `Mirror refused ${u.ref} (${ref_updates_short(u.old)} → ${ref_updates_short(u.new)})` });
        const pushed = new Set();
        if (!refused.length)
            // Submodule trees first, so the hosted superproject never names a commit its hosted
            // submodule trees lack.
            for (const tree of [...trees.slice(1), trees[0]]) {
                try {
                    await pushTree(tree, run);
                }
                catch (e) {
                    await recover(tree, run, e);
                    await pushTree(tree, run);
                }
                pushed.add(tree);
                tree.updates = tree.updates.map((u) => (movesRef(u) ? { ...u, pushed: true } : u));
            }
        const results = trees.map((t) => ({
            source: display(t.spec.source),
            destination: display(t.spec.destination),
            updates: t.updates,
            keptDeleted: t.keptDeleted,
            fetchedRefs: t.fetchedRefs,
            pushed: pushed.has(t) && t.updates.some(movesRef),
        }));
        return {
            trees: results,
            updates: trees[0].updates,
            counts: countUpdates(trees[0].updates),
            changed: results.some((r) => r.pushed),
            refused,
        };
    }
    finally {
        await saveCaches(trees, run);
    }
}
/** The trees of the main tree's submodules, when submodules are mirrored too. */
async function submoduleSpecs(first, run) {
    const { settings, logger } = run;
    const specs = [];
    if (!settings.submoduleDestination || !first.store)
        return specs;
    const heads = [...first.upstream]
        .filter(([ref]) => ref.startsWith('refs/heads/'))
        .map(([, oid]) => oid);
    const subs = await submoduleTrees(first.store.store, heads, settings.source, logger);
    const destinations = new Set([settings.destination.url]);
    for (const sub of subs) {
        const written = expandTemplate(settings.submoduleDestination, sub.name, settings.destination);
        let destination;
        try {
            destination = parseRemote('submodule-destination', written, {
                ownerRepo: true,
                serverUrl: settings.serverUrl,
            });
            // Two submodule trees with one name would overwrite each other's hosted copy.
            if (destinations.has(destination.url))
                throw new Error(`another tree is already mirrored to ${display(destination)}`);
        }
        catch (e) {
            logger.warning(`Submodule ${sub.path} is not mirrored: ${(0,errors/* errorMessage */.gJ)(e)}`, {
                title: 'Submodule skipped',
            });
            continue;
        }
        destinations.add(destination.url);
        destination.token = settings.destination.token;
        logger.info(`Submodule ${sub.path}: ${display(sub.source)} → ${display(destination)}`);
        // Submodule trees carry all their branches and tags, under their own names.
        specs.push({ source: sub.source, destination, refs: new RefMapper() });
    }
    return specs;
}
/** What was fetched is worth keeping even when the push failed: the next run starts there. */
async function saveCaches(trees, { hooks, logger }) {
    for (const t of trees) {
        // (an interrupted run saves nothing: it is to stop, not to start an upload)
        if (!t.fetchedRefs || !t.cache || !hooks.save || hooks.signal?.aborted)
            continue;
        try {
            await hooks.save(t.cache);
        }
        catch (e) {
            logger.warning(`Could not save the cache for ${display(t.spec.source)}: ${(0,errors/* errorMessage */.gJ)(e)}`);
        }
    }
}
/**
 * Step one: lists both sides of a tree and compares them, refusing a selection that matches
 * nothing and a prune on an upstream that lists nothing.
 */
async function compareTree(spec, run, wantHeads) {
    const { settings, logger } = run;
    const { source, destination } = spec;
    const git = new lib_git/* Git */.TU({ cwd: settings.cacheRoot, remotes: [source, destination], logger });
    const retries = settings.retries;
    const [upstreamAll, hosted] = await Promise.all([
        git.remoteBranchesAndTags(source.url, { retries }),
        git.remoteBranchesAndTags(destination.url, { retries }),
    ]);
    const selected = spec.refs.apply(upstreamAll);
    if (spec.main && !selected.size && ![...hosted.keys()].some((ref) => spec.refs.owns(ref)))
        // Nothing upstream, nothing mirrored before: a pattern is wrong, not a project that
        // deleted everything (refs mirrored before and gone upstream are the refusal below).
        throw new errors/* SettingError */.L_(INPUTS.refs, (name) => `${(0,errors/* capitalised */.Iu)(name)} selects none of the ${upstreamAll.size} branches and tags of ${display(source)}, and ${display(destination)} holds none of the refs it would mirror: ${spec.refs.describe()}. Expected patterns that match upstream branches or tags.`);
    const { updates, keptDeleted } = compareRefs(selected, hosted, spec.refs, settings.prune);
    const deletions = updates.filter((u) => u.action === 'deleted').length;
    if (deletions && !selected.size)
        // An upstream that suddenly lists nothing is far likelier an outage or a wrong URL than a
        // project that deleted everything: never empty the hosted tree on its word.
        throw new Error(`${display(source)} lists none of the mirrored refs; refusing to prune ${deletions} hosted ref(s). Check the source and refs inputs.`);
    logger.info(`${display(source)}: ${upstreamAll.size} branches and tags, ${selected.size} mirrored; ${display(destination)}: ${hosted.size}.`);
    if (keptDeleted.length)
        logger.info(`${keptDeleted.length} hosted ref(s) are gone upstream and kept (prune is off): ${keptDeleted.slice(0, 10).join(', ')}${keptDeleted.length > 10 ? ', ...' : ''}`);
    return {
        spec,
        git,
        upstream: new Map([...selected.values()].map((s) => [s.source, s.oid])),
        compared: updates,
        keptDeleted,
        wantHeads,
        updates,
        fetchedRefs: 0,
    };
}
/**
 * Step two, before the push: the store gets what the decision and the push need (from the
 * cache hooks, then upstream), and the decision is made from it.
 */
async function syncTree(tree, run) {
    if (!tree.wantHeads && tree.compared.every((u) => u.action === 'unchanged')) {
        run.logger.info('Everything is up to date: nothing fetched, nothing pushed.');
        return;
    }
    tree.cache = treeCache(run.settings.cacheRoot, tree.spec.source.url, tree.upstream);
    if (run.hooks.restore) {
        try {
            const restored = await run.hooks.restore(tree.cache);
            run.logger.info(restored ? 'Cache restored.' : 'No cache to restore.');
        }
        catch (e) {
            run.logger.warning(`Restoring the cache failed (${(0,errors/* errorMessage */.gJ)(e)}); doing a full fetch.`);
        }
    }
    try {
        await syncStore(tree, run, false);
    }
    catch (e) {
        await recover(tree, run, e);
    }
}
/**
 * The one recovery path: a store found damaged, at whatever step, is replaced by a new one
 * filled by a full fetch, and the decision made again from it. Anything else is thrown on.
 */
async function recover(tree, run, e) {
    if (!(e instanceof StoreDamaged) || !tree.cache)
        throw e;
    run.logger.warning(`${e.message}; fetching everything again into a new cache.`);
    await syncStore(tree, run, true);
}
/**
 * Opens the store (a new one when `fresh`), fetches what it lacks, records what upstream has,
 * and decides. A reused store that fails in a way the network does not explain is StoreDamaged.
 */
async function syncStore(tree, run, fresh) {
    const { settings } = run;
    const opened = await openStore(tree.cache.dir, tree.git, fresh);
    tree.store = opened;
    const needed = tree.compared.filter((u) => u.new && u.action !== 'unchanged');
    const wanted = new Map([...tree.upstream].filter(([ref]) => tree.wantHeads || needed.some((u) => u.upstream === ref)));
    try {
        tree.fetchedRefs = await fetchMissing(tree, opened, wanted, run);
        const forward = await fastForwards(opened.store, opened.objects, tree.compared);
        tree.updates = decideUpdates(tree.compared, forward, {
            allowRewrites: settings.allowRewrites,
            now: run.now,
        });
        await recordUpstream(opened.store, opened.objects, tree.upstream);
    }
    catch (e) {
        // A network failure (already retried) says nothing about the store: keep it for next time.
        if (opened.reused && e instanceof lib_git/* GitError */.XS && !(0,lib_git/* isTransient */.dg)(e.stderr))
            throw new StoreDamaged(`it failed: ${(0,errors/* errorMessage */.gJ)(e).split('\n')[0]}`);
        throw e;
    }
    await fetchBackupSources(tree, settings.retries);
}
/** Fetches the upstream refs whose objects the store lacks; returns how many refs it fetched. */
async function fetchMissing(tree, { store, objects }, wanted, { settings, logger }) {
    const present = await objects.present(wanted.values());
    const missing = [...wanted].filter(([, oid]) => !present.has(oid));
    if (!missing.length) {
        logger.info(`The cache has every object needed (${wanted.size} refs); nothing fetched.`);
        return 0;
    }
    logger.info(`Fetching ${missing.length} of ${tree.upstream.size} refs (the cache has the objects of the others).`);
    // A few refs are named one by one (the server sends just those); many are fetched with two
    // patterns, because git matches explicit refspecs against the refs in quadratic time.
    const few = missing.length <= EXPLICIT_FETCH_LIMIT;
    const refspecs = few
        ? missing.map(([ref]) => `+${ref}:${storeRef(ref)}`)
        : ['refs/heads/', 'refs/tags/'].map((p) => `+${p}*:${storeRef(p)}*`);
    // When every ref to fetch was fetched before, its previous value is all the server needs to
    // hear as "have": offering all of the store's refs (tags spread over the whole history) makes
    // the server walk far more history to compute the same small pack.
    const tips = missing.map(([ref]) => storeRef(ref));
    const known = few ? await store.refs(tips) : new Map();
    await store.fetch(tree.spec.source.url, refspecs, {
        negotiationTips: few && tips.every((t) => known.has(t)) ? tips : undefined,
        retries: settings.retries,
        progress: `Fetching from ${display(tree.spec.source)}`,
    });
    const after = await objects.present(missing.map(([, oid]) => oid));
    const lost = missing.filter(([, oid]) => !after.has(oid));
    if (lost.length)
        throw new Error(`Upstream changed while this run fetched it (${lost[0][0]} no longer points at ${lost[0][1]}); run again.`);
    return missing.length;
}
/** A rewritten ref's old revision may exist only in the destination: fetch it for the backup. */
async function fetchBackupSources(tree, retries) {
    const store = tree.store?.store;
    if (!store)
        return;
    const rewritten = tree.updates.filter((u) => u.action === 'rewritten');
    if (!rewritten.length)
        return;
    const types = await store.objectTypes(rewritten.map((u) => u.old));
    const missing = rewritten.filter((u) => !types.get(u.old));
    if (!missing.length)
        return;
    await store.fetch(tree.spec.destination.url, missing.map((u) => `+${u.ref}:${HOSTED_NAMESPACE}${u.ref.slice(5)}`), { retries });
    const after = await store.objectTypes(missing.map((u) => u.old));
    const moved = missing.find((u) => !after.get(u.old));
    if (moved)
        throw new Error(`The destination's ${moved.ref} moved away from ${moved.old} during this run; nothing was pushed. Run again.`);
}
/** One atomic push of every update, each with a lease on what the destination had. */
async function pushTree(tree, { settings, logger }) {
    const updates = tree.updates.filter(movesRef);
    const dest = tree.spec.destination;
    if (!updates.length)
        return;
    const { store, reused } = tree.store;
    // A rewrite goes through because its lease holds (a lease that holds forces the update); its
    // backup ref must not exist yet.
    const leased = updates.flatMap((u) => [
        { ref: u.ref, sha: u.new, expected: u.old ?? undefined },
        ...(u.backup ? [{ ref: u.backup, sha: u.old, expected: undefined }] : []),
    ]);
    await logger.group(`Push ${updates.length} ref update(s) to ${display(dest)}`, async () => {
        for (const u of updates.slice(0, LOGGED_UPDATES))
            logger.info(`${u.action.padEnd(9)} ${u.ref} ${ref_updates_short(u.old)} → ${ref_updates_short(u.new)}${u.backup ? ` (old head kept as ${u.backup})` : ''}`);
        if (updates.length > LOGGED_UPDATES)
            logger.info(`... and ${updates.length - LOGGED_UPDATES} more (see the job summary)`);
        const r = await store.pushLeased(dest.url, leased, {
            retries: settings.retries,
            stage: PUSH_NAMESPACE,
        });
        if (r.ok)
            return;
        // A retried push may have landed the first time: then the destination is what we wanted.
        const now = await tree.git.remoteBranchesAndTags(dest.url, { retries: settings.retries });
        if (updates.every((u) => (now.get(u.ref) ?? null) === u.new)) {
            logger.info('The destination already has every update (an earlier attempt landed).');
            return;
        }
        const tips = updates.map((u) => u.new).filter((x) => !!x);
        if (reused && !(await store.objectsComplete(tips)))
            throw new StoreDamaged('it lacks objects the push needs');
        throw new Error(`The push to ${display(dest)} was refused, and nothing was changed (the push is atomic):\n${r.refusals.join('\n') || r.output}`);
    });
}
//# sourceMappingURL=mirror.js.map
// EXTERNAL MODULE: ./build/cli/command.js
var command = __webpack_require__(3192);
// EXTERNAL MODULE: ./build/cli/options.js
var options = __webpack_require__(2315);
;// CONCATENATED MODULE: ./build/cli/mirror.js
/** `tributary mirror`: the mirror action on a laptop or a self-hosted machine. */









const mirrorSpec = {
    name: 'mirror',
    synopsis: '--source <url> --destination <url> [options]',
    about: `Mirrors chosen branches and tags of an upstream tree into a hosted tree: incrementally, in one
atomic push with a lease on every ref; a rewritten branch or moved tag is refused unless
--allow-rewrites (then the old head is kept under refs/tributary/backup/...). The options are
the mirror action's inputs (actions/mirror), with the same defaults.
Runs sharing a --cache-dir take turns (a run waits, saying for which run). Interrupted
(SIGINT, SIGTERM), it stops git and everything git started before it exits.`,
    declared: MIRROR_SETTINGS,
    options: [
        {
            name: 'source',
            value: '<url>',
            description: 'the upstream tree: an https://, ssh://, git:// or file:// URL, user@host:path, or a local path',
        },
        {
            name: 'destination',
            value: '<url>',
            description: 'the hosted tree: owner/repo on --server-url, or a URL or a local path',
        },
        {
            name: 'refs',
            value: '<globs>',
            repeatable: true,
            description: 'the upstream refs to mirror, comma separated (v{8,9}.* is one glob): master, stable-*, refs/tags/v*; !glob excludes; default every branch and tag',
        },
        {
            name: 'map',
            value: '<src:dst>',
            repeatable: true,
            description: 'a rename, refs/heads/master:refs/heads/upstream/master (one * a side)',
        },
        {
            name: 'prefix',
            value: '<prefix>',
            description: 'prepended to mirrored branch names (upstream/)',
        },
        { name: 'tag-prefix', value: '<prefix>', description: 'prepended to mirrored tag names' },
        {
            name: 'prune',
            description: 'delete hosted refs deleted upstream (only the names the mirror manages)',
        },
        {
            name: 'allow-rewrites',
            description: 'follow rewritten branches and moved tags, keeping the old revision as a backup ref',
        },
        {
            name: 'submodules',
            description: 'also mirror the submodule trees of the mirrored branches, into --submodule-destination',
        },
        {
            name: 'submodule-destination',
            value: '<template>',
            description: 'where each submodule tree goes, with {name} (and {owner}): {owner}/{name}',
        },
        {
            name: 'cache-dir',
            value: '<dir>',
            description: 'keep the cached repository here between runs',
            fallback: { shown: 'a temporary folder, removed afterwards; the action: the Actions cache' },
        },
        {
            name: 'retries',
            value: '<n>',
            description: 'retries, with backoff, of a network operation (0 to 10)',
        },
        {
            name: 'server-url',
            value: '<url>',
            setting: 'GITHUB_SERVER_URL',
            description: 'the server of owner/repo destinations',
            default: 'GITHUB_SERVER_URL, else https://github.com',
        },
        {
            name: 'json',
            description: "print only the updates as JSON on stdout (the action's updates output); progress goes to stderr",
        },
    ],
    environment: [
        {
            variables: ['TRIBUTARY_SOURCE_TOKEN'],
            setting: 'source-token',
            description: "the token for an https source that needs one (the action's source-token)",
        },
        {
            variables: ['TRIBUTARY_TOKEN', 'GITHUB_TOKEN'],
            setting: 'token',
            description: "the token that may push to an https destination (the action's token)",
        },
    ],
    exitCodes: [
        [0, 'mirrored (or nothing to do)'],
        [1, 'refused: upstream rewrote a branch or moved a tag; nothing was pushed'],
        [2, 'bad usage or input; nothing was fetched or pushed'],
        [3, 'an unexpected failure'],
        [130, 'interrupted'],
    ],
};
const mirrorCommand = {
    name: 'mirror',
    summary: 'sync chosen refs of an upstream tree into the hosted tree, incrementally and atomically',
    usage: (0,options/* usageOf */.Fs)(mirrorSpec),
    async run(args, logger) {
        // Secrets go to whichever logger speaks last (progressToStderr's own redactor too).
        const cl = (0,options/* parseCommandLine */.Du)(mirrorSpec, args, (secret) => logger.secret(secret));
        const json = cl.flag('json');
        // A reader that went away (`| head`) takes nothing with it: the run goes on, quietly.
        process.stdout.on('error', () => { });
        if (json)
            logger = (0,command/* progressToStderr */.r)(logger);
        let temporary;
        try {
            return await cl.run(async (read) => {
                const settings = parseMirrorSettings(read, {
                    workingDirectory: process.cwd(),
                    serverUrl: read.get('GITHUB_SERVER_URL') || process.env.GITHUB_SERVER_URL,
                    defaultCacheRoot: () => (temporary = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'tributary-mirror-'))),
                });
                const result = await interruptible(logger, (signal) => mirrorTree(settings, logger, { signal }));
                if (json)
                    process.stdout.write(updatesJson(result) + '\n');
                else {
                    for (const tree of result.trees) {
                        logger.info(`${tree.source} → ${tree.destination}`);
                        for (const row of summaryRows(tree.updates))
                            logger.info(`  ${row.filter(Boolean).join('  ')}`);
                    }
                    const tags = createdTags(result);
                    if (tags.length)
                        logger.info(`created tags: ${JSON.stringify(tags)}`);
                }
                return result.refused.length ? 1 : 0;
            });
        }
        catch (e) {
            if (e instanceof Interrupted) {
                logger.error(e.message);
                return e.exitCode;
            }
            throw e;
        }
        finally {
            if (temporary)
                (0,external_node_fs_.rmSync)(temporary, { recursive: true, force: true });
        }
    },
};
//# sourceMappingURL=mirror.js.map

/***/ })

};
