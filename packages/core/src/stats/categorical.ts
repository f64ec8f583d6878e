/**
 * Drift measures for categorical columns: chi-square test of homogeneity with Cramér's V, PSI and the
 * Jensen–Shannon distance. Counts come as Map/Record (category → count); `alignCategories` turns two of them into
 * aligned arrays over the union of categories, which is what PSI and Jensen–Shannon take.
 */
import { UserError } from '../errors.js';
import { chiSquareSf } from './gamma.js';

export type Counts = ReadonlyMap<string, number> | Readonly<Record<string, number>>;

export interface AlignedCounts {
  categories: string[];
  a: Float64Array;
  b: Float64Array;
}

/** The union of categories (those of `a` first, in insertion order), with 0 where a side lacks a category. */
export function alignCategories(a: Counts, b: Counts): AlignedCounts {
  const entriesA = entriesOf(a, 'first');
  const entriesB = entriesOf(b, 'second');
  const index = new Map<string, number>();
  for (const [category] of [...entriesA, ...entriesB]) if (!index.has(category)) index.set(category, index.size);
  const alignedA = new Float64Array(index.size);
  const alignedB = new Float64Array(index.size);
  for (const [category, count] of entriesA) add(alignedA, index.get(category) ?? 0, count);
  for (const [category, count] of entriesB) add(alignedB, index.get(category) ?? 0, count);
  return { categories: [...index.keys()], a: alignedA, b: alignedB };
}

function add(target: Float64Array, at: number, count: number): void {
  target[at] = (target[at] ?? 0) + count;
}

function entriesOf(counts: Counts, which: string): [string, number][] {
  const entries: [string, number][] = counts instanceof Map ? [...counts.entries()] : Object.entries(counts);
  for (const [category, count] of entries) {
    if (!(count >= 0 && Number.isFinite(count))) {
      throw new UserError(`category "${category}" has an invalid count (${count}) in the ${which} sample`);
    }
  }
  return entries;
}

export interface ChiSquareResult {
  /** Pearson's χ², with Yates' continuity correction when df = 1 and `correction` is on (scipy's default). */
  statistic: number;
  /** k − 1, where k counts the categories seen on at least one side. */
  df: number;
  pValue: number;
  /**
   * Cramér's V = √(χ²/(N·min(r−1, c−1))), in [0, 1]; for the 2×k table √(χ²/N), from the uncorrected χ² as
   * scipy.stats.contingency.association(table, method='cramer') computes it. The categorical effect size.
   */
  cramersV: number;
  /** Whether Yates' correction was applied (df = 1 with `correction` on). */
  corrected: boolean;
  /** Cells whose expected count is below 5, where the χ² approximation is unreliable (Cochran's rule). */
  smallExpected: number;
}

export interface ChiSquareOptions {
  /** Yates' continuity correction when df = 1, as scipy.stats.chi2_contingency(correction=True). Default true. */
  correction?: boolean;
}

/**
 * Chi-square test of homogeneity on the 2×k table of two samples' category counts, as
 * scipy.stats.chi2_contingency(table, correction) computes it. Categories with no observations on either side have
 * zero expected count and are dropped (scipy refuses such a table); a category seen on one side only stays (it is
 * evidence of change). With fewer than two categories there is nothing to compare: statistic 0, p-value 1.
 */
export function chiSquare(countsA: Counts, countsB: Counts, options: ChiSquareOptions = {}): ChiSquareResult {
  const { a, b } = alignCategories(countsA, countsB);
  return chiSquareTable(a, b, options);
}

/** `chiSquare` on already aligned count arrays. */
export function chiSquareTable(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  options: ChiSquareOptions = {},
): ChiSquareResult {
  checkSameLength(a, b, 'chi-square test');
  const totalA = sum(a);
  const totalB = sum(b);
  if (!(totalA > 0) || !(totalB > 0)) throw new UserError('chi-square test needs at least one observation per sample');
  const total = totalA + totalB;
  const cells: [number, number, number, number][] = [];
  for (let k = 0; k < a.length; k++) {
    const observedA = a[k] ?? 0;
    const observedB = b[k] ?? 0;
    const column = observedA + observedB;
    if (column === 0) continue;
    cells.push([observedA, (totalA * column) / total, observedB, (totalB * column) / total]);
  }
  const smallExpected = cells.reduce((n, [, ea, , eb]) => n + (ea < 5 ? 1 : 0) + (eb < 5 ? 1 : 0), 0);
  if (cells.length < 2) {
    return { statistic: 0, df: 0, pValue: 1, cramersV: 0, corrected: false, smallExpected };
  }
  const df = cells.length - 1;
  const corrected = df === 1 && (options.correction ?? true);
  let pearson = 0;
  let statistic = 0;
  for (const [oa, ea, ob, eb] of cells) {
    pearson += (oa - ea) ** 2 / ea + (ob - eb) ** 2 / eb;
    // Yates moves each observed count half a unit towards its expectation, never past it (scipy gh-13875).
    if (corrected) statistic += yates(oa, ea) ** 2 / ea + yates(ob, eb) ** 2 / eb;
  }
  if (!corrected) statistic = pearson;
  return {
    statistic,
    df,
    pValue: chiSquareSf(statistic, df),
    cramersV: Math.min(1, Math.sqrt(pearson / total)),
    corrected,
    smallExpected,
  };
}

