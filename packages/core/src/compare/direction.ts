import type { MetricRule } from '../config/types.js';
import type { MetricDirection } from '../report/types.js';

/**
 * Words that mark a metric whose smaller values are better. A name is read by its last `.` segment
 * (`eval.val_loss` → `val_loss`), lower-cased and split into words on `_`, `-` and spaces.
 */
const LOWER_IS_BETTER = new Set([
  'loss',
  'logloss',
  'error',
  'err',
  'mse',
  'rmse',
  'mae',
  'mape',
  'smape',
  'msle',
  'rmsle',
  'brier',
  'perplexity',
  'ece',
  'fpr',
  'fnr',
  'wer',
  'cer',
  'latency',
  'time',
  'duration',
  'seconds',
  'ms',
]);

/** Words that mark a score whose larger values are better. */
const HIGHER_IS_BETTER = new Set([
  'accuracy',
  'acc',
  'auc',
  'roc',
  'auroc',
  'auprc',
  'ap',
  'map',
  'precision',
  'recall',
  'f1',
  'f2',
  'fbeta',
  'fscore',
  'sensitivity',
  'specificity',
  'tpr',
  'tnr',
  'ppv',
  'npv',
  'r2',
  'ndcg',
  'mrr',
  'iou',
  'miou',
  'dice',
  'bleu',
  'rouge',
  'meteor',
  'kappa',
  'mcc',
  'gini',
  'lift',
  'gain',
  'coverage',
  'hitrate',
  'hits',
  'top1',
  'top5',
  'score',
  'balanced',
  'throughput',
]);

/**
 * Rules, first match wins:
 * 1. `gate.metrics.<name>.direction` in the config (see {@link findRule} for how names match);
 * 2. a first word `neg` means higher is better: scikit-learn negates losses for its scorers
 *    (`neg_mean_squared_error`, `neg_log_loss`);
 * 3. any word in {@link LOWER_IS_BETTER} means lower is better (`loss`, `val_loss`, `rmse`,
 *    `mean_absolute_error`, `latency_ms`, `train_time`, `log_loss`, `brier_score`);
 * 4. any word in {@link HIGHER_IS_BETTER} means higher is better (accuracy, roc_auc, pr_auc,
 *    average_precision, f1_macro, recall, r2, ndcg, …);
 * 5. otherwise mlgate does not know (`n_rows`, `epochs`, `threshold`): the direction is `unknown`
 *    and a change reads `changed`, neither better nor worse, until the config sets `direction`.
 */
export function metricDirection(name: string, rules: Readonly<Record<string, MetricRule>> = {}): MetricDirection {
  const configured = findRule(name, rules)?.direction;
  if (configured) return configured;
  const words = lastSegment(name)
    .toLowerCase()
    .split(/[_\s-]+/);
  if (words[0] === 'neg') return 'higher';
  if (words.some((word) => LOWER_IS_BETTER.has(word))) return 'lower';
  return words.some((word) => HIGHER_IS_BETTER.has(word)) ? 'higher' : 'unknown';
}

/**
 * The config rule for a metric key: the rule named exactly like the key, else the rule whose name
 * is the key's longest dotted suffix (`gate.metrics.auc` applies to `test.auc`), so rules can name
 * a metric without the file's nesting.
 */
export function findRule<R>(key: string, rules: Readonly<Record<string, R>>): R | undefined {
  if (Object.hasOwn(rules, key)) return rules[key];
  const segments = key.split('.');
  for (let start = 1; start < segments.length; start++) {
    const suffix = segments.slice(start).join('.');
    if (Object.hasOwn(rules, suffix)) return rules[suffix];
  }
  return undefined;
}

function lastSegment(name: string): string {
  return name.slice(name.lastIndexOf('.') + 1);
}
