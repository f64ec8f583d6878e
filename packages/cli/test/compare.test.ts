import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseReport, type Report } from '@mlgate/core';
import { runCli } from '../src/cli.js';
import { capture } from './capture-io.js';
import { ACCURACY_GATE, NOISY_DROP, SIGNIFICANT_DROP, pairedPredictions } from '../../engine/test/compare-fixtures.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mlgate-cli-compare-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function put(files: Record<string, string>): Promise<void> {
  for (const [name, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, name)), { recursive: true });
    await writeFile(join(dir, name), text);
  }
}

async function compare(...args: string[]) {
  const { io, out, err } = capture(dir);
  const code = await runCli(['compare', ...args], io);
  return { code, out: out(), err: err() };
}

async function jsonReport(...args: string[]): Promise<{ code: number; report: Report }> {
  const run = await compare(...args, '--json');
  return { code: run.code, report: parseReport(JSON.parse(run.out), 'stdout') };
}

describe('mlgate compare on predictions', () => {
  it('fails (exit 1) on a significant regression beyond the tolerance, naming the metric and the interval', async () => {
    const { baseline, candidate } = pairedPredictions(SIGNIFICANT_DROP);
    await put({ 'mlgate.yml': ACCURACY_GATE, 'preds.csv': candidate, 'base/preds.csv': baseline });

    const run = await compare('--candidate', 'preds.csv', '--baseline', 'base');

    expect(run.code).toBe(1);
    expect(run.out).toMatch(/accuracy fell by 0\.1 \(95% CI −0\.1\d+ to −0\.0\d+\), more than the allowed 0\.01/);
    const { report } = await jsonReport('--candidate', 'preds.csv', '--baseline', 'base');
    expect(report.verdict.status).toBe('fail');
    const accuracy = report.comparisons?.[0]?.metrics.find((m) => m.name === 'accuracy');
    expect(accuracy).toMatchObject({ baseline: 0.9, candidate: 0.8, label: 'regressed' });
    expect(accuracy?.ci?.high).toBeLessThan(-0.01);
  });

  it('passes (exit 0) the same kind of drop when it is within noise, and says so', async () => {
    const { baseline, candidate } = pairedPredictions(NOISY_DROP);
    await put({ 'mlgate.yml': ACCURACY_GATE, 'preds.csv': candidate, 'base/preds.csv': baseline });

    const run = await compare('--candidate', 'preds.csv', '--baseline', 'base');

    expect(run.code).toBe(0);
    expect(run.out).toContain('within noise');
    const { report } = await jsonReport('--candidate', 'preds.csv', '--baseline', 'base');
    const accuracy = report.comparisons?.[0]?.metrics.find((m) => m.name === 'accuracy');
    expect(accuracy?.delta).toBeCloseTo(-0.0125, 10);
    expect(accuracy?.label).toBe('within-noise');
    expect(report.verdict.status).toBe('pass');
  });

  it('gives the same intervals on every run (seeded bootstrap)', async () => {
    const { baseline, candidate } = pairedPredictions(NOISY_DROP);
    await put({ 'preds.csv': candidate, 'base.csv': baseline });

    const first = await jsonReport('--candidate', 'preds.csv', '--baseline', 'base.csv');
    const second = await jsonReport('--candidate', 'preds.csv', '--baseline', 'base.csv');

    expect(first.report.comparisons?.[0]?.metrics).toEqual(second.report.comparisons?.[0]?.metrics);
    expect(first.report.comparisons?.[0]?.baseline).toEqual({ label: 'base.csv' });
  });

  it('exits 0 with a notice on a first run without a baseline', async () => {
    const { candidate } = pairedPredictions(SIGNIFICANT_DROP);
    await put({ 'mlgate.yml': ACCURACY_GATE, 'preds.csv': candidate });

    const run = await compare('--candidate', 'preds.csv');

    expect(run.code).toBe(0);
    expect(run.err).toContain('No baseline was given');
    expect(run.out).toContain('no baseline to compare with (first run)');
  });

  it('reads a branch: baseline from the newest successful local run in .mlgate/artifacts', async () => {
    const { baseline, candidate } = pairedPredictions(SIGNIFICANT_DROP);
    const run = (conclusion: string, sha: string) =>
      JSON.stringify({
        schema: 'mlgate/run@1',
        workflow: 'ci.yml',
        branch: 'main',
        headSha: sha,
        event: 'push',
        conclusion,
      });
    await put({
      'mlgate.yml': ACCURACY_GATE,
      'preds.csv': candidate,
      '.mlgate/artifacts/5/run.json': run('success', 'a'.repeat(40)),
      '.mlgate/artifacts/5/mlgate-compare/preds.csv': baseline,
      // A newer failed run with a perfect "baseline" must be ignored.
      '.mlgate/artifacts/6/run.json': run('failure', 'b'.repeat(40)),
      '.mlgate/artifacts/6/mlgate-compare/preds.csv': candidate,
    });

    const { code, report } = await jsonReport('--candidate', 'preds.csv', '--baseline', 'branch:main');

    expect(code).toBe(1);
    expect(report.comparisons?.[0]?.baseline?.label).toBe('main@aaaaaaa (run 5)');
  });

  it("reads a registry: baseline from the clone's GTO tags and the version's folder in .mlgate/releases", async () => {
    const { baseline, candidate } = pairedPredictions(SIGNIFICANT_DROP);
    await put({
      'mlgate.yml': ACCURACY_GATE,
      'preds.csv': candidate,
      '.mlgate/releases/churn@v1.0.0/preds.csv': baseline,
      // The staging version holds the candidate itself: picking it would show no change.
      '.mlgate/releases/churn@v1.1.0/preds.csv': candidate,
    });
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=Ada', '-c', 'user.email=ada@example.com', ...args], { cwd: dir });
    git('init', '-q');
    git('commit', '--allow-empty', '-q', '-m', 'v1.0.0');
    git('tag', '-a', 'churn@v1.0.0', '-m', 'registered');
    git('tag', '-a', 'churn#production#1', '-m', 'promoted');
    git('commit', '--allow-empty', '-q', '-m', 'v1.1.0');
    git('tag', '-a', 'churn@v1.1.0', '-m', 'registered');
    git('tag', '-a', 'churn#staging#2', '-m', 'staged');

    const { code, report } = await jsonReport('--candidate', 'preds.csv', '--baseline', 'registry:churn#production');

    expect(code).toBe(1);
    expect(report.comparisons?.[0]?.baseline).toEqual({
      label: 'churn@v1.0.0',
      source: 'registry churn#production (v1.0.0)',
    });
    const noStage = await compare('--candidate', 'preds.csv', '--baseline', 'registry:churn#shadow');
    expect(noStage.code).toBe(0);
    expect(noStage.err).toContain('No baseline: no version of churn is in stage shadow.');
  });

  it('warns when the evaluation sets differ and fails under --fail-on warn', async () => {
    const { baseline, candidate } = pairedPredictions(NOISY_DROP);
    const fewer = candidate.split('\n').slice(0, -3).join('\n');
    await put({ 'preds.csv': `${fewer}\n`, 'base.csv': baseline });

    const run = await compare('--candidate', 'preds.csv', '--baseline', 'base.csv', '--fail-on', 'warn');

    expect(run.code).toBe(1);
    expect(run.out).toContain('the evaluation sets differ: example ids 2 only in the baseline (e.g. "ex398", "ex399")');
  });
});

