import { describe, it, expect } from '@jest/globals';
import { UserError } from '../../src/errors.js';
import { KllSketch } from '../../src/sketch/kll.js';
import { normal, thrown, uniform } from './data.js';

function sketchOf(values: ArrayLike<number>, k = 200, seed?: number): KllSketch {
  const s = new KllSketch(k, seed);
  for (let i = 0; i < values.length; i++) s.add(values[i]!);
  return s;
}

const EPS_200 = KllSketch.normalizedRankError(200);

describe('KllSketch', () => {
  it('states the DataSketches error bounds: ≈1.33% for ranks and ≈1.65% for rank differences at k = 200', () => {
    expect(EPS_200).toBeCloseTo(0.0133, 4);
    expect(KllSketch.normalizedRankError(200, true)).toBeCloseTo(0.0165, 4);
    expect(KllSketch.normalizedRankError(800)).toBeLessThan(EPS_200 / 3.5);
  });

  it('is exact while nothing has been compacted (n ≤ k)', () => {
    const values = uniform(150, 1);
    const s = sketchOf(values);
    const sorted = Float64Array.from(values).sort();
    expect(s.retained).toBe(150);
    for (let i = 0; i < sorted.length; i++) {
      expect(s.rank(sorted[i]!)).toBe((i + 1) / 150);
      expect(s.quantile((i + 1) / 150)).toBe(sorted[i]);
    }
    expect(s.rank(-1)).toBe(0);
  });

  it('refuses to merge sketches of different k', () => {
    const error = thrown(() => new KllSketch(200).merge(new KllSketch(100)));
    expect(error).toBeInstanceOf(UserError);
    expect(String(error)).toContain('different k (200 and 100)');
  });

  it('is deterministic for a seed and differs across seeds', () => {
    const values = uniform(50_000, 41);
    expect(sketchOf(values, 200, 7).toJSON()).toEqual(sketchOf(values, 200, 7).toJSON());
    expect(sketchOf(values, 200, 7).toJSON().items).not.toEqual(sketchOf(values, 200, 8).toJSON().items);
  });

  it('restored from JSON continues exactly as the original would', () => {
    const values = uniform(60_000, 42);
    const original = sketchOf(values.subarray(0, 30_000));
    const restored = KllSketch.fromJSON(JSON.parse(JSON.stringify(original)));
    expect(restored.toJSON()).toEqual(original.toJSON());
    for (let i = 30_000; i < 60_000; i++) {
      original.add(values[i]!);
      restored.add(values[i]!);
    }
    expect(restored.toJSON()).toEqual(original.toJSON());
    expect(restored.quantile(0.5)).toBe(original.quantile(0.5));
  });

  it('round-trips a merged sketch and an empty one', () => {
    const merged = sketchOf(uniform(20_000, 43)).merge(sketchOf(uniform(70_000, 44)));
    const back = KllSketch.fromJSON(JSON.parse(JSON.stringify(merged)));
    expect(back.toJSON()).toEqual(merged.toJSON());
    const empty = KllSketch.fromJSON(JSON.parse(JSON.stringify(new KllSketch(50))));
    expect(empty.k).toBe(50);
    expect(empty.isEmpty).toBe(true);
    expect(empty.quantile(0.5)).toBeNaN();
  });

  it('serialized weights add up to n: a level-h item stands for 2^h values', () => {
    const json = sketchOf(uniform(123_457, 45)).toJSON();
    expect(json.levels.reduce((sum, size, level) => sum + size * 2 ** level, 0)).toBe(123_457);
    expect(json.items.length).toBe(json.levels.reduce((a, b) => a + b, 0));
  });

  it('returns a monotone CDF ending at 1 and rejects unsorted split points', () => {
    const s = sketchOf(normal(100_000, 46));
    const cdf = s.cdf([-2, -1, 0, 1, 2]);
    expect(cdf.length).toBe(6);
    for (let i = 1; i < cdf.length; i++) expect(cdf[i]!).toBeGreaterThanOrEqual(cdf[i - 1]!);
    expect(cdf[2]).toBeCloseTo(0.5, 1);
    expect(cdf[5]).toBe(1);
    expect(() => s.cdf([1, 0])).toThrow(RangeError);
  });

  it('ignores NaN and ±Infinity', () => {
    const s = sketchOf([1, NaN, 2, Infinity, -Infinity, 3]);
    expect(s.count).toBe(3);
    expect(s.min).toBe(1);
    expect(s.max).toBe(3);
  });

  it('rejects k outside [8, 65535]', () => {
    expect(thrown(() => new KllSketch(4))).toBeInstanceOf(UserError);
  });

  describe('fromJSON validation', () => {
    const good = () => sketchOf(uniform(5000, 47)).toJSON() as unknown as Record<string, unknown>;
    it.each<[string, (j: Record<string, unknown>) => void, string]>([
      ['a wrong kind', (j) => (j.kind = 'hll'), '$.kind: expected kind "kll", got "hll"'],
      ['a bad k', (j) => (j.k = 3), '$.k: expected an integer in [8, 65535], got 3'],
      ['a non-numeric item', (j) => ((j.items as unknown[])[2] = 'x'), '$.items[2]: expected a finite number, got "x"'],
      ['too few items', (j) => (j.items as unknown[]).pop(), 'levels hold'],
      ['a wrong n', (j) => (j.n = (j.n as number) + 1), '$.n: n is 5001 but the retained items weigh 5000'],
      ['an unsorted level', (j) => unsortALevel(j), 'is not sorted ascending'],
      ['an item below min', (j) => (j.min = 0.5), 'lies outside [min, max]'],
      ['a bad rng state', (j) => (j.rng = -1), '$.rng: expected an integer'],
    ])('rejects %s', (_what, mutate, message) => {
      const json = good();
      mutate(json);
      const error = thrown(() => KllSketch.fromJSON(json));
      expect(error).toBeInstanceOf(UserError);
      expect(String(error)).toContain(message);
    });
  });
});

/** Swaps the first two items of the lowest sorted level (≥ 1) that holds at least two. */
function unsortALevel(json: Record<string, unknown>): void {
  const levels = json.levels as number[];
  const items = json.items as number[];
  let at = levels[0]!;
  let level = 1;
  while (levels[level]! < 2) at += levels[level++]!;
  [items[at], items[at + 1]] = [items[at + 1]!, items[at]!];
}
