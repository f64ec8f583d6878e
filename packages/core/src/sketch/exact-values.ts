import { UserError } from '../errors.js';
import { ByteReader, ByteWriter, readAscending, writeAscending } from './codec.js';
import { describeValue, expectInteger, expectSketch, fail, type JsonObject } from './json.js';

/** Values a column keeps exactly by default, per side: above it the value grid stands in (see `ValueGrid`). */
export const DEFAULT_EXACT_VALUES = 1_000_000;
export const MAX_EXACT_VALUES = 100_000_000;
/** Values per chunk of kept values at most (512 KB). */
const CHUNK = 1 << 16;

/** A column's values as a sorted multiset: ascending distinct values and how often each occurred. */
export interface ValueCounts {
  values: Float64Array;
  counts: Float64Array;
  /** Σ counts. */
  n: number;
}

export interface ExactValuesJSON {
  kind: 'exact-values';
  version: 1;
  cap: number;
  /** Values seen; past `cap` nothing is kept and there is no data. */
  n: number;
  /**
   * Nothing is kept though `n` is within the cap: a shard that dropped its values because the pass it belongs to
   * has more than `cap` (see `NumberSummary.shareCount`).
   */
  dropped?: true;
  /** The sorted distinct values and their counts, compactly encoded (see codec.ts). */
  data?: string;
  /** The same values as they came (unsorted), for passing a profile between threads without encoding it. */
  raw?: Float64Array;
}

/**
 * Every finite value of a column, kept while there are at most `cap` of them: what exact statistics (KS, the
 * Wasserstein distance, quantiles, distinct counts) need. Past the cap the values are dropped for good — the
 * column's `ValueGrid` bounds those statistics instead — so whether a column is exact depends only on how many
 * values it has, never on how the rows were split across threads or shards.
 */
export class ExactValues {
  private limit: number;
  /**
   * The kept values in arrays that are never written again, then `tail`, which takes new values; null past the cap.
   * Full chunks rather than one array that doubles: at the cap a column holds its values and no copies of them.
   */
  private chunks: Float64Array[] | null = [];
  private tail = new Float64Array(0);
  private tailCount = 0;
  private n = 0;
  private sorted: ValueCounts | null = null;

  constructor(cap: number = DEFAULT_EXACT_VALUES) {
    if (!Number.isInteger(cap) || cap < 0 || cap > MAX_EXACT_VALUES) {
      throw new UserError(`exact values per column must be an integer from 0 to ${MAX_EXACT_VALUES}, got ${cap}`);
    }
    this.limit = cap;
  }

  /** Values kept at most. */
  get cap(): number {
    return this.limit;
  }

  /** Values seen, including those dropped past the cap. */
  get count(): number {
    return this.n;
  }

  /** Whether every value seen is kept. */
  get isExact(): boolean {
    return this.chunks !== null;
  }

  add(x: number): void {
    const n = this.n++;
    if (this.chunks === null) return;
    if (n >= this.limit) {
      this.drop();
      return;
    }
    if (this.tailCount === this.tail.length) this.newTail();
    this.tail[this.tailCount++] = x;
    this.sorted = null;
  }

  /** `add` of values[from..to), in order, a block at a time. */
  addAll(values: Float64Array, from: number, to: number): void {
    let i = from;
    while (i < to) {
      if (this.chunks === null || this.n >= this.limit) break;
      if (this.tailCount === this.tail.length) this.newTail();
      const take = Math.min(to - i, this.tail.length - this.tailCount, this.limit - this.n);
      this.tail.set(values.subarray(i, i + take), this.tailCount);
      this.tailCount += take;
      this.n += take;
      i += take;
      this.sorted = null;
    }
    if (i === to) return;
    // Past the cap: counted, and the values go.
    this.n += to - i;
    if (this.chunks !== null) this.drop();
  }

  /** Drops the kept values for good (the count goes on): for a column that has more than `cap` elsewhere too. */
  drop(): void {
    this.chunks = null;
    this.tail = new Float64Array(0);
    this.tailCount = 0;
    this.sorted = null;
  }

  /** Retires a full tail; the next one is twice as large, up to CHUNK. */
  private newTail(): void {
    if (this.tailCount > 0) this.chunks!.push(this.tail.subarray(0, this.tailCount));
    this.tail = new Float64Array(Math.min(CHUNK, Math.max(16, 2 * this.tail.length)));
    this.tailCount = 0;
  }

  /** Calls `f` with the kept values a chunk at a time, in the order they came. */
  forEachChunk(f: (chunk: Float64Array) => void): void {
    for (const chunk of this.parts()) f(chunk);
  }

