import { readTextFile } from '../files/read-text.js';
import { parseJson } from '../json/parse-json.js';
import { parseReport } from './parse.js';
import type { Report } from './types.js';

/** Largest report file accepted; a real report is a few hundred kilobytes at most. */
export const MAX_REPORT_BYTES = 16 * 1024 * 1024;

/** Reads, parses and validates a report file; every problem is a `UserError` naming `name` (default `path`). */
export async function readReportFile(
  path: string,
  { maxBytes = MAX_REPORT_BYTES, name = path }: { maxBytes?: number; name?: string } = {},
): Promise<Report> {
  return parseReport(parseJson(await readTextFile(path, maxBytes, name), name), name);
}
