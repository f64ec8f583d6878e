export { bootstrapDeltas, pairedBootstrap, percentileInterval } from './bootstrap.js';
export type { BootstrapOptions, PairedBootstrapResult } from './bootstrap.js';
export type { CategoryEvaluator, PairedStatistic, PairedValues } from './paired-statistic.js';
export {
  accuracyFromCounts,
  pairedLabelMetric,
  pairedMeanLoss,
  pairedMetric,
  pairedOneVsRestRocAuc,
  pairedRocAuc,
} from './paired-metrics.js';
export type { CountsMetric } from './paired-metrics.js';
export { seedState, Xoshiro128 } from './prng.js';
export { BLOCK_SIZE, drawCategoryTotals, drawCounts, ResampleDrawer } from './resample.js';
export { binomial, multinomial } from './binomial.js';
export type { ResampleCounts } from './resample.js';
export { deLong, midranks } from './delong.js';
export type { DeLongResult } from './delong.js';
export { labelChange } from './label-change.js';
export type { ChangeInput, ChangeLabel } from './label-change.js';
export { mcnemar, MCNEMAR_EXACT_BELOW, mcnemarFromCounts } from './mcnemar.js';
export type { McNemarResult } from './mcnemar.js';
