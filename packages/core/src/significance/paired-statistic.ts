import type { ResampleCounts } from './resample.js';

export interface PairedValues {
  candidate: number;
  baseline: number;
}

/**
 * A metric of a candidate and a baseline model on the same examples, evaluated on one resample.
 * `evaluate(counts)` weights example i by counts[i]; without counts it is the original sample.
 * The result must equal the metric computed on the materialised resample (each example repeated
 * counts[i] times).
 */
export interface PairedStatistic {
  readonly size: number;
  evaluate(counts?: ResampleCounts): PairedValues;
  /**
   * Optional fast path for statistics that depend only on how many draws fall in each category
   * (e.g. confusion-matrix cells): the bootstrap then tallies categories directly.
   */
  readonly categories?: CategoryEvaluator;
}

export interface CategoryEvaluator {
  /** Category of every example, < count. */
  codes: Uint8Array;
  count: number;
  evaluate(totals: Float64Array): PairedValues;
}
