import { describe, expect, it } from '@jest/globals';
import { NumberSummary } from '../../src/profile/number-summary.js';
import { ExactValues } from '../../src/sketch/exact-values.js';
import { Moments } from '../../src/sketch/moments.js';
import { ValueGrid } from '../../src/sketch/value-grid.js';
import type { QuantileMethod } from '../../src/stats/quantile.js';
import { normal, uniform } from '../sketch/data.js';

function summaryOf(values: ArrayLike<number>, exactValues?: number, gridBins?: number): NumberSummary {
  const s = new NumberSummary('log', {
    ...(exactValues !== undefined && { exactValues }),
    ...(gridBins !== undefined && { gridBins }),
  });
  for (let i = 0; i < values.length; i++) s.add(values[i]!);
  return s;
}

/** numpy.quantile's definition written out on a sorted copy: h = q·(n − 1) between x[⌊h⌋] and x[⌈h⌉]. */
function numpyQuantile(values: ArrayLike<number>, q: number, method: QuantileMethod): number {
  const x = Float64Array.from(values).sort();
  const h = q * (x.length - 1);
  const i = Math.floor(h);
  const t = h - i;
  const a = x[i]!;
  const b = x[Math.min(i + 1, x.length - 1)]!;
  if (method === 'lower') return a;
  if (method === 'higher') return t === 0 ? a : b;
  if (method === 'nearest') return t > 0.5 || (t === 0.5 && i % 2 === 1) ? b : a;
  if (method === 'midpoint') return t === 0 ? a : b - (b - a) * 0.5;
  return t === 0 ? a : t >= 0.5 ? b - (b - a) * (1 - t) : a + (b - a) * t;
}

describe('NumberSummary quantiles while the values are kept', () => {
  it('gives the values numpy documents: np.quantile([[10, 7, 4], [3, 2, 1]], 0.5) = 3.5', () => {
    // numpy.quantile docstring (numpy 1.26): a = [[10, 7, 4], [3, 2, 1]]; np.quantile(a, 0.5) → 3.5.
    const s = summaryOf([10, 7, 4, 3, 2, 1]);
    expect(s.quantile(0.5)).toEqual({ value: 3.5, low: 3.5, high: 3.5 });
    expect(s.median().value).toBe(3.5);
  });

  it('follows each of numpy’s methods on [1, 2, 3, 4] (h = 3q), worked by hand', () => {
    const s = summaryOf([4, 1, 3, 2]);
    // q = 0.5 → h = 1.5: between 2 and 3.
    expect(s.quantile(0.5, 'linear').value).toBe(2.5);
    expect(s.quantile(0.5, 'lower').value).toBe(2);
    expect(s.quantile(0.5, 'higher').value).toBe(3);
    expect(s.quantile(0.5, 'midpoint').value).toBe(2.5);
    // 1.5 rounds half to even: index 2, the value 3.
    expect(s.quantile(0.5, 'nearest').value).toBe(3);
    // q = 0.25 → h = 0.75: 1 + 0.75·(2 − 1).
    expect(s.quantile(0.25, 'linear').value).toBe(1.75);
    expect(s.quantile(0.25, 'nearest').value).toBe(2);
    // [1, …, 6], q = 0.5 → h = 2.5, which rounds half to even: index 2, the value 3 (linear gives 3.5).
    const six = summaryOf([6, 5, 4, 3, 2, 1]);
    expect(six.quantile(0.5, 'nearest').value).toBe(3);
    expect(six.quantile(0.5).value).toBe(3.5);
  });

  it('gives the exact median of a 342-value column (the mean of the middle two), not a sketch’s guess', () => {
    // 171 values at 4000 and 171 at 4100: pandas/GX median 4050.
    const values = [...Array<number>(171).fill(4000), ...Array<number>(171).fill(4100)];
    expect(summaryOf(values).median()).toEqual({ value: 4050, low: 4050, high: 4050 });
  });

  it('agrees with numpy’s definition to the last bit on many samples and every method', () => {
    for (const [seed, n] of [
      [1, 2],
      [2, 17],
      [3, 1000],
      [4, 4321],
    ] as const) {
      const values = [...normal(n, seed)].map((z) => Math.round(z * 1e4) / 100);
      const s = summaryOf(values);
      for (const q of [0, 0.01, 0.1, 0.25, 0.333, 0.5, 0.75, 0.9, 0.99, 1]) {
        for (const method of ['linear', 'lower', 'higher', 'midpoint', 'nearest'] as const) {
          expect([q, method, s.quantile(q, method).value]).toEqual([q, method, numpyQuantile(values, q, method)]);
        }
      }
    }
  });
});

