/** GitHub rejects comment bodies over 65,536 characters; callers pass a budget with room to spare. */
export const DEFAULT_MAX_MARKDOWN_BYTES = 60_000;

export type TruncationNote = (omittedLines: number) => string;

export const defaultTruncationNote: TruncationNote = (omitted) =>
  `_… truncated: ${omitted} more line${omitted === 1 ? '' : 's'} not shown_`;

/**
 * Cuts Markdown to at most `maxBytes` UTF-8 bytes at a line boundary and appends a note saying how
 * much was left out. The cut never leaves a code fence or `<details>` open (they are closed) or a
 * table without rows (its header is dropped); tables are cut between rows.
 */
export function truncateMarkdown(
  markdown: string,
  maxBytes: number,
  note: TruncationNote = defaultTruncationNote,
): string {
  if (utf8Bytes(markdown) <= maxBytes) return markdown;
  const lines = markdown.split('\n');
  // prefixBytes[k]: bytes of the first k lines joined by newlines; contentAfter[k]: non-blank lines from k on.
  const prefixBytes = [0];
  lines.forEach((line, i) => prefixBytes.push((prefixBytes[i] ?? 0) + utf8Bytes(line) + (i > 0 ? 1 : 0)));
  const contentAfter = lines.map(() => 0).concat(0);
  for (let i = lines.length - 1; i >= 0; i--) {
    contentAfter[i] = (contentAfter[i + 1] ?? 0) + ((lines[i] ?? '').trim() === '' ? 0 : 1);
  }

  const blocks = new BlockTracker();
  let best: { kept: number; tail: string } | undefined;
  for (let kept = 1; kept <= lines.length; kept++) {
    blocks.advance(lines[kept - 1] ?? '');
    if ((prefixBytes[kept] ?? 0) > maxBytes) break;
    if (!blocks.isCleanCut(lines, kept)) continue;
    const tail = ending(blocks, note(contentAfter[kept] ?? 0));
    if ((prefixBytes[kept] ?? 0) + utf8Bytes(tail) <= maxBytes) best = { kept, tail };
  }

  if (best) return lines.slice(0, best.kept).join('\n') + best.tail;
  return cutFirstLine(lines, contentAfter[1] ?? 0, maxBytes, note);
}

/** What follows the kept lines: closers for open blocks, then the note after a blank line. */
function ending(blocks: BlockTracker, noteText: string): string {
  const parts = [''];
  if (blocks.fence) parts.push(blocks.fence);
  if (blocks.details > 0) parts.push('', ...Array.from({ length: blocks.details }, () => '</details>'));
  parts.push('', noteText);
  return parts.join('\n');
}

/** No whole line fits: show the start of the first line when it is plain text, else just the note. */
function cutFirstLine(lines: readonly string[], omitted: number, maxBytes: number, note: TruncationNote): string {
  const noteText = note(omitted);
  const first = lines[0] ?? '';
  const blocks = new BlockTracker();
  blocks.advance(first);
  const plain = !blocks.fence && blocks.details === 0 && blocks.isCleanCut(lines, 1);
  const budget = maxBytes - utf8Bytes(noteText) - 2;
  if (plain && budget > 0) {
    const start = cutToBytes(first, budget);
    if (start !== '') return `${start}\n\n${noteText}`;
  }
  return cutToBytes(noteText, maxBytes);
}

/** Follows which blocks are open line by line: fenced code, `<details>` and GFM tables. */
class BlockTracker {
  /** The line that would close the open code fence. */
  fence: string | undefined;
  details = 0;
  /** Body rows of the current table, or -1 outside a table. */
  private tableRows = -1;
  private previous: string | undefined;
  private fenceOpenedOnLastLine = false;

  advance(line: string): void {
    const previous = this.previous;
    this.previous = line;
    this.fenceOpenedOnLastLine = false;
    if (this.fence) {
      const close = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line)?.[1];
      if (close && close[0] === this.fence[0] && close.length >= this.fence.length) this.fence = undefined;
      return;
    }
    const open = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line);
    if (open?.[1] && !(open[1].startsWith('`') && open[2]?.includes('`'))) {
      this.fence = open[1];
      this.fenceOpenedOnLastLine = true;
      this.tableRows = -1;
      return;
    }
    if (/^ {0,3}</.test(line)) {
      this.details += (line.match(/<details[\s>]/gi) ?? []).length;
      this.details = Math.max(0, this.details - (line.match(/<\/details>/gi) ?? []).length);
    }
    if (line.trim() === '') this.tableRows = -1;
    else if (this.tableRows >= 0) this.tableRows++;
    else if (previous !== undefined && isTableHeader(previous) && isDelimiterRow(line)) this.tableRows = 0;
  }

  /**
   * Whether the first `kept` lines end where a cut looks intentional: not on an empty code block,
   * a table without rows, a header whose delimiter row follows, or a blank line.
   */
  isCleanCut(lines: readonly string[], kept: number): boolean {
    if (this.fence) return !this.fenceOpenedOnLastLine;
    const last = lines[kept - 1] ?? '';
    const next = lines[kept];
    if (last.trim() === '' || this.tableRows === 0) return false;
    return !(this.tableRows < 0 && next !== undefined && isTableHeader(last) && isDelimiterRow(next));
  }
}

function isTableHeader(line: string): boolean {
  return line.includes('|') && line.trim() !== '';
}

function isDelimiterRow(line: string): boolean {
  return line.includes('|') && /^ {0,3}\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/.test(line);
}

export function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** The longest prefix of `text` within `maxBytes` UTF-8 bytes that ends on a code point boundary. */
function cutToBytes(text: string, maxBytes: number): string {
  let bytes = 0;
  let end = 0;
  for (const point of text) {
    bytes += utf8Bytes(point);
    if (bytes > maxBytes) break;
    end += point.length;
  }
  return text.slice(0, end);
}
