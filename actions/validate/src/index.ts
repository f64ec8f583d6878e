import { serveWorker } from '@mlgate/engine';
import { runAction } from '@mlgate/github';
import { run } from './main.js';

// Worker threads reading parts of the data start from this same bundle.
if (!serveWorker())
  process.exitCode = await runAction(({ logger }) => run({ logger, workerEntry: new URL(import.meta.url) }));
