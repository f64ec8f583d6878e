import { describe, it, expect } from '@jest/globals';
import { UserError } from '../../src/errors.js';
import { FrequentItems } from '../../src/sketch/frequent-items.js';
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

/** Every guarantee of the approximate summary, checked against the true counts. */
function expectGuarantees(summary: FrequentItems, truth: Map<string, number>, n: number): void {
  expect(summary.count).toBe(n);
  expect(summary.maxError).toBeLessThanOrEqual(n / (summary.capacity + 1));
  const kept = new Map(summary.topItems().map((item) => [item.value, item]));
  expect(kept.size).toBeLessThanOrEqual(summary.capacity);
  const violations: string[] = [];
  for (const [value, count] of truth) {
    const item = kept.get(value);
    if (item ? item.count > count || item.upperBound < count : count > summary.maxError) {
      violations.push(`${value}: true ${count}, reported ${item ? `[${item.count}, ${item.upperBound}]` : 'nothing'}`);
    }
  }
  expect(violations).toEqual([]);
}

describe('FrequentItems', () => {
  it('counts exactly while distinct values stay within the exact limit', () => {
    const values = zipfStream(20_000, 300, 1);
    const f = summaryOf(values);
    expect(f.isExact).toBe(true);
    expect(f.maxError).toBe(0);
    const truth = trueCounts(values);
    expect(f.exactDistinct).toBe(truth.size);
    expect(f.exactCounts()).toEqual(truth);
    const top = f.topItems(3);
    expect(top.map((t) => t.value)).toEqual(['cat-0', 'cat-1', 'cat-2']);
    expect(top[0]).toEqual({ value: 'cat-0', count: truth.get('cat-0'), upperBound: truth.get('cat-0') });
  });

  it('degrades to a Misra–Gries summary once distinct values exceed the limit, keeping its guarantees', () => {
    const values = zipfStream(50_000, 5_000, 2);
    const f = summaryOf(values, { capacity: 64, exactLimit: 1000 });
    expect(f.isExact).toBe(false);
    expect(f.exactCounts()).toBeUndefined();
    expect(f.exactDistinct).toBeUndefined();
    expect(f.maxError).toBeGreaterThan(0);
    expectGuarantees(f, trueCounts(values), values.length);
    expect(f.topItems(1)[0]!.value).toBe('cat-0');
  });

  it('switches mode exactly at limit + 1 distinct values', () => {
    const f = new FrequentItems({ capacity: 4, exactLimit: 10 });
    for (let i = 0; i < 10; i++) f.addString(`v${i}`);
    expect(f.isExact).toBe(true);
    f.addString('v0');
    expect(f.isExact).toBe(true);
    f.addString('v10');
    expect(f.isExact).toBe(false);
    expect(f.topItems()).toEqual([{ value: 'v0', count: 1, upperBound: 2 }]);
  });

  it('finds a heavy hitter hidden in a stream of unique values', () => {
    const f = new FrequentItems({ capacity: 16, exactLimit: 0 });
    for (let i = 0; i < 30_000; i++) f.addString(i % 5 === 0 ? 'needle' : `unique-${i}`);
    const top = f.topItems(1)[0]!;
    expect(top.value).toBe('needle');
    expect(top.count).toBeLessThanOrEqual(6_000);
    expect(top.upperBound).toBeGreaterThanOrEqual(6_000);
    expect(f.bounds('needle')).toEqual({ count: top.count, upperBound: top.upperBound });
    expect(f.bounds('never-seen')).toEqual({ count: 0, upperBound: f.maxError });
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

  it('merges exact summaries whose union exceeds the limit into a summary with the guarantees', () => {
    const a = Array.from({ length: 3_000 }, (_, i) => `a-${i % 700}`);
    const b = Array.from({ length: 3_000 }, (_, i) => `b-${i % 700}`).concat(Array(500).fill('a-1'));
    const merged = summaryOf(a).merge(summaryOf(b));
    expect(merged.isExact).toBe(false);
    expectGuarantees(merged, trueCounts([...a, ...b]), a.length + b.length);
    expect(merged.topItems(1)[0]!.value).toBe('a-1');
  });

  it('merges approximate shard summaries with the Misra–Gries guarantee (Agarwal et al.)', () => {
    const shards = [0, 1, 2, 3].map((s) => zipfStream(15_000, 20_000, 10 + s));
    const merged = new FrequentItems({ capacity: 32, exactLimit: 100 });
    for (const shard of shards) merged.merge(summaryOf(shard, { capacity: 32, exactLimit: 100 }));
    const all = shards.flat();
    expectGuarantees(merged, trueCounts(all), all.length);
    expect(merged.topItems(2).map((t) => t.value)).toEqual(['cat-0', 'cat-1']);
  });

  it('refuses to merge summaries with different settings', () => {
    const error = thrown(() => new FrequentItems({ capacity: 8 }).merge(new FrequentItems({ capacity: 16 })));
    expect(error).toBeInstanceOf(UserError);
    expect(String(error)).toContain('different settings');
  });

  it('round-trips exact and approximate summaries through JSON', () => {
    for (const summary of [summaryOf(zipfStream(3_000, 50, 5)), summaryOf(zipfStream(20_000, 4_000, 6))]) {
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
        version: 1,
        capacity: 4,
        exactLimit: 3,
        exact: true,
        n: 5,
        maxError: 0,
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
      ['a missing exact flag', (j) => delete j.exact, '$.exact: expected true or false'],
      ['a count that is not a positive integer', (j) => ((j.items as unknown[][])[1]![1] = 0.5), '$.items[1][1]'],
      [
        'a pair without a string value',
        (j) => ((j.items as unknown[])[0] = [1, 3]),
        '$.items[0]: expected a [value, count]',
      ],
      ['a duplicated value', (j) => ((j.items as unknown[][])[1]![0] = 'a'), 'value "a" appears twice'],
      ['exact counts that do not sum to n', (j) => (j.n = 6), '$.n: n is 6 but the counts sum to 5'],
      ['an exact summary with an error', (j) => (j.maxError = 1), '$.maxError: an exact summary has maxError 0'],
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
