export const id = 936;
export const ids = [936];
export const modules = {

/***/ 3936:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  KH: () => (/* binding */ analyse),
  zU: () => (/* binding */ classifyCommits),
  Eh: () => (/* binding */ countClasses),
  E3: () => (/* reexport */ refLabel)
});

// UNUSED EXPORTS: COMMIT_CLASSES, classifyRange

// EXTERNAL MODULE: ./build/actions/lib/errors.js
var errors = __webpack_require__(4193);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./build/actions/lib/backport/answers.js
/**
 * The classification of a range kept beside the facts cache, so that a run over a range that
 * has not moved is answered with one git process: `git cat-file --batch-check` of the
 * revisions named and of the commit ids the classified messages write. The answer is reused
 * only when git names the same commits and objects for all of them as when it was made; the
 * file is keyed by everything else the answer depends on (the policy, the labels, the refs
 * searched, the format) and holds the last range classified with those.
 */



/** Bump when a classification's shape or meaning changes. */
const ANSWER_VERSION = 1;
/** The revisions as a run names them, each in its place. */
function namesOf(options) {
    return [options.head, options.base, options.development, options.followed]
        .concat(options.moreUpstream ?? [])
        .map((n) => n ?? null);
}
/**
 * The file of a run's settings, or none when the cache lives only as long as the run. The
 * revisions are not in its name: one file a setting, whatever the range, so the folder does
 * not grow with every head checked (the range is checked inside).
 */
function answerFile(dir, options, policy) {
    if (!dir)
        return undefined;
    const re = (list) => list.map((r) => [r.source, r.flags]);
    const material = JSON.stringify({
        version: ANSWER_VERSION,
        policy: {
            trailers: policy.downstreamOnlyTrailers,
            subjects: re(policy.downstreamOnlySubjects),
            patterns: re(policy.referencePatterns),
            minimumIdLength: policy.minimumIdLength,
        },
        upstreamRefs: options.upstreamRefs ?? [],
        labels: options.labels ?? {},
        fetches: !!options.fetchMissing,
    });
    return (0,external_node_path_.join)(dir, `classification-${(0,external_node_crypto_.createHash)('sha256').update(material).digest('hex').slice(0, 16)}.json`);
}
/** The revision names of a run, each with the commit id it names in `resolved`. */
function revisionNames(options, resolved) {
    const pairs = [
        [options.head, resolved?.head],
        [options.base, resolved?.base],
        [options.development, resolved?.development],
        [options.followed, resolved?.followed],
        ...(options.moreUpstream ?? []).map((m, i) => [
            m,
            resolved?.more[i],
        ]),
    ];
    return pairs.filter((p) => !!p[0]);
}
/** The revision names as cat-file is asked them (each as a commit); none when one cannot be. */
function revisionQuestions(options) {
    const names = revisionNames(options).map(([n]) => n);
    // (a name that is not one line cannot be asked; the full run says what is wrong with it)
    if (names.some((n) => /[\n\r]/.test(n)))
        return undefined;
    return names.map((n) => `${n}^{commit}`);
}
/** The kept classification of the run, when git still names the same things; else undefined. */
async function keptAnswer(git, dir, options, policy) {
    const file = answerFile(dir, options, policy);
    if (!file)
        return undefined;
    let stored;
    try {
        stored = JSON.parse((0,external_node_fs_.readFileSync)(file, 'utf8'));
    }
    catch {
        return undefined; // none yet, or torn: the full run writes it afresh
    }
    const revisions = revisionQuestions(options);
    const whole = Array.isArray(stored.questions) &&
        Array.isArray(stored.answers) &&
        Array.isArray(stored.classifications) &&
        typeof stored.upstreamInRange === 'number';
    if (!revisions || !whole)
        return undefined;
    if (JSON.stringify(stored.names) !== JSON.stringify(namesOf(options)))
        return undefined;
    // The revisions first, in the order asked, then the ids written: both must be as they were.
    if (stored.questions.slice(0, revisions.length).join('\n') !== revisions.join('\n'))
        return undefined;
    const answers = await git.batchCheck(stored.questions);
    if (answers.join('\n') !== stored.answers.join('\n'))
        return undefined;
    return { classifications: stored.classifications, upstreamInRange: stored.upstreamInRange };
}
/**
 * Keeps a run's classification, unless it rests on more than the questions can check: a
 * commit fetched by id, or the refs that contain a commit off the development branch.
 */
function keepAnswer(dir, options, policy, analysis) {
    const { references } = analysis;
    const file = answerFile(dir, options, policy);
    const revisions = revisionQuestions(options);
    if (!file || !revisions)
        return;
    // Only what git was asked decides a resolution: a written id too short or not hex does not.
    const ids = [...references.answers.keys()].sort();
    for (const r of references.resolutions.values()) {
        if (r.commit && r.problem && options.upstreamRefs?.length)
            return;
        if (!r.commit && r.problem && options.fetchMissing && / is not found upstream$/.test(r.problem))
            return;
    }
    // git's answers as the run had them: the revisions resolved, then what the ids named.
    const answers = [
        ...revisionNames(options, analysis.revisions).map(([, id]) => `${id} commit`),
        ...ids.map((id) => references.answers.get(id)),
    ];
    const stored = {
        names: namesOf(options),
        questions: [...revisions, ...ids],
        answers,
        classifications: analysis.classifications,
        upstreamInRange: analysis.upstreamInRange,
    };
    (0,external_node_fs_.mkdirSync)(dir, { recursive: true });
    // Two runs may keep an answer in one folder at once: each writes a temporary file of its own.
    const temp = `${file}.${process.pid}.${(0,external_node_crypto_.randomBytes)(4).toString('hex')}.tmp`;
    (0,external_node_fs_.writeFileSync)(temp, JSON.stringify(stored));
    (0,external_node_fs_.renameSync)(temp, file);
}
//# sourceMappingURL=answers.js.map
// EXTERNAL MODULE: ./build/actions/lib/references.js
var lib_references = __webpack_require__(1251);
// EXTERNAL MODULE: ./build/actions/lib/backport/policy.js
var backport_policy = __webpack_require__(9191);
// EXTERNAL MODULE: ./build/actions/lib/backport/facts.js
var backport_facts = __webpack_require__(1174);
;// CONCATENATED MODULE: ./build/actions/lib/backport/resolve.js


