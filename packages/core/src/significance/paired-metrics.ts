import { classCounts, type ClassCounts } from '../metrics/classification.js';
import { ascendingOrder, assertBinary } from '../metrics/ranking.js';
import type { ClassLabels, Weights } from '../metrics/types.js';
import { assertSameLength } from '../metrics/validate.js';
import { pairedRanking } from './paired-ranking-kernel.js';
import type { CategoryEvaluator, PairedStatistic, PairedValues } from './paired-statistic.js';
import type { ResampleCounts } from './resample.js';

/** A metric of per-class confusion counts, e.g. accuracy or F1 (see `prfFromCounts`). */
export type CountsMetric = (counts: ClassCounts) => number;

export const accuracyFromCounts: CountsMetric = (c) => sum(c.truePositive) / sum(c.actual);

/**
 * Any confusion-count metric (accuracy, precision/recall/F1 in every average) of two models'
 * predicted labels. Classes count as present only when drawn, as on a materialised resample.
 */
export function pairedLabelMetric(
  yTrue: ClassLabels,
  candidate: ClassLabels,
  baseline: ClassLabels,
  metric: CountsMetric,
): PairedStatistic {
  assertSameLength('paired labels', yTrue, candidate);
  assertSameLength('paired labels', yTrue, baseline);
  const fast = categoryFastPath(yTrue, candidate, baseline, metric);
  return {
    size: yTrue.length,
    evaluate: (counts?: ResampleCounts): PairedValues =>
      counts === undefined && fast.categories
        ? fast.categories.evaluate(fast.categories.sizes)
        : {
            candidate: metric(drawnClasses(classCounts(yTrue, candidate, counts))),
            baseline: metric(drawnClasses(classCounts(yTrue, baseline, counts))),
          },
    ...fast,
  };
}

/** Category = (true, candidate, baseline) label triple; only when at most 256 triples occur. */
function categoryFastPath(
  yTrue: ClassLabels,
  candidate: ClassLabels,
  baseline: ClassLabels,
  metric: CountsMetric,
): { categories?: CategoryEvaluator } {
  const labelId = new Map<number, number>();
  const idOf = (label: number): number => {
    let id = labelId.get(label);
    if (id === undefined) {
      id = labelId.size;
      labelId.set(label, id);
    }
    return id;
  };
  const codeOf = new Map<number, number>();
  const sizes: number[] = [];
  const triples: [number, number, number][] = [];
  for (let i = 0; i < yTrue.length; i++) {
    const t = yTrue[i] as number;
    const c = candidate[i] as number;
    const b = baseline[i] as number;
    // A numeric key (dense label ids < 1024) instead of a string: this loop runs once per example.
    const key = (idOf(t) * 1024 + idOf(c)) * 1024 + idOf(b);
    let code = codeOf.get(key);
    if (code === undefined) {
      // Every label occurs in some triple, so more than 768 labels also means more than 256 triples.
      if (triples.length === 256 || labelId.size > 768) return {};
      code = triples.length;
      codeOf.set(key, code);
      triples.push([t, c, b]);
      sizes.push(0);
    }
    sizes[code] = (sizes[code] as number) + 1;
  }
  const tripleTrue = Int32Array.from(triples.map((t) => t[0]));
  const tripleCandidate = Int32Array.from(triples.map((t) => t[1]));
  const tripleBaseline = Int32Array.from(triples.map((t) => t[2]));
  return {
    categories: {
      sizes: Float64Array.from(sizes),
      evaluate: (totals: Float64Array): PairedValues => ({
        candidate: metric(drawnClasses(classCounts(tripleTrue, tripleCandidate, totals))),
        baseline: metric(drawnClasses(classCounts(tripleTrue, tripleBaseline, totals))),
      }),
    },
  };
}

