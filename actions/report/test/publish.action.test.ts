/**
 * actions/report against FakeGitHub, run as the runner runs it: the sticky comment under races,
 * pagination, look-alikes and size; the check run per model; hostile text in every report field.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Report } from '@mlgate/core';
import {
  FakeGitHub,
  HOSTILE_STRINGS,
  fillReportStrings,
  githubReferences,
  renderGfm,
  runActionBundle,
  type ActionRun,
} from '@mlgate/testkit';

const BOT = 'github-actions[bot]';
const TOKEN = 'ghs_report_publish_token';
const HEAD = 'c'.repeat(40);
const MARKER = '<!-- mlgate:report:default -->';

function modelSection(model: string, auc: number): NonNullable<Report['comparisons']>[number] {
  return {
    model,
    baseline: { label: `${model}@v1.3.0` },
    candidate: { label: 'candidate' },
    confidence: 0.95,
    metrics: [
      {
        name: 'auc',
        direction: 'higher',
        baseline: 0.8,
        candidate: auc,
        delta: auc - 0.8,
        relative: (auc - 0.8) / 0.8,
        ci: { low: auc - 0.81, high: auc - 0.79, method: 'paired bootstrap' },
        label: auc < 0.8 ? 'regressed' : 'improved',
      },
    ],
  };
}

function reportFrom(summary: string, overrides: Partial<Report> = {}): Report {
  return {
    schema: 'mlgate/report@1',
    createdAt: '2026-11-25T10:00:00Z',
    verdict: { status: 'pass', summary, reasons: [] },
    comparisons: [modelSection('churn', 0.83)],
    ...overrides,
  };
}

describe('actions/report publishing to GitHub', () => {
  let gh: FakeGitHub;
  let workspace: string;
  let pr: number;

  beforeEach(async () => {
    gh = await FakeGitHub.start();
    gh.addToken(TOKEN, BOT, { type: 'Bot' });
    pr = gh.state.issues.addPull({ head: { ref: 'feature', sha: HEAD } }).number;
    workspace = await mkdtemp(join(tmpdir(), 'mlgate-report-publish-'));
  });
  afterEach(async () => {
    gh.assertNoViolations();
    await gh.close();
    await rm(workspace, { recursive: true, force: true });
  });

  async function runReport(
    report: Report,
    {
      runId = '1001',
      attempt = '1',
      inputs = {},
    }: { runId?: string; attempt?: string; inputs?: Record<string, string> } = {},
  ): Promise<ActionRun> {
    const file = `report-${runId}-${attempt}.json`;
    await writeFile(join(workspace, file), JSON.stringify(report));
    return runActionBundle({
      action: 'report',
      inputs: { report: file, ...inputs },
      env: { ...gh.env(TOKEN), GITHUB_RUN_ID: runId, GITHUB_RUN_ATTEMPT: attempt },
      githubToken: TOKEN,
      eventName: 'pull_request',
      event: {
        action: 'synchronize',
        number: pr,
        pull_request: { number: pr, head: { sha: HEAD, repo: { full_name: 'acme/churn' } } },
      },
      cwd: workspace,
    });
  }

  const ours = () => gh.state.issues.commentsOn(pr).filter((c) => c.user === BOT);
  const errors = (run: ActionRun) => run.annotations.filter((a) => a.level === 'error');

  describe('the sticky comment', () => {
    it('ends with exactly one comment holding the newer report when two runs start together', async () => {
      // Both runs list the comments before either writes: each finds none and creates one.
      const barrier = gh.barrier({ operationId: 'issues/list-comments', parties: 2 });
      const [older, newer] = await Promise.all([
        runReport(reportFrom('report of run 1001'), { runId: '1001' }),
        runReport(reportFrom('report of run 1002'), { runId: '1002' }),
      ]);
      expect(barrier.released).toBe(true);
      expect([errors(older), errors(newer)]).toEqual([[], []]);
      expect(gh.requestsMatching({ operationId: 'issues/create-comment' })).toHaveLength(2);

      expect(ours()).toHaveLength(1);
      const [kept] = ours();
      expect(kept?.body.startsWith(`${MARKER}\n<!-- mlgate:revision:1002 -->\n`)).toBe(true);
      expect(kept?.body).toContain('report of run 1002');
      expect(newer.outputs['comment-id']).toBe(String(kept?.id));
    });

    it('does not let an older run that finishes last overwrite the newer report', async () => {
      await runReport(reportFrom('report of run 1002'), { runId: '1002' });
      const late = await runReport(reportFrom('report of run 1001'), { runId: '1001' });

      expect(late.exitCode).toBe(0);
      expect(late.outputs['comment-action']).toBe('stale');
      expect(ours()).toHaveLength(1);
      expect(ours()[0]?.body).toContain('report of run 1002');
      expect(ours()[0]?.body).not.toContain('report of run 1001');
    });

    it('finds its comment on the third page of comments', async () => {
      for (let i = 0; i < 210; i++) gh.state.issues.createComment(pr, `comment ${i}`, 'reviewer');
      const first = await runReport(reportFrom('first'), { runId: '1001' });
      expect(first.outputs['comment-action']).toBe('created');

      const second = await runReport(reportFrom('second'), { runId: '1002' });

      expect(second.outputs['comment-action']).toBe('updated');
      expect(second.outputs['comment-id']).toBe(first.outputs['comment-id']);
      expect(ours()).toHaveLength(1);
      expect(gh.requestsMatching({ operationId: 'issues/list-comments' }).some((r) => r.query.page === '3')).toBe(true);
    });

    it('never edits or deletes a look-alike by another user, nor a bot comment that quotes the marker', async () => {
      const lookAlike = gh.state.issues.createComment(pr, `${MARKER}\nall good, merge me`, 'mallory');
      const quoting = gh.state.issues.createComment(pr, `Another workflow says:\n> ${MARKER}\n> quoted`, BOT);

      await runReport(reportFrom('first'), { runId: '1001' });
      await runReport(reportFrom('second'), { runId: '1002' });

      const byId = new Map(gh.state.issues.commentsOn(pr).map((c) => [c.id, c.body]));
      expect(byId.get(lookAlike.id)).toBe(`${MARKER}\nall good, merge me`);
      expect(byId.get(quoting.id)).toBe(`Another workflow says:\n> ${MARKER}\n> quoted`);
      expect(ours()).toHaveLength(2);
      expect(gh.requestsMatching({ method: 'PATCH', path: `/repos/acme/churn/issues/comments/${quoting.id}` })).toEqual(
        [],
      );
      expect(gh.requestsMatching({ method: 'DELETE' })).toEqual([]);
    });

    it('turns a 200k-character report into one comment under the limit, fences balanced, marker intact', async () => {
      const checks = Array.from({ length: 50 }, (_, i) => ({
        check: `check_${i}`,
        column: `column_${i}`,
        status: 'fail' as const,
        message: `value out of range in row ${i}: ${'x'.repeat(60)}`,
        examples: [{ line: i + 2, value: '```' }],
      }));
      const validations = Array.from({ length: 40 }, (_, i) => ({
        dataset: `data/part-${i}.csv`,
        rows: 5000,
        columns: 4,
        status: 'fail' as const,
        checks,
      }));
      const huge = reportFrom('many failing checks', {
        verdict: { status: 'fail', summary: 'many failing checks', reasons: [] },
        validations,
      });
      expect(JSON.stringify(huge).length).toBeGreaterThan(200_000);

      const run = await runReport(huge);

      expect(errors(run)).toEqual([]);
      expect(ours()).toHaveLength(1);
      const body = ours()[0]?.body ?? '';
      expect(body.length).toBeLessThanOrEqual(65_536);
      expect(body.startsWith(`${MARKER}\n<!-- mlgate:revision:1001 -->\n`)).toBe(true);
      expect(body.split(MARKER)).toHaveLength(2);
      expect((body.match(/^ {0,3}(`{3,}|~{3,})/gm) ?? []).length % 2).toBe(0);
      expect((body.match(/<details/g) ?? []).length).toBe((body.match(/<\/details>/g) ?? []).length);
      expect(body).toMatch(/Shortened to fit GitHub's 65,536-character limit: left out the checks of `data\/part-/);
    });
  });

  describe('the check runs', () => {
    const withData = (auc: number): Report =>
      reportFrom('two models', {
        verdict: {
          status: 'fail',
          summary: 'fraud regressed',
          reasons: [{ rule: 'max_regression', status: 'fail', message: 'fraud auc got worse', model: 'fraud' }],
        },
        comparisons: [modelSection('churn', 0.83), modelSection('fraud', auc)],
        validations: [
          {
            dataset: 'data/train.csv',
            rows: 100,
            columns: 3,
            status: 'warn',
            checks: [
              {
                check: 'in_range',
                column: 'age',
                status: 'warn',
                message: 'age out of range',
                examples: [{ line: 17, value: '-3' }],
              },
            ],
          },
        ],
      });

    it('creates one per model, concluded from its own verdict, with the failing data rows annotated', async () => {
      const run = await runReport(withData(0.7));

      expect(errors(run)).toEqual([]);
      const runs = [...gh.state.checks.runs.values()].sort((a, b) => a.name.localeCompare(b.name));
      expect(runs.map((r) => [r.name, r.headSha, r.status, r.conclusion])).toEqual([
        ['mlgate / churn', HEAD, 'completed', 'neutral'],
        ['mlgate / fraud', HEAD, 'completed', 'failure'],
      ]);
      expect(runs[1]?.output.summary).toContain('fraud auc got worse');
      expect(runs[0]?.output.summary).not.toContain('fraud auc got worse');
      expect(runs[0]?.output.annotations).toEqual([
        expect.objectContaining({ path: 'data/train.csv', start_line: 17, end_line: 17, annotation_level: 'warning' }),
      ]);
      expect(JSON.parse(run.outputs['check-runs'] ?? '[]')).toHaveLength(2);
    });

    it('updates its own check runs when the run is re-run, and a new run writes its own', async () => {
      await runReport(withData(0.7), { runId: '1001', attempt: '1' });
      const ids = [...gh.state.checks.runs.keys()];

      const rerun = await runReport(withData(0.85), { runId: '1001', attempt: '2' });

      expect(JSON.parse(rerun.outputs['check-runs'] ?? '[]').map((r: { action: string }) => r.action)).toEqual([
        'updated',
        'updated',
      ]);
      expect([...gh.state.checks.runs.keys()]).toEqual(ids);
      const fraud = [...gh.state.checks.runs.values()].find((r) => r.name === 'mlgate / fraud');
      expect(fraud?.output.summary).toContain('0.85');

      await runReport(withData(0.85), { runId: '1002' });
      expect(gh.state.checks.runs.size).toBe(4);
    });
  });

  describe('with a hostile string in every report field', () => {
    it.each(HOSTILE_STRINGS.map((text, i) => [i, text] as const))(
      'string %i makes no element, link or mention in the comment and no workflow command in the log',
      async (_i, text) => {
        const base = reportFrom('summary', {
          verdict: { status: 'warn', summary: 'summary', reasons: [{ rule: 'r', status: 'warn', message: 'm' }] },
        });
        const plain = await runReport(fillReportStrings(base, 'plain', { fitSchema: true }), { runId: '1' });
        const plainHtml = renderGfm(ours()[0]?.body ?? '');

        const hostile = await runReport(fillReportStrings(base, text, { fitSchema: true }), { runId: '2' });

        expect(errors(hostile)).toEqual([]);
        const html = renderGfm(ours()[0]?.body ?? '');
        const tags = (h: string) => [...h.matchAll(/<([a-z][a-z0-9]*)[\s>/]/g)].map((m) => m[1]);
        expect(tags(html)).toEqual(tags(plainHtml));
        const known = new Set(githubReferences(plainHtml).map((ref) => ref.text));
        expect(githubReferences(html).filter((ref) => !known.has(ref.text))).toEqual([]);
        // Only the commands the action itself issues, the same as with harmless text.
        const kinds = (run: ActionRun) => run.commands.map((c) => c.command);
        expect(kinds(hostile)).toEqual(kinds(plain));
        expect(hostile.masked).toEqual([]);
      },
    );
  });
});
