export { LocalActionsRuntime } from './runtime.js';
export type { LocalActionsRuntimeOptions, RuntimeArtifact, RuntimeCacheEntry } from './runtime.js';
export type { TwirpCall, TwirpFault, TwirpService } from './twirp.js';
export type { BlobFault, BlobOperation } from './blob-proxy.js';
export { fastRetryClockEnv, withFastRetryClock } from './fast-clock.js';
