export const id = 166;
export const ids = [166];
export const modules = {

/***/ 77166:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ BootstrapPool),
/* harmony export */   serveBootstrapWorker: () => (/* binding */ serveBootstrapWorker)
/* harmony export */ });
/* unused harmony export MIN_PARALLEL_STEPS */
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(75919);
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_worker_threads__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _mlgate_core__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(98707);
/* harmony import */ var _roles_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76688);



/**
 * Below this many example × resample steps a job stays in this thread: a worker's start (loading
 * the bundle) and the copy of the examples cost more than they save.
 */
const MIN_PARALLEL_STEPS = 20_000_000;
/** status words: [slices finished, slices failed, slices started]; then the first failure's message as UTF-8. */
const STATUS_WORDS = 3;
const FINISHED = 0;
const FAILED = 1;
const STARTED = 2;
/** How often the blocked caller looks at whether every worker has started. */
const POLL_MS = 500;
const MESSAGE_BYTES = 2048;
/**
 * Bootstrap resamples split by range over worker threads. The compare engine is synchronous, so
 * the calling thread blocks (Atomics.wait) until every worker has written its slice of the
 * shared result; workers start on the first large job and stay until `close`. Same seed, same
 * deltas, whatever the thread count.
 */
class BootstrapPool {
    entry;
    threads;
    startTimeoutMs;
    workers = [];
    ranInWorkers = false;
    /**
     * `entry`: the bundle (this CLI's or an action's) whose start-up calls `serveWorker`. A worker
     * that has not taken its slice within `startTimeoutMs` (an entry that does not serve the role, a
     * worker that died loading) fails the job instead of blocking the caller for ever.
     */
    constructor(entry, threads, startTimeoutMs = 60_000) {
        this.entry = entry;
        this.threads = threads;
        this.startTimeoutMs = startTimeoutMs;
    }
    /** Small jobs, and statistics that draw category totals (O(categories) per resample), stay in this thread. */
    deltas = (job, statistic) => this.threads < 2 || statistic.categories !== undefined || job.examples.size * job.resamples < MIN_PARALLEL_STEPS
        ? (0,_mlgate_core__WEBPACK_IMPORTED_MODULE_1__/* .deltasInThread */ .ftd)(job, statistic)
        : this.inWorkers(job);
    /** Whether any job was large enough to run on the workers. */
    get used() {
        return this.ranInWorkers;
    }
    async close() {
        const workers = this.workers;
        this.workers = [];
        await Promise.all(workers.map((worker) => worker.terminate()));
    }
    inWorkers(job) {
        if (this.workers.length === 0) {
            this.workers = Array.from({ length: this.threads }, () => new node_worker_threads__WEBPACK_IMPORTED_MODULE_0__.Worker(this.entry, { workerData: { role: _roles_js__WEBPACK_IMPORTED_MODULE_2__/* .BOOTSTRAP_WORKER_ROLE */ .vV } }));
        }
        this.ranInWorkers = true;
        const results = new SharedArrayBuffer(job.resamples * Float64Array.BYTES_PER_ELEMENT);
        const status = new SharedArrayBuffer(STATUS_WORDS * Int32Array.BYTES_PER_ELEMENT + MESSAGE_BYTES);
        const count = this.workers.length;
        this.workers.forEach((worker, w) => {
            const from = Math.floor((w * job.resamples) / count);
            const to = Math.floor(((w + 1) * job.resamples) / count);
            worker.postMessage({ job, from, to, results, status });
        });
        const words = new Int32Array(status, 0, STATUS_WORDS);
        const deadline = Date.now() + this.startTimeoutMs;
        for (let finished = Atomics.load(words, FINISHED); finished < count; finished = Atomics.load(words, FINISHED)) {
            Atomics.wait(words, FINISHED, finished, POLL_MS);
            if (Atomics.load(words, STARTED) < count && Date.now() > deadline) {
                throw new Error(`bootstrap worker threads did not start within ${this.startTimeoutMs / 1000} s: ${this.entry.href} must call serveWorker() at start-up`);
            }
        }
        if (Atomics.load(words, FAILED) > 0) {
            const bytes = new Uint8Array(status, STATUS_WORDS * Int32Array.BYTES_PER_ELEMENT);
            const end = bytes.indexOf(0);
            throw new Error(`a bootstrap worker failed: ${new TextDecoder().decode(bytes.slice(0, end === -1 ? undefined : end))}`);
        }
        return new Float64Array(results).slice();
    }
}
/** The worker side: computes each slice it is sent, writes it to the shared result, signals. */
function serveBootstrapWorker() {
    node_worker_threads__WEBPACK_IMPORTED_MODULE_0__.parentPort?.on('message', ({ job, from, to, results, status }) => {
        const words = new Int32Array(status, 0, STATUS_WORDS);
        Atomics.add(words, STARTED, 1);
        try {
            new Float64Array(results, from * Float64Array.BYTES_PER_ELEMENT, to - from).set((0,_mlgate_core__WEBPACK_IMPORTED_MODULE_1__/* .jobDeltas */ .VtD)(job, from, to));
        }
        catch (error) {
            if (Atomics.add(words, FAILED, 1) === 0) {
                const text = error instanceof Error ? error.message : String(error);
                const bytes = new Uint8Array(status, STATUS_WORDS * Int32Array.BYTES_PER_ELEMENT, MESSAGE_BYTES - 1);
                new TextEncoder().encodeInto(text, bytes);
            }
        }
        Atomics.add(words, FINISHED, 1);
        Atomics.notify(words, FINISHED);
    });
}


/***/ })

};
