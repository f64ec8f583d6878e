import { describe, expect, it } from '@jest/globals';
import type { MetricRule } from '../../src/config/types.js';
import type { ScalarValue } from '../../src/report/types.js';
import { compareMetric, diffMetrics, diffParams } from '../../src/compare/diff.js';
import { findRule, metricDirection } from '../../src/compare/direction.js';

const flat = (entries: Record<string, ScalarValue>) => new Map(Object.entries(entries));
const rule = (extra: Partial<MetricRule> = {}): MetricRule => ({ significance: 'regression', ...extra });

describe('metricDirection', () => {
  it.each([
    ['accuracy', 'higher'],
    ['test.roc_auc', 'higher'],
    ['pr_auc', 'higher'],
    ['average_precision', 'higher'],
    ['f1_macro', 'higher'],
    ['eval.recall', 'higher'],
    ['r2', 'higher'],
    ['ndcg', 'higher'],
    ['map', 'higher'],
    ['throughput', 'higher'],
    ['loss', 'lower'],
    ['train.val_loss', 'lower'],
    ['log_loss', 'lower'],
    ['rmse', 'lower'],
    ['mean_absolute_error', 'lower'],
    ['brier_score', 'lower'],
    ['mape', 'lower'],
    ['latency_ms', 'lower'],
    ['inference-time', 'lower'],
    ['neg_mean_squared_error', 'higher'],
    ['neg_log_loss', 'higher'],
  ])('%s is %s-is-better', (name, direction) => {
    expect(metricDirection(name)).toBe(direction);
  });

  it('uses only the last dotted segment, so a nesting level named "loss" does not flip a score', () => {
    expect(metricDirection('loss.auc')).toBe('higher');
  });

  it('lets the config override the name, also through a dotted suffix', () => {
    const rules = { auc: rule({ direction: 'lower' }), 'custom.cost': rule({ direction: 'higher' }) };
    expect(metricDirection('test.auc', rules)).toBe('lower');
    expect(metricDirection('eval.custom.cost', rules)).toBe('higher');
    // A rule for `custom.cost` names that key and its nestings, not every metric called `cost`.
    expect(metricDirection('cost', rules)).toBe('unknown');
  });

  it.each(['n_rows', 'epochs', 'threshold', 'train.size'])('does not guess a direction for %s', (name) => {
    expect(metricDirection(name)).toBe('unknown');
  });

  it('labels a change of a metric without a known direction "changed", never improved or regressed', () => {
    const [rows] = diffMetrics(new Map([['n_rows', 100]]), new Map([['n_rows', 120]]));
    expect(rows).toMatchObject({ direction: 'unknown', delta: 20, label: 'changed' });
    const [same] = diffMetrics(new Map([['n_rows', 100]]), new Map([['n_rows', 100]]));
    expect(same?.label).toBe('unchanged');
    const [lower] = diffMetrics(new Map([['cost', 3]]), new Map([['cost', 2]]), {
      rules: { cost: rule({ direction: 'lower' }) },
    });
    expect(lower?.label).toBe('improved');
  });

  it('labels infinity against infinity "undefined" with the reason, not regressed', () => {
    const [loss] = diffMetrics(new Map([['loss', Infinity]]), new Map([['loss', Infinity]]));
    expect(loss).toMatchObject({ label: 'undefined', delta: null });
    expect(loss?.note).toContain('not finite');
  });

  it('findRule prefers the exact key, then the longest suffix', () => {
    const exact = rule({ min: 1 });
    const long = rule({ min: 2 });
    const short = rule({ min: 3 });
    const rules = { 'a.b.auc': exact, 'b.auc': long, auc: short };
    expect(findRule('a.b.auc', rules)).toBe(exact);
    expect(findRule('x.b.auc', rules)).toBe(long);
    expect(findRule('x.auc', rules)).toBe(short);
    expect(findRule('aucx', rules)).toBeUndefined();
    expect(findRule('toString', rules)).toBeUndefined();
  });
});

