export const id = 106;
export const ids = [106];
export const modules = {

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
    // ls-tree answers "absent" with an empty list and fails only when git cannot read the
    // trees, so a network failure is never mistaken for a missing file.
    const listing = await git.run(['ls-tree', '-z', commit, '--', source.path]);
    const entry = listing
        .split('\0')
        .map((line) => /^\d+ (\w+) ([0-9a-f]+)\t(.*)$/s.exec(line))
        .find((m) => m && m[3] === source.path);
    if (!entry || entry[1] !== 'blob') {
        if (!source.explicit && !entry)
            return [];
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1('allow-list', `The allow list ${name} does not exist: '${source.branch}' (${commit}) has no file '${source.path}'.`);
    }
    return parseAllowList(await git.run(['cat-file', 'blob', entry[2]]), name);
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
function decideFlight(flight, baseline, history, allowList, policy) {
    const isBuild = picomatch__WEBPACK_IMPORTED_MODULE_2__(policy.buildJobs.length ? policy.buildJobs : ['build*']);
    const allow = new _allow_list_js__WEBPACK_IMPORTED_MODULE_1__/* .AllowMatcher */ .Aj(allowList);
    const baseJobs = new Map((baseline?.record.jobs ?? []).map((j) => [j.name, j]));
    const nowJobs = new Map(flight.jobs.map((j) => [j.name, j]));
    const regressions = [];
    const allowable = [];
    const fixed = [];
    // Every expired entry is reported, so the list gets cleaned up; none of them allows.
    const expired = allowList.filter((e) => (0,_allow_list_js__WEBPACK_IMPORTED_MODULE_1__/* .isExpired */ ._d)(e, policy.now));
    const stale = new Set();
    const others = history.sameRevision.filter((r) => r.revision === flight.revision);
    // Required jobs: every pattern must match a present, finished job.
    for (const pattern of policy.required) {
        const match = picomatch__WEBPACK_IMPORTED_MODULE_2__(pattern);
        const present = flight.jobs.filter((j) => match(j.name));
        if (!present.length) {
            regressions.push({
                job: pattern,
                step: '(job)',
                kind: 'missing',
                now: 'fail',
                build: isBuild(pattern),
                blocking: true,
                message: 'required job missing from the flight',
            });
        }
        for (const j of present.filter((j) => j.cancelled)) {
            regressions.push({
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
    }
    for (const job of flight.jobs) {
        const build = isBuild(job.name);
        const base = baseJobs.get(job.name);
        for (const step of job.steps) {
            const baseStatus = base?.steps.find((s) => s.name === step.name)?.status;
            const past = (0,_history_js__WEBPACK_IMPORTED_MODULE_3__/* .stepPast */ .He)(history.summary, job.name, step.name);
            const entries = allow.matching(job.name, step.name);
            if (step.status === 'pass') {
                for (const e of entries)
                    stale.add(e);
                if (failing(baseStatus) || (!baseStatus && past && !past.lastPass && failing(past.last)))
                    fixed.push({ job: job.name, step: step.name, baseline: baseStatus });
                continue;
            }
            if (step.status === 'skip')
                continue;
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
            // Was it passing before? The baseline says; for a step it did not run, the last
            // flight that ran it does.
            let regressed;
            if (!baseline)
                regressed = false;
            else if (baseStatus === 'pass')
                regressed = true;
            else if (baseStatus === undefined || baseStatus === 'skip')
                regressed = past?.last === 'pass';
            else
                regressed = false;
            if (!regressed) {
                if (!baseline)
                    finding.kind = 'no-baseline';
                else if (past ? !past.lastPass : !failing(baseStatus))
                    finding.kind = 'never-passed';
                else
                    finding.kind = 'failed-in-baseline';
                if (entries.length)
                    finding.allowedBy = entries.find((e) => !(0,_allow_list_js__WEBPACK_IMPORTED_MODULE_1__/* .isExpired */ ._d)(e, policy.now));
                allowable.push(finding);
                continue;
            }
            // The heisenbug rule: a pass of the same step in this flight's earlier attempts or in
            // another flight of the same revision.
            const attempt = (step.attempts ?? []).indexOf('pass');
            const other = others.find((r) => r.jobs.find((j) => j.name === job.name)?.steps.find((s) => s.name === step.name)
                ?.status === 'pass');
            const live = entries.filter((e) => !(0,_allow_list_js__WEBPACK_IMPORTED_MODULE_1__/* .isExpired */ ._d)(e, policy.now));
            if (!build && attempt >= 0) {
                finding.kind = 'flaky';
                finding.passIn = `attempt ${attempt + 1} of this flight`;
                allowable.push(finding);
            }
            else if (!build && other) {
                finding.kind = 'flaky';
                finding.passIn = `flight ${other.flight}`;
                allowable.push(finding);
            }
            else if (!build && live.length) {
                finding.kind = 'allowed';
                finding.allowedBy = live[0];
                allowable.push(finding);
            }
            else {
                finding.blocking = true;
                regressions.push(finding);
            }
        }
    }
    notRun(baseline, nowJobs, isBuild, allow, policy.now, regressions, allowable);
    // An entry is stale only when nothing it matches still fails.
    for (const f of [...regressions, ...allowable])
        for (const e of allow.matching(f.job, f.step))
            stale.delete(e);
    const newJobs = flight.jobs.filter((j) => baseline && !baseJobs.has(j.name)).map((j) => j.name);
    const goneJobs = [...baseJobs.keys()].filter((n) => !nowJobs.has(n));
    let verdict;
    let reason;
    const n = regressions.length;
    if (!baseline && policy.noBaseline === 'refuse') {
        verdict = 'refuse';
        reason =
            'no baseline: no flight record on the tested branch or its recent history, and policy no-baseline is refuse';
    }
    else if (n === 0) {
        verdict = 'push';
        reason = baseline
            ? 'no regression'
            : 'no baseline (policy no-baseline: push); every failure reported';
    }
    else if (policy.retryFlaky &&
        !others.length &&
        regressions.every((r) => r.kind === 'regression' && !r.build)) {
        verdict = 'retry';
        reason = `${n} regression${n > 1 ? 's' : ''} in steps that are not builds: asking for a fresh flight of the revision`;
    }
    else {
        verdict = 'refuse';
        reason = `${n} regression${n > 1 ? 's' : ''}: ${regressions
            .slice(0, 3)
            .map((r) => `${r.job} ${r.step}`)
            .join(', ')}${n > 3 ? ', ...' : ''}`;
    }
    const decision = {
        verdict,
        regressions,
        allowable,
        fixed,
        newJobs,
        goneJobs,
        expiredAllows: expired,
        staleAllows: [...stale],
        reason,
    };
    if (policy.force && verdict !== 'push') {
        decision.verdict = 'push';
        decision.forced = policy.force;
        decision.reason = `forced by ${policy.force.actor}: ${policy.force.reason} (${reason})`;
    }
    return decision;
}
//# sourceMappingURL=decide.js.map

/***/ }),

/***/ 6402:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   He: () => (/* binding */ stepPast),
/* harmony export */   Sk: () => (/* binding */ carryHistory)
/* harmony export */ });
/* unused harmony export emptyHistory */
function emptyHistory() {
    return { flights: [], steps: {} };
}
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

