import { expect } from '@jest/globals';

/** Asserts |actual − expected| ≤ rel·|expected| + abs, with a message that shows both values and the error. */
export function expectClose(actual: number, expected: number, rel: number, abs = 0, label = ''): void {
  const error = Math.abs(actual - expected);
  const allowed = rel * Math.abs(expected) + abs;
  if (!(error <= allowed) && !(Number.isNaN(actual) && Number.isNaN(expected))) {
    throw new Error(
      `${label}: got ${actual}, expected ${expected} (error ${error.toExponential(2)} > ${allowed.toExponential(2)})`,
    );
  }
  expect(true).toBe(true);
}
