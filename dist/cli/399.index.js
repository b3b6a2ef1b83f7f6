export const id = 399;
export const ids = [399];
export const modules = {

/***/ 9947:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ divergence)
/* harmony export */ });
/* harmony import */ var _classifier_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5184);
/* harmony import */ var _facts_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1174);


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
async function subjects(git, commits) {
    const map = new Map();
    if (!commits.length)
        return map;
    const out = await git.run(['log', '--no-walk=unsorted', '--stdin', '--format=%H %s'], {
        input: commits.join('\n') + '\n',
    });
    for (const line of out.split('\n')) {
        const sp = line.indexOf(' ');
        if (sp > 0)
            map.set(line.slice(0, sp), line.slice(sp + 1));
    }
    return map;
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
    for await (const c of git.lines([
        'rev-list',
        '--no-merges',
        target,
        '--not',
        analysis.revisions.head,
    ]))
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
    const names = await subjects(git, uppers);
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

/***/ 9539:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J1: () => (/* binding */ divergenceMarkdown),
/* harmony export */   J7: () => (/* binding */ countsLine),
/* harmony export */   jS: () => (/* binding */ classificationTable)
/* harmony export */ });
/* unused harmony exports cell, commitTitle, noteOf, ANNOTATIONS_SHOWN, checkAnnotations */
const short = (id) => (id ? id.slice(0, 12) : '');
/** A table cell: pipes and line breaks would end the cell early. */
function cell(text) {
    return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ').replace(/</g, '&lt;');
}
/** `1234567890ab subject`: how a commit is named in annotations and tables. */
function commitTitle(c) {
    return `${short(c.commit)} ${c.subject}`;
}
function countsLine(counts) {
    const parts = [
        `${counts.commits} commits`,
        `${counts.upstream} upstream`,
        `${counts.backport} backport`,
        `${counts.revert} revert`,
        `${counts['downstream-only']} downstream-only`,
        `${counts.sync} sync`,
        `${counts.merge} merge`,
        `${counts.violation} violation`,
        `${counts.warnings} warning${counts.warnings === 1 ? '' : 's'}`,
    ];
    return parts.join(', ');
}
/** What the Note column says: the problem first, then warnings, then facts. */
function noteOf(c) {
    const parts = [];
    if (c.class === 'violation' && c.reason)
        parts.push(`✗ ${c.reason}`);
    else if (c.reason)
        parts.push(c.reason);
    if (c.reverts)
        parts.push(`reverts ${short(c.reverts)}`);
    for (const w of c.warnings)
        parts.push(`⚠ ${w}`);
    parts.push(...c.notes);
    return parts.join('; ');
}
function classificationTable(list) {
    const rows = [
        '| Commit | Class | Upstream commit | Patch | Note |',
        '| --- | --- | --- | --- | --- |',
    ];
    for (const c of list) {
        rows.push(`| ${cell(commitTitle(c))} | ${c.class} | ${(c.upstreams ?? [c.upstream]).map(short).join(', ')} | ${c.patch ?? ''} | ${cell(noteOf(c))} |`);
    }
    return rows.join('\n');
}
function divergenceMarkdown(r) {
    const out = [];
    out.push(`## Divergence of ${r.downstream.revision} from upstream`, '', `Downstream \`${short(r.downstream.commit)}\`, following \`${r.followed.revision}\` (\`${short(r.followed.commit)}\`), development branch \`${r.development.revision}\`; next sync to \`${r.target.revision}\` (\`${short(r.target.commit)}\`).`, '', countsLine(r.counts), '', `### Downstream-only (${r.downstreamOnly.length})`, '');
    if (r.downstreamOnly.length) {
        out.push('| Commit | Reason |', '| --- | --- |');
        for (const c of r.downstreamOnly)
            out.push(`| ${cell(commitTitle(c))} | ${cell(c.reason)} |`);
    }
    else
        out.push('None.');
    if (r.unexplained.length) {
        out.push('', `### Unexplained: neither upstream nor declared (${r.unexplained.length})`, '');
        out.push('| Commit | Why |', '| --- | --- |');
        for (const c of r.unexplained)
            out.push(`| ${cell(commitTitle(c))} | ${cell(c.reason ?? '')} |`);
    }
    out.push('', `### Upstream now carries (${r.carried.length})`, '');
    if (r.carried.length) {
        out.push('| Commit | Declared downstream-only | Upstream commit | Matched by | Patch |', '| --- | --- | --- | --- | --- |');
        for (const c of r.carried)
            out.push(`| ${cell(commitTitle(c))} | ${cell(c.declared ?? '')} | ${cell(`${short(c.upstream)} ${c.upstreamSubject}`)} | ${c.match} | ${c.patch} |`);
    }
    else
        out.push('Nothing that exists only downstream is upstream yet.');
    out.push('', `### Before syncing to ${r.target.revision}: revert or drop, in this order (${r.supersededByTarget.length})`, '');
    if (r.supersededByTarget.length) {
        out.push('| # | Action | Commit | Superseded by | Matched by | Patch |', '| --- | --- | --- | --- | --- | --- |');
        r.supersededByTarget.forEach((c, i) => out.push(`| ${i + 1} | ${c.action} | ${cell(commitTitle(c))} | ${cell(`${short(c.upstream)} ${c.upstreamSubject}`)} | ${c.match} | ${c.patch} |`));
    }
    else
        out.push(`Nothing: no downstream commit is superseded by ${r.target.revision}.`);
    return out.join('\n') + '\n';
}
/** GitHub shows this many error, and as many warning, annotations of a step; the rest are lost. */
const ANNOTATIONS_SHOWN = 10;
/**
 * The annotations of a check, within what GitHub shows: at most 9 violations (the step's
 * failure message is the 10th error), and at most 9 commits with warnings and a 10th saying
 * how many more the job summary lists. `warningsBefore` counts warnings already given in
 * the step (a base gone by force-push), which take room too.
 */
