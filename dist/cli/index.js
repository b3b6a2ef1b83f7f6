#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 1421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 8995:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:module");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 481:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:readline");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 6193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:string_decoder");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 3193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 4193:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Gq: () => (/* binding */ invalid),
/* harmony export */   Hu: () => (/* binding */ settingError),
/* harmony export */   Iu: () => (/* binding */ capitalised),
/* harmony export */   L_: () => (/* binding */ SettingError),
/* harmony export */   gJ: () => (/* binding */ errorMessage),
/* harmony export */   gT: () => (/* binding */ invalidSetting),
/* harmony export */   j1: () => (/* binding */ ConfigurationError),
/* harmony export */   zf: () => (/* binding */ missingSetting)
/* harmony export */ });
/* unused harmony export inputNames */
/**
 * An error the user can fix: a bad input, a malformed file, a branch that does not exist.
 * Actions report it plainly (no stack), the command line exits 2. Everything else is a bug
 * or an outage and keeps its stack.
 */
class ConfigurationError extends Error {
    /** The input, file or field that was wrong, as the user wrote it. */
    subject;
    constructor(subject, message) {
        super(message);
        this.name = 'ConfigurationError';
        this.subject = subject;
    }
}
/** The action's names: what every error says unless a front end names the setting its own way. */
const inputNames = {
    frontEnd: 'action',
    name: (setting) => `input '${setting}'`,
};
/**
 * A ConfigurationError about one setting of a part (`source`, `pin-file`), wherever in the
 * library it is found: its message names the setting (and any other it mentions, through
 * `names`) as the front end names them, so the action speaks of inputs and the command line
 * of its options. `message` is the action's.
 */
class SettingError extends ConfigurationError {
    setting;
    compose;
    constructor(setting, compose) {
        super(setting, compose(inputNames.name(setting), inputNames));
        this.setting = setting;
        this.compose = compose;
        this.name = 'SettingError';
    }
    /** The message as this front end says it. */
    messageFor(names) {
        return this.compose(names.name(this.setting), names);
    }
}
/** `Input 'x'` at the start of a sentence; `--x` stays as typed. */
function capitalised(name) {
    return name.charAt(0).toUpperCase() + name.slice(1);
}
/** `Invalid <subject> 'value'. Expected <form>.`: errors quote the bad value and the expected form. */
function invalid(subject, value, expected) {
    return new ConfigurationError(subject, invalidMessage(subject, value, expected));
}
function invalidMessage(subject, value, expected) {
    const shown = typeof value === 'string' ? value : JSON.stringify(value);
    return `Invalid ${subject} '${shown}'. Expected ${expected}.`;
}
/** `invalid` for a setting: `Invalid input 'retries' 'x'` / `Invalid --retries 'x'`. */
function invalidSetting(setting, value, expected) {
    return new SettingError(setting, (name) => invalidMessage(name, value, expected));
}
/** An error about a setting that starts with its name: `Input 'pin-file': ...` / `--pin-file: ...`. */
function settingError(setting, text) {
    return new SettingError(setting, (name) => `${capitalised(name)}: ${text}`);
}
/** A setting the part cannot run without, left out. */
function missingSetting(setting, what) {
    return new SettingError(setting, (name) => `${capitalised(name)} is required${what ? `: ${what}` : ''}.`);
}
/** The message of any error, a setting named as this front end names it. */
function errorMessage(e, names = inputNames) {
    if (e instanceof SettingError)
        return e.messageFor(names);
    return e instanceof Error ? e.message : String(e);
}
//# sourceMappingURL=errors.js.map

/***/ }),

