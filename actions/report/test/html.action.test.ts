/**
 * The HTML report from actions/report run as the runner runs it (the committed bundle, which carries the vega builds
 * in dist/vega/), against FakeGitHub and the runner's artifact services: the page is written where asked, uploaded as
 * an artifact with the real @actions/artifact client, and linked from the sticky comment.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reportCharts } from '@mlgate/core';
import { DEFAULT_EXTRACT_LIMITS, extractZip } from '@mlgate/github';
import { FakeGitHub, LocalActionsRuntime, chartedReport, htmlStructure, runActionBundle } from '@mlgate/testkit';

const BOT = 'github-actions[bot]';
const TOKEN = 'ghs_report_html_token';
const HEAD = 'b'.repeat(40);

let gh: FakeGitHub;
let runtime: LocalActionsRuntime;
let workspace: string;
let pr: number;

beforeAll(async () => {
  gh = await FakeGitHub.start();
  gh.addToken(TOKEN, BOT, { type: 'Bot' });
  runtime = await LocalActionsRuntime.start({ github: gh });
  pr = gh.state.issues.addPull({ head: { ref: 'feature', sha: HEAD } }).number;
  workspace = await mkdtemp(join(tmpdir(), 'mlgate-report-html-'));
  await writeFile(join(workspace, 'report.json'), JSON.stringify(chartedReport));
}, 60_000);
afterAll(async () => {
  gh?.assertNoViolations();
  await runtime?.close();
  await gh?.close();
  await rm(workspace, { recursive: true, force: true });
});

function report(inputs: Record<string, string>) {
  const run = gh.state.actions.addRun({ headSha: HEAD, event: 'pull_request' });
  return runActionBundle({
    action: 'report',
    inputs: { report: 'report.json', ...inputs },
    env: { ...gh.env(TOKEN), ...runtime.env({ runId: run.id }) },
    githubToken: TOKEN,
    eventName: 'pull_request',
    event: {
      number: pr,
      pull_request: { number: pr, head: { sha: HEAD, repo: { full_name: 'acme/churn' } } },
      repository: { full_name: 'acme/churn' },
    },
    cwd: workspace,
    timeoutMs: 60_000,
  });
}

describe('actions/report with an HTML report', () => {
  it('writes the page, uploads it as an artifact and links it from the comment', async () => {
    const run = await report({ html: 'out/report.html', 'html-artifact': 'mlgate-html' });

    expect(run.annotations.filter((a) => a.level === 'error')).toEqual([]);
    expect(run.exitCode).toBe(0);
    expect(run.outputs.html).toBe(join(workspace, 'out', 'report.html'));
    const html = await readFile(join(workspace, 'out', 'report.html'), 'utf8');
    const page = htmlStructure(html);
    expect(page.scripts.map((script) => script.src)).toEqual(['', '', '', '', '']);
    expect(JSON.parse(page.scripts[0]!.text)).toEqual(reportCharts(chartedReport));

    const artifact = runtime.artifacts.find((a) => a.id === Number(run.outputs['html-artifact-id']));
    expect(artifact?.name).toBe('mlgate-html');
    const dir = await mkdtemp(join(workspace, 'unpacked-'));
    await extractZip(await runtime.artifactZip(artifact!.id), dir, DEFAULT_EXTRACT_LIMITS);
    expect(await readdir(dir)).toEqual(['report.html']);
    expect(await readFile(join(dir, 'report.html'), 'utf8')).toBe(html);

    const url = run.outputs['html-artifact-url'];
    expect(url).toMatch(new RegExp(`^https://github\\.com/acme/churn/actions/runs/\\d+/artifacts/${artifact!.id}$`));
    const [comment] = gh.state.issues.commentsOn(pr);
    expect(comment?.body).toContain(`artifact [\`mlgate-html\`](${url})`);
    expect(run.summary).toContain(url);
  });

  it('writes no page and uploads nothing without html or html-artifact', async () => {
    const before = runtime.artifacts.length;
    const run = await report({});
    expect(run.exitCode).toBe(0);
    expect(run.outputs.html).toBe('');
    expect(run.outputs['html-artifact-id']).toBe('');
    expect(runtime.artifacts.length).toBe(before);
  });

  it('refuses an html-artifact named like the report artifact before any work', async () => {
    const run = await report({ 'html-artifact': 'mlgate-report' });
    expect(run.exitCode).toBe(1);
    expect(run.annotations.filter((a) => a.level === 'error').map((a) => a.message)).toEqual([
      expect.stringMatching(/^input "html-artifact": "mlgate-report" is the report artifact's name/),
    ]);
  });
});
