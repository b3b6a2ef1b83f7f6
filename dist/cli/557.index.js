export const id = 557;
export const ids = [557];
export const modules = {

/***/ 8644:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cw: () => (/* binding */ FlightNotes),
/* harmony export */   QX: () => (/* binding */ readFlights),
/* harmony export */   YL: () => (/* binding */ WATCH_NOTES_REF),
/* harmony export */   f6: () => (/* binding */ FLIGHT_NOTES_REF),
/* harmony export */   pw: () => (/* binding */ readFlightsOf)
/* harmony export */ });
/* unused harmony exports noteName, parseNote, writeNote, readNoteText */
/* harmony import */ var _flight_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1576);
/**
 * Flight records as git notes: the one reader and writer of them (flight.ts is the record's
 * format). One note per tested revision holds every flight of it, one record a line (JSON
 * Lines), oldest first; lookups go through the notes tree by commit id, so reading a record
 * costs the same with ten notes or ten thousand. The gate, the pin mode, the history page,
 * bisection and the watch all read through here, each from its own notes ref below.
 *
 * A record that does not parse is never dropped silently. A strict reader (the gate, the
 * bisection: they must not judge by a record they cannot read) throws an error naming the
 * note; a lenient one (the pin, the history page) keeps the note's other records, warns
 * naming the commit and the notes ref, and counts it in `damaged`.
 */

/** Where the push gate records its flights (and the pin mode reads which revisions passed). */
const FLIGHT_NOTES_REF = 'refs/notes/tributary/flights';
/** Where the watch (and bisection) records flights of a watched tree. */
const WATCH_NOTES_REF = 'refs/notes/tributary/watch';
/** Where a note is, for messages: `note refs/notes/x on <commit>`. */
const noteName = (notesRef, commit) => `note ${notesRef} on ${commit}`;
/** A note's records, line by line; the lines that do not parse are returned as damaged. */
function parseNote(text, notesRef, commit) {
    const records = [];
    const damaged = [];
    for (const [i, raw] of text.split('\n').entries()) {
        const line = raw.trim();
        if (!line)
            continue;
        try {
            records.push((0,_flight_js__WEBPACK_IMPORTED_MODULE_0__/* .parseFlightRecord */ .r2)(line, `${noteName(notesRef, commit)} line ${i + 1}`));
        }
        catch (e) {
            damaged.push({
                notesRef,
                commit,
                line: i + 1,
                error: e instanceof Error ? e.message : String(e),
            });
        }
    }
    return { records, damaged };
}
/** The flight records of one notes ref in a local repository. */
class FlightNotes {
    git;
    notesRef;
    options;
    /** The records that did not parse, in a lenient reader (a strict one throws instead). */
    damaged = [];
    constructor(git, notesRef, options = {}) {
        this.git = git;
        this.notesRef = notesRef;
        this.options = options;
    }
    get shown() {
        return this.options.shownAs ?? this.notesRef;
    }
    /** The records of a note's text; damaged lines thrown (strict) or reported. */
    records(text, commit) {
        // Strict: the record's own error (a ConfigurationError naming the note, line and field).
        if (this.options.strict !== false)
            return (0,_flight_js__WEBPACK_IMPORTED_MODULE_0__/* .parseFlightNote */ .kO)(text, noteName(this.shown, commit));
        const { records, damaged } = parseNote(text, this.shown, commit);
        for (const d of damaged) {
            this.damaged.push(d);
            this.options.logger?.warning(`A flight record in ${d.notesRef} on ${d.commit} (line ${d.line}) cannot be read and is left out: ${d.error}`);
        }
        return records;
    }
    /** The note's text on a commit, or undefined. */
    text(commit) {
        return this.git.readNote(this.notesRef, commit);
    }
    /** Every flight recorded on a commit, oldest first. */
    async read(commit) {
        const text = await this.text(commit);
        return text ? this.records(text, commit) : [];
    }
    /**
     * Every flight recorded on each of many commits (a bisection range, a page of history):
     * one `git ls-tree` of the notes tree per 500 commits and one `git cat-file --batch` for all
     * the notes found, so a thousand commits' notes are a few processes. Commits without a note
     * are absent from the map. `prefetch` brings the blobs a partial clone lacks, all at once.
     */
    async readMany(commits, prefetch) {
        const unique = [...new Set(commits)];
        const blobs = await this.git.noteBlobs(this.notesRef, unique);
        const notes = unique
            .filter((c) => blobs.has(c))
            .map((c) => ({ commit: c, blob: blobs.get(c) }));
        const records = await this.readNotes(notes, prefetch);
        return new Map(notes.map((n, i) => [n.commit, records[i]]));
    }
    /**
     * The records of notes already found (`Git.noteBlobs`), in their order: one
     * `git cat-file --batch` for all of them. A lenient reader reports a note it cannot read at
     * all (a blob missing) like a damaged record and gives it no records.
     */
    async readNotes(notes, prefetch) {
        if (!notes.length)
            return [];
        await prefetch?.(notes.map((n) => n.blob));
        const texts = await this.git.readBlobs(notes.map((n) => n.blob));
        const out = [];
        for (const { commit, blob } of notes) {
            let text = texts.get(blob);
            try {
                // A blob the batch could not read: read alone, its error is the note's.
                text ??= await this.git.readBlob(blob);
            }
            catch (e) {
                if (this.options.strict !== false)
                    throw e;
                const error = `${noteName(this.shown, commit)}: ${e instanceof Error ? e.message : String(e)}`;
                this.damaged.push({ notesRef: this.shown, commit, line: 0, error });
                this.options.logger?.warning(`A flight note cannot be read and is left out: ${error}`);
                out.push([]);
                continue;
            }
            out.push(this.records(text, commit));
        }
        return out;
    }
    /**
     * Writes (replaces) a commit's note as one more commit of the notes ref, moved only from the
     * value it had, and returns that commit. History reads the note's commit from its subject.
     */
    write(commit, text) {
        return this.git.writeNote(this.notesRef, commit, text, `tributary: flight record on ${commit}`);
    }
    /** Appends a record to its revision's note (locally; publishing is the writer's push). */
    async append(record) {
        const existing = (await this.text(record.revision)) ?? '';
        return this.write(record.revision, (0,_flight_js__WEBPACK_IMPORTED_MODULE_0__/* .appendFlightNote */ .x5)(existing, record));
    }
    /**
     * Fetches the notes ref as it is now on the remote (forced: ours is only ever a copy), or
     * deletes ours when the remote has none; returns the remote tip. With `promisor` (making the
     * repository a partial clone of the remote, it gives the remote's name there), only the tip
     * commit and trees come (depth 1, no blobs): the notes read later are fetched when read.
     */
    async fetch(remote, promisor) {
        const tip = (await this.git.lsRemote(remote.url, [this.notesRef])).get(this.notesRef);
        if (!tip) {
            await this.git.deleteRef(this.notesRef);
            return undefined;
        }
        const spec = [`+${this.notesRef}:${this.notesRef}`];
        if (promisor)
            await this.git.fetch(await promisor(), spec, { depth: 1, filter: 'blob:none', retries: 3 });
        else
            await this.git.fetch(remote.url, spec, { retries: 3 });
        return tip;
    }
}
/** Every flight recorded on a commit (a strict read). */
function readFlights(git, notesRef, commit) {
    return new FlightNotes(git, notesRef).read(commit);
}
/** Every flight recorded on each of many commits (a strict read). */
function readFlightsOf(git, notesRef, commits) {
    return new FlightNotes(git, notesRef).readMany(commits);
}
/** Writes (replaces) a commit's note; returns the notes ref's new commit. */
function writeNote(git, notesRef, commit, text) {
    return new FlightNotes(git, notesRef).write(commit, text);
}
/** The note's text on a commit, or undefined. */
function readNoteText(git, notesRef, commit) {
    return git.readNote(notesRef, commit);
}
//# sourceMappingURL=flight-notes.js.map

