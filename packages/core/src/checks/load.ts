import { parseYaml } from '../config/yaml-source.js';
import { readTextFile } from '../files/read-text.js';
import { isGxSuite, loadGxSuite, type SkippedExpectation } from './gx.js';
import { checksFromSchema, loadDataSchema } from './schema.js';
import type { Check, DataSchema } from './types.js';

/**
 * Checks from a file, and the data schema when the file is one (it also carries drift settings);
 * a GX suite also lists the expectations it skipped, to be warned about (or refused with `--strict`).
 */
export type CheckSuite =
  | { format: 'mlgate'; schema: DataSchema; checks: Check[] }
  | { format: 'gx'; checks: Check[]; skipped: SkippedExpectation[] };

/** A schema or suite file is small; a huge one is a mistake or an attack. */
const MAX_SUITE_BYTES = 16 * 1024 * 1024;

/** Loads a data schema (YAML) or a Great Expectations suite (JSON with an `expectations` list). */
export function loadCheckSuite(text: string, file: string): CheckSuite {
  if (isGxSuite(parseYaml(text, file).data)) return { format: 'gx', ...loadGxSuite(text, file) };
  const schema = loadDataSchema(text, file);
  return { format: 'mlgate', schema, checks: checksFromSchema(schema) };
}

/** Reads a schema or suite file; problems name it `name` (default: `path`), e.g. as the user wrote it. */
export async function readCheckSuite(path: string, name = path): Promise<CheckSuite> {
  return loadCheckSuite(await readTextFile(path, MAX_SUITE_BYTES, name), name);
}
