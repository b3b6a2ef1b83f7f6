export const id = 253;
export const ids = [253];
export const modules = {

/***/ 6253:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   apiBaseUrl: () => (/* binding */ apiBaseUrl),
/* harmony export */   createGitHub: () => (/* binding */ createGitHub),
/* harmony export */   githubRetryPolicy: () => (/* binding */ githubRetryPolicy),
/* harmony export */   parseRepository: () => (/* binding */ parseRepository)
/* harmony export */ });
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1758);
/* harmony import */ var _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9735);
/* harmony import */ var _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6856);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4193);
/**
 * The one client factory for the GitHub REST API: Octokit from @actions/github, with retries
 * of 5xx answers and GitHub's recommended throttling (primary and secondary rate limits), and
 * the API address from GITHUB_API_URL, so GitHub Enterprise Server and the tests' server work.
 */




/**
 * A limiter group that runs every job at once: what write spacing becomes when it is off. The
 * plugin only ever calls key(id).schedule(options, fn), so this is all of a group it uses.
 */
const unspaced = {
    key: () => ({ schedule: (_o, fn) => fn() }),
};
/** Base delay of the retry plugin in ms; tests shorten it to keep fault tests quick. */
const githubRetryPolicy = { retryAfterBaseValue: 1000 };
function apiBaseUrl(explicit) {
    return (explicit || process.env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '');
}
function createGitHub(options) {
    const retries = options.retries ?? 3;
    const log = options.logger;
    log?.secret(options.token);
    return (0,_actions_github__WEBPACK_IMPORTED_MODULE_0__/* .getOctokit */ .Q)(options.token, {
        baseUrl: apiBaseUrl(options.baseUrl),
        userAgent: 'tributary',
        log: {
            debug: (m) => log?.debug(m),
            info: (m) => log?.debug(m),
            warn: (m) => log?.warning(m),
            error: (m) => log?.debug(m),
        },
        retry: {
            retries,
            retryAfterBaseValue: options.retryAfterBaseValue ?? githubRetryPolicy.retryAfterBaseValue,
        },
        throttle: {
            ...((options.spaceWrites ?? process.env.TRIBUTARY_GITHUB_SPACE_WRITES !== 'false')
                ? {}
                : { write: unspaced, notifications: unspaced }),
            onRateLimit: (after, req, _o, count) => {
                log?.warning(`GitHub API rate limit on ${req.method} ${req.url}; retrying after ${after} s`);
                return count < retries;
            },
            onSecondaryRateLimit: (after, req, _o, count) => {
                log?.warning(`GitHub API secondary rate limit on ${req.method} ${req.url}; retrying after ${after} s`);
                return count < retries;
            },
        },
    }, _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_2__/* .retry */ .L, _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_3__/* .throttling */ .A);
}
/** `owner/repo` split, with an error that names the input and the expected form. */
function parseRepository(value, input = 'repository') {
    const m = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(value.trim());
    if (!m || m[2] === '.' || m[2] === '..') {
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .invalid */ .Gq)(input, value, 'format {owner}/{repo}');
    }
    return { owner: m[1], repo: m[2] };
}
//# sourceMappingURL=github.js.map

/***/ })

};
