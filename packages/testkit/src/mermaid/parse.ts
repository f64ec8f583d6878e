import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface MermaidParse {
  ok: boolean;
  /** The diagram type Mermaid read, e.g. `xychart`. */
  type?: string;
  /** Configuration the source set through directives (`%%{init: …}%%`): empty unless a label injected one. */
  config?: Record<string, unknown>;
  error?: string;
}

const WORKER = fileURLToPath(new URL('./parse-worker.mjs', import.meta.url));

/** Each source parsed by Mermaid 11 (with jsdom as its DOM) in one child Node process. */
export function parseMermaid(sources: readonly string[]): Promise<MermaidParse[]> {
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, [WORKER], { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`mermaid parser failed: ${stderr || error.message}`));
      else resolve(JSON.parse(stdout) as MermaidParse[]);
    });
    child.stdin?.end(JSON.stringify(sources));
  });
}
