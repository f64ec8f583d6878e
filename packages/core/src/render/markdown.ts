import { bulletList, details, heading, table } from '../markdown/builder.js';
import { clipText, escapeText, inlineCode, tableCell } from '../markdown/safe.js';
import { DEFAULT_MAX_MARKDOWN_BYTES, truncateMarkdown, utf8Bytes } from '../markdown/truncate.js';
import { bySeverityDescending } from '../report/status.js';
import { mermaidLineChart } from './mermaid.js';
import type {
  CheckResult,
  ComparisonSection,
  DriftResult,
  MetricComparison,
  MetricLabel,
  Reason,
  Report,
  ScalarValue,
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

export interface MarkdownRenderOptions {
  /** Heading text; default `mlgate`. */
  title?: string;
  /** UTF-8 byte budget for the whole document; default 60,000 (GitHub caps comments at 65,536 characters). */
  maxBytes?: number;
  /** Link to the workflow run, shown in the footer (http(s) only). */
  runUrl?: string;
  /** The run's artifacts that hold the full report (the HTML report, the JSON), linked in the footer. */
  artifacts?: readonly ArtifactLink[];
}

export interface ArtifactLink {
  name: string;
  /** http(s) only; without one the name is shown. */
  url?: string;
}

export const STATUS_EMOJI: Record<VerdictStatus, string> = { pass: '✅', warn: '⚠️', fail: '❌', skipped: '⏭️' };
const STATUS_WORDS: Record<VerdictStatus, string> = {
  pass: 'passed',
  warn: 'passed with warnings',
  fail: 'failed',
  skipped: 'skipped',
};
const LABELS: Record<MetricLabel, string> = {
  improved: '🟢 improved',
  regressed: '🔴 regressed',
  'within-noise': '⚪ within noise',
  unchanged: '⚪ unchanged',
  changed: '🔵 changed',
  new: '🆕 new',
  removed: '➖ removed',
  undefined: '➖ undefined',
};

/** Rows beyond these go to the JSON report; the comment stays readable. */
const MAX_ROWS = { checks: 50, passingChecks: 100, issues: 20, drift: 50, slices: 30, params: 100 };
const MAX_MESSAGE_CHARS = 500;

/**
 * A part of the document that is kept or cut whole. The lower `keep`, the longer it stays when the
 * report does not fit: 0 is never cut; a model's or dataset's own table (1) outlives its details
 * (2 to 4), so nothing is ever left without its heading.
 */
interface Section {
  /** What the section is, for the note that says what was cut (safe Markdown). */
  title: string;
  markdown: string;
  keep: number;
  /** The model or dataset the section belongs to. */
  group?: string;
}

const MAX_CUT_TITLES = 10;

/**
 * The report as GitHub-flavoured Markdown for a PR comment, check run or job summary: verdict,
 * reasons, data validation and drift, metric comparison, history, slices, parameters, lineage and
 * links. Every string from the report is escaped (it may come from a fork). The result fits
 * `maxBytes`: whole sections are cut, least important first, and a note says which and where the
 * full report is; only a verdict too long on its own is shortened line by line.
 */
export function renderReportMarkdown(report: Report, options: MarkdownRenderOptions = {}): string {
  const sections: Section[] = [
    { title: 'the verdict', markdown: verdictBlock(report, options.title ?? 'mlgate'), keep: 0 },
    { title: 'the reasons', markdown: reasonsBlock(report.verdict.reasons), keep: 0 },
    ...(report.validations ?? []).flatMap((section, i) => inGroup(`data ${i}`, validationSections(section))),
    ...(report.comparisons ?? []).flatMap((section, i) => inGroup(`model ${i}`, comparisonSections(section))),
  ].filter((section) => section.markdown !== '');
  const footer = footerLine(report, options);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_MARKDOWN_BYTES;
  const kept = fitSections(sections, Math.max(0, maxBytes - utf8Bytes(footer) - 2), options);
  // The footer is kept whatever happens to the body: it links to the full report.
  return `${kept}\n\n${footer}`;
}

function inGroup(group: string, sections: Section[]): Section[] {
  return sections.map((section) => ({ ...section, group }));
}

/**
 * The sections joined within `budget` bytes: the least important are cut whole until the rest fits,
 * then every cut section that fits again is put back, most important first, so one huge table does
 * not take the small ones with it. A model's or dataset's details come back only with its own table.
 */
function fitSections(sections: readonly Section[], budget: number, options: MarkdownRenderOptions): string {
  const all = sections.map((section, order) => ({ ...section, order, kept: true }));
  const text = (): string => {
    const kept = all.filter((section) => section.kept).map((section) => section.markdown);
    const cut = all.filter((section) => !section.kept);
    return [...kept, ...(cut.length > 0 ? [cutNote(cut, options)] : [])].join('\n\n');
  };
  const fits = (): boolean => utf8Bytes(text()) <= budget;
  const byCutOrder = all.filter((section) => section.keep > 0).sort((a, b) => b.keep - a.keep || b.order - a.order);
  for (const section of byCutOrder) {
    if (fits()) break;
    section.kept = false;
  }
  if (!fits()) return truncateMarkdown(text(), budget);
  const owner = (section: Section) => all.find((other) => other.group === section.group && other.keep === 1);
  for (const section of [...byCutOrder].reverse()) {
    if (section.kept || (section.keep > 1 && owner(section)?.kept === false)) continue;
    section.kept = true;
    if (!fits()) section.kept = false;
  }
  return text();
}

/** Which sections were left out, in document order, and where the whole report is. */
function cutNote(cut: readonly Section[], options: MarkdownRenderOptions): string {
  const ordered = cut.map((section) => section.title);
  const named = ordered.slice(0, MAX_CUT_TITLES).join(', ');
  const more = ordered.length > MAX_CUT_TITLES ? ` and ${formatCount(ordered.length - MAX_CUT_TITLES)} more` : '';
  const artifacts = (options.artifacts ?? []).map(artifactLink);
  const where =
    artifacts.length > 0
      ? `the full report is in ${artifacts.join(' and ')}`
      : safeUrl(options.runUrl)
        ? `the full report is in the [workflow run](${safeUrl(options.runUrl)})'s report JSON`
        : 'the full report is in the report JSON';
  return `> ✂️ Shortened to fit GitHub's 65,536-character limit: left out ${named}${more}; ${where}.`;
}

function verdictBlock(report: Report, title: string): string {
  const { status, summary } = report.verdict;
  const lines = [heading(2, `${STATUS_EMOJI[status]} ${escapeText(oneLine(title))}: ${STATUS_WORDS[status]}`)];
  if (summary.trim() !== '') lines.push('', message(summary));
  return lines.join('\n');
}

function reasonsBlock(reasons: readonly Reason[]): string {
  const ordered = reasonsWorstFirst(reasons);
  const notable = ordered.filter((reason) => reason.status !== 'pass');
  const passed = ordered.filter((reason) => reason.status === 'pass');
  const blocks: string[] = [];
  if (notable.length > 0) blocks.push(bulletList(notable.map(reasonItem)));
  if (passed.length > 0)
    blocks.push(details(`${plural(passed.length, 'rule')} passed`, bulletList(passed.map(reasonItem))));
  return blocks.join('\n\n');
}

function reasonItem(reason: Reason): string {
  const context = [reason.model, reason.dataset, reason.metric, reason.column].filter(isDefined).map(code);
  return `${STATUS_EMOJI[reason.status]} ${message(reason.message)} (${[code(reason.rule), ...context].join(', ')})`;
}

function validationSections(section: ValidationSection): Section[] {
  const shape = `${formatCount(section.rows)} rows × ${formatCount(section.columns)} columns`;
  const dataset = code(section.dataset);
  const ordered = checksWorstFirst(section.checks);
  const notable = ordered.filter((check) => check.status !== 'pass');
  const passed = ordered.filter((check) => check.status === 'pass');
  const main = [
    heading(3, `${STATUS_EMOJI[section.status]} Data ${dataset}: ${shape}`),
    notableChecksBlock(notable, section.checks.length),
  ];
  return [
    { title: `the checks of ${dataset}`, markdown: main.join('\n\n'), keep: 1 },
    { title: `the passing checks of ${dataset}`, markdown: passingChecksBlock(passed), keep: 4 },
    {
      title: `the problems reading ${dataset}`,
      markdown: section.issues?.length ? issuesBlock(section.issues) : '',
      keep: 2,
    },
    { title: `the drift of ${dataset}`, markdown: section.drift ? driftBlock(section.drift) : '', keep: 2 },
  ];
}

const CHECK_HEADERS = ['', 'Check', 'Column', 'Observed', 'Expected', 'Unexpected', 'Details'];

function notableChecksBlock(notable: readonly CheckResult[], total: number): string {
  if (total === 0) return 'No checks were run.';
  if (notable.length === 0) return `All ${plural(total, 'check')} passed.`;
  return [
    table(CHECK_HEADERS, notable.slice(0, MAX_ROWS.checks).map(checkRow)),
    moreNote(notable.length - MAX_ROWS.checks, 'check'),
  ]
    .filter(Boolean)
    .join('\n\n');
}

function passingChecksBlock(passed: readonly CheckResult[]): string {
  if (passed.length === 0) return '';
  const rows = passed.slice(0, MAX_ROWS.passingChecks).map(checkRow);
  const more = moreNote(passed.length - MAX_ROWS.passingChecks, 'check');
  return details(
    `${plural(passed.length, 'passing check')}`,
    [table(CHECK_HEADERS, rows), more].filter(Boolean).join('\n\n'),
  );
}

function checkRow(check: CheckResult): string[] {
  const unexpected =
    check.unexpectedCount === undefined
      ? check.unexpectedFraction === undefined
        ? '-'
        : formatPercent(check.unexpectedFraction)
      : `${formatCount(check.unexpectedCount)}${check.unexpectedFraction === undefined ? '' : ` (${formatPercent(check.unexpectedFraction)})`}`;
  const examples = (check.examples ?? [])
    .slice(0, 3)
    .map((example) => `${example.line === undefined ? '' : `line ${example.line}: `}${cellCode(example.value)}`);
  const detailsText = [
    tableCell(check.message, MAX_MESSAGE_CHARS),
    ...(examples.length > 0 ? [`e.g. ${examples.join(', ')}`] : []),
  ];
  return [
    STATUS_EMOJI[check.status],
    tableCell(check.check),
    check.column === undefined ? '' : cellCode(check.column),
    observed(check.observed),
    check.expected === undefined ? '-' : cellCode(check.expected),
    unexpected,
    detailsText.join('; '),
  ];
}

function observed(value: ScalarValue | undefined): string {
  if (value === undefined) return '-';
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'string') return cellCode(value);
  return String(value);
}

