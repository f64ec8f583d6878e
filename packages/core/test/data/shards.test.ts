import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CsvReader } from '../../src/data/csv-reader.js';
import { CsvRowScanner, shardRange } from '../../src/data/csv-boundary.js';
import { openCsvShard, openJsonlShard } from '../../src/data/source.js';
import { collect, readAll } from './read-all.js';
import type { Table } from './read-all.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Rows whose quoted fields hold LF, CRLF, delimiters and "" so that most split points fall inside quotes. */
function trickyCsv(rows: number): string {
  let text = '\uFEFFid,text,n\r\n';
  for (let i = 0; i < rows; i++) {
    const body = i % 3 === 0 ? `"line\n${i},x\r\nmore ""q"" ,\n"` : i % 3 === 1 ? `"a,b""\n"` : `plain${i}`;
    text += `${i},${body},${i * 1.5}${i % 4 === 0 ? '\r\n' : '\n'}`;
    if (i % 10 === 5) text += '\n';
  }
  return text;
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mlgate-shards-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function readShard(path: string, index: number, count: number): Promise<Table> {
  const { reader, source } = await openCsvShard(path, { index, count });
  const table: Table = { columns: [], rows: [], lines: [] };
  for await (const batch of reader.batches(source)) collect(batch, table);
  return table;
}

describe('shardRange', () => {
  it('splits a file into n contiguous ranges that cover it', () => {
    expect([1, 2, 3].map((i) => shardRange(10, i, 3))).toEqual([
      { start: 0, end: 3 },
      { start: 3, end: 6 },
      { start: 6, end: 10 },
    ]);
    expect(() => shardRange(10, 0, 3)).toThrow(RangeError);
    expect(() => shardRange(10, 4, 3)).toThrow(RangeError);
  });
});

describe('CsvRowScanner', () => {
  it('finds, for every split point, the first row start the tokenizer sees at or after it', () => {
    const bytes = utf8(trickyCsv(12));
    // Row starts according to the tokenizer: where stopAt cuts.
    for (let target = 0; target <= bytes.length; target++) {
      const scanner = new CsvRowScanner(target);
      scanner.push(bytes);
      const { offset } = scanner.endOfInput();
      const before = readAll(new CsvReader({ stopAt: offset }), bytes).rows;
      const after = readAll(
        new CsvReader({ columns: ['id', 'text', 'n'], stripBom: false }),
        bytes.subarray(offset),
      ).rows;
      const whole = readAll(new CsvReader(), bytes).rows;
      expect([target, [...before, ...after]]).toEqual([target, whole]);
    }
  });
});

describe('CsvRowScanner on long plain runs', () => {
  it('finds the same row start and line whether it reads the bytes a word at a time or one by one', () => {
    // Long unquoted stretches (read four bytes at a time) between lone CRs, CRLFs, blank lines and quoted newlines.
    let text = 'a,b,c\n';
    for (let i = 0; i < 400; i++) {
      const field = i % 37 === 0 ? '"x\r\ny ""z""\n"' : `value-${'w'.repeat(i % 23)}`;
      text += `${i},${field},${i * 7}${i % 11 === 0 ? '\r\n' : i % 13 === 0 ? '\r' : '\n'}${i % 17 === 0 ? '\n' : ''}`;
    }
    const bytes = utf8(text);
    // Copies at every alignment, so the words start at each byte offset of the chunk.
    const shifted = [0, 1, 2, 3].map((pad) => {
      const buffer = new Uint8Array(bytes.length + pad);
      buffer.set(bytes, pad);
      return buffer.subarray(pad);
    });
    const scan = (target: number, chunks: Uint8Array[]) => {
      const scanner = new CsvRowScanner(target);
      for (const chunk of chunks) if (scanner.push(chunk)) break;
      return scanner.endOfInput();
    };
    for (let target = 0; target <= bytes.length; target += 7) {
      const byteByByte = scan(
        target,
        Array.from(bytes, (_, i) => bytes.subarray(i, i + 1)),
      );
      for (const copy of shifted) {
        expect([target, scan(target, [copy])]).toEqual([target, byteByByte]);
        const pieces = [copy.subarray(0, 5), copy.subarray(5, 1_001), copy.subarray(1_001)];
        expect([target, scan(target, pieces)]).toEqual([target, byteByByte]);
      }
    }
  });
});

describe('openCsvShard', () => {
  it('reads every row exactly once, with true line numbers, for any shard count', async () => {
    const path = join(dir, 'tricky.csv');
    writeFileSync(path, trickyCsv(60));
    const whole = readAll(new CsvReader(), utf8(trickyCsv(60)));
    for (const count of [1, 2, 3, 7, 16, 50]) {
      const merged: Table = { columns: whole.columns, rows: [], lines: [] };
      for (let index = 1; index <= count; index++) {
        const shard = await readShard(path, index, count);
        if (shard.rows.length > 0) expect(shard.columns).toEqual(whole.columns);
        merged.rows.push(...shard.rows);
        merged.lines.push(...shard.lines);
      }
      expect([count, merged]).toEqual([count, whole]);
    }
  });

  it('reads every JSON line exactly once across shards', async () => {
    const lines = Array.from({ length: 40 }, (_, i) => JSON.stringify({ i, s: 'x'.repeat(i % 7) }));
    const path = join(dir, 'rows.jsonl');
    writeFileSync(path, lines.join('\n') + '\n');
    for (const count of [2, 5, 33]) {
      const seen: number[] = [];
      const lineNumbers: number[] = [];
      for (let index = 1; index <= count; index++) {
        const { reader, source } = await openJsonlShard(path, { index, count });
        for await (const batch of reader.batches(source)) {
          for (let r = 0; r < batch.rowCount; r++) {
            seen.push(batch.number(r, 0));
            lineNumbers.push(batch.line(r));
          }
        }
      }
      expect(seen).toEqual(lines.map((_, i) => i));
      expect(lineNumbers).toEqual(lines.map((_, i) => i + 1));
    }
  });
});
