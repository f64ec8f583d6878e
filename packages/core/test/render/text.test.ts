import { describe, it, expect } from '@jest/globals';
import { renderReportText } from '../../src/index.js';
import { comparisonSection, report, validationSection } from '../fixtures/reports.js';

describe('renderReportText', () => {
  it('starts with the verdict and the commit', () => {
    const lines = renderReportText(
      report({ verdict: { status: 'warn', summary: 'drift in region', reasons: [] } }),
    ).split('\n');
    expect(lines[0]).toBe('mlgate: WARN - drift in region');
    expect(lines[1]).toBe('  commit a5c3785, acme/churn, PR 12');
  });

  it('prints names as written, without Markdown escapes, and strips terminal control sequences', () => {
    const text = renderReportText(report({ validations: [validationSection({ dataset: 'my_data\u001B[2J\u202E' })] }));
    expect(text).toContain('Data "my_data[2J": FAIL (12,345 rows x 8 columns)');
    expect(text).not.toContain('\u001B');
    expect(text).not.toContain('\u202E');
    expect(text).toContain('in_range');
  });

  it('lists failing checks before warnings and counts the passing ones', () => {
    const text = renderReportText(report({ validations: [validationSection()] }));
    expect(text.indexOf('FAIL  in_range')).toBeLessThan(text.indexOf('WARN  row_count'));
    expect(text).toContain('  1 check passed');
  });

  it('aligns the comparison table in columns', () => {
    const text = renderReportText(report({ comparisons: [comparisonSection()] }));
    const lines = text.split('\n');
    const header = lines.find((line) => line.includes('Metric'));
    const auc = lines.find((line) => line.trimStart().startsWith('auc'));
    const logLoss = lines.find((line) => line.trimStart().startsWith('log_loss'));
    expect(header).toBe('  Metric    Baseline  Candidate  Delta              95% CI              Verdict');
    expect(auc).toBe('  auc       0.8123    0.8234     +0.01106 (+1.36%)  [+0.0021, +0.0201]  improved (p = 0.012)');
    expect(logLoss?.indexOf('0.41')).toBe(header?.indexOf('Baseline'));
  });

  it('shows the worst slice first and changed parameters', () => {
    const [auc] = comparisonSection().metrics;
    if (!auc) throw new Error('fixture has auc');
    const text = renderReportText(
      report({
        comparisons: [
          comparisonSection({
            slices: [
              { column: 'region', value: 'EU', size: 120, metrics: [auc] },
              { column: 'region', value: 'US', size: 300, metrics: [{ ...auc, relative: -0.1, label: 'regressed' }] },
            ],
            params: [{ name: 'lr', baseline: 0.1, candidate: null }],
          }),
        ],
      }),
    );
    expect(text.indexOf('region = "US"')).toBeLessThan(text.indexOf('region = "EU"'));
    expect(text).toContain('    lr: 0.1 -> -');
  });

  it('says when there is no baseline', () => {
    expect(renderReportText(report({ comparisons: [comparisonSection({ baseline: null })] }))).toContain(
      'Model "churn": "candidate", no baseline yet (first run)',
    );
  });
});
