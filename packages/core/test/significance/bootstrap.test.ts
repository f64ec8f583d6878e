import { describe, it, expect } from '@jest/globals';
import { classCounts, prfFromCounts } from '../../src/metrics/classification.js';
import {
  accuracy,
  brierScore,
  exampleLogLoss,
  logLoss,
  meanAbsoluteError,
  precisionRecallF1,
  rocAuc,
  rootMeanSquaredError,
} from '../../src/metrics/index.js';
import {
  accuracyFromCounts,
  binomial,
  BLOCK_SIZE,
  bootstrapDeltas,
  drawCategoryTotals,
  drawCounts,
  pairedBootstrap,
  pairedLabelMetric,
  pairedMeanLoss,
  pairedRocAuc,
  percentileInterval,
  ResampleDrawer,
  Xoshiro128,
  type PairedStatistic,
} from '../../src/significance/index.js';
import { pairedAveragePrecision } from '../../src/compare/engine/average-precision.js';

/** A small synthetic paired problem: labels, two models' scores and thresholded predictions. */
function synthetic(n: number, seed: number, candidateSignal = 1.2, baselineSignal = 0.8) {
  const rng = new Xoshiro128(seed);
  const y = new Int32Array(n);
  const candidate = new Float64Array(n);
  const baseline = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = rng.nextFloat() < 0.4 ? 1 : 0;
    const shared = rng.nextFloat();
    // Scores rounded to 0.05 so ties occur, and clipped to [0, 1] so they are probabilities.
    const round = (v: number): number => Math.min(1, Math.max(0, Math.round(v * 20) / 20));
    candidate[i] = round(0.25 * candidateSignal * (y[i] as number) + 0.5 * shared + 0.3 * rng.nextFloat());
    baseline[i] = round(0.25 * baselineSignal * (y[i] as number) + 0.5 * shared + 0.3 * rng.nextFloat());
  }
  const threshold = (s: Float64Array): Int32Array => Int32Array.from(s, (v) => (v >= 0.5 ? 1 : 0));
  return { y, candidate, baseline, candidatePred: threshold(candidate), baselinePred: threshold(baseline) };
}

/** The resample materialised: every example index repeated as often as it was drawn. */
function repeated(counts: ArrayLike<number>, exampleAt: (position: number) => number = (k) => k): number[] {
  const indices: number[] = [];
  for (let k = 0; k < counts.length; k++) for (let c = 0; c < (counts[k] as number); c++) indices.push(exampleAt(k));
  return indices;
}

function countsOf(seed: number, resample: number, n: number): Uint32Array {
  const counts = new Uint32Array(n);
  drawCounts(seed, resample, counts);
  return counts;
}

const take = <T extends Int32Array | Float64Array>(values: T, indices: number[]): T =>
  (values instanceof Int32Array
    ? Int32Array.from(indices, (i) => values[i] as number)
    : Float64Array.from(indices, (i) => values[i] as number)) as T;

/** log P(X = k) for X ~ Binomial(n, p), for exact reference probabilities. */
function binomialLogPmf(n: number, p: number, k: number): number {
  let logChoose = 0;
  for (let i = 1; i <= k; i++) logChoose += Math.log((n - k + i) / i);
  return logChoose + k * Math.log(p) + (n - k) * Math.log1p(-p);
}

