// Parses Mermaid sources with Mermaid itself, in plain Node: jsdom stands in for the browser's DOM (set BEFORE
// mermaid is imported), which Jest's module runtime cannot load. Reads a JSON array of sources on stdin and
// prints one `{ ok, error? }` per source.
import { JSDOM } from 'jsdom';

const { window } = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true });
Object.assign(globalThis, { window, document: window.document });
const { default: mermaid } = await import('mermaid');
mermaid.initialize({ startOnLoad: false });

let input = '';
for await (const chunk of process.stdin) input += chunk;
const results = [];
for (const source of JSON.parse(input)) {
  try {
    const parsed = await mermaid.parse(source);
    results.push({ ok: Boolean(parsed), type: parsed?.diagramType, config: parsed?.config ?? {} });
  } catch (error) {
    results.push({ ok: false, error: String(error?.message ?? error).split('\n')[0] });
  }
}
process.stdout.write(JSON.stringify(results));
