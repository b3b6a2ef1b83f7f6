export const id = 971;
export const ids = [971];
export const modules = {

/***/ 9539:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J1: () => (/* binding */ divergenceMarkdown),
/* harmony export */   J7: () => (/* binding */ countsLine),
/* harmony export */   jS: () => (/* binding */ classificationTable)
/* harmony export */ });
/* unused harmony exports cell, commitTitle, noteOf, ANNOTATIONS_SHOWN, checkAnnotations, keepDivergenceIssue */
/* harmony import */ var _github_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9161);
/* harmony import */ var _log_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1562);


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
        `${(0,_log_js__WEBPACK_IMPORTED_MODULE_1__/* .count */ .U9)(counts.warnings, 'warning')}`,
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
/**
 * Keeps the divergence report of a branch in one issue (the GitHub module's issue keeper):
 * found by its marker, updated in place, opened only when none is open.
 */
async function keepDivergenceIssue(repository, branch, issue, markdown, logger) {
    const keeper = new IssueKeeper(repository, 'divergence', { labels: issue.labels, logger });
    return keeper.keep(`${repository.fullName} ${branch}`, { title: issue.title, body: markdown });
}
//# sourceMappingURL=report.js.map

/***/ }),

/***/ 8416:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P7: () => (/* binding */ parseCheckSettings),
/* harmony export */   nA: () => (/* binding */ parseDivergenceSettings),
/* harmony export */   ph: () => (/* binding */ BACKPORT_SETTINGS)
/* harmony export */ });
/* unused harmony exports MODES, parseBackportMode */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4193);
/* harmony import */ var _settings_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1007);
/* harmony import */ var _facts_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1174);
/* harmony import */ var _policy_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9191);
/**
 * The backport check's and the divergence report's settings, parsed in one place for both
 * front ends: the backport-check action (check and report modes, over fetched repositories)
 * and `tributary check` / `tributary divergence` (over a local repository).
 */




/** Every input of the backport-check action, with the default its action.yml declares. */
const BACKPORT_SETTINGS = {
    mode: { default: 'check' },
    'upstream-repository': { required: true },
    'upstream-development-branch': { default: 'master' },
    'upstream-branch': {},
    'downstream-repository': {},
    base: {},
    head: {},
    'downstream-branch': {},
    'sync-to': {},
    'issue-title': {},
    'issue-labels': {},
    'downstream-only-trailers': { default: 'Downstream-only' },
    'downstream-only-subjects': {},
    'reference-patterns': {},
    'minimum-id-length': { default: '12' },
    'fail-on-warnings': { default: 'false' },
    token: { secret: true, runner: '${{ github.token }}' },
    'upstream-token': { secret: true },
    'cache-dir': { runner: '${{ runner.temp }}/tributary-backport-cache' },
};
const MODES = (/* unused pure expression or super */ null && (['check', 'report']));
/** parsePolicy's own subjects, and the settings they come from. */
const POLICY_SUBJECTS = {
    'downstream-only trailer': 'downstream-only-trailers',
    'downstream-only subject': 'downstream-only-subjects',
    'reference pattern': 'reference-patterns',
    'minimum id length': 'minimum-id-length',
};
function policyOf(v) {
    const minimumIdLength = v.integer('minimum-id-length', { min: 7, max: 40 });
    try {
        return (0,_policy_js__WEBPACK_IMPORTED_MODULE_3__/* .parsePolicy */ .ON)({
            trailers: v.list('downstream-only-trailers'),
            subjects: v.lines('downstream-only-subjects'),
            referencePatterns: v.lines('reference-patterns'),
            minimumIdLength,
        });
    }
    catch (e) {
        const setting = e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1 ? POLICY_SUBJECTS[e.subject] : undefined;
        if (!setting || !(e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1))
            throw e;
        // `Invalid reference pattern 'x'...`: the same words, the setting named as the user knows it.
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .SettingError */ .L_(setting, (name) => e.message.replace(e.subject, name));
    }
}
/** owner/name → a URL on this server; a URL or an absolute path stays as it is. */
function repositoryUrl(v, setting, value, serverUrl) {
    if (/^https?:\/\//.test(value) || value.startsWith('file://') || value.startsWith('/'))
        return value;
    if (!/^[\w.-]+\/[\w.-]+$/.test(value))
        throw v.invalid(setting, value, 'a URL or owner/name');
    return `${serverUrl.replace(/\/+$/, '')}/${value.replace(/\.git$/, '')}.git`;
}
function policySettings(read, context) {
    const v = new _settings_js__WEBPACK_IMPORTED_MODULE_1__/* .Settings */ .wB(read, BACKPORT_SETTINGS);
    const f = context.fetch;
    // What the part cannot start without comes first, so the one error names it.
    const upstreamUrl = f ? v.required('upstream-repository', 'the hosted mirror of upstream') : '';
    const development = v.required('upstream-development-branch', 'the upstream development branch');
    const followed = v.string('upstream-branch') || development;
    const policy = policyOf(v);
    const cacheDir = v.optional('cache-dir');
    if (cacheDir !== undefined)
        (0,_facts_js__WEBPACK_IMPORTED_MODULE_2__/* .checkCacheDir */ .oy)(cacheDir, read.name('cache-dir'));
    return {
        development,
        followed,
        policy,
        cacheDir,
        fetch: f && {
            upstreamUrl: repositoryUrl(v, 'upstream-repository', upstreamUrl, f.serverUrl),
            downstreamUrl: repositoryUrl(v, 'downstream-repository', v.string('downstream-repository') || f.repository, f.serverUrl),
            development,
            followed,
            policy,
            token: v.secret('token'),
            upstreamToken: v.secret('upstream-token'),
            workDir: f.workDir,
            cacheDir,
        },
    };
}
/** The backport-check action's mode: check a change, or report the divergence. */
function parseBackportMode(read) {
    return new Settings(read, BACKPORT_SETTINGS).choice('mode', MODES);
}
function parseCheckSettings(read, context) {
    const v = new _settings_js__WEBPACK_IMPORTED_MODULE_1__/* .Settings */ .wB(read, BACKPORT_SETTINGS);
    return {
        ...policySettings(read, context),
        base: v.optional('base'),
        head: v.optional('head'),
        failOnWarnings: v.boolean('fail-on-warnings'),
    };
}
function parseDivergenceSettings(read, context) {
    const v = new _settings_js__WEBPACK_IMPORTED_MODULE_1__/* .Settings */ .wB(read, BACKPORT_SETTINGS);
    const title = v.string('issue-title');
    return {
        ...policySettings(read, context),
        downstream: v.optional('downstream-branch'),
        syncTo: v.optional('sync-to'),
        issue: title ? { title, labels: v.list('issue-labels') } : undefined,
    };
}
//# sourceMappingURL=settings.js.map

/***/ }),

