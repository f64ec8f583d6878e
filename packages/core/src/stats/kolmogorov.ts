/**
 * Distributions of Kolmogorov–Smirnov statistics: the limiting Kolmogorov distribution, the exact one-sided
 * Smirnov distribution and the one-sample two-sided distribution of D_n (what scipy calls `kstwo`), which the
 * two-sample test uses with the effective size n·m/(n+m) when exact counting is too expensive.
 */
import { binomialDensity } from './beta.js';
import { stirlerr } from './gamma.js';

const PI2 = Math.PI * Math.PI;
const SQRT_2PI = Math.sqrt(2 * Math.PI);

/**
 * Upper tail of the limiting Kolmogorov distribution, P(sup|B(t)| > z) for a Brownian bridge B. For z ≥ 1 the
 * alternating series 2Σ(−1)^{k−1}e^{−2k²z²} (keeps full relative precision in the far tail); below, its Jacobi-theta
 * transform √(2π)/z·Σe^{−(2k−1)²π²/(8z²)} for the CDF, which converges in a few terms there.
 */
export function kolmogorovLimitSf(z: number): number {
  if (Number.isNaN(z)) return NaN;
  if (z <= 0) return 1;
  if (z >= 1) {
    let sum = 0;
    for (let k = 1; k < 100; k++) {
      const term = Math.exp(-2 * k * k * z * z);
      sum += k % 2 === 1 ? term : -term;
      if (term < 1e-17 * sum) break;
    }
    return Math.min(1, 2 * sum);
  }
  let cdf = 0;
  for (let k = 1; k < 100; k++) {
    const m = 2 * k - 1;
    const term = Math.exp((-m * m * PI2) / (8 * z * z));
    cdf += term;
    if (term <= 1e-17 * cdf) break;
  }
  return 1 - (SQRT_2PI / z) * cdf;
}

/**
 * Exact one-sided Smirnov upper tail P(D⁺_n ≥ x) by the Birnbaum–Tingey formula
 * x·Σ_{j=0}^{⌊n(1−x)⌋} C(n,j)(x+j/n)^{j−1}(1−x−j/n)^{n−j}. Each term is a binomial density at success probability
 * x + j/n (the two probabilities sum to one), so Loader's form keeps it accurate for any n; all terms are positive,
 * so the sum has no cancellation.
 */
export function smirnovSf(n: number, x: number): number {
  if (Number.isNaN(x) || !(n >= 1)) return NaN;
  if (x <= 0) return 1;
  if (x >= 1) return 0;
  const last = Math.floor(n * (1 - x) + 1e-9);
  const term = (j: number): number => {
    const q = (n * (1 - x) - j) / n;
    if (q <= 0) return 0;
    const p = x + j / n;
    return (x * binomialDensity(j, n, p, q)) / p;
  };
  // The terms vary smoothly in j on a scale of order n (they are spread over most of 0…n(1−x)) and vanish at both
  // ends, so for large n (once both ends vanish) the trapezoid rule with step ~√n/8 equals the full sum to ~1e-13 (spectral accuracy of the
  // trapezoid rule for smooth, end-vanishing summands) at a fraction of the cost.
  // Both ends vanish once n·x ≥ 40: the j = 0 term is (1−x)^n < e^{−40}.
  const step = n > 20_000 && n * x >= 40 ? Math.max(1, Math.floor(Math.sqrt(n) / 8)) : 1;
  let sum = 0;
  for (let j = 0; j <= last; j += step) sum += term(j);
  return Math.min(1, sum * step);
}

/**
 * Upper tail P(D_n ≥ x) of the one-sample two-sided Kolmogorov–Smirnov statistic. Same regions as Simard &
 * L'Ecuyer (2011, "Computing the Two-Sided Kolmogorov–Smirnov Distribution", J. Stat. Softw. 39(11)) and
 * scipy.stats.kstwo: exact closed forms near the ends (Ruben–Gambino), twice the one-sided Smirnov tail where the
 * two one-sided events cannot (x ≥ ½) or almost never (n·x² large) both happen, the Durbin matrix (Marsaglia–Tsang–
 * Wang 2003) for small n, and the Pelz–Good asymptotic series otherwise.
 */
