import { runAction } from '@mlgate/github';
import { run } from './main.js';

// The bundle's own location: the HTML report's browser builds sit beside it (dist/vega/).
process.exitCode = await runAction(({ logger }) => run({ logger, entry: new URL(import.meta.url) }));
