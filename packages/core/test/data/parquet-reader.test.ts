import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { UserError } from '../../src/errors.js';
import { FieldFlag } from '../../src/data/batch.js';
import type { RecordBatch } from '../../src/data/batch.js';
import { openParquetReader, parquetShardGroups, readParquetLayout } from '../../src/data/parquet-reader.js';
import { fileAsyncBuffer } from '../../src/data/parquet/file-buffer.js';
import { formatOf, openReader } from '../../src/data/source.js';
import { collect, fixture } from './read-all.js';
import type { Table } from './read-all.js';

const MIXED = fixture('parquet/mixed.parquet');
const PANDAS = fixture('parquet/pandas-simple.parquet');
// vega-datasets exports no file paths; it is a devDependency of this package, so its folder is fixed.
const FLIGHTS = fileURLToPath(new URL('../../node_modules/vega-datasets/data/flights-3m.parquet', import.meta.url));

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mlgate-parquet-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** hyparquet's own row objects over its own file buffer: the reference the batches must agree with. */
async function reference(path: string, options: { columns?: string[]; rowEnd?: number } = {}) {
  return parquetReadObjects({ file: await asyncBufferFromFile(path), compressors, ...options });
}

async function readTable(path: string, options: Parameters<typeof openParquetReader>[1] = {}): Promise<Table> {
  const reader = await openParquetReader(path, options);
  const table: Table = { columns: [...reader.columns], rows: [], lines: [] };
  for await (const batch of reader.batches()) collect(batch, table);
  return table;
}

/** Fails unless field (row, col) of `batch` means `expected` under the documented encoding. */
function expectField(batch: RecordBatch, row: number, col: number, expected: unknown): void {
  const where = `${batch.columns[col]} at line ${batch.line(row)}`;
  const flag = batch.flag(row, col);
  if (expected === null || expected === undefined) {
    expect([where, batch.isNull(row, col)]).toEqual([where, true]);
    return;
  }
  expect([where, batch.isNull(row, col)]).toEqual([where, false]);
  const text = batch.string(row, col);
  if (typeof expected === 'number') expect([where, batch.number(row, col)]).toEqual([where, expected]);
  else if (typeof expected === 'bigint') expect([where, BigInt(text)]).toEqual([where, expected]);
  else if (typeof expected === 'string') expect([where, text, flag & FieldFlag.QUOTED]).toEqual([where, expected, 1]);
  else if (typeof expected === 'boolean') {
    expect([where, text, flag & FieldFlag.BOOLEAN]).toEqual([where, String(expected), FieldFlag.BOOLEAN]);
  } else if (expected instanceof Date) expect([where, Date.parse(text)]).toEqual([where, expected.getTime()]);
  else {
    expect([where, flag & FieldFlag.NESTED]).toEqual([where, FieldFlag.NESTED]);
    expect([where, JSON.parse(text)]).toEqual([where, expected]);
  }
}