function issuesBlock(issues: NonNullable<ValidationSection['issues']>): string {
  const items = issues.slice(0, MAX_ROWS.issues).map((issue) => {
    const where = `${issue.file}:${issue.line}${issue.column === undefined ? '' : `:${issue.column}`}`;
    return `${code(where)}: ${message(issue.message)}`;
  });
  const more = moreNote(issues.length - MAX_ROWS.issues, 'issue');
  return [`**${plural(issues.length, 'problem')} reading the data**`, bulletList(items), more]
    .filter(Boolean)
    .join('\n\n');
}

function driftBlock(drift: DriftResult): string {
  const drifted = drift.columns.filter((column) => column.drifted).length;
  const summary =
    `${STATUS_EMOJI[drift.status]} **Drift**: ${drifted} of ${plural(drift.columns.length, 'column')} drifted ` +
    `(${formatPercent(drift.share)}; the dataset counts as drifted from ${formatPercent(drift.threshold)})`;
  const skipped = driftSkipped(drift);
  if (drift.columns.length === 0) return [summary, skipped].filter(Boolean).join('\n\n');
  const shown = driftWorstFirst(drift.columns).slice(0, MAX_ROWS.drift);
  const rows = shown.map((column) => [
    cellCode(column.column),
    tableCell(driftTestLabel(column)),
    driftFigure(column.statistic, column.bounds?.statistic, formatNumber),
    column.pValue === undefined ? '-' : `${column.bounds ? '≥ ' : ''}${formatPValue(column.pValue)}`,
    `${tableCell(column.effect.name)} ${driftFigure(column.effect.value, column.bounds?.effect, formatNumber)} (threshold ${formatNumber(column.effect.threshold)})`,
    column.drifted ? '⚠️ drifted' : 'no',
  ]);
  const notes = shown.filter((column) => column.note !== undefined);
  const bounded = shown.some((column) => column.bounds !== undefined);
  const columnsTable = [
    table(['Column', 'Test', 'Statistic', 'p-value', 'Effect size', 'Drifted'], rows, [
      'left',
      'left',
      'right',
      'right',
      'left',
      'left',
    ]),
    moreNote(drift.columns.length - MAX_ROWS.drift, 'column'),
    bounded ? BOUNDS_NOTE : '',
    notes.length > 0
      ? bulletList(notes.map((column) => `${cellCode(column.column)}: ${escapeText(column.note!)}`))
      : '',
  ]
    .filter(Boolean)
    .join('\n\n');
  const body = drifted > 0 ? columnsTable : details('Drift by column', columnsTable);
  return [summary, body, skipped].filter(Boolean).join('\n\n');
}

