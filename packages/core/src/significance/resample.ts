import { binomial, multinomial } from './binomial.js';
import { Xoshiro128 } from './prng.js';

/**
 * How often each example is drawn in one bootstrap resample. Uint8Array is the fast path (a count
 * above 255 is detected and the resample redrawn into a Uint32Array, with the very same draws).
 */
export type ResampleCounts = Uint8Array | Uint32Array;

/** Examples per block of the two-level draw (a power of two: an index is 10 random bits). */
export const BLOCK_SIZE = 1024;

/**
 * Resample `resample` of `seed`: an exact multinomial(n; 1/n, …, 1/n) resample (n uniform draws
 * with replacement, not the Poisson approximation), drawn in two levels from the xoshiro128**
 * stream (seed, resample) so that writes stay inside one cache-sized block:
 *  1. Examples are split by index into blocks of BLOCK_SIZE (the last may be smaller). Block by
 *     block, the number of draws landing in it is Binomial(draws left, block size / examples left)
 *     (`binomial`), i.e. the block totals are multinomial.
 *  2. Right after its total, the block's draws pick examples uniformly inside the block: each index
 *     is the next ⌈log2 size⌉-bit chunk of an output, read from the high bits, ⌊32 / bits⌋ chunks per
 *     output; a chunk ≥ size (only in a smaller last block) is rejected.
 * Given the totals the within-block counts are uniform multinomials, so the counts are exactly the
 * one-level multinomial. Returns false when a Uint8Array count overflowed (then use a Uint32Array).
 */
export function drawCounts(seed: number, resample: number, counts: ResampleCounts): boolean {
  const draw = new BlockDraw(seed, resample, counts.length);
  let overflow = 0;
  for (let start = 0; start < counts.length; start += BLOCK_SIZE) {
    overflow |= draw.nextBlock(counts, start, 1, 0);
  }
  return counts instanceof Uint32Array || overflow < 256;
}

/** The state of one resample's two-level draw between blocks. */
class BlockDraw {
  private readonly rng: Xoshiro128;
  private drawsLeft: number;
  private examplesLeft: number;

  constructor(seed: number, resample: number, n: number) {
    this.rng = new Xoshiro128(seed, resample);
    this.drawsLeft = n;
    this.examplesLeft = n;
  }

  /**
   * Draw the block starting at example `start` into counts[(start + j)·stride + offset], j < block
   * size. Returns the OR of the counts written (≥ 256 means a Uint8Array wrapped).
   */
  nextBlock(counts: ResampleCounts, start: number, stride: number, offset: number): number {
    const size = Math.min(BLOCK_SIZE, this.examplesLeft);
    const total = binomial(this.rng, this.drawsLeft, size / this.examplesLeft);
    this.drawsLeft -= total;
    this.examplesLeft -= size;
    const base = start * stride + offset;
    for (let j = 0; j < size; j++) counts[base + j * stride] = 0;
    if (size === 1) {
      counts[base] = total;
      return total;
    }
    const bits = 32 - Math.clz32(size - 1);
    const perOutput = Math.floor(32 / bits);
    const rng = this.rng;
    let s0 = rng.s0;
    let s1 = rng.s1;
    let s2 = rng.s2;
    let s3 = rng.s3;
    let overflow = 0;
    let word = 0;
    let chunksLeft = 0;
    for (let drawn = 0; drawn < total;) {
      if (chunksLeft === 0) {
        // xoshiro128** step written out so the state stays in local variables.
        const r = Math.imul(s1, 5);
        word = Math.imul((r << 7) | (r >>> 25), 9);
        const t = s1 << 9;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = (s3 << 11) | (s3 >>> 21);
        chunksLeft = perOutput;
      }
      const j = word >>> (32 - bits);
      word <<= bits;
      chunksLeft--;
      if (j < size) {
        const at = base + j * stride;
        const c = (counts[at] as number) + 1;
        counts[at] = c;
        overflow |= c;
        drawn++;
      }
    }
    rng.s0 = s0;
    rng.s1 = s1;
    rng.s2 = s2;
    rng.s3 = s3;
    return overflow;
  }
}

/**
 * Category totals of resample `resample` of `seed` for a statistic that depends only on how many
 * draws fall in each category (`sizes[k]` examples in category k): Multinomial(n; sizes / n),
 * drawn directly by conditional binomials from the xoshiro128** stream (seed, resample) in
 * O(categories) instead of O(n). The same distribution as tallying a per-example resample by
 * category, but not the same draws as `drawCounts`.
 */
export function drawCategoryTotals(seed: number, resample: number, sizes: Float64Array, totals: Float64Array): void {
  let n = 0;
  for (const s of sizes) n += s;
  multinomial(new Xoshiro128(seed, resample), n, sizes, totals);
}
