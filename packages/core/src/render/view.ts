import { bySeverityDescending } from '../report/status.js';
import type {
  CheckResult,
  ColumnDrift,
  ComparisonSection,
  MetricComparison,
  ParamChange,
  Reason,
  SliceComparison,
} from '../report/types.js';

/**
 * The orderings both renderers share, so the comment and the terminal tell the same story: the
 * worst first, everything else in the order the report gives it.
 */
export function checksWorstFirst(checks: readonly CheckResult[]): CheckResult[] {
  return [...checks].sort((a, b) => bySeverityDescending(a.status, b.status));
}

export function reasonsWorstFirst(reasons: readonly Reason[]): Reason[] {
  return [...reasons].sort((a, b) => bySeverityDescending(a.status, b.status));
}

/** Drifted columns first, then by how far the effect is past (or short of) its threshold. */
export function driftWorstFirst(columns: readonly ColumnDrift[]): ColumnDrift[] {
  const excess = (column: ColumnDrift): number =>
    column.effect.threshold > 0 ? column.effect.value / column.effect.threshold : column.effect.value;
  return [...columns].sort((a, b) => Number(b.drifted) - Number(a.drifted) || excess(b) - excess(a));
}

/** The test as both renderers show it: the configured test, and how its p-value came about when that matters. */
export function driftTestLabel(column: ColumnDrift): string {
  switch (column.method) {
    case 'chi2-yates':
      return `${column.test} (Yates)`;
    case 'fisher-exact':
      return `${column.test} (Fisher's exact p)`;
    case 'ks-exact':
      return `${column.test} (exact p)`;
    case 'none':
      return `${column.test} (nothing to compare)`;
    default:
      return column.test;
  }
}

/** A drift figure, or its bounds when the profiles could only bound it: `0.0123–0.0131`. */
export function driftFigure(
  value: number,
  bounds: readonly [number, number] | undefined,
  format: (v: number) => string,
): string {
  if (!bounds || bounds[0] === bounds[1]) return format(value);
  return `${format(bounds[0])}–${format(bounds[1])}`;
}

/**
 * How much better the candidate is, as a fraction of the baseline, whatever the metric's direction:
 * negative means worse. Falls back to the absolute change when there is no relative one.
 */
export function improvement(metric: MetricComparison): number {
  const change = metric.relative ?? metric.delta;
  if (change === null) return 0;
  return metric.direction === 'higher' ? change : -change;
}

/** Slices with a regression first, the one that got worst at the top. */
export function slicesWorstFirst(slices: readonly SliceComparison[]): SliceComparison[] {
  const regressed = (slice: SliceComparison): boolean => slice.metrics.some((metric) => metric.label === 'regressed');
  const worst = (slice: SliceComparison): number => Math.min(0, ...slice.metrics.map(improvement));
  return [...slices].sort((a, b) => Number(regressed(b)) - Number(regressed(a)) || worst(a) - worst(b));
}

export function changedParams(section: ComparisonSection): ParamChange[] {
  return (section.params ?? []).filter((param) => param.baseline !== param.candidate);
}
