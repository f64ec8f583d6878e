import { UserError } from '../errors.js';
import { expectFiniteArray, expectFiniteOrNull, expectInteger, expectSketch, fail, type JsonObject } from './json.js';
import { SeededRandom } from './prng.js';

/** Narrowest a level may get; DataSketches' default, which keeps compactions worth their cost. */
const MIN_LEVEL_WIDTH = 8;
const MIN_K = MIN_LEVEL_WIDTH;
const MAX_K = 65535;
const MAX_LEVELS = 61;
export const DEFAULT_KLL_K = 200;
const DEFAULT_SEED = 0x5eed;

/** Capacity of the level `depth` steps below the top: k·(2/3)^depth, rounded, at least 8. */
function levelCapacity(k: number, numLevels: number, level: number): number {
  const depth = numLevels - level - 1;
  if (depth > 30) return MIN_LEVEL_WIDTH;
  const twice = Math.floor((2 * k * 2 ** depth) / 3 ** depth);
  return Math.max(MIN_LEVEL_WIDTH, (twice + 1) >> 1);
}

function totalCapacity(k: number, numLevels: number): number {
  let total = 0;
  for (let level = 0; level < numLevels; level++) total += levelCapacity(k, numLevels, level);
  return total;
}

export interface KllJSON {
  kind: 'kll';
  version: 1;
  k: number;
  n: number;
  min: number | null;
  max: number | null;
  /** State of the compaction coin, so a restored sketch makes the same choices the original would. */
  rng: number;
  /** Number of retained items per level, level 0 first; a level-h item stands for 2^h inputs. */
  levels: number[];
  /** Retained items, level 0 first; levels ≥ 1 are sorted ascending. */
  items: number[];
}

/**
 * KLL quantiles sketch (Karnin, Lang & Liberty 2016) with the lazy compaction scheme and level
 * capacities of Apache DataSketches (k·(2/3)^depth, minimum width 8). It retains about 3k items
 * whatever the stream length.
 *
 * Rank error: for a sketch of parameter k (single stream or any tree of merges), with 99%
 * confidence every `rank(x)` is within ε = 2.296 / k^0.9723 of the true normalized rank
 * (k = 200: ε ≈ 1.33%), and a difference of two ranks (a histogram bin, a PMF entry) within
 * 2.446 / k^0.9433 (k = 200: ≈ 1.65%). `quantile(q)` returns an item whose true rank is within ε of q.
 * These are DataSketches' empirical fits for the same algorithm; the tests check them here.
 *
 * Ranks are inclusive: rank(x) is the fraction of inputs ≤ x. Only finite values are kept:
 * NaN and ±Infinity are ignored (the profiler counts them separately). The compaction coin
 * comes from a seeded generator stored in the sketch, so runs are reproducible.
 */
export class KllSketch {
  readonly k: number;
  private n = 0;
  private numLevels = 1;
  /** Level h holds items[levels[h], levels[h+1]); level 0 grows downward into the free space before it. */
  private levels: Int32Array;
  private items: Float64Array;
  private lo = Infinity;
  private hi = -Infinity;
  /** levelCapacity for each current level, cached because compaction consults it on every call. */
  private capacities: Int32Array;
  private rng: SeededRandom;
  private sortedValues: Float64Array | null = null;
  private sortedCumWeights: Float64Array | null = null;

  constructor(k: number = DEFAULT_KLL_K, seed: number = DEFAULT_SEED) {
    if (!Number.isInteger(k) || k < MIN_K || k > MAX_K) {
      throw new UserError(`KLL parameter k must be an integer in [${MIN_K}, ${MAX_K}], got ${k}`);
    }
    this.k = k;
    this.rng = new SeededRandom(seed);
    this.items = new Float64Array(k);
    this.levels = Int32Array.of(k, k);
    this.capacities = Int32Array.of(k);
  }

  private setNumLevels(numLevels: number): void {
    this.numLevels = numLevels;
    this.capacities = new Int32Array(numLevels);
    for (let level = 0; level < numLevels; level++) this.capacities[level] = levelCapacity(this.k, numLevels, level);
  }