/***/ }),

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

/***/ 716:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Aj: () => (/* binding */ AllowMatcher),
/* harmony export */   B6: () => (/* binding */ describeSource),
/* harmony export */   G3: () => (/* binding */ readAllowList),
/* harmony export */   _d: () => (/* binding */ isExpired),
/* harmony export */   qA: () => (/* binding */ parseAllowListSource)
/* harmony export */ });
/* unused harmony exports DEFAULT_ALLOW_LIST, parseAllowList */
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4006);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4193);
/**
 * The allow list: a YAML file on a branch of the hosted tree (by default `allow.yml` on
 * `tributary/config`), never in the tree under test, so a change cannot waive its own
 * regressions. It names failures that may not block, each with a reason, an issue link and an
 * expiry date (docs/allow-list.md):
 *
 *   allow:
 *     - job: test-amd64-*-qemuu-*
 *       step: migrate-support-check
 *       reason: migration of qemuu guests is broken upstream
 *       issue: https://gitlab.com/xen-project/xen/-/issues/123
 *       expires: 2026-12-31
 *
 * An entry past its expiry no longer allows (and is reported); an entry whose step passes
 * now is reported as stale, so the list shrinks as things get fixed.
 */



/** Where the allow list lives when nothing else is said: outside the tree under test. */
const DEFAULT_ALLOW_LIST = 'tributary/config:allow.yml';
const BRANCH = /^(?!-)(?!.*\.\.)(?!.*\/\/)[A-Za-z0-9._/-]+$/;
/**
 * Reads `<branch>:<path>` (undefined or empty: the default, where a missing file is an empty
 * list). A value without a branch is refused by name: the input once named a file of the
 * checked-out tree, which the revision under test could edit.
 */
function parseAllowListSource(value) {
    const explicit = !!value?.trim();
    const spec = explicit ? value.trim() : DEFAULT_ALLOW_LIST;
    const colon = spec.indexOf(':');
    const branch = colon > 0 ? spec.slice(0, colon) : '';
    const path = colon > 0 ? spec.slice(colon + 1) : '';
    if (!BRANCH.test(branch) ||
        branch.endsWith('/') ||
        branch.endsWith('.lock') ||
        !path ||
        path.startsWith('/') ||
        path.endsWith('/') ||
        path.split('/').some((part) => !part || part === '.' || part === '..'))
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .invalidSetting */ .gT)('allow-list', spec, `<branch>:<path> of a file in the hosted tree, such as ${DEFAULT_ALLOW_LIST} (the allow list is no longer read from the checked-out tree)`);
    return { branch, path, explicit };
}
const describeSource = (s) => `${s.branch}:${s.path}`;
/**
 * The entries of the allow list at `commit` (the source branch's head as fetched), read from
 * the gate's clone: a missing branch (`commit` undefined) or file is an empty list for the
 * default source and bad input for one the user named.
 */
