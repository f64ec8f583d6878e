import { describe, it, expect } from '@jest/globals';
import { UserError } from '../../src/errors.js';
import { Histogram } from '../../src/sketch/histogram.js';
import { KllSketch } from '../../src/sketch/kll.js';
import { normal, thrown, uniform } from './data.js';

function sketchOf(values: ArrayLike<number>, seed?: number): KllSketch {
  const s = new KllSketch(200, seed);
  for (let i = 0; i < values.length; i++) s.add(values[i]!);
  return s;
}

/** Exact counts for the histogram's bins: [e0, e1], then (e_i, e_i+1]. */
function exactCounts(values: Float64Array, edges: readonly number[]): number[] {
  const counts = new Array<number>(edges.length - 1).fill(0);
  for (const v of values) {
    let bin = 0;
    while (bin < counts.length - 1 && v > edges[bin + 1]!) bin++;
    counts[bin]!++;
  }
  return counts;
}

describe('Histogram from a KLL sketch', () => {
  it('has equal-width bins from the exact min to max and exact counts while the sketch is exact', () => {
    const values = Float64Array.of(1, 2, 2, 3, 7, 8, 9, 10, 10, 10);
    const h = Histogram.fromKll(sketchOf(values), 3);
    expect(h.edges).toEqual([1, 4, 7, 10]);
    expect(h.counts).toEqual([4, 1, 5]);
    expect(h.counts).toEqual(exactCounts(values, h.edges));
  });

  it('keeps every bin within the two-sided KLL error of the true count, and counts sum to n', () => {
    const values = normal(200_000, 3);
    const h = Histogram.fromKll(sketchOf(values), 20);
    const truth = exactCounts(values, h.edges);
    const allowed = KllSketch.normalizedRankError(200, true) * values.length;
    for (let i = 0; i < truth.length; i++) expect(Math.abs(h.counts[i]! - truth[i]!)).toBeLessThan(allowed);
    expect(h.total).toBe(values.length);
  });

  it('covers the whole merged range when shards saw different ranges', () => {
    const low = uniform(50_000, 4);
    const high = uniform(50_000, 5).map((u) => 100 + u);
    const merged = sketchOf(low, 1).merge(sketchOf(high, 2));
    const h = Histogram.fromKll(merged, 10);
    expect(h.edges[0]).toBe(merged.min);
    expect(h.edges[10]).toBe(merged.max);
    const all = new Float64Array(100_000);
    all.set(low);
    all.set(high, 50_000);
    const truth = exactCounts(all, h.edges);
    const allowed = KllSketch.normalizedRankError(200, true) * all.length;
    for (let i = 0; i < truth.length; i++) expect(Math.abs(h.counts[i]! - truth[i]!)).toBeLessThan(allowed);
    expect(h.counts.slice(1, 9)).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('puts a constant column in one bin and an empty column in none', () => {
    expect(Histogram.fromKll(sketchOf([5, 5, 5])).toJSON()).toEqual({
      kind: 'histogram',
      version: 1,
      edges: [5, 5],
      counts: [3],
    });
    expect(Histogram.fromKll(new KllSketch()).counts).toEqual([]);
  });

  it('does not overflow on ranges spanning nearly all doubles', () => {
    const h = Histogram.fromKll(sketchOf([-Number.MAX_VALUE, 0, Number.MAX_VALUE]), 2);
    expect(h.edges).toEqual([-Number.MAX_VALUE, 0, Number.MAX_VALUE]);
    expect(h.counts).toEqual([2, 1]);
  });

  it('rejects a bin count outside [1, 10000]', () => {
    expect(thrown(() => Histogram.fromKll(new KllSketch(), 0))).toBeInstanceOf(UserError);
  });

  it('round-trips through JSON', () => {
    const h = Histogram.fromKll(sketchOf(uniform(10_000, 6)), 7);
    expect(Histogram.fromJSON(JSON.parse(JSON.stringify(h))).toJSON()).toEqual(h.toJSON());
  });

  it.each<[string, unknown, string]>([
    ['mismatched lengths', { kind: 'histogram', version: 1, edges: [0, 1], counts: [1, 2] }, '$.edges: expected 3'],
    ['descending edges', { kind: 'histogram', version: 1, edges: [0, 2, 1], counts: [1, 2] }, '$.edges[2]'],
    ['a fractional count', { kind: 'histogram', version: 1, edges: [0, 1], counts: [0.5] }, '$.counts[0]'],
    ['a string edge', { kind: 'histogram', version: 1, edges: ['0', 1], counts: [1] }, '$.edges[0]'],
  ])('rejects %s in JSON', (_what, json, message) => {
    const error = thrown(() => Histogram.fromJSON(json));
    expect(error).toBeInstanceOf(UserError);
    expect(String(error)).toContain(message);
  });
});
