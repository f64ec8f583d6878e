import { describe, expect, it } from '@jest/globals';
import { evaluateGate } from '../../src/gate/evaluate.js';
import type { GateInput } from '../../src/gate/types.js';
import type { SliceComparison } from '../../src/report/types.js';
import { absolute, comparison, gateConfig, relative, rule } from './helpers.js';

const input = (extra: Partial<GateInput> = {}): GateInput => ({
  comparisons: [],
  baselineMissing: false,
  metricsFile: 'metrics.json',
  ...extra,
});

describe('evaluateGate value bounds', () => {
  const gate = gateConfig({ metrics: { auc: rule({ min: 0.8 }), latency: rule({ max: 200 }) } });

  it('passes values inside min and max with a reason for each', () => {
    const result = evaluateGate(
      gate,
      input({ comparisons: [comparison('auc', 0.85, 0.874), comparison('latency', 150, 120)] }),
    );
    expect(result.status).toBe('pass');
    expect(result.reasons).toEqual([
      { rule: 'min', status: 'pass', message: 'auc 0.874 ≥ min 0.8', metric: 'auc' },
      { rule: 'max', status: 'pass', message: 'latency 120 ≤ max 200', metric: 'latency' },
    ]);
  });

  it('fails a value below min or above max', () => {
    const result = evaluateGate(
      gate,
      input({ comparisons: [comparison('auc', 0.85, 0.774), comparison('latency', 150, 250)] }),
    );
    expect(result.status).toBe('fail');
    expect(result.reasons.map((r) => [r.rule, r.status, r.message])).toEqual([
      ['min', 'fail', 'auc 0.774 < min 0.8'],
      ['max', 'fail', 'latency 250 > max 200'],
    ]);
  });

  it('applies a rule named without the file nesting to the one nested metric that ends with it', () => {
    const result = evaluateGate(
      gate,
      input({ comparisons: [comparison('test.auc', 0.85, 0.9), comparison('latency', 1, 1)] }),
    );
    expect(result.reasons[0]).toMatchObject({ status: 'pass', metric: 'test.auc', message: 'test.auc 0.9 ≥ min 0.8' });
  });
});

describe('evaluateGate fails closed', () => {
  const gate = gateConfig({ metrics: { auc: rule({ min: 0.5 }) } });

  it('fails a configured metric that is missing, naming the metric and the file', () => {
    const result = evaluateGate(gate, input({ comparisons: [comparison('loss', 1, 1)], metricsFile: 'out/eval.json' }));
    expect(result.status).toBe('fail');
    expect(result.reasons).toEqual([
      { rule: 'metric_present', status: 'fail', message: 'auc is missing from out/eval.json', metric: 'auc' },
    ]);
  });

  it('fails a metric the candidate dropped or wrote as text', () => {
    const result = evaluateGate(gate, input({ comparisons: [comparison('auc', 0.9, null, { label: 'removed' })] }));
    expect(result.reasons[0]).toMatchObject({
      status: 'fail',
      message: 'auc in metrics.json is missing or not a number',
    });
  });

  it.each([
    [Number.NaN, 'NaN'],
    [Number.POSITIVE_INFINITY, '∞'],
    [Number.NEGATIVE_INFINITY, '−∞'],
  ])('fails a value of %s and judges no other rule of that metric', (value, shown) => {
    const result = evaluateGate(
      gateConfig({ metrics: { auc: rule({ min: 0.5, maxRegression: absolute(1) }) } }),
      input({ comparisons: [comparison('auc', 0.9, value)] }),
    );
    expect(result.status).toBe('fail');
    expect(result.reasons).toEqual([
      {
        rule: 'finite',
        status: 'fail',
        message: `auc is ${shown} in metrics.json; only finite numbers can pass the gate`,
        metric: 'auc',
      },
    ]);
  });

  it('fails a rule name that matches several nested metrics instead of guessing', () => {
    const result = evaluateGate(
      gate,
      input({ comparisons: [comparison('train.auc', 0.9, 0.9), comparison('test.auc', 0.9, 0.4)] }),
    );
    expect(result.status).toBe('fail');
    expect(result.reasons[0]?.message).toContain('matches several metrics in metrics.json (train.auc, test.auc)');
  });
});

