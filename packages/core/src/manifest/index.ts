export * from './types.js';
export { manifestJsonSchema, parseManifest } from './parse.js';
export { TRAIN_FORMAT_VERSION, trainCacheKey, trainFingerprint } from './fingerprint.js';
export type { FingerprintInput } from './fingerprint.js';
