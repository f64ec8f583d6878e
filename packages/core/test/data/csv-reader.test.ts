import { describe, expect, it } from '@jest/globals';
import { FieldFlag } from '../../src/data/batch.js';
import { CsvReader } from '../../src/data/csv-reader.js';
import { fixtureBytes, readAll } from './read-all.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('CsvReader on RFC 4180 edge cases', () => {
  it('reads quoted fields with embedded newlines, CRLF inside quotes and "" escapes', () => {
    const table = readAll(new CsvReader({ file: 'quoted.csv' }), fixtureBytes('quoted.csv'));
    expect(table.columns).toEqual(['id', 'name', 'comment', 'score']);
    expect(table.rows).toEqual([
      ['1', 'Alice', 'said "hi"\nthen left', '3.5'],
      ['2', 'Bob, Jr.', 'multi\r\nline with CRLF', '-0.25e2'],
      ['3', 'Carol', '', null],
      ['4', 'D"', 'plain', null],
      ['5', 'quote at end"', 'x', '1e3'],
    ]);
    // Physical lines: rows 1 and 2 each span two lines.
    expect(table.lines).toEqual([2, 4, 6, 7, 8]);
  });

  it('strips the UTF-8 BOM, accepts CRLF line ends and skips blank lines', () => {
    const table = readAll(new CsvReader(), fixtureBytes('crlf-bom.csv'));
    expect(table.columns).toEqual(['city', 'temp']);
    expect(table.rows).toEqual([
      ['Oslo', '-3.5'],
      ['Bergen', '7'],
      ['Tromsø', null],
    ]);
    expect(table.lines).toEqual([2, 3, 5]);
  });

  it('reads TSV with a tab delimiter, where commas are plain text', () => {
    const table = readAll(new CsvReader({ delimiter: '\t' }), fixtureBytes('data.tsv'));
    expect(table.columns).toEqual(['a', 'b', 'c']);
    expect(table.rows).toEqual([
      ['1', 'hello, world', 'tab\tinside'],
      ['2', null, null],
    ]);
  });

  it('splits on a custom delimiter only', () => {
    const table = readAll(new CsvReader({ delimiter: ';' }), fixtureBytes('semicolon.csv'));
    expect(table.rows).toEqual([
      ['1,5', 'a;b'],
      ['2', 'c'],
    ]);
    const piped = readAll(new CsvReader({ delimiter: '|' }), utf8('a|b\n"x|y"|2\n'));
    expect(piped.rows).toEqual([['x|y', '2']]);
  });

  it('reads a final row without a newline, a trailing delimiter and a lone CR line end', () => {
    const table = readAll(new CsvReader(), utf8('a,b\r1,2\r3,'));
    expect(table.rows).toEqual([
      ['1', '2'],
      ['3', null],
    ]);
    expect(table.lines).toEqual([2, 3]);
  });

  it('names columns column1.. when there is no header and keeps the first row as data', () => {
    const table = readAll(new CsvReader({ header: false }), utf8('1,2\n3,4\n'));
    expect(table.columns).toEqual(['column1', 'column2']);
    expect(table.rows).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
    expect(table.lines).toEqual([1, 2]);
  });

  it('treats quoted null tokens and quoted empty strings as text, unquoted ones as null', () => {
    const table = readAll(new CsvReader(), utf8('a,b,c,d\nNA,"NA",,""\nnull,None,#N/A,NaN\n'));
    expect(table.rows).toEqual([
      [null, 'NA', null, ''],
      [null, null, null, null],
    ]);
    const custom = readAll(new CsvReader({ nullValues: ['-'] }), utf8('a,b\n-,NA\n'));
    expect(custom.rows).toEqual([[null, 'NA']]);
  });

  it('marks quoted and unescaped fields in flags', () => {
    const reader = new CsvReader();
    reader.write(utf8('a,b,c\n"x""y","z",w\n'));
    reader.end();
    const batch = reader.next()!;
    expect(batch.flag(0, 0)).toBe(FieldFlag.QUOTED | FieldFlag.ESCAPED);
    expect(batch.flag(0, 1)).toBe(FieldFlag.QUOTED);
    expect(batch.flag(0, 2)).toBe(0);
    const { bytes } = batch;
    expect(new TextDecoder().decode(bytes.subarray(batch.start(0, 0), batch.end(0, 0)))).toBe('x"y');
  });

  it('produces batches of batchSize rows with row-local line numbers', () => {
    const text = 'n\n' + Array.from({ length: 10 }, (_, i) => `${i}\n`).join('');
    const reader = new CsvReader({ batchSize: 4 });
    reader.write(utf8(text));
    reader.end();
    const sizes: number[] = [];
    const values: number[] = [];
    for (let batch = reader.next(); batch; batch = reader.next()) {
      sizes.push(batch.rowCount);
      for (let r = 0; r < batch.rowCount; r++) values.push(batch.number(r, 0));
    }
    expect(sizes).toEqual([4, 4, 2]);
    expect(values).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('reads rows wider than the first guess of the column count', () => {
    const names = Array.from({ length: 1000 }, (_, i) => `c${i}`);
    for (const header of [true, false]) {
      const text = (header ? `${names.join(',')}\n` : '') + `${names.map((_, i) => i).join(',')}\n`;
      const table = readAll(new CsvReader({ header }), utf8(text), 97);
      expect(table.columns).toHaveLength(1000);
      expect(table.rows).toEqual([names.map((_, i) => String(i))]);
    }
  });

  it('rejects a delimiter that is not one ASCII character', () => {
    expect(() => new CsvReader({ delimiter: '::' })).toThrow(/delimiter/);
    expect(() => new CsvReader({ delimiter: '"' })).toThrow(/delimiter/);
  });
});

