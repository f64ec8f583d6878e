import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reportCharts, type Report } from '@mlgate/core';
import { HOSTILE_STRINGS, fillReportStrings, htmlStructure } from '@mlgate/testkit';
import { runCli } from '../src/cli.js';
import { capture } from './capture-io.js';

/** A report with every chart the page draws: drift of numbers and categories, history with intervals, slices. */
export const chartedReport: Report = {
  schema: 'mlgate/report@1',
  createdAt: '2026-12-04T10:00:00Z',
  subject: { sha: '0123456789abcdef0123456789abcdef01234567' },
  verdict: {
    status: 'fail',
    summary: 'auc regressed on the basic plan',
    reasons: [{ rule: 'slice_regression', status: 'fail', message: 'auc got worse on plan=basic', model: 'churn' }],
  },
  validations: [
    {
      dataset: 'train',
      rows: 8000,
      columns: 3,
      status: 'warn',
      checks: [
        { check: 'in_set', column: 'plan', status: 'warn', message: 'unknown plan', examples: [{ value: 'x' }] },
      ],
      drift: {
        status: 'warn',
        share: 0.5,
        threshold: 0.5,
        columns: [
          {
            column: 'tenure_months',
            test: 'ks',
            statistic: 0.21,
            pValue: 1e-12,
            effect: { name: 'normalized-wasserstein', value: 0.4, threshold: 0.1 },
            drifted: true,
            method: 'ks-asymptotic',
            distribution: {
              kind: 'histogram',
              edges: [0, 12, 24, 36, 48, 60, 72],
              reference: [800, 900, 1000, 1100, 1000, 900],
              current: [1500, 1400, 1100, 700, 500, 300],
            },
          },
          {
            column: 'plan',
            test: 'chi2',
            statistic: 3.2,
            pValue: 0.2,
            effect: { name: 'cramers-v', value: 0.02, threshold: 0.1 },
            drifted: false,
            method: 'chi2',
            distribution: {
              kind: 'categories',
              categories: ['basic', 'pro', 'team'],
              reference: [3000, 2000, 700],
              current: [3100, 1900, 650],
              other: { reference: 10, current: 12 },
            },
          },
        ],
      },
    },
  ],
  comparisons: [
    {
      model: 'churn',
      baseline: { label: 'churn@v1.2.0' },
      candidate: { label: 'candidate' },
      confidence: 0.95,
      metrics: [
        {
          name: 'auc',
          direction: 'higher',
          baseline: 0.8,
          candidate: 0.81,
          delta: 0.01,
          relative: 0.0125,
          ci: { low: -0.004, high: 0.024, method: 'paired bootstrap' },
          label: 'within-noise',
        },
      ],
      slices: [
        {
          column: 'plan',
          value: 'basic',
          size: 3000,
          metrics: [
            {
              name: 'auc',
              direction: 'higher',
              baseline: 0.78,
              candidate: 0.74,
              delta: -0.04,
              relative: -0.05,
              ci: { low: -0.06, high: -0.02, method: 'paired bootstrap' },
              label: 'regressed',
            },
          ],
        },
        {
          column: 'plan',
          value: 'pro',
          size: 2000,
          metrics: [
            {
              name: 'auc',
              direction: 'higher',
              baseline: 0.82,
              candidate: 0.86,
              delta: 0.04,
              relative: 0.05,
              ci: { low: 0.02, high: 0.06, method: 'paired bootstrap' },
              label: 'improved',
            },
          ],
        },
      ],
      params: [{ name: 'lr', baseline: 0.1, candidate: 0.2 }],
      history: {
        metric: 'auc',
        versions: [
          { version: 'churn@v1.0.0', value: 0.76, interval: { low: 0.75, high: 0.78 } },
          { version: 'churn@v1.1.0', value: 0.79 },
          { version: 'churn@v1.2.0', value: 0.8, interval: { low: 0.79, high: 0.815 }, stages: ['production'] },
        ],
      },
    },
  ],
};

/** The chart list the page carries in its JSON block. */
function chartsIn(html: string): unknown {
  const block = htmlStructure(html).scripts.find((script) => script.type === 'application/json');
  return JSON.parse(block!.text);
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mlgate-cli-html-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function writeHtml(report: Report, name: string): Promise<{ code: number; html: string }> {
  const file = join(dir, `${name}.json`);
  await writeFile(file, JSON.stringify(report));
  const run = capture(dir);
  const code = await runCli(['report', file, '--html', `${name}.html`], run.io);
  if (code === 2) throw new Error(run.err());
  return { code, html: await readFile(join(dir, `${name}.html`), 'utf8') };
}

describe('mlgate report --html', () => {
  it('writes one page with the vega builds inlined and the charts of the report, loading nothing', async () => {
    const { code, html } = await writeHtml(chartedReport, 'charted');
    expect(code).toBe(1);
    const page = htmlStructure(html);
    expect(page.scripts.map((script) => script.src)).toEqual(['', '', '', '', '']);
    expect(page.scripts[1]!.text).toContain('vega');
    expect(page.links).toEqual([]);
    expect(html).toContain("default-src 'none'");
    expect(chartsIn(html)).toEqual(reportCharts(chartedReport));
    expect(reportCharts(chartedReport).map((chart) => chart.title)).toEqual([
      'tenure_months: reference vs current',
      'plan: reference vs current',
      'auc by version',
      'Δ auc by slice',
    ]);
    expect(html.length).toBeGreaterThan(800_000);
  });

  it('draws every chart with vega in Node: each spec compiles and has marks', async () => {
    const vega = await import('vega');
    const vegaLite = await import('vega-lite');
    for (const chart of reportCharts(chartedReport)) {
      const view = new vega.View(vega.parse(vegaLite.compile(chart.spec as never).spec), { renderer: 'none' });
      const svg = await view.toSVG();
      expect(svg).toContain('<svg');
      expect(svg).toMatch(/class="mark-(rect|line|symbol|rule)/);
      view.finalize();
    }
  });

  it('refuses a folder as the page before reading any report, and writes nothing', async () => {
    const run = capture(dir);
    expect(await runCli(['report', 'not-read.json', '--html', '.'], run.io)).toBe(2);
    expect(run.err()).toBe('mlgate report: .: is a directory; give the name of a file to write\n');
    expect(run.out()).toBe('');
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  describe('with a hostile string in every report field', () => {
    let plain: ReturnType<typeof htmlStructure>;
    beforeAll(async () => {
      plain = htmlStructure(
        (await writeHtml(fillReportStrings(chartedReport, 'plain', { fitSchema: true }), 'p')).html,
      );
    });

    it.each(HOSTILE_STRINGS.map((text, i) => [i, text] as const))(
      'string %i makes no element, attribute, link or script of its own',
      async (i, text) => {
        const report = fillReportStrings(chartedReport, text, { fitSchema: true });
        const { html } = await writeHtml(report, `hostile-${i}`);
        const page = htmlStructure(html);
        expect(page.elements).toEqual(plain.elements);
        expect(page.links).toEqual([]);
        expect(page.handlers).toEqual([]);
        expect(page.scripts.map((script) => [script.type, script.src])).toEqual(
          plain.scripts.map((script) => [script.type, script.src]),
        );
        // The chart data is read back whole: nothing ended the JSON block early.
        expect(chartsIn(html)).toEqual(reportCharts(report));
      },
    );
  });
});
