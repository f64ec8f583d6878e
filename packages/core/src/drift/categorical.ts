/**
 * The contingency table categorical drift is tested on: each side's exact category counts (or a hash sample of
 * them, for columns with more distinct values than a profile counts), the frequent categories as cells of their
 * own and the rest pooled into an "other" cell whose count is exact.
 */
import type { FrequentItems } from '../sketch/frequent-items.js';

/** Key of the cell that holds every value not tabled on its own (cannot collide: real keys get a prefix). */
export const OTHER_BUCKET = '\u0000other';

/** One side's counts: exact counts of the categories it knows, and how many values it has in all. */
export interface CategorySide {
  counts: Map<string, number>;
  total: number;
}

/** How a raw value is turned into its category (e.g. `True` and `true` are one boolean). */
export type CategoryKey = (value: string) => string;

export interface CategorySides {
  reference: CategorySide;
  current: CategorySide;
  /**
   * Both sides counted a hash sample of their values (more distinct values than the profile counts): only the
   * sampled values are known one by one, the rest is known as a total.
   */
  sampled: boolean;
}

/**
 * Both sides' known counts over the same values: every value while both counted exactly; otherwise the values in
 * the hash sample of the higher level, which each side counted exactly (a sampled value missing from a side
 * occurred there 0 times).
 */
export function categorySides(reference: FrequentItems, current: FrequentItems, key: CategoryKey): CategorySides {
  const level = Math.max(reference.level, current.level);
  return {
    reference: { counts: keyed(reference.sample(level), key), total: reference.count },
    current: { counts: keyed(current.sample(level), key), total: current.count },
    sampled: level > 0,
  };
}

function keyed(counts: Map<string, number>, key: CategoryKey): Map<string, number> {
  const out = new Map<string, number>();
  for (const [value, count] of counts) {
    const category = `=${key(value)}`;
    out.set(category, (out.get(category) ?? 0) + count);
  }
  return out;
}

export interface CategoryTable {
  /** Cell keys: categories (prefixed with `=`), then `OTHER_BUCKET` when anything was pooled or not sampled. */
  categories: string[];
  reference: Float64Array;
  current: Float64Array;
  /** Known categories pooled into "other" because their expected counts were too small. */
  pooled: number;
}

/** Cochran's rule: the chi-square approximation wants every expected count at least this large. */
export const MIN_EXPECTED = 5;

/**
 * The 2×k table to test. With two categories or fewer the table is the data's. Otherwise a category is a cell of
 * its own when its expected count is at least 5 on both sides (the most frequent one always is), and the others
 * are pooled into "other", together with any values outside the sample; while "other" itself expects fewer than 5
 * on a side, the least frequent own cell joins it. Every cell count is exact, "other" included.
 */
export function categoryTable(sides: CategorySides): CategoryTable {
  const { reference, current } = sides;
  const totals = new Map<string, number>();
  for (const [category, count] of [...reference.counts, ...current.counts]) {
    totals.set(category, (totals.get(category) ?? 0) + count);
  }
  const order = [...totals.keys()].sort((a, b) => totals.get(b)! - totals.get(a)! || (a < b ? -1 : a > b ? 1 : 0));
  const unsampled = (side: CategorySide) => side.total - [...side.counts.values()].reduce((s, c) => s + c, 0);
  const rest = { reference: unsampled(reference), current: unsampled(current) };
  const all = reference.total + current.total;
  const smaller = Math.min(reference.total, current.total);
  const expected = (total: number) => (smaller * total) / all;
  let kept = order.length;
  const restTotal = rest.reference + rest.current;
  if (order.length + (restTotal > 0 ? 1 : 0) > 2) {
    const firstSmall = order.findIndex((category) => expected(totals.get(category)!) < MIN_EXPECTED);
    kept = firstSmall < 0 ? order.length : Math.max(1, firstSmall);
    let pooled = restTotal;
    for (const category of order.slice(kept)) pooled += totals.get(category)!;
    while (pooled > 0 && expected(pooled) < MIN_EXPECTED && kept > 1) pooled += totals.get(order[--kept]!)!;
  }
  const cells = order.slice(0, kept);
  const other = {
    reference: rest.reference + sumOf(reference.counts, order.slice(kept)),
    current: rest.current + sumOf(current.counts, order.slice(kept)),
  };
  const withOther = other.reference + other.current > 0;
  const categories = withOther ? [...cells, OTHER_BUCKET] : cells;
  const column = (side: CategorySide, otherCount: number) =>
    Float64Array.from(categories, (category) =>
      category === OTHER_BUCKET ? otherCount : (side.counts.get(category) ?? 0),
    );
  return {
    categories,
    reference: column(reference, other.reference),
    current: column(current, other.current),
    pooled: order.length - kept,
  };
}

function sumOf(counts: Map<string, number>, categories: readonly string[]): number {
  let total = 0;
  for (const category of categories) total += counts.get(category) ?? 0;
  return total;
}

/** Booleans as the profiler recognises them (any letter case) are one category per truth value. */
export const booleanKey: CategoryKey = (value) => (/^(true|false)$/i.test(value) ? value.toLowerCase() : value);

export const textKey: CategoryKey = (value) => value;