/** A ref as people know it: our own namespaces and the refs/ prefix left out. */
function refLabel(ref) {
    return ref
        .replace(/^refs\/tributary\/(upstream|downstream)\//, '')
        .replace(/^refs\/(remotes|heads)\//, '');
}
/** Prefix map for abbreviated ids: the first 7 hex digits → full ids. */
class PrefixIndex {
    map = new Map();
    add(id, value) {
        const k = id.slice(0, 7);
        const list = this.map.get(k);
        if (list)
            list.push({ id, value });
        else
            this.map.set(k, [{ id, value }]);
    }
    /** Entries whose id and the given one agree (one may abbreviate the other). */
    find(id) {
        return (this.map.get(id.slice(0, 7)) ?? [])
            .filter((e) => e.id.startsWith(id) || id.startsWith(e.id))
            .map((e) => e.value);
    }
}
/** Reads the references of the classified commits and resolves them all at once. */
async function resolveWritten(git, commits, ctx, extraPatterns) {
    const written = new Map();
    for (const l of commits)
        written.set(l.commit, (0,lib_references/* findReferences */.yU)(l.message, extraPatterns));
    const answers = new Map();
    const resolutions = await resolveReferences(git, [...new Set([...written.values()].flat().map((r) => r.sha))], ctx, answers);
    return { written, resolutions, answers };
}
/** The facts of the commits the references name join `facts` (their patches are compared next). */
async function readNamedFacts(git, references, read) {
    const namedMissing = [...references.resolutions.values()]
        .map((r) => r.commit)
        .filter((c) => !!c && !read.facts.has(c));
    if (namedMissing.length)
        for (const [c, f] of await (0,backport_facts/* commitFacts */.Tw)(git, namedMissing, read.cache, {
            extraPatterns: read.extraPatterns,
        }))
            read.facts.set(c, f);
}
/** The upstream commits a message names that resolve to development commits, each once. */
function namedCommits(written, resolutions) {
    const out = [];
    for (const ref of written) {
        const r = resolutions.get(ref.sha);
        if (r?.commit && !r.problem && !out.includes(r.commit))
            out.push(r.commit);
    }
    return out;
}
async function resolveReferences(git, ids, ctx, answers) {
    const out = new Map();
    const toLook = [];
    for (const id of ids) {
        if (!(0,lib_references/* isHexId */.xf)(id))
            out.set(id, { problem: `'${id}' is not a hexadecimal commit id` });
        else if (id.length < ctx.minimumIdLength)
            out.set(id, {
                problem: `'${id}' is too short to be sure (${id.length} hex digits, at least ${ctx.minimumIdLength} needed)`,
            });
        else if (id.length > 40 && id.length !== 64)
            out.set(id, { problem: `'${id}' is too long to be a commit id` });
        else
            toLook.push(id);
    }
    const look = async (list) => {
        const answer = new Map();
        if (!list.length)
            return answer;
        const lines = (await git.run(['cat-file', '--batch-check=%(objectname) %(objecttype)'], {
            input: list.join('\n') + '\n',
        })).split('\n');
        list.forEach((id, i) => {
            answers?.set(id, lines[i] ?? '');
            answer.set(id, (lines[i] ?? '').split(' '));
        });
        return answer;
    };
    let found = await look(toLook);
    const missing = toLook.filter((id) => found.get(id)?.[1] === 'missing');
    const fetchable = missing.filter((id) => id.length === 40 || id.length === 64);
    if (fetchable.length && ctx.fetchMissing) {
        await ctx.fetchMissing(fetchable);
        found = new Map([...found, ...(await look(fetchable))]);
    }
    for (const id of toLook) {
        const [oid, type] = found.get(id) ?? [];
        if (type === 'missing' || !type) {
            out.set(id, { problem: `${id} is not found upstream` });
        }
        else if (type === 'ambiguous') {
            out.set(id, { problem: `${id} is ambiguous: several objects start with it` });
        }
        else if (type !== 'commit') {
            out.set(id, { problem: `${id} names a ${type} object, not a commit` });
        }
        else if (ctx.upstreamSet.has(oid) || (await git.isAncestor(oid, ctx.development))) {
            out.set(id, { commit: oid });
        }
        else {
            out.set(id, { commit: oid, problem: await elsewhere(git, oid, ctx) });
        }
    }
    return out;
}
/** Why a commit that exists is not an upstream development commit, naming where it is. */
async function elsewhere(git, oid, ctx) {
    if (await git.isAncestor(oid, ctx.head))
        return `${oid.slice(0, 12)} is a downstream commit, not on the upstream development branch`;
    let where = '';
    if (ctx.upstreamRefs?.length) {
        const refs = (await git.run(['for-each-ref', '--contains', oid, '--format=%(refname)', ...ctx.upstreamRefs]))
            .split('\n')
            .filter(Boolean);
        if (refs.length)
            where = ` (it is on ${refs.slice(0, 3).map(refLabel).join(', ')})`;
    }
    return `${oid.slice(0, 12)} points into a branch that is not the upstream development branch ${ctx.developmentLabel}${where}`;
}
//# sourceMappingURL=resolve.js.map
;// CONCATENATED MODULE: ./build/actions/lib/backport/decide.js
/**
 * The classifier's decision: the class of one downstream commit, a pure function of what the
 * stages before learnt (its facts, its references resolved, the patches compared, git's
 * answers about merges and matches). Nothing here asks git; the same evidence gives the same
 * classification, whatever order the commits come in.
 */



function patchMatch(a, b) {
    if (a?.stable && a.stable === b?.stable)
        return 'identical';
    if (a?.zero && a.zero === b?.zero)
        return 'context-moved';
    return 'modified';
}
/** A backport of the named commits: how its patch compares, and what upstream did since. */
function asBackport(result, named, written, note, input) {
    const { history, references, patches, evidence } = input;
    const f = history.facts.get(result.commit);
    const first = written.find((r) => references.resolutions.get(r.sha)?.commit === named[0]);
    const shown = named.map((c) => c.slice(0, 12)).join(', ');
    result.class = 'backport';
    result.upstream = named[0];
    result.upstreams = named;
    result.reference = first;
    if (named.length > 1) {
        result.patch = patchMatch(f, patches.squashes.get(result.commit));
        result.notes.push(`a squash of ${named.length} upstream commits, compared with them applied in turn`);
    }
    else
        result.patch = patchMatch(f, history.facts.get(named[0]));
    if (result.patch === 'context-moved')
        result.notes.push('the same change as upstream with its context moved');
    if (result.patch === 'modified') {
        if (note)
            result.notes.push(`modified: ${note}`);
        else
            result.warnings.push(`modified backport of ${shown} without a note explaining the change (such as [name: reason])`);
    }
    for (const c of named) {
        const followUps = history.followUps.find(c).sort((a, b) => (a.commit < b.commit ? -1 : 1));
        for (const fu of followUps) {
            if (evidence.carried.find(fu.commit).length || evidence.carriedByPatch.has(fu.commit))
                continue;
            result.warnings.push(fu.kind === 'revert'
                ? `upstream has since reverted ${c.slice(0, 12)} in ${fu.commit.slice(0, 12)}`
                : `upstream ${fu.commit.slice(0, 12)} fixes ${c.slice(0, 12)} (Fixes:) and is not carried downstream`);
        }
    }
}
/** The reason a revert gives: its message without the subject and the `This reverts` line. */
function revertReason(subject, message) {
    const body = message
        .split('\n')
        .slice(1)
        .filter((l) => !/This reverts commit/.test(l) && !/^\s*[\w-]+:\s/.test(l))
        .join(' ')
        .replace(/\s+/g, ' ')
        .trim();
    return body || subject;
}
/** What a merge is, when it is only that: an upstream sync, or a merge of downstream commits. */
function asMerge(result, l, input) {
    const merge = input.evidence.merges.get(l.commit);
    if (!merge)
        return false;
    if (merge.synced) {
        result.class = 'sync';
        result.upstream = l.parents[l.parents.length - 1];
        result.reason = 'merges the upstream branch followed';
        return true;
    }
    // A merge of downstream commits (a topic branch, a merge queue) that adds no change of its
    // own: the commits it brings are classified on their own, so it is only a merge.
    if (merge.mergeOnly) {
        const n = merge.brought ?? 0;
        result.class = 'merge';
        result.reason = `merges ${n} downstream commit${n === 1 ? '' : 's'}, classified on their own, and changes nothing else`;
        return true;
    }
    const foreign = merge.foreign ?? 0;
    if (foreign)
        result.notes.push(`merges ${foreign} upstream commit${foreign === 1 ? '' : 's'} of a branch other than the one followed`);
    result.notes.push('a merge that is not an upstream sync: classified by what it changes');
    return false;
}
function decide(l, input) {
    const { policy, history, references, evidence } = input;
    const subject = l.message.split('\n')[0] ?? '';
    const result = {
        commit: l.commit,
        subject,
        class: 'violation',
        notes: [],
        warnings: [],
        parents: l.parents,
    };
    const f = history.facts.get(l.commit);
    if (asMerge(result, l, input))
        return result;
    const declared = (0,backport_policy/* downstreamOnlyReason */.Nl)(policy, subject, l.message);
    if (declared)
        result.declared = declared.reason || '(no reason given)';
    // Every date a Xen stable message gives (a squash has one per upstream commit).
    for (const m of l.message.matchAll(/^\s*master date:\s*(.+?)\s*$/gim))
        result.notes.push(`master date: ${m[1]}`);
    const note = (0,backport_policy/* changeNote */.vV)(l.message);
    // A backport: it names upstream commits of the development branch (several: a squash).
    const written = references.written.get(l.commit) ?? [];
    const problems = [];
    for (const ref of written) {
        const r = references.resolutions.get(ref.sha);
        if (!r?.commit || r.problem)
            problems.push(`${ref.line}: ${r?.problem ?? 'not resolved'}`);
    }
    const named = namedCommits(written, references.resolutions);
    if (named.length) {
        asBackport(result, named, written, note, input);
        for (const p of problems)
            result.warnings.push(`another reference is not usable: ${p}`);
        return result;
    }
    // The same patch as an upstream commit, with or without the surrounding context.
    const match = evidence.matches.get(l.commit);
    if (match) {
        result.class = 'upstream';
        result.upstream = match.commit;
        result.patch = patchMatch(f, history.facts.get(match.commit));
        if (result.patch === 'context-moved')
            result.notes.push('the same change as upstream with its context moved');
        if (problems.length) {
            const what = `${match.commit.slice(0, 12)} ("${match.subject}")`;
            for (const p of problems)
                result.warnings.push(`the reference is not usable: ${p}; the same patch as upstream ${what} is the commit to name`);
        }
        if (declared)
            result.notes.push(`declared ${declared.marker} ${result.declared}, but upstream carries it now`);
        const prefix = (0,lib_references/* subjectPrefix */.Bf)(subject);
        if (prefix && prefix !== 'FROMLIST' && !written.length)
            result.warnings.push(`subject says ${prefix}: but names no upstream commit`);
        return result;
    }
    // A revert of a downstream commit moves the tree back toward upstream.
    const reverted = f?.reverts;
    if (reverted) {
        const target = evidence.downstreamIndex.find(reverted)[0];
        if (target) {
            result.class = 'revert';
            result.reverts = target;
            result.reason = revertReason(subject, l.message);
            return result;
        }
    }
    if (declared) {
        result.class = 'downstream-only';
        result.reason = result.declared;
        if (!declared.reason)
            result.warnings.push(`${declared.marker} gives no reason`);
        for (const p of problems)
            result.notes.push(`reference not usable: ${p}`);
        return result;
    }
    result.class = 'violation';
    const prefix = (0,lib_references/* subjectPrefix */.Bf)(subject);
    if (problems.length)
        result.reason = problems.join('; ');
    else if (reverted)
        result.reason = `reverts ${reverted.slice(0, 12)}, which is not a downstream commit: the tree moves away from upstream`;
    else if (prefix === 'FROMLIST')
        result.reason = 'FROMLIST: a patch from a mailing list, not in the upstream development branch';
    else if (prefix)
        result.reason = `subject says ${prefix}: but names no upstream commit and matches no upstream patch`;
    else
        result.reason =
            'no upstream reference, not the same patch as an upstream commit, and not declared downstream-only';
    return result;
}
//# sourceMappingURL=decide.js.map
;// CONCATENATED MODULE: ./build/actions/lib/backport/follow-ups.js

/**
 * The follow-ups (upstream commits) that a downstream commit carries as the same patch, with
 * or without context. Patch-ids are computed only for the follow-ups and the downstream
 * commits that change the same paths, so this costs nothing where no follow-up is in doubt.
 */
async function followUpsCarriedByPatch(git, followUps, downstream, facts, cache, logger) {
    const carried = new Set();
    if (!followUps.length)
        return carried;
    const unread = followUps.filter((c) => !facts.has(c));
    for (const [c, f] of await (0,backport_facts/* commitFacts */.Tw)(git, unread, cache, { logger }))
        facts.set(c, f);
    const paths = new Set(followUps.map((c) => facts.get(c)?.files).filter((k) => k && k !== '-'));
    const alike = downstream.filter((d) => paths.has(facts.get(d.commit)?.files));
    if (!alike.length)
        return carried;
    const streams = new backport_facts/* PatchIdStreams */.fV(git);
    for (const c of followUps)
        if ((0,backport_facts/* lacksPatchIds */.j1)(facts.get(c)))
            streams.add(c);
    for (const d of alike)
        if ((0,backport_facts/* lacksPatchIds */.j1)(facts.get(d.commit)))
            streams.add(d.commit, d.parents.length > 1 ? d.parents[0] : undefined);
    if (streams.size)
        logger?.debug(`computing patch-ids of ${streams.size} commits for follow-ups`);
    await streams.finish(facts, cache);
    const stable = new Set(alike.map((d) => facts.get(d.commit)?.stable).filter(Boolean));
    const zero = new Set(alike.map((d) => facts.get(d.commit)?.zero).filter(Boolean));
    for (const c of followUps) {
        const f = facts.get(c);
        if ((f?.stable && stable.has(f.stable)) || (f?.zero && zero.has(f.zero)))
            carried.add(c);
    }
    return carried;
}
//# sourceMappingURL=follow-ups.js.map
;// CONCATENATED MODULE: ./build/actions/lib/backport/walk.js
async function revList(git, args) {
    return (await git.run(['rev-list', ...args])).split('\n').filter(Boolean);
}
/** The empty tree, which every git knows without having it stored. */
const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';
/** Identity and date of throw-away commits: the same object every time, whoever runs. */
const STAMP = {
    GIT_AUTHOR_NAME: 'tributary',
    GIT_AUTHOR_EMAIL: 'tributary@localhost',
    GIT_AUTHOR_DATE: '1000000000 +0000',
    GIT_COMMITTER_NAME: 'tributary',
    GIT_COMMITTER_EMAIL: 'tributary@localhost',
    GIT_COMMITTER_DATE: '1000000000 +0000',
};
/** An unreferenced commit object of a tree and parents, for a question to git; never a ref. */
function throwAwayCommit(git, tree, parents, message) {
    return git.run(['commit-tree', tree, ...parents.flatMap((p) => ['-p', p]), '-m', message], {
        env: STAMP,
    });
}
/**
 * Throw-away commits of trees and parents, all written by one process: the same objects
 * throwAwayCommit makes, one at a time, with commit-tree.
 */
function throwAwayCommits(git, commits, message) {
    const who = (role) => `${STAMP[`GIT_${role}_NAME`]} <${STAMP[`GIT_${role}_EMAIL`]}> ${STAMP[`GIT_${role}_DATE`]}`;
    return git.writeCommitObjects(commits.map((c) => `tree ${c.tree}\n${c.parents.map((p) => `parent ${p}\n`).join('')}` +
        `author ${who('AUTHOR')}\ncommitter ${who('COMMITTER')}\n\n${message}\n`));
}
/**
 * Both sides in one walk: the downstream commits not upstream (newest first, with parents)
 * and the upstream commits not downstream (merges left out). `git rev-list --left-right`
 * takes one revision a side, so several upstream tips become the parents of one throw-away
 * commit (the same one every time).
 */
async function sides(git, head, tips) {
    const left = tips.length > 1
        ? await throwAwayCommit(git, EMPTY_TREE, tips, 'tributary: upstream tips')
        : tips[0];
    const out = await git.run(['rev-list', '--left-right', '--parents', `${left}...${head}`]);
    const downstream = [];
    const upstream = [];
    let start = 0;
    while (start < out.length) {
        let end = out.indexOf('\n', start);
        if (end < 0)
            end = out.length;
        const line = out.slice(start, end);
        start = end + 1;
        if (line[0] === '>') {
            const [commit, ...parents] = line.slice(1).split(' ');
            downstream.push({ commit, parents });
        }
        else if (line[0] === '<') {
            const [commit, ...parents] = line.slice(1).split(' ');
            if (parents.length <= 1 && (tips.length === 1 || commit !== left))
                upstream.push(commit);
        }
    }
    return { downstream: topoOrder(downstream), upstream };
}
/**
 * Newest first with every commit before its parents (git's --topo-order, which would make
 * git sort the whole walk, upstream side included, where only the downstream side needs it).
 */
function topoOrder(list) {
    const byId = new Map(list.map((c) => [c.commit, c]));
    const children = new Map();
    for (const c of list)
        for (const p of c.parents)
            if (byId.has(p))
                children.set(p, (children.get(p) ?? 0) + 1);
    const ready = list.filter((c) => !children.get(c.commit)).reverse();
    const out = [];
    while (ready.length) {
        const c = ready.pop();
        out.push(c);
        for (const p of [...c.parents].reverse()) {
            const n = (children.get(p) ?? 0) - 1;
            children.set(p, n);
            if (n === 0 && byId.has(p))
                ready.push(byId.get(p));
        }
    }
    return out;
}
//# sourceMappingURL=walk.js.map
;// CONCATENATED MODULE: ./build/actions/lib/backport/evidence.js



/** The upstream commits with the same patch as a commit, default patch-id first. */
function patchMatches(history, patches, commit) {
    const f = history.facts.get(commit);
    return ((f?.stable && patches.byPatch.get(f.stable)) ||
        (f?.zero && patches.byPatch.get(f.zero)) ||
        undefined);
}
/** Whether any reference of a commit is unusable: a warning names the matching commit then. */
function hasProblem(references, commit) {
    return (references.written.get(commit) ?? []).some((ref) => {
        const r = references.resolutions.get(ref.sha);
        return !r?.commit || !!r.problem;
    });
}
async function mergeEvidence(git, l, syncTips, downstream) {
    const synced = [];
    for (const p of l.parents.slice(1)) {
        let ok = false;
        for (const tip of syncTips)
            if (!ok)
                ok = await git.isAncestor(p, tip);
        synced.push(ok);
    }
    if (synced.every(Boolean))
        return { synced: true };
    const brought = await revList(git, [...l.parents.slice(1), '--not', l.parents[0]]);
    const foreign = brought.filter((c) => !downstream.has(c)).length;
    let mergeOnly = false;
    if (!foreign && l.parents.length === 2) {
        // (a merge git cannot make, unrelated histories say, is not only a merge)
        const merged = await git.mergeTree(l.parents[0], l.parents[1]).catch(() => undefined);
        mergeOnly = !!merged?.clean && merged.tree === (await git.treeOf(l.commit));
    }
    return { synced: false, brought: brought.length, foreign, mergeOnly };
}
/** Of upstream commits with one patch (a pick on a stable branch too), the development one. */
async function preferDevelopment(git, commits, development) {
    if (commits.length > 1)
        for (const c of commits)
            if (await git.isAncestor(c, development))
                return c;
    return commits[0];
}
async function gatherEvidence(git, input) {
    const { revisions, history, references, patches } = input;
    const { facts, all, listed, followUps } = history;
    const downstream = all.map((l) => l.commit);
    const downstreamSet = new Set(downstream);
    const syncTips = [revisions.followed, ...revisions.more];
    // What the downstream already carries, by the references its commits write, and of the
    // follow-ups no message names, those it carries as the same patch.
    const carried = new PrefixIndex();
    for (const c of downstream)
        for (const r of facts.get(c)?.references ?? [])
            carried.add(r, c);
    const doubtful = new Set();
    for (const l of listed)
        for (const c of namedCommits(references.written.get(l.commit) ?? [], references.resolutions))
            for (const fu of followUps.find(c))
                if (!carried.find(fu.commit).length)
                    doubtful.add(fu.commit);
    const carriedByPatch = await followUpsCarriedByPatch(git, [...doubtful].sort(), all, facts, input.cache, input.logger);
    const merges = new Map();
    const matches = new Map();
    for (const l of listed) {
        if (l.parents.length > 1) {
            const merge = await mergeEvidence(git, l, syncTips, downstreamSet);
            merges.set(l.commit, merge);
            if (merge.synced || merge.mergeOnly)
                continue;
        }
        if (namedCommits(references.written.get(l.commit) ?? [], references.resolutions).length)
            continue;
        const found = patchMatches(history, patches, l.commit);
        if (!found)
            continue;
        const commit = await preferDevelopment(git, found, revisions.development);
        const subject = hasProblem(references, l.commit)
            ? (await git.commitSummaries([commit]))[0].subject
            : undefined;
        matches.set(l.commit, { commit, subject });
    }
    const downstreamIndex = new PrefixIndex();
    for (const c of downstream)
        downstreamIndex.add(c, c);
    return { merges, matches, carried, carriedByPatch, downstreamIndex };
}
//# sourceMappingURL=evidence.js.map
;// CONCATENATED MODULE: ./build/actions/lib/backport/history.js



async function readHistory(git, revisions, cache, options) {
    const { head, base, development, followed, more } = revisions;
    const { extraPatterns, logger } = options;
    const tips = [...new Set([development, followed, ...more])];
    // Cold: a walk reads every upstream commit's facts, started first so that it runs beside
    // the work on the downstream side; what it finds early waits until that is done.
    const cold = cache.size === 0;
    const early = [];
    let onUpstream = (c, f) => void early.push([c, f]);
    const coldWalk = cold
        ? (0,backport_facts/* walkFacts */.NL)(git, ['--no-merges', ...tips, '--not', head], cache, (c, f) => onUpstream(c, f), {
            extraPatterns,
            logger,
        })
        : undefined;
    coldWalk?.catch(() => { }); // awaited below; a failure of the side work must not orphan it
    // Every downstream commit that is not upstream, with parents and messages, newest first,
    // and the upstream commits to compare with: one walk. Those of base..head are classified.
    // The messages (cold: with the facts, in one pass) and the range are read beside it.
    const ranged = base ? revList(git, [head, '--not', base]) : undefined;
    ranged?.catch(() => { }); // awaited below
    const downstreamRange = [head, '--not', ...tips];
    const [walked, read] = await Promise.all([
        sides(git, head, tips),
        cold
            ? (0,backport_facts/* messagesAndFacts */.tM)(git, downstreamRange, cache, { extraPatterns, logger })
            : git.messagesInRange(downstreamRange).then((messages) => ({ messages, facts: undefined })),
    ]);
    const messages = read.messages;
    const facts = read.facts ??
        (await (0,backport_facts/* commitFacts */.Tw)(git, walked.downstream.map((d) => d.commit), cache, { extraPatterns, logger }));
    const all = walked.downstream.map((d) => ({ ...d, message: messages.get(d.commit) ?? '' }));
    const inRange = ranged ? new Set(await ranged) : undefined;
    const listed = all.filter((l) => !inRange || inRange.has(l.commit)).reverse();
    const upstreamInRange = inRange ? inRange.size - listed.length : 0;
    // Patch-ids only where a match is possible: classified commits, upstream commits touching
    // the same paths as one of them, and (next stage) the upstream commits named. They are
    // computed beside the walk of upstream, as it finds them.
    const stable = new backport_facts/* PatchIdStreams */.fV(git, ['stable']);
    const firstParent = new Map();
    const wantedFiles = new Set();
    for (const l of listed) {
        const f = facts.get(l.commit);
        if (l.parents.length > 1)
            firstParent.set(l.commit, l.parents[0]);
        if (f && f.files !== '-')
            wantedFiles.add(f.files);
        if ((0,backport_facts/* lacksPatchIds */.j1)(f, 'stable'))
            stable.add(l.commit, firstParent.get(l.commit));
    }
    // One pass over the upstream commits: candidates for patch-ids, and the follow-ups
    // (reverts, Fixes:) and references their messages write. Only candidates' facts are kept.
    const upstream = [];
    const candidates = [];
    const followUps = new PrefixIndex();
    const upstreamByReference = new Map();
    const consider = (c, f) => {
        if (f.reverts)
            followUps.add(f.reverts, { commit: c, kind: 'revert' });
        for (const x of f.fixes)
            followUps.add(x, { commit: c, kind: 'fix' });
        for (const r of f.references) {
            const list = upstreamByReference.get(r);
            if (list)
                list.push(c);
            else
                upstreamByReference.set(r, [c]);
        }
        if (!wantedFiles.has(f.files))
            return;
        facts.set(c, f);
        candidates.push(c);
        if ((0,backport_facts/* lacksPatchIds */.j1)(f, 'stable'))
            stable.add(c);
    };
    // The walk's order differs warm and cold; the answer must not.
    const done = () => {
        for (const list of upstreamByReference.values())
            if (list.length > 1)
                list.sort();
        logger?.info(`${listed.length} downstream commits to classify, ${upstream.length} upstream commits to compare with`);
    };
    let upstreamRead;
    if (coldWalk) {
        onUpstream = (c, f) => {
            upstream.push(c);
            consider(c, f);
        };
        for (const [c, f] of early)
            onUpstream(c, f);
        early.length = 0;
        upstreamRead = coldWalk.then(done);
        upstreamRead.catch(() => { }); // awaited by the next stages; they may fail first
    }
    else {
        const missing = [];
        for (const c of walked.upstream) {
            upstream.push(c);
            const f = cache.get(c);
            if (f)
                consider(c, f);
            else
                missing.push(c);
        }
        if (missing.length)
            for (const [c, f] of await (0,backport_facts/* commitFacts */.Tw)(git, missing, cache, { extraPatterns, logger }))
                consider(c, f);
        done();
        upstreamRead = Promise.resolve();
    }
    return {
        all,
        listed,
        upstreamInRange,
        upstream,
        // (the walk of both sides found the same commits as the walk of upstream, sooner)
        upstreamSet: new Set(walked.upstream),
        facts,
        candidates,
        followUps,
        upstreamByReference,
        firstParent,
        stable,
        upstreamRead,
    };
}
//# sourceMappingURL=history.js.map
;// CONCATENATED MODULE: ./build/actions/lib/backport/squash.js
/**
 * A squashed pick: one downstream commit that carries several upstream commits (Xen's stable
 * branches squash a fix and its follow-up, each message kept with its own `master commit:`).
 * Its patch is compared with theirs applied in turn, as the person squashing them did. The
 * answer depends only on the upstream commits named, so it is cached with the commit facts,
 * under an id made of theirs.
 *
 * Most squashes need no merge: when the commits change different files, and each later one's
 * files are at the first one's parent as at its own parent, applying them in turn makes
 * exactly the union of their diffs, and `git patch-id --stable` of that is the sum of theirs
 * (it adds each file's hash, with carry). Only the others are picked in core with merge-tree.
 */



/** The cache's id of a squash of these commits (in this order). */
function squashKey(commits) {
    return (0,external_node_crypto_.createHash)('sha1')
        .update(`squash ${commits.join(' ')}`)
        .digest('hex');
}
/** The cache's `files` of a squash whose picks apply, and of one whose picks do not. */
const APPLIES = 'squash';
const FAILS = 'squash-fails';
async function planSquashes(git, squashes, cache) {
    const cached = new Map();
    const todo = [];
    for (const commits of squashes) {
        const f = cache.get(squashKey(commits));
        if (!f)
            todo.push(commits);
        else
            cached.set(commits.join(' '), f.files === APPLIES ? { stable: f.stable ?? null, zero: f.zero ?? null } : undefined);
    }
    const shape = new Map();
    if (!todo.length)
        return {
            cached,
            todo,
            shape,
            disjoint: [],
            zero: new backport_facts/* PatchIdStreams */.fV(git),
            picked: Promise.resolve(new Map()),
        };
    // Every named commit's tree, parents and the files it changes, in one pass.
    const named = [...new Set(todo.flat())];
    const paths = new Map();
    const text = await git.run(['log', '--no-walk=unsorted', '--stdin', ...backport_facts/* DIFF */.Mu, '--name-only', '--format=%x1e%H %T %P'], { input: named.join('\n') + '\n' });
    for (const record of text.split('\x1e')) {
        const [line, ...files] = record.split('\n');
        const [commit, tree, parent, other] = line.split(' ');
        if (!commit)
            continue;
        shape.set(commit, { tree, parent: parent || undefined, merge: !!other });
        paths.set(commit, files.filter(Boolean));
    }
    const disjoint = await disjointSquashes(git, todo, shape, paths);
    // Their commits' zero-context ids, where not cached, computing from now on.
    const zero = new backport_facts/* PatchIdStreams */.fV(git, ['zero']);
    for (const c of new Set(disjoint.flat()))
        if (cache.get(c)?.zero === undefined)
            zero.add(c);
    const summing = new Set(disjoint);
    const picked = pickSquashes(git, todo.filter((commits) => !summing.has(commits)), shape);
    picked.catch(() => { }); // awaited by combinedPatchIds
    return { cached, todo, shape, disjoint, zero, picked };
}
/**
 * The patch-ids (both kinds) of each list of named commits applied in turn onto the first
 * one's parent: summed where they add up, else picked in core with `merge-tree`; undefined
 * when a pick does not apply cleanly (or a commit has no parent), which leaves the squash
 * compared as modified. Needs the commits' default patch-ids. Key of the answer: the commits
 * joined with spaces.
 */
async function combinedPatchIds(git, plan, facts, cache) {
    const { todo, shape } = plan;
    const out = new Map(plan.cached);
    if (!todo.length)
        return out;
    const key = (commits) => commits.join(' ');
    // A sum needs every commit's patch-ids; those that have none are picked in core too.
    const [, picked] = await Promise.all([plan.zero.finish(facts, cache), plan.picked]);
    const summed = new Map();
    const late = [];
    for (const commits of plan.disjoint) {
        const f = commits.map((c) => facts.get(c));
        if (f.some((x) => !x?.stable || !x.zero))
            late.push(commits);
        else
            summed.set(key(commits), {
                stable: f.map((x) => x.stable).reduce(addIds),
                zero: f.map((x) => x.zero).reduce(addIds),
            });
    }
    for (const [k, ids] of await pickSquashes(git, late, shape))
        picked.set(k, ids);
    for (const commits of todo) {
        const ids = summed.get(key(commits)) ?? picked.get(key(commits));
        out.set(key(commits), ids);
        cache.set(squashKey(commits), {
            files: ids ? APPLIES : FAILS,
            stable: ids?.stable ?? null,
            zero: ids?.zero ?? null,
            fixes: [],
            references: [],
        });
    }
    return out;
}
/**
 * Squashes picked in core, every one at once a round (round k picks each one's k-th commit):
 * a merge is cheap, a process for it is not. Picking a commit is merging it into the tree so
 * far, under the commit's own parent. Then each tree as a throw-away commit on the first
 * one's parent, and their patch-ids in one pipeline a kind. Undefined: a pick does not apply.
 */
async function pickSquashes(git, squashes, shape) {
    const out = new Map();
    if (!squashes.length)
        return out;
    const picking = squashes.map((commits) => ({ commits, tree: shape.get(commits[0])?.tree }));
    for (let k = 1;; k++) {
        for (const p of picking)
            if (k < p.commits.length && !shape.get(p.commits[k])?.parent)
                p.tree = undefined;
        const round = picking.filter((p) => p.tree && k < p.commits.length);
        if (!round.length)
            break;
        const stands = await throwAwayCommits(git, round.map((p) => ({ tree: p.tree, parents: [shape.get(p.commits[k]).parent] })), 'tributary: squash so far');
        const merged = await git.mergeTrees(round.map((p, i) => [stands[i], p.commits[k]]));
        round.forEach((p, i) => (p.tree = merged[i].clean ? merged[i].tree : undefined));
    }
    const picked = picking.filter((p) => p.tree && shape.get(p.commits[0])?.parent);
    const made = await throwAwayCommits(git, picked.map((p) => ({ tree: p.tree, parents: [shape.get(p.commits[0]).parent] })), 'tributary: squash');
    const squashFacts = new Map();
    const streams = new backport_facts/* PatchIdStreams */.fV(git);
    for (const c of made) {
        squashFacts.set(c, { files: '-', fixes: [], references: [] });
        streams.add(c);
    }
    await streams.finish(squashFacts, backport_facts/* FactsCache */.yB.load());
    for (const commits of squashes)
        out.set(commits.join(' '), undefined);
    picked.forEach((p, i) => {
        const f = squashFacts.get(made[i]);
        out.set(p.commits.join(' '), { stable: f.stable ?? null, zero: f.zero ?? null });
    });
    return out;
}
/** `git patch-id --stable` of two diffs of different files together: the 20-byte sum, with carry. */
function addIds(a, b) {
    const x = Buffer.from(a, 'hex');
    const y = Buffer.from(b, 'hex');
    const sum = Buffer.alloc(x.length);
    let carry = 0;
    for (let i = 0; i < x.length; i++) {
        carry += x[i] + y[i];
        sum[i] = carry & 0xff;
        carry >>= 8;
    }
    return sum.toString('hex');
}
/**
 * The squashes whose combined patch-ids are the sums of their commits' (see above): their
 * commits change different files, each unchanged from the first one's parent to its own.
 */
async function disjointSquashes(git, squashes, shape, paths) {
    const simple = squashes.filter((commits) => commits.every((c) => {
        const s = shape.get(c);
        return s?.parent && !s.merge;
    }));
    if (!simple.length)
        return [];
    // Each later commit's files at the first one's parent and at its own, in one pass.
    const asked = [];
    const disjoint = simple.filter((commits) => {
        const seen = new Set();
        for (const c of commits)
            for (const p of paths.get(c) ?? []) {
                if (seen.has(p) || /\s/.test(p) || p.startsWith('"'))
                    return false;
                seen.add(p);
            }
        const base = shape.get(commits[0]).parent;
        for (const c of commits.slice(1))
            for (const p of paths.get(c) ?? [])
                asked.push(`${base}:${p}`, `${shape.get(c).parent}:${p}`);
        return true;
    });
    const blobs = asked.length
        ? (await git.run(['cat-file', '--batch-check=%(objectname)'], {
            input: asked.join('\n') + '\n',
        })).split('\n')
        : [];
    const blobAt = new Map(asked.map((q, i) => [q, blobs[i]?.split(' ')[0]]));
    const same = disjoint.filter((commits) => {
        const base = shape.get(commits[0]).parent;
        return commits
            .slice(1)
            .every((c) => (paths.get(c) ?? []).every((p) => blobAt.get(`${base}:${p}`) === blobAt.get(`${shape.get(c).parent}:${p}`)));
    });
    return same;
}
//# sourceMappingURL=squash.js.map
;// CONCATENATED MODULE: ./build/actions/lib/backport/patches.js



async function comparePatches(git, history, references, cache, options = {}) {
    const { logger } = options;
    const { facts, listed, candidates, firstParent, stable } = history;
    const { written, resolutions } = references;
    // Squashed picks: what their patch-ids are made of is read beside the walk of upstream.
    const squashed = new Map();
    for (const l of listed) {
        const commits = namedCommits(written.get(l.commit) ?? [], resolutions);
        if (commits.length > 1)
            squashed.set(l.commit, commits);
    }
    const planned = planSquashes(git, [...squashed.values()], cache);
    planned.catch(() => { }); // awaited below
    // The walk done, the facts of the commits named are in the cache (cold).
    await history.upstreamRead;
    await readNamedFacts(git, references, { facts, cache, extraPatterns: options.extraPatterns });
    for (const r of resolutions.values())
        if (r.commit && (0,backport_facts/* lacksPatchIds */.j1)(facts.get(r.commit), 'stable'))
            stable.add(r.commit);
    if (stable.size)
        logger?.debug(`computing patch-ids of ${stable.size} commits`);
    const [plan] = await Promise.all([planned, stable.finish(facts, cache)]);
    const stableIds = new Set();
    for (const c of candidates) {
        const id = facts.get(c).stable;
        if (id)
            stableIds.add(id);
    }
    // Zero-context ids where the default ones leave a question: those that do not depend on
    // the squashes first, so that the pipeline runs beside their work.
    const zero = new backport_facts/* PatchIdStreams */.fV(git, ['zero']);
    const zeroFiles = new Set();
    const needZero = (c) => {
        if ((0,backport_facts/* lacksPatchIds */.j1)(facts.get(c), 'zero'))
            zero.add(c, firstParent.get(c));
    };
    for (const l of listed) {
        if (squashed.has(l.commit))
            continue;
        const f = facts.get(l.commit);
        const refs = (written.get(l.commit) ?? [])
            .map((r) => resolutions.get(r.sha)?.commit)
            .filter((c) => !!c);
        const namedDiffer = refs.filter((c) => facts.get(c)?.stable !== f.stable);
        if ((f.stable && stableIds.has(f.stable)) || (refs.length && !namedDiffer.length))
            continue;
        needZero(l.commit);
        namedDiffer.forEach(needZero);
        if (f.files !== '-')
            zeroFiles.add(f.files);
    }
    for (const c of candidates)
        if (zeroFiles.has(facts.get(c).files))
            needZero(c);
    const combined = await combinedPatchIds(git, plan, facts, cache);
    const squashes = new Map();
    for (const [commit, commits] of squashed) {
        squashes.set(commit, combined.get(commits.join(' ')));
        if (squashes.get(commit)?.stable !== facts.get(commit).stable)
            needZero(commit);
    }
    if (zero.size)
        logger?.debug(`computing zero-context patch-ids of ${zero.size} commits`);
    await zero.finish(facts, cache);
    const byPatch = new Map();
    for (const c of candidates) {
        const f = facts.get(c);
        for (const id of [f.stable, f.zero]) {
            if (!id)
                continue;
            const list = byPatch.get(id);
            if (list)
                list.push(c);
            else
                byPatch.set(id, [c]);
        }
    }
    // The walk's order differs warm and cold; the answer must not.
    for (const list of byPatch.values())
        if (list.length > 1)
            list.sort();
    return { byPatch, squashes };
}
//# sourceMappingURL=patches.js.map
;// CONCATENATED MODULE: ./build/actions/lib/backport/classifier.js










const COMMIT_CLASSES = [
    'upstream',
    'backport',
    'revert',
    'downstream-only',
    'sync',
    'merge',
    'violation',
];
/**
 * The run's revisions resolved to commit ids in one process, or an error that says plainly
 * which one is missing (the first in the order below).
 */
async function resolveRevisions(git, options) {
    const asked = [
        ['head revision', options.head],
        ['base revision', options.base],
        ['upstream development branch', options.development],
        ['upstream branch followed', options.followed],
        ...(options.moreUpstream ?? []).map((r) => ['upstream revision', r]),
    ];
    const names = asked.map(([, rev]) => rev).filter((rev) => !!rev);
    // (a name that is not one line cannot go through cat-file's input, and names no commit)
    const ids = await git.resolveCommits(names.filter((n) => !/[\n\r]/.test(n)));
    const id = (what, rev) => {
        const found = ids.get(rev);
        if (!found)
            throw new errors/* ConfigurationError */.j1(what, `The ${what} '${rev}' does not name a commit.`);
        return found;
    };
    for (const [what, rev] of asked)
        if (rev)
            id(what, rev);
    const development = id('upstream development branch', options.development);
    return {
        head: id('head revision', options.head),
        base: options.base ? id('base revision', options.base) : undefined,
        development,
        followed: options.followed ? id('upstream branch followed', options.followed) : development,
        more: (options.moreUpstream ?? []).map((r) => id('upstream revision', r)),
    };
}
/** The cache of the policy's key: one loaded under another policy is not read. */
function factsCacheFor(cache, policy) {
    if (!(cache instanceof backport_facts/* FactsCache */.yB))
        return backport_facts/* FactsCache */.yB.load(cache, policy);
    return cache.key === (0,backport_facts/* factsKey */.nk)(policy) ? cache : backport_facts/* FactsCache */.yB.load(cache.dir, policy);
}
/**
 * The classifier as a pipeline, each stage visited once: the facts of every commit of both
 * sides (history.ts), the references written resolved against upstream (resolve.ts), the
 * patches compared (patches.ts), git's answers about merges and matches (evidence.ts), then a
 * pure decision per commit (decide.ts). The report is the caller's (report.ts, divergence.ts).
 */
async function analyse(options) {
    const { git, logger } = options;
    const policy = options.policy ?? backport_policy/* defaultPolicy */.G4;
    const cache = factsCacheFor(options.cache, policy);
    const extraPatterns = policy.referencePatterns;
    const revisions = await resolveRevisions(git, options);
    // Cold, the walk of upstream goes on beside the references' and the patches' first work.
    const history = await readHistory(git, revisions, cache, { extraPatterns, logger });
    const references = await resolveWritten(git, history.listed, {
        development: revisions.development,
        head: revisions.head,
        upstreamSet: history.upstreamSet,
        minimumIdLength: policy.minimumIdLength,
        fetchMissing: options.fetchMissing,
        upstreamRefs: options.upstreamRefs,
        developmentLabel: options.labels?.development ?? refLabel(options.development),
    }, extraPatterns);
    const patches = await comparePatches(git, history, references, cache, { extraPatterns, logger });
    const evidence = await gatherEvidence(git, {
        revisions,
        history,
        references,
        patches,
        cache,
        logger,
    });
    const input = { policy, history, references, patches, evidence };
    const classifications = history.listed.map((l) => decide(l, input));
    cache.save();
    return {
        revisions,
        classifications,
        downstream: history.all.map((l) => l.commit),
        upstream: history.upstream,
        facts: history.facts,
        byPatch: patches.byPatch,
        upstreamByReference: history.upstreamByReference,
        upstreamInRange: history.upstreamInRange,
        references,
        cache,
    };
}
/**
 * Classifies the downstream commits of base..head (or all of them) against upstream; with a
 * cache folder, a range whose revisions still name the same commits is answered from the
 * classification kept there (answers.ts).
 */
async function classifyRange(options) {
    const policy = options.policy ?? backport_policy/* defaultPolicy */.G4;
    const dir = options.cache instanceof backport_facts/* FactsCache */.yB ? options.cache.dir : options.cache;
    const kept = await keptAnswer(options.git, dir, options, policy);
    if (kept) {
        options.logger?.info(`${kept.classifications.length} downstream commits: nothing moved since the classification kept in the cache`);
        return kept;
    }
    // A shallow repository's history changes under the same revisions (a deepening fetch): its
    // classification is not kept. Asked beside the classification, which goes on meanwhile.
    const shallow = dir ? options.git.isShallow() : Promise.resolve(true);
    shallow.catch(() => { }); // awaited below, unless the classification fails first
    const analysis = await analyse(options);
    if (!(await shallow))
        keepAnswer(dir, options, policy, analysis);
    return analysis;
}
/** Classifies the downstream commits of base..head (or all of them) against upstream. */
async function classifyCommits(options) {
    return (await classifyRange(options)).classifications;
}
function countClasses(list) {
    const counts = Object.fromEntries(COMMIT_CLASSES.map((c) => [c, 0]));
    counts.warnings = 0;
    counts.commits = list.length;
    for (const c of list) {
        counts[c.class]++;
        counts.warnings += c.warnings.length;
    }
    return counts;
}
//# sourceMappingURL=classifier.js.map

/***/ }),

