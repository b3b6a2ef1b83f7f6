export const id = 788;
export const ids = [788];
export const modules = {

/***/ 1576:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   De: () => (/* binding */ parseJobResult),
/* harmony export */   E8: () => (/* binding */ JOB_RESULT_FORMAT),
/* harmony export */   N2: () => (/* binding */ FLIGHT_RECORD_FORMAT),
/* harmony export */   WB: () => (/* binding */ jobStatus),
/* harmony export */   kO: () => (/* binding */ parseFlightNote),
/* harmony export */   m7: () => (/* binding */ blockAfterFailure),
/* harmony export */   r2: () => (/* binding */ parseFlightRecord),
/* harmony export */   x5: () => (/* binding */ appendFlightNote)
/* harmony export */ });
/* unused harmony exports STEP_STATUSES, FLIGHT_PURPOSES */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4193);
/**
 * The one model of flights and results, shared by the jobs that test (hypervisor-test writes
 * a JobResult), the push gate (reads them, decides, records a FlightRecord as a git note) and
 * the watch. The words are osstest's: a flight runs jobs over fixed revisions of every tree
 * involved; a job has steps; a step ends pass, fail, skip or blocked (a step before it failed).
 *
 * Formats are versioned by their `format` field; a reader refuses a format it does not know
 * instead of guessing. The reference is docs/flight-format.md.
 */

const JOB_RESULT_FORMAT = 'tributary.job/v1';
const FLIGHT_RECORD_FORMAT = 'tributary.flight/v1';
const STEP_STATUSES = ['pass', 'fail', 'skip', 'blocked'];
/** Why a flight of a watch series ran: the series' own schedule, or a bisection round. */
const FLIGHT_PURPOSES = ['watch', 'bisect'];
/** pass < skip < fail/blocked: the worst status of a job's steps is the job's. */
function jobStatus(steps, cancelled = false) {
    if (cancelled)
        return 'fail';
    if (steps.some((s) => s.status === 'fail'))
        return 'fail';
    if (steps.some((s) => s.status === 'blocked'))
        return 'blocked';
    if (steps.length && steps.every((s) => s.status === 'skip'))
        return 'skip';
    return 'pass';
}
/**
 * Marks every step after the first blocking failure as blocked, as osstest does. `blocks`
 * says whether a step's failure stops the ones after it (default: it does).
 */
function blockAfterFailure(steps, blocks = () => true) {
    let blocked = false;
    return steps.map((s) => {
        if (blocked && s.status !== 'skip')
            return { ...s, status: 'blocked' };
        if (s.status === 'fail' && blocks(s))
            blocked = true;
        return s;
    });
}
// ---- validation: every error names the file and the field ------------------------------
class Checker {
    source;
    constructor(source) {
        this.source = source;
    }
    fail(field, message) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${this.source}: ${field}`, `${this.source}: field '${field}' ${message}`);
    }
    object(v, field) {
        if (typeof v !== 'object' || v === null || Array.isArray(v))
            this.fail(field, `must be an object`);
        return v;
    }
    string(v, field, optional = false) {
        if (v === undefined && optional)
            return undefined;
        if (typeof v !== 'string' || v === '')
            this.fail(field, `must be a non-empty string, got ${JSON.stringify(v)}`);
        return v;
    }
    number(v, field) {
        if (v === undefined)
            return undefined;
        if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
            this.fail(field, `must be a number >= 0, got ${JSON.stringify(v)}`);
        return v;
    }
    boolean(v, field) {
        if (v === undefined)
            return undefined;
        if (typeof v !== 'boolean')
            this.fail(field, `must be true or false, got ${JSON.stringify(v)}`);
        return v;
    }
    array(v, field) {
        if (!Array.isArray(v))
            this.fail(field, `must be a list`);
        return v;
    }
    status(v, field) {
        if (!STEP_STATUSES.includes(v)) {
            this.fail(field, `is ${JSON.stringify(v)}; expected one of ${STEP_STATUSES.join(', ')}`);
        }
        return v;
    }
    revision(v, field) {
        const s = this.string(v, field);
        if (!/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(s))
            this.fail(field, `is '${s}'; expected a full commit id (40 hex digits)`);
        return s;
    }
    steps(v, field) {
        const names = new Set();
        return this.array(v, field).map((raw, i) => {
            const f = `${field}[${i}]`;
            const o = this.object(raw, f);
            const name = this.string(o.name, `${f}.name`);
            if (names.has(name))
                this.fail(`${f}.name`, `repeats step '${name}'; step names must be unique within a job`);
            names.add(name);
            const step = { name, status: this.status(o.status, `${f}.status`) };
            const d = this.number(o.durationMs, `${f}.durationMs`);
            if (d !== undefined)
                step.durationMs = d;
            const log = this.string(o.log, `${f}.log`, true);
            if (log)
                step.log = log;
            const message = o.message === undefined ? undefined : String(o.message);
            if (message)
                step.message = message;
            if (o.attempts !== undefined) {
                step.attempts = this.array(o.attempts, `${f}.attempts`).map((a, j) => this.status(a, `${f}.attempts[${j}]`));
            }
            return step;
        });
    }
    history(v, field) {
        const o = this.object(v, field);
        const flights = this.array(o.flights, `${field}.flights`).map((raw, i) => {
            const f = this.object(raw, `${field}.flights[${i}]`);
            return {
                flight: this.string(f.flight, `${field}.flights[${i}].flight`),
                revision: this.string(f.revision, `${field}.flights[${i}].revision`),
                at: this.string(f.at, `${field}.flights[${i}].at`),
            };
        });
        const index = (x, f) => {
            if (x === null)
                return null;
            if (typeof x !== 'number' || !Number.isInteger(x) || x < 0 || x >= flights.length)
                this.fail(f, `must be an index into ${field}.flights or null, got ${JSON.stringify(x)}`);
            return x;
        };
        const steps = {};
        for (const [job, raw] of Object.entries(this.object(o.steps, `${field}.steps`))) {
            const js = (steps[job] = {});
            for (const [step, h] of Object.entries(this.object(raw, `${field}.steps.${job}`))) {
                const f = `${field}.steps.${job}.${step}`;
                const t = this.array(h, f);
                if (t.length !== 4)
                    this.fail(f, `must be [first, lastPass, failingSince, lastStatus]`);
                const first = index(t[0], `${f}[0]`);
                if (first === null)
                    this.fail(`${f}[0]`, 'must be an index, not null');
                js[step] = [
                    first,
                    index(t[1], `${f}[1]`),
                    index(t[2], `${f}[2]`),
                    this.status(t[3], `${f}[3]`),
                ];
            }
        }
        return { flights, steps };
    }
    trees(v, field) {
        const names = new Set();
        return this.array(v, field).map((raw, i) => {
            const f = `${field}[${i}]`;
            const o = this.object(raw, f);
            const name = this.string(o.name, `${f}.name`);
            if (names.has(name))
                this.fail(`${f}.name`, `repeats tree '${name}'`);
            names.add(name);
            const t = { name, revision: this.revision(o.revision, `${f}.revision`) };
            const url = this.string(o.url, `${f}.url`, true);
            if (url)
                t.url = url;
            const ref = this.string(o.ref, `${f}.ref`, true);
            if (ref)
                t.ref = ref;
            return t;
        });
    }
}
function parseJson(text, source) {
    try {
        return JSON.parse(text);
    }
    catch (e) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(source, `${source}: not valid JSON (${e.message})`);
    }
}
/** Reads and validates one job's result file; `source` (the file's path) names it in errors. */
function parseJobResult(text, source) {
    const c = new Checker(source);
    const o = c.object(parseJson(text, source), '(top level)');
    if (o.format !== JOB_RESULT_FORMAT) {
        c.fail('format', `is ${JSON.stringify(o.format)}; expected '${JOB_RESULT_FORMAT}'`);
    }
    const result = {
        format: JOB_RESULT_FORMAT,
        job: c.string(o.job, 'job'),
        trees: c.trees(o.trees, 'trees'),
        steps: c.steps(o.steps, 'steps'),
    };
    for (const key of ['flight', 'host', 'startedAt', 'finishedAt', 'url']) {
        const v = c.string(o[key], key, true);
        if (v)
            result[key] = v;
    }
    const attempt = c.number(o.attempt, 'attempt');
    if (attempt !== undefined)
        result.attempt = attempt;
    const cancelled = c.boolean(o.cancelled, 'cancelled');
    if (cancelled !== undefined)
        result.cancelled = cancelled;
    return result;
}
/** Reads and validates a flight record (a note's content). */
function parseFlightRecord(text, source) {
    const c = new Checker(source);
    const o = c.object(parseJson(text, source), '(top level)');
    if (o.format !== FLIGHT_RECORD_FORMAT) {
        c.fail('format', `is ${JSON.stringify(o.format)}; expected '${FLIGHT_RECORD_FORMAT}'`);
    }
    const jobNames = new Set();
    const jobs = c.array(o.jobs, 'jobs').map((raw, i) => {
        const jo = c.object(raw, `jobs[${i}]`);
        const name = c.string(jo.name, `jobs[${i}].name`);
        if (jobNames.has(name))
            c.fail(`jobs[${i}].name`, `repeats job '${name}'`);
        jobNames.add(name);
        const job = { name, steps: c.steps(jo.steps, `jobs[${i}].steps`) };
        const host = c.string(jo.host, `jobs[${i}].host`, true);
        if (host)
            job.host = host;
        const url = c.string(jo.url, `jobs[${i}].url`, true);
        if (url)
            job.url = url;
        if (c.boolean(jo.cancelled, `jobs[${i}].cancelled`))
            job.cancelled = true;
        const attempt = c.number(jo.attempt, `jobs[${i}].attempt`);
        if (attempt !== undefined)
            job.attempt = attempt;
        if (jo.trees !== undefined)
            job.trees = c.trees(jo.trees, `jobs[${i}].trees`);
        return job;
    });
    const record = {
        format: FLIGHT_RECORD_FORMAT,
        flight: c.string(o.flight, 'flight'),
        tree: c.string(o.tree, 'tree'),
        revision: c.revision(o.revision, 'revision'),
        trees: c.trees(o.trees, 'trees'),
        jobs,
        recordedAt: c.string(o.recordedAt, 'recordedAt'),
    };
    const series = c.string(o.series, 'series', true);
    if (series)
        record.series = series;
    if (o.trigger !== undefined)
        record.trigger = c.object(o.trigger, 'trigger');
    if (o.purpose !== undefined) {
        if (!FLIGHT_PURPOSES.includes(o.purpose))
            c.fail('purpose', `is ${JSON.stringify(o.purpose)}; expected one of ${FLIGHT_PURPOSES.join(', ')}`);
        record.purpose = o.purpose;
    }
    const startedAt = c.string(o.startedAt, 'startedAt', true);
    if (startedAt)
        record.startedAt = startedAt;
    if (o.decision !== undefined)
        record.decision = c.object(o.decision, 'decision');
    if (o.history !== undefined)
        record.history = c.history(o.history, 'history');
    return record;
}
/**
 * A note holds every flight of its revision, one record a line (JSON Lines), oldest first, so
 * that a second flight of the same revision is appended rather than replacing the first.
 */
function parseFlightNote(text, source) {
    return text
        .split('\n')
        .map((line, i) => ({ line: line.trim(), i }))
        .filter(({ line }) => line !== '')
        .map(({ line, i }) => parseFlightRecord(line, `${source} line ${i + 1}`));
}
/** The note's text with one more record appended. */
function appendFlightNote(existing, record) {
    const kept = existing.replace(/\s+$/, '');
    return (kept ? kept + '\n' : '') + JSON.stringify(record) + '\n';
}
//# sourceMappingURL=flight.js.map

/***/ }),

/***/ 9164:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CG: () => (/* binding */ looksLikeJUnit),
/* harmony export */   U5: () => (/* binding */ toJUnit),
/* harmony export */   iM: () => (/* binding */ parseJUnit)
/* harmony export */ });
/* harmony import */ var fast_xml_parser__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9658);
/* harmony import */ var fast_xml_parser__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5824);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4193);
/* harmony import */ var _flight_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1576);
/**
 * JUnit XML, both ways. Read as job results, so any existing test job can feed the gate: a
 * testsuite is a job, a testcase a step (failure or error → fail, skipped → skip, else pass);
 * JUnit knows no revisions, so a suite may name them with properties `tributary.tree.<name>` =
 * commit id. Written from jobs (a hypervisor-test job, a gated flight), so any test-report
 * tool can show a flight: what is written reads back as the same steps.
 */



const parser = new fast_xml_parser__WEBPACK_IMPORTED_MODULE_2__/* ["default"] */ .A({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    // Elements that may repeat are always lists, so one testcase and many read alike.
    isArray: (name) => ['testsuite', 'testcase', 'property', 'failure', 'error'].includes(name),
    processEntities: true,
    // Numeric character references (&#60;) are what JUnit writers, ours included, emit.
    htmlEntities: true,
    parseAttributeValue: false,
    parseTagValue: false,
});
const asList = (v) => (Array.isArray(v) ? v : v ? [v] : []);
/** Whether a text is a JUnit report at all (root testsuites or testsuite). */
function looksLikeJUnit(text) {
    return /<testsuites[\s>]|<testsuite[\s>]/.test(text.slice(0, 4096));
}
/** Every testsuite of a JUnit file as a job result; `source` names the file in errors. */
function parseJUnit(text, source) {
    const valid = fast_xml_parser__WEBPACK_IMPORTED_MODULE_3__/* .XMLValidator */ .iI.validate(text);
    if (valid !== true) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(source, `${source}: not well-formed XML (line ${valid.err.line}: ${valid.err.msg})`);
    }
    const doc = parser.parse(text);
    const suites = doc.testsuites
        ? asList(doc.testsuites.testsuite)
        : asList(doc.testsuite);
    if (!doc.testsuites && !doc.testsuite)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(source, `${source}: not a JUnit report (no testsuites or testsuite root)`);
    return suites.flatMap((suite, i) => suiteResults(suite, `${source}: testsuite[${i}]`));
}
function suiteResults(suite, where) {
    // Nested suites (some tools group that way) are jobs of their own.
    const nested = asList(suite.testsuite).flatMap((s, i) => suiteResults(s, `${where}.testsuite[${i}]`));
    const cases = asList(suite.testcase);
    if (!cases.length)
        return nested;
    const job = String(suite['@name'] ?? '').trim();
    if (!job)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(where, `${where}: attribute 'name' (the job) is missing`);
    const trees = [];
    const props = asList(suite.properties?.property);
    for (const p of props) {
        const name = String(p['@name'] ?? '');
        const m = /^tributary\.tree\.(.+)$/.exec(name);
        if (!m)
            continue;
        const revision = String(p['@value'] ?? '');
        if (!/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(revision))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(where, `${where}: property '${name}' is '${revision}'; expected a full commit id (40 hex digits)`);
        trees.push({ name: m[1], revision });
    }
    const seen = new Set();
    const steps = cases.map((c, j) => {
        const name = String(c['@name'] ?? '').trim();
        if (!name)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(where, `${where}.testcase[${j}]: attribute 'name' (the step) is missing`);
        if (seen.has(name))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(where, `${where}.testcase[${j}]: field 'name' repeats step '${name}' of job '${job}'; step names must be unique within a job`);
        seen.add(name);
        const failure = asList(c.failure)[0] ?? asList(c.error)[0];
        const step = {
            name,
            status: failure ? 'fail' : c.skipped !== undefined ? 'skip' : 'pass',
        };
        const time = Number(c['@time']);
        if (Number.isFinite(time) && time >= 0)
            step.durationMs = Math.round(time * 1000);
        if (failure) {
            const message = typeof failure === 'object' ? failure['@message'] : undefined;
            if (message)
                step.message = String(message).split('\n')[0];
            if (typeof failure === 'object' && failure['@type'] === 'blocked')
                step.status = 'blocked';
        }
        return step;
    });
    return [{ format: _flight_js__WEBPACK_IMPORTED_MODULE_1__/* .JOB_RESULT_FORMAT */ .E8, job, trees, steps }, ...nested];
}
// ---- writing: any test-report tool can show a flight ---------------------------------------
// XML 1.0 cannot carry most control characters, so they are dropped.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;
function xml(s) {
    return s.replace(/[<>&"']/g, (ch) => `&#${ch.charCodeAt(0)};`).replace(CONTROL, '');
}
/** JUnit XML for jobs: a testsuite per job, a testcase per step. */
function toJUnit(name, jobs) {
    const count = (steps, ...st) => steps.filter((s) => st.includes(s.status)).length;
    const all = jobs.flatMap((j) => j.steps);
    const lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        `<testsuites name="${xml(name)}" tests="${all.length}" failures="${count(all, 'fail', 'blocked')}" skipped="${count(all, 'skip')}">`,
    ];
    for (const job of jobs) {
        const time = job.steps.reduce((t, s) => t + (s.durationMs ?? 0), 0) / 1000;
        lines.push(`  <testsuite name="${xml(job.name)}" tests="${job.steps.length}" failures="${count(job.steps, 'fail', 'blocked')}" skipped="${count(job.steps, 'skip')}" time="${time.toFixed(3)}">`);
        for (const s of job.steps) {
            const attrs = `classname="${xml(job.name)}" name="${xml(s.name)}" time="${((s.durationMs ?? 0) / 1000).toFixed(3)}"`;
            const detail = [s.message, s.log ? `log: ${s.log}` : ''].filter(Boolean).join('\n');
            if (s.status === 'pass')
                lines.push(`    <testcase ${attrs}/>`);
            else if (s.status === 'skip')
                lines.push(`    <testcase ${attrs}><skipped/></testcase>`);
            else {
                const msg = s.status === 'blocked' ? 'blocked: a step before it failed' : (s.message ?? 'failed');
                lines.push(`    <testcase ${attrs}><failure message="${xml(msg)}" type="${s.status}">${xml(detail)}</failure></testcase>`);
            }
        }
        lines.push('  </testsuite>');
    }
    lines.push('</testsuites>', '');
    return lines.join('\n');
}
//# sourceMappingURL=junit.js.map

