import { bulletList, details, heading, table } from '../markdown/builder.js';
import { clipText, escapeText, inlineCode, tableCell } from '../markdown/safe.js';
import { DEFAULT_MAX_MARKDOWN_BYTES, truncateMarkdown, utf8Bytes } from '../markdown/truncate.js';
import { bySeverityDescending } from '../report/status.js';
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
 * The report as GitHub-flavoured Markdown for a PR comment, check run or job summary: verdict,
 * reasons, data validation and drift, metric comparison, slices and parameters. Every string from
 * the report is escaped (it may come from a fork); the result fits `maxBytes`.
 */
export function renderReportMarkdown(report: Report, options: MarkdownRenderOptions = {}): string {
  const blocks = [
    verdictBlock(report, options.title ?? 'mlgate'),
    reasonsBlock(report.verdict.reasons),
    ...(report.validations ?? []).map(validationBlock),
    ...(report.comparisons ?? []).map(comparisonBlock),
  ];
  const body = blocks.filter((block) => block !== '').join('\n\n');
  const footer = footerLine(report, options.runUrl);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_MARKDOWN_BYTES;
  // The footer is kept whatever happens to the body: it links to the full run.
  const bodyBudget = Math.max(0, maxBytes - utf8Bytes(footer) - 2);
  return `${truncateMarkdown(body, bodyBudget)}\n\n${footer}`;
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

function validationBlock(section: ValidationSection): string {
  const shape = `${formatCount(section.rows)} rows × ${formatCount(section.columns)} columns`;
  const blocks = [heading(3, `${STATUS_EMOJI[section.status]} Data ${code(section.dataset)}: ${shape}`)];
  blocks.push(checksBlock(section.checks));
  if (section.issues && section.issues.length > 0) blocks.push(issuesBlock(section.issues));
  if (section.drift) blocks.push(driftBlock(section.drift));
  return blocks.filter((block) => block !== '').join('\n\n');
}

function checksBlock(checks: readonly CheckResult[]): string {
  if (checks.length === 0) return 'No checks were run.';
  const ordered = checksWorstFirst(checks);
  const notable = ordered.filter((check) => check.status !== 'pass');
  const passed = ordered.filter((check) => check.status === 'pass');
  const headers = ['', 'Check', 'Column', 'Observed', 'Expected', 'Unexpected', 'Details'];
  const blocks: string[] = [];
  if (notable.length > 0) {
    blocks.push(table(headers, notable.slice(0, MAX_ROWS.checks).map(checkRow)));
    blocks.push(moreNote(notable.length - MAX_ROWS.checks, 'check'));
  } else {
    blocks.push(`All ${plural(checks.length, 'check')} passed.`);
  }
  if (passed.length > 0) {
    const rows = passed.slice(0, MAX_ROWS.passingChecks).map(checkRow);
    const more = moreNote(passed.length - MAX_ROWS.passingChecks, 'check');
    blocks.push(
      details(`${plural(passed.length, 'passing check')}`, [table(headers, rows), more].filter(Boolean).join('\n\n')),
    );
  }
  return blocks.filter((block) => block !== '').join('\n\n');
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
      paramsBlock(section),
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
    slicesBlock(section),
    paramsBlock(section),
  ]
    .filter(Boolean)
    .join('\n\n');
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

function footerLine(report: Report, runUrl: string | undefined): string {
  const parts = ['mlgate'];
  const sha = report.subject?.sha;
  if (sha) parts.push(`commit ${code(sha.slice(0, 7))}`);
  const link = safeUrl(runUrl);
  if (link) parts.push(`[workflow run](${link})`);
  parts.push(escapeText(report.createdAt));
  return `<sub>${parts.join(' · ')}</sub>`;
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
