import { ascendingOrder, assertBinary } from '../../metrics/ranking.js';
import type { ClassLabels } from '../../metrics/types.js';
import { pairedRanking } from '../../significance/paired-ranking-kernel.js';
import type { PairedStatistic, PairedValues } from '../../significance/paired-statistic.js';
import type { ResampleCounts } from '../../significance/resample.js';

/**
 * Average precision (PR AUC) of two models' scores on the same binary labels, each model sorted
 * once: a resample is then O(n) passes instead of a sort (the bootstrap's in the WebAssembly
 * kernel, see `pairedRanking`). Equals
 * `averagePrecision(yTrue, scores, { posLabel }, counts)` (sklearn's step-wise sum, zero-weight
 * score groups skipped) where the resample holds a positive example, and NaN where it holds none:
 * precision at a recall that cannot be measured is undefined, not 0.
 */
export function pairedAveragePrecision(
  yTrue: ClassLabels,
  candidate: Float64Array,
  baseline: Float64Array,
  posLabel = 1,
): PairedStatistic {
  assertBinary('average precision', yTrue);
  const orders = { candidateOrder: ascendingOrder(candidate), baselineOrder: ascendingOrder(baseline) };
  let scorers: [DescendingScores, DescendingScores] | undefined;
  const ranking = pairedRanking('average_precision', yTrue, posLabel, candidate, baseline, orders, (counts) => {
    scorers ??= [
      new DescendingScores(yTrue, candidate, orders.candidateOrder, posLabel),
      new DescendingScores(yTrue, baseline, orders.baselineOrder, posLabel),
    ];
    return { candidate: scorers[0].precision(counts), baseline: scorers[1].precision(counts) };
  });
  const positives = positionsOf(yTrue, posLabel, (i) => i);
  const drawnPositives = positionsOf(yTrue, posLabel, (k) => orders.candidateOrder[k] as number);
  const undefinedValues = { candidate: NaN, baseline: NaN };
  return {
    ...ranking,
    evaluate: (counts) =>
      (counts === undefined ? positives.length > 0 : anyDrawn(counts, positives))
        ? ranking.evaluate(counts)
        : undefinedValues,
    evaluateDrawn: (drawn) =>
      anyDrawn(drawn, drawnPositives)
        ? (ranking.evaluateDrawn as (d: ResampleCounts) => PairedValues)(drawn)
        : undefinedValues,
  };
}

/** Positions k (example `exampleAt(k)`) that hold a positive example. */
function positionsOf(yTrue: ClassLabels, posLabel: number, exampleAt: (k: number) => number): Int32Array {
  const positions: number[] = [];
  for (let k = 0; k < yTrue.length; k++) if (yTrue[exampleAt(k)] === posLabel) positions.push(k);
  return Int32Array.from(positions);
}

function anyDrawn(counts: ResampleCounts, positions: Int32Array): boolean {
  for (let j = 0; j < positions.length; j++) if ((counts[positions[j] as number] as number) > 0) return true;
  return false;
}

class DescendingScores {
  private readonly order: Int32Array;
  /** 1 for a positive example at each position (highest score first), else 0. */
  private readonly positive: Float64Array;
  /** 1 where the next position has a different score (a threshold ends). */
  private readonly groupEnd: Uint8Array;

  constructor(yTrue: ClassLabels, scores: Float64Array, ascending: Int32Array, posLabel: number) {
    this.order = ascending.slice().reverse();
    const n = scores.length;
    this.positive = new Float64Array(n);
    this.groupEnd = new Uint8Array(n);
    for (let k = 0; k < n; k++) {
      const i = this.order[k] as number;
      this.positive[k] = yTrue[i] === posLabel ? 1 : 0;
      this.groupEnd[k] = k === n - 1 || scores[this.order[k + 1] as number] !== scores[i] ? 1 : 0;
    }
  }

  /** The kernel's formula (ranking.wat): sum(gained * truePositives / seen) / positives over the thresholds. */
  precision(counts: ResampleCounts): number {
    const { order, positive, groupEnd } = this;
    const n = order.length;
    if (n === 0) return NaN;
    let truePositives = 0;
    let truePositivesBefore = 0;
    let seen = 0;
    let sum = 0;
    for (let k = 0; k < n; k++) {
      const w = counts[order[k] as number] as number;
      truePositives += (positive[k] as number) * w;
      seen += w;
      if (groupEnd[k] === 0) continue;
      const gained = truePositives - truePositivesBefore;
      if (gained > 0) sum += (gained * truePositives) / seen;
      truePositivesBefore = truePositives;
    }
    return truePositives === 0 ? NaN : sum / truePositives;
  }
}
