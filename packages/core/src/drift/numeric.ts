/**
 * Numeric drift between two profiles' number summaries: the two-sample KS test, the Wasserstein-1 distance and, on
 * request, PSI. When both sides kept their values (or their grids resolve every value) the statistics are exact
 * and equal scipy's; otherwise each side's CDF is known exactly at its grid's bin edges and single-valued bins and
 * bounded in between, and the statistics come as certified intervals.
 */
import type { ValueCounts } from '../sketch/exact-values.js';
import { atLevel, binEdges, type GridBins } from '../sketch/value-grid.js';
import { binCounts, psi } from '../stats/categorical.js';
import { ksFromCounts, ksPValue } from '../stats/ks.js';
import { quantileFrom } from '../stats/quantile.js';
import { wasserstein1Cdf } from '../stats/wasserstein.js';
import type { NumberSummary } from '../profile/number-summary.js';

/** Bins for PSI: the reference's deciles, the usual choice. */
export const PSI_BINS = 10;

export interface NumericComparison {
  /** KS statistic D (or its bounds): statistic[0] ≤ D ≤ statistic[1]. */
  statistic: [number, number];
  /** KS p-value of the lower bound of D: never smaller than the exact p-value. */
  pValue: number;
  method: 'exact' | 'asymptotic';
  /** Wasserstein-1 distance in the column's units (or its bounds). */
  wasserstein: [number, number];
  /** Whether both sides were compared value by value (no bounds). */
  exact: boolean;
}

/**
 * One side as the comparison sees it, segment i at index i: its values with their counts where known, otherwise its
 * grid's bins — a single-valued bin is a value with its count, any other bin an interval [low, high) (clamped to the
 * side's min and max) whose count is known but not where in the interval its values lie. Typed arrays rather than
 * an object per segment: a side past its cap has ~65,000 of them.
 */
interface Segments {
  low: Float64Array;
  /** Equal to `low` for a value; an interval's values lie somewhere in [low, high]. */
  high: Float64Array;
  count: Float64Array;
  length: number;
}

export function compareNumbers(reference: NumberSummary, current: NumberSummary): NumericComparison {
  const a = reference.valueCounts();
  const b = current.valueCounts();
  if (a && b) {
    const ks = ksFromCounts(a, b);
    const w = wasserstein1Cdf({ values: a.values, weights: a.counts }, { values: b.values, weights: b.counts });
    return {
      statistic: [ks.statistic, ks.statistic],
      pValue: ks.pValue,
      method: ks.method,
      wasserstein: [w, w],
      exact: true,
    };
  }
  // Only a side compared through its grid sets the level: a side whose values are known is compared value by value.
  const level = Math.max(a ? 0 : reference.grid.level, b ? 0 : current.grid.level);
  const left = segments(reference, a, level);
  const right = segments(current, b, level);
  const bounds = sweep(left, right, reference.count, current.count);
  const { pValue, method } = ksPValue(bounds.d[0], reference.count, current.count);
  const exact = bounds.d[0] === bounds.d[1] && bounds.w[0] === bounds.w[1];
  return { statistic: bounds.d, pValue, method, wasserstein: bounds.w, exact };
}

function segments(side: NumberSummary, counts: ValueCounts | undefined, level: number): Segments {
  if (counts) return { low: counts.values, high: counts.values, count: counts.counts, length: counts.values.length };
  const bins: GridBins = atLevel(side.grid.bins(), level);
  const { min, max } = side.moments;
  const length = bins.keys.length;
  const low = new Float64Array(length);
  const high = new Float64Array(length);
  for (let i = 0; i < length; i++) {
    const v = bins.values[i]!;
    if (v === v) {
      low[i] = high[i] = v;
      continue;
    }
    const [from, to] = binEdges(bins.scale, bins.level, bins.keys[i]!);
    low[i] = Math.max(from, min);
    high[i] = Math.min(to, max);
  }
  return { low, high, count: bins.counts, length };
}

