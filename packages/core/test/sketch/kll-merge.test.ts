import { describe, it, expect } from '@jest/globals';
import { KllSketch } from '../../src/sketch/kll.js';
import { normal, uniform, kllOf, maxRankError } from './data.js';

/**
 * Empirical check that merged sketches keep the documented rank error (ε = 2.296/k^0.9723,
 * 1.33% at k = 200, 99% confidence), for shards with different ranges and for merge trees.
 */

const EPS_200 = KllSketch.normalizedRankError(200);

describe('KllSketch merge accuracy', () => {
  it('merges shards within the bound of one sketch over the union, with exact n, min and max', () => {
    const values = uniform(400_000, 31).map((u, i) => u + (i % 3)); // shards see different ranges
    const merged = new KllSketch(200, 9);
    for (let shard = 0; shard < 8; shard++) {
      merged.merge(kllOf(values.subarray(shard * 50_000, (shard + 1) * 50_000), 200, shard + 100));
    }
    expect(merged.count).toBe(values.length);
    const sorted = Float64Array.from(values).sort();
    expect(merged.min).toBe(sorted[0]);
    expect(merged.max).toBe(sorted[sorted.length - 1]);
    expect(merged.retained).toBeLessThan(3 * 200 + 100);
    expect(maxRankError(merged, values)).toBeLessThan(EPS_200 * 0.75);
  });

  it('merges a tree of small and empty sketches into an accurate whole', () => {
    const values = normal(200_000, 32);
    const leaves = Array.from({ length: 64 }, (_, i) => kllOf(values.subarray(i * 3125, (i + 1) * 3125), 200, i));
    leaves.push(new KllSketch());
    while (leaves.length > 1) leaves.push(leaves.shift()!.merge(leaves.shift()!));
    const root = leaves[0]!;
    expect(root.count).toBe(values.length);
    expect(maxRankError(root, values)).toBeLessThan(EPS_200);
  });
});