describe('ParquetReader on a file with every value kind and nulls (3 row groups, Snappy)', () => {
  it('gives every value as hyparquet decodes it, in order, with 1-based row numbers as lines', async () => {
    const rows = await reference(MIXED);
    const reader = await openParquetReader(MIXED, { batchSize: 700 });
    expect(reader.columns).toEqual(['id', 'score', 'label', 'flag', 'big', 'ts', 'meta']);
    expect(reader.rowCount).toBe(2500);
    let seen = 0;
    for await (const batch of reader.batches()) {
      for (let r = 0; r < batch.rowCount; r++, seen++) {
        expect(batch.line(r)).toBe(seen + 1);
        const row = rows[seen]!;
        batch.columns.forEach((name, c) => expectField(batch, r, c, row[name]));
      }
    }
    expect(seen).toBe(2500);
  });

  it('counts as null exactly the values the footer statistics count as null', async () => {
    const metadata = await parquetMetadataAsync(await asyncBufferFromFile(MIXED));
    const footerNulls = metadata.schema.slice(1).map((_, c) => {
      return metadata.row_groups.reduce(
        (sum, group) => sum + Number(group.columns[c]!.meta_data!.statistics!.null_count),
        0,
      );
    });
    const reader = await openParquetReader(MIXED);
    const nulls = reader.columns.map(() => 0);
    for await (const batch of reader.batches()) {
      for (let r = 0; r < batch.rowCount; r++)
        for (let c = 0; c < batch.columnCount; c++) if (batch.isNull(r, c)) nulls[c]!++;
    }
    expect(nulls).toEqual(footerNulls);
    expect(nulls.filter((n) => n > 0)).toHaveLength(6);
  });

  it('keeps the strings "" and "NA" as text, not null tokens', async () => {
    const table = await readTable(MIXED);
    const labels = new Set(table.rows.map((row) => row[2]));
    expect(labels).toContain('');
    expect(labels).toContain('NA');
    expect(labels).toContain('δέλτα');
  });

  it('writes INT64 values beyond 2^53 with every digit', async () => {
    const rows = await reference(MIXED, { columns: ['big'] });
    const table = await readTable(MIXED);
    const big = rows.map((row) => row['big'] as bigint | null);
    const beyond = big.findIndex((value) => value !== null && (value > 2n ** 53n || value < -(2n ** 53n)));
    expect(beyond).toBeGreaterThanOrEqual(0);
    expect(table.rows.map((row) => row[4])).toEqual(big.map((value) => (value === null ? null : value.toString())));
  });
});

describe('ParquetReader on real files', () => {
  it('reads a pyarrow-written file (pandas test data, Snappy)', async () => {
    const table = await readTable(PANDAS);
    expect(table.columns).toEqual(['A', 'B']);
    expect(table.rows).toEqual([
      ['1', 'foo'],
      ['2', 'foo'],
      ['3', 'foo'],
    ]);
  });

  it('reads the first row group of vega-datasets flights-3m (ZSTD) with hyparquet sums and values', async () => {
    const layout = await readParquetLayout(FLIGHTS);
    expect(layout.rowCount).toBe(3_000_000);
    expect(layout.columns).toEqual(['date', 'delay', 'distance', 'origin', 'destination']);
    const groupRows = layout.groupRows[0]!;
    const rows = await reference(FLIGHTS, { rowEnd: groupRows });
    const reader = await openParquetReader(FLIGHTS, { shard: { index: 1, count: layout.groupRows.length } });
    expect(reader.rowCount).toBe(groupRows);
    let delay = 0;
    let distance = 0;
    let seen = 0;
    const origins = new Set<string>();
    for await (const batch of reader.batches()) {
      for (let r = 0; r < batch.rowCount; r++, seen++) {
        delay += batch.number(r, 1);
        distance += batch.number(r, 2);
        origins.add(batch.string(r, 3));
      }
      // Every 997th row in full: sums alone would miss a swapped or shifted column.
      for (let r = (997 - ((seen - batch.rowCount) % 997)) % 997; r < batch.rowCount; r += 997) {
        const row = rows[seen - batch.rowCount + r]!;
        batch.columns.forEach((name, c) => expectField(batch, r, c, row[name]));
      }
    }
    expect(seen).toBe(groupRows);
    expect(delay).toBe(rows.reduce((sum, row) => sum + Number(row['delay']), 0));
    expect(distance).toBe(rows.reduce((sum, row) => sum + Number(row['distance']), 0));
    expect(origins).toEqual(new Set(rows.map((row) => row['origin'] as string)));
  });
});

