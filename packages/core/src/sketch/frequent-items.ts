import { UserError } from '../errors.js';
import { describeValue, expectArray, expectInteger, expectSketch, fail, type JsonObject } from './json.js';
import { encodeUtf8Scratch, hashBytes, utf8Scratch } from './hash.js';

export const DEFAULT_FREQUENT_CAPACITY = 64;
export const DEFAULT_EXACT_LIMIT = 1000;
const MAX_SLOTS = 1 << 20;

export interface FrequentItemsOptions {
  /** Counters kept once the summary is approximate (Misra–Gries k). */
  capacity?: number;
  /** Distinct values counted exactly before degrading to the approximate summary. */
  exactLimit?: number;
}

export interface FrequentItem {
  value: string;
  /** Never more than the true count; exact while `isExact`. */
  count: number;
  /** Never less than the true count: count + maxError. */
  upperBound: number;
}

export interface FrequentItemsJSON {
  kind: 'frequent-items';
  version: 1;
  capacity: number;
  exactLimit: number;
  exact: boolean;
  n: number;
  maxError: number;
  /** [value, count] pairs, highest count first. */
  items: [string, number][];
}

const decoder = new TextDecoder();

/**
 * Counts of categorical values: exact while at most `exactLimit` distinct values have been
 * seen (what chi-square drift needs), then a Misra–Gries summary with `capacity` counters.
 *
 * Guarantee in the approximate mode (Agarwal et al., "Mergeable summaries", 2012, which also
 * gives the merge used here): every reported count undercounts by at most `maxError`, and
 * maxError ≤ (n − Σcounts)/(capacity + 1) ≤ n/(capacity + 1). So every value occurring more than
 * n/(capacity + 1) times is kept. The bound holds for any tree of merges.
 *
 * Values are identified by their UTF-8 bytes (`addBytes` takes a byte range straight from a
 * reader buffer; `addString` encodes first, giving the same identity). Keys live in one byte
 * arena, so counting an already-seen value allocates nothing.
 */
export class FrequentItems {
  readonly capacity: number;
  readonly exactLimit: number;
  private exact = true;
  /** exactLimit while exact, capacity after: more entries than this trigger `enforceLimit`. */
  private sizeLimit: number;
  private n = 0;
  private error = 0;
  private size = 0;
  private slots: number;
  private hashHi = new Int32Array(0);
  private hashLo = new Int32Array(0);
  private counts = new Float64Array(0);
  private keyStart = new Int32Array(0);
  private keyLength = new Int32Array(0);
  private arena = new Uint8Array(1024);
  private arenaUsed = 0;
  /** Open-addressing table (linear probing) of entry numbers; -1 marks a free slot. */
  private index = new Int32Array(0);
  private mask = 0;
  private probe = 0;
  private readonly hash = new Uint32Array(2);

  constructor({ capacity = DEFAULT_FREQUENT_CAPACITY, exactLimit = DEFAULT_EXACT_LIMIT }: FrequentItemsOptions = {}) {
    if (!Number.isInteger(capacity) || capacity < 1 || capacity >= MAX_SLOTS) {
      throw new UserError(`frequent-items capacity must be an integer in [1, ${MAX_SLOTS - 1}], got ${capacity}`);
    }
    if (!Number.isInteger(exactLimit) || exactLimit < 0 || exactLimit >= MAX_SLOTS) {
      throw new UserError(`frequent-items exact limit must be an integer in [0, ${MAX_SLOTS - 1}], got ${exactLimit}`);
    }
    this.capacity = capacity;
    this.exactLimit = exactLimit;
    this.sizeLimit = exactLimit;
    this.slots = 0;
    this.resize(exactLimit + 1);
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
    this.upsert(buf, start, end, 1);
    if (this.size > this.sizeLimit) this.enforceLimit();
  }

  addString(value: string): void {
    const length = encodeUtf8Scratch(value);
    this.addBytes(utf8Scratch(), 0, length);
  }

  /** Total number of values counted. */
  get count(): number {
    return this.n;
  }

