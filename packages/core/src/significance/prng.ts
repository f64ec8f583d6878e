/**
 * xoshiro128** 1.1 (Blackman & Vigna, 2018): 128-bit state, 32-bit output, fast in JavaScript's
 * 32-bit integer arithmetic. Each (seed, stream) pair gets its own state via SplitMix32, so resample
 * r of a bootstrap depends only on (seed, r): splitting resamples across workers, or re-running one,
 * reproduces exactly the same draws.
 */
export class Xoshiro128 {
  /** The state words; public so hot loops can step the generator in local variables and store it back. */
  s0: number;
  s1: number;
  s2: number;
  s3: number;

  constructor(seed: number, stream = 0) {
    const state = seedState(seed, stream);
    this.s0 = state[0] as number;
    this.s1 = state[1] as number;
    this.s2 = state[2] as number;
    this.s3 = state[3] as number;
  }

  nextUint32(): number {
    const r = Math.imul(this.s1, 5);
    const result = Math.imul((r << 7) | (r >>> 25), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = (this.s3 << 11) | (this.s3 >>> 21);
    return result;
  }

  /** Uniform in [0, 1) with 32 bits of resolution. */
  nextFloat(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Uniform in (0, 1) with 53 bits of resolution (high 27 bits of one output, high 26 of the next). */
  nextOpenDouble(): number {
    const high = this.nextUint32() >>> 5;
    const low = this.nextUint32() >>> 6;
    return (high * 67108864 + low + 0.5) / 9007199254740992;
  }
}

/** The xoshiro128** state for (seed, stream); for one seed, distinct streams get distinct states. */
export function seedState(seed: number, stream: number): Int32Array {
  if (!Number.isSafeInteger(seed) || seed < 0) throw new RangeError(`seed must be a non-negative integer, got ${seed}`);
  // mix32 is a bijection, so for a fixed seed distinct streams give distinct starting points.
  let x = mix32((seed >>> 0) + GOLDEN);
  x = mix32(x ^ Math.floor(seed / 4294967296));
  x = mix32(x ^ stream);
  const state = new Int32Array(4);
  for (let k = 0; k < 4; k++) state[k] = mix32(x + Math.imul(k + 1, GOLDEN));
  if (state.every((v) => v === 0)) state[0] = 1;
  return state;
}

const GOLDEN = 0x9e3779b9;

/** SplitMix32/murmur3 finaliser: a bijection on 32-bit integers with good avalanche. */
function mix32(value: number): number {
  let z = value | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return z ^ (z >>> 16);
}
