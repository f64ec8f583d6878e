/**
 * Two-sample Kolmogorov–Smirnov test, from raw samples (`ks2`) or from two weighted empirical CDFs such as the
 * KLL quantile sketches stored in profiles (`ksFromCdfs`). The p-value follows scipy.stats.ks_2samp (two-sided):
 * exact lattice-path probability for small samples, the one-sample D_n distribution with n = round(n·m/(n+m))
 * above.
 */
import { UserError } from '../errors.js';
import { kolmogorovSmirnovSf } from './kolmogorov.js';

export type KsMethod = 'auto' | 'exact' | 'asymptotic';

export interface KsOptions {
  /** 'auto' (default) is exact when both samples have at most 10,000 values, as in scipy. */
  method?: KsMethod;
}

export interface KsResult {
  /** D = max over x of |F_a(x) − F_b(x)|. */
  statistic: number;
  pValue: number;
  /** The method actually used ('exact' falls back to 'asymptotic' when the lattice is too large). */
  method: 'exact' | 'asymptotic';
  /** A value x at which the largest gap between the two CDFs occurs. */
  location: number;
}

/** A discrete distribution: ascending `values` (repeats allowed) with non-negative `weights` of the same length. */
export interface WeightedCdf {
  values: ArrayLike<number>;
  weights: ArrayLike<number>;
}

/** scipy's 'auto' switches to the asymptotic distribution above this many values per sample. */
const EXACT_AUTO_MAX = 10_000;
/** Exact counting walks a band of the n×m lattice; above this many cells it is too slow and we go asymptotic. */
const EXACT_MAX_CELLS = 1e8;

export function ks2(a: ArrayLike<number>, b: ArrayLike<number>, options: KsOptions = {}): KsResult {
  return ksFromCounts(valueCounts(sortedFinite(a, 'first')), valueCounts(sortedFinite(b, 'second')), options);
}

/** A sample as ascending distinct values and how often each occurs. */
export interface SampleCounts {
  values: ArrayLike<number>;
  counts: ArrayLike<number>;
}

/**
 * Two-sample KS on samples given as ascending distinct values with their counts (a profile's exact values): the
 * same D and p-value as scipy.stats.ks_2samp on the samples written out. D is tracked as the largest
 * |i·m − j·n| in integers, so it and its lattice position are exact (no float rounding).
 */
export function ksFromCounts(a: SampleCounts, b: SampleCounts, options: KsOptions = {}): KsResult {
  const n = total(a.counts, 'first');
  const m = total(b.counts, 'second');
  let largest = 0;
  let location = a.values[0] ?? 0;
  let i = 0;
  let j = 0;
  let below = 0;
  let belowB = 0;
  while (i < a.values.length || j < b.values.length) {
    const va = a.values[i] ?? Infinity;
    const vb = b.values[j] ?? Infinity;
    const value = va <= vb ? va : vb;
    if (va === value) below += a.counts[i++]!;
    if (vb === value) belowB += b.counts[j++]!;
    const gap = Math.abs(below * m - belowB * n);
    if (gap > largest) {
      largest = gap;
      location = value;
    }
  }
  const statistic = largest / (n * m);
  return { statistic, location, ...ksPValue(statistic, n, m, options.method ?? 'auto') };
}

function valueCounts(sorted: Float64Array): SampleCounts {
  const values: number[] = [];
  const counts: number[] = [];
  for (let i = 0; i < sorted.length;) {
    let k = i + 1;
    while (k < sorted.length && sorted[k] === sorted[i]) k++;
    values.push(sorted[i]!);
    counts.push(k - i);
    i = k;
  }
  return { values, counts };
}

function total(counts: ArrayLike<number>, which: string): number {
  let sum = 0;
  for (let k = 0; k < counts.length; k++) sum += counts[k]!;
  if (!(sum >= 1)) throw new UserError(`KS test needs at least one value in the ${which} sample`);
  return sum;
}

/**
 * KS test between two weighted empirical CDFs (e.g. quantile sketches); `nA`/`nB` are the true sample sizes the
 * distributions summarise, which set the p-value's scale. D is exact for the given distributions; how close it is
 * to the raw-data D depends on the sketches' rank error.
 */
export function ksFromCdfs(
  cdfA: WeightedCdf,
  cdfB: WeightedCdf,
  nA: number,
  nB: number,
  options: KsOptions = {},
): KsResult {
  if (!(Number.isInteger(nA) && nA >= 1 && Number.isInteger(nB) && nB >= 1)) {
    throw new UserError(`KS test needs sample sizes of at least 1 (got ${nA} and ${nB})`);
  }
  const totalA = checkedTotal(cdfA, 'first');
  const totalB = checkedTotal(cdfB, 'second');
  let cumA = 0;
  let cumB = 0;
  let i = 0;
  let j = 0;
  let statistic = 0;
  let location = cdfA.values[0] ?? 0;
  const la = cdfA.values.length;
  const lb = cdfB.values.length;
  while (i < la || j < lb) {
    const va = cdfA.values[i] ?? Infinity;
    const vb = cdfB.values[j] ?? Infinity;
    const value = i < la && (j >= lb || va <= vb) ? va : vb;
    while (i < la && cdfA.values[i] === value) cumA += cdfA.weights[i++] ?? 0;
    while (j < lb && cdfB.values[j] === value) cumB += cdfB.weights[j++] ?? 0;
    const gap = Math.abs(cumA / totalA - cumB / totalB);
    if (gap > statistic) {
      statistic = gap;
      location = value;
    }
  }
  statistic = Math.min(1, statistic);
  return { statistic, location, ...ksPValue(statistic, nA, nB, options.method ?? 'auto') };
}

