import { describe, it, expect } from '@jest/globals';
import { UserError } from '../../src/errors.js';
import { FrequentItems } from '../../src/sketch/frequent-items.js';
import { hashString } from '../../src/sketch/hash.js';
import { thrown, xorshift128 } from './data.js';

/** A Zipf-like categorical stream: value i appears with weight ∝ 1/(i+1), over `distinct` values. */
function zipfStream(length: number, distinct: number, seed: number): string[] {
  const cumulative: number[] = [];
  let total = 0;
  for (let i = 0; i < distinct; i++) cumulative.push((total += 1 / (i + 1)));
  const next = xorshift128(seed);
  const out: string[] = [];
  for (let j = 0; j < length; j++) {
    const u = (next() / 2 ** 32) * total;
    let lo = 0;
    let hi = distinct - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid]! < u) lo = mid + 1;
      else hi = mid;
    }
    out.push(`cat-${lo}`);
  }
  return out;
}

function summaryOf(values: string[], options?: ConstructorParameters<typeof FrequentItems>[0]): FrequentItems {
  const f = new FrequentItems(options);
  for (const v of values) f.addString(v);
  return f;
}

function trueCounts(values: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts;
}

/**
 * What a sampled summary must state, checked against the true counts: every listed count exact, every value that
 * passes the level counted, and the unsampled rest summing exactly to what is left.
 */
function expectSampleFacts(summary: FrequentItems, truth: Map<string, number>, n: number): void {
  expect(summary.count).toBe(n);
  const kept = summary.sample();
  expect(kept.size).toBeLessThanOrEqual(summary.exactLimit);
  const wrong: string[] = [];
  let rest = n;
  for (const [value, count] of kept) {
    if (truth.get(value) !== count) wrong.push(`${value}: true ${truth.get(value)}, kept ${count}`);
    rest -= count;
  }
  for (const [value, count] of truth) {
    const { count: low, upperBound } = summary.bounds(value);
    if (low > count || upperBound < count) wrong.push(`${value}: true ${count}, bounds [${low}, ${upperBound}]`);
  }
  expect(wrong).toEqual([]);
  expect(summary.bounds('never-seen-value').upperBound).toBeLessThanOrEqual(rest);
}

