import type { RecordBatch } from '../data/batch.js';
import { FieldFlag } from '../data/batch.js';
import { isBooleanText } from '../data/boolean-text.js';
import { parseNumber } from '../data/number.js';
import { FrequentItems, type FrequentItem, type FrequentItemsJSON } from '../sketch/frequent-items.js';
import { hashBytes } from '../sketch/hash.js';
import { type Histogram, DEFAULT_HISTOGRAM_BINS } from '../sketch/histogram.js';
import { HyperLogLog, type HyperLogLogJSON } from '../sketch/hll.js';
import { describeValue, expectInteger, fail, type JsonObject } from '../sketch/json.js';
import { parseIsoDateTime } from './datetime.js';
import { NumberSummary, type Bounded, type NumberSummaryJSON, type NumberSummaryOptions } from './number-summary.js';
import type { ParsedColumn } from './parsed-column.js';
import { inferType, VALUE_KINDS, type ColumnType, type TypeCounts } from './infer-type.js';

export interface ProfileOptions extends NumberSummaryOptions {
  /**
   * Values taken by each column's numbers (slot 2·i for the i-th column) and instants (2·i + 1) in every thread
   * reading the same pass, a view of one SharedArrayBuffer: a thread drops its kept values as soon as the pass has
   * more than the cap, not only when it alone has (see `NumberSummary.shareCount`). Only for readers whose columns
   * come in the same order in every thread (CSV); columns past its end keep their own count.
   */
  sharedCounts?: Int32Array;
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
  /** Numeric values that are ±Infinity (kept out of the number summary). */
  nonFinite: number;
  /** Shortest and longest non-null value in Unicode code points; null when all values are null. */
  length: { min: number; max: number } | null;
  /** The finite numeric values. */
  numbers: NumberSummaryJSON;
  /** The datetime values, as ms since the epoch (UTC). */
  instants: NumberSummaryJSON;
  /** Distinct non-null values: numbers hashed by value (so 1 and 1.0 are one), text by its bytes. */
  hll: HyperLogLogJSON;
  /** Text, boolean and datetime values. */
  frequent: FrequentItemsJSON;
  /** Derived from the fields above when written, for people reading the file; ignored when read back. */
  summary?: ColumnSummary;
}

export interface ColumnSummary {
  type: ColumnType;
  count: number;
  nulls: number;
  nullFraction: number;
  /** Exact when `distinctBounds` is absent; otherwise HyperLogLog's estimate within the bounds. */
  distinct: number;
  distinctBounds?: [number, number];
  length: { min: number; max: number } | null;
  numeric: NumericSummary | null;
  datetime: { min: string; max: string } | null;
  /** The most frequent values; only values proven to be among them are listed. */
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
  /** Quantiles keyed by percent, as numpy.quantile (linear); midpoints of their bounds when not exact. */
  quantiles: Record<string, number>;
  /** Whether every figure here is exact; otherwise each quantile lies within `quantileBounds`. */
  exact: boolean;
  quantileBounds?: Record<string, [number, number]>;
  /** Bins [edges[i], edges[i+1]) (the last one closed) with exact counts; equal width while the values are kept. */
  histogram: { edges: number[]; counts: number[] };
}

interface ColumnParts {
  numbers: NumberSummary;
  instants: NumberSummary;
  hll: HyperLogLog;
  frequent: FrequentItems;
}

const QUANTILE_PERCENTS = [1, 5, 25, 50, 75, 95, 99];
const TOP_VALUES = 10;
const JSON_KEYS = new Set([
  'name',
  'count',
  'nulls',
  'typeCounts',
  'nonFinite',
  'length',
  'numbers',
  'instants',
  'hll',
  'frequent',
  'summary',
]);

/**
 * One column's mergeable profile: counts, type evidence and sketches, fed a batch column at a
 * time straight from the reader's bytes. Every value takes one path decided by its own text, never
 * by the column's (yet unknown) type, and every part merges to exactly what one pass over the union
 * would give, so the profile of a file is the same whatever the thread count or shard split.
 *
 * A non-null value that parses as a number feeds the number summary (exact moments, the values up to a
 * cap, the value grid) and the distinct count (hashed as a double); any other value feeds the distinct
 * count (hashed as UTF-8 bytes) and the frequent-items summary, and a datetime also the summary of
 * instants. Only values counted as frequent items are ever decoded to strings, and only when read.
 */
