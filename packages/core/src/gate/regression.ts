import type { SignificanceMode, Tolerance } from '../config/types.js';
import type { Direction, MetricComparison, Status } from '../report/types.js';
import { describeAllowance, describeChange, describeMove } from './wording.js';

export interface RegressionJudgement {
  status: Status;
  /** Point regression minus the allowance, in metric units: > 0 is beyond it. Orders slices worst first. */
  excess: number;
  message: string;
}

/** Float noise such as 0.9 − 0.895 = 0.005000000000000004 must not turn "exactly the allowance" into a failure. */
const RELATIVE_SLACK = 1e-9;

/**
 * Judges one metric's change against `max_regression`. The regression is the change in the bad
 * direction (a fall for higher-is-better, a rise for lower-is-better); the allowance is the
 * tolerance in metric units (`1%` → 1% of |baseline|). A regression exactly at the allowance is
 * within it. With an interval, the mode decides how it is read:
 *
 * - `regression` (the default): the interval's most favourable end — the smallest regression the
 *   data are consistent with — decides. Beyond the allowance, the change fails: it regresses beyond
 *   the tolerance with the interval's confidence (a two-sided 95% interval makes that claim at
 *   97.5% one-sided, so "≥ 95%" holds). A point regression beyond the allowance whose interval
 *   reaches back inside it is a warning that says so; within the allowance it passes.
 * - `non_inferiority`: the interval's least favourable end — the largest regression the data are
 *   consistent with — must be within the allowance to pass; anything else fails, also without an
 *   interval (nothing then shows non-inferiority).
 * - `none`, or no interval in `regression` mode (metrics files): the point estimate decides.
 *
 * `comparison` must have finite baseline and candidate values (a non-null delta) and a known direction.
 */
export function judgeRegression(
  comparison: MetricComparison & { baseline: number; delta: number; direction: Direction },
  tolerance: Tolerance,
  mode: SignificanceMode,
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
  const judged = (status: Status, message: string): RegressionJudgement => ({ status, excess, message });
  const move = (regressionAmount: number) => describeMove(direction, regressionAmount);

  if (mode === 'non_inferiority') {
    if (!ci) {
      return judged(
        'fail',
        `${change}: non-inferiority needs a confidence interval, and metrics files have none (compare predictions instead)`,
      );
    }
    const worst = Math.max(bad(ci.low), bad(ci.high));
    if (beyond(worst)) {
      return judged(
        'fail',
        `${change}: non-inferiority is not shown, the interval reaches ${move(worst)}, beyond the allowed ${allowance}`,
      );
    }
    return judged(
      'pass',
      `${change}: non-inferior, even the interval's worst case (${move(worst)}) is within the allowed ${allowance}`,
    );
  }
  if (!beyond(regression)) {
    const verdict = regression > 0 ? `within the allowed ${allowance}` : `no regression (allowed ${allowance})`;
    return judged('pass', `${change}, ${verdict}`);
  }
  if (mode === 'none') return judged('fail', `${change}, more than the allowed ${allowance}`);
  if (!ci) {
    return judged(
      'fail',
      `${change}, more than the allowed ${allowance} (no confidence interval, so the point estimate decides)`,
    );
  }
  const least = Math.min(bad(ci.low), bad(ci.high));
  if (beyond(least)) {
    return judged(
      'fail',
      `${change}, more than the allowed ${allowance}, and significantly: even the interval's most favourable end is ${move(least)}`,
    );
  }
  return judged(
    'warn',
    `${change}, beyond the allowed ${allowance}, but not significantly: the interval reaches ${move(least)}`,
  );
}
