export const id = 473;
export const ids = [473];
export const modules = {

/***/ 3473:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  gateCommand: () => (/* binding */ gateCommand),
  gateSpec: () => (/* binding */ gateSpec)
});

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./build/actions/lib/errors.js
var errors = __webpack_require__(4193);
// EXTERNAL MODULE: ./build/actions/lib/flight.js
var lib_flight = __webpack_require__(1576);
// EXTERNAL MODULE: ./build/actions/lib/git.js + 1 modules
var git = __webpack_require__(6240);
// EXTERNAL MODULE: ./build/actions/lib/junit.js
var junit = __webpack_require__(9164);
// EXTERNAL MODULE: ./build/actions/lib/log.js
var log = __webpack_require__(1562);
// EXTERNAL MODULE: ./build/actions/lib/gate/allow-list.js
var allow_list = __webpack_require__(716);
// EXTERNAL MODULE: ./build/actions/lib/github.js + 4 modules
var github = __webpack_require__(9161);
;// CONCATENATED MODULE: ./build/actions/lib/gate/report.js

const STATUS_CONTEXT = 'tributary/push-gate';
const cell = (s) => (s ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ');
const ref = (r) => r ? `flight ${r.flight} (${r.revision.slice(0, 12)}, ${r.at.slice(0, 10)})` : '';
const report_link = (log) => !log ? '' : /^https?:\/\//.test(log) ? `[log](${log})` : `\`${cell(log)}\``;
const KIND = {
    regression: 'regression',
    missing: 'required job missing or cancelled',
    'not-run': 'did not run',
    'failed-in-baseline': 'failed in the baseline too',
    'never-passed': 'never passed',
    'no-baseline': 'no baseline to judge against',
    flaky: 'flaky',
    allowed: 'allow list',
};
/** The commit status: state and a description GitHub accepts (≤ 140 characters). */
function statusOf(outcome) {
    const d = outcome.decision;
    const n = d.regressions.length;
    const regressions = (0,log/* count */.U9)(n, 'regression');
    let state;
    let text;
    if (outcome.error) {
        state = 'error';
        text = `${regressions}; not pushed: ${outcome.error}`;
    }
    else if (d.verdict === 'retry') {
        state = 'pending';
        text = `${regressions} in non-build steps; a fresh flight was asked for`;
    }
    else if (d.verdict === 'push') {
        state = 'success';
        const done = outcome.pushed
            ? `pushed to ${outcome.tested}`
            : outcome.alreadyThere
                ? `already on ${outcome.tested}`
                : 'dry run, not pushed';
        text = `${regressions}${d.forced ? ` (forced by ${d.forced.actor})` : ''}; ${done}`;
    }
    else {
        state = 'failure';
        text = n
            ? `${regressions}: ${d.regressions.map((r) => `${r.job} ${r.step}`).join(', ')}`
            : d.reason;
    }
    return { state, description: text.length > 140 ? text.slice(0, 137) + '...' : text };
}
function regressionTable(rows) {
    return [
        '| job | step | baseline | now | failing since | last passed in | log |',
        '|---|---|---|---|---|---|---|',
        ...rows.map((r) => `| ${cell(r.job)} | ${cell(r.step)} | ${r.baseline ?? '—'} | ${r.now}${r.build ? ' (build)' : ''} | ${ref(r.failingSince) || (r.kind === 'missing' || r.kind === 'not-run' ? cell(r.message) : 'this flight')} | ${ref(r.lastPass) || 'never'} | ${report_link(r.log)} |`),
    ];
}
function allowableTable(rows) {
    return [
        '| job | step | why | baseline | now | failing since | last passed in | log |',
        '|---|---|---|---|---|---|---|---|',
        ...rows.map((r) => {
            const why = r.kind === 'flaky'
                ? `flaky: pass in ${r.passIn}`
                : r.allowedBy
                    ? `allow list: ${cell(r.allowedBy.reason)} ([issue](${r.allowedBy.issue}), until ${r.allowedBy.expires})`
                    : KIND[r.kind];
            return `| ${cell(r.job)} | ${cell(r.step)} | ${why} | ${r.baseline ?? '—'} | ${r.now} | ${ref(r.failingSince) || 'this flight'} | ${ref(r.lastPass) || 'never'} | ${report_link(r.log)} |`;
        }),
    ];
}
/**
 * An annotation per regression (and per allowable failure, as a notice), on `.github` line 1
 * as GitHub places annotations that belong to no file: the Checks tab lists them by step.
 */
function annotationsOf(d) {
    const at = { path: '.github', start_line: 1, end_line: 1 };
    return [
        ...d.regressions.map((r) => ({
            ...at,
            annotation_level: 'failure',
            title: `Regression: ${r.job} ${r.step}`,
            message: `${r.baseline ?? 'not run'} in the baseline, ${r.now} now${r.lastPass ? `; last passed in ${ref(r.lastPass)}` : ''}${r.log ? `; log: ${r.log}` : ''}`,
        })),
        ...d.allowable.map((r) => ({
            ...at,
            annotation_level: 'notice',
            title: `Allowed: ${r.job} ${r.step}`,
            message: r.kind === 'flaky' ? `flaky: pass in ${r.passIn}` : KIND[r.kind],
        })),
    ];
}
/** The verdict as GitHub shows it: a check run (summary, annotations) or a commit status. */
function verdictOf(outcome, detailsUrl) {
    const st = statusOf(outcome);
    return {
        sha: outcome.revision,
        name: STATUS_CONTEXT,
        state: st.state,
        description: st.description,
        summary: renderSummary(outcome),
        annotations: annotationsOf(outcome.decision),
        detailsUrl,
    };
}
/**
 * The trees other than the one under test whose revision moved since the baseline flight, job
 * by job (each job's own trees, else its flight's), grouped by move: a regression may be the
 * consumer's change, not the gated tree's.
 */
function treesMoved(record, baseline) {
    if (!baseline)
        return [];
    const moves = new Map();
    for (const job of record.jobs) {
        const before = baseline.jobs.find((j) => j.name === job.name);
        if (!before)
            continue;
        const then = new Map((before.trees ?? baseline.trees).map((t) => [t.name, t.revision]));
        for (const t of job.trees ?? record.trees) {
            const from = then.get(t.name);
            if (t.name === record.tree || !from || from === t.revision)
                continue;
            const key = `${t.name} ${from} ${t.revision}`;
            const move = moves.get(key) ?? { tree: t.name, from, to: t.revision, jobs: [] };
            move.jobs.push(job.name);
            moves.set(key, move);
        }
    }
    return [...moves.values()];
}
/** The job summary in Markdown. */
function renderSummary(outcome) {
    const d = outcome.decision;
    const verdict = outcome.error
        ? `not pushed: ${outcome.error}`
        : d.verdict === 'push'
            ? outcome.pushed
                ? `pushed ${outcome.revision.slice(0, 12)} to ${outcome.tested}`
                : outcome.alreadyThere
                    ? `already there: ${outcome.tested} is at ${outcome.revision.slice(0, 12)}${outcome.record.decision?.dryRun ? ' (dry run)' : '; flight recorded'}`
                    : `would push ${outcome.revision.slice(0, 12)} to ${outcome.tested} (dry run)`
            : d.verdict === 'retry'
                ? 'not pushed: a fresh flight of this revision was asked for'
                : `refused: ${d.reason}`;
    const out = [
        `## Push gate: ${outcome.tree} ${outcome.revision.slice(0, 12)} → ${outcome.tested}`,
        '',
        `**${cell(verdict)}**`,
        '',
        `- flight: ${outcome.record.flight}, ${(0,log/* count */.U9)(outcome.record.jobs.length, 'job')}, ${(0,log/* count */.U9)(outcome.record.jobs.reduce((n, j) => n + j.steps.length, 0), 'step')}`,
        `- baseline: ${outcome.baseline ? `flight ${outcome.baseline.record.flight} of ${outcome.baseline.record.revision.slice(0, 12)}${outcome.baseline.kind === 'ancestor' ? ` (the tested head ${outcome.testedHead.slice(0, 12)} has no record; nearest ancestor with one)` : ''}` : 'none'}`,
    ];
    for (const m of treesMoved(outcome.record, outcome.baseline?.record))
        out.push(`- ${cell(m.tree)} moved from ${m.from.slice(0, 12)} to ${m.to.slice(0, 12)} since the baseline (${m.jobs.map(cell).join(', ')})`);
    if (d.forced)
        out.push(`- **forced** by ${cell(d.forced.actor)}: ${cell(d.forced.reason)}`);
    if (outcome.dispatched)
        out.push(`- asked for a flight of ${outcome.dispatched.revision.slice(0, 12)} (${outcome.dispatched.purpose}) via ${outcome.dispatched.workflow}`);
    out.push('', `### Regressions (${d.regressions.length})`, '');
    out.push(...(d.regressions.length ? regressionTable(d.regressions) : ['None.']));
    if (d.allowable.length)
        out.push('', `### Allowable failures (${d.allowable.length})`, '', ...allowableTable(d.allowable));
    if (d.fixed.length)
        out.push('', `### Passing now (${d.fixed.length})`, '', ...d.fixed.map((f) => `- ${cell(f.job)} ${cell(f.step)} (baseline: ${f.baseline ?? 'not run'})`));
    if (d.newJobs.length)
        out.push('', `New jobs: ${d.newJobs.map(cell).join(', ')}`);
    if (d.goneJobs.length)
        out.push('', `Jobs gone since the baseline: ${d.goneJobs.map(cell).join(', ')}`);
    if (d.expiredAllows.length)
        out.push('', '### Expired allow-list entries (no longer allow)', '', ...d.expiredAllows.map((e) => `- ${cell(e.job)} / ${cell(e.step)}: expired ${e.expires} (${e.source}; [issue](${e.issue}))`));
    if (d.staleAllows.length)
        out.push('', '### Stale allow-list entries (their steps pass now)', '', ...d.staleAllows.map((e) => `- ${cell(e.job)} / ${cell(e.step)} (${e.source}; [issue](${e.issue}))`));
    return out.join('\n') + '\n';
}
/** The summary of a revision refused before judging: staging did not carry it. */
function renderNotCarried(e) {
    return [
        `## Push gate: ${e.revision.slice(0, 12)} refused`,
        '',
        `**refused: not carried by ${cell(e.branch)}**`,
        '',
        cell(e.message),
        '',
        `The gate pushes a revision only when the head of \`${cell(e.branch)}\` it fetched reaches it (or it is the tested head itself): a commit that exists only under \`refs/pull/*\`, a fork or another branch is never pushed, whoever dispatched the run.`,
        '',
    ].join('\n');
}
//# sourceMappingURL=report.js.map
;// CONCATENATED MODULE: ./build/actions/lib/gate/announce.js
/**
 * The gate's GitHub step, after the push and the record: the fresh flight the decision asks
 * for is dispatched, and the verdict shown on the revision (a check run, or a commit status).
 */



/** The GitHub side, after the push: a fresh flight asked for, the commit status. */
async function announce(s, outcome, logger) {
    if (!s.github)
        return;
    const gh = s.github;
    if (outcome.dispatched) {
        await gh.repository.dispatchWorkflow(gh.workflow, outcome.dispatched.ref, {
            revision: outcome.dispatched.revision,
            purpose: outcome.dispatched.purpose,
        });
        logger.info(`Asked for a ${outcome.dispatched.purpose} flight of ${outcome.dispatched.revision}.`);
    }
    const verdict = verdictOf(outcome, gh.targetUrl);
    // The push and the record are done; a verdict that cannot be shown does not undo them.
    try {
        outcome.reported = await (0,github.reportVerdict)(gh.repository, verdict, gh.report, logger);
    }
    catch (e) {
        logger.warning(`Could not report ${verdict.name} on ${outcome.revision} (${gh.report}): ${(0,errors/* errorMessage */.gJ)(e)}`);
    }
}
//# sourceMappingURL=announce.js.map
// EXTERNAL MODULE: ./build/actions/lib/gate/decide.js
var decide = __webpack_require__(7012);
// EXTERNAL MODULE: ./build/actions/lib/gate/history.js
var gate_history = __webpack_require__(6402);
// EXTERNAL MODULE: ./build/actions/lib/gate/hosted.js + 1 modules
var hosted = __webpack_require__(3853);
// EXTERNAL MODULE: ./build/actions/lib/gate/publish.js
var publish = __webpack_require__(8841);
// EXTERNAL MODULE: ./build/actions/lib/gate/results.js
var gate_results = __webpack_require__(9796);
// EXTERNAL MODULE: ./build/actions/lib/gate/model.js
var model = __webpack_require__(3491);
;// CONCATENATED MODULE: ./build/actions/lib/gate/gate.js
/**
 * `gateFlight`: the push gate's story. Read the flight's results (every mistake refused before
 * anything is fetched), fetch the hosted tree, refuse a revision staging did not carry, read
 * the allow list from its branch of the hosted tree, find the baseline, decide once (every
 * policy is in `decideFlight`), build the flight's record from the decision, then push the
 * tested branch and the record together, and report to GitHub as a step of its own
 * (announce.ts). What judges the flight (the allow list, the required jobs, the credentials)
 * never comes from the revision under test. Reads of the hosted tree are in hosted.ts, its
 * writes in publish.ts.
 */
















const POLICIES = {
    noBaseline: ['push', 'refuse', 'dispatch'],
    untestedHead: ['ancestor', 'refuse', 'dispatch'],
};
/** Everything checked before touching anything: inputs, results, where the allow list is. */
function prepareGate(s) {
    for (const [key, name] of [
        ['staging', 'staging'],
        ['tested', 'tested'],
    ]) {
        if (!/^(?!-)(?!.*\.\.)[A-Za-z0-9._/-]+$/.test(s[key]) || s[key].endsWith('/'))
            throw (0,errors/* invalidSetting */.gT)(name, s[key], 'a branch name');
    }
    if (!s.remote || s.remote.startsWith('-'))
        throw (0,errors/* invalidSetting */.gT)('tree-url', s.remote, 'an HTTPS URL or a path of the hosted tree');
    if (s.staging === s.tested)
        throw new errors/* SettingError */.L_('tested', (name) => `The tested branch (${name}) must differ from staging ('${s.tested}').`);
    if (!s.notesRef.startsWith('refs/notes/'))
        throw (0,errors/* invalidSetting */.gT)('notes-ref', s.notesRef, 'a ref under refs/notes/');
    if (s.revision !== undefined && !/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(s.revision))
        throw (0,errors/* invalidSetting */.gT)('revision', s.revision, 'a full commit id (40 hex digits)');
    if (!POLICIES.noBaseline.includes(s.noBaseline))
        throw (0,errors/* invalidSetting */.gT)('no-baseline', s.noBaseline, POLICIES.noBaseline.join(', '));
    if (!POLICIES.untestedHead.includes(s.untestedHead))
        throw (0,errors/* invalidSetting */.gT)('untested-head', s.untestedHead, POLICIES.untestedHead.join(', '));
    if (s.force && !s.force.reason.trim())
        throw new errors/* SettingError */.L_('force-reason', (name) => `A forced push needs a reason (${name}).`);
    if ((s.noBaseline === 'dispatch' || s.untestedHead === 'dispatch' || s.retryFlaky) &&
        !s.github?.workflow)
        throw new errors/* SettingError */.L_('dispatch-workflow', (name, n) => `Asking for a fresh flight needs the workflow to dispatch (${name}), in a repository (${n.name('repository')}) with a token.`);
    const allowSource = (0,allow_list/* parseAllowListSource */.qA)(s.allowList);
    if (allowSource.branch === s.staging)
        throw new errors/* SettingError */.L_('allow-list', (name) => `The allow list cannot be on the staging branch '${s.staging}' (${name} '${(0,allow_list/* describeSource */.B6)(allowSource)}'): staging carries the changes under test, and a change could waive its own regressions. Keep it on a branch of its own, such as tributary/config.`);
    const results = (0,gate_results/* readResults */.x)(s.results, s.tree, s.revision);
    return { results, allowSource };
}
/** The fresh flight the decision asks for, when the gate may dispatch one. */
function dispatchOf(s, decision) {
    if (!decision.dispatch || !s.github?.workflow)
        return undefined;
    return {
        workflow: s.github.workflow,
        ref: s.github.workflowRef ?? s.staging,
        ...decision.dispatch,
    };
}
/** The decision, final, from results and context (no git, no network), and the record of it. */
function judge(s, results, allowList, ctx) {
    const now = s.now ?? new Date();
    // The latest summary is the baseline's, unless a flight of this revision came after it.
    const latest = [ctx.baseline?.record, ...ctx.sameRevision]
        .filter((r) => !!r && !!r.history)
        .sort((a, b) => a.recordedAt.localeCompare(b.recordedAt))
        .pop();
    const decision = (0,decide/* decideFlight */.T)({ revision: results.revision, jobs: results.jobs }, ctx.baseline, { summary: latest?.history, sameRevision: ctx.sameRevision }, allowList, {
        required: s.required,
        buildJobs: s.buildJobs,
        noBaseline: s.noBaseline,
        untestedHead: s.untestedHead,
        tested: { branch: s.tested, head: ctx.testedHead },
        retryFlaky: s.retryFlaky,
        force: s.force,
        now,
    });
    return { decision, record: flightRecord(s, results, ctx, decision, latest, now) };
}
/** The flight's record, built from the decision (not yet pushed: publishing says). */
function flightRecord(s, results, ctx, decision, latest, now) {
    const at = now.toISOString();
    const flight = results.flight ?? s.flight;
    const ref = { flight, revision: results.revision, at };
    const recorded = {
        verdict: decision.verdict,
        pushed: false,
        tested: { branch: s.tested, head: ctx.testedHead },
        regressions: decision.regressions.length,
        regressionList: decision.regressions.map((r) => ({
            job: r.job,
            step: r.step,
            baseline: r.baseline,
            now: r.now,
        })),
        reason: decision.reason,
    };
    if (ctx.baseline)
        recorded.baseline = {
            flight: ctx.baseline.record.flight,
            revision: ctx.baseline.record.revision,
            kind: ctx.baseline.kind,
        };
    if (decision.forced)
        recorded.forced = decision.forced;
    if (s.dryRun)
        recorded.dryRun = true;
    const dispatched = dispatchOf(s, decision);
    if (dispatched)
        recorded.dispatched = dispatched;
    const record = {
        format: lib_flight/* FLIGHT_RECORD_FORMAT */.N2,
        flight,
        tree: s.tree,
        revision: results.revision,
        trees: results.trees,
        jobs: results.jobs,
        recordedAt: at,
        decision: recorded,
        history: (0,gate_history/* carryHistory */.S)(latest?.history, ref, results.jobs),
    };
    if (s.trigger)
        record.trigger = s.trigger;
    if (results.startedAt)
        record.startedAt = results.startedAt;
    return record;
}
/** The gate's own clone of the hosted tree, the token scoped to that repository. */
async function openClone(s, logger) {
    (0,external_node_fs_.mkdirSync)(s.workDir, { recursive: true });
    return (0,git/* initRepository */.zY)((0,external_node_path_.join)(s.workDir, 'hosted.git'), {
        remotes: [{ url: s.remote, token: s.token }],
        identity: s.identity,
        logger,
    });
}
function logDecision(s, ctx, decision, logger) {
    logger.info(ctx.baseline
        ? `Baseline: flight ${ctx.baseline.record.flight} of ${ctx.baseline.record.revision} (${ctx.baseline.kind === 'head' ? `${s.tested}'s head` : 'nearest ancestor with a record'})`
        : `No baseline: no flight record on ${s.tested}'s head or its last ${s.maxWalk} first-parent ancestors.`);
    logger.info(`Decision: ${decision.verdict} (${decision.reason})`);
    for (const r of decision.regressions)
        logger.error(`Regression: ${r.job} ${r.step}: ${r.baseline ?? 'not run'} in the baseline, ${r.now} now`, { title: 'push gate' });
    for (const e of decision.expiredAllows)
        logger.warning(`Allow-list entry expired on ${e.expires}, no longer allows: ${e.job} / ${e.step} (${e.source})`);
    for (const e of decision.staleAllows)
        logger.warning(`Allow-list entry is stale, its step passes now: ${e.job} / ${e.step} (${e.source})`);
}
/** The record as pushed: with whether this push moves the tested branch, or why it did not. */
function asPublished(record, pushed, refused) {
    const decision = { ...record.decision, pushed };
    if (refused)
        decision.reason = `${decision.reason}; not pushed: ${refused}`;
    return { ...record, decision };
}
/**
 * Pushes the tested branch (when the decision says so) and the record, or the record alone.
 * A push refused for a reason a person must see (the tested branch moved) is recorded too,
 * without moving anything: the record is built again from the decision and the refusal.
 */
async function gate_publish(s, git, outcome, logger) {
    const { decision, revision, testedHead } = outcome;
    const remote = { url: s.remote };
    const push = decision.verdict === 'push' && testedHead !== revision;
    const judged = outcome.record;
    try {
        outcome.record = asPublished(judged, push);
        const done = await (0,publish/* publishFlight */.kO)(git, remote, {
            notesRef: s.notesRef,
            record: outcome.record,
            tested: push ? { branch: s.tested, head: testedHead } : undefined,
            logger,
        });
        outcome.publishAttempts = done.attempts;
        outcome.pushed = done.moved;
        if (done.alreadyThere)
            outcome.alreadyThere = true;
    }
    catch (e) {
        if (!(e instanceof publish/* PushRefused */.X4))
            throw e;
        outcome.error = e.message;
        outcome.record = asPublished(judged, false, e.message);
        await (0,hosted/* fetchNotes */.GW)(git, remote, s.notesRef);
        outcome.publishAttempts = (await (0,publish/* publishFlight */.kO)(git, remote, { notesRef: s.notesRef, record: outcome.record, logger })).attempts;
    }
}
/** Reads the hosted tree (fetch, carried, allow list, baseline) and decides. */
async function readAndJudge(s, git, results, allowSource, logger) {
    const tree = await logger.group(`Fetching ${s.tested}, ${s.staging}, the allow list and the flight records`, () => (0,hosted/* fetchTree */.fK)(s, git, allowSource));
    await (0,hosted/* checkCarried */.Bz)(s, git, results.revision, tree);
    const allowList = await (0,allow_list/* readAllowList */.G3)(git, allowSource, tree.allowHead, s.remote);
    logger.info(`Allow list ${(0,allow_list/* describeSource */.B6)(allowSource)}: ${allowList.length} entr${allowList.length === 1 ? 'y' : 'ies'}${tree.allowHead ? ` (${tree.allowHead})` : ' (no such branch)'}`);
    const ctx = await (0,hosted/* loadContext */._I)(s, git, results.revision, tree.testedHead);
    const { decision, record } = judge(s, results, allowList, ctx);
    logDecision(s, ctx, decision, logger);
    return { ctx, decision, record };
}
/**
 * The whole gate. Throws ConfigurationError on bad input, and NotCarried for a revision
 * staging did not carry, before anything is written.
 */
async function gateFlight(s, logger) {
    const { results, allowSource } = prepareGate(s);
    const revision = results.revision;
    logger.info(`Flight ${results.flight ?? s.flight}: ${(0,log/* count */.U9)(results.jobs.length, 'job')} of ${s.tree} at ${revision}`);
    const git = await openClone(s, logger);
    const { ctx, decision, record } = await readAndJudge(s, git, results, allowSource, logger);
    const outcome = {
        tree: s.tree,
        tested: s.tested,
        revision,
        testedHead: ctx.testedHead,
        baseline: ctx.baseline,
        decision,
        record,
        pushed: false,
        alreadyThere: decision.verdict === 'push' && ctx.testedHead === revision,
        publishAttempts: 0,
    };
    const dispatched = dispatchOf(s, decision);
    if (dispatched)
        outcome.dispatched = dispatched;
    if (!s.dryRun) {
        await gate_publish(s, git, outcome, logger);
        await announce(s, outcome, logger);
    }
    if (s.junit) {
        (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(s.junit), { recursive: true });
        (0,external_node_fs_.writeFileSync)(s.junit, (0,junit/* toJUnit */.U5)(`${s.tree} ${revision} flight ${record.flight}`, record.jobs));
        outcome.junit = s.junit;
    }
    return outcome;
}
//# sourceMappingURL=gate.js.map
// EXTERNAL MODULE: ./build/actions/lib/flight-notes.js
var flight_notes = __webpack_require__(8644);
// EXTERNAL MODULE: ./build/actions/lib/settings.js
var settings = __webpack_require__(1007);
;// CONCATENATED MODULE: ./build/actions/lib/gate/settings.js
/**
 * The push gate's settings, parsed in one place for both front ends (the action's main.ts and
 * `tributary gate`); what the gate itself checks before it touches anything is `prepareGate`.
 */




/** Every input of the push-gate action, with the default its action.yml declares. */
const GATE_SETTINGS = {
    results: { required: true },
    'tree-url': { runner: '${{ github.server_url }}/${{ github.repository }}.git' },
    token: { secret: true, runner: '${{ github.token }}' },
    repository: { runner: '${{ github.repository }}' },
    tree: {},
    staging: { default: 'staging' },
    tested: { default: 'master' },
    revision: {},
    'required-jobs': {},
    'build-jobs': { default: 'build*' },
    'no-baseline': { default: 'refuse' },
    'untested-head': { default: 'ancestor' },
    'retry-flaky': { default: 'false' },
    report: { default: 'check-run' },
    'dispatch-workflow': {},
    'dispatch-ref': {},
    'allow-list': {},
    force: { default: 'false' },
    'force-reason': {},
    'dry-run': { default: 'false' },
    'notes-ref': { default: flight_notes/* FLIGHT_NOTES_REF */.f6 },
    'max-walk': { default: '100' },
    flight: { runner: '${{ github.run_id }}' },
    junit: { runner: '${{ runner.temp }}/tributary-flight.xml' },
};
const GATE_IDENTITY = {
    name: 'tributary push gate',
    email: 'tributary@users.noreply.github.com',
};
function parseGateSettings(read, context) {
    const v = new settings/* Settings */.wB(read, GATE_SETTINGS);
    const results = v.required('results', 'the folder of job results');
    const treeUrl = v.required('tree-url', 'the hosted tree');
    const token = v.secret('token') || undefined;
    const repository = v.string('repository');
    const repo = v.repository('repository');
    // A URL as it is; anything else is a local path, from the working directory.
    const remote = /^[a-z][a-z0-9+.-]*:\/\//i.test(treeUrl)
        ? treeUrl
        : treeUrl.startsWith('-')
            ? treeUrl
            : (0,external_node_path_.resolve)(context.workingDirectory, treeUrl);
    const runUrl = repository ? context.runUrl?.(repository) : undefined;
    const force = v.boolean('force');
    const junit = v.optional('junit');
    const workflow = v.optional('dispatch-workflow');
    const workflowRef = v.optional('dispatch-ref');
    const report = v.choice('report', github.REPORT_KINDS);
    return {
        results: (0,external_node_path_.resolve)(context.workingDirectory, results),
        remote,
        token,
        // As documented: the repository's name; without one, the hosted tree's.
        tree: v.optional('tree') ?? repo?.repo ?? (0,settings/* treeNameOf */.$W)(remote),
        staging: v.string('staging'),
        tested: v.string('tested'),
        revision: v.optional('revision'),
        required: v.list('required-jobs'),
        buildJobs: v.list('build-jobs'),
        noBaseline: v.choice('no-baseline', ['push', 'refuse', 'dispatch']),
        untestedHead: v.choice('untested-head', ['ancestor', 'refuse', 'dispatch']),
        retryFlaky: v.boolean('retry-flaky'),
        force: force ? { actor: context.actor, reason: v.string('force-reason') } : undefined,
        dryRun: v.boolean('dry-run'),
        // `<branch>:<path>` in the hosted tree, never a file of the checked-out revision.
        allowList: v.optional('allow-list'),
        notesRef: v.string('notes-ref'),
        maxWalk: v.integer('max-walk', { min: 1 }),
        flight: v.optional('flight') ?? context.flight(),
        trigger: { ...context.trigger, actor: context.actor, runUrl },
        junit: junit && (0,external_node_path_.resolve)(context.workingDirectory, junit),
        workDir: context.workDir,
        identity: GATE_IDENTITY,
        github: repo && token && context.connect
            ? {
                repository: new github.GitHubRepository(context.connect(token), repo),
                report,
                workflow,
                workflowRef,
                targetUrl: runUrl,
            }
            : undefined,
    };
}
//# sourceMappingURL=settings.js.map
;// CONCATENATED MODULE: ./build/actions/lib/gate/verdict.js
function gateFailure(outcome) {
    if (outcome.error)
        return outcome.error;
    if (outcome.decision.verdict === 'refuse')
        return `Push refused: ${outcome.decision.reason}`;
    return undefined;
}
//# sourceMappingURL=verdict.js.map
// EXTERNAL MODULE: ./build/cli/options.js
var options = __webpack_require__(2315);
;// CONCATENATED MODULE: ./build/cli/gate.js
/**
 * `tributary gate`: the push gate on a laptop, on the same library as the action. The hosted
 * tree is a URL (token from TRIBUTARY_TOKEN or GITHUB_TOKEN, sent as a header) or a local path.
 */








const localFlight = () => `local-${new Date().toISOString().replace(/[:.]/g, '')}`;
const gateSpec = {
    name: 'gate',
    synopsis: '--results <dir> --tree-url <url> [options]',
    about: `Judges a flight's job results against the baseline flight of the tested branch's head and,
when nothing regressed, fast-forwards the tested branch to the flight's revision. The flight
is recorded as a git note (refs/notes/tributary/flights) in the hosted tree. A revision the
staging branch does not carry (nor the tested head itself) is refused, and nothing written.
The options are the push-gate action's inputs (actions/push-gate), with the same defaults.`,
    declared: GATE_SETTINGS,
    options: [
        {
            name: 'results',
            value: '<dir>',
            description: 'the folder of job results (tributary.job/v1 *.json, JUnit *.xml), any layout',
        },
        {
            name: 'tree-url',
            value: '<url>',
            aliases: ['repo'],
            description: 'the hosted tree: an https:// URL or a local path',
            required: true,
        },
        {
            name: 'repository',
            value: '<owner/repo>',
            description: 'set the commit status and dispatch flights in this GitHub repository (with a token)',
            fallback: { shown: 'none: no status, no dispatch' },
        },
        {
            name: 'tree',
            value: '<name>',
            description: "the tree under test, as results name it in 'trees' (default: the repository's name, else the last part of --tree-url)",
        },
        { name: 'staging', value: '<branch>', description: 'the branch changes land on' },
        {
            name: 'tested',
            value: '<branch>',
            description: 'the branch that only moves, by fast-forward, to a revision that passed',
        },
        {
            name: 'revision',
            value: '<sha>',
            description: 'the revision the flight tested (default: from the results)',
        },
        {
            name: 'required-jobs',
            value: '<glob>',
            aliases: ['required'],
            repeatable: true,
            description: 'a job that must be present and not cancelled',
        },
        {
            name: 'build-jobs',
            value: '<glob>',
            repeatable: true,
            description: 'build jobs, whose regressions always block',
        },
        {
            name: 'no-baseline',
            value: '<push|refuse|dispatch>',
            description: 'when no flight record is found on the tested head nor its ancestors',
        },
        {
            name: 'untested-head',
            value: '<ancestor|refuse|dispatch>',
            description: 'when the tested head has no record but an ancestor has',
        },
        {
            name: 'retry-flaky',
            description: 'dispatch one fresh flight instead of refusing non-build regressions',
        },
        {
            name: 'report',
            value: '<check-run|status>',
            description: 'how the verdict is shown on the revision (with --repository): a check run, or a commit status',
        },
        {
            name: 'dispatch-workflow',
            value: '<file>',
            description: 'the workflow dispatched for a fresh flight (with --repository)',
        },
        {
            name: 'dispatch-ref',
            value: '<ref>',
            description: 'the ref the dispatched workflow runs on (default: the staging branch)',
        },
        {
            name: 'allow-list',
            value: '<branch:path>',
            description: 'the allow list, a file on a branch of the hosted tree (default tributary/config:allow.yml, missing = empty; one named must exist)',
        },
        {
            name: 'force',
            formerValue: 'force-reason',
            description: 'push despite regressions (never a non-fast-forward), with --force-reason (or --force <reason>, its old form); recorded with --actor',
        },
        { name: 'force-reason', value: '<text>', description: 'why the push is forced, recorded' },
        {
            name: 'actor',
            value: '<name>',
            description: 'who runs the gate, recorded with a forced push',
            default: '$USER',
        },
        {
            name: 'flight',
            value: '<id>',
            description: "the flight's id when the results carry none",
            fallback: { shown: 'local-<time>', value: localFlight },
        },
        {
            name: 'junit',
            value: '<file>',
            description: 'write the flight as JUnit XML here',
            fallback: { shown: 'none' },
        },
        { name: 'notes-ref', value: '<ref>', description: 'the notes ref holding flight records' },
        {
            name: 'max-walk',
            value: '<n>',
            description: 'first-parent ancestors of the tested head searched for a baseline',
        },
        {
            name: 'dry-run',
            description: 'decide and report; push, record, set and dispatch nothing',
        },
        { name: 'summary', description: 'print the Markdown summary' },
    ],
    environment: [
        {
            variables: ['TRIBUTARY_TOKEN', 'GITHUB_TOKEN'],
            setting: 'token',
            description: "the token for an https hosted tree (and --repository's API): push, notes, status, dispatch (the action's token)",
        },
    ],
    exitCodes: [
        [0, 'pushed, or already there, or would push (--dry-run), or a fresh flight was asked for'],
        [1, 'refused: a regression, or a revision staging did not carry; nothing pushed'],
        [2, 'bad usage or input (results included); nothing written'],
        [3, 'an unexpected failure'],
    ],
};
const gateCommand = {
    name: 'gate',
    summary: 'judge a flight against its baseline and fast-forward the tested branch',
    usage: (0,options/* usageOf */.Fs)(gateSpec),
    async run(args, logger) {
        const cl = (0,options/* parseCommandLine */.Du)(gateSpec, args, (secret) => logger.secret(secret));
        const work = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'tributary-gate-'));
        try {
            return await cl.run(async (read) => {
                // Octokit is loaded only when a repository is named: the gate alone never needs it.
                const github = read.get('repository')
                    ? await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 9161))
                    : undefined;
                const settings = parseGateSettings(read, {
                    workingDirectory: process.cwd(),
                    workDir: work,
                    actor: read.get('actor') || process.env.USER || 'unknown',
                    trigger: { event: 'command-line' },
                    flight: localFlight,
                    connect: github ? (token) => github.createGitHub({ token, logger }) : undefined,
                });
                let outcome;
                try {
                    outcome = await gateFlight(settings, logger);
                }
                catch (e) {
                    // Not carried by staging: refused like a regression (exit 1), nothing written.
                    if (!(e instanceof model/* NotCarried */.k))
                        throw e;
                    logger.error(e.message);
                    return 1;
                }
                if (cl.flag('summary'))
                    logger.info(renderSummary(outcome));
                const failure = gateFailure(outcome);
                if (failure) {
                    logger.error(failure);
                    return 1;
                }
                const d = outcome.decision;
                logger.info(outcome.pushed
                    ? `Pushed ${outcome.revision} to ${outcome.tested}.`
                    : d.verdict === 'retry'
                        ? `Not pushed: a fresh flight was asked for (${d.reason}).`
                        : `Not pushed: ${settings.dryRun ? 'dry run' : `${outcome.tested} is already there`}.`);
                return 0;
            });
        }
        finally {
            (0,external_node_fs_.rmSync)(work, { recursive: true, force: true });
        }
    },
};
//# sourceMappingURL=gate.js.map

/***/ })

};
