import { UserError } from '../errors.js';
import { ByteReader, ByteWriter, readAscending, writeAscending } from './codec.js';
import { describeValue, expectInteger, expectSketch, fail, type JsonObject } from './json.js';

/**
 * `log`: bins of relative width 2^-(20 − level) (the top bits of each double: DDSketch-like, right for amounts,
 * counts, scores). `linear`: bins of width 2^level (right for instants in ms, which sit far from zero). Every bin
 * is an interval [low, high), so the count of values below any bin edge is known exactly.
 */
export type GridScale = 'log' | 'linear';

/**
 * Non-empty bins kept at most before the grid halves its resolution. 2^16 bins hold a 12M-row column to D bounds of
 * ~1e-4 (a fifth of the 5% critical D of 12M vs 12M rows) in a 3 MB table while building; 2^17 halved the bounds
 * but cost 40% more profiling time and twice the memory (bench/validate).
 */
export const DEFAULT_GRID_BINS = 65_536;

const MAX_GRID_BINS = 1 << 22;
/** Values a grid takes before it sorts them into its bins: first 1,024, doubling to 65,536. */
const FIRST_CHUNK = 1 << 10;
const CHUNK = 1 << 16;
/** Bits of the key a radix-sort pass orders by at most: three passes cover a span of 2^32. */
const MAX_RADIX_BITS = 13;
/** Mantissa bits a log bin keeps at level 0; all of them sit in a double's high word. */
const LOG_BITS = 20;
const MAX_LEVEL: Record<GridScale, number> = { log: LOG_BITS, linear: 60 };

/** A grid's bins in ascending order: key, count and the bin's only value (NaN when it holds several). */
export interface GridBins {
  scale: GridScale;
  level: number;
  keys: Float64Array;
  counts: Float64Array;
  values: Float64Array;
  n: number;
}

export interface ValueGridJSON {
  kind: 'value-grid';
  version: 1;
  scale: GridScale;
  maxBins: number;
  level: number;
  n: number;
  bins: number;
  /** Keys, counts and single values of the bins, compactly encoded (see codec.ts). */
  data?: string;
  /** The same as arrays, for passing a profile between threads without encoding it. */
  raw?: { keys: Float64Array; counts: Float64Array; values: Float64Array };
}

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;
const HI = LITTLE_ENDIAN ? 1 : 0;
const LO = 1 - HI;

/**
 * Exact counts of a column's values over a fixed grid of bins, with each bin's value when it holds only one: the
 * split-invariant stand-in for the values themselves once a column has more than its exact cap.
 *
 * The grid is a function of the multiset of values alone. Bins are fixed intervals (level 0 is the finest); while
 * more than `maxBins` bins are non-empty the level rises by one, merging neighbours in pairs. The number of
 * non-empty bins at any level only grows with the data, so the level ends as the finest one that fits, whatever
 * the order of the values or how they were split into shards; merging two grids brings both to the coarser level
 * and adds counts. Counts are exact, so wherever the grid has a bin edge, or a bin holds a single value, the
 * column's CDF is known exactly, and between those points it is bounded by the bin's count: statistics computed on
 * the grid come with certified bounds.
 */
export class ValueGrid {
  readonly scale: GridScale;
  private readonly linear: boolean;
  private binLimit: number;
  private gridLevel = 0;
  private n = 0;
  /** The bins in key order, in the first `size` places of arrays with room to merge a chunk in. */
  private keys: Float64Array = new Float64Array(0);
  private counts: Float64Array = new Float64Array(0);
  private values: Float64Array = new Float64Array(0);
  private size = 0;
  /** Values added since the last flush, counted into the bins a chunk at a time. */
  private pending: Float64Array | null = null;
  private pendingCount = 0;
  private finished: GridBins | null = null;

  constructor(scale: GridScale, maxBins: number = DEFAULT_GRID_BINS) {
    if (!Number.isInteger(maxBins) || maxBins < 1 || maxBins > MAX_GRID_BINS) {
      throw new UserError(`value grid bins must be an integer in [1, ${MAX_GRID_BINS}], got ${maxBins}`);
    }
    this.scale = scale;
    this.linear = scale === 'linear';
    this.binLimit = maxBins;
  }

