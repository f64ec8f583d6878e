/**
 * Byte-level number parsing with exactly `Number(text)` semantics, except that an empty or
 * all-whitespace field is NaN (a blank cell is missing, not zero).
 *
 * The fast path handles plain decimals (`-12`, `3.25`, `.5`, `6.02e23`) whose significand fits
 * in 2^53 and whose decimal exponent lets one IEEE multiplication or division produce the
 * correctly rounded result (Clinger's fast path). Anything else that might still be a number
 * (more digits, big exponents, `Infinity`, `0x1f`, surrounding whitespace, non-ASCII) is
 * decoded and handed to `Number()`, so results always agree with it.
 */

const POW10 = new Float64Array(23);
for (let i = 0, p = 1; i < 23; i++, p *= 10) POW10[i] = p;
const TWO53 = 9007199254740992;
const DIGIT0 = 48;

const decoder = new TextDecoder();

/** Whitespace that `Number()` trims, as ASCII bytes (the non-ASCII ones go through the fallback). */
function isAsciiSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/**
 * Parses `buf[start, end)` like `Number(text)`; NaN for an empty or all-whitespace field.
 *
 * This entry handles only `-?digits(.digits)?` and is kept small so that V8 inlines it into the
 * caller's loop: a double returned from a call that is not inlined is boxed on the heap, which
 * costs more than the parse. Everything else goes to `parseGeneral`.
 */
export function parseNumber(buf: Uint8Array, start: number, end: number): number {
  let i = start;
  if (i >= end) return NaN;
  let c = buf[i]!;
  const negative = c === 45; /* - */
  if (negative) {
    if (++i === end) return NaN;
    c = buf[i]!;
  }
  const intStart = i;
  let mantissa = 0;
  while (c >= DIGIT0 && c <= 57) {
    mantissa = mantissa * 10 + (c - DIGIT0);
    if (++i === end) {
      if (mantissa >= TWO53) break;
      return negative ? -mantissa : mantissa;
    }
    c = buf[i]!;
  }
  // Text starting with an ASCII letter other than the I of Infinity is never a number (words, NA).
  if (i === intStart && c > 57 && c < 0x80 && c !== 73) return NaN;
  if (c === 46 /* . */ && i > intStart && i < end) {
    const fracStart = ++i;
    while (i < end) {
      c = buf[i]!;
      if (c < DIGIT0 || c > 57) break;
      mantissa = mantissa * 10 + (c - DIGIT0);
      i++;
    }
    if (i === end && i - fracStart <= 22 && mantissa < TWO53) {
      const value = mantissa / POW10[i - fracStart]!;
      return negative ? -value : value;
    }
  }
  // The unary plus types the call's result as a number, so the inlined returns merge as an
  // unboxed double instead of boxing every fast-path result.
  return +parseGeneral(buf, start, end);
}

/** The whole `Number()` grammar on bytes, with the fast path's exactness rule. */
function parseGeneral(buf: Uint8Array, start: number, end: number): number {
  if (start >= end) return NaN;
  let i = start;
  let c = buf[i]!;
  let negative = false;
  if (c === 45 /* - */ || c === 43 /* + */) {
    negative = c === 45;
    if (++i === end) return NaN;
    c = buf[i]!;
  }
  // Digits accumulate exactly while the value stays below 2^53, whatever their count; `scale`
  // checks that bound, so no separate count of significant digits is needed.
  let mantissa = 0;
  const intStart = i;
  while (c >= DIGIT0 && c <= 57) {
    mantissa = mantissa * 10 + (c - DIGIT0);
    if (++i === end) {
      if (mantissa >= TWO53) return viaNumber(buf, start, end);
      return negative ? -mantissa : mantissa;
    }
    c = buf[i]!;
  }
  let digits = i - intStart;
  let exponent = 0;
  if (c === 46 /* . */) {
    const fracStart = ++i;
    while (i < end) {
      c = buf[i]!;
      if (c < DIGIT0 || c > 57) break;
      mantissa = mantissa * 10 + (c - DIGIT0);
      i++;
    }
    exponent = fracStart - i;
    digits -= exponent;
    if (digits === 0) return unusual(buf, start, end, i);
    if (i === end) return scale(buf, start, end, negative, mantissa, exponent);
  } else if (digits === 0) {
    return unusual(buf, start, end, i);
  }
  if (c !== 101 && c !== 69 /* e E */) return unusual(buf, start, end, i);
  if (++i === end) return NaN;
  c = buf[i]!;
  let expNegative = false;
  if (c === 45 || c === 43) {
    expNegative = c === 45;
    if (++i === end) return NaN;
    c = buf[i]!;
  }
  const expStart = i;
  let value = 0;
  while (c >= DIGIT0 && c <= 57) {
    if (value < 100000) value = value * 10 + (c - DIGIT0);
    if (++i === end) break;
    c = buf[i]!;
  }
  if (i === expStart || i !== end) return unusual(buf, start, end, i);
  return scale(buf, start, end, negative, mantissa, exponent + (expNegative ? -value : value));
}

/** `mantissa × 10^exponent` when one correctly rounded IEEE operation gives it (Clinger). */
function scale(
  buf: Uint8Array,
  start: number,
  end: number,
  negative: boolean,
  mantissa: number,
  exponent: number,
): number {
  if (mantissa === 0) return negative ? -0 : 0;
  if (mantissa >= TWO53) return viaNumber(buf, start, end);
  let value: number;
  if (exponent < 0) {
    if (exponent < -22) return viaNumber(buf, start, end);
    value = mantissa / POW10[-exponent]!;
  } else if (exponent <= 22) value = mantissa * POW10[exponent]!;
  else if (exponent <= 22 + 15) {
    // Still exact when the extra powers of ten keep the significand below 2^53.
    const scaled = mantissa * POW10[exponent - 22]!;
    if (scaled >= TWO53) return viaNumber(buf, start, end);
    value = scaled * 1e22;
  } else return viaNumber(buf, start, end);
  return negative ? -value : value;
}

/**
 * The parse stopped at byte `i`. Any ASCII byte there other than whitespace, the `I` of
 * `Infinity` or the letter of a `0x`/`0o`/`0b` prefix makes the text definitely not a number,
 * which keeps words and null tokens such as `NA` off the slow path.
 */
function unusual(buf: Uint8Array, start: number, end: number, i: number): number {
  if (i >= end) return NaN;
  const c = buf[i]!;
  if (c >= 0x80 || isAsciiSpace(c)) return viaNumber(buf, start, end);
  const first = buf[start]!;
  const signed = first === 45 || first === 43;
  if (c === 73 /* I */ && (i === start || (signed && i === start + 1))) return viaNumber(buf, start, end);
  if (i === start + 1 && first === DIGIT0) {
    const lower = c | 0x20;
    if (lower === 120 /* x */ || lower === 111 /* o */ || lower === 98 /* b */) return viaNumber(buf, start, end);
  }
  return NaN;
}

function viaNumber(buf: Uint8Array, start: number, end: number): number {
  const text = decoder.decode(buf.subarray(start, end));
  return text.trim() === '' ? NaN : Number(text);
}