describe('NumberSummary past its exact cap', () => {
  const values = [...normal(60_000, 7)].map((z) => 40 * Math.exp(0.9 * z));
  const s = summaryOf(values, 1_000, 4_096);

  it('bounds every quantile by the grid bins holding its order statistics, around the true value', () => {
    expect(s.isExact).toBe(false);
    for (const q of [0.01, 0.25, 0.5, 0.75, 0.99]) {
      const bounded = s.quantile(q);
      const truth = numpyQuantile(values, q, 'linear');
      expect(bounded.low).toBeLessThanOrEqual(truth);
      expect(bounded.high).toBeGreaterThanOrEqual(truth);
      // 4,096 bins over this range: each bin is a fraction of a percent of its value wide.
      expect((bounded.high - bounded.low) / truth).toBeLessThan(0.01);
    }
  });

  it('bounds the distinct count and lists no top value it cannot prove', () => {
    const { low, high } = s.distinct();
    expect(low).toBeLessThanOrEqual(60_000);
    expect(high).toBeGreaterThanOrEqual(60_000);
    expect(high).toBeLessThanOrEqual(60_000);
    expect(s.topValues(5)).toEqual([]);
  });

  it('knows small integers exactly from its single-valued bins, counts and top values included', () => {
    const counts = [...uniform(50_000, 3)].map((u) => Math.floor(-Math.log(u) * 2));
    const integers = summaryOf(counts, 100);
    expect(integers.isExact).toBe(false);
    expect(integers.valueCounts()).toBeDefined();
    expect(integers.quantile(0.5).value).toBe(numpyQuantile(counts, 0.5, 'linear'));
    const zeros = counts.filter((c) => c === 0).length;
    expect(integers.topValues(1)).toEqual([{ value: 0, count: zeros }]);
  });

  it('makes a histogram with exact counts whose edges sit where the counts are known', () => {
    const h = s.histogram(10);
    expect(h.counts.reduce((a, b) => a + b, 0)).toBe(60_000);
    for (let i = 0; i < h.counts.length; i++) {
      const inBin = values.filter((v) =>
        i === h.counts.length - 1 ? v >= h.edges[i]! && v <= h.edges[i + 1]! : v >= h.edges[i]! && v < h.edges[i + 1]!,
      ).length;
      expect([i, h.counts[i]]).toEqual([i, inBin]);
    }
  });
});

describe('NumberSummary value grid', () => {
  it('is the same summary whether or not it is read between values (reads see every value added so far)', () => {
    const values = [...normal(5_000, 9)].map((z) => Math.round(4000 * Math.exp(0.3 * z)));
    for (const cap of [2_000, 4_999, 5_000]) {
      const read = new NumberSummary('log', { exactValues: cap, gridBins: 300 });
      values.forEach((v, i) => {
        read.add(v);
        if (i % 997 === 0) {
          expect(read.count).toBe(i + 1);
          expect(read.moments.max).toBe(Math.max(...values.slice(0, i + 1)));
        }
        if (i === 1_500) expect(read.grid.count).toBe(i + 1);
      });
      expect(read.toJSON()).toEqual(summaryOf(values, cap, 300).toJSON());
    }
  });

  it('buffers values into the parts one value at a time would give, with the cap at, before and after a buffer end', () => {
    // The summary hands values over 4,096 at a time (after 16, 32, … while it starts): caps around those ends.
    const values = Float64Array.from(normal(8_200, 10), (z) => Math.round(4000 * Math.exp(0.3 * z)) / 10);
    for (const cap of [1, 16, 4_095, 4_096, 4_097, 8_191, 8_199, 8_200]) {
      const moments = new Moments();
      const exact = new ExactValues(cap);
      const grid = new ValueGrid('log', 300);
      for (const v of values) {
        moments.add(v);
        exact.add(v);
        grid.add(v);
      }
      expect(summaryOf(values, cap, 300).toJSON()).toEqual({
        moments: moments.toJSON(),
        exact: exact.toJSON(),
        ...(values.length > cap && { grid: grid.toJSON() }),
      });
    }
  });

  it('merges shards in either order into the summary of one pass, exactly at the cap and one past it', () => {
    const values = Float64Array.from(normal(4_097, 11), (z) => Math.round(4000 * Math.exp(0.3 * z)));
    for (const [n, split] of [
      [4_096, 3_000],
      [4_097, 3_000],
      [4_097, 4_096],
      [4_097, 1],
    ] as const) {
      const whole = summaryOf(values.subarray(0, n), 4_096, 300).toJSON();
      const [a, b] = [values.subarray(0, split), values.subarray(split, n)];
      expect(
        summaryOf(a, 4_096, 300)
          .merge(summaryOf(b, 4_096, 300))
          .toJSON(),
      ).toEqual(whole);
      expect(
        summaryOf(b, 4_096, 300)
          .merge(summaryOf(a, 4_096, 300))
          .toJSON(),
      ).toEqual(whole);
      expect(whole.grid === undefined).toBe(n <= 4_096);
    }
  });

  it('is built only past the cap, and is then the grid one pass over every value gives', () => {
    const values = [...normal(5_000, 8)].map((z) => Math.round(4000 * Math.exp(0.3 * z)));
    const onePass = new ValueGrid('log', 300);
    for (const v of values) onePass.add(v);

    const kept = summaryOf(values, 5_000, 300);
    expect(kept.toJSON().grid).toBeUndefined();
    const past = summaryOf(values, 4_999, 300);
    expect(past.toJSON().grid).toEqual(onePass.toJSON());
    // Two shards that each keep their values, merged past the cap: the grid comes from both shards' values.
    const [left, right] = [summaryOf(values.slice(0, 2_600), 4_999, 300), summaryOf(values.slice(2_600), 4_999, 300)];
    expect(left.merge(right).toJSON()).toEqual(past.toJSON());
    // Asked for while the values are kept, the grid is the same too.
    expect(kept.grid.toJSON()).toEqual(onePass.toJSON());
  });
});
