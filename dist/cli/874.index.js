export const id = 874;
export const ids = [874];
export const modules = {

/***/ 1462:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GW: () => (/* reexport safe */ _hosted_js__WEBPACK_IMPORTED_MODULE_2__.GW),
/* harmony export */   He: () => (/* reexport safe */ _history_js__WEBPACK_IMPORTED_MODULE_1__.H),
/* harmony export */   Sk: () => (/* reexport safe */ _history_js__WEBPACK_IMPORTED_MODULE_1__.S),
/* harmony export */   T: () => (/* reexport safe */ _decide_js__WEBPACK_IMPORTED_MODULE_0__.T),
/* harmony export */   kO: () => (/* reexport safe */ _publish_js__WEBPACK_IMPORTED_MODULE_3__.kO),
/* harmony export */   x8: () => (/* reexport safe */ _results_js__WEBPACK_IMPORTED_MODULE_4__.x),
/* harmony export */   y9: () => (/* reexport safe */ _hosted_js__WEBPACK_IMPORTED_MODULE_2__.y9)
/* harmony export */ });
/* harmony import */ var _decide_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7012);
/* harmony import */ var _history_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6402);
/* harmony import */ var _hosted_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3853);
/* harmony import */ var _publish_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8841);
/* harmony import */ var _results_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9796);
/**
 * What the gate part offers the other parts (ESLint lets a part import another only through
 * its index.ts): flight records as notes of the hosted tree (fetched, published with
 * leases), a finished flight's results folder, and the regression rules, so
 * the history page shows a flight as the gate decided it. The front ends (the push-gate
 * action's main.ts, cli/gate.ts) import the part's files themselves.
 */





//# sourceMappingURL=index.js.map

/***/ }),

/***/ 4511:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ prefetchBlobs),
/* harmony export */   m: () => (/* binding */ fetchHistorySource)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4193);
/* harmony import */ var _gate_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1462);
/**
 * What a history page needs from the hosted tree, in a scratch partial clone: for a branch,
 * its commits (no trees, no blobs) and the notes ref's tip without blobs; for a watch series,
 * the notes ref's commits (their log orders the flights; the tip's trees come when read). The
 * notes shown are then fetched in one request, not one per note.
 */


/** Fetches what the source needs; returns the branch's head (branch) and the notes' tip. */
async function fetchHistorySource(git, remote, wanted, notesRef) {
    const hosted = await (0,_gate_index_js__WEBPACK_IMPORTED_MODULE_1__/* .usePartialClone */ .y9)(git, remote);
    if (wanted.kind === 'branch') {
        const ref = `refs/heads/${wanted.branch}`;
        const head = (await git.lsRemote(remote.url, [ref])).get(ref);
        if (!head)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1('branch', `The branch '${wanted.branch}' does not exist in ${remote.url}.`);
        await git.fetch(hosted, [`+${ref}:refs/remotes/hosted/${wanted.branch}`], {
            filter: 'tree:0',
            retries: 3,
        });
        return { head, notes: await (0,_gate_index_js__WEBPACK_IMPORTED_MODULE_1__/* .fetchNotes */ .GW)(git, remote, notesRef) };
    }
    const notes = (await git.lsRemote(remote.url, [notesRef])).get(notesRef);
    // Commits only: their subjects order the flights; the tip's tree comes when it is read.
    if (notes)
        await git.fetch(hosted, [`+${notesRef}:${notesRef}`], { filter: 'tree:0', retries: 3 });
    return { notes };
}
/**
 * Brings the given blobs in one fetch, as git's own lazy fetch does for one object at a time.
 * A server that refuses objects by id leaves them to that lazy fetch: slower, still right.
 */
async function prefetchBlobs(git, remote, blobs) {
    if (!blobs.length)
        return;
    const hosted = await (0,_gate_index_js__WEBPACK_IMPORTED_MODULE_1__/* .usePartialClone */ .y9)(git, remote);
    await git.fetchObjects(hosted, blobs, { filter: 'blob:none', retries: 3 });
}
//# sourceMappingURL=fetch.js.map

/***/ }),

/***/ 4342:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   g9: () => (/* binding */ loadFlights),
/* harmony export */   p2: () => (/* binding */ readRevisions),
/* harmony export */   tr: () => (/* binding */ RECORD_SUBJECT)
/* harmony export */ });
/* unused harmony export readNotes */
/* harmony import */ var _flight_notes_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8644);
/**
 * Which flights a history page shows, read from the notes newest first and only as far back as
 * the requested pages reach: a tree's branch (its first-parent line, each revision's note) or a
 * watch series (the notes ref's own log, newest change first, each note's records of that
 * series). Reading stops once enough flights are found, so a page costs the same with a
 * hundred flights recorded or ten thousand. Notes are found and parsed by the notes module
 * (actions/lib/flight-notes.ts); a record that does not parse is reported, never dropped silently.
 */

/** Reads the notes (commit, blob) in their order; a note that does not parse is collected. */
async function readNotes(git, notesRef, blobs, opts, damaged) {
    // Lenient: a damaged record is collected (the page lists it), the note's others shown.
    const notes = new _flight_notes_js__WEBPACK_IMPORTED_MODULE_0__/* .FlightNotes */ .Cw(git, notesRef, { strict: false });
    const out = await notes.readNotes(blobs, opts.prefetch);
    damaged.push(...notes.damaged);
    return out;
}
/** Newest first: by recording time, the order of reading where times tie. */
function newestFirst(records) {
    return records
        .map((r, i) => ({ r, i }))
        .sort((a, b) => b.r.recordedAt.localeCompare(a.r.recordedAt) || a.i - b.i)
        .map(({ r }) => r);
}
/**
 * How many commits (or notes) to look up next: what is still wanted, scaled by how many
 * flights each one gave so far (commits without a note, notes of other series), with a margin
 * so that one round is usually enough (each round reads the notes tree once); twice as many
 * as before while none gave anything.
 */
