/**
 * Standard normal distribution with full relative precision in both tails (the p-values of paired tests and of
 * z-statistics land far in the tails on large datasets).
 */

const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);
/** Below this |x| the upper tail is ½ − (Φ(x) − ½) with at most ~2e-14 relative cancellation. */
const SERIES_LIMIT = 2.5;

/**
 * Density φ(x). e^{−x²/2} is evaluated as e^{−xh²/2}·e^{−(x−xh)(x+xh)/2} with xh = x rounded to 1/256 (xh² is
 * exact), so the rounding of x² does not cost ~x²·ε of relative accuracy in the tails (the trick of Cody's erfc).
 */
export function normalPdf(x: number): number {
  const ax = Math.abs(x);
  if (ax > 40) return ax === Infinity ? 0 : Math.exp(-0.5 * ax * ax) * INV_SQRT_2PI;
  const xh = Math.round(ax * 256) / 256;
  return Math.exp(-0.5 * xh * xh) * Math.exp(-0.5 * (ax - xh) * (ax + xh)) * INV_SQRT_2PI;
}

/** Upper tail Q(x) = P(Z > x). */
export function normalSf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x === Infinity) return 0;
  if (x < 0) return 1 - normalSf(-x);
  if (x < SERIES_LIMIT) return 0.5 - normalPdf(x) * centralSeries(x);
  return normalPdf(x) * millsRatio(x);
}

/** Lower tail Φ(x) = P(Z ≤ x). */
export function normalCdf(x: number): number {
  return normalSf(-x);
}

/**
 * Φ(x) − ½ = φ(x)·Σ_{n≥0} x^{2n+1}/(1·3·5·…·(2n+1)) (Marsaglia 2004, "Evaluating the Normal Distribution"): all
 * terms are positive, so no cancellation.
 */
function centralSeries(x: number): number {
  const x2 = x * x;
  let term = x;
  let sum = x;
  for (let k = 3; k < 500; k += 2) {
    term *= x2 / k;
    sum += term;
    if (term < sum * 1e-17) break;
  }
  return sum;
}

/**
 * Mills ratio Q(x)/φ(x) = 1/(x+ 1/(x+ 2/(x+ 3/(x+ …)))) (Laplace's continued fraction), by modified Lentz.
 */
function millsRatio(x: number): number {
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let k = 1; k < 5000; k++) {
    d = x + k * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = x + k / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return 1 / f;
}

/** Quantile Φ⁻¹(p). For an upper-tail probability use `normalIsf`, which keeps precision near p = 1. */
export function normalPpf(p: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  return p < 0.5 ? -upperTailQuantile(p) : upperTailQuantile(1 - p);
}

/** Inverse survival function: the x with Q(x) = q. */
export function normalIsf(q: number): number {
  if (Number.isNaN(q) || q < 0 || q > 1) return NaN;
  if (q === 0) return Infinity;
  if (q === 1) return -Infinity;
  return q <= 0.5 ? upperTailQuantile(q) : -upperTailQuantile(1 - q);
}

/**
 * x ≥ 0 with Q(x) = q for 0 < q ≤ ½: the rational start of Abramowitz & Stegun 26.2.23 (|error| < 4.5e-4), then
 * Halley steps on the accurate Q (cubic convergence: two or three steps reach full precision).
 */
function upperTailQuantile(q: number): number {
  if (q === 0.5) return 0;
  const t = Math.sqrt(-2 * Math.log(q));
  let x = t - (2.515517 + t * (0.802853 + t * 0.010328)) / (1 + t * (1.432788 + t * (0.189269 + t * 0.001308)));
  for (let i = 0; i < 6; i++) {
    const density = normalPdf(x);
    if (density === 0) break;
    const u = (normalSf(x) - q) / density;
    const step = u / (1 - 0.5 * x * u);
    x += step;
    if (Math.abs(step) <= 1e-15 * Math.abs(x)) break;
  }
  return x;
}
