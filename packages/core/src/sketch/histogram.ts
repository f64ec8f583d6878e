import { UserError } from '../errors.js';
import { expectFiniteArray, expectSketch, fail, type JsonObject } from './json.js';

export const DEFAULT_HISTOGRAM_BINS = 20;
export const MAX_HISTOGRAM_BINS = 10_000;

export interface HistogramJSON {
  kind: 'histogram';
  version: 2;
  /** bins + 1 ascending edges; bin i is [edges[i], edges[i+1]), the last bin [edges[n−1], edges[n]]. */
  edges: number[];
  counts: number[];
}

/**
 * A histogram of a numeric column, derived at report time from the column's number summary (see
 * `NumberSummary.histogram`) rather than accumulated while reading: shards see different value ranges, so bins
 * fixed while streaming would not line up when profiles merge. Bins follow numpy.histogram: half-open, the last
 * one closed; counts are exact and sum to the column's values.
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

  get total(): number {
    return this.counts.reduce((a, b) => a + b, 0);
  }

  toJSON(): HistogramJSON {
    return { kind: 'histogram', version: 2, edges: [...this.edges], counts: [...this.counts] };
  }

  static fromJSON(value: unknown, path = '$'): Histogram {
    const obj: JsonObject = expectSketch(value, 'histogram', [2], path);
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
