import { Worker } from 'node:worker_threads';
import { UserError } from '@mlgate/core';
import { SHARD_WORKER_ROLE } from './roles.js';
import { type SerializedError, type ShardResult, type ShardTask, type WorkerMessage } from './protocol.js';

type Progress = Extract<WorkerMessage, { type: 'progress' }>;

interface Job {
  task: ShardTask;
  onProgress: (progress: Progress) => void;
  resolve: (result: ShardResult) => void;
  reject: (error: Error) => void;
}

/**
 * A fixed number of worker threads running shard tasks first come, first served. Workers start on
 * the first task they are needed for and end when they finish one with nothing left in the queue:
 * a finished worker still holds its pass's memory until the caller has joined the results. `close`
 * ends them all. A task's UserError comes back as a UserError with its location; any other failure
 * is an Error carrying the worker's stack.
 */
export class WorkerPool {
  private readonly idle: Worker[] = [];
  private readonly all: Worker[] = [];
  private readonly queue: Job[] = [];
  private readonly ending: Promise<number>[] = [];
  private closed = false;

  constructor(
    private readonly entry: URL,
    readonly size: number,
  ) {}

  run(task: ShardTask, onProgress: (progress: Progress) => void = () => {}): Promise<ShardResult> {
    if (this.closed) return Promise.reject(new Error('the worker pool is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ task, onProgress, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.all.map((worker) => worker.terminate()), ...this.ending]);
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const worker = this.idle.pop() ?? (this.all.length < this.size ? this.start() : undefined);
      if (!worker) return;
      this.assign(worker, this.queue.shift()!);
    }
  }

  private start(): Worker {
    const worker = new Worker(this.entry, { workerData: { role: SHARD_WORKER_ROLE } });
    this.all.push(worker);
    return worker;
  }

  private assign(worker: Worker, job: Job): void {
    const finish = (settle: () => void) => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      settle();
      if (this.closed) return;
      if (this.queue.length === 0) this.retire(worker);
      else {
        this.idle.push(worker);
        this.dispatch();
      }
    };
    const onMessage = (message: WorkerMessage) => {
      if (message.type === 'progress') job.onProgress(message);
      else if (message.type === 'done') finish(() => job.resolve(message.result));
      else finish(() => job.reject(deserialize(message.error)));
    };
    const onError = (error: Error) => this.fail(worker, job, error);
    const onExit = (code: number) => this.fail(worker, job, new Error(`a worker thread exited (code ${code})`));
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage(job.task);
  }

  /** Ends an idle worker; the next task starts a new one. */
  private retire(worker: Worker): void {
    this.all.splice(this.all.indexOf(worker), 1);
    this.ending.push(worker.terminate());
  }

  /** A worker that crashed is dropped; the pool starts another for the next task. */
  private fail(worker: Worker, job: Job, error: Error): void {
    worker.removeAllListeners();
    this.all.splice(this.all.indexOf(worker), 1);
    void worker.terminate();
    job.reject(error);
    if (!this.closed) this.dispatch();
  }
}

function deserialize(error: SerializedError): Error {
  if (error.location) return new UserError(error.message, error.location);
  const internal = new Error(error.message);
  if (error.stack) internal.stack = error.stack;
  return internal;
}
