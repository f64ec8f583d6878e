/**
 * The report as one self-contained HTML page: the same story as the comment (verdict, reasons, data checks and
 * drift, metrics with intervals, history, slices, parameters, lineage, links) with Vega-Lite charts, and the
 * vega, vega-lite and vega-embed builds inlined so it opens with no network. Every string from the report is
 * untrusted (a fork wrote it): text is HTML-escaped, chart data rides in a JSON block escaped for `<script>`, links
 * are http(s) only, and a Content-Security-Policy forbids every fetch.
 */
import { clipText, sanitizeText } from '../markdown/safe.js';
import type {
  CheckResult,
  ColumnDrift,
  ComparisonSection,
  DriftDistribution,
  HistoryVersion,
  MetricComparison,
  MetricLabel,
  Report,
  ValidationSection,
  VerdictStatus,
} from '../report/types.js';
import {
  formatConfidence,
  formatCount,
  formatDelta,
  formatInterval,
  formatNumber,
  formatPValue,
  formatPercent,
  formatScalar,
} from './format.js';
import { safeUrl, type ArtifactLink } from './markdown.js';
import {
  changedParams,
  checksWorstFirst,
  describeReading,
  driftFigure,
  driftTestLabel,
  driftWorstFirst,
  historyPoints,
  reasonsWorstFirst,
  slicesWorstFirst,
} from './view.js';

/** The UMD builds the page inlines, in the order they load. */
export interface VegaScripts {
  vega: string;
  vegaLite: string;
  vegaEmbed: string;
}

export interface HtmlRenderOptions {
  /** The page's heading; default `mlgate`. */
  title?: string;
  /** Link to the workflow run (http(s) only). */
  runUrl?: string;
  artifacts?: readonly ArtifactLink[];
  scripts: VegaScripts;
}

/** One chart of the page: where it goes and its Vega-Lite spec (data inlined). */
export interface ReportChart {
  id: string;
  title: string;
  spec: Record<string, unknown>;
}

/** Rows and charts beyond these are left to the JSON report: the page stays quick to open. */
const MAX_ROWS = { checks: 500, drift: 500, slices: 100, params: 500, issues: 200 };
const MAX_CHARTS = { driftPerDataset: 12, sliceMetrics: 4, slices: 30 };
const MAX_MESSAGE_CHARS = 2000;
const MAX_NAME_CHARS = 200;
/** Chart labels are cut to this many characters; Vega also cuts them at `labelLimit` pixels. */
const MAX_LABEL_CHARS = 60;
const CHART = { width: 560, height: 220 };

const STATUS_WORDS: Record<VerdictStatus, string> = {
  pass: 'passed',
  warn: 'passed with warnings',
  fail: 'failed',
  skipped: 'skipped',
};
const LABEL_WORDS: Record<MetricLabel, string> = {
  improved: 'improved',
  regressed: 'regressed',
  'within-noise': 'within noise',
  unchanged: 'unchanged',
  changed: 'changed',
  new: 'new',
  removed: 'removed',
  undefined: 'undefined',
};
const LABEL_COLORS: Record<MetricLabel, string> = {
  improved: '#1a7f37',
  regressed: '#cf222e',
  'within-noise': '#8c959f',
  unchanged: '#8c959f',
  changed: '#0969da',
  new: '#8c959f',
  removed: '#8c959f',
  undefined: '#8c959f',
};
const SIDE_COLORS = { reference: '#8c959f', current: '#0969da' };

export function renderReportHtml(report: Report, options: HtmlRenderOptions): string {
  const charts = new ChartList();
  const title = text(options.title ?? 'mlgate');
  const body = [
    verdictBlock(report, title),
    reasonsBlock(report),
    ...(report.validations ?? []).map((section) => validationBlock(section, charts)),
    ...(report.comparisons ?? []).map((section) => comparisonBlock(section, charts)),
    footer(report, options),
  ].join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data: blob:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}: ${STATUS_WORDS[report.verdict.status]}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