async function readAllowList(git, source, commit, remote) {
    const name = describeSource(source);
    if (!commit) {
        if (!source.explicit)
            return [];
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1('allow-list', `The allow list ${name} does not exist: there is no branch '${source.branch}' in ${remote}.`);
    }
    // (a failure to read the trees throws: a network failure is never a missing file)
    const entry = await git.treeEntry(commit, source.path);
    if (!entry || entry.type !== 'blob') {
        if (!source.explicit && !entry)
            return [];
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1('allow-list', `The allow list ${name} does not exist: '${source.branch}' (${commit}) has no file '${source.path}'.`);
    }
    return parseAllowList(await git.readBlob(entry.oid), name);
}
function parseAllowList(text, source) {
    const fail = (field, message) => {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`${source}: ${field}`, `${source}: field '${field}' ${message}`);
    };
    let doc;
    try {
        doc = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parse */ .qg)(text);
    }
    catch (e) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(source, `${source}: not valid YAML (${e.message})`);
    }
    if (doc === null || doc === undefined)
        return [];
    if (typeof doc !== 'object' || Array.isArray(doc))
        fail('(top level)', 'must be a mapping with an `allow` list');
    const list = doc.allow;
    if (list === undefined || list === null)
        return [];
    if (!Array.isArray(list))
        fail('allow', 'must be a list of entries');
    return list.map((raw, i) => {
        const f = `allow[${i}]`;
        if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
            fail(f, 'must be a mapping');
        const o = raw;
        const str = (key) => {
            const v = o[key];
            if (v instanceof Date && key === 'expires')
                return v.toISOString().slice(0, 10);
            if (typeof v !== 'string' || !v.trim())
                fail(`${f}.${key}`, `must be a non-empty string, got ${JSON.stringify(v)}`);
            return v.trim();
        };
        const entry = {
            job: str('job'),
            step: o.step === undefined ? '*' : str('step'),
            reason: str('reason'),
            issue: str('issue'),
            expires: str('expires'),
            source: `${source}: ${f}`,
        };
        if (!/^\d{4}-\d{2}-\d{2}$/.test(entry.expires) ||
            Number.isNaN(Date.parse(`${entry.expires}T00:00:00Z`)))
            fail(`${f}.expires`, `is '${entry.expires}'; expected a date YYYY-MM-DD`);
        if (!/^https?:\/\/\S+$/.test(entry.issue))
            fail(`${f}.issue`, `is '${entry.issue}'; expected a link (https://...)`);
        for (const key of Object.keys(o))
            if (!['job', 'step', 'reason', 'issue', 'expires'].includes(key))
                fail(`${f}.${key}`, 'is not known; expected job, step, reason, issue, expires');
        return entry;
    });
}
/** An entry allows through the whole of its expiry day (UTC). */
function isExpired(entry, now) {
    return now.getTime() >= Date.parse(`${entry.expires}T00:00:00Z`) + 86_400_000;
}
class AllowMatcher {
    compiled;
    constructor(entries) {
        this.compiled = entries.map((entry) => ({
            entry,
            job: picomatch__WEBPACK_IMPORTED_MODULE_2__(entry.job, { dot: true }),
            step: picomatch__WEBPACK_IMPORTED_MODULE_2__(entry.step, { dot: true }),
        }));
    }
    /** Every entry whose patterns match the job and step. */
    matching(job, step) {
        return this.compiled.filter((c) => c.job(job) && c.step(step)).map((c) => c.entry);
    }
}
//# sourceMappingURL=allow-list.js.map

/***/ }),

/***/ 7012:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ decideFlight)
/* harmony export */ });
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4006);
/* harmony import */ var _flight_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1576);
/* harmony import */ var _allow_list_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(716);
/* harmony import */ var _history_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6402);
/**
 * The push gate's decision, osstest's rule as a pure function: compare a flight with its
 * baseline, use the carried history for "never passed" and "failing since", the other flights
 * of the same revision and earlier attempts for the heisenbug rule, the allow list, and the
 * policy. No git, no network: everything it needs is in its arguments.
 */




const failing = (s) => s === 'fail' || s === 'blocked';
/**
 * What passed in the baseline and is absent now did not run: a regression, unless a live
 * allow-list entry covers it (the list lives outside the tree under test, so a change cannot
 * delete its own failing test, nor a job that never started slip through). A job absent as a
 * whole is one finding, step `(job)`; an entry for the job with no step covers it.
 */
function notRun(baseline, nowJobs, isBuild, allow, now, regressions, allowable) {
    if (!baseline)
        return;
    const { flight, revision, recordedAt: at } = baseline.record;
    for (const base of baseline.record.jobs) {
        const job = nowJobs.get(base.name);
        const passed = base.steps.filter((st) => st.status === 'pass');
        const gone = job ? passed.filter((st) => !job.steps.some((j) => j.name === st.name)) : [];
        const findings = (!job && passed.length ? [{ name: '(job)' }] : gone).map((st) => ({
            job: base.name,
            step: st.name,
            kind: 'not-run',
            baseline: st.name === '(job)' ? (0,_flight_js__WEBPACK_IMPORTED_MODULE_0__/* .jobStatus */ .WB)(base.steps, base.cancelled) : 'pass',
            now: 'not run',
            build: isBuild(base.name),
            blocking: false,
            lastPass: { flight, revision, at },
            log: job?.url,
            message: job ? 'step did not run' : 'job did not run',
        }));
        for (const f of findings) {
            // A required job already reported missing is not reported twice.
            if (regressions.some((r) => r.job === f.job && r.step === f.step))
                continue;
            f.allowedBy = allow.matching(f.job, f.step).find((e) => !(0,_allow_list_js__WEBPACK_IMPORTED_MODULE_1__/* .isExpired */ ._d)(e, now));
            f.blocking = !f.allowedBy;
            (f.blocking ? regressions : allowable).push(f);
        }
    }
}
/** Every required pattern must match a present job, and none of its jobs may be cancelled. */
function missingRequired(flight, policy, isBuild) {
    const missing = [];
    for (const pattern of policy.required) {
        const match = picomatch__WEBPACK_IMPORTED_MODULE_2__(pattern);
        const present = flight.jobs.filter((j) => match(j.name));
        if (!present.length)
            missing.push({
                job: pattern,
                step: '(job)',
                kind: 'missing',
                now: 'fail',
                build: isBuild(pattern),
                blocking: true,
                message: 'required job missing from the flight',
            });
        for (const j of present.filter((j) => j.cancelled))
            missing.push({
                job: j.name,
                step: '(job)',
                kind: 'missing',
                now: 'fail',
                build: isBuild(j.name),
                blocking: true,
                message: 'required job was cancelled',
                log: j.url,
            });
    }
    return missing;
}
/**
 * A failing step judged: a regression (blocking), or allowable (failed in the baseline too,
 * never passed, no baseline, flaky by the heisenbug rule, covered by the allow list).
 */