describe('binomial sampler', () => {
  it.each([
    [20, 0.3],
    [1000, 0.004],
    [1000, 0.3],
    [1_000_000, 0.001024],
    [5000, 0.93],
  ])('matches the exact Binomial(%d, %d) probabilities (chi-square over 40,000 draws)', (n, p) => {
    const rng = new Xoshiro128(77, n);
    const draws = 40_000;
    const seen = new Map<number, number>();
    for (let d = 0; d < draws; d++) {
      const k = binomial(rng, n, p);
      expect(Number.isInteger(k) && k >= 0 && k <= n).toBe(true);
      seen.set(k, (seen.get(k) ?? 0) + 1);
    }
    // Cells of at least 5 expected draws around the mean, tails pooled into the end cells.
    const mean = n * p;
    const sd = Math.sqrt(n * p * (1 - p));
    const lo = Math.max(0, Math.floor(mean - 4 * sd));
    const hi = Math.min(n, Math.ceil(mean + 4 * sd));
    const expected: number[] = [];
    const observed: number[] = [];
    let belowP = 0;
    let below = 0;
    for (let k = 0; k < lo; k++) {
      belowP += Math.exp(binomialLogPmf(n, p, k));
      below += seen.get(k) ?? 0;
    }
    let pending = belowP * draws;
    let pendingObserved = below;
    let total = 0;
    for (let k = lo; k <= hi; k++) {
      const pk = Math.exp(binomialLogPmf(n, p, k));
      total += pk;
      pending += pk * draws;
      pendingObserved += seen.get(k) ?? 0;
      if (pending >= 5) {
        expected.push(pending);
        observed.push(pendingObserved);
        pending = 0;
        pendingObserved = 0;
      }
    }
    const aboveObserved = [...seen].filter(([k]) => k > hi).reduce((s, [, c]) => s + c, 0);
    expected[expected.length - 1] = (expected.at(-1) as number) + pending + (1 - total - belowP) * draws;
    observed[observed.length - 1] = (observed.at(-1) as number) + pendingObserved + aboveObserved;
    const chi2 = expected.reduce((s, e, c) => s + ((observed[c] as number) - e) ** 2 / e, 0);
    const df = expected.length - 1;
    // 99.99th percentile of chi-square(df), Wilson–Hilferty; a fixed seed makes the test deterministic.
    const z = 3.719;
    const limit = df * (1 - 2 / (9 * df) + z * Math.sqrt(2 / (9 * df))) ** 3;
    expect(chi2).toBeLessThan(limit);
  });

  it('returns 0 for p = 0 and n for p = 1', () => {
    const rng = new Xoshiro128(1);
    expect(binomial(rng, 50, 0)).toBe(0);
    expect(binomial(rng, 50, 1)).toBe(50);
  });
});

describe('resampling draws', () => {
  it('follows the documented two-level scheme: binomial block totals, then 10-bit chunks within the block', () => {
    const n = 2 * BLOCK_SIZE + 37;
    const rng = new Xoshiro128(42, 3);
    const expected = new Uint32Array(n);
    let drawsLeft = n;
    for (let start = 0; start < n; start += BLOCK_SIZE) {
      const size = Math.min(BLOCK_SIZE, n - start);
      const total = binomial(rng, drawsLeft, size / (n - start));
      drawsLeft -= total;
      const bits = Math.ceil(Math.log2(size));
      let drawn = 0;
      while (drawn < total) {
        const word = rng.nextUint32();
        for (let c = 0; c < Math.floor(32 / bits) && drawn < total; c++) {
          const j = Math.floor(word / 2 ** (32 - bits * (c + 1))) % 2 ** bits;
          if (j < size) {
            expected[start + j] = (expected[start + j] as number) + 1;
            drawn++;
          }
        }
      }
    }
    expect([...countsOf(42, 3, n)]).toEqual([...expected]);
    expect(expected.reduce((s, c) => s + c, 0)).toBe(n);
  });

  it('fills Uint8 and Uint32 counts with the same draws', () => {
    const n = 3000;
    const counts8 = new Uint8Array(n);
    expect(drawCounts(9, 5, counts8)).toBe(true);
    expect([...counts8]).toEqual([...countsOf(9, 5, n)]);
  });

  it('has multinomial moments: each count has mean 1 and variance 1 − 1/n; block totals too', () => {
    const n = 1500;
    const resamples = 2000;
    let sum = 0;
    let sumSq = 0;
    let blockSq = 0;
    for (let r = 0; r < resamples; r++) {
      const counts = countsOf(3, r, n);
      for (const c of counts) {
        sum += c;
        sumSq += c * c;
      }
      // Draws in the first block: Binomial(n, 1024/n), variance n·p·(1 − p).
      const first = counts.subarray(0, BLOCK_SIZE).reduce((s, c) => s + c, 0);
      blockSq += (first - BLOCK_SIZE) ** 2;
    }
    const cells = n * resamples;
    expect(sum / cells).toBe(1);
    expect(sumSq / cells - 1).toBeCloseTo(1 - 1 / n, 1);
    const p = BLOCK_SIZE / n;
    expect(blockSq / resamples / (n * p * (1 - p))).toBeGreaterThan(0.9);
    expect(blockSq / resamples / (n * p * (1 - p))).toBeLessThan(1.1);
  });

  it('draws category totals as Multinomial(n; sizes / n): sums to n, with the right means and variances', () => {
    const sizes = Float64Array.from([500, 0, 300, 200]);
    const totals = new Float64Array(4);
    const sums = [0, 0, 0, 0];
    const squares = [0, 0, 0, 0];
    const resamples = 4000;
    for (let r = 0; r < resamples; r++) {
      drawCategoryTotals(8, r, sizes, totals);
      expect(totals.reduce((s, t) => s + t, 0)).toBe(1000);
      totals.forEach((t, k) => {
        sums[k] = (sums[k] as number) + t;
        squares[k] = (squares[k] as number) + t * t;
      });
    }
    sizes.forEach((size, k) => {
      const p = size / 1000;
      const mean = (sums[k] as number) / resamples;
      const variance = (squares[k] as number) / resamples - mean * mean;
      expect(Math.abs(mean - size)).toBeLessThan(4 * Math.sqrt((1000 * p * (1 - p)) / resamples) + 1e-12);
      if (p > 0) expect(variance / (1000 * p * (1 - p))).toBeGreaterThan(0.9);
      if (p > 0) expect(variance / (1000 * p * (1 - p))).toBeLessThan(1.1);
    });
  });

  it('gives a different resample for another seed or resample number', () => {
    expect([...countsOf(1, 0, 50)]).not.toEqual([...countsOf(2, 0, 50)]);
    expect([...countsOf(1, 0, 50)]).not.toEqual([...countsOf(1, 1, 50)]);
  });
});