  get isExact(): boolean {
    return this.exact;
  }

  /** Largest possible undercount of any value (0 while exact). */
  get maxError(): number {
    return this.error;
  }

  /** Number of distinct values while exact; undefined once approximate. */
  get exactDistinct(): number | undefined {
    return this.exact ? this.size : undefined;
  }

  /** Every value with its count while exact; undefined once approximate. */
  exactCounts(): Map<string, number> | undefined {
    if (!this.exact) return undefined;
    const map = new Map<string, number>();
    for (let e = 0; e < this.size; e++) map.set(this.keyOf(e), this.counts[e]!);
    return map;
  }

  /** The kept values, highest count first (ties by value), at most `limit` of them. */
  topItems(limit = Infinity): FrequentItem[] {
    const order = Array.from({ length: this.size }, (_, e) => e);
    const keys = order.map((e) => this.keyOf(e));
    order.sort((a, b) => this.counts[b]! - this.counts[a]! || (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : 0));
    return order.slice(0, Math.min(limit, order.length)).map((e) => ({
      value: keys[e]!,
      count: this.counts[e]!,
      upperBound: this.counts[e]! + this.error,
    }));
  }

  /** Bounds on how often `value` occurred; a value not kept has count 0 and upper bound maxError. */
  bounds(value: string): { count: number; upperBound: number } {
    const length = encodeUtf8Scratch(value);
    const buf = utf8Scratch();
    hashBytes(buf, 0, length, this.hash);
    const e = this.find(buf, 0, length);
    const count = e < 0 ? 0 : this.counts[e]!;
    return { count, upperBound: count + this.error };
  }

  /**
   * Folds `other` into this: counters of equal values add up, errors add up, and if more
   * values remain than the mode allows, the (capacity+1)-th largest count is subtracted from
   * all (Agarwal et al.), which keeps the n/(capacity + 1) guarantee.
   */
  merge(other: FrequentItems): this {
    if (other.capacity !== this.capacity || other.exactLimit !== this.exactLimit) {
      throw new UserError(
        `cannot merge frequent-items summaries with different settings (capacity ${this.capacity}/${other.capacity}, ` +
          `exact limit ${this.exactLimit}/${other.exactLimit})`,
      );
    }
    const entries = other.size;
    const hashHi = other.hashHi.slice(0, entries);
    const hashLo = other.hashLo.slice(0, entries);
    const counts = other.counts.slice(0, entries);
    const keyStart = other.keyStart.slice(0, entries);
    const keyLength = other.keyLength.slice(0, entries);
    const arena = other.arena.slice(0, other.arenaUsed);
    this.resize(Math.max(this.slots, this.size + entries + 1));
    for (let e = 0; e < entries; e++) {
      this.hash[0] = hashHi[e]!;
      this.hash[1] = hashLo[e]!;
      this.upsert(arena, keyStart[e]!, keyStart[e]! + keyLength[e]!, counts[e]!);
    }
    this.n += other.n;
    this.error += other.error;
    if (!other.exact) {
      this.exact = false;
      this.sizeLimit = this.capacity;
    }
    this.enforceLimit();
    if (this.exact && this.slots !== this.exactLimit + 1) this.resize(this.exactLimit + 1);
    return this;
  }

  /** Degrades to the approximate mode past the exact limit and keeps at most `capacity` counters there. */
  private enforceLimit(): void {
    if (this.exact && this.size <= this.exactLimit) return;
    this.exact = false;
    this.sizeLimit = this.capacity;
    if (this.size > this.capacity) this.subtract(this.countAtRank(this.capacity + 1));
    if (this.slots !== this.capacity + 1) this.resize(this.capacity + 1);
  }

  /** The r-th largest count (1-based). With one entry over capacity this is simply the minimum. */
  private countAtRank(r: number): number {
    if (r === this.size) {
      let min = Infinity;
      for (let e = 0; e < this.size; e++) if (this.counts[e]! < min) min = this.counts[e]!;
      return min;
    }
    const sorted = this.counts.slice(0, this.size).sort();
    return sorted[this.size - r]!;
  }