function judgeFailure(job, step, build, entries, c) {
    const base = c.baseline?.record.jobs.find((j) => j.name === job.name);
    const baseStatus = base?.steps.find((s) => s.name === step.name)?.status;
    const past = (0,_history_js__WEBPACK_IMPORTED_MODULE_3__/* .stepPast */ .H)(c.history.summary, job.name, step.name);
    const finding = {
        job: job.name,
        step: step.name,
        kind: 'regression',
        baseline: baseStatus,
        now: step.status,
        build,
        blocking: false,
        failingSince: past?.failingSince,
        lastPass: past?.lastPass,
        // A URL to the step's log when the job gave one, else the job's page (its artifacts hold the file).
        log: step.log && /^https?:\/\//.test(step.log) ? step.log : (job.url ?? step.log),
        message: step.message,
    };
    // Was it passing before? The baseline says; for a step it did not run, the last flight
    // that ran it does.
    let regressed;
    if (!c.baseline)
        regressed = false;
    else if (baseStatus === 'pass')
        regressed = true;
    else if (baseStatus === undefined || baseStatus === 'skip')
        regressed = past?.last === 'pass';
    else
        regressed = false;
    if (!regressed) {
        if (!c.baseline)
            finding.kind = 'no-baseline';
        else if (past ? !past.lastPass : !failing(baseStatus))
            finding.kind = 'never-passed';
        else
            finding.kind = 'failed-in-baseline';
        if (entries.length)
            finding.allowedBy = entries.find((e) => !(0,_allow_list_js__WEBPACK_IMPORTED_MODULE_1__/* .isExpired */ ._d)(e, c.policy.now));
        return finding;
    }
    // The heisenbug rule: a pass of the same step in this flight's earlier attempts or in
    // another flight of the same revision.
    const attempt = (step.attempts ?? []).indexOf('pass');
    const other = c.others.find((r) => r.jobs.find((j) => j.name === job.name)?.steps.find((s) => s.name === step.name)?.status ===
        'pass');
    const live = entries.filter((e) => !(0,_allow_list_js__WEBPACK_IMPORTED_MODULE_1__/* .isExpired */ ._d)(e, c.policy.now));
    if (!build && attempt >= 0) {
        finding.kind = 'flaky';
        finding.passIn = `attempt ${attempt + 1} of this flight`;
    }
    else if (!build && other) {
        finding.kind = 'flaky';
        finding.passIn = `flight ${other.flight}`;
    }
    else if (!build && live.length) {
        finding.kind = 'allowed';
        finding.allowedBy = live[0];
    }
    else
        finding.blocking = true;
    return finding;
}
/** Every step of the flight against the baseline and the carried history. */
function findings(flight, c, allow, isBuild) {
    const regressions = missingRequired(flight, c.policy, isBuild);
    const allowable = [];
    const fixed = [];
    const stale = new Set();
    const baseJobs = new Map((c.baseline?.record.jobs ?? []).map((j) => [j.name, j]));
    for (const job of flight.jobs) {
        const build = isBuild(job.name);
        for (const step of job.steps) {
            const entries = allow.matching(job.name, step.name);
            if (step.status === 'pass') {
                for (const e of entries)
                    stale.add(e);
                const baseStatus = baseJobs.get(job.name)?.steps.find((s) => s.name === step.name)?.status;
                const past = (0,_history_js__WEBPACK_IMPORTED_MODULE_3__/* .stepPast */ .H)(c.history.summary, job.name, step.name);
                if (failing(baseStatus) || (!baseStatus && past && !past.lastPass && failing(past.last)))
                    fixed.push({ job: job.name, step: step.name, baseline: baseStatus });
                continue;
            }
            if (step.status === 'skip')
                continue;
            const finding = judgeFailure(job, step, build, entries, c);
            (finding.blocking ? regressions : allowable).push(finding);
        }
    }
    const nowJobs = new Map(flight.jobs.map((j) => [j.name, j]));
    notRun(c.baseline, nowJobs, isBuild, allow, c.policy.now, regressions, allowable);
    // An entry is stale only when nothing it matches still fails.
    for (const f of [...regressions, ...allowable])
        for (const e of allow.matching(f.job, f.step))
            stale.delete(e);
    return { regressions, allowable, fixed, staleAllows: [...stale] };
}
/**
 * The baseline policies: a flight judged against nothing, or against an ancestor of an
 * untested head, is refused when the policy says so, asking for a flight of the head first
 * when it says dispatch. A forced push is never held by them.
 */
