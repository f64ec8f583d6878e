export const id = 263;
export const ids = [263];
export const modules = {

/***/ 60263:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   serveShardTasks: () => (/* binding */ serveShardTasks)
/* harmony export */ });
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(75919);
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_worker_threads__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _mlgate_core__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(98707);


const PROGRESS_INTERVAL_MS = 100;
/** Serves shard tasks posted by the pool, one at a time, until the pool terminates this worker. */
function serveShardTasks() {
    const port = node_worker_threads__WEBPACK_IMPORTED_MODULE_0__.parentPort;
    if (!port)
        throw new Error('serveShardTasks runs on a worker thread');
    port.on('message', (task) => {
        runTask(task, (message, transfer) => port.postMessage(message, transfer)).catch((error) => port.postMessage({ type: 'failed', error: serialize(error) }));
    });
}
async function runTask(task, post) {
    const suite = task.schema === undefined ? undefined : (await (0,_mlgate_core__WEBPACK_IMPORTED_MODULE_1__/* .readCheckSuite */ .dek)(task.schema)).checks;
    let last = 0;
    const onProgress = ({ bytes, totalBytes, rows }) => {
        const now = Date.now();
        if (now - last < PROGRESS_INTERVAL_MS && bytes < totalBytes)
            return;
        last = now;
        post({ type: 'progress', bytes, totalBytes, rows });
    };
    const pass = await (0,_mlgate_core__WEBPACK_IMPORTED_MODULE_1__/* .validatePass */ .oIb)(task.path, {
        shard: task.shard,
        onProgress,
        ...(suite && { suite }),
        ...(task.format && { format: task.format }),
        ...(task.delimiter !== undefined && { delimiter: task.delimiter }),
        ...(task.maxErrors !== undefined && { maxErrors: task.maxErrors }),
        ...(task.maxExamples !== undefined && { maxExamples: task.maxExamples }),
        profile: {
            ...(task.exactValues !== undefined && { exactValues: task.exactValues }),
            ...(task.sharedCounts && { sharedCounts: new Int32Array(task.sharedCounts) }),
        },
    });
    // Raw: the values and grids as typed arrays, moved to the main thread rather than encoded or copied.
    const profile = pass.profile.toJSON({ raw: true });
    post({
        type: 'done',
        result: {
            profile,
            outcomes: pass.outcomes.map(({ check: _check, ...outcome }) => outcome),
            issues: pass.issues,
            errorCount: pass.errorCount,
            warningCount: pass.warningCount,
        },
    }, (0,_mlgate_core__WEBPACK_IMPORTED_MODULE_1__/* .rawProfileBuffers */ .jTC)(profile));
}
function serialize(error) {
    if ((0,_mlgate_core__WEBPACK_IMPORTED_MODULE_1__/* .isUserError */ .iU5)(error))
        return { message: error.message, location: { ...error.location } };
    if (error instanceof Error)
        return { message: error.message, ...(error.stack && { stack: error.stack }) };
    return { message: String(error) };
}


/***/ })

};