  /** Non-empty bins kept at most. */
  get maxBins(): number {
    return this.binLimit;
  }

  get level(): number {
    this.flush();
    return this.gridLevel;
  }

  get count(): number {
    return this.n;
  }

  /** Counts a finite value. */
  add(x: number): void {
    this.n++;
    let pending = this.pending;
    if (pending === null) pending = this.pending = new Float64Array(FIRST_CHUNK);
    pending[this.pendingCount++] = x;
    if (this.pendingCount === pending.length) {
      this.flush();
      // Chunks grow to their full size only in columns with many values: a grid costs little until it has them.
      if (pending.length < CHUNK) this.pending = new Float64Array(2 * pending.length);
    }
  }

  /** `add` of values[from..to), a block at a time. */
  addAll(values: Float64Array, from: number, to: number): void {
    this.n += to - from;
    for (let i = from; i < to;) {
      let pending = this.pending;
      if (pending === null) pending = this.pending = new Float64Array(FIRST_CHUNK);
      const take = Math.min(to - i, pending.length - this.pendingCount);
      pending.set(values.subarray(i, i + take), this.pendingCount);
      this.pendingCount += take;
      i += take;
      if (this.pendingCount === pending.length) {
        this.flush();
        if (pending.length < CHUNK) this.pending = new Float64Array(2 * pending.length);
      }
    }
  }

  /** The key of the bin holding x at the current level. */
  keyOf(x: number): number {
    this.flush();
    return keyAt(this.scale, this.gridLevel, x);
  }

  /**
   * Counts the pending values into the bins. Looking each value's bin up in a hash table of 2^16 bins missed the
   * cache on almost every value (the tables of a file's columns do not fit it); sorting a chunk by key (a radix
   * sort) and merging it into the sorted bins touches memory in order, and costs a fraction of that (bench/validate).
   */
  private flush(): void {
    const count = this.pendingCount;
    if (count === 0) return;
    this.pendingCount = 0;
    this.finished = null;
    const chunk = sortByKey(this.pending!, count, this.linear, this.gridLevel);
    this.mergeSorted(chunk.keys, chunk.counts, chunk.values, chunk.size);
    this.fit();
  }

  /**
   * Merges `size` sorted bins (at the current level) into the bins, from the back, in place. The merged size is
   * counted first (a pass over the keys alone), so the arrays grow only by the keys that are new — in a grid at its
   * steady level almost none — and each bin is written straight into its place.
   */
  private mergeSorted(keys: Float64Array, counts: Float64Array, values: Float64Array, size: number): void {
    const total = this.size + size - sharedKeys(this.keys, this.size, keys, size);
    this.reserve(total);
    const [k, c, v] = [this.keys, this.counts, this.values];
    let i = this.size - 1;
    let j = size - 1;
    let out = total - 1;
    // Until the new bins are all placed, the bins above them move up.
    while (out > i) {
      if (i >= 0 && k[i]! > keys[j]!) {
        k[out] = k[i]!;
        c[out] = c[i]!;
        v[out--] = v[i--]!;
      } else if (i >= 0 && k[i] === keys[j]) {
        k[out] = k[i]!;
        c[out] = c[i]! + counts[j]!;
        v[out--] = v[i] === values[j] ? v[i]! : NaN;
        i--;
        j--;
      } else {
        k[out] = keys[j]!;
        c[out] = counts[j]!;
        v[out--] = values[j--]!;
      }
    }
    // Then every bin left in the chunk has its key among 0..i, which are where they belong: counts add in place (at a
    // grid's steady level that is almost every chunk from its first bin).
    while (j >= 0) {
      if (k[i]! > keys[j]!) i--;
      else {
        c[i]! += counts[j]!;
        if (v[i] !== values[j]) v[i] = NaN;
        i--;
        j--;
      }
    }
    this.size = total;
  }

