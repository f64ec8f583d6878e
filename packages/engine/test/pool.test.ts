import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { WorkerPool } from '../src/parallel/pool.js';
import type { ShardResult, ShardTask } from '../src/parallel/protocol.js';

// A worker that answers each task with its thread id after `delay` ms.
const ENTRY = `import { parentPort, threadId } from 'node:worker_threads';
parentPort.on('message', (task) => {
  setTimeout(() => parentPort.postMessage({ type: 'done', result: { threadId, path: task.path } }), task.delay);
});
`;

let dir: string;
let entry: URL;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mlgate-pool-'));
  await writeFile(join(dir, 'echo.mjs'), ENTRY);
  entry = pathToFileURL(join(dir, 'echo.mjs'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

function task(path: string, delay = 0): ShardTask {
  return { path, shard: { index: 1, count: 1 }, delay } as ShardTask;
}

function threadOf(result: ShardResult): number {
  return (result as unknown as { threadId: number }).threadId;
}

describe('WorkerPool', () => {
  it('keeps a worker for the tasks queued behind its task, and ends it once nothing is queued', async () => {
    const pool = new WorkerPool(entry, 1);
    try {
      const queued = await Promise.all([pool.run(task('a', 20)), pool.run(task('b')), pool.run(task('c'))]);
      expect(new Set(queued.map(threadOf)).size).toBe(1);
      // The worker ended with its last task (its memory goes before the caller uses the results): a new one starts.
      const later = await pool.run(task('d'));
      expect(threadOf(later)).not.toBe(threadOf(queued[0]!));
      expect((later as unknown as { path: string }).path).toBe('d');
    } finally {
      await pool.close();
    }
  });

  it('runs tasks on as many workers as it has, and refuses tasks once closed', async () => {
    const pool = new WorkerPool(entry, 2);
    const results = await Promise.all([pool.run(task('a', 50)), pool.run(task('b', 50))]);
    expect(new Set(results.map(threadOf)).size).toBe(2);
    await pool.close();
    await expect(pool.run(task('c'))).rejects.toThrow('the worker pool is closed');
  });
});
