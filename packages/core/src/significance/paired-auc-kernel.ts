import type { ClassLabels } from '../metrics/types.js';
import type { PairedValues } from './paired-statistic.js';
import type { ResampleCounts } from './resample.js';

/**
 * Both models' resampled ROC AUC in one sequential pass, for counts drawn by position in the
 * candidate's ascending score order: the candidate reads drawn[k] in order, the baseline through
 * one permutation. The pass counts every tied pair as if the lower position ranked lower; the few
 * tie groups are then corrected to count 1/2. All sums are of integers or halves, exact in
 * doubles, so the values equal the weighted Mann–Whitney AUC on the resample bit for bit.
 */
export class PairedAucKernel {
  private readonly candidatePositive: Float32Array;
  private readonly baselinePositive: Float32Array;
  /** Candidate position of the example at each baseline position. */
  private readonly baselineToCandidate: Int32Array;
  private readonly candidateTies: Int32Array;
  private readonly baselineTies: Int32Array;
  private readonly sums = new Float64Array(6);

  constructor(
    yTrue: ClassLabels,
    posLabel: number,
    candidate: Float64Array,
    candidateOrder: Int32Array,
    baseline: Float64Array,
    baselineOrder: Int32Array,
  ) {
    const n = yTrue.length;
    const positionOf = new Int32Array(n);
    for (let k = 0; k < n; k++) positionOf[candidateOrder[k] as number] = k;
    this.baselineToCandidate = new Int32Array(n);
    this.candidatePositive = new Float32Array(n);
    this.baselinePositive = new Float32Array(n);
    for (let k = 0; k < n; k++) {
      const c = candidateOrder[k] as number;
      const b = baselineOrder[k] as number;
      this.candidatePositive[k] = yTrue[c] === posLabel ? 1 : 0;
      this.baselinePositive[k] = yTrue[b] === posLabel ? 1 : 0;
      this.baselineToCandidate[k] = positionOf[b] as number;
    }
    this.candidateTies = tieGroups(candidate, candidateOrder);
    this.baselineTies = tieGroups(baseline, baselineOrder);
  }

  evaluate(drawn: ResampleCounts): PairedValues {
    const sums = this.sums;
    sweep(drawn, this.candidatePositive, this.baselinePositive, this.baselineToCandidate, sums);
    const cPairs = (sums[2] as number) + tieCorrection(this.candidateTies, this.candidatePositive, drawn, undefined);
    const bPairs =
      (sums[5] as number) + tieCorrection(this.baselineTies, this.baselinePositive, drawn, this.baselineToCandidate);
    return {
      candidate: auc(cPairs, sums[0] as number, sums[1] as number),
      baseline: auc(bPairs, sums[3] as number, sums[4] as number),
    };
  }
}

/**
 * The O(n) pass, a function of its own so V8 optimises it as a whole (not by on-stack replacement
 * of the loop, which left the code after it without type feedback). Writes [candidate positives,
 * negatives, pairs, baseline positives, negatives, pairs].
 */
function sweep(
  drawn: ResampleCounts,
  candidatePositive: Float32Array,
  baselinePositive: Float32Array,
  baselineToCandidate: Int32Array,
  sums: Float64Array,
): void {
  let cPos = 0;
  let cNeg = 0;
  let cPairs = 0;
  let bPos = 0;
  let bNeg = 0;
  let bPairs = 0;
  for (let k = 0; k < drawn.length; k++) {
    const cw = drawn[k] as number;
    const cp = (candidatePositive[k] as number) * cw;
    cPairs += cp * cNeg;
    cPos += cp;
    cNeg += cw - cp;
    const bw = drawn[baselineToCandidate[k] as number] as number;
    const bp = (baselinePositive[k] as number) * bw;
    bPairs += bp * bNeg;
    bPos += bp;
    bNeg += bw - bp;
  }
  sums[0] = cPos;
  sums[1] = cNeg;
  sums[2] = cPairs;
  sums[3] = bPos;
  sums[4] = bNeg;
  sums[5] = bPairs;
}

function auc(pairs: number, positives: number, negatives: number): number {
  return positives > 0 && negatives > 0 ? pairs / (positives * negatives) : NaN;
}

/** [start, end) position pairs of the runs of equal scores in sorted order (length ≥ 2). */
function tieGroups(scores: Float64Array, order: Int32Array): Int32Array {
  const groups: number[] = [];
  for (let k = 0; k < order.length;) {
    let end = k + 1;
    while (end < order.length && scores[order[end] as number] === scores[order[k] as number]) end++;
    if (end - k > 1) groups.push(k, end);
    k = end;
  }
  return Int32Array.from(groups);
}

/**
 * Within a tie group the pass credited each positive with the group's negatives before it; the
 * AUC credits half of all the group's negatives. Returns the sum of the differences.
 */
function tieCorrection(
  groups: Int32Array,
  positive: Float32Array,
  drawn: ResampleCounts,
  index: Int32Array | undefined,
): number {
  let correction = 0;
  for (let g = 0; g < groups.length; g += 2) {
    const start = groups[g] as number;
    const end = groups[g + 1] as number;
    const weight = (k: number): number => drawn[index ? (index[k] as number) : k] as number;
    let negatives = 0;
    for (let k = start; k < end; k++) if (positive[k] === 0) negatives += weight(k);
    let negativesBefore = 0;
    for (let k = start; k < end; k++) {
      const w = weight(k);
      if (positive[k] === 1) correction += w * (0.5 * negatives - negativesBefore);
      else negativesBefore += w;
    }
  }
  return correction;
}
