import { ColumnProfile } from '../profile/column.js';
import type { CheckResult } from '../report/types.js';
import { columnStatsOf } from '../validate/column-stats.js';
import { describeBounds, describeNames, formatNumber, formatPercent } from './describe.js';
import { type RowOutcome, describeRowCheck } from './row-checker.js';
import type { AggregateCheck, Check, ColumnStats, ConditionedCheck, RowCheck, TableStats, ValueType } from './types.js';
import { isPassCheck, isRowCheck } from './types.js';
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
 * An aggregate check with a row condition is judged on the statistics of the rows it selects.
 */
export function evaluateChecks(checks: readonly Check[], { rows, table, stats }: CheckInputs): CheckResult[] {
  const present = new Set(table.columns);
  const outcomes = new Map<Check, RowOutcome>(rows.map((outcome) => [outcome.check, outcome]));
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
    if (!isPassCheck(check)) {
      results.push(aggregateResult(check, table, column === undefined ? undefined : stats.get(column)));
      continue;
    }
    const outcome = outcomes.get(check);
    if (!outcome) throw new Error(`no row outcome for the ${check.name} check${column ? ` on ${column}` : ''}`);
    const unknown = check.where?.columns.find((name) => !present.has(name));
    if (unknown !== undefined) {
      results.push({
        check: check.name,
        ...(column !== undefined && { column }),
        status: 'fail',
        message: `could not be checked: row_condition ${JSON.stringify(check.where!.text)} names column ${unknown}, which the data does not have`,
      });
    } else if (isRowCheck(check)) results.push(rowResult(outcome as RowOutcome & { check: RowCheck }));
    else results.push(conditionedResult(check, outcome, table));
  }
  return results;
}

