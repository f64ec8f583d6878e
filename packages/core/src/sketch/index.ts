export { Moments, type MomentsJSON } from './moments.js';
export {
  ExactValues,
  DEFAULT_EXACT_VALUES,
  MAX_EXACT_VALUES,
  type ExactValuesJSON,
  type ValueCounts,
} from './exact-values.js';
export {
  ValueGrid,
  DEFAULT_GRID_BINS,
  binEdges,
  type GridBins,
  type GridScale,
  type ValueGridJSON,
} from './value-grid.js';
export { HyperLogLog, DEFAULT_HLL_PRECISION, type HyperLogLogJSON } from './hll.js';
export {
  FrequentItems,
  DEFAULT_EXACT_LIMIT,
  type FrequentItem,
  type FrequentItemsJSON,
  type FrequentItemsOptions,
} from './frequent-items.js';
export { Histogram, DEFAULT_HISTOGRAM_BINS, MAX_HISTOGRAM_BINS, type HistogramJSON } from './histogram.js';
export { hashBytes, hashNumber, hashString } from './hash.js';
export { SeededRandom } from './prng.js';
