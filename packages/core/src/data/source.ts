import { open, stat } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { fileErrorMessage } from '../files/read-text.js';
import { UserError } from '../errors.js';
import { findLineStart, findRowStart, shardRange } from './csv-boundary.js';
import { CsvReader } from './csv-reader.js';
import type { CsvOptions } from './csv-reader.js';
import type { BatchReader } from './batch.js';
import { JsonlReader } from './jsonl-reader.js';
import type { JsonlOptions } from './jsonl-reader.js';
import { NO_BYTES, openParquetReader } from './parquet-reader.js';
import type { ParquetOptions } from './parquet-reader.js';

const CHUNK = 1 << 20;

export interface ByteSourceOptions {
  /** First byte to read (default 0). */
  start?: number;
  /** Byte offset to stop before (default: end of file). */
  end?: number;
}

/**
 * Bytes of a file as chunks. The chunk buffer is reused: each chunk is valid until the next is
 * requested (the readers copy what they keep). A gzip file (magic 1f 8b) is decompressed when
 * read whole; byte ranges of a gzip file are refused.
 */
export async function* openDataSource(path: string, options: ByteSourceOptions = {}): AsyncGenerator<Uint8Array, void> {
  const handle = await open(path, 'r').catch((error: NodeJS.ErrnoException) => {
    throw new UserError(fileErrorMessage(error), { file: path });
  });
  try {
    const buffer = new Uint8Array(CHUNK);
    const magic = await handle.read(buffer, 0, 2, 0);
    if (magic.bytesRead === 2 && buffer[0] === 0x1f && buffer[1] === 0x8b) {
      if ((options.start ?? 0) > 0 || options.end !== undefined) {
        throw new UserError('a gzip file cannot be read by byte ranges (shards); decompress it first', { file: path });
      }
      yield* gunzip(path);
      return;
    }
    let position = options.start ?? 0;
    const end = options.end ?? Infinity;
    while (position < end) {
      const { bytesRead } = await handle.read(buffer, 0, Math.min(CHUNK, end - position), position);
      if (bytesRead === 0) break;
      position += bytesRead;
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await handle.close();
  }
}

async function* gunzip(path: string): AsyncGenerator<Uint8Array, void> {
  const stream = createReadStream(path, { highWaterMark: CHUNK }).pipe(createGunzip({ chunkSize: CHUNK }));
  try {
    for await (const chunk of stream) yield chunk as Uint8Array;
  } catch (error) {
    throw new UserError(`cannot decompress gzip data: ${(error as Error).message}`, { file: path });
  }
}

export type DataFormat = 'csv' | 'tsv' | 'jsonl' | 'parquet';

/** The format a file name implies (`.tsv`, `.jsonl`/`.ndjson`, `.parquet`, anything else CSV), ignoring `.gz`. */
export function formatOf(path: string): DataFormat {
  const lower = path.toLowerCase();
  if (lower.endsWith('.parquet')) return 'parquet';
  const name = lower.replace(/\.gz$/, '');
  if (name.endsWith('.tsv') || name.endsWith('.tab')) return 'tsv';
  if (name.endsWith('.jsonl') || name.endsWith('.ndjson')) return 'jsonl';
  return 'csv';
}

export interface OpenReaderOptions {
  format?: DataFormat;
  csv?: CsvOptions;
  jsonl?: JsonlOptions;
  parquet?: Omit<ParquetOptions, 'shard'>;
  /** Read only shard `i/n` of the rows. */
  shard?: Shard;
}

/**
 * A reader for the file's format and the bytes to feed it: `for await (const b of reader.batches(source))`.
 * Parquet shards are runs of row groups (see `parquetShardGroups`), and its source is empty: the
 * Parquet reader reads the byte ranges it needs itself.
 */
export async function openReader(
  path: string,
  options: OpenReaderOptions = {},
): Promise<{ reader: BatchReader; source: AsyncIterable<Uint8Array> }> {
  const format = options.format ?? formatOf(path);
  const shard = options.shard ?? { index: 1, count: 1 };
  if (format === 'jsonl') return openJsonlShard(path, shard, options.jsonl);
  if (format === 'parquet')
    return { reader: await openParquetReader(path, { ...options.parquet, shard }), source: NO_BYTES };
  const csv = format === 'tsv' ? { delimiter: '\t', ...options.csv } : options.csv;
  return openCsvShard(path, shard, csv);
}

export interface Shard {
  /** `i/n`, 1-based. */
  index: number;
  count: number;
}

/**
 * A reader over the rows of shard `i/n` of a CSV file and the bytes to feed it: the rows that
 * start in the shard's row-aligned byte range, with the header's column names and true line
 * numbers. Shards 1..n together read every row exactly once.
 */
export async function openCsvShard(
  path: string,
  shard: Shard,
  options: CsvOptions = {},
): Promise<{ reader: CsvReader; source: AsyncIterable<Uint8Array> }> {
  const size = await refuseGzipShards(path, shard);
  const { start, end } = shardRange(size, shard.index, shard.count);
  const scan = {
    ...(options.delimiter !== undefined && { delimiter: options.delimiter }),
    header: options.header ?? true,
  };
  const begin = shard.index === 1 ? { offset: 0, line: 1 } : await findRowStart(openDataSource(path), start, scan);
  const stopAt = shard.index === shard.count ? -1 : Math.max(0, end - begin.offset);
  const readerOptions: CsvOptions = { file: path, ...options, stopAt };
  if (shard.index > 1) {
    Object.assign(readerOptions, {
      columns: await readCsvColumns(path, options),
      firstLine: begin.line,
      stripBom: false,
    });
  }
  return { reader: new CsvReader(readerOptions), source: openDataSource(path, { start: begin.offset }) };
}

/** Shard `i/n` of a JSON Lines file: the lines that start in its byte range. */
export async function openJsonlShard(
  path: string,
  shard: Shard,
  options: JsonlOptions = {},
): Promise<{ reader: JsonlReader; source: AsyncIterable<Uint8Array> }> {
  const size = await refuseGzipShards(path, shard);
  const { start, end } = shardRange(size, shard.index, shard.count);
  const begin = shard.index === 1 ? { offset: 0, line: 1 } : await findLineStart(openDataSource(path), start);
  const stopAt = shard.index === shard.count ? -1 : Math.max(0, end - begin.offset);
  const reader = new JsonlReader({ file: path, ...options, stopAt, firstLine: begin.line });
  return { reader, source: openDataSource(path, { start: begin.offset }) };
}

/** The column names a `CsvReader` with these options gives the file, reading only its first row. */
export async function readCsvColumns(path: string, options: CsvOptions = {}): Promise<readonly string[]> {
  const { stopAt: _stopAt, columns: _columns, ...rest } = options;
  const reader = new CsvReader({ ...rest, batchSize: 1 });
  for await (const chunk of openDataSource(path)) {
    reader.write(chunk);
    reader.next();
    if (reader.columns.length > 0) return reader.columns;
  }
  reader.end();
  reader.next();
  return reader.columns;
}

/** Whether the file starts with gzip's magic bytes (1f 8b); false for a file too short to tell. */
export async function isGzipFile(path: string): Promise<boolean> {
  const handle = await open(path, 'r').catch((error: NodeJS.ErrnoException) => {
    throw new UserError(fileErrorMessage(error), { file: path });
  });
  try {
    const magic = new Uint8Array(2);
    const { bytesRead } = await handle.read(magic, 0, 2, 0);
    return bytesRead === 2 && magic[0] === 0x1f && magic[1] === 0x8b;
  } finally {
    await handle.close();
  }
}

/** The file's size, after checking that it can be split: byte ranges of gzip data mean nothing. */
async function refuseGzipShards(path: string, shard: Shard): Promise<number> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch (error) {
    throw new UserError(fileErrorMessage(error), { file: path });
  }
  if (shard.count > 1 && (await isGzipFile(path))) {
    throw new UserError('a gzip file cannot be split into shards; decompress it first', { file: path });
  }
  return size;
}
