export const id = 66;
export const ids = [66];
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

/***/ 8066:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  bisectCommand: () => (/* binding */ bisectCommand),
  bisectSpec: () => (/* binding */ bisectSpec)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
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
// EXTERNAL MODULE: ./build/actions/lib/github.js + 4 modules
var github = __webpack_require__(9161);
;// CONCATENATED MODULE: ./build/actions/lib/bisect/report.js

function bisectOutputs(report) {
    if (report.kind === 'round')
        return {
            done: false,
            matrix: report.tests.map((t) => {
                const tree = report.tree ?? t.trees[0].name;
                return {
                    tree,
                    revision: t.trees.find((x) => x.name === tree).revision,
                    trees: Object.fromEntries(t.trees.map((x) => [x.name, x.revision])),
                };
            }),
            culprit: '',
        };
    return {
        done: true,
        matrix: [],
        culprit: report.outcome === 'blamed' && report.commit ? report.commit.id : '',
    };
}
/** The marker kind of a bisection's comment (the GitHub module's one marker format). */
const BISECT_MARKER = 'bisect';
/** The key of a bisection's comment: one comment a regression and range. */
function bisectKey(r) {
    const rev = (t) => t.trees.map((x) => x.revision).join(',');
    return `${r.series} ${r.job} ${r.step} ${rev(r.pass)}..${rev(r.fail)}`;
}
const cell = (s) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const code = (s) => `\`${s.replace(/`/g, "'")}\``;
const report_link = (text, url) => url && /^https?:\/\//.test(url) ? `[${text}](${url})` : text;
function trees(list) {
    return list.map((t) => `${t.name} ${code(t.revision.slice(0, 12))}`).join(', ');
}
/** The runs a result rests on: flight, trees, outcome, links to the job and the step's log. */
function evidenceTable(runs) {
    if (!runs.length)
        return ['No run is recorded for it.'];
    const rows = runs.map((r) => {
        const log = r.log
            ? /^https?:\/\//.test(r.log)
                ? report_link('log', r.log)
                : `${code(r.log)} in the job's artifact`
            : '';
        const outcome = r.outcome + (r.attempt ? ` (attempt ${r.attempt})` : '');
        return `| ${cell(report_link(r.flight, r.url))} | ${r.purpose} | ${trees(r.trees)} | ${outcome}${r.why && r.outcome !== 'pass' ? `: ${cell(r.why)}` : ''} | ${log} |`;
    });
    return ['| flight | purpose | trees | outcome | log |', '|---|---|---|---|---|', ...rows];
}
/** The result in Markdown: the issue comment and the job summary (a round: what it tests). */
function renderBisect(report) {
    const head = `### Bisection of ${code(report.job)} ${code(report.step)} (series ${code(report.series)})`;
    const range = `Last pass: flight ${code(report.pass.flight)} (${trees(report.pass.trees)}); first fail: flight ${code(report.fail.flight)} (${trees(report.fail.trees)}).`;
    const lines = [(0,github.renderMarker)(BISECT_MARKER, bisectKey(report)), head, '', range, ''];
    if (report.recorded.length)
        lines.push(`Recorded this time: ${report.recorded.map((f) => `${code(f.flight)} (${trees(f.trees)})`).join(', ')}.`, '');
    if (report.kind === 'round') {
        lines.push(`Next round (${report.phase}${report.suspects ? `, ${report.suspects} suspect(s) left` : ''}): ${report.tests.length} test(s).`, '', '| # | trees | why |', '|---|---|---|', ...report.tests.map((t, i) => `| ${i + 1} | ${trees(t.trees)} | ${cell(t.why)} |`));
        return lines.join('\n') + '\n';
    }
    switch (report.outcome) {
        case 'blamed': {
            const c = report.commit;
            lines.push(`**First bad commit** of ${code(report.tree ?? '')}: ${code(c.id)}`, '', `> ${c.subject ?? '(subject unknown)'}`, '', `Author: ${c.author ?? 'unknown'}${c.date ? `, ${c.date}` : ''}. Parent(s): ${c.parents.map(code).join(', ') || 'none'}.`);
            if (report.held?.length)
                lines.push(`Other trees held at: ${trees(report.held)}.`);
            lines.push('', `Why: ${report.reason}.`);
            if (report.alsoAtFault?.length)
                lines.push('', `The change of ${report.alsoAtFault.map(code).join(', ')} fails alone too: bisect it with input \`tree\`.`);
            break;
        }
        case 'not-reproducible':
            lines.push(`**Not reproducible**: ${report.reason}.`);
            break;
        case 'untestable':
            lines.push(`**Untestable**: ${report.reason}.`, '', 'The first bad commit is one of:', ...(report.candidates ?? []).map((c) => `- ${code(c.id)} ${c.subject ?? ''}`.trimEnd()));
            break;
        case 'not-isolated':
            lines.push(`**Not isolated**: ${report.reason}.`);
            break;
    }
    lines.push('', '#### Evidence', '', ...evidenceTable(report.evidence));
    return lines.join('\n') + '\n';
}
//# sourceMappingURL=report.js.map
// EXTERNAL MODULE: ./build/actions/lib/flight.js
var flight = __webpack_require__(1576);
// EXTERNAL MODULE: ./build/actions/lib/git.js + 1 modules
var lib_git = __webpack_require__(6240);
// EXTERNAL MODULE: ./build/actions/lib/flight-notes.js
var flight_notes = __webpack_require__(8644);
// EXTERNAL MODULE: ./build/actions/lib/gate/index.js
var gate = __webpack_require__(1462);
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
;// CONCATENATED MODULE: ./build/actions/lib/bisect/results.js
/**
 * The test runs a bisection records: result folders as a test job leaves them (one run), or as
 * download-artifact leaves a round's jobs (one run an artifact folder), each with the flight
 * id it is recorded as. Read and checked before anything is written.
 */




