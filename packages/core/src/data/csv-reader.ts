import { UserError } from '../errors.js';
import { FieldFlag, NullTokens, RecordBatch, pushBatches } from './batch.js';
import type { BatchReader } from './batch.js';
import { IssueLog } from './issues.js';
import { charColumn, decodeUtf8, findInvalidUtf8 } from './utf8.js';

export interface CsvOptions {
  /** One single-byte field separator; `,` by default (`\t` for TSV, `;`, `|`, …). */
  delimiter?: string;
  /** The first row names the columns (default true); otherwise columns are `column1`, `column2`, …. */
  header?: boolean;
  /** Known column names: no header row is read (used for shards after the first). */
  columns?: readonly string[];
  /** Rows per batch (default 16,384). */
  batchSize?: number;
  /** Null tokens for unquoted fields (default `DEFAULT_NULL_VALUES`). */
  nullValues?: readonly string[];
  /** Issues kept in `issues` (default 100); all are counted. */
  maxErrors?: number;
  /** File name put in issues. */
  file?: string;
  /** Line number of the first byte written (default 1). */
  firstLine?: number;
  /** Strip a UTF-8 byte order mark at the start (default true). */
  stripBom?: boolean;
  /**
   * Stop before the first row (after the header) that starts at or beyond this byte offset,
   * counted from the first byte written. With `findRowStart` this makes shards that meet exactly.
   */
  stopAt?: number;
  /** Longest row accepted (default 32 MiB): a quote still open after this is treated as literal. */
  maxRowBytes?: number;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

// Byte classes for scanning unquoted text: 0 means "ordinary byte, keep going".
const C_DELIMITER = 1;
const C_LF = 2;
const C_CR = 3;
const C_QUOTE = 4;
const C_HIGH = 5;

const LEARN_COLUMNS = 256;

/**
 * RFC 4180 CSV tokenizer over pushed byte chunks, producing `RecordBatch`es of byte ranges.
 *
 * Lenient where RFC 4180 is strict, and says so with a warning: a quote inside an unquoted field
 * is a literal character; text after a closing quote is appended to the field (`"ab"c` → `abc`,
 * later quotes literal). A row whose field count differs from the header is reported and
 * dropped. A quote still open at end of input (or after `maxRowBytes`) is reported, then treated
 * as a literal character so the rows after it are read normally. Lines end with LF, CRLF or CR.
 * Blank lines are skipped.
 *
 * Rows are parsed whole: when a chunk ends inside a row, that row is parsed again once at least
 * as many bytes again have arrived, which keeps the work linear even for huge quoted fields.
 */
export class CsvReader implements BatchReader {
  readonly issues: IssueLog;
  private readonly delimiter: number;
  private readonly header: boolean;
  private readonly batchSize: number;
  private readonly stripBom: boolean;
  private readonly stopAt: number;
  private readonly maxRowBytes: number;
  private readonly unquotedClass = new Uint8Array(256);
  private readonly quotedClass = new Uint8Array(256);
  private readonly batch: RecordBatch;

  private buf = new Uint8Array(1 << 16);
  private len = 0;
  private pos = 0;
  /** Absolute offset of `buf[0]`. */
  private consumed = 0;
  private line: number;
  private afterCR = false;
  private eof = false;
  private finished = false;
  private stopped = false;
  private bomChecked: boolean;
  private pendingRelease = false;
  /** Bytes of the partial row at the last failed attempt; retry once twice as many are buffered. */
  private partialBytes = 0;
  /** Absolute offset of an unclosed quote now read as a literal character. */
  private literalQuoteAt = -1;

  private columnCount = -1;
  private names: readonly string[] = [];
  private starts = new Int32Array(0);
  private ends = new Int32Array(0);
  private flags = new Uint8Array(0);
  private lines = new Int32Array(0);
  private rowCount = 0;

  // The first row, as learned by scanRows in learning mode.
  private learnedFields = 0;
  private learnedRowStart = 0;
  private strayAt = -1;
  /** Whether the row has a warning, non-ASCII bytes or fields to unescape. */
  private rowNeedsFinish = false;

