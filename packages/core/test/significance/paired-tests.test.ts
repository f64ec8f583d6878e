import { describe, it, expect } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { deLong, labelChange, mcnemar, mcnemarFromCounts, midranks } from '../../src/significance/index.js';
import { UserError } from '../../src/errors.js';

/** Produced by test/reference/metrics_significance.py (statsmodels 0.13.5, scipy 1.10, numpy). */
const reference = JSON.parse(readFileSync(new URL('./fixtures/reference.json', import.meta.url), 'utf8')) as {
  mcnemar: { b: number; c: number; call: string; statistic: number; pvalue: number }[];
  delong: {
    case: string;
    y: number[];
    candidate: number[];
    baseline: number[];
    auc1: number;
    auc2: number;
    var1: number;
    var2: number;
    cov: number;
    z: number;
    pvalue: number;
    ci: [number, number];
  }[];
};

describe('McNemar matches statsmodels 0.13', () => {
  it.each(reference.mcnemar.map((r) => [r.call, r] as const))('%s', (_call, r) => {
    const result = mcnemarFromCounts(r.b, r.c);
    expect(result.method).toBe(r.b + r.c < 25 ? 'exact-binomial' : 'chi-square-continuity-corrected');
    expect(result.statistic).toBeCloseTo(r.statistic, 12);
    expect(result.pValue).toBeCloseTo(r.pvalue, 12);
  });

  it('counts discordant pairs from labels: b = baseline-only correct, c = candidate-only correct', () => {
    const y = Int32Array.from([1, 0, 1, 1, 0, 0, 1, 0]);
    const candidate = Int32Array.from([1, 0, 0, 1, 1, 0, 1, 0]);
    const baseline = Int32Array.from([0, 1, 1, 1, 1, 0, 0, 0]);
    const result = mcnemar(y, candidate, baseline);
    expect([result.baselineOnly, result.candidateOnly]).toEqual([1, 3]);
    // statsmodels: mcnemar([[., 1], [3, .]], exact=True) → p = 2·P(Bin(4, ½) ≤ 1) = 0.625
    expect(result.pValue).toBeCloseTo(0.625, 14);
  });
});

describe('DeLong matches a direct O(m·n) implementation of DeLong et al. (1988)', () => {
  it.each(reference.delong.map((r) => [r.case, r] as const))('%s scores', (_name, r) => {
    const result = deLong(Int32Array.from(r.y), Float64Array.from(r.candidate), Float64Array.from(r.baseline));
    expect(result.candidate).toBeCloseTo(r.auc1, 12);
    expect(result.baseline).toBeCloseTo(r.auc2, 12);
    expect(result.varianceCandidate).toBeCloseTo(r.var1, 12);
    expect(result.varianceBaseline).toBeCloseTo(r.var2, 12);
    expect(result.covariance).toBeCloseTo(r.cov, 12);
    expect(result.z).toBeCloseTo(r.z, 10);
    expect(result.pValue).toBeCloseTo(r.pvalue, 10);
    expect(result.ci[0]).toBeCloseTo(r.ci[0], 10);
    expect(result.ci[1]).toBeCloseTo(r.ci[1], 10);
  });

  it('gives z = 0 and p = 1 for identical models', () => {
    const y = Int32Array.from([0, 1, 0, 1, 1, 0]);
    const s = Float64Array.from([0.1, 0.9, 0.4, 0.35, 0.8, 0.2]);
    const result = deLong(y, s, s);
    expect([result.delta, result.z, result.pValue]).toEqual([0, 0, 1]);
  });

  it('refuses fewer than two examples of a class', () => {
    expect(() => deLong(Int32Array.from([0, 0, 1]), new Float64Array(3), new Float64Array(3))).toThrow(UserError);
  });

  it('midranks average tied ranks', () => {
    expect([...midranks(Float64Array.from([3, 1, 3, 2, 3]))]).toEqual([4, 1, 4, 2, 4]);
  });
});

describe('labelChange', () => {
  it('is improved when the interval lies above zero for a higher-is-better metric', () => {
    expect(labelChange({ delta: 0.02, ci: [0.01, 0.03], direction: 'higher' })).toBe('improved');
  });
  it('is regressed when a lower-is-better metric rises with confidence', () => {
    expect(labelChange({ delta: 0.02, ci: [0.01, 0.03], direction: 'lower' })).toBe('regressed');
  });
  it('is within noise when the interval straddles zero', () => {
    expect(labelChange({ delta: 0.01, ci: [-0.01, 0.03], direction: 'higher' })).toBe('within-noise');
  });
  it('needs the whole interval beyond minEffect', () => {
    expect(labelChange({ delta: -0.03, ci: [-0.05, -0.008], direction: 'higher', minEffect: 0.01 })).toBe(
      'within-noise',
    );
    expect(labelChange({ delta: -0.03, ci: [-0.05, -0.011], direction: 'higher', minEffect: 0.01 })).toBe('regressed');
  });
  it('is unchanged for identical predictions and within noise for an undefined interval', () => {
    expect(labelChange({ delta: 0, ci: [0, 0], direction: 'higher' })).toBe('unchanged');
    expect(labelChange({ delta: NaN, ci: [NaN, NaN], direction: 'lower' })).toBe('within-noise');
  });
});
