/**
 * What a drift chart draws: both sides' values over the same cells, small enough to ride in the report. Numbers get
 * a histogram over shared edges with exact counts; categories their most frequent cells with the rest counted
 * together. The counts come from the same profiles the test read, so the chart shows what was tested.
 */
import type { CategoryDistribution, HistogramDistribution } from '../report/types.js';
import type { ValueCounts } from '../sketch/exact-values.js';
import { atLevel, binEdges, type GridBins } from '../sketch/value-grid.js';
import type { NumberSummary } from '../profile/number-summary.js';
import { OTHER_BUCKET, type CategoryTable } from './categorical.js';

export const DISTRIBUTION_BINS = 20;
export const DISTRIBUTION_CATEGORIES = 20;
/** A category's name is cut to this many characters (the report schema's cap for a name). */
const MAX_CATEGORY_CHARS = 256;

/**
 * Equal-width bins from the smaller minimum to the larger maximum of both sides (numpy.histogram's convention:
 * half-open, the last one closed). A side known only through its value grid has exact counts below the grid's bin
 * edges and below a single-valued bin's value, so an edge that falls inside a grid bin holding several values moves
 * down to that bin's lower edge; both grids are brought to one level first, so such an edge is a bin edge of both.
 */
export function histogramDistribution(
  reference: NumberSummary,
  current: NumberSummary,
  { bins = DISTRIBUTION_BINS, time = false } = {},
): HistogramDistribution {
  const min = Math.min(reference.moments.min, current.moments.min);
  const max = Math.max(reference.moments.max, current.moments.max);
  const level = Math.max(reference.grid.level, current.grid.level);
  const sides = [reference, current].map((side) => {
    const counts = side.valueCounts();
    return counts ? { counts } : { grid: atLevel(side.grid.bins(), level) };
  });
  const edges = [min];
  if (max > min) {
    // Divide before subtracting so ranges near ±Number.MAX_VALUE cannot overflow.
    const width = max / bins - min / bins;
    for (let i = 1; i < bins; i++) {
      let edge = min + width * i;
      for (const side of sides) if (side.grid) edge = resolvedEdge(side.grid, edge);
      if (edge > edges[edges.length - 1]! && edge < max) edges.push(edge);
    }
  }
  edges.push(max);
  const [ref, cur] = sides.map((side, s) => {
    const total = s === 0 ? reference.count : current.count;
    const below = (edge: number) => (side.counts ? valuesBelow(side.counts, edge) : binsBelow(side.grid!, edge));
    const at = edges.slice(1, -1).map(below);
    return [...at, total].map((count, i) => count - (i === 0 ? 0 : at[i - 1]!));
  });
  return { kind: 'histogram', edges, reference: ref!, current: cur!, ...(time && { time }) };
}

/**
 * The cells of the tested table, most frequent first, at most `limit`; the table's own "other" cell and the cells
 * past the limit are counted together as `other`. Names lose the table's key prefix.
 */
export function categoryDistribution(table: CategoryTable, limit = DISTRIBUTION_CATEGORIES): CategoryDistribution {
  const own = table.categories.flatMap((key, i) => (key === OTHER_BUCKET ? [] : [i]));
  const shown = own.slice(0, limit);
  const rest = table.categories.map((_, i) => i).filter((i) => !shown.includes(i));
  const sum = (side: Float64Array) => rest.reduce((total, i) => total + side[i]!, 0);
  const distribution: CategoryDistribution = {
    kind: 'categories',
    categories: shown.map((i) => Array.from(table.categories[i]!.slice(1)).slice(0, MAX_CATEGORY_CHARS).join('')),
    reference: shown.map((i) => table.reference[i]!),
    current: shown.map((i) => table.current[i]!),
  };
  if (rest.length > 0) distribution.other = { reference: sum(table.reference), current: sum(table.current) };
  return distribution;
}

/** `edge`, or the lower edge of the grid bin it falls in when that bin holds several values. */
function resolvedEdge(grid: GridBins, edge: number): number {
  const b = binHolding(grid, edge);
  if (b < 0) return edge;
  const v = grid.values[b]!;
  return v === v ? edge : binEdges(grid.scale, grid.level, grid.keys[b]!)[0];
}

/** The bin whose interval holds `edge`, or −1. */
function binHolding(grid: GridBins, edge: number): number {
  let lo = 0;
  let hi = grid.keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (binEdges(grid.scale, grid.level, grid.keys[mid]!)[1] <= edge) lo = mid + 1;
    else hi = mid;
  }
  return lo < grid.keys.length && binEdges(grid.scale, grid.level, grid.keys[lo]!)[0] <= edge ? lo : -1;
}

/**
 * Values below `edge`, where `edge` is a bin edge or lies in a single-valued bin (see `resolvedEdge`): the bins that
 * end by `edge` (a prefix, found by binary search), and the next one when its single value lies below `edge`.
 */
function binsBelow(grid: GridBins, edge: number): number {
  let lo = 0;
  let hi = grid.keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (binEdges(grid.scale, grid.level, grid.keys[mid]!)[1] <= edge) lo = mid + 1;
    else hi = mid;
  }
  let total = 0;
  for (let b = 0; b < lo; b++) total += grid.counts[b]!;
  if (lo < grid.keys.length && binEdges(grid.scale, grid.level, grid.keys[lo]!)[0] <= edge && grid.values[lo]! < edge) {
    total += grid.counts[lo]!;
  }
  return total;
}

function valuesBelow(counts: ValueCounts, edge: number): number {
  let lo = 0;
  let hi = counts.values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (counts.values[mid]! < edge) lo = mid + 1;
    else hi = mid;
  }
  let total = 0;
  for (let i = 0; i < lo; i++) total += counts.counts[i]!;
  return total;
}