/***/ 1174:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Mu: () => (/* binding */ DIFF),
/* harmony export */   NL: () => (/* binding */ walkFacts),
/* harmony export */   Tw: () => (/* binding */ commitFacts),
/* harmony export */   YA: () => (/* binding */ computePatchIds),
/* harmony export */   fV: () => (/* binding */ PatchIdStreams),
/* harmony export */   j1: () => (/* binding */ lacksPatchIds),
/* harmony export */   nk: () => (/* binding */ factsKey),
/* harmony export */   oy: () => (/* binding */ checkCacheDir),
/* harmony export */   tM: () => (/* binding */ messagesAndFacts),
/* harmony export */   yB: () => (/* binding */ FactsCache)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7075);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4193);
/* harmony import */ var _references_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1251);
/**
 * What the classifier needs to know about each commit, computed in a few streamed passes over
 * any number of commits (never one process per commit) and cached by commit id between runs:
 * a commit id names its content forever, so an entry never goes stale.
 *
 * - `files`: a short hash of the sorted paths the commit changes. Equal patches change the
 *   same paths, so patch-ids are computed only for upstream commits whose paths match a
 *   downstream commit's (the trick `git log --cherry-mark` uses, with header-only ids).
 * - `stable`: `git patch-id --stable` of the commit's diff (first parent for a merge).
 * - `zero`: the same with zero context lines, so a pick whose context moved still matches.
 * - `reverts`, `fixes`, `references`: what the message says about other commits.
 */






