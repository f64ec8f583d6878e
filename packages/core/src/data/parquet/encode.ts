import type { DecodedArray } from 'hyparquet';
import { FieldFlag } from '../batch.js';
import { writeUtf8 } from '../utf8.js';
import type { RecordBatch } from '../batch.js';

/** Decoded values of one column over the absolute rows `[rowStart, rowEnd)` of the file. */
export interface ColumnSlice {
  data: DecodedArray;
  rowStart: number;
  rowEnd: number;
}

/**
 * Writes decoded Parquet values into a `RecordBatch` as the text the CSV and JSON Lines readers
 * would give the same value, so consumers need no Parquet-specific path: numbers and BigInts as
 * `String(x)` (which `RecordBatch.number` reads back exactly), strings as UTF-8 with flag QUOTED
 * (so `"NA"` stays text), booleans as `true`/`false` with flag BOOLEAN, dates as ISO 8601,
 * binary as base64 with flag QUOTED, structs, lists and maps as JSON with flag NESTED, and null
 * as an empty field with flag NULL.
 */
export class BatchEncoder {
  private out = new Uint8Array(1 << 16);
  private w = 0;
  private columnCount = 0;

  constructor(private readonly batch: RecordBatch) {}

  /** Starts a batch of `rowCount` rows whose first row is row `firstRow` (0-based) of the file. */
  begin(columns: readonly string[], firstRow: number, rowCount: number): void {
    const batch = this.batch;
    const cells = rowCount * columns.length;
    if (batch.starts.length < cells) {
      batch.starts = new Int32Array(cells);
      batch.ends = new Int32Array(cells);
      batch.flags = new Uint8Array(cells);
    }
    if (batch.lines.length < rowCount) batch.lines = new Int32Array(rowCount);
    for (let r = 0; r < rowCount; r++) batch.lines[r] = firstRow + r + 1;
    batch.columns = columns;
    batch.columnCount = columns.length;
    batch.rowCount = rowCount;
    this.columnCount = columns.length;
    this.w = 0;
  }

  /** Writes column `col` of the batch's rows `[from, to)` (absolute) from `slices`, which cover them in order. */
  column(col: number, slices: readonly ColumnSlice[], from: number): void {
    const rowCount = this.batch.rowCount;
    let row = 0;
    for (const slice of slices) {
      if (slice.rowEnd <= from + row) continue;
      if (row === rowCount) break;
      const offset = from + row - slice.rowStart;
      const take = Math.min(rowCount - row, slice.rowEnd - (from + row));
      this.values(col, row, slice.data, offset, take);
      row += take;
    }
    if (row < rowCount)
      throw new Error(`column ${this.batch.columns[col]} has fewer values than the row group has rows`);
  }

  /** Hands the filled byte buffer to the batch. */
  finish(): void {
    this.batch.bytes = this.out;
  }

  private values(col: number, row: number, data: DecodedArray, offset: number, count: number): void {
    const cc = this.columnCount;
    const { starts, ends, flags } = this.batch;
    if (!Array.isArray(data)) {
      // Typed arrays hold numbers or BigInts only: their text is ASCII and never null.
      for (let i = 0, k = row * cc + col; i < count; i++, k += cc) {
        const text = String(data[offset + i]!);
        this.ensure(text.length);
        starts[k] = this.w;
        this.w = writeAscii(text, this.out, this.w);
        ends[k] = this.w;
        flags[k] = 0;
      }
      return;
    }
    for (let i = 0, k = row * cc + col; i < count; i++, k += cc) this.value(data[offset + i], k);
  }

  private value(value: unknown, k: number): void {
    const { starts, ends, flags } = this.batch;
    let text: string;
    let flag: number;
    switch (typeof value) {
      case 'number':
      case 'bigint':
        text = String(value);
        this.ensure(text.length);
        starts[k] = this.w;
        this.w = writeAscii(text, this.out, this.w);
        ends[k] = this.w;
        flags[k] = 0;
        return;
      case 'string':
        text = value;
        flag = FieldFlag.QUOTED;
        break;
      case 'boolean':
        text = value ? 'true' : 'false';
        flag = FieldFlag.BOOLEAN;
        break;
      case 'undefined':
        starts[k] = ends[k] = this.w;
        flags[k] = FieldFlag.NULL;
        return;
      default:
        if (value === null) {
          starts[k] = ends[k] = this.w;
          flags[k] = FieldFlag.NULL;
          return;
        }
        if (value instanceof Date) {
          const valid = !Number.isNaN(value.getTime());
          text = valid ? value.toISOString() : String(value);
          flag = valid ? 0 : FieldFlag.QUOTED;
        } else if (value instanceof Uint8Array) {
          text = Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64');
          flag = FieldFlag.QUOTED;
        } else {
          text = JSON.stringify(value, jsonSafe);
          flag = FieldFlag.NESTED;
        }
    }
    this.ensure(text.length * 3);
    const at = this.w;
    const written = writeUtf8(text, this.out, at);
    if (written !== text.length) flag |= FieldFlag.NON_ASCII;
    starts[k] = at;
    ends[k] = at + written;
    flags[k] = flag;
    this.w = at + written;
  }

  private ensure(extra: number): void {
    const min = this.w + extra;
    if (min <= this.out.length) return;
    let size = this.out.length * 2;
    while (size < min) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.out.subarray(0, this.w));
    this.out = grown;
  }
}

/** JSON for values JSON.stringify refuses or mangles: BigInts and bytes (dates become ISO via toJSON). */
function jsonSafe(_key: string, value: unknown): unknown {
  // Beyond 2^53 a JSON number would silently round: keep the exact digits as a string instead.
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : String(value);
  if (value instanceof Uint8Array)
    return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64');
  return value;
}

function writeAscii(text: string, out: Uint8Array, at: number): number {
  for (let i = 0; i < text.length; i++) out[at + i] = text.charCodeAt(i);
  return at + text.length;
}
