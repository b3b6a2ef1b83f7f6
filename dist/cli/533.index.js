export const id = 533;
export const ids = [533];
export const modules = {

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

/***/ 533:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  bisectCommand: () => (/* binding */ bisectCommand)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: ./build/actions/lib/errors.js
var errors = __webpack_require__(4193);
;// CONCATENATED MODULE: ./build/actions/lib/bisect/runs.js
/** The runs of the regressed step in the series' flights, in the order of the records. */
function runsOf(records, regression) {
    const runs = [];
    for (const record of records) {
        if (record.series !== regression.series)
            continue;
        const job = record.jobs.find((j) => j.name === regression.job);
        if (!job || job.cancelled)
            continue;
        const base = {
            flight: record.flight,
            trees: record.trees,
            purpose: record.purpose ?? 'watch',
            recordedAt: record.recordedAt,
            ...(job.url ? { url: job.url } : {}),
        };
        const i = job.steps.findIndex((s) => s.name === regression.step);
        if (i < 0) {
            runs.push({ ...base, outcome: 'untestable', why: `job has no step '${regression.step}'` });
            continue;
        }
        const step = job.steps[i];
        const log = step.log ? { log: step.log } : {};
        const before = job.steps.slice(0, i).find((s) => s.status === 'fail' || s.status === 'blocked');
        if (before) {
            runs.push({
                ...base,
                ...log,
                outcome: 'untestable',
                why: `step '${before.name}' before it: ${before.status}`,
            });
            continue;
        }
        if (step.status === 'skip' || step.status === 'blocked') {
            runs.push({ ...base, ...log, outcome: 'untestable', why: step.status });
            continue;
        }
        // Earlier attempts of the step within the job ran it too: a step that failed and then
        // passed on a retry is flaky, and the bisection must see both.
        const earlier = (step.attempts ?? []).filter((a) => a === 'pass' || a === 'fail');
        earlier.forEach((a, n) => runs.push({ ...base, ...log, outcome: a, attempt: n + 1 }));
        runs.push({
            ...base,
            ...log,
            outcome: step.status,
            ...(step.message ? { why: step.message } : {}),
            ...(earlier.length ? { attempt: earlier.length + 1 } : {}),
        });
    }
    return runs;
}
function combinationOf(trees) {
    return Object.fromEntries(trees.map((t) => [t.name, t.revision]));
}
function tally(runs) {
    const t = { pass: 0, fail: 0, untestable: 0 };
    for (const r of runs)
        t[r.outcome]++;
    return t;
}
function verdictOf(runs) {
    const t = tally(runs);
    if (t.pass && t.fail)
        return 'mixed';
    if (t.fail)
        return 'bad';
    if (t.pass)
        return 'good';
    return t.untestable ? 'untestable' : 'untested';
}
/** Runs found by the combination of the series' trees they ran (other trees ignored). */
class RunIndex {
    trees;
    byKey = new Map();
    constructor(runs, trees) {
        this.trees = trees;
        for (const run of runs) {
            const key = this.key(combinationOf(run.trees));
            if (key === undefined)
                continue; // a flight without one of the series' trees
            const list = this.byKey.get(key);
            if (list)
                list.push(run);
            else
                this.byKey.set(key, [run]);
        }
    }
    key(c) {
        const parts = this.trees.map((t) => c[t]);
        return parts.every(Boolean) ? parts.join(' ') : undefined;
    }
    at(c) {
        const key = this.key(c);
        return (key !== undefined && this.byKey.get(key)) || [];
    }
    verdict(c) {
        return verdictOf(this.at(c));
    }
    /** Every combination with runs that has the revisions of `held` (tree → revision). */
    *matching(held) {
        const fixed = Object.entries(held);
        for (const runs of this.byKey.values()) {
            const c = combinationOf(runs[0].trees);
            if (fixed.every(([t, r]) => c[t] === r))
                yield [c, runs];
        }
    }
}
//# sourceMappingURL=runs.js.map
;// CONCATENATED MODULE: ./build/actions/lib/bisect/search.js

const search_short = (c) => c.slice(0, 12);
function searchTree(b, index, s) {
    const at = (c) => index.at({ ...b.held, [b.tree]: c });
    if (verdictOf(at(b.graph.pass)) !== 'good' || verdictOf(at(b.graph.fail)) !== 'bad')
        throw new Error(`the ends of ${b.tree}'s range are not a pass and a failure`);
    const narrowed = flakyRevisions(b, index) ?? narrow(b, at);
    if ('kind' in narrowed)
        return narrowed;
    if (narrowed.suspects.size === 1)
        return search_confirm(b, at, narrowed.bad, s);
    return nextTests(b, at, narrowed, s);
}
/**
 * The lowest failing commit and the suspects below it (its ancestors no passing commit
 * contains), or "not reproducible" when a failing commit lies inside a passing one.
 */
function narrow(b, at) {
    const { graph } = b;
    const goods = graph.commits.filter((c) => verdictOf(at(c)) === 'good');
    const cleared = graph.ancestors(goods);
    const bads = graph.commits.filter((c) => verdictOf(at(c)) === 'bad');
    const contradicted = bads.find((c) => cleared.has(c));
    if (contradicted) {
        const g = goods.find((x) => graph.ancestors([x]).has(contradicted));
        return {
            kind: 'not-reproducible',
            reason: `${b.tree} ${search_short(contradicted)} failed, yet ${search_short(g)}, which contains it, passed`,
            evidence: [...at(contradicted), ...at(g)],
        };
    }
    // The one last in topological order has no other failing commit among its ancestors.
    const bad = bads.reduce((x, y) => (graph.index(y) > graph.index(x) ? y : x));
    const suspects = graph.ancestors([bad]);
    for (const c of cleared)
        suspects.delete(c);
    return { bad, suspects };
}
/**
 * Below the lowest failing commit: its first parent's line, or, when the first parent
 * passed, the line of the branch it merged; k commits of it, cutting the suspects evenly.
 */
function nextTests(b, at, { bad, suspects }, s) {
    const { graph } = b;
    const start = graph.parents(bad).find((p) => suspects.has(p));
    const line = graph.oldestFirst(graph.firstParentLine(start, suspects));
    const untested = (c) => verdictOf(at(c)) === 'untested';
    let where = start !== graph.parents(bad)[0]
        ? `the branch merged by ${search_short(bad)}`
        : `the first-parent line below ${search_short(bad)}`;
    // Each commit of the line weighs what it brings: itself and the branches it merges.
    const weights = introduced(graph, line, suspects);
    const below = [...weights.values()].reduce((x, y) => x + y, 0);
    let points = spread(line, s.runners, (c) => weights.get(c), untested, suspects.size - below);
    if (!points.length) {
        // Every commit of that line is untestable: any other suspect may still tell.
        const rest = [...suspects].filter((c) => c !== bad && untested(c));
        points = spread(graph.oldestFirst(rest), s.runners);
        where = `the suspects below ${search_short(bad)}`;
    }
    if (!points.length) {
        const candidates = graph.oldestFirst(suspects);
        return {
            kind: 'untestable',
            candidates,
            evidence: candidates.flatMap(at),
            reason: `only untestable commits are left: the first bad commit of ${b.tree} is one of ${candidates.length}, up to ${search_short(bad)}`,
        };
    }
    const why = `splits ${suspects.size} suspects along ${where}`;
    return {
        kind: 'tests',
        phase: 'search',
        suspects: suspects.size,
        tests: points.map((commit) => ({ commit, why })),
    };
}
/** How many suspects each commit of a line (oldest first) brings that those below it do not. */
function introduced(graph, line, suspects) {
    const seen = new Set();
    const weights = new Map();
    for (const c of line) {
        let n = 0;
        for (const stack = [c]; stack.length;) {
            const x = stack.pop();
            if (seen.has(x) || !suspects.has(x))
                continue;
            seen.add(x);
            n++;
            stack.push(...graph.parents(x));
        }
        weights.set(c, n);
    }
    return weights;
}
/**
 * Up to k items of a line (oldest first) to test, cutting it into k+1 parts of even weight,
 * the failing top (weighing `top`) in the last: whichever part holds the culprit, about
 * 1/(k+1) of the suspects are left. Only `eligible` items are chosen: an untestable one
 * gives way to its nearest neighbour.
 */
function spread(line, k, weight = () => 1, eligible = () => true, top = 1) {
    const upTo = [];
    let total = 0;
    for (const item of line)
        upTo.push((total += weight(item)));
    total += top;
    const chosen = new Set();
    for (let j = 1; j <= k; j++) {
        const target = (j * total) / (k + 1);
        let best = -1;
        for (let i = 0; i < line.length; i++)
            if (eligible(line[i]) &&
                !chosen.has(i) &&
                (best < 0 || Math.abs(upTo[i] - target) < Math.abs(upTo[best] - target)))
                best = i;
        if (best >= 0)
            chosen.add(best);
    }
    return [...chosen].sort((a, b) => a - b).map((i) => line[i]);
}
/** A revision of this bisection (the others held) that both passed and failed. */
function flakyRevisions(b, index) {
    const flaky = [];
    for (const [c, runs] of index.matching(b.held))
        if (verdictOf(runs) === 'mixed')
            flaky.push({ revision: c[b.tree], runs });
    if (!flaky.length)
        return undefined;
    const { revision, runs } = flaky[0];
    const t = tally(runs);
    return {
        kind: 'not-reproducible',
        reason: `the step both passed and failed at ${b.tree} ${search_short(revision)} (${t.pass} pass, ${t.fail} fail)${flaky.length > 1 ? ` and at ${flaky.length - 1} other revision(s)` : ''}`,
        evidence: flaky.flatMap((f) => f.runs),
    };
}
/**
 * The first bad commit is found: blamed once its failure and its parents' pass are each seen
 * in `confirmations` runs (the runs of the search count), else more runs of them are planned.
 */
function search_confirm(b, at, culprit, s) {
    const n = s.confirmations;
    const parents = b.graph.parents(culprit);
    const wants = [
        { commit: culprit, want: 'fail', what: `the failure at ${search_short(culprit)}` },
        ...parents.map((p) => ({
            commit: p,
            want: 'pass',
            what: `the pass at its parent ${search_short(p)}`,
        })),
    ];
    const evidence = wants.flatMap((w) => at(w.commit));
    const needs = [];
    for (const w of wants) {
        const t = tally(at(w.commit));
        // A parent of the first bad commit that fails (outside the range, never searched).
        if (w.want === 'pass' && t.fail)
            return {
                kind: 'not-reproducible',
                reason: `${b.tree} ${search_short(culprit)} looked like the first bad commit, but its parent ${search_short(w.commit)} fails too`,
                evidence,
            };
        if (t.untestable >= n && t[w.want] < n)
            return {
                kind: 'not-reproducible',
                reason: `${w.what} could not be seen again: ${t.untestable} runs were untestable`,
                evidence,
            };
        if (t[w.want] < n)
            needs.push({ commit: w.commit, missing: n - t[w.want], seen: t[w.want], what: w.what });
    }
    if (!needs.length)
        return {
            kind: 'blamed',
            commit: culprit,
            parents,
            evidence,
            reason: `${b.tree} ${culprit} fails in ${n} of ${n} runs and ${parents.length > 1 ? 'each of its parents passes' : 'its parent passes'} in ${n} of ${n}`,
        };
    // Round-robin over what is missing, so that each gets runners in the same round.
    const tests = [];
    for (let more = true; more && tests.length < s.runners;) {
        more = false;
        for (const need of needs) {
            if (!need.missing || tests.length >= s.runners)
                continue;
            need.missing--;
            need.seen++;
            more = true;
            tests.push({ commit: need.commit, why: `confirms ${need.what} (run ${need.seen} of ${n})` });
        }
    }
    return { kind: 'tests', phase: 'confirm', tests, suspects: 1 };
}
//# sourceMappingURL=search.js.map
;// CONCATENATED MODULE: ./build/actions/lib/bisect/plan.js
/**
 * `planBisection`: the next round of a bisection, or its result. Given a regression (series,
 * job, step), its last-pass and first-fail flights, the commit graph of each tree whose
 * change may be bisected and every run of the step recorded in the series, it says which
 * revisions of every tree to test next (up to one per runner), or which commit is to blame.
 *
 * Pure and stateless: the same records give the same plan, so a revision tested by any
 * earlier flight is reused and a cancelled round is simply planned again. When more than one
 * tree changed between the two flights (the watched tree and the consumer), it first finds
 * whose change is at fault: each tree's new revision with the others' old ones (and, with
 * three trees or more, every change but one), then bisects that tree with the others held.
 */



const plan_short = (c) => c.slice(0, 12);
/** The tree whose change is to be bisected has no commit graph in the input. */
class MissingHistory extends errors/* ConfigurationError */.j1 {
    tree;
    constructor(tree, message) {
        super(`tree '${tree}'`, message);
        this.tree = tree;
    }
}
function planBisection(input) {
    const { runners, confirmations } = input.settings;
    if (!Number.isInteger(runners) || runners < 1)
        throw new errors/* ConfigurationError */.j1('runners', `Invalid runners '${runners}'. Expected a whole number >= 1.`);
    if (!Number.isInteger(confirmations) || confirmations < 1)
        throw new errors/* ConfigurationError */.j1('confirmations', `Invalid confirmations '${confirmations}'. Expected a whole number >= 1.`);
    const names = seriesTrees(input);
    const ctx = {
        input,
        names,
        index: new RunIndex(input.runs, names),
        pass: combinationOf(input.pass.trees),
        fail: combinationOf(input.fail.trees),
    };
    const ends = checkEnds(ctx);
    if (ends)
        return ends;
    const changed = names.filter((n) => ctx.pass[n] !== ctx.fail[n]);
    const chosen = input.settings.tree;
    if (chosen && !changed.includes(chosen))
        throw new errors/* ConfigurationError */.j1('tree', `Tree '${chosen}' is at ${ctx.fail[chosen]} in both flights: nothing to bisect in it (changed: ${changed.join(', ')}).`);
    const target = changed.length === 1
        ? { tree: changed[0], held: others(ctx.pass, changed[0]), alsoAtFault: [] }
        : isolate(ctx, changed);
    return 'kind' in target ? target : bisectTree(ctx, target);
}
/** The trees both flights name, the watched one first; anything else is refused. */
function seriesTrees(input) {
    for (const [which, f] of [
        ['last-pass', input.pass],
        ['first-fail', input.fail],
    ]) {
        if (f.series !== input.series)
            throw new errors/* ConfigurationError */.j1('series', `The ${which} flight ${f.flight} belongs to series '${f.series ?? '(none)'}', not '${input.series}'.`);
        if (f.tree !== input.watched || !f.trees.some((t) => t.name === input.watched))
            throw new errors/* ConfigurationError */.j1('trees', `The ${which} flight ${f.flight} does not name the watched tree '${input.watched}' in its trees.`);
    }
    const pass = input.pass.trees.map((t) => t.name);
    const fail = input.fail.trees.map((t) => t.name);
    if (pass.length !== fail.length || pass.some((n) => !fail.includes(n)))
        throw new errors/* ConfigurationError */.j1('trees', `The last-pass flight ${input.pass.flight} has trees ${pass.join(', ')} and the first-fail flight ${input.fail.flight} has ${fail.join(', ')}: a bisection needs the same trees at both ends.`);
    if (input.settings.tree && !pass.includes(input.settings.tree))
        throw new errors/* ConfigurationError */.j1('tree', `Unknown tree '${input.settings.tree}': the series' flights have trees ${pass.join(', ')}.`);
    return [input.watched, ...pass.filter((n) => n !== input.watched)];
}
/**
 * The two flights must be what they are said to be: the step passed in the one and failed in
 * the other (else an error); and every run at their revisions must agree (else a result:
 * the regression is not reproducible, nothing to bisect).
 */
function checkEnds(ctx) {
    const { input, index } = ctx;
    for (const [which, record, want] of [
        ['last-pass', input.pass, 'pass'],
        ['first-fail', input.fail, 'fail'],
    ]) {
        const job = record.jobs.find((j) => j.name === input.job);
        if (!job || job.cancelled)
            throw new errors/* ConfigurationError */.j1('job', `The ${which} flight ${record.flight} has no ${job ? 'finished ' : ''}job '${input.job}' (its jobs: ${record.jobs.map((j) => j.name).join(', ') || 'none'}).`);
        const own = runsOf([record], input).pop();
        if (own.outcome !== want)
            throw new errors/* ConfigurationError */.j1('step', `In the ${which} flight ${record.flight}, step '${input.step}' of job '${input.job}' ${own.outcome === 'untestable' ? `is untestable (${own.why})` : `${own.outcome}ed`}: it is not a ${want === 'pass' ? 'pass' : 'failure'} to bisect from.`);
    }
    for (const [which, c, again] of [
        ['first-fail', ctx.fail, 'passes again'],
        ['last-pass', ctx.pass, 'fails too'],
    ]) {
        const runs = index.at(c);
        const t = tally(runs);
        if (t.pass && t.fail)
            return {
                kind: 'result',
                outcome: 'not-reproducible',
                reason: `${input.job} ${input.step} ${again} at the ${which} revisions (${t.pass} pass, ${t.fail} fail): a flaky step, not a regression to bisect`,
                evidence: runs,
            };
    }
    return undefined;
}
/** Which tree's change is at fault: a round of combinations to test, the answer, or none. */
function isolate(ctx, changed) {
    const { index, input } = ctx;
    const alone = (t) => ({ ...ctx.pass, [t]: ctx.fail[t] });
    const allBut = (t) => ({ ...ctx.fail, [t]: ctx.pass[t] });
    const combos = new Map();
    const add = (c, why) => {
        if (!combos.has(index.key(c)))
            combos.set(index.key(c), { c, why });
    };
    for (const t of changed)
        add(alone(t), `${t}'s change alone: ${t} at the first-fail revision, the rest at the last-pass`);
    if (changed.length > 2)
        for (const t of changed)
            add(allBut(t), `every change but ${t}'s: ${t} at the last-pass revision, the rest at the first-fail`);
    const evidence = [...combos.values()].flatMap(({ c }) => index.at(c));
    for (const { c } of combos.values()) {
        const t = tally(index.at(c));
        if (t.pass && t.fail)
            return {
                kind: 'result',
                outcome: 'not-reproducible',
                reason: `the step both passed and failed with ${describe(ctx, c)} (${t.pass} pass, ${t.fail} fail)`,
                evidence: index.at(c),
            };
    }
    const untested = [...combos.values()].filter(({ c }) => index.verdict(c) === 'untested');
    if (untested.length)
        return {
            kind: 'round',
            phase: 'isolate',
            tests: untested
                .slice(0, input.settings.runners)
                .map(({ c, why }) => ({ trees: treesOf(ctx, c), why })),
        };
    const failsAlone = changed.filter((t) => index.verdict(alone(t)) === 'bad');
    const needed = changed.filter((t) => index.verdict(allBut(t)) === 'good');
    const pick = input.settings.tree;
    if (failsAlone.length && (!pick || failsAlone.includes(pick))) {
        const tree = pick ?? failsAlone[0];
        return {
            tree,
            held: others(ctx.pass, tree),
            alsoAtFault: failsAlone.filter((t) => t !== tree),
        };
    }
    // No change fails alone: the failure needs several together. Bisect one whose change is
    // needed, with the others' new revisions.
    if (needed.length && (!pick || needed.includes(pick))) {
        const tree = pick ?? needed[0];
        return { tree, held: others(ctx.fail, tree), alsoAtFault: [] };
    }
    return {
        kind: 'result',
        outcome: 'not-isolated',
        reason: pick
            ? `${pick}'s change neither fails alone nor is needed for the failure`
            : `no tree's change explains the failure alone (changed: ${changed.join(', ')}; some combinations untestable)`,
        evidence,
    };
}
function bisectTree(ctx, target) {
    const { tree, held } = target;
    const graph = ctx.input.graphs.get(tree);
    if (!graph)
        throw new MissingHistory(tree, `The change of tree '${tree}' (${plan_short(ctx.pass[tree])}..${plan_short(ctx.fail[tree])}) is the one to bisect, but its history is not known: give the repository of '${tree}'.`);
    if (graph.pass !== ctx.pass[tree] || graph.fail !== ctx.fail[tree])
        throw new Error(`the graph given for ${tree} is of another range`);
    const step = searchTree({ tree, graph, held }, ctx.index, ctx.input.settings);
    const common = { tree, held: treesOf(ctx, held) };
    switch (step.kind) {
        case 'tests':
            return {
                kind: 'round',
                phase: step.phase,
                ...common,
                suspects: step.suspects,
                tests: step.tests.map((t) => ({
                    trees: treesOf(ctx, { ...held, [tree]: t.commit }),
                    why: t.why,
                })),
            };
        case 'blamed':
            return {
                kind: 'result',
                outcome: 'blamed',
                reason: step.reason,
                ...common,
                commit: { id: step.commit, parents: step.parents },
                evidence: step.evidence,
                ...(target.alsoAtFault.length ? { alsoAtFault: target.alsoAtFault } : {}),
            };
        case 'untestable':
            return {
                kind: 'result',
                outcome: 'untestable',
                reason: step.reason,
                ...common,
                candidates: step.candidates,
                evidence: step.evidence,
            };
        case 'not-reproducible':
            return {
                kind: 'result',
                outcome: step.kind,
                reason: step.reason,
                ...common,
                evidence: step.evidence,
            };
    }
}
/** Every tree of the series named in `c` (held ones included), with its url when known. */
function treesOf(ctx, c) {
    return ctx.names
        .filter((n) => c[n])
        .map((name) => {
        const url = ctx.input.fail.trees.find((t) => t.name === name)?.url;
        return { name, revision: c[name], ...(url ? { url } : {}) };
    });
}
function others(c, tree) {
    return Object.fromEntries(Object.entries(c).filter(([n]) => n !== tree));
}
function describe(ctx, c) {
    return ctx.names.map((n) => `${n} ${plan_short(c[n])}`).join(', ');
}
//# sourceMappingURL=plan.js.map
// EXTERNAL MODULE: ./build/actions/lib/flight.js
var flight = __webpack_require__(1576);
// EXTERNAL MODULE: ./build/actions/lib/git.js + 1 modules
var lib_git = __webpack_require__(6240);
// EXTERNAL MODULE: ./build/actions/lib/gate/notes.js
var gate_notes = __webpack_require__(1603);
// EXTERNAL MODULE: ./build/actions/lib/gate/publish.js
var publish = __webpack_require__(8841);
// EXTERNAL MODULE: ./build/actions/lib/gate/results.js + 1 modules
var gate_results = __webpack_require__(3749);
;// CONCATENATED MODULE: ./build/actions/lib/bisect/graph.js
class CommitGraph {
    pass;
    fail;
    byId = new Map();
    /** The range, newest first, children always before their parents. */
    commits;
    /**
     * `commits` in topological order, children before parents (rev-list --topo-order), the
     * first-fail revision first. `pass` is the last-pass revision, outside the range.
     */
    constructor(pass, fail, commits) {
        this.pass = pass;
        this.fail = fail;
        this.commits = commits.map((c) => c.commit);
        commits.forEach((c, index) => this.byId.set(c.commit, { parents: c.parents, index }));
        if (pass === fail) {
            if (commits.length)
                throw new Error('a range from a revision to itself has no commits');
            return;
        }
        if (!this.byId.has(fail))
            throw new Error(`the range ${pass}..${fail} does not hold its own first-fail revision`);
    }
    /** Parses `git rev-list --topo-order --parents fail ^pass` (pass an ancestor of fail). */
    static fromRevList(pass, fail, text) {
        const commits = text
            .split('\n')
            .filter(Boolean)
            .map((line) => {
            const [commit, ...parents] = line.split(' ');
            return { commit, parents };
        });
        return new CommitGraph(pass, fail, commits);
    }
    get size() {
        return this.commits.length;
    }
    has(commit) {
        return this.byId.has(commit);
    }
    parents(commit) {
        return this.byId.get(commit)?.parents ?? [];
    }
    /** The position in topological order: an ancestor always comes after its descendants. */
    index(commit) {
        return this.byId.get(commit)?.index ?? Number.MAX_SAFE_INTEGER;
    }
    /** The parents of range commits that lie outside the range (ancestors of `pass`, or it). */
    boundary() {
        const out = new Set();
        for (const c of this.commits)
            for (const p of this.parents(c))
                if (!this.has(p))
                    out.add(p);
        return [...out];
    }
    /** The range commits reachable from `starts` (themselves included, when in the range). */
    ancestors(starts) {
        const seen = new Set();
        const stack = [...starts].filter((c) => this.has(c));
        while (stack.length) {
            const c = stack.pop();
            if (seen.has(c))
                continue;
            seen.add(c);
            for (const p of this.parents(c))
                if (this.has(p) && !seen.has(p))
                    stack.push(p);
        }
        return seen;
    }
    /** From `start` down its first parents while they are in `within`: newest first. */
    firstParentLine(start, within) {
        const line = [];
        for (let c = start; c && within.has(c); c = this.parents(c)[0])
            line.push(c);
        return line;
    }
    /** Oldest first (parents before children). */
    oldestFirst(commits) {
        return [...commits].sort((a, b) => this.index(b) - this.index(a));
    }
}
//# sourceMappingURL=graph.js.map
;// CONCATENATED MODULE: ./build/actions/lib/bisect/repository.js
/**
 * `bisectSeries`: a bisection round from a real repository. Fetches the watched tree's commits
 * between the last-pass and first-fail revisions (commits only, no trees or files) and the
 * series' notes, optionally records finished test runs as bisection flights of the series,
 * then plans the next round with `planBisection`. Every check (the revisions, their ancestry,
 * the flights, the results to record) is made before anything is written.
 */











const BISECT_FORMAT = 'tributary.bisect/v1';
const WATCH_NOTES_REF = 'refs/notes/tributary/watch';
const FULL_ID = /^[0-9a-f]{40}([0-9a-f]{24})?$/;
function checkBisectSettings(s) {
    if (!/^[A-Za-z0-9][A-Za-z0-9._+-]*$/.test(s.series))
        throw (0,errors/* invalid */.Gq)('series', s.series, 'a series name of letters, digits and . _ + -');
    for (const key of ['job', 'step'])
        if (!s[key].trim())
            throw new errors/* ConfigurationError */.j1(key, `The ${key} of the regression is empty.`);
    for (const key of ['pass', 'fail'])
        if (!FULL_ID.test(s[key]))
            throw (0,errors/* invalid */.Gq)(`${key} revision`, s[key], 'a full commit id (40 hex digits)');
    if (!s.notesRef.startsWith('refs/notes/'))
        throw (0,errors/* invalid */.Gq)('notes ref', s.notesRef, 'a ref under refs/notes/');
    for (const [name, repo] of [['(watched)', s.remote], ...Object.entries(s.treeRepos)]) {
        if (!name || !repo)
            throw (0,errors/* invalid */.Gq)('tree repository', `${name}=${repo}`, 'NAME=URL-or-path');
        remoteOf(repo);
    }
}
/** A URL (never with a user or token in it) or a path. */
function remoteOf(repo) {
    if (repo.startsWith('-'))
        throw (0,errors/* invalid */.Gq)('repository', repo, 'a URL or a path');
    if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(repo))
        return repo;
    let url;
    try {
        url = new URL(repo);
    }
    catch {
        throw (0,errors/* invalid */.Gq)('repository', repo, 'a URL or a path');
    }
    if (url.username || url.password)
        throw new errors/* ConfigurationError */.j1('repository', `The repository URL ${url.protocol}//${url.host}${url.pathname} carries a user or token: give the token in the environment instead.`);
    return repo;
}
/** The credential for one repository: a header sent to that repository's URL only. */
function credentialFor(repo, token) {
    return token && /^https?:\/\//.test(repo) ? [{ urlPrefix: repo.replace(/\/+$/, ''), token }] : [];
}
/** A tree's repository, fetched into a scratch folder of its own: its commits and range. */
class TreeRepository {
    label;
    url;
    git;
    constructor(
    /** What messages call it: `the watched tree`, `tree 'xen'`. */
    label, url, git) {
        this.label = label;
        this.url = url;
        this.git = git;
    }
    static async open(s, label, url, logger) {
        const dir = (0,external_node_path_.join)(s.workDir, `tree-${label.replace(/[^A-Za-z0-9._-]+/g, '-')}.git`);
        (0,external_node_fs_.mkdirSync)(s.workDir, { recursive: true });
        const git = await (0,lib_git/* initRepository */.zY)(dir, {
            credentials: credentialFor(url, s.token),
            identity: s.identity,
            logger,
        });
        await (0,publish/* usePartialClone */.y9)(git, { url });
        return new TreeRepository(label, url, git);
    }
    /** Fetches both revisions' commits (no trees, no files) and reads the range between them. */
    async range(pass, fail) {
        const wanted = [...new Set([pass, fail])];
        const fetch = ['fetch', '--quiet', '--no-tags', '--filter=tree:0', 'hosted'];
        const r = await this.git.exec([...fetch, ...wanted], { allowFailure: true, retries: 3 });
        if (r.code !== 0) {
            // Which one is missing, for the message: each alone.
            const missing = [];
            for (const rev of wanted)
                if (!(await this.git.commitOf(rev)) && !(await this.git.try([...fetch, rev])))
                    missing.push(rev);
            throw new errors/* ConfigurationError */.j1('revision', missing.length
                ? `${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not in ${this.url} (${this.label}).`
                : `Cannot fetch ${this.label} from ${this.url}: ${r.stderr.trim().split('\n').pop()}`);
        }
        if (!(await this.git.isAncestor(pass, fail)))
            throw new errors/* ConfigurationError */.j1('pass', `In ${this.label}, the last-pass revision ${pass} is not an ancestor of the first-fail revision ${fail}, so no commit between them can be to blame.`);
        const text = await this.git.run(['rev-list', '--topo-order', '--parents', fail, `^${pass}`]);
        return CommitGraph.fromRevList(pass, fail, text);
    }
    /** Subject, author and date of commits, in the order asked. */
    async describe(commits) {
        if (!commits.length)
            return [];
        const out = await this.git.run([
            'show',
            '--no-patch',
            '--no-walk=unsorted',
            '--format=%H%x00%P%x00%an <%ae>%x00%aI%x00%s%x00',
            ...commits,
        ]);
        return out
            .split('\0\n')
            .map((l) => l.replace(/\0$/, '').split('\0'))
            .filter((f) => f.length >= 5)
            .map(([id, parents, author, date, subject]) => ({
            id,
            parents: parents ? parents.split(' ') : [],
            subject,
            author,
            date,
        }));
    }
}
const byTime = (a, b) => a.recordedAt.localeCompare(b.recordedAt);
/** What the step did in a flight: its final run's outcome, or why there is none. */
function stepIn(record, r) {
    const run = runsOf([record], r).pop();
    if (!run)
        return `no finished job '${r.job}'`;
    return run.why && run.outcome === 'untestable' ? `untestable (${run.why})` : run.outcome;
}
/**
 * The flight of the series at a revision: the one named, else the latest watch flight in
 * which the step passed (last-pass), or the earliest in which it failed (first-fail).
 */
