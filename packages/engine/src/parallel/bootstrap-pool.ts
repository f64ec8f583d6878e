import { parentPort, Worker } from 'node:worker_threads';
import { type DeltasJob, type DeltasRunner, deltasInThread, jobDeltas } from '@mlgate/core';
import { BOOTSTRAP_WORKER_ROLE } from './roles.js';

/**
 * Below this many example × resample steps a job stays in this thread: a worker's start (loading
 * the bundle) and the copy of the examples cost more than they save.
 */
export const MIN_PARALLEL_STEPS = 20_000_000;

/** status words: [slices finished, slices failed, slices started]; then the first failure's message as UTF-8. */
const STATUS_WORDS = 3;
const FINISHED = 0;
const FAILED = 1;
const STARTED = 2;
/** How often the blocked caller looks at whether every worker has started. */
const POLL_MS = 500;
const MESSAGE_BYTES = 2048;

interface Slice {
  job: DeltasJob;
  from: number;
  to: number;
  /** Float64 deltas of all the job's resamples; the slice writes [from, to). */
  results: SharedArrayBuffer;
  status: SharedArrayBuffer;
}

/**
 * Bootstrap resamples split by range over worker threads. The compare engine is synchronous, so
 * the calling thread blocks (Atomics.wait) until every worker has written its slice of the
 * shared result; workers start on the first large job and stay until `close`. Same seed, same
 * deltas, whatever the thread count.
 */
export class BootstrapPool {
  private workers: Worker[] = [];
  private ranInWorkers = false;

  /**
   * `entry`: the bundle (this CLI's or an action's) whose start-up calls `serveWorker`. A worker
   * that has not taken its slice within `startTimeoutMs` (an entry that does not serve the role, a
   * worker that died loading) fails the job instead of blocking the caller for ever.
   */
  constructor(
    private readonly entry: URL,
    private readonly threads: number,
    private readonly startTimeoutMs = 60_000,
  ) {}

  /** Small jobs, and statistics that draw category totals (O(categories) per resample), stay in this thread. */
  readonly deltas: DeltasRunner = (job, statistic) =>
    this.threads < 2 || statistic.categories !== undefined || job.examples.size * job.resamples < MIN_PARALLEL_STEPS
      ? deltasInThread(job, statistic)
      : this.inWorkers(job);

  /** Whether any job was large enough to run on the workers. */
  get used(): boolean {
    return this.ranInWorkers;
  }

  async close(): Promise<void> {
    const workers = this.workers;
    this.workers = [];
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  private inWorkers(job: DeltasJob): Float64Array {
    if (this.workers.length === 0) {
      this.workers = Array.from(
        { length: this.threads },
        () => new Worker(this.entry, { workerData: { role: BOOTSTRAP_WORKER_ROLE } }),
      );
    }
    this.ranInWorkers = true;
    const results = new SharedArrayBuffer(job.resamples * Float64Array.BYTES_PER_ELEMENT);
    const status = new SharedArrayBuffer(STATUS_WORDS * Int32Array.BYTES_PER_ELEMENT + MESSAGE_BYTES);
    const count = this.workers.length;
    this.workers.forEach((worker, w) => {
      const from = Math.floor((w * job.resamples) / count);
      const to = Math.floor(((w + 1) * job.resamples) / count);
      worker.postMessage({ job, from, to, results, status } satisfies Slice);
    });
    const words = new Int32Array(status, 0, STATUS_WORDS);
    const deadline = Date.now() + this.startTimeoutMs;
    for (let finished = Atomics.load(words, FINISHED); finished < count; finished = Atomics.load(words, FINISHED)) {
      Atomics.wait(words, FINISHED, finished, POLL_MS);
      if (Atomics.load(words, STARTED) < count && Date.now() > deadline) {
        throw new Error(
          `bootstrap worker threads did not start within ${this.startTimeoutMs / 1000} s: ${this.entry.href} must call serveWorker() at start-up`,
        );
      }
    }
    if (Atomics.load(words, FAILED) > 0) {
      const bytes = new Uint8Array(status, STATUS_WORDS * Int32Array.BYTES_PER_ELEMENT);
      const end = bytes.indexOf(0);
      throw new Error(
        `a bootstrap worker failed: ${new TextDecoder().decode(bytes.slice(0, end === -1 ? undefined : end))}`,
      );
    }
    return new Float64Array(results).slice();
  }
}

/** The worker side: computes each slice it is sent, writes it to the shared result, signals. */
export function serveBootstrapWorker(): void {
  parentPort?.on('message', ({ job, from, to, results, status }: Slice) => {
    const words = new Int32Array(status, 0, STATUS_WORDS);
    Atomics.add(words, STARTED, 1);
    try {
      new Float64Array(results, from * Float64Array.BYTES_PER_ELEMENT, to - from).set(jobDeltas(job, from, to));
    } catch (error) {
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
