import { parse, type DefaultTreeAdapterMap } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/** What a parsed HTML page is made of, as a browser's parser builds it (parse5: the WHATWG parsing algorithm). */
export interface HtmlStructure {
  /** Every element in `<body>`, in document order, as `tag[attribute names]`. */
  elements: string[];
  /** The `href` of every element that has one. */
  links: string[];
  /** Every `<script>` element: its `type`, its `src` and its text. */
  scripts: { type: string; src: string; text: string }[];
  /** Every attribute that starts with `on` (event handlers), anywhere. */
  handlers: string[];
}

export function htmlStructure(html: string): HtmlStructure {
  const all: Element[] = [];
  const body: Element[] = [];
  const walk = (node: Node, inBody: boolean): void => {
    const children = 'childNodes' in node ? node.childNodes : [];
    const content = node.nodeName === 'template' ? [(node as DefaultTreeAdapterMap['template']).content] : [];
    for (const child of [...children, ...content]) {
      if ('tagName' in child) {
        all.push(child);
        if (inBody) body.push(child);
      }
      walk(child, inBody || ('tagName' in child && child.tagName === 'body'));
    }
  };
  walk(parse(html), false);
  const attribute = (element: Element, name: string) => element.attrs.find((a) => a.name === name)?.value;
  const text = (element: Element) =>
    element.childNodes
      .map((child) => (child.nodeName === '#text' ? (child as DefaultTreeAdapterMap['textNode']).value : ''))
      .join('');
  return {
    elements: body.map(
      (element) =>
        `${element.tagName}[${element.attrs
          .map((a) => a.name)
          .sort()
          .join(',')}]`,
    ),
    links: all.flatMap((element) => {
      const href = attribute(element, 'href');
      return href === undefined ? [] : [href];
    }),
    scripts: all
      .filter((element) => element.tagName === 'script')
      .map((script) => ({
        type: attribute(script, 'type') ?? '',
        src: attribute(script, 'src') ?? '',
        text: text(script),
      })),
    handlers: all.flatMap((element) => element.attrs.map((a) => a.name).filter((name) => /^on/i.test(name))),
  };
}