describe('mlgate compare on metrics files', () => {
  const nested = (accuracy: number, loss: number) => JSON.stringify({ eval: { accuracy, loss }, model: 'gbm' });

  it('diffs nested DVC-style metrics direction-aware and writes the report and markdown files', async () => {
    await put({ 'metrics.json': nested(0.91, 0.2), 'base/metrics.json': nested(0.9, 0.25) });

    const run = await compare(
      '--candidate',
      'metrics.json',
      '--baseline',
      'base',
      '-o',
      'r.json',
      '--markdown',
      'r.md',
    );

    expect(run.code).toBe(0);
    const report = parseReport(JSON.parse(await readFile(join(dir, 'r.json'), 'utf8')), 'r.json');
    const metrics = report.comparisons?.[0]?.metrics ?? [];
    expect(metrics.map((m) => [m.name, m.direction, m.label])).toEqual([
      ['eval.accuracy', 'higher', 'improved'],
      ['eval.loss', 'lower', 'improved'],
    ]);
    expect(await readFile(join(dir, 'r.md'), 'utf8')).toContain('| eval\\.accuracy | 0.9 | 0.91 |');
  });

  it('fails closed (exit 1) when a gated metric is missing, naming the metric and the file', async () => {
    await put({
      'mlgate.yml': 'version: 1\ngate:\n  metrics:\n    auc:\n      min: 0.8\n',
      'metrics.json': nested(0.91, 0.2),
    });

    const run = await compare('--candidate', 'metrics.json');

    expect(run.code).toBe(1);
    expect(run.out).toContain('auc is missing from metrics.json');
  });

  it('reads the metrics a manifest points to', async () => {
    await put({
      'out/mlgate.manifest.json': JSON.stringify({ schema: 'mlgate/manifest@1', metrics: ['metrics.json'] }),
      'out/metrics.json': nested(0.7, 0.5),
      'mlgate.yml': 'version: 1\ngate:\n  metrics:\n    accuracy:\n      min: 0.8\n',
    });

    const run = await compare('--candidate', 'out/mlgate.manifest.json');

    expect(run.code).toBe(1);
    expect(run.out).toContain('eval.accuracy 0.7 < min 0.8');
  });

  it('diffs the params files configured for the model', async () => {
    await put({
      'mlgate.yml': 'version: 1\nmodels:\n  churn:\n    metrics: metrics.json\n    params: params.yaml\n',
      'metrics.json': nested(0.9, 0.2),
      'params.yaml': 'train:\n  lr: 0.1\n  depth: 6\n',
      'base/metrics.json': nested(0.9, 0.2),
      'base/params.yaml': 'train:\n  lr: 0.05\n  depth: 6\n',
    });

    const { code, report } = await jsonReport('--baseline', 'base');

    expect(code).toBe(0);
    expect(report.comparisons?.[0]?.model).toBe('churn');
    expect(report.comparisons?.[0]?.params).toEqual([{ name: 'train.lr', baseline: 0.05, candidate: 0.1 }]);
  });

  it('fails when data validation is required and the validation report failed', async () => {
    const validation: Report = {
      schema: 'mlgate/report@1',
      createdAt: '2026-11-25T10:00:00Z',
      verdict: { status: 'fail', summary: 'nulls in age', reasons: [] },
    };
    await put({
      'mlgate.yml': 'version: 1\ngate:\n  require: [data_validation]\n',
      'metrics.json': nested(0.9, 0.2),
      'validation.json': JSON.stringify(validation),
    });

    const run = await compare('--candidate', 'metrics.json', '--validation-report', 'validation.json');

    expect(run.code).toBe(1);
    expect(run.out).toContain('data validation failed');
  });
});

describe('mlgate compare input errors (exit 2)', () => {
  it('names file, line and key of a bad config key', async () => {
    await put({
      'mlgate.yml': 'version: 1\ngate:\n  metrics:\n    accuracy:\n      mni: 0.8\n',
      'metrics.json': '{"accuracy": 0.9}',
    });

    const run = await compare('--candidate', 'metrics.json');

    expect(run.code).toBe(2);
    expect(run.err).toMatch(/^mlgate compare: mlgate\.yml:5:7: gate\.metrics\.accuracy: .*"mni"/);
  });

  it('refuses a baseline folder that lacks the candidate file', async () => {
    await put({ 'metrics.json': '{"accuracy": 0.9}', 'base/other.json': '{"accuracy": 0.9}' });

    const run = await compare('--candidate', 'metrics.json', '--baseline', 'base');

    expect(run.code).toBe(2);
    expect(run.err).toContain('baseline base has no metrics.json');
  });

  it('refuses an unknown --fail-on value', async () => {
    const run = await compare('--candidate', 'metrics.json', '--fail-on', 'sometimes');

    expect(run.code).toBe(2);
    expect(run.err).toContain('--fail-on: expected one of fail, warn, never');
  });
});
