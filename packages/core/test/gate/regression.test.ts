import { describe, expect, it } from '@jest/globals';
import { judgeRegression } from '../../src/gate/regression.js';
import { absolute, comparison, relative } from './helpers.js';

const judge = (
  c: ReturnType<typeof comparison>,
  tolerance: ReturnType<typeof absolute> | ReturnType<typeof relative>,
  requireSignificance = true,
) => {
  if (c.baseline === null || c.delta === null) throw new Error('test comparison needs finite values');
  return judgeRegression({ ...c, baseline: c.baseline, delta: c.delta }, tolerance, requireSignificance, 0.95);
};

describe('judgeRegression', () => {
  it('fails a significant regression beyond an absolute tolerance, quoting change, interval and allowance', () => {
    const recall = comparison('recall', 0.8, 0.769, { ci: { low: -0.045, high: -0.017, method: 'bootstrap' } });
    const judged = judge(recall, absolute(0.01));
    expect(judged.status).toBe('fail');
    expect(judged.message).toBe('recall fell by 0.031 (95% CI −0.045 to −0.017), more than the allowed 0.01');
    expect(judged.excess).toBeCloseTo(0.021, 12);
  });

  it('passes as within noise when the interval reaches back inside the tolerance (significance required)', () => {
    const straddling = comparison('recall', 0.8, 0.769, { ci: { low: -0.06, high: -0.005, method: 'bootstrap' } });
    const judged = judge(straddling, absolute(0.01));
    expect(judged.status).toBe('pass');
    expect(judged.message).toContain('within noise');
    expect(judged.message).toContain('−0.06 to −0.005');
  });

  it('lets the point estimate decide the same straddling interval when significance is not required', () => {
    const straddling = comparison('recall', 0.8, 0.769, { ci: { low: -0.06, high: -0.005, method: 'bootstrap' } });
    expect(judge(straddling, absolute(0.01), false).status).toBe('fail');
  });

  it('lets the point estimate decide when significance is required but there is no interval, and says so', () => {
    const judged = judge(comparison('recall', 0.8, 0.769), absolute(0.01));
    expect(judged.status).toBe('fail');
    expect(judged.message).toContain('point estimate decides');
    expect(judge(comparison('recall', 0.8, 0.795), absolute(0.01)).status).toBe('pass');
  });

  it('measures a relative tolerance against the baseline magnitude', () => {
    // 1% of 0.9 is 0.009: a 0.008 drop passes, a 0.01 drop fails.
    expect(judge(comparison('auc', 0.9, 0.892), relative(0.01), false).status).toBe('pass');
    const failed = judge(comparison('auc', 0.9, 0.89), relative(0.01), false);
    expect(failed.status).toBe('fail');
    expect(failed.message).toBe('auc fell by 0.01, more than the allowed 1% (0.009)');
    // The same 0.01 drop is fine under an absolute 0.01: the tolerance kind matters.
    expect(judge(comparison('auc', 0.9, 0.89), absolute(0.01), false).status).toBe('pass');
  });

  it('treats a rise as the regression for lower-is-better metrics', () => {
    const rmse = comparison('rmse', 2, 2.3, { direction: 'lower', ci: { low: 0.2, high: 0.4, method: 'bootstrap' } });
    const judged = judge(rmse, absolute(0.1));
    expect(judged.status).toBe('fail');
    expect(judged.message).toBe('rmse rose by 0.3 (95% CI +0.2 to +0.4), more than the allowed 0.1');
    const better = comparison('rmse', 2, 1.5, { direction: 'lower' });
    expect(judge(better, absolute(0.1)).message).toBe('rmse fell by 0.5, no regression (allowed 0.1)');
  });

  it('does not treat an improvement of a higher-is-better metric as a regression', () => {
    const judged = judge(comparison('auc', 0.8, 0.85), absolute(0), false);
    expect(judged.status).toBe('pass');
    expect(judged.message).toContain('no regression');
  });

  it('passes a regression exactly at the allowance despite float rounding (0.9 − 0.895)', () => {
    expect(0.9 - 0.895).toBeGreaterThan(0.005);
    expect(judge(comparison('auc', 0.9, 0.895), absolute(0.005), false).status).toBe('pass');
    expect(judge(comparison('auc', 0.9, 0.8949), absolute(0.005), false).status).toBe('fail');
  });
});