describe('weighted-count statistics equal the metric on the materialised resample', () => {
  const n = 61;
  const data = synthetic(n, 11);
  const seed = 5;

  function expectMatchesNaive(
    statistic: PairedStatistic,
    naive: (indices: number[]) => { candidate: number; baseline: number },
    codes?: number[],
  ): void {
    for (let r = 0; r < 25; r++) {
      const counts = countsOf(seed, r, n);
      const expected = naive(repeated(counts));
      const viaCounts = statistic.evaluate(counts);
      expect(viaCounts.candidate).toBeCloseTo(expected.candidate, 12);
      expect(viaCounts.baseline).toBeCloseTo(expected.baseline, 12);
      if (statistic.categories && codes) {
        // The category totals of this very resample give the same values as its per-example counts.
        const { sizes } = statistic.categories;
        const totals = new Float64Array(sizes.length);
        counts.forEach((c, i) => {
          const k = codes[i] as number;
          totals[k] = (totals[k] as number) + c;
        });
        const viaCategories = statistic.categories.evaluate(totals);
        expect(viaCategories.candidate).toBeCloseTo(expected.candidate, 12);
        expect(viaCategories.baseline).toBeCloseTo(expected.baseline, 12);
        // And directly drawn totals, spread uniformly inside each category, materialise to the same values.
        drawCategoryTotals(seed, r, sizes, totals);
        const spread = spreadTotals(codes, totals, new Xoshiro128(seed, 1000 + r));
        const direct = naive(repeated(spread));
        const viaDirect = statistic.categories.evaluate(totals);
        expect(viaDirect.candidate).toBeCloseTo(direct.candidate, 12);
        expect(viaDirect.baseline).toBeCloseTo(direct.baseline, 12);
      }
      if (statistic.evaluateDrawn && statistic.drawOrder) {
        // By draw position: position k weights example drawOrder[k].
        const order = statistic.drawOrder;
        const byPosition = naive(repeated(counts, (k) => order[k] as number));
        // Byte counts (the bootstrap's fast path) and wide ones (its fallback) alike.
        for (const drawn of [Uint8Array.from(counts), counts]) {
          const viaDrawn = statistic.evaluateDrawn(drawn);
          expect(viaDrawn.candidate).toBeCloseTo(byPosition.candidate, 12);
          expect(viaDrawn.baseline).toBeCloseTo(byPosition.baseline, 12);
        }
      }
    }
  }

  /** Category of each example: the rank of its (true, candidate, baseline) triple by first occurrence. */
  function tripleCodes(y: Int32Array, candidate: Int32Array, baseline: Int32Array): number[] {
    const seen = new Map<string, number>();
    return [...y].map((t, i) => {
      const key = `${t},${candidate[i]},${baseline[i]}`;
      if (!seen.has(key)) seen.set(key, seen.size);
      return seen.get(key) as number;
    });
  }

  /** Per-example counts with the given category totals, each total spread uniformly over its members. */
  function spreadTotals(codes: number[], totals: Float64Array, rng: Xoshiro128): Uint32Array {
    const counts = new Uint32Array(codes.length);
    totals.forEach((total, k) => {
      const members = codes.flatMap((c, i) => (c === k ? [i] : []));
      for (let d = 0; d < total; d++) {
        const i = members[Math.floor(rng.nextFloat() * members.length)] as number;
        counts[i] = (counts[i] as number) + 1;
      }
    });
    return counts;
  }

  it('accuracy (category fast path included)', () => {
    const statistic = pairedLabelMetric(data.y, data.candidatePred, data.baselinePred, accuracyFromCounts);
    expect(statistic.categories).toBeDefined();
    expect(statistic.evaluate()).toEqual({
      candidate: accuracy(data.y, data.candidatePred),
      baseline: accuracy(data.y, data.baselinePred),
    });
    expectMatchesNaive(
      statistic,
      (ix) => ({
        candidate: accuracy(take(data.y, ix), take(data.candidatePred, ix)),
        baseline: accuracy(take(data.y, ix), take(data.baselinePred, ix)),
      }),
      tripleCodes(data.y, data.candidatePred, data.baselinePred),
    );
  });

  it('macro F1 over three classes, where a class can vanish from a resample', () => {
    const y3 = Int32Array.from(data.y, (v, i) => (i % 17 === 0 ? 2 : v));
    const c3 = Int32Array.from(data.candidatePred, (v, i) => (i % 23 === 0 ? 2 : v));
    const f1Macro = (c: Parameters<typeof prfFromCounts>[0]): number => prfFromCounts(c, { average: 'macro' }).f1;
    expectMatchesNaive(
      pairedLabelMetric(y3, c3, data.baselinePred, f1Macro),
      (ix) => ({
        candidate: precisionRecallF1(take(y3, ix), take(c3, ix), { average: 'macro' }).f1,
        baseline: precisionRecallF1(take(y3, ix), take(data.baselinePred, ix), { average: 'macro' }).f1,
      }),
      tripleCodes(y3, c3, data.baselinePred),
    );
    // The fast path's class counts keep sklearn's definition on the original sample too.
    expect(f1Macro(classCounts(y3, c3))).toBeCloseTo(precisionRecallF1(y3, c3, { average: 'macro' }).f1, 14);
  });

  it('ROC AUC with tied scores', () => {
    const statistic = pairedRocAuc(data.y, data.candidate, data.baseline);
    expect(statistic.evaluateDrawn).toBeDefined();
    expectMatchesNaive(statistic, (ix) => ({
      candidate: rocAuc(take(data.y, ix), take(data.candidate, ix)),
      baseline: rocAuc(take(data.y, ix), take(data.baseline, ix)),
    }));
  });

  it('log loss, Brier, MAE and RMSE as means of per-example losses', () => {
    const perExample = (scores: Float64Array, loss: (y: number, s: number) => number): Float64Array =>
      Float64Array.from(scores, (s, i) => loss(data.y[i] as number, s));
    const logLossOf = (y: number, s: number): number => exampleLogLoss(y === 1, s);
    const squared = (y: number, s: number): number => (y - s) ** 2;
    const absolute = (y: number, s: number): number => Math.abs(y - s);
    const yFloat = Float64Array.from(data.y);
    const cases: [PairedStatistic, (y: Int32Array, s: Float64Array) => number][] = [
      [pairedMeanLoss(perExample(data.candidate, logLossOf), perExample(data.baseline, logLossOf)), logLoss],
      [pairedMeanLoss(perExample(data.candidate, squared), perExample(data.baseline, squared)), brierScore],
      [
        pairedMeanLoss(perExample(data.candidate, absolute), perExample(data.baseline, absolute)),
        (y, s) => meanAbsoluteError(Float64Array.from(y), s),
      ],
      [
        pairedMeanLoss(perExample(data.candidate, squared), perExample(data.baseline, squared), Math.sqrt),
        (y, s) => rootMeanSquaredError(Float64Array.from(y), s),
      ],
    ];
    expect(yFloat.length).toBe(n);
    for (const [statistic, metric] of cases) {
      expectMatchesNaive(statistic, (ix) => ({
        candidate: metric(take(data.y, ix), take(data.candidate, ix)),
        baseline: metric(take(data.y, ix), take(data.baseline, ix)),
      }));
    }
  });
});

