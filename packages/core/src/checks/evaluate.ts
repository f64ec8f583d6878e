import type { CheckResult } from '../report/types.js';
import { describeBounds, describeNames, formatNumber, formatPercent } from './describe.js';
import { type RowOutcome, describeRowCheck } from './row-checker.js';
import type { AggregateCheck, Check, ColumnStats, RowCheck, TableStats } from './types.js';
import { isRowCheck } from './types.js';
import { withinBounds } from './values.js';

export interface CheckInputs {
  /** From `RowChecker.finish()` over the same checks. */
  rows: readonly RowOutcome[];
  table: TableStats;
  /** Statistics of each column present in the data, by name. */
  stats: ReadonlyMap<string, ColumnStats>;
}

/**
 * Results of all checks, in the order given. A check on a column the data lacks is not evaluated:
 * the column's absence is reported once, by its `column_exists` check or, when there is none, by a
 * failing one added in its place; a column marked optional (`required: false`) is simply skipped.
 */
export function evaluateChecks(checks: readonly Check[], { rows, table, stats }: CheckInputs): CheckResult[] {
  const present = new Set(table.columns);
  const outcomes = new Map(rows.map((outcome) => [outcome.check, outcome]));
  const reportedMissing = new Set(
    checks.filter((check) => check.kind === 'column_exists' && !present.has(check.column)).map((c) => columnOf(c)),
  );
  const results: CheckResult[] = [];
  for (const check of checks) {
    const column = columnOf(check);
    if (column !== undefined && !present.has(column) && check.kind !== 'column_exists') {
      if (check.optional || reportedMissing.has(column)) continue;
      reportedMissing.add(column);
      results.push(missingColumn(column));
      continue;
    }
    if (isRowCheck(check)) {
      const outcome = outcomes.get(check);
      if (!outcome) throw new Error(`no row outcome for the ${check.name} check on ${check.column}`);
      results.push(rowResult(outcome));
    } else {
      results.push(aggregateResult(check, table, column === undefined ? undefined : stats.get(column)));
    }
  }
  return results;
}

function columnOf(check: Check): string | undefined {
  return 'column' in check ? check.column : undefined;
}

function missingColumn(column: string): CheckResult {
  return {
    check: 'column_exists',
    column,
    status: 'fail',
    message: `column ${column} is missing`,
    observed: false,
    expected: 'present',
  };
}

function rowResult({ check, checked, unexpected, examples, undecided }: RowOutcome): CheckResult {
  const base = { check: check.name, column: check.column, expected: describeRowCheck(check) };
  if (undecided) return { ...base, status: 'fail', message: `could not be checked: ${undecided}` };
  const fraction = checked === 0 ? 0 : unexpected / checked;
  // As in GX: the check passes when the share of passing values reaches `mostly`; no values is a pass.
  const passed = checked === 0 || (checked - unexpected) / checked >= check.mostly;
  const what = check.kind === 'not_null' || check.kind === 'null' ? 'values' : 'non-null values';
  const failing = `${unexpected} of ${checked} ${what} (${formatPercent(fraction)}) ${failureVerb(check)}`;
  const message =
    unexpected === 0
      ? `all ${checked} ${what} pass`
      : passed
        ? `${failing}, within the allowed ${formatPercent(1 - check.mostly)}`
        : failing;
  return {
    ...base,
    status: passed ? 'pass' : 'fail',
    message,
    unexpectedCount: unexpected,
    unexpectedFraction: fraction,
    ...(examples.length > 0 ? { examples: examples.map((example) => ({ ...example })) } : {}),
  };
}

function failureVerb(check: RowCheck): string {
  switch (check.kind) {
    case 'not_null':
      return 'are null';
    case 'null':
      return 'are not null';
    case 'type':
      return `are not ${check.type === 'integer' ? 'an integer' : `a ${check.type}`}`;
    case 'between':
      return `are not ${describeBounds(check.bounds, check.datetime)}`;
    case 'in_set':
      return 'are not in the allowed set';
    case 'not_in_set':
      return 'are in the forbidden set';
    case 'regex':
      return 'do not match the pattern';
    case 'not_regex':
      return 'match the forbidden pattern';
    case 'unique':
      return 'are duplicated';
  }
}

