import { ExactValues, type ExactValuesJSON, type ValueCounts } from '../sketch/exact-values.js';
import { describeValue, fail, type JsonObject } from '../sketch/json.js';
import { Moments, type MomentsJSON } from '../sketch/moments.js';
import { UserError } from '../errors.js';
import { DEFAULT_HISTOGRAM_BINS, Histogram, MAX_HISTOGRAM_BINS } from '../sketch/histogram.js';
import { binEdges, ValueGrid, type GridBins, type GridScale, type ValueGridJSON } from '../sketch/value-grid.js';
import { medianFrom, quantileFrom, type QuantileMethod } from '../stats/quantile.js';

/** Values a summary buffers before it adds them: first 16, doubling to 4,096 (32 KB). */
const FIRST_BUFFER = 16;
const BUFFER = 4096;

/** A figure and the interval it is known to lie in; `low === high === value` when it is exact. */
export interface Bounded {
  value: number;
  low: number;
  high: number;
}

export interface NumberSummaryOptions {
  /** Values kept exactly per column (default 1,000,000). */
  exactValues?: number;
  /** Non-empty bins the value grid keeps at most (default 131,072). */
  gridBins?: number;
}

export interface NumberSummaryJSON {
  moments: MomentsJSON;
  exact: ExactValuesJSON;
  /** Only past the cap: while the values are kept, the grid follows from them. */
  grid?: ValueGridJSON;
}

/**
 * What a profile keeps of a column's numbers (or of its datetimes, as instants in ms): exact moments, every value
 * up to a cap, and a value grid that bounds what the values would give past it. Every figure it answers is exact
 * when the values are kept, or when the grid resolves it (a bin with a single value), and otherwise comes with
 * the interval the grid proves it lies in.
 *
 * The grid is built only when it is needed: when the column passes its cap (from the kept values, then value by
 * value) or when asked for. It is a function of the values alone, so building it late gives the grid one pass would.
 */
export class NumberSummary {
  private readonly momentsPart: Moments;
  private readonly exactPart: ExactValues;
  private valueGrid: ValueGrid | null;
  /** Values already added to a shared count (see `shareCount`). */
  private sharedCount = 0;
  /**
   * Values added since the last flush: taken one by one from the reader and handed to the moments, the kept values
   * and the grid a buffer at a time, in tight loops and block copies rather than three calls per value.
   */
  private buffer: Float64Array | null = null;
  private buffered = 0;

  /** Bins of a grid built later (undefined: the default). */
  private gridBins: number | undefined;

  constructor(
    private readonly scale: GridScale,
    options: NumberSummaryOptions = {},
    parts?: { moments: Moments; exact: ExactValues; grid: ValueGrid | null },
  ) {
    this.gridBins = parts?.grid?.maxBins ?? options.gridBins;
    this.momentsPart = parts?.moments ?? new Moments();
    this.exactPart = parts?.exact ?? new ExactValues(options.exactValues);
    this.valueGrid = parts?.grid ?? null;
  }

  /** Exact moments of the values. */
  get moments(): Moments {
    this.flush();
    return this.momentsPart;
  }

  /** The kept values. */
  get exact(): ExactValues {
    this.flush();
    return this.exactPart;
  }

  /** The value grid of the values (built from the kept values on first use). */
  get grid(): ValueGrid {
    this.flush();
    this.valueGrid ??= this.gridOfKeptValues();
    return this.valueGrid;
  }

  private gridOfKeptValues(bins = this.gridBins): ValueGrid {
    const grid = new ValueGrid(this.scale, bins);
    this.exactPart.forEachChunk((chunk) => grid.addAll(chunk, 0, chunk.length));
    return grid;
  }

  add(x: number): void {
    let buffer = this.buffer;
    if (buffer === null) buffer = this.buffer = new Float64Array(FIRST_BUFFER);
    buffer[this.buffered++] = x;
    if (this.buffered === buffer.length) {
      this.flush();
      // A column with few values keeps a small buffer.
      if (buffer.length < BUFFER) this.buffer = new Float64Array(2 * buffer.length);
    }
  }

