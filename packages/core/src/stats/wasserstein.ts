/**
 * Wasserstein-1 (earth mover's) distance between two samples or two weighted empirical distributions:
 * W1 = ∫|F_a(x) − F_b(x)| dx (scipy.stats.wasserstein_distance), and its normalised form used as the effect size
 * of numeric drift.
 */
import { UserError } from '../errors.js';
import type { WeightedCdf } from './ks.js';

export function wasserstein1(a: ArrayLike<number>, b: ArrayLike<number>): number {
  return wasserstein1Cdf(unitWeights(a, 'first'), unitWeights(b, 'second'));
}

/** W1 between two weighted distributions (ascending values, non-negative weights), e.g. quantile sketches. */
export function wasserstein1Cdf(a: WeightedCdf, b: WeightedCdf): number {
  const totalA = totalWeight(a, 'first');
  const totalB = totalWeight(b, 'second');
  const la = a.values.length;
  const lb = b.values.length;
  let i = 0;
  let j = 0;
  let cumA = 0;
  let cumB = 0;
  let distance = 0;
  let previous = NaN;
  let gap = 0;
  while (i < la || j < lb) {
    const va = a.values[i] ?? Infinity;
    const vb = b.values[j] ?? Infinity;
    const value = i < la && (j >= lb || va <= vb) ? va : vb;
    if (!Number.isNaN(previous)) distance += gap * (value - previous);
    while (i < la && a.values[i] === value) cumA += a.weights[i++] ?? 0;
    while (j < lb && b.values[j] === value) cumB += b.weights[j++] ?? 0;
    gap = Math.abs(cumA / totalA - cumB / totalB);
    previous = value;
  }
  return distance;
}

export interface NormalizedWasserstein {
  distance: number;
  /** The reference's population standard deviation (or the scale passed in). */
  scale: number;
  /** distance / scale; 0 when both are 0, Infinity when only the scale is. */
  normalized: number;
}

/**
 * W1 divided by the reference's standard deviation. For a pure location shift by δ, W1 = |δ|, so the normalised
 * value is |δ|/σ — the same scale as Cohen's d — which makes one threshold (e.g. 0.1σ) meaningful across columns
 * of any unit. The standard deviation (rather than the IQR) is used because profiles carry it exactly (parallel
 * mean/variance), whereas their IQR is only a sketch estimate; pass `scale` to use a profile's value.
 */
export function normalizedWasserstein1(
  reference: ArrayLike<number> | WeightedCdf,
  current: ArrayLike<number> | WeightedCdf,
  options: { scale?: number } = {},
): NormalizedWasserstein {
  const ref = isWeighted(reference) ? reference : unitWeights(reference, 'reference');
  const cur = isWeighted(current) ? current : unitWeights(current, 'current');
  const distance = wasserstein1Cdf(ref, cur);
  const scale = options.scale ?? standardDeviation(ref);
  if (!(scale >= 0)) throw new UserError(`the drift scale must be a non-negative number (got ${scale})`);
  const normalized = scale > 0 ? distance / scale : distance === 0 ? 0 : Infinity;
  return { distance, scale, normalized };
}

function isWeighted(x: ArrayLike<number> | WeightedCdf): x is WeightedCdf {
  return 'weights' in x && 'values' in x;
}

function standardDeviation(cdf: WeightedCdf): number {
  const total = totalWeight(cdf, 'reference');
  let mean = 0;
  for (let k = 0; k < cdf.values.length; k++) mean += ((cdf.weights[k] ?? 0) * (cdf.values[k] ?? 0)) / total;
  let variance = 0;
  for (let k = 0; k < cdf.values.length; k++)
    variance += ((cdf.weights[k] ?? 0) * ((cdf.values[k] ?? 0) - mean) ** 2) / total;
  return Math.sqrt(variance);
}

function unitWeights(values: ArrayLike<number>, which: string): WeightedCdf {
  if (values.length === 0) throw new UserError(`Wasserstein distance needs at least one value in the ${which} sample`);
  const sorted = Float64Array.from(values).sort();
  for (const v of sorted) {
    if (!Number.isFinite(v))
      throw new UserError(`Wasserstein distance got a non-finite value (${v}) in the ${which} sample`);
  }
  return { values: sorted, weights: new Float64Array(sorted.length).fill(1) };
}

function totalWeight(cdf: WeightedCdf, which: string): number {
  if (cdf.values.length !== cdf.weights.length) {
    throw new UserError(`the ${which} distribution has ${cdf.values.length} values but ${cdf.weights.length} weights`);
  }
  let total = 0;
  let previous = -Infinity;
  for (let k = 0; k < cdf.values.length; k++) {
    const v = cdf.values[k] ?? NaN;
    const w = cdf.weights[k] ?? NaN;
    if (!(v >= previous) || !Number.isFinite(v)) {
      throw new UserError(`the ${which} distribution's values are not finite and ascending at index ${k}`);
    }
    if (!(w >= 0 && Number.isFinite(w))) throw new UserError(`the ${which} distribution has weight ${w} at index ${k}`);
    previous = v;
    total += w;
  }
  if (!(total > 0)) throw new UserError(`the ${which} distribution has no weight`);
  return total;
}