describe('CsvReader across chunk boundaries', () => {
  const tricky = [
    'quoted.csv',
    'crlf-bom.csv',
    'data.tsv',
    'ragged.csv',
    'unclosed.csv',
    'invalid-utf8.csv',
    'stray-quote.csv',
  ];
  for (const name of tricky) {
    it(`gives the same rows, lines and issues for every chunk size on ${name}`, () => {
      const bytes = fixtureBytes(name);
      const delimiter = name.endsWith('.tsv') ? '\t' : ',';
      const whole = new CsvReader({ delimiter, batchSize: 2 });
      const expected = readAll(whole, bytes);
      expect(expected.rows.length).toBeGreaterThan(0);
      for (let size = 1; size <= bytes.length; size++) {
        const reader = new CsvReader({ delimiter, batchSize: 2 });
        expect(readAll(reader, bytes, size)).toEqual(expected);
        expect(reader.issues.issues).toEqual(whole.issues.issues);
      }
    });
  }

  it('splits a file at every byte position into two chunks with the same result', () => {
    const bytes = fixtureBytes('quoted.csv');
    const expected = readAll(new CsvReader(), bytes);
    for (let cut = 0; cut <= bytes.length; cut++) {
      const reader = new CsvReader();
      const table = { columns: [] as string[], rows: [] as (string | null)[][], lines: [] as number[] };
      reader.write(bytes.subarray(0, cut));
      expect(reader.next()).toBeNull();
      reader.write(bytes.subarray(cut));
      reader.end();
      for (let batch = reader.next(); batch; batch = reader.next()) {
        for (let r = 0; r < batch.rowCount; r++) {
          table.rows.push(
            Array.from({ length: batch.columnCount }, (_, c) => (batch.isNull(r, c) ? null : batch.string(r, c))),
          );
          table.lines.push(batch.line(r));
        }
        table.columns = [...batch.columns];
      }
      expect(table).toEqual(expected);
    }
  });

  it('keeps its buffer bounded by the batch, not the input size', async () => {
    const row = utf8('12345,"quoted, text",-0.5,,abc\n');
    function* chunks(): Generator<Uint8Array> {
      yield utf8('a,b,c,d,e\n');
      const chunk = new Uint8Array(row.length * 2000);
      for (let i = 0; i < 2000; i++) chunk.set(row, i * row.length);
      for (let i = 0; i < 300; i++) yield chunk; // 600,000 rows, ~19 MB
    }
    let rows = 0;
    let largest = 0;
    for await (const batch of new CsvReader({ batchSize: 4096 }).batches(chunks())) {
      rows += batch.rowCount;
      largest = Math.max(largest, batch.bytes.length);
    }
    expect(rows).toBe(600_000);
    expect(largest).toBeLessThanOrEqual(1 << 20);
  });

  it('reads a quoted field far larger than the chunks', () => {
    const big = 'x"'.repeat(100_000);
    const text = `a,b\n"${big.replaceAll('"', '""')}",2\n`;
    const table = readAll(new CsvReader(), utf8(text), 1000);
    expect(table.rows).toEqual([[big, '2']]);
  });
});