  /** Adds the buffered values as `add` would have one by one: the grid takes over when they pass the cap. */
  private flush(): void {
    const count = this.buffered;
    if (count === 0) return;
    this.buffered = 0;
    const values = this.buffer!;
    this.momentsPart.addAll(values, 0, count);
    const exact = this.exactPart;
    const room = exact.isExact ? Math.max(0, exact.cap - exact.count) : 0;
    const kept = Math.min(room, count);
    if (kept > 0) {
      exact.addAll(values, 0, kept);
      this.valueGrid?.addAll(values, 0, kept);
    }
    if (kept === count) return;
    // The value that passes the cap: the grid takes over from the values before they are dropped.
    this.valueGrid ??= this.gridOfKeptValues();
    exact.addAll(values, kept, count);
    this.valueGrid.addAll(values, kept, count);
  }

  /**
   * Adds the values taken since the last call to `counts[slot]`, which every thread reading the same pass adds to
   * (a view of one SharedArrayBuffer), and drops the kept values once the pass as a whole has more than the cap:
   * the merged summary could not keep them anyway, and no thread holds a cap's worth of values it cannot use.
   */
  shareCount(counts: Int32Array, slot: number): void {
    const exact = this.exact;
    const added = exact.count - this.sharedCount;
    if (added === 0 || !exact.isExact) return;
    this.sharedCount = exact.count;
    if (Atomics.add(counts, slot, added) + added > exact.cap) {
      this.valueGrid ??= this.gridOfKeptValues();
      exact.drop();
    }
  }

  merge(other: NumberSummary): this {
    this.flush();
    other.flush();
    // An empty side takes the other's settings (see ExactValues.merge).
    if (this.count === 0) this.gridBins = other.gridBins;
    const cap = this.count === 0 ? other.exact.cap : this.exact.cap;
    const staysExact = this.exact.isExact && other.exact.isExact && this.count + other.count <= cap;
    if (staysExact) this.valueGrid = null;
    else {
      // Both grids before the values go, a missing one built from the kept values at the size of the other.
      const bins = this.valueGrid?.maxBins ?? other.valueGrid?.maxBins ?? this.gridBins;
      this.valueGrid ??= this.gridOfKeptValues(bins);
      this.valueGrid.merge(other.valueGrid ?? other.gridOfKeptValues(bins));
    }
    this.exact.merge(other.exact);
    this.moments.merge(other.moments);
    return this;
  }

  get count(): number {
    return this.moments.count;
  }

  get isExact(): boolean {
    return this.exact.isExact;
  }

  /**
   * Every distinct value with its count, when known: the kept values, or the grid when each of its bins holds a
   * single value (e.g. small integers or coarse decimals past the cap).
   */
  valueCounts(): ValueCounts | undefined {
    const kept = this.exact.valueCounts();
    if (kept) return kept;
    const bins = this.grid.bins();
    if (!bins.values.every((v) => v === v)) return undefined;
    return { values: bins.values, counts: bins.counts, n: bins.n };
  }

  /** The q-quantile as numpy.quantile(values, q, method) gives it, or the interval the grid bounds it to. */
  quantile(q: number, method: QuantileMethod = 'linear'): Bounded {
    const counts = this.valueCounts();
    if (counts) return exactly(quantileFrom(counts.n, q, method, orderStatistic(counts)));
    const { lowAt, highAt } = this.orderBounds();
    const low = quantileFrom(this.count, q, method, lowAt);
    const high = quantileFrom(this.count, q, method, highAt);
    return { value: low === high ? low : (low + high) / 2, low, high };
  }

  /** numpy.median (pandas' and GX's median), or its bounds. */
  median(): Bounded {
    const counts = this.valueCounts();
    if (counts) return exactly(medianFrom(counts.n, orderStatistic(counts)));
    const { lowAt, highAt } = this.orderBounds();
    const low = medianFrom(this.count, lowAt);
    const high = medianFrom(this.count, highAt);
    return { value: low === high ? low : (low + high) / 2, low, high };
  }

  /**
   * Bounds on each order statistic from the grid: the i-th smallest value lies in the bin that holds it, exactly
   * when that bin has a single value, and within the column's min and max.
   */
  private orderBounds(): { lowAt: (i: number) => number; highAt: (i: number) => number } {
    const bins = this.grid.bins();
    const cumulative = cumulativeCounts(bins.counts);
    const { min, max } = this.moments;
    const bin = (i: number) => upperBound(cumulative, i);
    const edges = (b: number): [number, number] => {
      const v = bins.values[b]!;
      if (v === v) return [v, v];
      const [low, high] = binEdges(bins.scale, bins.level, bins.keys[b]!);
      return [Math.max(low, min), Math.min(high, max)];
    };
    return { lowAt: (i) => edges(bin(i))[0], highAt: (i) => edges(bin(i))[1] };
  }

