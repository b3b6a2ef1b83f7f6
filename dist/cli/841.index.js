export const id = 841;
export const ids = [841];
export const modules = {

/***/ 1576:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   De: () => (/* binding */ parseJobResult),
/* harmony export */   E8: () => (/* binding */ JOB_RESULT_FORMAT),
/* harmony export */   N2: () => (/* binding */ FLIGHT_RECORD_FORMAT),
/* harmony export */   U5: () => (/* binding */ toJUnit),
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
// ---- JUnit XML: any test-report tool can show a flight -----------------------------------
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
//# sourceMappingURL=flight.js.map

/***/ }),

/***/ 1603:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   IP: () => (/* binding */ writeNote),
/* harmony export */   L2: () => (/* binding */ noteBlobs),
/* harmony export */   QX: () => (/* binding */ readFlights),
/* harmony export */   Xn: () => (/* binding */ findBaseline),
/* harmony export */   ke: () => (/* binding */ readNoteText),
/* harmony export */   pw: () => (/* binding */ readFlightsOf)
/* harmony export */ });
/* unused harmony export DEFAULT_NOTES_REF */
/* harmony import */ var _flight_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1576);

const DEFAULT_NOTES_REF = 'refs/notes/tributary/flights';
/** The paths a commit's note can have in a notes tree, by the fanout git chose. */
function notePaths(commit) {
    return [
        commit,
        `${commit.slice(0, 2)}/${commit.slice(2)}`,
        `${commit.slice(0, 2)}/${commit.slice(2, 4)}/${commit.slice(4)}`,
    ];
}
/**
 * The note blob of each commit, from one `git ls-tree` of the notes tree whatever the number
 * of commits, so a bounded ancestor walk is one process, not one per commit. It reads trees
 * only: in a partial clone (notes fetched without their blobs) nothing is downloaded here.
 */
