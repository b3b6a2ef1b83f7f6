export const id = 667;
export const ids = [667];
export const modules = {

/***/ 9947:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ divergence)
/* harmony export */ });
/* harmony import */ var _classifier_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3936);
/* harmony import */ var _facts_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1174);
/**
 * The divergence report: what exists only downstream, which of it upstream now carries in
 * another form, and what to revert or drop before syncing to a new upstream head, each with
 * the upstream commit that supersedes it. Read by people (Markdown) and by the sync pull
 * request of track (JSON).
 */


/** Prefix lookup of written (possibly abbreviated) commit ids, in one order warm or cold. */
function findByWritten(map, commit) {
    const out = new Set();
    for (const [written, commits] of map) {
        if (written.length >= 7 && commit.startsWith(written))
            for (const c of commits)
                out.add(c);
    }
    return [...out].sort();
}
function compare(a, b) {
    if (a?.stable && a.stable === b?.stable)
        return 'identical';
    if (a?.zero && a.zero === b?.zero)
        return 'context-moved';
    return 'modified';
}
async function divergence(options) {
    const { git } = options;
    const targetRevision = options.target ?? options.followed ?? options.development;
    const analysis = await (0,_classifier_js__WEBPACK_IMPORTED_MODULE_0__/* .analyse */ .KH)({
        ...options,
        head: options.downstream,
        moreUpstream: [targetRevision],
    });
    const { classifications, facts, byPatch } = analysis;
    const target = (await git.commitOf(targetRevision));
    const targetSet = new Set();
    for await (const c of git.nonMergesNotFrom(target, analysis.revisions.head))
        targetSet.add(c);
    const upstreamSet = new Set(analysis.upstream);
    // Upstream commits naming a commit as their origin, for both directions of "by reference".
    const referencing = analysis.upstreamByReference;
    /** The upstream commits (within `within`) that carry a downstream commit's change. */
    const supersedingOf = (c, within) => {
        if (c.class === 'backport' && c.upstream) {
            // Each commit it names (several: a squash) is there, or an upstream stable branch
            // carries its own pick of it; a squash is superseded only when all of them are.
            const carriers = (c.upstreams ?? [c.upstream]).map((named) => within.has(named) ? named : findByWritten(referencing, named).find((u) => within.has(u)));
            if (carriers.every(Boolean))
                return { upstream: carriers[0], match: 'reference' };
        }
        const byDownstreamId = findByWritten(referencing, c.commit).filter((u) => within.has(u));
        if (byDownstreamId.length)
            return { upstream: byDownstreamId[0], match: 'reference' };
        const f = facts.get(c.commit);
        for (const id of [f?.stable, f?.zero]) {
            const hit = id ? byPatch.get(id)?.find((u) => within.has(u)) : undefined;
            if (hit)
                return { upstream: hit, match: 'patch' };
        }
        return undefined;
    };
    // Reverted pairs cancel out: neither needs anything before a sync.
    const cancelled = new Set();
    for (const c of classifications) {
        if (c.class === 'revert' && c.reverts) {
            cancelled.add(c.commit);
            cancelled.add(c.reverts);
        }
    }
    const carriedRaw = [];
    const supersededRaw = [];
    for (const c of classifications) {
        if (c.class === 'sync' || c.class === 'merge' || cancelled.has(c.commit))
            continue;
        if (c.class === 'downstream-only' || c.class === 'violation' || c.declared) {
            const s = supersedingOf(c, upstreamSet);
            if (s)
                carriedRaw.push({ c, ...s });
        }
        const t = supersedingOf(c, targetSet);
        if (t)
            supersededRaw.push({ c, ...t });
    }
    const uppers = [...new Set([...carriedRaw, ...supersededRaw].map((x) => x.upstream))];
    const unread = uppers.filter((c) => !facts.has(c));
    for (const [c, f] of await (0,_facts_js__WEBPACK_IMPORTED_MODULE_1__/* .commitFacts */ .Tw)(git, unread, analysis.cache))
        facts.set(c, f);
    await (0,_facts_js__WEBPACK_IMPORTED_MODULE_1__/* .computePatchIds */ .YA)(git, uppers, facts, analysis.cache, options.logger);
    analysis.cache.save();
    const names = new Map((await git.commitSummaries(uppers)).map((s) => [s.sha, s.subject]));
    const carried = (x) => ({
        commit: x.c.commit,
        subject: x.c.subject,
        class: x.c.class,
        declared: x.c.declared,
        upstream: x.upstream,
        upstreamSubject: names.get(x.upstream) ?? '',
        match: x.match,
        patch: compare(facts.get(x.c.commit), facts.get(x.upstream)),
    });
    const revision = (r, commit, label) => ({
        revision: label ?? (0,_classifier_js__WEBPACK_IMPORTED_MODULE_0__/* .refLabel */ .E3)(r),
        commit,
    });
    const labels = options.labels ?? {};
    return {
        format: 'tributary.divergence/v1',
        downstream: revision(options.downstream, analysis.revisions.head, labels.downstream),
        followed: revision(options.followed ?? options.development, analysis.revisions.followed, labels.followed),
        development: revision(options.development, analysis.revisions.development, labels.development),
        target: revision(targetRevision, target, labels.target),
        counts: (0,_classifier_js__WEBPACK_IMPORTED_MODULE_0__/* .countClasses */ .Eh)(classifications),
        downstreamOnly: classifications
            .filter((c) => c.class === 'downstream-only')
            .map((c) => ({ commit: c.commit, subject: c.subject, reason: c.reason ?? '' })),
        unexplained: classifications.filter((c) => c.class === 'violation'),
        carried: carriedRaw.map(carried),
        supersededByTarget: supersededRaw.reverse().map((x) => {
            const entry = carried(x);
            return { ...entry, action: entry.patch === 'identical' ? 'drop' : 'revert' };
        }),
        commits: classifications,
    };
}
//# sourceMappingURL=divergence.js.map

/***/ }),

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

/***/ 6667:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  trackCommand: () => (/* binding */ trackCommand),
  trackSpec: () => (/* binding */ trackSpec)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: ./build/actions/lib/errors.js
var errors = __webpack_require__(4193);
// EXTERNAL MODULE: ./build/actions/lib/flight-notes.js
var flight_notes = __webpack_require__(8644);
// EXTERNAL MODULE: ./build/actions/lib/settings.js
var settings = __webpack_require__(1007);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./build/actions/lib/github.js + 4 modules
var lib_github = __webpack_require__(9161);
;// CONCATENATED MODULE: ./build/actions/lib/track/marker.js
/**
 * What track keeps in the marker of its pull requests and conflict issues (the GitHub
 * module's one marker, kind `track`): the purpose's key, and the state as payload, which
 * records what tributary last pushed so that a person's push to the branch is recognised.
 * Bodies under the old form (`<!-- tributary:track {JSON} -->`) are still read.
 */

const MARKER_KIND = 'track';
/** The key of a purpose: one open pull request per key, ever. */
function markerKey(m) {
    return [m.mode, m.target, m.subject].filter((x) => x !== undefined && x !== '').join(':');
}
function valid(p) {
    const m = p;
    return m?.v === 1 && typeof m.mode === 'string' && typeof m.target === 'string';
}
/** The key of an old-form marker: implied by its payload. */
function keyOfPayload(p) {
    return valid(p) ? markerKey(p) : undefined;
}
function renderMarker(m) {
    return (0,lib_github.renderMarker)(MARKER_KIND, markerKey(m), m);
}
/** The marker in a body, or undefined when the body has none (or a damaged one). */
function parseMarker(body) {
    const m = (0,lib_github.parseMarker)(body, MARKER_KIND, keyOfPayload);
    return m && valid(m.payload) ? m.payload : undefined;
}
//# sourceMappingURL=marker.js.map
;// CONCATENATED MODULE: ./build/actions/lib/track/patches.js
/**
 * Changes delivered by mail, for consumers that take them on a mailing list (Xen) rather than
 * as pull requests: what a pull request would carry (a sync, a backport, a pin bump) written as
 * a `git format-patch` series, one folder a change, with a cover letter whose subject and body
 * are the pull request's title and body, ready for `git send-email <folder>`. Which of the two
 * a run delivers is the `deliver` setting; the modes see one `Delivery` either way.
 */



const DELIVERIES = ['pull-request', 'patches', 'both'];
/** A folder name from a branch name: `tributary/pin/staging/Config.mk` → `pin-staging-Config.mk`. */
function seriesFolder(branch, prefix) {
    const p = prefix ? prefix.replace(/\/?$/, '/') : '';
    const name = branch.startsWith(p) ? branch.slice(p.length) : branch;
    return name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|-+$/g, '') || 'change';
}
/** A header value as mail carries it: ASCII as it is, anything else as an RFC 2047 word. */
function headerValue(text) {
    if (/^[\x20-\x7e]*$/.test(text))
        return text;
    return `=?UTF-8?B?${Buffer.from(text, 'utf8').toString('base64')}?=`;
}
/**
 * Fills the cover letter git wrote (`*** SUBJECT HERE ***`, `*** BLURB HERE ***`) with the
 * change's title and body, and says which commit it applies to; a body beyond ASCII gets the
 * MIME headers that say so.
 */
function fillCoverLetter(letter, title, body, base) {
    const end = letter.indexOf('\n\n');
    let headers = letter.slice(0, end);
    let rest = letter.slice(end);
    headers = headers.replace('*** SUBJECT HERE ***', () => headerValue(title));
    rest = rest.replace('*** BLURB HERE ***', () => body.trim());
    // What the series applies to, in the line b4 and patchwork read (format-patch's --base
    // refuses a range whose commits do not all descend from the base: a sync's upstream ones).
    const signature = rest.lastIndexOf('\n-- \n');
    const line = `\nbase-commit: ${base}\n`;
    rest =
        signature < 0 ? `${rest}${line}` : `${rest.slice(0, signature)}${line}${rest.slice(signature)}`;
    // eslint-disable-next-line no-control-regex
    if (/[^\x00-\x7f]/.test(body) && !/^Content-Type:/im.test(headers))
        headers +=
            '\nMIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 8bit';
    return headers + rest;
}
/**
 * Delivers proposals as patch series, and as pull requests too when `pulls` is given. Without
 * pull requests nothing is asked of the GitHub API: no open pull request is known, none is
 * closed, and each run writes the series of what it finds to propose.
 */
class PatchDelivery {
    git;
    options;
    series = [];
    constructor(git, options) {
        this.git = git;
        this.options = options;
    }
    get directory() {
        return (0,external_node_path_.resolve)(this.options.directory);
    }
    get outcomes() {
        return this.options.pulls?.outcomes ?? [];
    }
    async load(mode, opts) {
        await this.options.pulls?.load(mode, opts);
    }
    openFor(key) {
        return this.options.pulls?.openFor(key);
    }
    openPulls() {
        return this.options.pulls?.openPulls() ?? [];
    }
    async close(key, reason) {
        return this.options.pulls?.close(key, reason);
    }
    async propose(p) {
        const written = await this.write(p);
        if (this.options.pulls)
            return this.options.pulls.propose(p);
        return {
            key: markerKey(p.marker),
            kind: 'patches',
            number: 0,
            url: written?.directory ?? '',
            title: p.title,
            operation: 'created',
            note: written ? `${written.files.length - 1} patches` : 'conflicts: no patches written',
        };
    }
    /** Writes one proposal's series; a conflicting one has nothing to apply, so none. */
    async write(p) {
        const { logger, notes } = this.options;
        const folder = (0,external_node_path_.join)(this.directory, seriesFolder(p.branch, this.options.branchPrefix));
        // What an earlier run wrote for this change is stale either way.
        (0,external_node_fs_.rmSync)(folder, { recursive: true, force: true });
        if (p.conflict) {
            const why = `${p.title}: conflicts, so no patches were written (${p.change}).`;
            logger.warning(why, { title: 'track-upstream conflict' });
            notes.push(why);
            return undefined;
        }
        const base = (await this.git.commitOf(this.options.baseRef));
        (0,external_node_fs_.mkdirSync)(folder, { recursive: true });
        const files = await this.git.formatPatch(base, p.commit, folder);
        const [cover] = files;
        (0,external_node_fs_.writeFileSync)(cover, fillCoverLetter((0,external_node_fs_.readFileSync)(cover, 'utf8'), p.title, p.body, base));
        const series = {
            key: markerKey(p.marker),
            title: p.title,
            change: p.change,
            directory: folder,
            files,
            base,
            head: p.commit,
        };
        this.series.push(series);
        logger.info(`patches: ${files.length - 1} for ${p.change} in ${folder}`);
        return series;
    }
}
//# sourceMappingURL=patches.js.map
;// CONCATENATED MODULE: ./build/actions/lib/track/settings.js
/**
 * The settings of one track run, parsed and checked in one place, before anything changes:
 * the action's main.ts and `tributary track` both build them here, each with its own reader.
 */





