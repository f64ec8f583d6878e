import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Report } from '@mlgate/core';
import { HOSTILE_STRINGS, fillReportStrings, workflowCommandsIn } from '@mlgate/testkit';
import { runCli } from '../src/cli.js';
import { capture } from './capture-io.js';

const base: Report = {
  schema: 'mlgate/report@1',
  createdAt: '2026-11-25T10:00:00Z',
  verdict: {
    status: 'fail',
    summary: 'auc regressed',
    reasons: [{ rule: 'max_regression', status: 'fail', message: 'auc got worse', model: 'churn', metric: 'auc' }],
  },
  validations: [
    {
      dataset: 'train',
      rows: 10,
      columns: 2,
      status: 'fail',
      checks: [
        { check: 'in_set', column: 'plan', status: 'fail', message: 'unknown plan', examples: [{ value: 'x' }] },
      ],
      issues: [{ file: 'train.csv', line: 3, message: 'ragged row' }],
    },
  ],
  comparisons: [
    {
      model: 'churn',
      baseline: { label: 'production' },
      candidate: { label: 'candidate' },
      confidence: 0.95,
      metrics: [
        {
          name: 'auc',
          direction: 'higher',
          baseline: 0.8,
          candidate: 0.7,
          delta: -0.1,
          relative: -0.125,
          ci: { low: -0.2, high: -0.05, method: 'paired bootstrap' },
          label: 'regressed',
        },
      ],
      slices: [{ column: 'plan', value: 'basic', size: 4, metrics: [] }],
      params: [{ name: 'lr', baseline: '0.1', candidate: '0.2' }],
    },
  ],
};

describe('mlgate report with hostile text in every field', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mlgate-cli-report-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it.each(HOSTILE_STRINGS.map((text, i) => [i, text] as const))(
    'prints no workflow command from string %i in any format',
    async (i, text) => {
      const file = join(dir, `report-${i}.json`);
      const report = fillReportStrings(base, text, { fitSchema: true });
      await writeFile(file, JSON.stringify(report));
      for (const format of ['text', 'markdown', 'json']) {
        const run = capture(dir);
        expect(await runCli(['report', file, '--format', format], run.io)).toBe(1);
        expect(workflowCommandsIn(run.out())).toEqual([]);
        expect(workflowCommandsIn(run.err())).toEqual([]);
        if (format === 'json') expect(JSON.parse(run.out())).toEqual(report);
      }
    },
  );

  it('prints no workflow command from a hostile file name in its error message', async () => {
    const run = capture(dir);
    expect(await runCli(['report', '\u0085::add-mask::x ##[error]forged.json'], run.io)).toBe(2);
    expect(run.err()).toContain('forged.json');
    expect(workflowCommandsIn(run.err())).toEqual([]);
  });
});
