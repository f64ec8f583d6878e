import { UserError } from '../errors.js';
import { expectFiniteArray, expectSketch, fail, type JsonObject } from './json.js';
import type { KllSketch } from './kll.js';

export const DEFAULT_HISTOGRAM_BINS = 20;
const MAX_BINS = 10_000;

export interface HistogramJSON {
  kind: 'histogram';
  version: 1;
  /** bins + 1 ascending edges; bin 0 is [edges[0], edges[1]], bin i > 0 is (edges[i], edges[i+1]]. */
  edges: number[];
  counts: number[];
}

/**
 * Equal-width histogram of a numeric column, derived at report time from the column's KLL
 * sketch rather than accumulated while reading. Why: shards see different value ranges, so
 * bins fixed while streaming would not line up when profiles merge; the KLL sketch merges
 * exactly, and bins drawn from the merged min/max then cover the whole data.
 *
 * Each count is n·(rank(right edge) − rank(left edge)), so it is off by at most
 * `KllSketch.normalizedRankError(k, true)`·n (99% confidence), and exact while the sketch has
 * not compacted (n ≤ k). Counts always sum to n.
 */
export class Histogram {
  readonly edges: readonly number[];
  readonly counts: readonly number[];

  constructor(edges: readonly number[], counts: readonly number[]) {
    if (counts.length === 0 ? edges.length !== 0 : edges.length !== counts.length + 1) {
      throw new UserError(
        `a histogram needs one more edge than bins (got ${edges.length} edges, ${counts.length} bins)`,
      );
    }
    this.edges = edges;
    this.counts = counts;
  }

  /** `bins` equal-width bins from the sketch's exact min to max; one bin when min = max, none when empty. */
  static fromKll(sketch: KllSketch, bins: number = DEFAULT_HISTOGRAM_BINS): Histogram {
    if (!Number.isInteger(bins) || bins < 1 || bins > MAX_BINS) {
      throw new UserError(`histogram bins must be an integer in [1, ${MAX_BINS}], got ${bins}`);
    }
    if (sketch.isEmpty) return new Histogram([], []);
    const min = sketch.min;
    const max = sketch.max;
    if (min === max) return new Histogram([min, max], [sketch.count]);
    const edges: number[] = [min];
    // Divide before subtracting so ranges near ±Number.MAX_VALUE cannot overflow.
    const width = max / bins - min / bins;
    for (let i = 1; i < bins; i++) edges.push(min + width * i);
    edges.push(max);
    const counts: number[] = [];
    let below = 0;
    for (let i = 1; i <= bins; i++) {
      const atMost = i === bins ? sketch.count : sketch.weightAtMost(edges[i]!);
      counts.push(atMost - below);
      below = atMost;
    }
    return new Histogram(edges, counts);
  }

  get total(): number {
    return this.counts.reduce((a, b) => a + b, 0);
  }

  toJSON(): HistogramJSON {
    return { kind: 'histogram', version: 1, edges: [...this.edges], counts: [...this.counts] };
  }

  static fromJSON(value: unknown, path = '$'): Histogram {
    const obj: JsonObject = expectSketch(value, 'histogram', [1], path);
    const edges = expectFiniteArray(obj, 'edges', path);
    const counts = expectFiniteArray(obj, 'counts', path);
    if (counts.length === 0 ? edges.length !== 0 : edges.length !== counts.length + 1) {
      fail(
        `${path}.edges`,
        `expected ${counts.length === 0 ? 0 : counts.length + 1} edges for ${counts.length} bins, got ${edges.length}`,
      );
    }
    for (let i = 1; i < edges.length; i++) {
      if (edges[i]! < edges[i - 1]!) fail(`${path}.edges[${i}]`, 'edges must be ascending');
    }
    for (let i = 0; i < counts.length; i++) {
      if (!Number.isInteger(counts[i]) || counts[i]! < 0) {
        fail(`${path}.counts[${i}]`, `expected a non-negative integer count, got ${counts[i]}`);
      }
    }
    return new Histogram(edges, counts);
  }
}