function nextBatch(count, found, looked) {
    const wanted = count + 1 - found;
    const size = !looked
        ? Math.ceil(wanted * 1.25) + 8
        : !found
            ? looked * 2
            : Math.ceil((wanted * looked * 1.25) / found) + 8;
    return Math.min(4096, Math.max(16, size));
}
async function loadBranch(git, source, opts, result) {
    if (!(await git.revParse(source.notesRef)))
        return;
    let batch = [];
    let looked = 0;
    let size = nextBatch(opts.count, 0, 0);
    const flush = async () => {
        looked += batch.length;
        const blobs = await git.noteBlobs(source.notesRef, batch);
        const found = batch
            .filter((c) => blobs.has(c))
            .map((c) => ({ commit: c, blob: blobs.get(c) }));
        batch = [];
        const notes = await readNotes(git, source.notesRef, found, opts, result.damaged);
        result.notesRead += found.length;
        // A note holds its revision's flights oldest first.
        for (const records of notes)
            result.records.push(...[...records].reverse());
        size = nextBatch(opts.count, result.records.length, looked);
        return result.records.length > opts.count;
    };
    // Streamed: git is stopped as soon as enough flights are found.
    for await (const commit of git.walkFirstParents(source.head)) {
        batch.push(commit);
        if (batch.length >= size && (await flush()))
            return;
    }
    if (batch.length)
        await flush();
}
/** The subject the notes module gives the notes commit of each record it writes. */
const RECORD_SUBJECT = /^tributary: flight record on ([0-9a-f]{40}(?:[0-9a-f]{24})?)$/;
/** The notes each of `notesCommits` added or changed (one `git diff-tree` for all of them). */
async function notesChangedBy(git, notesCommits) {
    const changed = new Map();
    for (const [notesCommit, paths] of await git.pathsWritten(notesCommits))
        changed.set(notesCommit, 
        // A note's path is the commit id with fanout slashes; anything else is not a note.
        paths.map((p) => p.replace(/\//g, '')).filter((c) => /^[0-9a-f]{40}([0-9a-f]{24})?$/.test(c)));
    return changed;
}
/**
 * A series' flights in the order they were recorded: the notes ref's own log, newest first,
 * names the notes as they changed; a note's first appearance is its latest change. Commits
 * only are read (the notes module names the note in each commit's subject), so the walk costs
 * nothing per note of the tree; another commit (`git notes add`, a merge) is diffed.
 */
async function loadSeries(git, source, opts, result) {
    if (!(await git.revParse(source.notesRef)))
        return;
    const seen = new Set();
    let pending = [];
    let looked = 0;
    let size = nextBatch(opts.count, 0, 0);
    const flush = async () => {
        looked += pending.length;
        const diffed = await notesChangedBy(git, pending.filter((p) => p.notesCommit).map((p) => p.notesCommit));
        const order = [];
        for (const p of pending)
            for (const c of p.note ? [p.note] : (diffed.get(p.notesCommit) ?? []))
                if (!seen.has(c)) {
                    seen.add(c);
                    order.push(c);
                }
        pending = [];
        const blobs = await git.noteBlobs(source.notesRef, order);
        const found = order
            .filter((c) => blobs.has(c))
            .map((c) => ({ commit: c, blob: blobs.get(c) }));
        const notes = await readNotes(git, source.notesRef, found, opts, result.damaged);
        result.notesRead += found.length;
        for (const records of notes)
            for (const r of [...records].reverse()) {
                if (r.series)
                    result.seriesSeen.add(r.series);
                if (r.series === source.series)
                    result.records.push(r);
            }
        size = nextBatch(opts.count, result.records.length, looked);
        return result.records.length > opts.count;
    };
    for await (const { commit, subject } of git.walkFirstParentSubjects(source.notesRef)) {
        const m = RECORD_SUBJECT.exec(subject);
        pending.push(m ? { note: m[1] } : { notesCommit: commit });
        if (pending.length >= size && (await flush()))
            return;
    }
    if (pending.length)
        await flush();
}
/** The newest `count` flights of a source (and one more when it exists), newest first. */
async function loadFlights(git, source, opts) {
    const result = {
        records: [],
        more: false,
        damaged: [],
        seriesSeen: new Set(),
        notesRead: 0,
    };
    if (source.kind === 'branch')
        await loadBranch(git, source, opts, result);
    else
        await loadSeries(git, source, opts, result);
    result.records = newestFirst(result.records);
    result.more = result.records.length > opts.count;
    return result;
}
/**
 * The records of other revisions that the shown flights name as their baseline but that were
 * not read with them (the oldest flight of the last page, say): one lookup for all of them.
 */
async function readRevisions(git, notesRef, revisions, opts, damaged) {
    const blobs = await git.noteBlobs(notesRef, revisions);
    const found = revisions
        .filter((c) => blobs.has(c))
        .map((c) => ({ commit: c, blob: blobs.get(c) }));
    return (await readNotes(git, notesRef, found, opts, damaged)).flat();
}
//# sourceMappingURL=source.js.map

/***/ }),

/***/ 2874:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  historyCommand: () => (/* binding */ historyCommand),
  historySpec: () => (/* binding */ historySpec)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./build/actions/lib/git.js + 1 modules
var lib_git = __webpack_require__(6240);
// EXTERNAL MODULE: ./build/actions/lib/history/fetch.js
var fetch = __webpack_require__(4511);
// EXTERNAL MODULE: ./build/actions/lib/errors.js
var errors = __webpack_require__(4193);
// EXTERNAL MODULE: ./build/actions/lib/gate/index.js
var gate = __webpack_require__(1462);
;// CONCATENATED MODULE: ./build/actions/lib/history/model.js

const failing = (s) => s === 'fail' || s === 'blocked';
/** Only http(s) links are followed: a record's URL is data, and `javascript:` is not a log. */
function safeUrl(u) {
    if (typeof u !== 'string')
        return undefined;
    try {
        const url = new URL(u);
        return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
    }
    catch {
        return undefined;
    }
}
/** The summary the gate judged a flight against: the latest of its baseline's and its revision's. */
function summaryBefore(ctx) {
    return [ctx.baseline, ...ctx.sameRevision]
        .filter((r) => !!r?.history)
        .sort((a, b) => a.recordedAt.localeCompare(b.recordedAt))
        .pop()?.history;
}
/** The steps the recorded decision called regressions (absent: the record holds no list). */
function recordedRegressions(record) {
    const list = record.decision?.regressionList;
    if (!Array.isArray(list))
        return undefined;
    return new Set(list
        .filter((r) => typeof r?.job === 'string')
        .map((r) => `${r.job}\u0000${String(r.step)}`));
}
const describeRef = (r) => r ? `flight ${r.flight} (${r.at.slice(0, 10)}, ${r.revision.slice(0, 12)})` : 'never';
const KIND_TEXT = {
    regression: 'regression: passed in the baseline',
    missing: 'required job missing or cancelled',
    'failed-in-baseline': 'failed in the baseline too',
    'never-passed': 'never passed',
    'no-baseline': 'no baseline to compare with',
    flaky: 'flaky',
    allowed: 'excused by the allow list',
    'not-run': 'did not run, though it passed in the baseline',
};
function cellOf(record, job, step, finding, blocked) {
    const href = safeUrl(step.log) ?? safeUrl(job.url) ?? (finding?.log ? safeUrl(finding.log) : undefined);
    const where = `${job.name} / ${step.name} in flight ${record.flight}`;
    if (step.status === 'pass')
        return { mark: 'pass', text: 'pass', detail: `${where}: pass`, href };
    if (step.status === 'skip')
        return { mark: 'skip', text: 'skip', detail: `${where}: skipped`, href };
    const past = (0,gate/* stepPast */.He)(record.history, job.name, step.name);
    const since = past?.failingSince ?? finding?.failingSince;
    const lastPass = past ? past.lastPass : finding?.lastPass;
    const history = `failing since ${since ? describeRef(since) : 'this flight'}, last pass ${describeRef(lastPass)}`;
    const message = step.message ? `: ${step.message}` : '';
    const key = `${job.name}\u0000${step.name}`;
    // What the gate decided at the time wins: it knew the allow list and the build jobs.
    const recorded = blocked?.has(key);
    if (finding?.kind === 'flaky' && !recorded)
        return {
            mark: 'pass-in',
            text: `pass in ${finding.passIn}`,
            detail: `${where}: ${step.status}, passed in ${finding.passIn} (flaky)${message}`,
            href,
        };
    const blocking = blocked ? !!recorded : (finding?.blocking ?? false);
    let why = finding ? KIND_TEXT[finding.kind] : 'failed';
    if (blocked && blocking && finding?.kind !== 'regression' && finding?.kind !== 'missing')
        why = 'a regression when the gate decided';
    else if (blocked && !blocking && finding && (finding.blocking || finding.kind === 'flaky'))
        why = 'excused when the gate decided (allow list)';
    const mark = step.status === 'blocked' ? 'blocked' : blocking ? 'fail' : 'allowable';
    const text = mark;
    const blockedBy = step.status === 'blocked' ? ' (a step before it failed)' : '';
    return {
        mark,
        text,
        detail: `${where}: ${step.status}${blockedBy}, ${blocking ? 'blocking' : 'not blocking'}, ${why}; ${history}${message}`,
        href,
    };
}
/** Every step of a flight marked: job → step → cell. */
function markFlight(record, ctx) {
    const decision = (0,gate/* decideFlight */.T)({ revision: record.revision, jobs: record.jobs }, ctx.baseline ? { record: ctx.baseline, kind: 'head' } : undefined, { summary: summaryBefore(ctx), sameRevision: ctx.sameRevision }, [], {
        required: [],
        buildJobs: ctx.buildJobs,
        noBaseline: 'push',
        retryFlaky: false,
        now: new Date(record.recordedAt),
    });
    const findings = new Map([...decision.regressions, ...decision.allowable].map((f) => [`${f.job}\u0000${f.step}`, f]));
    const blocked = recordedRegressions(record);
    const out = new Map();
    for (const job of record.jobs) {
        const cells = new Map();
        for (const step of job.steps)
            cells.set(step.name, cellOf(record, job, step, findings.get(`${job.name}\u0000${step.name}`), blocked));
        out.set(job.name, cells);
    }
    // A job or step that passed in the baseline and did not run: the gate's "did not run".
    for (const f of findings.values()) {
        if (f.kind !== 'not-run' || out.get(f.job)?.has(f.step))
            continue;
        const cells = out.get(f.job) ?? new Map();
        const excused = blocked ? !blocked.has(`${f.job}\u0000${f.step}`) : !f.blocking;
        cells.set(f.step, {
            mark: excused ? 'allowable' : 'fail',
            text: 'not run',
            detail: `${f.job} / ${f.step} in flight ${record.flight}: ${KIND_TEXT['not-run']}${excused ? ', excused' : ', blocking'}`,
            href: safeUrl(f.log),
        });
        out.set(f.job, cells);
    }
    // A required job that was missing or cancelled: the gate recorded it as a job-level regression.
    const list = record.decision?.regressionList;
    for (const r of Array.isArray(list) ? list : []) {
        if (typeof r?.job !== 'string' || r.step !== '(job)' || out.get(r.job)?.has('(job)'))
            continue;
        const cells = out.get(r.job) ?? new Map();
        const notRun = r.now === 'not run';
        cells.set('(job)', {
            mark: 'fail',
            text: notRun ? 'not run' : 'fail',
            detail: `${r.job} in flight ${record.flight}: ${notRun ? KIND_TEXT['not-run'] : KIND_TEXT.missing}`,
            href: safeUrl(record.jobs.find((j) => j.name === r.job)?.url),
        });
        out.set(r.job, cells);
    }
    return out;
}
function columnOf(record) {
    const d = record.decision;
    return {
        flight: record.flight,
        revision: record.revision,
        recordedAt: record.recordedAt,
        trees: record.trees.map((t) => ({ name: t.name, revision: t.revision })),
        runUrl: safeUrl(record.trigger?.runUrl),
        verdict: typeof d?.verdict === 'string' ? d.verdict : undefined,
        pushed: typeof d?.pushed === 'boolean' ? d.pushed : undefined,
        reason: typeof d?.reason === 'string' ? d.reason : undefined,
    };
}
const NOT_RUN = { mark: 'not-run', text: 'not run', detail: 'not run in this flight' };
/**
 * One page: the flights given (newest first) as columns, every job and step any of them ran
 * as rows (in the order the newest flight ran them, then older ones').
 */
function pageModel(flights, contextOf, page) {
    const marked = flights.map((f) => markFlight(f, contextOf(f)));
    const order = new Map();
    for (const m of marked)
        for (const [job, cells] of m) {
            const steps = order.get(job) ?? new Set();
            for (const step of cells.keys())
                steps.add(step);
            order.set(job, steps);
        }
    const jobs = [...order].map(([job, steps]) => ({
        job,
        rows: [...steps].map((step) => {
            const cells = marked.map((m) => m.get(job)?.get(step) ?? NOT_RUN);
            const row = { job, step, cells };
            // Since when and last pass, as of the newest flight that ran the step, when it fails there.
            const i = cells.findIndex((c) => c.mark !== 'not-run' && c.mark !== 'skip');
            if (i >= 0 && cells[i].mark !== 'pass') {
                const record = flights[i];
                const past = (0,gate/* stepPast */.He)(record.history, job, step);
                const status = record.jobs
                    .find((j) => j.name === job)
                    ?.steps.find((s) => s.name === step)?.status;
                if (past && failing(status)) {
                    row.failingSince = past.failingSince;
                    row.lastPass = past.lastPass;
                    row.neverPassed = !past.lastPass;
                }
            }
            return row;
        }),
    }));
    return { ...page, columns: flights.map(columnOf), jobs };
}
//# sourceMappingURL=model.js.map
;// CONCATENATED MODULE: ./build/actions/lib/history/render.js

const STYLESHEET = 'history.css';
const GENERATOR = 'tributary history';
/** Text and attribute values: every character that could open markup or close a quote. */
function esc(s) {
    return s.replace(/[&<>"'`]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' })[ch]);
}
const pageFile = (n) => `page-${n}.html`;
const render_short = (rev) => rev.slice(0, 12);
const MARK_HELP = [
    ['pass', 'the step passed'],
    [
        'fail',
        'a regression: it passed in the baseline (the flight this one was judged against) and fails now',
    ],
    ['blocked', 'not run because a step before it failed'],
    [
        'allowable',
        'fails, but does not block: it failed in the baseline too, or never passed, or is allowed',
    ],
    [
        'pass-in',
        'pass in …: fails here, passed in another attempt or another flight of the same revision (flaky)',
    ],
    ['skip', 'skipped'],
    ['not-run', 'not run: the flight had no such job or step'],
];
function render_link(href, text, attrs = '') {
    return href ? `<a href="${esc(href)}"${attrs}>${esc(text)}</a>` : esc(text);
}
/** The gate's verdict as a person says it: pushed, push (nothing to move), refused, retry. */
function verdictText(c) {
    if (c.verdict === 'push')
        return c.pushed ? 'pushed' : 'push';
    return c.verdict === 'refuse' ? 'refused' : c.verdict;
}
function columnHeader(c, i) {
    const said = verdictText(c);
    const verdict = said
        ? `<span class="verdict verdict-${esc(c.verdict)}">${esc(said)}</span>`
        : '';
    const trees = c.trees
        .map((t) => `<span class="tree">${esc(t.name)} <code title="${esc(t.revision)}">${esc(render_short(t.revision))}</code></span>`)
        .join('');
    return (`<th scope="col" id="flight-${i + 1}" class="flight"${c.reason ? ` title="${esc(c.reason)}"` : ''}>` +
        `<span class="flight-id">${render_link(c.runUrl, c.flight)}</span>` +
        `<time datetime="${esc(c.recordedAt)}">${esc(c.recordedAt.replace('T', ' ').slice(0, 16))}</time>` +
        `<code class="revision" title="${esc(c.revision)}">${esc(render_short(c.revision))}</code>` +
        trees +
        verdict +
        `</th>`);
}
/** `headers` names the cell's job, step and flight headers, for screen readers (and tests). */
function cell(c, headers) {
    return `<td class="cell ${c.mark}" headers="${headers}" title="${esc(c.detail)}">${render_link(c.href, c.text)}</td>`;
}
function pastCells(row) {
    if (!row.failingSince && !row.neverPassed)
        return '<td class="past"></td><td class="past"></td>';
    return (`<td class="past">${row.failingSince ? esc(describeRef(row.failingSince)) : ''}</td>` +
        `<td class="past">${row.neverPassed ? 'never' : esc(describeRef(row.lastPass))}</td>`);
}
function nav(m) {
    const items = [];
    items.push(m.page > 1
        ? `<a href="${pageFile(m.page - 1)}" rel="prev">Newer flights</a>`
        : '<span>Newer flights</span>');
    for (let p = 1; p <= m.pages; p++)
        items.push(p === m.page ? `<span aria-current="page">${p}</span>` : `<a href="${pageFile(p)}">${p}</a>`);
    items.push(m.page < m.pages
        ? `<a href="${pageFile(m.page + 1)}" rel="next">Older flights</a>`
        : '<span>Older flights</span>');
    const more = m.more && m.page === m.pages
        ? '<p class="more">Older flights exist but are not on these pages (<code>tributary history --pages</code> sets how many pages are written).</p>'
        : '';
    return `<nav aria-label="Pages"><ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul></nav>${more}`;
}
function table(m) {
    if (!m.columns.length)
        return '<p class="empty">No flight recorded yet.</p>';
    const head = '<thead><tr><th scope="col">Job</th><th scope="col">Step</th>' +
        '<th scope="col">Failing since</th><th scope="col">Last pass</th>' +
        m.columns.map(columnHeader).join('') +
        '</tr></thead>';
    const body = m.jobs
        .map((g, j) => {
        const rows = g.rows.map((row, i) => {
            const jobHeader = i === 0
                ? `<th scope="rowgroup" rowspan="${g.rows.length}" id="job-${j + 1}" class="job">${esc(g.job)}</th>`
                : '';
            const step = `step-${j + 1}-${i + 1}`;
            const cells = row.cells.map((c, f) => cell(c, `job-${j + 1} ${step} flight-${f + 1}`));
            return `<tr>${jobHeader}<th scope="row" id="${step}" class="step">${esc(row.step)}</th>${pastCells(row)}${cells.join('')}</tr>`;
        });
        return `<tbody>${rows.join('')}</tbody>`;
    })
        .join('');
    const first = (m.page - 1) * m.perPage + 1;
    const caption = `Flights ${first} to ${first + m.columns.length - 1}, newest first: one column per flight, one row per job and step.`;
    return `<div class="scroll"><table><caption>${esc(caption)}</caption>${head}${body}</table></div>`;
}
function newest(m) {
    const c = m.columns[0];
    if (!c || m.page !== 1)
        return '';
    const rows = m.jobs.flatMap((g) => g.rows);
    const failing = rows.filter((r) => r.cells[0].mark === 'fail').map((r) => `${r.job} / ${r.step}`);
    const blocked = rows.filter((r) => r.cells[0].mark === 'blocked').length;
    const said = verdictText(c);
    return (`<p class="newest">Newest flight: <strong>${render_link(c.runUrl, c.flight)}</strong> of <code>${esc(render_short(c.revision))}</code>, ${esc(c.recordedAt.replace('T', ' ').slice(0, 16))} UTC` +
        (said ? `: <strong>${esc(said)}</strong>` : '') +
        (failing.length
            ? `. Regressions: ${failing.map(esc).join(', ')}${blocked ? ` (and ${blocked} step${blocked > 1 ? 's' : ''} blocked)` : ''}`
            : c.reason
                ? ` (${esc(c.reason)})`
                : '') +
        '.</p>');
}
function legend() {
    return ('<details class="legend" open><summary>What the cells say</summary><dl>' +
        MARK_HELP.map(([mark, help]) => `<div><dt><span class="cell ${mark}">${mark === 'pass-in' ? 'pass in …' : mark.replace('-', ' ')}</span></dt><dd>${esc(help)}</dd></div>`).join('') +
        '</dl></details>');
}
function damaged(m) {
    if (!m.damaged.length)
        return '';
    return ('<section class="damaged"><h2>Records that could not be read</h2><ul>' +
        m.damaged.map((d) => `<li><code>${esc(d.commit)}</code>: ${esc(d.error)}</li>`).join('') +
        '</ul></section>');
}
function renderPage(m) {
    return [
        '<!DOCTYPE html>',
        '<html lang="en">',
        '<head>',
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        `<meta name="generator" content="${GENERATOR}">`,
        `<title>${esc(m.title)}${m.pages > 1 ? ` (page ${m.page} of ${m.pages})` : ''}</title>`,
        `<link rel="stylesheet" href="${STYLESHEET}">`,
        '</head>',
        '<body>',
        `<header><h1>${esc(m.title)}</h1>`,
        `<p class="generated">Generated ${esc(m.generatedAt)} by ${GENERATOR}. Page ${m.page} of ${m.pages}, ${m.perPage} flights a page.</p>`,
        newest(m),
        '</header>',
        '<main>',
        nav(m),
        table(m),
        damaged(m),
        legend(),
        '</main>',
        '</body>',
        '</html>',
        '',
    ].join('\n');
}
/** Colours are paired with text marks; each background keeps dark text readable (WCAG AA). */
const CSS = `:root { color-scheme: light; --fg: #1b1b1b; --muted: #595959; --line: #c8c8c8; }
* { box-sizing: border-box; }
body { font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: #fff; margin: 1rem; }
h1 { font-size: 1.4rem; margin: 0 0 0.25rem; }
h2 { font-size: 1.1rem; }
.generated, .more, .empty { color: var(--muted); }
code { font: 12px/1.3 ui-monospace, "DejaVu Sans Mono", monospace; }
nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: 0.5rem; padding: 0; margin: 0.5rem 0; }
nav a, nav span { display: inline-block; padding: 0.15rem 0.5rem; border: 1px solid var(--line); border-radius: 3px; }
nav span { color: var(--muted); }
nav [aria-current="page"] { color: var(--fg); font-weight: bold; border-color: var(--fg); }
.scroll { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; }
caption { text-align: left; color: var(--muted); padding: 0.25rem 0; }
th, td { border: 1px solid var(--line); padding: 0.2rem 0.4rem; vertical-align: top; }
thead th { background: #f2f2f2; position: sticky; top: 0; text-align: left; }
th.flight { min-width: 7.5rem; max-width: 10rem; font-weight: normal; }
th.flight > * { display: block; }
.flight-id { font-weight: bold; overflow-wrap: anywhere; }
.tree { color: var(--muted); font-size: 12px; }
.verdict { font-weight: bold; }
.verdict-refuse { color: #9b1c1c; }
.verdict-push { color: #1d5e20; }
th.job, th.step { text-align: left; background: #fafafa; overflow-wrap: anywhere; max-width: 14rem; }
td.past { color: var(--muted); font-size: 12px; max-width: 12rem; }
.cell { text-align: center; white-space: normal; overflow-wrap: anywhere; }
.cell a { color: inherit; }
.cell.pass { background: #d3ecd3; color: #143d14; }
.cell.fail { background: #f4c7c3; color: #6b0f0f; font-weight: bold; }
.cell.blocked { background: #e6d2b5; color: #4d3510; }
.cell.allowable { background: #fbeab0; color: #4d3d00; }
.cell.pass-in { background: #dcd4f4; color: #2e1f66; }
.cell.skip { background: #ececec; color: var(--muted); }
.cell.not-run { background: #fff; color: #767676; }
.legend dl { display: grid; grid-template-columns: repeat(auto-fill, minmax(18rem, 1fr)); gap: 0.25rem 1rem; }
.legend dl div { display: flex; gap: 0.5rem; align-items: baseline; }
.legend dt .cell { display: inline-block; min-width: 5.5rem; padding: 0.1rem 0.4rem; border: 1px solid var(--line); }
.legend dd { margin: 0; }
.damaged { border-left: 4px solid #9b1c1c; padding-left: 0.75rem; }
`;
//# sourceMappingURL=render.js.map
// EXTERNAL MODULE: ./build/actions/lib/history/source.js
var source = __webpack_require__(4342);
;// CONCATENATED MODULE: ./build/actions/lib/history/history.js
/**
 * `writeHistory`: the flight-history page's story. Read the newest flights the requested pages
 * show (and the baselines they were judged against), mark every cell, write page-1.html ...
 * page-N.html, index.html (the newest page) and the stylesheet. Static files: any web server,
 * GitHub Pages included, serves them; nothing runs in the browser.
 */






/**
 * Everything checked before anything is read or written; errors quote the value and name the
 * setting as the front end does (history/settings.ts parses them).
 */
function checkHistorySettings(s) {
    if (!Number.isInteger(s.perPage) || s.perPage < 1 || s.perPage > 500)
        throw (0,errors/* invalidSetting */.gT)('per-page', String(s.perPage), 'a whole number from 1 to 500');
    if (s.pages !== 'all' && (!Number.isInteger(s.pages) || s.pages < 1))
        throw (0,errors/* invalidSetting */.gT)('pages', String(s.pages), "a whole number >= 1, or 'all'");
    if (!s.source.notesRef.startsWith('refs/notes/'))
        throw (0,errors/* invalidSetting */.gT)('notes-ref', s.source.notesRef, 'a ref under refs/notes/');
    if (s.source.kind === 'series' && !s.source.series.trim())
        throw (0,errors/* invalidSetting */.gT)('series', s.source.series, "a watch series' name");
}
const baselineOf = (r) => r.decision?.baseline;
/**
 * What each shown flight was judged against: the baseline its decision names, else (a record
 * with no decision, a watch flight) the flight before it in the same history.
 */
async function contexts(git, s, records, shown, damaged) {
    const pool = [...records];
    const key = (flight, revision) => `${String(flight)}\u0000${String(revision)}`;
    const have = new Set(pool.map((r) => key(r.flight, r.revision)));
    const missing = [
        ...new Set(shown
            .map(baselineOf)
            .filter((b) => typeof b?.revision === 'string' && !have.has(key(b.flight, b.revision)))
            .map((b) => b.revision)
            .filter((rev) => /^[0-9a-f]{40}([0-9a-f]{24})?$/.test(rev))),
    ];
    if (missing.length) {
        const extra = await (0,source/* readRevisions */.p2)(git, s.source.notesRef, missing, s, damaged);
        pool.push(...extra.filter((r) => s.source.kind !== 'series' || r.series === s.source.series));
    }
    const byKey = new Map(pool.map((r) => [key(r.flight, r.revision), r]));
    const position = new Map(records.map((r, i) => [r, i]));
    const byRevision = new Map();
    for (const r of pool)
        byRevision.set(r.revision, [...(byRevision.get(r.revision) ?? []), r]);
    return (record) => {
        const b = baselineOf(record);
        let baseline;
        if (b)
            baseline = byKey.get(key(b.flight, b.revision));
        else if (!record.decision || s.source.kind === 'series')
            baseline = records[(position.get(record) ?? records.length) + 1];
        return {
            baseline,
            sameRevision: (byRevision.get(record.revision) ?? []).filter((r) => r !== record && r.recordedAt < record.recordedAt),
            buildJobs: s.buildJobs,
        };
    };
}
function defaultTitle(source) {
    return source.kind === 'branch'
        ? `${source.tree} ${source.branch}: flight history`
        : `${source.series}: watch flight history`;
}
/** Removes pages of an earlier, longer run (only files this command wrote: its generator tag). */
function removeStalePages(out, pages) {
    for (const name of (0,external_node_fs_.readdirSync)(out)) {
        const m = /^page-(\d+)\.html$/.exec(name);
        if (!m || Number(m[1]) <= pages)
            continue;
        const path = (0,external_node_path_.join)(out, name);
        if ((0,external_node_fs_.readFileSync)(path, 'utf8').includes(`<meta name="generator" content="${GENERATOR}">`))
            (0,external_node_fs_.rmSync)(path);
    }
}
async function writeHistory(git, s, logger) {
    checkHistorySettings(s);
    const count = s.pages === 'all' ? Number.MAX_SAFE_INTEGER : s.perPage * s.pages;
    const loaded = await (0,source/* loadFlights */.g9)(git, s.source, { count, prefetch: s.prefetch });
    if (s.source.kind === 'series' && !loaded.records.length) {
        const seen = [...loaded.seriesSeen].sort();
        throw new errors/* ConfigurationError */.j1('series', `No flight of the watch series '${s.source.series}' in ${s.source.notesRef}` +
            (seen.length
                ? ` (series recorded there: ${seen.join(', ')}).`
                : ' (it holds no watch flight).'));
    }
    const shown = loaded.records.slice(0, count);
    const contextOf = await contexts(git, s, loaded.records, shown, loaded.damaged);
    for (const d of loaded.damaged)
        logger?.warning(`A flight record could not be read: ${d.error}`);
    const pages = Math.max(1, Math.ceil(shown.length / s.perPage));
    const generatedAt = (s.now ?? new Date()).toISOString();
    (0,external_node_fs_.mkdirSync)(s.out, { recursive: true });
    const files = [];
    for (let page = 1; page <= pages; page++) {
        const model = pageModel(shown.slice((page - 1) * s.perPage, page * s.perPage), contextOf, {
            title: s.title ?? defaultTitle(s.source),
            page,
            pages,
            more: loaded.more,
            perPage: s.perPage,
            damaged: loaded.damaged,
            generatedAt,
        });
        const html = renderPage(model);
        (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(s.out, pageFile(page)), html);
        files.push((0,external_node_path_.join)(s.out, pageFile(page)));
        if (page === 1)
            (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(s.out, 'index.html'), html);
    }
    (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(s.out, STYLESHEET), CSS);
    files.push((0,external_node_path_.join)(s.out, 'index.html'), (0,external_node_path_.join)(s.out, STYLESHEET));
    removeStalePages(s.out, pages);
    return {
        files,
        pages,
        flights: shown.length,
        more: loaded.more,
        damaged: loaded.damaged,
        notesRead: loaded.notesRead,
    };
}
//# sourceMappingURL=history.js.map
// EXTERNAL MODULE: ./build/actions/lib/settings.js
var lib_settings = __webpack_require__(1007);
// EXTERNAL MODULE: ./build/actions/lib/flight-notes.js
var flight_notes = __webpack_require__(8644);
;// CONCATENATED MODULE: ./build/actions/lib/history/settings.js
/**
 * The history page's settings, parsed in one place for its front ends: `tributary history`
 * today, an action reading the same names tomorrow. Which flights (a tree's branch or a watch
 * series), from which hosted tree, into which folder; everything checked before anything is
 * fetched or written.
 */





/** Every setting of the history page, with its default. */
const HISTORY_SETTINGS = {
    'tree-url': { required: true },
    token: { secret: true },
    branch: {},
    series: {},
    'output-dir': { required: true },
    'per-page': { default: '20' },
    pages: { default: '10' },
    title: {},
    tree: {},
    'notes-ref': {},
    'build-jobs': { default: 'build*' },
};
const BRANCH = /^(?!-)(?!.*\.\.)[A-Za-z0-9._/-]+$/;
function parseHistorySettings(read, context) {
    const v = new lib_settings/* Settings */.wB(read, HISTORY_SETTINGS);
    v.required('tree-url', 'the hosted tree holding the flight records');
    const hosted = v.remote('tree-url', context.workingDirectory, v.secret('token') || undefined);
    const out = v.required('output-dir', 'the folder the pages are written to');
    const branch = v.optional('branch');
    const series = v.optional('series');
    if (!branch === !series)
        throw new errors/* SettingError */.L_('branch', (name, names) => `Give either ${name} (a tree's flights) or ${names.name('series')} (a watch series' flights)${branch ? ', not both' : ''}.`);
    if (branch && !BRANCH.test(branch))
        throw v.invalid('branch', branch, 'a branch name');
    const written = v.string('pages');
    if (written !== 'all' && !/^\d+$/.test(written))
        throw v.invalid('pages', written, "a whole number >= 1, or 'all'");
    const notesRef = v.optional('notes-ref') ?? (series ? flight_notes/* WATCH_NOTES_REF */.YL : flight_notes/* FLIGHT_NOTES_REF */.f6);
    // The branch's head is filled in once it is fetched.
    const source = series
        ? { kind: 'series', series, notesRef }
        : {
            kind: 'branch',
            tree: v.optional('tree') ?? (0,lib_settings/* treeNameOf */.$W)(hosted.url),
            branch: branch,
            head: '',
            notesRef,
        };
    const settings = {
        hosted,
        source,
        out: (0,external_node_path_.resolve)(context.workingDirectory, out),
        perPage: v.integer('per-page', { min: 1, max: 500 }),
        pages: written === 'all' ? 'all' : Number(written),
        title: v.optional('title'),
        buildJobs: v.list('build-jobs'),
    };
    checkHistorySettings(settings);
    return settings;
}
//# sourceMappingURL=settings.js.map
// EXTERNAL MODULE: ./build/actions/lib/log.js
var log = __webpack_require__(1562);
// EXTERNAL MODULE: ./build/cli/options.js
var options = __webpack_require__(2315);
;// CONCATENATED MODULE: ./build/cli/history.js
/**
 * `tributary history`: the flight-history page of a tree's branch or of a watch series, as
 * static files, read from the flight records in the hosted tree's notes. The hosted tree is a
 * URL (token from TRIBUTARY_TOKEN or GITHUB_TOKEN, sent as a header) or a local path.
 */










const historySpec = {
    name: 'history',
    synopsis: '--tree-url <url> (--branch <branch> | --series <name>) --output-dir <dir> [options]',
    about: `Writes the flight-history page of a tree's branch (the flights recorded on its first-parent
line by the push gate) or of a watch series (the watch flights of that series), newest flight
first: one column per flight, one row per job and step, each cell marked pass, fail, blocked,
allowable or "pass in ..." (flaky), with since when a step fails and its last pass, and links
to the flights' runs and the steps' logs. Static HTML and CSS: index.html in the output folder
is the newest page, page-2.html the next older, and so on (docs/history.md).`,
    declared: HISTORY_SETTINGS,
    options: [
        {
            name: 'tree-url',
            value: '<url>',
            aliases: ['repo'],
            description: 'the hosted tree holding the flight records: an https:// URL or a local path',
        },
        {
            name: 'branch',
            value: '<branch>',
            description: 'the branch whose flights to show (staging shows refused flights too); or --series',
        },
        { name: 'series', value: '<name>', description: 'the watch series whose flights to show' },
        {
            name: 'output-dir',
            value: '<dir>',
            aliases: ['out'],
            description: 'where the pages are written (created when missing)',
        },
        { name: 'per-page', value: '<n>', description: 'flights a page (1 to 500)' },
        {
            name: 'pages',
            value: '<n|all>',
            description: 'how many pages, newest first; older flights are not read',
        },
        {
            name: 'title',
            value: '<text>',
            description: "the page's heading (default: the tree and branch, or the series)",
        },
        {
            name: 'tree',
            value: '<name>',
            description: "the tree's short name in the heading (default: the last part of --tree-url)",
        },
        {
            name: 'notes-ref',
            value: '<ref>',
            description: `the notes ref holding flight records (default: ${flight_notes/* FLIGHT_NOTES_REF */.f6} with --branch, ${flight_notes/* WATCH_NOTES_REF */.YL} with --series)`,
        },
        {
            name: 'build-jobs',
            value: '<glob>',
            repeatable: true,
            description: "build jobs, as the gate's: a build's failure is never called flaky",
        },
    ],
    environment: [
        {
            variables: ['TRIBUTARY_TOKEN', 'GITHUB_TOKEN'],
            setting: 'token',
            description: 'the token that may read an https hosted tree, sent to it alone',
        },
    ],
    exitCodes: [
        [0, 'the pages were written'],
        [2, 'bad usage or input (an unknown branch, a series with no flight); nothing written'],
        [3, 'an unexpected failure'],
    ],
};
const historyCommand = {
    name: 'history',
    summary: 'write the flight-history page of a branch or a watch series',
    usage: (0,options/* usageOf */.Fs)(historySpec),
    async run(args, logger) {
        const cl = (0,options/* parseCommandLine */.Du)(historySpec, args, (secret) => logger.secret(secret));
        return cl.run(async (read) => {
            // Checked before anything is fetched; the branch's head is filled in after the fetch.
            const { hosted, ...settings } = parseHistorySettings(read, {
                workingDirectory: process.cwd(),
            });
            const { source } = settings;
            const work = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'tributary-history-'));
            try {
                // The token is sent to the hosted tree alone (credentialFor scopes it), never stored.
                const git = await (0,lib_git/* initRepository */.zY)((0,external_node_path_.join)(work, 'hosted.git'), {
                    remotes: [hosted],
                    logger,
                });
                const { head } = await logger.group(`Fetching the flight records of ${hosted.url}`, () => (0,fetch/* fetchHistorySource */.m)(git, hosted, source.kind === 'branch' ? { kind: 'branch', branch: source.branch } : source, source.notesRef));
                if (source.kind === 'branch')
                    source.head = head;
                const outcome = await writeHistory(git, { ...settings, prefetch: (blobs) => (0,fetch/* prefetchBlobs */.O)(git, hosted, blobs) }, logger);
                const shown = (0,external_node_path_.relative)(process.cwd(), outcome.files[0]) || outcome.files[0];
                logger.info(`Wrote ${outcome.pages} page${outcome.pages > 1 ? 's' : ''} of ${(0,log/* count */.U9)(outcome.flights, 'flight')}, newest first: ${shown} (index.html is the same page).` +
                    (outcome.more ? ' Older flights exist; --pages writes more pages.' : ''));
                if (!outcome.flights)
                    logger.warning(`No flight is recorded in ${source.notesRef} on ${source.kind === 'branch' ? source.branch : source.series}.`);
                return 0;
            }
            finally {
                (0,external_node_fs_.rmSync)(work, { recursive: true, force: true });
            }
        });
    },
};
//# sourceMappingURL=history.js.map

/***/ })

};