function heldByPolicy(baseline, policy) {
    const t = policy.tested;
    if (policy.force || !t)
        return undefined;
    const first = { revision: t.head, purpose: 'baseline' };
    if (!baseline && policy.noBaseline === 'dispatch')
        return {
            verdict: 'refuse',
            reason: `no baseline: asking for a flight of ${t.branch}'s head ${t.head} first`,
            dispatch: first,
        };
    const untested = policy.untestedHead ?? 'ancestor';
    if (baseline?.kind === 'ancestor' && untested !== 'ancestor') {
        const reason = `${t.branch}'s head ${t.head} was never tested (nearest record: ${baseline.record.revision})`;
        return untested === 'dispatch'
            ? { verdict: 'refuse', reason: `${reason}: asking for a flight of it first`, dispatch: first }
            : { verdict: 'refuse', reason };
    }
    return undefined;
}
/** osstest's rule on the findings: push without regressions, retry a flaky-looking flight. */
function ruleVerdict(revision, baseline, regressions, others, policy) {
    const n = regressions.length;
    if (!baseline && policy.noBaseline !== 'push')
        return {
            verdict: 'refuse',
            reason: 'no baseline: no flight record on the tested branch or its recent history, and policy no-baseline is refuse',
        };
    if (n === 0)
        return {
            verdict: 'push',
            reason: baseline
                ? 'no regression'
                : 'no baseline (policy no-baseline: push); every failure reported',
        };
    if (policy.retryFlaky &&
        !others.length &&
        regressions.every((r) => r.kind === 'regression' && !r.build))
        return {
            verdict: 'retry',
            reason: `${n} regression${n > 1 ? 's' : ''} in steps that are not builds: asking for a fresh flight of the revision`,
            dispatch: { revision, purpose: 'retry' },
        };
    return {
        verdict: 'refuse',
        reason: `${n} regression${n > 1 ? 's' : ''}: ${regressions
            .slice(0, 3)
            .map((r) => `${r.job} ${r.step}`)
            .join(', ')}${n > 3 ? ', ...' : ''}`,
    };
}
/**
 * The gate's decision, final: the findings, then every policy (the baseline policies, osstest's
 * rule, a retry, a forced push). Nothing after it changes the verdict.
 */
function decideFlight(flight, baseline, history, allowList, policy) {
    const isBuild = picomatch__WEBPACK_IMPORTED_MODULE_2__(policy.buildJobs.length ? policy.buildJobs : ['build*']);
    const others = history.sameRevision.filter((r) => r.revision === flight.revision);
    const found = findings(flight, { baseline, history, others, policy }, new _allow_list_js__WEBPACK_IMPORTED_MODULE_1__/* .AllowMatcher */ .Aj(allowList), isBuild);
    const baseJobs = new Set((baseline?.record.jobs ?? []).map((j) => j.name));
    const nowJobs = new Set(flight.jobs.map((j) => j.name));
    let verdict = heldByPolicy(baseline, policy) ??
        ruleVerdict(flight.revision, baseline, found.regressions, others, policy);
    if (policy.force && verdict.verdict !== 'push')
        verdict = {
            verdict: 'push',
            forced: policy.force,
            reason: `forced by ${policy.force.actor}: ${policy.force.reason} (${verdict.reason})`,
        };
    const decision = {
        verdict: verdict.verdict,
        ...found,
        newJobs: flight.jobs.filter((j) => baseline && !baseJobs.has(j.name)).map((j) => j.name),
        goneJobs: [...baseJobs].filter((n) => !nowJobs.has(n)),
        // Every expired entry is reported, so the list gets cleaned up; none of them allows.
        expiredAllows: allowList.filter((e) => (0,_allow_list_js__WEBPACK_IMPORTED_MODULE_1__/* .isExpired */ ._d)(e, policy.now)),
        reason: verdict.reason,
    };
    if (verdict.forced)
        decision.forced = verdict.forced;
    if (verdict.dispatch)
        decision.dispatch = verdict.dispatch;
    return decision;
}
//# sourceMappingURL=decide.js.map

/***/ }),

/***/ 6402:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ stepPast),
/* harmony export */   S: () => (/* binding */ carryHistory)
/* harmony export */ });
/** What the history says of one job's step, or undefined when it was never seen. */
function stepPast(history, job, step) {
    const h = history?.steps[job]?.[step];
    if (!h)
        return undefined;
    const ref = (i) => (i === null ? undefined : history.flights[i]);
    return { first: ref(h[0]), lastPass: ref(h[1]), failingSince: ref(h[2]), last: h[3] };
}
/** The history after one more flight: `prev` (not changed) plus `jobs` as flight `at`. */
function carryHistory(prev, at, jobs) {
    // Work on refs, then rebuild the flights table with only what is still referenced.
    const steps = new Map();
    for (const [job, js] of Object.entries(prev?.steps ?? {})) {
        const m = new Map();
        for (const step of Object.keys(js))
            m.set(step, stepPast(prev, job, step));
        steps.set(job, m);
    }
    for (const job of jobs) {
        let m = steps.get(job.name);
        if (!m)
            steps.set(job.name, (m = new Map()));
        for (const s of job.steps) {
            const status = s.status;
            const past = m.get(s.name) ?? { first: at, last: status };
            if (status === 'skip') {
                m.set(s.name, past);
                continue;
            }
            if (status === 'pass')
                m.set(s.name, { first: past.first, lastPass: at, last: 'pass' });
            else
                m.set(s.name, {
                    first: past.first,
                    lastPass: past.lastPass,
                    failingSince: past.failingSince ?? at,
                    last: status,
                });
        }
    }
    const flights = [];
    const index = new Map();
    const idx = (r) => {
        if (!r)
            return null;
        const key = `${r.flight}\u0000${r.revision}\u0000${r.at}`;
        let i = index.get(key);
        if (i === undefined) {
            i = flights.push({ flight: r.flight, revision: r.revision, at: r.at }) - 1;
            index.set(key, i);
        }
        return i;
    };
    const out = {};
    for (const [job, m] of steps) {
        const js = (out[job] = {});
        for (const [step, p] of m)
            js[step] = [idx(p.first), idx(p.lastPass), idx(p.failingSince), p.last];
    }
    return { flights, steps: out };
}
//# sourceMappingURL=history.js.map

