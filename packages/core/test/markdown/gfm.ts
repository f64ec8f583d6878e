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

/** The visible text of rendered HTML: tags removed, entities decoded, zero-width spaces dropped. */
export function visibleText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&(#\d+|#x[0-9a-f]+|quot|lt|gt|amp);/gi, (_, entity: string) =>
      entity.startsWith('#')
        ? String.fromCodePoint(Number(entity.startsWith('#x') ? `0x${entity.slice(2)}` : entity.slice(1)))
        : (NAMED_ENTITIES[entity] ?? ''),
    )
    .replace(/\u200B/g, '');
}

/** Tags that mean the input produced structure instead of text. */
export const STRUCTURE_TAGS =
  /<(a|img|script|em|strong|code|del|h[1-6]|table|li|ul|ol|blockquote|pre|hr|input|sup|section|b|i|details|br)[\s>/]/i;
