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
  private binLimit: number;
  private gridLevel = 0;
  private n = 0;
  /** Open addressing, interleaved [key, count, value] per slot; a NaN key marks a free slot. */
  private table: Float64Array;
  private slots: number;
  private size = 0;
  private finished: GridBins | null = null;

  constructor(scale: GridScale, maxBins: number = DEFAULT_GRID_BINS) {
    if (!Number.isInteger(maxBins) || maxBins < 1 || maxBins > MAX_GRID_BINS) {
      throw new UserError(`value grid bins must be an integer in [1, ${MAX_GRID_BINS}], got ${maxBins}`);
    }
    this.scale = scale;
    this.binLimit = maxBins;
    this.slots = 64;
    this.table = new Float64Array(3 * this.slots).fill(NaN);
  }

  /** Non-empty bins kept at most. */
  get maxBins(): number {
    return this.binLimit;
  }

  get level(): number {
    return this.gridLevel;
  }

  get count(): number {
    return this.n;
  }

  /** Counts a finite value. */
  add(x: number): void {
    this.n++;
    this.put(this.keyOf(x), 1, x);
  }

  /** The key of the bin holding x at the current level. */
  keyOf(x: number): number {
    if (this.scale === 'linear') return Math.floor(x / 2 ** this.gridLevel);
    if (x >= 0) {
      f64[0] = x + 0;
      return u32[HI]! >>> this.gridLevel;
    }
    // −x's predecessor: so that a negative bin is [−high, −low) like a positive one is [low, high).
    f64[0] = -x;
    const hi = u32[LO] === 0 ? u32[HI]! - 1 : u32[HI]!;
    return -(hi >>> this.gridLevel) - 1;
  }

  private put(key: number, count: number, value: number): void {
    if (insert(this.table, this.slots - 1, key, count, value)) this.size++;
    this.finished = null;
    if (this.size > this.binLimit) this.coarsen();
    else if (2 * this.size > this.slots) this.rehash(this.slots * 2);
  }

  /**
   * Raises the level until the bins fit `maxBins` (or the grid is as coarse as it gets), merging each bin into its
   * parent straight from one hash table into another: this runs whenever the bins outgrow the limit, so it must
   * not sort.
   */
  private coarsen(): void {
    while (this.size > this.maxBins && this.gridLevel < MAX_LEVEL[this.scale]) {
      this.gridLevel++;
      const from = this.table;
      const to = new Float64Array(from.length).fill(NaN);
      const mask = this.slots - 1;
      let size = 0;
      for (let at = 0; at < from.length; at += 3) {
        const key = from[at]!;
        if (key === key && insert(to, mask, parentKey(key, this.scale), from[at + 1]!, from[at + 2]!)) size++;
      }
      this.table = to;
      this.size = size;
    }
    this.finished = null;
  }

  private rehash(slots: number): void {
    const bins = this.entries();
    this.slots = slots;
    this.load(bins);
  }

  private load(bins: { keys: Float64Array; counts: Float64Array; values: Float64Array }): void {
    while (2 * bins.keys.length > this.slots) this.slots *= 2;
    this.table = new Float64Array(3 * this.slots).fill(NaN);
    this.size = 0;
    const { keys, counts, values } = bins;
    const mask = this.slots - 1;
    const table = this.table;
    for (let i = 0; i < keys.length; i++) {
      let slot = hashKey(keys[i]!) & mask;
      while (table[3 * slot] === table[3 * slot]) slot = (slot + 1) & mask;
      table[3 * slot] = keys[i]!;
      table[3 * slot + 1] = counts[i]!;
      table[3 * slot + 2] = values[i]!;
    }
    this.size = keys.length;
    this.finished = null;
  }

  /** The non-empty bins in key order: the keys sorted natively, then each one's slot found again by probing. */
  private entries(): { keys: Float64Array; counts: Float64Array; values: Float64Array } {
    const table = this.table;
    const keys = new Float64Array(this.size);
    let at = 0;
    for (let slot = 0; slot < this.slots; slot++) {
      const key = table[3 * slot]!;
      if (key === key) keys[at++] = key;
    }
    keys.sort();
    const counts = new Float64Array(keys.length);
    const values = new Float64Array(keys.length);
    const mask = this.slots - 1;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      let slot = hashKey(key) & mask;
      while (table[3 * slot] !== key) slot = (slot + 1) & mask;
      counts[i] = table[3 * slot + 1]!;
      values[i] = table[3 * slot + 2]!;
    }
    return { keys, counts, values };
  }

  /** The bins in ascending order (cached until the grid changes). */
  bins(): GridBins {
    if (this.finished === null)
      this.finished = { scale: this.scale, level: this.gridLevel, ...this.entries(), n: this.n };
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
    let level = Math.max(this.gridLevel, other.gridLevel);
    const bins = combine(atLevel(this.bins(), level), atLevel(other.bins(), level));
    while (bins.keys.length > this.maxBins && level < MAX_LEVEL[this.scale]) {
      level++;
      collapse(bins, this.scale);
    }
    this.gridLevel = level;
    this.n += other.n;
    this.load(bins);
    return this;
  }

  toJSON(options: { raw?: boolean } = {}): ValueGridJSON {
    const { keys, counts, values } = this.bins();
    const base = {
      kind: 'value-grid' as const,
      version: 1 as const,
      scale: this.scale,
      maxBins: this.maxBins,
      level: this.gridLevel,
      n: this.n,
      bins: keys.length,
    };
    if (options.raw) return { ...base, raw: { keys: keys.slice(), counts: counts.slice(), values: values.slice() } };
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
      const single: boolean[] = [];
      for (let i = 0; i < size; i += 8) {
        const bits = input.byte();
        for (let b = 0; b < 8 && i + b < size; b++) single.push((bits & (1 << b)) !== 0);
      }
      const singles = readAscending(input, single.filter(Boolean).length, `${path}.data`);
      input.end();
      let next = 0;
      const values = Float64Array.from(single, (isSingle) => (isSingle ? singles[next++]! : NaN));
      bins = { keys, counts, values };
    }
    checkBins(bins, size, n, scale, level, path);
    grid.gridLevel = level;
    grid.n = n;
    grid.load(bins);
    return grid;
  }
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
    if (v === v) {
      const [low, high] = binEdges(scale, level, keys[i]!);
      if (!(v >= low && v < high)) {
        fail(`${path}.data`, `bin ${i}'s value ${v} lies outside the bin`);
      }
    }
    total += counts[i]!;
  }
  if (total !== n) fail(`${path}.n`, `is ${n} but the bins hold ${total} values`);
}

