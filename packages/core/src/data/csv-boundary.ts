/**
 * Row-aligned byte ranges for sharding a CSV file across jobs.
 *
 * A split point rarely falls on a row start, and a newline after it may sit inside a quoted
 * field, so the only reliable way to know is the parser state at the split. `CsvRowScanner`
 * runs the tokenizer's row-boundary state machine (the same leniency rules, without storing
 * fields) over the bytes before the split, which costs a fraction of parsing. Row starts are
 * those of non-blank rows, exactly where `CsvReader` checks `stopAt`, so shard i stops where
 * shard i+1 begins and every row is read once. (Not exact only for a file with a quote that
 * never closes, which the reader recovers from by re-reading it as a literal.)
 */

const QUOTE = 34;
const LF = 10;
const CR = 13;

const NO_WORDS = new Uint32Array(0);

const ROW_START = 0;
const FIELD_START = 1;
const UNQUOTED = 2;
const QUOTED = 3;
const QUOTE_SEEN = 4;

export interface ByteRange {
  /** First byte offset (inclusive). */
  start: number;
  /** Last byte offset (exclusive). */
  end: number;
}

/** The `i`-th (1-based) of `n` equal byte ranges of a file of `fileSize` bytes. */
export function shardRange(fileSize: number, i: number, n: number): ByteRange {
  if (!Number.isInteger(n) || n < 1 || !Number.isInteger(i) || i < 1 || i > n) {
    throw new RangeError(`shard must be i/n with 1 ≤ i ≤ n, got ${i}/${n}`);
  }
  return { start: Math.floor((fileSize * (i - 1)) / n), end: Math.floor((fileSize * i) / n) };
}

export interface RowStart {
  /** Byte offset of the row's first byte. */
  offset: number;
  /** 1-based physical line of that byte. */
  line: number;
}

export interface RowScannerOptions {
  delimiter?: string;
  /** Whether the first non-blank row is a header, never returned as a row start (default true). */
  header?: boolean;
}

/** Finds the first non-blank data row starting at or after `target`, fed the file from byte 0. */
export class CsvRowScanner {
  private readonly delimiter: number;
  private readonly skipRows: number;
  private readonly target: number;
  /** Bytes that end an unquoted field (delimiter, LF, CR) and that matter inside quotes (", LF, CR). */
  private readonly unquotedClass = new Uint8Array(256);
  private readonly quotedClass = new Uint8Array(256);
  private offset = 0;
  private state = ROW_START;
  private afterCR = false;
  private quotedCR = false;
  private line = 1;
  private rows = 0;
  private bomChecked = false;
  private found: RowStart | null = null;

  constructor(target: number, options: RowScannerOptions = {}) {
    this.target = target;
    this.delimiter = (options.delimiter ?? ',').charCodeAt(0);
    this.skipRows = (options.header ?? true) ? 1 : 0;
    for (const c of [this.delimiter, LF, CR]) this.unquotedClass[c] = 1;
    for (const c of [QUOTE, LF, CR]) this.quotedClass[c] = 1;
  }

  /** The row start, once `push` has returned true. */
  get result(): RowStart | null {
    return this.found;
  }

  /** Where the input ended without a row start at or after the target. */
  endOfInput(): RowStart {
    return this.found ?? { offset: this.offset, line: this.line };
  }