<script type="application/json" id="mlgate-charts">${scriptJson(charts.all())}</script>
${inlineScript(options.scripts.vega, 'vega')}
${inlineScript(options.scripts.vegaLite, 'vega-lite')}
${inlineScript(options.scripts.vegaEmbed, 'vega-embed')}
<script>${BOOT}</script>
</body>
</html>
`;
}

/** The charts `renderReportHtml` draws for `report`, in page order. */
export function reportCharts(report: Report): ReportChart[] {
  const charts = new ChartList();
  for (const section of report.validations ?? []) validationBlock(section, charts);
  for (const section of report.comparisons ?? []) comparisonBlock(section, charts);
  return charts.all();
}

/**
 * JSON that is inert inside `<script>`: `<`, `>` and `&` cannot open or close a tag or a comment, and U+2028/2029
 * (line terminators to older JavaScript parsers) are escaped too. JSON.parse reads it back unchanged.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** A library build inlined as a script; one that could end the script element early is refused. */
function inlineScript(source: string, name: string): string {
  if (/<\/script|<!--|<script/i.test(source)) {
    throw new Error(`the ${name} build contains "</script", "<script" or "<!--" and cannot be inlined`);
  }
  return `<script>${source}</script>`;
}

/** Draws every chart once the libraries are in; `window.mlgate` lets a test wait for them and read their scenes. */
const BOOT = `(function () {
  var charts = JSON.parse(document.getElementById('mlgate-charts').textContent);
  var views = {};
  var failures = [];
  var drawn = charts.map(function (chart) {
    var element = document.getElementById(chart.id);
    return vegaEmbed(element, chart.spec, { mode: 'vega-lite', ast: true, actions: false, renderer: 'svg' }).then(
      function (result) { views[chart.id] = result.view; },
      function (error) {
        failures.push(chart.id);
        element.textContent = 'This chart could not be drawn: ' + error.message;
        console.error(error);
      });
  });
  window.mlgate = { charts: charts, views: views, failures: failures, ready: Promise.all(drawn) };
})();`;

const STYLE = `
body { font: 14px/1.5 -apple-system, BlinkMacSystemFont, "Segoe UI", Helvetica, Arial, sans-serif; color: #1f2328; margin: 0; }
main { max-width: 980px; margin: 0 auto; padding: 24px; }
h1 { font-size: 24px; } h2 { font-size: 20px; border-bottom: 1px solid #d1d9e0; padding-bottom: 4px; margin-top: 32px; }
h3 { font-size: 16px; margin-top: 24px; }
table { border-collapse: collapse; margin: 8px 0; }
th, td { border: 1px solid #d1d9e0; padding: 4px 8px; text-align: left; vertical-align: top; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
code { font: 12px ui-monospace, SFMono-Regular, Menlo, monospace; background: #f6f8fa; padding: 1px 4px; border-radius: 4px; overflow-wrap: anywhere; }
td, li, p { overflow-wrap: anywhere; }
.status-pass { color: #1a7f37; } .status-warn { color: #9a6700; } .status-fail { color: #cf222e; } .status-skipped { color: #59636e; }
.chart { margin: 12px 0; min-height: 40px; }
.note { color: #59636e; font-size: 12px; }
footer { margin-top: 32px; color: #59636e; font-size: 12px; }
`;

class ChartList {
  private readonly charts: ReportChart[] = [];

  /** Adds a chart and returns the element it is drawn in. */
  add(title: string, spec: Record<string, unknown>): string {
    const id = `chart-${this.charts.length + 1}`;
    this.charts.push({ id, title, spec: { width: CHART.width, height: CHART.height, ...spec } });
    return `<div class="chart" id="${id}" role="img" aria-label="${text(title)}"></div>`;
  }

  all(): ReportChart[] {
    return [...this.charts];
  }
}

function verdictBlock(report: Report, title: string): string {
  const { status, summary } = report.verdict;
  return [
    `<h1 class="status-${status}">${title}: ${STATUS_WORDS[status]}</h1>`,
    summary.trim() === '' ? '' : `<p>${message(summary)}</p>`,
  ].join('\n');
}

function reasonsBlock(report: Report): string {
  const reasons = reasonsWorstFirst(report.verdict.reasons);
  if (reasons.length === 0) return '';
  const items = reasons.map((reason) => {
    const context = [reason.model, reason.dataset, reason.metric, reason.column].flatMap((v) =>
      v === undefined ? [] : [code(v)],
    );
    return `<li><span class="status-${reason.status}">${reason.status}</span> ${message(reason.message)} (${[code(reason.rule), ...context].join(', ')})</li>`;
  });
  return `<h2>Reasons</h2>\n<ul>\n${items.join('\n')}\n</ul>`;
}

function validationBlock(section: ValidationSection, charts: ChartList): string {
  const parts = [
    `<h2 class="status-${section.status}">Data ${code(section.dataset)}: ${formatCount(section.rows)} rows × ${formatCount(section.columns)} columns</h2>`,
    checksTable(section.checks),
  ];
  if (section.issues?.length) {
    const items = section.issues.slice(0, MAX_ROWS.issues).map((issue) => {
      const where = `${issue.file}:${issue.line}${issue.column === undefined ? '' : `:${issue.column}`}`;
      return `<li>${code(where)}: ${message(issue.message)}</li>`;
    });
    parts.push(
      `<h3>${plural(section.issues.length, 'problem')} reading the data</h3>\n<ul>${items.join('')}</ul>`,
      more(section.issues.length - MAX_ROWS.issues, 'problem'),
    );
  }
  if (section.drift) parts.push(driftBlock(section, charts));
  return parts.filter(Boolean).join('\n');
}

function checksTable(checks: readonly CheckResult[]): string {
  if (checks.length === 0) return '<p>No checks were run.</p>';
  const rows = checksWorstFirst(checks)
    .slice(0, MAX_ROWS.checks)
    .map((check) => {
      const unexpected =
        check.unexpectedCount === undefined
          ? check.unexpectedFraction === undefined
            ? '-'
            : formatPercent(check.unexpectedFraction)
          : `${formatCount(check.unexpectedCount)}${check.unexpectedFraction === undefined ? '' : ` (${formatPercent(check.unexpectedFraction)})`}`;
      const examples = (check.examples ?? [])
        .slice(0, 3)
        .map((example) => `${example.line === undefined ? '' : `line ${example.line}: `}${code(example.value)}`);
      return row([
        `<span class="status-${check.status}">${check.status}</span>`,
        text(check.check),
        check.column === undefined ? '' : code(check.column),
        check.observed === undefined ? '-' : code(formatScalar(check.observed)),
        check.expected === undefined ? '-' : code(check.expected),
        unexpected,
        [message(check.message), ...(examples.length > 0 ? [`e.g. ${examples.join(', ')}`] : [])].join('; '),
      ]);
    });
  return [
    `<h3>Checks</h3>`,
    tableHtml(['', 'Check', 'Column', 'Observed', 'Expected', 'Unexpected', 'Details'], rows),
    more(checks.length - MAX_ROWS.checks, 'check'),
  ].join('\n');
}

function driftBlock(section: ValidationSection, charts: ChartList): string {
  const drift = section.drift!;
  const drifted = drift.columns.filter((column) => column.drifted).length;
  const ordered = driftWorstFirst(drift.columns);
  const rows = ordered
    .slice(0, MAX_ROWS.drift)
    .map((column) =>
      row([
        code(column.column),
        text(driftTestLabel(column)),
        num(driftFigure(column.statistic, column.bounds?.statistic, formatNumber)),
        num(column.pValue === undefined ? '-' : `${column.bounds ? '≥ ' : ''}${formatPValue(column.pValue)}`),
        `${text(column.effect.name)} ${driftFigure(column.effect.value, column.bounds?.effect, formatNumber)} (threshold ${formatNumber(column.effect.threshold)})`,
        column.drifted ? '<strong class="status-warn">drifted</strong>' : 'no',
      ]),
    );
  const drawn = ordered.filter((column) => column.distribution).slice(0, MAX_CHARTS.driftPerDataset);
  const chartHtml = drawn.map((column) =>
    charts.add(`${column.column}: reference vs current`, driftChart(column, column.distribution!)),
  );
  const skipped = (drift.skipped ?? []).map((skip) => `<li>${message(skip.message)}</li>`);
  return [
    `<h3 class="status-${drift.status}">Drift: ${drifted} of ${plural(drift.columns.length, 'column')} drifted (${formatPercent(drift.share)}; the dataset counts as drifted from ${formatPercent(drift.threshold)})</h3>`,
    drift.columns.length > 0
      ? tableHtml(['Column', 'Test', 'Statistic', 'p-value', 'Effect size', 'Drifted'], rows)
      : '',
    more(drift.columns.length - MAX_ROWS.drift, 'column'),
    ...ordered
      .slice(0, MAX_ROWS.drift)
      .filter((column) => column.note !== undefined)
      .map((column) => `<p class="note">${code(column.column)}: ${message(column.note!)}</p>`),
    chartHtml.length > 0
      ? `<p class="note">Share of each side's values per bin or category, the worst columns first.</p>\n${chartHtml.join('\n')}`
      : '',
    skipped.length > 0 ? `<h3>Not tested for drift</h3>\n<ul>${skipped.join('')}</ul>` : '',
  ]
    .filter(Boolean)
    .join('\n');
}

function comparisonBlock(section: ComparisonSection, charts: ChartList): string {
  const baseline = section.baseline;
  const heading = baseline
    ? `Model ${code(section.model)}: ${code(section.candidate.label)} vs baseline ${code(baseline.label)}${baseline.source === undefined ? '' : ` (${code(baseline.source)})`}`
    : `Model ${code(section.model)}: ${code(section.candidate.label)}`;
  return [
    `<h2>${heading}</h2>`,
    lineage(section),
    section.predictions ? `<p class="note">${describeReading(section.predictions, code, message)}</p>` : '',
    ...(section.predictions?.notes ?? []).map((note) => `<p class="note">Not computed: ${message(note)}</p>`),
    baseline ? '' : '<p>No baseline yet: this is the first run, so there is nothing to compare with.</p>',
    metricsTable(section),
    historyBlock(section, charts),
    slicesBlock(section, charts),
    paramsBlock(section),
  ]
    .filter(Boolean)
    .join('\n');
}

function lineage(section: ComparisonSection): string {
  const lineage = section.candidate.lineage;
  if (!lineage) return '';
  const commit = lineage.commit === null ? 'outside git' : `from commit ${code(lineage.commit.slice(0, 12))}`;
  const dirty = lineage.dirty ? ' with uncommitted changes' : '';
  const url = lineage.run === null ? undefined : safeUrl(lineage.run);
  const run =
    lineage.run === null ? 'locally' : url ? `in a ${link(url, 'workflow run')}` : `in run ${code(lineage.run)}`;
  const cached = lineage.cacheHit ? '; restored from the run cache, the command did not run again' : '';
  return `<p>Candidate trained ${commit}${dirty} ${run} at ${code(lineage.trainedAt)}, fingerprint ${code(lineage.fingerprint)}${cached}.</p>`;
}

/** Baseline, candidate, Δ, interval and verdict: the cells a metric has in the metric and the slice tables. */
function comparisonCells(metric: MetricComparison): Cell[] {
  return [
    num(formatNumber(metric.baseline)),
    num(formatNumber(metric.candidate)),
    num(formatDelta(metric.delta, metric.relative)),
    num(formatInterval(metric.ci)),
    verdictCell(metric),
  ];
}

function metricsTable(section: ComparisonSection): string {
  if (section.metrics.length === 0) return '<p>No metrics to compare.</p>';
  const interval = `${formatConfidence(section.confidence)} CI`;
  const rows = section.metrics.map((metric) => row([text(metric.name), ...comparisonCells(metric)]));
  const methods = [...new Set(section.metrics.flatMap((metric) => (metric.ci ? [metric.ci.method] : [])))];
  return [
    tableHtml(['Metric', 'Baseline', 'Candidate', 'Δ', interval, 'Verdict'], rows),
    `<p class="note">Δ = candidate − baseline.${methods.length > 0 ? ` Intervals at ${formatConfidence(section.confidence)} confidence (${methods.map(text).join(', ')}).` : ''}</p>`,
  ].join('\n');
}

function verdictCell(metric: MetricComparison): string {
  const label = `<span style="color:${LABEL_COLORS[metric.label]}">${LABEL_WORDS[metric.label]}</span>`;
  const note = metric.note ? `: ${message(metric.note)}` : '';
  return `${label}${note}${metric.pValue === undefined ? '' : ` (p = ${formatPValue(metric.pValue)})`}`;
}

function historyBlock(section: ComparisonSection, charts: ChartList): string {
  const points = historyPoints(section);
  if (!points || !section.history) return '';
  const { metric } = section.history;
  const labels = uniqueLabels(points.map((point) => point.version));
  const chart = charts.add(`${metric} by version`, historyChart(metric, points, labels, section.confidence));
  const rows = points.map((point, i) =>
    row([
      i === points.length - 1 ? '<strong>candidate</strong>' : code(point.version),
      num(formatNumber(point.value)),
      num(point.interval ? `${formatNumber(point.interval.low)} to ${formatNumber(point.interval.high)}` : '-'),
      (point.stages ?? []).map((stage) => (i === points.length - 1 ? text(stage) : code(stage))).join(', '),
    ]),
  );
  return [
    `<h3>${text(metric)} across the last ${plural(points.length - 1, 'version')} and this candidate</h3>`,
    chart,
    tableHtml(['Version', text(metric), `${formatConfidence(section.confidence)} interval`, 'Stage'], rows),
    `<p class="note">Intervals: the change against each version's own baseline, placed on its value.</p>`,
  ].join('\n');
}

function slicesBlock(section: ComparisonSection, charts: ChartList): string {
  const slices = slicesWorstFirst(section.slices ?? []);
  if (slices.length === 0) return '';
  const regressed = slices.filter((slice) => slice.metrics.some((metric) => metric.label === 'regressed')).length;
  const metricNames = [...new Set(slices.flatMap((slice) => slice.metrics.map((metric) => metric.name)))];
  const drawnSlices = slices.slice(0, MAX_CHARTS.slices);
  const labels = uniqueLabels(drawnSlices.map((slice) => `${slice.column} = ${slice.value}`));
  const chartHtml = metricNames.slice(0, MAX_CHARTS.sliceMetrics).flatMap((name) => {
    const bars = drawnSlices.flatMap((slice, i) => {
      const metric = slice.metrics.find((m) => m.name === name);
      return metric && metric.delta !== null && Number.isFinite(metric.delta) ? [{ metric, label: labels[i]! }] : [];
    });
    return bars.length > 0 ? [charts.add(`Δ ${name} by slice`, sliceChart(name, bars, section.confidence))] : [];
  });
  const rows = slices
    .slice(0, MAX_ROWS.slices)
    .flatMap((slice) =>
      slice.metrics.map((metric) =>
        row([
          `${text(slice.column)} = ${code(slice.value)}`,
          num(formatCount(slice.size)),
          text(metric.name),
          ...comparisonCells(metric),
        ]),
      ),
    );
  return [
    `<h3>Slices: ${regressed} of ${plural(slices.length, 'slice')} regressed</h3>`,
    ...chartHtml,
    tableHtml(
      [
        'Slice',
        'Size',
        'Metric',
        'Baseline',
        'Candidate',
        'Δ',
        `${formatConfidence(section.confidence)} CI`,
        'Verdict',
      ],
      rows,
    ),
    more(slices.length - MAX_ROWS.slices, 'slice'),
  ].join('\n');
}

function paramsBlock(section: ComparisonSection): string {
  const changed = changedParams(section);
  if (changed.length === 0) return '';
  const rows = changed
    .slice(0, MAX_ROWS.params)
    .map((param) => row([text(param.name), code(formatScalar(param.baseline)), code(formatScalar(param.candidate))]));
  return [
    `<h3>Parameters: ${changed.length} changed</h3>`,
    tableHtml(['Parameter', 'Baseline', 'Candidate'], rows),
    more(changed.length - MAX_ROWS.params, 'parameter'),
  ].join('\n');
}

function footer(report: Report, options: HtmlRenderOptions): string {
  const parts = ['mlgate'];
  const sha = report.subject?.sha;
  if (sha) parts.push(`commit ${code(sha.slice(0, 12))}`);
  const run = safeUrl(options.runUrl);
  if (run) parts.push(link(run, 'workflow run'));
  for (const artifact of options.artifacts ?? []) {
    const url = safeUrl(artifact.url);
    parts.push(url ? `artifact ${link(url, code(artifact.name))}` : `artifact ${code(artifact.name)}`);
  }
  parts.push(text(report.createdAt));
  return `<footer>${parts.join(' · ')}</footer>`;
}

// Charts. Specs carry data only as values (never as field names or expressions), labels cut and made unique.

function historyChart(
  metric: string,
  points: readonly HistoryVersion[],
  labels: readonly string[],
  confidence: number,
): Record<string, unknown> {
  const values = points.flatMap((point, i) =>
    point.value !== null && Number.isFinite(point.value)
      ? [{ version: labels[i], value: point.value, kind: i === points.length - 1 ? 'candidate' : 'registered' }]
      : [],
  );
  const intervals = points.flatMap((point, i) =>
    point.interval && Number.isFinite(point.interval.low) && Number.isFinite(point.interval.high)
      ? [{ version: labels[i], low: point.interval.low, high: point.interval.high }]
      : [],
  );
  const x = {
    field: 'version',
    type: 'ordinal',
    sort: labels,
    title: 'version',
    axis: { labelAngle: -30, labelLimit: 140 },
  };
  const y = { type: 'quantitative', scale: { zero: false }, title: label(metric) };
  return {
    title: { text: label(`${metric} by version`), limit: CHART.width },
    layer: [
      {
        data: { values },
        mark: { type: 'line', point: false, clip: true, color: '#8c959f' },
        encoding: { x, y: { ...y, field: 'value' } },
      },
      {
        data: { values: intervals },
        mark: { type: 'rule', clip: true, strokeWidth: 2 },
        encoding: {
          x,
          y: { ...y, field: 'low' },
          y2: { field: 'high' },
          color: { value: '#57606a' },
          tooltip: [
            { field: 'version', type: 'ordinal' },
            { field: 'low', type: 'quantitative', title: `${formatConfidence(confidence)} low` },
            { field: 'high', type: 'quantitative', title: `${formatConfidence(confidence)} high` },
          ],
        },
      },
      {
        data: { values },
        mark: { type: 'point', filled: true, size: 70, clip: true },
        encoding: {
          x,
          y: { ...y, field: 'value' },
          color: {
            field: 'kind',
            type: 'nominal',
            scale: { domain: ['registered', 'candidate'], range: ['#57606a', '#0969da'] },
            title: null,
          },
          tooltip: [
            { field: 'version', type: 'ordinal' },
            { field: 'value', type: 'quantitative' },
          ],
        },
      },
    ],
  };
}

function sliceChart(
  metric: string,
  bars: readonly { metric: MetricComparison; label: string }[],
  confidence: number,
): Record<string, unknown> {
  const values = bars.map(({ metric: m, label: slice }) => ({ slice, delta: m.delta, verdict: LABEL_WORDS[m.label] }));
  const intervals = bars.flatMap(({ metric: m, label: slice }) =>
    m.ci && Number.isFinite(m.ci.low) && Number.isFinite(m.ci.high) ? [{ slice, low: m.ci.low, high: m.ci.high }] : [],
  );
  const labels = (Object.keys(LABEL_WORDS) as MetricLabel[]).filter((l) => bars.some((bar) => bar.metric.label === l));
  const x = {
    field: 'slice',
    type: 'nominal',
    sort: bars.map((bar) => bar.label),
    title: null,
    axis: { labelAngle: -30, labelLimit: 140 },
  };
  const y = { type: 'quantitative', title: label(`Δ ${metric}`) };
  return {
    title: { text: label(`Δ ${metric} by slice, with ${formatConfidence(confidence)} intervals`), limit: CHART.width },
    layer: [
      {
        data: { values },
        mark: { type: 'bar', clip: true },
        encoding: {
          x,
          y: { ...y, field: 'delta' },
          color: {
            field: 'verdict',
            type: 'nominal',
            scale: { domain: labels.map((l) => LABEL_WORDS[l]), range: labels.map((l) => LABEL_COLORS[l]) },
            title: null,
          },
          tooltip: [
            { field: 'slice', type: 'nominal' },
            { field: 'delta', type: 'quantitative', title: 'Δ' },
            { field: 'verdict', type: 'nominal' },
          ],
        },
      },
      {
        data: { values: intervals },
        mark: { type: 'rule', clip: true, strokeWidth: 2, color: '#1f2328' },
        encoding: { x, y: { ...y, field: 'low' }, y2: { field: 'high' } },
      },
    ],
  };
}

function driftChart(column: ColumnDrift, distribution: DriftDistribution): Record<string, unknown> {
  const title = { text: label(`${column.column}: reference vs current`), limit: CHART.width };
  const color = {
    field: 'side',
    type: 'nominal',
    scale: { domain: ['reference', 'current'], range: [SIDE_COLORS.reference, SIDE_COLORS.current] },
    title: null,
  };
  const y = { field: 'share', type: 'quantitative', title: 'share of values', axis: { format: '.0%' } };
  if (distribution.kind === 'histogram') {
    const { edges } = distribution;
    const sides = [
      ['reference', distribution.reference],
      ['current', distribution.current],
    ] as const;
    const values = sides.flatMap(([side, counts]) => {
      const total = counts.reduce((a, b) => a + b, 0) || 1;
      return counts.map((count, i) => ({ side, start: edges[i], end: edges[i + 1], share: count / total }));
    });
    // A single-valued column has one bin of no width: give it one so it is drawn.
    const constant = edges[0] === edges[edges.length - 1];
    const type = distribution.time ? 'temporal' : 'quantitative';
    return {
      title,
      data: { values: constant ? values.map((v) => ({ ...v, end: (v.start as number) + 1 })) : values },
      mark: { type: 'bar', clip: true, opacity: 0.55, binSpacing: 0 },
      encoding: {
        x: { field: 'start', type, title: label(column.column), scale: { zero: false, nice: false } },
        x2: { field: 'end' },
        // Without a y2, bars ranged on x would be drawn as thin lines at their height.
        y,
        y2: { datum: 0 },
        color,
        tooltip: [
          { field: 'side', type: 'nominal' },
          { field: 'start', type, title: 'from' },
          { field: 'end', type, title: 'to' },
          { field: 'share', type: 'quantitative', format: '.2%' },
        ],
      },
    };
  }
  const names = uniqueLabels([
    ...distribution.categories.map((category) => (category === '' ? '(empty)' : category)),
    ...(distribution.other ? ['(other values)'] : []),
  ]);
  const sides = [
    ['reference', [...distribution.reference, ...(distribution.other ? [distribution.other.reference] : [])]],
    ['current', [...distribution.current, ...(distribution.other ? [distribution.other.current] : [])]],
  ] as const;
  const values = sides.flatMap(([side, counts]) => {
    const total = counts.reduce((a, b) => a + b, 0) || 1;
    return counts.map((count, i) => ({ side, category: names[i], share: count / total }));
  });
  return {
    title,
    data: { values },
    mark: { type: 'bar', clip: true },
    encoding: {
      x: {
        field: 'category',
        type: 'nominal',
        sort: names,
        title: label(column.column),
        axis: { labelAngle: -30, labelLimit: 140 },
      },
      xOffset: { field: 'side', sort: ['reference', 'current'] },
      y,
      color,
      tooltip: [
        { field: 'category', type: 'nominal' },
        { field: 'side', type: 'nominal' },
        { field: 'share', type: 'quantitative', format: '.2%' },
      ],
    },
  };
}

/** A chart label: one line, no control or bidirectional characters, cut to `MAX_LABEL_CHARS`. */
function label(value: string): string {
  const line = sanitizeText(value)
    .replace(/[\s\p{Cc}\p{Cf}\p{Z}]+/gu, ' ')
    .trim();
  return clipText(line, MAX_LABEL_CHARS) || '(unnamed)';
}

/** Labels made unique in order (a repeated one gets ` (2)`…), so no two bars or points share a place. */
function uniqueLabels(values: readonly string[]): string[] {
  const seen = new Set<string>();
  return values.map((value) => {
    const base = label(value);
    let unique = base;
    for (let n = 2; seen.has(unique); n++) unique = `${base} (${n})`;
    seen.add(unique);
    return unique;
  });
}

// HTML building blocks. Everything from the report passes through `text` (or `code`, which calls it).

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Inert HTML text (and attribute value): entities for the five specials, no control or bidi characters. */
function text(value: string): string {
  return sanitizeText(value).replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

function message(value: string): string {
  return text(clipText(value, MAX_MESSAGE_CHARS));
}

function code(value: string): string {
  return `<code>${text(clipText(value, MAX_NAME_CHARS))}</code>`;
}

function link(url: string, html: string): string {
  return `<a href="${text(url)}" rel="noopener noreferrer nofollow">${html}</a>`;
}

function num(html: string): { html: string; numeric: true } {
  return { html: text(html), numeric: true };
}

type Cell = string | { html: string; numeric: true };

function row(cells: readonly Cell[]): string {
  return `<tr>${cells.map((cell) => (typeof cell === 'string' ? `<td>${cell}</td>` : `<td class="num">${cell.html}</td>`)).join('')}</tr>`;
}

function tableHtml(headers: readonly string[], rows: readonly string[]): string {
  return `<table>\n<thead><tr>${headers.map((h) => `<th>${h}</th>`).join('')}</tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`;
}

function more(hidden: number, noun: string): string {
  return hidden > 0 ? `<p class="note">… and ${plural(hidden, noun)} more in the JSON report.</p>` : '';
}

function plural(count: number, noun: string): string {
  return `${formatCount(count)} ${noun}${count === 1 ? '' : 's'}`;
}
