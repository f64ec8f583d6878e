import type { MetricRule } from '../../config/types.js';
import type { MetricComparison } from '../../report/types.js';
import { percentileInterval } from '../../significance/bootstrap.js';
import { compareMetric } from '../diff.js';
import { metricDirection } from '../direction.js';
import { deltasInThread, type DeltasRunner } from './deltas.js';
import type { Examples } from './examples.js';
import { metricsFor, type MetricDefinition } from './metric-set.js';
import type { PredictionTask } from '../predictions-task.js';

export const BOOTSTRAP_METHOD = 'paired bootstrap';

export interface MetricRunOptions {
  task: PredictionTask;
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
 * in the metric's direction; without one each candidate value is `new`. A metric undefined on both
 * sides (ROC AUC with one class, R² of one example) is left out and explained in `notes`.
 */
export function compareOnExamples(
  examples: Examples,
  options: MetricRunOptions,
): { metrics: MetricComparison[]; notes: string[] } {
  const metrics: MetricComparison[] = [];
  const notes: string[] = [];
  for (const definition of metricsFor(options.task)) {
    const comparison = compareOne(definition, examples, options);
    if (comparison === undefined) continue;
    if (comparison === 'undefined') notes.push(`${definition.name} is undefined on these ${examples.size} examples`);
    else metrics.push(comparison);
  }
  return { metrics, notes };
}

function compareOne(
  definition: MetricDefinition,
  examples: Examples,
  options: MetricRunOptions,
): MetricComparison | 'undefined' | undefined {
  const { truth, candidate, baseline } = examples;
  const direction = metricDirection(definition.name, options.rules);
  const onCandidate = definition.applies(candidate);
  const onBaseline = baseline !== null && definition.applies(baseline);
  if (!onCandidate && !onBaseline) return undefined;
  if (!onCandidate || !onBaseline) {
    const model = onCandidate ? candidate : (baseline as NonNullable<typeof baseline>);
    const value = definition.statistic(truth, model, model).evaluate().candidate;
    if (Number.isNaN(value)) return 'undefined';
    return onCandidate
      ? compareMetric(definition.name, direction, null, value)
      : compareMetric(definition.name, direction, value, null);
  }
  const statistic = definition.statistic(truth, candidate, baseline as NonNullable<typeof baseline>);
  const point = statistic.evaluate();
  if (Number.isNaN(point.candidate) && Number.isNaN(point.baseline)) return 'undefined';
  const { resamples, confidence, seed, task } = options;
  const job = { metric: definition.name, task, examples, seed, resamples };
  const [low, high] = percentileInterval((options.deltas ?? deltasInThread)(job, statistic), confidence);
  const test = definition.test?.(truth, candidate, baseline as NonNullable<typeof baseline>, confidence);
  if (!(Number.isFinite(low) && Number.isFinite(high))) {
    // No resample defined the metric: there is no interval, so no change can be called significant.
    const unbounded = compareMetric(definition.name, direction, point.baseline, point.candidate);
    const significant = unbounded.label === 'improved' || unbounded.label === 'regressed';
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