  /**
   * Room for `size` bins. Doubling stops an eighth past the bin limit (the bins rarely pass the limit by more before
   * `fit` halves them); past that the arrays take what is asked.
   */
  private reserve(size: number): void {
    if (size <= this.keys.length) return;
    const capacity = Math.max(size, Math.min(2 * this.keys.length, this.binLimit + (this.binLimit >> 3)), 64);
    for (const name of ['keys', 'counts', 'values'] as const) {
      const grown = new Float64Array(capacity);
      grown.set(this[name].subarray(0, this.size));
      this[name] = grown;
    }
  }

  /** Raises the level until the bins fit `maxBins` (or the grid is as coarse as it gets). */
  private fit(): void {
    while (this.size > this.binLimit && this.gridLevel < MAX_LEVEL[this.scale]) {
      this.gridLevel++;
      this.size = collapseInPlace(this.keys, this.counts, this.values, this.size, this.scale);
    }
  }

  /** The bins in ascending order (cached until the grid changes). */
  bins(): GridBins {
    this.flush();
    if (this.finished === null) {
      this.finished = {
        scale: this.scale,
        level: this.gridLevel,
        keys: this.keys.slice(0, this.size),
        counts: this.counts.slice(0, this.size),
        values: this.values.slice(0, this.size),
        n: this.n,
      };
    }
    return this.finished;
  }

  /** Folds `other` (a grid of the same scale over other rows) into this, as one pass over both would be. */
  merge(other: ValueGrid): this {
    if (other.n === 0 && other.scale === this.scale) return this;
    // An empty side (a shard without values in the column) takes the other's size.
    if (this.n === 0) this.binLimit = other.maxBins;
    if (other.scale !== this.scale || other.maxBins !== this.maxBins) {
      throw new UserError(
        `cannot merge value grids with different settings (${this.scale}/${this.maxBins} and ${other.scale}/${other.maxBins})`,
      );
    }
    this.flush();
    const level = Math.max(this.gridLevel, other.level);
    // Read before this grid changes: a grid merged into itself reads a copy of its bins.
    const theirs = other === this ? withSize(this.bins()) : other.binsAt(level);
    // This grid coarsens in place, and the other's bins merge straight into it.
    while (this.gridLevel < level) {
      this.gridLevel++;
      this.size = collapseInPlace(this.keys, this.counts, this.values, this.size, this.scale);
    }
    this.mergeSorted(theirs.keys, theirs.counts, theirs.values, theirs.size);
    this.fit();
    this.n += other.n;
    this.finished = null;
    return this;
  }

  /** The bins at `level` (at least the grid's own): its own arrays, or coarsened copies (the grid is not changed). */
  private binsAt(level: number): SizedBins {
    this.flush();
    if (level === this.gridLevel) return { keys: this.keys, counts: this.counts, values: this.values, size: this.size };
    return withSize(atLevel(this.bins(), level));
  }

  /** Takes `bins` as the grid's arrays, without copying them (they must not be used elsewhere). */
  private adopt(bins: { keys: Float64Array; counts: Float64Array; values: Float64Array }): void {
    this.keys = bins.keys;
    this.counts = bins.counts;
    this.values = bins.values;
    this.size = bins.keys.length;
    this.finished = null;
  }

  /** `raw`: the bins as arrays the JSON owns (never the cached bins, which others may hold), for `fromJSON` to adopt. */
  toJSON(options: { raw?: boolean } = {}): ValueGridJSON {
    this.flush();
    const base = {
      kind: 'value-grid' as const,
      version: 1 as const,
      scale: this.scale,
      maxBins: this.maxBins,
      level: this.gridLevel,
      n: this.n,
      bins: this.size,
    };
    if (options.raw) {
      const size = this.size;
      const raw = {
        keys: this.keys.slice(0, size),
        counts: this.counts.slice(0, size),
        values: this.values.slice(0, size),
      };
      return { ...base, raw };
    }
    const { keys, counts, values } = this.bins();
    const out = new ByteWriter();
    let previous = 0;
    for (let i = 0; i < keys.length; i++) {
      out.signed(keys[i]! - previous);
      previous = keys[i]!;
    }
    for (const count of counts) out.varint(count - 1);
    const singles: number[] = [];
    for (let i = 0; i < keys.length; i += 8) {
      let bits = 0;
      for (let b = 0; b < 8 && i + b < keys.length; b++) {
        const v = values[i + b]!;
        if (v === v) {
          bits |= 1 << b;
          singles.push(v);
        }
      }
      out.byte(bits);
    }
    writeAscending(out, singles);
    return { ...base, data: out.encode() };
  }

