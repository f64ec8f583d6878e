import { LineCounter, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { UserError } from '../errors.js';
import type { PathSegment } from '../json-schema/path.js';

export interface Position {
  line: number;
  column: number;
  /** Offset in the text, for ordering problems as they appear in the file. */
  offset: number;
}

/** A parsed YAML file that can say where each value or key was written. */
export interface YamlSource {
  data: unknown;
  /** Position of the value at `path`, or of the key `key` inside the mapping at `path`; the nearest ancestor when absent. */
  locate(path: readonly PathSegment[], key?: string): Position | undefined;
}

/** Aliases expand to at most this many nodes: a "billion laughs" file is an error, not an out-of-memory. */
const MAX_ALIAS_COUNT = 100;

/** Parses one YAML document (YAML 1.2 core schema); syntax errors become `UserError`s at `file:line:column`. */
export function parseYaml(text: string, file: string): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true, logLevel: 'error' });
  const [syntaxError] = doc.errors;
  if (syntaxError) {
    const position = syntaxError.linePos?.[0];
    throw new UserError(firstLine(syntaxError.message), {
      file,
      ...(position ? { line: position.line, column: position.col } : {}),
    });
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    throw new UserError(`cannot be read: ${error instanceof Error ? error.message : String(error)}`, { file });
  }

  const position = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col, offset };
  };

  return {
    data,
    locate(path, key) {
      let node: unknown = doc.contents;
      let found: unknown = node;
      for (const segment of path) {
        if (isMap(node)) {
          const pair = node.items.find((item) => keyText(item.key) === String(segment));
          if (!pair) break;
          found = pair.value ?? pair.key;
          node = pair.value;
        } else if (isSeq(node) && typeof segment === 'number' && node.items[segment] !== undefined) {
          node = node.items[segment];
          found = node;
        } else {
          break;
        }
      }
      if (key !== undefined && isMap(node)) {
        const pair = node.items.find((item) => keyText(item.key) === key);
        const start = rangeStart(pair?.key);
        if (start !== undefined) return position(start);
      }
      const start = rangeStart(found);
      return start === undefined ? undefined : position(start);
    },
  };
}

function keyText(key: unknown): string {
  return isScalar(key) ? String(key.value) : String(key);
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as { range?: unknown } | null | undefined)?.range;
  return Array.isArray(range) && typeof range[0] === 'number' ? range[0] : undefined;
}

/** `yaml`'s pretty messages repeat the position and quote the source on further lines. */
function firstLine(message: string): string {
  const [first = message] = message.split('\n');
  return first.replace(/ at line \d+, column \d+:?\s*$/, '');
}