/** Whether a folder holds result files of its own (not only in folders below it). */
function holdsResults(dir) {
    return (0,external_node_fs_.readdirSync)(dir, { withFileTypes: true }).some((e) => !e.isDirectory() && /\.(json|xml)$/.test(e.name));
}
/**
 * The test runs in the result folders given: a folder with result files is one run; a folder
 * of folders (download-artifact's layout, an artifact a job) is one run a folder. Each run's
 * flight id is the one its results carry, else the setting's, else the time; runs that would
 * share one (the jobs of one workflow run) are told apart by their place, `<id>-<n>`, the same
 * each time the same folders are recorded.
 */
function testRunsIn(s, tree) {
    const dirs = [];
    for (const dir of s.record) {
        let st;
        try {
            st = (0,external_node_fs_.statSync)(dir);
        }
        catch {
            throw new errors/* ConfigurationError */.j1('results', `The results folder '${dir}' does not exist.`);
        }
        if (!st.isDirectory())
            throw new errors/* ConfigurationError */.j1('results', `The results path '${dir}' is not a folder.`);
        if (holdsResults(dir)) {
            dirs.push(dir);
            continue;
        }
        const below = (0,external_node_fs_.readdirSync)(dir, { withFileTypes: true })
            .filter((e) => e.isDirectory())
            .map((e) => (0,external_node_path_.join)(dir, e.name))
            .sort();
        if (!below.length)
            throw new errors/* ConfigurationError */.j1('results', `The results folder '${dir}' holds no job results (tributary.job/v1 *.json, JUnit *.xml).`);
        dirs.push(...below);
    }
    const time = `bisect-${(s.now ?? new Date()).toISOString()}`;
    const runs = dirs.map((dir) => {
        const results = (0,gate/* readResults */.x8)(dir, tree);
        return { dir, results, id: results.flight ?? s.flight ?? time };
    });
    const count = new Map();
    for (const r of runs)
        count.set(r.id, (count.get(r.id) ?? 0) + 1);
    return runs.map((r, n) => ((count.get(r.id) ?? 0) > 1 ? { ...r, id: `${r.id}-${n + 1}` } : r));
}
//# sourceMappingURL=results.js.map
;// CONCATENATED MODULE: ./build/actions/lib/bisect/repository.js
/**
 * `bisectSeries`: a bisection round from a real repository. Fetches the watched tree's commits
 * between the last-pass and first-fail revisions (commits only, no trees or files) and the
 * series' notes, optionally records finished test runs as bisection flights of the series,
 * then plans the next round with `planBisection`. Every check (the revisions, their ancestry,
 * the flights, the results to record) is made before anything is written.
 */