describe('FrequentItems', () => {
  it('counts exactly while distinct values stay within the exact limit', () => {
    const values = zipfStream(20_000, 300, 1);
    const f = summaryOf(values);
    expect(f.isExact).toBe(true);
    expect(f.level).toBe(0);
    const truth = trueCounts(values);
    expect(f.exactDistinct).toBe(truth.size);
    expect(f.exactCounts()).toEqual(truth);
    const top = f.topItems(3);
    expect(top.map((t) => t.value)).toEqual(['cat-0', 'cat-1', 'cat-2']);
    expect(top[0]).toEqual({ value: 'cat-0', count: truth.get('cat-0') });
    expect(f.bounds('cat-0')).toEqual({ count: truth.get('cat-0'), upperBound: truth.get('cat-0') });
    expect(f.bounds('never-seen')).toEqual({ count: 0, upperBound: 0 });
  });

  it('keeps exact counts of a hash sample once distinct values exceed the limit', () => {
    const values = zipfStream(50_000, 5_000, 2);
    const f = summaryOf(values, { exactLimit: 1000 });
    expect(f.isExact).toBe(false);
    expect(f.level).toBeGreaterThan(0);
    expect(f.exactCounts()).toBeUndefined();
    expect(f.exactDistinct).toBeUndefined();
    // A level-ℓ sample keeps about distinct/2^ℓ values, and no more than the limit.
    expect(f.keptDistinct).toBeGreaterThan(1000 / 4);
    expectSampleFacts(f, trueCounts(values), values.length);
  });

  it('switches to sampling exactly at limit + 1 distinct values', () => {
    const f = new FrequentItems({ exactLimit: 10 });
    for (let i = 0; i < 10; i++) f.addString(`v${i}`);
    f.addString('v0');
    expect(f.isExact).toBe(true);
    f.addString('v10');
    expect(f.isExact).toBe(false);
    expectSampleFacts(f, trueCounts([...Array.from({ length: 11 }, (_, i) => `v${i}`), 'v0']), 12);
  });

  it('lists a sampled value as a top value only when its count proves it is one', () => {
    // A value whose hash starts with 12 zero bits stays in every sample up to level 12.
    const hash = new Uint32Array(2);
    const needle = Array.from({ length: 100_000 }, (_, i) => `needle-${i}`).find((v) => {
      hashString(v, hash);
      return hash[0]! >>> 20 === 0;
    })!;
    const stream = (heavy: number, unique: number) => [
      ...Array<string>(heavy).fill(needle),
      ...Array.from({ length: unique }, (_, i) => `unique-${i}`),
    ];
    // 15,000 rows of the needle and 15,000 unique values: the ~14,900 rows outside the sample cannot hold a value
    // seen more often than 15,000 times, so the needle is certainly the top value.
    const sure = summaryOf(stream(15_000, 15_000), { exactLimit: 100 });
    expect(sure.isExact).toBe(false);
    expect(sure.topItems(1)).toEqual([{ value: needle, count: 15_000 }]);
    // 10,000 rows and 20,000 unique values: ~19,900 unsampled rows could hide one value seen 10,001 times, so
    // nothing is listed, though the needle's count is exact.
    const unsure = summaryOf(stream(10_000, 20_000), { exactLimit: 100 });
    expect(unsure.topItems(1)).toEqual([]);
    expect(unsure.bounds(needle)).toEqual({ count: 10_000, upperBound: 10_000 });
    // It is certainly among the top 5 (at most one unsampled value can beat it); a unique value in the sample is
    // not, since the rest could hold thousands of values seen twice.
    expect(unsure.topItems(5)).toEqual([{ value: needle, count: 10_000 }]);
  });

  it('is the same summary whatever the order and split of the values (sampling depends on the values alone)', () => {
    const values = zipfStream(40_000, 6_000, 7);
    const one = summaryOf(values, { exactLimit: 500 });
    const reversed = summaryOf([...values].reverse(), { exactLimit: 500 });
    const shards = [0, 1, 2, 3].map((k) => values.filter((_, i) => i % 4 === k));
    const merged = shards.map((shard) => summaryOf(shard, { exactLimit: 500 })).reduce((a, b) => a.merge(b));
    const uneven = summaryOf(values.slice(0, 37), { exactLimit: 500 }).merge(
      summaryOf(values.slice(37), { exactLimit: 500 }),
    );
    for (const other of [reversed, merged, uneven]) expect(other.toJSON()).toEqual(one.toJSON());
    expectSampleFacts(merged, trueCounts(values), values.length);
  });

  it('treats byte ranges and strings as the same values, multi-byte UTF-8 included', () => {
    const text = new TextEncoder().encode('Zürich|東京|Zürich');
    const f = new FrequentItems();
    f.addBytes(text, 0, 7);
    f.addBytes(text, 8, 14);
    f.addBytes(text, 15, 22);
    f.addString('東京');
    expect(f.exactCounts()).toEqual(
      new Map([
        ['Zürich', 2],
        ['東京', 2],
      ]),
    );
  });

  it('merges exact summaries into the exact counts of the union while within the limit', () => {
    const a = zipfStream(5_000, 200, 3);
    const b = zipfStream(7_000, 300, 4);
    const merged = summaryOf(a).merge(summaryOf(b));
    expect(merged.isExact).toBe(true);
    expect(merged.exactCounts()).toEqual(trueCounts([...a, ...b]));
    merged.addString('after-merge');
    expect(merged.exactCounts()!.get('after-merge')).toBe(1);
  });

  it('refuses to merge summaries with different exact limits', () => {
    const error = thrown(() => new FrequentItems({ exactLimit: 8 }).merge(new FrequentItems({ exactLimit: 16 })));
    expect(error).toBeInstanceOf(UserError);
    expect(String(error)).toContain('different exact limits');
  });

  it('round-trips exact and sampled summaries through JSON', () => {
    for (const summary of [
      summaryOf(zipfStream(3_000, 50, 5)),
      summaryOf(zipfStream(20_000, 4_000, 6), { exactLimit: 300 }),
    ]) {
      const back = FrequentItems.fromJSON(JSON.parse(JSON.stringify(summary)));
      expect(back.toJSON()).toEqual(summary.toJSON());
      expect(back.isExact).toBe(summary.isExact);
      back.addString('cat-0');
      summary.addString('cat-0');
      expect(back.toJSON()).toEqual(summary.toJSON());
    }
  });

  describe('fromJSON validation', () => {
    const good = () =>
      ({
        kind: 'frequent-items',
        version: 2,
        exactLimit: 3,
        level: 0,
        n: 5,
        items: [
          ['a', 3],
          ['b', 2],
        ],
      }) as Record<string, unknown>;
    it('accepts the well-formed example', () => {
      expect(FrequentItems.fromJSON(good()).exactCounts()).toEqual(
        new Map([
          ['a', 3],
          ['b', 2],
        ]),
      );
    });
    it.each<[string, (j: Record<string, unknown>) => void, string]>([
      ['a missing level', (j) => delete j.level, '$.level'],
      ['a count that is not a positive integer', (j) => ((j.items as unknown[][])[1]![1] = 0.5), '$.items[1][1]'],
      [
        'a pair without a string value',
        (j) => ((j.items as unknown[])[0] = [1, 3]),
        '$.items[0]: expected a [value, count]',
      ],
      ['a duplicated value', (j) => ((j.items as unknown[][])[1]![0] = 'a'), 'value "a" appears twice'],
      ['exact counts that do not sum to n', (j) => (j.n = 6), '$.n: n is 6 but the counts sum to 5'],
      ['a value outside the sample of its level', (j) => (j.level = 20), 'is not in a level-20 sample'],
      ['more values than the exact limit', (j) => (j.exactLimit = 1), 'holds 2 values but the exact limit is 1'],
    ])('rejects %s', (_what, mutate, message) => {
      const json = good();
      mutate(json);
      const error = thrown(() => FrequentItems.fromJSON(json));
      expect(error).toBeInstanceOf(UserError);
      expect(String(error)).toContain(message);
    });
  });
});
