import { CONFIG_DEFAULTS } from '../../config/defaults.js';
import type { MetricRule, PredictionsFormat } from '../../config/types.js';
import { UserError } from '../../errors.js';
import type { MetricComparison, SliceComparison } from '../../report/types.js';
import type { Predictions } from '../predictions.js';
import { allRows, joinPredictions, type JoinSummary } from '../predictions-join.js';
import {
  type PredictionsSemantics,
  resolveSemantics,
  scoreNotes,
  type SettingNames,
} from '../predictions-semantics.js';
import { buildExamples } from './examples.js';
import type { DeltasRunner } from './deltas.js';
import { metricsFor } from './metric-set.js';
import { compareOnExamples, type MetricRunOptions } from './metrics.js';
import { sliceComparisons, worstFirst } from './slices.js';

/**
 * Resamples per slice unless set: slices multiply the bootstrap's work, and 400 resamples still
 * put 10 deltas beyond each end of a 95 % interval.
 */
export const DEFAULT_SLICE_RESAMPLES = 400;

export interface ComparePredictionsOptions {
  candidate: Predictions;
  /** `null` on the first run: candidate metrics only, each labelled `new`. */
  baseline: Predictions | null;
  /** Default 0.95. */
  confidence?: number;
  /** Bootstrap resamples for the whole set. Default 1000. */
  resamples?: number;
  /** Bootstrap seed. Default 42 (the config default). */
  seed?: number;
  /** Slice columns; each must have been read (`readPredictions(path, { slices })`) from the candidate. */
  sliceColumns?: readonly string[];
  /** Slices with fewer examples are left out. Default 30. */
  minSliceSize?: number;
  /** Bootstrap resamples per slice. Default min(resamples, `DEFAULT_SLICE_RESAMPLES`). */
  sliceResamples?: number;
  /** Task, positive class and score type where detection would guess wrong or cannot guess. */
  format?: PredictionsFormat;
  /** How those settings are named in messages (the config key, the CLI flag). */
  settingNames?: SettingNames;
  /** `gate.metrics`: where a metric's direction may be configured. */
  rules?: Readonly<Record<string, MetricRule>>;
  /** Runs each metric's bootstrap resamples (e.g. over worker threads); default in this thread. */
  deltas?: DeltasRunner;
}

export interface PredictionComparison {
  /** The task, class ids, positive class and score type the metrics were computed with. */
  semantics: PredictionsSemantics;
  metrics: MetricComparison[];
  /** Worst regression first (see `worstFirst`). */
  slices: SliceComparison[];
  /** `null` without a baseline. */
  join: JoinSummary | null;
  /** Why metrics of the task are absent (the scores are not probabilities, say). */
  notes: string[];
  /** Each metric of the task that was not computed, and what it needs. */
  absent: Record<string, string>;
}

/**
 * Candidate vs baseline from their predictions: the task and classes decided (see
 * `resolveSemantics`), joined on id, metrics of the task with paired bootstrap intervals of each
 * difference, and the same per slice.
 */
export function comparePredictions(options: ComparePredictionsOptions): PredictionComparison {
  const { candidate, baseline } = options;
  const files = baseline ? [candidate, baseline] : [candidate];
  const semantics = resolveSemantics(files, options.format, options.settingNames);
  const resamples = options.resamples ?? CONFIG_DEFAULTS.bootstrap.resamples;
  const run: MetricRunOptions = {
    task: semantics.task.task,
    classes: semantics.classes.names,
    confidence: options.confidence ?? CONFIG_DEFAULTS.confidence,
    resamples,
    seed: options.seed ?? CONFIG_DEFAULTS.bootstrap.seed,
    rules: options.rules ?? {},
    ...(options.deltas && { deltas: options.deltas }),
  };
  const joined = baseline ? joinPredictions(candidate, baseline) : null;
  const candidateRows = joined ? joined.candidate : allRows(candidate);
  if (candidateRows.length === 0) {
    throw new UserError(
      joined
        ? `predictions: no example id is in both ${candidate.file} and ${baseline?.file}, so the models cannot be compared`
        : `predictions: the file has no examples`,
      { file: candidate.file },
    );
  }
  const examples = buildExamples(
    semantics,
    { file: candidate, rows: candidateRows },
    baseline && joined && { file: baseline, rows: joined.baseline },
  );
  const whole = compareOnExamples(examples, run);
  const slices: SliceComparison[] = [];
  const sliceRun = { ...run, resamples: options.sliceResamples ?? Math.min(resamples, DEFAULT_SLICE_RESAMPLES) };
  for (const column of options.sliceColumns ?? []) {
    const slice = candidate.slices.get(column);
    if (!slice) {
      throw new UserError(`predictions: slice column '${column}' was not read from the candidate file`, {
        file: candidate.file,
      });
    }
    const codes = Int32Array.from(candidateRows, (row) => slice.codes[row] as number);
    const minSize = options.minSliceSize ?? CONFIG_DEFAULTS.sliceMinSize;
    slices.push(...sliceComparisons(column, slice, codes, examples, minSize, sliceRun).slices);
  }
  return {
    semantics,
    metrics: whole.metrics,
    slices: worstFirst(slices),
    join: joined?.summary ?? null,
    notes: scoreNotes(
      semantics,
      files.every((file) => file.prediction !== undefined),
    ),
    absent: Object.fromEntries(
      metricsFor(semantics.task.task)
        .filter((definition) => !whole.metrics.some((metric) => metric.name === definition.name))
        .map((definition) => [definition.name, `it needs ${definition.needs}`]),
    ),
  };
}