/***/ 3749:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  x: () => (/* binding */ readResults)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./build/actions/lib/errors.js
var errors = __webpack_require__(4193);
// EXTERNAL MODULE: ./build/actions/lib/flight.js
var flight = __webpack_require__(1576);
// EXTERNAL MODULE: ./node_modules/fast-xml-parser/src/xmlparser/XMLParser.js + 26 modules
var XMLParser = __webpack_require__(9658);
// EXTERNAL MODULE: ./node_modules/fast-xml-parser/src/fxp.js
var fxp = __webpack_require__(5824);
;// CONCATENATED MODULE: ./build/actions/lib/gate/junit.js
/**
 * JUnit XML read as job results, so any existing test job can feed the gate: a testsuite is a
 * job, a testcase a step (failure or error → fail, skipped → skip, else pass). JUnit knows no
 * revisions; a suite may name them with properties `tributary.tree.<name>` = commit id.
 */



const parser = new XMLParser/* default */.A({
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
    const valid = fxp/* XMLValidator */.iI.validate(text);
    if (valid !== true) {
        throw new errors/* ConfigurationError */.j1(source, `${source}: not well-formed XML (line ${valid.err.line}: ${valid.err.msg})`);
    }
    const doc = parser.parse(text);
    const suites = doc.testsuites
        ? asList(doc.testsuites.testsuite)
        : asList(doc.testsuite);
    if (!doc.testsuites && !doc.testsuite)
        throw new errors/* ConfigurationError */.j1(source, `${source}: not a JUnit report (no testsuites or testsuite root)`);
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
        throw new errors/* ConfigurationError */.j1(where, `${where}: attribute 'name' (the job) is missing`);
    const trees = [];
    const props = asList(suite.properties?.property);
    for (const p of props) {
        const name = String(p['@name'] ?? '');
        const m = /^tributary\.tree\.(.+)$/.exec(name);
        if (!m)
            continue;
        const revision = String(p['@value'] ?? '');
        if (!/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(revision))
            throw new errors/* ConfigurationError */.j1(where, `${where}: property '${name}' is '${revision}'; expected a full commit id (40 hex digits)`);
        trees.push({ name: m[1], revision });
    }
    const seen = new Set();
    const steps = cases.map((c, j) => {
        const name = String(c['@name'] ?? '').trim();
        if (!name)
            throw new errors/* ConfigurationError */.j1(where, `${where}.testcase[${j}]: attribute 'name' (the step) is missing`);
        if (seen.has(name))
            throw new errors/* ConfigurationError */.j1(where, `${where}.testcase[${j}]: field 'name' repeats step '${name}' of job '${job}'; step names must be unique within a job`);
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
    return [{ format: flight/* JOB_RESULT_FORMAT */.E8, job, trees, steps }, ...nested];
}
//# sourceMappingURL=junit.js.map
;// CONCATENATED MODULE: ./build/actions/lib/gate/results.js
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
        for (const e of (0,external_node_fs_.readdirSync)(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
            const p = (0,external_node_path_.join)(d, e.name);
            if (e.isDirectory())
                visit(p);
            else if (e.isFile() || (e.isSymbolicLink() && (0,external_node_fs_.statSync)(p).isFile()))
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
        st = (0,external_node_fs_.statSync)(dir);
    }
    catch {
        throw new errors/* ConfigurationError */.j1('results', `The results directory '${dir}' does not exist.`);
    }
    if (!st.isDirectory())
        throw new errors/* ConfigurationError */.j1('results', `The results path '${dir}' is not a directory.`);
    const found = [];
    for (const file of listFiles(dir)) {
        const source = (0,external_node_path_.relative)(dir, file) || file;
        if (file.endsWith('.json')) {
            found.push({ result: (0,flight/* parseJobResult */.De)((0,external_node_fs_.readFileSync)(file, 'utf8'), source), source });
        }
        else if (file.endsWith('.xml')) {
            const text = (0,external_node_fs_.readFileSync)(file, 'utf8');
            // Artifacts may hold other XML (a guest's configuration): only JUnit reports are results.
            if (!looksLikeJUnit(text))
                continue;
            for (const result of parseJUnit(text, source))
                found.push({ result, source });
        }
    }
    // A job that writes both forms (hypervisor-test writes result.json and junit.xml side by
    // side) is one result: the JUnit beside a result file of the same job is left out.
    const jsonJobs = new Set(found
        .filter((f) => f.source.endsWith('.json'))
        .map((f) => `${(0,external_node_path_.dirname)(f.source)}\0${f.result.job}`));
    for (let i = found.length - 1; i >= 0; i--) {
        const f = found[i];
        if (f.source.endsWith('.xml') && jsonJobs.has(`${(0,external_node_path_.dirname)(f.source)}\0${f.result.job}`))
            found.splice(i, 1);
    }
    if (!found.length)
        throw new errors/* ConfigurationError */.j1('results', `No job result (*.json in format tributary.job/v1, or JUnit *.xml) under '${dir}'.`);
    // The revision of every tree: all results must agree, and with the revision given.
    const trees = new Map();
    if (revision)
        trees.set(tree, { t: { name: tree, revision }, source: REVISION_SETTING });
    for (const { result, source } of found) {
        result.trees.forEach((t, i) => {
            const known = trees.get(t.name);
            if (!known)
                trees.set(t.name, { t, source });
            else if (known.t.revision !== t.revision) {
                const says = (other) => `${source}: field 'trees[${i}].revision' is ${t.revision} for tree '${t.name}', but ${other} says ${known.t.revision}: a result for another revision.`;
                if (known.source === REVISION_SETTING)
                    throw new errors/* SettingError */.L_('revision', says);
                throw new errors/* ConfigurationError */.j1(`${source}: trees[${i}].revision`, says(known.source));
            }
        });
    }
    const tested = trees.get(tree);
    if (!tested)
        throw new errors/* SettingError */.L_('revision', (name) => `No result names tree '${tree}' in its 'trees' field and no revision was given: say which revision the flight tested (${name}).`);
    // One job, one result; a re-run (a higher attempt) replaces an earlier one and keeps its
    // step statuses as earlier attempts, so a step that passed on the re-run counts as flaky.
    const jobs = new Map();
    for (const { result, source } of found) {
        const attempt = result.attempt ?? 1;
        const job = { name: result.job, steps: result.steps, attempt };
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
            throw new errors/* ConfigurationError */.j1(`${source}: job`, `${source}: field 'job' repeats job '${result.job}' of ${known.source} (both attempt ${attempt}): job names must be unique in a flight.`);
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

/***/ 6106:
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
// EXTERNAL MODULE: ./build/actions/lib/gate/allow-list.js
var allow_list = __webpack_require__(716);
// EXTERNAL MODULE: ./build/actions/lib/gate/decide.js
var decide = __webpack_require__(7012);
// EXTERNAL MODULE: ./build/actions/lib/gate/history.js
var gate_history = __webpack_require__(6402);
// EXTERNAL MODULE: ./build/actions/lib/gate/notes.js
var notes = __webpack_require__(1603);
// EXTERNAL MODULE: ./build/actions/lib/gate/publish.js
var publish = __webpack_require__(8841);
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
    const count = `${n} regression${n === 1 ? '' : 's'}`;
    let state;
    let text;
    if (outcome.error) {
        state = 'error';
        text = `${count}; not pushed: ${outcome.error}`;
    }
    else if (d.verdict === 'retry') {
        state = 'pending';
        text = `${count} in non-build steps; a fresh flight was asked for`;
    }
    else if (d.verdict === 'push') {
        state = 'success';
        const done = outcome.pushed
            ? `pushed to ${outcome.tested}`
            : outcome.alreadyThere
                ? `already on ${outcome.tested}`
                : 'dry run, not pushed';
        text = `${count}${d.forced ? ` (forced by ${d.forced.actor})` : ''}; ${done}`;
    }
    else {
        state = 'failure';
        text = n ? `${count}: ${d.regressions.map((r) => `${r.job} ${r.step}`).join(', ')}` : d.reason;
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
        `- flight: ${outcome.record.flight}, ${outcome.record.jobs.length} jobs, ${outcome.record.jobs.reduce((n, j) => n + j.steps.length, 0)} steps`,
        `- baseline: ${outcome.baseline ? `flight ${outcome.baseline.record.flight} of ${outcome.baseline.record.revision.slice(0, 12)}${outcome.baseline.kind === 'ancestor' ? ` (the tested head ${outcome.testedHead.slice(0, 12)} has no record; nearest ancestor with one)` : ''}` : 'none'}`,
    ];
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
// EXTERNAL MODULE: ./build/actions/lib/gate/results.js + 1 modules
var gate_results = __webpack_require__(3749);
;// CONCATENATED MODULE: ./build/actions/lib/gate/gate.js
/**
 * `gateFlight`: the push gate's story. Read the flight's results (every mistake refused before
 * anything is fetched), fetch the hosted tree, refuse a revision staging did not carry, read
 * the allow list from its branch of the hosted tree, find the baseline, decide, then push the
 * tested branch and the flight's note together, and report. What judges the flight (the allow
 * list, the required jobs, the credentials) never comes from the revision under test.
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
    const hosted = await (0,publish/* usePartialClone */.y9)(git, { url: s.remote });
    await git.run(['fetch', '--quiet', '--no-tags', '--filter=tree:0', hosted, ...specs], {
        retries: 3,
    });
    await (0,publish/* fetchNotes */.GW)(git, { url: s.remote }, s.notesRef);
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
    throw new NotCarried(revision, s.staging, `Revision ${revision} is not on ${where} nor is it ${s.tested}'s head ${tree.testedHead}: the gate pushes only what ${s.staging} carried. Nothing pushed, nothing recorded.`);
}
/** Reads what the decision needs from the notes: O(1) notes, whatever the length of history. */
async function loadContext(s, git, revision, testedHead) {
    const found = await (0,notes/* findBaseline */.Xn)(git, s.notesRef, testedHead, s.maxWalk);
    const sameRevision = await (0,notes/* readFlights */.QX)(git, s.notesRef, revision);
    return {
        testedHead,
        baseline: found ? { record: found.record, kind: found.kind } : undefined,
        sameRevision,
    };
}
/** The decision and the record to store, from results and context (no git, no network). */
function judge(s, results, allowList, ctx) {
    const now = s.now ?? new Date();
    const policy = {
        required: s.required,
        buildJobs: s.buildJobs,
        noBaseline: s.noBaseline === 'push' ? 'push' : 'refuse',
        retryFlaky: s.retryFlaky,
        force: s.force,
        now,
    };
    // The latest summary is the baseline's, unless a flight of this revision came after it.
    const latest = [ctx.baseline?.record, ...ctx.sameRevision]
        .filter((r) => !!r && !!r.history)
        .sort((a, b) => a.recordedAt.localeCompare(b.recordedAt))
        .pop();
    const decision = (0,decide/* decideFlight */.T)({ revision: results.revision, jobs: results.jobs }, ctx.baseline, { summary: latest?.history, sameRevision: ctx.sameRevision }, allowList, policy);
    let dispatch;
    // The flight is not judged against nothing: by policy, ask for the baseline to be tested.
    if (!s.force) {
        if (!ctx.baseline && s.noBaseline === 'dispatch') {
            decision.verdict = 'refuse';
            decision.reason = `no baseline: asking for a flight of ${s.tested}'s head ${ctx.testedHead} first`;
            dispatch = { revision: ctx.testedHead, purpose: 'baseline' };
        }
        else if (ctx.baseline?.kind === 'ancestor' && s.untestedHead !== 'ancestor') {
            decision.verdict = 'refuse';
            decision.reason = `${s.tested}'s head ${ctx.testedHead} was never tested (nearest record: ${ctx.baseline.record.revision})`;
            if (s.untestedHead === 'dispatch') {
                decision.reason += ': asking for a flight of it first';
                dispatch = { revision: ctx.testedHead, purpose: 'baseline' };
            }
        }
    }
    if (decision.verdict === 'retry')
        dispatch = { revision: results.revision, purpose: 'retry' };
    const at = now.toISOString();
    const flight = results.flight ?? s.flight;
    const ref = { flight, revision: results.revision, at };
    const record = {
        format: lib_flight/* FLIGHT_RECORD_FORMAT */.N2,
        flight,
        tree: s.tree,
        revision: results.revision,
        trees: results.trees,
        jobs: results.jobs,
        recordedAt: at,
        decision: {
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
        },
        history: (0,gate_history/* carryHistory */.Sk)(latest?.history, ref, results.jobs),
    };
    if (ctx.baseline)
        record.decision.baseline = {
            flight: ctx.baseline.record.flight,
            revision: ctx.baseline.record.revision,
            kind: ctx.baseline.kind,
        };
    if (decision.forced)
        record.decision.forced = decision.forced;
    if (s.dryRun)
        record.decision.dryRun = true;
    if (s.trigger)
        record.trigger = s.trigger;
    if (results.startedAt)
        record.startedAt = results.startedAt;
    return { decision, record, dispatch };
}
/** The gate's own clone of the hosted tree, the token scoped to its server. */
async function openClone(s, logger) {
    const credentials = [];
    if (s.token && /^https?:\/\//.test(s.remote))
        credentials.push({ urlPrefix: new URL(s.remote).origin + '/', token: s.token });
    (0,external_node_fs_.mkdirSync)(s.workDir, { recursive: true });
    return (0,git/* initRepository */.zY)((0,external_node_path_.join)(s.workDir, 'hosted.git'), {
        credentials,
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
/** Pushes the tested branch (when the decision says so) and the record, or the record alone. */
async function gate_publish(s, git, outcome, logger) {
    const { decision, record, revision, testedHead } = outcome;
    const remote = { url: s.remote };
    const push = decision.verdict === 'push' && testedHead !== revision;
    try {
        record.decision.pushed = push;
        const done = await (0,publish/* publishFlight */.kO)(git, remote, {
            notesRef: s.notesRef,
            record,
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
        // A refused flight is history too: record it without moving anything.
        outcome.error = e.message;
        record.decision.pushed = false;
        record.decision.reason = `${decision.reason}; not pushed: ${e.message}`;
        await (0,publish/* fetchNotes */.GW)(git, remote, s.notesRef);
        outcome.publishAttempts = (await (0,publish/* publishFlight */.kO)(git, remote, { notesRef: s.notesRef, record, logger })).attempts;
    }
}
/** The GitHub side, after the push: a fresh flight asked for, the commit status. */
async function announce(s, outcome, logger) {
    if (!s.github)
        return;
    const gh = s.github;
    if (outcome.dispatched) {
        await gh.api.rest.actions.createWorkflowDispatch({
            owner: gh.owner,
            repo: gh.repo,
            workflow_id: gh.workflow,
            ref: outcome.dispatched.ref,
            inputs: { revision: outcome.dispatched.revision, purpose: outcome.dispatched.purpose },
        });
        logger.info(`Asked for a ${outcome.dispatched.purpose} flight of ${outcome.dispatched.revision}.`);
    }
    const st = statusOf(outcome);
    // The push and the record are done; a status that cannot be set does not undo them.
    try {
        await gh.api.rest.repos.createCommitStatus({
            owner: gh.owner,
            repo: gh.repo,
            sha: outcome.revision,
            state: st.state,
            context: STATUS_CONTEXT,
            description: st.description,
            target_url: gh.targetUrl,
        });
    }
    catch (e) {
        logger.warning(`Could not set the commit status ${STATUS_CONTEXT} on ${outcome.revision}: ${(0,errors/* errorMessage */.gJ)(e)}`);
    }
}
/**
 * The whole gate. Throws ConfigurationError on bad input, and NotCarried for a revision
 * staging did not carry, before anything is written.
 */
async function gateFlight(s, logger) {
    const { results, allowSource } = prepareGate(s);
    const revision = results.revision;
    logger.info(`Flight ${results.flight ?? s.flight}: ${results.jobs.length} jobs of ${s.tree} at ${revision}`);
    const git = await openClone(s, logger);
    const tree = await logger.group(`Fetching ${s.tested}, ${s.staging}, the allow list and the flight records`, () => fetchTree(s, git, allowSource));
    await checkCarried(s, git, revision, tree);
    const allowList = await (0,allow_list/* readAllowList */.G3)(git, allowSource, tree.allowHead, s.remote);
    logger.info(`Allow list ${(0,allow_list/* describeSource */.B6)(allowSource)}: ${allowList.length} entr${allowList.length === 1 ? 'y' : 'ies'}${tree.allowHead ? ` (${tree.allowHead})` : ' (no such branch)'}`);
    const ctx = await loadContext(s, git, revision, tree.testedHead);
    const { decision, record, dispatch } = judge(s, results, allowList, ctx);
    logDecision(s, ctx, decision, logger);
    const outcome = {
        tree: s.tree,
        tested: s.tested,
        revision,
        testedHead: tree.testedHead,
        baseline: ctx.baseline,
        decision,
        record,
        pushed: false,
        alreadyThere: decision.verdict === 'push' && tree.testedHead === revision,
        publishAttempts: 0,
    };
    if (dispatch && s.github?.workflow) {
        outcome.dispatched = {
            workflow: s.github.workflow,
            ref: s.github.workflowRef ?? s.staging,
            ...dispatch,
        };
        record.decision.dispatched = outcome.dispatched;
    }
    if (!s.dryRun) {
        await gate_publish(s, git, outcome, logger);
        await announce(s, outcome, logger);
    }
    if (s.junit) {
        (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(s.junit), { recursive: true });
        (0,external_node_fs_.writeFileSync)(s.junit, (0,lib_flight/* toJUnit */.U5)(`${s.tree} ${revision} flight ${record.flight}`, record.jobs));
        outcome.junit = s.junit;
    }
    return outcome;
}
//# sourceMappingURL=gate.js.map
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
    'dispatch-workflow': {},
    'dispatch-ref': {},
    'allow-list': {},
    force: { default: 'false' },
    'force-reason': {},
    'dry-run': { default: 'false' },
    'notes-ref': { default: 'refs/notes/tributary/flights' },
    'max-walk': { default: '100' },
    flight: { runner: '${{ github.run_id }}' },
    junit: { runner: '${{ runner.temp }}/tributary-flight.xml' },
};
const GATE_IDENTITY = {
    name: 'tributary push gate',
    email: 'tributary@users.noreply.github.com',
};
/** `https://host/x/xen.git` or `/srv/git/xen.git` → `xen`. */
function lastName(url) {
    return url
        .replace(/\/+$/, '')
        .split('/')
        .pop()
        .replace(/\.git$/, '');
}
function parseGateSettings(read, context) {
    const v = new settings/* Settings */.w(read, GATE_SETTINGS);
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
    return {
        results: (0,external_node_path_.resolve)(context.workingDirectory, results),
        remote,
        token,
        // As documented: the repository's name; without one, the hosted tree's.
        tree: v.optional('tree') ?? repo?.repo ?? lastName(remote),
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
                api: context.connect(token),
                ...repo,
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
                    ? await Promise.all(/* import() */[__webpack_require__.e(239), __webpack_require__.e(253)]).then(__webpack_require__.bind(__webpack_require__, 6253))
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
                    if (!(e instanceof NotCarried))
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