const BOUNDS_NOTE =
  'A range is what the profiles can bound when a side had more values than its profile keeps exactly; ' +
  'the p-value then comes from the lower end of the statistic, so it is never smaller than the exact one.';

/** Columns drift detection left out: the lost and retyped ones with a warning, the rest as a note. */
function driftSkipped(drift: DriftResult): string {
  const skipped = drift.skipped ?? [];
  if (skipped.length === 0) return '';
  const shown = [...skipped].sort((a, b) => bySeverityDescending(a.status, b.status)).slice(0, MAX_ROWS.drift);
  const items = shown.map((column) => `${STATUS_EMOJI[column.status]} ${escapeText(column.message)}`);
  return [
    `**Not tested for drift** (${plural(skipped.length, 'column')})`,
    bulletList(items),
    moreNote(skipped.length - shown.length, 'column'),
  ]
    .filter(Boolean)
    .join('\n\n');
}

/** One line saying which commit, inputs and run produced the candidate; every part is escaped or code. */
function lineageLine(section: ComparisonSection): string {
  const lineage = section.candidate.lineage;
  if (!lineage) return '';
  const commit = lineage.commit === null ? 'outside git' : `from commit ${code(lineage.commit.slice(0, 12))}`;
  const dirty = lineage.dirty ? ' with uncommitted changes' : '';
  const link = lineage.run === null ? undefined : safeUrl(lineage.run);
  const run = lineage.run === null ? 'locally' : link ? `in a [workflow run](${link})` : `in run ${code(lineage.run)}`;
  const cached = lineage.cacheHit ? '; restored from the run cache, the command did not run again' : '';
  return `Candidate trained ${commit}${dirty} ${run} at ${code(lineage.trainedAt)}, fingerprint ${code(lineage.fingerprint.slice(0, 12))}${cached}.`;
}

