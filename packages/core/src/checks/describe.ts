import type { Bounds, SetValue } from './types.js';

const MAX_LISTED = 10;
const MAX_VALUE_CHARS = 80;

/** `≥ 0 and < 100`, `≤ 5`, `any`; datetime bounds as ISO text. */
export function describeBounds({ min, max, strictMin, strictMax }: Bounds, datetime = false): string {
  const show = (x: number): string => (datetime ? new Date(x).toISOString() : formatNumber(x));
  const parts: string[] = [];
  if (min !== undefined) parts.push(`${strictMin ? '>' : '≥'} ${show(min)}`);
  if (max !== undefined) parts.push(`${strictMax ? '<' : '≤'} ${show(max)}`);
  return parts.length > 0 ? parts.join(' and ') : 'any';
}

/** `{a, b, 3}`, listing at most ten values. */
export function describeSet(values: readonly SetValue[]): string {
  const shown = values
    .slice(0, MAX_LISTED)
    .map((value) => (typeof value === 'string' ? boundText(value) : String(value)));
  const more = values.length > MAX_LISTED ? `, … ${values.length - MAX_LISTED} more` : '';
  return `{${shown.join(', ')}${more}}`;
}

/** Names joined with commas, at most ten of them. */
export function describeNames(names: readonly string[]): string {
  const shown = names.slice(0, MAX_LISTED).map(boundText);
  return shown.join(', ') + (names.length > MAX_LISTED ? `, … ${names.length - MAX_LISTED} more` : '');
}

/** A value from the data, cut to a length that fits a one-line message or an annotation. */
export function boundText(text: string): string {
  const chars = Array.from(text);
  return chars.length > MAX_VALUE_CHARS ? chars.slice(0, MAX_VALUE_CHARS).join('') + '…' : text;
}

/** Up to six significant digits, no exponent noise for everyday magnitudes. */
export function formatNumber(x: number): string {
  if (!Number.isFinite(x) || Number.isInteger(x)) return String(x);
  return String(Number(x.toPrecision(6)));
}

/** `2.5%`, `0.01%`, `100%`. */
export function formatPercent(fraction: number): string {
  return `${formatNumber(fraction * 100)}%`;
}
