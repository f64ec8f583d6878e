import { UserError } from '../../errors.js';
import { prfFromCounts, type PrfOptions } from '../../metrics/classification.js';
import { exampleLogLoss, multiclassLogLosses } from '../../metrics/probabilistic.js';
import { r2Score } from '../../metrics/regression.js';
import { deLong } from '../../significance/delong.js';
import { mcnemar } from '../../significance/mcnemar.js';
import {
  accuracyFromCounts,
  type CountsMetric,
  pairedLabelMetric,
  pairedMeanLoss,
  pairedMetric,
  pairedOneVsRestRocAuc,
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
  /** What `applies` looks for, for the message when a gate rule names a metric that was not computed. */
  needs: string;
  statistic(truth: Truth, candidate: ModelOutputs, baseline: ModelOutputs): PairedStatistic;
  test?(truth: Truth, candidate: ModelOutputs, baseline: ModelOutputs, confidence: number): PairedTest | undefined;
  /** Why the metric is undefined (NaN) for a model on these examples; `classes` names the class ids. */
  undefinedReason?(truth: Truth, outputs: ModelOutputs, classes: readonly string[]): string;
}

const hasClasses = (m: ModelOutputs): boolean => m.classes !== undefined;
const hasScore = (m: ModelOutputs): boolean => m.score !== undefined;
const hasProbability = (m: ModelOutputs): boolean => m.probability !== undefined;
const hasClassScores = (m: ModelOutputs): boolean => m.classScores !== undefined;
const hasClassProbabilities = (m: ModelOutputs): boolean => m.classProbabilities !== undefined;
const hasValues = (m: ModelOutputs): boolean => m.values !== undefined;

const NEEDS_CLASSES =
  'a prediction column, or scores with a known threshold (probabilities, logits or decision values)';
const PROBABILITIES: readonly [(m: ModelOutputs) => boolean, string] = [
  hasProbability,
  'probabilities: scores within [0, 1], or score_type: logit',
];
const CLASS_PROBABILITIES: readonly [(m: ModelOutputs) => boolean, string] = [
  hasClassProbabilities,
  'per-class probabilities (score_<class> columns within [0, 1], or score_type: logit)',
];
const VALUES: readonly [(m: ModelOutputs) => boolean, string] = [hasValues, 'a prediction column'];

const y = (truth: Truth): Int32Array => truth.classes as Int32Array;
const classes = (m: ModelOutputs): Int32Array => m.classes as Int32Array;
const score = (m: ModelOutputs): Float64Array => m.score as Float64Array;
const probability = (m: ModelOutputs): Float64Array => m.probability as Float64Array;
const values = (m: ModelOutputs): Float64Array => m.values as Float64Array;
const target = (truth: Truth): Float64Array => truth.values as Float64Array;

function labelMetric(
  name: string,
  metric: CountsMetric,
  extra: Pick<MetricDefinition, 'undefinedReason'> & { withMcNemar?: boolean } = {},
): MetricDefinition {
  return {
    name,
    applies: hasClasses,
    needs: NEEDS_CLASSES,
    statistic: (t, c, b) => pairedLabelMetric(y(t), classes(c), classes(b), metric),
    ...(extra.undefinedReason && { undefinedReason: extra.undefinedReason }),
    ...(extra.withMcNemar && {
      test: (t: Truth, c: ModelOutputs, b: ModelOutputs): PairedTest => ({
        pValue: mcnemar(y(t), classes(c), classes(b)).pValue,
        name: 'McNemar',
      }),
    }),
  };
}

function prfMetric(
  name: string,
  part: 'precision' | 'recall' | 'f1',
  options: PrfOptions,
  undefinedReason?: MetricDefinition['undefinedReason'],
): MetricDefinition {
  return labelMetric(name, (counts) => prfFromCounts(counts, options)[part], undefinedReason && { undefinedReason });
}

/** Mean of a per-example loss of one model's outputs (log loss, Brier, MAE, squared error). */
function meanLossMetric(
  name: string,
  [applies, needs]: readonly [(m: ModelOutputs) => boolean, string],
  loss: (truth: Truth, m: ModelOutputs) => Float64Array,
  finish?: (mean: number) => number,
): MetricDefinition {
  return { name, applies, needs, statistic: (t, c, b) => pairedMeanLoss(loss(t, c), loss(t, b), finish) };
}

function perExample(n: number, f: (i: number) => number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = f(i);
  return out;
}

/** How many examples are of class 1 (the positive class) and how many a model predicts as it. */
function positives(truth: Truth, outputs: ModelOutputs): { actual: number; predicted: number; total: number } {
  const yTrue = y(truth);
  const yPred = outputs.classes;
  let actual = 0;
  let predicted = 0;
  for (let i = 0; i < yTrue.length; i++) {
    if (yTrue[i] === 1) actual++;
    if (yPred?.[i] === 1) predicted++;
  }
  return { actual, predicted, total: yTrue.length };
}

