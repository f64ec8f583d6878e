import type { DataSchema } from '../checks/types.js';
import type { DriftOptions } from './detect.js';

/** The per-column `drift:` settings a data schema writes, as `detectDrift` takes them (none for a GX suite). */
export function schemaDriftOptions(schema: DataSchema | undefined): DriftOptions {
  const columns = (schema?.columns ?? []).filter((column) => column.drift !== undefined);
  if (columns.length === 0) return {};
  return { columns: Object.fromEntries(columns.map((column) => [column.name, { ...column.drift }])) };
}
