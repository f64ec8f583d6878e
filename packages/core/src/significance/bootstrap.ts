import type { PairedStatistic } from './paired-statistic.js';
import { drawCategoryTotals, ResampleDrawer } from './resample.js';

export interface BootstrapOptions {
  /** Number of resamples. Default 1000. */
  resamples?: number;
  /** Two-sided confidence of the percentile interval. Default 0.95. */
  confidence?: number;
  /** PRNG seed (non-negative integer). Default 0. Same seed → same interval. */
  seed?: number;
}

export interface PairedBootstrapResult {
  candidate: number;
  baseline: number;
  /** candidate − baseline on the original sample. */
  delta: number;
  /** Percentile interval of the resampled deltas. */
  ci: [number, number];
  confidence: number;
  resamples: number;
  seed: number;
  /** Resamples on which the metric was undefined (e.g. one class only); left out of the interval. */
  undefinedResamples: number;
  method: 'paired-percentile-bootstrap';
  prng: 'xoshiro128**';
}

/**
 * Seeded paired bootstrap of candidate − baseline: both models are scored on the same resampled
 * examples, so their correlation is kept. Resample r depends only on (seed, r).
 */
export function pairedBootstrap(statistic: PairedStatistic, options: BootstrapOptions = {}): PairedBootstrapResult {
  const { resamples = 1000, confidence = 0.95, seed = 0 } = options;
  if (!Number.isInteger(resamples) || resamples < 1) throw new RangeError(`resamples must be a positive integer`);
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`confidence must be in (0, 1), got ${confidence}`);
  const { candidate, baseline } = statistic.evaluate();
  const deltas = bootstrapDeltas(statistic, seed, 0, resamples);
  return {
    candidate,
    baseline,
    delta: candidate - baseline,
    ci: percentileInterval(deltas, confidence),
    confidence,
    resamples,
    seed,
    undefinedResamples: deltas.reduce((n, d) => (Number.isNaN(d) ? n + 1 : n), 0),
    method: 'paired-percentile-bootstrap',
    prng: 'xoshiro128**',
  };
}

/** candidate − baseline on resamples [from, to) of `seed`; a worker can compute any slice. */
export function bootstrapDeltas(statistic: PairedStatistic, seed: number, from: number, to: number): Float64Array {
  const deltas = new Float64Array(to - from);
  const { categories } = statistic;
  if (categories) {
    const totals = new Float64Array(categories.sizes.length);
    for (let r = from; r < to; r++) {
      drawCategoryTotals(seed, r, categories.sizes, totals);
      const v = categories.evaluate(totals);
      deltas[r - from] = v.candidate - v.baseline;
    }
    return deltas;
  }
  const single = singleResample(statistic, seed);
  for (let r = from; r < to; r++) deltas[r - from] = single(r);
  return deltas;
}

/** candidate − baseline of one resample, by draw position when the statistic has a draw order. */
function singleResample(statistic: PairedStatistic, seed: number): (resample: number) => number {
  const drawer = new ResampleDrawer(statistic.size);
  return (resample) => {
    const counts = drawer.draw(seed, resample);
    const v = statistic.evaluateDrawn ? statistic.evaluateDrawn(counts) : statistic.evaluate(counts);
    return v.candidate - v.baseline;
  };
}

/**
 * Percentile interval [q(α/2), q(1 − α/2)] of the defined deltas, with numpy's default linear
 * interpolation between order statistics.
 */
export function percentileInterval(deltas: Float64Array, confidence: number): [number, number] {
  const sorted = deltas.filter((d) => !Number.isNaN(d)).sort();
  if (sorted.length === 0) return [NaN, NaN];
  const alpha = 1 - confidence;
  return [quantileSorted(sorted, alpha / 2), quantileSorted(sorted, 1 - alpha / 2)];
}

function quantileSorted(sorted: Float64Array, q: number): number {
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const a = sorted[lo] as number;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)] as number;
  return a + (h - lo) * (b - a);
}
