import type { RecordBatch } from '../data/batch.js';
import { FieldFlag } from '../data/batch.js';
import { isBooleanText } from '../data/boolean-text.js';
import { parseNumber } from '../data/number.js';
import { FrequentItems, type FrequentItem, type FrequentItemsJSON } from '../sketch/frequent-items.js';
import { hashBytes } from '../sketch/hash.js';
import { Histogram, DEFAULT_HISTOGRAM_BINS } from '../sketch/histogram.js';
import { HyperLogLog, type HyperLogLogJSON } from '../sketch/hll.js';
import { describeValue, expectInteger, fail, type JsonObject } from '../sketch/json.js';
import { KllSketch, type KllJSON } from '../sketch/kll.js';
import { Moments, type MomentsJSON } from '../sketch/moments.js';
import { parseIsoDateTime } from './datetime.js';
import type { ParsedColumn } from './parsed-column.js';
import { inferType, VALUE_KINDS, type ColumnType, type TypeCounts } from './infer-type.js';

export interface ProfileOptions {
  /** KLL parameter (default 200: rank error ≈ 1.33% at 99% confidence). */
  kllK?: number;
  /** HyperLogLog precision (default 14: 0.81% relative standard error). */
  hllPrecision?: number;
  /** Distinct text values counted exactly; past it, a hash sample of them is (see `FrequentItems`). */
  frequentExactLimit?: number;
  /**
   * Read quoted values as text even when they look like numbers, dates or booleans. Right for
   * JSON Lines, where a quoted value is a JSON string; wrong for CSV, where quoting is only syntax.
   */
  quotedIsText?: boolean;
}

export interface ColumnProfileJSON {
  name: string;
  /** Rows seen, nulls included. */
  count: number;
  nulls: number;
  /** What each non-null value parses as; they sum to count − nulls. */
  typeCounts: TypeCounts;
  /** Numeric values that are ±Infinity (kept out of moments and quantiles). */
  nonFinite: number;
  /** Shortest and longest non-null value in Unicode code points; null when all values are null. */
  length: { min: number; max: number } | null;
  /** Earliest and latest datetime value in ms since the epoch (UTC); null when there is none. */
  datetime: { min: number; max: number } | null;
  moments: MomentsJSON;
  kll: KllJSON;
  /** Distinct non-null values: numbers hashed by value (so 1 and 1.0 are one), text by its bytes. */
  hll: HyperLogLogJSON;
  /** Text, boolean and datetime values. */
  frequent: FrequentItemsJSON;
  /** Numeric values as written, counted exactly; null once the column had more distinct ones than the limit. */
  numericFrequent: FrequentItemsJSON | null;
  /** Derived from the fields above when written, for people reading the file; ignored when read back. */
  summary?: ColumnSummary;
}

export interface ColumnSummary {
  type: ColumnType;
  count: number;
  nulls: number;
  nullFraction: number;
  distinct: number;
  length: { min: number; max: number } | null;
  numeric: NumericSummary | null;
  datetime: { min: string; max: string } | null;
  top: FrequentItem[];
}

export interface NumericSummary {
  count: number;
  mean: number;
  /** Sample standard deviation (n − 1); null with fewer than two values. */
  stddev: number | null;
  min: number;
  max: number;
  sum: number;
  /** Quantiles from the KLL sketch, keyed by percent. */
  quantiles: Record<string, number>;
  /** Each quantile's true rank is within this of the requested one (99% confidence). */
  rankError: number;
  histogram: { edges: number[]; counts: number[] };
}

interface ColumnSketches {
  moments: Moments;
  kll: KllSketch;
  hll: HyperLogLog;
  frequent: FrequentItems;
  numericFrequent: FrequentItems | null;
}

/** Distinct numbers counted as written while this many or fewer (enough to test them as categories). */
const NUMERIC_EXACT_LIMIT = 1000;
const QUANTILE_PERCENTS = [1, 5, 25, 50, 75, 95, 99];
const TOP_VALUES = 10;
const JSON_KEYS = new Set([
  'name',
  'count',
  'nulls',
  'typeCounts',
  'nonFinite',
  'length',
  'datetime',
  'moments',
  'kll',
  'hll',
  'frequent',
  'numericFrequent',
  'summary',
]);

/**
 * One column's mergeable profile: counts, type evidence and sketches, fed a batch column at a
 * time straight from the reader's bytes. Every value takes one path decided by its own text, never
 * by the column's (yet unknown) type, so profiles of shards merge to what one pass would give.
 *
 * A non-null value that parses as a number feeds the moments, the KLL sketch, the distinct count
 * (hashed as a double) and the exact numeric counts; any other value feeds the distinct count
 * (hashed as UTF-8 bytes) and the frequent-items summary. Only values counted as frequent items
 * are ever decoded to strings, and only when the summary is read.
 */
