import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';

/** What the page did while it was open. */
export interface Visit {
  requests: string[];
  errors: string[];
  dialogs: string[];
}

/** Per chart: its id, how many data marks it drew, and the marks that lie outside its plot. */
export interface DrawnChart {
  id: string;
  svg: boolean;
  marks: number;
  outside: string[];
  /** Bars that do not start at y = 0. */
  unanchored: string[];
}

/**
 * Opens an HTML report from a file with every request but the page itself recorded and refused, waits until the
 * page says its charts are done (`window.mlgate.ready`), then hands the tab to `use`.
 */
export async function openReportPage(
  browser: Browser,
  file: string,
  use: (page: Page, visit: Visit) => Promise<void>,
): Promise<Visit> {
  const url = pathToFileURL(file).href;
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  const visit: Visit = { requests: [], errors: [], dialogs: [] };
  try {
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

/**
 * Walks each chart's scene graph as the page drew it: data marks (not axes, legends or titles) and where they lie
 * in the plot. A mark count alone misses layout bugs (FACTS.md: bars ~800 px outside the plot), hence the bounds.
 */
export function drawnCharts(tab: Page): Promise<DrawnChart[]> {
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
      const drawn: DrawnChart = {
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