describe('evaluateGate max_regression', () => {
  const significant = { low: -0.045, high: -0.017, method: 'bootstrap' };
  const straddling = { low: -0.06, high: -0.004, method: 'bootstrap' };

  it('fails a significant regression beyond the tolerance', () => {
    const gate = gateConfig({ metrics: { recall: rule({ maxRegression: absolute(0.01) }) } });
    const result = evaluateGate(gate, input({ comparisons: [comparison('recall', 0.8, 0.769, { ci: significant })] }));
    expect(result.status).toBe('fail');
    expect(result.reasons).toEqual([
      {
        rule: 'max_regression',
        status: 'fail',
        message:
          "recall fell by 0.031 (95% CI −0.045 to −0.017), more than the allowed 0.01, and significantly: even the interval's most favourable end is a fall of 0.017",
        metric: 'recall',
      },
    ]);
  });

  it('warns on the same drop when its interval reaches back inside the allowance, and fails it under significance: none', () => {
    const candidate = [comparison('recall', 0.8, 0.769, { ci: straddling })];
    const required = evaluateGate(
      gateConfig({ metrics: { recall: rule({ maxRegression: absolute(0.01) }) } }),
      input({ comparisons: candidate }),
    );
    expect(required.status).toBe('warn');
    expect(required.reasons[0]?.message).toContain('beyond the allowed 0.01, but not significantly');
    const pointOnly = evaluateGate(
      gateConfig({ metrics: { recall: rule({ maxRegression: absolute(0.01), significance: 'none' }) } }),
      input({ comparisons: candidate }),
    );
    expect(pointOnly.status).toBe('fail');
  });

  it('uses the interval confidence from the config in the message', () => {
    const gate = gateConfig({ confidence: 0.9, metrics: { recall: rule({ maxRegression: relative(0.01) }) } });
    const result = evaluateGate(gate, input({ comparisons: [comparison('recall', 0.8, 0.769, { ci: significant })] }));
    expect(result.reasons[0]?.message).toBe(
      "recall fell by 0.031 (90% CI −0.045 to −0.017), more than the allowed 1% (0.008), and significantly: even the interval's most favourable end is a fall of 0.017",
    );
  });

  it('warns when the metric is new, so a renamed metric is visible rather than silently ungated', () => {
    const gate = gateConfig({ metrics: { recall: rule({ maxRegression: absolute(0.01) }) } });
    const result = evaluateGate(gate, input({ comparisons: [comparison('recall', null, 0.7, { label: 'new' })] }));
    expect(result.status).toBe('warn');
    expect(result.reasons[0]?.message).toBe('recall is not in the baseline, so max_regression was not checked');
  });

  it('warns when the baseline value is not finite', () => {
    const gate = gateConfig({ metrics: { loss: rule({ maxRegression: absolute(0.01) }) } });
    const result = evaluateGate(gate, input({ comparisons: [comparison('loss', Number.NaN, 0.3, { delta: null })] }));
    expect(result.status).toBe('warn');
    expect(result.reasons[0]?.message).toContain("baseline's loss is NaN");
  });
});

describe('evaluateGate missing baseline', () => {
  const gate = (outcome: 'pass' | 'warn' | 'fail') =>
    gateConfig({ onMissingBaseline: outcome, metrics: { auc: rule({ min: 0.8, maxRegression: absolute(0.01) }) } });
  const firstRun = input({ comparisons: [comparison('auc', null, 0.85, { label: 'new' })], baselineMissing: true });

  it('uses the configured outcome with a clear notice, skips regression rules and keeps value bounds', () => {
    const result = evaluateGate(gate('pass'), firstRun);
    expect(result.status).toBe('pass');
    expect(result.reasons.map((r) => r.rule)).toEqual(['on_missing_baseline', 'min']);
    expect(result.reasons[0]?.message).toContain('no baseline to compare with (first run)');
  });

  it.each(['warn', 'fail'] as const)('on_missing_baseline: %s decides the verdict', (outcome) => {
    expect(evaluateGate(gate(outcome), firstRun).status).toBe(outcome);
  });

  it('still fails a first run whose value is out of bounds', () => {
    const low = input({ comparisons: [comparison('auc', null, 0.7, { label: 'new' })], baselineMissing: true });
    expect(evaluateGate(gate('pass'), low).status).toBe('fail');
  });
});

describe('evaluateGate require', () => {
  it.each([
    [undefined, 'fail', 'data validation is required (gate.require) but no result was given'],
    ['fail', 'fail', 'data validation failed'],
    ['warn', 'warn', 'data validation passed with warnings'],
    ['pass', 'pass', 'data validation passed'],
  ] as const)('data_validation with a validation status of %s → %s', (validationStatus, status, message) => {
    const result = evaluateGate(
      gateConfig({ require: ['data_validation'] }),
      input(validationStatus ? { validationStatus } : {}),
    );
    expect(result.status).toBe(status);
    expect(result.reasons).toEqual([{ rule: 'require.data_validation', status, message }]);
  });

  it('checks drift against the drift status, not the validation status', () => {
    const result = evaluateGate(
      gateConfig({ require: ['drift'] }),
      input({ validationStatus: 'pass', driftStatus: 'fail' }),
    );
    expect(result.reasons).toEqual([{ rule: 'require.drift', status: 'fail', message: 'drift check failed' }]);
  });
});

