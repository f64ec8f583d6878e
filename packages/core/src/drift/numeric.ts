/**
 * Numeric drift from two profiles' KLL sketches alone (no raw data): the Kolmogorov–Smirnov test, the normalised
 * Wasserstein-1 effect size and, on request, PSI over reference-quantile bins.
 */
import type { KllSketch } from '../sketch/kll.js';
import type { Moments } from '../sketch/moments.js';
import { psi } from '../stats/categorical.js';
import { ksFromCdfs, type KsResult, type WeightedCdf } from '../stats/ks.js';
import { wasserstein1Cdf } from '../stats/wasserstein.js';

/** The numeric side of a column: its quantile sketch and its exact moments. */
export interface NumericSide {
  kll: KllSketch;
  moments: Moments;
}

/** Bins for PSI: the reference's deciles, the usual choice. */
export const PSI_BINS = 10;

/**
 * The sketch as the discrete distribution it represents: every retained item with weight 2^level. Its CDF is what
 * `KllSketch.rank` answers, so tests on it inherit the sketch's rank error ε (each side's CDF within ε of the data's).
 */
export function kllDistribution(kll: KllSketch): WeightedCdf {
  const { levels, items } = kll.toJSON();
  const order: { value: number; weight: number }[] = [];
  let at = 0;
  levels.forEach((size, level) => {
    for (let end = at + size; at < end; at++) order.push({ value: items[at] ?? 0, weight: 2 ** level });
  });
  order.sort((a, b) => a.value - b.value);
  return { values: Float64Array.from(order, (o) => o.value), weights: Float64Array.from(order, (o) => o.weight) };
}

/** True while the sketch still holds every value it was given (nothing compacted), i.e. it is the raw sample. */
function holdsEverything(kll: KllSketch): boolean {
  return kll.retained === kll.count;
}

/**
 * Two-sample KS between the sketches. D is taken over the union of both sketches' retained points; since each
 * sketched CDF is within ε of the true one, D is within 2ε of the raw-data D (k = 200: ε ≈ 1.33%, 2ε ≈ 2.7%). The
 * p-value uses the true counts. An exact p-value needs the raw samples, so it is used only when both sketches still
 * hold every value (small columns); otherwise the asymptotic distribution is used whatever the size.
 */
export function sketchKs(reference: KllSketch, current: KllSketch): KsResult {
  const exact = holdsEverything(reference) && holdsEverything(current);
  return ksFromCdfs(kllDistribution(reference), kllDistribution(current), reference.count, current.count, {
    method: exact ? 'auto' : 'asymptotic',
  });
}

export interface WassersteinEffect {
  /** W1 = ∫₀¹ |Q_ref(p) − Q_cur(p)| dp between the sketched distributions, in the column's units. */
  distance: number;
  /** What the distance is divided by (see `wassersteinEffect`). */
  scale: number;
  normalized: number;
}

/**
 * W1 between the sketched distributions divided by the reference's population standard deviation (exact, from the
 * moments). ∫|F_ref − F_cur| dx over the merged retained points equals the integral of |Q_ref(p) − Q_cur(p)| over p
 * for these step distributions, computed exactly instead of on a grid. For a location shift by δ the value is |δ|/σ
 * (Cohen's d scale). A constant reference has no spread to measure against: the current side's deviation is used, and
 * when both are constant the relative change of the value (|a − b| / max(|a|, |b|)).
 */
export function wassersteinEffect(reference: NumericSide, current: NumericSide): WassersteinEffect {
  const distance = wasserstein1Cdf(kllDistribution(reference.kll), kllDistribution(current.kll));
  const spread = reference.moments.populationStdDev || current.moments.populationStdDev;
  if (spread > 0) return { distance, scale: spread, normalized: distance / spread };
  const magnitude = Math.max(Math.abs(reference.moments.mean), Math.abs(current.moments.mean));
  if (distance === 0 || magnitude === 0) return { distance, scale: magnitude, normalized: distance === 0 ? 0 : 1 };
  return { distance, scale: magnitude, normalized: distance / magnitude };
}

/**
 * PSI over bins at the reference's deciles, with both sides' bin shares read from their sketches' CDFs (bins
 * (−∞, e₁], …, (e_last, ∞), as `binCounts`). Each share is a difference of two ranks, so it carries the sketch's PMF
 * error (k = 200: ≈ 1.65% per bin). Tied quantiles collapse into fewer bins.
 */
export function sketchPsi(reference: KllSketch, current: KllSketch, bins = PSI_BINS): number {
  const edges: number[] = [];
  for (let k = 1; k < bins; k++) {
    const edge = reference.quantile(k / bins);
    if (edges.length === 0 || edge > (edges[edges.length - 1] ?? -Infinity)) edges.push(edge);
  }
  return psi(binShares(reference, edges), binShares(current, edges));
}

function binShares(kll: KllSketch, edges: readonly number[]): Float64Array {
  const cumulative = kll.cdf(edges);
  const shares = new Float64Array(cumulative.length);
  let previous = 0;
  cumulative.forEach((rank, k) => {
    shares[k] = Math.max(0, rank - previous);
    previous = rank;
  });
  return shares;
}
