import type { MetricRule } from '../../config/types.js';
import type { MetricComparison, MetricDirection } from '../../report/types.js';
import { percentileInterval } from '../../significance/bootstrap.js';
import { compareMetric } from '../diff.js';
import { metricDirection } from '../direction.js';
import { deltasInThread, type DeltasRunner } from './deltas.js';
import type { Examples, ModelOutputs } from './examples.js';
import { metricsFor, type MetricDefinition } from './metric-set.js';
import type { PredictionTask } from '../predictions-task.js';

export const BOOTSTRAP_METHOD = 'paired bootstrap';

export interface MetricRunOptions {
  task: PredictionTask;
  /** Class names by id (classification), for the reasons a metric is undefined. */
  classes: readonly string[];
  confidence: number;
  resamples: number;
  seed: number;
  rules: Readonly<Record<string, MetricRule>>;
  /** Runs each metric's resamples; default in this thread. */
  deltas?: DeltasRunner;
}

/**
 * Every metric of the task on these examples. With a baseline each delta gets its seeded paired
 * bootstrap interval (and McNemar's or DeLong's p-value where defined), labelled by that interval
 * in the metric's direction; without one each candidate value is `new`. A metric undefined on one
 * side or both (ROC AUC with one class, recall without a positive example) is labelled `undefined`
 * with the reason, never given a value.
 */
export function compareOnExamples(examples: Examples, options: MetricRunOptions): { metrics: MetricComparison[] } {
  const metrics: MetricComparison[] = [];
  for (const definition of metricsFor(options.task)) {
    const comparison = compareOne(definition, examples, options);
    if (comparison !== undefined) metrics.push(comparison);
  }
  return { metrics };
}

function compareOne(
  definition: MetricDefinition,
  examples: Examples,
  options: MetricRunOptions,
): MetricComparison | undefined {
  const { truth, candidate, baseline } = examples;
  const direction = metricDirection(definition.name, options.rules);
  const onCandidate = definition.applies(candidate);
  const onBaseline = baseline !== null && definition.applies(baseline);
  if (!onCandidate && !onBaseline) return undefined;
  const why = (outputs: ModelOutputs): string =>
    definition.undefinedReason?.(truth, outputs, options.classes) ?? `undefined on these ${examples.size} examples`;
  if (!onCandidate || !onBaseline) {
    const model = onCandidate ? candidate : (baseline as NonNullable<typeof baseline>);
    const value = definition.statistic(truth, model, model).evaluate().candidate;
    if (Number.isNaN(value))
      return undefinedComparison(definition.name, direction, why(model), onCandidate, onBaseline);
    return onCandidate
      ? compareMetric(definition.name, direction, null, value)
      : compareMetric(definition.name, direction, value, null);
  }
  const paired = baseline as NonNullable<typeof baseline>;
  const statistic = definition.statistic(truth, candidate, paired);
  const point = statistic.evaluate();
  const candidateUndefined = Number.isNaN(point.candidate);
  const baselineUndefined = Number.isNaN(point.baseline);
  if (candidateUndefined || baselineUndefined) {
    const reason = candidateUndefined ? why(candidate) : why(paired);
    const sides =
      candidateUndefined && baselineUndefined ? '' : candidateUndefined ? 'for the candidate: ' : 'for the baseline: ';
    return {
      ...compareMetric(
        definition.name,
        direction,
        baselineUndefined ? null : point.baseline,
        candidateUndefined ? null : point.candidate,
      ),
      label: 'undefined',
      note: `${sides}${reason}`,
    };
  }
  const { resamples, confidence, seed, task } = options;
  const job = { metric: definition.name, task, examples, seed, resamples };
  const [low, high] = percentileInterval((options.deltas ?? deltasInThread)(job, statistic), confidence);
  const test = definition.test?.(truth, candidate, paired, confidence);
  if (!(Number.isFinite(low) && Number.isFinite(high))) {
    // No resample defined the metric: there is no interval, so no change can be called significant.
    const unbounded = compareMetric(definition.name, direction, point.baseline, point.candidate);
    const significant = ['improved', 'regressed', 'changed'].includes(unbounded.label);
    return significant ? { ...unbounded, label: 'within-noise' } : unbounded;
  }
  const method = test ? `${BOOTSTRAP_METHOD}; p: ${test.name}` : BOOTSTRAP_METHOD;
  return compareMetric(definition.name, direction, point.baseline, point.candidate, {
    low,
    high,
    method,
    ...(test && { pValue: test.pValue }),
  });
}

/** A metric one model does not produce, undefined for the one that does. */
function undefinedComparison(
  name: string,
  direction: MetricDirection,
  reason: string,
  onCandidate: boolean,
  onBaseline: boolean,
): MetricComparison {
  const side = onCandidate ? 'for the candidate' : onBaseline ? 'for the baseline' : '';
  return {
    ...compareMetric(name, direction, null, null),
    label: 'undefined',
    note: side ? `${side}: ${reason}` : reason,
  };
}