  private parts(): Float64Array[] {
    if (this.chunks === null) return [];
    return this.tailCount > 0 ? [...this.chunks, this.tail.subarray(0, this.tailCount)] : this.chunks;
  }

  /** The kept values in one array, in the order they came. */
  private joined(): Float64Array {
    const out = new Float64Array(this.n);
    let at = 0;
    for (const chunk of this.parts()) {
      out.set(chunk, at);
      at += chunk.length;
    }
    return out;
  }

  merge(other: ExactValues): this {
    if (other.n === 0) return this;
    // An empty side (a shard without values in the column) takes the other's cap.
    if (this.n === 0) this.limit = other.cap;
    if (other.cap !== this.cap) {
      throw new UserError(`cannot merge profiles kept with different exact-value caps (${this.cap} and ${other.cap})`);
    }
    const n = this.n + other.n;
    if (this.chunks === null || other.chunks === null || n > this.cap) {
      this.drop();
    } else {
      // The other's chunks are never written again, so they are shared; its tail may be, so it is copied.
      if (this.tailCount > 0) this.chunks.push(this.tail.subarray(0, this.tailCount));
      this.chunks.push(...other.chunks);
      if (other.tailCount > 0) this.chunks.push(other.tail.slice(0, other.tailCount));
      this.tail = new Float64Array(0);
      this.tailCount = 0;
    }
    this.n = n;
    this.sorted = null;
    return this;
  }

  /** The kept values as a sorted multiset, or undefined once past the cap. */
  valueCounts(): ValueCounts | undefined {
    if (this.chunks === null) return undefined;
    if (this.sorted === null) {
      const all = this.joined().sort();
      const values: number[] = [];
      const counts: number[] = [];
      for (let i = 0; i < all.length;) {
        let j = i + 1;
        while (j < all.length && all[j] === all[i]) j++;
        values.push(all[i]!);
        counts.push(j - i);
        i = j;
      }
      this.sorted = { values: Float64Array.from(values), counts: Float64Array.from(counts), n: this.n };
    }
    return this.sorted;
  }

  /** `raw` hands the values over as they are, for a worker's result. */
  toJSON(options: { raw?: boolean } = {}): ExactValuesJSON {
    const base = { kind: 'exact-values' as const, version: 1 as const, cap: this.cap, n: this.n };
    if (this.chunks === null) return this.n > this.cap ? base : { ...base, dropped: true };
    if (options.raw) return { ...base, raw: this.joined() };
    const { values, counts } = this.valueCounts()!;
    const out = new ByteWriter();
    out.varint(values.length);
    writeAscending(out, values);
    for (const count of counts) out.varint(count - 1);
    return { ...base, data: out.encode() };
  }

  static fromJSON(value: unknown, path: string): ExactValues {
    const obj: JsonObject = expectSketch(value, 'exact-values', [1], path);
    const cap = expectInteger(obj, 'cap', path, 0, MAX_EXACT_VALUES);
    const n = expectInteger(obj, 'n', path, 0, Number.MAX_SAFE_INTEGER);
    const exact = new ExactValues(cap);
    exact.n = n;
    if (obj.dropped !== undefined && obj.dropped !== true) fail(`${path}.dropped`, 'expected true or no key');
    if (n > cap || obj.dropped === true) {
      if (obj.data !== undefined || obj.raw !== undefined)
        fail(
          path,
          n > cap ? `holds values, but ${n} is past its cap of ${cap}` : 'holds values, but says they were dropped',
        );
      exact.chunks = null;
      return exact;
    }
    if (obj.raw instanceof Float64Array) {
      if (obj.raw.length !== n) fail(`${path}.raw`, `holds ${obj.raw.length} values, expected ${n}`);
      exact.chunks = [obj.raw];
      return exact;
    }
    if (obj.data === undefined) fail(`${path}.data`, `expected the encoded values, got ${describeValue(obj.data)}`);
    const input = ByteReader.decode(obj.data, `${path}.data`);
    const distinct = input.varint();
    if (distinct > n) fail(`${path}.data`, `holds ${distinct} distinct values but only ${n} values`);
    const values = readAscending(input, distinct, `${path}.data`);
    const counts = new Float64Array(distinct);
    let total = 0;
    for (let i = 0; i < distinct; i++) total += counts[i] = input.varint() + 1;
    input.end();
    if (total !== n) fail(`${path}.n`, `is ${n} but the counts sum to ${total}`);
    const expanded = new Float64Array(n);
    let at = 0;
    for (let i = 0; i < distinct; i++) expanded.fill(values[i]!, at, (at += counts[i]!));
    exact.chunks = [expanded];
    exact.sorted = { values, counts, n };
    return exact;
  }
}
