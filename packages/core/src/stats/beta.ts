/**
 * Regularized incomplete beta function and the distributions built on it (Student t, F). The binomial lives in
 * binomial.ts.
 */
import { bd0, stirlerr } from './gamma.js';

const EPS = 1e-16;

/**
 * Binomial-type density Γ(n+1)/(Γ(k+1)Γ(n−k+1)) p^k q^(n−k) for real 0 ≤ k ≤ n, q = 1 − p passed separately so
 * callers keep its precision. Loader's saddle-point form (stirlerr + bd0) stays accurate to ~1e-15 relative for
 * n in the billions, where exp(lgamma sums) would lose about log10(n·ln n) digits.
 */
export function binomialDensity(k: number, n: number, p: number, q: number = 1 - p): number {
  if (k < 0 || k > n) return 0;
  if (p === 0) return k === 0 ? 1 : 0;
  if (q === 0) return k === n ? 1 : 0;
  if (k === 0) return n === 0 ? 1 : Math.exp(n * Math.log(q));
  if (k === n) return Math.exp(n * Math.log(p));
  const lc = stirlerr(n) - stirlerr(k) - stirlerr(n - k) - bd0(k, n * p) - bd0(n - k, n * q);
  // n − k is exact here; 1 − k/n would carry k/n's rounding, amplified when k is close to n.
  return Math.exp(lc) / Math.sqrt((2 * Math.PI * k * (n - k)) / n);
}

/**
 * I_x(a, b) and 1 − I_x(a, b), each to full relative precision; `y` is 1 − x, passed separately when the caller
 * can compute it without cancellation (e.g. t²/(ν+t²)).
 */
export function regularizedBeta(a: number, b: number, x: number, y: number = 1 - x): { lower: number; upper: number } {
  if (Number.isNaN(x) || Number.isNaN(a) || Number.isNaN(b) || a <= 0 || b <= 0) return { lower: NaN, upper: NaN };
  if (x <= 0) return { lower: 0, upper: 1 };
  if (y <= 0) return { lower: 1, upper: 0 };
  // The continued fraction converges quickly for x below the mean-ish point (a+1)/(a+b+2); use symmetry above it.
  if (x < (a + 1) / (a + b + 2)) {
    const lower = betaContinuedFraction(a, b, x, y);
    return { lower, upper: 1 - lower };
  }
  const upper = betaContinuedFraction(b, a, y, x);
  return { lower: 1 - upper, upper };
}

/**
 * I_x(a,b) = x^a y^b / (a·B(a,b)) · 1/(1+ d1/(1+ d2/(1+ …))) with d_{2m+1} = −(a+m)(a+b+m)x/((a+2m)(a+2m+1)) and
 * d_{2m} = m(b−m)x/((a+2m−1)(a+2m)) (DLMF 8.17.22), by modified Lentz. The prefactor equals
 * binomialDensity(a; a+b, x)·b/(a+b), which keeps it accurate for large a and b.
 */
function betaContinuedFraction(a: number, b: number, x: number, y: number): number {
  const tiny = 1e-300;
  let f = 1;
  let c = 1;
  let d = 0;
  for (let i = 1; i < 1_000_000; i++) {
    const m = i >> 1;
    const coefficient =
      i % 2 === 1
        ? (-(a + m) * (a + b + m) * x) / ((a + 2 * m) * (a + 2 * m + 1))
        : (m * (b - m) * x) / ((a + 2 * m - 1) * (a + 2 * m));
    d = 1 + coefficient * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + coefficient / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < EPS) break;
  }
  const prefactor = (binomialDensity(a, a + b, x, y) * b) / (a + b);
  return prefactor / f;
}

/** Upper tail P(T > t) of Student's t with `df` degrees of freedom: ½·I_{ν/(ν+t²)}(ν/2, ½) for t ≥ 0. */
export function studentTSf(t: number, df: number): number {
  if (Number.isNaN(t) || !(df > 0)) return NaN;
  if (t === Infinity) return 0;
  if (t === -Infinity) return 1;
  const t2 = t * t;
  const tail = 0.5 * regularizedBeta(df / 2, 0.5, df / (df + t2), t2 / (df + t2)).lower;
  return t >= 0 ? tail : 1 - tail;
}

/** Upper tail P(F > f) of the F distribution with (d1, d2) degrees of freedom: I_{d2/(d2+d1·f)}(d2/2, d1/2). */
export function fSf(f: number, d1: number, d2: number): number {
  if (Number.isNaN(f) || !(d1 > 0) || !(d2 > 0)) return NaN;
  if (f <= 0) return 1;
  if (f === Infinity) return 0;
  const denominator = d2 + d1 * f;
  return regularizedBeta(d2 / 2, d1 / 2, d2 / denominator, (d1 * f) / denominator).lower;
}
