import { describe, it, expect } from '@jest/globals';
import {
  clipText,
  codeBlock,
  details,
  escapeHtml,
  escapeText,
  inlineCode,
  sanitizeText,
  table,
  tableCell,
} from '../../src/index.js';
import { STRUCTURE_TAGS, githubReferences, renderGfm, visibleText } from '../../../testkit/src/markdown/gfm.js';

const ADVERSARIAL = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '[x](javascript:alert(1))',
  '![pixel](https://evil.example/p.png)',
  '[ref]: https://evil.example',
  '**bold** __strong__ *em* _em_ ~~gone~~',
  '# heading',
  '> [!WARNING] quote',
  '- item',
  '1. item',
  '2) item',
  '| a | b |',
  '`code`',
  '```js',
  '<https://evil.example>',
  'see https://evil.example/x and www.evil.example',
  'mail@evil.example',
  '&lt;b&gt; &#60;script&#62; &copy;',
  'title\n===',
  'title\n---',
  '***',
  '[^1] footnote',
  ':smile: :+1:',
  '$x^2$ and $$y$$',
  '\\*not emphasis\\*',
  '[ ] task',
  '<!-- hidden -->',
  'a  \nb',
  '    indented code',
];

function trimLines(text: string): string {
  return text
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .trim();
}

function renderedText(markdown: string): string {
  return visibleText(renderGfm(markdown)).trim();
}

