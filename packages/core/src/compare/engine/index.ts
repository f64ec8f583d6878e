import { CONFIG_DEFAULTS } from '../../config/defaults.js';
import type { MetricRule } from '../../config/types.js';
import { UserError } from '../../errors.js';
import type { MetricComparison, SliceComparison } from '../../report/types.js';
import type { Predictions } from '../predictions.js';
import { allRows, joinPredictions, type JoinSummary } from '../predictions-join.js';
import { detectTask, type PredictionTask } from '../predictions-task.js';
import { buildExamples } from './examples.js';
import type { DeltasRunner } from './deltas.js';
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
  /** The task, when detection (see `detectTask`) would guess wrong. */
  task?: PredictionTask;
  /** `gate.metrics`: where a metric's direction may be configured. */
  rules?: Readonly<Record<string, MetricRule>>;
  /** Runs each metric's bootstrap resamples (e.g. over worker threads); default in this thread. */
  deltas?: DeltasRunner;
}

export interface PredictionComparison {
  task: PredictionTask;
  /** Class names by class id (classification; empty for regression). Binary: id 1 is positive. */
  classes: string[];
  metrics: MetricComparison[];
  /** Worst regression first (see `worstFirst`). */
  slices: SliceComparison[];
  /** `null` without a baseline. */
  join: JoinSummary | null;
  /** Metrics left out because they are undefined on the data, and where. */
  notes: string[];
}

/**
 * Candidate vs baseline from their predictions: joined on id, metrics of the detected task with
 * paired bootstrap intervals of each difference, and the same per slice.
 */
export function comparePredictions(options: ComparePredictionsOptions): PredictionComparison {
  const { candidate, baseline } = options;
  const resamples = options.resamples ?? CONFIG_DEFAULTS.bootstrap.resamples;
  const run: MetricRunOptions = {
    task: detectTask(baseline ? [candidate, baseline] : [candidate], options.task),
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
  const { examples, classes } = buildExamples(
    run.task,
    { file: candidate, rows: candidateRows },
    baseline && joined && { file: baseline, rows: joined.baseline },
  );
  const whole = compareOnExamples(examples, run);
  const notes = [...whole.notes];
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
    const result = sliceComparisons(column, slice, codes, examples, minSize, sliceRun);
    slices.push(...result.slices);
    notes.push(...result.notes);
  }
  return {
    task: run.task,
    classes,
    metrics: whole.metrics,
    slices: worstFirst(slices),
    join: joined?.summary ?? null,
    notes,
  };
}
