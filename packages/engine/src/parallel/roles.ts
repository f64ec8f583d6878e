import { isMainThread, workerData } from 'node:worker_threads';

/**
 * The bundle is its own worker entry: a pool starts it with one of these roles in `workerData`,
 * and the entry serves that role instead of running the CLI (or the action).
 */
export const SHARD_WORKER_ROLE = 'mlgate-shard-worker';
export const BOOTSTRAP_WORKER_ROLE = 'mlgate-bootstrap-worker';

/** This thread's role, or undefined on the main thread and in workers started by others. */
export function workerRole(): string | undefined {
  if (isMainThread) return undefined;
  const role = (workerData as { role?: unknown } | null)?.role;
  return typeof role === 'string' ? role : undefined;
}
