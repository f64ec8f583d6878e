import { sanitizeText } from '../markdown/safe.js';
import type {
  CheckResult,
  ComparisonSection,
  DriftResult,
  MetricComparison,
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

const STATUS_WORDS: Record<VerdictStatus, string> = { pass: 'PASS', warn: 'WARN', fail: 'FAIL', skipped: 'SKIPPED' };

/**
 * The report for a terminal: the same content and order as the Markdown, as aligned plain text.
 * Strings from the report are stripped of control characters, so a hostile report cannot move the
 * cursor or recolour the terminal.
 */
export function renderReportText(report: Report): string {
  const blocks = [
    verdictLines(report),
    reasonLines(report.verdict.reasons),
    ...(report.validations ?? []).map(validationLines),
    ...(report.comparisons ?? []).map(comparisonLines),
  ].filter((lines) => lines.length > 0);
  return `${blocks.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}

function verdictLines(report: Report): string[] {
  const { status, summary } = report.verdict;
  const lines = [`mlgate: ${STATUS_WORDS[status]}${summary.trim() === '' ? '' : ` - ${clean(summary)}`}`];
  const subject = report.subject;
  const about = [
    subject?.sha ? `commit ${subject.sha.slice(0, 7)}` : '',
    subject?.repository ? clean(subject.repository) : '',
    subject?.pullRequest ? `PR ${subject.pullRequest}` : '',
  ].filter(Boolean);
  if (about.length > 0) lines.push(`  ${about.join(', ')}`);
  return lines;
}

function reasonLines(reasons: readonly Reason[]): string[] {
  if (reasons.length === 0) return [];
  return [
    'Reasons:',
    ...reasonsWorstFirst(reasons).map((reason) => {
      const context = [reason.rule, reason.model, reason.dataset, reason.metric, reason.column]
        .filter((part): part is string => part !== undefined)
        .map(clean);
      return `  ${STATUS_WORDS[reason.status].padEnd(4)}  ${clean(reason.message)} [${context.join(', ')}]`;
    }),
  ];
}

function validationLines(section: ValidationSection): string[] {
  const lines = [
    `Data ${quote(section.dataset)}: ${STATUS_WORDS[section.status]} (${formatCount(section.rows)} rows x ${formatCount(section.columns)} columns)`,
    ...checkLines(section.checks),
  ];
  for (const issue of section.issues ?? []) {
    const where = `${clean(issue.file)}:${issue.line}${issue.column === undefined ? '' : `:${issue.column}`}`;
    lines.push(`  problem reading data at ${where}: ${clean(issue.message)}`);
  }
  if (section.drift) lines.push(...driftLines(section.drift));
  return lines;
}

function checkLines(checks: readonly CheckResult[]): string[] {
  if (checks.length === 0) return ['  no checks were run'];
  const notable = checksWorstFirst(checks).filter((check) => check.status !== 'pass');
  const passing = checks.length - notable.length;
  const lines: string[] = [];
  if (notable.length > 0) {
    lines.push(
      ...textTable(
        ['', 'Check', 'Column', 'Observed', 'Expected', 'Unexpected', 'Details'],
        notable.map((check) => [
          STATUS_WORDS[check.status],
          clean(check.check),
          check.column === undefined ? '' : clean(check.column),
          observed(check.observed),
          check.expected === undefined ? '-' : clean(check.expected),
          unexpected(check),
          [clean(check.message), ...examples(check)].join('; '),
        ]),
      ),
    );
  }
  if (passing > 0) lines.push(`  ${passing} check${passing === 1 ? '' : 's'} passed`);
  return lines;
}

function observed(value: ScalarValue | undefined): string {
  if (value === undefined) return '-';
  return typeof value === 'number' ? formatNumber(value) : clean(String(value));
}

function unexpected(check: CheckResult): string {
  const fraction = check.unexpectedFraction === undefined ? '' : formatPercent(check.unexpectedFraction);
  if (check.unexpectedCount === undefined) return fraction || '-';
  return fraction ? `${formatCount(check.unexpectedCount)} (${fraction})` : formatCount(check.unexpectedCount);
}

function examples(check: CheckResult): string[] {
  const shown = (check.examples ?? [])
    .slice(0, 3)
    .map((example) => `${example.line === undefined ? '' : `line ${example.line}: `}${quote(example.value)}`);
  return shown.length > 0 ? [`e.g. ${shown.join(', ')}`] : [];
}

function driftLines(drift: DriftResult): string[] {
  const drifted = drift.columns.filter((column) => column.drifted).length;
  const lines = [
    `  Drift: ${STATUS_WORDS[drift.status]}, ${drifted} of ${drift.columns.length} columns drifted ` +
      `(${formatPercent(drift.share)}; the dataset counts as drifted from ${formatPercent(drift.threshold)})`,
  ];
  const skipped = (drift.skipped ?? []).map((column) => `    ${STATUS_WORDS[column.status]}: ${clean(column.message)}`);
  if (drift.columns.length === 0) return [...lines, ...skipped];
  const rows = driftWorstFirst(drift.columns).map((column) => [
    clean(column.column),
    driftTestLabel(column),
    driftFigure(column.statistic, column.bounds?.statistic, formatNumber),
    column.pValue === undefined ? '-' : `${column.bounds ? '≥ ' : ''}${formatPValue(column.pValue)}`,
    `${clean(column.effect.name)} ${driftFigure(column.effect.value, column.bounds?.effect, formatNumber)} (threshold ${formatNumber(column.effect.threshold)})`,
    column.drifted ? 'DRIFTED' : 'no',
  ]);
  const notes = drift.columns
    .filter((c) => c.note !== undefined)
    .map((c) => `    ${clean(c.column)}: ${clean(c.note!)}`);
  return [
    ...lines,
    ...textTable(['Column', 'Test', 'Statistic', 'p-value', 'Effect size', 'Drifted'], rows, '    '),
    ...notes,
    ...skipped,
  ];
}

/** Which commit, inputs and run produced the candidate. */
function lineageLines(section: ComparisonSection): string[] {
  const lineage = section.candidate.lineage;
  if (!lineage) return [];
  const commit = lineage.commit === null ? 'outside git' : `commit ${clean(lineage.commit.slice(0, 12))}`;
  const dirty = lineage.dirty ? ' (uncommitted changes)' : '';
  const run = lineage.run === null ? 'locally' : `in ${clean(lineage.run)}`;
  const cached = lineage.cacheHit ? ', restored from the run cache' : '';
  return [
    `  trained from ${commit}${dirty} ${run} at ${clean(lineage.trainedAt)}, fingerprint ${lineage.fingerprint.slice(0, 12)}${cached}`,
  ];
}

function comparisonLines(section: ComparisonSection): string[] {
  const candidate = quote(section.candidate.label);
  if (section.baseline === null) {
    return [
      `Model ${quote(section.model)}: ${candidate}, no baseline yet (first run)`,
      ...lineageLines(section),
      ...readingLines(section),
      ...textTable(
        ['Metric', 'Candidate'],
        section.metrics.map((metric) => [clean(metric.name), formatNumber(metric.candidate)]),
      ),
      ...paramLines(section),
    ];
  }
  const source = section.baseline.source === undefined ? '' : ` (${clean(section.baseline.source)})`;
  const lines = [
    `Model ${quote(section.model)}: ${candidate} vs baseline ${quote(section.baseline.label)}${source}`,
    ...lineageLines(section),
    ...readingLines(section),
  ];
  const interval = `${formatConfidence(section.confidence)} CI`;
  lines.push(
    ...textTable(
      ['Metric', 'Baseline', 'Candidate', 'Delta', interval, 'Verdict'],
      section.metrics.map((metric) => [clean(metric.name), ...metricCells(metric)]),
    ),
  );
  const slices = slicesWorstFirst(section.slices ?? []);
  if (slices.length > 0) {
    lines.push('  Slices, worst first:');
    const rows = slices.flatMap((slice) =>
      slice.metrics.map((metric) => [
        `${clean(slice.column)} = ${quote(slice.value)}`,
        formatCount(slice.size),
        clean(metric.name),
        ...metricCells(metric),
      ]),
    );
    lines.push(
      ...textTable(['Slice', 'Size', 'Metric', 'Baseline', 'Candidate', 'Delta', interval, 'Verdict'], rows, '    '),
    );
  }
  return [...lines, ...paramLines(section)];
}

function readingLines(section: ComparisonSection): string[] {
  const { predictions } = section;
  if (!predictions) return [];
  return [
    `  ${describeReading(predictions, quote, clean)}`,
    ...(predictions.notes ?? []).map((note) => `  Not computed: ${clean(note)}`),
  ];
}

function metricCells(metric: MetricComparison): string[] {
  const label = metric.label.replace('-', ' ');
  const verdict = metric.note ? `${label}: ${clean(metric.note)}` : label;
  return [
    formatNumber(metric.baseline),
    formatNumber(metric.candidate),
    formatDelta(metric.delta, metric.relative),
    formatInterval(metric.ci),
    metric.pValue === undefined ? verdict : `${verdict} (p = ${formatPValue(metric.pValue)})`,
  ];
}

function paramLines(section: ComparisonSection): string[] {
  const changed = changedParams(section);
  if (changed.length === 0) return [];
  return [
    '  Parameters changed:',
    ...changed.map(
      (param) =>
        `    ${clean(param.name)}: ${clean(formatScalar(param.baseline))} -> ${clean(formatScalar(param.candidate))}`,
    ),
  ];
}

/** Columns padded to their widest cell; the last column is not padded. */
function textTable(headers: readonly string[], rows: readonly (readonly string[])[], indent = '  '): string[] {
  const all = [headers, ...rows];
  const widths = headers.map((_, column) => Math.max(...all.map((row) => width(row[column] ?? ''))));
  return all.map((row) =>
    (
      indent +
      headers
        .map((_, column) => {
          const cell = row[column] ?? '';
          return column === headers.length - 1 ? cell : cell + ' '.repeat((widths[column] ?? 0) - width(cell));
        })
        .join('  ')
    ).trimEnd(),
  );
}

function width(text: string): number {
  return Array.from(text).length;
}

function clean(text: string): string {
  return sanitizeText(text).replace(/\s+/g, ' ').trim();
}

function quote(text: string): string {
  return `"${clean(text)}"`;
}