function yates(observed: number, expected: number): number {
  const gap = Math.abs(observed - expected);
  return gap - Math.min(0.5, gap);
}

export interface PsiOptions {
  /** Proportions below epsilon are raised to it so empty bins do not make PSI infinite. Default 1e-4. */
  epsilon?: number;
}

/**
 * Population Stability Index Σ (a_i − e_i)·ln(a_i/e_i) over bins defined on the reference (expected) data. Inputs
 * are proportions or counts (each side is normalised to sum 1); each proportion is then floored at `epsilon`.
 * Rule of thumb: < 0.1 stable, 0.1–0.25 moderate shift, > 0.25 large shift.
 */
export function psi(expected: ArrayLike<number>, actual: ArrayLike<number>, options: PsiOptions = {}): number {
  checkSameLength(expected, actual, 'PSI');
  const epsilon = options.epsilon ?? 1e-4;
  const e = normalised(expected, 'expected');
  const a = normalised(actual, 'actual');
  let total = 0;
  for (let k = 0; k < e.length; k++) {
    const pe = Math.max(e[k] ?? 0, epsilon);
    const pa = Math.max(a[k] ?? 0, epsilon);
    total += (pa - pe) * Math.log(pa / pe);
  }
  return total;
}

/**
 * Jensen–Shannon distance √(JS divergence) in base 2, so it lies in [0, 1]; matches
 * scipy.spatial.distance.jensenshannon(p, q, base=2). Inputs are normalised like scipy does.
 */
export function jensenShannon(p: ArrayLike<number>, q: ArrayLike<number>): number {
  checkSameLength(p, q, 'Jensen–Shannon distance');
  const pn = normalised(p, 'first');
  const qn = normalised(q, 'second');
  let divergence = 0;
  for (let k = 0; k < pn.length; k++) {
    const pk = pn[k] ?? 0;
    const qk = qn[k] ?? 0;
    const mk = (pk + qk) / 2;
    if (pk > 0) divergence += pk * Math.log(pk / mk);
    if (qk > 0) divergence += qk * Math.log(qk / mk);
  }
  return Math.min(1, Math.sqrt(Math.max(0, divergence / 2 / Math.LN2)));
}

/**
 * Interior bin edges at the reference's quantiles 1/bins … (bins−1)/bins (numpy's default linear interpolation),
 * with duplicates removed so heavily tied data yields fewer, non-empty bins.
 */
export function quantileBinEdges(reference: ArrayLike<number>, bins = 10): number[] {
  if (reference.length === 0) throw new UserError('cannot bin against an empty reference sample');
  if (!Number.isInteger(bins) || bins < 1) throw new UserError(`bin count must be a positive integer (got ${bins})`);
  const sorted = Float64Array.from(reference).sort();
  const edges: number[] = [];
  for (let k = 1; k < bins; k++) {
    const position = (k / bins) * (sorted.length - 1);
    const lower = Math.floor(position);
    const fraction = position - lower;
    const low = sorted[lower] ?? 0;
    const high = sorted[Math.min(lower + 1, sorted.length - 1)] ?? low;
    const edge = low + fraction * (high - low);
    if (edges.length === 0 || edge > (edges[edges.length - 1] ?? -Infinity)) edges.push(edge);
  }
  return edges;
}

/** Counts of `values` in the bins (−∞, e₁], (e₁, e₂], …, (e_last, ∞) for ascending interior edges. */
export function binCounts(values: ArrayLike<number>, edges: readonly number[]): Float64Array {
  const counts = new Float64Array(edges.length + 1);
  for (let k = 0; k < values.length; k++) {
    const v = values[k] ?? NaN;
    let lo = 0;
    let hi = edges.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (v <= (edges[mid] ?? Infinity)) hi = mid;
      else lo = mid + 1;
    }
    counts[lo] = (counts[lo] ?? 0) + 1;
  }
  return counts;
}

function normalised(values: ArrayLike<number>, which: string): Float64Array {
  const total = sum(values);
  if (!(total > 0)) throw new UserError(`the ${which} distribution has no mass`);
  const out = new Float64Array(values.length);
  for (let k = 0; k < values.length; k++) {
    const v = values[k] ?? NaN;
    if (!(v >= 0 && Number.isFinite(v))) throw new UserError(`the ${which} distribution has an invalid value (${v})`);
    out[k] = v / total;
  }
  return out;
}

function sum(values: ArrayLike<number>): number {
  let total = 0;
  for (let k = 0; k < values.length; k++) total += values[k] ?? 0;
  return total;
}

function checkSameLength(a: ArrayLike<number>, b: ArrayLike<number>, what: string): void {
  if (a.length !== b.length)
    throw new UserError(`${what}: the two distributions have ${a.length} and ${b.length} bins`);
}
