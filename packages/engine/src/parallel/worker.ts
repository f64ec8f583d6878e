import { parentPort } from 'node:worker_threads';
import { isUserError, rawProfileBuffers, readCheckSuite, validatePass, type ProfileProgress } from '@mlgate/core';
import type { SerializedError, ShardTask, WorkerMessage } from './protocol.js';

const PROGRESS_INTERVAL_MS = 100;

/** Serves shard tasks posted by the pool, one at a time, until the pool terminates this worker. */
export function serveShardTasks(): void {
  const port = parentPort;
  if (!port) throw new Error('serveShardTasks runs on a worker thread');
  port.on('message', (task: ShardTask) => {
    runTask(task, (message, transfer) => port.postMessage(message, transfer)).catch((error: unknown) =>
      port.postMessage({ type: 'failed', error: serialize(error) } satisfies WorkerMessage),
    );
  });
}

async function runTask(
  task: ShardTask,
  post: (message: WorkerMessage, transfer?: ArrayBuffer[]) => void,
): Promise<void> {
  const suite = task.schema === undefined ? undefined : (await readCheckSuite(task.schema)).checks;
  let last = 0;
  const onProgress = ({ bytes, totalBytes, rows }: ProfileProgress) => {
    const now = Date.now();
    if (now - last < PROGRESS_INTERVAL_MS && bytes < totalBytes) return;
    last = now;
    post({ type: 'progress', bytes, totalBytes, rows });
  };
  const pass = await validatePass(task.path, {
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
  post(
    {
      type: 'done',
      result: {
        profile,
        outcomes: pass.outcomes.map(({ check: _check, ...outcome }) => outcome),
        issues: pass.issues,
        errorCount: pass.errorCount,
        warningCount: pass.warningCount,
      },
    },
    rawProfileBuffers(profile),
  );
}

function serialize(error: unknown): SerializedError {
  if (isUserError(error)) return { message: error.message, location: { ...error.location } };
  if (error instanceof Error) return { message: error.message, ...(error.stack && { stack: error.stack }) };
  return { message: String(error) };
}
