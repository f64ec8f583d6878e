import { serveWorker } from '@mlgate/engine';
import { runAction } from '@mlgate/github';
import { run } from './main.js';

// The bootstrap's worker threads start from this same bundle (see BootstrapPool).
if (!serveWorker())
  process.exitCode = await runAction(({ logger }) => run({ logger, workerEntry: new URL(import.meta.url) }));