/** Two-sided p-value of D for sample sizes n and m, choosing the method as scipy.stats.ks_2samp does. */
export function ksPValue(
  statistic: number,
  n: number,
  m: number,
  method: KsMethod = 'auto',
): { pValue: number; method: 'exact' | 'asymptotic' } {
  const exactFeasible = n === m || n * m <= EXACT_MAX_CELLS;
  const useExact = method === 'exact' ? exactFeasible : method === 'auto' && Math.max(n, m) <= EXACT_AUTO_MAX;
  if (useExact) return { pValue: ksExactPValue(statistic, n, m), method: 'exact' };
  const effective = Math.max(1, roundHalfEven((n * m) / (n + m)));
  return { pValue: kolmogorovSmirnovSf(effective, statistic), method: 'asymptotic' };
}

/**
 * Exact P(D ≥ d) under H0 for continuous data: the fraction of the C(n+m, n) monotone lattice paths from (0,0) to
 * (n,m) that touch |i/n − j/m| ≥ d (Hodges 1958, "The significance probability of the Smirnov two-sample test").
 * d is first rounded to the lattice, d = h/lcm(n, m), as scipy does.
 */
export function ksExactPValue(statistic: number, n: number, m: number): number {
  const g = gcd(n, m);
  const a = m / g; // lcm/n
  const b = n / g; // lcm/m
  const h = Math.round(statistic * a * n);
  if (h <= 0) return 1;
  if (n === m) return equalSizeExact(n, h);
  return latticeExitProbability(n, m, a, b, h);
}

/**
 * n = m: P(D ≥ h/n) = 2·Σ_{k≥1} (−1)^{k+1} C(2n, n−kh)/C(2n, n) (reflection principle, Gnedenko–Korolyuk); the
 * binomial ratios are accumulated as products, so nothing overflows.
 */
function equalSizeExact(n: number, h: number): number {
  let sum = 0;
  let ratio = 1;
  let reached = 0;
  for (let k = 1; k * h <= n; k++) {
    for (let i = reached + 1; i <= k * h; i++) ratio *= (n - i + 1) / (n + i);
    reached = k * h;
    if (ratio === 0) break;
    sum += k % 2 === 1 ? ratio : -ratio;
  }
  return Math.min(1, Math.max(0, 2 * sum));
}

/**
 * Probability that a uniformly random path leaves the band |i·a − j·b| < h. Dynamic programming over the band with
 * the sequential-sampling probabilities (step right with probability (n−i)/(n+m−i−j)); every first exit adds its
 * probability, so the p-value is a sum of positive terms and stays accurate when tiny (no 1 − P(inside)).
 */
function latticeExitProbability(n: number, m: number, a: number, b: number, h: number): number {
  const band = (i: number): [number, number] => [
    Math.max(0, Math.floor((i * a - h) / b) + 1),
    Math.min(m, Math.ceil((i * a + h) / b) - 1),
  ];
  let current = new Float64Array(m + 1);
  let next = new Float64Array(m + 1);
  current[0] = 1;
  let exit = 0;
  for (let i = 0; i <= n; i++) {
    const [lo, hi] = band(i);
    const [nextLo, nextHi] = i < n ? band(i + 1) : [1, 0];
    next.fill(0, nextLo, nextHi + 1);
    for (let j = lo; j <= hi; j++) {
      const q = current[j] ?? 0;
      // Probabilities this small cannot move a double-precision p-value; skipping them avoids subnormal arithmetic.
      if (q < 1e-300) continue;
      const remaining = n + m - i - j;
      if (remaining === 0) continue;
      if (i < n) {
        const w = (q * (n - i)) / remaining;
        if (j >= nextLo && j <= nextHi) next[j] = (next[j] ?? 0) + w;
        else exit += w;
      }
      if (j < m) {
        const w = (q * (m - j)) / remaining;
        if (j + 1 <= hi) current[j + 1] = (current[j + 1] ?? 0) + w;
        else exit += w;
      }
    }
    [current, next] = [next, current];
  }
  return Math.min(1, Math.max(0, exit));
}

function sortedFinite(values: ArrayLike<number>, which: string): Float64Array {
  if (values.length === 0) throw new UserError(`KS test needs at least one value in the ${which} sample`);
  const sorted = Float64Array.from(values);
  for (const v of sorted) {
    if (!Number.isFinite(v)) throw new UserError(`KS test got a non-finite value (${v}) in the ${which} sample`);
  }
  return sorted.sort();
}

function checkedTotal(cdf: WeightedCdf, which: string): number {
  if (cdf.values.length !== cdf.weights.length) {
    throw new UserError(
      `KS test: the ${which} distribution has ${cdf.values.length} values but ${cdf.weights.length} weights`,
    );
  }
  let total = 0;
  let previous = -Infinity;
  for (let k = 0; k < cdf.values.length; k++) {
    const v = cdf.values[k] ?? NaN;
    const w = cdf.weights[k] ?? NaN;
    if (!(v >= previous))
      throw new UserError(`KS test: the ${which} distribution's values are not ascending at index ${k}`);
    if (!(w >= 0 && Number.isFinite(w)))
      throw new UserError(`KS test: the ${which} distribution has weight ${w} at index ${k}`);
    previous = v;
    total += w;
  }
  if (!(total > 0)) throw new UserError(`KS test: the ${which} distribution has no weight`);
  return total;
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/** numpy's rounding (half to even), which scipy applies to the effective sample size. */
function roundHalfEven(v: number): number {
  const r = Math.round(v);
  return Math.abs(v - Math.trunc(v)) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}
