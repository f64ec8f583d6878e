/** Fisher's exact test of a 2×2 table: the small-sample replacement for chi-square (Yates) on two categories. */
import { UserError } from '../errors.js';

export interface FisherResult {
  /** Sample odds ratio a·d/(b·c) (Infinity when b·c = 0, NaN when a row or column is empty), as scipy reports it. */
  oddsRatio: number;
  pValue: number;
}

/**
 * Two-sided Fisher exact test of [[a, b], [c, d]], as scipy.stats.fisher_exact(table) defines it: with the margins
 * fixed, the count in the top-left cell is hypergeometric, and the p-value is the probability of every table at
 * most as probable as the observed one (with scipy's relative tolerance of 1e-14 for ties in probability).
 *
 * The probabilities are walked from the mode with the ratio P(x+1)/P(x) = (r₁−x)(c₁−x) / ((x+1)(r₂−c₁+x+1)), so
 * each is known relative to the largest to ~1e-15 whatever the table's size, and nothing overflows.
 */
export function fisherExact(a: number, b: number, c: number, d: number): FisherResult {
  for (const [name, v] of Object.entries({ a, b, c, d })) {
    if (!(Number.isInteger(v) && v >= 0)) {
      throw new UserError(`Fisher's exact test needs non-negative integer counts (${name} = ${v})`);
    }
  }
  const row1 = a + b;
  const row2 = c + d;
  const col1 = a + c;
  if (row1 === 0 || row2 === 0 || col1 === 0 || b + d === 0) return { oddsRatio: NaN, pValue: 1 };
  const oddsRatio = b > 0 && c > 0 ? (a * d) / (b * c) : Infinity;
  const low = Math.max(0, col1 - row2);
  const high = Math.min(col1, row1);
  const mode = Math.floor(((col1 + 1) * (row1 + 1)) / (row1 + row2 + 2));
  const weights = new Float64Array(high - low + 1);
  weights[mode - low] = 1;
  for (let x = mode; x < high; x++) {
    weights[x + 1 - low] = (weights[x - low]! * (row1 - x) * (col1 - x)) / ((x + 1) * (row2 - col1 + x + 1));
  }
  for (let x = mode; x > low; x--) {
    weights[x - 1 - low] = (weights[x - low]! * x * (row2 - col1 + x)) / ((row1 - x + 1) * (col1 - x + 1));
  }
  const observed = weights[a - low]! * (1 + 1e-14);
  let total = 0;
  let tail = 0;
  // Smallest first, so the sums keep their relative precision.
  for (const w of [...weights].sort((x, y) => x - y)) {
    total += w;
    if (w <= observed) tail += w;
  }
  return { oddsRatio, pValue: Math.min(1, tail / total) };
}
