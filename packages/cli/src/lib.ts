/** The CLI's engine as a library, for the actions that share it (the `mlgate` binary is `index.ts`). */
export * from './compare/index.js';
export { BootstrapPool, isBootstrapWorker, serveBootstrapWorker } from './parallel/bootstrap-pool.js';
