export { evaluateChecks } from './evaluate.js';
export type { CheckInputs } from './evaluate.js';
export { SUPPORTED_EXPECTATIONS, describeSkipped, isGxSuite, loadGxSuite, skippedResult } from './gx.js';
export type { GxSuite, SkippedExpectation } from './gx.js';
export { ConditionMask, parseRowCondition } from './condition.js';
export type { RowCondition } from './condition.js';
export { DEFAULT_MAX_ALLOWED, inferSchema } from './infer.js';
export type { InferOptions } from './infer.js';
export { loadCheckSuite, readCheckSuite } from './load.js';
export type { CheckSuite } from './load.js';
export { DEFAULT_MAX_DISTINCT, DEFAULT_MAX_EXAMPLES, RowChecker, describeRowCheck } from './row-checker.js';
export type { RowCheckerOptions, RowOutcome } from './row-checker.js';
export { checksFromSchema, dataSchemaJsonSchema, loadDataSchema } from './schema.js';
export { QUANTILE_METHODS, VALUE_TYPES, isPassCheck, isRowCheck } from './types.js';
export type {
  AggregateCheck,
  Bounds,
  Check,
  ColumnSchema,
  ColumnStatistic,
  ColumnStats,
  ConditionedCheck,
  DataSchema,
  PassCheck,
  QuantileMethod,
  RowCheck,
  SetValue,
  TableStats,
  ValueType,
} from './types.js';
export { compilePattern, parseDateTime } from './values.js';
export { canJoinShards, joinRowOutcomes } from './join-outcomes.js';