function checkAnnotations(list, warningsBefore = 0) {
    const room = ANNOTATIONS_SHOWN - 1;
    const violations = list.filter((c) => c.class === 'violation');
    const warned = list.filter((c) => c.class !== 'violation' && c.warnings.length);
    const errors = violations
        .slice(0, room)
        .map((c) => ({ title: commitTitle(c), message: noteOf(c) }));
    const warningRoom = Math.max(0, ANNOTATIONS_SHOWN - warningsBefore);
    const fits = warned.length <= warningRoom;
    const shown = fits ? warned : warned.slice(0, Math.max(0, warningRoom - 1));
    const warnings = shown.map((c) => ({
        title: commitTitle(c),
        message: c.warnings.join('; '),
    }));
    const left = warned.length - shown.length;
    if (left && warningRoom > 0)
        warnings.push({
            message: `${left} more commit${left === 1 ? '' : 's'} with warnings ${left === 1 ? 'is' : 'are'} listed only in the job summary (GitHub shows ${ANNOTATIONS_SHOWN} warnings a step).`,
        });
    return { errors, warnings, violationsLeft: violations.length - errors.length };
}
//# sourceMappingURL=report.js.map

/***/ }),

/***/ 9494:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ek: () => (/* binding */ policyUsage),
/* harmony export */   mJ: () => (/* binding */ sharedOptions),
/* harmony export */   qg: () => (/* binding */ parse),
/* harmony export */   ue: () => (/* binding */ shared)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7975);
/* harmony import */ var _actions_lib_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4193);
/* harmony import */ var _actions_lib_git_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6240);
/* harmony import */ var _actions_lib_backport_facts_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1174);
/* harmony import */ var _actions_lib_backport_policy_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(9191);
/** Options `tributary check` and `tributary divergence` share: where upstream is, the policy. */







