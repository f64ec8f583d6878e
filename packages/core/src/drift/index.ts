export {
  detectDrift,
  detectDriftDetailed,
  DEFAULT_EFFECT_THRESHOLDS,
  IDENTIFIER_DISTINCT_SHARE,
  MAX_NUMERIC_CATEGORIES,
  MIN_IDENTIFIER_VALUES,
} from './detect.js';
export { schemaDriftOptions } from './schema-settings.js';
export type { ColumnDriftOptions, DriftDetection, DriftOptions } from './detect.js';
export { booleanKey, categorySides, categoryTable, MIN_EXPECTED, OTHER_BUCKET, textKey } from './categorical.js';
export type { CategoryKey, CategorySide, CategorySides, CategoryTable } from './categorical.js';
export { compareNumbers, numericPsi, PSI_BINS } from './numeric.js';
export type { NumericComparison } from './numeric.js';
export {
  categoryDistribution,
  histogramDistribution,
  DISTRIBUTION_BINS,
  DISTRIBUTION_CATEGORIES,
} from './distribution.js';