function comparisonSections(section: ComparisonSection): Section[] {
  const model = code(section.model);
  return [
    { title: `the metrics of ${model}`, markdown: comparisonBlock(section), keep: 1 },
    { title: `the worst slices of ${model}`, markdown: slicesBlock(section), keep: 2 },
    { title: `the history of ${model}`, markdown: historyBlock(section), keep: 3 },
    { title: `the parameters of ${model}`, markdown: paramsBlock(section), keep: 4 },
  ];
}

function comparisonBlock(section: ComparisonSection): string {
  const candidate = code(section.candidate.label);
  if (section.baseline === null) {
    const rows = section.metrics.map((metric) => [tableCell(metric.name), formatNumber(metric.candidate)]);
    return [
      heading(3, `Model ${code(section.model)}: ${candidate}`),
      lineageLine(section),
      readingBlock(section),
      'No baseline yet: this is the first run, so there is nothing to compare with.',
      section.metrics.length > 0
        ? table(['Metric', `Candidate (${tableCell(section.candidate.label)})`], rows, ['left', 'right'])
        : '',
    ]
      .filter(Boolean)
      .join('\n\n');
  }
  const baseline = section.baseline;
  const source = baseline.source === undefined ? '' : ` (${code(baseline.source)})`;
  return [
    heading(3, `Model ${code(section.model)}: ${candidate} vs baseline ${code(baseline.label)}${source}`),
    lineageLine(section),
    readingBlock(section),
    section.metrics.length > 0
      ? metricsTable(section.metrics, section.confidence, `Baseline (${tableCell(baseline.label)})`)
      : 'No metrics to compare.',
    methodsNote(section),
  ]
    .filter(Boolean)
    .join('\n\n');
}

