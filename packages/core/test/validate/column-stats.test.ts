import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inferSchema } from '../../src/checks/index.js';
import { profileFile, type Profile } from '../../src/profile/index.js';
import { columnStatsOf, profileStats } from '../../src/validate/index.js';
import { mixedCsv, type MixedData } from '../profile/fixture.js';

const ROWS = 20_000;
let dir: string;
let data: MixedData;
let profile: Profile;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mlgate-validate-stats-'));
  data = mixedCsv(ROWS);
  writeFileSync(join(dir, 'mixed.csv'), data.csv);
  ({ profile } = await profileFile(join(dir, 'mixed.csv')));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function column(name: string) {
  const found = profile.column(name);
  if (!found) throw new Error(`no column ${name}`);
  return found;
}

describe('columnStatsOf', () => {
  it('gives the exact count, nulls, min, max, mean and sample standard deviation of a numeric column', () => {
    const xs = data.amounts;
    const n = xs.length;
    const mean = xs.reduce((s, x) => s + x, 0) / n;
    const stdev = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1));
    const stats = columnStatsOf(column('amount'));
    expect(stats.count).toBe(ROWS);
    expect(stats.nulls).toBe(ROWS - n);
    expect(stats.min).toBe(Math.min(...xs));
    expect(stats.max).toBe(Math.max(...xs));
    expect(stats.mean).toBeCloseTo(mean, 8);
    expect(stats.stdev).toBeCloseTo(stdev, 8);
  });

  it('answers quantiles and the median exactly, as numpy.quantile and pandas’ median define them', () => {
    const sorted = [...data.amounts].sort((a, b) => a - b);
    const stats = columnStatsOf(column('amount'));
    const at = (i: number) => sorted[i]!;
    for (const q of [0.05, 0.25, 0.5, 0.75, 0.95]) {
      // numpy: h = q·(n − 1); 'lower' is x[⌊h⌋], 'higher' x[⌈h⌉].
      const h = q * (sorted.length - 1);
      expect(stats.quantile!(q, 'lower')).toBe(at(Math.floor(h)));
      expect(stats.quantile!(q, 'higher')).toBe(at(Math.ceil(h)));
      expect(stats.quantileBounds!(q)).toBeUndefined();
    }
    const half = Math.floor(sorted.length / 2);
    expect(stats.median!()).toBe(sorted.length % 2 === 1 ? at(half) : (at(half - 1) + at(half)) / 2);
  });

  it('estimates distinct values with HyperLogLog within 3% and counts each value type', () => {
    const user = columnStatsOf(column('user'));
    expect(Math.abs(user.distinct! - data.users.size) / data.users.size).toBeLessThan(0.03);
    expect(user.typeCounts).toEqual({ integer: 0, number: 0, boolean: 0, datetime: 0, string: ROWS });
    const flag = columnStatsOf(column('flag'));
    expect(flag.typeCounts?.boolean).toBe(ROWS - flag.nulls);
    expect(columnStatsOf(column('when')).typeCounts?.datetime).toBe(ROWS);
    expect(columnStatsOf(column('id')).typeCounts?.integer).toBe(ROWS);
  });

  it('has no numeric statistics for a text column, and lists its values completely only when they are few', () => {
    const note = columnStatsOf(column('note'));
    expect([note.min, note.max, note.mean, note.stdev, note.quantile]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    // `plain 0`..`plain 6` are few, but the multi-line notes are all different: the list is partial.
    const listed = note.topValues!.reduce((sum, { count }) => sum + count, 0);
    expect(listed).toBeLessThan(ROWS - note.nulls);
    const flag = columnStatsOf(column('flag'));
    expect(flag.topValues!.map((v) => v.value).sort()).toEqual(['False', 'true']);
    expect(flag.topValues!.reduce((sum, { count }) => sum + count, 0)).toBe(ROWS - flag.nulls);
  });

  it('feeds inferSchema: types, nullability and bounds that contain the data', () => {
    const { table, stats } = profileStats(profile);
    expect(table).toEqual({ rows: ROWS, columns: ['id', 'amount', 'flag', 'when', 'user', 'note'] });
    const yaml = inferSchema(table, stats);
    expect(yaml).toMatch(/id:\n\s+type: integer\n\s+nullable: false\n\s+min: 0\n\s+max: 20000/);
    expect(yaml).toMatch(/amount:\n\s+type: number\n\s+max_null_fraction: 0\.0\d/);
    expect(yaml).toMatch(/when:\n\s+type: datetime/);
  });
});
