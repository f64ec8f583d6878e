import { describe, it, expect } from '@jest/globals';
import { loadCheckSuite, loadGxSuite } from '../../src/checks/index.js';
import { UserError } from '../../src/errors.js';
import { byName, runChecks } from './run.js';

const CSV = `id,amount,status,code
1,10,ok,AB12
2,,ok,xxAB34
3,30,bad,
4,40,ok,CD56
4,50,,ZZ
`;

/** The same expectations written in the GX 1.x and 0.x formats. */
function suites(expectations: { type: string; kwargs: Record<string, unknown> }[]) {
  return {
    '1.x': JSON.stringify({ name: 'suite', expectations: expectations.map((e) => ({ ...e, meta: {} })) }),
    '0.x': JSON.stringify({
      expectation_suite_name: 'suite',
      expectations: expectations.map(({ type, kwargs }) => ({ expectation_type: type, kwargs, meta: {} })),
    }),
  };
}

function errorOf(text: string): UserError {
  try {
    loadGxSuite(text, 'suite.json');
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error('expected a UserError');
}

describe.each(['1.x', '0.x'] as const)('Great Expectations %s suites', (version) => {
  async function run(expectations: { type: string; kwargs: Record<string, unknown> }[]) {
    const { checks } = loadCheckSuite(suites(expectations)[version], 'suite.json');
    return runChecks(CSV, checks);
  }

  it('leaves nulls out of map expectations and applies mostly to the non-null share', async () => {
    const results = await run([
      {
        type: 'expect_column_values_to_be_between',
        kwargs: { column: 'amount', min_value: 0, max_value: 35, mostly: 0.5 },
      },
      { type: 'expect_column_values_to_be_in_set', kwargs: { column: 'status', value_set: ['ok'], mostly: 0.8 } },
      { type: 'expect_column_values_to_not_be_null', kwargs: { column: 'amount', mostly: 0.8 } },
      { type: 'expect_column_values_to_be_null', kwargs: { column: 'code' } },
    ]);
    // 2 of the 4 non-null amounts exceed 35: 50% pass, which meets mostly 0.5.
    expect(byName(results, 'expect_column_values_to_be_between')).toMatchObject({
      status: 'pass',
      unexpectedCount: 2,
      unexpectedFraction: 0.5,
    });
    // 1 of 4 non-null statuses is unexpected: 75% < 80%.
    expect(byName(results, 'expect_column_values_to_be_in_set')).toMatchObject({
      status: 'fail',
      unexpectedFraction: 0.25,
    });
    // The null checks count over all rows: 1 null of 5 is exactly 80% non-null.
    expect(byName(results, 'expect_column_values_to_not_be_null')).toMatchObject({
      status: 'pass',
      unexpectedFraction: 0.2,
    });
    expect(byName(results, 'expect_column_values_to_be_null')).toMatchObject({ status: 'fail', unexpectedCount: 4 });
  });

  it('honours strict_min and strict_max, and treats a null bound as unbounded', async () => {
    const results = await run([
      {
        type: 'expect_column_values_to_be_between',
        kwargs: { column: 'amount', min_value: 10, max_value: null, strict_min: true },
      },
      { type: 'expect_column_max_to_be_between', kwargs: { column: 'amount', max_value: 50, strict_max: true } },
      { type: 'expect_column_min_to_be_between', kwargs: { column: 'amount', min_value: 10 } },
    ]);
    expect(byName(results, 'expect_column_values_to_be_between')).toMatchObject({
      status: 'fail',
      unexpectedCount: 1,
      examples: [{ line: 2, value: '10' }],
    });
    expect(byName(results, 'expect_column_max_to_be_between')).toMatchObject({ status: 'fail', observed: 50 });
    expect(byName(results, 'expect_column_min_to_be_between')).toMatchObject({ status: 'pass', observed: 10 });
  });

  it('searches with regexes rather than matching whole values', async () => {
    const results = await run([
      { type: 'expect_column_values_to_match_regex', kwargs: { column: 'code', regex: '[A-Z]{2}\\d{2}' } },
      { type: 'expect_column_values_to_not_match_regex', kwargs: { column: 'code', regex: '^x' } },
    ]);
    // xxAB34 contains AB34, so only ZZ fails the search; a full match would also reject xxAB34.
    expect(byName(results, 'expect_column_values_to_match_regex')).toMatchObject({
      unexpectedCount: 1,
      examples: [{ line: 6, value: 'ZZ' }],
    });
    expect(byName(results, 'expect_column_values_to_not_match_regex')).toMatchObject({
      unexpectedCount: 1,
      examples: [{ line: 3, value: 'xxAB34' }],
    });
  });

  it('evaluates uniqueness, types, sets, statistics, row counts and the column set', async () => {
    const results = await run([
      { type: 'expect_column_to_exist', kwargs: { column: 'status' } },
      { type: 'expect_column_values_to_be_unique', kwargs: { column: 'id' } },
      { type: 'expect_column_values_to_be_of_type', kwargs: { column: 'amount', type_: 'int64' } },
      { type: 'expect_column_values_to_not_be_in_set', kwargs: { column: 'status', value_set: ['bad'] } },
      { type: 'expect_column_mean_to_be_between', kwargs: { column: 'amount', min_value: 32, max_value: 33 } },
      { type: 'expect_column_median_to_be_between', kwargs: { column: 'amount', min_value: 35, max_value: 35 } },
      { type: 'expect_column_stdev_to_be_between', kwargs: { column: 'amount', max_value: 10 } },
      { type: 'expect_table_row_count_to_be_between', kwargs: { min_value: 5, max_value: 5 } },
      { type: 'expect_table_columns_to_match_set', kwargs: { column_set: ['id', 'amount'], exact_match: false } },
      { type: 'expect_table_columns_to_match_set', kwargs: { column_set: ['id', 'amount', 'status', 'other'] } },
    ]);
    const statuses = results.map((r) => [r.check, r.status]);
    expect(statuses).toEqual([
      ['expect_column_to_exist', 'pass'],
      ['expect_column_values_to_be_unique', 'fail'],
      ['expect_column_values_to_be_of_type', 'pass'],
      ['expect_column_values_to_not_be_in_set', 'fail'],
      ['expect_column_mean_to_be_between', 'pass'],
      ['expect_column_median_to_be_between', 'pass'],
      ['expect_column_stdev_to_be_between', 'fail'],
      ['expect_table_row_count_to_be_between', 'pass'],
      ['expect_table_columns_to_match_set', 'pass'],
      ['expect_table_columns_to_match_set', 'fail'],
    ]);
    expect(results[1]).toMatchObject({ unexpectedCount: 2, unexpectedFraction: 0.4 });
    expect(results[9]?.message).toBe('columns do not match: missing other; unexpected code');
    // Sample standard deviation of 10, 30, 40, 50.
    expect(results[6]?.observed).toBeCloseTo(Math.sqrt(875 / 3), 10);
  });

  it('fails a map expectation on a column the data lacks', async () => {
    const results = await run([{ type: 'expect_column_values_to_not_be_null', kwargs: { column: 'nope' } }]);
    expect(results).toEqual([expect.objectContaining({ check: 'column_exists', column: 'nope', status: 'fail' })]);
  });
});

describe('Great Expectations suite errors', () => {
  it('skips an unsupported expectation, naming it, its index and its position', () => {
    const text = `{
  "expectations": [
    { "type": "expect_column_to_exist", "kwargs": { "column": "a" } },
    { "type": "expect_column_pair_values_to_be_equal", "kwargs": { "column_A": "a", "column_B": "b" } }
  ]
}`;
    const suite = loadGxSuite(text, 'suite.json');
    expect(suite.checks.map((check) => check.name)).toEqual(['expect_column_to_exist']);
    expect(suite.skipped).toEqual([
      {
        index: 1,
        type: 'expect_column_pair_values_to_be_equal',
        reason: 'is not supported by mlgate',
        location: { file: 'suite.json', line: 4, column: 5, path: 'expectations[1]' },
      },
    ]);
  });

  it('refuses keyword arguments that would change the meaning, and bad values', () => {
    const suite = (kwargs: Record<string, unknown>, type = 'expect_column_values_to_be_between') =>
      JSON.stringify({ expectations: [{ expectation_type: type, kwargs }] });
    expect(errorOf(suite({ column: 'a', min_value: 1, row_condition: 'b>1' })).toString()).toMatch(
      /^suite\.json:1:\d+: expectations\[0\]\.kwargs\.row_condition: needs "condition_parser": "pandas"/,
    );
    expect(errorOf(suite({ column: 'a', min_value: 1, mostyl: 0.5 })).message).toBe(
      '"mostyl" is not an argument of expect_column_values_to_be_between (it takes column, mostly, parse_strings_as_datetimes, allow_cross_type_comparisons, min_value, max_value, strict_min, strict_max)',
    );
    expect(errorOf(suite({ column: 'a' })).message).toBe('needs "min_value" or "max_value"');
    expect(errorOf(suite({ column: 'a', min_value: 1, mostly: 2 })).message).toBe(
      '"mostly" must be a number between 0 and 1',
    );
    expect(errorOf(suite({ column: 'a', regex: '(' }, 'expect_column_values_to_match_regex')).message).toMatch(
      /^invalid regular expression/,
    );
    expect(errorOf('{"expectations": [42]}').message).toBe('must be a mapping with "type" and "kwargs"');
  });

  it('translates Python regex syntax and ignores reporting-only keyword arguments', async () => {
    const { checks } = loadCheckSuite(
      JSON.stringify({
        expectations: [
          {
            type: 'expect_column_values_to_match_regex',
            kwargs: {
              column: 'code',
              regex: '(?i)\\A(?P<p>[a-z])(?P=p)',
              result_format: 'COMPLETE',
              catch_exceptions: true,
            },
          },
        ],
      }),
      'suite.json',
    );
    const [result] = await runChecks(CSV, checks);
    // Case-insensitive, anchored at the start, first letter repeated: xxAB34 and ZZ match.
    expect(result).toMatchObject({ unexpectedCount: 2 });
  });
});
