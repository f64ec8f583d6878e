import { FieldFlag, NullTokens, RecordBatch, pushBatches } from './batch.js';
import type { BatchReader } from './batch.js';
import { IssueLog } from './issues.js';
import { charColumn, findInvalidUtf8, writeUtf8 } from './utf8.js';

export interface JsonlOptions {
  /** Rows per batch (default 16,384). */
  batchSize?: number;
  /** Null tokens; they never match JSON values (strings are quoted), kept for one accessor type. */
  nullValues?: readonly string[];
  /** Issues kept in `issues` (default 100); all are counted. */
  maxErrors?: number;
  /** File name put in issues. */
  file?: string;
  /** Line number of the first byte written (default 1). */
  firstLine?: number;
  /** Stop before the first line that starts at or beyond this byte offset of the input. */
  stopAt?: number;
}

const LF = 10;

const fatalDecoder = new TextDecoder('utf-8', { fatal: true });
const lenientDecoder = new TextDecoder();

/**
 * JSON Lines reader producing the same `RecordBatch` as the CSV reader: one row per line that
 * holds a JSON object. Columns are the union of top-level keys in first-seen order, growing as
 * later batches meet new keys. Values become bytes: strings as UTF-8 (flag QUOTED), numbers as
 * `String(n)`, booleans as `true`/`false` (flag BOOLEAN), objects and arrays as JSON text (flag
 * NESTED), and null or a missing key as an empty field with flag NULL. Blank lines are skipped;
 * a line that is not a JSON object is reported and skipped.
 */
export class JsonlReader implements BatchReader {
  readonly issues: IssueLog;
  private readonly batchSize: number;
  private readonly stopAt: number;
  private readonly batch: RecordBatch;
  private readonly names: string[] = [];
  private readonly index = new Map<string, number>();
  private readonly pending: Record<string, unknown>[] = [];
  private readonly pendingLines: number[] = [];
  private readonly lineEnds: number[] = [];

  private buf = new Uint8Array(1 << 16);
  private len = 0;
  private pos = 0;
  private consumed = 0;
  private line: number;
  private eof = false;
  private finished = false;
  private stopped = false;
  private bomChecked = false;
  private out = new Uint8Array(1 << 16);

  constructor(options: JsonlOptions = {}) {
    this.batchSize = Math.max(1, options.batchSize ?? 16384);
    this.stopAt = options.stopAt ?? -1;
    this.line = options.firstLine ?? 1;
    this.issues = new IssueLog(options.file, options.maxErrors ?? 100);
    this.batch = new RecordBatch(new NullTokens(options.nullValues));
  }

  get columns(): readonly string[] {
    return this.names;
  }

  write(chunk: Uint8Array): void {
    if (this.eof) throw new Error('JsonlReader.write after end');
    if (this.stopped || chunk.length === 0) return;
    if (this.pos > 0) {
      this.buf.copyWithin(0, this.pos, this.len);
      this.len -= this.pos;
      this.consumed += this.pos;
      this.pos = 0;
    }
    if (this.len + chunk.length > this.buf.length) {
      let size = this.buf.length * 2;
      while (size < this.len + chunk.length) size *= 2;
      const grown = new Uint8Array(size);
      grown.set(this.buf.subarray(0, this.len));
      this.buf = grown;
    }
    this.buf.set(chunk, this.len);
    this.len += chunk.length;
  }

  end(): void {
    this.eof = true;
  }

  /** Same contract as `CsvReader.next`: the previous batch becomes invalid. */
  next(): RecordBatch | null {
    if (this.finished) return null;
    this.readLines();
    const done = this.stopped || (this.eof && this.pos >= this.len);
    if (this.pending.length < this.batchSize && !done) return null;
    if (done) this.finished = true;
    if (this.pending.length === 0) return null;
    this.fill();
    return this.batch;
  }

  /** Reads a whole source; each yielded batch is valid until the next iteration. */
  batches(source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): AsyncGenerator<RecordBatch, void> {
    return pushBatches(this, source);
  }

  /** True once the reader reached its stop point (a shard's end) and takes no more bytes. */
  get hasStopped(): boolean {
    return this.stopped;
  }

  /** Parses complete lines until the batch has `batchSize` objects or the input runs out. */
  private readLines(): void {
    const buf = this.buf;
    if (!this.bomChecked) {
      if (this.len < 3 && !this.eof) return;
      this.bomChecked = true;
      if (this.len >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) this.pos = 3;
    }
    const data = buf.subarray(0, this.len);
    while (this.pending.length < this.batchSize && this.pos < this.len) {
      // Find the lines of one block, then decode the block at once: a decoder call per line
      // would cost more than the JSON parsing.
      const blockStart = this.pos;
      const firstLine = this.line;
      const ends = this.lineEnds;
      ends.length = 0;
      let at = blockStart;
      while (ends.length < this.batchSize - this.pending.length && at < this.len) {
        if (this.stopAt >= 0 && this.consumed + at >= this.stopAt) {
          this.stopped = true;
          break;
        }
        let end = data.indexOf(LF, at);
        if (end < 0) {
          if (!this.eof) break;
          end = this.len;
        }
        ends.push(end);
        at = end + 1;
      }
      if (ends.length === 0) return;
      this.pos = Math.min(at, this.len);
      this.line += ends.length;
      this.readBlock(blockStart, ends, firstLine);
      if (this.stopped) return;
    }
  }