export class ColumnProfile {
  count = 0;
  nulls = 0;
  readonly typeCounts: TypeCounts = { integer: 0, number: 0, boolean: 0, datetime: 0, string: 0 };
  nonFinite = 0;
  minLength = Infinity;
  maxLength = -Infinity;
  minTime = Infinity;
  maxTime = -Infinity;
  readonly moments: Moments;
  readonly kll: KllSketch;
  readonly hll: HyperLogLog;
  readonly frequent: FrequentItems;
  numericFrequent: FrequentItems | null;
  private readonly quotedIsText: boolean;
  private readonly hash = new Uint32Array(2);

  constructor(
    readonly name: string,
    options: ProfileOptions = {},
    sketches?: ColumnSketches,
  ) {
    const frequentOptions = {
      ...(options.frequentExactLimit !== undefined && { exactLimit: options.frequentExactLimit }),
    };
    this.moments = sketches?.moments ?? new Moments();
    this.kll = sketches?.kll ?? new KllSketch(options.kllK);
    this.hll = sketches?.hll ?? new HyperLogLog(options.hllPrecision);
    this.frequent = sketches?.frequent ?? new FrequentItems(frequentOptions);
    this.numericFrequent = sketches
      ? sketches.numericFrequent
      : new FrequentItems({ exactLimit: Math.min(NUMERIC_EXACT_LIMIT, options.frequentExactLimit ?? Infinity) });
    this.quotedIsText = options.quotedIsText ?? false;
  }

  /** Counts `rows` rows in which this column was absent (JSON Lines keys first seen later). */
  addMissing(rows: number): void {
    this.count += rows;
    this.nulls += rows;
  }

  /**
   * Consumes column `col` of every row of `batch`; with `parsed`, also records per row whether the
   * value is null and the number it reads as (for the row checks of the same pass).
   */
  addBatch(batch: RecordBatch, col: number, parsed?: ParsedColumn): void {
    const { bytes, starts, ends, flags, columnCount, rowCount } = batch;
    const types = this.typeCounts;
    const quotedIsText = this.quotedIsText;
    let nulls = 0;
    let minLength = this.minLength;
    let maxLength = this.maxLength;
    for (let row = 0, k = col; row < rowCount; row++, k += columnCount) {
      const isNull = batch.isNull(row, col);
      if (parsed) {
        parsed.nulls[row] = isNull ? 1 : 0;
        parsed.numbers[row] = NaN;
      }
      if (isNull) {
        nulls++;
        continue;
      }
      const start = starts[k]!;
      const end = ends[k]!;
      const flag = flags[k]!;
      const length = (flag & FieldFlag.NON_ASCII) === 0 ? end - start : codePoints(bytes, start, end);
      if (length < minLength) minLength = length;
      if (length > maxLength) maxLength = length;
      if ((flag & FieldFlag.BOOLEAN) !== 0) {
        types.boolean++;
        this.addText(bytes, start, end);
        continue;
      }
      let value: number;
      if (quotedIsText && (flag & FieldFlag.QUOTED) !== 0) {
        value = NaN;
        if (parsed) parsed.numbers[row] = parseNumber(bytes, start, end);
      } else {
        value = parseNumber(bytes, start, end);
        if (parsed) parsed.numbers[row] = value;
      }
      if (value === value) {
        this.addNumber(value, bytes, start, end);
        continue;
      }
      if (isBooleanText(bytes, start, end)) types.boolean++;
      else {
        const time = parseIsoDateTime(bytes, start, end);
        if (time === time) {
          types.datetime++;
          if (time < this.minTime) this.minTime = time;
          if (time > this.maxTime) this.maxTime = time;
        } else types.string++;
      }
      this.addText(bytes, start, end);
    }
    this.count += rowCount;
    this.nulls += nulls;
    this.minLength = minLength;
    this.maxLength = maxLength;
  }

  private addNumber(value: number, bytes: Uint8Array, start: number, end: number): void {
    if (value - value !== 0) {
      this.nonFinite++;
      this.typeCounts.number++;
    } else if (Number.isInteger(value) && isPlainInteger(bytes, start, end)) this.typeCounts.integer++;
    else this.typeCounts.number++;
    this.moments.add(value);
    this.kll.add(value);
    this.hll.addNumber(value);
    const exact = this.numericFrequent;
    if (exact !== null) {
      exact.addBytes(bytes, start, end);
      if (!exact.isExact) this.numericFrequent = null;
    }
  }

  private addText(bytes: Uint8Array, start: number, end: number): void {
    const hash = this.hash;
    hashBytes(bytes, start, end, hash);
    this.hll.addHash(hash[0]!, hash[1]!);
    this.frequent.addHashedBytes(bytes, start, end, hash[0]!, hash[1]!);
  }

