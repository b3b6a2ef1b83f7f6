export const id = 182;
export const ids = [182];
export const modules = {

/***/ 5185:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   KR: () => (/* binding */ taggedProcesses),
/* harmony export */   OJ: () => (/* binding */ LOCK_DIR_ENV),
/* harmony export */   X0: () => (/* binding */ processStartTime),
/* harmony export */   _n: () => (/* binding */ isAlive),
/* harmony export */   gb: () => (/* binding */ spawnTagged),
/* harmony export */   i0: () => (/* binding */ killGroup),
/* harmony export */   jW: () => (/* binding */ TAG_ENV),
/* harmony export */   wU: () => (/* binding */ killProcesses)
/* harmony export */ });
/* unused harmony export processesWithArgument */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/**
 * Processes a job starts, and how they are found again. Every process gets its own process
 * group (so a step's whole tree can be signalled at once) and two environment variables that
 * its descendants inherit: the job's tag and the host's lock directory. A process that escaped
 * its group (a daemon) is still found by reading /proc/<pid>/environ.
 */


const TAG_ENV = 'TRIBUTARY_RUN';
const LOCK_DIR_ENV = 'TRIBUTARY_LOCK_DIR';
/** Spawns a program (argument array, never a shell string) in a new process group, output to a file. */
function spawnTagged(program, args, opts) {
    const fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.openSync)(opts.logFile, 'a');
    let child;
    try {
        child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(program, args, {
            cwd: opts.cwd,
            env: {
                ...process.env,
                ...opts.env,
                [TAG_ENV]: opts.tagging.tag,
                [LOCK_DIR_ENV]: opts.tagging.lockDir,
            },
            stdio: ['ignore', fd, fd],
            detached: true,
        });
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.closeSync)(fd);
    }
    const exited = new Promise((resolve) => {
        child.on('error', () => resolve(127));
        child.on('exit', (code, signal) => resolve(code ?? 128 + (signal ? signalNumber(signal) : 0)));
    });
    // No pid: the program could not be started; `exited` says 127.
    return { child, pid: child.pid ?? -1, exited };
}
function signalNumber(signal) {
    return { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 }[signal] ?? 0;
}
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
        const stat = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(`/proc/${pid}/stat`, 'utf8');
        return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
    }
    catch {
        return true;
    }
}
/** The process' start time in clock ticks since boot (field 22 of /proc/<pid>/stat), to tell a reused pid. */
function processStartTime(pid) {
    try {
        const stat = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(`/proc/${pid}/stat`, 'utf8');
        return stat
            .slice(stat.lastIndexOf(')') + 2)
            .split(' ')
            .at(19);
    }
    catch {
        return undefined;
    }
}
function signalGroup(pgid, signal) {
    try {
        process.kill(-pgid, signal);
        return true;
    }
    catch {
        try {
            process.kill(pgid, signal);
            return true;
        }
        catch {
            return false;
        }
    }
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/** Whether any process of the group is still there (zombies aside). */
function groupAlive(pgid) {
    try {
        process.kill(-pgid, 0);
    }
    catch {
        return isAlive(pgid);
    }
    return taggedProcesses((p) => p.pgid === pgid).length > 0 || isAlive(pgid);
}
/** SIGTERM to the group, then SIGKILL after `graceMs` if anything in it is still alive. */
async function killGroup(pgid, graceMs = 2000) {
    if (!signalGroup(pgid, 'SIGTERM'))
        return;
    const deadline = Date.now() + graceMs;
    while (Date.now() < deadline) {
        if (!groupAlive(pgid))
            return;
        await sleep(25);
    }
    signalGroup(pgid, 'SIGKILL');
}
let buffer = Buffer.alloc(64 * 1024);
/**
 * Reads a /proc file whole. readFileSync is slow there (the files say they are empty, so it
 * reads in small growing steps); one reusable buffer makes a scan of every process cheap.
 */
function readProc(path) {
    const fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.openSync)(path, 'r');
    try {
        let length = 0;
        for (;;) {
            if (length === buffer.length)
                buffer = Buffer.concat([buffer, Buffer.alloc(buffer.length)]);
            const n = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readSync)(fd, buffer, length, buffer.length - length, null);
            if (n === 0)
                return buffer.toString('latin1', 0, length);
            length += n;
        }
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.closeSync)(fd);
    }
}
/**
 * Processes on the host we can read, with their environment, filtered. Only those carrying our
 * tag variable are looked at unless `all` (a filter on the command line alone needs them all).
 */
