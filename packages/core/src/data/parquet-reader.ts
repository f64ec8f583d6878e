import { open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { parquetMetadataAsync, parquetRead, parquetSchema } from 'hyparquet';
import type { AsyncBuffer, FileMetaData } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { fileErrorMessage } from '../files/read-text.js';
import { UserError } from '../errors.js';
import { NullTokens, RecordBatch } from './batch.js';
import type { BatchReader } from './batch.js';
import { IssueLog } from './issues.js';
import { BatchEncoder } from './parquet/encode.js';
import type { ColumnSlice } from './parquet/encode.js';
import { fileAsyncBuffer } from './parquet/file-buffer.js';

export interface ParquetOptions {
  /** Rows per batch (default 16,384). */
  batchSize?: number;
  /** Null tokens; only a float NaN (text `NaN`) can match one, as in pandas. */
  nullValues?: readonly string[];
  /** Read only shard `i/n` (1-based) of the row groups; see `parquetShardGroups`. */
  shard?: { index: number; count: number };
}

/** The byte source `openReader` pairs with a `ParquetReader`, which reads its file itself. */
export const NO_BYTES: AsyncIterable<Uint8Array> = {
  [Symbol.asyncIterator]: () => ({ next: () => Promise.resolve({ done: true, value: undefined }) }),
};

/** A Parquet file's layout, read from its footer. */
export interface ParquetLayout {
  /** Top-level column names in schema order. */
  columns: readonly string[];
  /** Rows in the whole file. */
  rowCount: number;
  /** Rows of each row group, in file order. */
  groupRows: readonly number[];
}

/**
 * The row groups of shard `index/count`: a contiguous run, the groups whose middle row `m`
 * satisfies `floor(m * count / total) = index - 1`. Every group has one middle, so shards 1..n
 * read every row exactly once, in file order, with about `total / count` rows each (n equal
 * groups go one to a shard); a file with fewer groups than shards leaves some shards empty.
 */
export function parquetShardGroups(groupRows: readonly number[], index: number, count: number): number[] {
  const total = groupRows.reduce((sum, rows) => sum + rows, 0);
  const groups: number[] = [];
  let first = 0;
  for (let g = 0; g < groupRows.length; g++) {
    const rows = groupRows[g]!;
    // Twice the middle row, to stay in integers.
    const shard = total === 0 ? 0 : Math.floor(((2 * first + rows) * count) / (2 * total));
    if (shard === index - 1) groups.push(g);
    first += rows;
  }
  return groups;
}

/**
 * Reads a Parquet file into the same `RecordBatch`es as the CSV and JSON Lines readers (values
 * as text: see `BatchEncoder`). Parquet is random access, so the reader reads the file itself,
 * one row group at a time through positioned reads of the byte ranges hyparquet asks for:
 * memory holds one decoded row group, never the file. hyparquet decodes whole pages, so reading
 * a row group in smaller row ranges would decode its pages again for every range; instead the
 * decoded group is cut into batches of `batchSize` rows. `RecordBatch.line(r)` is the 1-based
 * row number in the file. Decoding problems (corrupt data, unsupported codec or encoding) stop
 * the read with a `UserError` naming the file; `issues` stays empty.
 */
export class ParquetReader implements BatchReader {
  readonly issues: IssueLog;
  readonly columns: readonly string[];
  /** Rows this reader yields (its shard's row groups). */
  readonly rowCount: number;
  private readonly batchSize: number;
  private readonly groups: readonly number[];
  private readonly batch: RecordBatch;

  constructor(
    readonly file: string,
    private readonly metadata: FileMetaData,
    options: ParquetOptions = {},
  ) {
    this.batchSize = Math.max(1, options.batchSize ?? 16384);
    this.issues = new IssueLog(file, 0);
    this.batch = new RecordBatch(new NullTokens(options.nullValues));
    const layout = layoutOf(metadata);
    this.columns = layout.columns;
    const shard = options.shard ?? { index: 1, count: 1 };
    this.groups = parquetShardGroups(layout.groupRows, shard.index, shard.count);
    this.rowCount = this.groups.reduce((sum, g) => sum + layout.groupRows[g]!, 0);
  }

  /** Parquet cannot be pushed as a byte stream: use `batches`, which reads the file itself. */
  write(_chunk: Uint8Array): void {
    throw new Error('ParquetReader reads its file itself: iterate batches() instead of writing bytes');
  }

  end(): void {}

  /** Always null: batches come only from `batches`. */
  next(): RecordBatch | null {
    return null;
  }

  /**
   * The shard's rows as batches, each valid until the next iteration. `source` exists for the
   * `BatchReader` signature and is ignored (`openReader` passes an empty one).
   */
  async *batches(_source?: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): AsyncGenerator<RecordBatch, void> {
    const handle = await openFile(this.file);
    try {
      const buffer = fileAsyncBuffer(handle, (await handle.stat()).size);
      const encoder = new BatchEncoder(this.batch);
      const starts = groupStarts(this.metadata);
      for (const g of this.groups) {
        const groupStart = starts[g]!;
        const groupEnd = groupStart + Number(this.metadata.row_groups[g]!.num_rows);
        const slices = await this.readGroup(buffer, g, groupStart, groupEnd);
        for (let from = groupStart; from < groupEnd; from += this.batchSize) {
          const rows = Math.min(this.batchSize, groupEnd - from);
          encoder.begin(this.columns, from, rows);
          try {
            for (let col = 0; col < this.columns.length; col++) encoder.column(col, slices[col]!, from);
          } catch (error) {
            throw this.failure(g, error);
          }
          encoder.finish();
          yield this.batch;
        }
      }
    } finally {
      await handle.close();
    }
  }

  /** Decodes every column of row group `g`, as slices per column in row order. */
  private async readGroup(buffer: AsyncBuffer, g: number, rowStart: number, rowEnd: number): Promise<ColumnSlice[][]> {
    const index = new Map(this.columns.map((name, col) => [name, col]));
    const slices: ColumnSlice[][] = this.columns.map(() => []);
    try {
      await parquetRead({
        file: buffer,
        metadata: this.metadata,
        compressors,
        rowStart,
        rowEnd,
        onChunk: ({ columnName, columnData, rowStart: start, rowEnd: end }) => {
          const col = index.get(columnName);
          if (col !== undefined) slices[col]!.push({ data: columnData, rowStart: start, rowEnd: end });
        },
      });
    } catch (error) {
      throw this.failure(g, error);
    }
    for (const list of slices) list.sort((a, b) => a.rowStart - b.rowStart);
    return slices;
  }

  private failure(g: number, error: unknown): UserError {
    const reason = error instanceof Error ? error.message : String(error);
    return new UserError(`cannot read Parquet row group ${g + 1} of ${this.metadata.row_groups.length}: ${reason}`, {
      file: this.file,
    });
  }
}

/** Reads the footer of a Parquet file; a file that is not Parquet or is truncated is a `UserError`. */
export async function readParquetMetadata(path: string): Promise<FileMetaData> {
  const handle = await openFile(path);
  try {
    return await parquetMetadataAsync(fileAsyncBuffer(handle, (await handle.stat()).size));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UserError(`not a readable Parquet file (${reason})`, { file: path });
  } finally {
    await handle.close();
  }
}

/** The file's columns, row count and row-group sizes, from its footer. */
export async function readParquetLayout(path: string): Promise<ParquetLayout> {
  return layoutOf(await readParquetMetadata(path));
}

/** A reader over shard `options.shard` (default all) of a Parquet file, after reading its footer. */
export async function openParquetReader(path: string, options: ParquetOptions = {}): Promise<ParquetReader> {
  return new ParquetReader(path, await readParquetMetadata(path), options);
}

function layoutOf(metadata: FileMetaData): ParquetLayout {
  return {
    columns: parquetSchema(metadata).children.map((child) => child.element.name),
    rowCount: Number(metadata.num_rows),
    groupRows: metadata.row_groups.map((group) => Number(group.num_rows)),
  };
}

function groupStarts(metadata: FileMetaData): number[] {
  const starts: number[] = [];
  let at = 0;
  for (const group of metadata.row_groups) {
    starts.push(at);
    at += Number(group.num_rows);
  }
  return starts;
}

async function openFile(path: string): Promise<FileHandle> {
  return open(path, 'r').catch((error: NodeJS.ErrnoException) => {
    throw new UserError(fileErrorMessage(error), { file: path });
  });
}
