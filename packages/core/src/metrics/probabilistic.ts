import { UserError } from '../errors.js';
import type { ClassLabels, Weights } from './types.js';
import { assertSameLength, weightAt } from './validate.js';
import { assertBinary } from './ranking.js';

/** sklearn 1.2's `eps="auto"`: the machine epsilon of float64 (`np.finfo(np.float64).eps`). */
export const LOG_LOSS_EPS = Number.EPSILON;

/**
 * sklearn 1.2 `log_loss(y_true, p, labels=[neg, pos], sample_weight=w)` where `p` is the predicted
 * probability of `posLabel`: clip p to [eps, 1 − eps], build [1 − p, p], renormalise the row,
 * average −log of the true class's probability. Binary only; unlike sklearn without `labels`, a
 * single class in y_true is fine because the two classes are known (positive and the rest).
 */
export function logLoss(
  yTrue: ClassLabels,
  probabilities: Float64Array,
  options: { posLabel?: number; eps?: number } = {},
  weights?: Weights,
): number {
  assertSameLength('log loss', yTrue, probabilities, weights);
  assertBinary('log loss', yTrue);
  const posLabel = options.posLabel ?? 1;
  const eps = options.eps ?? LOG_LOSS_EPS;
  let loss = 0;
  let total = 0;
  for (let i = 0; i < yTrue.length; i++) {
    const w = weightAt(weights, i);
    total += w;
    loss += w * exampleLogLoss(yTrue[i] === posLabel, probabilities[i] as number, eps);
  }
  return loss / total;
}

export function exampleLogLoss(positive: boolean, probability: number, eps: number = LOG_LOSS_EPS): number {
  if (Number.isNaN(probability)) throw new UserError('log loss: a predicted probability is NaN');
  const p = Math.min(Math.max(probability, eps), 1 - eps);
  const q = 1 - p;
  return -Math.log((positive ? p : q) / (p + q));
}

/** sklearn `brier_score_loss(y_true, p, pos_label=1, sample_weight=w)`: weighted mean of (1[y=pos] − p)². */
export function brierScore(
  yTrue: ClassLabels,
  probabilities: Float64Array,
  options: { posLabel?: number } = {},
  weights?: Weights,
): number {
  assertSameLength('Brier score', yTrue, probabilities, weights);
  assertBinary('Brier score', yTrue);
  const posLabel = options.posLabel ?? 1;
  let sum = 0;
  let total = 0;
  for (let i = 0; i < yTrue.length; i++) {
    const p = probabilities[i] as number;
    if (!(p >= 0 && p <= 1)) throw new UserError(`Brier score: probability of example ${i} is ${p}, outside [0, 1]`);
    const w = weightAt(weights, i);
    const e = (yTrue[i] === posLabel ? 1 : 0) - p;
    sum += w * e * e;
    total += w;
  }
  return sum / total;
}

/**
 * Each example's multiclass log loss as sklearn 1.2 `log_loss(y_true, P, labels=range(K))` computes
 * it: probabilities clipped to [eps, 1 − eps], each example's row renormalised to sum 1, then
 * −log of the true class's probability. `probabilities[c][i]` is the probability of class c for
 * example i; `yTrue[i]` is a class id in [0, K).
 */
export function multiclassLogLosses(
  yTrue: ClassLabels,
  probabilities: readonly Float64Array[],
  eps: number = LOG_LOSS_EPS,
): Float64Array {
  const losses = new Float64Array(yTrue.length);
  for (let i = 0; i < yTrue.length; i++) {
    let sum = 0;
    let own = Number.NaN;
    for (let c = 0; c < probabilities.length; c++) {
      const raw = (probabilities[c] as Float64Array)[i] as number;
      if (Number.isNaN(raw)) throw new UserError('log loss: a predicted probability is NaN');
      const p = Math.min(Math.max(raw, eps), 1 - eps);
      sum += p;
      if (c === yTrue[i]) own = p;
    }
    losses[i] = -Math.log(own / sum);
  }
  return losses;
}

/** sklearn `log_loss` for multiclass probabilities: the (weighted) mean of `multiclassLogLosses`. */
export function multiclassLogLoss(
  yTrue: ClassLabels,
  probabilities: readonly Float64Array[],
  weights?: Weights,
): number {
  const losses = multiclassLogLosses(yTrue, probabilities);
  let loss = 0;
  let total = 0;
  for (let i = 0; i < losses.length; i++) {
    const w = weightAt(weights, i);
    loss += w * (losses[i] as number);
    total += w;
  }
  return loss / total;
}
