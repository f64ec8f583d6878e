import { describe, it, expect } from '@jest/globals';
import { UserError } from '../../src/errors.js';
import {
  accuracy,
  ascendingOrder,
  averagePrecision,
  precisionRecallF1,
  r2Score,
  rocAuc,
  rocAucUndefinedReason,
} from '../../src/metrics/index.js';

describe('ascendingOrder (radix sort of scores)', () => {
  it('orders negatives, ±0, duplicates and extremes like a stable numeric sort', () => {
    const values = [3.5, -0, 0, -1e300, 1e-310, -2.25, 3.5, 7, -1e-310, 0, 1e300, -2.25, 42.125, -0.5];
    const scores = Float64Array.from({ length: 200 }, (_, i) => (values[i % values.length] as number) * (1 + (i % 3)));
    const expected = [...scores.keys()].sort((a, b) => (scores[a] as number) - (scores[b] as number) || a - b);
    expect([...ascendingOrder(scores)]).toEqual(expected);
  });

  it('rejects NaN and infinite scores with a UserError', () => {
    expect(() => ascendingOrder(Float64Array.from([0.1, NaN]))).toThrow(UserError);
    expect(() => ascendingOrder(Float64Array.from([Infinity, 0.1]))).toThrow(/must be finite/);
  });
});

describe('undefined and invalid inputs', () => {
  it('ROC AUC with a single class is NaN and the reason names the missing class', () => {
    const y = Int32Array.from([1, 1, 1]);
    expect(rocAuc(y, Float64Array.from([0.2, 0.4, 0.9]))).toBeNaN();
    expect(rocAucUndefinedReason(y)).toMatch(/every example is of the positive class 1/);
    expect(rocAucUndefinedReason(Int32Array.from([0, 0]))).toMatch(/no example of the positive class/);
    expect(rocAucUndefinedReason(Int32Array.from([0, 1]))).toBeUndefined();
  });

  it('ROC AUC is invariant to a monotone shift including negative scores', () => {
    const y = Int32Array.from([0, 1, 0, 1, 1, 0, 0]);
    const s = Float64Array.from([0.1, 0.8, 0.3, 0.3, 0.9, 0.05, 0.6]);
    expect(
      rocAuc(
        y,
        s.map((v) => v - 0.5),
      ),
    ).toBeCloseTo(rocAuc(y, s), 15);
  });

  it('empty input gives NaN rather than a number', () => {
    const none = new Int32Array(0);
    expect(accuracy(none, none)).toBeNaN();
    expect(rocAuc(none, new Float64Array(0))).toBeNaN();
    expect(averagePrecision(none, new Float64Array(0))).toBeNaN();
    expect(r2Score(new Float64Array(0), new Float64Array(0))).toBeNaN();
    expect(precisionRecallF1(none, none, { average: 'macro' }).f1).toBeNaN();
  });

  it('binary averaging refuses three classes or a missing positive label, like sklearn', () => {
    expect(() => precisionRecallF1(Int32Array.from([0, 1, 2]), Int32Array.from([0, 1, 1]))).toThrow(/at most two/);
    expect(() => precisionRecallF1(Int32Array.from([0, 2]), Int32Array.from([2, 0]))).toThrow(/positive label 1/);
  });

  it('mismatched lengths are a UserError', () => {
    expect(() => accuracy(Int32Array.from([0, 1]), Int32Array.from([0]))).toThrow(UserError);
  });
});
