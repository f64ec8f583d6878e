import { seedState } from './prng.js';

/**
 * How often each example is drawn in one bootstrap resample. Uint8Array is the fast path (a count
 * above 255 is detected and redrawn into a Uint32Array with the very same draws).
 */
export type ResampleCounts = Uint8Array | Uint32Array;

/**
 * Resample `resample` of `seed`: n draws of an example index, uniform with replacement (an exact
 * multinomial(n; 1/n, …, 1/n) resample, not the Poisson approximation). Each draw takes the top
 * ⌈log2 n⌉ bits of one xoshiro128** output and rejects values ≥ n, so indices are exactly uniform.
 * The generator step is written out in each fill loop so the state stays in local variables.
 */
export function drawCounts8(seed: number, resample: number, counts: Uint8Array): boolean {
  counts.fill(0);
  const n = counts.length;
  if (n === 1) {
    counts[0] = 1;
    return true;
  }
  const shift = Math.clz32(n - 1);
  const state = seedState(seed, resample);
  let s0 = state[0] as number;
  let s1 = state[1] as number;
  let s2 = state[2] as number;
  let s3 = state[3] as number;
  let overflow = 0;
  for (let drawn = 0; drawn < n;) {
    const r = Math.imul(s1, 5);
    const index = Math.imul((r << 7) | (r >>> 25), 9) >>> shift;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    if (index < n) {
      const c = (counts[index] as number) + 1;
      counts[index] = c;
      overflow |= c;
      drawn++;
    }
  }
  return overflow < 256;
}

/** The same draws as `drawCounts8`, without an overflow limit. */
export function drawCounts32(seed: number, resample: number, counts: Uint32Array): void {
  counts.fill(0);
  forEachDraw(seed, resample, counts.length, (index) => {
    counts[index] = (counts[index] as number) + 1;
  });
}

/**
 * The same draws as `drawCounts8`, tallied by category: `totals[codes[i]]` counts the draws of
 * examples in each category. Enough for statistics that depend only on category totals.
 */
export function drawCategoryTotals(seed: number, resample: number, codes: Uint8Array, totals: Float64Array): void {
  totals.fill(0);
  const n = codes.length;
  if (n === 1) {
    totals[codes[0] as number] = 1;
    return;
  }
  const shift = Math.clz32(n - 1);
  const tally = new Int32Array(totals.length);
  const state = seedState(seed, resample);
  let s0 = state[0] as number;
  let s1 = state[1] as number;
  let s2 = state[2] as number;
  let s3 = state[3] as number;
  for (let drawn = 0; drawn < n;) {
    const r = Math.imul(s1, 5);
    const index = Math.imul((r << 7) | (r >>> 25), 9) >>> shift;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    if (index < n) {
      const code = codes[index] as number;
      tally[code] = (tally[code] as number) + 1;
      drawn++;
    }
  }
  for (let k = 0; k < totals.length; k++) totals[k] = tally[k] as number;
}

/** Visit the example indices of one resample in draw order (the reference for the fast fills). */
export function forEachDraw(seed: number, resample: number, n: number, visit: (index: number) => void): void {
  if (n === 1) {
    visit(0);
    return;
  }
  const shift = Math.clz32(n - 1);
  const state = seedState(seed, resample);
  let s0 = state[0] as number;
  let s1 = state[1] as number;
  let s2 = state[2] as number;
  let s3 = state[3] as number;
  for (let drawn = 0; drawn < n;) {
    const r = Math.imul(s1, 5);
    const index = Math.imul((r << 7) | (r >>> 25), 9) >>> shift;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    if (index < n) {
      visit(index);
      drawn++;
    }
  }
}
