export { type FlatValues, flattenDocument } from './flatten.js';
export { type MetricsFormat, metricsFormat, parseMetricsText } from './metrics-file.js';
export { MAX_METRICS_FILE_BYTES, readMetricsFile } from './read-metrics-file.js';
export { findRule, metricDirection } from './direction.js';
export { type DeltaInterval, type MetricDiffOptions, compareMetric, diffMetrics, diffParams } from './diff.js';
