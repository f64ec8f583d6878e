export { DEFAULT_TOP_VALUES, columnStatsOf, profileStats } from './column-stats.js';
export type { ColumnStatsOptions } from './column-stats.js';
export { attachDrift, validationReport, validationVerdict } from './report.js';
export {
  DEFAULT_MAX_ERRORS,
  MAX_REPORTED_EXAMPLES,
  MAX_REPORTED_ISSUES,
  joinValidationPasses,
  judgeValidation,
  validateFile,
  validatePass,
} from './validate-file.js';
export type { JoinPassesOptions, ValidateFileOptions, ValidateFileResult, ValidationPass } from './validate-file.js';
