export type { ClassLabels, MetricResult, Weights } from './types.js';
export { accuracy, classCounts, precisionRecallF1, prfFromCounts } from './classification.js';
export type { Average, ClassCounts, Prf, PrfOptions } from './classification.js';
export { ascendingOrder, averagePrecision, rocAuc, rocAucSorted, rocAucUndefinedReason } from './ranking.js';
export type { BinaryScoreOptions } from './ranking.js';
export {
  brierScore,
  exampleLogLoss,
  LOG_LOSS_EPS,
  logLoss,
  multiclassLogLoss,
  multiclassLogLosses,
} from './probabilistic.js';
export { meanAbsoluteError, r2Score, rootMeanSquaredError } from './regression.js';
