import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseReport } from '@mlgate/core';
import { runCli } from '../src/cli.js';
import { capture } from './capture-io.js';

describe('mlgate demo', () => {
  let out: string;

  beforeEach(async () => {
    out = await mkdtemp(join(tmpdir(), 'mlgate-demo-'));
  });
  afterEach(async () => {
    await rm(out, { recursive: true, force: true });
  });

  it('compares the example candidate with its baseline, gates it and posts one sticky comment', async () => {
    const first = capture(out);
    expect(await runCli(['demo', '--out', out], first.io)).toBe(0);

    const report = parseReport(JSON.parse(await readFile(join(out, 'report.json'), 'utf8')), 'report.json');
    const [comparison] = report.comparisons ?? [];
    const auc = comparison?.metrics.find((m) => m.name === 'roc_auc');
    // Computed from the example predictions, not copied from a file: a real interval around a real delta.
    expect(auc?.ci?.method).toMatch(/bootstrap/);
    expect(auc?.ci && auc.delta !== null && auc.ci.low <= auc.delta && auc.delta <= auc.ci.high).toBe(true);
    expect(comparison?.slices?.[0]).toMatchObject({ column: 'plan', value: 'basic' });
    // The candidate under-ranks churners on the basic plan; the gate's slice rule catches it.
    expect(report.verdict.status).toBe('fail');
    expect(report.verdict.reasons.some((r) => r.rule === 'slices.max_regression' && r.status === 'fail')).toBe(true);
    // The training data was validated for real: its schema's checks and drift against the reference.
    const [validation] = report.validations ?? [];
    expect(validation).toMatchObject({ dataset: 'data/train.csv', rows: 8000, columns: 7, status: 'warn' });
    expect(validation?.checks.length).toBeGreaterThan(20);
    expect(validation?.checks.every((check) => check.status === 'pass')).toBe(true);
    const drifted = validation?.drift?.columns.filter((c) => c.drifted).map((c) => c.column);
    expect(drifted).toEqual(['tenure_months']);
    expect(report.verdict.reasons).toContainEqual(
      expect.objectContaining({ rule: 'require.data_validation', status: 'warn' }),
    );
    expect(first.out()).toMatch(/Sticky comment on local PR #42: created/);
    expect(await readFile(join(out, 'report.md'), 'utf8')).toContain('| Metric | Baseline (');

    const second = capture(out);
    expect(await runCli(['demo', '--out', out], second.io)).toBe(0);
    expect(second.out()).toMatch(/Sticky comment on local PR #42: updated \(comment 1 /);
    expect((await readdir(join(out, 'comments'))).filter((f) => f.endsWith('.json'))).toHaveLength(1);
    // Jest's module sandbox runs the bootstrap's hot loops several times slower than the bundle.
  }, 90_000);
});