function findFlight(s, at, which) {
    const revision = which === 'last-pass' ? s.pass : s.fail;
    const named = which === 'last-pass' ? s.passFlight : s.failFlight;
    const ofSeries = at.filter((r) => r.series === s.series).sort(byTime);
    if (!ofSeries.length) {
        const others = [...new Set(at.map((r) => r.series ?? '(no series)'))];
        throw new errors/* ConfigurationError */.j1('series', `No flight of series '${s.series}' is recorded at the ${which} revision ${revision} (${s.notesRef})${others.length ? `; the flights there belong to: ${others.join(', ')}` : ''}.`);
    }
    const list = ofSeries.map((r) => `${r.flight}: ${stepIn(r, s)}`).join(', ');
    if (named) {
        const f = ofSeries.find((r) => r.flight === named);
        if (!f)
            throw new errors/* ConfigurationError */.j1('flight', `No flight '${named}' of series '${s.series}' at ${revision}; there are ${list}.`);
        return f;
    }
    // The series' own flights: a bisection's, at the same revision with other trees moved
    // (finding whose change is at fault), is not where the regression was seen.
    const want = which === 'last-pass' ? 'pass' : 'fail';
    const matching = ofSeries.filter((r) => (r.purpose ?? 'watch') === 'watch' && runsOf([r], s).pop()?.outcome === want);
    if (!matching.length)
        throw new errors/* ConfigurationError */.j1('step', `No watch flight of series '${s.series}' at the ${which} revision ${revision} ${want}ed step '${s.step}' of job '${s.job}': ${list}.`);
    return which === 'last-pass' ? matching[matching.length - 1] : matching[0];
}
/** The watched tree's range and the series' flights in it; the flights at both ends. */
async function load(s, logger) {
    const watched = await TreeRepository.open(s, 'the watched tree', remoteOf(s.remote), logger);
    const graph = await watched.range(s.pass, s.fail);
    logger.info(`${graph.size} commit(s) from ${s.pass} to ${s.fail}`);
    const tip = (await watched.git.lsRemote(watched.url, [s.notesRef])).get(s.notesRef);
    if (!tip)
        throw new errors/* ConfigurationError */.j1('series', `${s.remote} has no ${s.notesRef}: no flight of series '${s.series}' (nor any other) is recorded there.`);
    // The whole notes ref, blobs included: a bisection reads the notes of many revisions.
    await watched.git.run(['fetch', '--quiet', '--no-tags', watched.url, `+${s.notesRef}:${s.notesRef}`], { retries: 3 });
    const notes = await (0,gate_notes/* readFlightsOf */.pw)(watched.git, s.notesRef, [
        s.pass,
        s.fail,
        ...graph.commits,
        ...graph.boundary(),
    ]);
    const pass = findFlight(s, notes.get(s.pass) ?? [], 'last-pass');
    const fail = findFlight(s, notes.get(s.fail) ?? [], 'first-fail');
    const names = pass.trees.map((t) => t.name);
    for (const name of Object.keys(s.treeRepos))
        if (!names.includes(name) || name === pass.tree)
            throw new errors/* ConfigurationError */.j1('tree-repo', name === pass.tree
                ? `Tree '${name}' is the watched tree, whose repository is the one given first.`
                : `Unknown tree '${name}': the series' flights have trees ${names.join(', ')}.`);
    return {
        watched,
        notes,
        pass,
        fail,
        names,
        graphs: new Map([[pass.tree, graph]]),
        repos: new Map([[pass.tree, watched]]),
    };
}
/** The range of another tree, fetched from its repository when one is known. */
async function graphOf(s, l, tree, logger) {
    const known = l.graphs.get(tree);
    if (known)
        return known;
    const url = s.treeRepos[tree] ?? l.fail.trees.find((t) => t.name === tree)?.url;
    if (!url)
        return undefined;
    const repo = await TreeRepository.open(s, `tree '${tree}'`, remoteOf(url), logger);
    const [from, to] = [l.pass, l.fail].map((f) => f.trees.find((t) => t.name === tree).revision);
    const graph = await repo.range(from, to);
    l.graphs.set(tree, graph);
    l.repos.set(tree, repo);
    return graph;
}
/**
 * One result folder of a test run as a bisection flight of the series. Refused, before
 * anything is written, when its trees are not the series' or a revision lies outside the
 * range being bisected.
 */