  /** Reads the lines that start at `start` and end (before LF) at each of `ends`. */
  private readBlock(start: number, ends: readonly number[], firstLine: number): void {
    const blockEnd = ends[ends.length - 1]!;
    let text: string | undefined;
    try {
      text = fatalDecoder.decode(this.buf.subarray(start, blockEnd));
    } catch {
      // Somewhere in the block is invalid UTF-8: decode line by line to report each one.
      text = undefined;
    }
    let lineStart = start;
    let from = 0;
    for (let k = 0; k < ends.length; k++) {
      const end = ends[k]!;
      const line = firstLine + k;
      let lineText: string;
      if (text !== undefined) {
        const lf = k === ends.length - 1 ? text.length : text.indexOf('\n', from);
        lineText = text.slice(from, lf);
        from = lf + 1;
      } else lineText = this.decodeLine(lineStart, end, line);
      lineStart = end + 1;
      if (lineText.endsWith('\r')) lineText = lineText.slice(0, -1);
      this.readLine(lineText, line);
    }
  }

  private decodeLine(start: number, end: number, line: number): string {
    const bytes = this.buf.subarray(start, end);
    const bad = findInvalidUtf8(this.buf, start, end);
    if (bad < 0) return lenientDecoder.decode(bytes);
    this.issues.add(
      'invalid-utf8',
      'error',
      line,
      charColumn(this.buf, start, bad),
      'invalid UTF-8 byte sequence; replaced with U+FFFD',
    );
    return lenientDecoder.decode(bytes);
  }

  private readLine(text: string, line: number): void {
    if (text.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const at = /position (\d+)/.exec(message);
      const column = at ? Number(at[1]) + 1 : 1;
      const reason = message.replace(/, ".*" is not valid JSON$/s, '').replace(/ in JSON at position \d+.*$/s, '');
      this.issues.add('bad-json', 'error', line, column, `invalid JSON (${reason.slice(0, 120)}); line skipped`);
      return;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      const kind = value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
      this.issues.add('not-an-object', 'error', line, 1, `expected a JSON object, found ${kind}; line skipped`);
      return;
    }
    this.pending.push(value as Record<string, unknown>);
    this.pendingLines.push(line);
  }

  /** Writes the pending objects into the batch as byte ranges. */
  private fill(): void {
    const rows = this.pending;
    for (const row of rows) {
      for (const key in row) {
        if (!this.index.has(key)) {
          this.index.set(key, this.names.length);
          this.names.push(key);
        }
      }
    }
    const cc = this.names.length;
    const cells = rows.length * cc;
    const batch = this.batch;
    if (batch.starts.length < cells) {
      batch.starts = new Int32Array(cells);
      batch.ends = new Int32Array(cells);
      batch.flags = new Uint8Array(cells);
    }
    if (batch.lines.length < rows.length) batch.lines = new Int32Array(this.batchSize);
    const { starts, ends, flags } = batch;
    flags.fill(FieldFlag.NULL, 0, cells);
    starts.fill(0, 0, cells);
    ends.fill(0, 0, cells);
    let w = 0;
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r]!;
      const base = r * cc;
      for (const key in row) {
        const k = base + this.index.get(key)!;
        const value = row[key];
        let text: string;
        let flag: number;
        if (value === null) continue;
        if (typeof value === 'string') {
          text = value;
          flag = FieldFlag.QUOTED;
        } else if (typeof value === 'number') {
          text = String(value);
          flag = 0;
        } else if (typeof value === 'boolean') {
          text = value ? 'true' : 'false';
          flag = FieldFlag.BOOLEAN;
        } else {
          text = JSON.stringify(value);
          flag = FieldFlag.NESTED;
        }
        if (w + text.length * 3 > this.out.length) this.growOut(w + text.length * 3);
        const written = writeUtf8(text, this.out, w);
        if (written !== text.length) flag |= FieldFlag.NON_ASCII;
        starts[k] = w;
        ends[k] = w + written;
        flags[k] = flag;
        w += written;
      }
      batch.lines[r] = this.pendingLines[r]!;
    }
    batch.columns = this.names.slice();
    batch.columnCount = cc;
    batch.rowCount = rows.length;
    batch.bytes = this.out;
    rows.length = 0;
    this.pendingLines.length = 0;
  }

  private growOut(min: number): void {
    let size = this.out.length * 2;
    while (size < min) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.out);
    this.out = grown;
  }
}