/** Diff options both sides of every comparison use, whatever the user's git config says. */
const DIFF = ['--no-color', '--no-ext-diff', '--no-textconv', '--no-renames'];
/** The empty list most commits have, shared rather than made a hundred thousand times. */
const NONE = Object.freeze([]);
/** Bump when what is cached changes meaning (diff options, line format, reference forms). */
const FORMAT_VERSION = 3;
/**
 * The cache file's key: everything that changes what is learnt about a commit (the format, the
 * user's reference patterns, the minimum id length), so a run never reads facts that another
 * policy wrote; runs with other options keep their own file beside it.
 */
function factsKey(policy) {
    const material = JSON.stringify({
        format: FORMAT_VERSION,
        patterns: (policy?.referencePatterns ?? []).map((re) => [re.source, re.flags]),
        minimumIdLength: policy?.minimumIdLength ?? 12,
    });
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(material).digest('hex').slice(0, 16);
}
/**
 * Refuses a cache folder that cannot be one (a file, or under a file) before any work, so a
 * run never fails at its end, when it saves. `subject` names it as the user wrote it.
 */
function checkCacheDir(dir, subject) {
    if (!dir)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigurationError */ .j1(subject, `The ${subject} is empty: name a folder.`);
    for (let at = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(dir);; at = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(at)) {
        const stat = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.statSync)(at, { throwIfNoEntry: false });
        if (stat) {
            if (stat.isDirectory())
                return;
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigurationError */ .j1(subject, at === (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(dir)
                ? `The ${subject} '${dir}' is a file, not a folder. Name a folder (it is created when missing).`
                : `The ${subject} '${dir}' cannot be made: '${at}' is a file, not a folder.`);
        }
        if ((0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(at) === at)
            return;
    }
}
/**
 * The cache: one line a commit, `<commit> <files> <stable> <zero> <reverts> <fixes> <refs>`
 * (`?` not computed, `-` none, lists comma-separated). Loaded whole, rewritten atomically.
 */
class FactsCache {
    dir;
    key;
    entries = new Map();
    dirty = false;
    loaded = false;
    constructor(dir, key) {
        this.dir = dir;
        this.key = key;
    }
    get file() {
        return this.dir ? (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(this.dir, `commit-facts-${this.key}.txt`) : undefined;
    }
    /**
     * A cache kept in `dir` (created when saved), or one that lives only as long as the run; its
     * file is the one of the policy's key (the default policy when not given).
     */
    static load(dir, policy) {
        return new FactsCache(dir, factsKey(policy));
    }
    /**
     * The file is read when first needed, not when loaded: a run answered whole from the
     * classification kept beside it (answers.ts) never reads it.
     */
    read() {
        if (this.loaded)
            return this.entries;
        this.loaded = true;
        const file = this.file;
        if (!file || !(0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(file))
            return this.entries;
        const text = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(file, 'utf8');
        let start = 0;
        while (start < text.length) {
            let end = text.indexOf('\n', start);
            if (end < 0)
                end = text.length;
            const f = text.slice(start, end).split(' ');
            start = end + 1;
            if (f.length !== 7 || f[0].length < 40)
                continue; // a torn line: recompute that commit
            this.entries.set(f[0], {
                files: f[1],
                stable: decodeId(f[2]),
                zero: decodeId(f[3]),
                reverts: f[4] === '-' ? undefined : f[4],
                fixes: f[5] === '-' ? NONE : f[5].split(','),
                references: f[6] === '-' ? NONE : f[6].split(','),
            });
        }
        return this.entries;
    }
    get size() {
        return this.read().size;
    }
    get(commit) {
        return this.read().get(commit);
    }
    set(commit, facts) {
        this.read().set(commit, facts);
        this.dirty = true;
    }
    /** Writes the cache if anything was added (to a temporary file first, so a reader never sees half). */
    save() {
        if (!this.dir || !this.dirty)
            return;
        const file = this.file;
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.mkdirSync)(this.dir, { recursive: true });
        const lines = [];
        for (const [c, f] of this.entries) {
            lines.push(`${c} ${f.files} ${encodeId(f.stable)} ${encodeId(f.zero)} ${f.reverts ?? '-'} ${f.fixes.length ? f.fixes.join(',') : '-'} ${f.references.length ? f.references.join(',') : '-'}`);
        }
        // Two runs may save into one folder at once: each writes a temporary file of its own.
        const temp = `${file}.${process.pid}.${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(4).toString('hex')}.tmp`;
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.writeFileSync)(temp, lines.join('\n') + '\n');
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.renameSync)(temp, file);
        this.dirty = false;
    }
}
function decodeId(s) {
    return s === '?' ? undefined : s === '-' ? null : s;
}
function encodeId(s) {
    return s === undefined ? '?' : s === null ? '-' : s;
}
/** Only what may appear in a cache line; anything else in a message is not a commit id. */
const safeId = (s) => /^[0-9a-zA-Z]{1,64}$/.test(s);
function filesKey(paths) {
    if (!paths.length)
        return '-';
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha1').update(paths.sort().join('\n')).digest('hex').slice(0, 16);
}
/** Lines that may name another commit; most messages have none, so most skip the parsing. */
const MENTIONS = /cherry|upstream|master commit|backport|reverts commit|fixes:/i;
function factsOf(message, paths, extraPatterns) {
    const mentions = MENTIONS.test(message) || (extraPatterns?.length ?? 0) > 0;
    return {
        files: filesKey(paths),
        reverts: mentions ? (0,_references_js__WEBPACK_IMPORTED_MODULE_5__/* .revertedCommit */ .BJ)(message) : undefined,
        fixes: mentions ? (0,_references_js__WEBPACK_IMPORTED_MODULE_5__/* .fixesReferences */ .Gd)(message).filter(safeId) : [],
        references: mentions
            ? (0,_references_js__WEBPACK_IMPORTED_MODULE_5__/* .findReferences */ .yU)(message, extraPatterns)
                .map((r) => r.sha)
                .filter(safeId)
            : [],
    };
}
/** The log format the facts are parsed from: id, message, then the paths (`--name-only`). */
const FACTS_FORMAT = ['--name-only', '--format=%x1e%H%n%B%x1f'];
/**
 * Parses `git log --name-only --format=%x1e%H%n%B%x1f` output, one commit at a time: records
 * are split on the separator a chunk at a time (a hundred thousand commits make half a
 * million lines, too many to take one by one).
 */