/***/ 9494:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   VJ: () => (/* binding */ policyOptions),
/* harmony export */   h_: () => (/* binding */ openRepository),
/* harmony export */   ls: () => (/* binding */ withAddedTrailers)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var _actions_lib_backport_settings_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8416);
/* harmony import */ var _actions_lib_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4193);
/* harmony import */ var _actions_lib_git_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6240);
/** Options `tributary check` and `tributary divergence` share: where upstream is, the policy. */





/** The policy and where upstream is: the backport-check action's inputs of the same names. */
const policyOptions = [
    {
        name: 'upstream-development-branch',
        value: '<rev>',
        aliases: ['upstream'],
        required: true,
        example: 'upstream/master',
        description: 'the upstream development branch every backport must come from, as a revision of the repository (upstream/master; the action: a branch of upstream-repository, master by default)',
    },
    {
        name: 'upstream-branch',
        value: '<rev>',
        aliases: ['followed'],
        description: 'the upstream branch the downstream follows (default: --upstream-development-branch)',
    },
    {
        name: 'downstream-only-trailers',
        value: '<name>',
        repeatable: true,
        description: 'the trailers that declare a commit downstream-only, their value the reason',
    },
    {
        name: 'trailer',
        value: '<name>',
        repeatable: true,
        setting: 'trailer',
        description: 'another such trailer, besides those of --downstream-only-trailers (its old form)',
    },
    {
        name: 'downstream-only-subjects',
        value: '<regex>',
        aliases: ['subject'],
        repeatable: true,
        description: 'a subject pattern that declares a commit downstream-only',
    },
    {
        name: 'reference-patterns',
        value: '<regex>',
        aliases: ['pattern'],
        repeatable: true,
        description: 'another upstream reference form, one capture group: the commit id',
    },
    {
        name: 'minimum-id-length',
        value: '<n>',
        aliases: ['min-length'],
        description: 'the fewest hex digits a reference may abbreviate a commit id to (7 to 40)',
    },
    {
        name: 'cache-dir',
        value: '<dir>',
        description: 'keep commit facts (patch-ids) here between runs; runs with other --reference-patterns or --minimum-id-length keep their own file in it',
        fallback: { shown: 'none; the action: RUNNER_TEMP/tributary-backport-cache' },
    },
    {
        name: 'working-directory',
        value: '<dir>',
        aliases: ['repo'],
        setting: 'working-directory',
        description: 'the repository',
        default: 'the current folder',
    },
    { name: 'json', description: 'print JSON instead of a table' },
];
/**
 * The reader, with `--trailer` added to the trailers as it always was (the action's list, or
 * its default Downstream-only): the old form never drops Downstream-only.
 */
