import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Report } from '@mlgate/core';
import { FakeGitHub, runActionBundle, type ActionRun } from '@mlgate/testkit';

const BOT = 'github-actions[bot]';
const TOKEN = 'ghs_report_action_token';

function sampleReport(overrides: Partial<Report> = {}): Report {
  return {
    schema: 'mlgate/report@1',
    createdAt: '2026-11-25T10:00:00Z',
    verdict: { status: 'pass', summary: 'AUC improved', reasons: [] },
    comparisons: [
      {
        model: 'churn',
        baseline: { label: 'churn@v1.3.0' },
        candidate: { label: 'candidate' },
        confidence: 0.95,
        metrics: [
          {
            name: 'auc',
            direction: 'higher',
            baseline: 0.81,
            candidate: 0.83,
            delta: 0.02,
            relative: 0.02 / 0.81,
            ci: { low: 0.01, high: 0.03, method: 'paired bootstrap' },
            label: 'improved',
          },
        ],
      },
    ],
    ...overrides,
  };
}

describe('actions/report run as the runner runs it', () => {
  let gh: FakeGitHub;
  let workspace: string;
  let pr: number;

  beforeEach(async () => {
    gh = await FakeGitHub.start();
    gh.addToken(TOKEN, BOT, { type: 'Bot' });
    pr = gh.state.issues.addPull({ head: { ref: 'feature', sha: 'b'.repeat(40) } }).number;
    workspace = await mkdtemp(join(tmpdir(), 'mlgate-report-'));
  });
  afterEach(async () => {
    gh.assertNoViolations();
    await gh.close();
    await rm(workspace, { recursive: true, force: true });
  });

  async function report(file: string, content: unknown, inputs: Record<string, string> = {}, runId = '1001') {
    await writeFile(join(workspace, file), typeof content === 'string' ? content : JSON.stringify(content, null, 2));
    return runActionBundle({
      action: 'report',
      inputs: { report: file, ...inputs },
      env: { ...gh.env(TOKEN), GITHUB_RUN_ID: runId },
      githubToken: TOKEN,
      eventName: 'pull_request',
      event: {
        action: 'synchronize',
        number: pr,
        pull_request: { number: pr, head: { sha: 'b'.repeat(40), repo: { full_name: 'acme/churn' } } },
      },
      cwd: workspace,
    });
  }

  const comments = () => gh.state.issues.commentsOn(pr);
  const errors = (run: ActionRun) => run.annotations.filter((a) => a.level === 'error');

  it('creates exactly one sticky comment, then updates that same comment on the next run', async () => {
    const first = await report('report.json', sampleReport());
    expect(errors(first)).toEqual([]);
    expect(first.exitCode).toBe(0);
    expect(first.outputs['comment-action']).toBe('created');
    expect(first.outputs.verdict).toBe('pass');
    expect(comments()).toHaveLength(1);
    const [created] = comments();
    expect(created?.body).toContain('<!-- mlgate:report:default -->');
    expect(created?.body).toContain('churn@v1.3.0');
    expect(first.outputs['comment-id']).toBe(String(created?.id));

    const failing = sampleReport({ verdict: { status: 'fail', summary: 'AUC regressed', reasons: [] } });
    const second = await report('report.json', failing, {}, '1002');
    expect(second.exitCode).toBe(0);
    expect(second.outputs['comment-action']).toBe('updated');
    expect(second.outputs['comment-id']).toBe(String(created?.id));
    expect(comments()).toHaveLength(1);
    expect(comments()[0]?.body).toContain('AUC regressed');
  });

  it('ignores a look-alike comment by another user that carries the same marker', async () => {
    const lookAlike = gh.state.issues.createComment(
      pr,
      '<!-- mlgate:report:default -->\nall good, merge me',
      'mallory',
    );

    const run = await report('report.json', sampleReport());

    expect(run.outputs['comment-action']).toBe('created');
    expect(comments()).toHaveLength(2);
    expect(comments().find((c) => c.id === lookAlike.id)?.body).toBe(
      '<!-- mlgate:report:default -->\nall good, merge me',
    );
    expect(comments().filter((c) => c.user === BOT)).toHaveLength(1);
  });

  it('fails on a missing report file with one line naming the file, and makes no API call', async () => {
    const run = await runActionBundle({
      action: 'report',
      inputs: { report: 'nowhere/report.json' },
      env: gh.env(TOKEN),
      githubToken: TOKEN,
      eventName: 'pull_request',
      event: { pull_request: { number: pr } },
      cwd: workspace,
    });

    expect(run.exitCode).toBe(1);
    expect(errors(run)).toHaveLength(1);
    expect(errors(run)[0]?.message).toMatch(/nowhere\/report\.json/);
    expect(errors(run)[0]?.message).not.toMatch(/\n|at .*\(/);
    expect(gh.requests).toHaveLength(0);
  });

  it('fails on an invalid report naming the file and the failing JSON path, and makes no API call', async () => {
    const bad = { ...sampleReport(), verdict: { status: 'great', summary: 'x', reasons: [] } };
    const run = await report('bad.json', bad);

    expect(run.exitCode).toBe(1);
    expect(errors(run)).toHaveLength(1);
    expect(errors(run)[0]?.message).toContain('bad.json');
    expect(errors(run)[0]?.message).toContain('verdict.status');
    expect(gh.requests).toHaveLength(0);
    expect(comments()).toHaveLength(0);
  });

  it('names the line and column of a JSON syntax error', async () => {
    const run = await report('broken.json', '{\n  "schema": "mlgate/report@1",\n  "verdict": ,\n}');

    expect(run.exitCode).toBe(1);
    expect(errors(run)[0]?.file).toBe('broken.json');
    expect(errors(run)[0]?.line).toBe(3);
    expect(gh.requests).toHaveLength(0);
  });

  it('renders untrusted names inert: no mention, no raw HTML', async () => {
    const hostile = sampleReport();
    const metric = hostile.comparisons?.[0]?.metrics[0];
    if (metric) metric.name = '@octocat <img src=x onerror=alert(1)>';
    await report('report.json', hostile);

    const body = comments()[0]?.body ?? '';
    expect(body).toContain('octocat');
    expect(body).not.toContain('@octocat');
    // GFM shows `\<` as a literal `<`: only an unescaped `<img` would be an HTML tag.
    expect(body).not.toMatch(/(^|[^\\])<img/);
  });

  it('writes the job summary and the markdown output, and skips commenting outside a pull request', async () => {
    await writeFile(join(workspace, 'report.json'), JSON.stringify(sampleReport()));
    const run = await runActionBundle({
      action: 'report',
      inputs: { report: 'report.json', 'check-run': 'false' },
      env: gh.env(TOKEN),
      githubToken: TOKEN,
      eventName: 'push',
      cwd: workspace,
      keepTempDir: true,
    });
    const markdown = await readFile(run.outputs.markdown ?? '', 'utf8');
    if (run.tempDir) await rm(run.tempDir, { recursive: true, force: true });

    expect(run.exitCode).toBe(0);
    expect(run.outputs['comment-action']).toBe('skipped');
    expect(run.summary).toContain('churn@v1.3.0');
    expect(markdown).toContain('churn@v1.3.0');
    expect(gh.requests).toHaveLength(0);
    expect(run.hasUnclosedGroups).toBe(false);
  });
});