async function parseFacts(chunks, onCommit, extraPatterns) {
    const record = (rec) => {
        const nl = rec.indexOf('\n');
        if (nl <= 0)
            return;
        const end = rec.indexOf('\x1f', nl);
        const body = end < 0 ? rec.slice(nl + 1) : rec.slice(nl + 1, end);
        const paths = end < 0
            ? []
            : rec
                .slice(end + 1)
                .split('\n')
                .filter(Boolean);
        onCommit(rec.slice(0, nl), factsOf(body, paths, extraPatterns), body);
    };
    let pending = '';
    for await (const chunk of chunks) {
        pending += chunk;
        const last = pending.lastIndexOf('\x1e');
        if (last <= 0)
            continue;
        const complete = pending.slice(0, last);
        pending = pending.slice(last);
        for (const rec of complete.split('\x1e'))
            if (rec)
                record(rec);
    }
    for (const rec of pending.split('\x1e'))
        if (rec)
            record(rec);
}
/** Facts of every given commit, from the cache or computed (messages and paths in one pass). */
async function commitFacts(git, commits, cache, options = {}) {
    const out = new Map();
    const missing = [];
    for (const c of commits) {
        const f = cache.get(c);
        if (f)
            out.set(c, f);
        else
            missing.push(c);
    }
    if (!missing.length)
        return out;
    options.logger?.debug(`reading ${missing.length} commits (${out.size} cached)`);
    await parseFacts(git.chunks([
        'log',
        '--no-walk=unsorted',
        '--stdin',
        ...DIFF,
        '--diff-merges=first-parent',
        ...FACTS_FORMAT,
    ], { input: missing.join('\n') + '\n' }), (c, f) => {
        cache.set(c, f);
        out.set(c, f);
    }, options.extraPatterns);
    return out;
}
/**
 * The messages and the facts of the commits of a range (`git log` revision arguments) in one
 * pass, cold; the messages as Git.messages gives them.
 */
