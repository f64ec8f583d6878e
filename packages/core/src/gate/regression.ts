import type { Tolerance } from '../config/types.js';
import type { MetricComparison, Status } from '../report/types.js';
import { describeAllowance, describeChange } from './wording.js';

export interface RegressionJudgement {
  status: Extract<Status, 'pass' | 'fail'>;
  /** Point regression minus the allowance, in metric units: > 0 is beyond it. Orders slices worst first. */
  excess: number;
  message: string;
}

/** Float noise such as 0.9 − 0.895 = 0.005000000000000004 must not turn "exactly the allowance" into a failure. */
const RELATIVE_SLACK = 1e-9;

/**
 * Judges one metric's change against `max_regression`. The regression is the change in the bad
 * direction (a fall for higher-is-better, a rise for lower-is-better); the allowance is the
 * tolerance in metric units (`1%` → 1% of |baseline|). A regression exactly at the allowance passes.
 *
 * Who decides:
 * - with `requireSignificance` and an interval: the interval's most favourable end, i.e. the
 *   smallest regression the data are consistent with. The change blocks only when even that is
 *   beyond the allowance: the regression exceeds the tolerance with the interval's confidence
 *   (a two-sided 95% interval makes that claim at 97.5% one-sided, so "≥ 95%" holds). A point
 *   estimate beyond the allowance whose interval reaches back inside it passes as within noise.
 * - otherwise (significance not required, or no interval because only metrics files were given):
 *   the point estimate.
 *
 * `comparison` must have finite baseline and candidate values (a non-null delta).
 */
export function judgeRegression(
  comparison: MetricComparison & { baseline: number; delta: number },
  tolerance: Tolerance,
  requireSignificance: boolean,
  confidence: number,
): RegressionJudgement {
  const { baseline, delta, direction, ci } = comparison;
  const bad = (change: number) => (direction === 'higher' ? -change : change);
  const regression = bad(delta);
  const allowed = tolerance.kind === 'absolute' ? tolerance.value : tolerance.value * Math.abs(baseline);
  const slack = RELATIVE_SLACK * Math.max(1, Math.abs(baseline), Math.abs(comparison.candidate ?? 0));
  const beyond = (amount: number) => amount > allowed + slack;
  const change = describeChange(comparison, delta, confidence);
  const allowance = describeAllowance(tolerance, allowed);
  const excess = regression - allowed;

  if (!beyond(regression)) {
    const verdict = regression > 0 ? `within the allowed ${allowance}` : `no regression (allowed ${allowance})`;
    return { status: 'pass', excess, message: `${change}, ${verdict}` };
  }
  if (!requireSignificance) {
    return { status: 'fail', excess, message: `${change}, more than the allowed ${allowance}` };
  }
  if (!ci) {
    return {
      status: 'fail',
      excess,
      message: `${change}, more than the allowed ${allowance} (no confidence interval, so the point estimate decides)`,
    };
  }
  const leastRegression = Math.min(bad(ci.low), bad(ci.high));
  if (beyond(leastRegression)) {
    return { status: 'fail', excess, message: `${change}, more than the allowed ${allowance}` };
  }
  return {
    status: 'pass',
    excess,
    message: `${change}: within noise, the interval does not rule out a regression within the allowed ${allowance}`,
  };
}
