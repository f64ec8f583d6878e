export * from './errors.js';
export * from './report/types.js';
export { parseReport, reportJsonSchema } from './report/parse.js';
export { readReportFile, MAX_REPORT_BYTES } from './report/read.js';
export { mergeReports } from './report/merge.js';
export { worstStatus } from './report/status.js';
