import { UserError } from '../errors.js';
import { describeValue, expectArray, expectInteger, expectSketch, fail, type JsonObject } from './json.js';
import { encodeUtf8Scratch, hashBytes, utf8Scratch } from './hash.js';

export const DEFAULT_EXACT_LIMIT = 10_000;
const MAX_LIMIT = (1 << 22) - 1;
/** Sample levels use the top bits of the 64-bit hash's high word: beyond 32 there are none left. */
const MAX_LEVEL = 32;
const INITIAL_SLOTS = 16;

export interface FrequentItemsOptions {
  /** Distinct values counted at most; past it the summary keeps a hash sample of the values (default 10,000). */
  exactLimit?: number;
}

export interface FrequentItem {
  value: string;
  /** The value's exact count. */
  count: number;
}

export interface FrequentItemsJSON {
  kind: 'frequent-items';
  version: 2;
  exactLimit: number;
  /** 0 while every value is counted; at level ℓ only values whose hash has ℓ leading zero bits are. */
  level: number;
  n: number;
  /** [value, count] pairs, highest count first (ties by value). */
  items: [string, number][];
}

const decoder = new TextDecoder();

/**
 * Exact counts of categorical values while at most `exactLimit` distinct values have been seen, then exact counts
 * of a hash sample of them (Gibbons' distinct sampling): at level ℓ a value is kept if and only if its 64-bit
 * hash starts with ℓ zero bits, and the level rises by one whenever more than `exactLimit` values are kept.
 *
 * The state is a function of the multiset of values alone, whatever their order and however they were split into
 * shards: the level ends as the smallest one whose sample fits the limit (the number of values passing any level
 * only grows with the data), and every kept count is exact. So merged shard summaries equal one pass exactly, and
 * the counts they report are facts: a kept value's count is exact, a value that passes the level but is absent
 * occurred 0 times, and the values not sampled share the rest of `count` exactly.
 *
 * Values are identified by their UTF-8 bytes (`addBytes` takes a byte range straight from a reader buffer;
 * `addString` encodes first, giving the same identity). Keys live in one byte arena, so counting an already-seen
 * value allocates nothing.
 */
export class FrequentItems {
  readonly exactLimit: number;
  private sampleLevel = 0;
  private n = 0;
  private size = 0;
  private hashHi = new Int32Array(INITIAL_SLOTS);
  private hashLo = new Int32Array(INITIAL_SLOTS);
  private counts = new Float64Array(INITIAL_SLOTS);
  private keyStart = new Int32Array(INITIAL_SLOTS);
  private keyLength = new Int32Array(INITIAL_SLOTS);
  private arena = new Uint8Array(256);
  private arenaUsed = 0;
  /** Open-addressing table (linear probing) of entry numbers, at most half full; -1 marks a free slot. */
  private index = new Int32Array(2 * INITIAL_SLOTS).fill(-1);
  private mask = 2 * INITIAL_SLOTS - 1;
  private probe = 0;
  private readonly hash = new Uint32Array(2);

  constructor({ exactLimit = DEFAULT_EXACT_LIMIT }: FrequentItemsOptions = {}) {
    if (!Number.isInteger(exactLimit) || exactLimit < 1 || exactLimit > MAX_LIMIT) {
      throw new UserError(`frequent-items exact limit must be an integer in [1, ${MAX_LIMIT}], got ${exactLimit}`);
    }
    this.exactLimit = exactLimit;
  }

  /** Counts the value whose UTF-8 bytes are buf[start, end). */
  addBytes(buf: Uint8Array, start: number, end: number): void {
    hashBytes(buf, start, end, this.hash);
    this.addHashed(buf, start, end);
  }

  /**
   * `addBytes` for a caller that has hashed the bytes already (`hashBytes` with the default seed
   * gave `hi`, `lo`): a profile hashes each text value once for HyperLogLog and this.
   */
  addHashedBytes(buf: Uint8Array, start: number, end: number, hi: number, lo: number): void {
    this.hash[0] = hi;
    this.hash[1] = lo;
    this.addHashed(buf, start, end);
  }

