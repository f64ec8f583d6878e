import { describe, it, expect } from '@jest/globals';
import { ks2, ksFromCdfs, ksPValue } from '../../src/stats/ks.js';
import { kolmogorovLimitSf, kolmogorovSmirnovSf, smirnovSf } from '../../src/stats/kolmogorov.js';
import { UserError } from '../../src/errors.js';
import { kstwoCases, limitCases, literalCases, smirnovCases, twoSampleCases } from './reference/ks.js';
import { sampleFrom } from './lcg.js';
import { expectClose } from './close.js';

// Reference values: scipy 1.10 (and mpmath where scipy approximates), from test/reference/stats_ks.py.
describe('ks2 against scipy.stats.ks_2samp', () => {
  it.each(twoSampleCases)('$name: $call', ({ a, b, method, statistic, pValue }) => {
    const result = ks2(sampleFrom(a), sampleFrom(b), { method });
    expectClose(result.statistic, statistic, 1e-14, 0, 'D');
    expectClose(result.pValue, pValue, 1e-11, 0, 'p');
    // scipy's 'auto' is exact up to 10,000 values per side.
    expect(result.method).toBe(method === 'asymptotic' || Math.max(a.n, b.n) > 10_000 ? 'asymptotic' : 'exact');
  });

  it.each(literalCases)('$name: $call', ({ a, b, statistic, pValue }) => {
    const result = ks2(a, b, { method: 'exact' });
    expect(result.statistic).toBeCloseTo(statistic, 15);
    // Relative comparison: the disjoint cases are around 1e-22.
    expectClose(result.pValue, pValue, 1e-12, 0, 'p');
  });

  it('gives D = 0 and p = 1 for identical samples, whatever the method', () => {
    const a = sampleFrom({ kind: 'sum2', n: 50, seed: 99 });
    for (const method of ['exact', 'asymptotic'] as const) {
      expect(ks2(a, a, { method })).toMatchObject({ statistic: 0, pValue: 1, method });
    }
  });

  it('computes D on distinct values when the samples tie', () => {
    // F_a jumps to 3/4 at 1 while F_b is 1/4 there: D = ½ exactly, at x = 1.
    const result = ks2([1, 1, 1, 2], [1, 2, 2, 2]);
    expect(result.statistic).toBe(0.5);
    expect(result.location).toBe(1);
  });

  it('reports where the largest gap is', () => {
    expect(ks2([1, 2, 3], [10, 11]).location).toBe(3);
  });

  it('keeps relative precision for p-values near 1e-35 (no 1 − P(inside) cancellation)', () => {
    // Disjoint samples: only the 2 extreme paths of the C(n+m, n) leave the band, so p = 2/C(n+m, n).
    const logChoose = (n: number, k: number) => {
      let s = 0;
      for (let i = 1; i <= k; i++) s += Math.log((n - k + i) / i);
      return s;
    };
    const low = Array.from({ length: 60 }, (_, i) => i);
    const high = Array.from({ length: 60 }, (_, i) => 100 + i);
    expectClose(ks2(low, high).pValue, 2 * Math.exp(-logChoose(120, 60)), 1e-12, 0, 'n = m = 60');
    const highUnequal = Array.from({ length: 55 }, (_, i) => 100 + i);
    expectClose(ks2(low, highUnequal).pValue, 2 * Math.exp(-logChoose(115, 55)), 1e-12, 0, 'n = 60, m = 55');
  });

  it("falls back to the asymptotic p-value when 'exact' would walk too large a lattice", () => {
    expect(ksPValue(0.01, 20_000, 15_001, 'exact').method).toBe('asymptotic');
    // Equal sizes have a closed form, so they stay exact at any size.
    expect(ksPValue(0.01, 50_000, 50_000, 'exact').method).toBe('exact');
  });

  it('rejects empty and non-finite samples with a UserError', () => {
    expect(() => ks2([], [1])).toThrow(UserError);
    expect(() => ks2([1, NaN], [1])).toThrow(/non-finite/);
  });
});

describe('ksFromCdfs (profiles: weighted CDFs / quantile sketches)', () => {
  const a = sampleFrom({ kind: 'int', n: 400, seed: 71, levels: 12 });
  const b = sampleFrom({ kind: 'int', n: 300, seed: 72, levels: 12, shift: 1 });

  function compress(values: Float64Array): { values: number[]; weights: number[] } {
    const counts = new Map<number, number>();
    for (const v of [...values].sort((x, y) => x - y)) counts.set(v, (counts.get(v) ?? 0) + 1);
    return { values: [...counts.keys()], weights: [...counts.values()] };
  }

  it('equals the raw-sample test when the CDFs carry the samples exactly (ties merged into weights)', () => {
    const raw = ks2(a, b);
    const fromCdfs = ksFromCdfs(compress(a), compress(b), a.length, b.length);
    expect(fromCdfs.statistic).toBeCloseTo(raw.statistic, 15);
    expectClose(fromCdfs.pValue, raw.pValue, 1e-12);
  });

  it('does not depend on the scale of the weights (normalised sketches)', () => {
    const { values, weights } = compress(a);
    const scaled = { values, weights: weights.map((w) => w / 400) };
    expect(ksFromCdfs(scaled, compress(b), 400, 300).statistic).toBeCloseTo(ks2(a, b).statistic, 14);
  });

  it('approximates D from a coarse quantile summary of a large sample', () => {
    const big = sampleFrom({ kind: 'sum2', n: 20_000, seed: 81 });
    const other = sampleFrom({ kind: 'sum2', n: 20_000, seed: 82, shift: 0.1 });
    const summary = (xs: Float64Array) => {
      const sorted = Float64Array.from(xs).sort();
      const values = Array.from({ length: 200 }, (_, k) => sorted[Math.floor(((k + 0.5) / 200) * sorted.length)] ?? 0);
      return { values, weights: values.map(() => 1) };
    };
    const exact = ks2(big, other).statistic;
    const approx = ksFromCdfs(summary(big), summary(other), 20_000, 20_000);
    expect(Math.abs(approx.statistic - exact)).toBeLessThan(0.01);
    expect(approx.method).toBe('asymptotic');
  });

  it('rejects unsorted values, negative weights and bad sizes', () => {
    expect(() => ksFromCdfs({ values: [2, 1], weights: [1, 1] }, { values: [1], weights: [1] }, 2, 1)).toThrow(
      /ascending/,
    );
    expect(() => ksFromCdfs({ values: [1], weights: [-1] }, { values: [1], weights: [1] }, 1, 1)).toThrow(/weight/);
    expect(() => ksFromCdfs({ values: [1], weights: [1] }, { values: [1], weights: [1] }, 0, 1)).toThrow(UserError);
  });
});

describe('Kolmogorov distributions', () => {
  it.each(kstwoCases)('one-sample D_n survival matches $call', ({ n, x, sf }) => {
    expectClose(kolmogorovSmirnovSf(n, x), sf, 1e-11, 1e-15, `kstwo(${n}, ${x})`);
  });

  it.each(limitCases)('limiting distribution matches $call', ({ z, sf }) => {
    expectClose(kolmogorovLimitSf(z), sf, 1e-14, 0, `kstwobign(${z})`);
  });

  it.each(smirnovCases)('one-sided Smirnov tail matches $call', ({ n, x, sf }) => {
    expectClose(smirnovSf(n, x), sf, 1e-12, 0, `smirnov(${n}, ${x})`);
  });
});