describe('escapeText', () => {
  it.each(ADVERSARIAL)('renders %j as its literal text and nothing else', (input) => {
    const html = renderGfm(escapeText(input));
    expect(html).not.toMatch(STRUCTURE_TAGS);
    expect(html).toMatch(/^<p>[\s\S]*<\/p>$/);
    expect(visibleText(html).trim()).toBe(trimLines(input));
  });

  it('drops spaces at line edges, which would make code blocks and hard breaks', () => {
    expect(escapeText('    code\nhard  \nbreak')).toBe('code\nhard\nbreak');
  });

  it('defuses mentions, team mentions and issue references with a zero-width space', () => {
    const input = 'thanks @octocat and @acme/team, fixes #1, acme/repo#12, GH-34 and JIRA-5';
    const html = renderGfm(escapeText(input));
    const text = html.replace(/<[^>]*>/g, '');
    expect(text).not.toMatch(/@[A-Za-z0-9]/);
    expect(text).not.toMatch(/#\d/);
    expect(text).not.toMatch(/[A-Za-z]-\d/);
    expect(escapeText('@octocat')).toBe('@&#8203;octocat');
    expect(visibleText(html).trim()).toBe(input);
  });

  it.each([
    [':smile: and :+1:', 'emoji'],
    ['commit deadbeefcafe0123456789abcdef0123456789ab and short a5c3785', 'commit'],
    ['ABC-XYZ, TICKET-a1b2 and JIRA-123', 'autolink'],
    ['T:abc1 and REF#x9', 'autolink'],
  ])('breaks what GitHub would link after rendering in %j', (input, kind) => {
    expect(githubReferences(renderGfm(input)).map((ref) => ref.kind)).toContain(kind);
    const html = renderGfm(escapeText(input));
    expect(githubReferences(html)).toEqual([]);
    expect(visibleText(html)).toBe(input);
  });

  it('breaks the same triggers inside raw HTML text', () => {
    const html = renderGfm(`<p>${escapeHtml(':smile: ABC-XYZ @octocat #1 deadbeefcafe0123')}</p>`);
    expect(githubReferences(html)).toEqual([]);
    expect(visibleText(html)).toBe('<p>:smile: ABC-XYZ @octocat #1 deadbeefcafe0123</p>'.replace(/<\/?p>/g, ''));
  });

  it('breaks URL and www autolinks so no link is produced', () => {
    const html = renderGfm(escapeText('https://evil.example www.evil.example ftp://x.example'));
    expect(html).not.toContain('<a');
    expect(html.replace(/<[^>]*>/g, '')).not.toMatch(/:\/\/|www\./);
  });

  it('removes bidirectional overrides and control characters', () => {
    expect(escapeText('a\u202Eb\u2066c\u200Fd\u061Ce\u0007f\u0000g\u001Bh\u009Bi\uFEFFj')).toBe('abcdefghij');
  });

  it('normalises newlines and replaces tabs', () => {
    expect(escapeText('a\r\nb\rc\u2028d\te')).toBe('a\nb\nc\nd e');
  });

  it('keeps non-ASCII text and replaces lone surrogates', () => {
    expect(renderedText(escapeText('naïve 🚀 日本語'))).toBe('naïve 🚀 日本語');
    expect(escapeText('x\uD800y')).toBe('x\uFFFDy');
  });
});

describe('sanitizeText', () => {
  it('keeps tabs and newlines but drops terminal escape sequences', () => {
    expect(sanitizeText('\u001B[31mred\u001B[0m\tok\n')).toBe('[31mred[0m\tok\n');
  });
});

describe('tableCell', () => {
  function cellsOf(cell: string): string[] {
    const html = renderGfm(table(['h'], [[cell]]));
    return [...html.matchAll(/<td>([\s\S]*?)<\/td>/g)].map((match) => visibleText(match[1] ?? ''));
  }

  it.each(['a|b', 'a\\|b', 'a\\\\|b', '|', 'x\ny\r\nz', '<b>|</b>', '@octocat | #1'])(
    'keeps %j in one cell',
    (input) => {
      const cells = cellsOf(tableCell(input));
      expect(cells).toEqual([input.replace(/\r?\n/g, ' ')]);
    },
  );

  it('puts every adversarial string in a single inert cell', () => {
    for (const input of ADVERSARIAL) {
      const html = renderGfm(table(['h'], [[tableCell(input)]]));
      expect(html.match(/<td>/g)).toHaveLength(1);
      expect(html.replace(/<\/?(table|thead|tbody|tr|th|td)>/g, '')).not.toMatch(STRUCTURE_TAGS);
    }
  });

  it('bounds the length', () => {
    expect(tableCell('x'.repeat(300), 10)).toBe('xxxxxxxxx…');
  });
});

describe('inlineCode', () => {
  function codeOf(markdown: string): string[] {
    return [...renderGfm(markdown).matchAll(/<code>([\s\S]*?)<\/code>/g)].map((match) => visibleText(match[1] ?? ''));
  }

  it.each(['plain', 'a`b', 'a``b```c', '`start', 'end`', '``', ' padded ', '  ', '<b>@octocat</b>', '*not em*'])(
    'shows %j literally',
    (input) => {
      expect(codeOf(inlineCode(input))).toEqual([input]);
    },
  );

  it('uses a fence longer than any backtick run inside', () => {
    expect(inlineCode('a``b')).toBe('```a``b```');
  });

  it('keeps pipes inside a table cell when asked to', () => {
    for (const input of ['a|b', 'a\\|b', '|`|']) {
      const html = renderGfm(table(['h'], [[inlineCode(input, { table: true })]]));
      expect(html.match(/<td>/g)).toHaveLength(1);
      expect(codeOf(table(['h'], [[inlineCode(input, { table: true })]]))).toEqual([input]);
    }
  });

  it('puts newlines on one line and strips controls', () => {
    expect(codeOf(inlineCode('a\nb\u202Ec'))).toEqual(['a bc']);
  });

  it('renders an empty string as an empty-looking span rather than stray backticks', () => {
    expect(codeOf(inlineCode(''))).toEqual([' ']);
  });
});

describe('codeBlock', () => {
  function blocksOf(markdown: string): string[] {
    return [...renderGfm(markdown).matchAll(/<pre><code[^>]*>([\s\S]*?)<\/code><\/pre>/g)].map((match) =>
      visibleText(match[1] ?? ''),
    );
  }

  it.each(['plain', 'has ``` inside', '````\nfour\n````', '~~~\ntilde\n~~~', 'ends with newline\n'])(
    'keeps %j inside one block',
    (input) => {
      expect(blocksOf(codeBlock(input))).toEqual([input.endsWith('\n') ? input : `${input}\n`]);
    },
  );

  it('uses a fence longer than any backtick run', () => {
    expect(codeBlock('x ````` y').split('\n')[0]).toBe('``````');
  });

  it('reduces the language to a safe info string', () => {
    expect(codeBlock('x', 'js"><script>`').split('\n')[0]).toBe('```jsscript');
    expect(renderGfm(codeBlock('x', 'js"><script>'))).not.toContain('<script');
  });
});

describe('escapeHtml and details', () => {
  it('makes a summary inert HTML text', () => {
    const html = renderGfm(details('<b>@octocat</b> fixes #1 & "quotes"', 'body'));
    const summary = /<summary>([\s\S]*?)<\/summary>/.exec(html)?.[1] ?? '';
    expect(summary).not.toMatch(/<b>/);
    expect(visibleText(summary)).toBe('<b>@octocat</b> fixes #1 & "quotes"');
    expect(summary.replace(/&#8203;/g, '\u200B')).not.toMatch(/@[a-z]|#\d/);
  });

  it('keeps the summary on one line', () => {
    expect(escapeHtml('a\nb\u202Ec')).toBe('a bc');
  });

  it('renders its body as Markdown, collapsed unless open', () => {
    const html = renderGfm(details('Params', '**body**'));
    expect(html).toContain('<details>');
    expect(html).toContain('<strong>body</strong>');
    expect(details('x', 'y', { open: true })).toMatch(/^<details open>/);
  });
});

describe('table', () => {
  it('aligns columns and fills missing cells', () => {
    const markdown = table(['Metric', 'Value'], [['auc'], ['f1', '0.5']], ['left', 'right']);
    expect(markdown).toBe('| Metric | Value |\n| :--- | ---: |\n| auc |  |\n| f1 | 0.5 |');
    const html = renderGfm(markdown);
    expect(html).toContain('<th align="right">Value</th>');
    expect(html.match(/<tr>/g)).toHaveLength(3);
  });
});

describe('clipText', () => {
  it('never splits a surrogate pair', () => {
    expect(clipText('🚀🚀🚀', 2)).toBe('🚀…');
    expect(clipText('🚀🚀', 2)).toBe('🚀🚀');
  });
});