function taggedProcesses(filter, all = false) {
    const found = [];
    let entries;
    try {
        entries = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readdirSync)('/proc');
    }
    catch {
        return found;
    }
    for (const e of entries) {
        if (!/^\d+$/.test(e))
            continue;
        const pid = Number(e);
        if (pid === process.pid)
            continue;
        try {
            const environ = readProc(`/proc/${pid}/environ`);
            if (!all && !environ.includes(`${TAG_ENV}=`))
                continue;
            const env = {};
            for (const kv of environ.split('\0')) {
                const eq = kv.indexOf('=');
                if (eq > 0)
                    env[kv.slice(0, eq)] = kv.slice(eq + 1);
            }
            const stat = readProc(`/proc/${pid}/stat`);
            const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
            if (fields[0] === 'Z')
                continue;
            const cmdline = readProc(`/proc/${pid}/cmdline`).split('\0').filter(Boolean);
            const info = { pid, pgid: Number(fields[2]), cmdline, env };
            if (filter(info))
                found.push(info);
        }
        catch {
            // gone, or not ours to read
        }
    }
    return found;
}
/** Processes whose command line carries `text` as a whole argument or inside one. */
function processesWithArgument(text) {
    return taggedProcesses((p) => p.cmdline.some((a) => a.includes(text)), true);
}
/** Kills processes (their groups first, then each one) and waits until they are gone. */
async function killProcesses(list, graceMs = 2000) {
    const pgids = new Set(list.map((p) => p.pgid).filter((g) => g > 1 && g !== process.pid));
    // Never our own group: the action's node process may share it with what it spawned.
    const ownGroup = Number((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)('/proc/self/stat', 'utf8').split(') ')[1].split(' ')[2]);
    pgids.delete(ownGroup);
    await Promise.all([...pgids].map((g) => killGroup(g, graceMs)));
    for (const p of list) {
        if (isAlive(p.pid)) {
            try {
                process.kill(p.pid, 'SIGKILL');
            }
            catch {
                // already gone
            }
        }
    }
    return list.map((p) => p.pid);
}
//# sourceMappingURL=processes.js.map

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

/***/ 4182:
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
// EXTERNAL MODULE: ./build/actions/lib/log.js
var log = __webpack_require__(1562);
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
;// CONCATENATED MODULE: ./build/actions/lib/mirror/plan.js

/** Whether an update moves a hosted ref (as opposed to refused or unchanged). */
const movesRef = (u) => u.action === 'created' ||
    u.action === 'updated' ||
    u.action === 'deleted' ||
    u.action === 'rewritten';
/** The namespace of backup refs; outside refs/heads and refs/tags, so no mirror ever prunes it. */
const BACKUP_NAMESPACE = 'refs/tributary/backup/';
/**
 * First pass, without objects: which hosted refs differ from upstream. A differing ref is
 * `updated` here; `decideUpdates` later tells a fast-forward from a rewrite.
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
const presentIn = (git) => async (oids) => new Set([...(await git.objectTypes(oids))].filter(([, t]) => t).map(([oid]) => oid));
/** A UTC timestamp usable inside a ref name: 20261125T221500Z. */
function refTimestamp(now) {
    return now
        .toISOString()
        .replace(/[-:]/g, '')
        .replace(/\.\d+Z$/, 'Z');
}
/**
 * Second pass, with the upstream objects in the local repository: a branch whose new head does
 * not contain the hosted head was rewritten, and a tag that points elsewhere moved. Both are
 * refused unless rewrites are allowed, in which case the old revision gets a backup ref.
 */
