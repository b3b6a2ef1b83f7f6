export const id = 628;
export const ids = [628];
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

/***/ 7546:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fl: () => (/* binding */ ISSUE_KIND),
/* harmony export */   If: () => (/* binding */ openIssuesOf),
/* harmony export */   ef: () => (/* binding */ planIssues),
/* harmony export */   h5: () => (/* binding */ regressionKey),
/* harmony export */   y8: () => (/* binding */ keepIssues)
/* harmony export */ });
/* unused harmony export describeFlight */
/** The keeper's marker kind for the regressions' issues. */
const ISSUE_KIND = 'watch';
/** The keeper's key of a regression: one issue per series, job and step. */
function regressionKey(series, job, step) {
    return `${series} ${job} ${step}`;
}
const describeFlight = (r) => r ? `flight ${r.flight} (${r.at.slice(0, 10)}, ${r.revision.slice(0, 12)})` : 'never';
function treesLine(trees) {
    return trees?.length ? trees.map((t) => `${t.name} \`${t.revision}\``).join(', ') : '(unknown)';
}
function logLines(c, ctx) {
    const lines = [];
    if (c.log)
        lines.push(`- log: ${c.log}`);
    if (ctx.runUrl)
        lines.push(`- flight run: ${ctx.runUrl}`);
    return lines;
}
function issueBody(cmp, c, ctx) {
    return [
        `Step \`${c.step}\` of job \`${c.job}\` in the watch series \`${cmp.series}\` passed before and fails now: ${c.now}${c.message ? ` (${c.message})` : ''}.`,
        '',
        `- series: \`${cmp.series}\``,
        `- job: \`${c.job}\`, step: \`${c.step}\``,
        `- failing since: ${describeFlight(c.failingSince ?? cmp.flight)}`,
        `- last pass: ${describeFlight(c.lastPass)}`,
        `- revisions now: ${treesLine(ctx.trees)}`,
        ...(c.lastPass && ctx.previousTrees && c.lastPass.flight === cmp.previous?.flight
            ? [`- revisions at the last pass: ${treesLine(ctx.previousTrees)}`]
            : []),
        ...logLines(c, ctx),
        '',
        'tributary keeps this issue: a comment while the step keeps failing, closed by the flight where it passes again.',
    ].join('\n');
}
const stillFails = (cmp, c, ctx, what) => [
    `${what} in ${describeFlight(cmp.flight)}: ${c.now}${c.message ? ` (${c.message})` : ''}.`,
    '',
    `- revisions: ${treesLine(ctx.trees)}`,
    `- failing since: ${describeFlight(c.failingSince)}; last pass: ${describeFlight(c.lastPass)}`,
    ...logLines(c, ctx),
].join('\n');
/**
 * The issue actions for a comparison, given the open issues of the series by key. Pure: the
 * same comparison and issues give the same actions, so a re-run does what the first left undone.
 */
function planIssues(cmp, open, policy, ctx) {
    const actions = [];
    const keyOf = (c) => regressionKey(cmp.series, c.job, c.step);
    const isFlaky = (i) => i.labels.includes(policy.flakyLabel);
    const labelFlaky = (c, issue, body) => actions.push({
        kind: 'label-flaky',
        job: c.job,
        step: c.step,
        key: keyOf(c),
        issue: issue.number,
        labels: [policy.flakyLabel],
        body,
    });
    for (const c of cmp.regressions) {
        const key = keyOf(c);
        const issue = open.get(key);
        const base = { job: c.job, step: c.step, key };
        if (issue)
            actions.push({
                ...base,
                kind: 'comment',
                issue: issue.number,
                body: stillFails(cmp, c, ctx, isFlaky(issue) ? 'Failed again (flaky)' : 'Fails again'),
            });
        else
            actions.push({
                ...base,
                kind: 'open',
                title: `Regression in ${cmp.series}: ${c.job} ${c.step}`,
                body: issueBody(cmp, c, ctx),
            });
    }
    // Flaky: no issue is opened for it; an open one is labelled, once.
    for (const c of cmp.flaky) {
        const issue = open.get(keyOf(c));
        if (!issue || isFlaky(issue))
            continue;
        labelFlaky(c, issue, `Flaky: in ${describeFlight(cmp.flight)} it ended ${c.now}, but passed in ${c.passIn} at the same revisions of every tree. The issue stays open, labelled \`${policy.flakyLabel}\`: close it once the step is reliable.`);
    }
    for (const c of cmp.stillFailing) {
        const key = keyOf(c);
        const issue = open.get(key);
        if (!issue)
            continue;
        actions.push({
            kind: 'comment',
            job: c.job,
            step: c.step,
            key,
            issue: issue.number,
            body: stillFails(cmp, c, ctx, 'Still failing'),
        });
    }
    for (const p of cmp.passing) {
        const key = keyOf(p);
        const issue = open.get(key);
        if (!issue || isFlaky(issue))
            continue;
        if (p.failedIn) {
            // It failed at these very revisions and passes now: the failure was a flake.
            labelFlaky(p, issue, `Flaky: passes in ${describeFlight(cmp.flight)}, but failed in ${p.failedIn} at the same revisions of every tree. The issue stays open, labelled \`${policy.flakyLabel}\`: close it once the step is reliable.`);
            continue;
        }
        actions.push({
            kind: 'close',
            job: p.job,
            step: p.step,
            key,
            issue: issue.number,
            body: [
                `Passes again in ${describeFlight(cmp.flight)}: closing.`,
                '',
                `- revisions: ${treesLine(ctx.trees)}`,
                ...(ctx.runUrl ? [`- flight run: ${ctx.runUrl}`] : []),
            ].join('\n'),
        });
    }
    return actions;
}
/** The open issues of the comparison's steps, by key (one listing of the keeper's issues). */
async function openIssuesOf(keeper, cmp) {
    const found = new Map();
    const steps = [...cmp.regressions, ...cmp.flaky, ...cmp.stillFailing, ...cmp.passing];
    for (const s of steps) {
        const key = regressionKey(cmp.series, s.job, s.step);
        if (found.has(key))
            continue;
        const issue = await keeper.find(key);
        if (issue)
            found.set(key, issue);
    }
    return found;
}
/** Does the planned actions with the keeper; returns them with the issue numbers filled in. */
async function keepIssues(keeper, cmp, actions) {
    const done = [];
    // Said once a flight: a re-run of the same flight comments nothing twice.
    const once = `${cmp.flight.flight} ${cmp.flight.revision}`;
    for (const a of actions) {
        switch (a.kind) {
            case 'open': {
                const issue = await keeper.keep(a.key, {
                    title: a.title,
                    body: a.body,
                    payload: { series: cmp.series, job: a.job, step: a.step },
                });
                done.push({ ...a, issue: issue.number });
                continue;
            }
            case 'comment':
                await keeper.comment(a.key, a.body, once);
                break;
            case 'close':
                await keeper.close(a.key, a.body);
                break;
            case 'label-flaky':
                await keeper.label(a.key, a.labels ?? []);
                await keeper.comment(a.key, a.body, once);
                break;
        }
        done.push(a);
    }
    return done;
}
//# sourceMappingURL=issues.js.map

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

