import type { Predictions } from '../predictions.js';
import { classIndex, classColumns, type PredictionTask } from '../predictions-task.js';

/** Decision threshold on the score when a binary file has no prediction column (sklearn's `predict`). */
export const SCORE_THRESHOLD = 0.5;

/** One model's outputs on the examples, aligned with `Truth`. */
export interface ModelOutputs {
  /** Predicted class ids (classification). */
  classes?: Int32Array;
  /** Probability of the positive class (binary). */
  score?: Float64Array;
  /** Predicted values (regression). */
  values?: Float64Array;
}

export interface Truth {
  classes?: Int32Array;
  values?: Float64Array;
}

/** The examples both models are scored on, as typed columns in the same order. */
export interface Examples {
  size: number;
  truth: Truth;
  candidate: ModelOutputs;
  baseline: ModelOutputs | null;
}

/**
 * Typed columns of the joined rows (`rows` index each file). Class ids come from both files
 * together, so a class has one id on both sides; a binary file without predictions predicts the
 * positive class when its score is at least `SCORE_THRESHOLD`.
 */
export function buildExamples(
  task: PredictionTask,
  candidate: { file: Predictions; rows: Int32Array },
  baseline: { file: Predictions; rows: Int32Array } | null,
): { examples: Examples; classes: string[] } {
  const size = candidate.rows.length;
  if (task === 'regression') {
    const values = (file: Predictions, rows: Int32Array): Float64Array =>
      gather((file.prediction as NonNullable<Predictions['prediction']>).numbers, rows);
    return {
      examples: {
        size,
        truth: { values: gather(candidate.file.label.numbers, candidate.rows) },
        candidate: { values: values(candidate.file, candidate.rows) },
        baseline: baseline && { values: values(baseline.file, baseline.rows) },
      },
      classes: [],
    };
  }
  const index = classIndex([candidate.file, ...(baseline ? [baseline.file] : [])].flatMap(classColumns));
  const outputs = (file: Predictions, rows: Int32Array): ModelOutputs => {
    const score = file.score && task === 'binary' ? gather(file.score, rows) : undefined;
    const classes = file.prediction ? index.ids(file.prediction, rows) : score && thresholded(score);
    return { ...(classes && { classes }), ...(score && { score }) };
  };
  return {
    examples: {
      size,
      truth: { classes: index.ids(candidate.file.label, candidate.rows) },
      candidate: outputs(candidate.file, candidate.rows),
      baseline: baseline && outputs(baseline.file, baseline.rows),
    },
    classes: index.names,
  };
}

/** The examples at positions `positions` (a slice). */
export function subsetExamples(examples: Examples, positions: Int32Array): Examples {
  const outputs = (m: ModelOutputs): ModelOutputs => ({
    ...(m.classes && { classes: gather(m.classes, positions) }),
    ...(m.score && { score: gather(m.score, positions) }),
    ...(m.values && { values: gather(m.values, positions) }),
  });
  return {
    size: positions.length,
    truth: {
      ...(examples.truth.classes && { classes: gather(examples.truth.classes, positions) }),
      ...(examples.truth.values && { values: gather(examples.truth.values, positions) }),
    },
    candidate: outputs(examples.candidate),
    baseline: examples.baseline && outputs(examples.baseline),
  };
}

function gather<T extends Float64Array | Int32Array>(source: T, rows: Int32Array): T {
  const out = new (source.constructor as new (n: number) => T)(rows.length);
  for (let k = 0; k < rows.length; k++) out[k] = source[rows[k] as number] as number;
  return out;
}

function thresholded(score: Float64Array): Int32Array {
  return Int32Array.from(score, (p) => (p >= SCORE_THRESHOLD ? 1 : 0));
}
