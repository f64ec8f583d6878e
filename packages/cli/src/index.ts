#!/usr/bin/env node
import { BOOTSTRAP_WORKER_ROLE, SHARD_WORKER_ROLE, workerRole } from '@mlgate/engine/worker-roles';

// Each side imports only what it runs, so a worker does not load the CLI's GitHub client.
const role = workerRole();
if (role === SHARD_WORKER_ROLE) {
  const { serveShardTasks } = await import('@mlgate/engine/shard-worker');
  serveShardTasks();
} else if (role === BOOTSTRAP_WORKER_ROLE) {
  const { serveBootstrapWorker } = await import('@mlgate/engine/bootstrap-worker');
  serveBootstrapWorker();
} else {
  const [{ runCli }, { processIo }] = await Promise.all([import('./cli.js'), import('./io.js')]);
  process.exitCode = await runCli(process.argv.slice(2), processIo(new URL(import.meta.url)));
}
