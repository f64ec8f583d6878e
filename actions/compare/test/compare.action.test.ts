import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Report } from '@mlgate/core';
import { FakeGitHub, buildZip, runActionBundle, type ActionRun } from '@mlgate/testkit';
import {
  ACCURACY_GATE,
  NOISY_DROP,
  SIGNIFICANT_DROP,
  pairedPredictions,
  type PairedOptions,
} from '../../../packages/engine/test/compare-fixtures.js';

const TOKEN = 'ghs_compare_action_token';
const ARTIFACT = 'mlgate-compare';
const WORKFLOW_REF = 'mlgate-test/example/.github/workflows/ci.yml@refs/heads/main';
const sha = (c: string) => c.repeat(40);

describe('actions/compare run as the runner runs it', () => {
  let gh: FakeGitHub;
  let workspace: string;

  /** Harness temp dirs kept so a test can read the action's RUNNER_TEMP outputs; removed after each test. */
  const kept: string[] = [];

  beforeEach(async () => {
    gh = await FakeGitHub.start();
    gh.addToken(TOKEN, 'github-actions[bot]', { type: 'Bot' });
    workspace = await mkdtemp(join(tmpdir(), 'mlgate-compare-action-'));
  });
  afterEach(async () => {
    gh.assertNoViolations();
    await gh.close();
    await rm(workspace, { recursive: true, force: true });
    for (const dir of kept.splice(0)) await rm(dir, { recursive: true, force: true });
  });

  /** main's runs of ci.yml: an older successful one, the newest successful one holding `baseline`, a newer failed one. */
  async function seedMain(baseline: string, decoy: string) {
    const zip = (text: string) => buildZip([{ name: 'preds.csv', data: text }]);
    const older = gh.state.actions.addRun({ workflow: 'ci.yml', headSha: sha('1'), headBranch: 'main' });
    gh.state.actions.addArtifact(older.id, { name: ARTIFACT, data: zip(decoy) });
    const wanted = gh.state.actions.addRun({ workflow: 'ci.yml', headSha: sha('2'), headBranch: 'main' });
    gh.state.actions.addArtifact(wanted.id, { name: ARTIFACT, data: zip(baseline) });
    const failed = gh.state.actions.addRun({
      workflow: 'ci.yml',
      headSha: sha('3'),
      headBranch: 'main',
      conclusion: 'failure',
    });
    gh.state.actions.addArtifact(failed.id, { name: ARTIFACT, data: zip(decoy) });
    return wanted;
  }

  async function compareAgainstMain(drop: PairedOptions): Promise<{ run: ActionRun; wanted: { id: number } }> {
    const { baseline, candidate } = pairedPredictions(drop);
    // Any other run's artifact holds the candidate itself: picking it would show no change at all.
    const wanted = await seedMain(baseline, candidate);
    await writeFile(join(workspace, 'mlgate.yml'), ACCURACY_GATE);
    await writeFile(join(workspace, 'preds.csv'), candidate);
    const run = await runActionBundle({
      action: 'compare',
      inputs: { candidate: 'preds.csv', baseline: 'branch:main' },
      env: { ...gh.env(TOKEN), GITHUB_WORKFLOW_REF: WORKFLOW_REF },
      githubToken: TOKEN,
      eventName: 'pull_request',
      event: { number: 7, pull_request: { number: 7, head: { ref: 'feature', sha: sha('f') } } },
      cwd: workspace,
      keepTempDir: true,
    });
    if (run.tempDir) kept.push(run.tempDir);
    return { run, wanted };
  }

  /** The summary's text with markdown escapes removed, for matching sentences. */
  const plain = (run: ActionRun) => run.summary.replace(/\\(.)/g, '$1');
  const errors = (run: ActionRun) => run.annotations.filter((a) => a.level === 'error').map((a) => a.message);

  it('finds the latest successful main run of this workflow, downloads its artifact, and fails a significant regression', async () => {
    const { run, wanted } = await compareAgainstMain(SIGNIFICANT_DROP);

    expect(gh.requestsMatching({ operationId: 'actions/download-artifact' }).map((r) => r.status)).toEqual([302]);
    expect(run.exitCode).toBe(1);
    expect(run.outputs.verdict).toBe('fail');
    const reason = /accuracy fell by 0\.1 \(95% CI −0\.1\d* to −0\.0\d*\), more than the allowed 0\.01/;
    expect(plain(run)).toMatch(reason);
    expect(plain(run)).toContain(`main@${sha('2').slice(0, 7)} (run ${wanted.id})`);
    const failing = errors(run);
    expect(failing[0]).toMatch(reason);
    expect(failing).toHaveLength(2);
    expect(failing[1]).toBe('the compare verdict is fail and fail-on is fail, so the step fails');
    const report = JSON.parse(await readFile(run.outputs.report ?? '', 'utf8')) as Report;
    expect(report.comparisons?.[0]?.baseline?.label).toBe(`main@${sha('2').slice(0, 7)} (run ${wanted.id})`);
    expect(report.subject?.pullRequest).toBe(7);
  });

  it('warns, without failing the step, on a drop only the point estimate puts beyond the allowance', async () => {
    const { run } = await compareAgainstMain(NOISY_DROP);

    expect(errors(run)).toEqual([]);
    expect(run.exitCode).toBe(0);
    expect(run.outputs.verdict).toBe('warn');
    expect(run.summary).toMatch(/\| accuracy \| 0\.9 \| 0\.8875 \| .* \| ⚪ within noise/);
    expect(plain(run)).toContain('beyond the allowed 0.01, but not significantly: the interval reaches');
    expect(run.hasUnclosedGroups).toBe(false);
  });

  it('asks for the positive class of string labels by its input, and states it in the summary once given', async () => {
    const rows = Array.from(
      { length: 60 },
      (_, i) => `${i},${i % 3 === 0 ? 'churn' : 'stay'},${i % 3 === 0 ? 0.7 : 0.2}`,
    );
    await writeFile(join(workspace, 'preds.csv'), `id,label,score\n${rows.join('\n')}\n`);
    const runWith = (inputs: Record<string, string>) =>
      runActionBundle({
        action: 'compare',
        inputs: { candidate: 'preds.csv', ...inputs },
        env: gh.env(TOKEN),
        githubToken: TOKEN,
        cwd: workspace,
      });

    const asked = await runWith({});
    expect(asked.exitCode).toBe(1);
    expect(errors(asked)).toHaveLength(1);
    expect(errors(asked)[0]).toContain('set models.model.positive_class in mlgate.yml or the positive-class input');

    const given = await runWith({ 'positive-class': 'churn' });
    expect(given.exitCode).toBe(0);
    expect(plain(given)).toContain('positive class `churn` (configured)');
  });

  it("compares with registry:churn#production: the stage's version from the tags, its files from the release", async () => {
    const { baseline, candidate } = pairedPredictions(SIGNIFICANT_DROP);
    const v1 = gh.state.git.addCommit({ message: 'train v1.3.0' }).sha;
    const v2 = gh.state.git.addCommit({ message: 'train v1.4.0', parents: [v1] }).sha;
    gh.state.git.addAnnotatedTag({ tag: 'churn@v1.3.0', message: 'registered', object: v1 });
    gh.state.git.addAnnotatedTag({ tag: 'churn@v1.4.0', message: 'registered', object: v2 });
    gh.state.git.addAnnotatedTag({ tag: 'churn#production#1', message: 'promoted', object: v1 });
    gh.state.git.addAnnotatedTag({ tag: 'churn#staging#2', message: 'staged', object: v2 });
    const release = gh.state.releases.create({ tag_name: 'churn@v1.3.0' }, 'github-actions[bot]');
    gh.state.releases.upload(release.id, 'preds.csv', null, 'text/csv', Buffer.from(baseline), 'github-actions[bot]');
    // The staging version's release holds the candidate itself: picking it would show no change at all.
    const staged = gh.state.releases.create({ tag_name: 'churn@v1.4.0' }, 'github-actions[bot]');
    gh.state.releases.upload(staged.id, 'preds.csv', null, 'text/csv', Buffer.from(candidate), 'github-actions[bot]');
    await writeFile(join(workspace, 'mlgate.yml'), ACCURACY_GATE);
    await writeFile(join(workspace, 'preds.csv'), candidate);

    const run = await runActionBundle({
      action: 'compare',
      inputs: { candidate: 'preds.csv', baseline: 'registry:churn#production' },
      env: gh.env(TOKEN),
      githubToken: TOKEN,
      cwd: workspace,
      keepTempDir: true,
    });
    if (run.tempDir) kept.push(run.tempDir);

    expect(run.exitCode).toBe(1);
    expect(plain(run)).toMatch(/accuracy fell by 0\.1 \(95% CI/);
    // The column header names the version (an @ always gets a zero-width break: no mention can form).
    expect(plain(run)).toContain('| Baseline (churn@&#8203;v1.3.0) |');
    const report = JSON.parse(await readFile(run.outputs.report ?? '', 'utf8')) as Report;
    expect(report.comparisons?.[0]?.baseline).toEqual({
      label: 'churn@v1.3.0',
      source: 'registry churn#production (v1.3.0)',
    });
  });

  it('passes a first run with a notice when main has no successful run yet', async () => {
    const { candidate } = pairedPredictions(SIGNIFICANT_DROP);
    await writeFile(join(workspace, 'preds.csv'), candidate);
    await writeFile(join(workspace, 'mlgate.yml'), ACCURACY_GATE);

    const run = await runActionBundle({
      action: 'compare',
      inputs: { candidate: 'preds.csv', baseline: 'branch:main' },
      env: { ...gh.env(TOKEN), GITHUB_WORKFLOW_REF: WORKFLOW_REF },
      githubToken: TOKEN,
      cwd: workspace,
    });

    expect(run.exitCode).toBe(0);
    expect(run.outputs.verdict).toBe('pass');
    expect(plain(run)).toContain('no baseline to compare with (first run)');
    expect(gh.requestsMatching({ operationId: 'actions/download-artifact' })).toHaveLength(0);
  });

  it('fails with one error naming the file and line of a bad config, before any API call', async () => {
    await writeFile(join(workspace, 'mlgate.yml'), 'version: 1\ngate:\n  confidance: 0.9\n');
    await writeFile(join(workspace, 'metrics.json'), '{"accuracy": 0.9}');

    const run = await runActionBundle({
      action: 'compare',
      inputs: { candidate: 'metrics.json', baseline: 'branch:main' },
      env: { ...gh.env(TOKEN), GITHUB_WORKFLOW_REF: WORKFLOW_REF },
      githubToken: TOKEN,
      cwd: workspace,
    });

    expect(run.exitCode).toBe(1);
    const annotations = run.annotations.filter((a) => a.level === 'error');
    expect(annotations).toHaveLength(1);
    expect(annotations[0]).toMatchObject({ file: 'mlgate.yml', line: 3 });
    expect(gh.requests).toHaveLength(0);
  });
});