describe('diffMetrics', () => {
  it('computes absolute and relative change with direction-aware labels', () => {
    const [auc, loss] = diffMetrics(flat({ auc: 0.8, loss: 0.5 }), flat({ auc: 0.84, loss: 0.6 }));
    expect(auc).toMatchObject({ name: 'auc', direction: 'higher', baseline: 0.8, candidate: 0.84, label: 'improved' });
    expect(auc?.delta).toBeCloseTo(0.04, 12);
    expect(auc?.relative).toBeCloseTo(0.05, 12);
    expect(loss).toMatchObject({ direction: 'lower', label: 'regressed' });
    expect(loss?.relative).toBeCloseTo(0.2, 12);
  });

  it('divides by the magnitude of a negative baseline and gives no relative change from zero', () => {
    const [r2, bias] = diffMetrics(flat({ r2: -0.5, bias: 0 }), flat({ r2: -0.25, bias: 0.1 }));
    expect(r2?.relative).toBeCloseTo(0.5, 12);
    expect(r2?.label).toBe('improved');
    expect(bias?.delta).toBeCloseTo(0.1, 12);
    expect(bias?.relative).toBeNull();
  });

  it('labels new, removed and unchanged metrics and skips values that are not numbers', () => {
    const comparisons = diffMetrics(
      flat({ auc: 0.9, old: 1, model: 'rf', f1: 0.7 }),
      flat({ auc: 0.9, fresh: 2, model: 'gbm', f1: 'n/a' }),
    );
    expect(comparisons.map(({ name, label }) => [name, label])).toEqual([
      ['auc', 'unchanged'],
      ['fresh', 'new'],
      ['f1', 'removed'],
      ['old', 'removed'],
    ]);
    expect(comparisons.find((c) => c.name === 'fresh')).toMatchObject({ baseline: null, delta: null, relative: null });
  });

  it('labels every metric new on the first run (no baseline)', () => {
    const comparisons = diffMetrics(null, flat({ auc: 0.9, loss: 0.2 }));
    expect(comparisons.map((c) => c.label)).toEqual(['new', 'new']);
  });

  it('keeps NaN and infinite values, with no delta, and marks a non-finite candidate as regressed', () => {
    const [loss, auc] = diffMetrics(flat({ loss: 0.3, auc: Number.NaN }), flat({ loss: Number.NaN, auc: 0.8 }));
    expect(loss?.candidate).toBeNaN();
    expect(loss).toMatchObject({ delta: null, relative: null, label: 'regressed' });
    expect(auc).toMatchObject({ candidate: 0.8, delta: null, label: 'improved' });
  });

  it('labels from the interval when one is supplied, and carries it and the p-value', () => {
    const intervals = new Map([
      ['recall', { low: -0.045, high: -0.017, method: 'paired-bootstrap', pValue: 0.001 }],
      ['precision', { low: -0.03, high: 0.01, method: 'paired-bootstrap' }],
      ['rmse', { low: -0.4, high: -0.1, method: 'paired-bootstrap' }],
    ]);
    const comparisons = diffMetrics(
      flat({ recall: 0.8, precision: 0.7, rmse: 3 }),
      flat({ recall: 0.769, precision: 0.69, rmse: 2.75 }),
      { intervals },
    );
    expect(comparisons.map((c) => c.label)).toEqual(['regressed', 'within-noise', 'improved']);
    expect(comparisons[0]).toMatchObject({
      ci: { low: -0.045, high: -0.017, method: 'paired-bootstrap' },
      pValue: 0.001,
    });
    expect(comparisons[1]?.pValue).toBeUndefined();
  });

  it('takes directions from the config rules', () => {
    const [score] = diffMetrics(flat({ score: 10 }), flat({ score: 12 }), {
      rules: { score: rule({ direction: 'lower' }) },
    });
    expect(score).toMatchObject({ direction: 'lower', label: 'regressed' });
  });

  it('compareMetric builds one comparison for callers that compute metrics themselves', () => {
    expect(compareMetric('mae', 'lower', 2, 1)).toMatchObject({ delta: -1, relative: -0.5, label: 'improved' });
  });
});

describe('diffParams', () => {
  it('lists changed, added and removed parameters and omits unchanged ones', () => {
    const changes = diffParams(
      flat({ 'train.lr': 0.1, 'train.depth': 6, seed: 42, 'features.0': 'age', dropped: true }),
      flat({ 'train.lr': 0.05, 'train.depth': 6, seed: 42, 'features.0': 'age', 'features.1': 'income' }),
    );
    expect(changes).toEqual([
      { name: 'train.lr', baseline: 0.1, candidate: 0.05 },
      { name: 'features.1', baseline: null, candidate: 'income' },
      { name: 'dropped', baseline: true, candidate: null },
    ]);
  });

  it('tells a type change apart (1 vs "1") and treats NaN as equal to NaN', () => {
    expect(diffParams(flat({ a: 1, b: Number.NaN }), flat({ a: '1', b: Number.NaN }))).toEqual([
      { name: 'a', baseline: 1, candidate: '1' },
    ]);
  });

  it('reports every parameter as added on the first run', () => {
    expect(diffParams(null, flat({ lr: 0.1 }))).toEqual([{ name: 'lr', baseline: null, candidate: 0.1 }]);
  });
});
