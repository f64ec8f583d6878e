import { describe, expect, it } from '@jest/globals';
import { compareNumbers, numericPsi } from '../../src/drift/numeric.js';
import { NumberSummary } from '../../src/profile/number-summary.js';
import { binCounts, psi, quantileBinEdges } from '../../src/stats/categorical.js';
import { ks2, ksPValue } from '../../src/stats/ks.js';
import { wasserstein1 } from '../../src/stats/wasserstein.js';
import { expectClose } from '../stats/close.js';
import { sampleFrom } from '../stats/lcg.js';
import { twoSampleCases } from '../stats/reference/ks.js';
import { wassersteinCases } from '../stats/reference/drift.js';
import { normal } from '../sketch/data.js';

function summaryOf(values: ArrayLike<number>, exactValues?: number): NumberSummary {
  const s = new NumberSummary('log', exactValues === undefined ? {} : { exactValues });
  for (let i = 0; i < values.length; i++) s.add(values[i]!);
  return s;
}

/**
 * The exact two-sided KS p-value by brute force: every way of choosing which n of the n + m pooled values form the
 * first sample is equally likely under H0; p is the share of them whose D is at least the observed one (D compared
 * in integers, |i·m − j·n|, so there is no rounding).
 */
function ksByEnumeration(a: number[], b: number[]): { d: number; p: number } {
  const pooled = [...a, ...b].sort((x, y) => x - y);
  const n = a.length;
  const m = b.length;
  const gap = (first: Set<number>) => {
    let i = 0;
    let j = 0;
    let largest = 0;
    for (let k = 0; k < pooled.length; k++) {
      if (first.has(k)) i++;
      else j++;
      if (k + 1 < pooled.length && pooled[k + 1] === pooled[k]) continue;
      largest = Math.max(largest, Math.abs(i * m - j * n));
    }
    return largest;
  };
  const observed = gap(new Set(pooled.map((v, k) => (a.includes(v) ? k : -1)).filter((k) => k >= 0)));
  let extreme = 0;
  let total = 0;
  const choose = (start: number, chosen: number[]) => {
    if (chosen.length === n) {
      total++;
      if (gap(new Set(chosen)) >= observed) extreme++;
      return;
    }
    for (let k = start; k <= pooled.length - (n - chosen.length); k++) choose(k + 1, [...chosen, k]);
  };
  choose(0, []);
  return { d: observed / (n * m), p: extreme / total };
}

describe('numeric drift while both sides keep their values', () => {
  it.each(twoSampleCases.filter((c) => c.method === 'auto'))(
    'KS equals scipy 1.10 ($name: $call)',
    ({ a, b, statistic, pValue }) => {
      const result = compareNumbers(summaryOf(sampleFrom(a)), summaryOf(sampleFrom(b)));
      expect(result.exact).toBe(true);
      expectClose(result.statistic[0], statistic, 1e-14, 1e-15, 'D');
      expectClose(result.pValue, pValue, 1e-9, 1e-300, 'p');
    },
  );

  it('gives the exact small-sample p-value of brute-force enumeration (6 vs 5 values, C(11, 5) = 462 splits)', () => {
    const a = [0.12, 0.5, 0.91, 1.4, 2.2, 2.3];
    const b = [0.7, 1.9, 2.5, 2.8, 3.1];
    const reference = ksByEnumeration(a, b);
    const result = compareNumbers(summaryOf(a), summaryOf(b));
    expect(result.method).toBe('exact');
    expect(result.statistic[0]).toBe(reference.d);
    expectClose(result.pValue, reference.p, 1e-12, 0, 'p');
  });

  it.each(wassersteinCases)('Wasserstein equals scipy 1.10 ($call)', ({ a, b, distance }) => {
    const result = compareNumbers(summaryOf(sampleFrom(a)), summaryOf(sampleFrom(b)));
    expectClose(result.wasserstein[0], distance, 1e-12, 1e-15, 'W1');
    expect(result.wasserstein[1]).toBe(result.wasserstein[0]);
  });

  it('gives PSI over numpy.quantile deciles of the reference, as on the raw samples', () => {
    const a = [...normal(5_000, 1)];
    const b = [...normal(4_000, 2)].map((z) => z + 0.3);
    const edges = quantileBinEdges(a, 10);
    expect(numericPsi(summaryOf(a), summaryOf(b))).toBeCloseTo(psi(binCounts(a, edges), binCounts(b, edges)), 12);
  });
});