const policyUsage = `  --upstream REV         the upstream development branch (e.g. upstream/master)   [required]
  --followed REV         the upstream branch the downstream follows (default: --upstream)
  --trailer NAME         another trailer that declares a commit downstream-only, besides
                         Downstream-only (repeatable)
  --subject REGEX        a subject pattern that declares a commit downstream-only (repeatable)
  --pattern REGEX        another reference form, one capture group: the commit id (repeatable)
  --min-length N         fewest hex digits a reference may have (default 12)
  --cache-dir DIR        keep commit facts (patch-ids) here between runs (a folder; runs
                         with other --pattern or --min-length keep their own file in it)
  --repo DIR             the repository (default: the current directory)
  --json                 print JSON instead of a table
`;
const sharedOptions = {
    upstream: { type: 'string' },
    followed: { type: 'string' },
    trailer: { type: 'string', multiple: true },
    subject: { type: 'string', multiple: true },
    pattern: { type: 'string', multiple: true },
    'min-length': { type: 'string' },
    'cache-dir': { type: 'string' },
    repo: { type: 'string' },
    json: { type: 'boolean' },
};
function parse(args, options) {
    return (0,node_util__WEBPACK_IMPORTED_MODULE_2__.parseArgs)({ args, options, allowPositionals: false, strict: true });
}
/** The repository folder, refused plainly when it is missing or no repository. */
async function repository(dir, logger) {
    const cwd = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(dir ?? process.cwd());
    const shown = dir ?? cwd;
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(cwd, { throwIfNoEntry: false })?.isDirectory())
        throw new _actions_lib_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1('--repo', `The --repo '${shown}' does not exist (or is not a folder).`);
    const git = new _actions_lib_git_js__WEBPACK_IMPORTED_MODULE_4__/* .Git */ .TU({ cwd, logger });
    if (!(await git.try(['rev-parse', '--git-dir'])))
        throw new _actions_lib_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1('--repo', `The --repo '${shown}' is not a git repository.`);
    return git;
}
/** The options both parts share, every one checked before any work. */
async function shared(values, logger) {
    if (!values.upstream)
        throw new _actions_lib_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1('--upstream', 'Say which is the upstream development branch: --upstream upstream/master.');
    const min = values['min-length'];
    if (min !== undefined && !/^\d+$/.test(min))
        throw (0,_actions_lib_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .invalid */ .Gq)('minimum id length', min, 'a whole number from 7 to 40');
    // --trailer adds to the default, as its help says; it never silently drops Downstream-only.
    const trailers = [..._actions_lib_backport_policy_js__WEBPACK_IMPORTED_MODULE_6__/* .defaultPolicy */ .G4.downstreamOnlyTrailers];
    for (const t of values.trailer ?? [])
        if (!trailers.some((x) => x.toLowerCase() === t.toLowerCase()))
            trailers.push(t);
    const policy = (0,_actions_lib_backport_policy_js__WEBPACK_IMPORTED_MODULE_6__/* .parsePolicy */ .ON)({
        trailers,
        subjects: values.subject,
        referencePatterns: values.pattern,
        minimumIdLength: min === undefined ? undefined : Number(min),
    });
    const cacheDir = values['cache-dir'];
    if (cacheDir !== undefined)
        (0,_actions_lib_backport_facts_js__WEBPACK_IMPORTED_MODULE_5__/* .checkCacheDir */ .oy)(cacheDir, '--cache-dir');
    return {
        git: await repository(values.repo, logger),
        development: values.upstream,
        followed: values.followed,
        policy,
        cacheDir,
        json: !!values.json,
    };
}
//# sourceMappingURL=backport-options.js.map

/***/ }),

/***/ 9399:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   divergence: () => (/* binding */ divergence)
/* harmony export */ });
/* harmony import */ var _actions_lib_backport_divergence_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9947);
/* harmony import */ var _actions_lib_backport_report_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9539);
/* harmony import */ var _backport_options_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9494);



const divergence = {
    name: 'divergence',
    summary: 'report downstream-only commits, what upstream now carries, what to drop before a sync',
    usage: `usage: tributary divergence --upstream REV [--followed REV] [--downstream REV] [--to REV] [options]

Reports, for a downstream branch and the upstream branch it follows: the commits declared
downstream-only with their reasons, those neither upstream nor declared, those whose change
upstream now carries (by reference or patch), and, newest first, the commits to revert or
drop before syncing to the new upstream head --to, each with the upstream commit that
supersedes it. Markdown by default, JSON (tributary.divergence/v1) with --json.

  --downstream REV       the downstream branch (default HEAD)
  --to REV               the upstream head of the next sync (default: --followed)
${_backport_options_js__WEBPACK_IMPORTED_MODULE_1__/* .policyUsage */ .Ek}`,
    async run(args, logger) {
        const { values } = (0,_backport_options_js__WEBPACK_IMPORTED_MODULE_1__/* .parse */ .qg)(args, {
            ..._backport_options_js__WEBPACK_IMPORTED_MODULE_1__/* .sharedOptions */ .mJ,
            downstream: { type: 'string' },
            to: { type: 'string' },
        });
        const s = await (0,_backport_options_js__WEBPACK_IMPORTED_MODULE_1__/* .shared */ .ue)(values, logger);
        const r = await (0,_actions_lib_backport_divergence_js__WEBPACK_IMPORTED_MODULE_0__/* .divergence */ .Z)({
            git: s.git,
            downstream: values.downstream ?? 'HEAD',
            development: s.development,
            followed: s.followed,
            target: values.to,
            policy: s.policy,
            cache: s.cacheDir,
            upstreamRefs: ['refs/remotes/'],
            labels: {
                downstream: values.downstream ?? 'HEAD',
                development: s.development,
                followed: s.followed ?? s.development,
                target: values.to ?? s.followed ?? s.development,
            },
        });
        process.stdout.write(s.json ? JSON.stringify(r, null, 2) + '\n' : (0,_actions_lib_backport_report_js__WEBPACK_IMPORTED_MODULE_2__/* .divergenceMarkdown */ .J1)(r));
        return 0;
    },
};
//# sourceMappingURL=divergence.js.map

/***/ })

};
