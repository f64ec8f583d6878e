import { extname } from 'node:path';
import { parseDocument } from 'yaml';
import { TomlError, parse as parseToml } from 'smol-toml';
import { UserError } from '../errors.js';
import { parseDelimited } from './delimited.js';
import { type FlatValues, flattenDocument } from './flatten.js';
import { parseJsonAllowingNonFinite } from './json-nonfinite.js';

export type MetricsFormat = 'json' | 'yaml' | 'toml' | 'csv' | 'tsv';

const FORMAT_BY_EXTENSION: Readonly<Record<string, MetricsFormat>> = {
  '.json': 'json',
  '.yaml': 'yaml',
  '.yml': 'yaml',
  '.toml': 'toml',
  '.csv': 'csv',
  '.tsv': 'tsv',
};

/** The format a metrics or params file is written in, from its extension. */
export function metricsFormat(file: string): MetricsFormat {
  const extension = extname(file).toLowerCase();
  const format = Object.hasOwn(FORMAT_BY_EXTENSION, extension) ? FORMAT_BY_EXTENSION[extension] : undefined;
  if (format === undefined) {
    throw new UserError(
      `has ${extension ? `the extension "${extension}"` : 'no extension'}; metrics and params files must be .json, .yaml, .yml, .toml, .csv or .tsv`,
      { file },
    );
  }
  return format;
}

/**
 * The text of a metrics or params file as flat `dotted.key → value` pairs (DVC's convention).
 * NaN and infinities are kept (YAML `.nan`/`.inf`, TOML `nan`/`inf`, Python-style JSON `NaN`/`Infinity`,
 * CSV `nan`/`inf`) so the gate can fail closed on them. Syntax errors are `UserError`s at
 * `file:line:column` when the parser says where.
 */
export function parseMetricsText(text: string, file: string, format: MetricsFormat = metricsFormat(file)): FlatValues {
  switch (format) {
    case 'json':
      return flattenDocument(parseJsonAllowingNonFinite(text, file), file);
    case 'yaml':
      return flattenDocument(parseYamlDocument(text, file), file);
    case 'toml':
      return flattenDocument(parseTomlDocument(text, file), file);
    case 'csv':
      return parseDelimited(text, file, ',');
    case 'tsv':
      return parseDelimited(text, file, '\t');
  }
}

/** Aliases expand to at most this many nodes: a "billion laughs" file is an error, not an out-of-memory. */
const MAX_ALIAS_COUNT = 100;

function parseYamlDocument(text: string, file: string): unknown {
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true, logLevel: 'error' });
  const [error] = doc.errors;
  if (error) {
    const at = error.linePos?.[0];
    throw new UserError(`invalid YAML: ${firstLine(error.message)}`, {
      file,
      ...(at ? { line: at.line, column: at.col } : {}),
    });
  }
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (cause) {
    throw new UserError(`cannot be read: ${cause instanceof Error ? cause.message : String(cause)}`, { file });
  }
}

function parseTomlDocument(text: string, file: string): unknown {
  try {
    return parseToml(text, { integersAsBigInt: 'asNeeded' });
  } catch (error) {
    if (!(error instanceof TomlError)) throw error;
    const reason = firstLine(error.message).replace(/^Invalid TOML document:\s*/, '');
    throw new UserError(`invalid TOML: ${reason}`, { file, line: error.line, column: error.column });
  }
}

function firstLine(message: string): string {
  return message.split('\n', 1)[0] ?? message;
}