async function flightOf(s, l, dir, n, logger) {
    const results = (0,gate_results/* readResults */.x)(dir, l.pass.tree);
    const named = results.trees.map((t) => t.name);
    const unknown = named.filter((t) => !l.names.includes(t));
    const missing = l.names.filter((t) => !named.includes(t));
    if (unknown.length || missing.length)
        throw new errors/* ConfigurationError */.j1(dir, `${dir}: the results name trees ${named.join(', ')}, the series' flights ${l.names.join(', ')}${unknown.length ? ` (unknown: ${unknown.join(', ')})` : ''}${missing.length ? ` (missing: ${missing.join(', ')})` : ''}.`);
    for (const t of results.trees) {
        const ends = [l.pass, l.fail].map((f) => f.trees.find((x) => x.name === t.name).revision);
        if (ends.includes(t.revision))
            continue;
        const graph = await graphOf(s, l, t.name, logger);
        if (!graph)
            throw new errors/* ConfigurationError */.j1(dir, `${dir}: tree '${t.name}' at ${t.revision} is at neither end of the bisection, and its history is not known to check it: give the repository of '${t.name}'.`);
        if (!graph.has(t.revision) && !graph.boundary().includes(t.revision))
            throw new errors/* ConfigurationError */.j1(dir, `${dir}: tree '${t.name}' at ${t.revision} lies outside the bisection range ${ends[0]}..${ends[1]}.`);
    }
    const base = results.flight ?? s.flight ?? `bisect-${(s.now ?? new Date()).toISOString()}`;
    return {
        format: flight/* FLIGHT_RECORD_FORMAT */.N2,
        flight: results.flight || s.record.length === 1 ? base : `${base}-${n + 1}`,
        series: s.series,
        purpose: 'bisect',
        tree: l.pass.tree,
        revision: results.revision,
        trees: l.names.map((name) => results.trees.find((t) => t.name === name)),
        jobs: results.jobs,
        ...(s.trigger ? { trigger: s.trigger } : {}),
        ...(results.startedAt ? { startedAt: results.startedAt } : {}),
        recordedAt: (s.now ?? new Date()).toISOString(),
    };
}
/** Plans with the graphs known, fetching another tree's history when the plan needs it. */
async function plan(s, l, runs, logger) {
    for (;;) {
        try {
            return planBisection({
                series: s.series,
                job: s.job,
                step: s.step,
                watched: l.pass.tree,
                pass: l.pass,
                fail: l.fail,
                graphs: l.graphs,
                runs,
                settings: { runners: s.runners, confirmations: s.confirmations, tree: s.tree },
            });
        }
        catch (e) {
            if (!(e instanceof MissingHistory) || !(await graphOf(s, l, e.tree, logger)))
                throw e;
        }
    }
}
const summary = (f) => ({ flight: f.flight, trees: f.trees });
/** The whole round: read, record what is given, plan, describe. Writes only the records. */
async function bisectSeries(s, logger) {
    checkBisectSettings(s);
    const l = await load(s, logger);
    const recorded = [];
    for (const [n, dir] of s.record.entries())
        recorded.push(await flightOf(s, l, dir, n, logger));
    const records = [...l.notes.values()].flat().filter((r) => r.series === s.series);
    records.push(...recorded);
    // The plan comes before any write: an input it refuses leaves nothing recorded.
    const next = await plan(s, l, runsOf(records.sort(byTime), s), logger);
    for (const record of recorded) {
        await (0,publish/* publishFlight */.kO)(l.watched.git, { url: l.watched.url }, {
            notesRef: s.notesRef,
            record,
            logger,
        });
        logger.info(`Recorded flight ${record.flight} on ${record.revision}.`);
    }
    const head = {
        format: BISECT_FORMAT,
        series: s.series,
        job: s.job,
        step: s.step,
        pass: summary(l.pass),
        fail: summary(l.fail),
        recorded: recorded.map(summary),
    };
    if (next.kind === 'round')
        return { ...head, ...next };
    const repo = next.tree ? l.repos.get(next.tree) : undefined;
    const { commit, candidates, ...rest } = next;
    const described = async (ids) => {
        try {
            return repo ? await repo.describe(ids) : ids.map((id) => ({ id, parents: [] }));
        }
        catch (e) {
            // The result stands without subjects; say why they are missing.
            logger.warning(`Could not read the commits' subjects: ${(0,errors/* errorMessage */.gJ)(e)}`);
            return ids.map((id) => ({ id, parents: [] }));
        }
    };
    return {
        ...head,
        ...rest,
        ...(commit ? { commit: (await described([commit.id]))[0] ?? commit } : {}),
        ...(candidates ? { candidates: await described(candidates) } : {}),
    };
}
//# sourceMappingURL=repository.js.map
// EXTERNAL MODULE: ./build/cli/command.js
var command = __webpack_require__(3192);
;// CONCATENATED MODULE: ./build/cli/bisect.js
/**
 * `tributary bisect`: the next round of a bisection of a watch series' regression, or its
 * result, as JSON; with --record, finished test runs are recorded as bisection flights first,
 * so that the rounds can be driven from a shell without GitHub.
 */








