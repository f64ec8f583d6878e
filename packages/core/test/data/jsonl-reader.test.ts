import { describe, expect, it } from '@jest/globals';
import { FieldFlag } from '../../src/data/batch.js';
import { JsonlReader } from '../../src/data/jsonl-reader.js';
import { fixtureBytes, readAll } from './read-all.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('JsonlReader', () => {
  it('reads objects into the shared batch accessor, reporting bad lines with their position', () => {
    const reader = new JsonlReader({ file: 'records.jsonl' });
    const table = readAll(reader, fixtureBytes('records.jsonl'));
    expect(table.columns).toEqual(['id', 'name', 'tags', 'ok', 'extra', 'score']);
    expect(table.rows).toEqual([
      ['1', 'a', '["x","y"]', 'true', null, null],
      ['2', null, null, null, '{"k":1}', null],
      ['4', 'NA', null, null, null, '1500'],
    ]);
    expect(table.lines).toEqual([1, 2, 6]);
    expect(reader.issues.issues.map((i) => [i.file, i.code, i.line])).toEqual([
      ['records.jsonl', 'bad-json', 4],
      ['records.jsonl', 'not-an-object', 5],
    ]);
    expect(reader.issues.issues[0]!.message).toMatch(/^invalid JSON/);
  });

  it('gives the same result for every chunk size', () => {
    const bytes = fixtureBytes('records.jsonl');
    const expected = readAll(new JsonlReader({ batchSize: 2 }), bytes);
    for (let size = 1; size <= bytes.length; size++) {
      expect(readAll(new JsonlReader({ batchSize: 2 }), bytes, size)).toEqual(expected);
    }
  });

  it('keeps JSON kinds in flags and parses numbers with number()', () => {
    const reader = new JsonlReader();
    reader.write(utf8('{"n":-1.25e-3,"s":"12","b":false,"o":[1],"z":null,"e":""}\n'));
    reader.end();
    const batch = reader.next()!;
    expect(batch.number(0, 0)).toBe(-0.00125);
    expect(batch.flag(0, 0)).toBe(0);
    expect(batch.flag(0, 1)).toBe(FieldFlag.QUOTED);
    expect(batch.flag(0, 2)).toBe(FieldFlag.BOOLEAN);
    expect(batch.flag(0, 3)).toBe(FieldFlag.NESTED);
    expect(batch.isNull(0, 4)).toBe(true);
    // An empty JSON string is a value, not a null.
    expect(batch.isNull(0, 5)).toBe(false);
  });

  it('adds columns met in later batches without reordering earlier ones', () => {
    const reader = new JsonlReader({ batchSize: 1 });
    reader.write(utf8('{"a":1}\n{"b":2,"a":3}\n'));
    reader.end();
    const first = reader.next()!;
    expect([first.columns, first.string(0, 0)]).toEqual([['a'], '1']);
    const second = reader.next()!;
    expect(second.columns).toEqual(['a', 'b']);
    expect([second.string(0, 0), second.string(0, 1)]).toEqual(['3', '2']);
  });

  it('reports invalid UTF-8 with its column and keeps the row', () => {
    const reader = new JsonlReader();
    const table = readAll(reader, new Uint8Array([...utf8('{"a":"x'), 0xff, ...utf8('"}\n')]));
    expect(table.rows).toEqual([['x\uFFFD']]);
    expect(reader.issues.issues.map((i) => [i.code, i.line, i.column])).toEqual([['invalid-utf8', 1, 8]]);
  });
});