  private addHashed(buf: Uint8Array, start: number, end: number): void {
    this.n++;
    if (!this.sampled(this.hash[0]!)) return;
    this.upsert(buf, start, end, 1);
    if (this.size > this.exactLimit) this.raiseLevel();
  }

  addString(value: string): void {
    const length = encodeUtf8Scratch(value);
    this.addBytes(utf8Scratch(), 0, length);
  }

  /** Total number of values counted. */
  get count(): number {
    return this.n;
  }

  /** Every value is counted (level 0). */
  get isExact(): boolean {
    return this.sampleLevel === 0;
  }

  get level(): number {
    return this.sampleLevel;
  }

  /** Number of distinct values while exact; undefined once sampled. */
  get exactDistinct(): number | undefined {
    return this.isExact ? this.size : undefined;
  }

  /** Values counted (all of them while exact, the sample after) and the sum of their counts. */
  get keptDistinct(): number {
    return this.size;
  }

  get keptTotal(): number {
    let total = 0;
    for (let e = 0; e < this.size; e++) total += this.counts[e]!;
    return total;
  }

  /** Every value with its count while exact; undefined once sampled. */
  exactCounts(): Map<string, number> | undefined {
    return this.isExact ? this.sample() : undefined;
  }

  /** The values kept at `level` (≥ this summary's level) with their exact counts. */
  sample(level = this.sampleLevel): Map<string, number> {
    if (level < this.sampleLevel) throw new RangeError(`the summary is at level ${this.sampleLevel}, not ${level}`);
    const map = new Map<string, number>();
    for (let e = 0; e < this.size; e++) {
      if (passes(this.hashHi[e]!, level)) map.set(this.keyOf(e), this.counts[e]!);
    }
    return map;
  }

  /**
   * The most frequent values, highest count first (ties by value), at most `limit` of them. Once sampled, only
   * values that are certainly among the `limit` most frequent are listed: a kept value with count c is, when fewer
   * than `limit` values can have a higher count — the kept ones that do, plus at most ⌊rest/(c+1)⌋ values outside
   * the sample, whose counts sum to `rest`.
   */
  topItems(limit = Infinity): FrequentItem[] {
    const order = Array.from({ length: this.size }, (_, e) => e);
    const keys = order.map((e) => this.keyOf(e));
    order.sort((a, b) => this.counts[b]! - this.counts[a]! || (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : 0));
    const items = order.map((e) => ({ value: keys[e]!, count: this.counts[e]! }));
    if (this.isExact) return items.slice(0, Math.min(limit, items.length));
    const rest = this.n - this.keptTotal;
    const listed: FrequentItem[] = [];
    let higher = 0;
    for (let i = 0; i < items.length && listed.length < limit; i++) {
      const item = items[i]!;
      while (higher < i && items[higher]!.count > item.count) higher++;
      if (higher + Math.floor(rest / (item.count + 1)) >= limit) break;
      listed.push(item);
    }
    return listed;
  }

  /**
   * What is known of how often `value` occurred: exactly `count` when the summary counted it (or would have, had it
   * occurred), otherwise somewhere from 0 to `upperBound` (the count of all values outside the sample).
   */
  bounds(value: string): { count: number; upperBound: number } {
    const length = encodeUtf8Scratch(value);
    const buf = utf8Scratch();
    hashBytes(buf, 0, length, this.hash);
    const e = this.find(buf, 0, length);
    if (e >= 0) return { count: this.counts[e]!, upperBound: this.counts[e]! };
    if (this.sampled(this.hash[0]!)) return { count: 0, upperBound: 0 };
    return { count: 0, upperBound: this.n - this.keptTotal };
  }