describe('pairedBootstrap', () => {
  const data = synthetic(400, 3);
  const auc = pairedRocAuc(data.y, data.candidate, data.baseline);

  it('is reproducible: the same seed gives the identical interval, another seed a different one', () => {
    const a = pairedBootstrap(auc, { seed: 123, resamples: 300 });
    const b = pairedBootstrap(auc, { seed: 123, resamples: 300 });
    const c = pairedBootstrap(auc, { seed: 124, resamples: 300 });
    expect(b.ci).toEqual(a.ci);
    expect(c.ci).not.toEqual(a.ci);
    expect(a.delta).toBeCloseTo(rocAuc(data.y, data.candidate) - rocAuc(data.y, data.baseline), 14);
    expect(a.ci[0]).toBeLessThan(a.delta);
    expect(a.ci[1]).toBeGreaterThan(a.delta);
  });

  it('lets any slice of resamples be computed separately (parallel workers agree with one pass)', () => {
    const accuracyStatistic = pairedLabelMetric(data.y, data.candidatePred, data.baselinePred, accuracyFromCounts);
    const brier = (s: Float64Array): Float64Array => Float64Array.from(s, (v, i) => (v - (data.y[i] as number)) ** 2);
    const meanLoss = pairedMeanLoss(brier(data.candidate), brier(data.baseline));
    // One statistic per path: drawn order (AUC), category totals (accuracy), per-example counts (losses).
    for (const statistic of [auc, accuracyStatistic, meanLoss]) {
      const whole = bootstrapDeltas(statistic, 7, 0, 40);
      const split = [...bootstrapDeltas(statistic, 7, 0, 15), ...bootstrapDeltas(statistic, 7, 15, 40)];
      expect(split).toEqual([...whole]);
      expect(new Set(whole).size).toBeGreaterThan(10);
    }
  });

  it('evaluates each resample on exactly the draws of its (seed, resample) stream', () => {
    const accuracyStatistic = pairedLabelMetric(data.y, data.candidatePred, data.baselinePred, accuracyFromCounts);
    const categories = accuracyStatistic.categories as NonNullable<PairedStatistic['categories']>;
    const totals = new Float64Array(categories.sizes.length);
    const deltas = bootstrapDeltas(accuracyStatistic, 7, 3, 6);
    const aucDeltas = bootstrapDeltas(auc, 7, 3, 6);
    for (let r = 3; r < 6; r++) {
      drawCategoryTotals(7, r, categories.sizes, totals);
      const v = categories.evaluate(totals);
      expect(deltas[r - 3]).toBe(v.candidate - v.baseline);
      const drawn = auc.evaluateDrawn?.(countsOf(7, r, data.y.length)) as { candidate: number; baseline: number };
      expect(aucDeltas[r - 3]).toBe(drawn.candidate - drawn.baseline);
    }
  });

  it('covers the true accuracy difference about 95% of the time on simulated paired data', () => {
    // Candidate correct w.p. 0.80, baseline w.p. 0.75, correlated through a shared draw: true Δ = 0.05.
    const trials = 40;
    let covered = 0;
    for (let t = 0; t < trials; t++) {
      const rng = new Xoshiro128(1000 + t);
      const n = 400;
      const y = new Int32Array(n);
      const cPred = new Int32Array(n);
      const bPred = new Int32Array(n);
      for (let i = 0; i < n; i++) {
        const u = rng.nextFloat();
        cPred[i] = u < 0.8 ? 0 : 1;
        bPred[i] = u < 0.7 ? 0 : rng.nextFloat() < 0.5 / 3 ? 0 : 1;
      }
      const result = pairedBootstrap(pairedLabelMetric(y, cPred, bPred, accuracyFromCounts), {
        seed: t,
        resamples: 200,
      });
      if (result.ci[0] <= 0.05 && 0.05 <= result.ci[1]) covered++;
    }
    expect(covered / trials).toBeGreaterThan(0.85);
    expect(covered / trials).toBeLessThanOrEqual(1);
  });

  it('reports resamples where the metric is undefined and leaves them out of the interval', () => {
    const y = Int32Array.from([1, 0, 0, 0, 0, 0]);
    const s = Float64Array.from([0.9, 0.1, 0.2, 0.3, 0.4, 0.5]);
    const result = pairedBootstrap(pairedRocAuc(y, s, s), { seed: 1, resamples: 200 });
    expect(result.undefinedResamples).toBeGreaterThan(0);
    expect(result.ci).toEqual([0, 0]);
  });
});