const positiveName = (names: readonly string[]): string => JSON.stringify(names[1] ?? '1');

const noPredictedPositive: MetricDefinition['undefinedReason'] = (t, m, names) =>
  positives(t, m).predicted === 0 ? `no example is predicted ${positiveName(names)}` : 'undefined on these examples';
const noActualPositive: MetricDefinition['undefinedReason'] = (t, _m, names) => `no example is ${positiveName(names)}`;
const neitherPositive: MetricDefinition['undefinedReason'] = (_t, _m, names) =>
  `no example is or is predicted ${positiveName(names)}`;
const oneClass: MetricDefinition['undefinedReason'] = (t, m, names) => {
  const { actual, total } = positives(t, m);
  if (total === 0) return 'there are no examples';
  return actual === 0 ? `no example is ${positiveName(names)}` : `every example is ${positiveName(names)}`;
};

/**
 * Binary precision, recall and F1 (of the positive class) are undefined where their denominator is
 * zero (sklearn ≥ 1.3 with `zero_division=np.nan`), never 0; the macro and weighted averages
 * follow sklearn's default (a class's zero-denominator ratio counts as 0).
 */
const binaryPrf: PrfOptions = { average: 'binary', posLabel: 1, zeroDivision: Number.NaN };
const macro: PrfOptions = { average: 'macro' };
const weighted: PrfOptions = { average: 'weighted' };

const AVERAGED_PRF: readonly MetricDefinition[] = [
  prfMetric('precision_macro', 'precision', macro),
  prfMetric('recall_macro', 'recall', macro),
  prfMetric('f1_macro', 'f1', macro),
  prfMetric('precision_weighted', 'precision', weighted),
  prfMetric('recall_weighted', 'recall', weighted),
  prfMetric('f1_weighted', 'f1', weighted),
];

const BINARY: readonly MetricDefinition[] = [
  labelMetric('accuracy', accuracyFromCounts, { withMcNemar: true }),
  prfMetric('precision', 'precision', binaryPrf, noPredictedPositive),
  prfMetric('recall', 'recall', binaryPrf, noActualPositive),
  prfMetric('f1', 'f1', binaryPrf, neitherPositive),
  ...AVERAGED_PRF,
  {
    name: 'roc_auc',
    applies: hasScore,
    needs: 'a score column',
    statistic: (t, c, b) => pairedRocAuc(y(t), score(c), score(b), 1),
    test: (t, c, b, confidence) => deLongTest(y(t), score(c), score(b), confidence),
    undefinedReason: oneClass,
  },
  {
    name: 'pr_auc',
    applies: hasScore,
    needs: 'a score column',
    statistic: (t, c, b) => pairedAveragePrecision(y(t), score(c), score(b), 1),
    undefinedReason: noActualPositive,
  },
  meanLossMetric('log_loss', PROBABILITIES, (t, m) =>
    perExample(t.classes?.length ?? 0, (i) => exampleLogLoss(y(t)[i] === 1, probability(m)[i] as number)),
  ),
  meanLossMetric('brier', PROBABILITIES, (t, m) =>
    perExample(t.classes?.length ?? 0, (i) => ((y(t)[i] === 1 ? 1 : 0) - (probability(m)[i] as number)) ** 2),
  ),
];

const MULTICLASS: readonly MetricDefinition[] = [
  labelMetric('accuracy', accuracyFromCounts, { withMcNemar: true }),
  ...AVERAGED_PRF,
  meanLossMetric('log_loss', CLASS_PROBABILITIES, (t, m) =>
    multiclassLogLosses(y(t), m.classProbabilities as Float64Array[]),
  ),
  {
    name: 'roc_auc_ovr',
    applies: hasClassScores,
    needs: 'per-class score columns (score_<class>)',
    statistic: (t, c, b) =>
      pairedOneVsRestRocAuc(y(t), c.classScores as Float64Array[], b.classScores as Float64Array[]),
    undefinedReason: () =>
      'fewer than two classes among the labels have examples of both kinds (in and not in the class)',
  },
];

const REGRESSION: readonly MetricDefinition[] = [
  meanLossMetric('mae', VALUES, (t, m) =>
    perExample(target(t).length, (i) => Math.abs((target(t)[i] as number) - (values(m)[i] as number))),
  ),
  meanLossMetric(
    'rmse',
    VALUES,
    (t, m) => perExample(target(t).length, (i) => ((target(t)[i] as number) - (values(m)[i] as number)) ** 2),
    Math.sqrt,
  ),
  {
    name: 'r2',
    applies: hasValues,
    needs: 'a prediction column',
    statistic: (t, c, b) =>
      pairedMetric(
        target(t).length,
        (w) => r2Score(target(t), values(c), w),
        (w) => r2Score(target(t), values(b), w),
      ),
    undefinedReason: () => 'R² needs at least two examples',
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
