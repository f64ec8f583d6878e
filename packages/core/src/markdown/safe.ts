/**
 * Making untrusted text inert in GitHub-flavoured Markdown. Anything that comes from a pull request
 * (file, metric, column and branch names, error text, data values) goes through one of these before
 * it reaches a comment, check run or job summary: the result renders as the literal text, with no
 * formatting, link, image, HTML, mention, issue reference or emoji.
 */

/** Zero-width space as an entity: visible in the source, invisible when rendered (Dependabot's trick). */
const BREAK = '&#8203;';

// Trojan-source characters (CVE-2021-42574): they reorder how the text around them is displayed.
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
// C0 controls except tab and newline, DEL, C1 controls and the BOM / zero-width no-break space.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uFEFF]/g;
const LONE_SURROGATES = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * In one pass, so inserted entities are never matched again: characters GitHub links after
 * rendering get a zero-width break — mentions; issue references (`#1`, `owner/repo#1`, `GH-1`);
 * custom autolinks, numeric or alphanumeric (`JIRA-1`, `ABC-XYZ`, prefixes ending in `#`, `:` or
 * `/`); `:emoji:` shortcodes; `scheme://` and `www.` autolinks — and runs of 7 or more hex digits
 * (commit SHAs) are broken every 6 digits. Every ASCII character with a meaning in GFM (emphasis,
 * code, links, images, headings, lists, tables, HTML, entities, strikethrough, setext underlines,
 * math) gets a backslash. GitHub's link filters read the rendered text, where a backslash is gone,
 * so only the break defeats them.
 */
const LINKABLE = /@|#(?=[A-Za-z0-9])|(?<=[A-Za-z0-9])[-/](?=[A-Za-z0-9])|:(?=[\w+\-/])|www(?=\.)/.source;
const HEX_RUN = /[0-9A-Fa-f]{7,}/.source;
const MARKDOWN_SPECIALS = /[\\`*_[\]()#+\-.!|<>~=:$&]/.source;
const MARKDOWN_UNSAFE = new RegExp(`(${LINKABLE})|(${HEX_RUN})|${MARKDOWN_SPECIALS}`, 'gi');
const HTML_UNSAFE = new RegExp(`(${LINKABLE})|(${HEX_RUN})|[&<>"']`, 'gi');
const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** A hex run with a break after every 6 digits, so no part of it is long enough to be read as a SHA. */
function breakHexRun(run: string): string {
  return run.replace(/.{6}(?=.)/g, `$&${BREAK}`);
}

/**
 * Normalises newlines to `\n`, replaces lone surrogates with U+FFFD (so the text is valid UTF-8)
 * and removes control and bidirectional-override characters. Safe for terminals as well.
 */
export function sanitizeText(value: string): string {
  return String(value)
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .replace(LONE_SURROGATES, '\uFFFD')
    .replace(BIDI_CONTROLS, '')
    .replace(CONTROLS, '');
}

/**
 * Inert Markdown for running text. Newlines are kept (as soft line breaks; see `tableCell` for one
 * line); spaces at the start and end of lines are dropped, as they would indent code or break lines.
 */
export function escapeText(value: string): string {
  const text = sanitizeText(value)
    .replace(/\t/g, ' ')
    .replace(/^ +| +$/gm, '');
  return text.replace(MARKDOWN_UNSAFE, (match, linkable?: string, hex?: string) => {
    if (hex) return breakHexRun(hex);
    const escaped = /^[@w]/i.test(match) ? match : `\\${match}`;
    return linkable ? `${escaped}${BREAK}` : escaped;
  });
}

/**
 * Inert text inside raw HTML (e.g. `<summary>`), where Markdown is not parsed but GitHub still links
 * mentions and references. Newlines become spaces.
 */
export function escapeHtml(value: string): string {
  const text = sanitizeText(value).replace(/[\n\t]/g, ' ');
  return text.replace(HTML_UNSAFE, (match, linkable?: string, hex?: string) =>
    hex ? breakHexRun(hex) : (HTML_ENTITIES[match] ?? `${match}${BREAK}`),
  );
}

/** One table cell: inert, on one line, pipes escaped, at most `maxChars` characters of the original. */
export function tableCell(value: string, maxChars = 256): string {
  return escapeText(clipText(value.replace(/[\r\n\u2028\u2029]+/g, ' '), maxChars));
}

/**
 * An inline code span showing `value` literally: the backtick fence is longer than any run of
 * backticks inside. Pass `table: true` inside a table cell, where a `|` would otherwise end the cell.
 */
export function inlineCode(
  value: string,
  { table = false, maxChars = 256 }: { table?: boolean; maxChars?: number } = {},
): string {
  let text = clipText(sanitizeText(value), maxChars).replace(/[\n\t]/g, ' ');
  // In a table a pipe must be written `\|` even in code; a backslash before it would pair with ours.
  if (table) text = text.replace(/\\(?=\|)/g, '\\\u200B').replace(/\|/g, '\\|');
  if (text === '') text = ' ';
  const fence = '`'.repeat(longestRun(text, '`') + 1);
  // CommonMark strips one space from each side when both are present, and a backtick next to the
  // fence would merge with it: padding with a space on both sides avoids both.
  const pad = /^`|`$/.test(text) || /^ .*[^ ].* $/s.test(text) ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** A fenced code block showing `value` literally; `lang` is reduced to a safe info string. */
export function codeBlock(value: string, lang = ''): string {
  const text = sanitizeText(value);
  const fence = '`'.repeat(Math.max(3, longestRun(text, '`') + 1));
  const info = lang.replace(/[^A-Za-z0-9_+.-]/g, '');
  const body = text === '' || text.endsWith('\n') ? text : `${text}\n`;
  return `${fence}${info}\n${body}${fence}`;
}

/** Cuts `value` to at most `maxChars` code points, marking the cut with `…`; never splits a surrogate pair. */
export function clipText(value: string, maxChars: number): string {
  if (value.length <= maxChars) return value;
  const points = Array.from(value);
  if (points.length <= maxChars) return value;
  return points.slice(0, Math.max(0, maxChars - 1)).join('') + '…';
}

function longestRun(text: string, char: string): number {
  let longest = 0;
  let current = 0;
  for (const c of text) {
    current = c === char ? current + 1 : 0;
    longest = Math.max(longest, current);
  }
  return longest;
}
