import { UserError } from '../errors.js';
import { jsonSyntaxErrorOffset } from './syntax-error-offset.js';

/**
 * `JSON.parse` that reports a syntax error as a `UserError` at `file:line:column`. V8 gives the
 * offending offset as `at position N` in most messages (Node 20 and later); for the rest
 * (`Unexpected token 'x', "…" is not valid JSON`, `Unexpected end of JSON input`) a small scanner
 * finds the position.
 */
export function parseJson(text: string, file: string): unknown {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  try {
    return JSON.parse(source);
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    const offset = syntaxErrorOffset(error.message, source);
    const where = offset === undefined ? {} : lineColumn(source, offset);
    throw new UserError(`invalid JSON: ${describeSyntaxError(error.message)}`, { file, ...where });
  }
}

function syntaxErrorOffset(message: string, source: string): number | undefined {
  const position = /at position (\d+)/.exec(message);
  if (position) return Number(position[1]);
  return jsonSyntaxErrorOffset(source);
}

/** V8's message without the offset and without its echo of the (untrusted, possibly multi-line) input. */
function describeSyntaxError(message: string): string {
  const withoutEcho = /^(Unexpected token .*?), ".*" is not valid JSON$/s.exec(message)?.[1] ?? message;
  const withoutPosition = withoutEcho.replace(/\s*in JSON at position \d+(\s*\(line \d+ column \d+\))?/, '');
  // eslint-disable-next-line no-control-regex -- escaping control characters is the point
  return withoutPosition.replace(/[\u0000-\u001F\u007F]/g, (c) => JSON.stringify(c).slice(1, -1)).trim();
}

/** 1-based line and column of a UTF-16 offset; `\r\n`, `\r` and `\n` each end a line. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const end = Math.min(Math.max(offset, 0), text.length);
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}
