import { stat } from 'node:fs/promises';
import { shardRange } from '../data/csv-boundary.js';
import type { RecordBatch } from '../data/batch.js';
import type { DataIssue } from '../data/issues.js';
import { formatOf, openReader, type DataFormat, type OpenReaderOptions, type Shard } from '../data/source.js';
import { fileErrorMessage } from '../files/read-text.js';
import { UserError } from '../errors.js';
import { ProfileBuilder } from './builder.js';
import type { ProfileOptions } from './column.js';
import type { ParsedColumn } from './parsed-column.js';
import type { Profile } from './profile.js';

export interface ProfileProgress {
  /** Bytes read from the file so far (compressed bytes for gzip). */
  bytes: number;
  /** Bytes this run will read at most: the shard's range, or the file size. */
  totalBytes: number;
  rows: number;
}

export interface ProfileFileOptions extends ProfileOptions {
  shard?: Shard;
  format?: DataFormat;
  csv?: OpenReaderOptions['csv'];
  jsonl?: OpenReaderOptions['jsonl'];
  /** Called after each batch; cheap to ignore. */
  onProgress?: (progress: ProfileProgress) => void;
  /**
   * Another consumer of the same pass (row-level checks): called with each batch after the profile
   * has taken it, with what the profile read of each column. Both are only valid during the call.
   */
  onBatch?: (batch: RecordBatch, parsed: readonly ParsedColumn[]) => void;
}

export interface ProfileFileResult {
  profile: Profile;
  /** The first issues the reader kept (bounded by its max-errors setting). */
  issues: DataIssue[];
  errorCount: number;
  warningCount: number;
}

/**
 * Profiles a data file (or shard `i/n` of it) in one streaming pass. Memory is the reader's
 * buffers plus a fixed size of sketches per column, whatever the file's size.
 */
export async function profileFile(path: string, options: ProfileFileOptions = {}): Promise<ProfileFileResult> {
  const format = options.format ?? formatOf(path);
  const shard = options.shard ?? { index: 1, count: 1 };
  const { index, count } = shard;
  if (!Number.isInteger(index) || !Number.isInteger(count) || count < 1 || index < 1 || index > count) {
    throw new UserError(`shard must be i/n with 1 ≤ i ≤ n, got ${index}/${count}`);
  }
  const size = await fileSize(path);
  const range = shardRange(size, shard.index, shard.count);
  const { reader, source } = await openReader(path, {
    format,
    shard,
    ...(options.csv && { csv: options.csv }),
    ...(options.jsonl && { jsonl: options.jsonl }),
  });
  const builder = new ProfileBuilder(
    {
      ...(options.exactValues !== undefined && { exactValues: options.exactValues }),
      ...(options.gridBins !== undefined && { gridBins: options.gridBins }),
      ...(options.sharedCounts && { sharedCounts: options.sharedCounts }),
      ...(options.hllPrecision !== undefined && { hllPrecision: options.hllPrecision }),
      ...(options.frequentExactLimit !== undefined && { frequentExactLimit: options.frequentExactLimit }),
      quotedIsText: options.quotedIsText ?? format === 'jsonl',
    },
    options.onBatch !== undefined,
  );
  const totalBytes = range.end - range.start;
  let bytes = 0;
  async function* counted(): AsyncGenerator<Uint8Array, void> {
    for await (const chunk of source) {
      bytes += chunk.length;
      yield chunk;
    }
  }
  for await (const batch of reader.batches(counted())) {
    builder.add(batch);
    options.onBatch?.(batch, builder.parsedColumns);
    options.onProgress?.({ bytes: Math.min(bytes, totalBytes), totalBytes, rows: builder.rowCount });
  }
  builder.declareColumns(reader.columns);
  const { issues } = reader;
  const profile = builder.finish([
    {
      file: path,
      format,
      shard: shard.count > 1 ? { index: shard.index, count: shard.count } : null,
      bytes: { ...range, size },
      rows: builder.rowCount,
      issues: { errors: issues.errorCount, warnings: issues.warningCount },
    },
  ]);
  return { profile, issues: issues.issues, errorCount: issues.errorCount, warningCount: issues.warningCount };
}

async function fileSize(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch (error) {
    throw new UserError(fileErrorMessage(error), { file: path });
  }
}
