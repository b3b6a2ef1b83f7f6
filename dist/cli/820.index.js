export const id = 820;
export const ids = [820];
export const modules = {

/***/ 9820:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   regressionKeeper: () => (/* binding */ regressionKeeper)
/* harmony export */ });
/* harmony import */ var _github_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9161);
/* harmony import */ var _issues_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7546);
/**
 * The keeper of the regressions' issues: the GitHub module's, marker kind `watch`, listing the
 * open issues by the labels every regression issue carries. Apart from issues.ts, so that the
 * command line loads Octokit only when it keeps issues.
 */


function regressionKeeper(api, repository, labels, logger) {
    return new _github_js__WEBPACK_IMPORTED_MODULE_0__.IssueKeeper(new _github_js__WEBPACK_IMPORTED_MODULE_0__.GitHubRepository(api, repository), _issues_js__WEBPACK_IMPORTED_MODULE_1__/* .ISSUE_KIND */ .Fl, { labels, logger });
}
//# sourceMappingURL=keeper.js.map

/***/ })

};
