import { describe, expect, it } from '@jest/globals';
import type { SignificanceMode } from '../../src/config/types.js';
import { judgeRegression } from '../../src/gate/regression.js';
import { absolute, comparison, relative } from './helpers.js';

const judge = (
  c: ReturnType<typeof comparison>,
  tolerance: ReturnType<typeof absolute> | ReturnType<typeof relative>,
  mode: SignificanceMode = 'regression',
) => {
  if (c.baseline === null || c.delta === null || c.direction === 'unknown') {
    throw new Error('test comparison needs finite values and a direction');
  }
  return judgeRegression({ ...c, baseline: c.baseline, delta: c.delta, direction: c.direction }, tolerance, mode, 0.95);
};

const interval = (low: number, high: number) => ({ ci: { low, high, method: 'bootstrap' } });

describe('judgeRegression in the default regression mode', () => {
  it('fails a significant regression beyond an absolute tolerance, quoting change, interval and allowance', () => {
    const judged = judge(comparison('recall', 0.8, 0.769, interval(-0.045, -0.017)), absolute(0.01));
    expect(judged.status).toBe('fail');
    expect(judged.message).toBe(
      "recall fell by 0.031 (95% CI −0.045 to −0.017), more than the allowed 0.01, and significantly: even the interval's most favourable end is a fall of 0.017",
    );
    expect(judged.excess).toBeCloseTo(0.021, 12);
  });

  it('warns, and says why, when the point regression is beyond the allowance but the interval reaches back inside', () => {
    // The example: recall fell by 0.040 against an allowance of 0.02; the interval reaches 0.016.
    const judged = judge(comparison('recall', 0.8, 0.76, interval(-0.064, -0.016)), absolute(0.02));
    expect(judged.status).toBe('warn');
    expect(judged.message).toBe(
      'recall fell by 0.04 (95% CI −0.064 to −0.016), beyond the allowed 0.02, but not significantly: the interval reaches a fall of 0.016',
    );
    expect(judged.message).not.toContain('within noise');
  });

  it('passes a point regression within the allowance whatever the interval', () => {
    const judged = judge(comparison('recall', 0.8, 0.795, interval(-0.03, 0.02)), absolute(0.01));
    expect(judged.status).toBe('pass');
    expect(judged.message).toBe('recall fell by 0.005 (95% CI −0.03 to +0.02), within the allowed 0.01');
  });

  it('lets the point estimate decide when there is no interval, and says so', () => {
    const judged = judge(comparison('recall', 0.8, 0.769), absolute(0.01));
    expect(judged.status).toBe('fail');
    expect(judged.message).toContain('point estimate decides');
    expect(judge(comparison('recall', 0.8, 0.795), absolute(0.01)).status).toBe('pass');
  });

  it('treats a rise as the regression for lower-is-better metrics', () => {
    const rmse = comparison('rmse', 2, 2.3, { direction: 'lower', ...interval(0.2, 0.4) });
    const judged = judge(rmse, absolute(0.1));
    expect(judged.status).toBe('fail');
    expect(judged.message).toContain('rmse rose by 0.3 (95% CI +0.2 to +0.4), more than the allowed 0.1');
    expect(judged.message).toContain('a rise of 0.2');
    const better = comparison('rmse', 2, 1.5, { direction: 'lower' });
    expect(judge(better, absolute(0.1)).message).toBe('rmse fell by 0.5, no regression (allowed 0.1)');
  });
});

describe('judgeRegression with significance: none', () => {
  it('lets the point estimate decide a straddling interval', () => {
    const straddling = comparison('recall', 0.8, 0.769, interval(-0.06, -0.005));
    const judged = judge(straddling, absolute(0.01), 'none');
    expect(judged.status).toBe('fail');
    expect(judged.message).toBe('recall fell by 0.031 (95% CI −0.06 to −0.005), more than the allowed 0.01');
  });

  it('measures a relative tolerance against the baseline magnitude', () => {
    // 1% of 0.9 is 0.009: a 0.008 drop passes, a 0.01 drop fails.
    expect(judge(comparison('auc', 0.9, 0.892), relative(0.01), 'none').status).toBe('pass');
    const failed = judge(comparison('auc', 0.9, 0.89), relative(0.01), 'none');
    expect(failed.status).toBe('fail');
    expect(failed.message).toBe('auc fell by 0.01, more than the allowed 1% (0.009)');
    // The same 0.01 drop is fine under an absolute 0.01: the tolerance kind matters.
    expect(judge(comparison('auc', 0.9, 0.89), absolute(0.01), 'none').status).toBe('pass');
  });

  it('does not treat an improvement of a higher-is-better metric as a regression', () => {
    const judged = judge(comparison('auc', 0.8, 0.85), absolute(0), 'none');
    expect(judged.status).toBe('pass');
    expect(judged.message).toContain('no regression');
  });

  it('passes a regression exactly at the allowance despite float rounding (0.9 − 0.895)', () => {
    expect(0.9 - 0.895).toBeGreaterThan(0.005);
    expect(judge(comparison('auc', 0.9, 0.895), absolute(0.005), 'none').status).toBe('pass');
    expect(judge(comparison('auc', 0.9, 0.8949), absolute(0.005), 'none').status).toBe('fail');
  });
});

describe('judgeRegression with significance: non_inferiority', () => {
  it('passes only when the whole interval is within the allowance', () => {
    const shown = judge(comparison('recall', 0.8, 0.796, interval(-0.012, 0.004)), absolute(0.02), 'non_inferiority');
    expect(shown.status).toBe('pass');
    expect(shown.message).toBe(
      "recall fell by 0.004 (95% CI −0.012 to +0.004): non-inferior, even the interval's worst case (a fall of 0.012) is within the allowed 0.02",
    );
  });

  it('fails a small point drop whose interval reaches beyond the allowance', () => {
    // The regression mode passes this (the point is within the allowance); non-inferiority is not shown.
    const wide = comparison('recall', 0.8, 0.796, interval(-0.031, 0.023));
    expect(judge(wide, absolute(0.02)).status).toBe('pass');
    const judged = judge(wide, absolute(0.02), 'non_inferiority');
    expect(judged.status).toBe('fail');
    expect(judged.message).toBe(
      'recall fell by 0.004 (95% CI −0.031 to +0.023): non-inferiority is not shown, the interval reaches a fall of 0.031, beyond the allowed 0.02',
    );
  });

  it('passes an improvement whose interval stays on the good side of the allowance, and fails without an interval', () => {
    const better = comparison('rmse', 2, 1.9, { direction: 'lower', ...interval(-0.2, 0.05) });
    expect(judge(better, absolute(0.1), 'non_inferiority').status).toBe('pass');
    const noInterval = judge(comparison('recall', 0.8, 0.81), absolute(0.02), 'non_inferiority');
    expect(noInterval.status).toBe('fail');
    expect(noInterval.message).toContain('needs a confidence interval');
  });
});
