#!/usr/bin/env node
import { isMainThread, workerData } from 'node:worker_threads';
import { WORKER_ROLE } from './parallel/protocol.js';

// The bundle is its own worker entry: the pool starts this file with the worker role. Each side
// imports only what it runs, so a worker does not load the CLI's GitHub client.
if (!isMainThread && (workerData as { role?: unknown } | null)?.role === WORKER_ROLE) {
  const { serveShardTasks } = await import('./parallel/worker.js');
  serveShardTasks();
} else {
  const [{ runCli }, { processIo }] = await Promise.all([import('./cli.js'), import('./io.js')]);
  process.exitCode = await runCli(process.argv.slice(2), processIo(new URL(import.meta.url)));
}