  /** Distinct values: exact when the values are known, else the grid's bounds (a mixed bin holds at least two). */
  distinct(): { low: number; high: number } {
    const counts = this.valueCounts();
    if (counts) return { low: counts.values.length, high: counts.values.length };
    const bins = this.grid.bins();
    let low = 0;
    let high = 0;
    bins.values.forEach((v, b) => {
      low += v === v ? 1 : 2;
      high += v === v ? 1 : bins.counts[b]!;
    });
    return { low, high };
  }

  /**
   * The most frequent values, highest count first (ties by value), at most `limit`. Past the cap only values the
   * grid proves to be among the `limit` most frequent are listed: a single-valued bin's count c is exact, and fewer
   * than `limit` values can beat it — the single-valued bins with more, plus at most ⌊C/(c + 1)⌋ values in each
   * bin of C values that holds several.
   */
  topValues(limit: number): { value: number; count: number }[] {
    const known = this.valueCounts();
    if (known) {
      return topByCount(known.values, known.counts, limit, () => true).map((b) => ({
        value: known.values[b]!,
        count: known.counts[b]!,
      }));
    }
    const bins = this.grid.bins();
    const single = topByCount(bins.values, bins.counts, limit, (b) => bins.values[b] === bins.values[b]);
    const mixed = Array.from(bins.counts).filter((_, b) => bins.values[b] !== bins.values[b]);
    const listed: { value: number; count: number }[] = [];
    for (let i = 0; i < single.length && listed.length < limit; i++) {
      const count = bins.counts[single[i]!]!;
      let rivals = single.slice(0, i).filter((b) => bins.counts[b]! > count).length;
      for (const total of mixed) rivals += Math.floor(total / (count + 1));
      if (rivals >= limit) break;
      listed.push({ value: bins.values[single[i]!]!, count });
    }
    return listed;
  }

  /**
   * `bins` bins from min to max, [edges[i], edges[i+1]) with the last one closed (numpy.histogram's convention),
   * with exact counts: equal width while the values are known; past the cap an edge that falls inside a grid bin
   * holding several values moves down to that bin's lower edge, where the count below it is known.
   */
  histogram(bins: number = DEFAULT_HISTOGRAM_BINS): Histogram {
    if (!Number.isInteger(bins) || bins < 1 || bins > MAX_HISTOGRAM_BINS) {
      throw new UserError(`histogram bins must be an integer in [1, ${MAX_HISTOGRAM_BINS}], got ${bins}`);
    }
    const n = this.count;
    if (n === 0) return new Histogram([], []);
    const { min, max } = this.moments;
    if (min === max) return new Histogram([min, max], [n]);
    // Divide before subtracting so ranges near ±Number.MAX_VALUE cannot overflow.
    const width = max / bins - min / bins;
    const known = this.valueCounts();
    const grid = known ? undefined : edgesOf(this.grid.bins());
    const edges = [min];
    for (let i = 1; i < bins; i++) {
      const edge = grid ? resolvedEdge(grid, min + width * i) : min + width * i;
      if (edge > edges[edges.length - 1]!) edges.push(edge);
    }
    edges.push(max);
    const below = (edge: number) => (known ? valuesBelow(known, edge) : binsBelow(grid!, edge));
    const counts: number[] = [];
    for (let i = 1; i < edges.length; i++) {
      counts.push((i === edges.length - 1 ? n : below(edges[i]!)) - below(edges[i - 1]!));
    }
    return new Histogram(edges, counts);
  }

  toJSON(options: { raw?: boolean } = {}): NumberSummaryJSON {
    return {
      moments: this.moments.toJSON(),
      exact: this.exact.toJSON(options),
      ...(!this.isExact && { grid: this.grid.toJSON(options) }),
    };
  }