  /** Folds `other` (a profile of the same column over other rows) into this. */
  merge(other: ColumnProfile): this {
    this.count += other.count;
    this.nulls += other.nulls;
    for (const kind of VALUE_KINDS) this.typeCounts[kind] += other.typeCounts[kind];
    this.nonFinite += other.nonFinite;
    this.minLength = Math.min(this.minLength, other.minLength);
    this.maxLength = Math.max(this.maxLength, other.maxLength);
    this.minTime = Math.min(this.minTime, other.minTime);
    this.maxTime = Math.max(this.maxTime, other.maxTime);
    this.moments.merge(other.moments);
    this.kll.merge(other.kll);
    this.hll.merge(other.hll);
    this.frequent.merge(other.frequent);
    // Exact numeric counts survive only if they would have in one pass: the union stays under the limit.
    if (this.numericFrequent === null || other.numericFrequent === null) this.numericFrequent = null;
    else if (!this.numericFrequent.merge(other.numericFrequent).isExact) this.numericFrequent = null;
    return this;
  }

  get nonNull(): number {
    return this.count - this.nulls;
  }

  /** The column's type by the rule in `inferType`. */
  get type(): ColumnType {
    return inferType(this.typeCounts);
  }

  /** Estimated number of distinct non-null values (HyperLogLog, ≈0.8% standard error at p = 14). */
  get distinct(): number {
    return this.nonNull === 0 ? 0 : Math.max(1, Math.round(this.hll.estimate()));
  }

  /** Most frequent values: numeric ones (while exactly counted) for numeric columns, text values otherwise. */
  topValues(limit = TOP_VALUES): FrequentItem[] {
    const type = this.type;
    const numeric = type === 'integer' || type === 'number';
    if (numeric) return this.numericFrequent?.topItems(limit) ?? [];
    return this.frequent.topItems(limit);
  }

  /** Equal-width histogram of the numeric values, drawn from the KLL sketch. */
  histogram(bins = DEFAULT_HISTOGRAM_BINS): Histogram {
    return Histogram.fromKll(this.kll, bins);
  }

  summary(): ColumnSummary {
    return {
      type: this.type,
      count: this.count,
      nulls: this.nulls,
      nullFraction: this.count === 0 ? 0 : this.nulls / this.count,
      distinct: this.distinct,
      length: this.lengthRange(),
      numeric: this.numericSummary(),
      datetime:
        this.minTime <= this.maxTime
          ? { min: new Date(this.minTime).toISOString(), max: new Date(this.maxTime).toISOString() }
          : null,
      top: this.topValues(),
    };
  }

  private lengthRange(): { min: number; max: number } | null {
    return this.minLength <= this.maxLength ? { min: this.minLength, max: this.maxLength } : null;
  }

  private numericSummary(): NumericSummary | null {
    const m = this.moments;
    if (m.count === 0) return null;
    const quantiles: Record<string, number> = {};
    for (const percent of QUANTILE_PERCENTS) quantiles[`p${percent}`] = this.kll.quantile(percent / 100);
    const histogram = this.histogram();
    return {
      count: m.count,
      mean: m.mean,
      stddev: m.count < 2 ? null : m.sampleStdDev,
      min: m.min,
      max: m.max,
      sum: m.sum,
      quantiles,
      rankError: this.kll.normalizedRankError(),
      histogram: { edges: [...histogram.edges], counts: [...histogram.counts] },
    };
  }

  toJSON(): ColumnProfileJSON {
    const numericFrequent = this.numericFrequent?.toJSON() ?? null;
    return {
      name: this.name,
      count: this.count,
      nulls: this.nulls,
      typeCounts: { ...this.typeCounts },
      nonFinite: this.nonFinite,
      length: this.lengthRange(),
      datetime: this.minTime <= this.maxTime ? { min: this.minTime, max: this.maxTime } : null,
      moments: this.moments.toJSON(),
      kll: this.kll.toJSON(),
      hll: this.hll.toJSON(),
      frequent: this.frequent.toJSON(),
      numericFrequent,
      summary: this.summary(),
    };
  }

