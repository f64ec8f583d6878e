import { runAction } from '@mlgate/github';
import { run } from './main.js';

process.exitCode = await runAction(run);