async function messagesAndFacts(git, range, cache, options = {}) {
    const messages = new Map();
    const facts = new Map();
    await parseFacts(git.chunks(['log', ...DIFF, '--diff-merges=first-parent', ...FACTS_FORMAT, ...range, '--']), (c, f, message) => {
        messages.set(c, message.trimEnd());
        const cached = cache.get(c);
        if (!cached)
            cache.set(c, f);
        facts.set(c, cached ?? f);
    }, options.extraPatterns);
    return { messages, facts };
}
/**
 * Walks a range (`tips --not head`, merges left out) reading every commit's facts as it goes:
 * the cold path, one pass where a list of ids then a second read would walk twice.
 */
async function walkFacts(git, range, cache, onCommit, options = {}) {
    options.logger?.debug('reading upstream commits as the walk goes (nothing cached)');
    await parseFacts(git.chunks(['log', '--no-merges', ...DIFF, ...FACTS_FORMAT, ...range, '--']), (c, f) => {
        cache.set(c, f);
        onCommit(c, f);
    }, options.extraPatterns);
}
/**
 * Patch-ids computed as commits are named: a pipeline per kind, `git diff-tree --stdin -p`
 * into `git patch-id --stable`, that starts on the first commit and runs beside whatever names
 * the next (a walk of upstream, say).
 */
