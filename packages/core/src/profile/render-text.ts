import { formatCount, formatNumber, formatPercent } from '../render/format.js';
import type { ColumnProfile } from './column.js';
import type { Profile } from './profile.js';

const MAX_CELL = 24;

/**
 * A compact per-column table for a terminal: type, nulls, distinct values, range, mean, median
 * and the most frequent value. Column names and values come from the data, so control
 * characters are shown escaped and long cells are cut.
 */
export function renderProfileText(profile: Profile): string {
  const header = ['column', 'type', 'nulls', 'distinct', 'min', 'max', 'mean', 'median', 'top value'];
  const rows = profile.columns.map(row);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]): string =>
    cells
      .map((cell, i) => (i >= 2 && i <= 7 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  const sources = profile.sources.map((s) =>
    s.shard ? `${s.file} [shard ${s.shard.index}/${s.shard.count}]` : s.file,
  );
  const issues = profile.sources.reduce((n, s) => n + s.issues.errors + s.issues.warnings, 0);
  return [
    `${formatCount(profile.rows)} rows, ${profile.columns.length} columns${sources.length ? ` from ${sources.map(clean).join(', ')}` : ''}` +
      (issues > 0 ? ` (${formatCount(issues)} data issues)` : ''),
    '',
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    '',
  ].join('\n');
}

function row(column: ColumnProfile): string[] {
  const summary = column.summary();
  const numeric = summary.numeric;
  const nulls = summary.nulls === 0 ? '0' : `${formatCount(summary.nulls)} (${formatPercent(summary.nullFraction)})`;
  let min = '-';
  let max = '-';
  if (numeric && (summary.type === 'integer' || summary.type === 'number')) {
    [min, max] = [formatNumber(numeric.min), formatNumber(numeric.max)];
  } else if (summary.datetime && summary.type === 'datetime') {
    [min, max] = [summary.datetime.min, summary.datetime.max];
  } else if (summary.length) {
    [min, max] = [`len ${summary.length.min}`, `len ${summary.length.max}`];
  }
  const top = summary.top[0];
  return [
    clean(column.name),
    summary.type,
    nulls,
    approximate(summary.distinct, summary.distinctBounds, formatCount),
    clean(min),
    clean(max),
    numeric ? formatNumber(numeric.mean) : '-',
    numeric ? approximate(numeric.quantiles.p50!, numeric.quantileBounds?.p50, formatNumber) : '-',
    top ? `${clean(top.value)} (${formatCount(top.count)})` : '-',
  ];
}

/** An exact figure as it is; one the profile only bounds as `≈estimate (low–high)`. */
function approximate(value: number, bounds: [number, number] | undefined, format: (n: number) => string): string {
  if (!bounds || bounds[0] === bounds[1]) return format(value);
  return `≈${format(value)} (${format(bounds[0])}–${format(bounds[1])})`;
}

/** Escapes control characters and cuts long text, so data cannot move the cursor or break the table. */
function clean(text: string): string {
  // eslint-disable-next-line no-control-regex -- escaping control characters is the point
  const escaped = text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => JSON.stringify(c).slice(1, -1));
  return escaped.length > MAX_CELL ? `${escaped.slice(0, MAX_CELL - 1)}…` : escaped;
}
