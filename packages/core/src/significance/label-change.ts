export type ChangeLabel = 'improved' | 'regressed' | 'within-noise' | 'unchanged' | 'changed';

export interface ChangeInput {
  /** candidate − baseline. */
  delta: number;
  /** Confidence interval of the delta. */
  ci: readonly [number, number];
  /** Whether a higher or a lower metric is better; `unknown` labels a significant change `changed`. */
  direction: 'higher' | 'lower' | 'unknown';
  /**
   * Smallest change that matters (≥ 0, in metric units). A change counts as improved/regressed only
   * when the whole interval lies beyond ±minEffect on that side. Default 0.
   */
  minEffect?: number;
}

/**
 * 'unchanged' when the delta and its interval are exactly 0 (identical predictions); 'improved' or
 * 'regressed' when the interval excludes the region [−minEffect, minEffect] on the good or bad
 * side ('changed' on either side when the direction is unknown); 'within-noise' otherwise (also when
 * the interval is undefined).
 */
export function labelChange({ delta, ci, direction, minEffect = 0 }: ChangeInput): ChangeLabel {
  if (!(minEffect >= 0)) throw new RangeError(`minEffect must be a non-negative number, got ${minEffect}`);
  const [lo, hi] = ci;
  if (delta === 0 && lo === 0 && hi === 0) return 'unchanged';
  if (Number.isNaN(lo) || Number.isNaN(hi)) return 'within-noise';
  if (direction === 'unknown') return lo > minEffect || hi < -minEffect ? 'changed' : 'within-noise';
  const sign = direction === 'higher' ? 1 : -1;
  const goodLow = Math.min(sign * lo, sign * hi);
  const goodHigh = Math.max(sign * lo, sign * hi);
  if (goodLow > minEffect) return 'improved';
  if (goodHigh < -minEffect) return 'regressed';
  return 'within-noise';
}
