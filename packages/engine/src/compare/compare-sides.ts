import {
  type Config,
  type DeltasRunner,
  type JoinSummary,
  type MetricComparison,
  type PredictionsFormat,
  type Predictions,
  type PredictionsReading,
  type Reason,
  type SettingNames,
  type SliceComparison,
  UserError,
  comparePredictions,
  labelSetDifference,
  diffMetrics,
  predictionsReading,
} from '@mlgate/core';
import type { Side } from './candidate.js';
import type { UserPath } from './paths.js';

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
  const other = baseline?.kind === 'predictions' ? baseline : null;
  const labels = other ? labelReasons(candidate.predictions, other.predictions) : [];
  const compared = namedAsShown([candidate.file, ...(other ? [other.file] : [])], labels, () =>
    comparePredictions({
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
    }),
  );
  const reasons = [...(compared.join ? joinReasons(compared.join) : []), ...labels];
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

/**
 * Runs `compare` with the files named as the user knows them in its errors; when no example is
 * shared, the label sets that differ (if they do) say why.
 */
function namedAsShown<T>(files: readonly UserPath[], labels: readonly Reason[], compare: () => T): T {
  try {
    return compare();
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    let message = error.message;
    let file = error.location.file;
    for (const path of files) {
      message = message.replaceAll(path.absolute, path.shown);
      if (file === path.absolute) file = path.shown;
    }
    if (/no example id is in both/.test(message) && labels[0]) message += `; ${labels[0].message}`;
    throw new UserError(message, { ...error.location, ...(file !== undefined && { file }) });
  }
}

/** Labels only one side has: a class appeared or disappeared between the evaluation sets. */
function labelReasons(candidate: Predictions, baseline: Predictions): Reason[] {
  const { onlyCandidate, onlyBaseline } = labelSetDifference(candidate, baseline);
  if (onlyCandidate.length === 0 && onlyBaseline.length === 0) return [];
  const named = (labels: readonly string[], where: string) =>
    labels.length === 0
      ? []
      : [
          `${labels.length === 1 ? 'label' : 'labels'} ${labels
            .slice(0, SHOWN_LABELS)
            .map((label) => JSON.stringify(label))
            .join(
              ', ',
            )}${labels.length > SHOWN_LABELS ? ` and ${labels.length - SHOWN_LABELS} more` : ''} only in the ${where}`,
        ];
  const parts = [...named(onlyCandidate, 'candidate'), ...named(onlyBaseline, 'baseline')];
  return [{ rule: 'predictions.labels', status: 'warn', message: `the label sets differ: ${parts.join('; ')}` }];
}

const SHOWN_LABELS = 10;

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
