import { SeededRandom } from '../../src/sketch/prng.js';

// Captured once: Math lookups are slow inside Jest's VM context (see src/sketch/hash.ts).
const { sqrt, log, cos, PI } = Math;

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
    out[i] = sqrt(-2 * log(1 - u[2 * i]!)) * cos(2 * PI * u[2 * i + 1]!);
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

/**
 * Marsaglia's xorshift128: uniform uint32s from shifts and xors only. Test-only stand-in for
 * hash outputs; unlike Math.imul-based generators it stays fast inside Jest's VM context,
 * where every Math builtin call costs a few hundred nanoseconds.
 */
export function xorshift128(seed: number): () => number {
  let x = seed | 0 || 1;
  let y = 362436069;
  let z = 521288629;
  let w = 88675123;
  return () => {
    const t = x ^ (x << 11);
    x = y;
    y = z;
    z = w;
    w = w ^ (w >>> 19) ^ (t ^ (t >>> 8));
    return w >>> 0;
  };
}