const BISECT_FORMAT = 'tributary.bisect/v1';
const FULL_ID = /^[0-9a-f]{40}([0-9a-f]{24})?$/;
/**
 * Everything checked before anything is fetched or recorded, errors naming the setting as the
 * front end does (bisect/settings.ts parses them).
 */
function checkBisectSettings(s) {
    if (!/^[A-Za-z0-9][A-Za-z0-9._+-]*$/.test(s.series))
        throw (0,errors/* invalidSetting */.gT)('series', s.series, 'a series name of letters, digits and . _ + -');
    for (const key of ['job', 'step'])
        if (!s[key].trim())
            throw (0,errors/* missingSetting */.zf)(key, `the ${key} of the regression`);
    for (const key of ['pass', 'fail'])
        if (!FULL_ID.test(s[key]))
            throw (0,errors/* invalidSetting */.gT)(key, s[key], 'a full commit id (40 hex digits)');
    if (!s.notesRef.startsWith('refs/notes/'))
        throw (0,errors/* invalidSetting */.gT)('notes-ref', s.notesRef, 'a ref under refs/notes/');
    for (const [name, repo] of Object.entries(s.treeRepos))
        if (!name || !repo)
            throw (0,errors/* invalidSetting */.gT)('tree-repo', `${name}:${repo}`, 'tree:url');
}
/**
 * Another tree's repository, named by --tree-repo or by the url its records carry: a URL
 * (never with a user or token in it) or a path. The hosted tree's token goes along only to a
 * repository on the same server, scoped to that repository alone; a tree kept elsewhere is
 * read without it.
 */