/***/ 1562:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Cr: () => (/* binding */ ConsoleLogger),
/* harmony export */   U9: () => (/* binding */ count),
/* harmony export */   pO: () => (/* binding */ Redactor)
/* harmony export */ });
/* unused harmony export MemoryLogger */
/** Replaces every registered secret in a text; used by loggers and error messages alike. */
class Redactor {
    secrets = new Set();
    add(value) {
        if (value && value.length >= 4)
            this.secrets.add(value);
    }
    redact(text) {
        let out = text;
        for (const s of this.secrets)
            out = out.split(s).join('***');
        return out;
    }
}
/** Plain text on stderr/stdout for the command line; secrets masked like the runner does. */
class ConsoleLogger {
    verbose;
    redactor = new Redactor();
    depth = 0;
    constructor(verbose = false) {
        this.verbose = verbose;
    }
    write(stream, message) {
        const pad = '  '.repeat(this.depth);
        stream.write(this.redactor
            .redact(message)
            .split('\n')
            .map((l) => pad + l)
            .join('\n') + '\n');
    }
    debug(message) {
        if (this.verbose)
            this.write(process.stderr, `debug: ${message}`);
    }
    info(message) {
        this.write(process.stdout, message);
    }
    warning(message, a) {
        this.write(process.stderr, `warning: ${a?.title ? a.title + ': ' : ''}${message}`);
    }
    error(message, a) {
        this.write(process.stderr, `error: ${a?.title ? a.title + ': ' : ''}${message}`);
    }
    async group(name, fn) {
        this.write(process.stdout, `> ${name}`);
        this.depth++;
        try {
            return await fn();
        }
        finally {
            this.depth--;
        }
    }
    secret(value) {
        this.redactor.add(value);
    }
    output(text) {
        if (this.verbose)
            this.write(process.stdout, text);
    }
}
/** Collects everything; for tests that assert on what was said. */
class MemoryLogger {
    lines = [];
    warnings = [];
    errors = [];
    debug(message) {
        this.lines.push(`debug: ${message}`);
    }
    info(message) {
        this.lines.push(message);
    }
    warning(message) {
        this.warnings.push(message);
        this.lines.push(`warning: ${message}`);
    }
    error(message) {
        this.errors.push(message);
        this.lines.push(`error: ${message}`);
    }
    async group(name, fn) {
        this.lines.push(`> ${name}`);
        return fn();
    }
    secret() { }
}
/** `1 job`, `2 jobs`: a count with its noun, for lines people read. */
function count(n, noun) {
    return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
//# sourceMappingURL=log.js.map

/***/ }),

