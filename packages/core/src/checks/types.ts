import type { DriftTest } from '../report/types.js';

/** What a column's values must read as. */
export const VALUE_TYPES = ['integer', 'number', 'string', 'boolean', 'datetime'] as const;
export type ValueType = (typeof VALUE_TYPES)[number];

/** A value in an allowed (or forbidden) set, as the schema or suite wrote it. */
export type SetValue = string | number | boolean;

/** A bound on values: a number, or (for datetime columns) an instant in ms since the epoch. */
export interface Bounds {
  min?: number;
  max?: number;
  strictMin: boolean;
  strictMax: boolean;
}

/** A parsed data schema (`schema.yml`), defaults applied. */
export interface DataSchema {
  /** In the order written. */
  columns: ColumnSchema[];
  rows?: { min?: number; max?: number };
  unexpectedColumns: 'error' | 'warn' | 'ignore';
}

export interface ColumnSchema {
  name: string;
  type?: ValueType;
  required: boolean;
  nullable: boolean;
  maxNullFraction?: number;
  /** Value bounds; datetime bounds are already converted to ms since the epoch. */
  bounds?: Bounds;
  allowed?: SetValue[];
  regex?: string;
  unique: boolean;
  mean?: Bounds;
  quantiles: { q: number; bounds: Bounds }[];
  /** Share of checked values that must pass each row-level check (1 = all). */
  mostly: number;
  /** Kept for drift detection; not a check. */
  drift?: { test?: DriftTest; threshold?: number };
}

/** Checks evaluated value by value while the data streams past (`RowChecker`). */
export type RowCheck =
  | RowCheckOf<'not_null'>
  | RowCheckOf<'null'>
  | (RowCheckOf<'type'> & { type: ValueType })
  | (RowCheckOf<'between'> & { bounds: Bounds; datetime: boolean })
  | (RowCheckOf<'in_set' | 'not_in_set'> & { values: SetValue[] })
  | (RowCheckOf<'regex' | 'not_regex'> & { pattern: RegExp })
  | (RowCheckOf<'unique'> & { numeric: boolean });

interface RowCheckOf<K extends string> extends CheckBase {
  kind: K;
  column: string;
  /** Share of checked values that must pass (GX's `mostly`); 1 = all. */
  mostly: number;
}

/** A statistic of one column's values, read from `ColumnStats`. */
export type ColumnStatistic = 'mean' | 'median' | 'quantile' | 'min' | 'max' | 'stdev';

/** Checks decided from whole-column or whole-table statistics. */
export type AggregateCheck =
  | (CheckBase & { kind: 'column_exists'; column: string })
  | (CheckBase & { kind: 'max_null_fraction'; column: string; max: number })
  | (CheckBase & { kind: 'statistic'; column: string; statistic: ColumnStatistic; q?: number; bounds: Bounds })
  | (CheckBase & { kind: 'row_count'; bounds: Bounds })
  | (CheckBase & { kind: 'columns_match'; columns: string[]; exact: boolean })
  | (CheckBase & { kind: 'unexpected_columns'; listed: string[]; severity: 'error' | 'warn' });

interface CheckBase {
  /** Name shown in the report (`between`, or the GX expectation type). */
  name: string;
  /** A column whose absence means "nothing to check" rather than a failure (`required: false`). */
  optional?: boolean;
}

export type Check = RowCheck | AggregateCheck;

export const ROW_CHECK_KINDS: ReadonlySet<Check['kind']> = new Set([
  'not_null',
  'null',
  'type',
  'between',
  'in_set',
  'not_in_set',
  'regex',
  'not_regex',
  'unique',
]);

export function isRowCheck(check: Check): check is RowCheck {
  return ROW_CHECK_KINDS.has(check.kind);
}

/**
 * What aggregate checks need to know about one column; any profile can be adapted to it.
 * Statistics are over the non-null numeric values; absent when there are none.
 */
export interface ColumnStats {
  /** Rows seen, nulls included. */
  count: number;
  nulls: number;
  min?: number;
  max?: number;
  mean?: number;
  /** Sample standard deviation (n − 1), as GX and pandas compute it. */
  stdev?: number;
  /** The q-quantile (0..1) of the numeric values. */
  quantile?(q: number): number;
  /** Distinct non-null values (may be an estimate). */
  distinct?: number;
  /** How many non-null values read as each type; a value reads as exactly one type (integer before number). */
  typeCounts?: Partial<Record<ValueType, number>>;
  /** Most frequent non-null values as text, with counts; complete when their counts sum to count − nulls. */
  topValues?: { value: string; count: number }[];
}

export interface TableStats {
  rows: number;
  columns: readonly string[];
}
