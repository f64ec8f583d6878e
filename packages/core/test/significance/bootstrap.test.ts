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
  bootstrapDeltas,
  drawCategoryTotals,
  drawCounts32,
  drawCounts8,
  forEachDraw,
  pairedBootstrap,
  pairedLabelMetric,
  pairedMeanLoss,
  pairedRocAuc,
  percentileInterval,
  Xoshiro128,
  type PairedStatistic,
} from '../../src/significance/index.js';

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

/** The resample as index resampling would produce it: every drawn index, in draw order. */
function drawnIndices(seed: number, resample: number, n: number): number[] {
  const indices: number[] = [];
  forEachDraw(seed, resample, n, (i) => indices.push(i));
  return indices;
}

const take = <T extends Int32Array | Float64Array>(values: T, indices: number[]): T =>
  (values instanceof Int32Array
    ? Int32Array.from(indices, (i) => values[i] as number)
    : Float64Array.from(indices, (i) => values[i] as number)) as T;

describe('resampling draws', () => {
  it('draws uniform indices with the documented xoshiro128** stream and rejection rule', () => {
    const n = 37;
    const rng = new Xoshiro128(42, 3);
    const expected: number[] = [];
    while (expected.length < n) {
      const index = rng.nextUint32() >>> Math.clz32(n - 1);
      if (index < n) expected.push(index);
    }
    expect(drawnIndices(42, 3, n)).toEqual(expected);
  });

  it('tallies the same draws as counts (Uint8, Uint32) and as category totals', () => {
    const n = 300;
    const indices = drawnIndices(9, 5, n);
    const tally = new Uint32Array(n);
    for (const i of indices) tally[i] = (tally[i] as number) + 1;
    const counts8 = new Uint8Array(n);
    expect(drawCounts8(9, 5, counts8)).toBe(true);
    const counts32 = new Uint32Array(n);
    drawCounts32(9, 5, counts32);
    expect([...counts8]).toEqual([...tally]);
    expect([...counts32]).toEqual([...tally]);
    const codes = Uint8Array.from({ length: n }, (_, i) => i % 3);
    const totals = new Float64Array(3);
    drawCategoryTotals(9, 5, codes, totals);
    expect([...totals]).toEqual([0, 1, 2].map((c) => indices.filter((i) => i % 3 === c).length));
  });

  it('gives a different resample for another seed or resample number', () => {
    expect(drawnIndices(1, 0, 50)).not.toEqual(drawnIndices(2, 0, 50));
    expect(drawnIndices(1, 0, 50)).not.toEqual(drawnIndices(1, 1, 50));
  });
});

describe('weighted-count statistics equal the metric on the materialised resample', () => {
  const n = 61;
  const data = synthetic(n, 11);
  const seed = 5;

  function expectMatchesNaive(
    statistic: PairedStatistic,
    naive: (indices: number[]) => { candidate: number; baseline: number },
  ): void {
    const counts = new Uint8Array(n);
    for (let r = 0; r < 25; r++) {
      const expected = naive(drawnIndices(seed, r, n));
      drawCounts8(seed, r, counts);
      const viaCounts = statistic.evaluate(counts);
      expect(viaCounts.candidate).toBeCloseTo(expected.candidate, 12);
      expect(viaCounts.baseline).toBeCloseTo(expected.baseline, 12);
      if (statistic.categories) {
        const totals = new Float64Array(statistic.categories.count);
        drawCategoryTotals(seed, r, statistic.categories.codes, totals);
        const viaCategories = statistic.categories.evaluate(totals);
        expect(viaCategories.candidate).toBeCloseTo(expected.candidate, 12);
        expect(viaCategories.baseline).toBeCloseTo(expected.baseline, 12);
      }
    }
  }

  it('accuracy (category fast path included)', () => {
    const statistic = pairedLabelMetric(data.y, data.candidatePred, data.baselinePred, accuracyFromCounts);
    expect(statistic.categories).toBeDefined();
    expectMatchesNaive(statistic, (ix) => ({
      candidate: accuracy(take(data.y, ix), take(data.candidatePred, ix)),
      baseline: accuracy(take(data.y, ix), take(data.baselinePred, ix)),
    }));
  });

  it('macro F1 over three classes, where a class can vanish from a resample', () => {
    const y3 = Int32Array.from(data.y, (v, i) => (i % 17 === 0 ? 2 : v));
    const c3 = Int32Array.from(data.candidatePred, (v, i) => (i % 23 === 0 ? 2 : v));
    const f1Macro = (c: Parameters<typeof prfFromCounts>[0]): number => prfFromCounts(c, { average: 'macro' }).f1;
    expectMatchesNaive(pairedLabelMetric(y3, c3, data.baselinePred, f1Macro), (ix) => ({
      candidate: precisionRecallF1(take(y3, ix), take(c3, ix), { average: 'macro' }).f1,
      baseline: precisionRecallF1(take(y3, ix), take(data.baselinePred, ix), { average: 'macro' }).f1,
    }));
    // The fast path's class counts keep sklearn's definition on the original sample too.
    expect(f1Macro(classCounts(y3, c3))).toBeCloseTo(precisionRecallF1(y3, c3, { average: 'macro' }).f1, 14);
  });

  it('ROC AUC with tied scores', () => {
    expectMatchesNaive(pairedRocAuc(data.y, data.candidate, data.baseline), (ix) => ({
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
    const whole = bootstrapDeltas(auc, 7, 0, 40);
    const split = [...bootstrapDeltas(auc, 7, 0, 15), ...bootstrapDeltas(auc, 7, 15, 40)];
    expect(split).toEqual([...whole]);
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
