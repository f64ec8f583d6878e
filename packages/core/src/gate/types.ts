import type { MetricComparison, Reason, SliceComparison, Status } from '../report/types.js';

export interface GateInput {
  /** The candidate's metrics compared with the baseline's (see `diffMetrics`). */
  comparisons: readonly MetricComparison[];
  /** Per-slice comparisons, when metrics were computed from predictions. */
  slices?: readonly SliceComparison[];
  /** Verdict of the validate step, when a validation report was given. */
  validationStatus?: Status;
  /** Drift status from the validation report, when it checked drift. */
  driftStatus?: Status;
  /** True on the first run, when there is no baseline to compare with. */
  baselineMissing: boolean;
  /** The candidate's metrics file (or predictions), named in fail-closed messages. */
  metricsFile: string;
  /** Model name put on every reason. */
  model?: string;
}

export interface GateResult {
  status: Status;
  /** One per rule that decided, in evaluation order (renderers sort worst first). */
  reasons: Reason[];
}
