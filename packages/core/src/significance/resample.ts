import { binomial, multinomial } from './binomial.js';
import { Xoshiro128 } from './prng.js';
import { WASM_BASE64 } from './wasm/resample-wasm.js';
import { instantiate, WASM_PAGE_BYTES, type WasmMemory } from './wasm/instantiate.js';

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
export function drawCounts(
  seed: number,
  resample: number,
  counts: ResampleCounts,
  fillBlock: BlockFiller = fullBlock,
): boolean {
  const n = counts.length;
  const rng = new Xoshiro128(seed, resample);
  let drawsLeft = n;
  let overflow = 0;
  for (let start = 0; start < n; start += BLOCK_SIZE) {
    const size = Math.min(BLOCK_SIZE, n - start);
    const total = binomial(rng, drawsLeft, size / (n - start));
    drawsLeft -= total;
    counts.fill(0, start, start + size);
    overflow |=
      size === BLOCK_SIZE ? fillBlock(rng, counts, start, total) : partialBlock(rng, counts, start, size, total);
  }
  return counts instanceof Uint32Array || overflow < 256;
}

/** Draws `total` examples into the full block at `start`; returns the OR of the counts written. */
export type BlockFiller = (rng: Xoshiro128, counts: ResampleCounts, start: number, total: number) => number;

interface ResampleExports {
  memory: WasmMemory;
  full_block(state: number, block: number, total: number): number;
}

/**
 * Draws resamples of n examples like `drawCounts`, with the full blocks filled by the WebAssembly
 * twin of `fullBlock` (resample.wat: the same draws, about twice as fast) into byte counts that
 * live in its memory. A resample whose byte count overflows is redrawn wide, in JavaScript.
 */
export class ResampleDrawer {
  private readonly narrow: Uint8Array;
  private wide: Uint32Array | undefined;
  private readonly fill: BlockFiller;

  constructor(private readonly n: number) {
    const wasm = instantiate<ResampleExports>(WASM_BASE64);
    const stateAt = 0;
    const countsAt = 16;
    const missing = countsAt + n - wasm.memory.buffer.byteLength;
    if (missing > 0) wasm.memory.grow(Math.ceil(missing / WASM_PAGE_BYTES));
    this.narrow = new Uint8Array(wasm.memory.buffer, countsAt, n);
    const state = new Int32Array(wasm.memory.buffer, stateAt, 4);
    this.fill = (rng, _counts, start, total) => {
      state[0] = rng.s0;
      state[1] = rng.s1;
      state[2] = rng.s2;
      state[3] = rng.s3;
      const overflow = wasm.full_block(stateAt, countsAt + start, total);
      rng.s0 = state[0] as number;
      rng.s1 = state[1] as number;
      rng.s2 = state[2] as number;
      rng.s3 = state[3] as number;
      return overflow;
    };
  }

  /** The counts of resample `resample` of `seed`, valid until the next call. */
  draw(seed: number, resample: number): ResampleCounts {
    if (drawCounts(seed, resample, this.narrow, this.fill)) return this.narrow;
    this.wide ??= new Uint32Array(this.n);
    drawCounts(seed, resample, this.wide);
    return this.wide;
  }
}

/**
 * `total` draws into a full block: three 10-bit chunks per output (bits 31–22, 21–12, 11–2), no
 * rejection. Returns the OR of the counts written. The xoshiro128** step is written out so the
 * state stays in local variables.
 */
function fullBlock(rng: Xoshiro128, counts: ResampleCounts, start: number, total: number): number {
  let s0 = rng.s0;
  let s1 = rng.s1;
  let s2 = rng.s2;
  let s3 = rng.s3;
  let overflow = 0;
  for (let drawn = 0; drawn < total; drawn += 3) {
    const r = Math.imul(s1, 5);
    const word = Math.imul((r << 7) | (r >>> 25), 9);
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    const a = start + (word >>> 22);
    const ca = (counts[a] as number) + 1;
    counts[a] = ca;
    overflow |= ca;
    if (drawn + 1 < total) {
      const b = start + ((word >>> 12) & 1023);
      const cb = (counts[b] as number) + 1;
      counts[b] = cb;
      overflow |= cb;
    }
    if (drawn + 2 < total) {
      const c = start + ((word >>> 2) & 1023);
      const cc = (counts[c] as number) + 1;
      counts[c] = cc;
      overflow |= cc;
    }
  }
  rng.s0 = s0;
  rng.s1 = s1;
  rng.s2 = s2;
  rng.s3 = s3;
  return overflow;
}

/** `total` draws into the smaller last block: ⌈log2 size⌉-bit chunks, rejecting those ≥ size. */
function partialBlock(rng: Xoshiro128, counts: ResampleCounts, start: number, size: number, total: number): number {
  if (size === 1) {
    counts[start] = total;
    return total;
  }
  const bits = 32 - Math.clz32(size - 1);
  const perOutput = Math.floor(32 / bits);
  let overflow = 0;
  let word = 0;
  let chunksLeft = 0;
  for (let drawn = 0; drawn < total;) {
    if (chunksLeft === 0) {
      word = rng.nextUint32() | 0;
      chunksLeft = perOutput;
    }
    const j = word >>> (32 - bits);
    word <<= bits;
    chunksLeft--;
    if (j < size) {
      const c = (counts[start + j] as number) + 1;
      counts[start + j] = c;
      overflow |= c;
      drawn++;
    }
  }
  return overflow;
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
