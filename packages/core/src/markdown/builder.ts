import { escapeHtml } from './safe.js';

/**
 * A few Markdown blocks. Arguments named `markdown` or `cells` must already be safe Markdown
 * (built with `escapeText`, `tableCell`, `inlineCode`, …); the builder adds structure, not escaping,
 * except for `details` summaries, which are HTML and are escaped here.
 */
export type Align = 'left' | 'center' | 'right';

export function heading(level: 1 | 2 | 3 | 4 | 5 | 6, markdown: string): string {
  return `${'#'.repeat(level)} ${markdown}`;
}

/** A GFM table. Every cell must be one line; missing cells are left empty. */
export function table(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  align: readonly Align[] = [],
): string {
  const line = (cells: readonly string[]): string => `| ${headers.map((_, i) => cells[i] ?? '').join(' | ')} |`;
  const delimiter = headers.map((_, i) => {
    switch (align[i]) {
      case 'left':
        return ':---';
      case 'center':
        return ':---:';
      case 'right':
        return '---:';
      default:
        return '---';
    }
  });
  return [line(headers), `| ${delimiter.join(' | ')} |`, ...rows.map(line)].join('\n');
}

export function bulletList(items: readonly string[]): string {
  return items.map((item) => `- ${item}`).join('\n');
}

/** A collapsible section; `summary` is plain text (escaped as HTML), `markdown` the body. */
export function details(summary: string, markdown: string, { open = false }: { open?: boolean } = {}): string {
  return `<details${open ? ' open' : ''}>\n<summary>${escapeHtml(summary)}</summary>\n\n${markdown}\n\n</details>`;
}
