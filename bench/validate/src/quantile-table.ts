/**
 * Samples a continuous distribution by inverse transform without a transcendental call per draw:
 * the quantile function is tabulated at 65,536 + 1 points and interpolated linearly using the low
 * 16 bits of the uniform draw. The extreme tails are clipped at the 1/131,072 quantiles, which a
 * benchmark data set does not miss.
 */
export class QuantileTable {
  private readonly table = new Float64Array(65537);

  constructor(quantile: (p: number) => number) {
    for (let i = 0; i <= 65536; i++) this.table[i] = quantile(Math.min(Math.max(i / 65536, 2 ** -17), 1 - 2 ** -17));
  }

  sample(u32: number): number {
    const i = u32 >>> 16;
    const lo = this.table[i] as number;
    return lo + ((this.table[i + 1] as number) - lo) * ((u32 & 0xffff) / 65536);
  }
}

const A = [
  -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239,
];
const B = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155833025];
const C = [
  -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549671180908297, 4.374664141464968,
  2.938163982698783,
];
const D = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];

const poly = (coefficients: number[], x: number): number => coefficients.reduce((acc, c) => acc * x + c, 0);

/** Standard normal quantile by Acklam's rational approximation (within 2e-5 of the exact value; ample for synthetic data). */
export function normalQuantile(p: number): number {
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return poly(C, q) / (poly(D, q) * q + 1);
  }
  if (p > 1 - low) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return (poly(A, r) * q) / (poly(B, r) * r + 1);
}
