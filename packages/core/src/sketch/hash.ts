/**
 * 64-bit hashes for sketches, computed without allocating: every function writes the two 32-bit
 * halves into a caller-owned `out` array. Strings are hashed as their UTF-8 bytes, so a value read
 * as a byte range from a CSV buffer and the same value held as a JS string hash identically.
 *
 * Bytes use MurmurHash3 x86_128 (Appleby, public domain; the first 64 of its 128 bits): it passes
 * SMHasher and needs only 32-bit multiplies, which JS does natively with Math.imul. Doubles use a
 * three-round invertible mixer over their IEEE-754 bit pattern, so distinct doubles never collide.
 */

// Module-level aliases: inside a VM context (Jest) every `Math.x` lookup goes through the global
// object's interceptor and costs ~300 ns; a captured reference is as fast as natively.
const { imul } = Math;

const C1 = 0x239b961b;
const C2 = 0xab0e9789;
const C3 = 0x38b34ae5;
const C4 = 0xa1e38b93;

function rotl(x: number, r: number): number {
  return (x << r) | (x >>> (32 - r));
}

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

function readUint32LE(buf: Uint8Array, i: number): number {
  return buf[i]! | (buf[i + 1]! << 8) | (buf[i + 2]! << 16) | (buf[i + 3]! << 24);
}

/** MurmurHash3 x86_128 of `buf[start, end)`; writes h1 to out[0] and h2 to out[1]. */
export function hashBytes(buf: Uint8Array, start: number, end: number, out: Uint32Array, seed = 0): void {
  const len = end - start;
  let h1 = seed | 0;
  let h2 = h1;
  let h3 = h1;
  let h4 = h1;
  const blocksEnd = start + (len & ~15);
  let i = start;
  for (; i < blocksEnd; i += 16) {
    let k1 = readUint32LE(buf, i);
    let k2 = readUint32LE(buf, i + 4);
    let k3 = readUint32LE(buf, i + 8);
    let k4 = readUint32LE(buf, i + 12);

    k1 = imul(rotl(imul(k1, C1), 15), C2);
    h1 ^= k1;
    h1 = (imul(rotl(h1, 19) + h2, 5) + 0x561ccd1b) | 0;

    k2 = imul(rotl(imul(k2, C2), 16), C3);
    h2 ^= k2;
    h2 = (imul(rotl(h2, 17) + h3, 5) + 0x0bcaa747) | 0;

    k3 = imul(rotl(imul(k3, C3), 17), C4);
    h3 ^= k3;
    h3 = (imul(rotl(h3, 15) + h4, 5) + 0x96cd1c35) | 0;

    k4 = imul(rotl(imul(k4, C4), 18), C1);
    h4 ^= k4;
    h4 = (imul(rotl(h4, 13) + h1, 5) + 0x32ac3b17) | 0;
  }

  const tail = len & 15;
  if (tail > 12) {
    let k4 = 0;
    for (let j = tail - 1; j >= 12; j--) k4 = (k4 << 8) | buf[i + j]!;
    h4 ^= imul(rotl(imul(k4, C4), 18), C1);
  }
  if (tail > 8) {
    let k3 = 0;
    for (let j = Math.min(tail, 12) - 1; j >= 8; j--) k3 = (k3 << 8) | buf[i + j]!;
    h3 ^= imul(rotl(imul(k3, C3), 17), C4);
  }
  if (tail > 4) {
    let k2 = 0;
    for (let j = Math.min(tail, 8) - 1; j >= 4; j--) k2 = (k2 << 8) | buf[i + j]!;
    h2 ^= imul(rotl(imul(k2, C2), 16), C3);
  }
  if (tail > 0) {
    let k1 = 0;
    for (let j = Math.min(tail, 4) - 1; j >= 0; j--) k1 = (k1 << 8) | buf[i + j]!;
    h1 ^= imul(rotl(imul(k1, C1), 15), C2);
  }

  h1 ^= len;
  h2 ^= len;
  h3 ^= len;
  h4 ^= len;
  h1 = (h1 + h2 + h3 + h4) | 0;
  h2 = (h2 + h1) | 0;
  h3 = (h3 + h1) | 0;
  h4 = (h4 + h1) | 0;
  h1 = fmix32(h1);
  h2 = fmix32(h2);
  h3 = fmix32(h3);
  h4 = fmix32(h4);
  h1 = (h1 + h2 + h3 + h4) | 0;
  h2 = (h2 + h1) | 0;
  out[0] = h1;
  out[1] = h2;
}

const f64 = new Float64Array(1);
const f64Words = new Uint32Array(f64.buffer);
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const LO = LITTLE_ENDIAN ? 0 : 1;
const HI = 1 - LO;

/**
 * Hash of a double's bit pattern. -0 hashes as 0 and every NaN as the canonical NaN, so values
 * that compare equal (and all NaNs) count as one distinct value.
 */
export function hashNumber(x: number, out: Uint32Array): void {
  f64[0] = x === 0 ? 0 : x;
  if (x !== x) f64[0] = NaN;
  const lo = f64Words[LO]!;
  const hi = f64Words[HI]!;
  // Each round is invertible given the other half (a Feistel-like network), so the map is a bijection.
  let a = fmix32(lo ^ imul(hi, 0x9e3779b1));
  const b = fmix32(hi ^ imul(a, 0x85ebca77));
  a = fmix32(a ^ imul(b, 0xc2b2ae3d));
  out[0] = a;
  out[1] = b;
}

let scratch = new Uint8Array(256);

/**
 * Encodes `s` as UTF-8 into a module-owned buffer (grown when a longer string arrives) and
 * returns the byte length. Lone surrogates become U+FFFD, as TextEncoder does. The buffer is
 * only valid until the next call: read it immediately via `utf8Scratch()`.
 */
export function encodeUtf8Scratch(s: string): number {
  if (scratch.length < s.length * 3) scratch = new Uint8Array(Math.max(s.length * 3, scratch.length * 2));
  const buf = scratch;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x80) {
      buf[n++] = c;
      continue;
    }
    if (c < 0x800) {
      buf[n++] = 0xc0 | (c >> 6);
      buf[n++] = 0x80 | (c & 63);
      continue;
    }
    if (c >= 0xd800 && c <= 0xdfff) {
      const next = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
        i++;
        buf[n++] = 0xf0 | (c >> 18);
        buf[n++] = 0x80 | ((c >> 12) & 63);
        buf[n++] = 0x80 | ((c >> 6) & 63);
        buf[n++] = 0x80 | (c & 63);
        continue;
      }
      c = 0xfffd;
    }
    buf[n++] = 0xe0 | (c >> 12);
    buf[n++] = 0x80 | ((c >> 6) & 63);
    buf[n++] = 0x80 | (c & 63);
  }
  return n;
}

/** The buffer `encodeUtf8Scratch` wrote into. */
export function utf8Scratch(): Uint8Array {
  return scratch;
}

/** Hash of a string's UTF-8 bytes; equals `hashBytes` over the same text read as bytes. */
export function hashString(s: string, out: Uint32Array, seed = 0): void {
  const n = encodeUtf8Scratch(s);
  hashBytes(scratch, 0, n, out, seed);
}