/** Drop classes with no weight in y_true nor y_pred: they are absent from the resample. */
function drawnClasses(counts: ClassCounts): ClassCounts {
  const keep: number[] = [];
  counts.labels.forEach((_, c) => {
    if ((counts.actual[c] as number) > 0 || (counts.predicted[c] as number) > 0) keep.push(c);
  });
  if (keep.length === counts.labels.length) return counts;
  const pick = (values: Float64Array): Float64Array => Float64Array.from(keep.map((c) => values[c] as number));
  return {
    labels: keep.map((c) => counts.labels[c] as number),
    truePositive: pick(counts.truePositive),
    predicted: pick(counts.predicted),
    actual: pick(counts.actual),
  };
}

/**
 * A metric that is a (weighted) mean of per-example losses, optionally transformed: log loss and
 * Brier (`exampleLogLoss`, squared error of the probability), MAE, RMSE (`finish = Math.sqrt` over
 * squared errors). One pass per resample.
 */
export function pairedMeanLoss(
  candidateLoss: Float64Array,
  baselineLoss: Float64Array,
  finish: (mean: number) => number = (mean) => mean,
): PairedStatistic {
  assertSameLength('paired losses', candidateLoss, baselineLoss);
  const sums = new Float64Array(3);
  return {
    size: candidateLoss.length,
    evaluate: (counts?: ResampleCounts): PairedValues => {
      weightedSums(counts ?? new Uint8Array(candidateLoss.length).fill(1), candidateLoss, baselineLoss, sums);
      const total = sums[0] as number;
      return { candidate: finish((sums[1] as number) / total), baseline: finish((sums[2] as number) / total) };
    },
  };
}

/**
 * Writes [Σ w, Σ w·a, Σ w·b]. A function of its own with no optional weight inside the loop: V8
 * compiled the inline version's loop several times slower.
 */
function weightedSums(weights: ResampleCounts, a: Float64Array, b: Float64Array, sums: Float64Array): void {
  let total = 0;
  let sumA = 0;
  let sumB = 0;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i] as number;
    total += w;
    sumA += w * (a[i] as number);
    sumB += w * (b[i] as number);
  }
  sums[0] = total;
  sums[1] = sumA;
  sums[2] = sumB;
}

/** Any weighted metric, evaluated twice per resample (simple, O(metric) per resample). */
export function pairedMetric(
  size: number,
  candidate: (weights?: Weights) => number,
  baseline: (weights?: Weights) => number,
): PairedStatistic {
  return {
    size,
    evaluate: (counts?: ResampleCounts): PairedValues => ({ candidate: candidate(counts), baseline: baseline(counts) }),
  };
}

/**
 * ROC AUC of two models' scores on the same binary labels. Each model is sorted once; a resample is
 * then one O(n) pass per model over the sorted order, accumulating the weighted Mann–Whitney
 * statistic with tied scores counted 1/2 (equal to sklearn's `roc_auc_score` on the resample).
 * The bootstrap's resamples go through the WebAssembly kernel (`pairedRanking`).
 */
export function pairedRocAuc(
  yTrue: ClassLabels,
  candidate: Float64Array,
  baseline: Float64Array,
  posLabel = 1,
): PairedStatistic {
  assertSameLength('paired ROC AUC', yTrue, candidate);
  assertSameLength('paired ROC AUC', yTrue, baseline);
  assertBinary('ROC AUC', yTrue);
  const orders = { candidateOrder: ascendingOrder(candidate), baselineOrder: ascendingOrder(baseline) };
  // Built on first use: the bootstrap needs only the kernel, per-example counts only the scorers.
  let scorers: [SortedScores, SortedScores] | undefined;
  return pairedRanking('roc_auc', yTrue, posLabel, candidate, baseline, orders, (counts) => {
    scorers ??= [
      new SortedScores(yTrue, candidate, orders.candidateOrder, posLabel),
      new SortedScores(yTrue, baseline, orders.baselineOrder, posLabel),
    ];
    return { candidate: scorers[0].auc(counts), baseline: scorers[1].auc(counts) };
  });
}

