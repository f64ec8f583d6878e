import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';

/**
 * Renders GitHub-flavoured Markdown to HTML with a spec-compliant parser, raw HTML allowed, so a
 * test sees exactly what an escaping mistake would let through.
 */
export function renderGfm(markdown: string): string {
  return micromark(markdown, { extensions: [gfm()], htmlExtensions: [gfmHtml()], allowDangerousHtml: true });
}

const NAMED_ENTITIES: Record<string, string> = { quot: '"', lt: '<', gt: '>', amp: '&' };

/** The visible text of rendered HTML: tags removed, entities decoded, zero-width spaces dropped (unless kept). */
export function visibleText(html: string, { keepZeroWidth = false }: { keepZeroWidth?: boolean } = {}): string {
  const text = html
    .replace(/<[^>]*>/g, '')
    .replace(/&(#\d+|#x[0-9a-f]+|quot|lt|gt|amp);/gi, (_, entity: string) =>
      entity.startsWith('#')
        ? String.fromCodePoint(Number(entity.startsWith('#x') ? `0x${entity.slice(2)}` : entity.slice(1)))
        : (NAMED_ENTITIES[entity] ?? ''),
    );
  return keepZeroWidth ? text : text.replace(/\u200B/g, '');
}

/** Tags that mean the input produced structure instead of text. */
export const STRUCTURE_TAGS =
  /<(a|img|script|em|strong|code|del|h[1-6]|table|li|ul|ol|blockquote|pre|hr|input|sup|section|b|i|details|br)[\s>/]/i;

/** One thing GitHub would turn into a link or an emoji after rendering. */
export interface GitHubReference {
  kind: 'mention' | 'issue' | 'commit' | 'emoji' | 'autolink';
  text: string;
}

// GitHub's filters run on the text of the rendered HTML, outside code, pre and links; a zero-width
// space (U+200B, not a word character) ends a token. These are deliberately wider than GitHub's own
// rules (any custom autolink prefix ending in `-`, `#`, `:` or `/`; SHAs from 7 hex digits), so a test
// that finds nothing has not merely dodged an exact pattern.
const REFERENCE_PATTERNS: [GitHubReference['kind'], RegExp][] = [
  ['mention', /(?<![\w`])@[A-Za-z0-9][\w-]*(?:\/[\w.-]+)?/g],
  ['issue', /(?:[\w.-]+\/[\w.-]+)?#\d+|\bGH-\d+/gi],
  ['commit', /(?<![\w])[0-9a-f]{7,40}(?![\w])/gi],
  ['emoji', /:[\w+-]+:/g],
  ['autolink', /\b[A-Za-z0-9]+[-#:/][A-Za-z0-9]+/g],
];

/**
 * What GitHub would link in rendered HTML (mentions, team mentions, issue and commit references,
 * emoji shortcodes, custom autolinks), looking only at text outside `<code>`, `<pre>` and `<a>`.
 */
export function githubReferences(html: string): GitHubReference[] {
  const prose = visibleText(html.replace(/<(code|pre|a)\b[^>]*>[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]*>/g, ' '), {
    keepZeroWidth: true,
  });
  return REFERENCE_PATTERNS.flatMap(([kind, pattern]) =>
    [...prose.matchAll(pattern)].map((match) => ({ kind, text: match[0] })),
  );
}
