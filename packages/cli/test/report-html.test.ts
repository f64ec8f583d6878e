import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reportCharts, type Report } from '@mlgate/core';
import { HOSTILE_STRINGS, chartedReport, fillReportStrings, htmlStructure } from '@mlgate/testkit';
import { runCli } from '../src/cli.js';
import { capture } from './capture-io.js';

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
