import type { ClassLabels } from '../metrics/types.js';
import type { PairedValues } from './paired-statistic.js';
import { WASM_BASE64 } from './wasm/auc-sweep-wasm.js';
import { instantiate, WASM_PAGE_BYTES, type WasmMemory } from './wasm/instantiate.js';

interface SweepExports {
  memory: WasmMemory;
  gather(n: number, src: number, index: number, dst: number): void;
  sweep(n: number, weight: number, mask: number, end: number, out: number): void;
}

/**
 * Both models' resampled ROC AUC from draw counts by position in the candidate's ascending score
 * order: the candidate's pass reads the counts in order, the baseline's after one gather through a
 * permutation. The passes run in WebAssembly (auc-sweep.wat) on integers, so the values equal the
 * weighted Mann–Whitney AUC on the resample bit for bit. Counts must fit a byte (the bootstrap's
 * fast path); the caller handles wider ones.
 */
export class PairedAucKernel {
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
    fillSorted(
      yTrue,
      posLabel,
      candidate,
      candidateOrder,
      new Uint8Array(buffer, at.candidateMask, n),
      new Uint8Array(buffer, at.candidateEnd, n),
    );
    fillSorted(
      yTrue,
      posLabel,
      baseline,
      baselineOrder,
      new Uint8Array(buffer, at.baselineMask, n),
      new Uint8Array(buffer, at.baselineEnd, n),
    );
    const positionOf = new Int32Array(n);
    for (let k = 0; k < n; k++) positionOf[candidateOrder[k] as number] = k;
    const baselineToCandidate = new Int32Array(buffer, at.baselineToCandidate, n);
    for (let k = 0; k < n; k++) baselineToCandidate[k] = positionOf[baselineOrder[k] as number] as number;
  }

  evaluate(drawn: Uint8Array): PairedValues {
    const { wasm, n, layout: at } = this;
    this.drawn.set(drawn);
    wasm.sweep(n, at.drawn, at.candidateMask, at.candidateEnd, at.out);
    const candidate = this.auc();
    wasm.gather(n, at.drawn, at.baselineToCandidate, at.gathered);
    wasm.sweep(n, at.gathered, at.baselineMask, at.baselineEnd, at.out);
    return { candidate, baseline: this.auc() };
  }

  private auc(): number {
    const positives = this.out[0] as number;
    const negatives = this.out[1] as number;
    const pairs = (this.out[2] as number) / 2;
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