async function noteBlobs(git, notesRef, commits) {
    const found = new Map();
    if (!commits.length || !(await git.revParse(notesRef)))
        return found;
    const out = await git.run([
        'ls-tree',
        '-r',
        '--full-tree',
        notesRef,
        '--',
        ...commits.flatMap(notePaths),
    ]);
    for (const line of out.split('\n')) {
        const m = /^\d+ blob ([0-9a-f]{40,64})\t(.+)$/.exec(line);
        if (m)
            found.set(m[2].replace(/\//g, ''), m[1]);
    }
    return found;
}
async function readNoteText(git, notesRef, commit) {
    const blob = (await noteBlobs(git, notesRef, [commit])).get(commit);
    return blob ? git.run(['cat-file', 'blob', blob]) : undefined;
}
/** Every flight recorded on a commit, oldest first. */
async function readFlights(git, notesRef, commit) {
    const text = await readNoteText(git, notesRef, commit);
    return text ? (0,_flight_js__WEBPACK_IMPORTED_MODULE_0__/* .parseFlightNote */ .kO)(text, `note ${notesRef} on ${commit}`) : [];
}
/**
 * Every flight recorded on each of many commits (a bisection range, say): one `git ls-tree`
 * of the notes tree per 500 commits and one `git cat-file --batch` for all the notes found,
 * so reading a thousand commits' notes is a few processes, not a thousand. Commits without a
 * note are absent from the map; a damaged note is an error naming it.
 */
async function readFlightsOf(git, notesRef, commits) {
    const blobs = new Map();
    const unique = [...new Set(commits)];
    // ls-tree takes the paths as arguments: chunks keep the command line well under its limit.
    for (let i = 0; i < unique.length; i += 500)
        for (const [commit, blob] of await noteBlobs(git, notesRef, unique.slice(i, i + 500)))
            blobs.set(commit, blob);
    const found = new Map();
    if (!blobs.size)
        return found;
    const order = [...blobs.entries()];
    const r = await git.exec(['cat-file', '--batch'], {
        input: order.map(([, blob]) => blob).join('\n') + '\n',
    });
    // Sizes are in bytes: the notes are tributary's JSON, valid UTF-8, so the text decoded by
    // the funnel encodes back to the very bytes git wrote.
    const out = Buffer.from(r.stdout, 'utf8');
    let at = 0;
    for (const [commit] of order) {
        const eol = out.indexOf(0x0a, at);
        const header = out.subarray(at, eol).toString('utf8').split(' ');
        const size = Number(header[2]);
        if (header[1] !== 'blob' || !Number.isInteger(size))
            throw new Error(`git cat-file --batch: unexpected header '${header.join(' ')}'`);
        const text = out.subarray(eol + 1, eol + 1 + size).toString('utf8');
        at = eol + 1 + size + 1;
        found.set(commit, (0,_flight_js__WEBPACK_IMPORTED_MODULE_0__/* .parseFlightNote */ .kO)(text, `note ${notesRef} on ${commit}`));
    }
    return found;
}
/**
 * The baseline of a gate: the record on the tested head, else on its nearest first-parent
 * ancestor within `maxWalk` commits (history from before tributary, a push by hand).
 */
async function findBaseline(git, notesRef, head, maxWalk) {
    let commits = [head];
    let blobs = await noteBlobs(git, notesRef, commits);
    if (!blobs.size && maxWalk > 1) {
        commits = (await git.run(['rev-list', '--first-parent', `--max-count=${maxWalk}`, head]))
            .split('\n')
            .filter(Boolean);
        blobs = await noteBlobs(git, notesRef, commits);
    }
    const commit = commits.find((c) => blobs.has(c));
    if (!commit)
        return undefined;
    const flights = (0,_flight_js__WEBPACK_IMPORTED_MODULE_0__/* .parseFlightNote */ .kO)(await git.run(['cat-file', 'blob', blobs.get(commit)]), `note ${notesRef} on ${commit}`);
    if (!flights.length)
        return undefined;
    // The flight that let the head through is the one its descendants were judged against.
    const record = [...flights].reverse().find((f) => f.decision?.pushed) ?? flights[flights.length - 1];
    return {
        commit,
        kind: commit === head ? 'head' : 'ancestor',
        record,
        walked: commits.indexOf(commit) + 1,
    };
}
async function readTree(git, tree) {
    if (!tree)
        return [];
    const out = await git.run(['ls-tree', '-z', tree]);
    return out
        .split('\0')
        .filter(Boolean)
        .map((line) => {
        const tab = line.indexOf('\t');
        const [mode, type, oid] = line.slice(0, tab).split(' ');
        return { mode, type, oid, name: line.slice(tab + 1) };
    });
}
/**
 * The tree `tree` with the note `name` (the commit id, less the fanout directories above)
 * set to `blob`, keeping the fanout the tree already has: only the trees on the note's path
 * are read and written, never the whole notes tree.
 */
async function putNote(git, tree, name, blob) {
    const entries = await readTree(git, tree);
    const fanned = entries.some((e) => e.type === 'tree' && /^[0-9a-f]{2}$/.test(e.name));
    const own = entries.findIndex((e) => e.type === 'blob' && e.name === name);
    if (own >= 0)
        entries[own] = { ...entries[own], oid: blob };
    else if (fanned && name.length > 2) {
        const dir = name.slice(0, 2);
        const i = entries.findIndex((e) => e.type === 'tree' && e.name === dir);
        const sub = await putNote(git, i >= 0 ? entries[i].oid : undefined, name.slice(2), blob);
        const entry = { mode: '040000', type: 'tree', oid: sub, name: dir };
        if (i >= 0)
            entries[i] = entry;
        else
            entries.push(entry);
    }
    else
        entries.push({ mode: '100644', type: 'blob', oid: blob, name });
    // --missing: in a partial clone the other notes' blobs are not here, and need not be.
    return git.run(['mktree', '-z', '--missing'], {
        input: entries.map((e) => `${e.mode} ${e.type} ${e.oid}\t${e.name}\0`).join(''),
    });
}
/**
 * Writes (replaces) a commit's note, content verbatim, as one more commit of the notes ref.
 * Unlike `git notes add`, which rewrites every note of the tree, this touches only the trees
 * on the note's path, so recording costs the same with ten notes or ten thousand.
 */
async function writeNote(git, notesRef, commit, text) {
    const blob = await git.run(['hash-object', '-w', '--stdin'], { input: text });
    const parent = await git.revParse(notesRef);
    const tree = await putNote(git, parent ? `${parent}^{tree}` : undefined, commit, blob);
    const next = await git.run([
        'commit-tree',
        tree,
        ...(parent ? ['-p', parent] : []),
        '-m',
        `tributary: flight record on ${commit}`,
    ]);
    // Moves the ref only from the commit read above: a concurrent writer is not overwritten.
    await git.run(['update-ref', notesRef, next, parent ?? '']);
}
//# sourceMappingURL=notes.js.map

/***/ }),