/***/ 2063:
/***/ ((__webpack_module__, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(__webpack_module__, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var node_module__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8995);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8161);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(6760);
/* harmony import */ var _actions_lib_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(4193);
/* harmony import */ var _actions_lib_log_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(1562);
/* harmony import */ var _package_json__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(8797);
/**
 * `tributary <part> ...`: every part of tributary on a laptop, on the same library the actions
 * call. Exit codes: 0 done, 1 the part said no (a refused push, a violation), 2 bad usage or
 * input, 3 an unexpected failure.
 */






// Node (22.1 and later) keeps the compiled code of the parts between runs, as tsc does;
// NODE_DISABLE_COMPILE_CACHE=1 turns it off. Node 20 has no such cache and skips this. The
// cache lives in the user's cache folder, not the temp folder: a run leaves its temp folder
// as it found it.
node_module__WEBPACK_IMPORTED_MODULE_0__.enableCompileCache?.(process.env.NODE_COMPILE_CACHE ||
    (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(process.env.XDG_CACHE_HOME || (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)((0,node_os__WEBPACK_IMPORTED_MODULE_1__.homedir)(), '.cache'), 'tributary', 'node-compile-cache'));
/**
 * One line per part, each loaded only when it runs: ncc makes each import() a chunk of its own,
 * so `tributary mirror` never parses the gate's or track's code (nor Octokit), and starts in
 * under twice the time of a bare Node (npm run bench cli).
 */
const parts = {
    mirror: () => Promise.all(/* import() */[__nccwpck_require__.e(6), __nccwpck_require__.e(365), __nccwpck_require__.e(787)]).then(__nccwpck_require__.bind(__nccwpck_require__, 4787)),
    test: () => Promise.all(/* import() */[__nccwpck_require__.e(23), __nccwpck_require__.e(365), __nccwpck_require__.e(788)]).then(__nccwpck_require__.bind(__nccwpck_require__, 4788)),
    gate: () => Promise.all(/* import() */[__nccwpck_require__.e(239), __nccwpck_require__.e(6), __nccwpck_require__.e(23), __nccwpck_require__.e(365), __nccwpck_require__.e(161), __nccwpck_require__.e(557), __nccwpck_require__.e(473)]).then(__nccwpck_require__.bind(__nccwpck_require__, 3473)),
    track: () => Promise.all(/* import() */[__nccwpck_require__.e(239), __nccwpck_require__.e(6), __nccwpck_require__.e(365), __nccwpck_require__.e(161), __nccwpck_require__.e(936), __nccwpck_require__.e(667)]).then(__nccwpck_require__.bind(__nccwpck_require__, 6667)),
    check: () => Promise.all(/* import() */[__nccwpck_require__.e(239), __nccwpck_require__.e(365), __nccwpck_require__.e(161), __nccwpck_require__.e(936), __nccwpck_require__.e(971)]).then(__nccwpck_require__.bind(__nccwpck_require__, 7971)),
    divergence: () => Promise.all(/* import() */[__nccwpck_require__.e(239), __nccwpck_require__.e(365), __nccwpck_require__.e(161), __nccwpck_require__.e(936), __nccwpck_require__.e(399)]).then(__nccwpck_require__.bind(__nccwpck_require__, 9399)),
    history: () => Promise.all(/* import() */[__nccwpck_require__.e(6), __nccwpck_require__.e(23), __nccwpck_require__.e(365), __nccwpck_require__.e(557), __nccwpck_require__.e(874)]).then(__nccwpck_require__.bind(__nccwpck_require__, 2874)),
    bisect: () => Promise.all(/* import() */[__nccwpck_require__.e(239), __nccwpck_require__.e(6), __nccwpck_require__.e(23), __nccwpck_require__.e(365), __nccwpck_require__.e(161), __nccwpck_require__.e(557), __nccwpck_require__.e(66)]).then(__nccwpck_require__.bind(__nccwpck_require__, 8066)),
    watch: () => Promise.all(/* import() */[__nccwpck_require__.e(6), __nccwpck_require__.e(23), __nccwpck_require__.e(365), __nccwpck_require__.e(557), __nccwpck_require__.e(628)]).then(__nccwpck_require__.bind(__nccwpck_require__, 8628)),
};
const partNames = Object.keys(parts);
/** The part's Command, whatever its file calls the export. */
async function loadPart(name) {
    const found = Object.values(await parts[name]()).find((v) => v?.name === name);
    if (!found)
        throw new Error(`cli/${name}.ts exports no Command named '${name}'`);
    return found;
}
async function help() {
    // The one place every part is loaded: each part's summary lives with the part.
    const commands = await Promise.all(partNames.map(loadPart));
    const width = Math.max(0, ...partNames.map((n) => n.length));
    return [
        'usage: tributary <part> [options]    (tributary <part> --help for its options)',
        '',
        ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
        '',
        `tributary ${_package_json__WEBPACK_IMPORTED_MODULE_4__/* .version */ .rE} (tributary --version, or <part> --version, prints it)`,
        '',
    ].join('\n');
}
async function main(argv) {
    const [name, ...rest] = argv;
    if (!name || name === '--help' || name === '-h' || name === 'help') {
        process.stdout.write(await help());
        return name ? 0 : 2;
    }
    if (name === '--version') {
        process.stdout.write(`${_package_json__WEBPACK_IMPORTED_MODULE_4__/* .version */ .rE}\n`);
        return 0;
    }
    if (!partNames.includes(name)) {
        process.stderr.write(`tributary: unknown part '${name}'\n\n${await help()}`);
        return 2;
    }
    if (rest.includes('--version')) {
        process.stdout.write(`${_package_json__WEBPACK_IMPORTED_MODULE_4__/* .version */ .rE}\n`);
        return 0;
    }
    const command = await loadPart(name);
    if (rest.includes('--help') || rest.includes('-h')) {
        process.stdout.write(command.usage.endsWith('\n') ? command.usage : command.usage + '\n');
        return 0;
    }
    const logger = new _actions_lib_log_js__WEBPACK_IMPORTED_MODULE_5__/* .ConsoleLogger */ .Cr(rest.includes('--verbose'));
    try {
        return await command.run(rest.filter((a) => a !== '--verbose'), logger);
    }
    catch (e) {
        logger.error((0,_actions_lib_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(e));
        if (e instanceof _actions_lib_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1) {
            // Bad usage (an unknown option, a stray word): say where the options are listed.
            if (e.showUsage)
                process.stderr.write(`(tributary ${name} --help lists its options)\n`);
            return 2;
        }
        if (e instanceof Error && e.stack)
            logger.debug(e.stack);
        return 3;
    }
}
const code = await main(process.argv.slice(2)).catch((e) => {
    // A part that cannot even load is a broken install or a bug, not bad usage.
    process.stderr.write(`error: ${(0,_actions_lib_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(e)}\n`);
    return 3;
});
process.exitCode = code;
// After an error a stage it abandoned can leave git processes running (a pipeline still open
// for input): exit now rather than wait for them.
if (code >= 2)
    process.exit(code);
//# sourceMappingURL=tributary.js.map
__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 8797:
/***/ ((module) => {

module.exports = {"rE":"0.1.0"};

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(2063);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