/** Every input of the track-upstream action, with the default its action.yml declares. */
const TRACK_SETTINGS = {
    mode: { required: true },
    token: { secret: true, runner: '${{ github.token }}' },
    repository: { runner: '${{ github.repository }}' },
    'git-url': {},
    'api-url': {},
    target: { default: 'staging' },
    upstream: {},
    'upstream-url': {},
    strategy: { default: 'merge' },
    'stable-patterns': {},
    'reference-patterns': {},
    commits: {},
    grouping: { default: 'per-commit' },
    since: {},
    'max-pull-requests': { default: '20' },
    'dry-run': { default: 'false' },
    'tree-url': {},
    'tree-token': { secret: true },
    'pin-branch': {},
    'pin-tags': {},
    'require-flight': { default: 'true' },
    'notes-ref': { default: flight_notes/* FLIGHT_NOTES_REF */.f6 },
    'pin-file': {},
    'pin-variable': {},
    'pin-pattern': {},
    'pin-submodule': {},
    labels: {},
    reviewers: {},
    'team-reviewers': {},
    assignees: {},
    draft: { default: 'false' },
    'committer-name': { default: 'github-actions[bot]' },
    'committer-email': { default: '41898282+github-actions[bot]@users.noreply.github.com' },
    signoff: { default: 'false' },
    conflicts: { default: 'draft' },
    'branch-prefix': { default: 'tributary/' },
    deliver: { default: 'pull-request' },
    'patches-directory': {},
    'work-directory': {},
    filter: { default: 'blob:none' },
};
const MODES = ['sync', 'backport', 'pin'];
/** Compiles a user's regular expression; the error names the setting and quotes the pattern. */
function compilePattern(setting, source, groups = 0) {
    let re;
    try {
        re = new RegExp(source, 'm');
    }
    catch (e) {
        throw (0,errors/* invalidSetting */.gT)(setting, source, `a regular expression: ${e.message}`);
    }
    if (groups > 0) {
        const count = new RegExp(`${source}|`).exec('').length - 1;
        if (count < groups)
            throw (0,errors/* invalidSetting */.gT)(setting, source, `a regular expression with a capture group for the revision`);
    }
    return re;
}
// Control characters are what git refuses in ref names.
// eslint-disable-next-line no-control-regex
const BRANCH = /^(?!\/|.*(?:\/\/|\.\.|@\{|\\|\.lock$|\/$|\.$))[^\s~^:?*[\x00-\x1f\x7f]+$/;
/** A branch name as git accepts it (no `..`, no spaces, no `~^:?*[`), or an error naming the setting. */
function checkBranch(setting, value) {
    if (!value || !BRANCH.test(value))
        throw (0,errors/* invalidSetting */.gT)(setting, value, 'a branch name');
    return value.replace(/^refs\/heads\//, '');
}
/** Checks what depends on the mode; called by every front end after filling the settings. */
function validateSettings(s) {
    checkBranch('target', s.target);
    if (s.mode !== 'pin')
        checkBranch('upstream', s.upstream);
    if (s.branchPrefix && !BRANCH.test(s.branchPrefix.replace(/\/$/, '') || 'x'))
        throw (0,errors/* invalidSetting */.gT)('branch-prefix', s.branchPrefix, 'a branch name prefix such as tributary/');
    if (!/^(?:blob:none|tree:0|blob:limit=\d+[kmg]?|)$/.test(s.filter))
        throw (0,errors/* invalidSetting */.gT)('filter', s.filter, 'blob:none, tree:0, blob:limit=<n> or none');
    if (!s.identity.name || !/^[^<>\s]+@[^<>\s]+$/.test(s.identity.email))
        throw (0,errors/* invalidSetting */.gT)('committer-email', `${s.identity.name} <${s.identity.email}>`, 'a name and an e-mail address');
    // A rebase replaces the target rather than adding to it: no series applies to the target.
    if (s.mode === 'sync' && s.strategy === 'rebase' && s.deliver !== 'pull-request')
        throw new errors/* SettingError */.L_('deliver', (name, n) => `${(0,errors/* capitalised */.Iu)(name)}: ${s.deliver} needs ${n.name('strategy')} merge in sync mode; a rebase replaces ${s.target} and no patch series applies to it.`);
    if (!Number.isInteger(s.maxPullRequests) || s.maxPullRequests < 1)
        throw (0,errors/* invalidSetting */.gT)('max-pull-requests', String(s.maxPullRequests), 'a whole number of 1 or more');
    // A dry run that would still write is worse than none: refuse it where there is none.
    if (s.dryRun && s.mode !== 'backport')
        throw new errors/* SettingError */.L_('dry-run', (name) => `${(0,errors/* capitalised */.Iu)(name)}: only backport mode has a dry run; ${s.mode} mode would write. Leave ${name} unset for ${s.mode}.`);
    if (s.mode === 'pin') {
        const p = s.pin;
        if (!p?.treeUrl)
            throw new errors/* SettingError */.L_('tree-url', (name) => `pin mode needs ${name}: the hosted tree the pin follows.`);
        if (!p.branch === !p.tags)
            throw new errors/* SettingError */.L_('pin-branch', (name, n) => `pin mode needs exactly one of ${name} (the tested branch) or ${n.name('pin-tags')} (a tag glob).`);
        if (p.branch)
            checkBranch('pin-branch', p.branch);
        const kinds = [p.variable, p.pattern, p.submodule].filter((x) => x !== undefined).length;
        if (kinds !== 1)
            throw new errors/* SettingError */.L_('pin-variable', (name, n) => `pin mode needs exactly one of ${name}, ${n.name('pin-pattern')} or ${n.name('pin-submodule')}.`);
        if ((p.variable || p.pattern) && !p.file)
            throw new errors/* SettingError */.L_('pin-file', (name, n) => `${n.name('pin-variable')} and ${n.name('pin-pattern')} need ${name}.`);
        if (p.variable && !/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(p.variable))
            throw (0,errors/* invalidSetting */.gT)('pin-variable', p.variable, 'a Makefile variable name');
        for (const [name, path] of [
            ['pin-file', p.file],
            ['pin-submodule', p.submodule],
        ]) {
            if (path !== undefined && (!path || path.startsWith('/') || path.split('/').includes('..')))
                throw (0,errors/* invalidSetting */.gT)(name, path, 'a path inside the repository');
        }
    }
    return s;
}
/** The track settings from either front end's reader: `main.ts` and `tributary track`. */
function parseTrackSettings(read, context) {
    const v = new settings/* Settings */.wB(read, TRACK_SETTINGS);
    v.required('mode', `the mode, one of ${MODES.join(', ')}`);
    const mode = v.choice('mode', MODES);
    v.required('repository', 'the repository the pull requests are opened in, owner/repo');
    const { owner, repo } = v.repository('repository');
    const token = v.secret('token');
    const gitUrl = v.string('git-url') || `${context.serverUrl.replace(/\/+$/, '')}/${owner}/${repo}.git`;
    // Patches of a local repository ask nothing of GitHub: no token to give (a rehearsal).
    const local = !/^https?:\/\//i.test(gitUrl);
    if (!token && !(local && v.string('deliver') === 'patches'))
        throw new errors/* SettingError */.L_('token', (name) => `${(0,errors/* capitalised */.Iu)(name)} is empty. Expected a token for the GitHub API and git over HTTPS (contents and pull requests write).`);
    if (!/^(https?|file|ssh|git):\/\/|^\//.test(gitUrl))
        throw v.invalid('git-url', gitUrl, 'an https:// URL');
    const upstream = v.string('upstream');
    if (mode !== 'pin' && !upstream)
        throw v.invalid('upstream', upstream, `a branch name (${mode} mode needs it)`);
    const pattern = v.string('pin-pattern');
    const filter = v.string('filter');
    return {
        mode,
        owner,
        repo,
        gitUrl,
        token,
        apiUrl: v.optional('api-url'),
        target: v.string('target'),
        upstream,
        upstreamUrl: v.optional('upstream-url'),
        strategy: v.choice('strategy', ['merge', 'rebase']),
        stablePatterns: v.lines('stable-patterns').map((p) => compilePattern('stable-patterns', p)),
        referencePatterns: v
            .lines('reference-patterns')
            .map((p) => compilePattern('reference-patterns', p, 1)),
        commits: v.list('commits'),
        grouping: v.choice('grouping', ['per-commit', 'batch']),
        since: v.optional('since'),
        maxPullRequests: v.integer('max-pull-requests', { min: 1 }),
        dryRun: v.boolean('dry-run'),
        pin: mode === 'pin'
            ? {
                treeUrl: v.string('tree-url'),
                treeToken: v.secret('tree-token') || undefined,
                branch: v.optional('pin-branch'),
                tags: v.optional('pin-tags'),
                notesRef: v.string('notes-ref'),
                requireFlight: v.boolean('require-flight'),
                file: v.optional('pin-file'),
                variable: v.optional('pin-variable'),
                pattern: pattern ? compilePattern('pin-pattern', pattern, 1) : undefined,
                submodule: v.optional('pin-submodule'),
            }
            : undefined,
        labels: v.list('labels'),
        reviewers: v.list('reviewers'),
        teamReviewers: v.list('team-reviewers'),
        assignees: v.list('assignees'),
        draft: v.boolean('draft'),
        identity: { name: v.string('committer-name'), email: v.string('committer-email') },
        signoff: v.boolean('signoff'),
        conflicts: v.choice('conflicts', ['draft', 'issue']),
        branchPrefix: v.string('branch-prefix'),
        workDir: v.string('work-directory') || context.defaultWorkDir,
        // `none`: whole objects (a server without partial-clone support).
        filter: filter === 'none' ? '' : filter,
        deliver: v.choice('deliver', DELIVERIES),
        patchesDir: v.string('patches-directory') ||
            context.defaultPatchesDir ||
            (0,external_node_path_.join)((0,external_node_path_.dirname)(context.defaultWorkDir), 'tributary-patches'),
    };
}
//# sourceMappingURL=settings.js.map
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./build/actions/lib/track/history.js
/** Commits of a range (`git log` arguments), oldest first unless `newestFirst`. */
function readCommits(git, revs, options = {}) {
    return git.readCommits(revs, options);
}
/** `- 1a2b3c4d5e6f subject (author)` lines of a range, newest last, at most `limit`. */
async function shortlog(git, range, limit = 200) {
    const commits = await readCommits(git, range);
    const lines = commits
        .slice(-limit)
        .map((c) => `- ${c.sha.slice(0, 12)} ${escapeMarkdown(c.subject)} (${escapeMarkdown(c.author.name)})`);
    if (commits.length > limit)
        lines.unshift(`- ... and ${commits.length - limit} older commits`);
    return lines;
}
/** Keeps commit text from turning into markup or mentions in a pull request body. */
function escapeMarkdown(text) {
    return text.replace(/([\\`*_[\]<>|#])/g, '\\$1').replace(/@/g, '@\u200b');
}
/** A message with a trailer line added as git does (-x, -s): in the trailer block if any. */
function addTrailers(message, lines) {
    let text = message.replace(/\s+$/, '');
    for (const line of lines) {
        if (!line || text.split('\n').includes(line))
            continue;
        const paragraphs = text.split(/\n\s*\n/);
        const last = paragraphs[paragraphs.length - 1];
        const trailerBlock = paragraphs.length > 1 &&
            last
                .split('\n')
                .every((l) => /^[A-Za-z0-9-]+: /.test(l) || /^\(cherry picked from commit/.test(l));
        text += trailerBlock ? `\n${line}` : `\n\n${line}`;
    }
    return text + '\n';
}
//# sourceMappingURL=history.js.map
;// CONCATENATED MODULE: ./build/actions/lib/track/context.js

/** The branch of a purpose: `<prefix><mode>/<target>[/<detail>]`. */
function branchName(s, ...parts) {
    const prefix = s.branchPrefix ? s.branchPrefix.replace(/\/?$/, '/') : '';
    return `${prefix}${[s.mode, s.target, ...parts].join('/')}`;
}
/** A message with the Signed-off-by of the configured identity, when asked for. */
function signed(s, message, extra = []) {
    const lines = [...extra];
    if (s.signoff)
        lines.push(`Signed-off-by: ${s.identity.name} <${s.identity.email}>`);
    return addTrailers(message, lines);
}
const context_short = (sha) => sha.slice(0, 12);
/** The section of a body that says how to redo a merge or pick by hand. */
function reproduce(commands) {
    return ['To reproduce and resolve locally:', '', '```sh', ...commands, '```'].join('\n');
}
function conflictList(files) {
    return files.map((f) => `- \`${f.replace(/`/g, "'")}\``).join('\n');
}
/**
 * Fetches the downstream target branch (as refs/track/target) and the upstream branch it
 * follows (refs/track/upstream), from one server when upstream is hosted there too, plus any
 * other refs of the hosted tree a mode needs. Returns both heads and what the server had.
 */
async function fetchTargetAndUpstream(ctx, extra = []) {
    const { settings: s, git, work } = ctx;
    const upstreamUrl = s.upstreamUrl ?? s.gitUrl;
    const upstreamRef = {
        remote: `refs/heads/${s.upstream}`,
        local: 'refs/track/upstream',
        input: 'upstream',
    };
    const same = upstreamUrl === s.gitUrl;
    const found = await work.fetch(s.gitUrl, [
        { remote: `refs/heads/${s.target}`, local: 'refs/track/target', input: 'target' },
        ...extra,
        ...(same ? [upstreamRef] : []),
    ], { urlInput: 'git-url' });
    if (!same)
        await work.fetch(upstreamUrl, [upstreamRef], { urlInput: 'upstream-url' });
    const target = (await git.commitOf('refs/track/target'));
    const upstream = (await git.commitOf('refs/track/upstream'));
    return { target, upstream, found };
}
//# sourceMappingURL=context.js.map
// EXTERNAL MODULE: ./build/actions/lib/log.js
var lib_log = __webpack_require__(1562);
;// CONCATENATED MODULE: ./build/actions/lib/track/picks.js
/**
 * Backport branches: picks made in-core with `-x` (the author kept, the committer ours), one
 * commit per pull request or a batch, and what their pull requests say.
 */




function pickMessage(ctx, c) {
    return signed(ctx.settings, c.message, [`(cherry picked from commit ${c.sha})`]);
}
function reasonsOf(c) {
    return c.reasons.map((r) => `\`${r.replace(/`/g, "'")}\``).join(', ');
}
/** The proposal for one upstream commit: its pick, or an empty commit saying it conflicts. */
async function perCommit(ctx, c, target, upstreamUrl) {
    const { settings: s, git } = ctx;
    const branch = branchName(s, context_short(c.sha));
    const picked = await git.pickTree(c.sha, target);
    let commit;
    const conflict = !picked.clean;
    if (!conflict)
        commit = await git.commitTree(picked.tree, [target], pickMessage(ctx, c), { author: c.author });
    else {
        // Nothing half-applied: an empty commit that only says what to do.
        const tree = await git.treeOf(target);
        commit = await git.commitTree(tree, [target], signed(s, `Backport of ${context_short(c.sha)} conflicts: resolve by hand\n\nThis empty commit holds the pull request open; replace it with the resolved pick.`));
    }
    const body = [
        `Backport of upstream commit ${c.sha} ("${escapeMarkdown(c.subject)}") from ${s.upstream} to \`${s.target}\`, picked with \`git cherry-pick -x\`.`,
        '',
        `Why: ${reasonsOf(c)}.`,
    ];
    if (conflict)
        body.push('', '### Conflicts', '', `The pick conflicts in:`, '', conflictList(picked.conflicts), '', 'The branch holds one empty commit, nothing of the pick. ' +
            reproduce([
                `git fetch ${s.gitUrl} ${s.target}`,
                `git checkout -B ${branch} FETCH_HEAD`,
                `git fetch ${upstreamUrl} ${s.upstream}`,
                `git cherry-pick -x ${c.sha}`,
                '# resolve, git cherry-pick --continue, then replace the placeholder:',
                `git fetch ${s.gitUrl} ${branch}`,
                `git push --force-with-lease=${branch}:FETCH_HEAD ${s.gitUrl} HEAD:${branch}`,
            ]));
    return {
        marker: {
            v: 1,
            mode: 'backport',
            target: s.target,
            subject: c.sha,
            source: c.sha,
        },
        branch,
        title: `${conflict ? '[conflict] ' : ''}[${s.target}] ${c.subject}`,
        body: body.join('\n'),
        commit,
        change: `the pick of ${context_short(c.sha)}`,
        conflict,
    };
}
/** The proposal for a batch: every candidate that applies, picked in order; conflicts listed. */
async function batch(ctx, all, target, upstreamUrl) {
    const { settings: s, git } = ctx;
    const branch = branchName(s);
    let head = target;
    const picks = [];
    for (const c of all) {
        const picked = await git.pickTree(c.sha, head);
        if (picked.clean)
            head = await git.commitTree(picked.tree, [head], pickMessage(ctx, c), { author: c.author });
        picks.push({ commit: c, conflicts: picked.clean ? [] : picked.conflicts });
    }
    const failed = picks.filter((p) => p.conflicts.length);
    const applied = picks.length - failed.length;
    let commit = head;
    if (!applied) {
        const tree = await git.treeOf(target);
        commit = await git.commitTree(tree, [target], signed(s, `Backports to ${s.target} conflict: resolve by hand\n\nThis empty commit holds the pull request open.`));
    }
    const body = [
        `Backports from ${s.upstream} to \`${s.target}\`, picked with \`git cherry-pick -x\` in upstream order: ${applied} of ${picks.length} applied.`,
        '',
        ...all.map((c) => {
            const f = failed.find((p) => p.commit.sha === c.sha);
            return `- ${f ? '**conflicts** ' : ''}${context_short(c.sha)} ${escapeMarkdown(c.subject)} (${reasonsOf(c)})`;
        }),
    ];
    if (failed.length) {
        body.push('', '### Conflicts', '', 'These were left out of the branch, whole:');
        for (const f of failed)
            body.push('', `${context_short(f.commit.sha)} ${escapeMarkdown(f.commit.subject)}:`, '', conflictList(f.conflicts));
        body.push('', reproduce([
            `git fetch ${s.gitUrl} ${branch}`,
            `git checkout -B ${branch} FETCH_HEAD`,
            `git fetch ${upstreamUrl} ${s.upstream}`,
            ...failed.map((f) => `git cherry-pick -x ${f.commit.sha}`),
        ]));
    }
    const commits = all.map((c) => c.sha);
    return {
        marker: {
            v: 1,
            mode: 'backport',
            target: s.target,
            source: (0,external_node_crypto_.createHash)('sha256').update(commits.join(',')).digest('hex').slice(0, 16),
            commits,
        },
        branch,
        title: `${failed.length ? '[conflict] ' : ''}Backports to ${s.target} (${(0,lib_log/* count */.U9)(all.length, 'commit')})`,
        body: body.join('\n'),
        commit,
        change: `${applied} of ${picks.length} picks`,
        conflict: failed.length > 0,
    };
}
//# sourceMappingURL=picks.js.map
// EXTERNAL MODULE: ./build/actions/lib/backport/divergence.js
var divergence = __webpack_require__(9947);
// EXTERNAL MODULE: ./build/actions/lib/backport/classifier.js + 9 modules
var classifier = __webpack_require__(3936);
// EXTERNAL MODULE: ./build/actions/lib/backport/policy.js
var policy = __webpack_require__(9191);
;// CONCATENATED MODULE: ./build/actions/lib/backport/downstream.js


/** The upstream commits the classified downstream commits carry, from an analysis. */
function carriedUpstream(analysis) {
    const out = new Map();
    const { written, resolutions } = analysis.references;
    const carry = (upstream, by, why) => {
        if (!out.has(upstream))
            out.set(upstream, { by, why: `${by.slice(0, 12)} ${why}` });
    };
    for (const c of analysis.classifications) {
        if (c.class === 'backport')
            for (const u of c.upstreams ?? (c.upstream ? [c.upstream] : [])) {
                const ref = (written.get(c.commit) ?? []).find((r) => resolutions.get(r.sha)?.commit === u);
                carry(u, c.commit, `says "${ref?.line ?? c.reference?.line}"`);
            }
        else if (c.class === 'upstream' && c.upstream) {
            // Every upstream commit with that patch: a pick of it on another branch is carried too.
            const f = analysis.facts.get(c.commit);
            const same = (f?.stable && analysis.byPatch.get(f.stable)) ||
                (f?.zero && analysis.byPatch.get(f.zero)) || [c.upstream];
            for (const u of [c.upstream, ...same])
                carry(u, c.commit, 'has the same patch');
        }
    }
    return out;
}
/**
 * Upstream commits the downstream branch carries (upstream commit → how), as the backport
 * check classifies the downstream branch's own commits against the development branch.
 */
async function alreadyDownstream(options) {
    const analysis = await (0,classifier/* analyse */.KH)({
        git: options.git,
        head: options.downstream,
        development: options.upstream,
        policy: options.policy ?? policy/* defaultPolicy */.G4,
        cache: options.cache,
        logger: options.logger,
    });
    return carriedUpstream(analysis);
}
//# sourceMappingURL=downstream.js.map
;// CONCATENATED MODULE: ./build/actions/lib/backport/index.js
/**
 * What the backport part exports for the other parts of the library (ESLint lets a part import
 * another only through its index.ts): the divergence report, which track's sync pull request
 * quotes, and the one answer to "is this upstream commit already downstream?", which track's
 * backport scan reads as the backport check does. The front ends (the action's main.ts, cli/) import the part's files themselves.
 */



//# sourceMappingURL=index.js.map
// EXTERNAL MODULE: ./build/actions/lib/references.js
var references = __webpack_require__(1251);
;// CONCATENATED MODULE: ./build/actions/lib/track/scan.js
/**
 * The backport scan: which commits of the upstream development branch, since the last scan,
 * the downstream branch should carry (a stable marker, a `Fixes:` naming a commit downstream
 * has, or listed by hand), minus those downstream already has. What downstream has is the
 * backport check's own answer (backport/downstream.ts: every reference form, squashed picks,
 * the same patch), so a commit the check calls backported is never proposed again.
 */



/** Stable markers the ecosystems use; users add their own. */
const STABLE_MARKERS = [
    /^\s*Cc:.*\bstable@vger\.kernel\.org\b/im,
    /^\s*Cc:.*\bqemu-stable@nongnu\.org\b/im,
];
/** The stable markers a message carries, as written. */
function markerReasons(message, stablePatterns = []) {
    const reasons = [];
    for (const re of [...STABLE_MARKERS, ...stablePatterns]) {
        const m = re.exec(message);
        if (m)
            reasons.push(m[0].trim());
    }
    return reasons;
}
/** The reason a `Fixes:` gives (its fixed commit is one downstream has). */
function fixesReason(fixed) {
    return `Fixes: ${fixed.slice(0, 12)} (a commit downstream has)`;
}
/**
 * The upstream commits the downstream branch carries (upstream commit → how), as the backport
 * check sees them; computed on first use, once.
 */
function carriedDownstream(git, o) {
    let answer;
    return () => (answer ??= alreadyDownstream({
        git,
        upstream: o.upstream,
        downstream: o.target,
        policy: { ...policy/* defaultPolicy */.G4, referencePatterns: o.referencePatterns ?? [] },
        cache: o.cacheDir,
        logger: o.logger,
    }));
}
/**
 * Which `Fixes:` ids name a commit the downstream branch has, in its history or carried (a
 * reference line or the same patch): only those make a commit a candidate, and only those
 * may be called "a commit downstream has".
 */
async function fixedDownstream(git, ids, o) {
    const fixIds = [...new Set(ids)];
    if (!fixIds.length)
        return () => false;
    const resolved = await git.resolveCommits(fixIds);
    const fixedFull = [...new Set(resolved.values())];
    const notInTarget = new Set(await git.reachableNotFrom(fixedFull, o.target));
    const carried = notInTarget.size ? await o.carried() : new Map();
    return (id) => {
        const full = resolved.get(id);
        return !!full && (!notInTarget.has(full) || carried.has(full));
    };
}
/**
 * Why each of `commits` is a candidate, as a scan finds it: its stable markers, `listed`, and
 * each `Fixes:` that names a commit downstream has. An open batch is described with these, so
 * an unchanged batch keeps an unchanged body, and its body says only what is true.
 */
async function candidateReasons(git, commits, o) {
    const listed = new Set(o.commits ?? []);
    const ids = commits.flatMap((c) => (0,references/* fixesReferences */.Gd)(c.message));
    const fixes = ids.length
        ? await fixedDownstream(git, ids, {
            target: o.target,
            carried: o.carried ?? carriedDownstream(git, o),
        })
        : () => false;
    return new Map(commits.map((c) => [
        c.sha,
        [
            ...markerReasons(c.message, o.stablePatterns),
            ...(listed.has(c.sha) ? ['listed'] : []),
            ...(0,references/* fixesReferences */.Gd)(c.message).filter(fixes).map(fixesReason),
        ],
    ]));
}
/** Scans `since..upstream` for backport candidates. */
async function scanBackports(git, o) {
    // Nothing new since the last scan: nothing to read (listed commits are still looked at).
    const range = o.since === o.upstream ? [] : await readCommits(git, [`${o.since}..${o.upstream}`]);
    const reverted = new Map();
    const provisional = [];
    const listed = new Set(o.commits ?? []);
    for (const c of range) {
        const undone = (0,references/* revertedCommit */.BJ)(c.message);
        if (undone)
            reverted.set(undone, c.sha);
        const reasons = markerReasons(c.message, o.stablePatterns);
        if (listed.has(c.sha))
            reasons.push('listed');
        const fixes = (0,references/* fixesReferences */.Gd)(c.message);
        if (reasons.length || fixes.length)
            provisional.push({ c, reasons, fixes });
    }
    // Listed commits outside the range are still candidates, before the range's (older).
    const inRange = new Set(range.map((c) => c.sha));
    const outside = [...listed].filter((sha) => !inRange.has(sha));
    if (outside.length) {
        const extra = await readCommits(git, ['--no-walk=sorted', ...outside], { merges: true });
        provisional.unshift(...extra.map((c) => ({
            c,
            reasons: [...markerReasons(c.message, o.stablePatterns), 'listed'],
            fixes: (0,references/* fixesReferences */.Gd)(c.message),
        })));
    }
    const result = {
        candidates: [],
        skipped: [],
        reverted,
        scanned: range.length,
        order: range.map((c) => c.sha),
    };
    if (!provisional.length)
        return result;
    const carried = o.carried ?? carriedDownstream(git, o);
    const fixes = await fixedDownstream(git, provisional.flatMap((p) => p.fixes), { target: o.target, carried });
    const firm = [];
    for (const p of provisional) {
        const reasons = [...p.reasons, ...p.fixes.filter(fixes).map(fixesReason)];
        if (!reasons.length)
            continue;
        const revertedBy = reverted.get(p.c.sha);
        if (revertedBy) {
            result.skipped.push({
                sha: p.c.sha,
                subject: p.c.subject,
                why: `reverted upstream by ${revertedBy.slice(0, 12)}`,
            });
            continue;
        }
        firm.push({ ...p.c, reasons });
    }
    const present = firm.length ? await carried() : new Map();
    for (const c of firm) {
        const why = present.get(c.sha)?.why;
        if (why)
            result.skipped.push({ sha: c.sha, subject: c.subject, why: `already downstream: ${why}` });
        else
            result.candidates.push(c);
    }
    return result;
}
//# sourceMappingURL=scan.js.map
;// CONCATENATED MODULE: ./build/actions/lib/track/backport.js








const scannedRef = (target) => `refs/tributary/track/${target}/scanned`;
/** The commit facts of the backport scan, kept in the work directory between runs. */
const factsCacheDir = (workDir) => (0,external_node_path_.join)(workDir, 'commit-facts');
async function backport(ctx) {
    const { settings: s, git, pulls } = ctx;
    const upstreamUrl = s.upstreamUrl ?? s.gitUrl;
    const { target, upstream, found } = await fetchTargetAndUpstream(ctx, [
        { remote: scannedRef(s.target), local: 'refs/track/scanned', optional: true },
    ]);
    const scannedBefore = found.get(scannedRef(s.target));
    // Listed commits must exist before anything is written.
    const listed = await git.resolveCommits(s.commits);
    const unknown = s.commits.filter((c) => !listed.has(c));
    if (unknown.length)
        throw (0,errors/* settingError */.Hu)('commits', `${unknown.join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not a commit of ${s.upstream}.`);
    const since = await scanStart(ctx, scannedBefore, target, upstream);
    await pulls.load('backport', { readOnly: s.dryRun });
    const listedShas = [...new Set(listed.values())];
    // What downstream carries, as the backport check sees it: read once, for every question.
    const carried = carriedDownstream(git, {
        upstream,
        target,
        referencePatterns: s.referencePatterns,
        cacheDir: factsCacheDir(s.workDir),
        logger: ctx.logger,
    });
    const result = await scanBackports(git, {
        upstream,
        target,
        since,
        stablePatterns: s.stablePatterns,
        referencePatterns: s.referencePatterns,
        commits: listedShas,
        carried,
    });
    ctx.notes.push(`Scanned ${result.scanned} upstream commit${result.scanned === 1 ? '' : 's'} of ${s.upstream} (${context_short(since)}..${context_short(upstream)}): ${result.candidates.length} to backport, ${result.skipped.length} skipped.`);
    for (const k of result.skipped)
        ctx.notes.push(`- skipped ${context_short(k.sha)} ${escapeMarkdown(k.subject)}: ${k.why}`);
    if (s.dryRun)
        return listCandidates(ctx, result.candidates);
    const gone = await goneFromOpen(ctx, since, upstream, carried);
    let deferred = [];
    if (s.grouping === 'per-commit') {
        for (const o of pulls.openPulls()) {
            const sha = o.marker.subject;
            const why = sha && gone.get(sha);
            if (why)
                await pulls.close(o.key, `the backport of ${context_short(sha)} is no longer needed: ${why}.`);
        }
        deferred = await proposeEach(ctx, result.candidates, target, upstreamUrl);
    }
    else
        await proposeBatch(ctx, result.candidates, gone, { target, upstream, listedShas, carried });
    // Everything of this scan has its pull request: remember how far the scan went. With
    // candidates left for the next run, only as far as the last commit before the first of them.
    const scanned = deferred.length
        ? await resumePoint(git, result.order, deferred, { since, upstream })
        : upstream;
    // A first run that took nothing of its range has nothing to record.
    if (scanned !== scannedBefore && !(scannedBefore === undefined && scanned === since)) {
        const { rejected } = await git.pushWithLease(s.gitUrl, [
            { ref: scannedRef(s.target), sha: scanned, expected: scannedBefore },
        ]);
        if (rejected.length)
            ctx.logger.warning(`Another run moved ${scannedRef(s.target)} meanwhile; the next run scans from there.`);
    }
}
/** Where this scan starts: the last scanned head, else `since`, else the merge base. */
async function scanStart(ctx, scannedBefore, target, upstream) {
    const { settings: s, git } = ctx;
    if (scannedBefore &&
        (await git.commitOf('refs/track/scanned')) &&
        (await git.isAncestor('refs/track/scanned', upstream)))
        return scannedBefore;
    if (scannedBefore)
        ctx.logger.warning(`${s.upstream} no longer contains the last scanned commit ${context_short(scannedBefore)} (rewritten?): scanning again from the merge base.`);
    if (!s.since)
        return git.mergeBase(target, upstream);
    const c = await git.commitOf(s.since);
    if (!c)
        throw (0,errors/* settingError */.Hu)('since', `${s.since} is not a commit of ${s.upstream}.`);
    return c;
}
/** Open pull requests of earlier scans whose commit landed by other means or was reverted. */
async function goneFromOpen(ctx, since, upstream, carriedDownstream) {
    const { settings: s, pulls } = ctx;
    const carried = pulls
        .openPulls()
        .flatMap((o) => o.marker.commits ?? (o.marker.subject ? [o.marker.subject] : []));
    const gone = new Map();
    if (!carried.length)
        return gone;
    const present = await carriedDownstream();
    for (const sha of carried) {
        const why = present.get(sha)?.why;
        if (why && !gone.has(sha))
            gone.set(sha, `it landed on \`${s.target}\` by other means (${why})`);
    }
    const reverts = await revertsOf(ctx, carried, since, upstream);
    for (const [sha, by] of reverts)
        if (!gone.has(sha))
            gone.set(sha, `upstream reverted it (${context_short(by)})`);
    return gone;
}
/** dry-run: the candidates, and the open pull request of each, listed; nothing written. */
function listCandidates(ctx, candidates) {
    const { settings: s, pulls } = ctx;
    const batchKey = markerKey({ mode: 'backport', target: s.target });
    ctx.notes.push(`Dry run: ${(0,lib_log/* count */.U9)(candidates.length, 'candidate')}; nothing was pushed or opened, and the scan was not recorded.`);
    for (const c of candidates) {
        const number = s.grouping === 'batch'
            ? pulls.openPulls().find((o) => o.key === batchKey && o.marker.commits?.includes(c.sha))
                ?.number
            : pulls.openFor(markerKey({ mode: 'backport', target: s.target, subject: c.sha }));
        ctx.candidates.push({ ...report(c), status: 'listed', number });
        ctx.notes.push(`- ${context_short(c.sha)} ${escapeMarkdown(c.subject)} (${c.reasons.map((r) => `\`${r.replace(/`/g, "'")}\``).join(', ')})${number ? `: #${number}` : ''}`);
    }
}
const report = (c) => ({ sha: c.sha, subject: c.subject, reasons: c.reasons });
/**
 * One pull request per candidate, in upstream order, opening at most max-pull-requests new
 * ones (and conflict issues); those that already have one are refreshed whatever the count.
 * Returns the candidates left for the next run, listed in the summary.
 */
async function proposeEach(ctx, candidates, target, upstreamUrl) {
    const { settings: s, pulls } = ctx;
    let opened = 0;
    const deferred = [];
    for (const c of candidates) {
        const key = markerKey({ mode: 'backport', target: s.target, subject: c.sha });
        if (opened >= s.maxPullRequests && pulls.openFor(key) === undefined) {
            deferred.push(c);
            ctx.candidates.push({ ...report(c), status: 'deferred' });
            continue;
        }
        const outcome = await pulls.propose(await perCommit(ctx, c, target, upstreamUrl));
        if (outcome.operation === 'created')
            opened++;
        ctx.candidates.push({ ...report(c), status: 'proposed', number: outcome.number });
    }
    if (deferred.length) {
        const notice = `${deferred.length} backport candidate${deferred.length === 1 ? '' : 's'} of ${s.upstream} wait${deferred.length === 1 ? 's' : ''} for the next run: this run opened ${opened}, its max-pull-requests.`;
        ctx.notices.push(notice);
        ctx.notes.push(`Left for the next run (max-pull-requests: ${s.maxPullRequests}):`, ...deferred.map((c) => `- ${context_short(c.sha)} ${escapeMarkdown(c.subject)}`));
    }
    return deferred;
}
/** One pull request for every candidate of the target: the open batch's commits, then new ones. */
async function proposeBatch(ctx, candidates, gone, o) {
    const { settings: s, git, pulls } = ctx;
    const key = markerKey({ mode: 'backport', target: s.target });
    const open = pulls.openPulls().find((p) => p.key === key);
    const previous = open?.marker.commits ?? [];
    const keep = previous.filter((sha) => !gone.has(sha));
    const fresh = candidates.filter((c) => !keep.includes(c.sha));
    const records = keep.length
        ? await readCommits(git, ['--no-walk=unsorted', ...keep], { merges: true })
        : [];
    // The reasons a scan gives, so an unchanged batch keeps an unchanged body.
    const reasons = await candidateReasons(git, records, {
        upstream: o.upstream,
        target: o.target,
        stablePatterns: s.stablePatterns,
        referencePatterns: s.referencePatterns,
        commits: o.listedShas,
        carried: o.carried,
    });
    const byId = new Map(records.map((r) => [r.sha, r]));
    const all = [
        ...keep.map((sha) => ({ ...byId.get(sha), reasons: reasons.get(sha) ?? [] })),
        ...fresh,
    ];
    if (!all.length) {
        if (previous.length)
            await pulls.close(key, `every commit it carried is gone: ${previous.map((p) => `${context_short(p)} ${gone.get(p) ?? ''}`).join('; ')}.`);
        return;
    }
    const outcome = await pulls.propose(await batch(ctx, all, o.target, s.upstreamUrl ?? s.gitUrl));
    for (const c of all)
        ctx.candidates.push({ ...report(c), status: 'proposed', number: outcome.number });
}
/**
 * Where the next scan starts when candidates were left over: the last commit read before the
 * first of them that descends from `since`, so the next range holds every commit left over
 * and nothing older than this scan's range. None: `since` itself.
 */
async function resumePoint(git, order, deferred, o) {
    const positions = deferred.map((c) => order.indexOf(c.sha)).filter((i) => i >= 0);
    // Only listed commits from outside the range are left: they are listed again next run.
    if (!positions.length)
        return o.upstream;
    const first = Math.min(...positions);
    const descendants = new Set(await git.ancestryPath(o.since, o.upstream));
    for (let i = first - 1; i >= 0; i--)
        if (descendants.has(order[i]))
            return order[i];
    return o.since;
}
/** Upstream commits of `since..upstream` that revert one of `commits`: commit → revert. */
async function revertsOf(ctx, commits, since, upstream) {
    const out = new Map();
    const range = await readCommits(ctx.git, [`${since}..${upstream}`]);
    for (const r of range) {
        const m = /This reverts commit ([0-9a-f]{7,64})/.exec(r.message);
        const hit = m && commits.find((c) => c.startsWith(m[1]));
        if (hit)
            out.set(hit, r.sha);
    }
    return out;
}
//# sourceMappingURL=backport.js.map
// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(4006);
// EXTERNAL MODULE: ./build/actions/lib/flight.js
var flight = __webpack_require__(1576);
;// CONCATENATED MODULE: ./build/actions/lib/track/pin-spot.js
/**
 * Where a pin lives in the consumer's tree: a Makefile-style variable, a line a user's regular
 * expression matches, or a submodule's gitlink. Every miss is a ConfigurationError naming the
 * input, found before anything is written.
 */

/** The operators that set a pin; `+=` appends and `!=` runs a shell, so neither is a pin. */
const SETTING = new Set(['=', ':=', '::=', '?=']);
/** Every line that assigns `variable` (outside `define` blocks and continued lines). */
function assignmentsOf(content, variable) {
    const name = variable.replace(/[.]/g, '\\.');
    const re = new RegExp(`^([ \\t]*(?:(?:override|export|private)[ \\t]+)*${name}[ \\t]*(\\?=|:::=|::=|:=|\\+=|!=|=)[ \\t]*)(.*)$`);
    const out = [];
    let offset = 0;
    let continued = false;
    let inDefine = false;
    const lines = content.split('\n');
    lines.forEach((raw, i) => {
        const text = raw.replace(/\r$/, '');
        const start = offset;
        offset += raw.length + 1;
        const wasContinued = continued;
        continued = /(^|[^\\])(\\\\)*\\$/.test(text);
        if (wasContinued)
            return;
        if (inDefine) {
            if (/^[ \t]*endef\b/.test(text))
                inDefine = false;
            return;
        }
        if (/^[ \t]*(?:(?:override|export|private)[ \t]+)*define[ \t]/.test(text)) {
            inDefine = true;
            return;
        }
        const m = re.exec(text);
        if (!m)
            return;
        // The value ends at a comment (`#` not escaped) and loses trailing blanks.
        const value = m[3].replace(/(^|[^\\])#.*$/, '$1').replace(/[ \t]+$/, '');
        const at = start + m[1].length;
        out.push({ line: i + 1, text, operator: m[2], value, start: at, end: at + value.length });
    });
    return out;
}
/**
 * The pin line of a variable: the last that sets it with `=`, `:=` or `?=` to a value with
 * no `$(` or `${`. Xen's Config.mk first assigns SEABIOS_UPSTREAM_REVISION from a legacy
 * variable inside an `ifneq` block; the pin is the plain assignment below it.
 */