/***/ 8841:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GW: () => (/* binding */ fetchNotes),
/* harmony export */   X4: () => (/* binding */ PushRefused),
/* harmony export */   kO: () => (/* binding */ publishFlight),
/* harmony export */   y9: () => (/* binding */ usePartialClone)
/* harmony export */ });
/* unused harmony export checkFastForward */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4193);
/* harmony import */ var _flight_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1576);
/* harmony import */ var _notes_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1603);
/**
 * The gate's only writes to the hosted tree, in one atomic push: the tested branch moved by
 * fast-forward to exactly the flight's revision (leased on the head the decision saw) and the
 * flight's note (leased on the notes ref as fetched). After a failed push the gate looks at
 * the hosted tree again and decides from what it finds, whatever the git funnel retried: a
 * note conflict (another gate recorded meanwhile) is fetched, re-applied and pushed again, so
 * no record is ever lost; a tested branch moved to this very revision (another gate of it
 * won) leaves only the note to record; a tested branch moved anywhere else is never retried:
 * nothing is pushed and the error says so.
 */



/** The push was refused for a reason a person must look at: the error says which. */
class PushRefused extends Error {
    why;
    constructor(message, why) {
        super(message);
        this.why = why;
        this.name = 'PushRefused';
    }
}
/** How git says a push lost a race on the server: a ref locked or changed under it. */
const CONTENDED = /cannot lock ref|atomic transaction failed|failed to update ref|stale info/i;
/** The remote name of the hosted tree in the gate's own clone (its URL carries no token). */
const HOSTED = 'hosted';
/**
 * Makes the gate's clone a partial clone of the hosted tree (remote `hosted`, a promisor):
 * objects it leaves out are fetched when something reads them, with the same credentials.
 */
async function usePartialClone(git, remote) {
    if ((await git.exec(['config', '--get', `remote.${HOSTED}.url`], { allowFailure: true })).code) {
        for (const [key, value] of [
            ['core.repositoryformatversion', '1'],
            [`remote.${HOSTED}.url`, remote.url],
            [`remote.${HOSTED}.promisor`, 'true'],
            [`remote.${HOSTED}.partialclonefilter`, 'blob:none'],
            ['extensions.partialClone', HOSTED],
        ])
            await git.run(['config', key, value]);
    }
    return HOSTED;
}
/**
 * Fetches the notes ref as it is now on the remote (forced: ours is only ever a copy). Only
 * its tip commit and trees come (depth 1, no blobs), so the fetch does not carry every record
 * ever made: the gate's clone is a partial clone of the hosted tree, and the two or three
 * notes it reads are fetched when read. A server without partial clone sends everything.
 */
async function fetchNotes(git, remote, notesRef) {
    const refs = await git.lsRemote(remote.url, [notesRef]);
    const tip = refs.get(notesRef);
    if (!tip) {
        if (await git.revParse(notesRef))
            await git.run(['update-ref', '-d', notesRef]);
        return undefined;
    }
    await usePartialClone(git, remote);
    await git.run([
        'fetch',
        '--quiet',
        '--no-tags',
        '--depth=1',
        '--filter=blob:none',
        HOSTED,
        `+${notesRef}:${notesRef}`,
    ], { retries: 3 });
    return tip;
}
/** Refuses a revision that is not a fast-forward of the tested head. */
async function checkFastForward(git, tested, head, revision) {
    if (!(await git.isAncestor(head, revision))) {
        throw new PushRefused(`Revision ${revision} does not descend from ${tested}'s head ${head}: moving ${tested} there would not be a fast-forward. Nothing pushed.`, 'not-descendant');
    }
}
/** Whether a note on the remote already holds this very record (a push that landed unseen). */
async function recorded(git, notesRef, record) {
    const text = await (0,_notes_js__WEBPACK_IMPORTED_MODULE_2__/* .readNoteText */ .ke)(git, notesRef, record.revision);
    if (!text)
        return false;
    return (0,_flight_js__WEBPACK_IMPORTED_MODULE_1__/* .parseFlightNote */ .kO)(text, `note ${notesRef} on ${record.revision}`).some((r) => r.flight === record.flight && r.recordedAt === record.recordedAt);
}
/**
 * Another gate of this revision moved the branch first: the goal is reached, and what is left
 * is this flight's record, which says so.
 */
