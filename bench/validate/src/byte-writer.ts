import { closeSync, writeSync } from 'node:fs';
import type { TokenTable } from './token-table.js';

/** Longest single write between flushes: a whole CSV row stays far below this. */
const SLACK = 4096;
const DIGITS = new Uint8Array(20);

/**
 * Appends ASCII bytes to a large buffer and flushes it to a file descriptor when nearly full.
 * Numbers are written digit by digit so no per-value string is ever allocated.
 */
export class ByteWriter {
  private readonly buffer: Uint8Array;
  private pos = 0;
  bytesWritten = 0;

  constructor(
    private readonly fd: number,
    capacity = 8 * 1024 * 1024,
  ) {
    this.buffer = new Uint8Array(capacity);
  }

  /** Flushes first when fewer than SLACK bytes remain, so one row never straddles a full buffer. */
  reserve(): void {
    if (this.pos > this.buffer.length - SLACK) this.flush();
  }

  byte(b: number): void {
    this.buffer[this.pos++] = b;
  }

  /** A plain loop: TypedArray#set costs more than it saves on the few-byte fields of a CSV row. */
  bytes(src: Uint8Array): void {
    const buffer = this.buffer;
    let pos = this.pos;
    for (let i = 0; i < src.length; i++) buffer[pos++] = src[i] as number;
    this.pos = pos;
  }

  /** Token `index` of a packed table. */
  token(table: TokenTable, index: number): void {
    const buffer = this.buffer;
    const src = table.bytes;
    let pos = this.pos;
    const start = table.starts[index] as number;
    const end = start + (table.lengths[index] as number);
    for (let i = start; i < end; i++) buffer[pos++] = src[i] as number;
    this.pos = pos;
  }

  /** A non-negative integer below 2^53. */
  uint(n: number): void {
    if (n < 10) {
      this.buffer[this.pos++] = 48 + n;
      return;
    }
    let len = 0;
    while (n > 0) {
      const q = Math.floor(n / 10);
      DIGITS[len++] = 48 + (n - q * 10);
      n = q;
    }
    while (len > 0) this.buffer[this.pos++] = DIGITS[--len] as number;
  }

  /** `units / 10^decimals` with exactly `decimals` fraction digits, e.g. (-1205, 2) → "-12.05". */
  fixed(units: number, decimals: number, scale: number): void {
    if (units < 0) {
      this.buffer[this.pos++] = 45;
      units = -units;
    }
    const whole = Math.floor(units / scale);
    this.uint(whole);
    this.buffer[this.pos++] = 46;
    let frac = units - whole * scale;
    for (let i = decimals - 1; i >= 0; i--) {
      const q = Math.floor(frac / 10);
      this.buffer[this.pos + i] = 48 + (frac - q * 10);
      frac = q;
    }
    this.pos += decimals;
  }

  flush(): void {
    let offset = 0;
    while (offset < this.pos) offset += writeSync(this.fd, this.buffer, offset, this.pos - offset);
    this.bytesWritten += this.pos;
    this.pos = 0;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}
