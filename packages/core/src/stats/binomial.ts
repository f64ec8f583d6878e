/** Binomial distribution and the exact two-sided binomial test (the engine of the exact McNemar test). */
import { binomialDensity } from './beta.js';

/** P(X = k) for X ~ Binomial(n, p). */
export function binomialPmf(k: number, n: number, p: number): number {
  if (!Number.isInteger(k) || k < 0 || k > n) return 0;
  return binomialDensity(k, n, p);
}

/** P(X ≤ k). */
export function binomialCdf(k: number, n: number, p: number): number {
  const kk = Math.floor(k);
  if (kk < 0) return 0;
  if (kk >= n) return 1;
  return kk < n * p ? lowerTail(kk, n, p) : 1 - upperTail(kk + 1, n, p);
}

/** P(X > k), accurate far into the upper tail. */
export function binomialSf(k: number, n: number, p: number): number {
  const kk = Math.floor(k);
  if (kk < 0) return 1;
  if (kk >= n) return 0;
  return kk < n * p ? 1 - lowerTail(kk, n, p) : upperTail(kk + 1, n, p);
}

/*
 * Tails are summed term by term from the cut towards the end, using the pmf ratio P(i−1)/P(i) = i·q/((n−i+1)·p);
 * away from the mean the terms fall geometrically, so a few hundred terms (O(√(npq)) near the mean) reach full
 * precision. All terms are positive, so the tail keeps its relative precision however small it is; the
 * incomplete-beta continued fraction loses up to ~5 digits when n·p is small and n large.
 */
function lowerTail(k: number, n: number, p: number): number {
  const q = 1 - p;
  let term = binomialDensity(k, n, p, q);
  let sum = term;
  for (let i = k; i > 0 && term > sum * 1e-17; i--) {
    term *= (i * q) / ((n - i + 1) * p);
    sum += term;
  }
  return Math.min(1, sum);
}

function upperTail(k: number, n: number, p: number): number {
  const q = 1 - p;
  let term = binomialDensity(k, n, p, q);
  let sum = term;
  for (let i = k; i < n && term > sum * 1e-17; i++) {
    term *= ((n - i) * p) / ((i + 1) * q);
    sum += term;
  }
  return Math.min(1, sum);
}

/** Outcomes as likely as the observed one count as "as extreme" up to this relative slack (as scipy.stats.binomtest). */
const LIKELIHOOD_SLACK = 1 + 1e-7;

/**
 * Exact two-sided binomial test of H0: success probability = p, given k successes in n trials. The p-value sums the
 * probabilities of all outcomes no more likely than the observed one (the "minimum likelihood" method of
 * scipy.stats.binomtest). With p = ½ it is the exact McNemar test on the discordant pairs (k = b, n = b + c).
 */
export function binomialTestTwoSided(k: number, n: number, p = 0.5): number {
  if (!Number.isInteger(k) || !Number.isInteger(n) || k < 0 || k > n || !(p >= 0 && p <= 1)) return NaN;
  if (n === 0) return 1;
  const mean = n * p;
  if (k === mean) return 1;
  const threshold = binomialPmf(k, n, p) * LIKELIHOOD_SLACK;
  if (k < mean) {
    // Upper side: the pmf decreases from ceil(mean) to n; find the first outcome at most as likely as k.
    const first = firstAtMost(Math.ceil(mean), n, (j) => binomialPmf(j, n, p) <= threshold);
    const upper = first === undefined ? 0 : binomialSf(first - 1, n, p);
    return Math.min(1, binomialCdf(k, n, p) + upper);
  }
  // Lower side: the pmf increases from 0 to floor(mean); find the last outcome at most as likely as k.
  const last = lastAtMost(0, Math.floor(mean), (j) => binomialPmf(j, n, p) <= threshold);
  const lower = last === undefined ? 0 : binomialCdf(last, n, p);
  return Math.min(1, lower + binomialSf(k - 1, n, p));
}

/** Smallest j in [lo, hi] with pred(j) true, for a predicate that is monotone false→true. */
function firstAtMost(lo: number, hi: number, pred: (j: number) => boolean): number | undefined {
  if (lo > hi || !pred(hi)) return undefined;
  let a = lo;
  let b = hi;
  while (a < b) {
    const mid = Math.floor((a + b) / 2);
    if (pred(mid)) b = mid;
    else a = mid + 1;
  }
  return a;
}

/** Largest j in [lo, hi] with pred(j) true, for a predicate that is monotone true→false. */
function lastAtMost(lo: number, hi: number, pred: (j: number) => boolean): number | undefined {
  if (lo > hi || !pred(lo)) return undefined;
  let a = lo;
  let b = hi;
  while (a < b) {
    const mid = Math.ceil((a + b) / 2);
    if (pred(mid)) a = mid;
    else b = mid - 1;
  }
  return a;
}
