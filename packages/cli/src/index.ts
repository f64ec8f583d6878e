#!/usr/bin/env node
import { isMainThread, workerData } from 'node:worker_threads';
import { runCli } from './cli.js';
import { processIo } from './io.js';
import { WORKER_ROLE } from './parallel/protocol.js';
import { serveShardTasks } from './parallel/worker.js';

// The bundle is its own worker entry: the pool starts this file with the worker role.
if (!isMainThread && (workerData as { role?: unknown } | null)?.role === WORKER_ROLE) serveShardTasks();
else process.exitCode = await runCli(process.argv.slice(2), processIo(new URL(import.meta.url)));
