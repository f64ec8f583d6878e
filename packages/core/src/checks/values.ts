import { FieldFlag, type RecordBatch } from '../data/batch.js';
import { isBooleanText } from '../data/boolean-text.js';
import { parseIsoDateTime } from '../profile/datetime.js';
import type { Bounds, SetValue, ValueType } from './types.js';

const ISO_DATETIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/;

/**
 * Milliseconds since the epoch of an ISO 8601 date or date-time (`2024-02-29`, `2024-02-29T13:05:00.5+01:00`,
 * a space instead of `T`); a value without an offset is UTC. NaN when the text is not one or names no real day.
 */
export function parseDateTime(text: string): number {
  const match = ISO_DATETIME.exec(text);
  if (!match) return NaN;
  const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '', zone] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return NaN;
  const ms = Date.UTC(year, month - 1, day, hour, minute, second, Number(fraction.padEnd(3, '0').slice(0, 3)));
  // Date.UTC rolls 2023-02-30 over to March; a rolled-over day is not a date.
  if (new Date(ms).getUTCDate() !== day) return NaN;
  return ms - zoneOffsetMs(zone);
}

function zoneOffsetMs(zone: string | undefined): number {
  if (zone === undefined || zone === 'Z') return 0;
  const digits = zone.slice(1).replace(':', '');
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0');
  return (zone.startsWith('-') ? -1 : 1) * minutes * 60_000;
}

/**
 * `parseDateTime` of a field, reading the common shapes (`YYYY-MM-DD`, then ` HH:MM` or
 * `THH:MM:SS`, no offset) straight from the bytes, where both parsers agree; any other text (and
 * second 60, which the byte parser reads as a leap second) is decoded and parsed as before.
 */
export function fieldDateTime(
  batch: RecordBatch,
  row: number,
  col: number,
  /** `parseIsoDateTime` of the field when the caller has it already (NaN: not known). */
  instant = NaN,
): number {
  const { bytes } = batch;
  const start = batch.start(row, col);
  const end = batch.end(row, col);
  const length = end - start;
  const leapSecond = length === 19 && bytes[start + 17] === 54 && bytes[start + 18] === 48;
  // Years 0–99 are Date.UTC's 1900s, which the two parsers tell leap years apart differently.
  const centuryZero = bytes[start] === 48 && bytes[start + 1] === 48;
  if ((length === 10 || length === 16 || length === 19) && !leapSecond && !centuryZero) {
    const time = instant === instant ? instant : parseIsoDateTime(bytes, start, end);
    if (time === time) return time;
  }
  return parseDateTime(batch.string(row, col));
}

/** True when `x` lies within the bounds; an absent bound is unbounded. */
export function withinBounds(x: number, { min, max, strictMin, strictMax }: Bounds): boolean {
  if (min !== undefined && (strictMin ? !(x > min) : !(x >= min))) return false;
  if (max !== undefined && (strictMax ? !(x < max) : !(x <= max))) return false;
  return true;
}

const MINUS = 45;
const PLUS = 43;
const DIGIT0 = 48;

/** `-12`, `+7`, `0042`: an integer written without a decimal point or exponent. */
function isIntegerText(bytes: Uint8Array, start: number, end: number): boolean {
  let i = start;
  if (i < end && (bytes[i] === MINUS || bytes[i] === PLUS)) i++;
  if (i === end) return false;
  for (; i < end; i++) {
    const d = bytes[i]! - DIGIT0;
    if (d < 0 || d > 9) return false;
  }
  return true;
}

/**
 * Whether the non-null field reads as `type`. With `quotedIsText` (JSON Lines) a quoted value is a
 * string whatever it looks like; in CSV quoting is syntax only.
 */