async function decideUpdates(updates, git, opts) {
    const changed = updates.filter((u) => u.action === 'updated');
    const present = await (opts.present ?? presentIn(git))(changed.map((u) => u.old));
    const stamp = refTimestamp(opts.now);
    const decided = [];
    for (const u of updates) {
        if (u.action !== 'updated') {
            decided.push(u);
            continue;
        }
        let reason;
        if (u.ref.startsWith(TAGS)) {
            reason = `tag ${u.ref} moved upstream from ${u.old} to ${u.new}`;
        }
        else if (!present.has(u.old) || !(await git.isAncestor(u.old, u.new))) {
            reason = `branch ${u.ref} was rewritten upstream: the new head ${u.new} does not contain the hosted head ${u.old}`;
        }
        if (!reason)
            decided.push(u);
        else if (opts.allowRewrites)
            decided.push({
                ...u,
                action: 'rewritten',
                reason,
                backup: `${BACKUP_NAMESPACE}${u.ref.slice('refs/'.length)}/${stamp}`,
            });
        else
            decided.push({ ...u, action: 'refused', reason });
    }
    return decided;
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
const plan_short = (oid) => (oid ? oid.slice(0, 12) : '—');
/** Rows for the job summary and the command line: every ref that moved or was refused. */
function summaryRows(updates) {
    return updates
        .filter((u) => u.action !== 'unchanged')
        .map((u) => [
        u.ref,
        u.action,
        `${plan_short(u.old)} → ${plan_short(u.new)}`,
        movesRef(u) && !u.pushed
            ? 'not pushed'
            : u.backup
                ? `old head kept as ${u.backup}`
                : u.action === 'refused'
                    ? (u.reason ?? '')
                    : '',
    ]);
}
//# sourceMappingURL=plan.js.map
// EXTERNAL MODULE: ./build/actions/lib/hypervisor/processes.js
var processes = __webpack_require__(5185);
;// CONCATENATED MODULE: ./build/actions/lib/mirror/lock.js
/**
 * One mirror run at a time in a cache folder. Runs sharing a folder share its stores, and a
 * store's refs (what was fetched, what is staged for a push) are one run's working state: two
 * runs in it at once pushed each other's refs, or broke each other's first fetch. So a run
 * takes the folder's lock first, and a second run waits, saying for whom. The lock is a file
 * naming its owner (pid and the pid's start time, host, run); a lock whose owner is gone from
 * this host is stale and taken over.
 */




const LOCK_FILE = '.tributary-mirror.lock';
/** Says who this process is, for a run that finds the folder taken. */
function describeHolder(env = process.env) {
    if (env.GITHUB_RUN_ID) {
        const server = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
        const run = env.GITHUB_REPOSITORY
            ? `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
            : env.GITHUB_RUN_ID;
        return `workflow run ${run}${env.GITHUB_JOB ? ` (job ${env.GITHUB_JOB})` : ''}`;
    }
    let user = '';
    try {
        user = (0,external_node_os_.userInfo)().username;
    }
    catch {
        // no user name for this uid
    }
    return `tributary mirror${user ? ` run by ${user}` : ''}`;
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
        return JSON.parse((0,external_node_fs_.readFileSync)(file, 'utf8'));
    }
    catch {
        return undefined;
    }
}
/** Whether an owner is certainly gone: on this host, and its pid dead or now another process. */
function gone(owner) {
    if (owner.host !== (0,external_node_os_.hostname)())
        return false; // another machine's run: only it can tell
    if (!(0,processes/* isAlive */._n)(owner.pid))
        return true;
    return owner.processStart !== undefined && (0,processes/* processStartTime */.X0)(owner.pid) !== owner.processStart;
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
     * Takes the lock of `dir`, waiting as long as a live run holds it (a line says whose it is)
     * and taking over one whose owner is gone. The file is written whole under another name and
     * hard-linked into place, which fails when a lock exists: nobody ever reads half a lock.
     * Rejects with the signal's reason when it aborts while waiting.
     */
    static async acquire(dir, who, logger, signal) {
        const file = (0,external_node_path_.join)(dir, LOCK_FILE);
        const owner = {
            pid: process.pid,
            processStart: (0,processes/* processStartTime */.X0)(process.pid),
            host: (0,external_node_os_.hostname)(),
            startedAt: new Date().toISOString(),
            ...who,
        };
        const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
        (0,external_node_fs_.writeFileSync)(temp, JSON.stringify(owner, null, 2) + '\n');
        let said = '';
        let unreadable = 0;
        try {
            for (;;) {
                signal?.throwIfAborted();
                try {
                    (0,external_node_fs_.linkSync)(temp, file);
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
                    ? `Waiting for the cache folder ${dir}: ${held.holder} (pid ${held.pid} on ${held.host}, since ${held.startedAt}) is mirroring ${held.mirroring} there.`
                    : `Waiting for the cache folder ${dir}: its lock ${file} cannot be read; remove it if no mirror runs there.`;
                if (line !== said && (held || unreadable++))
                    logger.info((said = line));
                await sleep(200, signal);
            }
        }
        finally {
            (0,external_node_fs_.rmSync)(temp, { force: true });
        }
    }
    /** Lets go of the lock, if it is still this run's. */
    release() {
        const held = readOwner(this.file);
        if (!held || !same(held, this.owner))
            return;
        try {
            (0,external_node_fs_.unlinkSync)(this.file);
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
        (0,external_node_fs_.renameSync)(file, aside);
    }
    catch {
        return; // another run moved it first
    }
    const moved = readOwner(aside);
    if (moved && !same(moved, dead)) {
        try {
            (0,external_node_fs_.linkSync)(aside, file);
        }
        catch {
            // a third run took it within this instant: both hold it (three runs meeting a dead
            // run's lock at once; nothing cheaper than a kernel lock, which Node lacks, closes it)
        }
    }
    else {
        logger.warning(`Took over the cache folder's lock from ${dead.holder} (pid ${dead.pid}, since ${dead.startedAt}), which is gone.`);
    }
    (0,external_node_fs_.rmSync)(aside, { force: true });
}
//# sourceMappingURL=lock.js.map
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
            return { url: (0,external_node_url_.fileURLToPath)(url), kind: 'local' };
        }
        if (!url.hostname || url.pathname.length < 2 || url.pathname.includes('/../'))
            throw bad(subject, value, expected);
        // Plain http only to this machine (tests, a local proxy): a token never crosses a network in clear.
        if (scheme === 'http' && !LOOPBACK.has(url.hostname))
            throw bad(subject, value, expected);
        if (!['https', 'http', 'ssh', 'git'].includes(scheme))
            throw bad(subject, value, expected);
        return { url: url.href, kind: scheme };
    }
    // scp-like ssh: [user@]host:path; the host has no slash before the colon.
    const scp = /^(?:([A-Za-z0-9._-]+)@)?([A-Za-z0-9.-]+):([^:]+)$/.exec(v);
    if (scp && !v.startsWith('/') && !v.startsWith('.')) {
        if (scp[3].startsWith('/') && scp[3].startsWith('//'))
            throw bad(subject, value, expected);
        return { url: v, kind: 'ssh' };
    }
    if (v.includes(':'))
        throw bad(subject, value, expected);
    if (opts.ownerRepo && /^[A-Za-z0-9](?:[A-Za-z0-9-]*)\/[A-Za-z0-9._-]+$/.test(v)) {
        const server = (opts.serverUrl ?? 'https://github.com').replace(/\/+$/, '');
        const repository = v.replace(/\.git$/, '');
        if (repository.endsWith('/.') || repository.endsWith('/..'))
            throw bad(subject, value, expected);
        return { ...parseRemote('GITHUB_SERVER_URL', `${server}/${repository}.git`), repository };
    }
    if ((0,external_node_path_.isAbsolute)(v) || v.startsWith('./') || v.startsWith('../'))
        return { url: (0,external_node_path_.resolve)(opts.workingDirectory ?? process.cwd(), v), kind: 'local' };
    throw bad(subject, value, expected);
}
/** The credential git is given for a remote: a header scoped to exactly that repository's URL. */
function credentialFor(remote) {
    if (!remote.token || (remote.kind !== 'https' && remote.kind !== 'http'))
        return [];
    return [{ urlPrefix: remote.url, token: remote.token }];
}
/** The per-source name of the cached repository: a hash, so a URL never becomes a path. */
function sourceKey(url) {
    return (0,external_node_crypto_.createHash)('sha256').update(url).digest('hex').slice(0, 20);
}
/** The mirror's settings from either front end's reader: `main.ts` and `tributary mirror`. */
function parseMirrorSettings(read, context) {
    const v = new settings/* Settings */.w(read, MIRROR_SETTINGS);
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
    if ((destination.kind === 'https' || destination.kind === 'http') && !destination.token)
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
    const owner = destination.repository?.split('/')[0] ?? '';
    return template.replace(/\{name\}/g, name).replace(/\{owner\}/g, owner);
}
//# sourceMappingURL=settings.js.map
;// CONCATENATED MODULE: ./build/actions/lib/mirror/store.js
/**
 * The bare repository a mirror keeps between runs: upstream objects under a private namespace
 * (refs/tributary/source/...), so a run fetches only what changed. It is only ever an
 * optimisation: a missing, stale or damaged store is detected and replaced by a full fetch.
 */





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
 * Opens the store, making a new one when there is none or the one there is damaged: not a
 * repository, or a ref whose object cannot be read (a truncated pack shows up here).
 */