/**
 * Bounds on D = sup |F_a − F_b| and W1 = ∫|F_a − F_b| dx from two sides' segments. Between consecutive
 * breakpoints (every value and interval end of either side) each CDF is a constant, known exactly outside
 * intervals and within [before, after] inside one: D's lower bound is the largest gap where both are known (a
 * value F takes, or a limit of such values), its upper bound the largest gap the ranges allow; W1's bounds
 * integrate the smallest and largest gaps the ranges allow.
 */
function sweep(a: Segments, b: Segments, na: number, nb: number): { d: [number, number]; w: [number, number] } {
  const points = breakpoints(a, b);
  const fa = cdfRanges(a, points);
  const fb = cdfRanges(b, points);
  // Gaps as |ca·nb − cb·na| / (na·nb), on whole counts: the exact D's arithmetic (ks2), so the bounds hold it.
  const scale = na * nb;
  const gap = (ca: number, cb: number) => (ca * nb - cb * na) / scale;
  let dLow = 0;
  let dHigh = 0;
  let wLow = 0;
  let wHigh = 0;
  for (let j = 0; j < points.length; j++) {
    const [aLo, aHi] = [fa.low[j]!, fa.high[j]!];
    const [bLo, bHi] = [fb.low[j]!, fb.high[j]!];
    const widest = Math.max(Math.abs(gap(aHi, bLo)), Math.abs(gap(aLo, bHi)));
    const narrowest = Math.max(0, gap(aLo, bHi), -gap(aHi, bLo));
    if (aLo === aHi && bLo === bHi) dLow = Math.max(dLow, Math.abs(gap(aLo, bLo)));
    const [aLeft, bLeft] = [fa.left[j]!, fb.left[j]!];
    if (aLeft === aLeft && bLeft === bLeft) dLow = Math.max(dLow, Math.abs(gap(aLeft, bLeft)));
    dHigh = Math.max(dHigh, widest);
    if (j + 1 < points.length) {
      const length = points[j + 1]! - points[j]!;
      wLow += narrowest * length;
      wHigh += widest * length;
    }
  }
  return { d: [Math.min(1, dLow), Math.min(1, Math.max(dLow, dHigh))], w: [wLow, Math.max(wLow, wHigh)] };
}

/**
 * Every segment end of either side, ascending, each once. Each side's ends already ascend (its segments are
 * disjoint and in order), so the two lists are merged rather than sorted.
 */
function breakpoints(a: Segments, b: Segments): Float64Array {
  const all = new Float64Array(2 * (a.length + b.length));
  let size = 0;
  const push = (x: number) => {
    if (size === 0 || all[size - 1] !== x) all[size++] = x;
  };
  let i = 0;
  let j = 0;
  while (i < 2 * a.length || j < 2 * b.length) {
    const x = i < 2 * a.length ? end(a, i) : Infinity;
    const y = j < 2 * b.length ? end(b, j) : Infinity;
    if (x <= y) {
      push(x);
      i++;
    } else {
      push(y);
      j++;
    }
  }
  return all.subarray(0, size);
}

/** The k-th end of a side's segments: low, high, low, high, … */
function end(side: Segments, k: number): number {
  return ((k & 1) === 0 ? side.low : side.high)[k >> 1]!;
}

/**
 * The range of n·F on [points[j], points[j+1]) for each j (F right-continuous: values at points[j] count), and
 * n·F(points[j]−), the count of values below the point, where it is known (NaN where not). Every interval end is a
 * breakpoint, so a piece lies wholly inside or outside each interval: a segment ending at or before the piece
 * counts in full, an interval the piece lies in counts anywhere from none to all of its values. An interval's
 * values lie in [low, high), or in [low, max] for the last one, so the share below a point is known unless an
 * interval holds the point strictly inside (or ends at the max): at the grid's bin edges it is.
 */