class PatchIdStreams {
    git;
    kinds;
    inputs = [];
    results = [];
    added = new Set();
    /** Lines asked for and not yet written: one write a turn, not one a commit (a syscall each). */
    pending = '';
    constructor(git, kinds = ['stable', 'zero']) {
        this.git = git;
        this.kinds = kinds;
    }
    /** The pipelines start with the first commit: none when nothing is asked for. */
    start() {
        const git = this.git;
        for (const kind of this.kinds) {
            const input = new node_stream__WEBPACK_IMPORTED_MODULE_3__.PassThrough();
            this.inputs.push(input);
            this.results.push((async () => {
                const ids = new Map();
                for await (const line of git.pipeLines(['diff-tree', '--stdin', '-p', '--root', ...(kind === 'zero' ? ['-U0'] : []), ...DIFF], ['patch-id', '--stable'], { input })) {
                    const sp = line.indexOf(' ');
                    if (sp > 0)
                        ids.set(line.slice(sp + 1), line.slice(0, sp));
                }
                return ids;
            })());
        }
    }
    get size() {
        return this.added.size;
    }
    /** Asks for a commit's patch-ids; a merge's are against its first parent. */
    add(commit, firstParent) {
        if (this.added.has(commit))
            return;
        if (!this.added.size)
            this.start();
        this.added.add(commit);
        if (!this.pending)
            setImmediate(() => this.flush());
        this.pending += firstParent ? `${commit} ${firstParent}\n` : `${commit}\n`;
    }
    flush() {
        if (!this.pending)
            return;
        for (const input of this.inputs)
            if (!input.writableEnded)
                input.write(this.pending);
        this.pending = '';
    }
    /** Closes the pipelines and records every commit asked for (null: no patch to show). */
    async finish(facts, cache) {
        this.flush();
        for (const input of this.inputs)
            input.end();
        const results = await Promise.all(this.results);
        for (const c of this.added) {
            const f = facts.get(c);
            if (!f)
                continue;
            const updated = { ...f };
            this.kinds.forEach((kind, i) => (updated[kind] = results[i].get(c) ?? null));
            facts.set(c, updated);
            cache.set(c, updated);
        }
    }
}
/** Whether a commit's patch-id of a kind (either, when not said) is still to be computed. */
function lacksPatchIds(f, kind) {
    if (!f)
        return false;
    return kind ? f[kind] === undefined : f.stable === undefined || f.zero === undefined;
}
/** Fills in the patch-ids (both kinds) of the given commits. */
async function computePatchIds(git, commits, facts, cache, logger) {
    const todo = commits.filter((c) => lacksPatchIds(facts.get(c)));
    if (!todo.length)
        return;
    logger?.debug(`computing patch-ids of ${todo.length} commits`);
    const streams = new PatchIdStreams(git);
    for (const c of todo)
        streams.add(c);
    await streams.finish(facts, cache);
}
//# sourceMappingURL=facts.js.map