  static fromJSON(value: unknown, path: string): ValueGrid {
    const obj: JsonObject = expectSketch(value, 'value-grid', [1], path);
    if (obj.scale !== 'log' && obj.scale !== 'linear') {
      fail(`${path}.scale`, `expected "log" or "linear", got ${describeValue(obj.scale)}`);
    }
    const scale = obj.scale;
    const grid = new ValueGrid(scale, expectInteger(obj, 'maxBins', path, 1, MAX_GRID_BINS));
    const level = expectInteger(obj, 'level', path, 0, MAX_LEVEL[scale]);
    const n = expectInteger(obj, 'n', path, 0, Number.MAX_SAFE_INTEGER);
    const size = expectInteger(obj, 'bins', path, 0, grid.maxBins);
    let bins: { keys: Float64Array; counts: Float64Array; values: Float64Array };
    if (obj.raw !== undefined) {
      bins = obj.raw as typeof bins;
    } else {
      const input = ByteReader.decode(obj.data, `${path}.data`);
      const keys = new Float64Array(size);
      let key = 0;
      for (let i = 0; i < size; i++) keys[i] = key += input.signed();
      const counts = new Float64Array(size);
      for (let i = 0; i < size; i++) counts[i] = input.varint() + 1;
      const single = new Uint8Array(size);
      let singleCount = 0;
      for (let i = 0; i < size; i += 8) {
        const bits = input.byte();
        for (let b = 0; b < 8 && i + b < size; b++) singleCount += single[i + b] = (bits >>> b) & 1;
      }
      const singles = readAscending(input, singleCount, `${path}.data`);
      input.end();
      const values = new Float64Array(size);
      for (let i = 0, next = 0; i < size; i++) values[i] = single[i] === 1 ? singles[next++]! : NaN;
      bins = { keys, counts, values };
    }
    checkBins(bins, size, n, scale, level, path);
    grid.gridLevel = level;
    grid.n = n;
    // Decoded arrays are the grid's own, and so are raw ones (see toJSON): a worker's bins arrive without a copy.
    grid.adopt(bins);
    return grid;
  }
}

/** Bins in the first `size` places of their arrays. */
interface SizedBins {
  keys: Float64Array;
  counts: Float64Array;
  values: Float64Array;
  size: number;
}

function withSize(bins: { keys: Float64Array; counts: Float64Array; values: Float64Array }): SizedBins {
  return { keys: bins.keys, counts: bins.counts, values: bins.values, size: bins.keys.length };
}

function checkBins(
  bins: { keys: Float64Array; counts: Float64Array; values: Float64Array },
  size: number,
  n: number,
  scale: GridScale,
  level: number,
  path: string,
): void {
  const { keys, counts, values } = bins;
  if (!(keys instanceof Float64Array && counts instanceof Float64Array && values instanceof Float64Array)) {
    fail(`${path}.raw`, 'expected Float64Array keys, counts and values');
  }
  if (keys.length !== size || counts.length !== size || values.length !== size) {
    fail(`${path}.bins`, `is ${size} but the data holds ${keys.length} bins`);
  }
  let total = 0;
  for (let i = 0; i < size; i++) {
    if (!Number.isInteger(keys[i]) || (i > 0 && !(keys[i]! > keys[i - 1]!))) {
      fail(`${path}.data`, `bin keys must be ascending integers (at bin ${i})`);
    }
    if (!(Number.isInteger(counts[i]) && counts[i]! >= 1)) fail(`${path}.data`, `bin ${i} has count ${counts[i]}`);
    const v = values[i]!;
    // A finite value lies in [low, high) of its bin exactly when its key is the bin's (cheaper than the edges).
    if (v === v && !(Number.isFinite(v) && keyAt(scale, level, v) === keys[i])) {
      fail(`${path}.data`, `bin ${i}'s value ${v} lies outside the bin`);
    }
    total += counts[i]!;
  }
  if (total !== n) fail(`${path}.n`, `is ${n} but the bins hold ${total} values`);
}

