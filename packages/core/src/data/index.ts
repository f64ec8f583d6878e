export { DEFAULT_NULL_VALUES, FieldFlag, NullTokens, RecordBatch } from './batch.js';
export type { BatchReader } from './batch.js';
export { CsvReader } from './csv-reader.js';
export type { CsvOptions } from './csv-reader.js';
export { CsvRowScanner, findLineStart, findRowStart, shardRange } from './csv-boundary.js';
export type { ByteRange, RowScannerOptions, RowStart } from './csv-boundary.js';
export { IssueLog } from './issues.js';
export type { DataIssue, DataIssueCode } from './issues.js';
export { JsonlReader } from './jsonl-reader.js';
export type { JsonlOptions } from './jsonl-reader.js';
export { parseNumber } from './number.js';
export {
  ParquetReader,
  openParquetReader,
  parquetShardGroups,
  readParquetLayout,
  readParquetMetadata,
} from './parquet-reader.js';
export type { ParquetLayout, ParquetOptions } from './parquet-reader.js';
export {
  formatOf,
  isGzipFile,
  openCsvShard,
  openDataSource,
  openJsonlShard,
  openReader,
  readCsvColumns,
} from './source.js';
export type { ByteSourceOptions, DataFormat, OpenReaderOptions, Shard } from './source.js';
export { charColumn, decodeUtf8, findInvalidUtf8 } from './utf8.js';
