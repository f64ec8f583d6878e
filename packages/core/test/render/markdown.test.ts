import { describe, it, expect } from '@jest/globals';
import {
  escapeText,
  renderReportMarkdown,
  tableCell,
  safeUrl,
  type Report,
  type VerdictStatus,
} from '../../src/index.js';
import { comparisonSection, report, validationSection } from '../fixtures/reports.js';
import { HOSTILE_STRINGS, fillReportStrings } from '../../../testkit/src/hostile.js';
import { githubReferences, renderGfm } from '../../../testkit/src/markdown/gfm.js';

const bytes = (text: string): number => Buffer.byteLength(text, 'utf8');

function fullReport(): Report {
  const [auc] = comparisonSection().metrics;
  if (!auc) throw new Error('fixture has auc');
  return report({
    verdict: {
      status: 'fail',
      summary: 'log_loss regressed',
      reasons: [
        { rule: 'min', status: 'pass', message: 'auc above 0.8', metric: 'auc' },
        { rule: 'drift', status: 'warn', message: 'region drifted', dataset: 'train', column: 'region' },
        { rule: 'max_regression', status: 'fail', message: 'log_loss got worse', model: 'churn', metric: 'log_loss' },
      ],
    },
    validations: [validationSection()],
    comparisons: [
      comparisonSection({
        slices: [
          { column: 'region', value: 'EU', size: 120, metrics: [auc] },
          {
            column: 'region',
            value: 'US',
            size: 300,
            metrics: [{ ...auc, delta: -0.03, relative: -0.04, label: 'regressed' }],
          },
        ],
        params: [
          { name: 'lr', baseline: 0.1, candidate: 0.2 },
          { name: 'depth', baseline: 3, candidate: 3 },
        ],
        history: {
          metric: 'auc',
          versions: [
            { version: 'churn@v1.2.0', value: 0.801, registeredAt: '2026-10-01T09:00:00Z' },
            { version: 'churn@v1.3.0', value: 0.8123, interval: { low: 0.805, high: 0.82 }, stages: ['production'] },
          ],
        },
      }),
    ],
  });
}

function tableRows(html: string): number[] {
  return [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) => (row[1]?.match(/<t[hd][ >]/g) ?? []).length);
}

