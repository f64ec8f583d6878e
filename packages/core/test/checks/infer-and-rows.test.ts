import { describe, it, expect } from '@jest/globals';
import { RowChecker, checksFromSchema, evaluateChecks, inferSchema, loadDataSchema } from '../../src/checks/index.js';
import type { Check, ColumnStats } from '../../src/checks/index.js';
import { JsonlReader } from '../../src/data/index.js';
import { exactStats, runChecks } from './run.js';

describe('inferSchema', () => {
  const csv = `id,price,kind,ok,day,note
1,0.1234,a,true,2024-01-01,x
2,98.76,b,false,2024-01-02,
3,12.5,a,TRUE,2024-01-03,y
`;
  const values: Record<string, (string | null)[]> = {
    id: ['1', '2', '3'],
    price: ['0.1234', '98.76', '12.5'],
    kind: ['a', 'b', 'a'],
    ok: ['true', 'false', 'TRUE'],
    day: ['2024-01-01', '2024-01-02', '2024-01-03'],
    note: ['x', null, 'y'],
  };
  const typeCounts: Record<string, ColumnStats['typeCounts']> = {
    id: { integer: 3 },
    price: { number: 3 },
    kind: { string: 3 },
    ok: { boolean: 3 },
    day: { datetime: 3 },
    note: { string: 2 },
  };
  const stats = new Map(
    Object.entries(values).map(([name, list]) => [
      name,
      {
        ...exactStats(list),
        typeCounts: typeCounts[name],
        ...(name === 'kind'
          ? {
              topValues: [
                { value: 'a', count: 2 },
                { value: 'b', count: 1 },
              ],
            }
          : {}),
      },
    ]),
  );
  const text = inferSchema({ rows: 3, columns: Object.keys(values) }, stats, { source: 'data.csv' });

  it('writes types, nullability, outward-rounded ranges and small allowed sets', () => {
    const schema = loadDataSchema(text, 'inferred.yml');
    const byName = Object.fromEntries(schema.columns.map((column) => [column.name, column]));
    expect(text.startsWith('# Data schema inferred by mlgate from data.csv (3 rows).')).toBe(true);
    expect(byName.id).toMatchObject({ type: 'integer', nullable: false, bounds: { min: 1, max: 3 } });
    expect(byName.price).toMatchObject({ type: 'number', bounds: { min: 0, max: 99 } });
    expect(byName.kind).toMatchObject({ type: 'string', allowed: ['a', 'b'] });
    expect(byName.ok?.type).toBe('boolean');
    expect(byName.day?.type).toBe('datetime');
    expect(byName.note).toMatchObject({ type: 'string', nullable: true, maxNullFraction: 0.34 });
    expect(byName.note?.allowed).toBeUndefined();
    expect(schema.rows).toEqual({ min: 1 });
  });

  it('round-trips: the data it was inferred from passes every check', async () => {
    const results = await runChecks(csv, checksFromSchema(loadDataSchema(text, 'inferred.yml')));
    expect(results.length).toBeGreaterThan(10);
    expect(results.filter((r) => r.status !== 'pass')).toEqual([]);
  });
});

describe('RowChecker', () => {
  it('reads quoted JSON values as text, and counts rows before a column first appeared as nulls', async () => {
    const reader = new JsonlReader({ file: 'data.jsonl', batchSize: 1 });
    const checks: Check[] = [
      { kind: 'type', name: 'type', column: 'n', type: 'integer', mostly: 1 },
      { kind: 'not_null', name: 'nullable', column: 'late', mostly: 1 },
    ];
    const checker = new RowChecker(checks, { quotedIsText: true });
    const text = '{"n": 1}\n{"n": "2"}\n{"n": 3, "late": 1}\n';
    for await (const batch of reader.batches([new TextEncoder().encode(text)])) checker.consume(batch);
    const [type, notNull] = checker.finish();
    expect(type).toMatchObject({ checked: 3, unexpected: 1, examples: [{ line: 2, value: '2' }] });
    expect(notNull).toMatchObject({ present: true, checked: 3, unexpected: 2 });
  });

  it('stops a uniqueness check past its distinct-value limit and says so instead of passing', async () => {
    const checks: Check[] = [{ kind: 'unique', name: 'unique', column: 'id', numeric: true, mostly: 1 }];
    const checker = new RowChecker(checks, { maxDistinct: 2 });
    const reader = new JsonlReader({ file: 'data.jsonl' });
    for await (const batch of reader.batches([new TextEncoder().encode('{"id":1}\n{"id":2}\n{"id":3}\n')])) {
      checker.consume(batch);
    }
    const [result] = evaluateChecks(checks, {
      rows: checker.finish(),
      table: { rows: 3, columns: ['id'] },
      stats: new Map(),
    });
    expect(result).toMatchObject({
      status: 'fail',
      message: 'could not be checked: more than 2 distinct values; uniqueness was not checked past line 3',
    });
  });
});
