import { describe, expect, it } from '@jest/globals';
import type { DriftResult, ValidationSection } from '../../src/report/types.js';
import { attachDrift, validationVerdict } from '../../src/validate/report.js';

const section = (): ValidationSection => ({ dataset: 'train.csv', rows: 10, columns: 3, status: 'pass', checks: [] });

describe('validationVerdict with drift', () => {
  it('states a lost column as the reason for the drift warning, not "0 columns drifted"', () => {
    const drift: DriftResult = {
      status: 'warn',
      share: 0,
      threshold: 0.5,
      columns: [],
      skipped: [
        {
          column: 'age',
          reason: 'missing-in-current',
          status: 'warn',
          message: 'column "age" is missing from the current data',
        },
        {
          column: 'new',
          reason: 'missing-in-reference',
          status: 'pass',
          message: 'column "new" is new (not in the reference)',
        },
      ],
    };
    const verdict = validationVerdict([attachDrift(section(), drift)]);
    expect(verdict.status).toBe('warn');
    expect(verdict.reasons).toEqual([
      { rule: 'drift', status: 'warn', message: 'column "age" is missing from the current data', dataset: 'train.csv' },
    ]);
  });
});