  /** Subtracts `amount` from every counter, drops those at zero, and compacts entries and keys. */
  private subtract(amount: number): void {
    let kept = 0;
    let arenaUsed = 0;
    for (let e = 0; e < this.size; e++) {
      const c = this.counts[e]! - amount;
      if (c <= 0) continue;
      const start = this.keyStart[e]!;
      const length = this.keyLength[e]!;
      this.arena.copyWithin(arenaUsed, start, start + length);
      this.hashHi[kept] = this.hashHi[e]!;
      this.hashLo[kept] = this.hashLo[e]!;
      this.counts[kept] = c;
      this.keyStart[kept] = arenaUsed;
      this.keyLength[kept] = length;
      arenaUsed += length;
      kept++;
    }
    this.size = kept;
    this.arenaUsed = arenaUsed;
    this.error += amount;
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

  /** Reallocates entry storage for `slots` entries (≥ size) and an index at most half full. */
  private resize(slots: number): void {
    const size = this.size;
    const grow = <T extends Int32Array | Float64Array>(old: T, fresh: T): T => {
      fresh.set(old.subarray(0, size));
      return fresh;
    };
    this.hashHi = grow(this.hashHi, new Int32Array(slots));
    this.hashLo = grow(this.hashLo, new Int32Array(slots));
    this.counts = grow(this.counts, new Float64Array(slots));
    this.keyStart = grow(this.keyStart, new Int32Array(slots));
    this.keyLength = grow(this.keyLength, new Int32Array(slots));
    this.slots = slots;
    let tableSize = 8;
    while (tableSize < slots * 2) tableSize *= 2;
    this.index = new Int32Array(tableSize);
    this.mask = tableSize - 1;
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
    return {
      kind: 'frequent-items',
      version: 1,
      capacity: this.capacity,
      exactLimit: this.exactLimit,
      exact: this.exact,
      n: this.n,
      maxError: this.error,
      items: this.topItems().map((item): [string, number] => [item.value, item.count]),
    };
  }

  static fromJSON(value: unknown, path = '$'): FrequentItems {
    const obj: JsonObject = expectSketch(value, 'frequent-items', [1], path);
    const capacity = expectInteger(obj, 'capacity', path, 1, MAX_SLOTS - 1);
    const exactLimit = expectInteger(obj, 'exactLimit', path, 0, MAX_SLOTS - 1);
    const n = expectInteger(obj, 'n', path, 0, Number.MAX_SAFE_INTEGER);
    const maxError = expectInteger(obj, 'maxError', path, 0, Number.MAX_SAFE_INTEGER);
    if (typeof obj.exact !== 'boolean')
      fail(`${path}.exact`, `expected true or false, got ${describeValue(obj.exact)}`);
    const exact = obj.exact;
    const items = expectArray(obj, 'items', path);
    const limit = exact ? exactLimit : capacity;
    if (items.length > limit) {
      fail(
        `${path}.items`,
        `holds ${items.length} values but ${exact ? 'the exact limit' : 'the capacity'} is ${limit}`,
      );
    }
    if (exact && maxError !== 0) fail(`${path}.maxError`, `an exact summary has maxError 0, got ${maxError}`);

    const sketch = new FrequentItems({ capacity, exactLimit });
    sketch.exact = exact;
    sketch.sizeLimit = limit;
    sketch.resize(limit + 1);
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
      if (sketch.find(buf, 0, length) >= 0) fail(`${at}[0]`, `value ${describeValue(item[0])} appears twice`);
      sketch.upsert(buf, 0, length, count);
      total += count;
    }
    if (exact ? total !== n : total > n) {
      fail(
        `${path}.n`,
        `n is ${n} but the counts sum to ${total}${exact ? ' (an exact summary counts every value)' : ''}`,
      );
    }
    sketch.n = n;
    sketch.error = maxError;
    return sketch;
  }
}
