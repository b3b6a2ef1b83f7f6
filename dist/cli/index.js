#!/usr/bin/env node
/******/ var __webpack_modules__ = ({

/***/ 193:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   gJ: () => (/* binding */ errorMessage),
/* harmony export */   j1: () => (/* binding */ ConfigurationError)
/* harmony export */ });
/* unused harmony export invalid */
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
/** `Invalid <subject> 'value'. Expected <form>.`: errors quote the bad value and the expected form. */
function invalid(subject, value, expected) {
    const shown = typeof value === 'string' ? value : JSON.stringify(value);
    return new ConfigurationError(subject, `Invalid ${subject} '${shown}'. Expected ${expected}.`);
}
function errorMessage(e) {
    return e instanceof Error ? e.message : String(e);
}
//# sourceMappingURL=errors.js.map

/***/ }),

/***/ 562:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Cr: () => (/* binding */ ConsoleLogger)
/* harmony export */ });
/* unused harmony exports Redactor, MemoryLogger */
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
//# sourceMappingURL=log.js.map

/***/ }),

/***/ 63:
/***/ ((__webpack_module__, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(__webpack_module__, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _actions_lib_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(193);
/* harmony import */ var _actions_lib_log_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(562);
/**
 * `tributary <part> ...`: every part of tributary on a laptop, on the same library the actions
 * call. Exit codes: 0 done, 1 the part said no (a refused push, a violation), 2 bad usage or
 * input, 3 an unexpected failure.
 */


// One line per part; each part lives in its own file.
const commands = [];
function help() {
    const width = Math.max(0, ...commands.map((c) => c.name.length));
    return [
        'usage: tributary <part> [options]    (tributary <part> --help for its options)',
        '',
        ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
        '',
    ].join('\n');
}
async function main(argv) {
    const [name, ...rest] = argv;
    if (!name || name === '--help' || name === '-h' || name === 'help') {
        process.stdout.write(help());
        return name ? 0 : 2;
    }
    const command = commands.find((c) => c.name === name);
    if (!command) {
        process.stderr.write(`tributary: unknown part '${name}'\n\n${help()}`);
        return 2;
    }
    if (rest.includes('--help') || rest.includes('-h')) {
        process.stdout.write(command.usage.endsWith('\n') ? command.usage : command.usage + '\n');
        return 0;
    }
    const logger = new _actions_lib_log_js__WEBPACK_IMPORTED_MODULE_1__/* .ConsoleLogger */ .Cr(rest.includes('--verbose'));
    try {
        return await command.run(rest.filter((a) => a !== '--verbose'), logger);
    }
    catch (e) {
        logger.error((0,_actions_lib_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(e));
        if (e instanceof _actions_lib_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1)
            return 2;
        if (e instanceof Error && e.stack)
            logger.debug(e.stack);
        return 3;
    }
}
process.exitCode = await main(process.argv.slice(2));
//# sourceMappingURL=tributary.js.map
__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

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
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
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
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(63);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