/***/ }),

/***/ 9191:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G4: () => (/* binding */ defaultPolicy),
/* harmony export */   Nl: () => (/* binding */ downstreamOnlyReason),
/* harmony export */   ON: () => (/* binding */ parsePolicy),
/* harmony export */   vV: () => (/* binding */ changeNote)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4193);
/**
 * The user's side of the backport policy: how a commit declares itself downstream-only, which
 * extra reference forms count, and how short an abbreviated commit id may be.
 */

const defaultPolicy = {
    downstreamOnlyTrailers: ['Downstream-only'],
    downstreamOnlySubjects: [],
    referencePatterns: [],
    minimumIdLength: 12,
};
function regex(subject, source) {
    try {
        return new RegExp(source);
    }
    catch {
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .invalid */ .Gq)(subject, source, 'a JavaScript regular expression');
    }
}
/**
 * A downstream-only subject pattern. One that matches the empty subject (`''`, `.*`, `^`)
 * would declare every commit downstream-only and so switch the policy off: refused, as an
 * empty trailer is.
 */
function subjectPattern(source) {
    const re = regex('downstream-only subject', source);
    if (re.test(''))
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .invalid */ .Gq)('downstream-only subject', source, 'a regular expression that does not match every subject, such as ^update Xen version to');
    return re;
}
/** The policy from the strings of action inputs or command-line options, checked. */
function parsePolicy(raw) {
    const trailers = raw.trailers?.length ? raw.trailers : defaultPolicy.downstreamOnlyTrailers;
    for (const t of trailers) {
        if (!/^[A-Za-z0-9][A-Za-z0-9-]*$/.test(t))
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .invalid */ .Gq)('downstream-only trailer', t, 'a trailer name such as Downstream-only');
    }
    const referencePatterns = (raw.referencePatterns ?? []).map((p) => {
        const re = regex('reference pattern', p);
        // One capture group: the commit id. Count groups by matching the empty string's shape.
        const groups = new RegExp(`${re.source}|`).exec('').length - 1;
        if (groups !== 1)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1('reference pattern', `Invalid reference pattern '${p}'. Expected exactly one capture group, the commit id, as in 'Upstream-ref: ([0-9a-f]+)'.`);
        return re;
    });
    const minimumIdLength = raw.minimumIdLength ?? defaultPolicy.minimumIdLength;
    if (!Number.isInteger(minimumIdLength) || minimumIdLength < 7 || minimumIdLength > 40)
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .invalid */ .Gq)('minimum id length', String(minimumIdLength), 'a whole number from 7 to 40');
    return {
        downstreamOnlyTrailers: trailers,
        downstreamOnlySubjects: (raw.subjects ?? []).map(subjectPattern),
        referencePatterns,
        minimumIdLength,
    };
}
/** The downstream-only declaration of a message, if any: the reason given. */
function downstreamOnlyReason(policy, subject, message) {
    for (const line of message.split('\n')) {
        for (const t of policy.downstreamOnlyTrailers) {
            const m = new RegExp(`^\\s*${t}:\\s*(.*?)\\s*$`, 'i').exec(line);
            if (m)
                return { reason: m[1], marker: `${t}:` };
        }
    }
    for (const re of policy.downstreamOnlySubjects) {
        if (re.test(subject))
            return { reason: subject, marker: `subject /${re.source}/` };
    }
    return undefined;
}
/**
 * A note explaining how a backport differs from the upstream commit, in the convention of the
 * stable trees: `[name: reason]` on a line of its own (`[ bwh: adjust context ]`).
 */
function changeNote(message) {
    for (const line of message.split('\n')) {
        const m = /^\s*\[\s*([^\]:\s][^\]:]*?)\s*:\s*([^\]]*\S)\s*\]\s*$/.exec(line);
        if (m)
            return `${m[1]}: ${m[2]}`;
    }
    return undefined;
}
//# sourceMappingURL=policy.js.map

/***/ }),

/***/ 1251:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BJ: () => (/* binding */ revertedCommit),
/* harmony export */   Bf: () => (/* binding */ subjectPrefix),
/* harmony export */   Gd: () => (/* binding */ fixesReferences),
/* harmony export */   xf: () => (/* binding */ isHexId),
/* harmony export */   yU: () => (/* binding */ findReferences)
/* harmony export */ });
/* unused harmony exports SUBJECT_PREFIXES, masterDate */
const FORMS = [
    { form: 'cherry-picked', re: /^\s*\(cherry[ -]picked from commit ([0-9a-zA-Z]+)\)\s*$/i },
    { form: 'upstream-commit', re: /^\s*commit ([0-9a-zA-Z]+) upstream\.?\s*$/i },
    // Also without the brackets, as some stable trees write it by hand.
    { form: 'upstream-bracket', re: /^\s*(?:\[\s*)?Upstream commit ([0-9a-zA-Z]+)(?:\s*\])?\s*$/i },
    { form: 'master-commit', re: /^\s*master commit:\s*([0-9a-zA-Z]+)\s*$/i },
    { form: 'backported-from', re: /^\s*\(backported from commit ([0-9a-zA-Z]+)\)\s*$/i },
    { form: 'backport-of', re: /^\s*Backport-of:\s*([0-9a-zA-Z]+)\s*$/i },
];
/** Android/ChromiumOS subject prefixes that say where a change comes from. */
const SUBJECT_PREFIXES = (/* unused pure expression or super */ null && (['UPSTREAM', 'BACKPORT', 'FROMGIT', 'FROMLIST']));
/** The Android/ChromiumOS prefix of a subject line (`UPSTREAM: foo`), if any. */
function subjectPrefix(subject) {
    const m = /^(UPSTREAM|BACKPORT|FROMGIT|FROMLIST):/.exec(subject.trim());
    return m ? m[1] : undefined;
}
/**
 * Every upstream reference in a commit message, in order. `extra` patterns are the user's own:
 * each must have one capture group, the commit id.
 */
function findReferences(message, extra = []) {
    const found = [];
    for (const line of message.split('\n')) {
        for (const { form, re } of FORMS) {
            const m = re.exec(line);
            if (m)
                found.push({ form, sha: m[1].toLowerCase(), line: line.trim() });
        }
        for (const re of extra) {
            const m = re.exec(line);
            if (m?.[1])
                found.push({ form: 'custom', sha: m[1].toLowerCase(), line: line.trim() });
        }
    }
    return found;
}
/** `This reverts commit <sha>.`: the commit a revert undoes. */
function revertedCommit(message) {
    const m = /This reverts commit ([0-9a-fA-F]{7,64})/.exec(message);
    return m?.[1].toLowerCase();
}
/** `Fixes: <sha> ("subject")`: the commits a fix names. */
function fixesReferences(message) {
    const out = [];
    for (const line of message.split('\n')) {
        const m = /^\s*Fixes:\s*([0-9a-fA-F]{7,64})\b/i.exec(line);
        if (m)
            out.push(m[1].toLowerCase());
    }
    return out;
}
/** Whether a written commit id is hexadecimal at all (a reference to `xyz` is a violation). */
function isHexId(sha) {
    return /^[0-9a-f]+$/i.test(sha);
}
/** Xen's `master date: <date>` line, which goes with `master commit:` on stable branches. */
function masterDate(message) {
    return /^\s*master date:\s*(.+?)\s*$/im.exec(message)?.[1];
}
//# sourceMappingURL=references.js.map

/***/ })

};