/***/ 8628:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  watchCommand: () => (/* binding */ watchCommand),
  watchSpec: () => (/* binding */ watchSpec)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./build/actions/lib/watch/issues.js
var watch_issues = __webpack_require__(7546);
// EXTERNAL MODULE: ./build/actions/lib/log.js
var log = __webpack_require__(1562);
;// CONCATENATED MODULE: ./build/actions/lib/watch/report.js


/** A table cell: no line breaks, no pipes. */
const cell = (s) => s.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
const ref = (r) => r ? `${r.flight} (${r.revision.slice(0, 12)})` : 'never';
function table(o, title, rows, kind) {
    if (!rows.length)
        return [];
    const issues = new Map();
    for (const a of o.issueActions)
        if (a.issue)
            issues.set(a.key, a.issue);
    const lines = [
        `### ${title} (${rows.length})`,
        '',
        '| job | step | kind | before | now | failing since | last pass | issue |',
        '|---|---|---|---|---|---|---|---|',
    ];
    for (const c of rows) {
        const issue = issues.get((0,watch_issues/* regressionKey */.h5)(o.series, c.job, c.step));
        const what = kind === 'still failing' && c.neverPassed
            ? 'never passed'
            : kind === 'flaky'
                ? `flaky: passed in ${c.passIn}`
                : kind;
        lines.push(`| ${[
            c.job,
            c.step,
            what,
            c.before ?? 'not run',
            c.now,
            kind === 'fixed' ? '' : ref(c.failingSince),
            ref(c.lastPass),
            issue ? `#${issue}` : '',
        ]
            .map(cell)
            .join(' | ')} |`);
    }
    return [...lines, ''];
}
function renderReport(o) {
    const c = o.comparison;
    const trees = o.record.trees.map((t) => `${t.name} \`${t.revision.slice(0, 12)}\``).join(', ');
    const lines = [
        `## tributary watch: ${o.series}`,
        '',
        `Flight ${o.record.flight}: ${trees}. ` +
            (c.previous
                ? `Compared with the previous flight ${ref(c.previous)}.`
                : 'The first flight of the series: nothing to compare with yet.'),
        '',
        `**${(0,log/* count */.U9)(c.regressions.length, 'regression')}**, ${c.fixed.length} fixed, ${c.stillFailing.length} still failing, ${c.flaky.length} flaky. A watch flight gates nothing.`,
        '',
        ...table(o, 'Regressions', c.regressions, 'regression'),
        ...table(o, 'Fixed', c.fixed, 'fixed'),
        ...table(o, 'Still failing', c.stillFailing, 'still failing'),
        ...table(o, 'Flaky', c.flaky, 'flaky'),
        ...table(o, 'Not run', c.notRun, 'not run'),
    ];
    if (o.issueActions.length) {
        lines.push(o.issuesKept ? '### Issues' : '### Issues (not kept: no repository or token)', '');
        for (const a of o.issueActions)
            lines.push(`- ${a.kind} ${a.issue ? `#${a.issue}` : ''}: ${cell(a.job)} / ${cell(a.step)}`.replace(/ {2,}/g, ' '));
        lines.push('');
    }
    return lines.join('\n');
}
function renderBaseline(o) {
    return [
        '## tributary watch: baseline',
        '',
        '| branch | revision | source |',
        '|---|---|---|',
        ...o.baseline.map((b) => `| ${cell(b.branch)} | \`${b.revision}\` | ${b.source}${b.flight ? ` (flight ${cell(b.flight)})` : ''} |`),
        '',
    ].join('\n');
}
function renderReleases(o) {
    return [
        '## tributary watch: releases',
        '',
        '| tag | kind |',
        '|---|---|',
        ...o.releases.map((r) => `| ${cell(r.tag)} | ${r.kind} |`),
        ...o.unmatched.map((t) => `| ${cell(t)} | unmatched: not a release |`),
        '',
    ].join('\n');
}
function renderWatchSummary(o) {
    if (o.mode === 'report')
        return renderReport(o);
    if (o.mode === 'baseline')
        return renderBaseline(o);
    return renderReleases(o);
}
//# sourceMappingURL=report.js.map
// EXTERNAL MODULE: ./build/actions/lib/errors.js
var errors = __webpack_require__(4193);
// EXTERNAL MODULE: ./build/actions/lib/flight-notes.js
var flight_notes = __webpack_require__(8644);
// EXTERNAL MODULE: ./build/actions/lib/settings.js
var settings = __webpack_require__(1007);
// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(4006);
;// CONCATENATED MODULE: ./build/actions/lib/watch/releases.js
/**
 * Which upstream tags are releases, and of which kind: a pure classification of the tag names
 * the mirror created (its `created-tags` output), so the release workflow tests a beta, a
 * release candidate or a final release and nothing else. Patterns are `kind:glob`, tried in
 * order, the first match wins: `v9.2.0-rc1` is an rc before `v[0-9]*` calls it final.
 */


