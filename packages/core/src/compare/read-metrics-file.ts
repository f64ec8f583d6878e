import { readTextFile } from '../files/read-text.js';
import type { FlatValues } from './flatten.js';
import { metricsFormat, parseMetricsText } from './metrics-file.js';

/** Metrics and params files are small; anything larger is a mistake or an attack. */
export const MAX_METRICS_FILE_BYTES = 8 * 1024 * 1024;

/** Reads a metrics or params file (format from its extension) as flat `dotted.key → value` pairs. */
export async function readMetricsFile(path: string): Promise<FlatValues> {
  const format = metricsFormat(path);
  return parseMetricsText(await readTextFile(path, MAX_METRICS_FILE_BYTES), path, format);
}
