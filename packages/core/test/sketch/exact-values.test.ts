import { describe, expect, it } from '@jest/globals';
import { ByteReader, ByteWriter, readAscending, writeAscending } from '../../src/sketch/codec.js';
import { ExactValues } from '../../src/sketch/exact-values.js';
import { thrown, uniform } from './data.js';

function exactOf(values: ArrayLike<number>, cap?: number): ExactValues {
  const exact = new ExactValues(cap);
  for (let i = 0; i < values.length; i++) exact.add(values[i]!);
  return exact;
}

describe('ExactValues', () => {
  it('keeps every value up to the cap as a sorted multiset', () => {
    const exact = exactOf([3, 1, 2, 3, 3, -1]);
    expect(exact.isExact).toBe(true);
    const counts = exact.valueCounts()!;
    expect([...counts.values]).toEqual([-1, 1, 2, 3]);
    expect([...counts.counts]).toEqual([1, 1, 1, 3]);
    expect(counts.n).toBe(6);
  });

  it('drops everything for good past the cap, so exactness depends only on the number of values', () => {
    expect(exactOf([1, 2, 3], 3).isExact).toBe(true);
    const over = exactOf([1, 2, 3, 4], 3);
    expect(over.isExact).toBe(false);
    expect(over.valueCounts()).toBeUndefined();
    expect(over.count).toBe(4);
    // Two halves under the cap whose union is over it.
    expect(exactOf([1, 2], 3).merge(exactOf([3, 4], 3)).isExact).toBe(false);
    expect(
      exactOf([1, 2], 3)
        .merge(exactOf([3], 3))
        .valueCounts()!.n,
    ).toBe(3);
  });

  it('takes blocks of values as it takes them one by one, across the cap too', () => {
    const values = Float64Array.from(uniform(1_000, 5), (u) => Math.round(u * 100));
    for (const cap of [0, 1, 400, 999, 1_000, 1_001]) {
      const blocks = new ExactValues(cap);
      for (let from = 0; from < values.length; from += 37) {
        blocks.addAll(values, from, Math.min(values.length, from + 37));
      }
      const single = exactOf(values, cap);
      expect(blocks.count).toBe(single.count);
      expect(blocks.isExact).toBe(single.isExact);
      expect(blocks.toJSON()).toEqual(single.toJSON());
    }
  });

  it('merges shards into the multiset one pass gives', () => {
    const values = uniform(10_000, 2).map((u) => Math.round(u * 500) / 10);
    const merged = exactOf(values.slice(0, 3_000)).merge(exactOf(values.slice(3_000)));
    expect(merged.valueCounts()).toEqual(exactOf(values).valueCounts());
  });

  it('round-trips through compact JSON, decimals and arbitrary doubles alike', () => {
    for (const values of [
      uniform(20_000, 5).map((u) => Math.round(u * 1e6) / 100),
      uniform(3_000, 6).map((u) => Math.exp(10 * u) - 5),
      Float64Array.of(0, -0.5, 1e300, -1e-300),
    ]) {
      const exact = exactOf(values);
      const json = JSON.parse(JSON.stringify(exact.toJSON())) as unknown;
      const back = ExactValues.fromJSON(json, '$');
      expect(back.valueCounts()).toEqual(exact.valueCounts());
      expect(ExactValues.fromJSON(exact.toJSON({ raw: true }), '$').valueCounts()).toEqual(exact.valueCounts());
    }
  });

  it('stores 2-decimal amounts in about a byte or two each', () => {
    const values = uniform(100_000, 8).map((u) => Math.round(40 * Math.exp(2 * u) * 100) / 100);
    const json = exactOf(values).toJSON();
    expect(json.data!.length).toBeLessThan(2.5 * 100_000);
  });

  it('says what is wrong with a malformed entry', () => {
    const good = exactOf([1, 2, 2]).toJSON();
    expect(String(thrown(() => ExactValues.fromJSON({ ...good, n: 4 }, '$.e')))).toContain(
      '$.e.n: is 4 but the counts sum to 3',
    );
    expect(String(thrown(() => ExactValues.fromJSON({ ...good, cap: 2 }, '$.e')))).toContain(
      '$.e: holds values, but 3 is past its cap of 2',
    );
    const dropped = ExactValues.fromJSON(JSON.parse(JSON.stringify(exactOf([1, 2, 3], 2).toJSON())), '$');
    expect([dropped.isExact, dropped.count, dropped.cap]).toEqual([false, 3, 2]);
    expect(String(thrown(() => new ExactValues(1.5)))).toContain('exact values per column must be an integer');
  });
});

describe('codec', () => {
  it('writes varints, signed deltas and doubles and reads them back exactly', () => {
    const out = new ByteWriter();
    for (const v of [0, 1, 127, 128, 2 ** 40, 2 ** 53 - 1]) out.varint(v);
    for (const v of [0, -1, 1, -(2 ** 51), 2 ** 51]) out.signed(v);
    writeAscending(out, [-2.5, 0.01, 3, 1e6]);
    writeAscending(out, [Math.PI, Math.E * 10, 1e308]);
    const input = ByteReader.decode(out.encode(), '$');
    expect([0, 1, 2, 3, 4, 5].map(() => input.varint())).toEqual([0, 1, 127, 128, 2 ** 40, 2 ** 53 - 1]);
    expect([0, 1, 2, 3, 4].map(() => input.signed())).toEqual([0, -1, 1, -(2 ** 51), 2 ** 51]);
    expect([...readAscending(input, 4, '$')]).toEqual([-2.5, 0.01, 3, 1e6]);
    expect([...readAscending(input, 3, '$')]).toEqual([Math.PI, Math.E * 10, 1e308]);
    input.end();
  });
});
