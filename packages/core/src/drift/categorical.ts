/**
 * Category counts for drift from two profiles' frequent-items summaries: exact tables when both sides counted
 * every value, otherwise the categories whose counts are known on both sides plus an "other" bucket.
 */
import type { FrequentItems } from '../sketch/frequent-items.js';

/** Key of the bucket that holds every value not tabled on its own (cannot collide: real keys get a prefix). */
export const OTHER_BUCKET = '\u0000other';

export interface CategoryTable {
  /** Category → count per side, over the same keys; `OTHER_BUCKET` holds the rest when `exact` is false. */
  reference: Map<string, number>;
  current: Map<string, number>;
  /** Both sides counted every value, so the table is the data's exact contingency table. */
  exact: boolean;
}

/** How a raw value is turned into its category (e.g. `True` and `true` are one boolean). */
export type CategoryKey = (value: string) => string;

/**
 * The 2×k table of a column's categories. When a summary is approximate (Misra–Gries, more distinct values than its
 * exact limit), a category is tabled only where its count is known on both sides: kept by a side's summary, or
 * absent from a side that counted exactly (so its count there is 0). Everything else goes to "other" so each side
 * still sums to its total. Kept counts are lower bounds (short by at most the summary's maxError, ≤ n/(capacity+1)),
 * and the shortfall lands in "other": a bias of at most 1/(capacity+1) of a side's share per category, far below
 * the Cramér's V threshold though large samples can find it significant.
 */
export function categoryTable(reference: FrequentItems, current: FrequentItems, key: CategoryKey): CategoryTable {
  const ref = keptCounts(reference, key);
  const cur = keptCounts(current, key);
  const exact = reference.isExact && current.isExact;
  const categories = new Set<string>();
  for (const category of [...ref.keys(), ...cur.keys()]) {
    const knownInRef = ref.has(category) || reference.isExact;
    const knownInCur = cur.has(category) || current.isExact;
    if (knownInRef && knownInCur) categories.add(category);
  }
  return {
    reference: tabled(ref, categories, reference.count, exact),
    current: tabled(cur, categories, current.count, exact),
    exact,
  };
}

function keptCounts(items: FrequentItems, key: CategoryKey): Map<string, number> {
  const counts = new Map<string, number>();
  const all = items.exactCounts() ?? new Map(items.topItems().map((item) => [item.value, item.count]));
  for (const [value, count] of all) {
    const category = `=${key(value)}`;
    counts.set(category, (counts.get(category) ?? 0) + count);
  }
  return counts;
}

function tabled(
  counts: Map<string, number>,
  categories: Set<string>,
  total: number,
  exact: boolean,
): Map<string, number> {
  const table = new Map<string, number>();
  let kept = 0;
  for (const category of categories) {
    const count = counts.get(category) ?? 0;
    table.set(category, count);
    kept += count;
  }
  if (!exact) table.set(OTHER_BUCKET, Math.max(0, total - kept));
  return table;
}

/** Booleans as the profiler recognises them (any letter case) are one category per truth value. */
export const booleanKey: CategoryKey = (value) => (/^(true|false)$/i.test(value) ? value.toLowerCase() : value);

/** Numbers as written (`1`, `1.0`, `1e0`) are one category per numeric value. */
export const numberKey: CategoryKey = (value) => {
  const n = Number(value);
  return Number.isNaN(n) ? value : String(n);
};

export const textKey: CategoryKey = (value) => value;
