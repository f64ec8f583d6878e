import { UserError } from '../errors.js';
import type { ClassLabels, Weights } from './types.js';
import { assertSameLength, weightAt } from './validate.js';

/** sklearn `accuracy_score(y_true, y_pred, sample_weight=w)`; NaN when there is no (weighted) example. */
export function accuracy(yTrue: ClassLabels, yPred: ClassLabels, weights?: Weights): number {
  assertSameLength('accuracy', yTrue, yPred, weights);
  let correct = 0;
  let total = 0;
  for (let i = 0; i < yTrue.length; i++) {
    const w = weightAt(weights, i);
    total += w;
    if (yTrue[i] === yPred[i]) correct += w;
  }
  return correct / total;
}

/** Weighted one-vs-rest confusion counts for every class present in y_true or y_pred (sorted ids). */
export interface ClassCounts {
  labels: number[];
  truePositive: Float64Array;
  predicted: Float64Array;
  actual: Float64Array;
}

export function classCounts(yTrue: ClassLabels, yPred: ClassLabels, weights?: Weights): ClassCounts {
  assertSameLength('precision/recall/F1', yTrue, yPred, weights);
  const seen = new Set<number>();
  for (let i = 0; i < yTrue.length; i++) {
    seen.add(yTrue[i] as number);
    seen.add(yPred[i] as number);
  }
  const labels = [...seen].sort((a, b) => a - b);
  const slot = new Map(labels.map((label, k) => [label, k]));
  const truePositive = new Float64Array(labels.length);
  const predicted = new Float64Array(labels.length);
  const actual = new Float64Array(labels.length);
  for (let i = 0; i < yTrue.length; i++) {
    const w = weightAt(weights, i);
    const t = slot.get(yTrue[i] as number) as number;
    const p = slot.get(yPred[i] as number) as number;
    actual[t] = (actual[t] as number) + w;
    predicted[p] = (predicted[p] as number) + w;
    if (t === p) truePositive[t] = (truePositive[t] as number) + w;
  }
  return { labels, truePositive, predicted, actual };
}

export type Average = 'binary' | 'macro' | 'weighted';

export interface PrfOptions {
  /** Default 'binary' (sklearn's default). */
  average?: Average;
  /** Positive class for average 'binary'. Default 1. */
  posLabel?: number;
  /**
   * Value used when a ratio has a zero denominator. Default 0: what sklearn 1.2 returns for its
   * default `zero_division="warn"` (it warns and substitutes 0). NaN marks the metric undefined
   * (sklearn ≥ 1.3's `zero_division=np.nan`).
   */
  zeroDivision?: number;
}

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
}

/**
 * sklearn `precision_recall_fscore_support(..., average=..., pos_label=..., zero_division=...)`.
 * Throws a UserError where sklearn raises: average 'binary' with more than two classes, or with
 * two classes of which none is `posLabel`.
 */
export function precisionRecallF1(
  yTrue: ClassLabels,
  yPred: ClassLabels,
  options: PrfOptions = {},
  weights?: Weights,
): Prf {
  return prfFromCounts(classCounts(yTrue, yPred, weights), options);
}

export function prfFromCounts(counts: ClassCounts, options: PrfOptions = {}): Prf {
  const { average = 'binary', posLabel = 1, zeroDivision = 0 } = options;
  if (average === 'binary') return binaryPrf(counts, posLabel, zeroDivision);
  const k = counts.labels.length;
  if (k === 0) return { precision: NaN, recall: NaN, f1: NaN };
  const perClass: Prf[] = [];
  for (let c = 0; c < k; c++) {
    perClass.push(
      prf(counts.truePositive[c] as number, counts.predicted[c] as number, counts.actual[c] as number, zeroDivision),
    );
  }
  if (average === 'macro') {
    return {
      precision: mean(perClass.map((s) => s.precision)),
      recall: mean(perClass.map((s) => s.recall)),
      f1: mean(perClass.map((s) => s.f1)),
    };
  }
  const support = [...counts.actual];
  const totalSupport = support.reduce((a, b) => a + b, 0);
  if (totalSupport === 0) {
    // sklearn's special case: with no true samples at all, recall is zero_division and precision/F1
    // are zero_division only when nothing was predicted either.
    const nothingPredicted = counts.predicted.every((p) => p === 0);
    return nothingPredicted
      ? { precision: zeroDivision, recall: zeroDivision, f1: zeroDivision }
      : { precision: 0, recall: zeroDivision, f1: 0 };
  }
  const weightedMean = (values: number[]): number =>
    values.reduce((acc, v, c) => acc + v * (support[c] as number), 0) / totalSupport;
  return {
    precision: weightedMean(perClass.map((s) => s.precision)),
    recall: weightedMean(perClass.map((s) => s.recall)),
    f1: weightedMean(perClass.map((s) => s.f1)),
  };
}

function binaryPrf(counts: ClassCounts, posLabel: number, zeroDivision: number): Prf {
  const { labels } = counts;
  if (labels.length > 2) {
    throw new UserError(
      `average 'binary' needs at most two classes but found ${labels.length} (${labels.join(', ')}); use 'macro' or 'weighted'`,
    );
  }
  const c = labels.indexOf(posLabel);
  if (c < 0 && labels.length === 2) {
    throw new UserError(`positive label ${posLabel} is not one of the classes present (${labels.join(', ')})`);
  }
  if (c < 0) return prf(0, 0, 0, zeroDivision);
  return prf(counts.truePositive[c] as number, counts.predicted[c] as number, counts.actual[c] as number, zeroDivision);
}

/**
 * F1 is 2·TP / (actual + predicted), sklearn ≥ 1.3's formula; it equals 2PR / (P + R) wherever
 * both are defined (and sklearn 1.2's result with zero_division 0 or 1 everywhere), and it stays
 * defined when only one of precision and recall has a zero denominator.
 */
function prf(tp: number, predicted: number, actual: number, zeroDivision: number): Prf {
  const precision = predicted === 0 ? zeroDivision : tp / predicted;
  const recall = actual === 0 ? zeroDivision : tp / actual;
  const denominator = actual + predicted;
  return { precision, recall, f1: denominator === 0 ? zeroDivision : (2 * tp) / denominator };
}

function mean(values: number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}