class SortedScores {
  private readonly order: Int32Array;
  /** 1 for a positive example at each sorted position, else 0; float so the loop stays in doubles. */
  private readonly positive: Float64Array;
  /** 1 where the next sorted score differs (a tie group ends). */
  private readonly groupEnd: Uint8Array;
  private readonly hasTies: boolean;

  constructor(yTrue: ClassLabels, scores: Float64Array, order: Int32Array, posLabel: number) {
    this.order = order;
    const n = scores.length;
    this.positive = new Float64Array(n);
    this.groupEnd = new Uint8Array(n);
    let ties = false;
    for (let k = 0; k < n; k++) {
      const i = this.order[k] as number;
      this.positive[k] = yTrue[i] === posLabel ? 1 : 0;
      const last = k === n - 1 || scores[this.order[k + 1] as number] !== scores[i];
      this.groupEnd[k] = last ? 1 : 0;
      if (!last) ties = true;
    }
    this.hasTies = ties;
  }

  auc(weights: ResampleCounts): number {
    return this.hasTies ? this.aucWithTies(weights) : this.aucDistinct(weights);
  }

  private aucDistinct(weights: ResampleCounts): number {
    const { order, positive } = this;
    let positives = 0;
    let negatives = 0;
    let pairs = 0;
    for (let k = 0; k < order.length; k++) {
      const w = weights[order[k] as number] as number;
      const p = (positive[k] as number) * w;
      pairs += p * negatives;
      positives += p;
      negatives += w - p;
    }
    return positives > 0 && negatives > 0 ? pairs / (positives * negatives) : NaN;
  }

  private aucWithTies(weights: ResampleCounts): number {
    const { order, positive, groupEnd } = this;
    // Running totals only (no per-group resets to 0) keep every accumulator a double for V8.
    let positives = 0;
    let negatives = 0;
    let positivesBefore = 0;
    let negativesBefore = 0;
    let pairs = 0;
    for (let k = 0; k < order.length; k++) {
      const w = weights[order[k] as number] as number;
      const p = (positive[k] as number) * w;
      positives += p;
      negatives += w - p;
      if (groupEnd[k] === 1) {
        pairs += (positives - positivesBefore) * (negativesBefore + 0.5 * (negatives - negativesBefore));
        positivesBefore = positives;
        negativesBefore = negatives;
      }
    }
    return positives > 0 && negatives > 0 ? pairs / (positives * negatives) : NaN;
  }
}

function sum(values: Float64Array): number {
  let s = 0;
  for (const v of values) s += v;
  return s;
}

/**
 * One-vs-rest ROC AUC of two models' per-class scores, macro-averaged: sklearn's
 * `roc_auc_score(y_true, S, multi_class='ovr', average='macro')` when every class has examples in
 * and out of it. A class without both (absent from a resample or a slice) is left out of the
 * average, where sklearn refuses the data; NaN when no class is left.
 */
export function pairedOneVsRestRocAuc(
  yTrue: ClassLabels,
  candidate: readonly Float64Array[],
  baseline: readonly Float64Array[],
): PairedStatistic {
  const perClass = candidate.map((scores, c) => {
    const inClass = Int32Array.from(yTrue, (label) => (label === c ? 1 : 0));
    return pairedRocAuc(inClass, scores, baseline[c] as Float64Array, 1);
  });
  return {
    size: yTrue.length,
    evaluate: (counts?: ResampleCounts): PairedValues => {
      let candidateSum = 0;
      let baselineSum = 0;
      let defined = 0;
      for (const statistic of perClass) {
        const v = statistic.evaluate(counts);
        if (Number.isNaN(v.candidate) || Number.isNaN(v.baseline)) continue;
        candidateSum += v.candidate;
        baselineSum += v.baseline;
        defined++;
      }
      return defined === 0
        ? { candidate: NaN, baseline: NaN }
        : { candidate: candidateSum / defined, baseline: baselineSum / defined };
    },
  };
}
