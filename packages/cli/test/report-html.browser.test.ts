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
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Report } from '@mlgate/core';
import { HOSTILE_STRINGS, chartedReport, ensureChromium, fillReportStrings } from '@mlgate/testkit';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const artifacts = join(root, 'test', 'artifacts');
const cli = join(root, 'packages', 'cli', 'dist', 'index.js');

const setup = ensureChromium();
if (!setup.ready) {
  console.warn(`\n*** SKIPPED: the HTML report browser test: ${setup.reason} ***\n`);
}
const describeInBrowser = setup.ready ? describe : describe.skip;

/** What the page did while it was open. */
interface Visit {
  requests: string[];
  errors: string[];
  dialogs: string[];
}

/** Per chart: its id, how many data marks it drew, and the marks that lie outside its plot. */
interface Drawn {
  id: string;
  svg: boolean;
  marks: number;
  outside: string[];
  /** Bars that do not start at y = 0. */
  unanchored: string[];
}

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

  async function open(file: string, use: (page: Page, visit: Visit) => Promise<void>): Promise<Visit> {
    const url = pathToFileURL(file).href;
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    const visit: Visit = { requests: [], errors: [], dialogs: [] };
    try {
      // Every request but the page itself is recorded and refused.
      await context.route('**/*', (route) => (route.request().url() === url ? route.continue() : route.abort()));
      const tab = await context.newPage();
      tab.on('request', (request) => {
        if (request.url() !== url) visit.requests.push(request.url());
      });
      tab.on('console', (message) => {
        if (message.type() === 'error') visit.errors.push(message.text());
      });
      tab.on('pageerror', (error) => visit.errors.push(error.message));
      tab.on('dialog', (dialog) => {
        visit.dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      await tab.goto(url);
      await tab.waitForFunction(() => 'mlgate' in globalThis, undefined, { timeout: 20_000 });
      await tab.evaluate(() => (globalThis as unknown as { mlgate: { ready: Promise<unknown> } }).mlgate.ready);
      await use(tab, visit);
    } finally {
      await context.close();
    }
    return visit;
  }

  /** Walks each chart's scene graph: data marks (not axes, legends or titles) and where they lie in the plot. */
  function drawnCharts(tab: Page): Promise<Drawn[]> {
    return tab.evaluate(() => {
      interface Item {
        x?: number;
        y?: number;
        bounds?: { x1: number; y1: number; x2: number; y2: number };
        items?: Mark[];
      }
      interface Mark {
        marktype: string;
        role: string;
        name?: string;
        items: Item[];
      }
      interface View {
        width(): number;
        height(): number;
        scenegraph(): { root: Mark };
        scale(name: string): ((value: number) => number) | undefined;
      }
      const state = (globalThis as unknown as { mlgate: { charts: { id: string }[]; views: Record<string, View> } })
        .mlgate;
      const doc = (globalThis as unknown as { document: { querySelector(selector: string): unknown } }).document;
      // Round caps, point symbols and 2-pixel rules may reach this far past the plot's edge.
      const slack = 6;
      return state.charts.map(({ id }) => {
        const view = state.views[id];
        const drawn: Drawn = {
          id,
          svg: doc.querySelector(`#${id} svg`) !== null,
          marks: 0,
          outside: [],
          unanchored: [],
        };
        if (!view) return drawn;
        const width = view.width();
        const height = view.height();
        // Every chart's bars grow from y = 0: a bar that does not touch it is drawn wrong (a line, or cut off).
        const zero = view.scale('y')?.(0);
        const root = view.scenegraph().root;
        const plot = root.items[0]!;
        const visit = (mark: Mark, dx: number, dy: number): void => {
          for (const item of mark.items) {
            if (mark.marktype === 'group') {
              for (const child of item.items ?? []) visit(child, dx + (item.x ?? 0), dy + (item.y ?? 0));
              continue;
            }
            if (mark.role !== 'mark' || !item.bounds) continue;
            drawn.marks++;
            const b = {
              x1: item.bounds.x1 + dx,
              y1: item.bounds.y1 + dy,
              x2: item.bounds.x2 + dx,
              y2: item.bounds.y2 + dy,
            };
            const where = `${mark.name ?? mark.marktype}: [${[b.x1, b.y1, b.x2, b.y2].map(Math.round)}]`;
            if (b.x1 < -slack || b.y1 < -slack || b.x2 > width + slack || b.y2 > height + slack) {
              drawn.outside.push(`${where} in ${width}×${height}`);
            }
            if (mark.marktype === 'rect' && !(Math.abs(b.y1 - zero!) <= 1.5 || Math.abs(b.y2 - zero!) <= 1.5)) {
              drawn.unanchored.push(`${where}, y = 0 at ${Math.round(zero!)}`);
            }
          }
        };
        for (const mark of plot.items ?? []) visit(mark, 0, 0);
        return drawn;
      });
    });
  }

  it('draws every chart inside its plot, logs no error and requests nothing', async () => {
    const file = await page(chartedReport, 'charted');
    let charts: Drawn[] = [];
    const visit = await open(file, async (tab) => {
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
      let charts: Drawn[] = [];
      const visit = await open(file, async (tab) => {
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
