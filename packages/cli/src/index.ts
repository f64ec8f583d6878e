#!/usr/bin/env node
import { runCli } from './cli.js';
import { processIo } from './io.js';
import { isBootstrapWorker, serveBootstrapWorker } from './parallel/bootstrap-pool.js';

// Worker threads start from this same bundle (see BootstrapPool).
if (isBootstrapWorker()) serveBootstrapWorker();
else process.exitCode = await runCli(process.argv.slice(2), processIo(new URL(import.meta.url)));
