import { describe, it, expect } from '@jest/globals';
import { hashBytes, hashNumber, hashString } from '../../src/sketch/hash.js';

const hex = (out: Uint32Array) => out[0]!.toString(16).padStart(8, '0') + out[1]!.toString(16).padStart(8, '0');

// First 64 bits (h1, h2) of MurmurHash3 x86_128, computed with the reference-compatible
// murmurhash3js-revisited package (seed 0 and seed 42).
const VECTORS: [string, string, string][] = [
  ['', '0000000000000000', 'af6d2cb695c80cba'],
  ['a', 'a794933c5556b01b', '517b4f5294460fc6'],
  ['abcd', '96b6ccaa45afc62e', 'c4c3e662b5ddd2d4'],
  ['hello world', 'c0b21a8814f3c1e1', '345adfe45f36485e'],
  ['The quick brown fox jumps over the lazy dog', '2f1583c3ecee2c67', 'b0c69c19b1fd95c7'],
  ['ünïcödé ✓ 𝄞', '70b1b7dab45dcca3', '023b24487e00993f'],
  ['0123456789abcdef', 'fb7d440936aed30a', '786271aa342cc491'],
  ['0123456789abcdefg', '7f1f9836516b3876', 'c83b49302c5e4e61'],
  ['x'.repeat(31), '6f01597a40788fe2', 'df078c496226061c'],
];

describe('hashBytes (MurmurHash3 x86_128, first 64 bits)', () => {
  it.each(VECTORS)('matches the reference implementation for %j', (text, seed0, seed42) => {
    const bytes = new TextEncoder().encode(text);
    const out = new Uint32Array(2);
    hashBytes(bytes, 0, bytes.length, out);
    expect(hex(out)).toBe(seed0);
    hashBytes(bytes, 0, bytes.length, out, 42);
    expect(hex(out)).toBe(seed42);
  });

  it('hashes a byte range inside a larger buffer like the same bytes on their own', () => {
    const line = new TextEncoder().encode('id,city,amount\n17,Zürich,3.5\n');
    const start = line.indexOf(0x5a); // 'Z'
    const end = line.indexOf(0x2c, start); // next ','
    const inPlace = new Uint32Array(2);
    const alone = new Uint32Array(2);
    hashBytes(line, start, end, inPlace);
    hashString('Zürich', alone);
    expect(hex(inPlace)).toBe(hex(alone));
  });
});

describe('hashString', () => {
  it.each([
    '',
    'plain ascii',
    'ñandú',
    '中文字符',
    'emoji 😀 pair',
    'lone \ud800 high',
    'lone \udc00 low',
    'end \ud83d',
  ])('hashes %j exactly as hashBytes over TextEncoder output (including U+FFFD for lone surrogates)', (text) => {
    const bytes = new TextEncoder().encode(text);
    const viaBytes = new Uint32Array(2);
    const viaString = new Uint32Array(2);
    hashBytes(bytes, 0, bytes.length, viaBytes);
    hashString(text, viaString);
    expect(hex(viaString)).toBe(hex(viaBytes));
  });

  it('handles strings longer than the initial scratch buffer', () => {
    const text = 'é'.repeat(5000);
    const bytes = new TextEncoder().encode(text);
    const a = new Uint32Array(2);
    const b = new Uint32Array(2);
    hashBytes(bytes, 0, bytes.length, a);
    hashString(text, b);
    expect(hex(b)).toBe(hex(a));
  });
});

describe('hashNumber', () => {
  it('treats -0 as 0 and every NaN as one value', () => {
    const a = new Uint32Array(2);
    const b = new Uint32Array(2);
    hashNumber(0, a);
    hashNumber(-0, b);
    expect(hex(a)).toBe(hex(b));
    hashNumber(NaN, a);
    const otherNaN = new Float64Array(new Uint32Array([1, 0x7ff80000]).buffer)[0]!;
    hashNumber(otherNaN, b);
    expect(hex(a)).toBe(hex(b));
  });

  it('gives distinct 64-bit hashes to 60,000 consecutive integers and nearby doubles', () => {
    const seen = new Set<string>();
    const out = new Uint32Array(2);
    for (let i = 0; i < 30_000; i++) {
      hashNumber(i, out);
      seen.add(hex(out));
      hashNumber(1e9 + i * 2 ** -23, out);
      seen.add(hex(out));
    }
    expect(seen.size).toBe(60_000);
  });

  it('spreads consecutive integers evenly over the top 10 bits (the high end of an HLL register index)', () => {
    const buckets = new Uint32Array(1 << 10);
    const out = new Uint32Array(2);
    const n = 1 << 17;
    for (let i = 0; i < n; i++) {
      hashNumber(i, out);
      buckets[out[0]! >>> 22]!++;
    }
    // 128 expected per bucket; a chi-square statistic far above its df (1023) would mean clustering.
    let chi2 = 0;
    for (const b of buckets) chi2 += (b - 128) ** 2 / 128;
    expect(chi2).toBeLessThan(1023 + 5 * Math.sqrt(2 * 1023));
  });
});
