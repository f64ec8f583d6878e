import { SeededRandom } from '../../src/sketch/prng.js';

/** Deterministic test data: uniform doubles in (0, 1) with 32-bit resolution, from a seed. */
export function uniform(count: number, seed: number): Float64Array {
  const rng = new SeededRandom(seed);
  const out = new Float64Array(count);
  for (let i = 0; i < count; i++) out[i] = (rng.nextUint32() + 0.5) / 2 ** 32;
  return out;
}

/** Standard normal doubles (Box–Muller) from a seed. */
export function normal(count: number, seed: number): Float64Array {
  const u = uniform(2 * count, seed);
  const out = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    out[i] = Math.sqrt(-2 * Math.log(1 - u[2 * i]!)) * Math.cos(2 * Math.PI * u[2 * i + 1]!);
  }
  return out;
}

/** Exact inclusive rank of x in ascending-sorted `sorted`: the fraction of values ≤ x. */
export function exactRank(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo / sorted.length;
}

/** The error `fn` throws (failing the test if it returns normally). */
export function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}
