import { findRule } from '../compare/direction.js';
import type { GateConfig, SignificanceMode, SliceRule, Tolerance } from '../config/types.js';
import type { MetricComparison, Reason, SliceComparison } from '../report/types.js';
import { type RegressionJudgement, judgeRegression } from './regression.js';
import { num } from './wording.js';

/** How many small slices a notice names before "and N more". */
const NAMED_SLICES = 5;

/**
 * Reasons from `gate.slices`. Slices of the configured columns with at least `min_size` rows are
 * judged metric by metric: a metric named in `gate.slices.metrics` with its own `max_regression`;
 * otherwise, with the slice rule's `max_regression`, every metric that has a `gate.metrics` rule
 * (every slice metric when there are none). The significance mode is the slice metric rule's, else
 * the slice rule's, else the metric's own rule's, else the gate's. Slices can be small, so a metric
 * that is undefined in a slice (AUC with one class) warns instead of failing. Failures and warnings
 * come worst slice first: by how far the regression goes beyond the allowance.
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
  const judging = rule.maxRegression !== undefined || Object.keys(rule.metrics).length > 0;
  if (judging && !baselineMissing) reasons.push(...regressionReasons(judged, rule, gate));
  return reasons;
}

interface SliceJudgement extends RegressionJudgement {
  slice: SliceComparison;
  metric: string;
}

/** The tolerance and mode a slice metric is judged with, or none when no rule covers it. */
function sliceRuleFor(
  metric: string,
  rule: SliceRule,
  gate: GateConfig,
): { tolerance: Tolerance; mode: SignificanceMode } | undefined {
  const own = findRule(metric, rule.metrics);
  const metricRule = findRule(metric, gate.metrics);
  const mode = own?.significance ?? rule.significance ?? metricRule?.significance ?? gate.significance;
  if (own) return { tolerance: own.maxRegression, mode };
  if (rule.maxRegression === undefined) return undefined;
  const gated = Object.keys(gate.metrics).length > 0;
  if (gated && !metricRule) return undefined;
  return { tolerance: rule.maxRegression, mode };
}

function regressionReasons(slices: readonly SliceComparison[], rule: SliceRule, gate: GateConfig): Reason[] {
  const judgements: SliceJudgement[] = [];
  const undefinedMetrics: Reason[] = [];
  for (const slice of slices) {
    for (const comparison of slice.metrics) {
      const judgedBy = sliceRuleFor(comparison.name, rule, gate);
      if (!judgedBy) continue;
      const { baseline, candidate, delta, direction } = comparison;
      if (comparison.label === 'undefined') {
        undefinedMetrics.push(undefinedInSlice(slice, comparison));
        continue;
      }
      if (baseline === null || candidate === null || direction === 'unknown') continue;
      if (delta === null) {
        undefinedMetrics.push(undefinedInSlice(slice, comparison));
        continue;
      }
      const judged = judgeRegression(
        { ...comparison, baseline, delta, direction },
        judgedBy.tolerance,
        judgedBy.mode,
        gate.confidence,
      );
      judgements.push({ ...judged, slice, metric: comparison.name });
    }
  }
  judgements.sort((a, b) => b.excess - a.excess);
  const flagged = judgements.filter((judgement) => judgement.status !== 'pass');
  const reasons: Reason[] = flagged.map((judgement) => ({
    rule: 'slices.max_regression',
    status: judgement.status,
    message: `slice ${sliceLabel(judgement.slice)}: ${judgement.message}`,
    metric: judgement.metric,
    column: judgement.slice.column,
  }));
  const [worst] = judgements;
  if (flagged.length === 0 && worst) {
    reasons.push({
      rule: 'slices.max_regression',
      status: 'pass',
      message: `${slices.length} slice(s) with at least ${rule.minSize} rows are within the allowed regression; worst: ${sliceLabel(worst.slice)}: ${worst.message}`,
    });
  }
  if (judgements.length === 0 && undefinedMetrics.length === 0) {
    reasons.push({
      rule: 'slices.max_regression',
      status: 'warn',
      message: `no slice has at least ${rule.minSize} rows and a metric to compare, so slice regressions were not checked`,
    });
  }
  return [...reasons, ...undefinedMetrics];
}

function undefinedInSlice(slice: SliceComparison, comparison: MetricComparison): Reason {
  const values = `baseline ${num(comparison.baseline ?? Number.NaN)}, candidate ${num(comparison.candidate ?? Number.NaN)}`;
  const why = comparison.note ? `undefined (${comparison.note})` : `not a finite number (${values})`;
  return {
    rule: 'slices.max_regression',
    status: 'warn',
    message: `slice ${sliceLabel(slice)}: ${comparison.name} is ${why}, so it was not checked`,
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