/***/ }),

/***/ 4788:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  testCommand: () => (/* binding */ testCommand),
  testSpec: () => (/* binding */ testSpec)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./build/actions/lib/flight.js
var flight = __webpack_require__(1576);
// EXTERNAL MODULE: ./build/actions/lib/junit.js
var junit = __webpack_require__(9164);
// EXTERNAL MODULE: ./build/actions/lib/errors.js
var errors = __webpack_require__(4193);
// EXTERNAL MODULE: ./build/actions/lib/git.js + 1 modules
var git = __webpack_require__(6240);
// EXTERNAL MODULE: ./build/actions/lib/process-table.js
var process_table = __webpack_require__(3780);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
;// CONCATENATED MODULE: ./build/actions/lib/hypervisor/processes.js
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
    const fd = (0,external_node_fs_.openSync)(opts.logFile, 'a');
    let child;
    try {
        child = (0,external_node_child_process_.spawn)(program, args, {
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
        (0,external_node_fs_.closeSync)(fd);
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
        return (0,process_table/* isAlive */._n)(pgid);
    }
    return taggedProcesses((p) => p.pgid === pgid).length > 0 || (0,process_table/* isAlive */._n)(pgid);
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
    const fd = (0,external_node_fs_.openSync)(path, 'r');
    try {
        let length = 0;
        for (;;) {
            if (length === buffer.length)
                buffer = Buffer.concat([buffer, Buffer.alloc(buffer.length)]);
            const n = (0,external_node_fs_.readSync)(fd, buffer, length, buffer.length - length, null);
            if (n === 0)
                return buffer.toString('latin1', 0, length);
            length += n;
        }
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
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
        entries = (0,external_node_fs_.readdirSync)('/proc');
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
    const ownGroup = Number((0,external_node_fs_.readFileSync)('/proc/self/stat', 'utf8').split(') ')[1].split(' ')[2]);
    pgids.delete(ownGroup);
    await Promise.all([...pgids].map((g) => killGroup(g, graceMs)));
    for (const p of list) {
        if ((0,process_table/* isAlive */._n)(p.pid)) {
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
;// CONCATENATED MODULE: ./build/actions/lib/hypervisor/host.js
/**
 * Host hygiene on persistent runners. One job at a time per host: a lock file in a host-wide
 * directory, naming its owner (pid, the pid's start time, the job's tag, when it started). A
 * lock whose owner is gone is stale and recovered. Each job also keeps a record in that
 * directory of what it started (process groups, guests, its scratch directory), written before
 * each thing starts, so whatever a crashed job left behind can be found and stopped by the
 * next job, or by the job's own post step.
 *
 * A record says what to kill, what to remove and which stop command to run, as the runner:
 * so the directory must be the runner user's own, and anything in it that is not is refused
 * before it is read (see `HostLock.check`).
 */






function groupRef(pgid) {
    return { pgid, start: (0,process_table/* processStartTime */.X0)(pgid) };
}
function sameProcess(ref) {
    return (0,process_table/* isAlive */._n)(ref.pgid) && (ref.start === undefined || (0,process_table/* processStartTime */.X0)(ref.pgid) === ref.start);
}
const host_sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/**
 * The lock directory when none is given: in the runner user's own cache ($XDG_CACHE_HOME, else
 * ~/.cache), which no other user can write to, never a shared folder such as /tmp.
 */
function defaultLockDir(env = process.env) {
    const xdg = env.XDG_CACHE_HOME;
    const cache = xdg && (0,external_node_path_.isAbsolute)(xdg) ? xdg : (0,external_node_path_.join)(env.HOME || (0,external_node_os_.homedir)(), '.cache');
    return (0,external_node_path_.join)(cache, 'tributary', 'host');
}
/** Whether a path exists, without following it: a dangling link exists. */
function present(path) {
    try {
        (0,external_node_fs_.lstatSync)(path);
        return true;
    }
    catch (e) {
        if (e.code === 'ENOENT')
            return false;
        throw e;
    }
}
/** Why a path is not the runner user's own (a link, another owner, writable by others), if so. */
function notOwn(path, folder) {
    const st = (0,external_node_fs_.lstatSync)(path);
    if (st.isSymbolicLink())
        return `is a symbolic link (to ${(0,external_node_fs_.readlinkSync)(path)})`;
    if (folder ? !st.isDirectory() : !st.isFile())
        return `is not a ${folder ? 'folder' : 'file'}`;
    const uid = process.getuid?.();
    if (uid !== undefined && st.uid !== uid)
        return `is owned by uid ${st.uid}, not by the runner's user (uid ${uid})`;
    const writers = [st.mode & 0o020 && 'group', st.mode & 0o002 && 'others'].filter(Boolean);
    if (writers.length)
        return `is writable by ${writers.join(' and ')} (mode ${(st.mode & 0o7777).toString(8).padStart(4, '0')})`;
    return undefined;
}
/**
 * Refuses a path of the lock directory that another user could have planted or changed, with
 * what to do about it. The lock directory itself gets a fix for the input; anything inside it
 * is looked at and removed by hand, since hypervisor-test alone writes there.
 */
function trust(path, what) {
    const why = notOwn(path, what.endsWith('folder'));
    if (!why)
        return;
    const fallback = defaultLockDir();
    let fix;
    if (what === 'lock folder') {
        const unset = fallback === path ? '' : `, or use the default lock folder, ${fallback} (created mode 0700)`;
        fix = why.startsWith('is a symbolic link')
            ? `give the folder itself, not a link to it${unset}`
            : why.startsWith('is writable')
                ? `chmod go-w ${path} (the records in it are then checked one by one)${unset}`
                : `give a folder the runner's user created and alone can write${unset}`;
    }
    else if (what === 'jobs folder' && why.startsWith('is writable')) {
        fix = `chmod go-w ${path} (the records in it are then checked one by one)`;
    }
    else {
        const rm = what === 'jobs folder' && !why.startsWith('is a symbolic link') ? 'rm -r' : 'rm';
        fix = `look at what it holds, then remove it (${rm} -- ${path}); only hypervisor-test writes there, as the runner's user`;
    }
    throw new errors/* ConfigurationError */.j1('lock-dir', `Refusing the host's ${what} ${path}: it ${why}. Job records in the lock folder name ` +
        `commands this runner runs and processes it kills, so the folder and all in it must be ` +
        `the runner user's own. Fix: ${fix}.`);
}
class HostLock {
    lockDir;
    logger;
    lockFile;
    jobsDir;
    constructor(lockDir, logger) {
        this.lockDir = lockDir;
        this.logger = logger;
        this.lockFile = (0,external_node_path_.join)(lockDir, 'host.lock');
        this.jobsDir = (0,external_node_path_.join)(lockDir, 'jobs');
    }
    /**
     * Creates the lock directory and its jobs/ (mode 0700) when missing, and refuses (a
     * ConfigurationError) the directory, jobs/, the lock or any record that is a symbolic link, is
     * owned by another user, or is writable by group or others, before anything in it is read.
     * With `create` off, what is missing is left missing (the post step: nothing there to clean).
     */
    check(create = true) {
        if (!present(this.lockDir)) {
            if (!create)
                return;
            (0,external_node_fs_.mkdirSync)(this.lockDir, { recursive: true, mode: 0o700 });
        }
        trust(this.lockDir, 'lock folder');
        if (!present(this.jobsDir)) {
            if (!create)
                return;
            (0,external_node_fs_.mkdirSync)(this.jobsDir, { recursive: true, mode: 0o700 });
        }
        trust(this.jobsDir, 'jobs folder');
        if (present(this.lockFile))
            trust(this.lockFile, 'lock');
        for (const name of (0,external_node_fs_.readdirSync)(this.jobsDir))
            if (name.endsWith('.json'))
                trust((0,external_node_path_.join)(this.jobsDir, name), 'job record');
    }
    owner() {
        try {
            return JSON.parse((0,external_node_fs_.readFileSync)(this.lockFile, 'utf8'));
        }
        catch {
            return undefined;
        }
    }
    /** Whether a lock's owner is gone: its pid is dead, or now names another process. */
    static stale(owner) {
        if (!(0,process_table/* isAlive */._n)(owner.pid))
            return true;
        return owner.processStart !== undefined && (0,process_table/* processStartTime */.X0)(owner.pid) !== owner.processStart;
    }
    /**
     * Takes the host's lock, waiting up to `waitMs` for a live owner to let go, recovering a
     * stale one. The file is written in full under another name and then hard-linked into place,
     * which fails if a lock exists: no reader ever sees half a lock.
     */
    async acquire(owner, opts) {
        (0,external_node_fs_.mkdirSync)(this.jobsDir, { recursive: true, mode: 0o700 });
        const full = {
            ...owner,
            processStart: (0,process_table/* processStartTime */.X0)(owner.pid),
            host: (0,external_node_os_.hostname)(),
            startedAt: new Date().toISOString(),
        };
        const temp = (0,external_node_path_.join)(this.lockDir, `.lock.${owner.tag}.${process.pid}`);
        (0,external_node_fs_.writeFileSync)(temp, JSON.stringify(full, null, 2) + '\n', { mode: 0o600 });
        const deadline = Date.now() + opts.waitMs;
        let said = '';
        try {
            for (;;) {
                try {
                    (0,external_node_fs_.linkSync)(temp, this.lockFile);
                    return full;
                }
                catch (e) {
                    if (e.code !== 'EEXIST')
                        throw e;
                }
                const held = this.owner();
                if (!held) {
                    // Unreadable: a lock written by something else, or gone in between. Look again.
                    await host_sleep(50);
                    if ((0,external_node_fs_.existsSync)(this.lockFile) && !this.owner())
                        this.recover(undefined);
                    continue;
                }
                if (held.tag === owner.tag)
                    return held;
                if (HostLock.stale(held)) {
                    this.recover(held);
                    continue;
                }
                const line = `Waiting for the host: job '${held.job}' (run ${held.tag}, pid ${held.pid}) holds ${this.lockFile} since ${held.startedAt}`;
                if (line !== said)
                    this.logger.info((said = line));
                if (opts.signal?.aborted)
                    throw new Error('Cancelled while waiting for the host lock');
                if (Date.now() > deadline)
                    throw new Error(`The host is busy: job '${held.job}' (run ${held.tag}, pid ${held.pid}) has held ${this.lockFile} since ${held.startedAt}`);
                await host_sleep(250);
            }
        }
        finally {
            (0,external_node_fs_.rmSync)(temp, { force: true });
        }
    }
    /** Moves a stale lock aside (atomically, so two recoverers cannot both win) and removes it. */
    recover(held) {
        const aside = `${this.lockFile}.stale.${process.pid}`;
        try {
            (0,external_node_fs_.renameSync)(this.lockFile, aside);
        }
        catch {
            return; // someone else recovered it first
        }
        const moved = (() => {
            try {
                return JSON.parse((0,external_node_fs_.readFileSync)(aside, 'utf8'));
            }
            catch {
                return undefined;
            }
        })();
        if (held && moved && moved.tag !== held.tag && !HostLock.stale(moved)) {
            // A new owner took the lock between our read and the rename: give it back.
            try {
                (0,external_node_fs_.linkSync)(aside, this.lockFile);
            }
            catch {
                // it is gone now; the loop will look again
            }
        }
        else if (held) {
            this.logger.warning(`Recovered a stale host lock: job '${held.job}' (run ${held.tag}, pid ${held.pid}, since ${held.startedAt}) is gone`);
        }
        (0,external_node_fs_.rmSync)(aside, { force: true });
    }
    /** Lets go of the lock if it is still the given job's. */
    release(tag) {
        const held = this.owner();
        if (!held || held.tag !== tag)
            return false;
        try {
            (0,external_node_fs_.unlinkSync)(this.lockFile);
            return true;
        }
        catch {
            return false;
        }
    }
    recordFile(tag) {
        return (0,external_node_path_.join)(this.jobsDir, `${tag}.json`);
    }
    /** A job's record, refused (a ConfigurationError) when it is not the runner user's own. */
    readRecord(tag) {
        const file = this.recordFile(tag);
        if (!present(file))
            return undefined;
        trust(file, 'job record');
        try {
            return JSON.parse((0,external_node_fs_.readFileSync)(file, 'utf8'));
        }
        catch {
            return undefined;
        }
    }
    /** Written whole under a temporary name and renamed, so a crash never leaves half a record. */
    writeRecord(record) {
        (0,external_node_fs_.mkdirSync)(this.jobsDir, { recursive: true, mode: 0o700 });
        const file = this.recordFile(record.tag);
        (0,external_node_fs_.writeFileSync)(`${file}.tmp`, JSON.stringify(record, null, 2) + '\n', { mode: 0o600 });
        (0,external_node_fs_.renameSync)(`${file}.tmp`, file);
    }
    /** Records of other jobs: what jobs that did not finish cleanly left. */
    otherRecords(tag) {
        let names = [];
        try {
            names = (0,external_node_fs_.readdirSync)(this.jobsDir).filter((n) => n.endsWith('.json'));
        }
        catch {
            return [];
        }
        return names
            .map((n) => n.slice(0, -'.json'.length))
            .filter((t) => t !== tag)
            .map((t) => this.readRecord(t) ?? { tag: t, job: '?', groups: [], guests: [], scratch: [] });
    }
    /**
     * Stops everything a job started: its guests (xl destroy, a command backend's stop), its
     * process groups, any process still carrying its tag in this host's lock directory, then
     * removes its scratch directories and its record. Safe to call again.
     */
    async cleanJob(tag, record) {
        const rec = record ?? this.readRecord(tag);
        const guests = [];
        for (const g of rec?.guests ?? []) {
            try {
                if (await stopRecordedGuest(g, this.lockDir, tag))
                    guests.push(g.name);
            }
            catch (e) {
                this.logger.warning(`Could not stop guest ${g.name}: ${(0,errors/* errorMessage */.gJ)(e)}`);
            }
        }
        // Our processes carry the tag; a recorded group whose leader is still the same process
        // is signalled whole, which also reaches members that dropped their environment.
        const groups = [...(rec?.groups ?? []), ...(rec?.guests ?? []).flatMap((g) => g.group ?? [])];
        for (const g of groups)
            if (sameProcess(g))
                await killGroup(g.pgid, 1000);
        const tagged = taggedProcesses((p) => p.env[TAG_ENV] === tag && p.env[LOCK_DIR_ENV] === this.lockDir);
        const killed = tagged.length ? await killProcesses(tagged) : [];
        for (const dir of rec?.scratch ?? [])
            (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true });
        (0,external_node_fs_.rmSync)(this.recordFile(tag), { force: true });
        return { killed, guests };
    }
    /** Processes of this host's lock directory tagged by some other job: leftovers of a crash. */
    strayProcesses(tag) {
        return taggedProcesses((p) => p.env[LOCK_DIR_ENV] === this.lockDir && p.env[TAG_ENV] !== tag);
    }
}
/** Stops one recorded guest through its backend; true when there was something to stop. */
async function stopRecordedGuest(g, lockDir, tag) {
    const tagging = { tag, lockDir };
    const run = async (program, args, cwd, env) => {
        const started = spawnTagged(program, args, {
            cwd,
            env,
            logFile: '/dev/null',
            tagging,
        });
        const timer = setTimeout(() => started.pid > 0 && killGroup(started.pid, 500), 60_000);
        const code = await started.exited;
        clearTimeout(timer);
        return code;
    };
    if (g.backend === 'xen' && g.program) {
        // xl list says whether the domain is there; destroy only what exists.
        if ((await run(g.program, ['list', g.name], '/')) !== 0)
            return false;
        await run(g.program, ['destroy', g.name], '/');
        return true;
    }
    if (g.backend === 'command' && g.stop) {
        await run('bash', ['-c', g.stop], (0,external_node_fs_.existsSync)(g.cwd ?? '/') ? (g.cwd ?? '/') : '/', g.env);
        return true;
    }
    if (g.group && sameProcess(g.group)) {
        await killGroup(g.group.pgid);
        return true;
    }
    // Recorded before its process was known: our tag, and its name on the command line.
    const named = taggedProcesses((p) => p.env[TAG_ENV] === tag &&
        p.env[LOCK_DIR_ENV] === lockDir &&
        p.cmdline.some((a) => a === g.name || a.startsWith(`${g.name},`)));
    if (named.length)
        await killProcesses(named);
    return named.length > 0;
}
//# sourceMappingURL=host.js.map
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./build/actions/lib/hypervisor/test-plan.js
/**
 * The test plan: a YAML file in the user's repository listing a job's steps in order. Every
 * field is checked here, before anything runs, and every error names the file, the step and
 * the field. The schema is documented in actions/hypervisor-test/README.md.
 */




const DEFAULT_STEP_TIMEOUT_MS = 10 * 60_000;
const DEFAULT_FIRMWARE = '/usr/share/seabios/bios.bin';
const QEMU_PROGRAM = 'qemu-system-x86_64';
const XL_PROGRAM = 'xl';
const DURATION = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)$/;
const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
/** `90s`, `5m`, `1.5h`, `500ms` → milliseconds; undefined when it is not a duration. */
function parseDuration(value) {
    if (typeof value !== 'string')
        return undefined;
    const m = DURATION.exec(value.trim());
    if (!m)
        return undefined;
    return Math.round(Number(m[1]) * UNIT_MS[m[2]]);
}
function formatDuration(ms) {
    if (ms % 3_600_000 === 0)
        return `${ms / 3_600_000}h`;
    if (ms % 60_000 === 0)
        return `${ms / 60_000}m`;
    if (ms % 1000 === 0)
        return `${ms / 1000}s`;
    return `${ms}ms`;
}
/** The absolute path of a program on PATH, or undefined. */
function findProgram(program, path = process.env.PATH ?? '') {
    const candidates = program.includes('/')
        ? [program]
        : path
            .split(external_node_path_.delimiter)
            .filter(Boolean)
            .map((d) => (0,external_node_path_.join)(d, program));
    for (const c of candidates) {
        try {
            (0,external_node_fs_.accessSync)(c, external_node_fs_.constants.X_OK);
            if ((0,external_node_fs_.statSync)(c).isFile())
                return (0,external_node_path_.resolve)(c);
        }
        catch {
            // not here
        }
    }
    return undefined;
}
class PlanReader {
    source;
    constructor(source) {
        this.source = source;
    }
    fail(where, field, message) {
        const subject = `${this.source}: ${where ? where + ': ' : ''}field '${field}'`;
        throw new errors/* ConfigurationError */.j1(subject, `${subject} ${message}`);
    }
    object(v, where, field) {
        if (typeof v !== 'object' || v === null || Array.isArray(v))
            this.fail(where, field, `must be a mapping, got ${JSON.stringify(v)}`);
        return v;
    }
    only(o, where, field, allowed) {
        for (const k of Object.keys(o)) {
            if (!allowed.includes(k))
                this.fail(where, field ? `${field}.${k}` : k, `is not known; expected one of ${allowed.join(', ')}`);
        }
    }
    string(v, where, field, optional = false) {
        if (v === undefined && optional)
            return undefined;
        if (typeof v !== 'string' || !v.trim())
            this.fail(where, field, `must be a non-empty string, got ${JSON.stringify(v)}`);
        return v;
    }
    integer(v, where, field, min) {
        if (v === undefined)
            return undefined;
        if (typeof v !== 'number' || !Number.isInteger(v) || v < min)
            this.fail(where, field, `must be a whole number >= ${min}, got ${JSON.stringify(v)}`);
        return v;
    }
    boolean(v, where, field) {
        if (v === undefined)
            return undefined;
        if (typeof v !== 'boolean')
            this.fail(where, field, `must be true or false, got ${JSON.stringify(v)}`);
        return v;
    }
    duration(v, where, field) {
        if (v === undefined)
            return undefined;
        const ms = parseDuration(v);
        if (ms === undefined) {
            const negative = typeof v === 'string' && parseDuration(v.trim().replace(/^-/, ''));
            this.fail(where, field, negative
                ? `is '${v}': a timeout must be more than zero`
                : `is ${JSON.stringify(v)}; expected a duration such as 90s, 5m or 1h`);
        }
        if (ms <= 0)
            this.fail(where, field, `is '${v}': a timeout must be more than zero`);
        return ms;
    }
    memory(v, where, field) {
        if (v === undefined)
            return undefined;
        if (typeof v === 'number' && Number.isInteger(v) && v > 0)
            return v;
        const m = typeof v === 'string' ? /^(\d+)\s*([MG])i?B?$/i.exec(v.trim()) : null;
        if (!m || Number(m[1]) <= 0)
            this.fail(where, field, `is ${JSON.stringify(v)}; expected MiB as a number, or 64M, 1G`);
        return Number(m[1]) * (m[2].toUpperCase() === 'G' ? 1024 : 1);
    }
    regex(v, where, field) {
        const s = this.string(v, where, field);
        try {
            return new RegExp(s, 'm');
        }
        catch (e) {
            this.fail(where, field, `is not a valid regular expression: ${e.message}`);
        }
    }
    regexes(v, where, field) {
        if (v === undefined)
            return [];
        const list = Array.isArray(v) ? v : [v];
        return list.map((r, i) => this.regex(r, where, Array.isArray(v) ? `${field}[${i}]` : field));
    }
    stringList(v, where, field) {
        if (v === undefined)
            return [];
        if (!Array.isArray(v))
            this.fail(where, field, `must be a list of strings`);
        return v.map((a, i) => {
            if (typeof a !== 'string' && typeof a !== 'number')
                this.fail(where, `${field}[${i}]`, `must be a string, got ${JSON.stringify(a)}`);
            return String(a);
        });
    }
    /** A file the guest needs: absolute path, and whether it exists now. */
    file(v, where, field, base, pending, canBeBuilt) {
        const s = this.string(v, where, field, true);
        if (s === undefined)
            return undefined;
        const path = (0,external_node_path_.isAbsolute)(s) ? s : (0,external_node_path_.resolve)(base, s);
        if ((0,external_node_fs_.existsSync)(path)) {
            if (!(0,external_node_fs_.statSync)(path).isFile())
                this.fail(where, field, `is '${s}', which is not a file`);
            return path;
        }
        if (!canBeBuilt)
            this.fail(where, field, `is '${s}': no such file (${path}), and no step before this one could build it`);
        pending.push({ field, path });
        return path;
    }
    program(v, fallback, where, field) {
        const name = this.string(v, where, field, true) ?? fallback;
        const found = findProgram(name);
        if (!found)
            this.fail(where, field === 'guest.program' && v === undefined ? 'guest.backend' : field, `needs the program '${name}', which is not installed (not found on PATH)`);
        return found;
    }
}
const STEP_FIELDS = ['name', 'run', 'guest', 'timeout', 'blocks', 'working-directory', 'env'];
const COMMON_GUEST = ['backend', 'pass', 'fail', 'stages'];
const GUEST_FIELDS = {
    qemu: [
        ...COMMON_GUEST,
        'program',
        'accel',
        'firmware',
        'disk',
        'kernel',
        'initrd',
        'cmdline',
        'modules',
        'memory',
        'cpus',
        'args',
        'exit-code',
    ],
    xen: [
        ...COMMON_GUEST,
        'program',
        'type',
        'firmware',
        'disk',
        'kernel',
        'initrd',
        'cmdline',
        'memory',
        'cpus',
        'config',
    ],
    command: [...COMMON_GUEST, 'start', 'stop'],
};
const NAME = /^[\w][\w .:+-]*$/;
/**
 * Step and stage names share one space: both are steps of the job's result. `names` maps each
 * name taken so far to what took it.
 */
function claimName(r, where, field, name, names, what) {
    const taken = names.get(name);
    if (taken)
        r.fail(where, field, `repeats ${taken}; step and stage names are unique (both are steps of the result)`);
    if (!NAME.test(name))
        r.fail(where, field, `is '${name}'; use letters, digits, space and . _ : + -`);
    names.set(name, `${what} '${name}'`);
}
function readStages(r, raw, where, step, names) {
    if (raw === undefined)
        return [];
    if (!Array.isArray(raw) || raw.length === 0)
        r.fail(where, 'guest.stages', 'must be a non-empty list of {name, pass, timeout, fail}');
    return raw.map((item, i) => {
        const field = `guest.stages[${i}]`;
        const o = r.object(item, where, field);
        r.only(o, where, field, ['name', 'pass', 'timeout', 'fail']);
        const name = r.string(o.name, where, `${field}.name`);
        claimName(r, where, `${field}.name`, name, names, `stage of step '${step}'`);
        return {
            name,
            pass: r.regex(o.pass, where, `${field}.pass`),
            fail: r.regexes(o.fail, where, `${field}.fail`),
            timeoutMs: r.duration(o.timeout, where, `${field}.timeout`),
        };
    });
}
/** `modules:` of a multiboot kernel, each `{ path, cmdline }`, checked like every guest file. */
function readModules(r, raw, where, file) {
    if (raw === undefined)
        return [];
    if (!Array.isArray(raw) || raw.length === 0)
        r.fail(where, 'guest.modules', 'must be a non-empty list of {path, cmdline}');
    return raw.map((item, i) => {
        const field = `guest.modules[${i}]`;
        const o = r.object(item, where, field);
        r.only(o, where, field, ['path', 'cmdline']);
        const given = r.string(o.path, where, `${field}.path`);
        // QEMU takes what follows the first space as the module's command line.
        if (/\s/.test(given))
            r.fail(where, `${field}.path`, `is '${given}': QEMU cannot load a module whose path has a space`);
        const cmdline = r.string(o.cmdline, where, `${field}.cmdline`, true);
        if (cmdline !== undefined && /[\n\r]/.test(cmdline))
            r.fail(where, `${field}.cmdline`, 'must be one line');
        return { path: file(given, `${field}.path`), cmdline };
    });
}
function readGuest(r, raw, where, step, names, base, pending, canBeBuilt) {
    const g = r.object(raw, where, 'guest');
    const backend = r.string(g.backend, where, 'guest.backend');
    const allowed = GUEST_FIELDS[backend];
    if (!allowed)
        r.fail(where, 'guest.backend', `is '${backend}'; expected one of ${Object.keys(GUEST_FIELDS).join(', ')}`);
    r.only(g, where, 'guest', allowed);
    const common = {
        pass: g.pass === undefined ? undefined : r.regex(g.pass, where, 'guest.pass'),
        fail: r.regexes(g.fail, where, 'guest.fail'),
        stages: readStages(r, g.stages, where, step, names),
    };
    // With stages, the stages mean pass; `pass` (or exit-code) is then one more check after them.
    const passNeeded = common.stages.length === 0;
    const file = (field) => r.file(g[field], where, `guest.${field}`, base, pending, canBeBuilt);
    const bootFrom = (kind) => {
        if (g.disk === undefined && g.kernel === undefined && kind !== 'command')
            r.fail(where, 'guest.disk', `or 'guest.kernel' is needed: the guest has nothing to boot`);
        if (g.initrd !== undefined && g.kernel === undefined)
            r.fail(where, 'guest.initrd', `needs 'guest.kernel'`);
        if (g.cmdline !== undefined && g.kernel === undefined)
            r.fail(where, 'guest.cmdline', `needs 'guest.kernel'`);
    };
    if (backend === 'qemu') {
        bootFrom(backend);
        const accel = g.accel === undefined ? 'auto' : r.string(g.accel, where, 'guest.accel');
        if (!['auto', 'kvm', 'tcg'].includes(accel))
            r.fail(where, 'guest.accel', `is '${accel}'; expected auto, kvm or tcg`);
        const exitCode = r.integer(g['exit-code'], where, 'guest.exit-code', 0);
        if (exitCode !== undefined && exitCode > 255)
            r.fail(where, 'guest.exit-code', `is ${exitCode}; an exit status is at most 255`);
        if (!common.pass && exitCode === undefined && passNeeded)
            r.fail(where, 'guest.pass', `or 'guest.exit-code' is needed: nothing would mean pass (or give 'guest.stages')`);
        if (g.modules !== undefined && g.kernel === undefined)
            r.fail(where, 'guest.modules', `needs 'guest.kernel' (the multiboot image, such as xen)`);
        if (g.modules !== undefined && g.initrd !== undefined)
            r.fail(where, 'guest.initrd', `cannot go with 'guest.modules': give the initrd as a module`);
        const guest = {
            backend,
            ...common,
            program: r.program(g.program, QEMU_PROGRAM, where, 'guest.program'),
            accel: accel,
            firmware: file('firmware') ?? DEFAULT_FIRMWARE,
            disk: file('disk'),
            kernel: file('kernel'),
            initrd: file('initrd'),
            cmdline: r.string(g.cmdline, where, 'guest.cmdline', true),
            modules: readModules(r, g.modules, where, (v, field) => r.file(v, where, field, base, pending, canBeBuilt)),
            memoryMiB: r.memory(g.memory, where, 'guest.memory') ?? 64,
            cpus: r.integer(g.cpus, where, 'guest.cpus', 1) ?? 1,
            args: r.stringList(g.args, where, 'guest.args'),
            exitCode,
        };
        if (g.firmware === undefined && !(0,external_node_fs_.existsSync)(DEFAULT_FIRMWARE))
            r.fail(where, 'guest.firmware', `is not set and the system's SeaBIOS (${DEFAULT_FIRMWARE}) is not installed`);
        return guest;
    }
    if (backend === 'xen') {
        bootFrom(backend);
        if (!common.pass && passNeeded)
            r.fail(where, 'guest.pass', `is needed: nothing would mean pass (or give 'guest.stages')`);
        const type = g.type === undefined ? 'hvm' : r.string(g.type, where, 'guest.type');
        if (!['hvm', 'pvh', 'pv'].includes(type))
            r.fail(where, 'guest.type', `is '${type}'; expected hvm, pvh or pv`);
        const config = {};
        if (g.config !== undefined) {
            const c = r.object(g.config, where, 'guest.config');
            for (const [k, v] of Object.entries(c)) {
                if (!/^[a-z_][a-z0-9_]*$/.test(k))
                    r.fail(where, `guest.config.${k}`, `is not an xl configuration key`);
                if (Array.isArray(v))
                    config[k] = r.stringList(v, where, `guest.config.${k}`);
                else if (['string', 'number', 'boolean'].includes(typeof v))
                    config[k] = v;
                else
                    r.fail(where, `guest.config.${k}`, `must be a string, number, boolean or list`);
            }
        }
        return {
            backend,
            ...common,
            program: r.program(g.program, XL_PROGRAM, where, 'guest.program'),
            type: type,
            memoryMiB: r.memory(g.memory, where, 'guest.memory') ?? 128,
            cpus: r.integer(g.cpus, where, 'guest.cpus', 1) ?? 1,
            firmware: file('firmware'),
            disk: file('disk'),
            kernel: file('kernel'),
            initrd: file('initrd'),
            cmdline: r.string(g.cmdline, where, 'guest.cmdline', true),
            config,
        };
    }
    if (!common.pass && passNeeded)
        r.fail(where, 'guest.pass', `is needed: nothing would mean pass (or give 'guest.stages')`);
    return {
        backend: 'command',
        ...common,
        start: r.string(g.start, where, 'guest.start'),
        stop: r.string(g.stop, where, 'guest.stop', true),
    };
}
/**
 * Parses and checks a plan. `workDir` is the job's work directory: relative paths in the plan
 * (trees, files, working directories) are resolved against it.
 */
function parsePlan(text, source, workDir) {
    const doc = (0,dist/* parseDocument */.Tp)(text, { prettyErrors: true, uniqueKeys: true });
    if (doc.errors.length) {
        const e = doc.errors[0];
        throw new errors/* ConfigurationError */.j1(source, `${source}: not valid YAML: ${e.message}`);
    }
    const r = new PlanReader(source);
    const top = r.object(doc.toJS(), '', '(top level)');
    r.only(top, '', '', ['job', 'timeout', 'trees', 'steps']);
    const plan = {
        source,
        job: r.string(top.job, '', 'job', true),
        timeoutMs: r.duration(top.timeout, '', 'timeout'),
        trees: [],
        steps: [],
    };
    if (top.trees !== undefined) {
        const list = top.trees;
        if (!Array.isArray(list))
            r.fail('', 'trees', 'must be a list of {name, path}');
        const names = new Set();
        plan.trees = list.map((raw, i) => {
            const where = `trees[${i}]`;
            const t = r.object(raw, where, '(tree)');
            r.only(t, where, '', ['name', 'path', 'url']);
            const name = r.string(t.name, where, 'name');
            if (names.has(name))
                r.fail(where, 'name', `repeats tree '${name}'`);
            names.add(name);
            const path = (0,external_node_path_.resolve)(workDir, r.string(t.path ?? '.', where, 'path'));
            if (!(0,external_node_fs_.existsSync)(path))
                r.fail(where, 'path', `is '${String(t.path)}': no such directory`);
            return { name, path, url: r.string(t.url, where, 'url', true) };
        });
    }
    const steps = top.steps;
    if (!Array.isArray(steps) || steps.length === 0)
        r.fail('', 'steps', 'must be a non-empty list of steps');
    const names = new Map();
    let canBeBuilt = false;
    for (const [i, raw] of steps.entries()) {
        const s = r.object(raw, `steps[${i}]`, '(step)');
        const name = r.string(s.name, `steps[${i}]`, 'name');
        const where = `step '${name}' (steps[${i}])`;
        claimName(r, where, 'name', name, names, 'step');
        r.only(s, where, '', STEP_FIELDS);
        if (s.run === undefined && s.guest === undefined)
            r.fail(where, 'run', `or 'guest' is needed: a step is a shell command or a guest to boot`);
        if (s.run !== undefined && s.guest !== undefined)
            r.fail(where, 'guest', `cannot go with 'run': a step is one or the other`);
        const wd = r.string(s['working-directory'], where, 'working-directory', true);
        const workingDirectory = wd ? (0,external_node_path_.resolve)(workDir, wd) : workDir;
        if (wd && !(0,external_node_fs_.existsSync)(workingDirectory) && !canBeBuilt)
            r.fail(where, 'working-directory', `is '${wd}': no such directory`);
        const env = {};
        if (s.env !== undefined) {
            for (const [k, v] of Object.entries(r.object(s.env, where, 'env'))) {
                if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(k))
                    r.fail(where, `env.${k}`, `is not a valid environment variable name`);
                if (!['string', 'number', 'boolean'].includes(typeof v))
                    r.fail(where, `env.${k}`, `must be a string`);
                env[k] = String(v);
            }
        }
        const common = {
            name,
            timeoutMs: r.duration(s.timeout, where, 'timeout') ?? DEFAULT_STEP_TIMEOUT_MS,
            blocks: r.boolean(s.blocks, where, 'blocks') ?? true,
            workingDirectory,
            env,
        };
        if (s.run !== undefined) {
            plan.steps.push({ kind: 'run', ...common, run: r.string(s.run, where, 'run') });
            canBeBuilt = true;
        }
        else {
            const pendingFiles = [];
            const guest = readGuest(r, s.guest, where, name, names, workingDirectory, pendingFiles, canBeBuilt);
            plan.steps.push({ kind: 'guest', ...common, guest, pendingFiles });
        }
    }
    return plan;
}
/** The plan step a step of the result belongs to: the step of that name, or the guest step of that stage. */
function stepOf(plan, resultStep) {
    return plan.steps.find((s) => s.name === resultStep ||
        (s.kind === 'guest' && s.guest.stages.some((st) => st.name === resultStep)));
}
//# sourceMappingURL=test-plan.js.map
// EXTERNAL MODULE: external "node:string_decoder"
var external_node_string_decoder_ = __webpack_require__(6193);
;// CONCATENATED MODULE: ./build/actions/lib/hypervisor/live-output.js
/**
 * Live output: while a step runs, the new lines of its log files (a command's output, a guest's
 * console and its backend's messages) go to the logger's `output`, inside the step's log group,
 * so a four-hour build is not an empty group until it ends. The files stay the record; the
 * processes keep writing to them, never to a pipe the job could break by dying.
 */


const POLL_MS = 200;
/** Read per file and poll at most, so a flood is shown in pieces and memory stays bounded. */
const CHUNK = 1 << 20;
/** A line longer than this is shown in pieces rather than held back. */
const LONGEST_LINE = 64 * 1024;
class Follower {
    file;
    offset = 0;
    decoder = new external_node_string_decoder_.StringDecoder('utf8');
    partial = '';
    constructor(file) {
        this.file = file;
    }
    /** The whole lines the file gained (and, at the end, its unfinished last line). */
    take(final) {
        const lines = [];
        for (;;) {
            const text = this.read();
            if (text === undefined)
                break;
            const parts = (this.partial + text).split('\n');
            this.partial = parts.pop();
            lines.push(...parts);
            if (!final)
                break;
        }
        if (final)
            this.partial += this.decoder.end();
        if (final || this.partial.length > LONGEST_LINE) {
            if (this.partial)
                lines.push(this.partial);
            this.partial = '';
        }
        const prefix = this.file.prefix ?? '';
        return lines.map((l) => prefix + l.replace(/\r/g, ''));
    }
    /** Up to CHUNK new bytes as text, or undefined when the file has nothing new (or is not there yet). */
    read() {
        let fd;
        try {
            fd = (0,external_node_fs_.openSync)(this.file.path, 'r');
        }
        catch {
            return undefined;
        }
        try {
            const size = (0,external_node_fs_.fstatSync)(fd).size;
            if (size <= this.offset)
                return undefined;
            const buf = Buffer.alloc(Math.min(size - this.offset, CHUNK));
            const n = (0,external_node_fs_.readSync)(fd, buf, 0, buf.length, this.offset);
            if (n === 0)
                return undefined;
            this.offset += n;
            return this.decoder.write(buf.subarray(0, n));
        }
        finally {
            (0,external_node_fs_.closeSync)(fd);
        }
    }
}
/**
 * Runs `fn` with the files followed, and shows what is left of them once it ends. Nothing is
 * followed when the logger shows no output.
 */
async function withLiveOutput(logger, files, fn) {
    const show = logger.output?.bind(logger);
    if (!show)
        return fn();
    const followers = files.map((f) => new Follower(f));
    const poll = (final) => {
        for (const f of followers) {
            const lines = f.take(final);
            if (lines.length)
                show(lines.join('\n'));
        }
    };
    const timer = setInterval(() => poll(false), POLL_MS);
    try {
        return await fn();
    }
    finally {
        clearInterval(timer);
        poll(true);
    }
}
//# sourceMappingURL=live-output.js.map
;// CONCATENATED MODULE: ./build/actions/lib/hypervisor/backends.js
/**
 * Guest backends: how a guest is started and stopped on each kind of host. A backend only
 * starts and stops; watching the console and deciding pass or fail is the same for all of
 * them (guest.ts).
 */




/** Whether /dev/kvm can be opened for reading and writing, which is what QEMU needs. */
function kvmUsable(device = '/dev/kvm') {
    try {
        (0,external_node_fs_.closeSync)((0,external_node_fs_.openSync)(device, 'r+'));
        return true;
    }
    catch {
        return false;
    }
}
// QEMU's option syntax splits on commas; a comma in a value is written twice.
const qemuValue = (s) => s.replace(/,/g, ',,');
/**
 * QEMU's `-initrd` for a multiboot kernel: one module a comma, a module's path then a space
 * then its command line; a comma inside either is written twice. `-kernel` and `-append` are
 * taken as they are.
 */
function multibootModules(modules) {
    return modules
        .map((m) => qemuValue(m.cmdline === undefined ? m.path : `${m.path} ${m.cmdline}`))
        .join(',');
}
/** The QEMU command line for a guest; exported so the benchmark starts the very same guest by hand. */
function qemuArguments(g, ctx, kvm = kvmUsable()) {
    const accel = g.accel === 'tcg' || (g.accel === 'auto' && !kvm)
        ? ['-accel', 'tcg']
        : g.accel === 'kvm'
            ? ['-accel', 'kvm']
            : // auto with a usable /dev/kvm: QEMU falls back to TCG by itself if KVM cannot start.
                ['-accel', 'kvm', '-accel', 'tcg'];
    const args = [
        '-name',
        qemuValue(ctx.name),
        ...accel,
        '-nodefaults',
        '-m',
        String(g.memoryMiB),
        '-smp',
        String(g.cpus),
        '-bios',
        g.firmware,
        '-serial',
        `file:${ctx.consoleLog}`,
        '-display',
        'none',
        '-no-reboot',
        '-device',
        'isa-debug-exit,iobase=0xf4,iosize=0x04',
        '-pidfile',
        (0,external_node_path_.join)(ctx.scratch, `${ctx.name}.pid`),
    ];
    if (g.disk)
        args.push('-drive', `file=${qemuValue(g.disk)},format=raw`);
    if (g.kernel)
        args.push('-kernel', g.kernel);
    if (g.modules.length)
        args.push('-initrd', multibootModules(g.modules));
    else if (g.initrd)
        args.push('-initrd', g.initrd);
    if (g.cmdline)
        args.push('-append', g.cmdline);
    args.push(...g.args);
    return args;
}
async function startQemu(g, ctx) {
    const kvm = kvmUsable();
    const args = qemuArguments(g, ctx, kvm);
    ctx.logger.info(`Starting guest ${ctx.name}: ${g.program} with ${g.accel === 'auto' ? (kvm ? 'KVM (TCG if KVM fails)' : 'TCG (/dev/kvm not usable)') : g.accel.toUpperCase()}`);
    (0,external_node_fs_.writeFileSync)(ctx.backendLog, `${g.program} ${args.join(' ')}\n`, { flag: 'a' });
    // Recorded before it starts: a crash right after the spawn still leaves its name behind.
    ctx.record({ backend: 'qemu', name: ctx.name });
    const p = spawnTagged(g.program, args, {
        cwd: ctx.workDir,
        logFile: ctx.backendLog,
        tagging: ctx.tagging,
    });
    if (p.pid > 0)
        ctx.record({ backend: 'qemu', name: ctx.name, group: groupRef(p.pid) });
    return {
        ended: p.exited.then((code) => ({ code, how: `QEMU exited with status ${code}` })),
        stop: async () => {
            if (p.child.exitCode === null && p.child.signalCode === null && p.pid > 0)
                await killGroup(p.pid, 2000);
            await p.exited;
        },
    };
}
/** An xl configuration file for the guest (see xl.cfg(5)). */
function xlConfig(g, ctx) {
    const q = (v) => Array.isArray(v)
        ? `[ ${v.map((x) => q(x)).join(', ')} ]`
        : typeof v === 'string'
            ? JSON.stringify(v)
            : typeof v === 'boolean'
                ? v
                    ? '1'
                    : '0'
                : String(v);
    const cfg = {
        name: ctx.name,
        type: g.type,
        memory: g.memoryMiB,
        vcpus: g.cpus,
        on_poweroff: 'destroy',
        on_reboot: 'destroy',
        on_crash: 'destroy',
    };
    if (g.type === 'hvm') {
        cfg.serial = `file:${ctx.consoleLog}`;
        if (g.firmware) {
            cfg.bios = 'seabios';
            cfg.bios_path_override = g.firmware;
        }
    }
    else if (g.firmware)
        cfg.firmware = g.firmware;
    if (g.disk)
        cfg.disk = [
            `format=raw, vdev=${g.type === 'hvm' ? 'hda' : 'xvda'}, access=rw, target=${g.disk}`,
        ];
    if (g.kernel)
        cfg.kernel = g.kernel;
    if (g.initrd)
        cfg.ramdisk = g.initrd;
    if (g.cmdline)
        cfg.cmdline = g.cmdline;
    Object.assign(cfg, g.config);
    return (`# written by tributary hypervisor-test for ${ctx.name}\n` +
        Object.entries(cfg)
            .map(([k, v]) => `${k} = ${q(v)}`)
            .join('\n') +
        '\n');
}
const backends_sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function startXen(g, ctx) {
    const cfgFile = (0,external_node_path_.join)(ctx.scratch, `${ctx.name}.cfg`);
    (0,external_node_fs_.writeFileSync)(cfgFile, xlConfig(g, ctx));
    (0,external_node_fs_.writeFileSync)(ctx.consoleLog, '');
    const xl = (args) => spawnTagged(g.program, args, {
        cwd: ctx.workDir,
        logFile: ctx.backendLog,
        tagging: ctx.tagging,
    }).exited;
    ctx.record({ backend: 'xen', name: ctx.name, program: g.program });
    ctx.logger.info(`Starting guest ${ctx.name}: ${g.program} create ${cfgFile}`);
    (0,external_node_fs_.writeFileSync)(ctx.backendLog, `${g.program} create ${cfgFile}\n`, { flag: 'a' });
    const created = await xl(['create', cfgFile]);
    let stopped = false;
    const ended = (async () => {
        if (created !== 0)
            return { code: created, how: `xl create exited with status ${created}` };
        // xl list <name> fails once the domain is gone (it shut down, crashed, was destroyed).
        for (;;) {
            await backends_sleep(500);
            if (stopped)
                return { how: 'stopped' };
            if ((await xl(['list', ctx.name])) !== 0)
                return { how: 'the domain is gone (xl list)' };
        }
    })();
    return {
        ended,
        stop: async () => {
            stopped = true;
            if (created === 0 && (await xl(['list', ctx.name])) === 0)
                await xl(['destroy', ctx.name]);
        },
    };
}
async function startCommand(g, ctx) {
    const env = {
        TRIBUTARY_GUEST: ctx.name,
        TRIBUTARY_CONSOLE: ctx.consoleLog,
    };
    (0,external_node_fs_.writeFileSync)(ctx.consoleLog, '');
    ctx.logger.info(`Starting guest ${ctx.name}: bash -c ${JSON.stringify(g.start)}`);
    ctx.record({ backend: 'command', name: ctx.name, stop: g.stop, cwd: ctx.workDir, env });
    // The start command's output is the console unless it writes the console itself.
    const p = spawnTagged('bash', ['-c', g.start], {
        cwd: ctx.workDir,
        env,
        logFile: ctx.consoleLog,
        tagging: ctx.tagging,
    });
    if (p.pid > 0)
        ctx.record({
            backend: 'command',
            name: ctx.name,
            group: groupRef(p.pid),
            stop: g.stop,
            cwd: ctx.workDir,
            env,
        });
    // A start command that returns 0 has started the guest in the background: it is not the end.
    const ended = p.exited.then((code) => code === 0
        ? new Promise(() => { })
        : { code, how: `the start command exited with status ${code}` });
    return {
        ended,
        stop: async () => {
            if (p.child.exitCode === null && p.pid > 0)
                await killGroup(p.pid, 2000);
            if (g.stop) {
                const s = spawnTagged('bash', ['-c', g.stop], {
                    cwd: ctx.workDir,
                    env,
                    logFile: ctx.backendLog,
                    tagging: ctx.tagging,
                });
                const timer = setTimeout(() => s.pid > 0 && killGroup(s.pid, 500), 60_000);
                await s.exited;
                clearTimeout(timer);
            }
        },
    };
}
function startGuest(g, ctx) {
    switch (g.backend) {
        case 'qemu':
            return startQemu(g, ctx);
        case 'xen':
            return startXen(g, ctx);
        case 'command':
            return startCommand(g, ctx);
    }
}
//# sourceMappingURL=backends.js.map
;// CONCATENATED MODULE: ./build/actions/lib/hypervisor/guest.js
/**
 * A guest step: start the guest, watch its serial console for its stages and its pass and fail
 * patterns, take its exit status (the isa-debug-exit device) when it leaves, and stop it,
 * whatever happened: pass, fail, timeout or cancellation.
 */




/** How much of a console is kept in memory for tails; the file has it all. */
const KEEP = 1 << 20;
/**
 * Reads what a growing console file gained since the last call. Patterns are matched against
 * the unscanned part only (from the start of the last line seen, which may have been
 * incomplete), so a long, chatty boot costs no more per poll than a short one.
 */
class ConsoleReader {
    path;
    offset = 0;
    decoder = new external_node_string_decoder_.StringDecoder('utf8');
    scannedTo = 0;
    /** The console's last part (up to 1 MiB), carriage returns removed. */
    text = '';
    constructor(path) {
        this.path = path;
    }
    poll() {
        if (!(0,external_node_fs_.existsSync)(this.path))
            return;
        const fd = (0,external_node_fs_.openSync)(this.path, 'r');
        try {
            const size = (0,external_node_fs_.fstatSync)(fd).size;
            if (size <= this.offset)
                return;
            const buf = Buffer.alloc(size - this.offset);
            const n = (0,external_node_fs_.readSync)(fd, buf, 0, buf.length, this.offset);
            this.offset += n;
            this.text += this.decoder.write(buf.subarray(0, n)).replace(/\r/g, '');
            if (this.text.length > KEEP) {
                const drop = this.text.length - KEEP;
                this.text = this.text.slice(drop);
                this.scannedTo = Math.max(0, this.scannedTo - drop);
            }
        }
        finally {
            (0,external_node_fs_.closeSync)(fd);
        }
    }
    /** The text not matched yet. */
    unscanned() {
        return this.text.slice(this.scannedTo);
    }
    /**
     * Everything up to the last line break is matched; the line after it may still grow, and is
     * read again unless `consumed` (counted from the unscanned text's start) says it decided
     * something already.
     */
    scanned(consumed = 0) {
        this.scannedTo = Math.max(this.text.lastIndexOf('\n') + 1, this.scannedTo + consumed);
    }
    /** The last lines of the console, for annotations. */
    tail(lines = 10) {
        this.poll();
        return this.text.trimEnd().split('\n').slice(-lines).join('\n');
    }
}
/** The first match of `re` in `text` from `from` (a line's start, so `^` holds there). */
function matchFrom(text, from, re) {
    const m = re.exec(text.slice(from));
    if (!m)
        return undefined;
    const index = from + m.index;
    const start = text.lastIndexOf('\n', index) + 1;
    const nl = text.indexOf('\n', index);
    return {
        line: text.slice(Math.max(start, from), nl < 0 ? undefined : nl).trim(),
        index,
        end: nl < 0 ? text.length : nl + 1,
    };
}
function earliest(text, from, res) {
    let first;
    for (const re of res) {
        const m = matchFrom(text, from, re);
        if (m && (!first || m.index < first.index))
            first = m;
    }
    return first;
}
/** Whether a guest checks anything of its own (a pass pattern, an exit status) after its stages. */
function hasOwnCheck(g) {
    return g.pass !== undefined || (g.backend === 'qemu' && g.exitCode !== undefined);
}
/**
 * Decides a guest step from what its console says, in order: its stages one after the other
 * (each within its timeout, from the end of the one before), then its own pass pattern and
 * exit status, if it has them; a fail pattern ends it at whatever it was waiting for. Fed text
 * and times, it starts and reads nothing itself.
 */
class ConsoleWatch {
    step;
    startedAt;
    current = 0;
    stageStart;
    passedAt;
    /** The stages passed so far, in order. */
    passed = [];
    constructor(step, startedAt) {
        this.step = step;
        this.startedAt = startedAt;
        this.stageStart = startedAt;
    }
    get stages() {
        return this.step.guest.stages;
    }
    get wantsExit() {
        const g = this.step.guest;
        return g.backend === 'qemu' && g.exitCode !== undefined;
    }
    get ownCheck() {
        return hasOwnCheck(this.step.guest);
    }
    /**
     * Reads console text not seen before (starting at a line's start). Returns the outcome once
     * the step is decided, and how far the text was read: a line that decided something is not
     * read again when more of it arrives.
     */
    scan(text, now) {
        const g = this.step.guest;
        let pos = 0;
        for (;;) {
            const stage = this.stages[this.current];
            const failed = earliest(text, pos, stage ? [...g.fail, ...stage.fail] : g.fail);
            const want = stage ? stage.pass : this.passedAt === undefined ? g.pass : undefined;
            const passed = want && matchFrom(text, pos, want);
            if (failed && (!passed || failed.index <= passed.index))
                return {
                    outcome: this.finish('fail', `console: ${failed.line}`, now),
                    consumed: failed.end,
                };
            if (!passed)
                return { consumed: pos };
            pos = passed.end;
            if (stage) {
                this.passed.push({
                    name: stage.name,
                    status: 'pass',
                    message: `console: ${passed.line}`,
                    durationMs: now - this.stageStart,
                });
                this.current++;
                this.stageStart = now;
                if (this.current === this.stages.length && !this.ownCheck)
                    return {
                        outcome: this.finish('pass', `all ${this.stages.length} stages passed`, now),
                        consumed: pos,
                    };
                continue;
            }
            this.passedAt = passed.line;
            if (!this.wantsExit)
                return { outcome: this.finish('pass', `console: ${passed.line}`, now), consumed: pos };
        }
    }
    /** The guest is gone by itself (its console read to the end first). */
    ended(finished, now) {
        const g = this.step.guest;
        const note = debugExitNote(finished.code);
        const stage = this.stages[this.current];
        if (stage)
            return this.finish('fail', `${finished.how}; expected a console line matching /${stage.pass.source}/${note}`, now);
        const wantsExit = g.backend === 'qemu' && g.exitCode !== undefined;
        if (wantsExit && finished.code === g.exitCode && (!g.pass || this.passedAt !== undefined))
            return this.finish('pass', `guest left with status ${finished.code}${this.passedAt ? `; console: ${this.passedAt}` : ''}`, now);
        const expected = wantsExit
            ? `status ${g.exitCode}${g.pass && this.passedAt === undefined ? ` and a console line matching /${g.pass.source}/` : ''}`
            : `a console line matching /${g.pass.source}/`;
        return this.finish('fail', `${finished.how}; expected ${expected}${note}`, now);
    }
    /** When what the step waits for runs out of time: the current stage's timeout, or the step's. */
    deadline() {
        const stepEnd = this.startedAt + this.step.timeoutMs;
        const t = this.stages[this.current]?.timeoutMs;
        return t === undefined ? stepEnd : Math.min(stepEnd, this.stageStart + t);
    }
    timedOut(now) {
        const stage = this.stages[this.current];
        if (!stage)
            return this.finish('fail', `timed out after ${formatDuration(this.step.timeoutMs)}; guest stopped`, now);
        const stepEnd = this.startedAt + this.step.timeoutMs;
        const own = stage.timeoutMs !== undefined && this.stageStart + stage.timeoutMs <= stepEnd;
        const after = own
            ? `timed out after ${formatDuration(stage.timeoutMs)}`
            : `the step timed out after ${formatDuration(this.step.timeoutMs)}`;
        return this.finish('fail', `${after} waiting for /${stage.pass.source}/; guest stopped`, now);
    }
    interrupted(reason, now) {
        return { ...this.finish('fail', `${reason}; guest stopped`, now), interrupted: true };
    }
    /** The step's outcome: with stages, the one it ended in is named, and those after it blocked. */
    finish(status, message, now) {
        if (!this.stages.length)
            return { status, message };
        const stage = this.stages[this.current];
        if (!stage)
            return { status, message, stages: [...this.passed] };
        const stages = [
            ...this.passed,
            { name: stage.name, status, message, durationMs: now - this.stageStart },
            ...this.stages.slice(this.current + 1).map((s) => ({
                name: s.name,
                status: 'blocked',
                message: 'a stage before it failed',
            })),
        ];
        return { status, message: `stage '${stage.name}': ${message}`, stages };
    }
}
/** The stage a guest step failed in, if it has stages. */
function failedStage(outcome) {
    return outcome.stages?.find((s) => s.status === 'fail')?.name;
}
/**
 * The steps of the result a guest step stands for: one per stage (named after it, sharing the
 * step's console log), then the step itself when it checks something of its own after them. A
 * step that never watched its stages (blocked, or failed before its guest started) puts its
 * status on the first stage and blocks the others, so every flight has the same steps.
 */
function stageResults(report, step, stages) {
    if (step.kind !== 'guest' || !step.guest.stages.length)
        return [report];
    const outcomes = stages ??
        step.guest.stages.map((s, i) => {
            const first = i === 0 || report.status === 'blocked';
            return {
                name: s.name,
                status: first ? report.status : 'blocked',
                message: first ? (report.message ?? '') : 'a stage before it failed',
            };
        });
    const results = outcomes.map((s) => {
        const r = { ...report, name: s.name, status: s.status, message: s.message };
        if (s.durationMs === undefined)
            delete r.durationMs;
        else
            r.durationMs = s.durationMs;
        if (s.status !== 'fail')
            delete r.consoleTail;
        return r;
    });
    if (!hasOwnCheck(step.guest))
        return results;
    const stageFailed = outcomes.some((s) => s.status !== 'pass');
    const own = { ...report };
    if (stageFailed && report.status !== 'blocked') {
        own.status = 'blocked';
        own.message = 'a stage before it failed';
        delete own.consoleTail;
    }
    return [...results, own];
}
const guest_POLL_MS = 50;
async function runGuestStep(step, ctx, signal) {
    const missing = step.pendingFiles.filter((f) => !(0,external_node_fs_.existsSync)(f.path));
    if (missing.length) {
        return {
            status: 'fail',
            message: missing
                .map((f) => `${f.field} '${f.path}' does not exist: the steps before did not build it`)
                .join('; '),
        };
    }
    const g = step.guest;
    const console = new ConsoleReader(ctx.consoleLog);
    const guest = await startGuest(g, ctx);
    let ended;
    const gone = guest.ended.then((e) => (ended = e));
    const watch = new ConsoleWatch(step, Date.now());
    try {
        for (;;) {
            // The console is read once more after the guest ended: its last words decide.
            const finished = ended;
            console.poll();
            const told = watch.passed.length;
            const seen = watch.scan(console.unscanned(), Date.now());
            console.scanned(seen.consumed);
            for (const s of watch.passed.slice(told))
                ctx.logger.info(`Stage '${s.name}' passed after ${((s.durationMs ?? 0) / 1000).toFixed(1)} s: ${s.message}`);
            if (seen.outcome) {
                if (seen.outcome.status === 'fail')
                    await settle(ctx.consoleLog);
                return seen.outcome;
            }
            if (finished)
                return watch.ended(finished, Date.now());
            if (signal.aborted)
                return watch.interrupted(abortReason(signal), Date.now());
            if (Date.now() >= watch.deadline())
                return watch.timedOut(Date.now());
            // Wake at once when the guest leaves, so its exit is not noticed a poll late.
            let timer;
            await Promise.race([gone, new Promise((r) => (timer = setTimeout(r, guest_POLL_MS)))]);
            clearTimeout(timer);
        }
    }
    finally {
        await guest.stop();
    }
}
/**
 * A fail pattern often matches the first line of a report (Xen's panic banner, an oops): the
 * guest gets a moment to write the rest before it is stopped, so the console shows why.
 */
async function settle(file, quietMs = 300, maxMs = 2000) {
    const size = () => ((0,external_node_fs_.existsSync)(file) ? (0,external_node_fs_.statSync)(file).size : 0);
    const until = Date.now() + maxMs;
    let last = size();
    let since = Date.now();
    while (Date.now() < until && Date.now() - since < quietMs) {
        await new Promise((r) => setTimeout(r, 50));
        const now = size();
        if (now !== last) {
            last = now;
            since = Date.now();
        }
    }
}
function debugExitNote(code) {
    // isa-debug-exit makes QEMU exit with (value << 1) | 1: say which value the guest wrote.
    return code !== undefined && code % 2 === 1 && code > 1
        ? ` (the guest wrote 0x${(code >> 1).toString(16)} to isa-debug-exit)`
        : '';
}
function abortReason(signal) {
    const r = signal.reason;
    return typeof r === 'string' ? r : r instanceof Error ? r.message : 'cancelled';
}
//# sourceMappingURL=guest.js.map
;// CONCATENATED MODULE: ./build/actions/lib/hypervisor/job.js
/**
 * The hypervisor test job: check the lock folder and the plan, take the host, clean what a
 * crashed job left, run the steps in order (each one's output shown live; later steps blocked
 * after a blocking failure), write the job's result file (tributary.job/v1, the push gate's
 * format) and a JUnit file, and leave the host as it was found, even when cancelled.
 */












/** Names of log files: the step's position and name, in characters any file system takes. */
function logName(index, name, suffix) {
    return `${String(index + 1).padStart(2, '0')}-${name.replace(/[^\w.-]+/g, '-')}${suffix}`;
}
/** Reads and checks the plan and the trees' revisions: everything that can be refused up front. */
async function loadPlan(settings, logger) {
    const workDir = (0,external_node_path_.resolve)(settings.workDir);
    if (!(0,external_node_fs_.existsSync)(workDir))
        throw new errors/* ConfigurationError */.j1('working-directory', `The work directory ${workDir} does not exist`);
    const planPath = (0,external_node_path_.resolve)(workDir, settings.planFile);
    if (!(0,external_node_fs_.existsSync)(planPath))
        throw new errors/* ConfigurationError */.j1('plan', `The test plan '${settings.planFile}' does not exist (${planPath})`);
    const source = (0,external_node_path_.relative)(workDir, planPath).startsWith('..')
        ? planPath
        : (0,external_node_path_.relative)(workDir, planPath);
    const plan = parsePlan((0,external_node_fs_.readFileSync)(planPath, 'utf8'), source, workDir);
    const trees = [];
    for (const [i, t] of plan.trees.entries()) {
        const head = await new git/* Git */.TU({ cwd: t.path, logger }).checkedOut();
        const revision = head?.commit;
        const ref = head?.ref;
        if (!revision)
            throw new errors/* ConfigurationError */.j1(`${source}: trees[${i}].path`, `${source}: trees[${i}]: field 'path' is '${(0,external_node_path_.relative)(workDir, t.path) || '.'}', which is not a git work tree with a commit`);
        const tree = { name: t.name, revision };
        if (ref?.startsWith('refs/'))
            tree.ref = ref;
        if (t.url)
            tree.url = t.url;
        trees.push(tree);
    }
    return { plan, trees };
}
async function runShellStep(step, logFile, tagging, record, signal) {
    (0,external_node_fs_.mkdirSync)(step.workingDirectory, { recursive: true });
    (0,external_node_fs_.writeFileSync)(logFile, `$ ${step.run}\n`);
    const p = spawnTagged('bash', ['-c', step.run], {
        cwd: step.workingDirectory,
        env: step.env,
        logFile,
        tagging,
    });
    if (p.pid > 0)
        record(p.pid);
    let why;
    const stop = (reason) => {
        why ??= reason;
        if (p.pid > 0)
            void killGroup(p.pid, 2000);
    };
    const timer = setTimeout(() => stop('timeout'), step.timeoutMs);
    const onAbort = () => stop('abort');
    signal.addEventListener('abort', onAbort);
    if (signal.aborted)
        onAbort();
    try {
        const code = await p.exited;
        if (why === 'timeout')
            return {
                status: 'fail',
                message: `timed out after ${formatDuration(step.timeoutMs)}; killed`,
            };
        if (why === 'abort')
            return { status: 'fail', message: `${abortReason(signal)}; killed`, interrupted: true };
        return code === 0
            ? { status: 'pass', message: 'exited with status 0' }
            : { status: 'fail', message: `exited with status ${code}` };
    }
    finally {
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
    }
}
function tailOf(file, lines = 10) {
    return new ConsoleReader(file).tail(lines);
}
/**
 * Runs one step, its log files shown live as they grow, and fills in where its logs are. An
 * error of the harness itself fails the step, never the job.
 */
async function runStep(step, index, report, ctx, signal) {
    const { host, record } = ctx;
    try {
        if (step.kind === 'run') {
            const logPath = (report.logPath = (0,external_node_path_.join)(ctx.logDir, logName(index, step.name, '.log')));
            const remember = (pgid) => {
                record.groups.push(groupRef(pgid));
                host.writeRecord(record);
            };
            return await withLiveOutput(ctx.logger, [{ path: logPath }], () => runShellStep(step, logPath, ctx.tagging, remember, signal));
        }
        const name = `tributary-${ctx.tagging.tag}-${++ctx.guests}`;
        const consoleLog = (report.logPath = (0,external_node_path_.join)(ctx.logDir, logName(index, step.name, '.console.log')));
        const backendLog = (report.backendLogPath = (0,external_node_path_.join)(ctx.logDir, logName(index, step.name, '.log')));
        (0,external_node_fs_.writeFileSync)(consoleLog, '');
        (0,external_node_fs_.writeFileSync)(backendLog, '');
        const files = [{ path: consoleLog }, { path: backendLog, prefix: `${step.guest.backend}: ` }];
        const o = await withLiveOutput(ctx.logger, files, () => runGuestStep(step, {
            name,
            consoleLog,
            backendLog,
            scratch: ctx.scratch,
            workDir: step.workingDirectory,
            tagging: ctx.tagging,
            // Called before the guest starts, and again once its process is known.
            record: (g) => {
                record.guests = [...record.guests.filter((x) => x.name !== g.name), g];
                host.writeRecord(record);
            },
            logger: ctx.logger,
        }, signal));
        // Stopped by the step itself: nothing left for a later cleanup to stop.
        record.guests = record.guests.filter((g) => g.name !== name);
        host.writeRecord(record);
        return o;
    }
    catch (e) {
        return { status: 'fail', message: `harness error: ${(0,errors/* errorMessage */.gJ)(e)}` };
    }
}
/** Says why a step failed, with the last lines of its console (or of its backend's log). */
function reportFailure(logger, job, step, outcome, report, outputDir) {
    // The console's last lines; when the guest said nothing, its backend's (QEMU's error).
    let tailFrom = report.logPath;
    if (report.logPath)
        report.consoleTail = tailOf(report.logPath);
    if (!report.consoleTail && report.backendLogPath) {
        tailFrom = report.backendLogPath;
        report.consoleTail = tailOf(report.backendLogPath);
    }
    logger.error(`Step '${step.name}' failed: ${outcome.message}` +
        (report.consoleTail
            ? `\nLast lines of ${(0,external_node_path_.relative)(outputDir, tailFrom)}:\n${report.consoleTail}`
            : ''), { title: `${job}: step ${failedStage(outcome) ?? step.name} failed` });
}
/**
 * Runs `body` with a signal that aborts on the caller's cancellation or when the plan's own
 * timeout ends the job (as a cancellation does).
 */
async function withJobTimeout(plan, signal, body) {
    const jobAbort = new AbortController();
    const onAbort = () => jobAbort.abort(abortReason(signal));
    signal.addEventListener('abort', onAbort);
    if (signal.aborted)
        onAbort();
    const jobTimer = plan.timeoutMs
        ? setTimeout(() => jobAbort.abort(`the job timed out after ${formatDuration(plan.timeoutMs)}`), plan.timeoutMs)
        : undefined;
    try {
        return await body(jobAbort.signal);
    }
    finally {
        clearTimeout(jobTimer);
        signal.removeEventListener('abort', onAbort);
    }
}
/**
 * The plan's steps in order, each in its log group; after a failing step that blocks (or an
 * interruption), the rest are blocked. A guest step with stages stands for one step of the
 * result per stage.
 */
async function runSteps(plan, job, ctx, outputDir, abort) {
    const reports = [];
    let cancelled = false;
    let blocked = false;
    for (const [i, step] of plan.steps.entries()) {
        if (blocked || abort.aborted) {
            const report = {
                name: step.name,
                status: 'blocked',
                message: 'a step before it failed',
            };
            reports.push(...stageResults(report, step));
            continue;
        }
        const began = Date.now();
        const report = { name: step.name, status: 'pass' };
        const outcome = await ctx.logger.group(`Step ${step.name}`, () => runStep(step, i, report, ctx, abort));
        report.status = outcome.status;
        report.message = outcome.message;
        report.durationMs = Date.now() - began;
        if (report.logPath)
            report.log = (0,external_node_path_.relative)(outputDir, report.logPath);
        if (outcome.status === 'fail') {
            if (outcome.interrupted)
                cancelled = true;
            if (step.blocks || outcome.interrupted)
                blocked = true;
            reportFailure(ctx.logger, job, step, outcome, report, outputDir);
        }
        else
            ctx.logger.info(`Step '${step.name}': ${outcome.message}`);
        reports.push(...stageResults(report, step, outcome.stages));
    }
    if (abort.aborted)
        cancelled = true;
    return { reports, cancelled };
}
/** The job's result (result.json and junit.xml in the output folder) from its step reports. */
function writeResult(settings, plan, run, reports, cancelled) {
    const outputDir = (0,external_node_path_.resolve)(settings.outputDir);
    const steps = (0,flight/* blockAfterFailure */.m7)(reports, (s) => {
        const p = stepOf(plan, s.name);
        return (p?.blocks ?? true) || cancelled;
    });
    const result = {
        format: flight/* JOB_RESULT_FORMAT */.E8,
        job: run.job,
        trees: run.trees,
        steps: steps.map(({ name, status, durationMs, log, message }) => {
            const s = { name, status };
            if (durationMs !== undefined)
                s.durationMs = durationMs;
            if (log)
                s.log = log;
            if (message)
                s.message = message;
            return s;
        }),
        host: (0,external_node_os_.hostname)(),
        startedAt: run.startedAt.toISOString(),
        finishedAt: new Date().toISOString(),
    };
    if (settings.flight)
        result.flight = settings.flight;
    if (settings.attempt !== undefined)
        result.attempt = settings.attempt;
    if (settings.url)
        result.url = settings.url;
    if (cancelled)
        result.cancelled = true;
    (0,external_node_fs_.mkdirSync)(outputDir, { recursive: true });
    const resultFile = (0,external_node_path_.join)(outputDir, 'result.json');
    const junitFile = (0,external_node_path_.join)(outputDir, 'junit.xml');
    (0,external_node_fs_.writeFileSync)(resultFile, JSON.stringify(result, null, 2) + '\n');
    (0,external_node_fs_.writeFileSync)(junitFile, (0,junit/* toJUnit */.U5)(run.job, [{ name: run.job, steps: result.steps }]));
    return {
        result,
        status: (0,flight/* jobStatus */.WB)(result.steps, cancelled),
        resultFile,
        junitFile,
        logDir: run.logDir,
        steps: steps.map((s, i) => ({ ...reports[i], status: s.status })),
    };
}
/**
 * Runs the job. Bad input throws a ConfigurationError before anything starts; otherwise the
 * result is always written, and the host always cleaned, whatever happens to the steps.
 */
async function runJob(settings, logger, signal = new AbortController().signal) {
    const lockDir = (0,external_node_path_.resolve)(settings.lockDir);
    const host = new HostLock(lockDir, logger);
    // Before anything is read or run: a lock folder another user can write to is refused.
    host.check();
    const { plan, trees } = await loadPlan(settings, logger);
    const outputDir = (0,external_node_path_.resolve)(settings.outputDir);
    const logDir = (0,external_node_path_.join)(outputDir, 'logs');
    const scratch = (0,external_node_path_.resolve)(settings.scratchDir);
    const job = plan.job ?? settings.job;
    const tagging = { tag: settings.tag, lockDir };
    await host.acquire({ pid: settings.ownerPid ?? process.pid, tag: settings.tag, job }, { waitMs: settings.lockWaitMs, signal });
    const startedAt = new Date();
    let ran = { reports: [], cancelled: false };
    const record = { tag: settings.tag, job, groups: [], guests: [], scratch: [scratch] };
    try {
        host.writeRecord(record);
        await cleanLeftovers(host, settings.tag, logger);
        (0,external_node_fs_.rmSync)(logDir, { recursive: true, force: true });
        (0,external_node_fs_.mkdirSync)(logDir, { recursive: true });
        (0,external_node_fs_.mkdirSync)(scratch, { recursive: true });
        const ctx = { logDir, scratch, tagging, host, record, logger, guests: 0 };
        ran = await withJobTimeout(plan, signal, (abort) => runSteps(plan, job, ctx, outputDir, abort));
    }
    finally {
        const { killed } = await host.cleanJob(settings.tag, record);
        if (killed.length)
            logger.info(`Killed ${killed.length} process(es) the steps left behind: ${killed.join(', ')}`);
        host.release(settings.tag);
    }
    return writeResult(settings, plan, { job, trees, startedAt, logDir }, ran.reports, ran.cancelled);
}
/** Whatever jobs that crashed left on this host: their guests, processes, scratch directories. */
async function cleanLeftovers(host, tag, logger) {
    for (const rec of host.otherRecords(tag)) {
        const { killed, guests } = await host.cleanJob(rec.tag, rec);
        logger.warning(`Cleaned what job '${rec.job}' (run ${rec.tag}) left on this host: ` +
            `${guests.length} guest(s)${guests.length ? ` (${guests.join(', ')})` : ''}, ${killed.length} process(es)`);
    }
    const strays = host.strayProcesses(tag);
    for (const t of new Set(strays.map((p) => p.env.TRIBUTARY_RUN))) {
        const { killed } = await host.cleanJob(t);
        logger.warning(`Killed ${killed.length} process(es) left on this host by run ${t}`);
    }
}
/**
 * Creates the host's lock folder (mode 0700) when missing, and refuses it, or anything in it,
 * when another user could have planted or changed it: for a front end to call before it
 * tells its cleanup where to look. `runJob` checks again itself.
 */
function checkLockDir(lockDir, logger) {
    new HostLock((0,external_node_path_.resolve)(lockDir), logger).check();
}
/**
 * The post step: stops whatever the job still has running (after a cancellation or a crash of
 * the main step), removes its scratch space and lets go of the host lock. Idempotent.
 */
async function cleanupJob(lockDir, tag, logger) {
    const host = new HostLock((0,external_node_path_.resolve)(lockDir), logger);
    host.check(false);
    const done = await host.cleanJob(tag);
    const released = host.release(tag);
    return { ...done, released };
}
//# sourceMappingURL=job.js.map
// EXTERNAL MODULE: ./build/actions/lib/settings.js
var settings = __webpack_require__(1007);
;// CONCATENATED MODULE: ./build/actions/lib/hypervisor/settings.js
/**
 * The hypervisor test's settings, parsed in one place for both front ends (the
 * hypervisor-test action and `tributary test`).
 */




/** Every input of the hypervisor-test action, with the default its action.yml declares. */
const HYPERVISOR_SETTINGS = {
    plan: { required: true },
    'working-directory': { runner: '${{ github.workspace }}' },
    job: {},
    'output-dir': {},
    'lock-dir': {},
    'lock-wait': { default: '60m' },
    flight: {},
};
function parseHypervisorSettings(read, context) {
    const v = new settings/* Settings */.wB(read, HYPERVISOR_SETTINGS);
    const planFile = v.required('plan', 'the test plan (YAML)');
    const workDir = (0,external_node_path_.resolve)(context.workingDirectory, v.string('working-directory') || '.');
    const job = v.string('job') || context.defaultJob(planFile);
    if (!/^[\w.-]+$/.test(job))
        throw v.invalid('job', job, 'letters, digits, . _ -');
    const lockWait = v.string('lock-wait');
    const lockWaitMs = parseDuration(lockWait);
    if (!lockWaitMs)
        throw v.invalid('lock-wait', lockWait, 'a duration such as 90s or 30m');
    return {
        planFile,
        workDir,
        outputDir: (0,external_node_path_.resolve)(workDir, v.string('output-dir') || context.defaultOutputDir(job)),
        lockDir: (0,external_node_path_.resolve)(v.string('lock-dir') || defaultLockDir()),
        scratchDir: context.scratchDir,
        tag: context.tag,
        job,
        lockWaitMs,
        flight: v.optional('flight') ?? context.defaultFlight,
        attempt: context.attempt,
        url: context.url,
    };
}
//# sourceMappingURL=settings.js.map
// EXTERNAL MODULE: ./build/cli/options.js
var options = __webpack_require__(2315);
;// CONCATENATED MODULE: ./build/cli/test.js
/**
 * `tributary test <plan.yml>`: runs a hypervisor test plan on this machine, exactly as the
 * hypervisor-test action does (same lock, same cleanup, same result files).
 */






const testSpec = {
    name: 'test',
    synopsis: '<plan.yml> [options]',
    about: `Runs a hypervisor test plan (schema: actions/hypervisor-test/README.md): the steps in order,
guests started and always stopped, one job per host at a time. Writes result.json
(tributary.job/v1), junit.xml and logs/ into the output folder. The options are the
hypervisor-test action's inputs (actions/hypervisor-test), with the same defaults.`,
    declared: HYPERVISOR_SETTINGS,
    positional: {
        setting: 'plan',
        value: '<plan.yml>',
        option: 'plan',
        description: 'the test plan (YAML), relative to --working-directory (or give --plan)',
    },
    options: [
        {
            name: 'plan',
            value: '<file>',
            description: 'the test plan, as the argument <plan.yml>',
        },
        {
            name: 'working-directory',
            value: '<dir>',
            aliases: ['work-dir'],
            description: 'where steps run, and relative paths (the plan, --output-dir) point',
            fallback: { shown: '.; the action: the workspace' },
        },
        {
            name: 'job',
            value: '<name>',
            description: "the job's name in the result, unless the plan names it (default: the plan's file name)",
        },
        {
            name: 'output-dir',
            value: '<dir>',
            description: 'where result.json, junit.xml and logs/ are written',
            fallback: { shown: 'tributary-test; the action: RUNNER_TEMP/tributary-test/<job>' },
        },
        {
            name: 'lock-dir',
            value: '<dir>',
            description: "the host's lock folder, the runner user's own: refused when it is a link, another user's, or writable by group or others (default: $XDG_CACHE_HOME/tributary/host, else ~/.cache/tributary/host)",
        },
        {
            name: 'lock-wait',
            value: '<time>',
            description: 'how long to wait for another job on this host (90s, 30m, 2h)',
        },
        {
            name: 'flight',
            value: '<id>',
            description: 'the flight this job belongs to, recorded in the result',
            fallback: { shown: 'none; the action: the workflow run' },
        },
        { name: 'check', description: 'only check the plan and the trees, run nothing' },
    ],
    exitCodes: [
        [0, 'the job passed (or, with --check, the plan is good)'],
        [1, 'the job did not pass'],
        [2, 'bad usage, plan or options; nothing ran'],
        [3, 'an unexpected failure'],
    ],
};
const testCommand = {
    name: 'test',
    summary: 'run a hypervisor test plan (build, boot guests, checks) and write the job result',
    usage: (0,options/* usageOf */.Fs)(testSpec),
    async run(args, logger) {
        const cl = (0,options/* parseCommandLine */.Du)(testSpec, args, (secret) => logger.secret(secret));
        const tag = `local-${process.pid}-${(0,external_node_crypto_.randomBytes)(3).toString('hex')}`;
        return cl.run(async (read) => {
            const s = parseHypervisorSettings(read, {
                workingDirectory: process.cwd(),
                defaultJob: (planFile) => planFile
                    .replace(/^.*\//, '')
                    .replace(/\.ya?ml$/, '')
                    .replace(/[^\w.-]+/g, '-'),
                defaultOutputDir: () => 'tributary-test',
                tag,
                scratchDir: (0,external_node_path_.join)((0,external_node_os_.tmpdir)(), `tributary-${tag}`),
            });
            if (cl.flag('check')) {
                const { plan, trees } = await loadPlan(s, logger);
                logger.info(`${s.planFile}: ${plan.steps.length} step(s): ${plan.steps.map((x) => `${x.name} (${x.kind})`).join(', ')}`);
                for (const t of trees)
                    logger.info(`tree ${t.name}: ${t.revision}`);
                return 0;
            }
            // Refused before anything runs, and before the cleanup below would look in it.
            checkLockDir(s.lockDir, logger);
            const abort = new AbortController();
            const onSignal = (signal) => {
                logger.warning(`${signal}: stopping the job`);
                abort.abort(`the job was cancelled (${signal})`);
            };
            process.on('SIGINT', onSignal);
            process.on('SIGTERM', onSignal);
            try {
                const outcome = await runJob(s, logger, abort.signal);
                for (const x of outcome.result.steps)
                    logger.info(`${x.status.padEnd(7)} ${x.name}${x.message ? `: ${x.message}` : ''}`);
                logger.info(`${outcome.result.job}: ${outcome.status}; result ${outcome.resultFile}`);
                return outcome.status === 'pass' ? 0 : 1;
            }
            finally {
                // What the post step does for the action: nothing of this run may outlive it.
                await cleanupJob(s.lockDir, tag, logger);
                process.off('SIGINT', onSignal);
                process.off('SIGTERM', onSignal);
            }
        });
    },
};
//# sourceMappingURL=test.js.map

/***/ })

};