describe('ResampleDrawer', () => {
  it('draws exactly the counts of drawCounts (its WebAssembly block filler is the same generator)', () => {
    for (const n of [1, 700, 1024, 1025, 5000, 70_001]) {
      const drawer = new ResampleDrawer(n);
      for (const [seed, resample] of [
        [0, 0],
        [42, 7],
        [20261125, 999],
      ] as const) {
        const expected = new Uint32Array(n);
        drawCounts(seed, resample, expected);
        expect(Array.from(drawer.draw(seed, resample))).toEqual(Array.from(expected));
      }
    }
  });
});

describe('all predictions equal', () => {
  // One score for every example: a single threshold. sklearn: roc_auc_score = 0.5 (every pair a tie),
  // average_precision_score = the positive rate (recall 0 → 1 at precision P / n).
  const y = Int32Array.from({ length: 500 }, (_, i) => (i % 5 === 0 ? 1 : 0));
  const constant = new Float64Array(500).fill(0.7);
  const varied = Float64Array.from({ length: 500 }, (_, i) => (i * 7919) % 500);

  it('gives ROC AUC 0.5 and AP the positive rate on every resample, through the kernel', () => {
    const auc = pairedRocAuc(y, constant, varied);
    const ap = pairedAveragePrecision(y, constant, varied);
    expect(auc.evaluate().candidate).toBe(0.5);
    expect(ap.evaluate().candidate).toBeCloseTo(0.2, 15);
    const drawn = new Uint8Array(500);
    for (let r = 0; r < 20; r++) {
      drawCounts(3, r, drawn);
      const counts = new Uint32Array(500);
      (auc.drawOrder as Int32Array).forEach((i, k) => (counts[i] = drawn[k] as number));
      const positives = Array.from(counts).reduce((sum, c, i) => sum + (y[i] === 1 ? c : 0), 0);
      expect(auc.evaluateDrawn?.(drawn).candidate).toBe(0.5);
      expect(ap.evaluateDrawn?.(drawn).candidate).toBeCloseTo(positives / 500, 14);
    }
  });

  it('gives identical constant models the interval [0, 0]', () => {
    for (const statistic of [pairedRocAuc(y, constant, constant), pairedAveragePrecision(y, constant, constant)]) {
      const result = pairedBootstrap(statistic, { seed: 5, resamples: 100 });
      expect(result.delta).toBe(0);
      expect(result.ci).toEqual([0, 0]);
    }
  });
});

describe('percentileInterval', () => {
  const deltas = Float64Array.from([0.3, -0.1, 0.25, 0.05, 0.0, 0.12, -0.04, 0.2, 0.07, 0.15, 0.01, NaN]);
  it('interpolates like numpy.percentile (linear) and ignores NaN', () => {
    // numpy.percentile(x, [2.5, 97.5]) → [-0.085, 0.2875]; [5, 95] → [-0.07, 0.275] (x without the NaN)
    const [lo95, hi95] = percentileInterval(deltas, 0.95);
    expect(lo95).toBeCloseTo(-0.085, 14);
    expect(hi95).toBeCloseTo(0.2875, 14);
    const [lo90, hi90] = percentileInterval(deltas, 0.9);
    expect(lo90).toBeCloseTo(-0.07, 14);
    expect(hi90).toBeCloseTo(0.275, 14);
  });
});
