/**
 * @mlgate/engine — the use cases (validate, profile, compare, train; promote next), one
 * implementation for the CLI and the actions: core logic tied to stores and worker threads.
 */
export * from './compare/index.js';
export { loadCompareConfig } from './compare/config.js';
export { BootstrapPool } from './parallel/bootstrap-pool.js';
export { serveWorker } from './parallel/serve-worker.js';
export { parseThreads } from './parallel/threads.js';
export { exactValuesSetting, parseExactValues } from './profile/exact-values.js';
export { type ProfileDeps, type ProfileOptions, runProfile } from './profile/run-profile.js';
export {
  DATA_FORMATS,
  type DataFormat,
  type ValidateDeps,
  type ValidateOptions,
  type ValidateResult,
  parseDataFormat,
  parseDelimiter,
  runValidate,
} from './validate/run-validate.js';
export { VALIDATE_FAIL_ON, type ValidateFailOn, validationFails } from './validate/fail-on.js';
export * from './train/index.js';
export * from './registry/index.js';
