/** UTF-8 helpers that work on byte ranges, so ASCII data never builds strings. */

const decoder = new TextDecoder();
const encoder = new TextEncoder();

/**
 * Offset of the first byte of an invalid UTF-8 sequence in `buf[start, end)`, or -1 when the
 * range is well-formed (Unicode's definition: no overlong forms, surrogates or code points
 * above U+10FFFF — the same sequences `TextDecoder` with `fatal: true` rejects).
 */
export function findInvalidUtf8(buf: Uint8Array, start: number, end: number): number {
  let i = start;
  while (i < end) {
    const c = buf[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      if (c === 0xe0) lo = 0xa0;
      else if (c === 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      if (c === 0xf0) lo = 0x90;
      else if (c === 0xf4) hi = 0x8f;
    } else return i;
    if (i + need >= end) return i;
    const second = buf[i + 1]!;
    if (second < lo || second > hi) return i;
    for (let k = 2; k <= need; k++) {
      const b = buf[i + k]!;
      if (b < 0x80 || b > 0xbf) return i;
    }
    i += need + 1;
  }
  return -1;
}

/** Decodes `buf[start, end)` as UTF-8 (invalid sequences become U+FFFD). */
export function decodeUtf8(buf: Uint8Array, start: number, end: number): string {
  const length = end - start;
  if (length <= 24) {
    // Short ASCII is the common case in tabular data, and a loop beats the decoder's call cost.
    let text = '';
    for (let i = start; i < end; i++) {
      const c = buf[i]!;
      if (c >= 0x80) return decoder.decode(buf.subarray(start, end));
      text += String.fromCharCode(c);
    }
    return text;
  }
  return decoder.decode(buf.subarray(start, end));
}

/** 1-based column of byte `at` in the line starting at `lineStart`, counted in Unicode code points. */
export function charColumn(buf: Uint8Array, lineStart: number, at: number): number {
  let column = 1;
  for (let i = lineStart; i < at; i++) if ((buf[i]! & 0xc0) !== 0x80) column++;
  return column;
}

/** Writes `text` as UTF-8 at `out[at]` (the caller ensures room for 3 bytes a unit) and returns the byte count. */
export function writeUtf8(text: string, out: Uint8Array, at: number): number {
  // Short ASCII values are the norm, and a loop beats the encoder's call cost for them.
  if (text.length <= 32) {
    let i = 0;
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0x80) break;
      out[at + i] = c;
    }
    if (i === text.length) return i;
  }
  return encoder.encodeInto(text, out.subarray(at)).written;
}