/***/ }),

/***/ 3853:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Bz: () => (/* binding */ checkCarried),
  GW: () => (/* binding */ fetchNotes),
  fK: () => (/* binding */ fetchTree),
  _I: () => (/* binding */ loadContext),
  y9: () => (/* binding */ usePartialClone)
});

// EXTERNAL MODULE: ./build/actions/lib/errors.js
var errors = __webpack_require__(4193);
// EXTERNAL MODULE: ./build/actions/lib/flight-notes.js
var flight_notes = __webpack_require__(8644);
// EXTERNAL MODULE: ./build/actions/lib/gate/model.js
var model = __webpack_require__(3491);
;// CONCATENATED MODULE: ./build/actions/lib/gate/notes.js
/**
 * The gate's baseline, found in the flight notes (read through actions/lib/flight-notes.ts):
 * the record on the tested head, else on its nearest first-parent ancestor that has one.
 */

/**
 * The baseline of a gate: the record on the tested head, else on its nearest first-parent
 * ancestor within `maxWalk` commits (history from before tributary, a push by hand). O(1)
 * notes read, whatever the length of history: one lookup of the head, then one of the walk.
 */
async function findBaseline(git, notesRef, head, maxWalk) {
    const notes = new flight_notes/* FlightNotes */.Cw(git, notesRef);
    let commits = [head];
    let blobs = await git.noteBlobs(notesRef, commits);
    if (!blobs.size && maxWalk > 1) {
        commits = await git.firstParents(head, maxWalk);
        blobs = await git.noteBlobs(notesRef, commits);
    }
    const commit = commits.find((c) => blobs.has(c));
    if (!commit)
        return undefined;
    const flights = notes.records(await git.readBlob(blobs.get(commit)), commit);
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
//# sourceMappingURL=notes.js.map
;// CONCATENATED MODULE: ./build/actions/lib/gate/hosted.js
/**
 * The gate's reads of the hosted tree, apart from its writes (publish.ts): its own clone made a
 * partial clone of the hosted tree; the tested and staging branches, the allow list's branch
 * and the flight notes fetched into it; whether staging carried the revision; the baseline
 * and the other flights of the revision.
 */




/** The remote name of the hosted tree in the gate's own clone (its URL carries no token). */
const HOSTED = 'hosted';
/**
 * Makes the gate's clone a partial clone of the hosted tree (remote `hosted`, a promisor):
 * objects it leaves out are fetched when something reads them, with the same credentials.
 */
async function usePartialClone(git, remote) {
    await git.usePromisorRemote(HOSTED, remote.url, 'blob:none');
    return HOSTED;
}
/**
 * Fetches the notes ref as it is now on the remote (forced: ours is only ever a copy). Only
 * its tip commit and trees come (depth 1, no blobs), so the fetch does not carry every record
 * ever made: the two or three notes the gate reads are fetched when read. A server without
 * partial clone sends everything.
 */
async function fetchNotes(git, remote, notesRef) {
    return new flight_notes/* FlightNotes */.Cw(git, notesRef).fetch(remote, () => usePartialClone(git, remote));
}
/** Where the gate's clone keeps the allow list's branch, apart from the branches it judges. */
const ALLOW_REF = 'refs/tributary/allow-list';
/**
 * A local repository with the hosted tree's tested and staging branches (commits only), the
 * allow list's branch and the notes. The revision is never fetched by id: what staging does
 * not carry is not the gate's to push.
 */
async function fetchTree(s, git, allowSource) {
    const tested = `refs/heads/${s.tested}`;
    const staging = `refs/heads/${s.staging}`;
    const allow = `refs/heads/${allowSource.branch}`;
    const refs = await git.lsRemote(s.remote, [tested, staging, allow]);
    if (!refs.has(tested))
        throw new errors/* ConfigurationError */.j1('tested', `The tested branch '${s.tested}' does not exist in ${s.remote}: create it at the last revision that passed.`);
    const local = (branch) => `refs/remotes/hosted/${branch}`;
    const specs = [`+${tested}:${local(s.tested)}`];
    if (refs.has(staging))
        specs.push(`+${staging}:${local(s.staging)}`);
    if (refs.has(allow))
        specs.push(`+${allow}:${ALLOW_REF}`);
    // Commits only: the ancestry check and the baseline walk read nothing else, so the fetch
    // stays small however long the history (a server without partial clone sends it all); the
    // allow list's tree and file come when read.
    const hosted = await usePartialClone(git, { url: s.remote });
    await git.fetch(hosted, specs, { filter: 'tree:0', retries: 3 });
    await fetchNotes(git, { url: s.remote }, s.notesRef);
    return {
        testedHead: (await git.commitOf(local(s.tested))),
        stagingHead: refs.has(staging) ? await git.commitOf(local(s.staging)) : undefined,
        allowHead: refs.has(allow) ? await git.commitOf(ALLOW_REF) : undefined,
    };
}
/**
 * The revision must be the tested head itself (a baseline flight of it) or reachable from the
 * staging head fetched in this run (a dispatched retry of an older staging commit is).
 */
async function checkCarried(s, git, revision, tree) {
    if (revision === tree.testedHead)
        return;
    if (tree.stagingHead &&
        (await git.commitOf(revision)) &&
        (await git.isAncestor(revision, tree.stagingHead)))
        return;
    const where = tree.stagingHead
        ? `'${s.staging}' (head ${tree.stagingHead} as fetched now)`
        : `'${s.staging}', which does not exist in ${s.remote},`;
    throw new model/* NotCarried */.k(revision, s.staging, `Revision ${revision} is not on ${where} nor is it ${s.tested}'s head ${tree.testedHead}: the gate pushes only what ${s.staging} carried. Nothing pushed, nothing recorded.`);
}
/** Reads what the decision needs from the notes: O(1) notes, whatever the length of history. */
async function loadContext(s, git, revision, testedHead) {
    const found = await findBaseline(git, s.notesRef, testedHead, s.maxWalk);
    const sameRevision = await (0,flight_notes/* readFlights */.QX)(git, s.notesRef, revision);
    return {
        testedHead,
        baseline: found ? { record: found.record, kind: found.kind } : undefined,
        sameRevision,
    };
}
//# sourceMappingURL=hosted.js.map

/***/ }),