/**
 * The key metric across the last registered versions and this candidate: a Mermaid line chart
 * (GitHub draws it) and a plain table of the same numbers, which every renderer shows.
 */
function historyBlock(section: ComparisonSection): string {
  const points = historyPoints(section);
  if (!points || !section.history) return '';
  const { metric } = section.history;
  const chart = mermaidLineChart(
    `${metric} by version`,
    metric,
    points.flatMap((point) =>
      point.value !== null && Number.isFinite(point.value) ? [{ label: point.version, value: point.value }] : [],
    ),
  );
  const interval = `${formatConfidence(section.confidence)} interval`;
  const rows = points.map((point, i) => [
    i === points.length - 1 ? '**candidate**' : cellCode(point.version),
    formatNumber(point.value),
    point.interval ? `${formatNumber(point.interval.low)} to ${formatNumber(point.interval.high)}` : '-',
    (point.stages ?? []).map((stage) => (i === points.length - 1 ? stage : cellCode(stage))).join(', '),
  ]);
  const numbers = table(['Version', tableCell(metric), interval, 'Stage'], rows, ['left', 'right', 'center', 'left']);
  return [
    `**${tableCell(metric)} across the last ${plural(points.length - 1, 'version')} and this candidate**`,
    chart,
    numbers,
    `<sub>Intervals: the change against each version's own baseline, placed on its value.</sub>`,
  ].join('\n\n');
}

function metricsTable(metrics: readonly MetricComparison[], confidence: number, baselineHeader: string): string {
  const withInterval = metrics.some((metric) => metric.ci !== undefined);
  const headers = [
    'Metric',
    baselineHeader,
    'Candidate',
    'Δ',
    ...(withInterval ? [`${formatConfidence(confidence)} CI`] : []),
    'Verdict',
  ];
  return table(
    headers,
    metrics.map((metric) => metricRow(metric, withInterval)),
    ['left', 'right', 'right', 'right', ...(withInterval ? ['center' as const] : []), 'left'],
  );
}

/** How the predictions were read, and why metrics of the task are absent. */
function readingBlock(section: ComparisonSection): string {
  const { predictions } = section;
  if (!predictions) return '';
  const line = `<sub>${describeReading(predictions, code, message)}</sub>`;
  const notes = (predictions.notes ?? []).map((note) => `Not computed: ${message(note)}`);
  return notes.length > 0 ? `${line}\n\n${bulletList(notes)}` : line;
}

function metricRow(metric: MetricComparison, withInterval: boolean): string[] {
  const label = metric.note ? `${LABELS[metric.label]}: ${message(metric.note)}` : LABELS[metric.label];
  const verdict = metric.pValue === undefined ? label : `${label} (p = ${formatPValue(metric.pValue)})`;
  return [
    tableCell(metric.name),
    formatNumber(metric.baseline),
    formatNumber(metric.candidate),
    formatDelta(metric.delta, metric.relative),
    ...(withInterval ? [formatInterval(metric.ci)] : []),
    verdict,
  ];
}