  constructor(options: CsvOptions = {}) {
    const delimiter = options.delimiter ?? ',';
    const code = delimiter.charCodeAt(0);
    if (delimiter.length !== 1 || code > 0x7f || code === QUOTE || code === LF || code === CR) {
      throw new UserError(
        `CSV delimiter must be one ASCII character other than a quote or newline, got ${JSON.stringify(delimiter)}`,
      );
    }
    this.delimiter = code;
    this.header = options.header ?? true;
    this.batchSize = Math.max(1, options.batchSize ?? 16384);
    this.stripBom = options.stripBom ?? true;
    this.bomChecked = !this.stripBom;
    this.stopAt = options.stopAt ?? -1;
    this.maxRowBytes = options.maxRowBytes ?? 32 * 1024 * 1024;
    this.line = options.firstLine ?? 1;
    this.issues = new IssueLog(options.file, options.maxErrors ?? 100);
    this.batch = new RecordBatch(new NullTokens(options.nullValues));
    for (let c = 0x80; c < 256; c++) {
      this.unquotedClass[c] = C_HIGH;
      this.quotedClass[c] = C_HIGH;
    }
    this.unquotedClass[code] = C_DELIMITER;
    this.unquotedClass[LF] = this.quotedClass[LF] = C_LF;
    this.unquotedClass[CR] = this.quotedClass[CR] = C_CR;
    this.unquotedClass[QUOTE] = this.quotedClass[QUOTE] = C_QUOTE;
    if (options.columns) this.setColumns(options.columns);
  }

  /** Column names, known once the header row has been read (empty before). */
  get columns(): readonly string[] {
    return this.names;
  }

  /** Appends input bytes. Invalidates the last batch. */
  write(chunk: Uint8Array): void {
    this.release();
    if (this.eof) throw new Error('CsvReader.write after end');
    if (this.stopped || chunk.length === 0) return;
    if (this.len + chunk.length + 1 > this.buf.length) {
      let size = this.buf.length * 2;
      while (size < this.len + chunk.length + 1) size *= 2;
      const grown = new Uint8Array(size);
      grown.set(this.buf.subarray(0, this.len));
      this.buf = grown;
    }
    this.buf.set(chunk, this.len);
    this.len += chunk.length;
    this.buf[this.len] = LF;
  }

  /** Marks the end of input. Invalidates the last batch. */
  end(): void {
    this.release();
    this.eof = true;
  }

  /**
   * The next full batch, or the last partial one after `end()`; null when more input is needed
   * (or everything was read). Invalidates the previous batch.
   */
  next(): RecordBatch | null {
    this.release();
    if (this.finished) return null;
    const full = this.parse();
    const done = this.stopped || (this.eof && this.pos >= this.len);
    if (!full && !done) return null;
    if (done) this.finished = true;
    if (this.rowCount === 0) return null;
    const batch = this.batch;
    batch.columns = this.names;
    batch.columnCount = this.columnCount;
    batch.rowCount = this.rowCount;
    batch.bytes = this.buf;
    batch.starts = this.starts;
    batch.ends = this.ends;
    batch.flags = this.flags;
    batch.lines = this.lines;
    this.pendingRelease = true;
    return batch;
  }

  /** Reads a whole source; each yielded batch is valid until the next iteration. */
  batches(source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): AsyncGenerator<RecordBatch, void> {
    return pushBatches(this, source);
  }

  /** True once the reader reached its stop point (a shard's end) and takes no more bytes. */
  get hasStopped(): boolean {
    return this.stopped;
  }

  private release(): void {
    if (!this.pendingRelease) return;
    this.pendingRelease = false;
    this.rowCount = 0;
    this.compact();
  }

  /** Drops the bytes before `pos`, which no live batch references. */
  private compact(): void {
    if (this.pos === 0) return;
    this.buf.copyWithin(0, this.pos, this.len);
    this.len -= this.pos;
    this.consumed += this.pos;
    this.pos = 0;
    this.buf[this.len] = LF;
  }

  private setColumns(names: readonly string[]): void {
    this.names = names;
    this.columnCount = names.length;
    const cells = this.batchSize * Math.max(1, names.length);
    this.starts = new Int32Array(cells);
    this.ends = new Int32Array(cells);
    this.flags = new Uint8Array(cells);
    this.lines = new Int32Array(this.batchSize);
  }

