/** The CLI's engine as a library, for the actions that share it (the `mlgate` binary is `index.ts`). */
export * from './compare/index.js';
export { BootstrapPool } from './parallel/bootstrap-pool.js';
export { serveWorker } from './parallel/serve-worker.js';
export { parseThreads } from './parallel/threads.js';
export {
  type DataFormat,
  type ValidateDeps,
  type ValidateOptions,
  type ValidateResult,
  runValidate,
} from './validate/run-validate.js';
