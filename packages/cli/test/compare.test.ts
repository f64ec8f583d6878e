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

  it('warns (exit 0) on the same kind of drop when only its point estimate is beyond the allowance, and says so', async () => {
    const { baseline, candidate } = pairedPredictions(NOISY_DROP);
    await put({ 'mlgate.yml': ACCURACY_GATE, 'preds.csv': candidate, 'base/preds.csv': baseline });

    const run = await compare('--candidate', 'preds.csv', '--baseline', 'base');

    expect(run.code).toBe(0);
    expect(run.out).toMatch(/accuracy fell by 0\.0125 \(95% CI .*\), beyond the allowed 0\.01, but not significantly/);
    const { report } = await jsonReport('--candidate', 'preds.csv', '--baseline', 'base');
    const accuracy = report.comparisons?.[0]?.metrics.find((m) => m.name === 'accuracy');
    expect(accuracy?.delta).toBeCloseTo(-0.0125, 10);
    expect(accuracy?.label).toBe('within-noise');
    expect(report.verdict.status).toBe('warn');
    expect((await compare('--candidate', 'preds.csv', '--baseline', 'base', '--fail-on', 'warn')).code).toBe(1);
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
    // mlgate's evidence in the registering tag: the metric as that version's own comparison measured it.
    const evidence = { metrics: [{ name: 'accuracy', value: 0.9, baseline: 0.88, ci: { low: 0.005, high: 0.035 } }] };
    git('tag', '-a', 'churn@v1.0.0', '-m', JSON.stringify(evidence));
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
    // The trend of the gated metric: v1.1.0's plain message records no value.
    expect(report.comparisons?.[0]?.history).toEqual({
      metric: 'accuracy',
      versions: [
        { version: 'churn@v1.0.0', value: 0.9, interval: { low: 0.885, high: 0.915 }, stages: ['production'] },
        { version: 'churn@v1.1.0', value: null, stages: ['staging'] },
      ],
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

  it('refuses (exit 2) a gate rule for a metric no file has, with a did-you-mean', async () => {
    await put({
      'mlgate.yml': 'version: 1\ngate:\n  metrics:\n    accuracy:\n      min: 0.8\n    eval.acuracy:\n      min: 0.8\n',
      'metrics.json': nested(0.91, 0.2),
    });

    const run = await compare('--candidate', 'metrics.json');

    expect(run.code).toBe(2);
    expect(run.err).toContain(
      'mlgate compare: mlgate.yml:6:5: gate.metrics["eval.acuracy"]: no metric named "eval.acuracy" was computed; did you mean "eval.accuracy"? (computed: eval.accuracy, eval.loss)\n',
    );
  });

  it('fails closed (exit 1) when a gated metric the baseline has is missing from the candidate', async () => {
    await put({
      'mlgate.yml': 'version: 1\ngate:\n  metrics:\n    auc:\n      min: 0.8\n',
      'metrics.json': nested(0.91, 0.2),
      'base/metrics.json': JSON.stringify({ eval: { accuracy: 0.9, loss: 0.25, auc: 0.85 } }),
    });

    const run = await compare('--candidate', 'metrics.json', '--baseline', 'base');

    expect(run.code).toBe(1);
    expect(run.out).toContain('eval.auc in metrics.json is missing or not a number');
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

describe('mlgate compare: classes, task and scores', () => {
  /** 200 customers: labels churn/stay, the score is P(churn); the candidate ranks every fifth churner last. */
  function churn(): { candidate: string; baseline: string } {
    const rows = Array.from({ length: 200 }, (_, i) => ({ id: `c${i}`, churned: i % 4 === 0 }));
    const csv = (score: (row: { churned: boolean }, i: number) => number) =>
      `id,label,score\n${rows.map((r, i) => `${r.id},${r.churned ? 'churn' : 'stay'},${score(r, i)}`).join('\n')}\n`;
    const good = (r: { churned: boolean }, i: number) => (r.churned ? 0.6 + (i % 7) / 20 : 0.1 + (i % 9) / 20);
    return { baseline: csv(good), candidate: csv((r, i) => (r.churned && i % 20 === 0 ? 0.01 : good(r, i))) };
  }

  it('asks for the positive class (exit 2) when string labels have no conventional one, naming the setting and the flag', async () => {
    await put({ 'preds.csv': churn().candidate });

    const run = await compare('--candidate', 'preds.csv');

    expect(run.code).toBe(2);
    expect(run.err).toContain(
      'preds.csv: predictions: the labels are "churn" and "stay", so mlgate cannot tell which class is positive (the one the score is the probability of); set models.model.positive_class in mlgate.yml or --positive-class (e.g. "stay")',
    );
  });

  it('states the positive class and the task, and reads the worse ranking as a regression', async () => {
    const { candidate, baseline } = churn();
    await put({
      'mlgate.yml': 'version: 1\nmodels:\n  churn:\n    predictions: preds.csv\n    positive_class: churn\n',
      'preds.csv': candidate,
      'base/preds.csv': baseline,
    });

    const { report } = await jsonReport('--baseline', 'base');
    const section = report.comparisons?.[0];
    expect(section?.predictions).toMatchObject({
      task: 'binary',
      taskSource: 'detected',
      taskReason: 'text labels with 2 classes',
      classes: ['stay', 'churn'],
      positiveClass: 'churn',
      positiveClassSource: 'configured',
      scoreType: 'probability',
      examples: 200,
    });
    expect(section?.metrics.find((m) => m.name === 'roc_auc')?.label).toBe('regressed');
    const text = await compare('--baseline', 'base');
    expect(text.out).toContain(
      'Binary classification (detected: text labels with 2 classes), positive class "churn" (configured)',
    );
    const flagged = await jsonReport('--baseline', 'base', '--positive-class', 'stay');
    expect(flagged.report.comparisons?.[0]?.predictions?.positiveClass).toBe('stay');
  });

  it('refuses (exit 2) a gate rule on log_loss when the scores are logits, and says what would compute it', async () => {
    const logits = `id,label,score\n${Array.from({ length: 40 }, (_, i) => `${i},${i % 2},${(i % 2 ? 1 : -1) * (1 + (i % 5))}`).join('\n')}\n`;
    await put({ 'mlgate.yml': 'version: 1\ngate:\n  metrics:\n    log_loss:\n      max: 0.5\n', 'preds.csv': logits });

    const run = await compare('--candidate', 'preds.csv');
    expect(run.code).toBe(2);
    expect(run.err).toContain(
      'mlgate.yml:4:5: gate.metrics.log_loss: log_loss was not computed: it needs probabilities: scores within [0, 1], or score_type: logit',
    );

    const declared = await jsonReport('--candidate', 'preds.csv', '--score-type', 'logit');
    expect(declared.code).toBe(0);
    expect(declared.report.comparisons?.[0]?.predictions).toMatchObject({
      scoreType: 'logit',
      scoreTypeSource: 'configured',
    });
    expect(declared.report.comparisons?.[0]?.metrics.find((m) => m.name === 'log_loss')?.candidate).toBeLessThan(0.5);
  });

  it('reads integer targets as regression with --task regression, and refuses an unknown task', async () => {
    await put({ 'preds.csv': 'id,label,prediction\n1,3,3\n2,5,4\n3,1,2\n4,4,4\n' });

    const { report } = await jsonReport('--candidate', 'preds.csv', '--task', 'regression');
    expect(report.comparisons?.[0]?.metrics.map((m) => m.name)).toEqual(['mae', 'rmse', 'r2']);
    const bad = await compare('--candidate', 'preds.csv', '--task', 'ranking');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--task: expected one of binary, multiclass, regression, got "ranking"');
  });

  it('reads predictions with other column names through the config and the flags', async () => {
    await put({
      'mlgate.yml': 'version: 1\nmodels:\n  m:\n    predictions: p.csv\n    columns: {id: customer, label: churned}\n',
      'p.csv': 'customer,churned,p\na,1,0.9\nb,0,0.2\nc,1,0.7\nd,0,0.4\n',
    });

    const { report } = await jsonReport('--score-column', 'p');
    expect(report.comparisons?.[0]?.metrics.find((m) => m.name === 'roc_auc')?.candidate).toBe(1);
  });
});