  /** Parses rows into the batch; true when it is full. */
  private parse(): boolean {
    if (!this.bomChecked) {
      if (this.len < 3 && !this.eof) return false;
      this.bomChecked = true;
      if (this.len >= 3 && this.buf[0] === 0xef && this.buf[1] === 0xbb && this.buf[2] === 0xbf) this.pos = 3;
    }
    if (this.columnCount < 0 && !this.learnColumns()) return false;
    return this.scanRows(this.columnCount, this.batchSize, false);
  }

  /** Reads the first row to learn the column count (and names, when it is a header). */
  private learnColumns(): boolean {
    for (let cap = LEARN_COLUMNS; ;) {
      this.starts = new Int32Array(cap);
      this.ends = new Int32Array(cap);
      this.flags = new Uint8Array(cap);
      this.lines = new Int32Array(1);
      this.learnedFields = 0;
      if (!this.scanRows(cap, 1, true)) {
        if (this.learnedFields > cap) {
          cap = this.learnedFields;
          continue;
        }
        if (this.eof && this.pos >= this.len) this.setColumns([]);
        return false;
      }
      this.rowCount = 0;
      const n = this.learnedFields;
      const rowLine = this.lines[0]!;
      if (!this.header) {
        // The first row is data: parse it again as a row of the batch.
        this.pos = this.learnedRowStart;
        this.line = rowLine;
        this.afterCR = false;
        this.setColumns(Array.from({ length: n }, (_, i) => `column${i + 1}`));
        return true;
      }
      if (this.rowNeedsFinish) {
        this.finishFields(this.starts, this.ends, this.flags, 0, n, this.learnedRowStart, rowLine, this.strayAt);
      }
      const names: string[] = [];
      for (let i = 0; i < n; i++) names.push(decodeUtf8(this.buf, this.starts[i]!, this.ends[i]!));
      this.setColumns(names);
      this.compact();
      return true;
    }
  }

