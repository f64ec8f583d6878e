import { describe, expect, it } from '@jest/globals';
import { categorySides, categoryTable, textKey } from '../../src/drift/categorical.js';
import { categoryDistribution, histogramDistribution } from '../../src/drift/distribution.js';
import { NumberSummary } from '../../src/profile/number-summary.js';
import { FrequentItems } from '../../src/sketch/frequent-items.js';
import { SeededRandom } from '../../src/sketch/prng.js';

function summary(values: readonly number[], exactValues?: number): NumberSummary {
  const s = new NumberSummary('log', exactValues === undefined ? {} : { exactValues, gridBins: 64 });
  for (const v of values) s.add(v);
  return s;
}

/** numpy.histogram's count of `values` in bin i of `edges` (half-open, the last closed). */
function countIn(values: readonly number[], edges: readonly number[], i: number): number {
  const last = i === edges.length - 2;
  return values.filter((v) => v >= edges[i]! && (last ? v <= edges[i + 1]! : v < edges[i + 1]!)).length;
}

describe('histogramDistribution', () => {
  it('counts both sides over the same 20 equal-width bins, as numpy.histogram does', () => {
    const reference = [0.5, 1, 1, 2, 3.25, 4, 4, 4, 7.5, 9, 10];
    const current = [2, 2.5, 3, 6, 8, 9.5, 11, 11, 12];
    const distribution = histogramDistribution(summary(reference), summary(current));
    // numpy 2: edges = np.linspace(0.5, 12, 21); np.histogram(reference, bins=edges)[0], np.histogram(current, …)[0]
    expect(distribution.edges).toHaveLength(21);
    expect(distribution.edges[0]).toBe(0.5);
    expect(distribution.edges[20]).toBe(12);
    expect(distribution.edges[3]).toBeCloseTo(2.225, 12);
    expect(distribution.reference).toEqual([3, 0, 1, 0, 1, 0, 3, 0, 0, 0, 0, 0, 1, 0, 1, 0, 1, 0, 0, 0]);
    expect(distribution.current).toEqual([0, 0, 1, 1, 1, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 1, 0, 0, 2, 1]);
  });

  it('past the exact cap moves edges onto the value grid and still counts every bin exactly', () => {
    const rng = new SeededRandom(7);
    const normal = (mean: number) =>
      mean +
      Math.sqrt(-2 * Math.log((rng.nextUint32() + 0.5) / 2 ** 32)) *
        Math.cos((2 * Math.PI * rng.nextUint32()) / 2 ** 32);
    const reference = Array.from({ length: 5000 }, () => normal(10));
    const current = Array.from({ length: 4000 }, () => normal(10.5));
    const distribution = histogramDistribution(summary(reference, 100), summary(current, 100));
    const { edges } = distribution;
    expect(edges.length).toBeGreaterThan(2);
    expect(edges.length).toBeLessThanOrEqual(21);
    for (let i = 1; i < edges.length; i++) expect(edges[i]!).toBeGreaterThan(edges[i - 1]!);
    expect(edges[0]).toBe(Math.min(...reference, ...current));
    expect(edges[edges.length - 1]).toBe(Math.max(...reference, ...current));
    distribution.reference.forEach((count, i) => expect(count).toBe(countIn(reference, edges, i)));
    distribution.current.forEach((count, i) => expect(count).toBe(countIn(current, edges, i)));
  });

  it('gives a constant column one bin holding every value', () => {
    const distribution = histogramDistribution(summary([3, 3, 3]), summary([3, 3]));
    expect(distribution).toEqual({ kind: 'histogram', edges: [3, 3], reference: [3], current: [2] });
  });
});

describe('categoryDistribution', () => {
  function sides(reference: Record<string, number>, current: Record<string, number>) {
    const items = (counts: Record<string, number>) => {
      const f = new FrequentItems();
      for (const [value, n] of Object.entries(counts)) for (let i = 0; i < n; i++) f.addString(value);
      return f;
    };
    return categoryTable(categorySides(items(reference), items(current), textKey));
  }

  it('keeps the most frequent categories and counts the rest, pooled cells included, as other', () => {
    const table = sides({ a: 50, b: 30, c: 10, d: 1 }, { a: 40, b: 35, c: 12, e: 2 });
    const distribution = categoryDistribution(table, 2);
    expect(distribution).toEqual({
      kind: 'categories',
      categories: ['a', 'b'],
      reference: [50, 30],
      current: [40, 35],
      other: { reference: 11, current: 14 },
    });
  });

  it('has no other cell when every category is shown', () => {
    expect(categoryDistribution(sides({ x: 10, y: 10 }, { x: 12, y: 8 }))).toEqual({
      kind: 'categories',
      categories: ['x', 'y'],
      reference: [10, 10],
      current: [12, 8],
    });
  });
});
