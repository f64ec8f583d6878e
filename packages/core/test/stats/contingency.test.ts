import { describe, expect, it } from '@jest/globals';
import { chiSquare, chiSquareTable } from '../../src/stats/categorical.js';
import { fisherExact } from '../../src/stats/fisher.js';
import { normalSf } from '../../src/stats/normal.js';
import { expectClose } from './close.js';
import { fisherByEnumeration, yatesByHand } from './reference/exact.js';

describe('chi-square on 2×2 tables (scipy.stats.chi2_contingency)', () => {
  it('applies Yates’ correction by default when df = 1, matching the textbook formula', () => {
    for (const table of [
      [
        [176, 230],
        [21035, 21018],
      ],
      [
        [12, 3],
        [17, 16],
      ],
      [
        [30, 70],
        [45, 55],
      ],
    ]) {
      const result = chiSquareTable(
        table.map((row) => row[0]!),
        table.map((row) => row[1]!),
      );
      const expected = yatesByHand([
        [table[0]![0]!, table[1]![0]!],
        [table[0]![1]!, table[1]![1]!],
      ]);
      expect(result.corrected).toBe(true);
      expectClose(result.statistic, expected, 1e-13, 1e-15, 'Yates χ²');
      // χ²(1) is Z²: P(χ² ≥ x) = 2·P(Z ≥ √x), with the normal tail pinned to scipy in special.test.ts.
      expectClose(result.pValue, 2 * normalSf(Math.sqrt(expected)), 1e-10, 1e-300, 'p');
    }
  });

  it('without the correction gives the uncorrected p-value scipy documents for [[12, 3], [17, 16]]', () => {
    // scipy.stats.chi2_contingency docstring (1.15): chi2_contingency(obs, correction=False).pvalue = 0.0614122539870913.
    const result = chiSquareTable([12, 17], [3, 16], { correction: false });
    expect(result.corrected).toBe(false);
    expectClose(result.pValue, 0.0614122539870913, 1e-12, 0, 'p');
  });

  it('never moves an observed count past its expectation (scipy gh-13875)', () => {
    // |O − E| = 0.4 in every cell: the corrected statistic is 0, not (0.4 − 0.5)²/E.
    const result = chiSquare({ x: 10, y: 10 }, { x: 9.2, y: 10.8 });
    expect(result.statistic).toBe(0);
    expect(result.pValue).toBe(1);
  });

  it('leaves tables with more than two categories uncorrected, as scipy does', () => {
    // scipy.stats.chi2_contingency docstring: [[10, 10, 20], [20, 20, 20]] → statistic 2.7777777777777777,
    // p 0.24935220877729619, dof 2.
    const result = chiSquare({ a: 10, b: 10, c: 20 }, { a: 20, b: 20, c: 20 });
    expect(result.corrected).toBe(false);
    expectClose(result.statistic, 2.7777777777777777, 1e-14, 0, 'χ²');
    expectClose(result.pValue, 0.24935220877729619, 1e-12, 0, 'p');
    expect(result.df).toBe(2);
  });

  it('counts the cells whose expected count is below 5', () => {
    expect(chiSquare({ x: 3, y: 97 }, { x: 1, y: 99 }).smallExpected).toBe(2);
    expect(chiSquare({ x: 30, y: 70 }, { x: 45, y: 55 }).smallExpected).toBe(0);
  });
});

describe("Fisher's exact test (scipy.stats.fisher_exact, two-sided)", () => {
  it('gives the p-value scipy documents for [[6, 2], [1, 4]]', () => {
    // scipy.stats.fisher_exact docstring (1.15): 0.10256410256410257.
    const result = fisherExact(6, 2, 1, 4);
    expectClose(result.pValue, 0.10256410256410257, 1e-14, 0, 'p');
    expect(result.oddsRatio).toBe(12);
  });

  it('equals brute-force enumeration in exact arithmetic, from tiny to unbalanced tables', () => {
    for (const table of [
      [
        [3, 1],
        [1, 3],
      ],
      [
        [0, 5],
        [5, 0],
      ],
      [
        [1, 9],
        [11, 3],
      ],
      [
        [2, 998],
        [9, 991],
      ],
      [
        [0, 5000],
        [4, 4996],
      ],
      [
        [7, 12],
        [13, 2],
      ],
      [
        [40, 10],
        [10, 40],
      ],
    ]) {
      const [[a, b], [c, d]] = table as [[number, number], [number, number]];
      expectClose(
        fisherExact(a, b, c, d).pValue,
        fisherByEnumeration(table),
        1e-12,
        1e-300,
        `p of ${JSON.stringify(table)}`,
      );
    }
  });

  it('is 1 when a row or column is empty, and for the most probable table', () => {
    expect(fisherExact(0, 0, 3, 4).pValue).toBe(1);
    expect(fisherExact(0, 3, 0, 4).pValue).toBe(1);
    expect(fisherExact(5, 5, 5, 5).pValue).toBe(1);
  });

  it('rejects counts that are not non-negative integers', () => {
    expect(() => fisherExact(1.5, 2, 3, 4)).toThrow(/non-negative integer counts \(a = 1.5\)/);
    expect(() => fisherExact(1, -2, 3, 4)).toThrow(/b = -2/);
  });
});