/***/ 3491:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   k: () => (/* binding */ NotCarried)
/* harmony export */ });
/**
 * The gate refuses a revision that the staging branch did not carry: pushing whatever
 * descends from the tested head (a commit under refs/pull/*, a fork's) would walk around the
 * review staging stands for. Refused before anything is written: no branch, no note.
 */
class NotCarried extends Error {
    revision;
    branch;
    constructor(revision, branch, message) {
        super(message);
        this.revision = revision;
        this.branch = branch;
        this.name = 'NotCarried';
    }
}
//# sourceMappingURL=model.js.map

/***/ }),

/***/ 8841:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X4: () => (/* binding */ PushRefused),
/* harmony export */   kO: () => (/* binding */ publishFlight)
/* harmony export */ });
/* unused harmony export checkFastForward */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4193);
/* harmony import */ var _flight_notes_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8644);
/* harmony import */ var _hosted_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3853);
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
/** Refuses a revision that is not a fast-forward of the tested head. */
async function checkFastForward(git, tested, head, revision) {
    if (!(await git.isAncestor(head, revision))) {
        throw new PushRefused(`Revision ${revision} does not descend from ${tested}'s head ${head}: moving ${tested} there would not be a fast-forward. Nothing pushed.`, 'not-descendant');
    }
}
/** Whether a note on the remote already holds this very record (a push that landed unseen). */
async function recorded(git, notesRef, record) {
    return (await new _flight_notes_js__WEBPACK_IMPORTED_MODULE_1__/* .FlightNotes */ .Cw(git, notesRef).read(record.revision)).some((r) => r.flight === record.flight && r.recordedAt === record.recordedAt);
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
        const notes = await new _flight_notes_js__WEBPACK_IMPORTED_MODULE_1__/* .FlightNotes */ .Cw(git, notesRef).append(record);
        const updates = [
            { ref: notesRef, sha: notes, expected: expected || undefined },
        ];
        if (tested)
            updates.push({
                ref: `refs/heads/${tested.branch}`,
                sha: record.revision,
                expected: tested.head,
            });
        const r = await git.pushLeased(remote.url, updates, { retries: 3 });
        if (r.ok)
            return { attempts: attempt, moved: !!tested, alreadyThere };
        // Decide from what the hosted tree holds now, not from how the push failed.
        const branch = opts.tested ? `refs/heads/${opts.tested.branch}` : undefined;
        const now = await git.lsRemote(remote.url, [notesRef, ...(branch ? [branch] : [])]);
        const notesMoved = (now.get(notesRef) ?? '') !== expected;
        if (notesMoved) {
            await (0,_hosted_js__WEBPACK_IMPORTED_MODULE_2__/* .fetchNotes */ .GW)(git, remote, notesRef);
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
        const busy = !notesMoved && !retarget && CONTENDED.test(r.output);
        if ((!notesMoved && !retarget && !busy) || attempt >= tries) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1('push', `Pushing the flight record${tested ? ` and ${tested.branch}` : ''} failed (attempt ${attempt}): ${r.output.split('\n').slice(-4).join(' / ')}`);
        }
        if (busy) {
            opts.logger?.info(`The hosted tree was busy with another push; trying again (attempt ${attempt + 1}).`);
            await (0,_hosted_js__WEBPACK_IMPORTED_MODULE_2__/* .fetchNotes */ .GW)(git, remote, notesRef); // undoes the local note commit
        }
        else if (notesMoved)
            opts.logger?.info(`Another gate recorded a flight meanwhile; fetching ${notesRef} and recording again (attempt ${attempt + 1}).`);
    }
}
//# sourceMappingURL=publish.js.map

/***/ }),

/***/ 9796:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   x: () => (/* binding */ readResults)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4193);
/* harmony import */ var _flight_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1576);
/* harmony import */ var _junit_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9164);
/**
 * Gathers a flight's job results from a directory as actions/download-artifact leaves it (one
 * sub-folder per artifact, or all merged): every `*.json` is a job result (tributary.job/v1),
 * every JUnit `*.xml` too. Anything wrong (not JSON, not the format, an unknown status, two
 * results for one job, a result for another revision) is an error naming the file and the
 * field, raised before the gate does anything else.
 */