function methodsNote(section: ComparisonSection): string {
  const methods = new Set(section.metrics.flatMap((metric) => (metric.ci ? [metric.ci.method] : [])));
  const intervals =
    methods.size > 0
      ? ` Intervals at ${formatConfidence(section.confidence)} confidence (${[...methods].map((method) => escapeText(oneLine(method))).join(', ')}).`
      : '';
  return `<sub>Δ = candidate − baseline.${intervals}</sub>`;
}

function slicesBlock(section: ComparisonSection): string {
  const slices = slicesWorstFirst(section.slices ?? []);
  if (slices.length === 0) return '';
  const regressed = slices.filter((slice) => slice.metrics.some((metric) => metric.label === 'regressed')).length;
  const rows = slices
    .slice(0, MAX_ROWS.slices)
    .flatMap((slice) =>
      slice.metrics.map((metric) => [
        `${tableCell(slice.column)} = ${cellCode(slice.value)}`,
        formatCount(slice.size),
        ...metricRow(metric, true),
      ]),
    );
  const sliceTable = table(
    ['Slice', 'Size', 'Metric', 'Baseline', 'Candidate', 'Δ', `${formatConfidence(section.confidence)} CI`, 'Verdict'],
    rows,
    ['left', 'right', 'left', 'right', 'right', 'right', 'center', 'left'],
  );
  const body = [sliceTable, moreNote(slices.length - MAX_ROWS.slices, 'slice')].filter(Boolean).join('\n\n');
  return details(`Slices: ${regressed} of ${plural(slices.length, 'slice')} regressed`, body, { open: regressed > 0 });
}

function paramsBlock(section: ComparisonSection): string {
  const changed = changedParams(section);
  if (changed.length === 0) return '';
  const rows = changed
    .slice(0, MAX_ROWS.params)
    .map((param) => [
      tableCell(param.name),
      cellCode(formatScalar(param.baseline)),
      cellCode(formatScalar(param.candidate)),
    ]);
  const body = [
    table(['Parameter', 'Baseline', 'Candidate'], rows),
    moreNote(changed.length - MAX_ROWS.params, 'parameter'),
  ]
    .filter(Boolean)
    .join('\n\n');
  return details(`Parameters: ${changed.length} changed`, body);
}

function footerLine(report: Report, options: MarkdownRenderOptions): string {
  const parts = ['mlgate'];
  const sha = report.subject?.sha;
  if (sha) parts.push(`commit ${code(sha.slice(0, 7))}`);
  const link = safeUrl(options.runUrl);
  if (link) parts.push(`[workflow run](${link})`);
  for (const artifact of options.artifacts ?? []) parts.push(artifactLink(artifact));
  parts.push(escapeText(report.createdAt));
  return `<sub>${parts.join(' · ')}</sub>`;
}

function artifactLink(artifact: ArtifactLink): string {
  const link = safeUrl(artifact.url);
  const name = code(artifact.name);
  return link ? `artifact [${name}](${link})` : `artifact ${name}`;
}

/** Only absolute http(s) URLs, with the characters that could end a Markdown link destination encoded. */
export function safeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
  return parsed.href.replace(
    /[()<>\s"'`\\]/g,
    (c: string) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}

function message(text: string): string {
  return escapeText(clipText(oneLine(text), MAX_MESSAGE_CHARS));
}

function code(text: string): string {
  return inlineCode(text, { maxChars: 100 });
}

function cellCode(text: string): string {
  return inlineCode(text, { table: true, maxChars: 100 });
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ').trim();
}

function moreNote(hidden: number, noun: string): string {
  return hidden > 0 ? `_… and ${formatCount(hidden)} more ${noun}${hidden === 1 ? '' : 's'} in the JSON report_` : '';
}

function plural(count: number, noun: string): string {
  return `${formatCount(count)} ${noun}${count === 1 ? '' : 's'}`;
}

function isDefined<T>(value: T | undefined): value is T {
  return value !== undefined;
}
