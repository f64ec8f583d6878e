import type { GateConfig, MetricRule } from '../config/types.js';
import type { Direction, MetricComparison, Reason } from '../report/types.js';
import { judgeRegression } from './regression.js';
import type { GateInput } from './types.js';
import { num } from './wording.js';

/**
 * Reasons from one `gate.metrics.<name>` rule. A metric that is missing, undefined on the data, not
 * a number or infinite fails closed and no other rule of it is judged: nothing can be said about
 * its bounds. (A rule for a metric that was not computed at all is a configuration error, found
 * before the gate runs: see `unknownGateMetrics`.)
 */
export function metricRuleReasons(name: string, rule: MetricRule, gate: GateConfig, input: GateInput): Reason[] {
  const found = findComparison(name, input.comparisons);
  const file = input.metricsFile;
  if (found.kind === 'ambiguous') {
    const names = found.names.join(', ');
    return [fail('metric_present', name, `${name} matches several metrics in ${file} (${names}); name one of them`)];
  }
  if (found.kind === 'missing') return [fail('metric_present', name, `${name} is missing from ${file}`)];
  const comparison = found.comparison;
  const metric = comparison.name;
  const value = comparison.candidate;
  if (comparison.label === 'undefined' && value === null) {
    return [
      fail('metric_present', metric, `${metric} is undefined for the candidate: ${comparison.note ?? 'no value'}`),
    ];
  }
  if (value === null) return [fail('metric_present', metric, `${metric} in ${file} is missing or not a number`)];
  if (!Number.isFinite(value)) {
    return [fail('finite', metric, `${metric} is ${num(value)} in ${file}; only finite numbers can pass the gate`)];
  }

  const reasons: Reason[] = [];
  if (rule.min !== undefined) {
    reasons.push(
      value >= rule.min
        ? pass('min', metric, `${metric} ${num(value)} ≥ min ${num(rule.min)}`)
        : fail('min', metric, `${metric} ${num(value)} < min ${num(rule.min)}`),
    );
  }
  if (rule.max !== undefined) {
    reasons.push(
      value <= rule.max
        ? pass('max', metric, `${metric} ${num(value)} ≤ max ${num(rule.max)}`)
        : fail('max', metric, `${metric} ${num(value)} > max ${num(rule.max)}`),
    );
  }
  if (rule.maxRegression && !input.baselineMissing) {
    reasons.push(regressionReason(comparison, rule, gate.confidence));
  }
  return reasons;
}

function regressionReason(comparison: MetricComparison, rule: MetricRule, confidence: number): Reason {
  const { name, baseline, delta, direction } = comparison;
  if (direction === 'unknown') {
    return fail('max_regression', name, `mlgate does not know which way ${name} is better; set its direction`);
  }
  if (baseline === null) {
    const why =
      comparison.label === 'undefined' ? `undefined for the baseline (${comparison.note})` : 'not in the baseline';
    return warn(name, `${name} is ${why}, so max_regression was not checked`);
  }
  if (delta === null) {
    return warn(name, `the baseline's ${name} is ${num(baseline)}, so max_regression was not checked`);
  }
  const tolerance = rule.maxRegression as NonNullable<MetricRule['maxRegression']>;
  const judged = judgeRegression(
    { ...comparison, baseline, delta, direction: direction as Direction },
    tolerance,
    rule.significance,
    confidence,
  );
  return { rule: 'max_regression', status: judged.status, message: judged.message, metric: name };
}

type Found =
  { kind: 'found'; comparison: MetricComparison } | { kind: 'missing' } | { kind: 'ambiguous'; names: string[] };

/** The comparison named exactly, else the only one whose dotted key ends with `.name` (`auc` → `test.auc`). */
export function findComparison(name: string, comparisons: readonly MetricComparison[]): Found {
  const exact = comparisons.find((comparison) => comparison.name === name);
  if (exact) return { kind: 'found', comparison: exact };
  const bySuffix = comparisons.filter((comparison) => comparison.name.endsWith(`.${name}`));
  const [only] = bySuffix;
  if (bySuffix.length === 1 && only) return { kind: 'found', comparison: only };
  if (bySuffix.length > 1) return { kind: 'ambiguous', names: bySuffix.map((comparison) => comparison.name) };
  return { kind: 'missing' };
}

function pass(rule: string, metric: string, message: string): Reason {
  return { rule, status: 'pass', message, metric };
}

function fail(rule: string, metric: string, message: string): Reason {
  return { rule, status: 'fail', message, metric };
}

function warn(metric: string, message: string): Reason {
  return { rule: 'max_regression', status: 'warn', message, metric };
}
