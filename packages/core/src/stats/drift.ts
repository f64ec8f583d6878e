/** The drift verdict for one column: a change must be both statistically significant and large enough to matter. */
import { UserError } from '../errors.js';

export interface DriftInput {
  /** p-value of the column's test (KS, chi-square); NaN counts as "not significant". */
  pValue: number;
  /** Effect size on the scale of `effectThreshold` (normalised Wasserstein, Cramér's V, PSI, JS distance…). */
  effect: number;
  /** Significance level; default 0.05. */
  alpha?: number;
  effectThreshold: number;
}

export interface DriftDecision {
  drifted: boolean;
  /** p < alpha. */
  significant: boolean;
  /** effect ≥ effectThreshold. */
  material: boolean;
  /** One line explaining the verdict, for reports. */
  reason: string;
}

/**
 * Drifted only when p < alpha AND effect ≥ threshold: on millions of rows a trivial shift is "significant", and on a
 * handful of rows a large apparent shift may be noise; requiring both avoids both false alarms.
 */
export function decideDrift({ pValue, effect, alpha = 0.05, effectThreshold }: DriftInput): DriftDecision {
  if (!(alpha > 0 && alpha < 1)) throw new UserError(`drift alpha must be between 0 and 1 (got ${alpha})`);
  if (!(effectThreshold >= 0)) throw new UserError(`drift effect threshold must be ≥ 0 (got ${effectThreshold})`);
  const significant = pValue < alpha;
  const material = effect >= effectThreshold;
  const drifted = significant && material;
  const p = `p = ${formatNumber(pValue)} ${significant ? '<' : '≥'} ${alpha}`;
  const size = `effect ${formatNumber(effect)} ${material ? '≥' : '<'} ${effectThreshold}`;
  const reason = drifted
    ? `drifted: ${p} and ${size}`
    : !significant && !material
      ? `no drift: ${p} and ${size}`
      : significant
        ? `no drift: ${p} but ${size} (change too small to matter)`
        : `no drift: ${size} but ${p} (change not distinguishable from noise)`;
  return { drifted, significant, material, reason };
}

function formatNumber(v: number): string {
  if (Number.isNaN(v)) return 'n/a';
  return Math.abs(v) >= 1e-3 || v === 0 ? String(Number(v.toPrecision(3))) : v.toExponential(2);
}