/** Keys the first `size` of `a` and the first `other` of `b` (each ascending, each key once) have in common. */
function sharedKeys(a: Float64Array, size: number, b: Float64Array, other: number): number {
  let shared = 0;
  for (let i = 0, j = 0; i < size && j < other;) {
    const x = a[i]!;
    const y = b[j]!;
    if (x < y) i++;
    else if (x > y) j++;
    else {
      shared++;
      i++;
      j++;
    }
  }
  return shared;
}

/** The bins of `bins` at the coarser `level` (≥ its own). */
export function atLevel(bins: GridBins, level: number): GridBins {
  if (level === bins.level) return bins;
  const copy = { keys: bins.keys.slice(), counts: bins.counts.slice(), values: bins.values.slice() };
  for (let l = bins.level; l < level; l++) collapse(copy, bins.scale);
  return { scale: bins.scale, level, ...copy, n: bins.n };
}

/** Merges neighbouring bins in pairs (one level coarser), in place; the arrays shrink to the bins left. */
function collapse(bins: { keys: Float64Array; counts: Float64Array; values: Float64Array }, scale: GridScale): void {
  const size = collapseInPlace(bins.keys, bins.counts, bins.values, bins.keys.length, scale);
  bins.keys = bins.keys.subarray(0, size);
  bins.counts = bins.counts.subarray(0, size);
  bins.values = bins.values.subarray(0, size);
}

/** The key of the bin holding x at `level` (the sort below computes keys inline, a chunk at a time). */
function keyAt(scale: GridScale, level: number, x: number): number {
  return scale === 'linear' ? linearKey(x, 2 ** -level) : logKey(x, level);
}

/** A linear bin's key: ⌊x·2^-level⌋, `factor` = 2^-level (exact: x/2^level rounds the same, without a division). */
function linearKey(x: number, factor: number): number {
  return Math.floor(x * factor);
}

/** A log bin's key: the top bits of the double's high word. */
function logKey(x: number, level: number): number {
  if (x >= 0) {
    f64[0] = x + 0;
    return u32[HI]! >>> level;
  }
  // −x's predecessor: so that a negative bin is [−high, −low) like a positive one is [low, high).
  f64[0] = -x;
  const hi = u32[LO] === 0 ? u32[HI]! - 1 : u32[HI]!;
  return -(hi >>> level) - 1;
}

/** Merges neighbouring bins among the first `size` in pairs (one level coarser), in place; returns the bins left. */
function collapseInPlace(
  keys: Float64Array,
  counts: Float64Array,
  values: Float64Array,
  size: number,
  scale: GridScale,
): number {
  let out = -1;
  for (let i = 0; i < size; i++) {
    const key = parentKey(keys[i]!, scale);
    if (out >= 0 && keys[out] === key) {
      counts[out]! += counts[i]!;
      if (values[out] !== values[i]) values[out] = NaN;
    } else {
      out++;
      keys[out] = key;
      counts[out] = counts[i]!;
      values[out] = values[i]!;
    }
  }
  return out + 1;
}

function parentKey(key: number, scale: GridScale): number {
  if (scale === 'linear') return Math.floor(key / 2);
  return key >= 0 ? Math.floor(key / 2) : -Math.floor((-key - 1) / 2) - 1;
}

/** The interval [low, high) a bin covers. */
export function binEdges(scale: GridScale, level: number, key: number): [number, number] {
  if (scale === 'linear') {
    const width = 2 ** level;
    return [key * width, (key + 1) * width];
  }
  const mag = key >= 0 ? key : -key - 1;
  const low = fromHighWord(mag * 2 ** level);
  const high = fromHighWord((mag + 1) * 2 ** level);
  return key >= 0 ? [low, high] : [-high, -low];
}