export function kolmogorovSmirnovSf(n: number, x: number): number {
  if (Number.isNaN(x) || !Number.isInteger(n) || n < 1) return NaN;
  if (x >= 1) return 0;
  if (x <= 0) return 1;
  const t = n * x;
  if (t <= 0.5) return 1;
  if (t <= 1) return clip(1 - Math.exp(logFactorialOverPower(n) + n * Math.log(2 * t - 1)));
  if (t >= n - 1) return clip(2 * Math.pow(1 - x, n));
  if (x >= 0.5) return clip(2 * smirnovSf(n, x));
  const nx2 = t * x;
  if (n <= 140) return clip(nx2 < 4 ? 1 - durbinCdf(n, x) : 2 * smirnovSf(n, x));
  if (nx2 >= 2.2) return clip(2 * smirnovSf(n, x));
  if (n <= 100_000 && n * Math.pow(x, 1.5) <= 1.4) return clip(1 - durbinCdf(n, x));
  return clip(1 - pelzGoodCdf(n, x));
}

function clip(p: number): number {
  return Math.min(1, Math.max(0, p));
}

/** ln(n!/nⁿ) = stirlerr(n) + ½ln(2πn) − n, without the cancellation of ln n! − n·ln n. */
function logFactorialOverPower(n: number): number {
  return stirlerr(n) + 0.5 * Math.log(2 * Math.PI * n) - n;
}

/**
 * P(D_n < d) by Durbin's matrix formula as organised by Marsaglia, Tsang & Wang (2003): with k = ⌊nd⌋+1,
 * h = k − nd and the (2k−1)×(2k−1) matrix H of inverse factorials corrected in its first column and last row,
 * P = n!/nⁿ · (Hⁿ)_{kk}. Powers are rescaled by powers of two as they grow; the exponent is carried separately.
 */
function durbinCdf(n: number, d: number): number {
  const k = Math.floor(n * d) + 1;
  const m = 2 * k - 1;
  const h = k - n * d;
  const H = new Float64Array(m * m);
  const inverseFactorial = new Float64Array(m + 2);
  inverseFactorial[0] = 1;
  for (let i = 1; i < m + 2; i++) inverseFactorial[i] = (inverseFactorial[i - 1] ?? 0) / i;
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) {
      const order = i - j + 1;
      if (order >= 0) H[i * m + j] = inverseFactorial[order] ?? 0;
    }
  }
  for (let i = 0; i < m; i++) {
    H[i * m] = (H[i * m] ?? 0) - Math.pow(h, i + 1) * (inverseFactorial[i + 1] ?? 0);
    H[(m - 1) * m + i] = (H[(m - 1) * m + i] ?? 0) - Math.pow(h, m - i) * (inverseFactorial[m - i] ?? 0);
  }
  if (2 * h - 1 > 0) H[(m - 1) * m] = (H[(m - 1) * m] ?? 0) + Math.pow(2 * h - 1, m) * (inverseFactorial[m] ?? 0);
  const { matrix, log2Scale } = scaledMatrixPower(H, m, n);
  const entry = matrix[(k - 1) * m + (k - 1)] ?? 0;
  if (entry <= 0) return 0;
  return Math.exp(Math.log(entry) + log2Scale * Math.LN2 + logFactorialOverPower(n));
}

function scaledMatrixPower(base: Float64Array, m: number, power: number): { matrix: Float64Array; log2Scale: number } {
  let result: Float64Array | undefined;
  let resultScale = 0;
  let square = base;
  let squareScale = 0;
  let remaining = power;
  while (remaining > 0) {
    if (remaining % 2 === 1) {
      if (result === undefined) {
        result = square.slice();
        resultScale = squareScale;
      } else {
        result = multiply(result, square, m);
        resultScale += squareScale;
        resultScale += rescale(result);
      }
    }
    remaining = Math.floor(remaining / 2);
    if (remaining > 0) {
      square = multiply(square, square, m);
      squareScale *= 2;
      squareScale += rescale(square);
    }
  }
  return { matrix: result ?? identity(m), log2Scale: resultScale };
}