  /** Folds `other` into this: both are brought to the higher level, counts of equal values add up. */
  merge(other: FrequentItems): this {
    if (other.exactLimit !== this.exactLimit) {
      throw new UserError(
        `cannot merge frequent-items summaries with different exact limits (${this.exactLimit} and ${other.exactLimit})`,
      );
    }
    const level = Math.max(this.sampleLevel, other.sampleLevel);
    if (level > this.sampleLevel) this.setLevel(level);
    for (let e = 0; e < other.size; e++) {
      if (!passes(other.hashHi[e]!, level)) continue;
      this.hash[0] = other.hashHi[e]!;
      this.hash[1] = other.hashLo[e]!;
      const start = other.keyStart[e]!;
      this.upsert(other.arena, start, start + other.keyLength[e]!, other.counts[e]!);
    }
    this.n += other.n;
    if (this.size > this.exactLimit) this.raiseLevel();
    return this;
  }

  private sampled(hi: number): boolean {
    return passes(hi, this.sampleLevel);
  }

  /** Raises the level until the sample fits the limit (or no hash bits are left to sample by). */
  private raiseLevel(): void {
    let level = this.sampleLevel;
    while (level < MAX_LEVEL) {
      level++;
      let kept = 0;
      for (let e = 0; e < this.size; e++) if (passes(this.hashHi[e]!, level)) kept++;
      if (kept <= this.exactLimit) break;
    }
    this.setLevel(level);
  }

  /** Drops the values that do not pass `level` and compacts entries and keys. */
  private setLevel(level: number): void {
    let kept = 0;
    let arenaUsed = 0;
    for (let e = 0; e < this.size; e++) {
      if (!passes(this.hashHi[e]!, level)) continue;
      const start = this.keyStart[e]!;
      const length = this.keyLength[e]!;
      this.arena.copyWithin(arenaUsed, start, start + length);
      this.hashHi[kept] = this.hashHi[e]!;
      this.hashLo[kept] = this.hashLo[e]!;
      this.counts[kept] = this.counts[e]!;
      this.keyStart[kept] = arenaUsed;
      this.keyLength[kept] = length;
      arenaUsed += length;
      kept++;
    }
    this.size = kept;
    this.arenaUsed = arenaUsed;
    this.sampleLevel = level;
    this.rebuildIndex();
  }

  /**
   * Entry number of the value whose hash is in `this.hash`, or -1 with `probe` left at the free
   * slot where it would go. The hash travels in that array, not as arguments, because int32
   * values beyond ±2^30 passed to a call are boxed: one heap allocation per value counted.
   */
  private find(buf: Uint8Array, start: number, end: number): number {
    const h1 = this.hash[0]! | 0;
    const h2 = this.hash[1]! | 0;
    let slot = h2 & this.mask;
    for (;;) {
      const e = this.index[slot]!;
      if (e < 0) {
        this.probe = slot;
        return -1;
      }
      if (this.hashHi[e] === h1 && this.hashLo[e] === h2 && this.keyEquals(e, buf, start, end)) return e;
      slot = (slot + 1) & this.mask;
    }
  }

  private keyEquals(e: number, buf: Uint8Array, start: number, end: number): boolean {
    const length = this.keyLength[e]!;
    if (length !== end - start) return false;
    const at = this.keyStart[e]!;
    for (let i = 0; i < length; i++) if (this.arena[at + i] !== buf[start + i]) return false;
    return true;
  }

  /** Adds `weight` to the value whose hash is in `this.hash`, inserting it if new. */
  private upsert(buf: Uint8Array, start: number, end: number, weight: number): void {
    const found = this.find(buf, start, end);
    if (found >= 0) {
      this.counts[found]! += weight;
      return;
    }
    if (this.size === this.counts.length) {
      this.grow(this.size * 2);
      this.find(buf, start, end);
    }
    const length = end - start;
    if (this.arenaUsed + length > this.arena.length) {
      const grown = new Uint8Array(Math.max(this.arena.length * 2, this.arenaUsed + length));
      grown.set(this.arena.subarray(0, this.arenaUsed));
      this.arena = grown;
    }
    this.arena.set(buf.subarray(start, end), this.arenaUsed);
    const e = this.size++;
    this.hashHi[e] = this.hash[0]! | 0;
    this.hashLo[e] = this.hash[1]! | 0;
    this.counts[e] = weight;
    this.keyStart[e] = this.arenaUsed;
    this.keyLength[e] = length;
    this.arenaUsed += length;
    this.index[this.probe] = e;
  }

