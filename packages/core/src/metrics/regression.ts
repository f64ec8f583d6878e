import type { Weights } from './types.js';
import { assertSameLength, weightAt } from './validate.js';

/** sklearn `mean_absolute_error(y_true, y_pred, sample_weight=w)`. */
export function meanAbsoluteError(yTrue: Float64Array, yPred: Float64Array, weights?: Weights): number {
  assertSameLength('MAE', yTrue, yPred, weights);
  let sum = 0;
  let total = 0;
  for (let i = 0; i < yTrue.length; i++) {
    const w = weightAt(weights, i);
    sum += w * Math.abs((yTrue[i] as number) - (yPred[i] as number));
    total += w;
  }
  return sum / total;
}

/** sklearn 1.2 `mean_squared_error(y_true, y_pred, squared=False, sample_weight=w)`. */
export function rootMeanSquaredError(yTrue: Float64Array, yPred: Float64Array, weights?: Weights): number {
  assertSameLength('RMSE', yTrue, yPred, weights);
  let sum = 0;
  let total = 0;
  for (let i = 0; i < yTrue.length; i++) {
    const w = weightAt(weights, i);
    const e = (yTrue[i] as number) - (yPred[i] as number);
    sum += w * e * e;
    total += w;
  }
  return Math.sqrt(sum / total);
}

/**
 * sklearn 1.2 `r2_score(y_true, y_pred, sample_weight=w)` with its default `force_finite=True`:
 * 1 − SS_res/SS_tot; a constant target gives 1.0 for perfect predictions and 0.0 otherwise.
 * NaN with fewer than two examples (sklearn warns and returns NaN).
 */
export function r2Score(yTrue: Float64Array, yPred: Float64Array, weights?: Weights): number {
  assertSameLength('R²', yTrue, yPred, weights);
  if (yTrue.length < 2) return NaN;
  let total = 0;
  let weightedSum = 0;
  for (let i = 0; i < yTrue.length; i++) {
    const w = weightAt(weights, i);
    total += w;
    weightedSum += w * (yTrue[i] as number);
  }
  const mean = weightedSum / total;
  let residual = 0;
  let spread = 0;
  for (let i = 0; i < yTrue.length; i++) {
    const w = weightAt(weights, i);
    const y = yTrue[i] as number;
    const e = y - (yPred[i] as number);
    residual += w * e * e;
    spread += w * (y - mean) * (y - mean);
  }
  if (residual === 0) return 1;
  if (spread === 0) return 0;
  return 1 - residual / spread;
}
