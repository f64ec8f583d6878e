/**
 * The exact-values cap through the built CLI (packages/cli/dist/index.js, as users run it): `--exact-values`, the
 * config's `profile.exact_values`, and what each gives in the report — scipy's numbers while both sides keep their
 * values, certified bounds marked in the JSON and the markdown once a side has more.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ColumnDrift, Report } from '@mlgate/core';
import { twoSampleCases } from '../../core/test/stats/reference/ks.js';
import { sampleFrom } from '../../core/test/stats/lcg.js';
import { runBuiltCli } from './built-cli.js';

// packages/core/test/stats/reference/ks.ts, case "asymptotic": scipy 1.10 ks_2samp(a, b, method='auto') on
// 20,000 vs 15,000 LCG values that sampleFrom regenerates bit for bit (asymptotic p: both sides above 10,000). So
// many values share the value grid's bins that past the cap D is only known within an interval.
const pinned = twoSampleCases.find((c) => c.name === 'asymptotic')!;

let work: string;
const write = (name: string, text: string) => writeFileSync(join(work, name), text);
const column = (values: Float64Array) => `x\n${Array.from(values, String).join('\n')}\n`;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'mlgate-exact-values-'));
  write('reference.csv', column(sampleFrom(pinned.a)));
  write('current.csv', column(sampleFrom(pinned.b)));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function driftOf(...options: string[]): Promise<{ x: ColumnDrift; report: Report }> {
  const run = await runBuiltCli(work, [
    'validate',
    'current.csv',
    '--reference',
    'reference.csv',
    '--json',
    ...options,
  ]);
  expect(run.stderr).toBe('');
  const report = JSON.parse(run.stdout) as Report;
  // A verdict (1: drifted), not an input error.
  expect(run.code).toBe(report.verdict.status === 'fail' ? 1 : 0);
  const x = report.validations![0]!.drift!.columns.find((c) => c.column === 'x')!;
  return { x, report };
}

describe('mlgate validate --exact-values', () => {
  it('gives scipy’s ks_2samp statistic and exact p when the cap is above the row count', async () => {
    const { x } = await driftOf('--exact-values', '20000');
    expect(x.method).toBe('ks-asymptotic');
    expect(x.bounds).toBeUndefined();
    expect(x.statistic).toBeCloseTo(pinned.statistic, 14);
    expect(x.pValue! / pinned.pValue).toBeCloseTo(1, 9);
  });

  it('marks drift approximate with bounds around scipy’s D, and p never below scipy’s, under a smaller cap', async () => {
    const { x, report } = await driftOf('--exact-values', '10000', '-o', 'capped.json');
    const [low, high] = x.bounds!.statistic;
    // scipy's D is a difference of two float CDFs, one ulp below the exact 6,065,000 / (20,000 · 15,000)
    // that mlgate computes on whole counts.
    const ulp = 1e-17;
    expect(low).toBeLessThanOrEqual(pinned.statistic + ulp);
    expect(high).toBeGreaterThanOrEqual(pinned.statistic - ulp);
    expect(x.statistic).toBe(low);
    const [effectLow, effectHigh] = x.bounds!.effect;
    expect(effectHigh).toBeGreaterThan(effectLow);
    expect(x.effect.value).toBe(effectLow);
    // Never below the exact p (mlgate's own under a cap above the row count, which is scipy's to 1e-9).
    const exact = (await driftOf('--exact-values', '20000')).x;
    expect(x.pValue).toBeGreaterThanOrEqual(exact.pValue!);
    expect(x.pValue! / pinned.pValue).toBeCloseTo(1, 9);
    expect(x.note).toMatch(/more values than its profile keeps exactly \(10,000 values\)/);
    expect(report).toEqual(JSON.parse(readFileSync(join(work, 'capped.json'), 'utf8')));

    const markdown = await runBuiltCli(work, ['report', 'capped.json', '--format', 'markdown']);
    expect(markdown.code).toBe(0);
    const row = markdown.stdout.split('\n').find((line) => line.startsWith('| `x` |'))!;
    const cells = row.split('|').map((cell) => cell.trim());
    expect(cells[4]).toMatch(/^≥ 0\.00\d+$/);
    expect(cells[5]).toMatch(/wasserstein 0\.\d+–0\.\d+ \(threshold 0\.1\)$/);
    expect(markdown.stdout).toContain('when a side had more values than its profile keeps exactly');
  });

  it('takes the cap from mlgate.yml’s profile.exact_values, and the flag over it', async () => {
    write('mlgate.yml', 'version: 1\nprofile:\n  exact_values: 10000\n');
    try {
      expect((await driftOf()).x.bounds).toBeDefined();
      expect((await driftOf('--exact-values', '20000')).x.bounds).toBeUndefined();
      write('other.yml', 'version: 1\nprofile:\n  exact_values: 20000\n');
      expect((await driftOf('--config', 'other.yml')).x.bounds).toBeUndefined();
    } finally {
      rmSync(join(work, 'mlgate.yml'));
    }
  });

  it('refuses a cap that is not a whole number from 1 to 100,000,000 with one line and exit 2', async () => {
    for (const bad of ['0', '-5', '2.5', 'many', '100000001']) {
      const run = await runBuiltCli(work, ['validate', 'current.csv', '--exact-values', bad]);
      expect({ code: run.code, stderr: run.stderr, stdout: run.stdout }).toEqual({
        code: 2,
        stderr: `mlgate validate: --exact-values: expected a whole number of values from 1 to 100,000,000, got ${JSON.stringify(bad)}\n`,
        stdout: '',
      });
    }
    write('bad.yml', 'version: 1\nprofile:\n  exact_values: 0\n');
    const config = await runBuiltCli(work, ['profile', 'current.csv', '--config', 'bad.yml']);
    expect(config.code).toBe(2);
    expect(config.stderr.trim().split('\n')).toHaveLength(1);
    expect(config.stderr).toMatch(/bad\.yml.*profile\.exact_values/);
  });
});

describe('mlgate profile --exact-values', () => {
  it('keeps the values up to the cap and only the value grid past it', async () => {
    const exact = await runBuiltCli(work, ['profile', 'reference.csv', '-o', 'exact.json']);
    const capped = await runBuiltCli(work, ['profile', 'reference.csv', '--exact-values', '100', '-o', 'capped.json']);
    expect([exact.code, capped.code]).toEqual([0, 0]);
    const exactValues = (name: string) =>
      JSON.parse(readFileSync(join(work, name), 'utf8')).columns[0].numbers.exact as Record<string, unknown>;
    expect(exactValues('exact.json')).toMatchObject({ cap: 1_000_000, n: 20_000, data: expect.any(String) });
    expect(exactValues('capped.json')).toEqual({ kind: 'exact-values', version: 1, cap: 100, n: 20_000 });
  });
});