  /** Reads a column written by `toJSON`, checking its shape and that its counts agree with each other. */
  static fromJSON(value: unknown, path: string): ColumnProfile {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      fail(path, `expected a column profile object, got ${describeValue(value)}`);
    }
    const obj = value as JsonObject;
    for (const key of Object.keys(obj)) if (!JSON_KEYS.has(key)) fail(`${path}.${key}`, 'unknown key');
    if (typeof obj.name !== 'string') fail(`${path}.name`, `expected a string, got ${describeValue(obj.name)}`);
    const column = new ColumnProfile(
      obj.name,
      {},
      {
        moments: Moments.fromJSON(obj.moments, `${path}.moments`),
        kll: KllSketch.fromJSON(obj.kll, `${path}.kll`),
        hll: HyperLogLog.fromJSON(obj.hll, `${path}.hll`),
        frequent: FrequentItems.fromJSON(obj.frequent, `${path}.frequent`),
        numericFrequent:
          obj.numericFrequent === null ? null : FrequentItems.fromJSON(obj.numericFrequent, `${path}.numericFrequent`),
      },
    );
    column.count = expectInteger(obj, 'count', path, 0, Number.MAX_SAFE_INTEGER);
    column.nulls = expectInteger(obj, 'nulls', path, 0, column.count);
    column.nonFinite = expectInteger(obj, 'nonFinite', path, 0, Number.MAX_SAFE_INTEGER);
    readTypeCounts(obj.typeCounts, `${path}.typeCounts`, column.typeCounts);
    const valued = VALUE_KINDS.reduce((sum, kind) => sum + column.typeCounts[kind], 0);
    if (valued !== column.nonNull) {
      fail(`${path}.typeCounts`, `counts sum to ${valued} but the column has ${column.nonNull} non-null values`);
    }
    const length = readRange(obj.length, `${path}.length`);
    if ((length === null) !== (column.nonNull === 0)) {
      fail(`${path}.length`, column.nonNull === 0 ? 'expected null for an all-null column' : 'expected {min, max}');
    }
    if (length) [column.minLength, column.maxLength] = [length.min, length.max];
    const datetime = readRange(obj.datetime, `${path}.datetime`);
    if ((datetime === null) !== (column.typeCounts.datetime === 0)) {
      fail(`${path}.datetime`, datetime === null ? 'expected {min, max} for datetime values' : 'expected null');
    }
    if (datetime) [column.minTime, column.maxTime] = [datetime.min, datetime.max];
    const numeric = column.typeCounts.integer + column.typeCounts.number;
    const finite = numeric - column.nonFinite;
    if (column.nonFinite > numeric) fail(`${path}.nonFinite`, `exceeds the ${numeric} numeric values`);
    if (column.moments.count !== finite) {
      fail(`${path}.moments.count`, `expected ${finite} (finite numeric values), got ${column.moments.count}`);
    }
    if (column.kll.count !== finite)
      fail(`${path}.kll.n`, `expected ${finite} (finite numeric values), got ${column.kll.count}`);
    if (column.frequent.count !== column.nonNull - numeric) {
      fail(
        `${path}.frequent.n`,
        `expected ${column.nonNull - numeric} (non-numeric values), got ${column.frequent.count}`,
      );
    }
    if (column.numericFrequent !== null) {
      if (!column.numericFrequent.isExact) fail(`${path}.numericFrequent.exact`, 'must be exact (or null)');
      if (column.numericFrequent.count !== numeric) {
        fail(`${path}.numericFrequent.n`, `expected ${numeric} (numeric values), got ${column.numericFrequent.count}`);
      }
    }
    if (obj.summary !== undefined && (typeof obj.summary !== 'object' || obj.summary === null)) {
      fail(`${path}.summary`, `expected an object, got ${describeValue(obj.summary)}`);
    }
    return column;
  }
}

function readTypeCounts(value: unknown, path: string, into: TypeCounts): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    fail(path, `expected an object of counts, got ${describeValue(value)}`);
  }
  const obj = value as JsonObject;
  for (const key of Object.keys(obj)) {
    if (!(VALUE_KINDS as readonly string[]).includes(key)) fail(`${path}.${key}`, 'unknown value kind');
  }
  for (const kind of VALUE_KINDS) into[kind] = expectInteger(obj, kind, path, 0, Number.MAX_SAFE_INTEGER);
}

function readRange(value: unknown, path: string): { min: number; max: number } | null {
  if (value === null) return null;
  if (typeof value !== 'object' || Array.isArray(value) || value === undefined) {
    fail(path, `expected {min, max} or null, got ${describeValue(value)}`);
  }
  const obj = value as JsonObject;
  for (const key of Object.keys(obj)) if (key !== 'min' && key !== 'max') fail(`${path}.${key}`, 'unknown key');
  const min = expectInteger(obj, 'min', path, -Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
  const max = expectInteger(obj, 'max', path, -Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
  if (min > max) fail(`${path}.min`, `min ${min} is greater than max ${max}`);
  return { min, max };
}

/** Code points in a UTF-8 range: every byte that is not a continuation byte starts one. */
function codePoints(bytes: Uint8Array, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) if ((bytes[i]! & 0xc0) !== 0x80) n++;
  return n;
}

/** Digits with an optional sign: `7`, `-12`, `+3` (not `7.0` or `1e3`, which are written as decimals). */
function isPlainInteger(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = bytes[i]!;
    if (c === 46 || c === 101 || c === 69) return false;
  }
  return true;
}