const usage = `usage: tributary bisect --repo URL|PATH --series NAME --job JOB --step STEP
                        --pass SHA --fail SHA [options]

Plans the next round of the bisection of a regression of a watch series: which revision of
every tree each runner tests next, or, once found and confirmed, the first bad commit. Reads
the series' flights from the notes of the watched tree's hosted repository; a revision any
flight tested already is not tested again. When more than one tree changed between the two
flights, the first round finds whose change is at fault. With --record, finished test runs
are first recorded there as flights of the series, so a shell loop drives the rounds:

  tributary bisect ARGS > round.json                  # round 1: .tests[].trees
  tributary test plan.yml --output-dir out/1 ...      # one test run per entry of .tests
  tributary bisect ARGS --record out/1 --record out/2 --record out/3 > round.json

  --repo URL|PATH          the watched tree's hosted repository, holding the series' notes
                           (token for HTTPS from TRIBUTARY_TOKEN or GITHUB_TOKEN)
  --series NAME            the watch series, e.g. qemu-master-vs-xen-unstable
  --job JOB, --step STEP   the regressed job and step: the test (another step failing
                           before it makes a revision untestable, not bad)
  --pass SHA, --fail SHA   the watched tree's revisions in the last-pass and first-fail flights
  --pass-flight ID         which flight at --pass (default: the latest whose step passed)
  --fail-flight ID         which flight at --fail (default: the earliest whose step failed)
  --tree-repo NAME=URL     another tree's repository, to bisect its change (repeatable;
                           default: the url its records carry)
  --runners K              tests a round (default 3): about log_(K+1) n rounds for n commits
  --confirmations N        runs of the failure at a commit and of the pass at each parent
                           before it is blamed, all agreeing (default 3)
  --tree NAME              bisect this tree's change when several trees' changes fail alone
  --record DIR             a finished test run's results (tributary.job/v1 *.json, JUnit
                           *.xml) to record first as one bisection flight (repeatable)
  --flight ID              the recorded flight's id when the results carry none
  --notes-ref REF          default ${WATCH_NOTES_REF}

Prints JSON (format tributary.bisect/v1): "kind": "round", with "phase" (isolate, search,
confirm) and "tests", each with "trees" (every tree's name and revision) and "why"; or
"kind": "result", with "outcome": blamed ("commit": id, subject, author, date; "evidence":
the runs that confirm it), not-reproducible (the runs that disagree), untestable (the
"candidates" it is among) or not-isolated.

Exit status: 0 a round to run, or a commit blamed; 1 done without a blame; 2 bad input
(nothing recorded); 3 unexpected failure.`;
function count(value, option) {
    const n = Number(value);
    if (!/^\d+$/.test(value) || n < 1)
        throw (0,errors/* invalid */.Gq)(option, value, 'a whole number >= 1');
    return n;
}
const bisectCommand = {
    name: 'bisect',
    summary: "plan a bisection round of a watch series' regression, or name the first bad commit",
    usage,
    async run(args, logger) {
        const { values } = (0,external_node_util_.parseArgs)({
            args,
            strict: true,
            options: {
                repo: { type: 'string' },
                series: { type: 'string' },
                job: { type: 'string' },
                step: { type: 'string' },
                pass: { type: 'string' },
                fail: { type: 'string' },
                'pass-flight': { type: 'string' },
                'fail-flight': { type: 'string' },
                'tree-repo': { type: 'string', multiple: true, default: [] },
                runners: { type: 'string', default: '3' },
                confirmations: { type: 'string', default: '3' },
                tree: { type: 'string' },
                record: { type: 'string', multiple: true, default: [] },
                flight: { type: 'string' },
                'notes-ref': { type: 'string', default: WATCH_NOTES_REF },
            },
        });
        for (const key of ['repo', 'series', 'job', 'step', 'pass', 'fail'])
            if (!values[key])
                throw new errors/* ConfigurationError */.j1(`--${key}`, `Missing --${key}.\n\n${usage}`);
        const local = (repo) => (/^[a-z][a-z0-9+.-]*:\/\//i.test(repo) ? repo : (0,external_node_path_.resolve)(repo));
        const treeRepos = {};
        for (const entry of values['tree-repo']) {
            const eq = entry.indexOf('=');
            if (eq < 1 || eq === entry.length - 1)
                throw (0,errors/* invalid */.Gq)('--tree-repo', entry, 'NAME=URL-or-path, e.g. xen=https://github.com/o/xen.git');
            treeRepos[entry.slice(0, eq)] = local(entry.slice(eq + 1));
        }
        const token = (0,command/* tokenFromEnvironment */.n)();
        if (token)
            logger.secret(token);
        // stdout is the JSON: what the library says along the way goes to stderr with --verbose.
        const quiet = {
            debug: (m) => logger.debug(m),
            info: (m) => logger.debug(m),
            warning: (m, a) => logger.warning(m, a),
            error: (m, a) => logger.error(m, a),
            group: (_name, fn) => fn(),
            secret: (v) => logger.secret(v),
        };
        const work = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'tributary-bisect-'));
        try {
            const report = await bisectSeries({
                remote: local(values.repo),
                token,
                notesRef: values['notes-ref'],
                series: values.series,
                job: values.job,
                step: values.step,
                pass: values.pass,
                fail: values.fail,
                passFlight: values['pass-flight'],
                failFlight: values['fail-flight'],
                treeRepos,
                runners: count(values.runners, '--runners'),
                confirmations: count(values.confirmations, '--confirmations'),
                tree: values.tree,
                record: values.record.map((d) => (0,external_node_path_.resolve)(d)),
                flight: values.flight,
                trigger: { event: 'command-line', actor: process.env.USER },
                workDir: work,
                identity: { name: 'tributary bisect', email: 'tributary@users.noreply.github.com' },
            }, quiet);
            process.stdout.write(JSON.stringify(report, null, 2) + '\n');
            return report.kind === 'round' || report.outcome === 'blamed' ? 0 : 1;
        }
        catch (e) {
            if (e instanceof MissingHistory)
                throw new errors/* ConfigurationError */.j1(e.subject, `${e.message} (--tree-repo ${e.tree}=URL)`);
            throw e;
        }
        finally {
            (0,external_node_fs_.rmSync)(work, { recursive: true, force: true });
        }
    },
};
//# sourceMappingURL=bisect.js.map

/***/ }),

/***/ 3192:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   n: () => (/* binding */ tokenFromEnvironment)
/* harmony export */ });
/**
 * The token for the hosted tree and its GitHub API, from the environment (never the command
 * line, where other users of the machine could read it): TRIBUTARY_TOKEN, else GITHUB_TOKEN.
 */
function tokenFromEnvironment() {
    return process.env.TRIBUTARY_TOKEN || process.env.GITHUB_TOKEN || undefined;
}
//# sourceMappingURL=command.js.map

/***/ })

};
