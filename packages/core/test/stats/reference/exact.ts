/**
 * Reference values computed independently of the code under test: textbook formulas written out, and exact
 * enumeration in BigInt arithmetic. Nothing here shares code with packages/core/src/stats.
 */

/**
 * Yates-corrected χ² of a 2×2 table by the textbook formula, written out independently of `chiSquareTable`:
 * Σ (|O − E| − min(½, |O − E|))² / E with E = row·column/N (the min is scipy's gh-13875 rule).
 */
export function yatesByHand(table: number[][]): number {
  const [[a, b], [c, d]] = table as [[number, number], [number, number]];
  const n = a + b + c + d;
  const cells = [
    [a, ((a + b) * (a + c)) / n],
    [b, ((a + b) * (b + d)) / n],
    [c, ((c + d) * (a + c)) / n],
    [d, ((c + d) * (b + d)) / n],
  ];
  return cells.reduce((sum, [o, e]) => {
    const gap = Math.abs(o! - e!);
    return sum + (gap - Math.min(0.5, gap)) ** 2 / e!;
  }, 0);
}

/**
 * Fisher's two-sided p-value by brute force in exact rational arithmetic: every table with the same margins, its
 * hypergeometric probability C(r₁, x)·C(r₂, c₁ − x)/C(N, c₁) as a BigInt fraction, summing those not more probable
 * than the observed one (exact comparison, so no tolerance is needed).
 */
export function fisherByEnumeration(table: number[][]): number {
  const [[a, b], [c, d]] = table as [[number, number], [number, number]];
  const choose = (n: number, k: number): bigint => {
    if (k < 0 || k > n) return 0n;
    let result = 1n;
    for (let i = 1; i <= k; i++) result = (result * BigInt(n - k + i)) / BigInt(i);
    return result;
  };
  const r1 = a + b;
  const r2 = c + d;
  const c1 = a + c;
  const weight = (x: number) => choose(r1, x) * choose(r2, c1 - x);
  const observed = weight(a);
  let tail = 0n;
  for (let x = 0; x <= c1; x++) if (weight(x) <= observed) tail += weight(x);
  const total = choose(r1 + r2, c1);
  // 64 significant bits of the quotient, far beyond a double's 53.
  const shift = 64 + total.toString(2).length - tail.toString(2).length;
  return Number((tail << BigInt(shift)) / total) * 2 ** -shift;
}
