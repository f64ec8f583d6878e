import { ascendingOrder, assertBinary } from '../../metrics/ranking.js';
import type { ClassLabels } from '../../metrics/types.js';
import type { PairedStatistic, PairedValues } from '../../significance/paired-statistic.js';
import type { ResampleCounts } from '../../significance/resample.js';

/**
 * Average precision (PR AUC) of two models' scores on the same binary labels, each model sorted
 * once: a resample is then two O(n) passes per model instead of a sort. Equals
 * `averagePrecision(yTrue, scores, { posLabel }, counts)` (sklearn's step-wise sum, zero-weight
 * score groups skipped, recall 1 when there is no positive).
 */
export function pairedAveragePrecision(
  yTrue: ClassLabels,
  candidate: Float64Array,
  baseline: Float64Array,
  posLabel = 1,
): PairedStatistic {
  assertBinary('average precision', yTrue);
  const c = new DescendingScores(yTrue, candidate, posLabel);
  const b = new DescendingScores(yTrue, baseline, posLabel);
  return {
    size: yTrue.length,
    evaluate: (counts?: ResampleCounts): PairedValues => ({
      candidate: c.precision(counts),
      baseline: b.precision(counts),
    }),
  };
}

class DescendingScores {
  private readonly order: Int32Array;
  /** 1 for a positive example at each position (highest score first), else 0. */
  private readonly positive: Float64Array;
  /** 1 where the next position has a different score (a threshold ends). */
  private readonly groupEnd: Uint8Array;

  constructor(yTrue: ClassLabels, scores: Float64Array, posLabel: number) {
    this.order = ascendingOrder(scores).reverse();
    const n = scores.length;
    this.positive = new Float64Array(n);
    this.groupEnd = new Uint8Array(n);
    for (let k = 0; k < n; k++) {
      const i = this.order[k] as number;
      this.positive[k] = yTrue[i] === posLabel ? 1 : 0;
      this.groupEnd[k] = k === n - 1 || scores[this.order[k + 1] as number] !== scores[i] ? 1 : 0;
    }
  }

  precision(counts?: ResampleCounts): number {
    const { order, positive, groupEnd } = this;
    const n = order.length;
    if (n === 0) return NaN;
    const weight = (k: number): number => (counts === undefined ? 1 : (counts[order[k] as number] as number));
    let positives = 0;
    for (let k = 0; k < n; k++) positives += (positive[k] as number) * weight(k);
    let truePositives = 0;
    let seen = 0;
    let seenAtLastThreshold = 0;
    let previousRecall = 0;
    let sum = 0;
    for (let k = 0; k < n; k++) {
      const w = weight(k);
      truePositives += (positive[k] as number) * w;
      seen += w;
      if (groupEnd[k] === 0) continue;
      // sklearn drops zero-weight examples before building thresholds, so such a group is no threshold.
      if (seen === seenAtLastThreshold) continue;
      seenAtLastThreshold = seen;
      const recall = positives === 0 ? 1 : truePositives / positives;
      sum += (recall - previousRecall) * (truePositives / seen);
      previousRecall = recall;
    }
    return sum;
  }
}
