import { findRule } from '../compare/direction.js';
import { CONFIG_DEFAULTS } from '../config/defaults.js';
import type { GateConfig, SliceRule, Tolerance } from '../config/types.js';
import type { MetricComparison, Reason, SliceComparison } from '../report/types.js';
import { type RegressionJudgement, judgeRegression } from './regression.js';
import { num } from './wording.js';

/** How many small slices a notice names before "and N more". */
const NAMED_SLICES = 5;

/**
 * Reasons from `gate.slices`. Slices of the configured columns with at least `min_size` rows are
 * judged with `max_regression` on every metric that has a `gate.metrics` rule (every slice metric
 * when there are none), each with that rule's `require_significance`. Slices can be small, so a
 * metric that is undefined in a slice (AUC with one class) warns instead of failing.
 * Failures come worst slice first: by how far the regression goes beyond the allowance.
 */
export function sliceReasons(
  rule: SliceRule,
  gate: GateConfig,
  slices: readonly SliceComparison[] | undefined,
  baselineMissing: boolean,
): Reason[] {
  if (slices === undefined) {
    return [
      {
        rule: 'slices',
        status: 'warn',
        message: 'slice rules are configured but no slice metrics were computed (they need predictions)',
      },
    ];
  }
  const configured = slices.filter((slice) => rule.columns.includes(slice.column));
  const judged = configured.filter((slice) => slice.size >= rule.minSize);
  const reasons: Reason[] = [];
  const small = configured.filter((slice) => slice.size < rule.minSize);
  if (small.length > 0) reasons.push(smallSlicesNotice(small, rule.minSize));
  if (rule.maxRegression && !baselineMissing) {
    reasons.push(...regressionReasons(judged, rule.maxRegression, rule.minSize, gate));
  }
  return reasons;
}

interface SliceJudgement extends RegressionJudgement {
  slice: SliceComparison;
  metric: string;
}

function regressionReasons(
  slices: readonly SliceComparison[],
  tolerance: Tolerance,
  minSize: number,
  gate: GateConfig,
): Reason[] {
  const gated = Object.keys(gate.metrics).length > 0;
  const judgements: SliceJudgement[] = [];
  const undefinedMetrics: Reason[] = [];
  for (const slice of slices) {
    for (const comparison of slice.metrics) {
      const metricRule = findRule(comparison.name, gate.metrics);
      if (gated && !metricRule) continue;
      const { baseline, candidate, delta } = comparison;
      if (baseline === null || candidate === null) continue;
      if (delta === null) {
        undefinedMetrics.push(undefinedInSlice(slice, comparison));
        continue;
      }
      const requireSignificance = metricRule?.requireSignificance ?? CONFIG_DEFAULTS.requireSignificance;
      const judged = judgeRegression(
        { ...comparison, baseline, delta },
        tolerance,
        requireSignificance,
        gate.confidence,
      );
      judgements.push({ ...judged, slice, metric: comparison.name });
    }
  }
  judgements.sort((a, b) => b.excess - a.excess);
  const failed = judgements.filter((judgement) => judgement.status === 'fail');
  const reasons: Reason[] = failed.map((judgement) => ({
    rule: 'slices.max_regression',
    status: 'fail',
    message: `slice ${sliceLabel(judgement.slice)}: ${judgement.message}`,
    metric: judgement.metric,
    column: judgement.slice.column,
  }));
  const [worst] = judgements;
  if (failed.length === 0 && worst) {
    reasons.push({
      rule: 'slices.max_regression',
      status: 'pass',
      message: `${slices.length} slice(s) with at least ${minSize} rows are within the allowed regression; worst: ${sliceLabel(worst.slice)}: ${worst.message}`,
    });
  }
  if (judgements.length === 0 && undefinedMetrics.length === 0) {
    reasons.push({
      rule: 'slices.max_regression',
      status: 'warn',
      message: `no slice has at least ${minSize} rows and a metric to compare, so slice regressions were not checked`,
    });
  }
  return [...reasons, ...undefinedMetrics];
}

function undefinedInSlice(slice: SliceComparison, comparison: MetricComparison): Reason {
  const values = `baseline ${num(comparison.baseline ?? Number.NaN)}, candidate ${num(comparison.candidate ?? Number.NaN)}`;
  return {
    rule: 'slices.max_regression',
    status: 'warn',
    message: `slice ${sliceLabel(slice)}: ${comparison.name} is not a finite number (${values}), so it was not checked`,
    metric: comparison.name,
    column: slice.column,
  };
}

function smallSlicesNotice(small: readonly SliceComparison[], minSize: number): Reason {
  const named = small.slice(0, NAMED_SLICES).map(sliceLabel).join(', ');
  const more = small.length > NAMED_SLICES ? ` and ${small.length - NAMED_SLICES} more` : '';
  return {
    rule: 'slices.min_size',
    status: 'pass',
    message: `${small.length} slice(s) with fewer than ${minSize} rows were not gated: ${named}${more}`,
  };
}

function sliceLabel(slice: SliceComparison): string {
  return `${slice.column}=${slice.value} (n=${slice.size})`;
}