  /**
   * Tokenizes rows at `pos` into the field arrays (row-major, `cc` slots a row) until `rowLimit`
   * rows are stored (true) or the input runs out (false). Blank lines are skipped, ragged rows
   * reported and dropped. All state lives in locals: this is the hot loop. When the input ends
   * inside a row, the row is left unconsumed and parsed again later (see `partialBytes`).
   *
   * In learning mode (the first row, to size the columns) the row's field count is kept in
   * `learnedFields`, nothing is reported and, when there are more than `cc` fields, nothing is
   * consumed so that the caller can retry with room for them.
   */
  private scanRows(cc: number, rowLimit: number, learning: boolean): boolean {
    const buf = this.buf;
    const len = this.len;
    const eof = this.eof;
    const delimiter = this.delimiter;
    const unquoted = this.unquotedClass;
    const quoted = this.quotedClass;
    const starts = this.starts;
    const ends = this.ends;
    const flags = this.flags;
    const lines = this.lines;
    const stopLimit = this.stopAt >= 0 && !learning ? this.stopAt - this.consumed : Infinity;
    let pos = this.pos;
    let line = this.line;
    let afterCR = this.afterCR;
    let row = this.rowCount;
    let partial = this.partialBytes;
    let literalQuote = this.literalQuoteAt - this.consumed;
    let full = false;
    rows: for (;;) {
      if (row >= rowLimit) {
        full = true;
        break;
      }
      if (pos >= len) break;
      let c = buf[pos]!;
      if (afterCR) {
        afterCR = false;
        if (c === LF) {
          pos++;
          continue;
        }
      }
      if (c === LF || c === CR) {
        pos++;
        line++;
        afterCR = c === CR;
        continue;
      }
      if (pos >= stopLimit) {
        this.stopped = true;
        break;
      }
      if (partial > 0 && !eof && len - pos < 2 * partial) break;
      const rowStart = pos;
      const rowLine = line;
      const base = row * cc;
      let i = pos;
      let f = 0;
      let stray = -1;
      let rowFlags = 0;
      let extraAt = -1;
      for (;;) {
        // buf[len] is a sentinel LF, so scans stop at the end of data without a bounds test.
        c = buf[i]!;
        let start = i;
        let end = -1;
        let fieldFlags = 0;
        if (c === QUOTE && i !== literalQuote) {
          fieldFlags = FieldFlag.QUOTED;
          let j = i + 1;
          for (;;) {
            let q = buf[j]!;
            while (quoted[q] === 0) q = buf[++j]!;
            if (j >= len) break;
            const k = quoted[q]!;
            if (k === C_QUOTE) {
              if (j + 1 < len && buf[j + 1] === QUOTE) {
                fieldFlags |= FieldFlag.ESCAPED;
                j += 2;
                continue;
              }
              // A quote at the end of the data may be the first half of `""`.
              if (j + 1 < len || eof) break;
              j = len;
              break;
            }
            if (k === C_HIGH) fieldFlags |= FieldFlag.NON_ASCII;
            else {
              line++;
              if (k === C_CR && j + 1 < len && buf[j + 1] === LF) j++;
            }
            j++;
          }
          if (j >= len) {
            line = rowLine;
            if (eof || len - rowStart > this.maxRowBytes) {
              this.unclosedQuote(rowStart, rowLine, i);
              literalQuote = i;
              continue rows;
            }
            partial = len - rowStart;
            break rows;
          }
          // buf[j] is the closing quote.
          i = j + 1;
          c = buf[i]!;
          const next = unquoted[c]!;
          if (next >= C_DELIMITER && next <= C_CR) {
            // Clean fields skip unescaping: their content is exactly between the quotes.
            if ((fieldFlags & FieldFlag.ESCAPED) === 0) {
              start++;
              end = j;
            } else end = i;
          } else {
            // Text after the closing quote: kept, unescaped in finishFields.
            fieldFlags |= FieldFlag.ESCAPED;
            if (stray < 0) stray = i;
          }
        }
        if (end < 0) {
          for (;;) {
            let k = unquoted[c]!;
            while (k === 0) {
              c = buf[++i]!;
              k = unquoted[c]!;
            }
            if (k <= C_CR) break;
            if (k === C_HIGH) fieldFlags |= FieldFlag.NON_ASCII;
            else if (stray < 0 && i !== literalQuote) stray = i;
            c = buf[++i]!;
          }
          if (i >= len && !eof) {
            line = rowLine;
            if (len - rowStart > this.maxRowBytes) this.rowTooLong(rowLine);
            partial = len - rowStart;
            break rows;
          }
          end = i;
        }
        if (f < cc) {
          const k = base + f;
          starts[k] = start;
          ends[k] = end;
          flags[k] = fieldFlags;
          rowFlags |= fieldFlags;
        } else if (f === cc) extraAt = start;
        f++;
        if (i >= len) break;
        if (c === delimiter) {
          i++;
          continue;
        }
        i++;
        line++;
        if (c === CR) {
          if (i >= len) afterCR = true;
          else if (buf[i] === LF) i++;
        }
        break;
      }
      // A whole row was read: buf[rowStart, i).
      partial = 0;
      const needsFinish = stray >= 0 || (rowFlags & ~FieldFlag.QUOTED) !== 0;
      if (learning) {
        this.learnedFields = f;
        this.learnedRowStart = rowStart;
        if (f > cc) {
          line = rowLine;
          afterCR = false;
          break;
        }
        this.strayAt = stray;
        this.rowNeedsFinish = needsFinish;
        pos = i;
        lines[row++] = rowLine;
        continue;
      }
      pos = i;
      if (f !== cc) {
        this.raggedRow(rowStart, rowLine, f, cc, f > cc ? extraAt : lineEnd(buf, rowStart, i));
        continue;
      }
      if (needsFinish) this.finishFields(starts, ends, flags, base, cc, rowStart, rowLine, stray);
      lines[row++] = rowLine;
    }
    this.pos = pos;
    this.line = line;
    this.afterCR = afterCR;
    this.rowCount = row;
    this.partialBytes = partial;
    return full;
  }