  /**
   * The rank error ε this sketch guarantees with 99% confidence for parameter k (see the class
   * comment); `pmf` asks for the bound on a difference of two ranks instead.
   */
  static normalizedRankError(k: number, pmf = false): number {
    return pmf ? 2.446 / k ** 0.9433 : 2.296 / k ** 0.9723;
  }

  normalizedRankError(pmf = false): number {
    return KllSketch.normalizedRankError(this.k, pmf);
  }

  add(x: number): void {
    if (x - x !== 0) return;
    if (this.levels[0] === 0) this.compactOnce();
    const i = --this.levels[0]!;
    this.items[i] = x;
    this.n++;
    if (x < this.lo) this.lo = x;
    if (x > this.hi) this.hi = x;
    this.sortedValues = null;
  }

  /** Number of values added (directly or through merges). */
  get count(): number {
    return this.n;
  }

  get isEmpty(): boolean {
    return this.n === 0;
  }

  /** Exact minimum; NaN when empty. */
  get min(): number {
    return this.n === 0 ? NaN : this.lo;
  }

  /** Exact maximum; NaN when empty. */
  get max(): number {
    return this.n === 0 ? NaN : this.hi;
  }

  /** How many items the sketch holds (its memory is about 8 bytes each). */
  get retained(): number {
    return this.items.length - this.levels[0]!;
  }

  private levelSize(level: number): number {
    return this.levels[level + 1]! - this.levels[level]!;
  }

  /**
   * Halves the lowest level that reached its capacity into the level above, which frees room
   * at the bottom of the buffer. Each retained survivor of a halving doubles its weight; the
   * coin picks odd or even positions so the rank error is unbiased.
   */
  private compactOnce(): void {
    let h = 0;
    while (this.levelSize(h) < this.capacities[h]!) {
      h++;
      if (h >= this.numLevels) throw new Error('KLL invariant broken: full buffer but no level at capacity');
    }
    if (h === this.numLevels - 1) this.addEmptyTopLevel();
    const levels = this.levels;
    const items = this.items;
    const rawBeg = levels[h]!;
    const rawEnd = levels[h + 1]!;
    const popAbove = levels[h + 2]! - rawEnd;
    const odd = (rawEnd - rawBeg) & 1;
    const adjBeg = rawBeg + odd;
    const adjPop = rawEnd - adjBeg;
    const half = adjPop >>> 1;

    if (h === 0) sortRange(items, adjBeg, rawEnd - 1);
    const offset = this.rng.nextBit();
    if (popAbove === 0) {
      for (let i = rawEnd - 1, j = rawEnd - 1 - offset; i >= adjBeg + half; i--, j -= 2) items[i] = items[j]!;
    } else {
      for (let i = adjBeg, j = adjBeg + offset; i < adjBeg + half; i++, j += 2) items[i] = items[j]!;
      mergeSortedRuns(items, adjBeg, adjBeg + half, rawEnd, rawEnd + popAbove, adjBeg + half);
    }
    levels[h + 1] = rawEnd - half;
    levels[h] = rawEnd - half - odd;
    if (odd) items[levels[h]!] = items[rawBeg]!;
    if (h > 0) {
      items.copyWithin(levels[0]! + half, levels[0]!, rawBeg);
      for (let level = 0; level < h; level++) levels[level]! += half;
    }
  }

  /** Grows the buffer to the capacity of one more level, keeping the free space at the bottom. */
  private addEmptyTopLevel(): void {
    if (this.numLevels >= MAX_LEVELS) throw new Error('KLL sketch exceeded its maximum number of levels');
    const newLevels = this.numLevels + 1;
    const newLength = Math.max(totalCapacity(this.k, newLevels), this.items.length);
    const delta = newLength - this.items.length;
    if (delta > 0) {
      const grown = new Float64Array(newLength);
      grown.set(this.items, delta);
      this.items = grown;
    }
    const levels = new Int32Array(newLevels + 1);
    for (let level = 0; level <= this.numLevels; level++) levels[level] = this.levels[level]! + delta;
    levels[newLevels] = newLength;
    this.levels = levels;
    this.setNumLevels(newLevels);
  }

