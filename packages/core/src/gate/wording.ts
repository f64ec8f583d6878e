import type { Tolerance } from '../config/types.js';
import { formatConfidence, formatNumber, formatPercent } from '../render/format.js';
import type { Direction, MetricComparison } from '../report/types.js';

/** A number as people read it, with a real minus sign: `−0.045`. */
export function num(value: number): string {
  return value < 0 ? `−${formatNumber(-value)}` : formatNumber(value);
}

/** A bound of an interval, signed: `−0.045`, `+0.002`. */
function signed(value: number): string {
  return value > 0 ? `+${num(value)}` : num(value);
}

/** `recall fell by 0.031 (95% CI −0.045 to −0.017)`. */
export function describeChange(comparison: MetricComparison, delta: number, confidence: number): string {
  const change = delta === 0 ? 'did not change' : `${delta < 0 ? 'fell' : 'rose'} by ${num(Math.abs(delta))}`;
  const { ci } = comparison;
  const interval = ci ? ` (${formatConfidence(confidence)} CI ${signed(ci.low)} to ${signed(ci.high)})` : '';
  return `${comparison.name} ${change}${interval}`;
}

/** `0.01`, or `1% (0.0088)` for a tolerance relative to the baseline. */
export function describeAllowance(tolerance: Tolerance, allowed: number): string {
  return tolerance.kind === 'absolute' ? num(allowed) : `${formatPercent(tolerance.value)} (${num(allowed)})`;
}

/**
 * A change described by how much worse it is (`regression` > 0 is worse): `a fall of 0.016` for a
 * higher-is-better metric, `a rise of 0.016` for a lower-is-better one, and the opposite word for
 * an improvement.
 */
export function describeMove(direction: Direction, regression: number): string {
  if (regression === 0) return 'no change';
  const falls = (direction === 'higher') === regression > 0;
  return `a ${falls ? 'fall' : 'rise'} of ${num(Math.abs(regression))}`;
}