function markAlreadyThere(record, branch, logger) {
    logger?.info(`${branch} was moved to ${record.revision} meanwhile (another gate of this revision): already there; recording the flight.`);
    if (record.decision) {
        record.decision.pushed = false;
        record.decision.reason = `${record.decision.reason ?? 'no regression'}; already there: ${branch} was moved to this revision meanwhile`;
    }
}
/** Pushes the record (and the tested branch, when asked). */
async function publishFlight(git, remote, opts) {
    const { notesRef, record } = opts;
    let tested = opts.tested;
    let alreadyThere = false;
    const tries = (opts.conflictRetries ?? 8) + 1;
    if (tested)
        await checkFastForward(git, tested.branch, tested.head, record.revision);
    for (let attempt = 1;; attempt++) {
        const expected = (await git.revParse(notesRef)) ?? '';
        const existing = (await (0,_notes_js__WEBPACK_IMPORTED_MODULE_2__/* .readNoteText */ .ke)(git, notesRef, record.revision)) ?? '';
        await (0,_notes_js__WEBPACK_IMPORTED_MODULE_2__/* .writeNote */ .IP)(git, notesRef, record.revision, (0,_flight_js__WEBPACK_IMPORTED_MODULE_1__/* .appendFlightNote */ .x5)(existing, record));
        const args = ['push', '--atomic', '--porcelain', `--force-with-lease=${notesRef}:${expected}`];
        const refspecs = [`${notesRef}:${notesRef}`];
        if (tested) {
            args.push(`--force-with-lease=refs/heads/${tested.branch}:${tested.head}`);
            refspecs.push(`${record.revision}:refs/heads/${tested.branch}`);
        }
        const r = await git.exec([...args, remote.url, ...refspecs], {
            allowFailure: true,
            retries: 3,
        });
        if (r.code === 0)
            return { attempts: attempt, moved: !!tested, alreadyThere };
        // Decide from what the hosted tree holds now, not from how the push failed.
        const branch = opts.tested ? `refs/heads/${opts.tested.branch}` : undefined;
        const now = await git.lsRemote(remote.url, [notesRef, ...(branch ? [branch] : [])]);
        const notesMoved = (now.get(notesRef) ?? '') !== expected;
        if (notesMoved) {
            await fetchNotes(git, remote, notesRef);
            // A push the funnel saw fail may have landed whole (its answer lost, a retry then
            // refused by the lease): it was atomic, so the branch moved with the note.
            if (await recorded(git, notesRef, record))
                return { attempts: attempt, moved: !!tested, alreadyThere };
        }
        let retarget = false;
        if (tested) {
            const head = now.get(branch);
            if (head === record.revision) {
                markAlreadyThere(record, tested.branch, opts.logger);
                tested = undefined;
                alreadyThere = retarget = true;
            }
            else if (head !== tested.head) {
                throw new PushRefused(`The tested branch ${tested.branch} moved meanwhile: its head was ${tested.head} when the flight was judged and is ${head ?? '(deleted)'} now. Nothing pushed.`, 'tested-moved');
            }
        }
        // Refused for holding a lock another push had, before that push landed: nothing to see
        // yet, and the leases keep a second try safe.
        const busy = !notesMoved && !retarget && CONTENDED.test(r.stdout + r.stderr);
        if ((!notesMoved && !retarget && !busy) || attempt >= tries) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1('push', `Pushing the flight record${tested ? ` and ${tested.branch}` : ''} failed (attempt ${attempt}): ${(r.stderr + r.stdout).trim().split('\n').slice(-4).join(' / ')}`);
        }
        if (busy) {
            opts.logger?.info(`The hosted tree was busy with another push; trying again (attempt ${attempt + 1}).`);
            await fetchNotes(git, remote, notesRef); // undoes the local note commit
        }
        else if (notesMoved)
            opts.logger?.info(`Another gate recorded a flight meanwhile; fetching ${notesRef} and recording again (attempt ${attempt + 1}).`);
    }
}
//# sourceMappingURL=publish.js.map

/***/ })

};
