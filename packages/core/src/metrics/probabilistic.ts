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