describe('numeric drift past the exact cap', () => {
  // Continuous values: no bin of the grid holds a single value, so past the cap everything is bounded.
  const a = [...normal(200_000, 3)].map((z) => 40 * Math.exp(0.5 * z));
  const b = [...normal(150_000, 4)].map((z) => 40 * Math.exp(0.5 * z + 0.01));
  const capped = compareNumbers(summaryOf(a, 10_000), summaryOf(b, 10_000));
  const raw = ks2(a, b);

  it('bounds D around the exact value and computes p from the lower bound, so p is never too small', () => {
    expect(capped.exact).toBe(false);
    expect(capped.statistic[0]).toBeLessThanOrEqual(raw.statistic + 1e-15);
    expect(capped.statistic[1]).toBeGreaterThanOrEqual(raw.statistic - 1e-15);
    expect(capped.pValue).toBeGreaterThanOrEqual(raw.pValue);
    expect(capped.pValue).toBe(ksPValue(capped.statistic[0], 200_000, 150_000).pValue);
  });

  it('keeps the bound small against the 5% critical D at this size', () => {
    // Critical D at α = 0.05 ≈ 1.358·√((n + m)/(n·m)).
    const critical = 1.358 * Math.sqrt((200_000 + 150_000) / (200_000 * 150_000));
    expect(capped.statistic[1] - capped.statistic[0]).toBeLessThan(0.1 * critical);
  });

  it('bounds the Wasserstein distance around the exact value', () => {
    const exact = wasserstein1(a, b);
    expect(capped.wasserstein[0]).toBeLessThanOrEqual(exact * (1 + 1e-12));
    expect(capped.wasserstein[1]).toBeGreaterThanOrEqual(exact * (1 - 1e-12));
    expect(capped.wasserstein[1] - capped.wasserstein[0]).toBeLessThan(0.01 * exact);
  });

  it('holds the exact D, W1 and p inside its bounds on coarse grids, for shifts, scales and ties', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const shift = (seed % 5) * 0.05;
      const x = [...normal(20_000 + 97 * seed, seed)].map((z) => Math.round(100 * Math.exp(z)) / 10);
      const y = [...normal(15_000 + 31 * seed, seed + 100)].map((z) => Math.round(100 * Math.exp(z + shift)) / 10);
      const grid = (values: number[]) => {
        const s = new NumberSummary('log', { exactValues: 10, gridBins: 4 + seed * 4 });
        for (const v of values) s.add(v);
        return s;
      };
      const bounded = compareNumbers(grid(x), grid(y));
      const exact = ks2(x, y);
      const w = wasserstein1(x, y);
      expect(bounded.statistic[0]).toBeLessThanOrEqual(exact.statistic + 1e-12);
      expect(bounded.statistic[1]).toBeGreaterThanOrEqual(exact.statistic - 1e-12);
      expect(bounded.pValue).toBeGreaterThanOrEqual(exact.pValue * (1 - 1e-9));
      expect(bounded.wasserstein[0]).toBeLessThanOrEqual(w * (1 + 1e-9));
      expect(bounded.wasserstein[1]).toBeGreaterThanOrEqual(w * (1 - 1e-9));
    }
  });

  it('is exact again when the grids resolve every value (a few distinct integers)', () => {
    const x = [...normal(30_000, 5)].map((z) => Math.round(Math.abs(z) * 3));
    const y = [...normal(30_000, 6)].map((z) => Math.round(Math.abs(z) * 3.1));
    const result = compareNumbers(summaryOf(x, 100), summaryOf(y, 100));
    expect(result.exact).toBe(true);
    expectClose(result.statistic[0], ks2(x, y).statistic, 1e-14, 1e-15, 'D');
    expectClose(result.wasserstein[0], wasserstein1(x, y), 1e-12, 1e-15, 'W1');
  });
});
