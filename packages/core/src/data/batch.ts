import type { IssueLog } from './issues.js';
import { parseNumber } from './number.js';
import { decodeUtf8 } from './utf8.js';

/** Per-field flag bits in `RecordBatch.flags`. */
export const FieldFlag = {
  /** CSV: the field was quoted. JSON Lines: the value was a string. Never a null token. */
  QUOTED: 1,
  /** CSV: the field contained `""` (or text after its closing quote) and was unescaped in place. */
  ESCAPED: 2,
  /** The field has bytes ≥ 0x80 (it was checked for valid UTF-8). */
  NON_ASCII: 4,
  /** The field is not valid UTF-8; `string()` shows U+FFFD for the bad bytes. */
  INVALID_UTF8: 8,
  /** JSON Lines: the value was `null` or the key was absent. */
  NULL: 16,
  /** JSON Lines: an object or array, kept as its JSON text. */
  NESTED: 32,
  /** JSON Lines: `true` or `false`. */
  BOOLEAN: 64,
} as const;

const NEVER_TOKEN = FieldFlag.QUOTED | FieldFlag.NESTED | FieldFlag.BOOLEAN;

/**
 * Null tokens: a subset of pandas' default `na_values` that real exports produce. Only unquoted
 * CSV fields (and never JSON strings) can be null tokens, so `"NA"` in quotes stays the text NA
 * and `""` is an empty string, as in PostgreSQL's CSV format.
 */
export const DEFAULT_NULL_VALUES: readonly string[] = [
  '',
  'NA',
  'N/A',
  'n/a',
  'NULL',
  'null',
  'NaN',
  'nan',
  'None',
  '#N/A',
  '<NA>',
];

/** Matches null tokens on bytes: a length check and a first-byte table reject almost every value. */
export class NullTokens {
  private readonly byLength: Uint8Array[][] = [];
  private readonly firstByte = new Uint8Array(256);
  private readonly maxLength: number;
  private readonly empty: boolean;

  constructor(tokens: readonly string[] = DEFAULT_NULL_VALUES) {
    const encoder = new TextEncoder();
    let maxLength = 0;
    let empty = false;
    for (const token of tokens) {
      const bytes = encoder.encode(token);
      if (bytes.length === 0) {
        empty = true;
        continue;
      }
      (this.byLength[bytes.length] ??= []).push(bytes);
      this.firstByte[bytes[0]!] = 1;
      maxLength = Math.max(maxLength, bytes.length);
    }
    this.maxLength = maxLength;
    this.empty = empty;
  }

  matches(buf: Uint8Array, start: number, end: number): boolean {
    const length = end - start;
    if (length === 0) return this.empty;
    if (length > this.maxLength || this.firstByte[buf[start]!] === 0) return false;
    const candidates = this.byLength[length];
    if (candidates === undefined) return false;
    outer: for (const token of candidates) {
      for (let i = 0; i < length; i++) if (token[i] !== buf[start + i]) continue outer;
      return true;
    }
    return false;
  }
}

/**
 * Rows of one batch as byte ranges into `bytes`, row-major: field (row, col) is
 * `bytes[starts[k], ends[k])` with `k = row * columnCount + col`. CSV and JSON Lines readers
 * fill the same class so consumers stay monomorphic.
 *
 * Lifetime: a batch and its arrays are reused; it is valid until the reader that produced it is
 * called again (the next `write`/`next`/`end`, or the next iteration of a batch iterator). Copy
 * what must outlive that.
 */
export class RecordBatch {
  /** Column names; JSON Lines may add columns in later batches, never remove or reorder. */
  columns: readonly string[] = [];
  columnCount = 0;
  rowCount = 0;
  bytes: Uint8Array = new Uint8Array(0);
  starts: Int32Array = new Int32Array(0);
  ends: Int32Array = new Int32Array(0);
  flags: Uint8Array = new Uint8Array(0);
  /** 1-based physical line where each row starts. */
  lines: Int32Array = new Int32Array(0);

  constructor(readonly nulls: NullTokens) {}

  /** Null: JSON null or absent key, or an unquoted field equal to a null token (empty by default). */
  isNull(row: number, col: number): boolean {
    const k = row * this.columnCount + col;
    const flags = this.flags[k]!;
    if ((flags & FieldFlag.NULL) !== 0) return true;
    if ((flags & NEVER_TOKEN) !== 0) return false;
    return this.nulls.matches(this.bytes, this.starts[k]!, this.ends[k]!);
  }

  /** The field as `Number(text)` would read it, except that empty and blank fields are NaN. */
  number(row: number, col: number): number {
    const k = row * this.columnCount + col;
    return parseNumber(this.bytes, this.starts[k]!, this.ends[k]!);
  }

  /** The field decoded from UTF-8 (unescaped for quoted CSV fields). Allocates: call only when needed. */
  string(row: number, col: number): string {
    const k = row * this.columnCount + col;
    return decodeUtf8(this.bytes, this.starts[k]!, this.ends[k]!);
  }

  /** Byte offset in `bytes` where the field starts (for hashing or comparing without strings). */
  start(row: number, col: number): number {
    return this.starts[row * this.columnCount + col]!;
  }

  /** Byte offset in `bytes` just past the field. */
  end(row: number, col: number): number {
    return this.ends[row * this.columnCount + col]!;
  }

  /** `FieldFlag` bits of the field. */
  flag(row: number, col: number): number {
    return this.flags[row * this.columnCount + col]!;
  }

  /** 1-based physical line where the row starts. */
  line(row: number): number {
    return this.lines[row]!;
  }
}

/**
 * What the CSV and JSON Lines readers share: push bytes with `write`/`end` and pull batches with
 * `next`, or let `batches` do both over a source. Each batch is valid until the next call.
 */
export interface BatchReader {
  readonly issues: IssueLog;
  readonly columns: readonly string[];
  write(chunk: Uint8Array): void;
  end(): void;
  next(): RecordBatch | null;
  batches(source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): AsyncGenerator<RecordBatch, void>;
}

/** A reader fed by pushing bytes; `hasStopped` once it takes no more (its shard's end was reached). */
export interface PushReader {
  readonly hasStopped: boolean;
  write(chunk: Uint8Array): void;
  end(): void;
  next(): RecordBatch | null;
}

/** Feeds a whole source to a push reader and yields each batch as it completes (valid until the next iteration). */
export async function* pushBatches(
  reader: PushReader,
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
): AsyncGenerator<RecordBatch, void> {
  for await (const chunk of source) {
    reader.write(chunk);
    for (let batch = reader.next(); batch !== null; batch = reader.next()) yield batch;
    if (reader.hasStopped) return;
  }
  reader.end();
  for (let batch = reader.next(); batch !== null; batch = reader.next()) yield batch;
}