function identity(m: number): Float64Array {
  const I = new Float64Array(m * m);
  for (let i = 0; i < m; i++) I[i * m + i] = 1;
  return I;
}

function multiply(A: Float64Array, B: Float64Array, m: number): Float64Array {
  const C = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let l = 0; l < m; l++) {
      const a = A[i * m + l] ?? 0;
      if (a === 0) continue;
      for (let j = 0; j < m; j++) C[i * m + j] = (C[i * m + j] ?? 0) + a * (B[l * m + j] ?? 0);
    }
  }
  return C;
}

/** Scales the matrix back towards 1 when its largest entry leaves [2^-400, 2^400] (products stay finite). */
function rescale(A: Float64Array): number {
  let largest = 0;
  for (const v of A) largest = Math.max(largest, Math.abs(v));
  if (largest === 0) return 0;
  const exponent = Math.floor(Math.log2(largest));
  if (exponent < 400 && exponent > -400) return 0;
  const factor = Math.pow(2, -exponent);
  for (let i = 0; i < A.length; i++) A[i] = (A[i] ?? 0) * factor;
  return exponent;
}

/**
 * Pelz & Good (1976) asymptotic expansion P(D_n ≤ x) ≈ K0(z) + K1(z)/√n + K2(z)/n + K3(z)/n^{3/2}, z = x√n, with
 * each K_i written (after Jacobi theta transforms) as sums over q^{m²}, q = e^{−π²/(8z²)}, m odd, plus the
 * e^{−π²k²/(2z²)} sums of K2 and K3 (coefficients as given by Simard & L'Ecuyer 2011, eq. 11–14).
 */
function pelzGoodCdf(n: number, x: number): number {
  const z = Math.sqrt(n) * x;
  const z2 = z * z;
  const z4 = z2 * z2;
  const z6 = z4 * z2;
  const logQ = -PI2 / (8 * z2);
  if (logQ < -740) return 0;
  const PI4 = PI2 * PI2;
  const PI6 = PI4 * PI2;
  let k0 = 0;
  let k1 = 0;
  let k2 = 0;
  let k3 = 0;
  const terms = Math.ceil((16 * z) / Math.PI) + 1;
  for (let k = 1; k <= terms; k++) {
    const m = 2 * k - 1;
    const m2 = m * m;
    const w = Math.exp(logQ * m2);
    if (w === 0) break;
    k0 += w;
    k1 += w * ((PI2 * m2) / 4 - z2);
    k2 += w * (6 * z6 + 2 * z4 + ((2 * z4 - 5 * z2) * PI2 * m2) / 4 + (PI4 * (1 - 2 * z2) * m2 * m2) / 16);
    k3 +=
      w *
      (-30 * z6 -
        90 * z6 * z2 +
        (PI2 * (135 * z4 - 96 * z6) * m2) / 4 +
        (PI4 * (-60 * z2 + 212 * z4) * m2 * m2) / 16 +
        (PI6 * (5 - 30 * z2) * m2 * m2 * m2) / 64);
  }
  k0 *= SQRT_2PI / z;
  k1 *= SQRT_2PI / (6 * z4);
  k2 *= SQRT_2PI / (72 * z6 * z);
  k3 *= SQRT_2PI / (6480 * z6 * z4);
  let extra2 = 0;
  let extra3 = 0;
  for (let k = 1; k <= terms; k++) {
    const w = Math.exp((-PI2 * k * k) / (2 * z2));
    if (w === 0) break;
    extra2 += k * k * w;
    extra3 += (3 * z2 - PI2 * k * k) * k * k * w;
  }
  k2 -= (PI2 * SQRT_2PI * extra2) / (36 * z2 * z);
  k3 += (PI2 * SQRT_2PI * extra3) / (216 * z6);
  const sqrtN = Math.sqrt(n);
  return k0 + k1 / sqrtN + k2 / n + k3 / (n * sqrtN);
}
