import { describe, it, expect } from '@jest/globals';
import { HyperLogLog } from '../../src/sketch/hll.js';
import { xorshift128 } from './data.js';

const SIGMA = HyperLogLog.relativeStandardError(14); // 0.81%

function relativeError(estimate: number, truth: number): number {
  return Math.abs(estimate - truth) / truth;
}

describe('HyperLogLog accuracy (p = 14)', () => {
  it('estimates 100,000 distinct numbers within 3σ and is unmoved by duplicates', () => {
    const h = new HyperLogLog();
    for (let rep = 0; rep < 2; rep++) for (let i = 0; i < 100_000; i++) h.addNumber(i * 0.5 - 7);
    expect(relativeError(h.estimate(), 100_000)).toBeLessThan(3 * SIGMA);
  });

  it('estimates 100,000 distinct strings within 3σ', () => {
    const h = new HyperLogLog();
    for (let i = 0; i < 100_000; i++) h.addString(`user-${i}@example.com`);
    expect(relativeError(h.estimate(), 100_000)).toBeLessThan(3 * SIGMA);
  });

  it('estimates 1,000,000 distinct values within 3σ', () => {
    // Uniform 64-bit values stand in for hashes (hash uniformity is tested in hash.test.ts);
    // feeding them directly keeps this test fast.
    const next = xorshift128(99);
    const h = new HyperLogLog();
    for (let i = 0; i < 1_000_000; i++) h.addHash(next(), next());
    expect(relativeError(h.estimate(), 1_000_000)).toBeLessThan(3 * SIGMA);
  });

  it('has a root-mean-square error close to 1.04/√m across cardinalities, including the mid range', () => {
    // 40 independent sketches at cardinalities spanning linear counting's regime (< 2.5m) to
    // well above it; the RMS relative error should be σ, give or take sampling noise.
    const next = xorshift128(5);
    let sumSquares = 0;
    const runs = 40;
    for (let run = 0; run < runs; run++) {
      const n = 5_000 + run * 2_500;
      const h = new HyperLogLog();
      for (let i = 0; i < n; i++) h.addHash(next(), next());
      sumSquares += ((h.estimate() - n) / n) ** 2;
    }
    const rms = Math.sqrt(sumSquares / runs);
    expect(rms).toBeLessThan(1.35 * SIGMA);
    expect(rms).toBeGreaterThan(0.2 * SIGMA);
  });
});
