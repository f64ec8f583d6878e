import { UserError } from '../../errors.js';
import { prfFromCounts, type PrfOptions } from '../../metrics/classification.js';
import { exampleLogLoss } from '../../metrics/probabilistic.js';
import { r2Score } from '../../metrics/regression.js';
import { deLong } from '../../significance/delong.js';
import { mcnemar } from '../../significance/mcnemar.js';
import {
  accuracyFromCounts,
  type CountsMetric,
  pairedLabelMetric,
  pairedMeanLoss,
  pairedMetric,
  pairedRocAuc,
} from '../../significance/paired-metrics.js';
import type { PairedStatistic } from '../../significance/paired-statistic.js';
import type { PredictionTask } from '../predictions-task.js';
import { pairedAveragePrecision } from './average-precision.js';
import type { ModelOutputs, Truth } from './examples.js';

/** A significance test of the paired difference, reported as the metric's p-value. */
export interface PairedTest {
  pValue: number;
  /** Named in the interval's method, e.g. `DeLong`. */
  name: string;
}

/**
 * One metric computed from predictions. `statistic(truth, a, b)` pairs two models (the
 * candidate-only run pairs the candidate with itself and reads the candidate side).
 */
export interface MetricDefinition {
  name: string;
  /** Whether a model's outputs carry what the metric needs (e.g. a score for ROC AUC). */
  applies(outputs: ModelOutputs): boolean;
  statistic(truth: Truth, candidate: ModelOutputs, baseline: ModelOutputs): PairedStatistic;
  test?(truth: Truth, candidate: ModelOutputs, baseline: ModelOutputs, confidence: number): PairedTest | undefined;
}

const hasClasses = (m: ModelOutputs): boolean => m.classes !== undefined;
const hasScore = (m: ModelOutputs): boolean => m.score !== undefined;
const hasValues = (m: ModelOutputs): boolean => m.values !== undefined;

const y = (truth: Truth): Int32Array => truth.classes as Int32Array;
const classes = (m: ModelOutputs): Int32Array => m.classes as Int32Array;
const score = (m: ModelOutputs): Float64Array => m.score as Float64Array;
const values = (m: ModelOutputs): Float64Array => m.values as Float64Array;
const target = (truth: Truth): Float64Array => truth.values as Float64Array;

function labelMetric(name: string, metric: CountsMetric, withMcNemar = false): MetricDefinition {
  return {
    name,
    applies: hasClasses,
    statistic: (t, c, b) => pairedLabelMetric(y(t), classes(c), classes(b), metric),
    ...(withMcNemar && {
      test: (t: Truth, c: ModelOutputs, b: ModelOutputs): PairedTest => ({
        pValue: mcnemar(y(t), classes(c), classes(b)).pValue,
        name: 'McNemar',
      }),
    }),
  };
}

function prfMetric(name: string, part: 'precision' | 'recall' | 'f1', options: PrfOptions): MetricDefinition {
  return labelMetric(name, (counts) => prfFromCounts(counts, options)[part]);
}

/** Mean of a per-example loss of one model's outputs (log loss, Brier, MAE, squared error). */
function meanLossMetric(
  name: string,
  applies: (m: ModelOutputs) => boolean,
  loss: (truth: Truth, m: ModelOutputs) => Float64Array,
  finish?: (mean: number) => number,
): MetricDefinition {
  return { name, applies, statistic: (t, c, b) => pairedMeanLoss(loss(t, c), loss(t, b), finish) };
}

function perExample(n: number, f: (i: number) => number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = f(i);
  return out;
}

const binaryPrf: PrfOptions = { average: 'binary', posLabel: 1 };

const BINARY: readonly MetricDefinition[] = [
  labelMetric('accuracy', accuracyFromCounts, true),
  prfMetric('precision', 'precision', binaryPrf),
  prfMetric('recall', 'recall', binaryPrf),
  prfMetric('f1', 'f1', binaryPrf),
  {
    name: 'roc_auc',
    applies: hasScore,
    statistic: (t, c, b) => pairedRocAuc(y(t), score(c), score(b), 1),
    test: (t, c, b, confidence) => deLongTest(y(t), score(c), score(b), confidence),
  },
  { name: 'pr_auc', applies: hasScore, statistic: (t, c, b) => pairedAveragePrecision(y(t), score(c), score(b), 1) },
  meanLossMetric('log_loss', hasScore, (t, m) =>
    perExample(t.classes?.length ?? 0, (i) => exampleLogLoss(y(t)[i] === 1, score(m)[i] as number)),
  ),
  meanLossMetric('brier', hasScore, (t, m) =>
    perExample(t.classes?.length ?? 0, (i) => ((y(t)[i] === 1 ? 1 : 0) - (score(m)[i] as number)) ** 2),
  ),
];

const MULTICLASS: readonly MetricDefinition[] = [
  labelMetric('accuracy', accuracyFromCounts, true),
  prfMetric('f1_macro', 'f1', { average: 'macro' }),
  prfMetric('f1_weighted', 'f1', { average: 'weighted' }),
];

const REGRESSION: readonly MetricDefinition[] = [
  meanLossMetric('mae', hasValues, (t, m) =>
    perExample(target(t).length, (i) => Math.abs((target(t)[i] as number) - (values(m)[i] as number))),
  ),
  meanLossMetric(
    'rmse',
    hasValues,
    (t, m) => perExample(target(t).length, (i) => ((target(t)[i] as number) - (values(m)[i] as number)) ** 2),
    Math.sqrt,
  ),
  {
    name: 'r2',
    applies: hasValues,
    statistic: (t, c, b) =>
      pairedMetric(
        target(t).length,
        (w) => r2Score(target(t), values(c), w),
        (w) => r2Score(target(t), values(b), w),
      ),
  },
];

/** The metrics computed for a task, in report order. */
export function metricsFor(task: PredictionTask): readonly MetricDefinition[] {
  return task === 'binary' ? BINARY : task === 'multiclass' ? MULTICLASS : REGRESSION;
}

/** DeLong's p-value, or none when the test is undefined (fewer than two examples of a class). */
function deLongTest(
  yTrue: Int32Array,
  candidate: Float64Array,
  baseline: Float64Array,
  confidence: number,
): PairedTest | undefined {
  try {
    return { pValue: deLong(yTrue, candidate, baseline, { confidence }).pValue, name: 'DeLong' };
  } catch (error) {
    if (error instanceof UserError) return undefined;
    throw error;
  }
}
