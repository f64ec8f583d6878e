/**
 * The HTML report as a reviewer opens it: the page the built CLI writes, in headless Chromium (Debian's, with
 * playwright-core), from a file with no network. Every chart must be drawn, no mark may lie outside its plot, the
 * page may log no error and request nothing, and a hostile string in every field must neither break a chart nor
 * run anything. A screenshot goes to test/artifacts/ for a person to look at.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import type { Report } from '@mlgate/core';
import {
  HOSTILE_STRINGS,
  chartedReport,
  drawnCharts,
  ensureChromium,
  fillReportStrings,
  openReportPage,
  type DrawnChart,
} from '@mlgate/testkit';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const artifacts = join(root, 'test', 'artifacts');
const cli = join(root, 'packages', 'cli', 'dist', 'index.js');

const setup = ensureChromium();
if (!setup.ready) {
  console.warn(`\n*** SKIPPED: the HTML report browser test: ${setup.reason} ***\n`);
}
const describeInBrowser = setup.ready ? describe : describe.skip;

describeInBrowser('the HTML report in headless Chromium', () => {
  let browser: Browser;
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mlgate-html-browser-'));
    mkdirSync(artifacts, { recursive: true });
    browser = await chromium.launch({ executablePath: (setup as { executablePath: string }).executablePath });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await rm(dir, { recursive: true, force: true });
  });

  /** Writes the page with the built CLI, as a user would. */
  async function page(report: Report, name: string): Promise<string> {
    const json = join(dir, `${name}.json`);
    const html = join(dir, `${name}.html`);
    await writeFile(json, JSON.stringify(report));
    const run = spawnSync(process.execPath, [cli, 'report', json, '--html', html], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect([0, 1]).toContain(run.status);
    return html;
  }

  it('draws every chart inside its plot, logs no error and requests nothing', async () => {
    const file = await page(chartedReport, 'charted');
    let charts: DrawnChart[] = [];
    const visit = await openReportPage(browser, file, async (tab) => {
      charts = await drawnCharts(tab);
      await tab.screenshot({ path: join(artifacts, 'report-html.png'), fullPage: true });
    });
    expect(visit).toEqual({ requests: [], errors: [], dialogs: [] });
    expect(charts).toHaveLength(4);
    for (const chart of charts) {
      expect(chart).toEqual({ id: chart.id, svg: true, marks: expect.any(Number), outside: [], unanchored: [] });
      expect(chart.marks).toBeGreaterThan(0);
    }
  });

  it.each(HOSTILE_STRINGS.map((text, i) => [i, text] as const))(
    'with hostile string %i in every field still draws every chart and runs nothing',
    async (i, text) => {
      const file = await page(fillReportStrings(chartedReport, text, { fitSchema: true }), `hostile-${i}`);
      let charts: DrawnChart[] = [];
      const visit = await openReportPage(browser, file, async (tab) => {
        charts = await drawnCharts(tab);
      });
      expect(visit).toEqual({ requests: [], errors: [], dialogs: [] });
      expect(charts.map((chart) => [chart.svg, chart.marks > 0, chart.outside, chart.unanchored])).toEqual(
        charts.map(() => [true, true, [], []]),
      );
      expect(charts).toHaveLength(4);
    },
  );
});
