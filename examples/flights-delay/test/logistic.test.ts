import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { fitLogistic, predictLogistic } from '../src/logistic.js';
import type { Matrix } from '../src/logistic.js';
import { evaluate, rocAuc } from '../src/metrics.js';

/** Written by test/reference/logistic_sklearn.py with scikit-learn 1.2 (see its docstring). */
interface SklearnCase {
  name: string;
  call: string;
  C: number;
  x: number[][];
  y: number[];
  coefficients: number[];
  intercept: number;
  proba: number[];
  roc_auc: number;
  log_loss: number;
  brier: number;
  accuracy: number;
}
const fixture = JSON.parse(readFileSync(new URL('fixtures/sklearn-logistic.json', import.meta.url), 'utf8')) as {
  generator: string;
  cases: SklearnCase[];
};

function matrix(rows: number[][]): Matrix {
  return { rows: rows.length, columns: rows[0]!.length, values: Float64Array.from(rows.flat()) };
}

describe(`logistic regression agrees with ${fixture.generator}`, () => {
  it.each(fixture.cases.map((c) => [c.name, c] as const))('%s: coefficients, intercept and probabilities', (_, c) => {
    const fit = fitLogistic(matrix(c.x), c.y, { C: c.C });
    expect(fit.converged).toBe(true);
    // sklearn stops at a gradient of ~1e-7 at worst (C=100): agreement to 1e-5 is far below any effect on a metric.
    fit.coefficients.forEach((w, j) => expect(Math.abs(w - c.coefficients[j]!)).toBeLessThan(1e-5));
    expect(Math.abs(fit.intercept - c.intercept)).toBeLessThan(1e-5);
    const proba = predictLogistic(fit, matrix(c.x));
    proba.forEach((p, i) => expect(Math.abs(p - c.proba[i]!)).toBeLessThan(1e-7));
  });

  it.each(fixture.cases.map((c) => [c.name, c] as const))(
    '%s: roc_auc, log_loss, brier and accuracy of sklearn’s probabilities',
    (_, c) => {
      const metrics = evaluate(c.y, c.proba);
      expect(metrics.roc_auc).toBeCloseTo(c.roc_auc, 12);
      expect(metrics.log_loss).toBeCloseTo(c.log_loss, 12);
      expect(metrics.brier).toBeCloseTo(c.brier, 12);
      expect(metrics.accuracy).toBeCloseTo(c.accuracy, 12);
    },
  );
});

describe('fitLogistic', () => {
  it('shrinks the coefficients towards zero as C falls, and leaves the intercept free', () => {
    const x = matrix([[-2], [-1], [0], [1], [2], [3]]);
    const y = [0, 0, 1, 0, 1, 1];
    const loose = fitLogistic(x, y, { C: 100 });
    const tight = fitLogistic(x, y, { C: 1e-6 });
    expect(Math.abs(tight.coefficients[0]!)).toBeLessThan(1e-4);
    expect(Math.abs(loose.coefficients[0]!)).toBeGreaterThan(1);
    // With w ≈ 0 the unpenalised intercept is the log-odds of the base rate (1/2 here).
    expect(Math.abs(tight.intercept)).toBeLessThan(1e-3);
  });

  it('refuses a non-positive C and labels that do not match the rows', () => {
    expect(() => fitLogistic(matrix([[1], [2]]), [0, 1], { C: 0 })).toThrow('C must be a positive number, not 0');
    expect(() => fitLogistic(matrix([[1], [2]]), [0])).toThrow('2 rows but 1 labels');
  });
});

describe('rocAuc', () => {
  it('counts a tied positive–negative pair as one half', () => {
    expect(rocAuc([0, 1], [0.5, 0.5])).toBe(0.5);
    expect(rocAuc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])).toBe(0.75);
  });

  it('needs both classes', () => {
    expect(() => rocAuc([1, 1], [0.2, 0.3])).toThrow('both classes');
  });
});
