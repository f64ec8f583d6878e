import type { Report } from '@mlgate/core';

/** A report with every chart the page draws: drift of numbers and categories, history with intervals, slices. */
export const chartedReport: Report = {
  schema: 'mlgate/report@1',
  createdAt: '2026-12-04T10:00:00Z',
  subject: { sha: '0123456789abcdef0123456789abcdef01234567' },
  verdict: {
    status: 'fail',
    summary: 'auc regressed on the basic plan',
    reasons: [{ rule: 'slice_regression', status: 'fail', message: 'auc got worse on plan=basic', model: 'churn' }],
  },
  validations: [
    {
      dataset: 'train',
      rows: 8000,
      columns: 3,
      status: 'warn',
      checks: [
        { check: 'in_set', column: 'plan', status: 'warn', message: 'unknown plan', examples: [{ value: 'x' }] },
      ],
      drift: {
        status: 'warn',
        share: 0.5,
        threshold: 0.5,
        columns: [
          {
            column: 'tenure_months',
            test: 'ks',
            statistic: 0.21,
            pValue: 1e-12,
            effect: { name: 'normalized-wasserstein', value: 0.4, threshold: 0.1 },
            drifted: true,
            method: 'ks-asymptotic',
            distribution: {
              kind: 'histogram',
              edges: [0, 12, 24, 36, 48, 60, 72],
              reference: [800, 900, 1000, 1100, 1000, 900],
              current: [1500, 1400, 1100, 700, 500, 300],
            },
          },
          {
            column: 'plan',
            test: 'chi2',
            statistic: 3.2,
            pValue: 0.2,
            effect: { name: 'cramers-v', value: 0.02, threshold: 0.1 },
            drifted: false,
            method: 'chi2',
            distribution: {
              kind: 'categories',
              categories: ['basic', 'pro', 'team'],
              reference: [3000, 2000, 700],
              current: [3100, 1900, 650],
              other: { reference: 10, current: 12 },
            },
          },
        ],
      },
    },
  ],
  comparisons: [
    {
      model: 'churn',
      baseline: { label: 'churn@v1.2.0' },
      candidate: { label: 'candidate' },
      confidence: 0.95,
      metrics: [
        {
          name: 'auc',
          direction: 'higher',
          baseline: 0.8,
          candidate: 0.81,
          delta: 0.01,
          relative: 0.0125,
          ci: { low: -0.004, high: 0.024, method: 'paired bootstrap' },
          label: 'within-noise',
        },
      ],
      slices: [
        {
          column: 'plan',
          value: 'basic',
          size: 3000,
          metrics: [
            {
              name: 'auc',
              direction: 'higher',
              baseline: 0.78,
              candidate: 0.74,
              delta: -0.04,
              relative: -0.05,
              ci: { low: -0.06, high: -0.02, method: 'paired bootstrap' },
              label: 'regressed',
            },
          ],
        },
        {
          column: 'plan',
          value: 'pro',
          size: 2000,
          metrics: [
            {
              name: 'auc',
              direction: 'higher',
              baseline: 0.82,
              candidate: 0.86,
              delta: 0.04,
              relative: 0.05,
              ci: { low: 0.02, high: 0.06, method: 'paired bootstrap' },
              label: 'improved',
            },
          ],
        },
      ],
      params: [{ name: 'lr', baseline: 0.1, candidate: 0.2 }],
      history: {
        metric: 'auc',
        versions: [
          { version: 'churn@v1.0.0', value: 0.76, interval: { low: 0.75, high: 0.78 } },
          { version: 'churn@v1.1.0', value: 0.79 },
          { version: 'churn@v1.2.0', value: 0.8, interval: { low: 0.79, high: 0.815 }, stages: ['production'] },
        ],
      },
    },
  ],
};
