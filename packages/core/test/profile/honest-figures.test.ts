/**
 * A profile's figures are exact or shown approximate with their bounds: distinct counts never exceed the values
 * there are, a top value is listed only when its counts prove it, and past the exact-values cap the summary (JSON)
 * and the terminal table mark medians and distinct counts approximate with the interval they are known to lie in.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { profileFile } from '../../src/profile/profile-file.js';
import { renderProfileText } from '../../src/profile/render-text.js';
import { HyperLogLog } from '../../src/sketch/hll.js';
import { SeededRandom } from '../../src/sketch/prng.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mlgate-figures-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function csv(name: string, header: string, rows: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, `${header}\n${rows.join('\n')}\n`);
  return path;
}

/** The terminal table's cells of one column's row, split on runs of two or more spaces. */
function cells(text: string, column: string): string[] {
  return text
    .split('\n')
    .find((line) => line.startsWith(`${column} `))!
    .split(/ {2,}/);
}

describe('distinct counts', () => {
  it('never exceed the rows, whatever HyperLogLog estimates, and carry bounds past the exact limit', async () => {
    // The case of the issue: about 3,200 distinct ids in 3,218 rows (HyperLogLog had said 3,254), at sizes and
    // seeds where the raw estimate lands above and below the truth.
    let over = 0;
    const sizes = [3_218, 5_000, 20_000];
    for (const [rows, seed] of sizes.flatMap((rows) => [1, 2, 3, 4, 5, 6].map((seed) => [rows, seed] as const))) {
      const rng = new SeededRandom(seed);
      const ids = Array.from({ length: rows }, (_, i) => `id-${rng.nextUint32().toString(36)}-${i}`);
      const path = csv(`ids-${rows}-${seed}.csv`, 'id', ids);
      const { profile } = await profileFile(path, { frequentExactLimit: 100 });
      const id = profile.column('id')!;
      const summary = id.summary();
      expect(summary.distinct).toBeLessThanOrEqual(rows);
      expect(summary.distinctBounds![0]).toBeLessThanOrEqual(rows);
      expect(summary.distinctBounds![1]).toBe(rows);
      if (Math.round(HyperLogLog.fromJSON(id.toJSON().hll).estimate()) > rows) over++;
      expect(cells(renderProfileText(profile), 'id')[3]).toMatch(/^≈[\d,]+ \([\d,]+–[\d,]+\)$/);
    }
    // At least one case had an estimate above the row count, which the profile did not report.
    expect(over).toBeGreaterThan(0);
  });

  it('are exact, and shown without ≈, while the values are counted exactly', async () => {
    const path = csv('cities.csv', 'city,n', ['Oslo,1', 'Lima,2', 'Pune,2', 'Oslo,3', 'Lima,3']);
    const { profile } = await profileFile(path);
    const city = profile.column('city')!.summary();
    expect(city.distinct).toBe(3);
    expect(city.distinctBounds).toBeUndefined();
    const n = profile.column('n')!.summary();
    expect([n.distinct, n.distinctBounds, n.numeric!.exact]).toEqual([3, undefined, true]);
    expect(cells(renderProfileText(profile), 'city')[3]).toBe('3');
    expect(cells(renderProfileText(profile), 'n')[3]).toBe('3');
  });
});

describe('numeric figures past the exact-values cap', () => {
  it('mark the median and quantiles approximate with bounds holding the true values, in JSON and the table', async () => {
    const rng = new SeededRandom(7);
    const values = Array.from({ length: 200_000 }, () => (rng.nextUint32() / 2 ** 32) * 1000);
    const path = csv(
      'x.csv',
      'x',
      values.map((v) => v.toFixed(6)),
    );
    const { profile } = await profileFile(path, { exactValues: 1_000 });
    const json = JSON.parse(JSON.stringify(profile)) as {
      columns: { name: string; summary: { numeric: { exact: boolean; quantileBounds: Record<string, number[]> } } }[];
    };
    const numeric = json.columns[0]!.summary.numeric;
    expect(numeric.exact).toBe(false);
    const sorted = values.map((v) => Number(v.toFixed(6))).sort((a, b) => a - b);
    // numpy.quantile(x, 0.5) (linear) on 200,000 values: the mean of the two middle order statistics.
    const median = (sorted[99_999]! + sorted[100_000]!) / 2;
    const [low, high] = numeric.quantileBounds.p50 as [number, number];
    expect(low).toBeLessThanOrEqual(median);
    expect(high).toBeGreaterThanOrEqual(median);
    expect(high).toBeGreaterThan(low);
    expect(cells(renderProfileText(profile), 'x')[7]).toMatch(/^≈[\d.]+ \([\d.]+–[\d.]+\)$/);
  });

  it('list a top value only when its count is proven, and with the exact count', async () => {
    // 0 occurs 30,000 times among 100,000 other values spread thinly: past the cap the value grid still counts
    // the single-valued bin of 0 exactly and bounds every other bin below it.
    const rng = new SeededRandom(9);
    const rows = [
      ...Array<string>(30_000).fill('0'),
      ...Array.from({ length: 100_000 }, () => (1 + (rng.nextUint32() / 2 ** 32) * 1000).toFixed(6)),
    ];
    const { profile } = await profileFile(csv('top.csv', 'x', rows), { exactValues: 1_000 });
    expect(profile.column('x')!.summary().top[0]).toEqual({ value: '0', count: 30_000 });
    // With no value standing out, nothing past the cap can be proven a top value, so none is listed.
    const flat = Array.from({ length: 100_000 }, () => ((rng.nextUint32() / 2 ** 32) * 1000).toFixed(6));
    const spread = (await profileFile(csv('flat.csv', 'x', flat), { exactValues: 1_000 })).profile;
    expect(spread.column('x')!.summary().top).toEqual([]);
    expect(cells(renderProfileText(spread), 'x')[8]).toBe('-');
  });
});
