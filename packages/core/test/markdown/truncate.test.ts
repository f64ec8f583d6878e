import { describe, it, expect } from '@jest/globals';
import { codeBlock, details, table, truncateMarkdown } from '../../src/index.js';
import { renderGfm } from '../../../testkit/src/markdown/gfm.js';

const bytes = (text: string): number => Buffer.byteLength(text, 'utf8');
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function rows(count: number): string[][] {
  return Array.from({ length: count }, (_, i) => [`metric_${i}`, String(i / 7)]);
}

const DOCUMENT = [
  '## Report',
  '',
  'Intro paragraph with émojis 🚀 and 日本語.',
  '',
  table(['Metric', 'Value'], rows(40)),
  '',
  details('Log', codeBlock(Array.from({ length: 60 }, (_, i) => `log line ${i} ✓`).join('\n'), 'text')),
  '',
  'Closing paragraph.',
  '',
].join('\n');

describe('truncateMarkdown', () => {
  it('returns Markdown that fits unchanged', () => {
    expect(truncateMarkdown(DOCUMENT, bytes(DOCUMENT))).toBe(DOCUMENT);
  });

  it('stays within the byte budget and keeps blocks balanced at every cut', () => {
    for (let maxBytes = 60; maxBytes < bytes(DOCUMENT); maxBytes += 37) {
      const result = truncateMarkdown(DOCUMENT, maxBytes);
      expect(bytes(result)).toBeLessThanOrEqual(maxBytes);
      expect(result).toMatch(/_… truncated: \d+ more lines? not shown_$/);
      expect(result).not.toMatch(LONE_SURROGATE);
      const fences = result.split('\n').filter((line) => /^`{3,}/.test(line));
      expect(fences.length % 2).toBe(0);
      expect((result.match(/<details>/g) ?? []).length).toBe((result.match(/<\/details>/g) ?? []).length);
      const html = renderGfm(result);
      // The note is rendered as emphasis outside any code block or table.
      expect(html).toMatch(/<p><em>… truncated: \d+ more lines? not shown<\/em><\/p>\s*$/);
    }
  });

  it('cuts a table between rows and drops a header left without rows', () => {
    const markdown = ['Before.', '', table(['Metric', 'Value'], rows(100))].join('\n');
    const someRows = truncateMarkdown(markdown, 400);
    const html = renderGfm(someRows);
    expect(html).toContain('<th>Metric</th>');
    const kept = (html.match(/<tr>/g) ?? []).length - 1;
    expect(kept).toBeGreaterThan(0);
    expect(someRows).toContain(`_… truncated: ${100 - kept} more lines not shown_`);

    const headerOnly = truncateMarkdown(markdown, bytes('Before.\n\n| Metric | Value |\n| --- | --- |\n') + 40);
    expect(headerOnly).not.toContain('| Metric |');
    expect(headerOnly).toBe('Before.\n\n_… truncated: 102 more lines not shown_');
  });

  it('closes a code fence and a details block it cuts through', () => {
    const markdown = details('Log', codeBlock(Array.from({ length: 100 }, (_, i) => `line ${i}`).join('\n')));
    const result = truncateMarkdown(markdown, 300);
    expect(result).toMatch(/\nline \d+\n```\n\n<\/details>\n\n_… truncated: \d+ more lines not shown_$/);
    const html = renderGfm(result);
    expect(html).toMatch(/<\/code><\/pre>\s*<\/details>\s*<p><em>… truncated/);
  });

  it('closes a fence with the same character and length it was opened with', () => {
    const markdown = ['~~~~~', ...Array.from({ length: 50 }, () => '``` not a closer'), '~~~~~'].join('\n');
    expect(truncateMarkdown(markdown, 200)).toMatch(/\n~~~~~\n\n_… truncated/);
  });

  it('never splits a multibyte character or surrogate pair, even inside one long line', () => {
    const line = '🚀é日'.repeat(5000);
    for (const maxBytes of [100, 101, 102, 103, 1000]) {
      const result = truncateMarkdown(line, maxBytes);
      expect(bytes(result)).toBeLessThanOrEqual(maxBytes);
      expect(result).not.toMatch(LONE_SURROGATE);
      expect(result).not.toContain('\uFFFD');
      expect(result.startsWith('🚀é日')).toBe(true);
    }
  });

  it('uses a custom note and falls back to the note alone when nothing else fits', () => {
    const markdown = ['```', 'x'.repeat(500), '```'].join('\n');
    expect(truncateMarkdown(markdown, 100, (n) => `(${n} hidden)`)).toBe('(2 hidden)');
    expect(bytes(truncateMarkdown(markdown, 5))).toBeLessThanOrEqual(5);
  });

  it('fits GitHub’s comment limit for a huge report', () => {
    const huge = table(['Metric', 'Value'], rows(20000));
    const result = truncateMarkdown(huge, 60000);
    expect(bytes(result)).toBeLessThanOrEqual(60000);
    expect(bytes(result)).toBeGreaterThan(59000);
  });
});
