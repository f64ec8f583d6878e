import { describe, expect, it } from '@jest/globals';
import { diffMetrics } from '../../src/compare/diff.js';
import { parseMetricsText } from '../../src/compare/metrics-file.js';
import { evaluateGate } from '../../src/gate/evaluate.js';
import { absolute, gateConfig, relative, rule } from './helpers.js';

describe('DVC metrics files through diff and gate', () => {
  const gate = gateConfig({
    metrics: {
      auc: rule({ min: 0.8, maxRegression: absolute(0.005) }),
      log_loss: rule({ maxRegression: relative(0.05) }),
    },
  });

  it('fails a lower-is-better metric that rose beyond a relative tolerance, from YAML baseline and TOML candidate', () => {
    const baseline = parseMetricsText('eval:\n  auc: 0.874\n  log_loss: 0.4\n', 'base/metrics.yaml');
    const candidate = parseMetricsText('[eval]\nauc = 0.876\nlog_loss = 0.43\n', 'metrics.toml');
    const comparisons = diffMetrics(baseline, candidate, { rules: gate.metrics });
    const result = evaluateGate(gate, { comparisons, baselineMissing: false, metricsFile: 'metrics.toml' });
    expect(result.status).toBe('fail');
    expect(result.reasons.map((r) => [r.rule, r.status, r.metric])).toEqual([
      ['min', 'pass', 'eval.auc'],
      ['max_regression', 'pass', 'eval.auc'],
      ['max_regression', 'fail', 'eval.log_loss'],
    ]);
    expect(result.reasons[2]?.message).toBe(
      'eval.log_loss rose by 0.03, more than the allowed 5% (0.02) (no confidence interval, so the point estimate decides)',
    );
  });

  it('fails closed on a NaN written by Python json.dump, naming the file', () => {
    const baseline = parseMetricsText('{"eval": {"auc": 0.874, "log_loss": 0.4}}', 'base.json');
    const candidate = parseMetricsText('{"eval": {"auc": NaN, "log_loss": 0.39}}', 'metrics.json');
    const result = evaluateGate(gate, {
      comparisons: diffMetrics(baseline, candidate),
      baselineMissing: false,
      metricsFile: 'metrics.json',
    });
    expect(result.status).toBe('fail');
    expect(result.reasons[0]).toMatchObject({
      rule: 'finite',
      message: expect.stringContaining('eval.auc is NaN in metrics.json'),
    });
  });
});