  /** Feeds the next bytes; true once the row start is found (feed no more). */
  push(chunk: Uint8Array): boolean {
    if (this.found) return true;
    const n = chunk.length;
    let i = 0;
    if (!this.bomChecked && n > 0) {
      // A BOM split across the first chunks is not worth handling: chunks are far larger.
      this.bomChecked = true;
      if (n >= 3 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) i = 3;
    }
    const delimiter = this.delimiter;
    const unquoted = this.unquotedClass;
    const quoted = this.quotedClass;
    const targetIndex = this.target - this.offset;
    let state = this.state;
    let line = this.line;
    let afterCR = this.afterCR;
    let quotedCR = this.quotedCR;
    let rows = this.rows;
    const fastEnd = Math.min(n, targetIndex);
    // The chunk as 32-bit words from its first 4-byte-aligned byte, `first`, for the fast loop below.
    const first = (4 - (chunk.byteOffset & 3)) & 3;
    const wordCount = n > first ? (n - first) >> 2 : 0;
    const words = wordCount > 0 ? new Uint32Array(chunk.buffer, chunk.byteOffset + first, wordCount) : NO_WORDS;
    const lastWord = (fastEnd - first) >> 2;
    while (i < n) {
      if (i < fastEnd && state !== QUOTED && state !== QUOTE_SEEN && !afterCR && rows >= this.skipRows) {
        // Outside quotes and before the target only lines matter: count them up to the next quote
        // in a tight loop, then take the state the last byte leaves.
        let p = i;
        let crlf = 0;
        let breaks = 0;
        for (; p < fastEnd; p++) {
          // Whole words before the target without a quote or CR (a CR next to one goes byte by byte): only their LFs
          // matter, counted four bytes at a time.
          if (((p - first) & 3) === 0 && (p === i || chunk[p - 1] !== CR)) {
            let w = (p - first) >> 2;
            while (w < lastWord && isPlainWord(words[w]!)) breaks += lineFeeds(words[w++]!);
            p = first + 4 * w;
            if (p >= fastEnd) break;
          }
          const c = chunk[p]!;
          if (c <= QUOTE) {
            if (c === QUOTE) break;
            if (c === LF) {
              breaks++;
              if (p > i && chunk[p - 1] === CR) crlf++;
            } else if (c === CR) breaks++;
          }
        }
        if (p > i) {
          line += breaks - crlf;
          const last = chunk[p - 1]!;
          if (last === LF || last === CR) {
            state = ROW_START;
            afterCR = last === CR;
          } else state = last === delimiter ? FIELD_START : UNQUOTED;
          i = p;
          continue;
        }
      }
      if (state === ROW_START) {
        const c = chunk[i]!;
        if (afterCR) {
          afterCR = false;
          if (c === LF) {
            i++;
            continue;
          }
        }
        if (c === LF || c === CR) {
          line++;
          afterCR = c === CR;
          i++;
          continue;
        }
        if (rows >= this.skipRows && i >= targetIndex) {
          this.found = { offset: this.offset + i, line };
          return true;
        }
        rows++;
        state = FIELD_START;
      }
      if (state === FIELD_START) {
        if (chunk[i] === QUOTE) {
          state = QUOTED;
          quotedCR = false;
          i++;
          continue;
        }
        state = UNQUOTED;
      }
      if (state === UNQUOTED) {
        while (i < n && unquoted[chunk[i]!] === 0) i++;
        if (i >= n) break;
        const c = chunk[i++]!;
        if (c === delimiter) state = FIELD_START;
        else {
          line++;
          afterCR = c === CR;
          state = ROW_START;
        }
        continue;
      }
      if (state === QUOTED) {
        const from = i;
        while (i < n && quoted[chunk[i]!] === 0) i++;
        if (i > from) quotedCR = false;
        if (i >= n) break;
        const c = chunk[i++]!;
        if (c === QUOTE) state = QUOTE_SEEN;
        else if (c === CR) {
          line++;
          quotedCR = true;
        } else {
          if (!quotedCR) line++;
          quotedCR = false;
        }
        continue;
      }
      // QUOTE_SEEN: an escaped quote, or the end of the field, or text after the closing quote.
      if (chunk[i] === QUOTE) {
        state = QUOTED;
        quotedCR = false;
        i++;
      } else state = UNQUOTED;
    }
    this.state = state;
    this.line = line;
    this.afterCR = afterCR;
    this.quotedCR = quotedCR;
    this.rows = rows;
    this.offset += n;
    return false;
  }
}

/** 0x80 in each byte of `v` that is zero, 0 in the others (exact, unlike the usual has-a-zero-byte test). */
function zeroBytes(v: number): number {
  return ~(((v & 0x7f7f7f7f) + 0x7f7f7f7f) | v | 0x7f7f7f7f);
}

/** Whether none of the word's bytes is a quote or a CR ((v − 0x01…) & ~v & 0x80… is 0 exactly when no byte of v is). */
function isPlainWord(word: number): boolean {
  const q = word ^ 0x22222222;
  const cr = word ^ 0x0d0d0d0d;
  return ((((q - 0x01010101) & ~q) | ((cr - 0x01010101) & ~cr)) & 0x80808080) === 0;
}

/** LF bytes in the word. */
function lineFeeds(word: number): number {
  return Math.imul((zeroBytes(word ^ 0x0a0a0a0a) >>> 7) & 0x01010101, 0x01010101) >>> 24;
}

/**
 * The first data row starting at or after `target`, scanning `source` (the file from byte 0)
 * only as far as needed; the end of input when there is none.
 */
export async function findRowStart(
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  target: number,
  options: RowScannerOptions = {},
): Promise<RowStart> {
  const scanner = new CsvRowScanner(target, options);
  for await (const chunk of source) if (scanner.push(chunk)) break;
  return scanner.endOfInput();
}

/** JSON Lines rows start after each LF, so the scan only counts lines up to the target. */
export async function findLineStart(
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  target: number,
): Promise<RowStart> {
  let offset = 0;
  let line = 1;
  if (target <= 0) return { offset: 0, line };
  for await (const chunk of source) {
    let from = 0;
    for (;;) {
      const lf = chunk.indexOf(LF, from);
      if (lf < 0) break;
      line++;
      if (offset + lf + 1 >= target) return { offset: offset + lf + 1, line };
      from = lf + 1;
    }
    offset += chunk.length;
  }
  return { offset, line };
}