describe('CsvReader on malformed input', () => {
  it('reports ragged rows with line and column and skips them', () => {
    const reader = new CsvReader({ file: 'ragged.csv' });
    const table = readAll(reader, fixtureBytes('ragged.csv'));
    expect(table.rows).toEqual([
      ['1', '2', '3'],
      ['10', '11', '12'],
    ]);
    expect(reader.issues.issues).toEqual([
      {
        file: 'ragged.csv',
        line: 3,
        column: 4,
        code: 'ragged-row',
        severity: 'error',
        message: 'expected 3 fields, found 2; row skipped',
      },
      {
        file: 'ragged.csv',
        line: 4,
        column: 7,
        code: 'ragged-row',
        severity: 'error',
        message: 'expected 3 fields, found 4; row skipped',
      },
    ]);
  });

  it('reports an unclosed quote at its position and reads the following rows normally', () => {
    const reader = new CsvReader();
    const table = readAll(reader, fixtureBytes('unclosed.csv'));
    expect(table.rows).toEqual([
      ['1', '2'],
      ['3', '"never closed'],
      ['4', '5'],
      ['6', '7'],
    ]);
    expect(reader.issues.issues).toEqual([
      expect.objectContaining({ line: 3, column: 3, code: 'unclosed-quote', severity: 'error' }),
    ]);
  });

  it('treats a quote still open after maxRowBytes as literal instead of buffering the rest of the file', () => {
    const rows = Array.from({ length: 2000 }, (_, i) => `${i},v${i}\n`).join('');
    const reader = new CsvReader({ maxRowBytes: 1024 });
    const table = readAll(reader, utf8(`a,b\n1,"open\n${rows}`), 256);
    expect(table.rows).toHaveLength(2001);
    expect(table.rows[0]).toEqual(['1', '"open']);
    expect(reader.issues.issues[0]).toMatchObject({ code: 'unclosed-quote', line: 2, column: 3 });
  });

  it('keeps stray quotes as text with a warning', () => {
    const reader = new CsvReader();
    const table = readAll(reader, fixtureBytes('stray-quote.csv'));
    expect(table.rows).toEqual([
      ['1', 'ab"c'],
      ['2', 'xy"z'],
      ['3', '4'],
    ]);
    expect(reader.issues.issues.map((i) => [i.code, i.severity, i.line, i.column])).toEqual([
      ['stray-quote', 'warning', 2, 5],
      ['stray-quote', 'warning', 3, 6],
    ]);
  });

  it('flags invalid UTF-8 with its column, keeps the row and decodes it with U+FFFD', () => {
    const reader = new CsvReader();
    const table = readAll(reader, fixtureBytes('invalid-utf8.csv'));
    expect(table.rows).toEqual([
      ['1', 'café'],
      ['2', 'bad\uFFFD\uFFFDbyte'],
      ['3', 'ok'],
      ['4', '\uFFFD'],
    ]);
    expect(reader.issues.issues.map((i) => [i.code, i.line, i.column])).toEqual([
      ['invalid-utf8', 3, 6],
      ['invalid-utf8', 5, 4],
    ]);
  });

  it('keeps at most maxErrors issues and counts the rest', () => {
    const text = 'a,b\n' + '1\n'.repeat(50) + '1,2\n';
    const reader = new CsvReader({ maxErrors: 5 });
    const table = readAll(reader, utf8(text));
    expect(table.rows).toEqual([['1', '2']]);
    expect(reader.issues.issues).toHaveLength(5);
    expect(reader.issues.errorCount).toBe(50);
    expect(reader.issues.dropped).toBe(45);
  });

  it('refuses an endless unquoted line with a user error rather than exhausting memory', () => {
    const reader = new CsvReader({ maxRowBytes: 100 });
    expect(() => readAll(reader, utf8('a\n' + 'x'.repeat(500)), 50)).toThrow(/longer than 100 bytes/);
  });
});
