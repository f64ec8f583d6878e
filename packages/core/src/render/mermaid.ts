import { sanitizeText } from '../markdown/safe.js';

/**
 * Mermaid `xychart-beta` text built from untrusted names. Mermaid labels are a grammar, not text:
 * a `"` ends the label, `%%{init: …}%%` inside one re-configures the chart, `#…;` is decoded as an
 * entity, `<` swallows the rest, and a newline could close the Markdown fence. What held for 60
 * hostile strings (FACTS.md, "Browser checks and charts"): keep a small set of plain characters,
 * encode every other one as `#<decimal code point>;`, collapse whitespace and controls to one space,
 * cap the length, never emit an empty label, and make labels unique.
 */

// Plain characters that are inert inside a quoted label (no `"`, `#`, `;`, `%`, `&`, `<`, `>`, `:` or backslash).
const PLAIN = /[A-Za-z0-9 ._+\-/()=*@!?~^$|,[\]{}']/;
const MAX_LABEL_CHARS = 40;

/** One label's text, safe between `"` quotes: at most `maxChars` characters of the original, never empty. */
export function mermaidLabel(value: string, maxChars = MAX_LABEL_CHARS): string {
  const points = Array.from(
    sanitizeText(value)
      .replace(/[\s\p{Cc}\p{Cf}\p{Z}]+/gu, ' ')
      .trim(),
  );
  const clipped = points.length > maxChars ? [...points.slice(0, maxChars - 1), '…'] : points;
  const text = clipped.map((c) => (PLAIN.test(c) ? c : `#${c.codePointAt(0)};`)).join('');
  return text === '' ? '(unnamed)' : text;
}

/** Labels made unique in order: a repeated label gets ` (2)`, ` (3)`… so no two points stack on one x. */
export function uniqueMermaidLabels(values: readonly string[], maxChars = MAX_LABEL_CHARS): string[] {
  const seen = new Set<string>();
  return values.map((value) => {
    const base = mermaidLabel(value, maxChars);
    let label = base;
    for (let n = 2; seen.has(label); n++) label = `${base} (${n})`;
    seen.add(label);
    return label;
  });
}

export interface XyChartPoint {
  label: string;
  value: number;
}

/**
 * A fenced ```` ```mermaid ```` `xychart-beta` line chart of `points` (finite values only; the
 * caller leaves out missing ones). The y axis spans the values with a margin, so small changes show.
 */
export function mermaidLineChart(title: string, yTitle: string, points: readonly XyChartPoint[]): string {
  const values = points.map((point) => point.value).filter(Number.isFinite);
  if (values.length === 0) throw new Error('mermaidLineChart: no finite value to draw');
  const labels = uniqueMermaidLabels(points.map((point) => point.label));
  const [low, high] = yRange(values);
  return [
    '```mermaid',
    'xychart-beta',
    `  title "${mermaidLabel(title, 80)}"`,
    `  x-axis [${labels.map((label) => `"${label}"`).join(', ')}]`,
    `  y-axis "${mermaidLabel(yTitle)}" ${chartNumber(low)} --> ${chartNumber(high)}`,
    `  line [${points.map((point) => chartNumber(point.value)).join(', ')}]`,
    '```',
  ].join('\n');
}

/** A tenth of the spread (or of the value when all are equal) on each side, rounded outwards. */
function yRange(values: readonly number[]): [number, number] {
  const min = Math.min(...values);
  const max = Math.max(...values);
  const margin = (max - min) / 10 || Math.abs(max) / 10 || 1;
  return [roundDown(min - margin), roundUp(max + margin)];
}

function step(value: number): number {
  return 10 ** (Math.floor(Math.log10(Math.abs(value) || 1)) - 2);
}

function roundDown(value: number): number {
  const unit = step(value);
  return Math.floor(value / unit) * unit;
}

function roundUp(value: number): number {
  const unit = step(value);
  return Math.ceil(value / unit) * unit;
}

/** A plain decimal Mermaid reads (no exponent, no NaN), at most 6 significant digits. */
function chartNumber(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`mermaid chart value ${value} is not finite`);
  const text = String(Number(value.toPrecision(6)));
  return /e/i.test(text) ? value.toFixed(12).replace(/\.?0+$/, '') : text;
}
