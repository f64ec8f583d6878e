/**
 * Mermaid labels built from untrusted names, checked by Mermaid's own parser: mermaid 11.17 with jsdom
 * as its DOM, in a child Node process (FACTS.md: with jsdom `parse` agrees with the browser).
 */
import { beforeAll, describe, expect, it } from '@jest/globals';
import { mermaidLabel, mermaidLineChart, renderReportMarkdown, uniqueMermaidLabels } from '../../src/index.js';
import { MERMAID_HOSTILE_STRINGS } from '../../../testkit/src/hostile.js';
import { parseMermaid, type MermaidParse } from '../../../testkit/src/mermaid/parse.js';
import { comparisonSection, report } from '../fixtures/reports.js';

/** The chart's source between its fences. */
function chartSource(markdown: string): string {
  const match = /```mermaid\n([\s\S]*?)\n```/.exec(markdown);
  if (!match?.[1]) throw new Error('no mermaid block');
  return match[1];
}

/** A report whose model, metric and version names are all `text`, rendered; its chart's source. */
function hostileChart(text: string): string {
  const section = comparisonSection({ model: text || 'm' });
  const metric = section.metrics[0];
  if (!metric) throw new Error('fixture has a metric');
  const name = text || 'auc';
  const markdown = renderReportMarkdown(
    report({
      comparisons: [
        {
          ...section,
          metrics: [{ ...metric, name }],
          history: {
            metric: name,
            versions: [
              { version: text || 'v', value: 0.8 },
              { version: `${text}2`, value: 0.81 },
              { version: text || 'v', value: 0.82 },
            ],
          },
        },
      ],
    }),
  );
  return chartSource(markdown);
}

const hostileSources = MERMAID_HOSTILE_STRINGS.map(hostileChart);
let parsed: MermaidParse[] = [];

beforeAll(async () => {
  parsed = await parseMermaid([
    ...hostileSources,
    chartSource(
      mermaidLineChart('t', 'y', [
        { label: 'a', value: 1e-9 },
        { label: 'b', value: 2 },
      ]),
    ),
  ]);
}, 60_000);

describe('mermaidLabel', () => {
  it.each([
    ['churn v1.3.0 (prod)', 'churn v1.3.0 (prod)'],
    ['a"b', 'a#34;b'],
    ['%%{init: {}}%%', '#37;#37;{init#58; {}}#37;#37;'],
    ['#35;', '#35;35#59;'],
    ['<b>', '#60;b#62;'],
    ['line\n```', 'line #96;#96;#96;'],
    ['a\u00A0 \t b', 'a b'],
    ['', '(unnamed)'],
    ['   ', '(unnamed)'],
    ['x\u202Eevil', 'xevil'],
  ])('%j becomes %j', (input, expected) => {
    expect(mermaidLabel(input)).toBe(expected);
  });

  it('caps the length before encoding and marks the cut', () => {
    expect(mermaidLabel('x'.repeat(100))).toBe(`${'x'.repeat(39)}#8230;`);
  });

  it('makes repeated labels unique, so no two points share an x', () => {
    expect(uniqueMermaidLabels(['v1', 'v1', '"', '#34;', 'v1'])).toEqual([
      'v1',
      'v1 (2)',
      '#34;',
      '#35;34#59;',
      'v1 (3)',
    ]);
  });
});

describe('mermaidLineChart', () => {
  it('draws the points on a y axis around their values', () => {
    const chart = mermaidLineChart('auc by version', 'auc', [
      { label: 'churn@v1.0.0', value: 0.81 },
      { label: 'churn@v1.1.0', value: 0.8234 },
      { label: 'candidate', value: 0.83 },
    ]);
    expect(chart).toBe(
      [
        '```mermaid',
        'xychart-beta',
        '  title "auc by version"',
        '  x-axis ["churn@v1.0.0", "churn@v1.1.0", "candidate"]',
        '  y-axis "auc" 0.808 --> 0.832',
        '  line [0.81, 0.8234, 0.83]',
        '```',
      ].join('\n'),
    );
  });

  it('parses with Mermaid, tiny values included', () => {
    expect(parsed.at(-1)).toEqual({ ok: true, type: 'xychart', config: {} });
  });

  it.each(MERMAID_HOSTILE_STRINGS.map((text, i) => [i, text] as const))(
    'hostile string %i as model, metric and version names parses, sets no configuration and keeps the fence',
    (i) => {
      const source = hostileSources[i] ?? '';
      expect(parsed[i]).toEqual({ ok: true, type: 'xychart', config: {} });
      expect(source.split('\n')).toHaveLength(5);
      expect(source).not.toMatch(/%%|<|&|`/);
      // Four distinct x labels: the three versions (one repeated) and the candidate.
      const labels = /x-axis \[(.*)\]/.exec(source)?.[1]?.match(/"[^"]*"/g) ?? [];
      expect(new Set(labels).size).toBe(4);
    },
  );
});