function aggregateResult(check: AggregateCheck, table: TableStats, stats: ColumnStats | undefined): CheckResult {
  switch (check.kind) {
    case 'column_exists': {
      const found = table.columns.includes(check.column);
      return {
        check: check.name,
        column: check.column,
        status: found ? 'pass' : 'fail',
        message: found ? `column ${check.column} is present` : `column ${check.column} is missing`,
        observed: found,
        expected: 'present',
      };
    }
    case 'max_null_fraction': {
      const count = stats?.count ?? 0;
      const fraction = count === 0 ? 0 : (stats?.nulls ?? 0) / count;
      const passed = fraction <= check.max;
      return {
        check: check.name,
        column: check.column,
        status: passed ? 'pass' : 'fail',
        message: `${formatPercent(fraction)} of values are null (at most ${formatPercent(check.max)} allowed)`,
        observed: fraction,
        expected: `≤ ${formatNumber(check.max)}`,
      };
    }
    case 'statistic':
      return statisticResult(check, stats);
    case 'row_count': {
      const passed = withinBounds(table.rows, check.bounds);
      const expected = describeBounds(check.bounds);
      return {
        check: check.name,
        status: passed ? 'pass' : 'fail',
        message: `${table.rows} rows${passed ? '' : `, expected ${expected}`}`,
        observed: table.rows,
        expected,
      };
    }
    case 'columns_match':
      return columnsMatchResult(check, table);
    case 'unexpected_columns': {
      const listed = new Set(check.listed);
      const extra = table.columns.filter((column) => !listed.has(column));
      return {
        check: check.name,
        status: extra.length === 0 ? 'pass' : check.severity === 'warn' ? 'warn' : 'fail',
        message:
          extra.length === 0
            ? 'no unexpected columns'
            : `${extra.length} column${extra.length === 1 ? '' : 's'} not in the schema: ${describeNames(extra)}`,
        observed: extra.length,
        expected: 'only the columns in the schema',
      };
    }
  }
}

function statisticResult(
  check: Extract<AggregateCheck, { kind: 'statistic' }>,
  stats: ColumnStats | undefined,
): CheckResult {
  const label = check.statistic === 'quantile' ? `quantile ${check.q}` : check.statistic;
  const value = statisticOf(check, stats);
  const expected = describeBounds(check.bounds);
  const base = { check: check.name, column: check.column, expected };
  if (value === undefined || Number.isNaN(value)) {
    return {
      ...base,
      status: 'fail',
      message: `${label} is undefined: the column has no numeric values`,
      observed: null,
    };
  }
  const passed = withinBounds(value, check.bounds);
  return {
    ...base,
    status: passed ? 'pass' : 'fail',
    message: `${label} is ${formatNumber(value)}${passed ? '' : `, expected ${expected}`}`,
    observed: value,
  };
}

function statisticOf(check: Extract<AggregateCheck, { kind: 'statistic' }>, stats: ColumnStats | undefined) {
  if (!stats) return undefined;
  switch (check.statistic) {
    case 'mean':
      return stats.mean;
    case 'stdev':
      return stats.stdev;
    case 'min':
      return stats.min;
    case 'max':
      return stats.max;
    case 'median':
      return stats.quantile?.(0.5);
    case 'quantile':
      return stats.quantile?.(check.q ?? 0.5);
  }
}

function columnsMatchResult(check: Extract<AggregateCheck, { kind: 'columns_match' }>, table: TableStats): CheckResult {
  const actual = new Set(table.columns);
  const wanted = new Set(check.columns);
  const missing = check.columns.filter((column) => !actual.has(column));
  const extra = table.columns.filter((column) => !wanted.has(column));
  // Without exact_match, GX accepts extra columns as long as none of the listed ones is missing.
  const passed = missing.length === 0 && (!check.exact || extra.length === 0);
  const problems = [
    ...(missing.length > 0 ? [`missing ${describeNames(missing)}`] : []),
    ...(extra.length > 0 && check.exact ? [`unexpected ${describeNames(extra)}`] : []),
  ];
  return {
    check: check.name,
    status: passed ? 'pass' : 'fail',
    message: passed ? 'columns match' : `columns do not match: ${problems.join('; ')}`,
    observed: table.columns.length,
    expected: `${check.exact ? 'exactly' : 'at least'} ${describeNames(check.columns)}`,
  };
}