describe('renderReportMarkdown', () => {
  it.each<[VerdictStatus, string]>([
    ['pass', '## ✅ mlgate: passed'],
    ['warn', '## ⚠️ mlgate: passed with warnings'],
    ['fail', '## ❌ mlgate: failed'],
    ['skipped', '## ⏭️ mlgate: skipped'],
  ])('opens a %s report with its emoji verdict line', (status, line) => {
    const markdown = renderReportMarkdown(report({ verdict: { status, summary: '', reasons: [] } }));
    expect(markdown.split('\n')[0]).toBe(line);
  });

  it('escapes the title and summary', () => {
    const markdown = renderReportMarkdown(
      report({ verdict: { status: 'pass', summary: '**ok** @octocat', reasons: [] } }),
      { title: '<b>Gate</b>' },
    );
    expect(markdown.split('\n')[0]).toBe('## ✅ \\<b\\>Gate\\</b\\>: passed');
    expect(markdown).toContain('\\*\\*ok\\*\\* @&#8203;octocat');
  });

  it('lists failing reasons before warnings and collapses the passing ones', () => {
    const markdown = renderReportMarkdown(fullReport());
    const failAt = markdown.indexOf('- ❌ log\\_loss got worse (`max_regression`, `churn`, `log_loss`)');
    const warnAt = markdown.indexOf('- ⚠️ region drifted (`drift`, `train`, `region`)');
    expect(failAt).toBeGreaterThan(0);
    expect(warnAt).toBeGreaterThan(failAt);
    expect(markdown).toMatch(/<details>\n<summary>1 rule passed<\/summary>\n\n- ✅ auc above 0\\.8/);
  });

  it('shows failing checks first and passing checks collapsed', () => {
    const markdown = renderReportMarkdown(fullReport());
    expect(markdown).toContain('### ❌ Data `train`: 12,345 rows × 8 columns');
    const failing = markdown.indexOf(
      '| ❌ | in\\_range | `income` | -5 | `>= 0` | 3 (0.0243%) | 3 values out of range; e.g. line 17: `-5` |',
    );
    const warning = markdown.indexOf('| ⚠️ | row\\_count |');
    const passing = markdown.indexOf('| ✅ | not\\_null |');
    expect(failing).toBeGreaterThan(0);
    expect(warning).toBeGreaterThan(failing);
    expect(markdown.lastIndexOf('<summary>1 passing check</summary>', passing)).toBeGreaterThan(warning);
  });

  it('shows drifted columns first', () => {
    const markdown = renderReportMarkdown(fullReport());
    expect(markdown).toContain('✅ **Drift**: 1 of 2 columns drifted (12.5%; the dataset counts as drifted from 30%)');
    expect(markdown.indexOf('| `region` | chi2 |')).toBeLessThan(markdown.indexOf('| `age` | ks |'));
  });

  it('marks bounded drift figures, names exact tests, and lists notes and untested columns', () => {
    const drift = {
      status: 'warn' as const,
      share: 0,
      threshold: 0.5,
      columns: [
        {
          column: 'amount',
          test: 'ks' as const,
          statistic: 0.0012,
          pValue: 0.31,
          effect: { name: 'normalized-wasserstein', value: 0.004, threshold: 0.1 },
          drifted: false,
          method: 'ks-asymptotic' as const,
          bounds: { statistic: [0.0012, 0.0013] as [number, number], effect: [0.004, 0.0041] as [number, number] },
        },
        {
          column: 'flag',
          test: 'chi2' as const,
          statistic: 1.2,
          pValue: 0.09,
          effect: { name: 'cramers-v', value: 0.03, threshold: 0.1 },
          drifted: false,
          method: 'fisher-exact' as const,
          note: "expected counts below 5: p-value from Fisher's exact test",
        },
      ],
      skipped: [
        {
          column: 'fresh',
          reason: 'missing-in-reference' as const,
          status: 'pass' as const,
          message: 'column "fresh" is new (not in the reference)',
        },
        {
          column: 'gone',
          reason: 'missing-in-current' as const,
          status: 'warn' as const,
          message: 'column "gone" is missing from the current data',
        },
      ],
    };
    const markdown = renderReportMarkdown(report({ validations: [validationSection({ drift })] }));
    expect(markdown).toContain(
      `| \`amount\` | ks | 0.0012–0.0013 | ≥ 0.31 | ${tableCell('normalized-wasserstein')} 0.004–0.0041 (threshold 0.1) | no |`,
    );
    expect(markdown).toContain("| `flag` | chi2 \\(Fisher's exact p\\) | 1.2 | 0.09 |");
    expect(markdown).toContain('the p-value then comes from the lower end of the statistic');
    expect(markdown).toContain(
      `- \`flag\`: ${escapeText("expected counts below 5: p-value from Fisher's exact test")}`,
    );
    const lost = markdown.indexOf(`- ⚠️ ${escapeText('column "gone" is missing from the current data')}`);
    expect(markdown).toContain('**Not tested for drift** (2 columns)');
    expect(lost).toBeGreaterThan(0);
    expect(markdown.indexOf(`- ✅ ${escapeText('column "fresh" is new (not in the reference)')}`)).toBeGreaterThan(
      lost,
    );
  });

  it('renders the comparison as a DVC-style table with intervals and verdicts', () => {
    const markdown = renderReportMarkdown(fullReport());
    expect(markdown).toContain('### Model `churn`: `candidate` vs baseline `production` (`churn@v1.3.0`)');
    expect(markdown).toContain(
      [
        '| Metric | Baseline (production) | Candidate | Δ | 95% CI | Verdict |',
        '| :--- | ---: | ---: | ---: | :---: | :--- |',
        '| auc | 0.8123 | 0.8234 | +0.01106 (+1.36%) | [+0.0021, +0.0201] | 🟢 improved (p = 0.012) |',
        '| log\\_loss | 0.41 | 0.43 | +0.02 (+4.88%) | [+0.005, +0.035] | 🔴 regressed |',
      ].join('\n'),
    );
    expect(markdown).toContain('Intervals at 95% confidence (delong, bootstrap).');
  });

  it('leaves out the interval column when no metric has one, and labels the confidence level', () => {
    const section = comparisonSection();
    const withoutIntervals = renderReportMarkdown(
      report({ comparisons: [{ ...section, metrics: section.metrics.map(({ ci: _ci, ...metric }) => metric) }] }),
    );
    expect(withoutIntervals).toContain('| Metric | Baseline (production) | Candidate | Δ | Verdict |');
    expect(renderReportMarkdown(report({ comparisons: [{ ...section, confidence: 0.9 }] }))).toContain('| 90% CI |');
  });

  it('puts the worst slice first and opens the slices when one regressed', () => {
    const markdown = renderReportMarkdown(fullReport());
    expect(markdown).toContain('<details open>\n<summary>Slices: 1 of 2 slices regressed</summary>');
    expect(markdown.indexOf('| region = `US` | 300 |')).toBeLessThan(markdown.indexOf('| region = `EU` | 120 |'));
  });

  it('charts the key metric across the last versions and the candidate, with a table of the same numbers', () => {
    const markdown = renderReportMarkdown(fullReport());
    expect(markdown).toContain(
      [
        '**auc across the last 2 versions and this candidate**',
        '',
        '```mermaid',
        'xychart-beta',
        '  title "auc by version"',
        '  x-axis ["churn@v1.2.0", "churn@v1.3.0", "candidate"]',
        '  y-axis "auc" 0.798 --> 0.826',
        '  line [0.801, 0.8123, 0.8234]',
        '```',
        '',
        '| Version | auc | 95% interval | Stage |',
        '| :--- | ---: | :---: | :--- |',
        '| `churn@v1.2.0` | 0.801 | - |  |',
        '| `churn@v1.3.0` | 0.8123 | 0.805 to 0.82 | `production` |',
        '| **candidate** | 0.8234 | 0.8144 to 0.8324 | this pull request |',
      ].join('\n'),
    );
  });

  it('draws no chart without at least two values to join', () => {
    const section = comparisonSection({ history: { metric: 'auc', versions: [{ version: 'v1', value: null }] } });
    expect(renderReportMarkdown(report({ comparisons: [section] }))).not.toContain('mermaid');
  });

  it('lists only changed parameters, collapsed', () => {
    const markdown = renderReportMarkdown(fullReport());
    expect(markdown).toContain(
      '<details>\n<summary>Parameters: 1 changed</summary>\n\n| Parameter | Baseline | Candidate |',
    );
    expect(markdown).toContain('| lr | `0.1` | `0.2` |');
    expect(markdown).not.toContain('| depth |');
  });

  it('says when there is no baseline yet', () => {
    const markdown = renderReportMarkdown(report({ comparisons: [comparisonSection({ baseline: null })] }));
    expect(markdown).toContain('No baseline yet: this is the first run, so there is nothing to compare with.');
    expect(markdown).toContain('| Metric | Candidate (candidate) |\n| :--- | ---: |\n| auc | 0.8234 |');
  });

  it('keeps every untrusted string inert', () => {
    const hostile = '<img src=x onerror=alert(1)> [x](javascript:alert(1)) @octocat #1 a|b ```';
    const validation = validationSection({ dataset: hostile });
    const comparison = comparisonSection({ model: hostile, baseline: { label: hostile, source: hostile } });
    const doc = report({
      verdict: {
        status: 'fail',
        summary: hostile,
        reasons: [{ rule: hostile, status: 'fail', message: hostile, metric: hostile }],
      },
      validations: [
        {
          ...validation,
          checks: validation.checks.map((check) => ({
            ...check,
            check: hostile,
            column: hostile,
            message: hostile,
            expected: hostile,
            examples: [{ value: hostile }],
          })),
          issues: [{ file: hostile, line: 1, message: hostile }],
        },
      ],
      comparisons: [
        {
          ...comparison,
          metrics: comparison.metrics.map((metric) => ({
            ...metric,
            name: hostile,
            ci: metric.ci && { ...metric.ci, method: hostile },
          })),
          slices: [{ column: hostile, value: hostile, size: 3, metrics: comparison.metrics }],
          params: [{ name: hostile, baseline: hostile, candidate: 'x' }],
        },
      ],
    });
    const markdown = renderReportMarkdown(doc, { runUrl: 'https://github.com/acme/churn/actions/runs/1' });
    const html = renderGfm(markdown);
    expect(html).not.toMatch(/<img|<script|javascript:alert\(1\)"|href="javascript/i);
    expect(html.match(/<a /g)).toEqual(['<a ']);
    // GitHub links no mention or reference inside code spans; everywhere else they must be broken.
    const prose = html
      .replace(/<code>[\s\S]*?<\/code>/g, '')
      .replace(/<[^>]*>/g, '')
      .replace(/&#8203;/g, '\u200B');
    expect(prose).toContain('@\u200Boctocat');
    expect(prose).not.toMatch(/@octocat|#1\b/);
    for (const tableHtml of html.match(/<table>[\s\S]*?<\/table>/g) ?? []) {
      expect(new Set(tableRows(tableHtml)).size).toBe(1);
    }
  });

  describe('with a hostile string in every field', () => {
    const runUrl = 'https://github.com/acme/churn/actions/runs/1';
    const render = (text: string) => renderGfm(renderReportMarkdown(fillReportStrings(fullReport(), text), { runUrl }));
    const tags = (html: string) => [...html.matchAll(/<([a-z][a-z0-9]*)[\s>/]/g)].map((match) => match[1]);
    const plain = render('plain');

    it.each(HOSTILE_STRINGS)('%j makes no element, link or mention of its own', (hostile) => {
      const html = render(hostile);
      // The same elements in the same order as with harmless text: nothing the string says became markup.
      expect(tags(html)).toEqual(tags(plain));
      const known = new Set(githubReferences(plain).map((ref) => ref.text));
      expect(githubReferences(html).filter((ref) => !known.has(ref.text))).toEqual([]);
      expect(html).not.toContain('<!-- mlgate:');
    });
  });

  it('fits the byte budget by cutting whole sections, least important first, and says which and where the rest is', () => {
    const checks = Array.from({ length: 5000 }, (_, i) => ({
      check: `check_${i}`,
      status: i % 2 === 0 ? ('fail' as const) : ('pass' as const),
      message: 'x'.repeat(400),
    }));
    const full = fullReport();
    const doc = { ...full, validations: [validationSection({ checks })] };
    const artifacts = [{ name: 'mlgate-report', url: 'https://github.com/acme/churn/actions/runs/1/artifacts/7' }];
    const markdown = renderReportMarkdown(doc, {
      maxBytes: 20000,
      runUrl: 'https://github.com/acme/churn/actions/runs/1',
      artifacts,
    });
    const uncut = renderReportMarkdown(doc, { maxBytes: 10_000_000, artifacts });

    expect(bytes(markdown)).toBeLessThanOrEqual(20000);
    // The passing checks (least important) and then the failing ones went; the model's sections stayed whole.
    expect(markdown).toContain(
      "> ✂️ Shortened to fit GitHub's 65,536-character limit: left out the checks of `train`, the passing checks of " +
        '`train`, the drift of `train`; the full report is in artifact [`mlgate-report`](https://github.com/acme/churn/actions/runs/1/artifacts/7).',
    );
    expect(markdown).not.toContain('check\\_0 ');
    for (const kept of ['### Model `churn`', '<summary>Parameters: 1 changed</summary>', 'Slices: 1 of 2']) {
      expect(markdown).toContain(kept);
    }
    // Every kept block is exactly as it is uncut: nothing was cut inside a table, a fence or a details.
    const blocks = markdown.split(/\n\n(?=### |<details)/).slice(0, -1);
    for (const block of blocks) expect(uncut).toContain(block.replace(/\n\n> ✂️[^\n]*$/, ''));
    expect(markdown).toMatch(
      /\n\n<sub>mlgate · commit `a5c3785` · \[workflow run\]\([^)]*\) · artifact \[`mlgate-report`\]/,
    );
  });

  it('shortens line by line, fences closed, only when the verdict alone is too long', () => {
    const reasons = Array.from({ length: 500 }, (_, i) => ({
      rule: `rule_${i}`,
      status: 'fail' as const,
      message: 'y'.repeat(300),
    }));
    const markdown = renderReportMarkdown(report({ verdict: { status: 'fail', summary: 'many', reasons } }), {
      maxBytes: 20000,
      runUrl: 'https://github.com/acme/churn/actions/runs/1',
    });
    expect(bytes(markdown)).toBeLessThanOrEqual(20000);
    expect(markdown).toMatch(
      /_… truncated: [\d,]+ more lines not shown_\n\n<sub>mlgate · commit `a5c3785` · \[workflow run\]/,
    );
  });

  it('links the run only for http(s) URLs', () => {
    expect(renderReportMarkdown(report(), { runUrl: 'javascript:alert(1)' })).not.toContain('workflow run');
    expect(safeUrl('https://example.com/a (b)')).toBe('https://example.com/a%20%28b%29');
    expect(safeUrl('not a url')).toBeUndefined();
  });

  it('renders the whole fixture stably', () => {
    expect(
      renderReportMarkdown(fullReport(), { runUrl: 'https://github.com/acme/churn/actions/runs/99' }),
    ).toMatchSnapshot();
  });
});