  /**
   * Folds `other` into this, as if this had also seen `other`'s inputs: levels of equal weight
   * are combined, then compacted until the sketch fits its capacity again.
   */
  merge(other: KllSketch): this {
    if (other.k !== this.k) {
      throw new UserError(`cannot merge KLL sketches with different k (${this.k} and ${other.k})`);
    }
    if (other.n === 0) return this;
    const numLevels = Math.max(this.numLevels, other.numLevels);
    const perLevel: number[] = [];
    let retained = 0;
    for (let level = 0; level < numLevels; level++) {
      const size = this.sizeOrZero(level) + other.sizeOrZero(level);
      perLevel.push(size);
      retained += size;
    }
    const length = Math.max(totalCapacity(this.k, numLevels), retained);
    const items = new Float64Array(length);
    const levels = new Int32Array(numLevels + 1);
    levels[numLevels] = length;
    for (let level = numLevels - 1; level >= 0; level--) {
      const start = levels[level + 1]! - perLevel[level]!;
      levels[level] = start;
      const a = this.levelView(level);
      const b = other.levelView(level);
      if (level === 0) {
        items.set(a, start);
        items.set(b, start + a.length);
      } else {
        mergeSorted(a, b, items, start);
      }
    }
    this.n += other.n;
    this.lo = Math.min(this.lo, other.lo);
    this.hi = Math.max(this.hi, other.hi);
    this.items = items;
    this.levels = levels;
    this.setNumLevels(numLevels);
    this.sortedValues = null;
    while (this.retained > totalCapacity(this.k, this.numLevels)) this.compactOnce();
    this.fitBuffer();
    return this;
  }

  private sizeOrZero(level: number): number {
    return level < this.numLevels ? this.levelSize(level) : 0;
  }

  private levelView(level: number): Float64Array {
    if (level >= this.numLevels) return new Float64Array(0);
    return this.items.subarray(this.levels[level]!, this.levels[level + 1]!);
  }

  /** Resizes the buffer to exactly the capacity of the current levels (all retained items fit). */
  private fitBuffer(): void {
    const length = totalCapacity(this.k, this.numLevels);
    const delta = length - this.items.length;
    if (delta === 0) return;
    const resized = new Float64Array(length);
    resized.set(this.items.subarray(this.levels[0]!), this.levels[0]! + delta);
    for (let level = 0; level <= this.numLevels; level++) this.levels[level]! += delta;
    this.items = resized;
  }

  /** Retained items in ascending order with their cumulative weights (built lazily, cached until the next add). */
  private sortedView(): { values: Float64Array; cum: Float64Array } {
    if (this.sortedValues && this.sortedCumWeights) return { values: this.sortedValues, cum: this.sortedCumWeights };
    const count = this.retained;
    const values = this.items.slice(this.levels[0]!);
    const weights = new Float64Array(count);
    for (let level = 0, i = 0; level < this.numLevels; level++) {
      const w = 2 ** level;
      for (let end = i + this.levelSize(level); i < end; i++) weights[i] = w;
    }
    const order = new Uint32Array(count);
    for (let i = 0; i < count; i++) order[i] = i;
    order.sort((a, b) => values[a]! - values[b]!);
    const sorted = new Float64Array(count);
    const cum = new Float64Array(count);
    let total = 0;
    for (let i = 0; i < count; i++) {
      const from = order[i]!;
      sorted[i] = values[from]!;
      total += weights[from]!;
      cum[i] = total;
    }
    this.sortedValues = sorted;
    this.sortedCumWeights = cum;
    return { values: sorted, cum };
  }