function pinAssignment(content, variable, where) {
    const all = assignmentsOf(content, variable);
    const plain = all.filter((a) => SETTING.has(a.operator) && a.value !== '' && !/\$[({]/.test(a.value));
    if (plain.length)
        return plain[plain.length - 1];
    if (!all.length)
        throw (0,errors/* settingError */.Hu)('pin-variable', `${where.file} in ${where.target} has no assignment to ${variable} (expected a line like '${variable} ?= <revision>').`);
    throw (0,errors/* settingError */.Hu)('pin-variable', [
        `${where.file} in ${where.target} never sets ${variable} to a plain revision (with =, := or ?=, and no $( or \${ in the value), so there is no pin to move. The lines that assign it:`,
        ...all.map((a) => `  ${where.file}:${a.line}: ${a.text.trim()}`),
    ].join('\n'));
}
/** Finds the pin in the consumer's tree at `target` (a commit; `targetName` its branch). */
async function locatePin(git, p, target, targetName) {
    if (p.submodule !== undefined)
        return locateSubmodule(git, p.submodule, target, targetName);
    const file = p.file;
    const entry = await git.treeEntry(target, file);
    if (entry?.type !== 'blob')
        throw (0,errors/* settingError */.Hu)('pin-file', `${file} does not exist in ${targetName}.`);
    const { mode, oid: blob } = entry;
    const content = await git.readBlob(blob);
    let found;
    let subject;
    let name;
    if (p.variable) {
        found = pinAssignment(content, p.variable, { file, target: targetName });
        subject = `${file}:${p.variable}`;
        name = p.variable;
    }
    else {
        const match = new RegExp(p.pattern.source, 'md').exec(content);
        if (!match?.indices?.[1])
            throw (0,errors/* settingError */.Hu)('pin-pattern', `'${p.pattern.source}' matches nothing in ${file} in ${targetName}.`);
        const [start, end] = match.indices[1];
        found = { start, end, value: match[1] };
        subject = `${file}:/${p.pattern.source}/`;
        name = `the pin in ${file}`;
    }
    return {
        subject,
        name,
        value: found.value,
        write: async (value) => {
            const updated = content.slice(0, found.start) + value + content.slice(found.end);
            const object = await git.writeBlob(updated);
            return { mode, object, path: file };
        },
    };
}
async function locateSubmodule(git, submodule, target, targetName) {
    const path = submodule.replace(/\/+$/, '');
    const entry = await git.treeEntry(target, path);
    if (!entry)
        throw (0,errors/* settingError */.Hu)('pin-submodule', `${path} does not exist in ${targetName}.`);
    if (entry.mode !== '160000')
        throw (0,errors/* settingError */.Hu)('pin-submodule', `${path} is not a submodule in ${targetName} (it is a ${entry.type}, not a gitlink).`);
    return {
        subject: `submodule:${path}`,
        name: `submodule ${path}`,
        value: entry.oid,
        write: async (_value, sha) => ({ mode: '160000', object: sha, path }),
    };
}
//# sourceMappingURL=pin-spot.js.map
;// CONCATENATED MODULE: ./build/actions/lib/track/versions.js
/**
 * Release tags in version order, as `git tag --sort=version:refname` orders them with
 * `versionsort.suffix` set to the pre-release words: `v9.2.0-rc1 < v9.2.0-rc4 < v9.2.0 <
 * v9.2.1`, `rel-1.16.3-rc1 < rel-1.16.3`. A plain natural sort puts `v9.2.0-rc4` after
 * `v9.2.0` (it is longer), which would pin a release candidate over its release.
 */
const WORDS = ['alpha', 'beta', 'pre', 'rc'];
const SEPARATORS = ['-', '.', '~', '_'];
/** Pre-release suffixes, lowest first: every `-alpha` ranks below every `-rc`. */
const PRERELEASE_SUFFIXES = WORDS.flatMap((w) => SEPARATORS.map((s) => s + w));
/**
 * Which suffix (its index) one string has around the first difference: git's rule is a
 * suffix starting at most its own length before that point, and at the latest at it.
 */
function suffixAt(s, off) {
    for (let i = 0; i < PRERELEASE_SUFFIXES.length; i++) {
        const suffix = PRERELEASE_SUFFIXES[i];
        for (let j = Math.max(0, off - suffix.length); j <= off; j++)
            if (s.startsWith(suffix, j))
                return i;
    }
    return -1;
}
/** Runs of digits compared as numbers, everything else byte by byte. */
function naturalCompare(a, b) {
    const ta = a.match(/\d+|\D+/g) ?? [];
    const tb = b.match(/\d+|\D+/g) ?? [];
    for (let i = 0; i < Math.min(ta.length, tb.length); i++) {
        const [x, y] = [ta[i], tb[i]];
        if (x === y)
            continue;
        const digits = /^\d/.test(x) && /^\d/.test(y);
        if (digits) {
            const [nx, ny] = [x.replace(/^0+(?=\d)/, ''), y.replace(/^0+(?=\d)/, '')];
            if (nx.length !== ny.length)
                return nx.length - ny.length;
            if (nx !== ny)
                return nx < ny ? -1 : 1;
            return x.length - y.length;
        }
        return x < y ? -1 : 1;
    }
    return ta.length - tb.length;
}
/** Negative when `a` is the older version, positive when newer, 0 when the same string. */
function compareVersions(a, b) {
    if (a === b)
        return 0;
    let off = 0;
    while (off < a.length && off < b.length && a[off] === b[off])
        off++;
    const [sa, sb] = [suffixAt(a, off), suffixAt(b, off)];
    if (sa !== sb) {
        if (sa >= 0 && sb >= 0)
            return sa - sb;
        return sa >= 0 ? -1 : 1;
    }
    return naturalCompare(a, b) || (a < b ? -1 : 1);
}
/** Newest first. */
function newestFirst(tags) {
    return [...tags].sort((a, b) => compareVersions(b, a));
}
//# sourceMappingURL=versions.js.map
;// CONCATENATED MODULE: ./build/actions/lib/track/pin.js
/**
 * pin: in a consumer repository, move a pinned revision of a hosted tree forward, to the
 * tested branch's head or to the newest tag (matching a glob) whose revision passed the gate,
 * as the gate's flight records (git notes) say. The pin is a Makefile-style variable, a line
 * matched by a user's regex, or a submodule's gitlink, changed in-core (a temporary index),
 * so neither the consumer nor the submodule is checked out.
 */









// `git notes --ref` reads only under refs/notes/.
const TREE_NOTES = 'refs/notes/tributary-track/tree';
const HEX = /^[0-9a-f]{40}([0-9a-f]{24})?$/;
function passed(f) {
    if (f.decision)
        return f.decision.verdict === 'push';
    return (f.jobs.length > 0 &&
        f.jobs.every((j) => (0,flight/* jobStatus */.WB)(j.steps, j.cancelled) !== 'fail' && (0,flight/* jobStatus */.WB)(j.steps, j.cancelled) !== 'blocked'));
}
function flightLink(f) {
    if (!f)
        return 'no flight is recorded for it';
    return f.trigger?.runUrl
        ? `flight [${f.flight}](${f.trigger.runUrl}) passed`
        : `flight ${f.flight} passed`;
}
async function pin(ctx) {
    const { settings: s, git, work } = ctx;
    const p = s.pin;
    await work.fetch(s.gitUrl, [{ remote: `refs/heads/${s.target}`, local: 'refs/track/target', input: 'target' }], { depth: 1, urlInput: 'git-url' });
    const target = (await git.commitOf('refs/track/target'));
    const spot = await locatePin(git, p, target, s.target);
    // The hosted tree: what is there, and what passed the gate.
    const advertised = await work.advertised(p.treeUrl, 'tree-url');
    const oldIsTag = !HEX.test(spot.value) && advertised.has(`refs/tags/${spot.value}`);
    // A pin that names a branch follows it on purpose (Xen unstable builds QEMU master).
    if (!HEX.test(spot.value) && !oldIsTag && advertised.has(`refs/heads/${spot.value}`)) {
        const notice = `${spot.name} follows the branch ${spot.value} of ${p.treeUrl}: a branch is not a pinned revision, so it is left alone. Set it to a tag or a commit id to have tributary move it.`;
        ctx.notices.push(notice);
        return;
    }
    const isMatch = p.tags ? picomatch(p.tags) : () => false;
    const tags = newestFirst([...advertised.keys()]
        .filter((r) => r.startsWith('refs/tags/') && isMatch(r.slice(10)))
        .map((r) => r.slice(10)));
    if (p.tags && !tags.length)
        throw (0,errors/* settingError */.Hu)('pin-tags', `no tag of ${p.treeUrl} matches '${p.tags}'.`);
    const wanted = [
        { remote: p.notesRef, local: TREE_NOTES, optional: true },
    ];
    if (p.branch)
        wanted.push({
            remote: `refs/heads/${p.branch}`,
            local: 'refs/track/tree-branch',
            input: 'pin-branch',
        });
    for (const t of tags)
        wanted.push({ remote: `refs/tags/${t}`, local: `refs/track/tree-tags/${t}` });
    if (oldIsTag && !tags.includes(spot.value))
        wanted.push({ remote: `refs/tags/${spot.value}`, local: `refs/track/tree-tags/${spot.value}` });
    // Notes too come without their blobs: only the records of the revisions looked at are
    // fetched, when read, however many flights the tree has recorded.
    await work.fetch(p.treeUrl, wanted, { urlInput: 'tree-url' });
    const hasNotes = !!(await git.commitOf(TREE_NOTES));
    // Lenient: a record this version cannot read never counts as a pass, and is reported.
    const notes = new flight_notes/* FlightNotes */.Cw(git, TREE_NOTES, {
        strict: false,
        logger: ctx.logger,
        shownAs: `${p.treeUrl} ${p.notesRef}`,
    });
    const flightsAt = async (commit) => (hasNotes ? notes.read(commit) : []);
    // A revision whose record cannot be read is not one without a record (never untested).
    flightsAt.damaged = (commit) => notes.damaged.some((d) => d.commit === commit);
    let choice;
    if (p.branch) {
        const commit = (await git.commitOf('refs/track/tree-branch'));
        choice = { commit, value: commit, flight: (await flightsAt(commit)).filter(passed).pop() };
    }
    else
        choice = await chooseTag(ctx, spot, tags, flightsAt);
    if (notes.damaged.length)
        ctx.notices.push(`${notes.damaged.length} flight record(s) in ${p.notesRef} of ${p.treeUrl} could not be read and count as no pass: ${[...new Set(notes.damaged.map((d) => d.commit))].map(context_short).join(', ')}.`);
    if (!choice)
        return;
    let oldCommit;
    if (HEX.test(spot.value))
        oldCommit = (await git.commitOf(spot.value)) ?? undefined;
    else if (oldIsTag)
        oldCommit = await git.commitOf(`refs/track/tree-tags/${spot.value}`);
    await proposePin(ctx, spot, choice, oldCommit);
}
/**
 * The newest matching tag that passed the gate, or, with require-flight: false, that has no
 * flight record at all (a tag whose flight was refused is never taken). Nothing taken: says
 * why, and warns when no tag has any record, since then nothing ever will be.
 */
async function chooseTag(ctx, spot, tags, flightsAt) {
    const { git } = ctx;
    const p = ctx.settings.pin;
    let recorded = false;
    for (const tag of tags) {
        const commit = (await git.commitOf(`refs/track/tree-tags/${tag}`));
        const flights = await flightsAt(commit);
        const unreadable = !!flightsAt.damaged?.(commit);
        if (flights.length || unreadable)
            recorded = true;
        const ok = flights.filter(passed).pop();
        if (ok)
            return { commit, value: tag, flight: ok };
        if (!flights.length && !unreadable && !p.requireFlight)
            return { commit, value: tag, untested: true };
    }
    if (!recorded) {
        const warning = `No flight record of ${p.treeUrl} (notes ref ${p.notesRef}) covers a tag matching '${p.tags}', so none counts as tested and ${spot.name} stays at ${spot.value}. Gate the tree with push-gate, which records each flight under ${p.notesRef} (or set notes-ref to where your gate records them); or set require-flight: false to pin the newest matching tag (${tags[0]}) without one.`;
        ctx.logger.warning(warning, { title: 'track-upstream: no flight record' });
        ctx.notes.push(warning);
    }
    else
        ctx.notes.push(`No tag of ${p.treeUrl} matching '${p.tags}' has passed the gate yet: the pin stays at ${spot.value}.`);
    return undefined;
}
/** Opens, refreshes or closes the pull request that moves the pin to the choice. */
async function proposePin(ctx, spot, choice, oldCommit) {
    const { settings: s, git, pulls } = ctx;
    const p = s.pin;
    const { commit: newCommit, value: newValue } = choice;
    await pulls.load('pin');
    const key = markerKey({ mode: 'pin', target: s.target, subject: spot.subject });
    // Never backwards: a pin already past the chosen revision (moved by hand) stays.
    const ahead = !!oldCommit && oldCommit !== newCommit && (await git.isAncestor(newCommit, oldCommit));
    if (ahead) {
        ctx.notes.push(`${spot.name} (${spot.value}) is already past ${newValue}: it is not moved back.`);
        await pulls.close(key, `\`${s.target}\` already pins ${spot.name} to ${spot.value}, past ${newValue}: tributary does not move a pin back.`);
        return;
    }
    if (spot.value === newValue || oldCommit === newCommit) {
        ctx.notes.push(`${spot.name} is already at ${newValue}.`);
        await pulls.close(key, `\`${s.target}\` already pins ${spot.name} to ${spot.value}, which is ${context_short(newCommit)}: there is nothing left to move.`);
        return;
    }
    // A pin that is not an ancestor of the new revision moves sideways or back: say so.
    let history;
    if (oldCommit && (await git.isAncestor(oldCommit, newCommit)))
        history = await shortlog(git, [`${oldCommit}..${newCommit}`]);
    else if (oldCommit)
        history = [
            `${context_short(oldCommit)} is not an ancestor of ${context_short(newCommit)}: this moves the pin sideways or back.`,
        ];
    else
        history = [`The old pin ${spot.value} is not a revision of ${p.treeUrl}: no shortlog.`];
    const title = `Update ${spot.name} to ${HEX.test(newValue) ? context_short(newValue) : newValue}`;
    const commit = await commitPin(ctx, spot, choice, title);
    const why = p.branch
        ? `${newValue.slice(0, 12)} is the head of the tested branch \`${p.branch}\`; ${flightLink(choice.flight)}.`
        : choice.untested
            ? `${newValue} is the newest tag matching \`${p.tags}\`. It has no flight record: it is proposed untested because require-flight is false.`
            : `${newValue} is the newest tag matching \`${p.tags}\` that passed the gate: ${flightLink(choice.flight)}.`;
    const body = [
        `Moves ${spot.name} from ${spot.value} to ${newValue}${newValue === newCommit ? '' : ` (${newCommit})`} of ${p.treeUrl}.`,
        '',
        why,
        '',
        `### Changes (${oldCommit && history[0]?.startsWith('- ') ? history.filter((l) => !l.includes('older commits')).length : 0})`,
        '',
        ...history,
    ];
    await pulls.propose({
        marker: { v: 1, mode: 'pin', target: s.target, subject: spot.subject, source: newCommit },
        branch: branchName(s, spot.subject.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-|-$/g, '')),
        title,
        body: body.join('\n'),
        commit,
        change: `${spot.name} set to ${newValue}`,
    });
}
/** The commit that changes the pin, made in a temporary index: nothing is checked out. */
async function commitPin(ctx, spot, choice, title) {
    const { settings: s, git } = ctx;
    const target = (await git.commitOf('refs/track/target'));
    const change = await spot.write(choice.value, choice.commit);
    try {
        const tree = await git.treeWith(target, [change]);
        const old = HEX.test(spot.value) ? context_short(spot.value) : spot.value;
        return await git.commitTree(tree, [target], signed(s, `${title}\n\n${old} -> ${choice.value} (${choice.commit})\n`));
    }
    catch (e) {
        throw new Error(`Could not write the pin update: ${(0,errors/* errorMessage */.gJ)(e)}`);
    }
}
//# sourceMappingURL=pin.js.map
;// CONCATENATED MODULE: ./build/actions/lib/track/pulls.js
/**
 * One pull request per purpose, found by the marker in its body. This is where idempotence
 * lives: nothing new → no push and no API write; new upstream commits → the branch moved with
 * a lease on what tributary last pushed and the body rewritten; a person's push → left alone,
 * with one comment saying what tributary would have done; a purpose gone → closed, saying why.
 */



/** The marker of the comment that says a person's push holds the branch (key: the source). */
const HELD = 'track-held';
/** The old form of that comment's marker. */
const heldBefore = (source) => `<!-- tributary:track-held ${JSON.stringify({ source })} -->`;
class PullRequests {
    github;
    settings;
    push;
    remoteHead;
    logger;
    pulls = new Map();
    issues = new Map();
    outcomes = [];
    constructor(github, settings, push, remoteHead, logger) {
        this.github = github;
        this.settings = settings;
        this.push = push;
        this.remoteHead = remoteHead;
        this.logger = logger;
    }
    /**
     * Reads the open pull requests and issues that carry a marker of this mode and target.
     * Duplicates (two open for one purpose) are closed, unless `readOnly` (a dry run).
     */
    async load(mode, options = {}) {
        // Every open pull request, not only those on the target: one retargeted by hand still
        // holds its purpose.
        const pulls = await this.github.pulls({ state: 'open' });
        const duplicates = [];
        for (const p of pulls) {
            const marker = parseMarker(p.body);
            if (!marker || marker.mode !== mode || marker.target !== this.settings.target)
                continue;
            const item = {
                number: p.number,
                url: p.url,
                title: p.title,
                body: p.body,
                headSha: p.headSha,
                nodeId: p.nodeId,
                draft: p.draft,
                marker,
            };
            const key = markerKey(marker);
            const seen = this.pulls.get(key);
            // Two open for one purpose can only come from outside (a copied body): keep the oldest.
            if (seen && seen.number < item.number)
                duplicates.push(item);
            else {
                if (seen)
                    duplicates.push(seen);
                this.pulls.set(key, item);
            }
        }
        for (const d of options.readOnly ? [] : duplicates) {
            const kept = this.pulls.get(markerKey(d.marker));
            await this.closeItem('pull', d, `Closed as a duplicate of #${kept.number}, which tributary keeps for the same purpose.`);
        }
        const issues = await this.github.openIssues();
        for (const i of issues) {
            const marker = parseMarker(i.body);
            if (!marker || marker.mode !== mode || marker.target !== this.settings.target)
                continue;
            this.issues.set(markerKey(marker), {
                number: i.number,
                url: i.url,
                title: i.title,
                body: i.body,
                marker,
            });
        }
    }
    /** The open pull request, else the open conflict issue, of a purpose: its number. */
    openFor(key) {
        return (this.pulls.get(key) ?? this.issues.get(key))?.number;
    }
    /** The open pull requests of this mode and target, by key, with their markers. */
    openPulls() {
        return [...this.pulls].map(([key, p]) => ({ key, marker: p.marker, number: p.number }));
    }
    record(o) {
        this.outcomes.push(o);
        this.logger?.info(`${o.kind === 'pull' ? 'pull request' : 'issue'} #${o.number} ${o.operation}: ${o.title}${o.note ? ` (${o.note})` : ''}`);
        return o;
    }
    outcome(kind, key, i, operation, note) {
        return this.record({
            key,
            kind,
            number: i.number,
            url: i.url,
            title: i.title,
            operation,
            note,
        });
    }
    /** Makes the pull request for a proposal exist and match it, with as few writes as can be. */
    async propose(p) {
        const key = markerKey(p.marker);
        const existing = this.pulls.get(key);
        if (p.conflict && this.settings.conflicts === 'issue' && !existing)
            return this.reportIssue(key, p);
        const outcome = existing ? await this.update(key, existing, p) : await this.create(key, p);
        const issue = this.issues.get(key);
        if (issue && !p.conflict) {
            await this.closeItem('issue', issue, `This no longer conflicts: see #${outcome.number}.`);
            this.outcome('issue', key, issue, 'closed', 'conflict resolved');
        }
        return outcome;
    }
    async create(key, p) {
        // A person closed a pull request for exactly this? Then it is declined, not reopened.
        const closed = await this.github.pulls({ state: 'closed', head: p.branch });
        for (const c of closed) {
            const m = parseMarker(c.body);
            if (m && markerKey(m) === key && m.source === p.marker.source && !c.merged) {
                const item = { ...c, marker: m };
                return this.outcome('pull', key, item, 'unchanged', `declined: #${c.number} was closed for the same change`);
            }
        }
        // The branch name is ours; what a crashed run left there is replaced, under a lease.
        const current = await this.remoteHead(p.branch);
        if (current !== p.commit && !(await this.push(p.branch, p.commit, current)))
            throw new Error(`The branch ${p.branch} moved while tributary was pushing it; run again.`);
        const marker = { ...p.marker, head: p.commit };
        const pr = await this.github.createPull({
            title: p.title,
            head: p.branch,
            base: this.settings.target,
            body: `${p.body}\n\n${renderMarker(marker)}\n`,
            draft: this.settings.draft || !!p.conflict,
        });
        await this.decorate(pr.number);
        const item = { ...pr, headSha: p.commit, marker };
        this.pulls.set(key, item);
        return this.outcome('pull', key, item, 'created', p.conflict ? 'conflicts: opened as a draft' : undefined);
    }
    async decorate(number) {
        const s = this.settings;
        // One write for both (a new pull request has neither yet): writes are spaced a second apart.
        if (s.labels.length || s.assignees.length)
            await this.github.updateIssue(number, {
                ...(s.labels.length ? { labels: s.labels } : {}),
                ...(s.assignees.length ? { assignees: s.assignees } : {}),
            });
        if (s.reviewers.length || s.teamReviewers.length) {
            try {
                await this.github.requestReviewers(number, s.reviewers, s.teamReviewers);
            }
            catch (e) {
                // A reviewer who cannot review this repository must not lose the pull request.
                this.logger?.warning(`Could not request reviewers on #${number}: ${(0,errors/* errorMessage */.gJ)(e)}`);
            }
        }
    }
    async update(key, existing, p) {
        const m = existing.marker;
        if (m.head && existing.headSha !== m.head)
            return this.held(key, existing, p);
        const sourceChanged = m.source !== p.marker.source;
        let head = m.head;
        if (sourceChanged && p.commit !== m.head) {
            if (!(await this.push(p.branch, p.commit, m.head)))
                return this.held(key, existing, p);
            head = p.commit;
        }
        const body = `${p.body}\n\n${renderMarker({ ...p.marker, head })}\n`;
        if (body === existing.body && p.title === existing.title && !sourceChanged)
            return this.outcome('pull', key, existing, 'unchanged');
        await this.github.updatePull(existing.number, { title: p.title, body });
        await this.setDraft(existing, !!p.conflict || this.settings.draft);
        Object.assign(existing, { body, title: p.title, headSha: head, marker: { ...p.marker, head } });
        return this.outcome('pull', key, existing, 'updated', p.conflict ? 'conflicts' : undefined);
    }
    async setDraft(item, draft) {
        if (item.draft === undefined || item.draft === draft || !item.nodeId)
            return;
        await this.github.setDraft(item.nodeId, draft);
        item.draft = draft;
    }
    /** A person pushed to the branch: leave it, and say once what tributary would have done. */
    async held(key, existing, p) {
        if (existing.marker.source === p.marker.source)
            return this.outcome('pull', key, existing, 'unchanged', 'a person pushed to the branch');
        const source = p.marker.source ?? '';
        const comments = await this.github.comments(existing.number);
        const said = comments.some((c) => (0,lib_github.hasMarker)(c.body, HELD, source) || c.body.includes(heldBefore(p.marker.source)));
        if (!said) {
            await this.github.comment(existing.number, [
                `tributary did not update \`${p.branch}\`: it holds commits tributary did not push (the branch is at ${existing.headSha?.slice(0, 12)}, tributary last pushed ${existing.marker.head?.slice(0, 12)}).`,
                '',
                `It would have moved the branch to ${p.commit.slice(0, 12)}: ${p.change}.`,
                '',
                'To let tributary manage the branch again, close this pull request; the next run opens a new one.',
                '',
                (0,lib_github.renderMarker)(HELD, source),
            ].join('\n'));
        }
        return this.outcome('pull', key, existing, 'unchanged', said ? 'a person pushed to the branch' : 'a person pushed to the branch: commented');
    }
    /** Closes the open pull request (and conflict issue) of a purpose whose reason is gone. */
    async close(key, reason) {
        let result;
        const pull = this.pulls.get(key);
        if (pull) {
            await this.closeItem('pull', pull, reason);
            this.pulls.delete(key);
            result = this.outcome('pull', key, pull, 'closed', reason);
        }
        const issue = this.issues.get(key);
        if (issue) {
            await this.closeItem('issue', issue, reason);
            this.issues.delete(key);
            result ??= this.outcome('issue', key, issue, 'closed', reason);
        }
        return result;
    }
    async closeItem(kind, item, reason) {
        const comment = `tributary closed this: ${reason}`;
        if (kind === 'pull')
            await this.github.closePull(item.number, comment);
        else
            await this.github.closeIssue(item.number, comment, 'not_planned');
    }
    /** A conflict reported as an issue (by choice): no branch is pushed at all. */
    async reportIssue(key, p) {
        const body = `${p.body}\n\n${renderMarker({ ...p.marker })}\n`;
        const existing = this.issues.get(key);
        if (existing) {
            if (existing.body === body && existing.title === p.title)
                return this.outcome('issue', key, existing, 'unchanged', 'conflicts');
            await this.github.updateIssue(existing.number, { title: p.title, body });
            Object.assign(existing, { body, title: p.title });
            return this.outcome('issue', key, existing, 'updated', 'conflicts');
        }
        const created = await this.github.createIssue({
            title: p.title,
            body,
            labels: this.settings.labels,
            assignees: this.settings.assignees,
        });
        const item = { ...created, title: p.title, body, marker: p.marker };
        this.issues.set(key, item);
        return this.outcome('issue', key, item, 'created', 'conflicts');
    }
}
//# sourceMappingURL=pulls.js.map
;// CONCATENATED MODULE: ./build/actions/lib/track/divergence.js


/** Markdown lines: `- <downstream> subject: upstream <sha> "subject" carries it (drop|revert)`. */
async function divergence_carriedUpstream(git, o) {
    const report = await (0,divergence/* divergence */.Z)({
        git,
        downstream: o.target,
        development: o.upstream,
        followed: o.upstream,
        target: o.upstream,
        logger: o.logger,
        labels: { development: o.upstreamName, followed: o.upstreamName, target: o.upstreamName },
    });
    return report.supersededByTarget.map((s) => `- ${s.commit.slice(0, 12)} ${escapeMarkdown(s.subject)}: upstream ${s.upstream.slice(0, 12)} ` +
        `("${escapeMarkdown(s.upstreamSubject)}") carries it, by ${s.match === 'patch' ? `its patch (${s.patch})` : 'reference'}: ${s.action}`);
}
//# sourceMappingURL=divergence.js.map
;// CONCATENATED MODULE: ./build/actions/lib/track/sync.js
/**
 * sync: the upstream branch the downstream follows moved. The pull request's branch is a true
 * merge of the new upstream head into the downstream branch (upstream commits untouched), or,
 * with the rebase strategy, the downstream-only commits replayed on the new upstream head.
 * A conflict leaves the branch at the upstream head itself (never half merged) and the pull
 * request says which files conflict and how to redo the merge.
 */





async function sync(ctx) {
    const { settings: s, git, pulls } = ctx;
    const upstreamUrl = s.upstreamUrl ?? s.gitUrl;
    const { target, upstream } = await fetchTargetAndUpstream(ctx);
    await pulls.load('sync');
    const key = markerKey({ mode: 'sync', target: s.target });
    const fresh = await git.countCommits(`${target}..${upstream}`);
    if (fresh === 0) {
        ctx.notes.push(`${s.upstream} (${context_short(upstream)}) is already part of ${s.target}.`);
        await pulls.close(key, `${s.upstream} (now at ${context_short(upstream)}) is already part of \`${s.target}\`: there is nothing left to merge.`);
        return;
    }
    const log = await shortlog(git, [`${target}..${upstream}`]);
    const carried = await divergence_carriedUpstream(git, {
        target,
        upstream,
        upstreamName: s.upstream,
        logger: ctx.logger,
    });
    const branch = branchName(s);
    let commit;
    let conflicts = [];
    let conflictNote = '';
    if (s.strategy === 'merge') {
        const merged = await git.mergeTree(target, upstream);
        if (merged.clean) {
            const message = signed(s, `Merge ${s.upstream} (${context_short(upstream)}) into ${s.target}\n\n${fresh} new upstream commit${fresh === 1 ? '' : 's'}.`);
            commit = await git.commitTree(merged.tree, [target, upstream], message);
        }
        else {
            commit = upstream;
            conflicts = merged.conflicts;
        }
    }
    else {
        // Replay what only downstream has, dropping what upstream already carries (same patch).
        const own = await git.commitsNotIn(upstream, target);
        const records = new Map((await git.readCommits(['--no-walk=unsorted', ...own], { merges: true })).map((c) => [
            c.sha,
            c,
        ]));
        let head = upstream;
        commit = upstream;
        for (const sha of own) {
            const picked = await git.pickTree(sha, head);
            if (!picked.clean) {
                conflicts = picked.conflicts;
                conflictNote = `Replaying ${context_short(sha)} ("${escapeMarkdown(records.get(sha)?.subject ?? '')}") conflicts.`;
                commit = upstream;
                break;
            }
            const c = records.get(sha);
            head = await git.commitTree(picked.tree, [head], signed(s, c.message), { author: c.author });
            commit = head;
        }
    }
    const conflict = conflicts.length > 0;
    const body = [
        `${s.upstream} moved to ${context_short(upstream)}: ${(0,lib_log/* count */.U9)(fresh, 'commit')} that \`${s.target}\` does not have yet.`,
        '',
        conflict
            ? `tributary could not ${s.strategy === 'merge' ? 'merge' : 'rebase'} it: see the conflicts below.`
            : s.strategy === 'merge'
                ? `This branch is a merge of ${context_short(upstream)} into \`${s.target}\` at ${context_short(target)} (a true merge: upstream commits are untouched).`
                : `This branch is ${context_short(upstream)} with the downstream-only commits of \`${s.target}\` replayed on top: it replaces \`${s.target}\` rather than merging into it.`,
    ];
    if (conflict) {
        body.push('', '### Conflicts', '', `${conflictNote || `Merging ${context_short(upstream)} into ${context_short(target)} conflicts`} in:`, '', conflictList(conflicts), '', 'The branch is left at the upstream head, unmerged. ' +
            reproduce(s.strategy === 'merge'
                ? [
                    `git fetch ${s.gitUrl} ${s.target}`,
                    `git checkout -B ${branch} FETCH_HEAD`,
                    `git fetch ${upstreamUrl} ${s.upstream}`,
                    `git merge --no-ff ${upstream}`,
                    '# resolve, git commit, then:',
                    `git push --force-with-lease=${branch}:${upstream} ${s.gitUrl} HEAD:${branch}`,
                ]
                : [
                    `git fetch ${upstreamUrl} ${s.upstream}`,
                    `git fetch ${s.gitUrl} ${s.target}`,
                    `git checkout -B ${branch} ${target}`,
                    '# rebase skips what upstream already has, as tributary does',
                    `git rebase ${upstream}`,
                ]));
    }
    body.push('', `### New upstream commits (${fresh})`, '', ...log);
    if (carried.length)
        body.push('', '### Downstream-only commits that upstream now seems to carry', '', 'Drop or revert them before merging (newest first, the order to revert in):', '', ...carried);
    await pulls.propose({
        marker: {
            v: 1,
            mode: 'sync',
            target: s.target,
            source: s.strategy === 'merge' ? upstream : `${upstream}:${target}`,
        },
        branch,
        title: `${conflict ? '[conflict] ' : ''}Sync ${s.target} with ${s.upstream} (${context_short(upstream)})`,
        body: body.join('\n'),
        commit,
        change: conflict
            ? `${s.upstream} at ${context_short(upstream)} (the merge conflicts)`
            : `the ${s.strategy} of ${s.upstream} at ${context_short(upstream)}`,
        conflict,
    });
}
//# sourceMappingURL=sync.js.map
// EXTERNAL MODULE: ./build/actions/lib/git.js + 1 modules
var lib_git = __webpack_require__(6240);
// EXTERNAL MODULE: ./build/actions/lib/folder-lock.js
var folder_lock = __webpack_require__(3932);
;// CONCATENATED MODULE: ./build/actions/lib/store.js
/**
 * A tree's objects kept between runs, shared by the runs that use them at once (the backport
 * check of every pull request, the track modes): a bare repository in a kept folder, the
 * store. A run works in a repository of its own that borrows the store's objects
 * (`objects/info/alternates`), so it fetches only what the store lacks, and nothing a run does
 * there (its refs, its picks) reaches another run. Fetching into the store takes the folder's
 * lock (a file naming its owner, taken over when the owner is gone), so two runs never write
 * it at once; reading needs none, since git only adds packs to it. On hosted runners the
 * folder goes through the runner's cache service (a FolderCache from the front end).
 *
 * The store is only ever an optimisation: one that is not a repository any more is replaced
 * by a new one, and the run fetches in full.
 */






/** Where a fetched ref is kept in the store: per source URL, so trees never mix their refs. */
function storedRef(url, ref) {
    const key = (0,external_node_crypto_.createHash)('sha256').update(url).digest('hex').slice(0, 16);
    return `refs/stored/${key}/${ref.replace(/^refs\//, '')}`;
}
class ObjectStore {
    git;
    options;
    changed = false;
    constructor(git, options) {
        this.git = git;
        this.options = options;
    }
    get dir() {
        return this.options.dir;
    }
    /** Opens the store, restoring it from the cache service or making a new one if there is none. */
    static async open(options) {
        const store = new ObjectStore(options.git.at(options.dir), options);
        await store.locked('opening the store', () => store.prepare());
        return store;
    }
    async prepare() {
        const { dir, cache, logger } = this.options;
        if (!(0,external_node_fs_.existsSync)(dir) && cache) {
            try {
                const folder = cache.folder ?? dir;
                const restored = await cache.service.restore({ dir: folder, key: cache.key, state: '-' });
                logger.info(restored ? 'Object store restored from the cache.' : 'No object store cached.');
            }
            catch (e) {
                logger.warning(`Restoring the object store failed (${(0,errors/* errorMessage */.gJ)(e)}); fetching in full.`);
            }
        }
        if ((0,external_node_fs_.existsSync)(dir) && !(await this.git.isBareRepository())) {
            logger.warning(`The object store ${dir} is not a repository any more; making a new one.`);
            (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true });
        }
        if (!(0,external_node_fs_.existsSync)(dir))
            // Our own housekeeping only (git's gc would repack while other runs read the store); a
            // commit-graph after each fetch, which the walks of a long history read through the
            // alternates instead of parsing every commit.
            await (0,lib_git/* initRepository */.zY)(dir, {
                config: {
                    'gc.auto': '0',
                    'core.logAllRefUpdates': 'false',
                    'fetch.unpackLimit': '1',
                    'fetch.writeCommitGraph': 'true',
                },
            });
    }
    /**
     * Runs `fn` holding the store's lock: a file beside the store, or beside the folder the
     * cache service keeps (never in it: a restore replaces that folder whole).
     */
    async locked(doing, fn) {
        const { dir, logger, command, cache } = this.options;
        const kept = cache?.folder ?? dir;
        (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(kept), { recursive: true });
        const lock = await folder_lock/* CacheLock */.aX.acquire((0,external_node_path_.dirname)(kept), { holder: (0,folder_lock/* describeHolder */.sG)(process.env, command), doing: `${doing} ${dir}` }, logger, undefined, `.${(0,external_node_path_.basename)(kept)}.lock`);
        try {
            return await fn();
        }
        finally {
            lock.release();
        }
    }
    /**
     * Fetches refs of `url` into the store, what it lacks only (its refs are what it has), and
     * returns what each ref points at now. A ref the remote does not have fails the fetch.
     */
    async fetch(url, refs, opts = {}) {
        const wanted = [...new Set(refs)];
        if (!wanted.length)
            return new Map();
        const local = wanted.map((ref) => storedRef(url, ref));
        return this.locked('fetching into', async () => {
            const before = await this.git.refs(local);
            await this.git.fetch(url, wanted.map((ref, i) => `+${ref}:${local[i]}`), { filter: this.options.filter || undefined, ...opts });
            const stored = await this.git.refs(local);
            // Only a store that changed is worth keeping again.
            if (local.some((ref) => before.get(ref) !== stored.get(ref)))
                this.changed = true;
            return new Map(wanted.map((ref, i) => [ref, stored.get(local[i])]));
        });
    }
    /**
     * Makes `work` (a run's own repository) borrow the store's objects. With a filter, `work`
     * is a partial clone of each given URL too: a blob the store left out is fetched when read.
     */
    async lend(work, urls = []) {
        (0,external_node_fs_.mkdirSync)((0,external_node_path_.join)(work.cwd, 'objects', 'info'), { recursive: true });
        (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(work.cwd, 'objects', 'info', 'alternates'), (0,external_node_path_.join)(this.dir, 'objects') + '\n');
        if (!this.options.filter)
            return;
        for (const url of urls) {
            await work.setConfig(`remote.${url}.promisor`, 'true');
            await work.setConfig(`remote.${url}.partialclonefilter`, this.options.filter);
        }
    }
    /** Keeps the store for the next run through the cache service, if this run added to it. */
    async keep() {
        const { cache, logger, dir } = this.options;
        if (!cache || !this.changed)
            return;
        const refs = await this.git.refs(['refs/stored/']);
        const state = (0,external_node_crypto_.createHash)('sha256');
        for (const [ref, oid] of [...refs].sort(([a], [b]) => (a < b ? -1 : 1)))
            state.update(`${oid} ${ref}\n`);
        try {
            await cache.service.save({
                dir: cache.folder ?? dir,
                key: cache.key,
                state: state.digest('hex').slice(0, 20),
            });
        }
        catch (e) {
            logger.warning(`Could not save the object store: ${(0,errors/* errorMessage */.gJ)(e)}`);
        }
    }
}
/** The cache entry key of a part's store of some repositories: `tributary-<part>-v1-<hash>`. */
function storeKey(part, urls) {
    const hash = (0,external_node_crypto_.createHash)('sha256')
        .update([...urls].sort().join('\n'))
        .digest('hex')
        .slice(0, 16);
    return `tributary-${part}-v1-${hash}`;
}
//# sourceMappingURL=store.js.map
;// CONCATENATED MODULE: ./build/actions/lib/track/workspace.js
/**
 * The work repository of a track run: a bare repository of the run's own (no work tree:
 * merges and picks are made in-core) that borrows the objects of the trees' store, kept in the
 * work directory between runs (store.ts): fetched into with a partial-clone filter, so a large
 * tree costs its commits and trees, and later only the blobs a merge or a patch-id reads, and
 * only what is new since the last run. Runs sharing the work directory at once each have
 * their own repository, and take turns only to fetch into the store.
 */