const RELEASE_KINDS = ['beta', 'rc', 'final'];
/** QEMU's `v9.2.0-rc1` and `v9.2.0`, SeaBIOS' `rel-1.16.3`; betas and rcs before finals. */
const DEFAULT_RELEASE_PATTERNS = [
    'rc:*-rc*',
    'beta:*-beta*',
    'final:v[0-9]*',
    'final:rel-[0-9]*',
];
/** `kind:glob` lines, each checked; an error names the setting and the line. */
function parseReleasePatterns(lines, setting = 'release-patterns') {
    return lines.map((line) => {
        const at = line.indexOf(':');
        const kind = line.slice(0, at).trim();
        const glob = line.slice(at + 1).trim();
        if (at < 1 || !RELEASE_KINDS.includes(kind) || !glob)
            throw (0,errors/* invalidSetting */.gT)(setting, line, `kind:glob lines, kind one of ${RELEASE_KINDS.join(', ')} (rc:*-rc*)`);
        return { kind, glob, match: picomatch(glob) };
    });
}
/**
 * Tag names (a JSON array, as the mirror's output gives them) checked: a list of non-empty
 * strings, refs/tags/ taken off; an error names the setting.
 */
function parseTags(text, setting = 'tags') {
    let v;
    try {
        v = JSON.parse(text || '[]');
    }
    catch {
        throw (0,errors/* invalidSetting */.gT)(setting, text, "a JSON array of tag names (the mirror's created-tags output)");
    }
    if (!Array.isArray(v) || v.some((t) => typeof t !== 'string' || !t.trim()))
        throw (0,errors/* invalidSetting */.gT)(setting, text, "a JSON array of tag names (the mirror's created-tags output)");
    return v.map((t) => t.trim().replace(/^refs\/tags\//, ''));
}
function classifyTags(tags, patterns) {
    const out = { releases: [], unmatched: [] };
    for (const tag of tags) {
        const p = patterns.find((x) => x.match(tag));
        if (p)
            out.releases.push({ tag, kind: p.kind });
        else
            out.unmatched.push(tag);
    }
    return out;
}
//# sourceMappingURL=releases.js.map
;// CONCATENATED MODULE: ./build/actions/lib/watch/settings.js
/**
 * The watch's settings, parsed in one place for both front ends (actions/watch's main.ts and
 * `tributary watch`), one mode at a time: `report` (record a watch flight of a series, compare
 * it with the previous one, keep the regressions' issues), `baseline` (the consumer revisions
 * to test against) and `releases` (which new tags are releases). Everything is checked here,
 * before anything is fetched or written.
 */





const WATCH_MODES = ['report', 'baseline', 'releases'];
/** Every input of the watch action, with the default its action.yml declares. */
const WATCH_SETTINGS = {
    mode: { default: 'report' },
    series: {},
    tree: {},
    'tree-url': { runner: '${{ github.server_url }}/${{ github.repository }}' },
    revision: {},
    results: {},
    token: { secret: true, runner: '${{ github.token }}' },
    repository: { runner: '${{ github.repository }}' },
    'notes-ref': { default: flight_notes/* WATCH_NOTES_REF */.YL },
    labels: { default: 'regression' },
    'flaky-label': { default: 'flaky' },
    flight: {
        runner: '${{ github.server_url }}/${{ github.repository }}/actions/runs/${{ github.run_id }}',
    },
    'consumer-url': {},
    'consumer-branches': {},
    'consumer-notes-ref': { default: flight_notes/* FLIGHT_NOTES_REF */.f6 },
    tags: {},
    'release-patterns': { default: DEFAULT_RELEASE_PATTERNS.join('\n') },
};
const WATCH_IDENTITY = {
    name: 'tributary watch',
    email: 'tributary@users.noreply.github.com',
};
const SERIES = /^[A-Za-z0-9][A-Za-z0-9._+-]*$/;
const TREE = /^[A-Za-z0-9][A-Za-z0-9._+-]*$/;
const BRANCH = /^(?!-)(?!.*\.\.)(?!.*\/$)[A-Za-z0-9._/-]+$/;
const FULL_ID = /^[0-9a-f]{40}([0-9a-f]{24})?$/;
/** A run's page (`.../actions/runs/123`): its id names the flight, the URL links to it. */
function flightOf(value) {
    if (!/^https?:\/\//.test(value))
        return { flight: value };
    const id = /\/runs\/(\d+)(?:\/attempts\/\d+)?\/?$/.exec(value)?.[1];
    return { flight: id ?? value, runUrl: value };
}
function parseWatchSettings(read, context) {
    const v = new settings/* Settings */.wB(read, WATCH_SETTINGS);
    const mode = v.choice('mode', WATCH_MODES);
    if (mode === 'releases') {
        const tags = parseTags(v.string('tags'));
        return { mode, tags, patterns: parseReleasePatterns(v.lines('release-patterns')) };
    }
    const token = v.secret('token') || undefined;
    if (mode === 'baseline') {
        const consumer = v.remote('consumer-url', context.workingDirectory, token);
        if (!consumer)
            throw (0,errors/* missingSetting */.zf)('consumer-url', "the consumer's hosted repository");
        const branches = v.lines('consumer-branches');
        if (!branches.length)
            throw (0,errors/* missingSetting */.zf)('consumer-branches', "a series needs its baseline: the consumer's unstable branch, then each stable branch, one a line");
        for (const b of branches)
            if (!BRANCH.test(b))
                throw (0,errors/* invalidSetting */.gT)('consumer-branches', b, 'branch names, one a line');
        const notesRef = v.string('consumer-notes-ref');
        if (!notesRef.startsWith('refs/notes/'))
            throw (0,errors/* invalidSetting */.gT)('consumer-notes-ref', notesRef, 'a ref under refs/notes/');
        return { mode, consumer, branches, notesRef, workDir: context.workDir };
    }
    const series = v.required('series', 'the watch series, a stable name such as qemu-master-vs-xen-unstable');
    if (!SERIES.test(series))
        throw (0,errors/* invalidSetting */.gT)('series', series, 'a series name of letters, digits and . _ + -');
    v.required('tree-url', "the watched tree's hosted repository, which keeps the series' notes");
    const hosted = v.remote('tree-url', context.workingDirectory, token);
    const results = v.required('results', 'the folder of job results of the watch flight');
    const revision = v.optional('revision');
    if (revision !== undefined && !FULL_ID.test(revision))
        throw (0,errors/* invalidSetting */.gT)('revision', revision, 'a full commit id (40 hex digits)');
    const tree = v.optional('tree') ?? (0,settings/* treeNameOf */.$W)(hosted.url);
    if (!TREE.test(tree))
        throw (0,errors/* invalidSetting */.gT)('tree', tree, 'a tree name of letters, digits and . _ + -');
    const notesRef = v.string('notes-ref');
    if (!notesRef.startsWith('refs/notes/'))
        throw (0,errors/* invalidSetting */.gT)('notes-ref', notesRef, 'a ref under refs/notes/');
    const repository = v.repository('repository');
    const flakyLabel = v.string('flaky-label');
    const labels = v.list('labels');
    const { flight, runUrl } = flightOf(v.optional('flight') ?? context.flight());
    return {
        mode,
        series,
        tree,
        hosted,
        ...(revision ? { revision } : {}),
        results: (0,external_node_path_.resolve)(context.workingDirectory, results),
        ...(repository ? { repository } : {}),
        notesRef,
        labels,
        flakyLabel,
        flight,
        ...(runUrl ? { runUrl } : {}),
        buildJobs: ['build*'],
        ...(context.trigger || runUrl
            ? { trigger: { ...context.trigger, ...(runUrl ? { runUrl } : {}) } }
            : {}),
        workDir: context.workDir,
        identity: WATCH_IDENTITY,
    };
}
//# sourceMappingURL=settings.js.map
// EXTERNAL MODULE: ./build/actions/lib/flight.js
var lib_flight = __webpack_require__(1576);
// EXTERNAL MODULE: ./build/actions/lib/git.js + 1 modules
var lib_git = __webpack_require__(6240);
// EXTERNAL MODULE: ./build/actions/lib/gate/index.js
var gate = __webpack_require__(1462);
;// CONCATENATED MODULE: ./build/actions/lib/watch/baseline.js
/**
 * The consumer revisions a watch flight is tested against (`mode: baseline`): for the
 * consumer's unstable branch and each named stable branch, the newest revision its own gate's
 * records say passed, else (a consumer gated elsewhere, Xen by osstest) simply the branch head.
 * Reads only: the branches' last commits (no trees, no files) and the gate's notes they name.
 */



/** How far back along a branch's first parents a passing gate record is looked for. */
const BASELINE_WALK = 100;
/** A flight the consumer's gate let through on its own merits (a forced push did not pass). */
const passed = (r) => r.decision?.verdict === 'push' && !r.decision.forced;
async function resolveBaseline(git, consumer, branches, notesRef, logger) {
    const refs = branches.map((b) => `refs/heads/${b}`);
    const heads = await git.lsRemote(consumer.url, refs);
    const missing = branches.filter((b) => !heads.has(`refs/heads/${b}`));
    if (missing.length)
        throw new errors/* ConfigurationError */.j1('consumer-branches', `The consumer's branch${missing.length > 1 ? 'es' : ''} ${missing.map((b) => `'${b}'`).join(', ')} (consumer-branches) ${missing.length > 1 ? 'do' : 'does'} not exist in ${consumer.url}.`);
    const hosted = await (0,gate/* usePartialClone */.y9)(git, consumer);
    // The last commits of each branch only: the walk reads no further.
    await git.fetch(hosted, branches.map((b) => `+refs/heads/${b}:refs/remotes/consumer/${b}`), { depth: BASELINE_WALK, filter: 'tree:0', retries: 3 });
    const notes = await (0,gate/* fetchNotes */.GW)(git, consumer, notesRef);
    const out = [];
    for (const branch of branches) {
        const head = heads.get(`refs/heads/${branch}`);
        let found;
        if (notes) {
            const line = await git.firstParents(head, BASELINE_WALK);
            const records = await (0,flight_notes/* readFlightsOf */.pw)(git, notesRef, line);
            for (const commit of line) {
                const pass = [...(records.get(commit) ?? [])].reverse().find(passed);
                if (pass) {
                    found = { branch, revision: commit, source: 'gate-record', flight: pass.flight };
                    break;
                }
            }
        }
        const entry = found ?? { branch, revision: head, source: 'branch-head' };
        logger.info(entry.source === 'gate-record'
            ? `${branch}: ${entry.revision}, passed the consumer's gate in flight ${entry.flight}${entry.revision === head ? ' (the head)' : ` (the head ${head} has no passing record)`}`
            : `${branch}: ${entry.revision}, the branch head (no passing gate record in ${notesRef} on its last ${BASELINE_WALK} first-parent commits)`);
        out.push(entry);
    }
    return out;
}
//# sourceMappingURL=baseline.js.map
;// CONCATENATED MODULE: ./build/actions/lib/watch/compare.js

const failing = (s) => s?.status === 'fail' || s?.status === 'blocked';
const sameTrees = (a, b) => a.length === b.length &&
    a.every((t) => b.some((u) => u.name === t.name && u.revision === t.revision));
function compareFlight(input) {
    const { previous, flight } = input;
    const others = input.sameRevision.filter((r) => r.series === input.series &&
        r.revision === flight.revision &&
        sameTrees(r.trees, input.trees));
    const decision = (0,gate/* decideFlight */.T)({ revision: flight.revision, jobs: input.jobs }, previous ? { record: previous, kind: 'head' } : undefined, { summary: previous?.history, sameRevision: others }, [], {
        required: [],
        buildJobs: input.buildJobs,
        noBaseline: 'push',
        retryFlaky: false,
        now: new Date(flight.at),
    });
    const history = (0,gate/* carryHistory */.Sk)(previous?.history, flight, input.jobs);
    const prevRef = previous && {
        flight: previous.flight,
        revision: previous.revision,
        at: previous.recordedAt,
    };
    const change = (f) => {
        const past = (0,gate/* stepPast */.He)(history, f.job, f.step);
        const c = { job: f.job, step: f.step, now: f.now };
        if (f.baseline)
            c.before = f.baseline;
        if (past?.first)
            c.firstSeen = past.first;
        // A record written by hand carries no history: the previous flight is where it passed.
        const lastPass = past?.lastPass ?? f.lastPass ?? (f.baseline === 'pass' ? prevRef : undefined);
        if (lastPass)
            c.lastPass = lastPass;
        if (past?.failingSince)
            c.failingSince = past.failingSince;
        if (f.passIn)
            c.passIn = f.passIn;
        if (f.log)
            c.log = f.log;
        if (f.message)
            c.message = f.message;
        return c;
    };
    const out = {
        series: input.series,
        flight,
        ...(prevRef ? { previous: prevRef } : {}),
        regressions: [],
        fixed: [],
        stillFailing: [],
        flaky: [],
        notRun: [],
        passing: input.jobs.flatMap((j) => j.steps
            .filter((s) => s.status === 'pass')
            .map((s) => {
            const attempt = (s.attempts ?? []).findIndex((a) => a === 'fail' || a === 'blocked');
            const other = others.find((r) => failing(r.jobs.find((o) => o.name === j.name)?.steps.find((o) => o.name === s.name)));
            const failedIn = attempt >= 0
                ? `attempt ${attempt + 1} of this flight`
                : other
                    ? `flight ${other.flight}`
                    : undefined;
            return { job: j.name, step: s.name, ...(failedIn ? { failedIn } : {}) };
        })),
        history,
    };
    for (const f of [...decision.regressions, ...decision.allowable]) {
        const c = change(f);
        switch (f.kind) {
            case 'regression':
                out.regressions.push(c);
                break;
            case 'not-run':
                out.notRun.push(c);
                break;
            case 'flaky':
                out.flaky.push(c);
                break;
            case 'failed-in-baseline':
            case 'never-passed':
            case 'no-baseline':
                c.neverPassed = !c.lastPass;
                out.stillFailing.push(c);
                break;
            default:
                // No allow list and no required jobs here: nothing else is found.
                out.stillFailing.push(c);
        }
    }
    for (const f of decision.fixed) {
        const past = (0,gate/* stepPast */.He)(history, f.job, f.step);
        out.fixed.push({
            job: f.job,
            step: f.step,
            now: 'pass',
            ...(f.baseline ? { before: f.baseline } : {}),
            ...(past?.first ? { firstSeen: past.first } : {}),
            lastPass: flight,
        });
    }
    return out;
}
//# sourceMappingURL=compare.js.map
// EXTERNAL MODULE: ./build/actions/lib/history/fetch.js
var fetch = __webpack_require__(4511);
// EXTERNAL MODULE: ./build/actions/lib/history/source.js
var source = __webpack_require__(4342);
;// CONCATENATED MODULE: ./build/actions/lib/history/index.js
/**
 * What the history part offers the other parts (ESLint lets a part import another only through
 * its index.ts): the series' flights read newest first, only as far back as asked (the watch
 * finds the previous flight of a series with it), and the one fetch of the notes a partial
 * clone lacks. The front ends import the part's files themselves.
 */


//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./build/actions/lib/watch/notes.js



/** How many of the notes log's newest commits the first fetch brings. */
const FIRST_DEPTH = 32;
/**
 * Fetches the notes ref's newest `depth` commits (no trees, no blobs), then the trees on the
 * paths of the notes they name and of the watched revision's, nothing else (fetchNoteTrees);
 * whether that is all of the log.
 */
async function fetchLog(git, remote, notesRef, depth, revision) {
    const tip = (await git.lsRemote(remote.url, [notesRef])).get(notesRef);
    if (!tip) {
        await git.deleteRef(notesRef);
        return { complete: true };
    }
    const hosted = await (0,gate/* usePartialClone */.y9)(git, remote);
    await git.fetch(hosted, [`+${notesRef}:${notesRef}`], { depth, filter: 'tree:0', retries: 3 });
    const named = [revision];
    for await (const { subject } of git.walkFirstParentSubjects(notesRef)) {
        const m = source/* RECORD_SUBJECT */.tr.exec(subject);
        if (m)
            named.push(m[1]);
    }
    await git.fetchNoteTrees(hosted, notesRef, [...new Set(named)]);
    return { tip, complete: (await git.countCommits(notesRef)) < depth };
}
/** Reads what the comparison needs from the notes: the previous flight, the revision's flights. */
async function readSeriesNotes(git, remote, notesRef, series, revision, logger) {
    const prefetch = (blobs) => (0,fetch/* prefetchBlobs */.O)(git, remote, blobs);
    let depth = FIRST_DEPTH;
    let count = 1;
    let notesRead = 0;
    let previous;
    for (;;) {
        const { tip, complete } = await fetchLog(git, remote, notesRef, depth, revision);
        if (!tip)
            return { sameRevision: [], depth: 0, notesRead };
        const loaded = await (0,source/* loadFlights */.g9)(git, { kind: 'series', series, notesRef }, { count, prefetch });
        notesRead += loaded.notesRead;
        for (const d of loaded.damaged)
            logger.warning(`A damaged flight record on ${d.commit} is left out: ${d.error}`);
        previous = loaded.records.find((r) => (r.purpose ?? 'watch') === 'watch');
        if (previous)
            break;
        // The series' newest records are all a bisection's: read further back.
        if (loaded.more)
            count *= 4;
        else if (complete)
            break;
        else
            depth *= 8;
    }
    const sameRevision = (await (0,flight_notes/* readFlightsOf */.pw)(git, notesRef, [revision])).get(revision) ?? [];
    return { previous, sameRevision, depth, notesRead: notesRead + 1 };
}
//# sourceMappingURL=notes.js.map
;// CONCATENATED MODULE: ./build/actions/lib/watch/watch.js
/**
 * `runWatch`: the watch's story, one mode at a time. `report`: read the flight's job results
 * (every mistake refused before anything is fetched), find the previous flight of the series
 * in the watched tree's notes, compare (compare.ts), look the regressions' issues up, record
 * the flight as a note (leased, re-read and re-appended when another run recorded meanwhile),
 * then keep the issues. Never gates anything: a regression is an answer, not a failure.
 * `baseline` and `releases` only read.
 */











async function runWatch(s, deps) {
    if (s.mode === 'releases')
        return releases(s, deps);
    if (s.mode === 'baseline')
        return baseline(s, deps);
    return report(s, deps);
}
function releases(s, deps) {
    const c = classifyTags(s.tags, s.patterns);
    for (const r of c.releases)
        deps.logger.info(`${r.tag}: ${r.kind}`);
    for (const t of c.unmatched)
        deps.logger.warning(`Tag '${t}' matches no release pattern (release-patterns): not a release, not tested.`);
    return { mode: 'releases', ...c };
}
async function baseline(s, deps) {
    (0,external_node_fs_.mkdirSync)(s.workDir, { recursive: true });
    const git = await (0,lib_git/* initRepository */.zY)((0,external_node_path_.join)(s.workDir, 'consumer.git'), {
        remotes: [s.consumer],
        logger: deps.logger,
    });
    return {
        mode: 'baseline',
        baseline: await resolveBaseline(git, s.consumer, s.branches, s.notesRef, deps.logger),
    };
}
/** The flight's results, or an error naming the setting that pointed at them. */
function results(s) {
    let found;
    try {
        found = (0,gate/* readResults */.x8)(s.results, s.tree, s.revision);
    }
    catch (e) {
        if (e instanceof errors/* ConfigurationError */.j1 && !(e instanceof errors/* SettingError */.L_) && e.subject === 'results')
            throw (0,errors/* settingError */.Hu)('results', e.message);
        throw e;
    }
    const others = found.trees.filter((t) => t.name !== s.tree);
    if (!others.length)
        throw new errors/* SettingError */.L_('series', (name) => `The series '${s.series}' (${name}) has no baseline: the job results name only the watched tree '${s.tree}'. A watch flight tests it against the consumer's revision; each job result names every tree's revision in its 'trees' field.`);
    return found;
}
function output(cmp, c, issues, fixed) {
    const issue = issues.get((0,watch_issues/* regressionKey */.h5)(cmp.series, c.job, c.step)) ?? null;
    // A regression: the last pass, then this flight. A fix: the previous flight, then this one.
    const pass = fixed ? cmp.flight : c.lastPass;
    const fail = fixed ? cmp.previous : cmp.flight;
    return {
        series: cmp.series,
        job: c.job,
        step: c.step,
        pass: pass?.revision ?? null,
        fail: fail.revision,
        passFlight: pass?.flight ?? null,
        failFlight: fail.flight,
        issue,
    };
}
async function report(s, deps) {
    const { logger } = deps;
    const found = results(s);
    const revision = found.revision;
    const now = s.now ?? new Date();
    const flight = { flight: found.flight ?? s.flight, revision, at: now.toISOString() };
    logger.info(`Watch flight ${flight.flight} of series '${s.series}': ${found.jobs.length} job(s) of ${s.tree} at ${revision}, with ${found.trees
        .filter((t) => t.name !== s.tree)
        .map((t) => `${t.name} ${t.revision}`)
        .join(', ')}`);
    (0,external_node_fs_.mkdirSync)(s.workDir, { recursive: true });
    const git = await (0,lib_git/* initRepository */.zY)((0,external_node_path_.join)(s.workDir, 'watched.git'), {
        remotes: [s.hosted],
        identity: s.identity,
        logger,
    });
    const notes = await logger.group(`Reading the flights of series '${s.series}'`, () => readSeriesNotes(git, s.hosted, s.notesRef, s.series, revision, logger));
    const { previous } = notes;
    if (previous) {
        const names = (r) => r.trees.map((t) => t.name).sort();
        const [was, is] = [names(previous), names(found)];
        const unknown = is.filter((n) => !was.includes(n));
        const gone = was.filter((n) => !is.includes(n));
        if (unknown.length || gone.length)
            throw (0,errors/* settingError */.Hu)('results', `the job results name trees ${is.join(', ')}; the series '${s.series}' tests ${was.join(', ')} (flight ${previous.flight})${unknown.length ? `: unknown ${unknown.join(', ')}` : ''}${gone.length ? `; missing ${gone.join(', ')}` : ''}. A series is a fixed combination of trees: name another series for another one. Nothing recorded.`);
        logger.info(`Previous flight of the series: ${previous.flight} of ${previous.revision} (${previous.recordedAt}).`);
    }
    else
        logger.info(`No previous flight of series '${s.series}' in ${s.notesRef}: this one is its first.`);
    const comparison = compareFlight({
        series: s.series,
        flight,
        jobs: found.jobs,
        trees: found.trees,
        previous,
        sameRevision: notes.sameRevision,
        buildJobs: s.buildJobs,
    });
    const record = {
        format: lib_flight/* FLIGHT_RECORD_FORMAT */.N2,
        flight: flight.flight,
        series: s.series,
        purpose: 'watch',
        tree: s.tree,
        revision,
        trees: found.trees,
        jobs: found.jobs,
        ...(s.trigger ? { trigger: s.trigger } : {}),
        ...(found.startedAt ? { startedAt: found.startedAt } : {}),
        recordedAt: flight.at,
        history: comparison.history,
    };
    // The issues first, then the record: a run that stops between the two is simply run again,
    // finds the same regressions and the issues it opened (commented once a flight), and
    // records; the other way round, its regressions would be "still failing" with no issue.
    const keeper = deps.issues;
    const open = keeper ? await (0,watch_issues/* openIssuesOf */.If)(keeper, comparison) : new Map();
    const planned = (0,watch_issues/* planIssues */.ef)(comparison, open, { flakyLabel: s.flakyLabel }, { trees: found.trees, runUrl: s.runUrl, previousTrees: previous?.trees });
    const issueActions = keeper ? await (0,watch_issues/* keepIssues */.y8)(keeper, comparison, planned) : planned;
    const published = await (0,gate/* publishFlight */.kO)(git, { url: s.hosted.url }, { notesRef: s.notesRef, record, logger });
    logger.info(`Recorded flight ${record.flight} on ${revision} in ${s.notesRef}.`);
    const numbers = new Map();
    // An open issue left as it is (a flaky one, say) is still the regression's issue.
    for (const [key, i] of open)
        numbers.set(key, i.number);
    for (const a of issueActions)
        if (a.issue)
            numbers.set(a.key, a.issue);
    return {
        mode: 'report',
        series: s.series,
        tree: s.tree,
        revision,
        record,
        comparison,
        issueActions,
        issuesKept: !!keeper,
        regressions: comparison.regressions.map((c) => output(comparison, c, numbers, false)),
        fixed: comparison.fixed.map((c) => output(comparison, c, numbers, true)),
        issues: [...new Set(issueActions.map((a) => a.issue).filter((n) => !!n))],
        publishAttempts: published.attempts,
        lookup: { depth: notes.depth, notesRead: notes.notesRead },
    };
}
//# sourceMappingURL=watch.js.map
// EXTERNAL MODULE: ./build/cli/command.js
var command = __webpack_require__(3192);
// EXTERNAL MODULE: ./build/cli/options.js
var options = __webpack_require__(2315);
;// CONCATENATED MODULE: ./build/cli/watch.js
/**
 * `tributary watch [report|baseline|releases] [options]`: the watch action on a laptop, on the
 * same library. Report records a watch flight of a series in the watched tree's notes and
 * compares it with the previous one (and keeps the regressions' issues with --repository);
 * baseline prints the consumer revisions to test against; releases classifies tags. The token
 * comes from the environment (TRIBUTARY_TOKEN or GITHUB_TOKEN), never the command line.
 */








const localFlight = () => `local-${new Date().toISOString().replace(/[:.]/g, '')}`;
const watchSpec = {
    name: 'watch',
    synopsis: '[report|baseline|releases] [options]',
    about: `Watches what a project does not gate. report (the default): records a watch flight of a
series (an upstream branch or tag tested against the consumer's baseline) as a git note in
the watched tree's hosted repository (refs/notes/tributary/watch), compares it with the
previous flight of the series (regressions, fixes, what still fails since when, what is
flaky) and, with --repository, keeps one issue per regression. baseline: the consumer's
revisions to test against, the newest its gate passed on each branch, else the branch head.
releases: which tags are releases (beta, rc, final). The options are the watch action's
inputs (actions/watch), with the same defaults. A regression is reported, never a failure.`,
    declared: WATCH_SETTINGS,
    positional: {
        setting: 'mode',
        value: '<report|baseline|releases>',
        description: 'what to do (default report)',
    },
    options: [
        {
            name: 'series',
            value: '<name>',
            description: 'report: the watch series (qemu-master-vs-xen-unstable)',
        },
        {
            name: 'tree-url',
            value: '<url>',
            description: "report: the watched tree's hosted repository (keeps the series' notes): an https:// URL or a local path",
            fallback: { shown: 'none; required with report' },
        },
        {
            name: 'tree',
            value: '<name>',
            description: "report: the watched tree's name, as results name it in 'trees' (default: the last part of --tree-url)",
        },
        {
            name: 'revision',
            value: '<sha>',
            description: 'report: the watched revision (default: from the results)',
        },
        {
            name: 'results',
            value: '<dir>',
            description: 'report: the folder of job results (tributary.job/v1 *.json, JUnit *.xml)',
        },
        {
            name: 'repository',
            value: '<owner/repo>',
            description: "report: keep the regressions' issues in this GitHub repository (with a token)",
            fallback: { shown: 'none: no issues kept' },
        },
        {
            name: 'notes-ref',
            value: '<ref>',
            description: "report: the notes ref of the series' flights",
        },
        {
            name: 'labels',
            value: '<names>',
            repeatable: true,
            description: 'report: labels of a new regression issue, comma separated',
        },
        {
            name: 'flaky-label',
            value: '<label>',
            description: "report: the label put on a regression's issue when the step is flaky",
        },
        {
            name: 'flight',
            value: '<id>',
            description: "report: the flight's id, or its run's page (an https:// URL, whose run id names it)",
            fallback: { shown: 'local-<time>', value: localFlight },
        },
        {
            name: 'consumer-url',
            value: '<url>',
            description: "baseline: the consumer's hosted repository: an https:// URL or a local path",
        },
        {
            name: 'consumer-branches',
            value: '<branch>',
            repeatable: true,
            description: 'baseline: a consumer branch; the unstable one first, then each stable one',
        },
        {
            name: 'consumer-notes-ref',
            value: '<ref>',
            description: "baseline: the notes ref of the consumer's gate records",
        },
        {
            name: 'tags',
            value: '<json>',
            description: "releases: a JSON array of tag names (the mirror's created-tags output)",
        },
        {
            name: 'release-patterns',
            value: '<kind:glob>',
            repeatable: true,
            description: 'releases: a pattern, kind beta, rc or final; the first match wins',
        },
        { name: 'json', description: 'print the outputs as the action sets them, as JSON' },
    ],
    environment: [
        {
            variables: ['TRIBUTARY_TOKEN', 'GITHUB_TOKEN'],
            setting: 'token',
            description: "the token for an https tree (push the notes) or consumer (read), and --repository's API (issues)",
        },
    ],
    exitCodes: [
        [
            0,
            'done: the flight recorded and compared (regressions included: a watch gates nothing), the baseline or the releases printed',
        ],
        [
            2,
            'bad usage or input (results, a series without a baseline, unknown trees); nothing written',
        ],
        [3, 'an unexpected failure'],
    ],
};
/** The outputs the action sets, by mode. */
function outputsOf(o) {
    if (o.mode === 'report')
        return {
            regressions: o.regressions,
            issues: o.issues,
            fixed: o.fixed,
            flight: o.record.flight,
        };
    if (o.mode === 'baseline')
        return {
            baseline: o.baseline.map(({ branch, revision, source }) => ({ branch, revision, source })),
        };
    return { releases: o.releases, unmatched: o.unmatched };
}
const watchCommand = {
    name: 'watch',
    summary: 'record a watch flight and compare it with its series; baseline; releases',
    usage: (0,options/* usageOf */.Fs)(watchSpec),
    async run(args, logger) {
        // Secrets go to whichever logger speaks last (progressToStderr's own redactor too).
        const cl = (0,options/* parseCommandLine */.Du)(watchSpec, args, (secret) => logger.secret(secret));
        // With --json, stdout is the JSON's alone.
        if (cl.flag('json'))
            logger = (0,command/* progressToStderr */.r)(logger);
        const work = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'tributary-watch-'));
        try {
            return await cl.run(async (read) => {
                const settings = parseWatchSettings(read, {
                    workingDirectory: process.cwd(),
                    workDir: work,
                    trigger: { event: 'command-line' },
                    flight: localFlight,
                });
                // Octokit is loaded only when a repository is named: the notes alone never need it.
                let issues;
                if (settings.mode === 'report' && settings.repository) {
                    const token = settings.hosted.token;
                    if (token) {
                        const { createGitHub } = await Promise.all(/* import() */[__webpack_require__.e(239), __webpack_require__.e(161)]).then(__webpack_require__.bind(__webpack_require__, 9161));
                        const { regressionKeeper } = await Promise.all(/* import() */[__webpack_require__.e(239), __webpack_require__.e(161), __webpack_require__.e(820)]).then(__webpack_require__.bind(__webpack_require__, 9820));
                        issues = regressionKeeper(createGitHub({ token, logger }), settings.repository, settings.labels, logger);
                    }
                    else
                        logger.warning(`No token (TRIBUTARY_TOKEN or GITHUB_TOKEN): the regressions' issues in ${settings.repository.owner}/${settings.repository.repo} are not kept.`);
                }
                const outcome = await runWatch(settings, { logger, issues });
                if (cl.flag('json'))
                    process.stdout.write(JSON.stringify(outputsOf(outcome), null, 2) + '\n');
                else
                    process.stdout.write(renderWatchSummary(outcome));
                return 0;
            });
        }
        finally {
            (0,external_node_fs_.rmSync)(work, { recursive: true, force: true });
        }
    },
};
//# sourceMappingURL=watch.js.map

/***/ })

};
