import { describe, expect, it } from '@jest/globals';
import { checkConclusion, reportForModel, type Report, type VerdictStatus } from '../../src/index.js';
import { comparisonSection, report, validationSection } from '../fixtures/reports.js';

describe('reportForModel', () => {
  const merged: Report = report({
    verdict: {
      status: 'fail',
      summary: 'fraud regressed',
      reasons: [
        { rule: 'max_regression', status: 'fail', message: 'fraud auc got worse', model: 'fraud' },
        { rule: 'min', status: 'pass', message: 'churn auc fine', model: 'churn' },
        { rule: 'drift', status: 'warn', message: 'region drifted', dataset: 'train' },
      ],
    },
    validations: [validationSection({ status: 'warn' })],
    comparisons: [comparisonSection({ model: 'churn' }), comparisonSection({ model: 'fraud' })],
  });

  it("keeps the model's comparison, all data validations, and the reasons about it or about no model", () => {
    const churn = reportForModel(merged, 'churn');
    expect(churn.comparisons?.map((c) => c.model)).toEqual(['churn']);
    expect(churn.validations).toHaveLength(1);
    expect(churn.verdict.reasons.map((r) => r.message)).toEqual(['churn auc fine', 'region drifted']);
    expect(churn.verdict.status).toBe('warn');
    expect(churn.verdict.summary).toBe('region drifted');
  });

  it("is decided by another model's failure only for that model", () => {
    expect(reportForModel(merged, 'fraud').verdict.status).toBe('fail');
    expect(reportForModel(merged, 'fraud').verdict.summary).toBe('fraud auc got worse');
  });

  it('falls back on the overall verdict when the report gives no reasons', () => {
    const bare = report({
      verdict: { status: 'pass', summary: 'ok', reasons: [] },
      comparisons: [comparisonSection()],
    });
    expect(reportForModel(bare, 'churn').verdict).toEqual({ status: 'pass', summary: 'ok', reasons: [] });
  });
});

describe('checkConclusion', () => {
  it('maps a warning to neutral, which still passes a required check', () => {
    const statuses: VerdictStatus[] = ['pass', 'warn', 'fail', 'skipped'];
    expect(statuses.map(checkConclusion)).toEqual(['success', 'neutral', 'failure', 'skipped']);
  });
});
