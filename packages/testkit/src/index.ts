export * from './fake-github/index.js';
export * from './harness.js';
export * from './actions-runtime/index.js';
export * from './hostile.js';
export * from './markdown/gfm.js';
export * from './mermaid/parse.js';
export * from './zip.js';
export * from './html/structure.js';
