import type { Predictions } from '../predictions.js';
import type { PredictionsSemantics } from '../predictions-semantics.js';

/** Decision threshold on a probability when a binary file has no prediction column (sklearn's `predict`). */
export const SCORE_THRESHOLD = 0.5;

/** One model's outputs on the examples, aligned with `Truth`. */
export interface ModelOutputs {
  /** Predicted class ids (classification). */
  classes?: Int32Array;
  /** The positive class's score, of any scale (binary): what the ranking metrics read. */
  score?: Float64Array;
  /** Probability of the positive class (binary), when the scores are probabilities or logits. */
  probability?: Float64Array;
  /** Per-class scores by class id (multiclass): what one-vs-rest ROC AUC reads. */
  classScores?: Float64Array[];
  /** Per-class probabilities by class id (multiclass): what log loss reads (it renormalises each example). */
  classProbabilities?: Float64Array[];
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
 * together, so a class has one id on both sides. Without a prediction column a binary model
 * predicts the positive class when its probability is at least `SCORE_THRESHOLD` (a logit or a
 * decision value at least 0), and a multiclass model the class with the highest score.
 */
export function buildExamples(
  semantics: PredictionsSemantics,
  candidate: { file: Predictions; rows: Int32Array },
  baseline: { file: Predictions; rows: Int32Array } | null,
): Examples {
  const size = candidate.rows.length;
  const { task } = semantics.task;
  if (task === 'regression') {
    const values = (file: Predictions, rows: Int32Array): Float64Array =>
      gather((file.prediction as NonNullable<Predictions['prediction']>).numbers, rows);
    return {
      size,
      truth: { values: gather(candidate.file.label.numbers, candidate.rows) },
      candidate: { values: values(candidate.file, candidate.rows) },
      baseline: baseline && { values: values(baseline.file, baseline.rows) },
    };
  }
  const outputs = task === 'binary' ? binaryOutputs : multiclassOutputs;
  return {
    size,
    truth: { classes: semantics.classes.ids(candidate.file.label, candidate.rows) },
    candidate: outputs(semantics, candidate.file, candidate.rows),
    baseline: baseline && outputs(semantics, baseline.file, baseline.rows),
  };
}

function binaryOutputs(semantics: PredictionsSemantics, file: Predictions, rows: Int32Array): ModelOutputs {
  const type = semantics.scores?.type;
  const score = file.score && gather(file.score, rows);
  const probability =
    score && (type === 'probability' ? score : type === 'logit' ? Float64Array.from(score, sigmoid) : undefined);
  const threshold = type === 'probability' ? SCORE_THRESHOLD : type === 'unknown' ? undefined : 0;
  const classes = file.prediction
    ? semantics.classes.ids(file.prediction, rows)
    : score && threshold !== undefined
      ? Int32Array.from(score, (s) => (s >= threshold ? 1 : 0))
      : undefined;
  return { ...(classes && { classes }), ...(score && { score }), ...(probability && { probability }) };
}

function multiclassOutputs(semantics: PredictionsSemantics, file: Predictions, rows: Int32Array): ModelOutputs {
  const names = semantics.classScoreNames;
  const classScores =
    names && file.classScores.size > 0
      ? names.map((n) => gather(file.classScores.get(n) as Float64Array, rows))
      : undefined;
  const type = semantics.scores?.type;
  const classProbabilities =
    classScores && (type === 'probability' ? classScores : type === 'logit' ? softmax(classScores) : undefined);
  const classes = file.prediction ? semantics.classes.ids(file.prediction, rows) : classScores && argmax(classScores);
  return {
    ...(classes && { classes }),
    ...(classScores && { classScores }),
    ...(classProbabilities && { classProbabilities }),
  };
}

/** The logistic function, for logits: 1 / (1 + e^−x), computed without overflow on either side. */
export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/** Softmax of per-class logits, shifted by each example's maximum so exp never overflows. */
function softmax(columns: readonly Float64Array[]): Float64Array[] {
  const n = columns[0]?.length ?? 0;
  const max = new Float64Array(n).fill(Number.NEGATIVE_INFINITY);
  for (const column of columns) for (let i = 0; i < n; i++) max[i] = Math.max(max[i] as number, column[i] as number);
  const exps = columns.map((column) => Float64Array.from(column, (x, i) => Math.exp(x - (max[i] as number))));
  const sums = new Float64Array(n);
  for (const column of exps) for (let i = 0; i < n; i++) sums[i] = (sums[i] as number) + (column[i] as number);
  return exps.map((column) => Float64Array.from(column, (e, i) => e / (sums[i] as number)));
}

/** The class id with the highest score for each example (the first on ties, as numpy's argmax). */
function argmax(columns: readonly Float64Array[]): Int32Array {
  const n = columns[0]?.length ?? 0;
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let c = 1; c < columns.length; c++) {
      if ((columns[c]?.[i] as number) > (columns[best]?.[i] as number)) best = c;
    }
    out[i] = best;
  }
  return out;
}

/** The examples at positions `positions` (a slice). */
export function subsetExamples(examples: Examples, positions: Int32Array): Examples {
  const outputs = (m: ModelOutputs): ModelOutputs => ({
    ...(m.classes && { classes: gather(m.classes, positions) }),
    ...(m.score && { score: gather(m.score, positions) }),
    ...(m.probability && { probability: gather(m.probability, positions) }),
    ...(m.classScores && { classScores: m.classScores.map((column) => gather(column, positions)) }),
    ...(m.classProbabilities && {
      classProbabilities: m.classProbabilities.map((column) => gather(column, positions)),
    }),
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
