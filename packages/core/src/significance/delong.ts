import { UserError } from '../errors.js';
import type { ClassLabels } from '../metrics/types.js';
import { assertSameLength } from '../metrics/validate.js';
import { assertBinary } from '../metrics/ranking.js';
import { normalPpf, normalSf } from '../stats/normal.js';

export interface DeLongResult {
  candidate: number;
  baseline: number;
  /** candidate − baseline. */
  delta: number;
  varianceCandidate: number;
  varianceBaseline: number;
  covariance: number;
  /** Standard error of the difference. */
  standardError: number;
  z: number;
  pValue: number;
  ci: [number, number];
  confidence: number;
}

/**
 * DeLong, DeLong & Clarke-Pearson (1988) test of two correlated ROC AUCs on the same examples, with
 * the O(n log n) midrank algorithm of Sun & Xu (2014). Two-sided p-value and a normal-theory CI
 * for the difference. Identical AUC structure (zero variance of the difference) gives z = 0, p = 1.
 */
export function deLong(
  yTrue: ClassLabels,
  candidate: Float64Array,
  baseline: Float64Array,
  options: { posLabel?: number; confidence?: number } = {},
): DeLongResult {
  const { posLabel = 1, confidence = 0.95 } = options;
  assertSameLength('DeLong', yTrue, candidate);
  assertSameLength('DeLong', yTrue, baseline);
  assertBinary('DeLong', yTrue);
  const positives: number[] = [];
  const negatives: number[] = [];
  for (let i = 0; i < yTrue.length; i++) (yTrue[i] === posLabel ? positives : negatives).push(i);
  const m = positives.length;
  const n = negatives.length;
  if (m < 2 || n < 2) {
    throw new UserError(`DeLong test needs at least two positive and two negative examples (got ${m} and ${n})`);
  }
  const c = placements(candidate, positives, negatives);
  const b = placements(baseline, positives, negatives);
  const s10 = covariance2(c.v10, b.v10);
  const s01 = covariance2(c.v01, b.v01);
  const varianceCandidate = s10.xx / m + s01.xx / n;
  const varianceBaseline = s10.yy / m + s01.yy / n;
  const covariance = s10.xy / m + s01.xy / n;
  const delta = c.auc - b.auc;
  const standardError = Math.sqrt(Math.max(0, varianceCandidate + varianceBaseline - 2 * covariance));
  const z = standardError > 0 ? delta / standardError : delta === 0 ? 0 : Math.sign(delta) * Infinity;
  const half = normalPpf(1 - (1 - confidence) / 2) * standardError;
  return {
    candidate: c.auc,
    baseline: b.auc,
    delta,
    varianceCandidate,
    varianceBaseline,
    covariance,
    standardError,
    z,
    pValue: Math.min(1, 2 * normalSf(Math.abs(z))),
    ci: [delta - half, delta + half],
    confidence,
  };
}

/**
 * AUC and the structural components of Sun & Xu: V10 for each positive (share of negatives it
 * outranks, ties ½) and V01 for each negative (share of positives that outrank it).
 */
function placements(scores: Float64Array, positives: number[], negatives: number[]) {
  const m = positives.length;
  const n = negatives.length;
  const x = Float64Array.from(positives, (i) => scores[i] as number);
  const y = Float64Array.from(negatives, (i) => scores[i] as number);
  const combined = new Float64Array(m + n);
  combined.set(x);
  combined.set(y, m);
  const tz = midranks(combined);
  const tx = midranks(x);
  const ty = midranks(y);
  const v10 = new Float64Array(m);
  const v01 = new Float64Array(n);
  let rankSum = 0;
  for (let i = 0; i < m; i++) {
    v10[i] = ((tz[i] as number) - (tx[i] as number)) / n;
    rankSum += tz[i] as number;
  }
  for (let j = 0; j < n; j++) v01[j] = 1 - ((tz[m + j] as number) - (ty[j] as number)) / m;
  return { auc: (rankSum - (m * (m + 1)) / 2) / (m * n), v10, v01 };
}

/** 1-based ranks with ties given their average rank. */
export function midranks(values: Float64Array): Float64Array {
  const order = Int32Array.from(values.keys()).sort((a, b) => (values[a] as number) - (values[b] as number));
  const ranks = new Float64Array(values.length);
  let k = 0;
  while (k < order.length) {
    let end = k;
    const v = values[order[k] as number];
    while (end + 1 < order.length && values[order[end + 1] as number] === v) end++;
    const rank = (k + end) / 2 + 1;
    for (let t = k; t <= end; t++) ranks[order[t] as number] = rank;
    k = end + 1;
  }
  return ranks;
}

/** Sample (n − 1) covariance matrix of two equally long series. */
function covariance2(a: Float64Array, b: Float64Array): { xx: number; yy: number; xy: number } {
  const n = a.length;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i] as number;
    mb += b[i] as number;
  }
  ma /= n;
  mb /= n;
  let xx = 0;
  let yy = 0;
  let xy = 0;
  for (let i = 0; i < n; i++) {
    const da = (a[i] as number) - ma;
    const db = (b[i] as number) - mb;
    xx += da * da;
    yy += db * db;
    xy += da * db;
  }
  return { xx: xx / (n - 1), yy: yy / (n - 1), xy: xy / (n - 1) };
}