describe('Parquet shards', () => {
  it('assigns each row group to exactly one shard, contiguously, balanced by rows', () => {
    const groups = [100, 5, 5, 300, 90, 0, 200, 1];
    for (const count of [1, 2, 3, 5, 8, 12]) {
      const shards = Array.from({ length: count }, (_, i) => parquetShardGroups(groups, i + 1, count));
      expect(shards.flat()).toEqual(groups.map((_, g) => g));
    }
    expect(Array.from({ length: 2 }, (_, i) => parquetShardGroups(groups, i + 1, 2))).toEqual([
      [0, 1, 2, 3],
      [4, 5, 6, 7],
    ]);
    const equal = [272727, 272727, 272727, 272730];
    expect(Array.from({ length: 4 }, (_, i) => parquetShardGroups(equal, i + 1, 4))).toEqual([[0], [1], [2], [3]]);
  });

  it('reads every row exactly once across shards, some of them empty', async () => {
    const whole = await readTable(MIXED);
    for (const count of [2, 3, 4]) {
      const parts: Table = { columns: whole.columns, rows: [], lines: [] };
      const sizes: number[] = [];
      for (let index = 1; index <= count; index++) {
        const { reader, source } = await openReader(MIXED, { shard: { index, count } });
        const before = parts.rows.length;
        for await (const batch of reader.batches(source)) collect(batch, parts);
        sizes.push(parts.rows.length - before);
      }
      expect(parts).toEqual(whole);
      if (count === 4) expect(sizes).toContain(0);
    }
  });
});

describe('openReader routing', () => {
  it('treats .parquet files as Parquet and passes reader options', async () => {
    expect(formatOf('data/Train.PARQUET')).toBe('parquet');
    const { reader, source } = await openReader(PANDAS, { parquet: { batchSize: 2 } });
    const sizes: number[] = [];
    for await (const batch of reader.batches(source)) sizes.push(batch.rowCount);
    expect(sizes).toEqual([2, 1]);
  });

  it('refuses bytes pushed at it, since it reads its file itself', async () => {
    const reader = await openParquetReader(PANDAS);
    expect(() => reader.write(new Uint8Array(4))).toThrow(/batches\(\)/);
  });
});

describe('Parquet errors name the file', () => {
  async function failure(path: string): Promise<UserError> {
    try {
      await readTable(path);
    } catch (error) {
      if (error instanceof UserError) return error;
      throw error;
    }
    throw new Error(`reading ${path} did not fail`);
  }

  it('reports a file that is not Parquet', async () => {
    const path = join(dir, 'notes.parquet');
    writeFileSync(path, 'a,b\n1,2\n');
    const error = await failure(path);
    expect(error.location.file).toBe(path);
    expect(error.message).toMatch(/^not a readable Parquet file/);
  });

  it('reports a truncated file', async () => {
    const bytes = readFileSync(MIXED);
    const path = join(dir, 'truncated.parquet');
    writeFileSync(path, bytes.subarray(0, bytes.length >> 1));
    const error = await failure(path);
    expect(error.location.file).toBe(path);
    expect(error.message).toMatch(/^not a readable Parquet file/);
  });

  it('reports damaged column data with its row group', async () => {
    const metadata = await parquetMetadataAsync(await asyncBufferFromFile(MIXED));
    const chunk = metadata.row_groups[1]!.columns[2]!.meta_data!;
    const bytes = Buffer.from(readFileSync(MIXED));
    const start = Number(chunk.dictionary_page_offset ?? chunk.data_page_offset);
    bytes.fill(0xff, start, start + Number(chunk.total_compressed_size));
    const path = join(dir, 'damaged.parquet');
    writeFileSync(path, bytes);
    const error = await failure(path);
    expect(error.location.file).toBe(path);
    expect(error.message).toMatch(/^cannot read Parquet row group 2 of 3: /);
  });

  it('reports a missing file', async () => {
    const error = await failure(join(dir, 'absent.parquet'));
    expect(error.message).toBe('file not found');
  });
});

describe('fileAsyncBuffer', () => {
  it('returns exactly the requested byte range and fails on a file shorter than announced', async () => {
    const bytes = readFileSync(PANDAS);
    const handle = await open(PANDAS, 'r');
    try {
      const buffer = fileAsyncBuffer(handle, bytes.length);
      expect(Buffer.from(await buffer.slice(100, 164))).toEqual(bytes.subarray(100, 164));
      expect(Buffer.from(await buffer.slice(bytes.length - 8))).toEqual(bytes.subarray(bytes.length - 8));
      await expect(
        fileAsyncBuffer(handle, bytes.length + 10).slice(bytes.length - 4, bytes.length + 10),
      ).rejects.toThrow(/unexpected end of file/);
    } finally {
      await handle.close();
    }
  });
});
