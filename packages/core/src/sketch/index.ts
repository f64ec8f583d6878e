export { Moments, type MomentsJSON } from './moments.js';
export { KllSketch, DEFAULT_KLL_K, type KllJSON } from './kll.js';
export { HyperLogLog, DEFAULT_HLL_PRECISION, type HyperLogLogJSON } from './hll.js';
export {
  FrequentItems,
  DEFAULT_EXACT_LIMIT,
  type FrequentItem,
  type FrequentItemsJSON,
  type FrequentItemsOptions,
} from './frequent-items.js';
export { Histogram, DEFAULT_HISTOGRAM_BINS, type HistogramJSON } from './histogram.js';
export { hashBytes, hashNumber, hashString } from './hash.js';
export { SeededRandom } from './prng.js';
