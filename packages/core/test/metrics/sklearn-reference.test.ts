import { describe, it, expect } from '@jest/globals';
import { readFileSync } from 'node:fs';
import {
  accuracy,
  averagePrecision,
  brierScore,
  logLoss,
  meanAbsoluteError,
  precisionRecallF1,
  r2Score,
  rocAuc,
  rootMeanSquaredError,
} from '../../src/metrics/index.js';

/**
 * Values pinned from scikit-learn 1.2.1 by test/reference/metrics_sklearn.py; each case carries the
 * exact sklearn call (`call`) that produced `expected`.
 */
interface Case {
  metric: string;
  call: string;
  case: string;
  average?: 'binary' | 'macro' | 'weighted';
  zero_division?: 0 | 1;
  y_true: number[];
  y_pred?: number[];
  scores?: number[];
  weights: number[] | null;
  expected: number | { precision: number; recall: number; f1: number };
}

const fixture = JSON.parse(readFileSync(new URL('./fixtures/sklearn-1.2.json', import.meta.url), 'utf8')) as {
  cases: Case[];
};

const labels = (values: number[]): Int32Array => Int32Array.from(values);
const floats = (values: number[] | undefined): Float64Array => Float64Array.from(values ?? []);

function compute(c: Case): number | { precision: number; recall: number; f1: number } {
  const w = c.weights ?? undefined;
  switch (c.metric) {
    case 'accuracy':
      return accuracy(labels(c.y_true), labels(c.y_pred ?? []), w);
    case 'prf':
      return precisionRecallF1(
        labels(c.y_true),
        labels(c.y_pred ?? []),
        { average: c.average ?? 'binary', zeroDivision: c.zero_division ?? 0 },
        w,
      );
    case 'roc_auc':
      return rocAuc(labels(c.y_true), floats(c.scores), {}, w);
    case 'average_precision':
      return averagePrecision(labels(c.y_true), floats(c.scores), {}, w);
    case 'log_loss':
      return logLoss(labels(c.y_true), floats(c.scores), {}, w);
    case 'brier':
      return brierScore(labels(c.y_true), floats(c.scores), {}, w);
    case 'mae':
      return meanAbsoluteError(floats(c.y_true), floats(c.y_pred), w);
    case 'rmse':
      return rootMeanSquaredError(floats(c.y_true), floats(c.y_pred), w);
    case 'r2':
      return r2Score(floats(c.y_true), floats(c.y_pred), w);
    default:
      throw new Error(`fixture has unknown metric ${c.metric}`);
  }
}

describe('metrics agree with scikit-learn 1.2', () => {
  it('covers every metric in the fixture', () => {
    expect(new Set(fixture.cases.map((c) => c.metric))).toEqual(
      new Set(['accuracy', 'prf', 'roc_auc', 'average_precision', 'log_loss', 'brier', 'mae', 'rmse', 'r2']),
    );
  });

  it.each(fixture.cases.map((c) => [`${c.case}: ${c.call}`, c] as const))('%s', (_name, c) => {
    const actual = compute(c);
    if (typeof c.expected === 'number') {
      expect(actual).toBeCloseTo(c.expected, 12);
    } else {
      const prf = actual as { precision: number; recall: number; f1: number };
      expect(prf.precision).toBeCloseTo(c.expected.precision, 12);
      expect(prf.recall).toBeCloseTo(c.expected.recall, 12);
      expect(prf.f1).toBeCloseTo(c.expected.f1, 12);
    }
  });
});
