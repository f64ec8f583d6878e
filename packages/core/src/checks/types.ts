import type { DriftTest } from '../report/types.js';
import type { RowCondition } from './condition.js';

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
  | (RowCheckOf<'between'> & { bounds: Bounds; datetime: boolean; mixedTypes?: MixedTypes })
  | (RowCheckOf<'in_set' | 'not_in_set'> & { values: SetValue[] })
  | (RowCheckOf<'regex' | 'not_regex'> & { pattern: RegExp })
  | (RowCheckOf<'unique'> & { numeric: boolean });

interface RowCheckOf<K extends string> extends CheckBase {
  kind: K;
  column: string;
  /** Share of checked values that must pass (GX's `mostly`); 1 = all. */
  mostly: number;
}

/**
 * What a value of another type than the bounds does to a check: by default it fails the value
 * (`between`) or is left out (statistics); with `error` the check cannot be decided, as Great
 * Expectations refuses to compare mixed types.
 */
export type MixedTypes = 'error';

/** A statistic of one column's values, read from `ColumnStats`. */
export type ColumnStatistic = 'mean' | 'median' | 'quantile' | 'min' | 'max' | 'stdev';

/** How a quantile between two values is read, as numpy's and pandas' `method`/`interpolation`. */
export const QUANTILE_METHODS = ['linear', 'lower', 'higher', 'midpoint', 'nearest'] as const;
export type QuantileMethod = (typeof QUANTILE_METHODS)[number];

/** Checks decided from whole-column or whole-table statistics. */
export type AggregateCheck =
  | (CheckBase & { kind: 'column_exists'; column: string; index?: number })
  | (CheckBase & { kind: 'max_null_fraction'; column: string; max: number })
  | (CheckBase & {
      kind: 'statistic';
      column: string;
      statistic: ColumnStatistic;
      q?: number;
      bounds: Bounds;
      /** Bounds are instants (ms since the epoch) and the statistic is read over datetime values. */
      datetime?: boolean;
      mixedTypes?: MixedTypes;
    })
  | (CheckBase & {
      kind: 'quantiles';
      column: string;
      quantiles: { q: number; bounds: Bounds }[];
      method: QuantileMethod;
    })
  | (CheckBase & {
      kind: 'column_type';
      column: string;
      type: ValueType;
      /** The type as the suite wrote it (`int64`, `VARCHAR`), for the report. */
      written: string;
      mostly: number;
    })
  | (CheckBase & { kind: 'row_count'; bounds: Bounds })
  | (CheckBase & { kind: 'columns_match'; columns: string[] | null; exact: boolean })
  | (CheckBase & { kind: 'unexpected_columns'; listed: string[]; severity: 'error' | 'warn' });

interface CheckBase {
  /** Name shown in the report (`between`, or the GX expectation type). */
  name: string;
  /** A column whose absence means "nothing to check" rather than a failure (`required: false`). */
  optional?: boolean;
  /** Only the rows this selects are checked (GX `row_condition`). */
  where?: RowCondition;
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

/** An aggregate check judged on the rows a condition selects: the row pass collects their statistics. */
export type ConditionedCheck = Extract<AggregateCheck, { kind: ConditionedKind }> & { where: RowCondition };

type ConditionedKind = 'max_null_fraction' | 'statistic' | 'quantiles' | 'column_type' | 'row_count';

/** Checks the row pass (`RowChecker`) must see: row-level checks and aggregate checks with a row condition. */
export type PassCheck = RowCheck | ConditionedCheck;

export function isPassCheck(check: Check): check is PassCheck {
  return isRowCheck(check) || (check.where !== undefined && CONDITIONED_KINDS.has(check.kind));
}

/** Aggregate checks a row condition changes; a table's or column's presence does not depend on rows. */
const CONDITIONED_KINDS: ReadonlySet<Check['kind']> = new Set<ConditionedKind>([
  'max_null_fraction',
  'statistic',
  'quantiles',
  'column_type',
  'row_count',
]);

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
  /** The q-quantile (0..1) of the numeric values (`method` as numpy's; a sketch may not honour it). */
  quantile?(q: number, method?: QuantileMethod): number;
  /** Earliest and latest datetime value, in ms since the epoch; absent when there is none. */
  minTime?: number;
  maxTime?: number;
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
