export * from './fake-github/index.js';
export * from './harness.js';