/** The double whose high word is `hi` and low word 0; Infinity past the largest finite exponent. */
function fromHighWord(hi: number): number {
  if (hi >= 0x7ff00000) return Infinity;
  u32[HI] = hi;
  u32[LO] = 0;
  return f64[0]!;
}

/**
 * Scratch space for `sortByKey`, shared by every grid on the thread (a flush runs to completion before the next):
 * the keys, their offsets from the smallest key and the values (two buffers each, for the radix passes), one
 * histogram per pass, and the chunk's bins. 3.6 MB, made on first use: a thread that only merges or reads grids
 * (the main thread of a parallel pass) never needs it.
 */
function makeScratch() {
  return {
    keys: new Float64Array(CHUNK),
    ranks: [new Uint32Array(CHUNK), new Uint32Array(CHUNK)] as const,
    values: [new Float64Array(CHUNK), new Float64Array(CHUNK)] as const,
    histograms: [0, 1, 2].map(() => new Uint32Array(1 << MAX_RADIX_BITS)) as [Uint32Array, Uint32Array, Uint32Array],
    bins: { keys: new Float64Array(CHUNK), counts: new Float64Array(CHUNK), values: new Float64Array(CHUNK), size: 0 },
  };
}
let scratchSpace: ReturnType<typeof makeScratch> | null = null;

/**
 * A chunk whose keys span at most this many ranks is counted straight into a table of that many places (a counting
 * sort: one pass over the values and one over the table) rather than radix-sorted. At a grid's steady level most
 * columns' chunks span about its bin limit (instants, scores, ids past their first chunks) or a few times it (amounts
 * with negatives, the gap between the signs closed); a column of a few scattered values (small counts) spans far
 * more and is hashed (see FEW_KEYS). The table, 1.5 MB, is made on first use and left zeroed after each chunk.
 */
const DENSE_SPAN = 1 << 17;
/** Table places a chunk may scan per value it counts: the scan stays a fraction of the counting. */
const DENSE_PER_VALUE = 8;
let denseTable: { counts: Uint32Array; values: Float64Array } | null = null;

/**
 * The first `count` values as bins (key order, counts, a bin's value when it holds only one) at `level`. Keys
 * that already come in order (an id column) need no sorting; keys close together are counted into a table (see
 * DENSE_SPAN), and few distinct keys into a hash table (see FEW_KEYS); other keys within 2^32 of each other are
 * radix-sorted on their offset from the smallest, in as few passes of up to 13 bits as the span needs, every pass's
 * histogram counted in one go and passes whose digit is the same for all skipped; wider keys are sorted through
 * their values (a key never decreases with x).
 */