export function fieldHasType(
  batch: RecordBatch,
  row: number,
  col: number,
  type: ValueType,
  quotedIsText: boolean,
  /** The field's `batch.number`, when the caller has it already. */
  number?: number,
  /** The field's `parseIsoDateTime`, when the caller has it (NaN: not known). */
  instant = NaN,
): boolean {
  const flag = batch.flag(row, col);
  if (type === 'string') return true;
  if ((flag & (FieldFlag.NESTED | FieldFlag.INVALID_UTF8)) !== 0) return false;
  if (type === 'boolean') {
    if ((flag & FieldFlag.BOOLEAN) !== 0) return true;
    if (quotedIsText && (flag & FieldFlag.QUOTED) !== 0) return false;
    // Valid UTF-8 (checked above) lowercases to `true`/`false` only from these ASCII letters.
    return isBooleanText(batch.bytes, batch.start(row, col), batch.end(row, col));
  }
  if ((flag & FieldFlag.BOOLEAN) !== 0) return false;
  if (type === 'datetime') return !Number.isNaN(fieldDateTime(batch, row, col, instant));
  if (quotedIsText && (flag & FieldFlag.QUOTED) !== 0) return false;
  if (type === 'integer') return isIntegerText(batch.bytes, batch.start(row, col), batch.end(row, col));
  return !Number.isNaN(number ?? batch.number(row, col));
}

/**
 * Membership in a set of values written in a schema or suite: numbers match numerically (`1` matches
 * `1.0` and `1e0`, as in a typed column), booleans match `true`/`false` in any letter case, strings
 * match exactly.
 */
export class ValueSet {
  private readonly strings = new Set<string>();
  /** The strings' UTF-8 bytes by length, so valid UTF-8 fields are matched without decoding them. */
  private readonly stringBytes: Uint8Array[][] = [];
  private readonly numbers = new Set<number>();
  private readonly booleans = new Set<string>();

  constructor(values: readonly SetValue[]) {
    const encoder = new TextEncoder();
    for (const value of values) {
      if (typeof value === 'number') this.numbers.add(value);
      else if (typeof value === 'boolean') this.booleans.add(String(value));
      else if (!this.strings.has(value)) {
        this.strings.add(value);
        const bytes = encoder.encode(value);
        (this.stringBytes[bytes.length] ??= []).push(bytes);
      }
    }
  }

  has(batch: RecordBatch, row: number, col: number): boolean {
    if (this.numbers.size > 0) {
      const n = batch.number(row, col);
      if (!Number.isNaN(n) && this.numbers.has(n)) return true;
    }
    if (this.booleans.size === 0) {
      if (this.strings.size === 0) return false;
      if ((batch.flag(row, col) & FieldFlag.INVALID_UTF8) === 0) return this.hasBytes(batch, row, col);
    }
    const text = batch.string(row, col);
    return this.strings.has(text) || (this.booleans.size > 0 && this.booleans.has(text.toLowerCase()));
  }

  private hasBytes(batch: RecordBatch, row: number, col: number): boolean {
    const start = batch.start(row, col);
    const candidates = this.stringBytes[batch.end(row, col) - start];
    if (candidates === undefined) return false;
    const { bytes } = batch;
    outer: for (const candidate of candidates) {
      for (let i = 0; i < candidate.length; i++) if (candidate[i] !== bytes[start + i]) continue outer;
      return true;
    }
    return false;
  }
}

const INLINE_FLAGS = /^\(\?([a-zA-Z]+)\)/;

/**
 * A regular expression written for Python's `re` (what GX suites and most data tools use) as a
 * JavaScript `RegExp`: `(?P<name>…)` and `(?P=name)` groups, `\A` and `\Z` anchors and leading inline
 * flags `(?ims)` are translated; the rest of the common syntax is the same. Throws `SyntaxError`
 * for a pattern neither can read.
 */
export function compilePattern(pattern: string): RegExp {
  let body = pattern;
  let flags = '';
  const inline = INLINE_FLAGS.exec(body);
  if (inline) {
    for (const flag of inline[1]!) {
      if (!'ims'.includes(flag)) throw new SyntaxError(`inline flag "${flag}" is not supported`);
      if (!flags.includes(flag)) flags += flag;
    }
    body = body.slice(inline[0].length);
  }
  return new RegExp(translatePythonSyntax(body), flags);
}

function translatePythonSyntax(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\') {
      const next = pattern[i + 1];
      if (next === 'A') out += '^';
      else if (next === 'Z') out += '$';
      else out += c + (next ?? '');
      i++;
    } else if (pattern.startsWith('(?P<', i)) {
      out += '(?<';
      i += 3;
    } else if (pattern.startsWith('(?P=', i)) {
      const close = pattern.indexOf(')', i);
      if (close < 0) throw new SyntaxError('unterminated (?P= group');
      out += `\\k<${pattern.slice(i + 4, close)}>`;
      i = close;
    } else {
      out += c;
    }
  }
  return out;
}