function treeRemote(s, repo) {
    if (repo.startsWith('-'))
        throw (0,errors/* invalid */.Gq)('repository', repo, 'a URL or a path');
    if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(repo))
        return { url: repo };
    let url;
    try {
        url = new URL(repo);
    }
    catch {
        throw (0,errors/* invalid */.Gq)('repository', repo, 'a URL or a path');
    }
    if (url.username || url.password)
        throw new errors/* ConfigurationError */.j1('repository', `The repository URL ${url.protocol}//${url.host}${url.pathname} carries a user or token: give the token in the environment instead.`);
    const remote = {
        url: repo,
        token: sameServer(url, s.hosted.url) ? s.hosted.token : undefined,
    };
    try {
        (0,lib_git/* credentialFor */.FX)(remote);
    }
    catch (e) {
        throw new errors/* ConfigurationError */.j1('repository', `The repository ${repo}: ${(0,errors/* errorMessage */.gJ)(e)}`);
    }
    return remote;
}
function sameServer(url, other) {
    try {
        return new URL(other).origin === url.origin;
    }
    catch {
        return false;
    }
}
/** A tree's repository, fetched into a scratch folder of its own: its commits and range. */
class TreeRepository {
    label;
    url;
    git;
    hosted;
    constructor(
    /** What messages call it: `the watched tree`, `tree 'xen'`. */
    label, url, git, 
    /** Its remote's name in the partial clone: what the fetches left out comes when read. */
    hosted) {
        this.label = label;
        this.url = url;
        this.git = git;
        this.hosted = hosted;
    }
    static async open(s, label, remote, logger) {
        const dir = (0,external_node_path_.join)(s.workDir, `tree-${label.replace(/[^A-Za-z0-9._-]+/g, '-')}.git`);
        (0,external_node_fs_.mkdirSync)(s.workDir, { recursive: true });
        // The token goes to this repository alone (credentialFor scopes it), never stored.
        const git = await (0,lib_git/* initRepository */.zY)(dir, { remotes: [remote], identity: s.identity, logger });
        return new TreeRepository(label, remote.url, git, await (0,gate/* usePartialClone */.y9)(git, remote));
    }
    /** Fetches commits by id, without trees or files; git's error when the remote will not. */
    async fetchCommits(ids, retries = 0) {
        try {
            await this.git.fetch(this.hosted, ids, { filter: 'tree:0', retries });
            return undefined;
        }
        catch (e) {
            if (e instanceof lib_git/* GitError */.XS)
                return e;
            throw e;
        }
    }
    /** Fetches both revisions' commits (no trees, no files) and reads the range between them. */
    async range(pass, fail) {
        const wanted = [...new Set([pass, fail])];
        const failed = await this.fetchCommits(wanted, 3);
        if (failed) {
            // Which one is missing, for the message: each alone.
            const missing = [];
            for (const rev of wanted)
                if (!(await this.git.commitOf(rev)) && (await this.fetchCommits([rev])))
                    missing.push(rev);
            throw new errors/* ConfigurationError */.j1('revision', missing.length
                ? `${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not in ${this.url} (${this.label}).`
                : `Cannot fetch ${this.label} from ${this.url}: ${failed.stderr.trim().split('\n').pop()}`);
        }
        if (!(await this.git.isAncestor(pass, fail)))
            throw new errors/* ConfigurationError */.j1('pass', `In ${this.label}, the last-pass revision ${pass} is not an ancestor of the first-fail revision ${fail}, so no commit between them can be to blame.`);
        return new CommitGraph(pass, fail, await this.git.rangeWithParents(fail, pass));
    }
    /** Subject, author and date of commits, in the order asked. */
    async describe(commits) {
        return (await this.git.commitSummaries(commits)).map((c) => ({
            id: c.sha,
            parents: c.parents,
            subject: c.subject,
            author: `${c.author.name} <${c.author.email}>`,
            date: c.author.date,
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
    const watched = await TreeRepository.open(s, 'the watched tree', s.hosted, logger);
    const graph = await watched.range(s.pass, s.fail);
    logger.info(`${graph.size} commit(s) from ${s.pass} to ${s.fail}`);
    // The whole notes ref, blobs included: a bisection reads the notes of many revisions.
    const store = new flight_notes/* FlightNotes */.Cw(watched.git, s.notesRef);
    if (!(await store.fetch({ url: watched.url })))
        throw new errors/* ConfigurationError */.j1('series', `${s.hosted.url} has no ${s.notesRef}: no flight of series '${s.series}' (nor any other) is recorded there.`);
    const notes = await store.readMany([s.pass, s.fail, ...graph.commits, ...graph.boundary()]);
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
    const repo = await TreeRepository.open(s, `tree '${tree}'`, treeRemote(s, url), logger);
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
async function flightOf(s, l, { dir, results, id }, logger) {
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
    return {
        format: flight/* FLIGHT_RECORD_FORMAT */.N2,
        flight: id,
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
    const known = [...l.notes.values()].flat();
    for (const run of testRunsIn(s, l.pass.tree)) {
        const record = await flightOf(s, l, run, logger);
        // A record job run again (a re-run, a retried workflow) records nothing twice: a run
        // counted twice would confirm a culprit on the strength of one test.
        if (known.some((r) => r.series === s.series && r.flight === record.flight && r.revision === record.revision)) {
            logger.info(`Flight ${record.flight} on ${record.revision} is recorded already.`);
            continue;
        }
        recorded.push(record);
    }
    const records = known.filter((r) => r.series === s.series);
    records.push(...recorded);
    // The plan comes before any write: an input it refuses leaves nothing recorded.
    const next = await plan(s, l, runsOf(records.sort(byTime), s), logger);
    for (const record of recorded) {
        await (0,gate/* publishFlight */.kO)(l.watched.git, { url: l.watched.url }, {
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
// EXTERNAL MODULE: ./build/actions/lib/settings.js
var lib_settings = __webpack_require__(1007);
;// CONCATENATED MODULE: ./build/actions/lib/bisect/settings.js
/**
 * A bisection's settings, parsed in one place for its front ends: `tributary bisect` and the
 * bisect action (actions/bisect), reading the same names. Which regression (series, job,
 * step, the last-pass and first-fail revisions), where its flights are, how a round is planned;
 * everything checked before anything is fetched or recorded.
 */





/** Every setting of a bisection, with its default. */
const BISECT_SETTINGS = {
    'tree-url': { required: true },
    token: { secret: true, runner: '${{ github.token }}' },
    series: { required: true },
    job: { required: true },
    step: { required: true },
    pass: { required: true },
    fail: { required: true },
    'pass-flight': {},
    'fail-flight': {},
    'tree-repo': {},
    runners: { default: '3' },
    confirmations: { default: '3' },
    tree: {},
    results: {},
    flight: {},
    'notes-ref': { default: flight_notes/* WATCH_NOTES_REF */.YL },
    // The action's own: which half of a round, and where the result is said when done.
    mode: { default: 'plan' },
    issue: {},
    repository: { runner: '${{ github.repository }}' },
    'revert-pull-request': { default: 'false' },
};
const BISECT_MODES = (/* unused pure expression or super */ null && (['plan', 'record']));
/**
 * The action's own settings, checked with the round's: `mode: record` needs the results of the
 * round, `mode: plan` takes none (a plan never writes); a revert needs the issue's repository.
 */
function parseBisectActionSettings(read) {
    const v = new Settings(read, BISECT_SETTINGS);
    const mode = v.choice('mode', BISECT_MODES);
    const results = v.lines('results');
    if (mode === 'record' && !results.length)
        throw missingSetting('results', "the folder of the round's job results (mode record)");
    if (mode === 'plan' && results.length)
        throw invalidSetting('results', results.join(', '), 'nothing in mode plan (results are recorded in mode record)');
    const number = v.optional('issue');
    if (number && !/^[1-9]\d*$/.test(number))
        throw invalidSetting('issue', number, "the regression's issue number");
    const repository = v.repository('repository');
    if (number && !repository)
        throw missingSetting('repository', "the repository of the regression's issue");
    const revertPullRequest = v.boolean('revert-pull-request');
    if (revertPullRequest && !number)
        throw missingSetting('issue', 'the issue the revert pull request answers');
    return {
        mode,
        ...(number && repository ? { issue: { ...repository, number: Number(number) } } : {}),
        revertPullRequest,
    };
}
const BISECT_IDENTITY = {
    name: 'tributary bisect',
    email: 'tributary@users.noreply.github.com',
};
/** `tree:url` (or `tree=url`, as first written): split at whichever comes first. */
function treeRepository(entry) {
    const at = entry.search(/[:=]/);
    if (at < 1 || at === entry.length - 1)
        return undefined;
    return [entry.slice(0, at), entry.slice(at + 1)];
}
function parseBisectSettings(read, context) {
    const v = new lib_settings/* Settings */.wB(read, BISECT_SETTINGS);
    // Each one the regression cannot be named without, in the order the help lists them.
    v.required('tree-url', "the watched tree's hosted repository");
    const series = v.required('series', 'the watch series');
    const job = v.required('job', 'the regressed job');
    const step = v.required('step', 'the regressed step');
    const pass = v.required('pass', "the watched tree's revision in the last-pass flight");
    const fail = v.required('fail', "the watched tree's revision in the first-fail flight");
    const hosted = v.remote('tree-url', context.workingDirectory, v.secret('token') || undefined);
    const treeRepos = {};
    for (const entry of v.lines('tree-repo')) {
        const pair = treeRepository(entry);
        if (!pair)
            throw (0,errors/* invalidSetting */.gT)('tree-repo', entry, 'tree:url, a tree of the series and its repository (xen:https://host/xen-project/xen.git)');
        treeRepos[pair[0]] = (0,lib_settings/* repositoryOf */._M)('tree-repo', pair[1], context.workingDirectory).url;
    }
    const settings = {
        hosted,
        notesRef: v.string('notes-ref'),
        series,
        job,
        step,
        pass,
        fail,
        passFlight: v.optional('pass-flight'),
        failFlight: v.optional('fail-flight'),
        treeRepos,
        runners: v.integer('runners', { min: 1 }),
        confirmations: v.integer('confirmations', { min: 1 }),
        tree: v.optional('tree'),
        record: v.lines('results').map((dir) => (0,external_node_path_.resolve)(context.workingDirectory, dir)),
        flight: v.optional('flight') ?? context.defaultFlight,
        trigger: context.trigger,
        workDir: context.workDir,
        identity: BISECT_IDENTITY,
    };
    checkBisectSettings(settings);
    return settings;
}
//# sourceMappingURL=settings.js.map
// EXTERNAL MODULE: ./build/cli/options.js
var options = __webpack_require__(2315);
;// CONCATENATED MODULE: ./build/cli/bisect.js
/**
 * `tributary bisect`: the next round of a bisection of a watch series' regression, or its
 * result, as JSON; with --record, finished test runs are recorded as bisection flights first,
 * so that the rounds can be driven from a shell without GitHub.
 */









const bisectSpec = {
    name: 'bisect',
    synopsis: '--tree-url <url> --series <name> --job <name> --step <name> --pass <sha> --fail <sha> [options]',
    about: `Plans the next round of the bisection of a regression of a watch series: which revision of
every tree each runner tests next, or, once found and confirmed, the first bad commit. Reads
the series' flights from the notes of the watched tree's hosted repository; a revision any
flight tested already is not tested again. When more than one tree changed between the two
flights, the first round finds whose change is at fault. With --record, finished test runs
are first recorded there as flights of the series, so a shell loop drives the rounds:

  tributary bisect ARGS > round.json                  # round 1: .tests[].trees
  tributary test plan.yml --output-dir out/1 ...      # one test run per entry of .tests
  tributary bisect ARGS --record out/1 --record out/2 --record out/3 > round.json

Prints JSON (format tributary.bisect/v1, docs/flight-format.md): "kind": "round", with
"phase" (isolate, search, confirm) and "tests", each with "trees" (every tree's name and
revision) and "why"; or "kind": "result", with "outcome": blamed ("commit": id, subject,
author, date; "evidence": the runs that confirm it), not-reproducible (the runs that
disagree), untestable (the "candidates" it is among) or not-isolated.`,
    declared: BISECT_SETTINGS,
    options: [
        {
            name: 'tree-url',
            value: '<url>',
            aliases: ['repo'],
            description: "the watched tree's hosted repository, holding the series' notes: an https:// URL or a local path",
        },
        {
            name: 'series',
            value: '<name>',
            description: 'the watch series, e.g. qemu-master-vs-xen-unstable',
        },
        {
            name: 'job',
            value: '<name>',
            description: 'the regressed job: the one whose step fails',
        },
        {
            name: 'step',
            value: '<name>',
            description: 'the regressed step: the test (another step failing before it makes a revision untestable, not bad)',
        },
        {
            name: 'pass',
            value: '<sha>',
            description: "the watched tree's revision in the last-pass flight (a full commit id)",
        },
        {
            name: 'fail',
            value: '<sha>',
            description: "the watched tree's revision in the first-fail flight (a full commit id)",
        },
        {
            name: 'pass-flight',
            value: '<id>',
            description: 'which flight at --pass (default: the latest whose step passed)',
        },
        {
            name: 'fail-flight',
            value: '<id>',
            description: 'which flight at --fail (default: the earliest whose step failed)',
        },
        {
            name: 'tree-repo',
            value: '<tree:url>',
            repeatable: true,
            description: "another tree's repository, to bisect its change: xen:https://host/xen-project/xen.git (default: the url its records carry)",
        },
        {
            name: 'runners',
            value: '<n>',
            description: 'tests a round: about log_(n+1) c rounds for c commits',
        },
        {
            name: 'confirmations',
            value: '<n>',
            description: 'runs of the failure at a commit and of the pass at each parent before it is blamed, all agreeing',
        },
        {
            name: 'tree',
            value: '<name>',
            description: "bisect this tree's change when several trees' changes fail alone",
        },
        {
            name: 'record',
            value: '<dir>',
            setting: 'results',
            repeatable: true,
            description: "a finished test run's results (tributary.job/v1 *.json, JUnit *.xml) to record first as one bisection flight; a folder of such folders (downloaded artifacts) records each",
        },
        {
            name: 'flight',
            value: '<id>',
            description: "the recorded flight's id when the results carry none",
        },
        {
            name: 'notes-ref',
            value: '<ref>',
            description: "the notes ref holding the series' flight records",
        },
        {
            name: 'summary',
            description: "also print the round or the result in Markdown to stderr: the bisect action's comment on the regression's issue",
        },
    ],
    environment: [
        {
            variables: ['TRIBUTARY_TOKEN', 'GITHUB_TOKEN'],
            setting: 'token',
            description: "the token for an https hosted tree (read, and written by --record), sent to it alone and to other trees' repositories on the same server",
        },
    ],
    exitCodes: [
        [0, 'a round to run, or a commit blamed'],
        [1, 'done without a blame: not reproducible, untestable or not isolated'],
        [2, 'bad usage or input; nothing was recorded'],
        [3, 'an unexpected failure'],
    ],
};
const bisectCommand = {
    name: 'bisect',
    summary: "plan a bisection round of a watch series' regression, or name the first bad commit",
    usage: (0,options/* usageOf */.Fs)(bisectSpec),
    async run(args, logger) {
        const cl = (0,options/* parseCommandLine */.Du)(bisectSpec, args, (secret) => logger.secret(secret));
        // stdout is the JSON: what the library says along the way goes to stderr with --verbose.
        const quiet = {
            debug: (m) => logger.debug(m),
            info: (m) => logger.debug(m),
            warning: (m, a) => logger.warning(m, a),
            error: (m, a) => logger.error(m, a),
            group: (_name, fn) => fn(),
            secret: (v) => logger.secret(v),
        };
        return cl.run(async (read) => {
            const work = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'tributary-bisect-'));
            try {
                const settings = parseBisectSettings(read, {
                    workingDirectory: process.cwd(),
                    workDir: work,
                    trigger: { event: 'command-line', actor: process.env.USER },
                });
                const report = await bisectSeries(settings, quiet);
                process.stdout.write(JSON.stringify(report, null, 2) + '\n');
                if (cl.flag('summary'))
                    process.stderr.write(renderBisect(report));
                return report.kind === 'round' || report.outcome === 'blamed' ? 0 : 1;
            }
            catch (e) {
                if (e instanceof MissingHistory)
                    throw new errors/* ConfigurationError */.j1(e.subject, `${e.message} (--tree-repo ${e.tree}:URL)`);
                throw e;
            }
            finally {
                (0,external_node_fs_.rmSync)(work, { recursive: true, force: true });
            }
        });
    },
};
//# sourceMappingURL=bisect.js.map

/***/ })

};
