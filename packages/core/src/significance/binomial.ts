import type { Xoshiro128 } from './prng.js';

/**
 * Exact Binomial(n, p) variate from `rng`: inversion (sequential search from 0) when n·min(p, 1−p)
 * is below 10, otherwise BTRD, Hörmann's transformed rejection with decomposition ("The generation
 * of binomial random variates", J. Stat. Comput. Simul. 46, 1993). Both are exact up to floating
 * point, and each call consumes a deterministic number of outputs for a given stream, so draws
 * built from it are reproducible with the seed.
 */
export function binomial(rng: Xoshiro128, n: number, p: number): number {
  if (n === 0 || p <= 0) return 0;
  if (p >= 1) return n;
  if (p > 0.5) return n - binomial(rng, n, 1 - p);
  return n * p < 10 ? binomialInversion(rng, n, p) : binomialBtrd(rng, n, p);
}

/** P(X = k) by the recurrence P(k)/P(k − 1) = (n + 1 − k)/k · p/q, walking up from P(0) = qⁿ. */
function binomialInversion(rng: Xoshiro128, n: number, p: number): number {
  const q = 1 - p;
  const odds = p / q;
  const start = Math.exp(n * Math.log1p(-p));
  for (;;) {
    let u = rng.nextOpenDouble();
    let k = 0;
    let pk = start;
    while (u > pk && k < n) {
      u -= pk;
      k++;
      pk *= ((n + 1 - k) / k) * odds;
    }
    // Rounding can leave u above the total mass; restarting keeps the draw exact instead of clamping.
    if (u <= pk) return k;
  }
}

function binomialBtrd(rng: Xoshiro128, n: number, p: number): number {
  const q = 1 - p;
  const mode = Math.floor((n + 1) * p);
  const odds = p / q;
  const nOdds = (n + 1) * odds;
  const npq = n * p * q;
  const spq = Math.sqrt(npq);
  const b = 1.15 + 2.53 * spq;
  const a = -0.0873 + 0.0248 * b + 0.01 * p;
  const c = n * p + 0.5;
  const alpha = (2.83 + 5.1 / b) * spq;
  const vr = 0.92 - 4.2 / b;
  const urvr = 0.86 * vr;
  for (;;) {
    let v = rng.nextOpenDouble();
    let u: number;
    if (v <= urvr) {
      // Most draws: the triangular centre of the hat, accepted without evaluating the density.
      u = v / vr - 0.43;
      return Math.floor(((2 * a) / (0.5 - Math.abs(u)) + b) * u + c);
    }
    if (v >= vr) {
      u = rng.nextOpenDouble() - 0.5;
    } else {
      u = v / vr - 0.93;
      u = Math.sign(u) * 0.5 - u;
      v = rng.nextOpenDouble() * vr;
    }
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + c);
    if (k < 0 || k > n) continue;
    v = (v * alpha) / (a / (us * us) + b);
    const km = Math.abs(k - mode);
    if (km <= 15) {
      // Near the mode: the density ratio f(k)/f(mode) by its recurrence.
      let f = 1;
      for (let i = mode + 1; i <= k; i++) f *= nOdds / i - odds;
      for (let i = k + 1; i <= mode; i++) v *= nOdds / i - odds;
      if (v <= f) return k;
      continue;
    }
    v = Math.log(v);
    const rho = (km / npq) * (((km / 3 + 0.625) * km + 1 / 6) / npq + 0.5);
    const t = (-km * km) / (2 * npq);
    if (v < t - rho) return k;
    if (v > t + rho) continue;
    const nm = n - mode + 1;
    const h = (mode + 0.5) * Math.log((mode + 1) / (odds * nm)) + stirlingTail(mode) + stirlingTail(n - mode);
    const nk = n - k + 1;
    const bound =
      h +
      (n + 1) * Math.log(nm / nk) +
      (k + 0.5) * Math.log((nk * odds) / (k + 1)) -
      stirlingTail(k) -
      stirlingTail(n - k);
    if (v <= bound) return k;
  }
}

const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

/** log k! − [(k + ½)·log(k + 1) − (k + 1) + ½·log 2π], exact (via log k!) for small k where the series is poor. */
const SMALL_TAILS = Array.from({ length: 10 }, (_, k) => {
  let logFactorial = 0;
  for (let i = 2; i <= k; i++) logFactorial += Math.log(i);
  return logFactorial - ((k + 0.5) * Math.log(k + 1) - (k + 1) + HALF_LOG_2PI);
});

function stirlingTail(k: number): number {
  if (k < 10) return SMALL_TAILS[k] as number;
  const inv = 1 / (k + 1);
  const inv2 = inv * inv;
  return (1 / 12 - (1 / 360 - inv2 / 1260) * inv2) * inv;
}

/**
 * Multinomial(total; sizes[k] / Σ sizes) into `out`, by sequential conditional binomials: category
 * k gets Binomial(draws left, sizes[k] / sizes left). This is exactly the distribution of how many
 * of `total` uniform draws over Σ sizes items land in each category.
 */
export function multinomial(rng: Xoshiro128, total: number, sizes: Float64Array, out: Float64Array): void {
  let itemsLeft = 0;
  for (const s of sizes) itemsLeft += s;
  let drawsLeft = total;
  for (let k = 0; k < sizes.length; k++) {
    const size = sizes[k] as number;
    const drawn = drawsLeft === 0 ? 0 : binomial(rng, drawsLeft, size / itemsLeft);
    out[k] = drawn;
    drawsLeft -= drawn;
    itemsLeft -= size;
  }
}
