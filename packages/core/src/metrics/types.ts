/** Class ids, one per example (e.g. 0/1 for binary problems). */
export type ClassLabels = Int32Array | Uint8Array;

/**
 * Optional per-example weights. Bootstrap resamples pass multinomial counts here, so a metric
 * evaluated with counts equals the metric evaluated on the materialised resample.
 */
export type Weights = ArrayLike<number>;

/**
 * A metric value, or NaN plus the reason it is undefined (where scikit-learn raises or returns
 * NaN with a warning), so callers can show the reason instead of a bare NaN.
 */
export interface MetricResult {
  value: number;
  undefinedReason?: string;
}