  /** Estimated number of inputs ≤ x (an integer; exact while nothing has been compacted). */
  weightAtMost(x: number): number {
    if (this.n === 0) return 0;
    const { values, cum } = this.sortedView();
    let lo = 0;
    let hi = values.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (values[mid]! <= x) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? 0 : cum[lo - 1]!;
  }

  /** Estimated fraction of inputs ≤ x; NaN when empty. */
  rank(x: number): number {
    return this.n === 0 ? NaN : this.weightAtMost(x) / this.n;
  }

  /**
   * Estimated value whose rank is q (the smallest retained item with rank ≥ q). q = 0 and q = 1
   * give the exact min and max. NaN when empty.
   */
  quantile(q: number): number {
    if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile fraction must be in [0, 1], got ${q}`);
    if (this.n === 0) return NaN;
    if (q === 0) return this.lo;
    if (q === 1) return this.hi;
    const { values, cum } = this.sortedView();
    // Shrunk by a few ulps so q = i/n lands on the i-th value despite rounding in q·n.
    const target = q * this.n * (1 - 4 * Number.EPSILON);
    let lo = 0;
    let hi = values.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cum[mid]! >= target) hi = mid;
      else lo = mid + 1;
    }
    return values[lo]!;
  }

  /**
   * Ranks at each split point (which must be finite and strictly increasing), followed by 1:
   * entry i estimates the fraction of inputs ≤ splitPoints[i]. All NaN when empty.
   */
  cdf(splitPoints: ArrayLike<number>): Float64Array {
    for (let i = 0; i < splitPoints.length; i++) {
      const x = splitPoints[i]!;
      if (!Number.isFinite(x) || (i > 0 && !(x > splitPoints[i - 1]!))) {
        throw new RangeError(`split points must be finite and strictly increasing (index ${i}: ${x})`);
      }
    }
    const out = new Float64Array(splitPoints.length + 1);
    for (let i = 0; i < splitPoints.length; i++) out[i] = this.rank(splitPoints[i]!);
    out[splitPoints.length] = this.n === 0 ? NaN : 1;
    return out;
  }

  toJSON(): KllJSON {
    const levels: number[] = [];
    for (let level = 0; level < this.numLevels; level++) levels.push(this.levelSize(level));
    const empty = this.n === 0;
    return {
      kind: 'kll',
      version: 1,
      k: this.k,
      n: this.n,
      min: empty ? null : this.lo,
      max: empty ? null : this.hi,
      rng: this.rng.state,
      levels,
      items: Array.from(this.items.subarray(this.levels[0]!)),
    };
  }

  static fromJSON(value: unknown, path = '$'): KllSketch {
    const obj: JsonObject = expectSketch(value, 'kll', [1], path);
    const k = expectInteger(obj, 'k', path, MIN_K, MAX_K);
    const n = expectInteger(obj, 'n', path, 0, Number.MAX_SAFE_INTEGER);
    const rng = expectInteger(obj, 'rng', path, 0, 0xffffffff);
    const min = expectFiniteOrNull(obj, 'min', path);
    const max = expectFiniteOrNull(obj, 'max', path);
    const sizes = expectFiniteArray(obj, 'levels', path);
    const values = expectFiniteArray(obj, 'items', path);
    if (sizes.length < 1 || sizes.length > MAX_LEVELS) {
      fail(`${path}.levels`, `expected 1 to ${MAX_LEVELS} levels, got ${sizes.length}`);
    }
    let weight = 0;
    let retained = 0;
    for (let level = 0; level < sizes.length; level++) {
      const size = sizes[level]!;
      if (!Number.isInteger(size) || size < 0) {
        fail(`${path}.levels[${level}]`, `expected a non-negative integer item count, got ${size}`);
      }
      for (let i = retained + 1; level > 0 && i < retained + size; i++) {
        if (values[i]! < values[i - 1]!) fail(`${path}.items[${i}]`, `level ${level} is not sorted ascending`);
      }
      retained += size;
      weight += size * 2 ** level;
    }
    if (retained !== values.length) {
      fail(`${path}.items`, `levels hold ${retained} items in total but items has ${values.length}`);
    }
    if (weight !== n) fail(`${path}.n`, `n is ${n} but the retained items weigh ${weight}`);
    if (retained > totalCapacity(k, sizes.length)) {
      fail(`${path}.items`, `${retained} items exceed the capacity of a k=${k} sketch with ${sizes.length} levels`);
    }
    if (n === 0) {
      if (min !== null || max !== null) fail(`${path}.min`, 'an empty sketch (n = 0) must have null min and max');
    } else {
      if (min === null || max === null) fail(`${path}.${min === null ? 'min' : 'max'}`, 'expected a number when n > 0');
      for (let i = 0; i < values.length; i++) {
        if (values[i]! < min || values[i]! > max) {
          fail(`${path}.items[${i}]`, `item ${values[i]} lies outside [min, max] = [${min}, ${max}]`);
        }
      }
    }

    const sketch = new KllSketch(k, rng);
    const length = totalCapacity(k, sizes.length);
    sketch.items = new Float64Array(length);
    sketch.items.set(values, length - retained);
    sketch.levels = new Int32Array(sizes.length + 1);
    let start = length - retained;
    for (let level = 0; level < sizes.length; level++) {
      sketch.levels[level] = start;
      start += sizes[level]!;
    }
    sketch.levels[sizes.length] = length;
    sketch.setNumLevels(sizes.length);
    sketch.n = n;
    sketch.lo = min ?? Infinity;
    sketch.hi = max ?? -Infinity;
    return sketch;
  }
}

/**
 * Sorts buf[lo..hi] (inclusive) ascending in place: quicksort with median-of-three pivots and
 * insertion sort for short runs. Hand-written because V8's TypedArray#sort boxes every double,
 * which made level-0 sorting most of the cost of `add`.
 */
function sortRange(buf: Float64Array, lo: number, hi: number): void {
  while (hi - lo > 16) {
    const mid = (lo + hi) >>> 1;
    if (buf[mid]! < buf[lo]!) swap(buf, mid, lo);
    if (buf[hi]! < buf[lo]!) swap(buf, hi, lo);
    if (buf[hi]! < buf[mid]!) swap(buf, hi, mid);
    const pivot = buf[mid]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (buf[i]! < pivot) i++;
      while (buf[j]! > pivot) j--;
      if (i <= j) swap(buf, i++, j--);
    }
    // Recurse into the smaller part and loop on the larger, bounding the stack depth by log n.
    if (j - lo < hi - i) {
      sortRange(buf, lo, j);
      lo = i;
    } else {
      sortRange(buf, i, hi);
      hi = j;
    }
  }
  for (let i = lo + 1; i <= hi; i++) {
    const x = buf[i]!;
    let j = i - 1;
    while (j >= lo && buf[j]! > x) {
      buf[j + 1] = buf[j]!;
      j--;
    }
    buf[j + 1] = x;
  }
}

function swap(buf: Float64Array, i: number, j: number): void {
  const t = buf[i]!;
  buf[i] = buf[j]!;
  buf[j] = t;
}

/** Merges sorted runs buf[a, aEnd) and buf[b, bEnd) into buf from `out`; safe in place when out = aEnd ≤ b. */
function mergeSortedRuns(buf: Float64Array, a: number, aEnd: number, b: number, bEnd: number, out: number): void {
  while (a < aEnd && b < bEnd) buf[out++] = buf[a]! <= buf[b]! ? buf[a++]! : buf[b++]!;
  while (a < aEnd) buf[out++] = buf[a++]!;
  while (b < bEnd) buf[out++] = buf[b++]!;
}

function mergeSorted(a: Float64Array, b: Float64Array, out: Float64Array, start: number): void {
  let i = 0;
  let j = 0;
  let o = start;
  while (i < a.length && j < b.length) out[o++] = a[i]! <= b[j]! ? a[i++]! : b[j++]!;
  while (i < a.length) out[o++] = a[i++]!;
  while (j < b.length) out[o++] = b[j++]!;
}
