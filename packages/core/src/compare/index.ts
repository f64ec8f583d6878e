export { type FlatValues, flattenDocument } from './flatten.js';
export { type MetricsFormat, metricsFormat, parseMetricsText } from './metrics-file.js';
export { MAX_METRICS_FILE_BYTES, readMetricsFile } from './read-metrics-file.js';
export { findRule, metricDirection } from './direction.js';
export { type DeltaInterval, type MetricDiffOptions, compareMetric, diffMetrics, diffParams } from './diff.js';
export {
  type Predictions,
  type SliceColumn,
  type ValueColumn,
  MISSING_SLICE_VALUE,
  readPredictions,
} from './predictions.js';
export { DEFAULT_CLASS_SCORE_PREFIX, DEFAULT_COLUMN_NAMES, type PredictionColumnNames } from './predictions-columns.js';
export {
  JOIN_EXAMPLES,
  type JoinSummary,
  type LabelSetDifference,
  type UnmatchedIds,
  joinPredictions,
  labelSetDifference,
} from './predictions-join.js';
export {
  binaryClassIndex,
  type ClassIndex,
  classIndex,
  detectTask,
  MAX_DETECTED_CLASSES,
  type PositiveClass,
  type PredictionTask,
  type TaskDecision,
} from './predictions-task.js';
export {
  type PredictionsSemantics,
  predictionsReading,
  resolveSemantics,
  type ScoreReading,
  type SettingNames,
} from './predictions-semantics.js';
export {
  type ComparePredictionsOptions,
  comparePredictions,
  DEFAULT_SLICE_RESAMPLES,
  type PredictionComparison,
} from './engine/index.js';
export { SCORE_THRESHOLD, sigmoid } from './engine/examples.js';
export { type DeltasJob, type DeltasRunner, deltasInThread, jobDeltas } from './engine/deltas.js';