describe('evaluateGate slices', () => {
  const slice = (value: string, size: number, ...metrics: SliceComparison['metrics']): SliceComparison => ({
    column: 'region',
    value,
    size,
    metrics,
  });
  const sliceGate = (extra = {}) =>
    gateConfig({
      metrics: { recall: rule({ significance: 'none' }) },
      slices: { columns: ['region'], minSize: 30, maxRegression: absolute(0.02), metrics: {}, ...extra },
    });
  const overall = [comparison('recall', 0.8, 0.8)];

  it('fails the slices beyond the tolerance, worst slice first, and skips small ones with a notice', () => {
    const slices = [
      slice('EU', 400, comparison('recall', 0.8, 0.77)),
      slice('US', 500, comparison('recall', 0.8, 0.7)),
      slice('APAC', 300, comparison('recall', 0.8, 0.79)),
      slice('LATAM', 12, comparison('recall', 0.8, 0.2)),
    ];
    const result = evaluateGate(sliceGate(), input({ comparisons: overall, slices }));
    expect(result.status).toBe('fail');
    const sliceReasons = result.reasons.filter((r) => r.rule.startsWith('slices'));
    expect(sliceReasons.map((r) => [r.rule, r.status, r.message.split(':')[0]])).toEqual([
      ['slices.min_size', 'pass', '1 slice(s) with fewer than 30 rows were not gated'],
      ['slices.max_regression', 'fail', 'slice region=US (n=500)'],
      ['slices.max_regression', 'fail', 'slice region=EU (n=400)'],
    ]);
    expect(sliceReasons[1]).toMatchObject({ metric: 'recall', column: 'region' });
    expect(sliceReasons[1]?.message).toBe('slice region=US (n=500): recall fell by 0.1, more than the allowed 0.02');
  });

  it('passes with one reason naming the worst slice when all are within tolerance', () => {
    const slices = [
      slice('EU', 400, comparison('recall', 0.8, 0.79)),
      slice('US', 500, comparison('recall', 0.8, 0.785)),
    ];
    const result = evaluateGate(sliceGate(), input({ comparisons: overall, slices }));
    expect(result.status).toBe('pass');
    const [reason] = result.reasons;
    expect(reason?.status).toBe('pass');
    expect(reason?.message).toMatch(
      /^2 slice\(s\) with at least 30 rows are within the allowed regression; worst: region=US/,
    );
  });

  it('honours the significance mode per metric inside slices', () => {
    const noisy = slice(
      'EU',
      40,
      comparison('recall', 0.8, 0.7, { ci: { low: -0.25, high: 0.05, method: 'bootstrap' } }),
    );
    const significant = evaluateGate(
      gateConfig({
        metrics: { recall: rule({ significance: 'regression' }) },
        slices: { columns: ['region'], minSize: 30, maxRegression: absolute(0.02), metrics: {} },
      }),
      input({ comparisons: overall, slices: [noisy] }),
    );
    expect(significant.status).toBe('warn');
    expect(significant.reasons.find((r) => r.rule === 'slices.max_regression')?.message).toContain(
      'slice region=EU (n=40): recall fell by 0.1 (95% CI −0.25 to +0.05), beyond the allowed 0.02, but not significantly',
    );
    expect(evaluateGate(sliceGate(), input({ comparisons: overall, slices: [noisy] })).status).toBe('fail');
  });

  it('judges each metric named in gate.slices.metrics with its own allowance and mode', () => {
    const eu = slice(
      'EU',
      400,
      comparison('recall', 0.8, 0.75, { ci: { low: -0.07, high: -0.03, method: 'bootstrap' } }),
      comparison('roc_auc', 0.9, 0.89, { ci: { low: -0.04, high: 0.02, method: 'bootstrap' } }),
    );
    const gate = gateConfig({
      metrics: { recall: rule(), roc_auc: rule() },
      slices: {
        columns: ['region'],
        minSize: 30,
        metrics: {
          recall: { maxRegression: absolute(0.1) },
          roc_auc: { maxRegression: absolute(0.02), significance: 'non_inferiority' },
        },
      },
    });
    const result = evaluateGate(gate, input({ comparisons: overall, slices: [eu] }));
    // recall's fall of 0.05 is within its slice allowance of 0.1; roc_auc's interval reaches a fall of
    // 0.04, beyond 0.02, so non-inferiority is not shown.
    expect(result.status).toBe('fail');
    const flagged = result.reasons.filter((r) => r.rule === 'slices.max_regression');
    expect(flagged).toHaveLength(1);
    expect(flagged[0]).toMatchObject({ metric: 'roc_auc', status: 'fail' });
    expect(flagged[0]?.message).toContain('non-inferiority is not shown, the interval reaches a fall of 0.04');
  });

  it('reads an undefined slice metric as a warning that gives the reason', () => {
    const undefinedAuc = comparison('roc_auc', null, null, { label: 'undefined', note: 'no example is "1"' });
    const gate = gateConfig({
      slices: { columns: ['region'], minSize: 30, maxRegression: absolute(0.02), metrics: {} },
    });
    const result = evaluateGate(gate, input({ slices: [slice('EU', 40, undefinedAuc)] }));
    expect(result.status).toBe('warn');
    expect(result.reasons.map((r) => r.message)).toContain(
      'slice region=EU (n=40): roc_auc is undefined (no example is "1"), so it was not checked',
    );
  });

  it('only judges metrics that have a gate rule when there are rules', () => {
    const slices = [slice('EU', 400, comparison('recall', 0.8, 0.8), comparison('accuracy', 0.9, 0.5))];
    expect(evaluateGate(sliceGate(), input({ comparisons: overall, slices })).status).toBe('pass');
    const noRules = gateConfig({
      slices: { columns: ['region'], minSize: 30, maxRegression: absolute(0.02), metrics: {} },
    });
    expect(evaluateGate(noRules, input({ slices })).status).toBe('fail');
  });

  it('ignores slices of columns that are not configured', () => {
    const other: SliceComparison = {
      column: 'plan',
      value: 'pro',
      size: 900,
      metrics: [comparison('recall', 0.8, 0.1)],
    };
    const result = evaluateGate(
      sliceGate(),
      input({ comparisons: overall, slices: [other, slice('EU', 400, comparison('recall', 0.8, 0.8))] }),
    );
    expect(result.status).toBe('pass');
  });

  it('warns about a metric that is undefined in a slice (one class only) instead of failing', () => {
    const oneClass = slice('EU', 50, comparison('recall', 0.8, Number.NaN, { delta: null }));
    const result = evaluateGate(sliceGate(), input({ comparisons: overall, slices: [oneClass] }));
    expect(result.status).toBe('warn');
    expect(result.reasons.at(-1)?.message).toBe(
      'slice region=EU (n=50): recall is not a finite number (baseline 0.8, candidate NaN), so it was not checked',
    );
  });

  it('warns when slice rules are configured but no slice metrics were computed, or none is big enough', () => {
    expect(evaluateGate(sliceGate(), input({ comparisons: overall })).reasons.at(-1)).toMatchObject({
      rule: 'slices',
      status: 'warn',
    });
    const tiny = [slice('EU', 5, comparison('recall', 0.8, 0.8))];
    const result = evaluateGate(sliceGate(), input({ comparisons: overall, slices: tiny }));
    expect(result.status).toBe('warn');
    expect(result.reasons.at(-1)?.message).toContain('no slice has at least 30 rows');
  });

  it('skips slice regressions on the first run', () => {
    const slices = [slice('EU', 400, comparison('recall', null, 0.1, { label: 'new' }))];
    const result = evaluateGate(
      sliceGate(),
      input({ comparisons: [comparison('recall', null, 0.8)], slices, baselineMissing: true }),
    );
    expect(result.status).toBe('pass');
    expect(result.reasons.map((r) => r.rule)).toEqual(['on_missing_baseline']);
  });
});

describe('evaluateGate verdict', () => {
  it('is the worst reason, with the model on every reason', () => {
    const gate = gateConfig({ require: ['data_validation'], metrics: { auc: rule({ min: 0.8 }) } });
    const result = evaluateGate(
      gate,
      input({ comparisons: [comparison('auc', 0.9, 0.9)], validationStatus: 'warn', model: 'churn' }),
    );
    expect(result.status).toBe('warn');
    expect(result.reasons.every((reason) => reason.model === 'churn')).toBe(true);
  });

  it('passes with no reasons when no rule is configured', () => {
    expect(evaluateGate(gateConfig(), input({ comparisons: [comparison('auc', 0.9, 0.1)] }))).toEqual({
      status: 'pass',
      reasons: [],
    });
  });
});