function sortByKey(
  input: Float64Array,
  count: number,
  linear: boolean,
  level: number,
): { keys: Float64Array; counts: Float64Array; values: Float64Array; size: number } {
  const scratch = (scratchSpace ??= makeScratch());
  const keys = scratch.keys;
  const factor = 2 ** -level;
  let min = Infinity;
  let max = -Infinity;
  // The largest negative and smallest non-negative key: a log grid's negative keys sit ~2^(31 − level) below its
  // positive ones, and closing that gap spares the radix sort a pass.
  let belowZero = -Infinity;
  let fromZero = Infinity;
  let ordered = true;
  for (let i = 0; i < count; i++) {
    const key = linear ? linearKey(input[i]!, factor) : logKey(input[i]!, level);
    keys[i] = key;
    if (key < max) ordered = false;
    if (key < min) min = key;
    if (key > max) max = key;
    if (key < 0) {
      if (key > belowZero) belowZero = key;
    } else if (key < fromZero) fromZero = key;
  }
  if (ordered) return runs(keys, input, count, 0, Infinity, 0, null);
  // Rank r stands for key r + min, plus `gap` past `split` (the rank of the largest negative key).
  const gap = min < 0 && max >= 0 ? fromZero - belowZero - 1 : 0;
  const split = gap > 0 ? belowZero - min : Infinity;
  const span = max - min - gap + 1;
  if (span <= DENSE_SPAN && span <= DENSE_PER_VALUE * count) return tally(keys, input, count, min, split, gap, span);
  const few = fewKeys(keys, input, count);
  if (few !== null) return few;
  if (span > 2 ** 32) {
    const values = scratch.values[0];
    values.set(input.subarray(0, count));
    values.subarray(0, count).sort();
    for (let i = 0; i < count; i++) keys[i] = linear ? linearKey(values[i]!, factor) : logKey(values[i]!, level);
    return runs(keys, values, count, 0, Infinity, 0, null);
  }
  // As few passes as the span needs, of equal digits (a 2^25 span takes two 13-bit passes rather than three).
  const bits = span <= 1 ? 1 : 32 - Math.clz32(span - 1);
  const passes = Math.ceil(bits / MAX_RADIX_BITS);
  const digit = Math.ceil(bits / passes);
  const mask = (1 << digit) - 1;
  const [h0, h1, h2] = scratch.histograms;
  h0.fill(0, 0, mask + 1);
  h1.fill(0, 0, mask + 1);
  h2.fill(0, 0, mask + 1);
  let [ranks, spareRanks] = scratch.ranks;
  for (let i = 0; i < count; i++) {
    const key = keys[i]!;
    const rank = key - min - (key >= 0 ? gap : 0);
    ranks[i] = rank;
    // Every pass's digit at once (shifts stay below 32: 2 × 13 or 2 × 11).
    h0[rank & mask]!++;
    h1[(rank >>> digit) & mask]!++;
    h2[(rank >>> (2 * digit)) & mask]!++;
  }
  const [first, second] = scratch.values;
  let target = first;
  let from: Float64Array = input;
  for (let p = 0; p < passes; p++) {
    const histogram = scratch.histograms[p]!;
    const shift = p * digit;
    // A digit every key shares leaves the order as it is.
    if (histogram[(ranks[0]! >>> shift) & mask] === count) continue;
    let total = 0;
    for (let d = 0; d <= mask; d++) {
      const c = histogram[d]!;
      histogram[d] = total;
      total += c;
    }
    for (let i = 0; i < count; i++) {
      const rank = ranks[i]!;
      const at = histogram[(rank >>> shift) & mask]!++;
      spareRanks[at] = rank;
      target[at] = from[i]!;
    }
    const sorted = spareRanks;
    spareRanks = ranks;
    ranks = sorted;
    from = target;
    target = target === first ? second : first;
  }
  return runs(null, from, count, min, split, gap, ranks);
}

/**
 * Bins of the first `count` keys, counted by rank (key = rank + base, plus `gap` for ranks past `split`) into a
 * table of `span` places, then read off in rank order: the bins `runs` gives for the same keys sorted.
 */
function tally(
  keys: Float64Array,
  input: Float64Array,
  count: number,
  base: number,
  split: number,
  gap: number,
  span: number,
): { keys: Float64Array; counts: Float64Array; values: Float64Array; size: number } {
  denseTable ??= { counts: new Uint32Array(DENSE_SPAN), values: new Float64Array(DENSE_SPAN) };
  const { counts, values } = denseTable;
  for (let i = 0; i < count; i++) {
    const key = keys[i]!;
    // An int32 (ranks are below DENSE_SPAN), so the table is indexed by an integer.
    const rank = (key - base - (key >= 0 ? gap : 0)) | 0;
    // +0: −0 and 0 share a bin and count as one value, whichever came first (as in `runs`).
    const v = input[i]! + 0;
    if (counts[rank]!++ === 0) values[rank] = v;
    else if (values[rank] !== v) values[rank] = NaN;
  }
  const bins = scratchSpace!.bins;
  let out = 0;
  for (let rank = 0; rank < span; rank++) {
    const c = counts[rank]!;
    if (c === 0) continue;
    counts[rank] = 0;
    bins.keys[out] = rank + base + (rank > split ? gap : 0);
    bins.counts[out] = c;
    bins.values[out++] = values[rank]!;
  }
  bins.size = out;
  return bins;
}

