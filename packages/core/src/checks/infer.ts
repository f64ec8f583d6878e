import { stringify } from 'yaml';
import type { ColumnStats, TableStats, ValueType } from './types.js';

export interface InferOptions {
  /** Text columns with at most this many distinct values get an `allowed` list (default 20). */
  maxAllowed?: number;
  /** Named in the header comment, e.g. the data file. */
  source?: string;
}

export const DEFAULT_MAX_ALLOWED = 20;

/**
 * A starting data schema (YAML text) for data described by `stats`, which the same data passes:
 * each column's type when all its non-null values agree on one, `nullable: false` when it has no
 * nulls (else a `max_null_fraction` rounded up), numeric `min`/`max` rounded outward to two
 * significant digits of the range, and an `allowed` list for text columns with few distinct values
 * (when `topValues` lists them all). Meant to be reviewed and tightened, not trusted blindly.
 */
export function inferSchema(
  table: TableStats,
  stats: ReadonlyMap<string, ColumnStats>,
  options: InferOptions = {},
): string {
  const maxAllowed = options.maxAllowed ?? DEFAULT_MAX_ALLOWED;
  const columns: Record<string, Record<string, unknown>> = {};
  for (const name of table.columns) {
    const column = stats.get(name);
    columns[name] = column ? inferColumn(column, maxAllowed) : {};
  }
  const schema = {
    version: 1,
    columns,
    ...(table.rows > 0 ? { rows: { min: 1 } } : {}),
    unexpected_columns: 'warn',
  };
  const from = options.source ? ` from ${options.source.replace(/[\r\n]/g, ' ')}` : '';
  const header = `# Data schema inferred by mlgate${from} (${table.rows} rows). Review and tighten before relying on it.\n`;
  return header + stringify(schema, { lineWidth: 0 });
}

function inferColumn(stats: ColumnStats, maxAllowed: number): Record<string, unknown> {
  const nonNull = stats.count - stats.nulls;
  const column: Record<string, unknown> = {};
  const type = nonNull > 0 ? typeOf(stats.typeCounts, nonNull) : undefined;
  if (type) column.type = type;
  if (stats.nulls === 0 && stats.count > 0) column.nullable = false;
  else if (nonNull > 0) column.max_null_fraction = Math.min(1, Math.ceil((stats.nulls / stats.count) * 100) / 100);
  if ((type === 'integer' || type === 'number') && stats.min !== undefined && stats.max !== undefined) {
    const [min, max] = roundOutward(stats.min, stats.max, type === 'integer');
    column.min = min;
    column.max = max;
  }
  if (type === 'string') {
    const allowed = completeValues(stats, nonNull, maxAllowed);
    if (allowed) column.allowed = allowed;
  }
  return column;
}

/** The one type all non-null values read as; `number` covers integers mixed with decimals; else text. */
function typeOf(counts: ColumnStats['typeCounts'], nonNull: number): ValueType | undefined {
  if (!counts) return undefined;
  const count = (type: ValueType): number => counts[type] ?? 0;
  if (count('integer') === nonNull) return 'integer';
  if (count('integer') + count('number') === nonNull) return 'number';
  if (count('boolean') === nonNull) return 'boolean';
  if (count('datetime') === nonNull) return 'datetime';
  return 'string';
}

function completeValues(stats: ColumnStats, nonNull: number, maxAllowed: number): string[] | undefined {
  const top = stats.topValues;
  if (!top || top.length === 0 || top.length > maxAllowed) return undefined;
  const covered = top.reduce((sum, { count }) => sum + count, 0);
  if (covered !== nonNull) return undefined;
  return top.map(({ value }) => value).sort();
}

/** Bounds on a step of two significant digits of the range (at least 1 for integers), never inside the data. */
function roundOutward(min: number, max: number, integer: boolean): [number, number] {
  const span = max - min || Math.max(Math.abs(min), Math.abs(max)) || 1;
  const exponent = Math.floor(Math.log10(span)) - 1;
  if (integer && exponent <= 0) return [Math.floor(min), Math.ceil(max)];
  const step = 10 ** exponent;
  const decimals = Math.max(0, -exponent);
  const lower = Number((Math.floor(min / step) * step).toFixed(decimals));
  const upper = Number((Math.ceil(max / step) * step).toFixed(decimals));
  // toFixed can round back across the data by a last-digit error; step out once more if it did.
  return [
    lower <= min ? lower : Number((lower - step).toFixed(decimals)),
    upper >= max ? upper : Number((upper + step).toFixed(decimals)),
  ];
}