/** The bins of `bins` at the coarser `level` (≥ its own). */
export function atLevel(bins: GridBins, level: number): GridBins {
  if (level === bins.level) return bins;
  const copy = { keys: bins.keys.slice(), counts: bins.counts.slice(), values: bins.values.slice() };
  for (let l = bins.level; l < level; l++) collapse(copy, bins.scale);
  return { scale: bins.scale, level, ...copy, n: bins.n };
}

/** The bins of both (at the same level) in key order, counts of equal keys added. */
function combine(a: GridBins, b: GridBins): { keys: Float64Array; counts: Float64Array; values: Float64Array } {
  const size = a.keys.length + b.keys.length;
  const keys = new Float64Array(size);
  const counts = new Float64Array(size);
  const values = new Float64Array(size);
  let i = 0;
  let j = 0;
  let out = 0;
  while (i < a.keys.length || j < b.keys.length) {
    const ka = i < a.keys.length ? a.keys[i]! : Infinity;
    const kb = j < b.keys.length ? b.keys[j]! : Infinity;
    if (ka === kb) {
      keys[out] = ka;
      counts[out] = a.counts[i]! + b.counts[j]!;
      values[out] = a.values[i] === b.values[j] ? a.values[i]! : NaN;
      i++;
      j++;
    } else if (ka < kb) {
      keys[out] = ka;
      counts[out] = a.counts[i]!;
      values[out] = a.values[i++]!;
    } else {
      keys[out] = kb;
      counts[out] = b.counts[j]!;
      values[out] = b.values[j++]!;
    }
    out++;
  }
  return { keys: keys.subarray(0, out), counts: counts.subarray(0, out), values: values.subarray(0, out) };
}

/** Merges neighbouring bins in pairs (one level coarser), in place; the arrays shrink to the bins left. */
function collapse(bins: { keys: Float64Array; counts: Float64Array; values: Float64Array }, scale: GridScale): void {
  const { keys, counts, values } = bins;
  let out = -1;
  for (let i = 0; i < keys.length; i++) {
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
  bins.keys = keys.subarray(0, out + 1);
  bins.counts = counts.subarray(0, out + 1);
  bins.values = values.subarray(0, out + 1);
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

/** Adds `count` values to bin `key` of an open-addressing table; true when the bin is new. */
function insert(table: Float64Array, mask: number, key: number, count: number, value: number): boolean {
  let slot = hashKey(key) & mask;
  for (;;) {
    const at = 3 * slot;
    const k = table[at]!;
    if (k === key) {
      table[at + 1]! += count;
      if (table[at + 2] !== value) table[at + 2] = NaN;
      return false;
    }
    if (k !== k) {
      table[at] = key;
      table[at + 1] = count;
      table[at + 2] = value;
      return true;
    }
    slot = (slot + 1) & mask;
  }
}

function hashKey(key: number): number {
  return Math.imul((key | 0) ^ ((key / 4294967296) | 0), 0x9e3779b1) >>> 12;
}
