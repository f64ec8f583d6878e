/**
 * The compact binary form of a sketch's numbers inside profile JSON: varints of deltas (sorted values are close
 * to each other), decimals stored as the integers they scale to, deflated, base64. Profiles are committed next
 * to the data they describe, so their size matters; reading one back must give every number exactly.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { fail } from './json.js';

const TWO_52 = 2 ** 52;
/** Decimals with up to this many fractional digits are stored as integers. */
const MAX_DIGITS = 9;
const RAW_FLOATS = 255;

export class ByteWriter {
  private bytes = new Uint8Array(1024);
  private length = 0;

  private room(n: number): void {
    if (this.length + n <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + n));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }

  byte(b: number): void {
    this.room(1);
    this.bytes[this.length++] = b;
  }

  /** A non-negative integer below 2^53, 7 bits a byte. */
  varint(v: number): void {
    this.room(8);
    while (v >= 128) {
      this.bytes[this.length++] = (v % 128) | 128;
      v = Math.floor(v / 128);
    }
    this.bytes[this.length++] = v;
  }

  /** A signed integer of magnitude below 2^52. */
  signed(v: number): void {
    this.varint(v >= 0 ? 2 * v : -2 * v - 1);
  }

  float64(v: number): void {
    this.room(8);
    new DataView(this.bytes.buffer).setFloat64(this.length, v, true);
    this.length += 8;
  }

  /** Deflated and base64-encoded. */
  encode(): string {
    return deflateRawSync(this.bytes.subarray(0, this.length), { level: 9 }).toString('base64');
  }
}

export class ByteReader {
  private at = 0;
  private readonly view: DataView;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly path: string,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  static decode(text: unknown, path: string): ByteReader {
    if (typeof text !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) {
      fail(path, 'expected base64 text');
    }
    try {
      return new ByteReader(inflateRawSync(Buffer.from(text, 'base64')), path);
    } catch {
      fail(path, 'is not a deflated byte stream');
    }
  }

  private truncated(): never {
    fail(this.path, 'ends early (truncated or corrupt data)');
  }

  byte(): number {
    if (this.at >= this.bytes.length) this.truncated();
    return this.bytes[this.at++]!;
  }

  varint(): number {
    let v = 0;
    let scale = 1;
    for (;;) {
      const b = this.byte();
      v += (b & 127) * scale;
      if (b < 128) return v;
      scale *= 128;
      if (scale > 2 ** 56) fail(this.path, 'holds a number too large for a count or a delta');
    }
  }

  signed(): number {
    const z = this.varint();
    return z % 2 === 0 ? z / 2 : -(z + 1) / 2;
  }

  float64(): number {
    if (this.at + 8 > this.bytes.length) this.truncated();
    const v = this.view.getFloat64(this.at, true);
    this.at += 8;
    return v;
  }

  /** Fails unless every byte was read: trailing bytes mean the data is not what its header says. */
  end(): void {
    if (this.at !== this.bytes.length) fail(this.path, 'has bytes left over (corrupt data)');
  }
}

/**
 * Writes ascending finite numbers: as deltas of the integers they scale to when all are decimals with the same
 * few fractional digits (2-decimal amounts, integer counts), else as raw doubles.
 */
export function writeAscending(out: ByteWriter, values: ArrayLike<number>): void {
  const digits = decimalDigits(values);
  if (digits === undefined) {
    out.byte(RAW_FLOATS);
    for (let i = 0; i < values.length; i++) out.float64(values[i]!);
    return;
  }
  out.byte(digits);
  const scale = 10 ** digits;
  let previous = 0;
  for (let i = 0; i < values.length; i++) {
    const scaled = Math.round(values[i]! * scale);
    out.signed(scaled - previous);
    previous = scaled;
  }
}

export function readAscending(input: ByteReader, count: number, path: string): Float64Array {
  const values = new Float64Array(count);
  const digits = input.byte();
  if (digits === RAW_FLOATS) {
    for (let i = 0; i < count; i++) values[i] = input.float64();
  } else {
    if (digits > MAX_DIGITS) fail(path, `unknown number encoding ${digits}`);
    const scale = 10 ** digits;
    let scaled = 0;
    for (let i = 0; i < count; i++) {
      scaled += input.signed();
      values[i] = scaled / scale;
    }
  }
  for (let i = 0; i < count; i++) {
    if (!Number.isFinite(values[i]!) || (i > 0 && !(values[i]! > values[i - 1]!))) {
      fail(path, `values must be finite and ascending (at index ${i})`);
    }
  }
  return values;
}

/**
 * The fewest fractional digits (≤ 9) with which every value is `integer / 10^digits` exactly, as decoding
 * computes it, and the integers and their deltas stay below 2^52; undefined when there is none.
 */
function decimalDigits(values: ArrayLike<number>): number | undefined {
  let digits = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    while (digits <= MAX_DIGITS && !isDecimal(v, digits)) digits++;
    if (digits > MAX_DIGITS) return undefined;
  }
  const scale = 10 ** digits;
  const first = values.length > 0 ? Math.abs(values[0]! * scale) : 0;
  const last = values.length > 0 ? Math.abs(values[values.length - 1]! * scale) : 0;
  return first + last < TWO_52 ? digits : undefined;
}

function isDecimal(v: number, digits: number): boolean {
  const scale = 10 ** digits;
  const scaled = Math.round(v * scale);
  return Math.abs(scaled) < TWO_52 && scaled / scale === v;
}
