import { describe, expect, it } from '@jest/globals';
import { progressLogger } from '../src/progress.js';

describe('progressLogger', () => {
  it('logs bytes, rows and rows/s at most once per interval', () => {
    let clock = 1_000;
    const lines: string[] = [];
    const report = progressLogger('validating big.csv', (line) => lines.push(line), {
      intervalMs: 5000,
      now: () => clock,
    });

    clock += 1000;
    report({ bytes: 10_000_000, totalBytes: 80_000_000, rows: 100_000 });
    expect(lines).toEqual([]);
    clock += 4000;
    report({ bytes: 40_000_000, totalBytes: 80_000_000, rows: 500_000 });
    clock += 1000;
    report({ bytes: 48_000_000, totalBytes: 80_000_000, rows: 600_000 });

    expect(lines).toEqual(['validating big.csv: 40.0 MB of 80.0 MB (50.0%), 500,000 rows, 100,000 rows/s']);
  });
});