  /** Room for `slots` entries (≥ size) and an index at most half full. */
  private grow(slots: number): void {
    const size = this.size;
    const copy = <T extends Int32Array | Float64Array>(old: T, fresh: T): T => {
      fresh.set(old.subarray(0, size));
      return fresh;
    };
    this.hashHi = copy(this.hashHi, new Int32Array(slots));
    this.hashLo = copy(this.hashLo, new Int32Array(slots));
    this.counts = copy(this.counts, new Float64Array(slots));
    this.keyStart = copy(this.keyStart, new Int32Array(slots));
    this.keyLength = copy(this.keyLength, new Int32Array(slots));
    this.index = new Int32Array(2 * slots);
    this.mask = 2 * slots - 1;
    this.rebuildIndex();
  }

  private rebuildIndex(): void {
    this.index.fill(-1);
    for (let e = 0; e < this.size; e++) {
      let slot = this.hashLo[e]! & this.mask;
      while (this.index[slot]! >= 0) slot = (slot + 1) & this.mask;
      this.index[slot] = e;
    }
  }

  private keyOf(e: number): string {
    const start = this.keyStart[e]!;
    return decoder.decode(this.arena.subarray(start, start + this.keyLength[e]!));
  }

  toJSON(): FrequentItemsJSON {
    const order = Array.from({ length: this.size }, (_, e) => e);
    const keys = order.map((e) => this.keyOf(e));
    order.sort((a, b) => this.counts[b]! - this.counts[a]! || (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : 0));
    return {
      kind: 'frequent-items',
      version: 2,
      exactLimit: this.exactLimit,
      level: this.sampleLevel,
      n: this.n,
      items: order.map((e): [string, number] => [keys[e]!, this.counts[e]!]),
    };
  }

  static fromJSON(value: unknown, path = '$'): FrequentItems {
    const obj: JsonObject = expectSketch(value, 'frequent-items', [2], path);
    const exactLimit = expectInteger(obj, 'exactLimit', path, 1, MAX_LIMIT);
    const level = expectInteger(obj, 'level', path, 0, MAX_LEVEL);
    const n = expectInteger(obj, 'n', path, 0, Number.MAX_SAFE_INTEGER);
    const items = expectArray(obj, 'items', path);
    if (items.length > exactLimit && level < MAX_LEVEL) {
      fail(`${path}.items`, `holds ${items.length} values but the exact limit is ${exactLimit}`);
    }
    const sketch = new FrequentItems({ exactLimit });
    sketch.sampleLevel = level;
    let total = 0;
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      const at = `${path}.items[${i}]`;
      if (!Array.isArray(item) || item.length !== 2 || typeof item[0] !== 'string') {
        fail(at, `expected a [value, count] pair with a string value, got ${describeValue(item)}`);
      }
      const count = item[1] as unknown;
      if (typeof count !== 'number' || !Number.isInteger(count) || count < 1) {
        fail(`${at}[1]`, `expected a positive integer count, got ${describeValue(count)}`);
      }
      const length = encodeUtf8Scratch(item[0]);
      const buf = utf8Scratch();
      hashBytes(buf, 0, length, sketch.hash);
      if (!sketch.sampled(sketch.hash[0]!))
        fail(`${at}[0]`, `value ${describeValue(item[0])} is not in a level-${level} sample`);
      if (sketch.find(buf, 0, length) >= 0) fail(`${at}[0]`, `value ${describeValue(item[0])} appears twice`);
      sketch.upsert(buf, 0, length, count);
      total += count;
    }
    if (level === 0 ? total !== n : total > n) {
      fail(
        `${path}.n`,
        `n is ${n} but the counts sum to ${total}${level === 0 ? ' (an exact summary counts every value)' : ''}`,
      );
    }
    sketch.n = n;
    return sketch;
  }
}

/** Whether a value whose hash has high word `hi` is kept at `level`: its top `level` bits are zero. */
function passes(hi: number, level: number): boolean {
  return level === 0 || hi >>> (32 - level) === 0;
}
