import type { MetricRule } from '../config/types.js';
import type { MetricComparison, MetricDirection, MetricLabel, ParamChange, ScalarValue } from '../report/types.js';
import { labelChange } from '../significance/label-change.js';
import { metricDirection } from './direction.js';
import type { FlatValues } from './flatten.js';

/** A confidence interval of one metric's delta (candidate − baseline), e.g. from the paired bootstrap. */
export interface DeltaInterval {
  low: number;
  high: number;
  method: string;
  pValue?: number;
}

export interface MetricDiffOptions {
  /** `gate.metrics` from the config: where a metric's direction may be set. */
  rules?: Readonly<Record<string, MetricRule>>;
  /** Intervals for the deltas that have one (metrics computed from paired predictions). */
  intervals?: ReadonlyMap<string, DeltaInterval>;
}

/**
 * Compares two flat metrics files key by key. Only numeric values are metrics: a key that is not a
 * number on either side (a model name, a flag) is left out, and a side whose value is not a number
 * counts as absent. `baseline` is null on the first run, when every metric is `new`.
 *
 * Labels: `new`/`removed` when one side is absent; with an interval, `labelChange` decides
 * improved / regressed / within-noise / unchanged (any change the interval excludes zero for counts);
 * without one, the point estimate does. A non-finite candidate (NaN, ±∞) is `regressed` and a
 * non-finite baseline with a finite candidate `improved`; both non-finite (∞ vs ∞) is `undefined`;
 * their delta and relative change are null. A metric whose direction is unknown reads `changed`.
 */
export function diffMetrics(
  baseline: FlatValues | null,
  candidate: FlatValues,
  { rules = {}, intervals }: MetricDiffOptions = {},
): MetricComparison[] {
  const keys = [...new Set([...candidate.keys(), ...(baseline?.keys() ?? [])])];
  const comparisons: MetricComparison[] = [];
  for (const name of keys) {
    const before = numeric(baseline?.get(name));
    const after = numeric(candidate.get(name));
    if (before === null && after === null) continue;
    const interval = intervals?.get(name);
    comparisons.push(compareMetric(name, metricDirection(name, rules), before, after, interval));
  }
  return comparisons;
}

/** One metric's comparison; exported for callers that compute metrics themselves (e.g. per slice). */
export function compareMetric(
  name: string,
  direction: MetricDirection,
  baseline: number | null,
  candidate: number | null,
  interval?: DeltaInterval,
): MetricComparison {
  const bothFinite = baseline !== null && candidate !== null && Number.isFinite(baseline) && Number.isFinite(candidate);
  const delta = bothFinite ? candidate - baseline : null;
  const relative = delta !== null && baseline !== 0 ? delta / Math.abs(baseline as number) : null;
  return {
    name,
    direction,
    baseline,
    candidate,
    delta,
    relative,
    ...(interval && delta !== null ? { ci: { low: interval.low, high: interval.high, method: interval.method } } : {}),
    ...(interval?.pValue !== undefined && delta !== null ? { pValue: interval.pValue } : {}),
    label: label(direction, baseline, candidate, delta, interval),
    ...(bothNonFinite(baseline, candidate) && {
      note: `both values are not finite numbers (baseline ${baseline}, candidate ${candidate})`,
    }),
  };
}

function bothNonFinite(baseline: number | null, candidate: number | null): boolean {
  return baseline !== null && candidate !== null && !Number.isFinite(baseline) && !Number.isFinite(candidate);
}

function label(
  direction: MetricDirection,
  baseline: number | null,
  candidate: number | null,
  delta: number | null,
  interval: DeltaInterval | undefined,
): MetricLabel {
  if (baseline === null) return 'new';
  if (candidate === null) return 'removed';
  if (bothNonFinite(baseline, candidate)) return 'undefined';
  if (!Number.isFinite(candidate)) return direction === 'unknown' ? 'changed' : 'regressed';
  if (delta === null) return direction === 'unknown' ? 'changed' : 'improved';
  if (interval) return labelChange({ delta, ci: [interval.low, interval.high], direction });
  if (delta === 0) return 'unchanged';
  if (direction === 'unknown') return 'changed';
  return (direction === 'higher') === delta > 0 ? 'improved' : 'regressed';
}

function numeric(value: ScalarValue | undefined): number | null {
  return typeof value === 'number' ? value : null;
}

/**
 * Parameters that differ between the two runs: changed, added (baseline `null`) and removed
 * (candidate `null`), in candidate order then removed ones; equal values are left out. With no
 * baseline (first run) every parameter is added.
 */
export function diffParams(baseline: FlatValues | null, candidate: FlatValues): ParamChange[] {
  const changes: ParamChange[] = [];
  for (const [name, value] of candidate) {
    const before = baseline?.has(name) ? (baseline.get(name) as ScalarValue) : undefined;
    if (before !== undefined && sameSetting(before, value)) continue;
    changes.push({ name, baseline: before ?? null, candidate: value });
  }
  for (const [name, value] of baseline ?? []) {
    if (!candidate.has(name)) changes.push({ name, baseline: value, candidate: null });
  }
  return changes;
}

/** NaN equals NaN here: it is the same setting written twice. */
function sameSetting(a: ScalarValue, b: ScalarValue): boolean {
  return a === b || (typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b));
}