/** What git says when a repository is missing or the credential cannot read it. */
const UNREADABLE = /not found|does not appear to be a git repository|could not read Username|Authentication failed|returned error: 40[134]|HTTP 40[134]|No such file or directory/i;
class WorkRepository {
    git;
    filter;
    store;
    constructor(git, filter, store) {
        this.git = git;
        this.filter = filter;
        this.store = store;
    }
    static async open(options) {
        const name = options.name.replace(/[^A-Za-z0-9._-]/g, '_');
        // The store first: restored from the cache service, it replaces the work directory whole.
        const store = await ObjectStore.open({
            dir: (0,external_node_path_.join)(options.dir, `${name}.git`),
            git: new lib_git/* Git */.TU({ cwd: options.dir, remotes: options.remotes, logger: options.logger }),
            logger: options.logger,
            filter: options.filter,
            cache: options.cache && {
                service: options.cache,
                key: storeKey('track', [name, ...options.remotes.map((r) => r.url)]),
                folder: options.dir, // the commit facts too
            },
            command: 'tributary track',
        });
        // The run's own repository, gone with the run; the store stays.
        const cwd = (0,external_node_path_.join)(options.dir, 'runs', `${name}-${process.pid}-${(0,external_node_crypto_.randomBytes)(4).toString('hex')}.git`);
        const git = await (0,lib_git/* initRepository */.zY)(cwd, {
            remotes: options.remotes,
            identity: options.identity,
            logger: options.logger,
            // Git's own housekeeping must not run in the middle of our work.
            config: { 'gc.auto': '0' },
        });
        await store.lend(git, options.remotes.map((r) => r.url));
        return new WorkRepository(git, options.filter, store);
    }
    /** Ends the run: its repository goes, the store is kept for the next run. */
    async close() {
        (0,external_node_fs_.rmSync)(this.git.cwd, { recursive: true, force: true });
        await this.store.keep();
    }
    /**
     * What a remote advertises (ref → commit). A remote that cannot be read is an error naming
     * the input the URL came from (`tree-url`, `upstream-url`): a repository that is not there
     * or that the token cannot read is bad input; anything else (the network) is not.
     */
    async advertised(url, input) {
        try {
            return await this.git.lsRemote(url, []);
        }
        catch (e) {
            const stderr = e instanceof lib_git/* GitError */.XS ? e.stderr : (0,errors/* errorMessage */.gJ)(e);
            const why = stderr
                .trim()
                .split('\n')
                .pop()
                ?.replace(/^fatal: /, '') ?? '';
            const message = `Input '${input}': cannot read ${url}: ${why}`;
            if (UNREADABLE.test(stderr))
                throw (0,errors/* settingError */.Hu)(input, `cannot read ${url}: ${why}. Check the URL, and that the token for it can read the repository.`);
            throw new Error(message, { cause: e });
        }
    }
    /**
     * Fetches remote refs into local ones (`remote → local`): into the store (what it lacks
     * only, with the partial-clone filter), the local refs then pointing at what it has; a
     * shallow fetch or one of whole objects straight into the run's repository. A remote ref
     * that does not exist is a ConfigurationError naming the input it came from.
     */
    async fetch(url, refs, options = {}) {
        const advertised = await this.advertised(url, options.urlInput ?? 'git-url');
        const found = new Map();
        const specs = [];
        const fetched = [];
        for (const r of refs) {
            const sha = advertised.get(r.remote);
            found.set(r.remote, sha);
            if (!sha) {
                if (r.optional) {
                    // Drop a stale local copy: what is not there any more must not be read.
                    await this.git.deleteRef(r.local);
                    continue;
                }
                const missing = `${r.remote} does not exist in ${url}.`;
                throw r.input ? (0,errors/* settingError */.Hu)(r.input, missing) : new errors/* ConfigurationError */.j1(r.remote, missing);
            }
            specs.push(`+${r.remote}:${r.local}`);
            fetched.push(r);
        }
        const progress = `Fetching from ${url}`;
        if (options.depth || options.filter === false) {
            await this.git.fetch(url, specs, {
                filter: options.filter !== false && this.filter ? this.filter : undefined,
                depth: options.depth,
                retries: 3,
                progress,
            });
            return found;
        }
        const stored = await this.store.fetch(url, fetched.map((r) => r.remote), { retries: 3, progress });
        await this.git.updateRefs(fetched.map((r) => ({ ref: r.local, sha: stored.get(r.remote) })));
        return found;
    }
    /** A remote branch's head, or undefined. */
    async remoteHead(url, branch) {
        return (await this.git.lsRemote(url, [`refs/heads/${branch}`])).get(`refs/heads/${branch}`);
    }
}
//# sourceMappingURL=workspace.js.map
;// CONCATENATED MODULE: ./build/actions/lib/track/track.js








