import { describe, it, expect } from '@jest/globals';
import { UserError } from '../../src/errors.js';
import { Moments } from '../../src/sketch/moments.js';
import { normal, thrown, uniform } from './data.js';

function momentsOf(values: ArrayLike<number>): Moments {
  const m = new Moments();
  for (let i = 0; i < values.length; i++) m.add(values[i]!);
  return m;
}

/** Two-pass reference in coordinates shifted by `shift`, where doubles keep full precision. */
function reference(values: Float64Array, shift: number) {
  let s = 0;
  for (const v of values) s += v - shift;
  const mean = s / values.length;
  let m2 = 0;
  for (const v of values) m2 += (v - shift - mean) ** 2;
  return { mean: mean + shift, m2 };
}

describe('Moments', () => {
  it('computes count, mean, variances, min, max and sum of a small sample', () => {
    const m = momentsOf([2, 4, 4, 4, 5, 5, 7, 9]);
    expect(m.count).toBe(8);
    expect(m.mean).toBe(5);
    expect(m.populationVariance).toBe(4);
    expect(m.sampleVariance).toBeCloseTo(32 / 7, 14);
    expect(m.populationStdDev).toBe(2);
    expect(m.min).toBe(2);
    expect(m.max).toBe(9);
    expect(m.sum).toBe(40);
  });

  it('keeps full precision for values around 1e9 with a tiny spread', () => {
    const m = new Moments();
    for (let r = 0; r < 250_000; r++) for (const d of [4, 7, 13, 16]) m.add(1e9 + d);
    expect(m.mean).toBe(1e9 + 10);
    expect(m.populationVariance).toBeCloseTo(22.5, 9);
    expect(m.sampleVariance).toBeCloseTo((22.5 * 1e6) / (1e6 - 1), 9);
    expect(m.sum).toBe(1e6 * (1e9 + 10));
  });

  it('matches a shifted two-pass computation on 1e9 + N(0, 1e-3) noise', () => {
    const noise = normal(200_000, 7);
    const values = noise.map((z) => 1e9 + 1e-3 * z);
    const m = momentsOf(values);
    const ref = reference(values, 1e9);
    expect(Math.abs(m.mean - ref.mean)).toBeLessThan(1e-6);
    // The naive Σx² − n·mean² formula loses every digit here and plain Welford keeps about four.
    expect(m.m2 / ref.m2).toBeCloseTo(1, 10);
  });

  it('sums exactly, so large values do not swallow small ones', () => {
    const m = momentsOf([1e16, 1, 1, 1, 1, -1e16]);
    expect(m.sum).toBe(4);
    expect(momentsOf([1e300, 1e-300, -1e300]).sum).toBe(1e-300);
  });

  it('gives the mean and variance of exact rational arithmetic (values k/1024, summed as BigInts)', () => {
    // Dyadic values are exact doubles, so Σk and Σk² over the integers k are the exact sums, and
    // fl(Σk / n) / 1024 is the correctly rounded mean.
    const ks = [...uniform(50_000, 21)].map((u) => Math.floor(u * 2 ** 30) - 2 ** 29);
    const m = momentsOf(ks.map((k) => k / 1024));
    const n = BigInt(ks.length);
    const s = ks.reduce((sum, k) => sum + BigInt(k), 0n);
    const q = ks.reduce((sum, k) => sum + BigInt(k) * BigInt(k), 0n);
    expect(m.mean).toBe(Number(s) / ks.length / 1024);
    const sample = Number(n * q - s * s) / Number(n * (n - 1n)) / 2 ** 20;
    expect(Math.abs(m.sampleVariance / sample - 1)).toBeLessThan(4e-16);
  });

  it('squares huge and tiny values exactly too', () => {
    // (b − a)²/2 with a = 2^510, b = 2^510 + 2^460: 2^919, though a² is far past the exact range of a product.
    expect(momentsOf([2 ** 510, 2 ** 510 + 2 ** 460]).sampleVariance).toBe(2 ** 919);
    expect(momentsOf([2 ** -500, 3 * 2 ** -500]).sampleVariance).toBe(2 ** -999);
    expect(momentsOf([5e-324, 5e-324]).sampleVariance).toBe(0);
  });

  it('merges shards into exactly what one pass over all values gives, to the last bit', () => {
    const values = uniform(100_000, 3).map((u) => 1e9 + 1000 * u);
    const whole = momentsOf(values);
    const merged = new Moments();
    for (const [a, b] of [
      [0, 1],
      [1, 30_000],
      [30_000, 30_000],
      [30_000, 100_000],
    ] as const) {
      merged.merge(momentsOf(values.subarray(a, b)));
    }
    expect(merged.toJSON()).toEqual(whole.toJSON());
    expect(merged.m2).toBe(whole.m2);
    expect(momentsOf([...values].reverse()).toJSON()).toEqual(whole.toJSON());
  });

  it('takes blocks of values as it takes them one by one: NaN and ±Infinity skipped, across a fold of the buckets', () => {
    // 2^20 adds fold the buckets into the totals: 1.1M values cross that inside a block, with huge and tiny ones.
    const values = Float64Array.from(normal(1_100_000, 12), (z, i) =>
      i % 1_009 === 0
        ? [NaN, Infinity, -Infinity][i % 3]!
        : i % 7_919 === 0
          ? z * 2 ** 520
          : i % 7_907 === 0
            ? z * 2 ** -470
            : 1e6 * z,
    );
    const blocks = new Moments();
    for (let from = 0; from < values.length; from += 4_099)
      blocks.addAll(values, from, Math.min(values.length, from + 4_099));
    const single = momentsOf(values);
    expect(blocks.toJSON()).toEqual(single.toJSON());
    expect(blocks.count).toBe(values.filter((v) => v - v === 0).length);
    expect([blocks.min, blocks.max, blocks.m2]).toEqual([single.min, single.max, single.m2]);
    // A block that is a view into a larger buffer, with zeros, negative zeros and subnormals.
    const odd = Float64Array.from([3, 0, -0, 5e-324, -2.5e-320, 1e-310, -7.25, 2 ** 600, 1]);
    const view = new Moments();
    view.addAll(odd.subarray(3), 0, odd.length - 3);
    view.addAll(odd.subarray(0, 3), 0, 3);
    expect(view.toJSON()).toEqual(momentsOf(odd).toJSON());
  });

  it('merging into or from an empty sketch changes nothing', () => {
    const a = momentsOf([1, 2, 3]);
    expect(new Moments().merge(a).toJSON()).toEqual(a.toJSON());
    expect(a.merge(new Moments()).toJSON()).toEqual(momentsOf([1, 2, 3]).toJSON());
  });

  it('ignores NaN and ±Infinity, which the profiler counts separately', () => {
    const m = momentsOf([1, NaN, Infinity, -Infinity, 3]);
    expect(m.count).toBe(2);
    expect(m.mean).toBe(2);
    expect(m.max).toBe(3);
  });

  it('reports NaN statistics when empty and NaN sample variance with one value', () => {
    const empty = new Moments();
    expect(empty.mean).toBeNaN();
    expect(empty.min).toBeNaN();
    expect(empty.populationVariance).toBeNaN();
    expect(momentsOf([5]).sampleVariance).toBeNaN();
    expect(momentsOf([5]).populationVariance).toBe(0);
  });

  it('round-trips through JSON, including the empty sketch', () => {
    const m = momentsOf(uniform(1000, 11));
    const back = Moments.fromJSON(JSON.parse(JSON.stringify(m)));
    expect(back.toJSON()).toEqual(m.toJSON());
    expect(back.sampleVariance).toBe(m.sampleVariance);
    expect(Moments.fromJSON(JSON.parse(JSON.stringify(new Moments()))).count).toBe(0);
    expect(new Moments().toJSON()).toMatchObject({ kind: 'moments', version: 2, min: null, max: null, sum: '0' });
    expect(momentsOf([-27 / 16]).toJSON()).toMatchObject({ sum: '-1bp-4', squares: '2d9p-8' });
  });

  it.each([
    [null, '$: expected a moments sketch object, got null'],
    [{ kind: 'kll', version: 1 }, '$.kind: expected kind "moments", got "kll"'],
    [{ kind: 'moments', version: 1 }, '$.version: unsupported moments version 1 (supported: 2)'],
    [{ kind: 'moments', version: 2, count: -1 }, '$.count: expected an integer in [0, 9007199254740991], got -1'],
    [{ kind: 'moments', version: 2, count: 2, sum: 'x', squares: '0' }, '$.sum: expected an exact sum like "1bp-4"'],
    [{ kind: 'moments', version: 2, count: 2, sum: '4p0', squares: '1p0', min: 1, max: 3 }, '$.squares: is smaller'],
    [
      { kind: 'moments', version: 2, count: 2, sum: '4p0', squares: '5p0', min: null, max: 2 },
      '$.min: expected a number',
    ],
    [{ kind: 'moments', version: 2, count: 2, sum: '4p0', squares: '5p0', min: 3, max: 2 }, '$.min: min 3 is greater'],
    [{ kind: 'moments', version: 2, count: 0, sum: '1p0', squares: '0', min: null, max: null }, '$: an empty moments'],
  ])('rejects malformed JSON %j with a UserError naming the problem', (input, message) => {
    const error = thrown(() => Moments.fromJSON(input));
    expect(error).toBeInstanceOf(UserError);
    expect(String(error)).toContain(message);
  });

  it('prefixes errors with the caller-supplied key path', () => {
    const error = thrown(() => Moments.fromJSON({ kind: 'moments', version: 2, count: 'x' }, '$.columns.age.moments'));
    expect(String(error)).toBe('$.columns.age.moments.count: expected an integer in [0, 9007199254740991], got "x"');
  });
});
