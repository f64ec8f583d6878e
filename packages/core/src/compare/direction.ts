import type { MetricRule } from '../config/types.js';
import type { Direction } from '../report/types.js';

/**
 * Words that mark a metric whose smaller values are better. A name is read by its last `.` segment
 * (`eval.val_loss` → `val_loss`), lower-cased and split into words on `_` and `-`.
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

/**
 * Rules, first match wins:
 * 1. `gate.metrics.<name>.direction` in the config (see {@link findRule} for how names match);
 * 2. a first word `neg` means higher is better: scikit-learn negates losses for its scorers
 *    (`neg_mean_squared_error`, `neg_log_loss`);
 * 3. any word in {@link LOWER_IS_BETTER} means lower is better (`loss`, `val_loss`, `rmse`,
 *    `mean_absolute_error`, `latency_ms`, `train_time`, `log_loss`, `brier_score`);
 * 4. otherwise higher is better: accuracy, auc, roc_auc, pr_auc, average_precision, f1, precision,
 *    recall, r2, map, ndcg and most other scores are higher-is-better, so that is the default for
 *    names mlgate does not know. Set `direction` in the config for those that are not.
 */
export function metricDirection(name: string, rules: Readonly<Record<string, MetricRule>> = {}): Direction {
  const configured = findRule(name, rules)?.direction;
  if (configured) return configured;
  const words = lastSegment(name).toLowerCase().split(/[_-]+/);
  if (words[0] === 'neg') return 'higher';
  return words.some((word) => LOWER_IS_BETTER.has(word)) ? 'lower' : 'higher';
}

/**
 * The config rule for a metric key: the rule named exactly like the key, else the rule whose name
 * is the key's longest dotted suffix (`gate.metrics.auc` applies to `test.auc`), so rules can name
 * a metric without the file's nesting.
 */
export function findRule(key: string, rules: Readonly<Record<string, MetricRule>>): MetricRule | undefined {
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
