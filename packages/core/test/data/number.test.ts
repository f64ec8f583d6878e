import { describe, expect, it } from '@jest/globals';
import { parseNumber } from '../../src/data/number.js';

const encoder = new TextEncoder();

/** The contract: `Number(text)`, except that empty and whitespace-only text is missing (NaN). */
const reference = (text: string): number => (text.trim() === '' ? NaN : Number(text));
const parse = (text: string): number => {
  // Embed the field in a larger buffer so offsets are exercised, not just whole arrays.
  const bytes = encoder.encode(`#${text}#`);
  return parseNumber(bytes, 1, bytes.length - 1);
};

/** Deterministic PRNG so a failure reproduces. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('parseNumber', () => {
  it('agrees with Number() on hand-picked forms, including the ones that take the fallback', () => {
    const cases = [
      '0',
      '-0',
      '+0',
      '-0.0',
      '7',
      '-12',
      '+5',
      '3.25',
      '.5',
      '-.5',
      '5.',
      '1e5',
      '1E-5',
      '6.02e23',
      '1e22',
      '1e23',
      '1.7976931348623157e308',
      '1e309',
      '-1e309',
      '5e-324',
      '1e-400',
      '0.1',
      '0.30000000000000004',
      '9007199254740993',
      '123456789012345678901234567890',
      '00012',
      '0.000001234',
      'Infinity',
      '-Infinity',
      '+Infinity',
      'infinity',
      'NaN',
      'nan',
      'NA',
      'n/a',
      '',
      ' ',
      '\t',
      ' 12 ',
      '\u00a012',
      '12\u2003',
      '0x1F',
      '0X1f',
      '0b101',
      '0o17',
      '-0x1F',
      '1_000',
      '1e',
      '1e+',
      '.',
      '-',
      '+',
      '+-1',
      '1.2.3',
      'e5',
      '.e5',
      '1e5.5',
      '12abc',
      'abc',
      '١٢',
      '１２',
      '1,5',
      '4.35',
      '2.675',
      '1234567.891',
      '0.1e-22',
      '123e-22',
      '4503599627370497e-1',
      '9007199254740991',
      '9007199254740992',
    ];
    for (const text of cases) expect([text, parse(text)]).toEqual([text, reference(text)]);
  });

  it('agrees with Number() on 50,000 random strings over a numeric alphabet', () => {
    const next = random(20261125);
    const alphabet = [
      '0',
      '1',
      '2',
      '5',
      '9',
      '.',
      'e',
      'E',
      '-',
      '+',
      ' ',
      'x',
      'I',
      'n',
      'f',
      '_',
      'b',
      'o',
      '\u00a0',
    ];
    for (let k = 0; k < 50_000; k++) {
      const length = 1 + Math.floor(next() * 12);
      let text = '';
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(next() * alphabet.length)];
      const actual = parse(text);
      if (!Object.is(actual, reference(text))) expect([text, actual]).toEqual([text, reference(text)]);
    }
  });

  it('agrees with Number() on 50,000 random well-formed decimals of every length and exponent', () => {
    const next = random(42);
    const digits = (n: number): string => Array.from({ length: n }, () => String(Math.floor(next() * 10))).join('');
    for (let k = 0; k < 50_000; k++) {
      const sign = ['', '-', '+'][Math.floor(next() * 3)]!;
      const int = digits(Math.floor(next() * 12));
      const frac = next() < 0.7 ? `.${digits(Math.floor(next() * 12))}` : '';
      const exp = next() < 0.3 ? `e${['', '-', '+'][Math.floor(next() * 3)]}${Math.floor(next() * 40)}` : '';
      const text = `${sign}${int}${frac}${exp}`;
      const actual = parse(text);
      if (!Object.is(actual, reference(text))) expect([text, actual]).toEqual([text, reference(text)]);
    }
  });

  it('agrees with Number() on the shortest text of random doubles', () => {
    const next = random(7);
    const view = new DataView(new ArrayBuffer(8));
    for (let k = 0; k < 20_000; k++) {
      view.setUint32(0, Math.floor(next() * 2 ** 32));
      view.setUint32(4, Math.floor(next() * 2 ** 32));
      const value = view.getFloat64(0);
      for (const text of [String(value), value.toPrecision(1 + Math.floor(next() * 15))]) {
        const actual = parse(text);
        if (!Object.is(actual, Number(text))) expect([text, actual]).toEqual([text, Number(text)]);
      }
    }
  });
});