  private rowTooLong(line: number): never {
    throw new UserError(`row is longer than ${this.maxRowBytes} bytes; is this a CSV file?`, {
      ...(this.issues.file !== undefined && { file: this.issues.file }),
      line,
    });
  }

  /** Reports a quote that never closes; it is read as a literal character from now on. */
  private unclosedQuote(rowStart: number, rowLine: number, quoteAt: number): void {
    const { line, column } = this.locate(rowStart, rowLine, quoteAt);
    const why = this.eof ? 'before end of file' : `within ${this.maxRowBytes} bytes`;
    this.issues.add(
      'unclosed-quote',
      'error',
      line,
      column,
      `quoted field is not closed ${why}; quote read as a literal character`,
    );
    this.literalQuoteAt = this.consumed + quoteAt;
  }

  private raggedRow(rowStart: number, rowLine: number, n: number, cc: number, at: number): void {
    const { line, column } = this.locate(rowStart, rowLine, at);
    this.issues.add('ragged-row', 'error', line, column, `expected ${cc} fields, found ${n}; row skipped`);
  }

  /** Reports warnings and bad UTF-8 of a kept row, then unescapes its quoted fields in place. */
  private finishFields(
    starts: Int32Array,
    ends: Int32Array,
    flags: Uint8Array,
    base: number,
    n: number,
    rowStart: number,
    rowLine: number,
    stray: number,
  ): void {
    if (stray >= 0) {
      const { line, column } = this.locate(rowStart, rowLine, stray);
      this.issues.add(
        'stray-quote',
        'warning',
        line,
        column,
        'quote inside an unquoted field or after a closing quote; kept as text',
      );
    }
    for (let f = base; f < base + n; f++) {
      const fieldFlags = flags[f]!;
      if (fieldFlags === 0 || fieldFlags === FieldFlag.QUOTED) continue;
      if ((fieldFlags & FieldFlag.NON_ASCII) !== 0) {
        const bad = findInvalidUtf8(this.buf, starts[f]!, ends[f]!);
        if (bad >= 0) {
          flags[f] = fieldFlags | FieldFlag.INVALID_UTF8;
          const { line, column } = this.locate(rowStart, rowLine, bad);
          this.issues.add('invalid-utf8', 'error', line, column, 'invalid UTF-8 byte sequence; replaced with U+FFFD');
        }
      }
      if ((fieldFlags & FieldFlag.ESCAPED) !== 0) ends[f] = this.unescape(starts[f]!, ends[f]!, fieldFlags);
    }
  }

  /**
   * Rewrites `buf[start, end)` in place without its quoting and returns the new end. The range
   * starts at the opening quote when the field was quoted; `""` inside quotes is one quote, and
   * after the closing quote every byte (quotes included) is literal.
   */
  private unescape(start: number, end: number, fieldFlags: number): number {
    const buf = this.buf;
    let inQuotes = (fieldFlags & FieldFlag.QUOTED) !== 0;
    let r = inQuotes ? start + 1 : start;
    let w = start;
    while (r < end) {
      const c = buf[r]!;
      if (inQuotes && c === QUOTE) {
        if (r + 1 < end && buf[r + 1] === QUOTE) {
          buf[w++] = QUOTE;
          r += 2;
        } else {
          inQuotes = false;
          r++;
        }
        continue;
      }
      buf[w++] = c;
      r++;
    }
    return w;
  }

  /** Physical line and column of byte `at` of the row that starts at `rowStart` on line `rowLine`. */
  private locate(rowStart: number, rowLine: number, at: number): { line: number; column: number } {
    const buf = this.buf;
    let line = rowLine;
    let lineStart = rowStart;
    for (let i = rowStart; i < at; i++) {
      const c = buf[i]!;
      if (c === LF || (c === CR && buf[i + 1] !== LF)) {
        line++;
        lineStart = i + 1;
      }
    }
    return { line, column: charColumn(buf, lineStart, at) };
  }
}

/** Where the row `buf[rowStart, rowEnd)` ends before its line terminator. */
function lineEnd(buf: Uint8Array, rowStart: number, rowEnd: number): number {
  let end = rowEnd;
  while (end > rowStart && (buf[end - 1] === LF || buf[end - 1] === CR)) end--;
  return end;
}
