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
   * (e.g. confusion-matrix cells): the bootstrap then draws the category totals directly.
   */
  readonly categories?: CategoryEvaluator;
  /**
   * Optional fast path for statistics that read counts faster in their own example order: the
   * bootstrap draws counts by position (`drawCounts`) and position k weights example drawOrder[k].
   * `evaluateDrawn(drawn)` must equal `evaluate(counts)` with counts[drawOrder[k]] = drawn[k].
   */
  readonly drawOrder?: Int32Array;
  evaluateDrawn?(drawn: ResampleCounts): PairedValues;
}

export interface CategoryEvaluator {
  /** Number of examples in each category. */
  sizes: Float64Array;
  evaluate(totals: Float64Array): PairedValues;
}
