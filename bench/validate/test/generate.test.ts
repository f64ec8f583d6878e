import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import { existsSync, lstatSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCount } from '../src/args.js';
import { CATEGORIES, HEADER, NULL_RATES } from '../src/dataset.js';
import { generateCsv } from '../src/generate-csv.js';
import { resultTable } from '../src/table.js';

const ROWS = 50_000;
let dir: string;

/** A strict RFC 4180 record splitter, independent of the generator, so malformed quoting fails the test. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === '"' && field === '') {
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) throw new Error(`unclosed quote at ${i}`);
        field += text.slice(i, q);
        if (text[q + 1] === '"') {
          field += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      if (text[i] !== ',' && text[i] !== '\n') throw new Error(`text after closing quote at ${i}`);
    } else if (c === ',') {
      record.push(field);
      field = '';
      i++;
    } else if (c === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else {
      field += c;
      i++;
    }
  }
  return records;
}

function column(records: string[][], name: string): string[] {
  const index = HEADER.trim().split(',').indexOf(name);
  return records.slice(1).map((r) => r[index] as string);
}

const mean = (values: string[]): number => {
  const numbers = values.filter((v) => v !== '').map(Number);
  return numbers.reduce((a, b) => a + b, 0) / numbers.length;
};

describe('generateCsv', () => {
  let base: string;
  let shifted: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'bench-validate-'));
    generateCsv({ rows: ROWS, out: join(dir, 'a.csv'), seed: 7, shift: false });
    generateCsv({ rows: ROWS, out: join(dir, 'b.csv'), seed: 7, shift: false });
    generateCsv({ rows: ROWS, out: join(dir, 's.csv'), seed: 7, shift: true });
    generateCsv({ rows: ROWS, out: join(dir, 'c.csv'), seed: 8, shift: false });
    base = readFileSync(join(dir, 'a.csv'), 'latin1');
    shifted = readFileSync(join(dir, 's.csv'), 'latin1');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the same bytes for the same seed and different bytes for another seed', () => {
    expect(readFileSync(join(dir, 'b.csv'), 'latin1')).toBe(base);
    expect(readFileSync(join(dir, 'c.csv'), 'latin1')).not.toBe(base);
  });

  it('writes a header plus one well-formed 9-field RFC 4180 record per row', () => {
    const records = parseCsv(base);
    expect(records).toHaveLength(ROWS + 1);
    expect(records[0]?.join(',')).toBe(HEADER.trim());
    expect(records.every((r) => r.length === 9)).toBe(true);
  });

  it('quotes about 5% of comments, each holding a comma and an escaped double quote', () => {
    const quoted = column(parseCsv(base), 'comment').filter((c) => c.includes(','));
    expect(quoted.length / ROWS).toBeGreaterThan(0.04);
    expect(quoted.length / ROWS).toBeLessThan(0.06);
    expect(quoted.every((c) => /^\w+, "\w+"$/.test(c))).toBe(true);
  });

  it('leaves each column empty at its configured rate', () => {
    const records = parseCsv(base);
    for (const [name, rate] of Object.entries(NULL_RATES)) {
      const empty = column(records, name).filter((v) => v === '').length / ROWS;
      expect(Math.abs(empty - rate)).toBeLessThan(0.006);
    }
  });

  it('writes typed values: ISO timestamps, 2- and 6-decimal floats, ints, known categories, booleans', () => {
    const records = parseCsv(base);
    const present = (name: string): string[] => column(records, name).filter((v) => v !== '');
    expect(present('timestamp').every((v) => /^202[45]-\d\d-\d\dT\d\d:\d\d:\d\d$/.test(v))).toBe(true);
    expect(present('amount').every((v) => /^-?\d+\.\d\d$/.test(v))).toBe(true);
    expect(present('score').every((v) => /^0\.\d{6}$|^1\.000000$/.test(v))).toBe(true);
    expect(present('count').every((v) => /^\d+$/.test(v))).toBe(true);
    expect(new Set(present('category')).size).toBe(CATEGORIES.length);
    expect(new Set(present('flag'))).toEqual(new Set(['true', 'false']));
    expect(new Set(present('country')).size).toBeGreaterThanOrEqual(45);
  });

  it('shifts amount mean by about +5% and moves category frequencies in the shifted copy', () => {
    const a = parseCsv(base);
    const s = parseCsv(shifted);
    const ratio = mean(column(s, 'amount')) / mean(column(a, 'amount'));
    expect(ratio).toBeGreaterThan(1.03);
    expect(ratio).toBeLessThan(1.07);
    const share = (records: string[][], value: string): number =>
      column(records, 'category').filter((v) => v === value).length / ROWS;
    expect(share(a, 'electronics') - share(s, 'electronics')).toBeGreaterThan(0.1);
    expect(share(s, 'clothing')).toBeGreaterThan(share(a, 'clothing'));
  });
});

describe('parseCount', () => {
  it('reads plain, separated, exponent and k/M counts and rejects junk', () => {
    expect(parseCount('12000000', '--rows')).toBe(12_000_000);
    expect(parseCount('12_000_000', '--rows')).toBe(12_000_000);
    expect(parseCount('1,000,000', '--rows')).toBe(1_000_000);
    expect(parseCount('12e6', '--rows')).toBe(12_000_000);
    expect(parseCount('12M', '--rows')).toBe(12_000_000);
    expect(parseCount('500k', '--rows')).toBe(500_000);
    expect(() => parseCount('lots', '--rows')).toThrow('--rows: expected a row count, got "lots"');
    expect(() => parseCount('1.5', '--rows')).toThrow('--rows');
  });
});

describe('resultTable', () => {
  it('derives MB/s and rows/s from wall time and prints n/a for unknown RSS', () => {
    const table = resultTable(
      [
        { engine: 'a', wallSeconds: 2, peakRssMb: 150.4 },
        { engine: 'b', wallSeconds: 4, peakRssMb: null },
      ],
      800e6,
      12e6,
    );
    expect(table.split('\n').slice(2)).toEqual([
      '| a | 2.00 | 400 | 6,000,000 | 150 |',
      '| b | 4.00 | 200 | 3,000,000 | n/a |',
    ]);
  });
});

describe('generateCsv to a device', () => {
  // Through a symlink, so a regression would replace the link, never the real /dev/null.
  it('writes through to a character device instead of renaming a file over it', () => {
    const link = join(mkdtempSync(join(tmpdir(), 'bench-validate-dev-')), 'sink');
    symlinkSync('/dev/null', link);
    generateCsv({ rows: 1000, out: link, seed: 1, shift: false });
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(existsSync(`${link}.partial`)).toBe(false);
    rmSync(join(link, '..'), { recursive: true, force: true });
  });
});