function withAddedTrailers(read) {
    const added = read.get('trailer');
    if (!added)
        return read;
    return {
        ...read,
        get(setting) {
            if (setting !== 'downstream-only-trailers')
                return read.get(setting);
            const listed = read.get(setting) || _actions_lib_backport_settings_js__WEBPACK_IMPORTED_MODULE_2__/* .BACKPORT_SETTINGS */ .ph[setting].default;
            return `${listed}\n${added}`;
        },
    };
}
/** The repository folder, refused plainly when it is missing or no repository. */
async function openRepository(read, logger) {
    const dir = read.get('working-directory') || undefined;
    const cwd = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(dir ?? process.cwd());
    const shown = dir ?? cwd;
    const name = read.name('working-directory');
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(cwd, { throwIfNoEntry: false })?.isDirectory())
        throw new _actions_lib_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(name, `The ${name} '${shown}' does not exist (or is not a folder).`);
    const git = new _actions_lib_git_js__WEBPACK_IMPORTED_MODULE_4__/* .Git */ .TU({ cwd, logger });
    if (!(await git.try(['rev-parse', '--git-dir'])))
        throw new _actions_lib_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(name, `The ${name} '${shown}' is not a git repository.`);
    return git;
}
//# sourceMappingURL=backport-options.js.map

/***/ }),

/***/ 7971:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  check: () => (/* binding */ check),
  checkSpec: () => (/* binding */ checkSpec)
});

// EXTERNAL MODULE: ./build/actions/lib/backport/classifier.js + 9 modules
var classifier = __webpack_require__(3936);
// EXTERNAL MODULE: ./build/actions/lib/backport/report.js
var report = __webpack_require__(9539);
// EXTERNAL MODULE: ./build/actions/lib/backport/settings.js
var settings = __webpack_require__(8416);
;// CONCATENATED MODULE: ./build/actions/lib/backport/verdict.js
/** A change: a violation fails it, and so does a warning with fail-on-warnings. */
function checkResult(counts, failOnWarnings) {
    if (counts.violation > 0 || (failOnWarnings && counts.warnings > 0))
        return 'fail';
    return counts.warnings > 0 ? 'warn' : 'pass';
}
/** A divergence report never fails: anything worth a look, violations or warnings, is warn. */
function reportResult(counts) {
    return counts.violation || counts.warnings ? 'warn' : 'pass';
}
//# sourceMappingURL=verdict.js.map
// EXTERNAL MODULE: ./build/cli/backport-options.js
var backport_options = __webpack_require__(9494);
// EXTERNAL MODULE: ./build/cli/options.js
var options = __webpack_require__(2315);
;// CONCATENATED MODULE: ./build/cli/check.js






const checkSpec = {
    name: 'check',
    synopsis: '--upstream-development-branch <rev> [--base <rev>] [--head <rev>] [options]',
    about: `Classifies each commit of base..head that upstream does not have: upstream (the same patch
as an upstream commit), backport (names an upstream commit of the development branch),
revert, downstream-only (declared), sync (a merge of the branch followed) or violation. The
options are the backport-check action's inputs (actions/backport-check, mode check), with the
same defaults, over a local repository whose upstream branches are revisions in it.`,
    declared: settings/* BACKPORT_SETTINGS */.ph,
    options: [
        {
            name: 'base',
            value: '<rev>',
            description: 'classify base..head (default: every downstream commit not upstream; the action: the pull request)',
        },
        {
            name: 'head',
            value: '<rev>',
            description: 'the downstream revision (the action: the pull request)',
            fallback: { shown: 'HEAD', value: () => 'HEAD' },
        },
        { name: 'fail-on-warnings', description: 'fail (exit 1) on warnings too' },
        ...backport_options/* policyOptions */.VJ,
    ],
    exitCodes: [
        [0, 'pass: no violation (warnings, if any, are listed)'],
        [1, 'fail: a commit breaks the policy (or has a warning, with --fail-on-warnings)'],
        [2, 'bad usage or input: an option, a revision that names no commit, a repository'],
        [3, 'an unexpected failure'],
    ],
};
const check = {
    name: 'check',
    summary: 'classify downstream commits by the backport policy (upstream, backport, ..., violation)',
    usage: (0,options/* usageOf */.Fs)(checkSpec),
    async run(args, logger) {
        const cl = (0,options/* parseCommandLine */.Du)(checkSpec, args, (secret) => logger.secret(secret));
        return cl.run(async (read) => {
            const s = (0,settings/* parseCheckSettings */.P7)((0,backport_options/* withAddedTrailers */.ls)(read), {});
            const git = await (0,backport_options/* openRepository */.h_)(read, logger);
            const list = await (0,classifier/* classifyCommits */.zU)({
                git,
                base: s.base,
                head: s.head ?? 'HEAD',
                development: s.development,
                followed: s.followed,
                policy: s.policy,
                cache: s.cacheDir,
                upstreamRefs: ['refs/remotes/'],
            });
            const counts = (0,classifier/* countClasses */.Eh)(list);
            if (cl.flag('json'))
                process.stdout.write(JSON.stringify({ counts, classifications: list }, null, 2) + '\n');
            else {
                if (list.length)
                    logger.info((0,report/* classificationTable */.jS)(list));
                logger.info((0,report/* countsLine */.J7)(counts));
            }
            return checkResult(counts, s.failOnWarnings) === 'fail' ? 1 : 0;
        });
    },
};
//# sourceMappingURL=check.js.map

/***/ })

};