/** An aggregate check over the rows its condition selected, from the row pass's count or column profile. */
function conditionedResult(check: ConditionedCheck, outcome: RowOutcome, table: TableStats): CheckResult {
  if (outcome.undecided !== undefined) {
    return {
      check: check.name,
      ...('column' in check && { column: check.column }),
      status: 'fail',
      message: `could not be checked: ${outcome.undecided}`,
    };
  }
  const subset = outcome.subset ? columnStatsOf(ColumnProfile.fromJSON(outcome.subset, 'subset')) : undefined;
  const selected = { rows: outcome.checked, columns: table.columns };
  return aggregateResult(check, selected, subset);
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

function rowResult({ check, checked, unexpected, examples, undecided }: RowOutcome & { check: RowCheck }): CheckResult {
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
    case 'column_exists':
      return columnExistsResult(check, table);
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
    case 'quantiles':
      return quantilesResult(check, stats);
    case 'column_type':
      return columnTypeResult(check, stats);
    case 'row_count': {
      const passed = withinBounds(table.rows, check.bounds);
      const expected = describeBounds(check.bounds);
      return {
        check: check.name,
        status: passed ? 'pass' : 'fail',
        message: `${table.rows} rows${passed ? '' : `, expected ${expected}`}`,
        observed: table.rows,
        observed_value: table.rows,
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

function columnExistsResult(check: Extract<AggregateCheck, { kind: 'column_exists' }>, table: TableStats): CheckResult {
  const at = table.columns.indexOf(check.column);
  const base = { check: check.name, column: check.column, observed: at >= 0 };
  if (at < 0) {
    return { ...base, status: 'fail', message: `column ${check.column} is missing`, expected: 'present' };
  }
  if (check.index === undefined) {
    return { ...base, status: 'pass', message: `column ${check.column} is present`, expected: 'present' };
  }
  // GX counts columns from 0, as pandas does.
  const passed = at === check.index;
  return {
    ...base,
    status: passed ? 'pass' : 'fail',
    message: `column ${check.column} is at index ${at}${passed ? '' : `, expected ${check.index}`} (counting from 0)`,
    expected: `present at index ${check.index}`,
  };
}

function statisticResult(
  check: Extract<AggregateCheck, { kind: 'statistic' }>,
  stats: ColumnStats | undefined,
): CheckResult {
  const label = check.statistic === 'quantile' ? `quantile ${check.q}` : check.statistic;
  const datetime = check.datetime ?? false;
  const expected = describeBounds(check.bounds, datetime);
  const base = { check: check.name, column: check.column, expected };
  const problem = check.mixedTypes === 'error' && stats ? mixedTypes(stats, domainOf(check, stats)) : undefined;
  if (problem) {
    return {
      ...base,
      status: 'fail',
      message: `could not be checked: ${problem}`,
      observed: null,
      observed_value: null,
    };
  }
  const value = statisticOf(check, stats);
  if (value === undefined || Number.isNaN(value)) {
    const none = datetime ? 'dates' : 'numeric values';
    return {
      ...base,
      status: 'fail',
      message: `${label} is undefined: the column has no ${none}`,
      observed: null,
      observed_value: null,
    };
  }
  const passed = withinBounds(value, check.bounds);
  const shown = datetime || domainOf(check, stats!) === 'datetime' ? new Date(value).toISOString() : value;
  return {
    ...base,
    status: passed ? 'pass' : 'fail',
    message: `${label} is ${typeof shown === 'string' ? shown : formatNumber(shown)}${passed ? '' : `, expected ${expected}`}`,
    observed: shown,
    observed_value: shown,
  };
}

type Domain = 'number' | 'datetime' | 'boolean';

/**
 * The values a statistic is read over: dates when its bounds are dates (or, for an unbounded
 * min or max, when the column holds only dates), booleans as 0/1 for the mean of a boolean
 * column (as pandas computes it), numbers otherwise.
 */
function domainOf(check: Extract<AggregateCheck, { kind: 'statistic' }>, stats: ColumnStats): Domain {
  if (check.datetime) return 'datetime';
  const counts = stats.typeCounts;
  const nonNull = stats.count - stats.nulls;
  if (!counts || nonNull === 0 || check.mixedTypes !== 'error') return 'number';
  const bounded = check.bounds.min !== undefined || check.bounds.max !== undefined;
  if ((check.statistic === 'min' || check.statistic === 'max') && !bounded && counts.datetime === nonNull) {
    return 'datetime';
  }
  if (check.statistic === 'mean' && counts.boolean === nonNull) return 'boolean';
  return 'number';
}

/** Why a statistic over `domain` cannot be read: some non-null values are of another type. */
function mixedTypes(stats: ColumnStats, domain: Domain): string | undefined {
  const counts = stats.typeCounts;
  if (!counts) return undefined;
  const nonNull = stats.count - stats.nulls;
  const fitting =
    domain === 'datetime'
      ? (counts.datetime ?? 0)
      : domain === 'boolean'
        ? (counts.boolean ?? 0)
        : (counts.integer ?? 0) + (counts.number ?? 0);
  const others = nonNull - fitting;
  if (others === 0) return undefined;
  const what = domain === 'datetime' ? 'dates' : 'numbers';
  return `${others} of ${nonNull} values are not ${what} (Great Expectations does not compare mixed types)`;
}

function statisticOf(check: Extract<AggregateCheck, { kind: 'statistic' }>, stats: ColumnStats | undefined) {
  if (!stats) return undefined;
  const domain = domainOf(check, stats);
  if (domain === 'datetime') {
    if (check.statistic === 'min') return stats.minTime;
    if (check.statistic === 'max') return stats.maxTime;
    return undefined;
  }
  if (domain === 'boolean') return trueShare(stats);
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
      return stats.quantile?.(0.5, 'linear');
    case 'quantile':
      return stats.quantile?.(check.q ?? 0.5);
  }
}

/** The share of `true` among a boolean column's values, when its value counts are complete. */
function trueShare(stats: ColumnStats): number | undefined {
  const nonNull = stats.count - stats.nulls;
  const top = stats.topValues ?? [];
  if (nonNull === 0 || top.reduce((sum, { count }) => sum + count, 0) !== nonNull) return undefined;
  return top.filter(({ value }) => value.toLowerCase() === 'true').reduce((sum, { count }) => sum + count, 0) / nonNull;
}

function quantilesResult(check: Extract<AggregateCheck, { kind: 'quantiles' }>, stats: ColumnStats | undefined) {
  const quantiles = check.quantiles.map(({ q }) => q);
  const expected = check.quantiles.map(({ q, bounds }) => `q${q} ${describeBounds(bounds)}`).join(', ');
  const base = { check: check.name, column: check.column, expected };
  const problem = stats ? mixedTypes(stats, 'number') : undefined;
  const quantile = stats?.quantile;
  if (problem || !quantile) {
    return {
      ...base,
      status: 'fail' as const,
      message: problem
        ? `could not be checked: ${problem}`
        : 'quantiles are undefined: the column has no numeric values',
      observed_value: { quantiles, values: quantiles.map(() => null) },
    };
  }
  const values = check.quantiles.map(({ q }) => quantile(q, check.method));
  // As GX: a value within a relative 1e-4 of a bound counts as on it (numpy.isclose, atol 1e-8).
  const close = (a: number, b: number | undefined) => b !== undefined && Math.abs(a - b) <= 1e-8 + 1e-4 * Math.abs(b);
  const failing = check.quantiles.filter(
    ({ bounds }, i) =>
      !(withinBounds(values[i]!, bounds) || close(values[i]!, bounds.min) || close(values[i]!, bounds.max)),
  );
  const shown = check.quantiles.map(({ q }, i) => `q${q} = ${formatNumber(values[i]!)}`).join(', ');
  return {
    ...base,
    status: failing.length === 0 ? ('pass' as const) : ('fail' as const),
    message:
      failing.length === 0
        ? shown
        : `${shown}; out of range: ${failing.map(({ q, bounds }) => `q${q} (expected ${describeBounds(bounds)})`).join(', ')}`,
    observed_value: { quantiles, values },
  };
}

/** The pandas dtype a column read by `pandas.read_csv` would get, from what its values read as. */
function dtypeOf(counts: NonNullable<ColumnStats['typeCounts']>, nonNull: number): string {
  const integer = counts.integer ?? 0;
  const number = counts.number ?? 0;
  if (integer === nonNull) return 'int64';
  if (integer + number === nonNull) return 'float64';
  if ((counts.boolean ?? 0) === nonNull) return 'bool';
  if ((counts.datetime ?? 0) === nonNull) return 'datetime64[ns]';
  return 'object';
}

const DTYPE_OF_TYPE: Record<ValueType, string> = {
  integer: 'int64',
  number: 'float64',
  boolean: 'bool',
  datetime: 'datetime64[ns]',
  string: 'object',
};

/**
 * GX's `expect_column_values_to_be_of_type` on pandas: the column's dtype must be the type; only an
 * `object` column (values of several kinds) is checked value by value, against `mostly`.
 */
function columnTypeResult(
  check: Extract<AggregateCheck, { kind: 'column_type' }>,
  stats: ColumnStats | undefined,
): CheckResult {
  const base = { check: check.name, column: check.column, expected: `type ${check.written}` };
  const counts = stats?.typeCounts;
  const nonNull = stats ? stats.count - stats.nulls : 0;
  if (!counts || nonNull === 0) {
    return { ...base, status: 'pass', message: 'no non-null values to check', observed_value: null };
  }
  const dtype = dtypeOf(counts, nonNull);
  if (dtype !== 'object') {
    const passed = dtype === DTYPE_OF_TYPE[check.type];
    return {
      ...base,
      status: passed ? 'pass' : 'fail',
      message: `the column reads as ${dtype}${passed ? '' : `, not ${check.written}`}`,
      observed: dtype,
      observed_value: dtype,
    };
  }
  const unexpected = nonNull - (counts[check.type] ?? 0);
  const fraction = unexpected / nonNull;
  const passed = 1 - fraction >= check.mostly;
  return {
    ...base,
    status: passed ? 'pass' : 'fail',
    message:
      unexpected === 0
        ? `all ${nonNull} values are ${check.written}`
        : `${unexpected} of ${nonNull} values (${formatPercent(fraction)}) are not ${check.written}${
            passed ? `, within the allowed ${formatPercent(1 - check.mostly)}` : ''
          }`,
    observed: dtype,
    observed_value: dtype,
    unexpectedCount: unexpected,
    unexpectedFraction: fraction,
  };
}

function columnsMatchResult(check: Extract<AggregateCheck, { kind: 'columns_match' }>, table: TableStats): CheckResult {
  // GX: no column set matches any columns without exact_match and none with it.
  if (check.columns === null) {
    return {
      check: check.name,
      status: check.exact ? 'fail' : 'pass',
      message: check.exact ? 'no column set to match exactly' : 'no column set: any columns match',
      observed: table.columns.length,
      expected: check.exact ? 'a column set' : 'any columns',
    };
  }
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
