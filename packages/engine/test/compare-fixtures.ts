/**
 * Paired predictions for compare tests: binary labels with a baseline that is right on a fixed set
 * of examples, and a candidate that differs from it on exactly the examples asked for, so the
 * accuracy change and its spread are known by construction.
 */
export interface PairedPredictions {
  baseline: string;
  candidate: string;
}

export interface PairedOptions {
  rows: number;
  /** Examples the baseline gets wrong, out of `rows`. */
  baselineWrong: number;
  /** Of the examples the baseline gets right, how many the candidate gets wrong. */
  newlyWrong: number;
  /** Of the examples the baseline gets wrong, how many the candidate gets right. */
  newlyRight: number;
}

/** CSV text `id,label,prediction,segment`; `segment` alternates `a`/`b` for slice tests. */
export function pairedPredictions({ rows, baselineWrong, newlyWrong, newlyRight }: PairedOptions): PairedPredictions {
  const header = 'id,label,prediction,segment';
  const baseline = [header];
  const candidate = [header];
  for (let i = 0; i < rows; i++) {
    const label = i % 2;
    const baseRight = i >= baselineWrong;
    const flipped = baseRight ? i - baselineWrong < newlyWrong : i < newlyRight;
    const candRight = flipped ? !baseRight : baseRight;
    const segment = i % 4 < 2 ? 'a' : 'b';
    baseline.push(`ex${i},${label},${baseRight ? label : 1 - label},${segment}`);
    candidate.push(`ex${i},${label},${candRight ? label : 1 - label},${segment}`);
  }
  return { baseline: `${baseline.join('\n')}\n`, candidate: `${candidate.join('\n')}\n` };
}

/** Accuracy may fall by at most 0.01, judged with the interval (the default `require_significance`). */
export const ACCURACY_GATE = `version: 1
gate:
  metrics:
    accuracy:
      max_regression: 0.01
`;

/** A drop of 0.1 (44 examples newly wrong, 4 newly right out of 400): far beyond 0.01 and significant. */
export const SIGNIFICANT_DROP: PairedOptions = { rows: 400, baselineWrong: 40, newlyWrong: 44, newlyRight: 4 };

/** A drop of 0.0125 (9 newly wrong, 4 newly right): beyond 0.01 as a point, but its interval reaches past zero. */
export const NOISY_DROP: PairedOptions = { rows: 400, baselineWrong: 40, newlyWrong: 9, newlyRight: 4 };