/** Whether two URLs are on the same server (scheme, host and port). */
function sameOrigin(a, b) {
    try {
        return new URL(a).origin === new URL(b).origin;
    }
    catch {
        return false;
    }
}
async function trackUpstream(settings, 
/**
 * The GitHub client, made by the entry point (the action's main.ts, the command line);
 * none for `deliver: patches`, which asks nothing of the API.
 */
deps) {
    const s = validateSettings(settings);
    const { logger } = deps;
    logger.secret(s.token);
    // The token goes only where it belongs: the repository's own server. A third-party
    // upstream is fetched anonymously; the hosted tree gets tree-token, or the token if it
    // lives on the same server.
    const remotes = [{ url: s.gitUrl, token: s.token }];
    if (s.upstreamUrl && sameOrigin(s.upstreamUrl, s.gitUrl))
        remotes.push({ url: s.upstreamUrl, token: s.token });
    if (s.pin) {
        if (s.pin.treeToken)
            logger.secret(s.pin.treeToken);
        const token = s.pin.treeToken || (sameOrigin(s.pin.treeUrl, s.gitUrl) ? s.token : undefined);
        remotes.push({ url: s.pin.treeUrl, token });
    }
    const work = await WorkRepository.open({
        dir: s.workDir,
        name: `${s.owner}-${s.repo}`,
        remotes,
        identity: s.identity,
        logger,
        filter: s.filter,
        cache: deps.cache,
    });
    try {
        return await trackIn(s, logger, deps.github, work);
    }
    finally {
        await work.close();
    }
}
async function trackIn(s, logger, github, work) {
    const git = work.git;
    // deliver: patches asks nothing of the GitHub API: no client, no pull request keeper.
    const pulls = s.deliver === 'patches'
        ? undefined
        : new PullRequests(new lib_github.GitHubRepository(clientOf(github), { owner: s.owner, repo: s.repo }), s, async (branch, sha, expected) => (await git.pushWithLease(s.gitUrl, [{ ref: `refs/heads/${branch}`, sha, expected }]))
            .rejected.length === 0, (branch) => work.remoteHead(s.gitUrl, branch), logger);
    const notes = [];
    // Patches are written in front of the pull requests, or instead of them.
    const delivery = s.deliver === 'pull-request'
        ? undefined
        : new PatchDelivery(git, {
            directory: s.patchesDir,
            branchPrefix: s.branchPrefix,
            baseRef: 'refs/track/target',
            pulls,
            notes,
            logger,
        });
    const ctx = {
        settings: s,
        logger,
        work,
        git,
        pulls: (delivery ?? pulls),
        notes,
        notices: [],
        candidates: [],
    };
    const story = { sync: sync, backport: backport, pin: pin }[s.mode];
    await logger.group(`track-upstream: ${s.mode} into ${s.owner}/${s.repo} ${s.target}`, () => story(ctx));
    return {
        mode: s.mode,
        outcomes: pulls?.outcomes ?? [],
        notes: ctx.notes,
        notices: ctx.notices,
        // A series has no number: only a pull request or issue gives a candidate one.
        candidates: ctx.candidates.map((c) => (c.number ? c : { ...c, number: undefined })),
        patches: delivery?.directory,
        series: delivery?.series ?? [],
    };
}
function clientOf(github) {
    if (!github)
        throw new Error('track: pull requests need a GitHub client (deliver: pull-request or both)');
    return github;
}
//# sourceMappingURL=track.js.map
// EXTERNAL MODULE: ./build/cli/options.js
var options = __webpack_require__(2315);
;// CONCATENATED MODULE: ./build/cli/track.js
/**
 * `tributary track <sync|backport|pin> [--option value]...`: the track-upstream action on a
 * laptop. Options have the action's input names; the token comes from the environment
 * (TRIBUTARY_TOKEN or GITHUB_TOKEN, and TRIBUTARY_TREE_TOKEN for the pinned tree), never from the command line.
 */






