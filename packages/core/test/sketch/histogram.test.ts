import { describe, it, expect } from '@jest/globals';
import { UserError } from '../../src/errors.js';
import { NumberSummary } from '../../src/profile/number-summary.js';
import { Histogram } from '../../src/sketch/histogram.js';
import { normal, thrown, uniform } from './data.js';

function histogramOf(values: ArrayLike<number>, bins?: number, exactValues?: number): Histogram {
  const s = new NumberSummary('log', exactValues === undefined ? {} : { exactValues });
  for (let i = 0; i < values.length; i++) s.add(values[i]!);
  return s.histogram(bins);
}

/** numpy.histogram's counts for the edges, written out: [e_i, e_i+1), the last bin closed. */
function numpyCounts(values: ArrayLike<number>, edges: readonly number[]): number[] {
  const counts = new Array<number>(edges.length - 1).fill(0);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    let bin = 0;
    while (bin < counts.length - 1 && v >= edges[bin + 1]!) bin++;
    counts[bin]!++;
  }
  return counts;
}

describe('Histogram of a number summary', () => {
  it('has equal-width bins from min to max with numpy.histogram’s counts while the values are kept', () => {
    // numpy.histogram([1, 2, 2, 3, 7, 8, 9, 10, 10, 10], bins=3): edges [1, 4, 7, 10], bins [1, 4), [4, 7),
    // [7, 10] → counts [4, 0, 6].
    const values = Float64Array.of(1, 2, 2, 3, 7, 8, 9, 10, 10, 10);
    const h = histogramOf(values, 3);
    expect(h.edges).toEqual([1, 4, 7, 10]);
    expect(h.counts).toEqual([4, 0, 6]);
  });

  it('keeps exact counts past the cap, moving edges that fall inside a grid bin to that bin’s edge', () => {
    const values = normal(50_000, 3);
    const h = histogramOf(values, 20, 1_000);
    expect(h.counts).toEqual(numpyCounts(values, h.edges));
    expect(h.total).toBe(values.length);
    expect(h.edges.length).toBe(21);
  });

  it('covers the whole merged range when shards saw different ranges', () => {
    const low = uniform(5_000, 4);
    const high = uniform(5_000, 5).map((u) => 100 + u);
    const a = new NumberSummary('log');
    const b = new NumberSummary('log');
    for (const v of low) a.add(v);
    for (const v of high) b.add(v);
    const h = a.merge(b).histogram(10);
    expect(h.edges[0]).toBe(Math.min(...low));
    expect(h.edges[10]).toBe(Math.max(...high));
    expect(h.counts.slice(1, 9)).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(h.counts).toEqual(numpyCounts([...low, ...high], h.edges));
  });

  it('puts a constant column in one bin and an empty column in none', () => {
    expect(histogramOf([5, 5, 5]).toJSON()).toEqual({ kind: 'histogram', version: 2, edges: [5, 5], counts: [3] });
    expect(histogramOf([]).counts).toEqual([]);
  });

  it('does not overflow on ranges spanning nearly all doubles', () => {
    const h = histogramOf([-Number.MAX_VALUE, 0, Number.MAX_VALUE], 2);
    expect(h.edges).toEqual([-Number.MAX_VALUE, 0, Number.MAX_VALUE]);
    expect(h.counts).toEqual([1, 2]);
  });

  it('rejects a bin count outside [1, 10000]', () => {
    expect(thrown(() => histogramOf([1, 2], 0))).toBeInstanceOf(UserError);
  });

  it('round-trips through JSON', () => {
    const h = histogramOf(uniform(10_000, 6), 7);
    expect(Histogram.fromJSON(JSON.parse(JSON.stringify(h))).toJSON()).toEqual(h.toJSON());
  });

  it.each<[string, unknown, string]>([
    ['mismatched lengths', { kind: 'histogram', version: 2, edges: [0, 1], counts: [1, 2] }, '$.edges: expected 3'],
    ['descending edges', { kind: 'histogram', version: 2, edges: [0, 2, 1], counts: [1, 2] }, '$.edges[2]'],
    ['a fractional count', { kind: 'histogram', version: 2, edges: [0, 1], counts: [0.5] }, '$.counts[0]'],
    ['a string edge', { kind: 'histogram', version: 2, edges: ['0', 1], counts: [1] }, '$.edges[0]'],
  ])('rejects %s in JSON', (_what, json, message) => {
    const error = thrown(() => Histogram.fromJSON(json));
    expect(error).toBeInstanceOf(UserError);
    expect(String(error)).toContain(message);
  });
});
