import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { CsvReader } from '../../src/data/csv-reader.js';
import { formatOf, openCsvShard, openDataSource, openReader, readCsvColumns } from '../../src/data/source.js';
import { collect, fixture, readAll } from './read-all.js';
import type { Table } from './read-all.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mlgate-source-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function bytesOf(source: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Buffer[] = [];
  // Chunks share one buffer: copy each before asking for the next.
  for await (const chunk of source) parts.push(Buffer.from(chunk));
  return Buffer.concat(parts);
}

describe('openDataSource', () => {
  it('reads a gzip file decompressed, detected by its magic bytes', async () => {
    const plain = readFileSync(fixture('quoted.csv'));
    const path = join(dir, 'quoted.csv.gz');
    writeFileSync(path, gzipSync(plain));
    expect(await bytesOf(openDataSource(path))).toEqual(plain);
    const table: Table = { columns: [], rows: [], lines: [] };
    for await (const batch of new CsvReader().batches(openDataSource(path))) collect(batch, table);
    expect(table).toEqual(readAll(new CsvReader(), new Uint8Array(plain)));
  });

  it('reads a byte range of a plain file across many chunks', async () => {
    const data = Buffer.alloc(3 << 20, 'abcdefg');
    const path = join(dir, 'big.txt');
    writeFileSync(path, data);
    expect(await bytesOf(openDataSource(path, { start: 5, end: (2 << 20) + 7 }))).toEqual(
      data.subarray(5, (2 << 20) + 7),
    );
  });

  it('reports a missing file and a sharded gzip file as user errors naming the file', async () => {
    await expect(bytesOf(openDataSource(join(dir, 'missing.csv')))).rejects.toMatchObject({
      name: 'UserError',
      location: { file: join(dir, 'missing.csv') },
    });
    const path = join(dir, 'shard.csv.gz');
    writeFileSync(path, gzipSync('a\n1\n'));
    await expect(openCsvShard(path, { index: 1, count: 2 })).rejects.toThrow(/gzip file cannot be split/);
  });

  it('reads column names from the first row only', async () => {
    expect(await readCsvColumns(fixture('crlf-bom.csv'))).toEqual(['city', 'temp']);
    expect(await readCsvColumns(fixture('data.tsv'), { delimiter: '\t', header: false })).toEqual([
      'column1',
      'column2',
      'column3',
    ]);
  });
});

describe('openReader', () => {
  it('picks the format from the file name, through .gz', async () => {
    expect(['a.csv', 'a.TSV', 'a.tsv.gz', 'a.jsonl.gz', 'a.ndjson', 'a.txt'].map(formatOf)).toEqual([
      'csv',
      'tsv',
      'tsv',
      'jsonl',
      'jsonl',
      'csv',
    ]);
    const tsv = join(dir, 'copy.tsv');
    writeFileSync(tsv, readFileSync(fixture('data.tsv')));
    const jsonl = join(dir, 'rows.jsonl.gz');
    writeFileSync(jsonl, gzipSync('{"a":1,"b":"x"}\n{"a":2}\n'));
    const tables: Table[] = [];
    for (const path of [tsv, jsonl]) {
      const { reader, source } = await openReader(path);
      const table: Table = { columns: [], rows: [], lines: [] };
      for await (const batch of reader.batches(source)) collect(batch, table);
      tables.push(table);
    }
    expect(tables[0]!.rows).toEqual([
      ['1', 'hello, world', 'tab\tinside'],
      ['2', null, null],
    ]);
    expect(tables[1]!.rows).toEqual([
      ['1', 'x'],
      ['2', null],
    ]);
  });
});
