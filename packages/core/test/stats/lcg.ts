/**
 * Deterministic samples shared with the Python reference generators (test/reference/stats_common.py): a 32-bit LCG
 * with Numerical Recipes constants; k/2^32 and sums of two such values are exact doubles, so both languages produce
 * bit-identical data.
 */
export interface SampleSpec {
  kind: 'sum2' | 'int';
  n: number;
  seed: number;
  shift?: number;
  levels?: number;
}

export function sampleFrom(spec: SampleSpec): Float64Array {
  let state = spec.seed >>> 0;
  const next = (): number => {
    state = (Math.imul(1664525, state) + 1013904223) >>> 0;
    return state / 4294967296;
  };
  const out = new Float64Array(spec.n);
  for (let i = 0; i < spec.n; i++) {
    const shift = spec.shift ?? 0;
    out[i] = spec.kind === 'sum2' ? next() + next() + shift : Math.floor(next() * (spec.levels ?? 1)) + shift;
  }
  return out;
}
