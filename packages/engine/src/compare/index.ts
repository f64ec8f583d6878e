export { runCompare } from './run-compare.js';
export { failsStep } from './fail-on.js';
export { FAIL_ON, type CompareDeps, type CompareOptions, type CompareResult, type FailOn } from './types.js';