export class ColumnProfile {
  count = 0;
  nulls = 0;
  readonly typeCounts: TypeCounts = { integer: 0, number: 0, boolean: 0, datetime: 0, string: 0 };
  nonFinite = 0;
  minLength = Infinity;
  maxLength = -Infinity;
  readonly numbers: NumberSummary;
  readonly instants: NumberSummary;
  readonly hll: HyperLogLog;
  readonly frequent: FrequentItems;
  private readonly quotedIsText: boolean;
  private readonly hash = new Uint32Array(2);

  constructor(
    readonly name: string,
    options: ProfileOptions = {},
    parts?: ColumnParts,
  ) {
    const summaryOptions = {
      ...(options.exactValues !== undefined && { exactValues: options.exactValues }),
      ...(options.gridBins !== undefined && { gridBins: options.gridBins }),
    };
    this.numbers = parts?.numbers ?? new NumberSummary('log', summaryOptions);
    this.instants = parts?.instants ?? new NumberSummary('linear', summaryOptions);
    this.hll = parts?.hll ?? new HyperLogLog(options.hllPrecision);
    this.frequent =
      parts?.frequent ??
      new FrequentItems(options.frequentExactLimit === undefined ? {} : { exactLimit: options.frequentExactLimit });
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
    if (parsed) parsed.hasInstants = false;
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
          this.instants.add(time);
          if (parsed) keepInstant(parsed, row, rowCount, time);
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
    } else {
      if (Number.isInteger(value) && isPlainInteger(bytes, start, end)) this.typeCounts.integer++;
      else this.typeCounts.number++;
      this.numbers.add(value);
    }
    this.hll.addNumber(value);
  }

  /** Shares the counts of the values taken so far (see `ProfileOptions.sharedCounts`), as column `col`. */
  shareCounts(counts: Int32Array, col: number): void {
    if (2 * col + 1 >= counts.length) return;
    this.numbers.shareCount(counts, 2 * col);
    this.instants.shareCount(counts, 2 * col + 1);
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
    this.numbers.merge(other.numbers);
    this.instants.merge(other.instants);
    this.hll.merge(other.hll);
    this.frequent.merge(other.frequent);
    return this;
  }

  get nonNull(): number {
    return this.count - this.nulls;
  }

  /** The column's type by the rule in `inferType`. */
  get type(): ColumnType {
    return inferType(this.typeCounts);
  }

  /** Earliest and latest datetime value in ms since the epoch (UTC); NaN without one. */
  get minTime(): number {
    return this.instants.moments.min;
  }

  get maxTime(): number {
    return this.instants.moments.max;
  }

  /**
   * Distinct non-null values: exact while the numbers are known (`NumberSummary.distinct`) and the text values
   * counted exactly; otherwise HyperLogLog's estimate (≈0.8% standard error at p = 14), kept within what the
   * profile proves (never more than the values there are).
   */
  distinctValues(): Bounded {
    const numbers = this.numbers.distinct();
    const exactText = this.frequent.exactDistinct;
    const textLow = exactText ?? this.frequent.keptDistinct;
    const textHigh = exactText ?? this.frequent.count - this.frequent.keptTotal + this.frequent.keptDistinct;
    const low = numbers.low + textLow + (this.nonFinite > 0 ? 1 : 0);
    const high = numbers.high + textHigh + Math.min(2, this.nonFinite);
    if (low === high) return { value: low, low, high };
    const estimate = Math.round(this.hll.estimate());
    return { value: Math.min(high, Math.max(low, estimate)), low, high };
  }

  get distinct(): number {
    return this.distinctValues().value;
  }

  /** Most frequent values: numeric ones for numeric columns, text values otherwise; only proven ones. */
  topValues(limit = TOP_VALUES): FrequentItem[] {
    const type = this.type;
    if (type === 'integer' || type === 'number') {
      return this.numbers.topValues(limit).map(({ value, count }) => ({ value: String(value), count }));
    }
    return this.frequent.topItems(limit);
  }

  /** Histogram of the numeric values (see `NumberSummary.histogram`). */
  histogram(bins = DEFAULT_HISTOGRAM_BINS): Histogram {
    return this.numbers.histogram(bins);
  }

  summary(): ColumnSummary {
    const distinct = this.distinctValues();
    return {
      type: this.type,
      count: this.count,
      nulls: this.nulls,
      nullFraction: this.count === 0 ? 0 : this.nulls / this.count,
      distinct: distinct.value,
      ...(distinct.low !== distinct.high && { distinctBounds: [distinct.low, distinct.high] as [number, number] }),
      length: this.lengthRange(),
      numeric: this.numericSummary(),
      datetime:
        this.instants.count > 0
          ? { min: new Date(this.minTime).toISOString(), max: new Date(this.maxTime).toISOString() }
          : null,
      top: this.topValues(),
    };
  }

  private lengthRange(): { min: number; max: number } | null {
    return this.minLength <= this.maxLength ? { min: this.minLength, max: this.maxLength } : null;
  }

  private numericSummary(): NumericSummary | null {
    const m = this.numbers.moments;
    if (m.count === 0) return null;
    const quantiles: Record<string, number> = {};
    const quantileBounds: Record<string, [number, number]> = {};
    let exact = true;
    for (const percent of QUANTILE_PERCENTS) {
      const q = this.numbers.quantile(percent / 100);
      quantiles[`p${percent}`] = q.value;
      quantileBounds[`p${percent}`] = [q.low, q.high];
      if (q.low !== q.high) exact = false;
    }
    const histogram = this.histogram();
    return {
      count: m.count,
      mean: m.mean,
      stddev: m.count < 2 ? null : m.sampleStdDev,
      min: m.min,
      max: m.max,
      sum: m.sum,
      quantiles,
      exact,
      ...(!exact && { quantileBounds }),
      histogram: { edges: [...histogram.edges], counts: [...histogram.counts] },
    };
  }

  toJSON(options: { raw?: boolean } = {}): ColumnProfileJSON {
    return {
      name: this.name,
      count: this.count,
      nulls: this.nulls,
      typeCounts: { ...this.typeCounts },
      nonFinite: this.nonFinite,
      length: this.lengthRange(),
      numbers: this.numbers.toJSON(options),
      instants: this.instants.toJSON(options),
      hll: this.hll.toJSON(),
      frequent: this.frequent.toJSON(),
      ...(!options.raw && { summary: this.summary() }),
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
        numbers: NumberSummary.fromJSON(obj.numbers, `${path}.numbers`, 'log'),
        instants: NumberSummary.fromJSON(obj.instants, `${path}.instants`, 'linear'),
        hll: HyperLogLog.fromJSON(obj.hll, `${path}.hll`),
        frequent: FrequentItems.fromJSON(obj.frequent, `${path}.frequent`),
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
    const numeric = column.typeCounts.integer + column.typeCounts.number;
    const finite = numeric - column.nonFinite;
    if (column.nonFinite > numeric) fail(`${path}.nonFinite`, `exceeds the ${numeric} numeric values`);
    if (column.numbers.count !== finite) {
      fail(`${path}.numbers`, `holds ${column.numbers.count} values, expected ${finite} (finite numeric values)`);
    }
    if (column.instants.count !== column.typeCounts.datetime) {
      fail(
        `${path}.instants`,
        `holds ${column.instants.count} values, expected ${column.typeCounts.datetime} (datetimes)`,
      );
    }
    if (column.frequent.count !== column.nonNull - numeric) {
      fail(
        `${path}.frequent.n`,
        `expected ${column.nonNull - numeric} (non-numeric values), got ${column.frequent.count}`,
      );
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

/** Records row's instant for the row checks, the batch's other rows NaN until they have theirs. */
function keepInstant(parsed: ParsedColumn, row: number, rows: number, time: number): void {
  if (!parsed.hasInstants) {
    if (parsed.instants === null || parsed.instants.length < rows) parsed.instants = new Float64Array(rows);
    parsed.instants.fill(NaN, 0, rows);
    parsed.hasInstants = true;
  }
  parsed.instants![row] = time;
}

/** Digits with an optional sign: `7`, `-12`, `+3` (not `7.0` or `1e3`, which are written as decimals). */
function isPlainInteger(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = bytes[i]!;
    if (c === 46 || c === 101 || c === 69) return false;
  }
  return true;
}
