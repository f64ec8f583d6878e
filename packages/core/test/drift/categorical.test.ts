import { describe, expect, it } from '@jest/globals';
import { categorySides, categoryTable, OTHER_BUCKET, textKey, type CategorySide } from '../../src/drift/categorical.js';
import { FrequentItems } from '../../src/sketch/frequent-items.js';

const side = (counts: Record<string, number>, extra = 0): CategorySide => ({
  counts: new Map(Object.entries(counts).map(([k, v]) => [`=${k}`, v])),
  total: Object.values(counts).reduce((s, v) => s + v, 0) + extra,
});

function table(reference: CategorySide, current: CategorySide) {
  const t = categoryTable({ reference, current, sampled: false });
  return {
    cells: t.categories.map((c, i) => [c === OTHER_BUCKET ? 'other' : c.slice(1), t.reference[i], t.current[i]]),
    pooled: t.pooled,
  };
}

describe('categoryTable', () => {
  it('keeps two categories as they are, however small (Fisher’s test handles small counts)', () => {
    expect(table(side({ yes: 1, no: 99 }), side({ yes: 3, no: 97 }))).toEqual({
      cells: [
        ['no', 99, 97],
        ['yes', 1, 3],
      ],
      pooled: 0,
    });
  });

  it('keeps every category whose expected count is at least 5 on both sides, as the data has them', () => {
    expect(table(side({ a: 50, b: 30, c: 20 }), side({ a: 40, b: 40, c: 20 }))).toEqual({
      cells: [
        ['a', 50, 40],
        ['b', 30, 40],
        ['c', 20, 20],
      ],
      pooled: 0,
    });
  });

  it('pools rare categories into an "other" cell with their exact total', () => {
    // 1,000 values per side: a category is its own cell when it has ≥ 10 values in both sides together.
    const ref = side({ a: 600, b: 380, r1: 4, r2: 3, r3: 3, r4: 10 });
    const cur = side({ a: 590, b: 385, r1: 5, r2: 6, r3: 4, r4: 10 });
    expect(table(ref, cur)).toEqual({
      cells: [
        ['a', 600, 590],
        ['b', 380, 385],
        ['r4', 10, 10],
        ['other', 10, 15],
      ],
      pooled: 3,
    });
  });

  it('lets the least frequent own cell join "other" while "other" expects fewer than 5', () => {
    // r (4 in all) expects 2 per side: too few, so c (10 in all) joins it.
    const ref = side({ a: 500, b: 490, c: 5, r: 2, s: 3 });
    const cur = side({ a: 480, b: 505, c: 5, r: 2, s: 8 });
    expect(table(ref, cur).cells).toEqual([
      ['b', 490, 505],
      ['a', 500, 480],
      ['s', 3, 8],
      ['other', 7, 7],
    ]);
  });

  it('compares a hash sample on the higher level of both sides, the rest counted in "other"', () => {
    const values = (seed: number) => Array.from({ length: 6_000 }, (_, i) => `v${(i * seed) % 3_000}`);
    const ref = new FrequentItems({ exactLimit: 200 });
    const cur = new FrequentItems({ exactLimit: 200 });
    for (const v of values(7)) ref.addString(v);
    for (const v of values(11).slice(0, 5_000)) cur.addString(v);
    const sides = categorySides(ref, cur, textKey);
    expect(sides.sampled).toBe(true);
    const t = categoryTable(sides);
    const sum = (a: Float64Array) => a.reduce((s, v) => s + v, 0);
    expect(sum(t.reference)).toBe(6_000);
    expect(sum(t.current)).toBe(5_000);
    // Every value passing the common level is counted on both sides: each appears twice in 6,000 rows.
    const level = Math.max(ref.level, cur.level);
    for (const [value, count] of ref.sample(level)) expect([value, count]).toEqual([value, 2]);
    expect(t.categories[t.categories.length - 1]).toBe(OTHER_BUCKET);
  });
});
