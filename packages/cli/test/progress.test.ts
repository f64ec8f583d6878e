import { describe, expect, it } from '@jest/globals';
import { progressLine } from '../src/progress.js';
import { capture } from './capture-io.js';

function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('progressLine', () => {
  it('redraws a bar in place on a terminal, at most ten times a second', () => {
    const c = capture('/', true);
    const time = clock();
    const report = progressLine(c.io, 'validating', time);
    time.advance(2000);
    report({ bytes: 50e6, totalBytes: 200e6, rows: 1_000_000 });
    report({ bytes: 60e6, totalBytes: 200e6, rows: 1_200_000 });
    expect(c.err()).toBe('\r\x1b[Kvalidating [######..................]  25% 50 MB, 500,000 rows/s');
  });

  it('writes a plain line every ten seconds when stderr is a log, and nothing for a short read', () => {
    const c = capture('/', false);
    const time = clock();
    const report = progressLine(c.io, 'profiling', time);
    time.advance(9000);
    report({ bytes: 10e6, totalBytes: 100e6, rows: 90_000 });
    expect(c.err()).toBe('');
    time.advance(1000);
    report({ bytes: 100e6, totalBytes: 100e6, rows: 1_000_000 });
    expect(c.err()).toBe('profiling: 100% (100 of 100 MB, 1,000,000 rows, 100,000 rows/s)\n');
  });
});
