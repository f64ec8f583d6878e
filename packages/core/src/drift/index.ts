export { detectDrift, detectDriftDetailed, DEFAULT_EFFECT_THRESHOLDS, MAX_NUMERIC_CATEGORIES } from './detect.js';
export type { ColumnDriftOptions, DriftDetection, DriftOptions, SkippedColumn, SkipReason } from './detect.js';
export { booleanKey, categoryTable, numberKey, OTHER_BUCKET, textKey } from './categorical.js';
export type { CategoryKey, CategoryTable } from './categorical.js';
export { kllDistribution, PSI_BINS, sketchKs, sketchPsi, wassersteinEffect } from './numeric.js';
export type { NumericSide, WassersteinEffect } from './numeric.js';
