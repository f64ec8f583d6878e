import {
  type Config,
  type DeltasRunner,
  type JoinSummary,
  type MetricComparison,
  type PredictionsFormat,
  type PredictionsReading,
  type Reason,
  type SettingNames,
  type SliceComparison,
  UserError,
  comparePredictions,
  diffMetrics,
  predictionsReading,
} from '@mlgate/core';
import type { Side } from './candidate.js';

export interface SideComparison {
  metrics: MetricComparison[];
  /** Only from predictions. */
  slices?: SliceComparison[];
  /** Findings that are not gate rules but bear on the verdict (ids on one side only). */
  reasons: Reason[];
  /** How the predictions were read; only from predictions. */
  predictions?: PredictionsReading;
  /** Why metrics of the task are absent. */
  notes: string[];
  /** Metrics of the task that were not computed, and what each needs. */
  absent?: Record<string, string>;
}

export interface CompareSidesOptions {
  format?: PredictionsFormat;
  settingNames?: SettingNames;
  deltas?: DeltasRunner;
}

/**
 * Predictions are compared example by example (paired bootstrap intervals, slices); metrics files
 * value by value. Both sides must be the same kind: a predictions file cannot be paired with a
 * metrics file.
 */
export function compareSides(
  candidate: Side,
  baseline: Side | null,
  config: Config,
  options: CompareSidesOptions = {},
): SideComparison {
  const { gate } = config;
  if (baseline && baseline.kind !== candidate.kind) {
    const where = baseline.kind === 'predictions' ? baseline.file.shown : baseline.files.map((f) => f.shown).join(', ');
    throw new UserError(
      `the candidate is a ${describe(candidate)} but the baseline ${where} is a ${describe(baseline)}; compare like with like`,
    );
  }
  if (candidate.kind === 'metrics') {
    const before = baseline?.kind === 'metrics' ? baseline.values : null;
    return { metrics: diffMetrics(before, candidate.values, { rules: gate.metrics }), reasons: [], notes: [] };
  }
  const compared = comparePredictions({
    candidate: candidate.predictions,
    baseline: baseline?.kind === 'predictions' ? baseline.predictions : null,
    confidence: gate.confidence,
    resamples: gate.bootstrap.resamples,
    seed: gate.bootstrap.seed,
    sliceColumns: gate.slices?.columns ?? [],
    minSliceSize: gate.slices?.minSize,
    rules: gate.metrics,
    ...(options.format && { format: options.format }),
    ...(options.settingNames && { settingNames: options.settingNames }),
    ...(options.deltas && { deltas: options.deltas }),
  });
  const reasons = compared.join ? joinReasons(compared.join) : [];
  const examples = compared.join?.matched ?? candidate.predictions.rows;
  return {
    metrics: compared.metrics,
    slices: compared.slices,
    reasons,
    predictions: predictionsReading(compared.semantics, examples, compared.notes),
    notes: compared.notes,
    absent: compared.absent,
  };
}

/** Ids on one side only mean the evaluation set changed: worth a warning, not a failure. */
function joinReasons(join: JoinSummary): Reason[] {
  const { onlyCandidate, onlyBaseline, matched } = join;
  if (onlyCandidate.count === 0 && onlyBaseline.count === 0) return [];
  const part = (count: number, examples: readonly string[], where: string) =>
    count === 0 ? [] : [`${count} only in the ${where} (e.g. ${examples.map((id) => JSON.stringify(id)).join(', ')})`];
  const parts = [
    ...part(onlyCandidate.count, onlyCandidate.examples, 'candidate'),
    ...part(onlyBaseline.count, onlyBaseline.examples, 'baseline'),
  ];
  return [
    {
      rule: 'predictions.join',
      status: 'warn',
      message: `the evaluation sets differ: example ids ${parts.join(' and ')}; metrics compare the ${matched} ids in both`,
    },
  ];
}

function describe(side: Side): string {
  return side.kind === 'predictions' ? 'predictions file' : 'metrics file';
}
