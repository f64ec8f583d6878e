/**
 * The `report.html` pages `mlgate demo` writes, opened as a reviewer opens them: the built CLI runs the demo in a
 * temporary folder, then each pull request's page is loaded from its file in headless Chromium (Debian's, installed
 * with apt-get when missing) with every request refused. Every chart the report calls for must be drawn, with its
 * marks inside the plot, and the page may log no error. Screenshots go to test/artifacts/ for a person to look at.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { parseReport, reportCharts, type Report } from '@mlgate/core';
import { drawnCharts, ensureChromium, openReportPage, repoRoot, type DrawnChart } from '@mlgate/testkit';
import { runBuiltCli, type CliRun } from './built-cli.js';

const artifacts = join(repoRoot(), 'test', 'artifacts');
const PULL_REQUESTS = ['pr-1-add-weekday', 'pr-2-stronger-regularisation'] as const;

const setup = ensureChromium();
if (!setup.ready) {
  console.warn(`\n*** SKIPPED: the demo's HTML report in the browser: ${setup.reason} ***\n`);
}
const describeInBrowser = setup.ready ? describe : describe.skip;

describeInBrowser("the demo's report.html in headless Chromium", () => {
  let browser: Browser;
  let dir: string;
  let run: CliRun;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mlgate-demo-browser-'));
    mkdirSync(artifacts, { recursive: true });
    [run, browser] = await Promise.all([
      runBuiltCli(dir, ['demo', '--out', 'out']),
      chromium.launch({ executablePath: (setup as { executablePath: string }).executablePath }),
    ]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('the demo ran to the end', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });

  it.each(PULL_REQUESTS)('%s: draws every chart its report calls for, inside its plot, with no error', async (pr) => {
    const file = join(dir, 'out', pr, 'report.json');
    const report: Report = parseReport(JSON.parse(await readFile(file, 'utf8')), file);
    // The charts the page must show, from the report's own data: a drift chart per drifting-checked column, the
    // metric's history, and the per-slice deltas.
    const expected = reportCharts(report).map((chart) => chart.id);
    const drift = report.validations?.flatMap((v) => v.drift?.columns ?? []) ?? [];
    expect(drift.filter((column) => column.distribution).length).toBeGreaterThanOrEqual(4);
    expect(expected.length).toBeGreaterThanOrEqual(drift.length + 2);

    let charts: DrawnChart[] = [];
    let failures: string[] = [];
    const visit = await openReportPage(browser, join(dir, 'out', pr, 'report.html'), async (tab) => {
      charts = await drawnCharts(tab);
      failures = await tab.evaluate(
        () => (globalThis as unknown as { mlgate: { failures: string[] } }).mlgate.failures,
      );
      await tab.screenshot({ path: join(artifacts, `demo-${pr}.png`), fullPage: true });
    });

    expect(visit).toEqual({ requests: [], errors: [], dialogs: [] });
    expect(failures).toEqual([]);
    expect(charts.map((chart) => chart.id)).toEqual(expected);
    for (const chart of charts) {
      expect(chart).toEqual({ id: chart.id, svg: true, marks: expect.any(Number), outside: [], unanchored: [] });
      expect(chart.marks).toBeGreaterThan(0);
    }
  });
});