async function openStore(dir, git, logger) {
    if ((0,external_node_fs_.existsSync)(dir)) {
        const store = git.at(dir);
        const checked = await checkStore(store);
        if (!checked.problem)
            return { store, objects: new StoreObjects(store, checked.readable), reused: true };
        logger.warning(`The cached repository is damaged (${checked.problem}); starting over with a full fetch.`);
        (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true });
    }
    return openFreshStore(dir, git);
}
async function openFreshStore(dir, git) {
    const store = await freshStore(dir, git);
    return { store, objects: new StoreObjects(store), reused: false };
}
async function freshStore(dir, git) {
    (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true });
    (0,external_node_fs_.mkdirSync)(dir, { recursive: true });
    await (0,lib_git/* initRepository */.zY)(dir, {});
    const store = git.at(dir);
    // A store is ours alone: no reflogs keeping garbage; fetched packs kept as packs (a few
    // files cache faster than thousands of loose objects; git gc --auto merges them in time).
    for (const [k, v] of [
        ['fetch.unpackLimit', '1'],
        ['core.logAllRefUpdates', 'false'],
        ['fetch.writeCommitGraph', 'false'],
    ])
        await store.run(['config', k, v]);
    return store;
}
async function checkStore(store) {
    const bare = await store.exec(['rev-parse', '--is-bare-repository'], { allowFailure: true });
    if (bare.code !== 0 || bare.stdout.trim() !== 'true')
        return { problem: 'not a bare repository', readable: [] };
    const list = await store.exec(['for-each-ref', '--format=%(objectname) %(refname)', 'refs/'], {
        allowFailure: true,
    });
    if (list.code !== 0)
        return { problem: list.stderr.trim().split('\n').pop(), readable: [] };
    const oids = list.stdout
        .split('\n')
        .filter(Boolean)
        .map((l) => l.split(' ')[0]);
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
    const lines = [];
    const present = await objects.present(upstream.values());
    const wanted = new Map([...upstream].filter(([, oid]) => present.has(oid)).map(([ref, oid]) => [storeRef(ref), oid]));
    for (const [ref, oid] of wanted)
        if (current.get(ref) !== oid)
            lines.push(`update ${ref} ${oid}`);
    for (const ref of current.keys())
        if (!upstream.has(`refs/${ref.slice(SOURCE_NAMESPACE.length)}`))
            lines.push(`delete ${ref}`);
    if (lines.length)
        await store.run(['update-ref', '--stdin'], { input: lines.join('\n') + '\n' });
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
    if (superproject.kind === 'local')
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
        // (revParse would append ^{object}, which a path would swallow)
        const r = await store.exec(['rev-parse', '--verify', '--quiet', `${head}:.gitmodules`], {
            allowFailure: true,
        });
        if (r.code === 0)
            blobs.add(r.stdout.trim());
    }
    for (const blob of blobs) {
        const r = await store.exec(['config', '--blob', blob, '--get-regexp', '^submodule\\..*\\.url$'], {
            allowFailure: true,
        });
        for (const line of r.stdout.split('\n')) {
            const m = /^submodule\.(.+)\.url (.+)$/.exec(line);
            if (!m)
                continue;
            const [, path, written] = m;
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
 * The mirror story: list both sides, decide from the destination's actual refs, fetch only what
 * is missing into the kept repository, and push every update in one atomic push with a lease
 * on each ref. A rewritten branch or a moved tag stops the whole run unless rewrites are
 * allowed; then the old revision is kept under a backup ref in the same push.
 */









/**
 * The `updates` output, and what `tributary mirror --json` prints: the main tree's refs that
 * moved or were refused.
 */
function updatesJson(result) {
    return JSON.stringify(result.updates.filter((u) => u.action !== 'unchanged'));
}
/** Shows a remote without anything secret (tokens are never in URLs, but be sure of it). */
function display(remote) {
    return remote.repository ?? remote.url.replace(/\/\/[^@/]*@/, '//');
}
const PUSH_NAMESPACE = 'refs/tributary/push/';
const stagedRef = (ref) => PUSH_NAMESPACE + ref.slice('refs/'.length);
const LOGGED_UPDATES = 200;
const EXPLICIT_FETCH_LIMIT = 100;
async function clearStaging(store) {
    const staged = await store.refs([PUSH_NAMESPACE]);
    if (staged.size)
        await store.run(['update-ref', '--stdin'], {
            input: [...staged.keys()].map((r) => `delete ${r}`).join('\n') + '\n',
        });
}
/** The store is damaged in a way only a full fetch mends. */
class StoreDamaged extends Error {
}
/** Mirrors one tree (and its submodules' trees), holding the cache folder's lock throughout. */
async function mirrorTree(settings, logger, hooks = {}) {
    (0,external_node_fs_.mkdirSync)(settings.cacheRoot, { recursive: true });
    const lock = await CacheLock.acquire(settings.cacheRoot, {
        holder: describeHolder(),
        mirroring: `${display(settings.source)} → ${display(settings.destination)}`,
    }, logger, hooks.signal);
    try {
        return await mirrorLocked(settings, logger, hooks);
    }
    finally {
        lock.release();
    }
}
async function mirrorLocked(settings, logger, hooks) {
    const now = hooks.now?.() ?? new Date();
    const main = {
        source: settings.source,
        destination: settings.destination,
        refs: settings.refs,
        main: true,
    };
    const trees = [];
    const first = await planTree(main, settings, logger, hooks, now, {
        wantHeads: !!settings.submoduleDestination,
    });
    trees.push(first);
    trees.push(...(await planSubmoduleTrees(first, settings, logger, hooks, now)));
    const refused = trees.flatMap((t) => t.updates.filter((u) => u.action === 'refused'));
    for (const u of refused)
        logger.error(`Refused ${u.ref}: ${u.reason}. Nothing of this run was pushed. Set allow-rewrites to true to follow upstream and keep the old revision under a backup ref.`, { title: `Mirror refused ${u.ref} (${plan_short(u.old)} → ${plan_short(u.new)})` });
    const pushed = new Set();
    try {
        if (!refused.length) {
            // Submodule trees first, so the hosted superproject never names a commit its hosted
            // submodule trees lack.
            for (const tree of [...trees.slice(1), trees[0]]) {
                let t = tree;
                try {
                    await pushTree(t, settings, logger);
                }
                catch (e) {
                    if (!(e instanceof StoreDamaged))
                        throw e;
                    logger.warning(`${e.message}; fetching everything again into a new cache.`);
                    t = await planTree(t.spec, settings, logger, hooks, now, {
                        wantHeads: false,
                        fresh: true,
                    });
                    trees[trees.indexOf(tree)] = t;
                    await pushTree(t, settings, logger);
                }
                pushed.add(t);
                t.updates = t.updates.map((u) => (isPushed(u) ? { ...u, pushed: true } : u));
            }
        }
    }
    finally {
        await saveCaches(trees, hooks, logger);
    }
    const results = trees.map((t) => ({
        source: display(t.spec.source),
        destination: display(t.spec.destination),
        updates: t.updates,
        keptDeleted: t.keptDeleted,
        fetchedRefs: t.fetchedRefs,
        pushed: pushed.has(t) && t.updates.some((u) => isPushed(u)),
    }));
    const counts = countUpdates(trees[0].updates);
    return {
        trees: results,
        updates: trees[0].updates,
        counts,
        changed: results.some((r) => r.pushed),
        refused,
    };
}
/** The trees of the main tree's submodules, planned, when submodules are mirrored too. */
async function planSubmoduleTrees(first, settings, logger, hooks, now) {
    const planned = [];
    if (!settings.submoduleDestination || !first.store)
        return planned;
    const heads = [...first.upstream]
        .filter(([ref]) => ref.startsWith('refs/heads/'))
        .map(([, oid]) => oid);
    const subs = await submoduleTrees(first.store, heads, settings.source, logger);
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
        const spec = { source: sub.source, destination, refs: new RefMapper() };
        planned.push(await planTree(spec, settings, logger, hooks, now, { wantHeads: false }));
    }
    return planned;
}
/** What was fetched is worth keeping even when the push failed: the next run starts there. */
async function saveCaches(trees, hooks, logger) {
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
const isPushed = movesRef;
async function planTree(spec, settings, logger, hooks, now, opts) {
    const { source, destination } = spec;
    const git = new lib_git/* Git */.TU({
        cwd: settings.cacheRoot,
        credentials: [...credentialFor(source), ...credentialFor(destination)],
        logger,
    });
    const retries = settings.retries;
    const { selected, upstream, updates, keptDeleted } = await compareTree(spec, settings, git, logger);
    const plan = {
        spec,
        git,
        updates,
        keptDeleted,
        upstream,
        reused: false,
        fetchedRefs: 0,
    };
    const needed = updates.filter((u) => u.new && u.action !== 'unchanged');
    if (!opts.wantHeads && updates.every((u) => u.action === 'unchanged')) {
        logger.info('Everything is up to date: nothing fetched, nothing pushed.');
        return plan;
    }
    const cache = treeCache(settings.cacheRoot, source.url, upstream);
    plan.cache = cache;
    if (!opts.fresh && hooks.restore) {
        try {
            const restored = await hooks.restore(cache);
            logger.info(restored ? 'Cache restored.' : 'No cache to restore.');
        }
        catch (e) {
            logger.warning(`Restoring the cache failed (${(0,errors/* errorMessage */.gJ)(e)}); doing a full fetch.`);
        }
    }
    const wanted = new Map([...selected.values()]
        .filter((s) => opts.wantHeads || needed.some((u) => u.upstream === s.source))
        .map((s) => [s.source, s.oid]));
    for (let attempt = 0;; attempt++) {
        const opened = opts.fresh || attempt > 0
            ? await openFreshStore(cache.dir, git)
            : await openStore(cache.dir, git, logger);
        plan.store = opened.store;
        plan.reused = opened.reused;
        try {
            plan.fetchedRefs = await fetchMissing(opened.store, opened.objects, source.url, wanted, upstream, retries, logger);
            plan.updates = await decideUpdates(updates, opened.store, {
                allowRewrites: settings.allowRewrites,
                now,
                present: (oids) => opened.objects.present(oids),
            });
            await recordUpstream(opened.store, opened.objects, upstream);
            break;
        }
        catch (e) {
            // A network failure (already retried) says nothing about the store: keep it for next time.
            if (!opened.reused || !(e instanceof lib_git/* GitError */.XS) || (0,lib_git/* isTransient */.dg)(e.stderr))
                throw e;
            logger.warning(`The cached repository failed (${(0,errors/* errorMessage */.gJ)(e).split('\n')[0]}); fetching everything again into a new one.`);
        }
    }
    await fetchBackupSources(plan, retries);
    return plan;
}
/**
 * Lists both sides of a tree and compares them, refusing a selection that matches nothing and
 * a prune on an upstream that lists nothing.
 */
async function compareTree(spec, settings, git, logger) {
    const { source, destination } = spec;
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
    const upstream = new Map([...selected.values()].map((s) => [s.source, s.oid]));
    const { updates, keptDeleted } = compareRefs(selected, hosted, spec.refs, settings.prune);
    const deletions = updates.filter((u) => u.action === 'deleted').length;
    if (deletions && !selected.size)
        // An upstream that suddenly lists nothing is far likelier an outage or a wrong URL than a
        // project that deleted everything: never empty the hosted tree on its word.
        throw new Error(`${display(source)} lists none of the mirrored refs; refusing to prune ${deletions} hosted ref(s). Check the source and refs inputs.`);
    logger.info(`${display(source)}: ${upstreamAll.size} branches and tags, ${selected.size} mirrored; ${display(destination)}: ${hosted.size}.`);
    if (keptDeleted.length)
        logger.info(`${keptDeleted.length} hosted ref(s) are gone upstream and kept (prune is off): ${keptDeleted.slice(0, 10).join(', ')}${keptDeleted.length > 10 ? ', ...' : ''}`);
    return { selected, upstream, updates, keptDeleted };
}
/** Fetches the upstream refs whose objects the store lacks; returns how many refs it fetched. */
async function fetchMissing(store, objects, url, wanted, upstream, retries, logger) {
    const present = await objects.present(wanted.values());
    const missing = [...wanted].filter(([, oid]) => !present.has(oid));
    if (!missing.length) {
        logger.info(`The cache has every object needed (${wanted.size} refs); nothing fetched.`);
        return 0;
    }
    logger.info(`Fetching ${missing.length} of ${upstream.size} refs (the cache has the objects of the others).`);
    // A few refs are named one by one (the server sends just those); many are fetched with two
    // patterns, because git matches explicit refspecs against the refs in quadratic time.
    const refspecs = missing.length <= EXPLICIT_FETCH_LIMIT
        ? missing.map(([ref]) => `+${ref}:${storeRef(ref)}`)
        : ['refs/heads/', 'refs/tags/'].map((p) => `+${p}*:${storeRef(p)}*`);
    // When every ref to fetch was fetched before, its previous value is all the server needs to
    // hear as "have": offering all of the store's refs (tags spread over the whole history) makes
    // the server walk far more history to compute the same small pack.
    const tips = missing.map(([ref]) => storeRef(ref));
    const known = missing.length <= EXPLICIT_FETCH_LIMIT ? await store.refs(tips) : new Map();
    const negotiation = missing.length <= EXPLICIT_FETCH_LIMIT && tips.every((t) => known.has(t))
        ? tips.map((t) => `--negotiation-tip=${t}`)
        : [];
    await store.run([
        'fetch',
        '--quiet',
        '--no-tags',
        '--no-write-fetch-head',
        ...negotiation,
        '--stdin',
        '--',
        url,
    ], { input: refspecs.join('\n') + '\n', retries });
    const after = await objects.present(missing.map(([, oid]) => oid));
    const lost = missing.filter(([, oid]) => !after.has(oid));
    if (lost.length)
        throw new Error(`Upstream changed while this run fetched it (${lost[0][0]} no longer points at ${lost[0][1]}); run again.`);
    return missing.length;
}
/** A rewritten ref's old revision may exist only in the destination: fetch it for the backup. */
async function fetchBackupSources(plan, retries) {
    const store = plan.store;
    if (!store)
        return;
    const rewritten = plan.updates.filter((u) => u.action === 'rewritten');
    if (!rewritten.length)
        return;
    const types = await store.objectTypes(rewritten.map((u) => u.old));
    const missing = rewritten.filter((u) => !types.get(u.old));
    if (!missing.length)
        return;
    await store.run([
        'fetch',
        '--quiet',
        '--no-tags',
        '--no-write-fetch-head',
        '--stdin',
        '--',
        plan.spec.destination.url,
    ], {
        input: missing.map((u) => `+${u.ref}:${HOSTED_NAMESPACE}${u.ref.slice(5)}`).join('\n') + '\n',
        retries,
    });
    const after = await store.objectTypes(missing.map((u) => u.old));
    const moved = missing.find((u) => !after.get(u.old));
    if (moved)
        throw new Error(`The destination's ${moved.ref} moved away from ${moved.old} during this run; nothing was pushed. Run again.`);
}
/** One atomic push of every update, each with a lease on what the destination had. */
async function pushTree(plan, settings, logger) {
    const updates = plan.updates.filter(isPushed);
    const dest = plan.spec.destination;
    if (!updates.length)
        return;
    const store = plan.store;
    // What the destination should get is staged as refs of the store (refs/tributary/push/...)
    // and pushed with one pattern refspec: git matches thousands of explicit refspecs against
    // thousands of refs in quadratic time, a pattern in linear time. Every ref still carries its
    // own lease, which is also what lets a rewrite through (a lease that holds forces the update).
    const staging = [];
    const leases = [];
    const deletions = [];
    for (const u of updates) {
        if (u.new)
            staging.push(`create ${stagedRef(u.ref)} ${u.new}`);
        else
            deletions.push(`:${u.ref}`);
        leases.push(`--force-with-lease=${u.ref}:${u.old ?? ''}`);
        if (u.backup) {
            staging.push(`create ${stagedRef(u.backup)} ${u.old}`);
            leases.push(`--force-with-lease=${u.backup}:`);
        }
    }
    await clearStaging(store);
    if (staging.length)
        await store.run(['update-ref', '--stdin'], { input: staging.join('\n') + '\n' });
    const refspecs = [...(staging.length ? [`${PUSH_NAMESPACE}*:refs/*`] : []), ...deletions];
    await logger.group(`Push ${updates.length} ref update(s) to ${display(dest)}`, async () => {
        for (const u of updates.slice(0, LOGGED_UPDATES))
            logger.info(`${u.action.padEnd(9)} ${u.ref} ${plan_short(u.old)} → ${plan_short(u.new)}${u.backup ? ` (old head kept as ${u.backup})` : ''}`);
        if (updates.length > LOGGED_UPDATES)
            logger.info(`... and ${updates.length - LOGGED_UPDATES} more (see the job summary)`);
        const r = await store.exec(['push', '--atomic', '--porcelain', '--no-verify', ...leases, '--', dest.url, ...refspecs], { retries: settings.retries, allowFailure: true });
        await clearStaging(store);
        if (r.code === 0)
            return;
        // A retried push may have landed the first time: then the destination is what we wanted.
        const now = await plan.git.remoteBranchesAndTags(dest.url, { retries: settings.retries });
        if (updates.every((u) => (now.get(u.ref) ?? null) === u.new)) {
            logger.info('The destination already has every update (an earlier attempt landed).');
            return;
        }
        if (plan.reused && plan.store && !(await objectsComplete(plan.store, updates)))
            throw new StoreDamaged(`The cached repository lacks objects the push needs`);
        const reasons = r.stdout
            .split('\n')
            .filter((l) => l.startsWith('!'))
            .map((l) => l.split('\t').slice(1).join(' '))
            .join('\n');
        throw new Error(`The push to ${display(dest)} was refused, and nothing was changed (the push is atomic):\n${reasons || r.stderr.trim()}`);
    });
}
/** Whether the store can walk everything from the new revisions (a failed rev-list: damage). */
async function objectsComplete(store, updates) {
    const tips = updates.map((u) => u.new).filter((x) => !!x);
    return store.try(['rev-list', '--objects', '--quiet', ...tips]);
}
//# sourceMappingURL=mirror.js.map
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
            logger = progressToStderr(logger);
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
                else
                    for (const tree of result.trees) {
                        logger.info(`${tree.source} → ${tree.destination}`);
                        for (const row of summaryRows(tree.updates))
                            logger.info(`  ${row.filter(Boolean).join('  ')}`);
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
/** The same logger, but progress (info, groups) on stderr: stdout is the JSON's alone. */
function progressToStderr(logger) {
    const redactor = new log/* Redactor */.pO();
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
//# sourceMappingURL=mirror.js.map

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
