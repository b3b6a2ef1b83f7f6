export const id = 485;
export const ids = [485];
export const modules = {

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

/***/ 485:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   check: () => (/* binding */ check)
/* harmony export */ });
/* harmony import */ var _actions_lib_backport_classifier_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5184);
/* harmony import */ var _actions_lib_backport_report_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9539);
/* harmony import */ var _backport_options_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9494);



const check = {
    name: 'check',
    summary: 'classify downstream commits by the backport policy (upstream, backport, ..., violation)',
    usage: `usage: tributary check --upstream REV [--base REV] [--head REV] [options]

Classifies each commit of base..head that upstream does not have: upstream (the same patch
as an upstream commit), backport (names an upstream commit of the development branch),
revert, downstream-only (declared), sync (a merge of the branch followed) or violation.
Exits 1 when a commit breaks the policy (or has a warning, with --fail-on-warnings).

  --base REV             classify base..head (default: every downstream commit not upstream)
  --head REV             the downstream revision (default HEAD)
  --fail-on-warnings     exit 1 on warnings too
${_backport_options_js__WEBPACK_IMPORTED_MODULE_1__/* .policyUsage */ .Ek}`,
    async run(args, logger) {
        const { values } = (0,_backport_options_js__WEBPACK_IMPORTED_MODULE_1__/* .parse */ .qg)(args, {
            ..._backport_options_js__WEBPACK_IMPORTED_MODULE_1__/* .sharedOptions */ .mJ,
            base: { type: 'string' },
            head: { type: 'string' },
            'fail-on-warnings': { type: 'boolean' },
        });
        const s = await (0,_backport_options_js__WEBPACK_IMPORTED_MODULE_1__/* .shared */ .ue)(values, logger);
        const list = await (0,_actions_lib_backport_classifier_js__WEBPACK_IMPORTED_MODULE_0__/* .classifyCommits */ .zU)({
            git: s.git,
            base: values.base,
            head: values.head ?? 'HEAD',
            development: s.development,
            followed: s.followed,
            policy: s.policy,
            cache: s.cacheDir,
            upstreamRefs: ['refs/remotes/'],
        });
        const counts = (0,_actions_lib_backport_classifier_js__WEBPACK_IMPORTED_MODULE_0__/* .countClasses */ .Eh)(list);
        if (s.json)
            process.stdout.write(JSON.stringify({ counts, classifications: list }, null, 2) + '\n');
        else {
            if (list.length)
                logger.info((0,_actions_lib_backport_report_js__WEBPACK_IMPORTED_MODULE_2__/* .classificationTable */ .jS)(list));
            logger.info((0,_actions_lib_backport_report_js__WEBPACK_IMPORTED_MODULE_2__/* .countsLine */ .J7)(counts));
        }
        return counts.violation || (values['fail-on-warnings'] && counts.warnings) ? 1 : 0;
    },
};
//# sourceMappingURL=check.js.map

/***/ })

};
