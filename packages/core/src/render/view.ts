import { bySeverityDescending } from '../report/status.js';
import type {
  CheckResult,
  HistoryVersion,
  ColumnDrift,
  ComparisonSection,
  MetricComparison,
  ParamChange,
  PredictionsReading,
  Reason,
  SliceComparison,
} from '../report/types.js';
import { formatCount, formatNumber } from './format.js';

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

const TASK_WORDS: Record<PredictionsReading['task'], string> = {
  binary: 'Binary classification',
  multiclass: 'Multiclass classification',
  regression: 'Regression',
};
const SCORE_WORDS: Record<NonNullable<PredictionsReading['scoreType']>, string> = {
  probability: 'probabilities',
  logit: 'logits',
  decision: 'decision values',
  unknown: 'not probabilities (only their order is used)',
};

/**
 * How a comparison read its predictions, in one sentence both renderers show: `Binary
 * classification (detected: text labels with 2 classes), positive class "churn" (configured),
 * scores: logits (configured), 6,000 examples.` `value` quotes untrusted values (class names) in
 * the renderer's own safe way; `text` makes the rest safe.
 */
export function describeReading(
  reading: PredictionsReading,
  value: (untrusted: string) => string,
  text: (untrusted: string) => string = (plain) => plain,
): string {
  const task =
    reading.taskSource === 'configured'
      ? `${TASK_WORDS[reading.task]} (configured)`
      : `${TASK_WORDS[reading.task]} (detected${reading.taskReason ? `: ${text(reading.taskReason)}` : ''})`;
  const parts = [task];
  if (reading.positiveClass !== undefined) {
    const source = reading.positiveClassSource === 'configured' ? 'configured' : 'the conventional one';
    parts.push(`positive class ${value(reading.positiveClass)} (${source})`);
  } else if (reading.classes && reading.task === 'multiclass') {
    parts.push(`${formatCount(reading.classes.length)} classes`);
  }
  if (reading.scoreType !== undefined) {
    const range = reading.scoreRange
      ? `, ${formatNumber(reading.scoreRange[0])} to ${formatNumber(reading.scoreRange[1])}`
      : '';
    parts.push(`scores: ${SCORE_WORDS[reading.scoreType]} (${reading.scoreTypeSource ?? 'detected'}${range})`);
  }
  parts.push(`${formatCount(reading.examples)} examples`);
  return `${parts.join(', ')}.`;
}

export function changedParams(section: ComparisonSection): ParamChange[] {
  return (section.params ?? []).filter((param) => param.baseline !== param.candidate);
}

/** Registered versions shown in the history, besides the candidate. */
export const HISTORY_VERSIONS = 10;

/**
 * The key metric's history as both renderers draw it: the last registered versions, then this candidate (its
 * version is `candidate`, its stage `this pull request`); undefined when fewer than two points have a value.
 */
export function historyPoints(section: ComparisonSection): HistoryVersion[] | undefined {
  const { history } = section;
  if (!history) return undefined;
  const current = section.metrics.find((metric) => metric.name === history.metric);
  const interval = candidateInterval(current);
  const candidate: HistoryVersion = {
    version: 'candidate',
    value: current?.candidate ?? null,
    ...(interval && { interval }),
    stages: ['this pull request'],
  };
  const points = [...history.versions.slice(-HISTORY_VERSIONS), candidate];
  const drawn = points.filter((point) => point.value !== null && Number.isFinite(point.value));
  return drawn.length < 2 ? undefined : points;
}

/** The candidate's value as far as the data allow: the baseline's value plus the change's interval. */
function candidateInterval(metric: MetricComparison | undefined): { low: number; high: number } | undefined {
  if (!metric?.ci || metric.baseline === null) return undefined;
  return { low: metric.baseline + metric.ci.low, high: metric.baseline + metric.ci.high };
}