const trackSpec = {
    name: 'track',
    synopsis: '<sync|backport|pin> --repository <owner/repo> [options]',
    about: `Opens or refreshes one pull request per purpose in the repository: a sync with the upstream
branch followed, backports of upstream commits marked for stable, or a move of a pinned
revision to one that passed the gate. The options are the track-upstream action's inputs
(actions/track-upstream), with the same defaults.`,
    declared: TRACK_SETTINGS,
    positional: {
        setting: 'mode',
        value: '<sync|backport|pin>',
        description: 'what to propose: a sync, backports, or a pin bump',
    },
    options: [
        {
            name: 'repository',
            value: '<owner/repo>',
            required: true,
            description: 'the repository the pull requests are opened in and branches pushed to',
        },
        {
            name: 'git-url',
            value: '<url>',
            description: 'its git URL (default: <server>/<owner/repo>.git, the server from GITHUB_SERVER_URL)',
        },
        {
            name: 'api-url',
            value: '<url>',
            description: 'the GitHub API (default: GITHUB_API_URL, else https://api.github.com)',
        },
        {
            name: 'target',
            value: '<branch>',
            description: 'the branch the pull requests target: the downstream branch (sync, backport) or the consumer branch (pin)',
        },
        {
            name: 'upstream',
            value: '<branch>',
            description: 'sync: the upstream branch followed (upstream/stable-8.2); backport: the upstream development branch (upstream/master); a branch of the repository unless --upstream-url',
        },
        {
            name: 'upstream-url',
            value: '<url>',
            description: 'where the upstream branch lives, when not in the same repository',
        },
        {
            name: 'strategy',
            value: '<merge|rebase>',
            description: 'sync: a true merge, or the downstream-only commits replayed on the new upstream head',
        },
        {
            name: 'stable-patterns',
            value: '<regex>',
            repeatable: true,
            description: 'backport: another stable marker, matched against each message line',
        },
        {
            name: 'reference-patterns',
            value: '<regex>',
            repeatable: true,
            description: 'backport: another form of a reference to an upstream commit, one capture group for the commit id',
        },
        {
            name: 'commits',
            value: '<sha>',
            repeatable: true,
            description: 'backport: an upstream commit to carry whatever its markers',
        },
        {
            name: 'grouping',
            value: '<per-commit|batch>',
            description: 'backport: one pull request per upstream commit, or one per target',
        },
        {
            name: 'since',
            value: '<rev>',
            description: 'backport: where the first scan starts (default: the merge base)',
        },
        {
            name: 'max-pull-requests',
            value: '<n>',
            description: 'backport: new pull requests (and conflict issues) one run opens at most',
        },
        { name: 'dry-run', description: 'backport: list the candidates and write nothing' },
        {
            name: 'tree-url',
            value: '<url>',
            description: 'pin: the git URL of the hosted tree the pin follows',
        },
        {
            name: 'pin-branch',
            value: '<branch>',
            description: "pin: move to this branch's head (the hosted tree's tested branch)",
        },
        {
            name: 'pin-tags',
            value: '<glob>',
            description: 'pin: move to the newest tag matching this glob (rel-*) whose revision passed the gate',
        },
        {
            name: 'require-flight',
            description: 'pin-tags: take only a tag a gate flight passed; --require-flight=false also takes one with no record',
        },
        {
            name: 'notes-ref',
            value: '<ref>',
            description: "pin: the notes ref holding the gate's flight records",
        },
        { name: 'pin-file', value: '<file>', description: 'pin: the file holding the pin (Config.mk)' },
        {
            name: 'pin-variable',
            value: '<name>',
            description: 'pin: a Makefile-style variable in --pin-file (SEABIOS_UPSTREAM_REVISION)',
        },
        {
            name: 'pin-pattern',
            value: '<regex>',
            description: 'pin: a regular expression over --pin-file whose first capture group is the revision',
        },
        {
            name: 'pin-submodule',
            value: '<path>',
            description: 'pin: a submodule whose gitlink is the pin',
        },
        {
            name: 'labels',
            value: '<names>',
            repeatable: true,
            description: 'labels of the pull requests, comma separated',
        },
        {
            name: 'reviewers',
            value: '<names>',
            repeatable: true,
            description: 'reviewers to request, comma separated',
        },
        {
            name: 'team-reviewers',
            value: '<slugs>',
            repeatable: true,
            description: 'team reviewers to request, comma separated',
        },
        {
            name: 'assignees',
            value: '<names>',
            repeatable: true,
            description: 'assignees, comma separated',
        },
        { name: 'draft', description: 'open pull requests as drafts (conflicting ones always are)' },
        {
            name: 'committer-name',
            value: '<name>',
            description: 'the name commits are made with (per command, never in git config)',
        },
        { name: 'committer-email', value: '<email>', description: 'the e-mail commits are made with' },
        {
            name: 'signoff',
            description: 'add a Signed-off-by line of the committer to every commit made',
        },
        {
            name: 'conflicts',
            value: '<draft|issue>',
            description: 'how a conflict is reported: a draft pull request listing the files, or an issue',
        },
        {
            name: 'branch-prefix',
            value: '<prefix>',
            description: 'prefix of the branches tributary pushes',
        },
        {
            name: 'deliver',
            value: '<pull-request|patches|both>',
            description: 'how a change reaches the target: a pull request, a git format-patch series with a cover letter (for a project that takes patches by mail), or both',
        },
        {
            name: 'patches-directory',
            value: '<dir>',
            fallback: { shown: 'TMPDIR/tributary-patches; the action: RUNNER_TEMP/tributary-patches' },
            description: 'where the patch series are written, one folder a change',
        },
        {
            name: 'work-directory',
            value: '<dir>',
            fallback: { shown: 'TMPDIR/tributary-track; the action: RUNNER_TEMP/tributary-track' },
            description: 'where the work repository lives, reused between runs (fetches are incremental)',
        },
        {
            name: 'filter',
            value: '<filter>',
            description: 'partial-clone filter for fetches: blob:none, tree:0, blob:limit=<n>, or none for whole objects',
        },
    ],
    environment: [
        {
            variables: ['TRIBUTARY_TOKEN', 'GITHUB_TOKEN'],
            setting: 'token',
            description: "the token for the GitHub API and git over HTTPS: contents and pull requests write, issues write for conflict issues (the action's token); none for --deliver patches of a local --git-url",
        },
        {
            variables: ['TRIBUTARY_TREE_TOKEN'],
            setting: 'tree-token',
            description: "pin: the token for --tree-url, when it differs (the action's tree-token)",
        },
    ],
    exitCodes: [
        [0, 'done (pull requests opened, refreshed or left as they were)'],
        [2, 'bad usage or input; nothing written'],
        [3, 'an unexpected failure'],
    ],
};
const trackCommand = {
    name: 'track',
    summary: 'open or refresh sync, backport and pin pull requests',
    usage: (0,options/* usageOf */.Fs)(trackSpec),
    async run(args, logger) {
        const cl = (0,options/* parseCommandLine */.Du)(trackSpec, args, (secret) => logger.secret(secret));
        return cl.run(async (read) => {
            const settings = parseTrackSettings(read, {
                defaultWorkDir: (0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'tributary-track'),
                serverUrl: process.env.GITHUB_SERVER_URL || 'https://github.com',
            });
            const github = settings.deliver === 'patches'
                ? undefined
                : (0,lib_github.createGitHub)({ token: settings.token, baseUrl: settings.apiUrl, logger });
            const report = await trackUpstream(settings, { logger, github });
            for (const o of report.outcomes)
                logger.info(`${o.operation.padEnd(9)} ${o.kind === 'pull' ? '#' : 'issue #'}${o.number} ${o.url}${o.note ? ` (${o.note})` : ''}`);
            for (const s of report.series)
                logger.info(`patches   ${s.files.length - 1} for ${s.change}: ${s.directory} (base ${s.base.slice(0, 12)})`);
            for (const n of report.notes)
                logger.info(n);
            for (const n of report.notices)
                logger.info(`notice: ${n}`);
            if (!report.outcomes.length && !report.series.length)
                logger.info('nothing to do');
            return 0;
        });
    },
};
//# sourceMappingURL=track.js.map

/***/ })

};