function cdfRanges(
  side: Segments,
  points: Float64Array,
): { low: Float64Array; high: Float64Array; left: Float64Array } {
  const low = new Float64Array(points.length);
  const high = new Float64Array(points.length);
  const left = new Float64Array(points.length);
  let s = 0;
  let below = 0;
  for (let j = 0; j < points.length; j++) {
    const x = points[j]!;
    let atX = 0;
    let maxInside = false;
    while (s < side.length && side.high[s]! <= x) {
      const count = side.count[s]!;
      const from = side.low[s++]!;
      below += count;
      // A value at x is not below x; nor, perhaps, some of an interval that ends at the side's max (attained).
      atX = from === x ? count : 0;
      maxInside = from < x && s === side.length;
    }
    const next = s < side.length ? s : -1;
    const open = next >= 0 && side.low[next]! <= x ? side.count[next]! : 0;
    low[j] = below;
    high[j] = below + open;
    left[j] = maxInside || (next >= 0 && side.low[next]! < x) ? NaN : below - atX;
  }
  return { low, high, left };
}

/**
 * PSI over the reference's deciles. With both sides' values known: numpy.quantile edges and right-closed bins, as
 * on raw samples. Otherwise the edges move to the bin edge below each decile of the reference grid, where both
 * sides' counts are exact, and the bins are [edge, next edge).
 */
export function numericPsi(reference: NumberSummary, current: NumberSummary, bins = PSI_BINS): number {
  const a = reference.valueCounts();
  const b = current.valueCounts();
  if (a && b) {
    const at = orderStatistic(a);
    const edges: number[] = [];
    for (let k = 1; k < bins; k++) {
      const edge = quantileFrom(a.n, k / bins, 'linear', at);
      if (edges.length === 0 || edge > edges[edges.length - 1]!) edges.push(edge);
    }
    return psi(weightedBinCounts(a, edges), weightedBinCounts(b, edges));
  }
  const level = Math.max(reference.grid.level, current.grid.level);
  const ref = atLevel(reference.grid.bins(), level);
  const cumulative = cumulativeOf(ref.counts);
  const edges: number[] = [];
  for (let k = 1; k < bins; k++) {
    const rank = Math.floor((k / bins) * ref.n);
    const bin = cumulative.findIndex((c) => c > rank);
    const [low] = binEdges(ref.scale, ref.level, ref.keys[bin]!);
    if (edges.length === 0 || low > edges[edges.length - 1]!) edges.push(low);
  }
  const below = (side: NumberSummary, counts: ValueCounts | undefined) => {
    const grid = atLevel(side.grid.bins(), level);
    return edges.map((edge) => (counts ? countBelow(counts, edge) : countBinsBelow(grid, edge)));
  };
  const shares = (at: number[], total: number) =>
    Float64Array.from([...at, total], (c, i) => c - (i === 0 ? 0 : at[i - 1]!));
  return psi(shares(below(reference, a), reference.count), shares(below(current, b), current.count));
}

function orderStatistic(counts: ValueCounts): (i: number) => number {
  const cumulative = cumulativeOf(counts.counts);
  return (i) => counts.values[cumulative.findIndex((c) => c > i)]!;
}

function cumulativeOf(counts: Float64Array): Float64Array {
  const out = new Float64Array(counts.length);
  let total = 0;
  counts.forEach((c, i) => (out[i] = total += c));
  return out;
}

/** `binCounts` for a multiset: counts in (−∞, e₁], (e₁, e₂], …, (e_last, ∞). */
function weightedBinCounts(counts: ValueCounts, edges: readonly number[]): Float64Array {
  const out = new Float64Array(edges.length + 1);
  const index = binCounts(counts.values, edges);
  let at = 0;
  index.forEach((distinct, bin) => {
    for (let i = 0; i < distinct; i++) out[bin]! += counts.counts[at++]!;
  });
  return out;
}

function countBelow(counts: ValueCounts, edge: number): number {
  let total = 0;
  for (let i = 0; i < counts.values.length && counts.values[i]! < edge; i++) total += counts.counts[i]!;
  return total;
}

/** Values in the bins whose lower edge lies below `edge` (a prefix of the bins: their lower edges ascend). */
function countBinsBelow(bins: GridBins, edge: number): number {
  let lo = 0;
  let hi = bins.keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (binEdges(bins.scale, bins.level, bins.keys[mid]!)[0] < edge) lo = mid + 1;
    else hi = mid;
  }
  let total = 0;
  for (let i = 0; i < lo; i++) total += bins.counts[i]!;
  return total;
}
