import { DEFAULT_MAX_ALLOWED } from '../checks/infer.js';
import type { ColumnStats, TableStats, ValueType } from '../checks/types.js';
import type { ColumnProfile } from '../profile/column.js';
import type { ValueKind } from '../profile/infer-type.js';
import type { Profile } from '../profile/profile.js';

/** The check value type each profile value kind counts towards (the names agree today; the mapping keeps them apart). */
const VALUE_TYPE_OF: Record<ValueKind, ValueType> = {
  integer: 'integer',
  number: 'number',
  boolean: 'boolean',
  datetime: 'datetime',
  string: 'string',
};

/**
 * One more than the longest `allowed` list `inferSchema` writes by default: a column with more
 * distinct values than that shows up as incomplete rather than as a list cut short.
 */
export const DEFAULT_TOP_VALUES = DEFAULT_MAX_ALLOWED + 1;

export interface ColumnStatsOptions {
  /** Most frequent values passed on (default `DEFAULT_TOP_VALUES`). */
  topValues?: number;
}

/**
 * What the aggregate checks read of a column, from its profile: moments give min, max, mean and
 * the sample standard deviation; the KLL sketch gives quantiles (within its stated rank error);
 * HyperLogLog gives the distinct count; frequent items give the top values (exact while the
 * column has few distinct values, so `inferSchema` can tell a complete list from a partial one).
 */
export function columnStatsOf(column: ColumnProfile, options: ColumnStatsOptions = {}): ColumnStats {
  const stats: ColumnStats = { count: column.count, nulls: column.nulls, distinct: column.distinct };
  const typeCounts: Partial<Record<ValueType, number>> = {};
  for (const [kind, type] of Object.entries(VALUE_TYPE_OF) as [ValueKind, ValueType][]) {
    typeCounts[type] = (typeCounts[type] ?? 0) + column.typeCounts[kind];
  }
  stats.typeCounts = typeCounts;
  const moments = column.moments;
  if (moments.count > 0) {
    stats.min = moments.min;
    stats.max = moments.max;
    stats.mean = moments.mean;
    if (moments.count > 1) stats.stdev = moments.sampleStdDev;
    const kll = column.kll;
    // The sketch returns a value of the column whose rank is within its bound of q, whatever the method.
    stats.quantile = (q: number) => kll.quantile(q);
  }
  if (column.minTime <= column.maxTime) {
    stats.minTime = column.minTime;
    stats.maxTime = column.maxTime;
  }
  const top = column.topValues(options.topValues ?? DEFAULT_TOP_VALUES);
  if (top.length > 0) stats.topValues = top.map(({ value, count }) => ({ value, count }));
  return stats;
}

/** The table's row count and column names, and each column's statistics, as the checks take them. */
export function profileStats(
  profile: Profile,
  options: ColumnStatsOptions = {},
): { table: TableStats; stats: Map<string, ColumnStats> } {
  return {
    table: { rows: profile.rows, columns: profile.columns.map((column) => column.name) },
    stats: new Map(profile.columns.map((column) => [column.name, columnStatsOf(column, options)])),
  };
}