/** Where the revision came from when the gate was given one (not a result file). */
const REVISION_SETTING = '\0revision';
function listFiles(dir) {
    const out = [];
    const visit = (d) => {
        for (const e of (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
            const p = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(d, e.name);
            if (e.isDirectory())
                visit(p);
            else if (e.isFile() || (e.isSymbolicLink() && (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(p).isFile()))
                out.push(p);
        }
    };
    visit(dir);
    return out;
}
/**
 * Reads every result under `dir`. `tree` is the short name of the tree under test; `revision`
 * the revision it was given (else taken from the results, which must then name it).
 */
function readResults(dir, tree, revision) {
    let st;
    try {
        st = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(dir);
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1('results', `The results directory '${dir}' does not exist.`);
    }
    if (!st.isDirectory())
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1('results', `The results path '${dir}' is not a directory.`);
    const found = [];
    for (const file of listFiles(dir)) {
        const source = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(dir, file) || file;
        if (file.endsWith('.json')) {
            found.push({ result: (0,_flight_js__WEBPACK_IMPORTED_MODULE_3__/* .parseJobResult */ .De)((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file, 'utf8'), source), source });
        }
        else if (file.endsWith('.xml')) {
            const text = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file, 'utf8');
            // Artifacts may hold other XML (a guest's configuration): only JUnit reports are results.
            if (!(0,_junit_js__WEBPACK_IMPORTED_MODULE_4__/* .looksLikeJUnit */ .CG)(text))
                continue;
            for (const result of (0,_junit_js__WEBPACK_IMPORTED_MODULE_4__/* .parseJUnit */ .iM)(text, source))
                found.push({ result, source });
        }
    }
    // A job that writes both forms (hypervisor-test writes result.json and junit.xml side by
    // side) is one result: the JUnit beside a result file of the same job is left out.
    const jsonJobs = new Set(found
        .filter((f) => f.source.endsWith('.json'))
        .map((f) => `${(0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(f.source)}\0${f.result.job}`));
    for (let i = found.length - 1; i >= 0; i--) {
        const f = found[i];
        if (f.source.endsWith('.xml') && jsonJobs.has(`${(0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(f.source)}\0${f.result.job}`))
            found.splice(i, 1);
    }
    if (!found.length)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1('results', `No job result (*.json in format tributary.job/v1, or JUnit *.xml) under '${dir}'.`);
    // The revision of the tree under test: all results must agree, and with the revision
    // given. Another tree (the consumer a dependency is gated against) may differ by job: the
    // flight's `trees` then holds its first revision seen, and each job that differs its own.
    const trees = new Map();
    if (revision)
        trees.set(tree, { t: { name: tree, revision }, source: REVISION_SETTING });
    for (const { result, source } of found) {
        result.trees.forEach((t, i) => {
            const known = trees.get(t.name);
            if (!known)
                trees.set(t.name, { t, source });
            else if (known.t.revision !== t.revision && t.name === tree) {
                const says = (other) => `${source}: field 'trees[${i}].revision' is ${t.revision} for tree '${t.name}', but ${other} says ${known.t.revision}: a result for another revision.`;
                if (known.source === REVISION_SETTING)
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .SettingError */ .L_('revision', says);
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`${source}: trees[${i}].revision`, says(known.source));
            }
        });
    }
    const tested = trees.get(tree);
    if (!tested)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .SettingError */ .L_('revision', (name) => `No result names tree '${tree}' in its 'trees' field and no revision was given: say which revision the flight tested (${name}).`);
    // One job, one result; a re-run (a higher attempt) replaces an earlier one and keeps its
    // step statuses as earlier attempts, so a step that passed on the re-run counts as flaky.
    const jobs = new Map();
    for (const { result, source } of found) {
        const attempt = result.attempt ?? 1;
        const job = { name: result.job, steps: result.steps, attempt };
        if (result.trees.some((t) => trees.get(t.name).t.revision !== t.revision))
            job.trees = result.trees;
        if (result.host)
            job.host = result.host;
        if (result.url)
            job.url = result.url;
        if (result.cancelled)
            job.cancelled = true;
        const known = jobs.get(result.job);
        if (!known) {
            jobs.set(result.job, { job, source, attempt });
            continue;
        }
        if (known.attempt === attempt) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`${source}: job`, `${source}: field 'job' repeats job '${result.job}' of ${known.source} (both attempt ${attempt}): job names must be unique in a flight.`);
        }
        const [older, newer] = known.attempt < attempt
            ? [known, { job, source, attempt }]
            : [{ job, source, attempt }, known];
        newer.job.steps = newer.job.steps.map((s) => {
            const before = older.job.steps.find((o) => o.name === s.name);
            if (!before)
                return s;
            return { ...s, attempts: [...(before.attempts ?? []), before.status, ...(s.attempts ?? [])] };
        });
        jobs.set(result.job, newer);
    }
    const flights = new Set(found.map((f) => f.result.flight).filter(Boolean));
    const starts = found
        .map((f) => f.result.startedAt)
        .filter((s) => !!s)
        .sort();
    return {
        jobs: [...jobs.values()].map((j) => j.job).sort((a, b) => a.name.localeCompare(b.name)),
        trees: [...trees.values()].map((t) => t.t),
        revision: tested.t.revision,
        sources: new Map([...jobs.entries()].map(([k, v]) => [k, v.source])),
        flight: flights.size === 1 ? [...flights][0] : undefined,
        startedAt: starts[0],
    };
}
//# sourceMappingURL=results.js.map

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

/***/ })

};
