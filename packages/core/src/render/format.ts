import type { ScalarValue } from '../report/types.js';

/**
 * Numbers for people: 4 significant digits, plain notation between 1e-4 and 1e15 (integers of five
 * or more digits are shown whole rather than rounded to 4 digits), exponent notation outside, `-`
 * for missing values.
 */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined) return '-';
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '-∞';
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude >= 1e15 || magnitude < 1e-4) return value.toExponential(3).replace(/\.?0+e/, 'e');
  if (magnitude >= 1e4) return String(Math.round(value));
  return String(Number(value.toPrecision(4)));
}

/** A change with its sign: `+0.0111`, `-0.02`, `0`. */
export function formatSigned(value: number | null | undefined): string {
  if (value === null || value === undefined) return '-';
  const text = formatNumber(value);
  return value > 0 ? `+${text}` : text;
}

/** A fraction as a percentage with 3 significant digits: 0.013615 → `1.36%` (`+1.36%` when signed). */
export function formatPercent(fraction: number | null | undefined, { signed = false } = {}): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return '-';
  const percent = fraction * 100;
  const text = percent === 0 ? '0' : String(Number(percent.toPrecision(3)));
  return `${signed && percent > 0 ? '+' : ''}${text}%`;
}

/** 0.95 → `95%`, 0.975 → `97.5%`. */
export function formatConfidence(confidence: number): string {
  return `${Number((confidence * 100).toPrecision(4))}%`;
}

/** 12345 → `12,345`. */
export function formatCount(count: number): string {
  return count.toLocaleString('en-US');
}

export function formatPValue(p: number): string {
  return p < 0.001 ? '<0.001' : String(Number(p.toPrecision(2)));
}

/** A change and its relative size: `+0.01106 (+1.36%)`. */
export function formatDelta(delta: number | null, relative: number | null): string {
  if (delta === null) return '-';
  return relative === null
    ? formatSigned(delta)
    : `${formatSigned(delta)} (${formatPercent(relative, { signed: true })})`;
}

export function formatInterval(ci: { low: number; high: number } | undefined): string {
  return ci ? `[${formatSigned(ci.low)}, ${formatSigned(ci.high)}]` : '-';
}

/** Parameters are shown exactly as written, never rounded. */
export function formatScalar(value: ScalarValue | undefined): string {
  if (value === undefined || value === null) return '-';
  return String(value);
}