/**
 * A chunk whose keys lie too far apart for the table but take at most this many distinct values (a column of a few
 * scattered values: small counts 0, 1, 2 … 100,000) is counted in a small hash table that stays in the cache, and
 * only its distinct keys are sorted. A chunk with more distinct keys gives up after about as many values and is
 * radix-sorted.
 */
const FEW_KEYS = 1024;
const FEW_SLOTS = 2 * FEW_KEYS;
const FEW_SHIFT = 32 - Math.log2(FEW_SLOTS);
const few = {
  keys: new Float64Array(FEW_SLOTS),
  counts: new Uint32Array(FEW_SLOTS),
  values: new Float64Array(FEW_SLOTS),
  /** The slots in use, in the order they were taken. */
  used: new Uint16Array(FEW_KEYS),
  distinct: new Float64Array(FEW_KEYS),
};

/** The slot of `key` in the hash table: where it is, or the empty slot where it goes (counts 0). */
function fewSlot(key: number): number {
  // `key | 0`: the low 32 bits of the integer key (instants' keys reach past 2^32), spread by a multiplicative hash.
  let slot = Math.imul(key | 0, 0x9e3779b1) >>> FEW_SHIFT;
  while (few.counts[slot] !== 0 && few.keys[slot] !== key) slot = (slot + 1) & (FEW_SLOTS - 1);
  return slot;
}

/** The bins of the first `count` keys and values when they have at most FEW_KEYS distinct keys, else null. */
function fewKeys(
  keys: Float64Array,
  input: Float64Array,
  count: number,
): { keys: Float64Array; counts: Float64Array; values: Float64Array; size: number } | null {
  const { counts, values, used } = few;
  let distinct = 0;
  for (let i = 0; i < count; i++) {
    const key = keys[i]!;
    const slot = fewSlot(key);
    // +0: −0 and 0 share a bin and count as one value, whichever came first (as in `runs`).
    const v = input[i]! + 0;
    if (counts[slot]!++ === 0) {
      if (distinct === FEW_KEYS) {
        for (let u = 0; u < distinct; u++) counts[used[u]!] = 0;
        counts[slot] = 0;
        return null;
      }
      few.keys[slot] = key;
      values[slot] = v;
      used[distinct++] = slot;
    } else if (values[slot] !== v) values[slot] = NaN;
  }
  const sorted = few.distinct.subarray(0, distinct);
  for (let u = 0; u < distinct; u++) sorted[u] = few.keys[used[u]!]!;
  sorted.sort();
  const bins = scratchSpace!.bins;
  for (let b = 0; b < distinct; b++) {
    const slot = fewSlot(sorted[b]!);
    bins.keys[b] = sorted[b]! + 0;
    bins.counts[b] = counts[slot]!;
    bins.values[b] = values[slot]!;
  }
  for (let u = 0; u < distinct; u++) counts[used[u]!] = 0;
  bins.size = distinct;
  return bins;
}

/**
 * Bins of sorted keys (or of ranks: key = rank + base, plus `gap` for ranks past `split`) and their values: counts,
 * and each bin's value if it holds only one.
 */
function runs(
  keys: Float64Array | null,
  values: Float64Array,
  count: number,
  base: number,
  split: number,
  gap: number,
  ranks: Uint32Array | null,
): { keys: Float64Array; counts: Float64Array; values: Float64Array; size: number } {
  const bins = scratchSpace!.bins;
  let out = -1;
  let last = NaN;
  for (let i = 0; i < count; i++) {
    const key = keys === null ? ranks![i]! + base + (ranks![i]! > split ? gap : 0) : keys[i]!;
    // +0: −0 and 0 share a bin and count as one value, whichever came first.
    const v = values[i]! + 0;
    if (key === last) {
      bins.counts[out]!++;
      if (bins.values[out] !== v) bins.values[out] = NaN;
    } else {
      out++;
      last = key;
      bins.keys[out] = key;
      bins.counts[out] = 1;
      bins.values[out] = v;
    }
  }
  bins.size = out + 1;
  return bins;
}
