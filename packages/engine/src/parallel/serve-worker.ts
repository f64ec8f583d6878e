import { serveBootstrapWorker } from './bootstrap-pool.js';
import { BOOTSTRAP_WORKER_ROLE, SHARD_WORKER_ROLE, workerRole } from './roles.js';
import { serveShardTasks } from './worker.js';

/**
 * Serves this thread's worker role, if it has one, and says so: an action's bundle is its own
 * worker entry with `if (!serveWorker()) …run the action…`.
 */
export function serveWorker(): boolean {
  switch (workerRole()) {
    case SHARD_WORKER_ROLE:
      serveShardTasks();
      return true;
    case BOOTSTRAP_WORKER_ROLE:
      serveBootstrapWorker();
      return true;
    default:
      return false;
  }
}
