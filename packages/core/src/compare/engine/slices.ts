import type { MetricComparison, SliceComparison } from '../../report/types.js';
import type { SliceColumn } from '../predictions.js';
import { subsetExamples, type Examples } from './examples.js';
import { compareOnExamples, type MetricRunOptions } from './metrics.js';

/**
 * Slice comparisons for one column: each value with at least `minSize` examples (and at least
 * one: an empty slice has no metrics) gets the full metric comparison on its examples. `codes`
 * holds the slice code of each example.
 */
export function sliceComparisons(
  column: string,
  slice: SliceColumn,
  codes: Int32Array,
  examples: Examples,
  minSize: number,
  options: MetricRunOptions,
): { slices: SliceComparison[] } {
  const sizes = new Int32Array(slice.values.length);
  for (const code of codes) sizes[code] = (sizes[code] as number) + 1;
  const values = slice.values
    .map((value, code) => ({ value, code }))
    .filter(({ code }) => (sizes[code] as number) > 0 && (sizes[code] as number) >= minSize)
    .sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  const positions = groupPositions(codes, sizes);
  const slices: SliceComparison[] = [];
  for (const { value, code } of values) {
    const result = compareOnExamples(subsetExamples(examples, positions[code] as Int32Array), options);
    slices.push({ column, value, size: sizes[code] as number, metrics: result.metrics });
  }
  return { slices };
}

/** The example positions of every code, in one pass (a counting sort). */
function groupPositions(codes: Int32Array, sizes: Int32Array): Int32Array[] {
  const groups = Array.from(sizes, (size) => new Int32Array(size));
  const filled = new Int32Array(sizes.length);
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i] as number;
    const k = filled[code] as number;
    (groups[code] as Int32Array)[k] = i;
    filled[code] = k + 1;
  }
  return groups;
}

/**
 * Worst regression first: slices with a significant regression before the rest, then by the
 * largest regression of any metric relative to its baseline (absolute when the baseline is 0), so
 * metrics of different units compare. Stable, so ties keep column and value order.
 */
export function worstFirst(slices: readonly SliceComparison[]): SliceComparison[] {
  const keyed = slices.map((slice) => ({
    slice,
    regressed: slice.metrics.some((m) => m.label === 'regressed') ? 1 : 0,
    worst: Math.max(0, ...slice.metrics.map(regression)),
  }));
  keyed.sort((a, b) => b.regressed - a.regressed || b.worst - a.worst);
  return keyed.map((k) => k.slice);
}

/** How much worse the metric got, ≥ 0 when worse, in relative terms where the baseline allows. */
export function regression(metric: MetricComparison): number {
  const change = metric.relative ?? metric.delta;
  if (change === null) return 0;
  if (metric.direction === 'unknown') return 0;
  return metric.direction === 'higher' ? -change : change;
}
