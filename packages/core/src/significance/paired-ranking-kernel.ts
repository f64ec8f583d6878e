import type { ClassLabels } from '../metrics/types.js';
import type { PairedStatistic, PairedValues } from './paired-statistic.js';
import type { ResampleCounts } from './resample.js';
import { WASM_BASE64 } from './wasm/ranking-wasm.js';
import { instantiate, WASM_PAGE_BYTES, type WasmMemory } from './wasm/instantiate.js';

interface SweepExports {
  memory: WasmMemory;
  gather(n: number, src: number, index: number, dst: number): void;
  sweep(n: number, weight: number, mask: number, end: number, out: number): void;
  average_precision(n: number, weight: number, mask: number, end: number, out: number): void;
}

/** The ranking metrics the kernel computes. */
export type RankingMetric = 'roc_auc' | 'average_precision';

/**
 * Both models' resampled ROC AUC or average precision from draw counts by position in the
 * candidate's ascending score order: the candidate's pass reads the counts in order, the
 * baseline's after one gather through a permutation. The passes run in WebAssembly (ranking.wat)
 * on integer counts, so the values equal the weighted metrics on the resample bit for bit. Counts
 * must fit a byte (the bootstrap's fast path); the caller handles wider ones.
 */
export class PairedRankingKernel {
  private readonly wasm: SweepExports;
  private readonly n: number;
  private readonly drawn: Uint8Array;
  private readonly layout: ReturnType<typeof layoutFor>;
  private readonly out: Float64Array;

  constructor(
    yTrue: ClassLabels,
    posLabel: number,
    candidate: Float64Array,
    candidateOrder: Int32Array,
    baseline: Float64Array,
    baselineOrder: Int32Array,
  ) {
    const n = yTrue.length;
    this.n = n;
    this.layout = layoutFor(n);
    this.wasm = instantiate<SweepExports>(WASM_BASE64);
    const { memory } = this.wasm;
    const missing = this.layout.bytes - memory.buffer.byteLength;
    if (missing > 0) memory.grow(Math.ceil(missing / WASM_PAGE_BYTES));
    const { buffer } = memory;
    const at = this.layout;
    this.drawn = new Uint8Array(buffer, at.drawn, n);
    this.out = new Float64Array(buffer, at.out, 3);
    const bytes = (offset: number) => new Uint8Array(buffer, offset, n);
    fillSorted(yTrue, posLabel, candidate, candidateOrder, bytes(at.candidateMask), bytes(at.candidateEnd));
    fillSorted(yTrue, posLabel, baseline, baselineOrder, bytes(at.baselineMask), bytes(at.baselineEnd));
    const positionOf = new Int32Array(n);
    for (let k = 0; k < n; k++) positionOf[candidateOrder[k] as number] = k;
    const baselineToCandidate = new Int32Array(buffer, at.baselineToCandidate, n);
    for (let k = 0; k < n; k++) baselineToCandidate[k] = positionOf[baselineOrder[k] as number] as number;
  }

  evaluate(metric: RankingMetric, drawn: Uint8Array): PairedValues {
    const { wasm, n, layout: at } = this;
    this.drawn.set(drawn);
    const candidate = this.score(metric, at.drawn, at.candidateMask, at.candidateEnd);
    wasm.gather(n, at.drawn, at.baselineToCandidate, at.gathered);
    return { candidate, baseline: this.score(metric, at.gathered, at.baselineMask, at.baselineEnd) };
  }

  private score(metric: RankingMetric, weight: number, mask: number, end: number): number {
    const { wasm, n, out, layout: at } = this;
    if (metric === 'average_precision') {
      wasm.average_precision(n, weight, mask, end, at.out);
      return n === 0 ? NaN : (out[0] as number);
    }
    wasm.sweep(n, weight, mask, end, at.out);
    const positives = out[0] as number;
    const negatives = out[1] as number;
    const pairs = (out[2] as number) / 2;
    return positives > 0 && negatives > 0 ? pairs / (positives * negatives) : NaN;
  }
}

/** Byte offsets in the kernel's memory: six byte arrays, the i32 permutation, three f64 results. */
function layoutFor(n: number) {
  const index = align(6 * n, 8);
  const out = align(index + 4 * n, 8);
  return {
    drawn: 0,
    gathered: n,
    candidateMask: 2 * n,
    candidateEnd: 3 * n,
    baselineMask: 4 * n,
    baselineEnd: 5 * n,
    baselineToCandidate: index,
    out,
    bytes: out + 3 * 8,
  };
}

function align(offset: number, to: number): number {
  return Math.ceil(offset / to) * to;
}

/** Per sorted position: 0xff for a positive example (else 0), and 1 where a run of equal scores ends. */
function fillSorted(
  yTrue: ClassLabels,
  posLabel: number,
  scores: Float64Array,
  order: Int32Array,
  mask: Uint8Array,
  end: Uint8Array,
): void {
  const n = order.length;
  for (let k = 0; k < n; k++) {
    const i = order[k] as number;
    mask[k] = yTrue[i] === posLabel ? 0xff : 0;
    end[k] = k === n - 1 || scores[order[k + 1] as number] !== scores[i] ? 1 : 0;
  }
}

/** Both models' ascending score orders (ties in index order). */
export interface RankingOrders {
  candidateOrder: Int32Array;
  baselineOrder: Int32Array;
}

/**
 * A paired ranking statistic. Per-example counts go to `byCounts` (plain loops, any count width);
 * the bootstrap draws by position in the candidate's ascending order (`drawOrder`) and those go to
 * the kernel, built on first use, unless a count is too wide for its bytes.
 */
export function pairedRanking(
  metric: RankingMetric,
  yTrue: ClassLabels,
  posLabel: number,
  candidate: Float64Array,
  baseline: Float64Array,
  orders: RankingOrders,
  byCounts: (counts: ResampleCounts) => PairedValues,
): PairedStatistic {
  const { candidateOrder, baselineOrder } = orders;
  let kernel: PairedRankingKernel | undefined;
  const evaluateDrawn = (drawn: ResampleCounts): PairedValues => {
    if (drawn instanceof Uint32Array) {
      // A count above 255 (next to impossible for n > 255).
      const counts = new Uint32Array(drawn.length);
      for (let k = 0; k < drawn.length; k++) counts[candidateOrder[k] as number] = drawn[k] as number;
      return byCounts(counts);
    }
    kernel ??= new PairedRankingKernel(yTrue, posLabel, candidate, candidateOrder, baseline, baselineOrder);
    return kernel.evaluate(metric, drawn);
  };
  return {
    size: yTrue.length,
    // Unit weights are the same in any order, so the original sample goes through the kernel too.
    evaluate: (counts?: ResampleCounts): PairedValues =>
      counts === undefined ? evaluateDrawn(new Uint8Array(yTrue.length).fill(1)) : byCounts(counts),
    drawOrder: candidateOrder,
    evaluateDrawn,
  };
}