  static fromJSON(value: unknown, path: string, scale: GridScale): NumberSummary {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      fail(path, `expected {moments, exact, grid}, got ${describeValue(value)}`);
    }
    const obj = value as JsonObject;
    for (const key of Object.keys(obj))
      if (!['moments', 'exact', 'grid'].includes(key)) fail(`${path}.${key}`, 'unknown key');
    const moments = Moments.fromJSON(obj.moments, `${path}.moments`);
    const exact = ExactValues.fromJSON(obj.exact, `${path}.exact`);
    if (exact.count !== moments.count)
      fail(`${path}.exact.n`, `is ${exact.count} but the column has ${moments.count} values`);
    if (obj.grid === undefined) {
      if (!exact.isExact)
        fail(`${path}.grid`, `expected the value grid of a column past its cap of ${exact.cap} values`);
      return new NumberSummary(scale, {}, { moments, exact, grid: null });
    }
    const grid = ValueGrid.fromJSON(obj.grid, `${path}.grid`);
    if (grid.scale !== scale) fail(`${path}.grid.scale`, `expected "${scale}"`);
    if (grid.count !== moments.count)
      fail(`${path}.grid.n`, `is ${grid.count} but the column has ${moments.count} values`);
    return new NumberSummary(scale, {}, { moments, exact, grid });
  }
}

/** A grid's bins with each one's interval [low, high) and the values in the bins before it. */
interface GridEdges {
  bins: GridBins;
  lows: Float64Array;
  highs: Float64Array;
  /** before[b] = values in bins 0..b−1. */
  before: Float64Array;
}

function edgesOf(bins: GridBins): GridEdges {
  const size = bins.keys.length;
  const lows = new Float64Array(size);
  const highs = new Float64Array(size);
  const before = new Float64Array(size + 1);
  for (let b = 0; b < size; b++) {
    [lows[b], highs[b]] = binEdges(bins.scale, bins.level, bins.keys[b]!);
    before[b + 1] = before[b]! + bins.counts[b]!;
  }
  return { bins, lows, highs, before };
}

/** The first bin whose interval ends above `edge` (the bin holding it, or the next one); the bin count if none. */
function binAt(grid: GridEdges, edge: number): number {
  let lo = 0;
  let hi = grid.highs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (grid.highs[mid]! <= edge) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** `edge`, or the lower edge of the grid bin it falls in when that bin holds several values. */
function resolvedEdge(grid: GridEdges, edge: number): number {
  const b = binAt(grid, edge);
  if (b === grid.highs.length || edge < grid.lows[b]!) return edge;
  const v = grid.bins.values[b]!;
  return v === v ? edge : grid.lows[b]!;
}

/** Values below `edge` in a grid whose bins all either end by `edge` or are single-valued (see `resolvedEdge`). */
function binsBelow(grid: GridEdges, edge: number): number {
  const b = binAt(grid, edge);
  let total = grid.before[b]!;
  const v = b < grid.highs.length ? grid.bins.values[b]! : NaN;
  if (v === v && v < edge) total += grid.bins.counts[b]!;
  return total;
}

function valuesBelow(counts: ValueCounts, edge: number): number {
  let total = 0;
  for (let i = 0; i < counts.values.length && counts.values[i]! < edge; i++) total += counts.counts[i]!;
  return total;
}

function exactly(value: number): Bounded {
  return { value, low: value, high: value };
}

/** The i-th smallest value (0-based) of a sorted multiset. */
function orderStatistic(counts: ValueCounts): (i: number) => number {
  const cumulative = cumulativeCounts(counts.counts);
  return (i) => counts.values[upperBound(cumulative, i)]!;
}

/** cumulative[b] = values in bins 0..b. */
function cumulativeCounts(counts: Float64Array): Float64Array {
  const out = new Float64Array(counts.length);
  let total = 0;
  counts.forEach((c, b) => (out[b] = total += c));
  return out;
}

/** The first b with cumulative[b] > i: the bin holding the i-th smallest value. */
function upperBound(cumulative: Float64Array, i: number): number {
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid]! > i) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The indices (among those `included`) of the `limit` highest counts, highest first, ties by value. */
function topByCount(
  values: Float64Array,
  counts: Float64Array,
  limit: number,
  included: (b: number) => boolean,
): number[] {
  const before = (a: number, b: number) =>
    counts[a]! > counts[b]! || (counts[a] === counts[b] && values[a]! < values[b]!);
  const top: number[] = [];
  for (let b = 0; b < counts.length; b++) {
    if (!included(b) || (top.length === limit && !before(b, top[limit - 1]!))) continue;
    let at = top.length === limit ? limit - 1 : top.length;
    while (at > 0 && before(b, top[at - 1]!)) {
      top[at] = top[at - 1]!;
      at--;
    }
    top[at] = b;
    if (top.length > limit) top.length = limit;
  }
  return top;
}
