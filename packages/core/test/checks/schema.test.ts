import { describe, it, expect } from '@jest/globals';
import { checksFromSchema, loadDataSchema } from '../../src/checks/index.js';
import { UserError } from '../../src/errors.js';
import { byName, runChecks } from './run.js';

async function validate(schemaYaml: string, csv: string) {
  return runChecks(csv, checksFromSchema(loadDataSchema(schemaYaml, 'schema.yml')));
}

function errorOf(text: string): UserError {
  try {
    loadDataSchema(text, 'schema.yml');
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error('expected a UserError');
}

const PEOPLE = `id,age,country,email,joined,score
1,34,US,a@x.com,2024-01-05,0.5
2,,FR,b@x.com,2024-02-29,0.7
3,51,US,c@y.org,2024-03-01T10:00:00Z,0.9
4,19,DE,d@z.net,2023-12-31,0.6
`;

describe('data schema checks on a CSV', () => {
  it('passes every check the data satisfies', async () => {
    const results = await validate(
      `columns:
  id: { type: integer, nullable: false, unique: true, min: 1, max: 4 }
  age: { type: integer, max_null_fraction: 0.25, min: 18, max: 65, mean: { min: 30, max: 40 } }
  country: { type: string, allowed: [US, FR, DE] }
  joined: { type: datetime, min: "2023-01-01", max: "2024-12-31" }
  score: { type: number, quantiles: { 0.5: { min: 0.6, max: 0.7 } } }
  email: { regex: "@" }
rows: { min: 4, max: 4 }
unexpected_columns: error
`,
      PEOPLE,
    );
    expect(results.filter((r) => r.status !== 'pass')).toEqual([]);
    expect(results.map((r) => r.check)).toContain('quantile');
    expect(byName(results, 'mean', 'age').observed).toBeCloseTo(104 / 3);
  });

  it('fails nullability, type, range, set, regex and uniqueness with counts, fractions and line numbers', async () => {
    const csv = `id,age,country,code
1,34,US,AB-1
1,abc,XX,ab-2
2,,US,CD-3
3,200,FR,
`;
    const results = await validate(
      `columns:
  id: { unique: true, type: integer }
  age: { nullable: false, type: integer, min: 0, max: 120 }
  country: { allowed: [US, FR] }
  code: { regex: "^[A-Z]{2}-" }
`,
      csv,
    );
    const unique = byName(results, 'unique', 'id');
    // GX semantics: every occurrence of a duplicated value is unexpected.
    expect(unique).toMatchObject({ status: 'fail', unexpectedCount: 2, unexpectedFraction: 0.5 });
    // Both occurrences are shown, the first with its own line.
    expect(unique.examples).toEqual([
      { line: 2, value: '1' },
      { line: 3, value: '1' },
    ]);
    expect(byName(results, 'nullable', 'age')).toMatchObject({
      status: 'fail',
      unexpectedCount: 1,
      unexpectedFraction: 0.25,
      examples: [{ line: 4, value: '(null)' }],
    });
    expect(byName(results, 'type', 'age')).toMatchObject({
      status: 'fail',
      unexpectedCount: 1,
      examples: [{ line: 3, value: 'abc' }],
    });
    // Nulls are left out of the denominator of value checks.
    expect(byName(results, 'range', 'age')).toMatchObject({
      status: 'fail',
      unexpectedCount: 2,
      unexpectedFraction: 2 / 3,
    });
    expect(byName(results, 'allowed', 'country')).toMatchObject({
      status: 'fail',
      unexpectedCount: 1,
      examples: [{ line: 3, value: 'XX' }],
    });
    expect(byName(results, 'regex', 'code')).toMatchObject({
      status: 'fail',
      unexpectedCount: 1,
      unexpectedFraction: 1 / 3,
    });
    expect(byName(results, 'type', 'id').status).toBe('pass');
    expect(byName(results, 'range', 'age').message).toBe('2 of 3 non-null values (66.6667%) are not ≥ 0 and ≤ 120');
  });

  it('applies mostly to the row-level checks of a column', async () => {
    const csv = 'x\n1\n2\n3\n4\n5\n6\n7\n8\n9\n100\n';
    const loose = await validate('columns:\n  x: { max: 10, mostly: 0.9 }\n', csv);
    const tight = await validate('columns:\n  x: { max: 10, mostly: 0.95 }\n', csv);
    expect(byName(loose, 'range', 'x')).toMatchObject({ status: 'pass', unexpectedCount: 1 });
    expect(byName(loose, 'range', 'x').message).toContain('within the allowed 10%');
    expect(byName(tight, 'range', 'x').status).toBe('fail');
  });

  it('honours strict bounds', async () => {
    const csv = 'x\n0\n5\n10\n';
    const inclusive = await validate('columns:\n  x: { min: 0, max: 10 }\n', csv);
    const strict = await validate('columns:\n  x: { min: 0, max: 10, strict_min: true, strict_max: true }\n', csv);
    expect(byName(inclusive, 'range', 'x').status).toBe('pass');
    expect(byName(strict, 'range', 'x')).toMatchObject({ status: 'fail', unexpectedCount: 2 });
  });

  it('fails max_null_fraction, mean, quantile and row count from statistics', async () => {
    const results = await validate(
      `columns:
  x: { max_null_fraction: 0.2, mean: { max: 1.5 }, quantiles: { 0.5: { min: 10 } } }
rows: { min: 10 }
`,
      // A blank line is skipped by the reader, so the nulls sit beside a second column.
      'x,y\n1,a\n,b\n3,c\n,d\n',
    );
    expect(byName(results, 'max_null_fraction', 'x')).toMatchObject({ status: 'fail', observed: 0.5 });
    expect(byName(results, 'mean', 'x')).toMatchObject({ status: 'fail', observed: 2 });
    expect(byName(results, 'quantile', 'x')).toMatchObject({
      status: 'fail',
      observed: 2,
      message: 'quantile 0.5 is 2, expected ≥ 10',
    });
    expect(byName(results, 'rows')).toMatchObject({ status: 'fail', observed: 4 });
  });

  it('reports a missing required column once, skips an optional one, and grades unexpected columns', async () => {
    const csv = 'a,extra\n1,2\n';
    const results = await validate(
      `columns:
  a: {}
  gone: { type: integer, nullable: false }
  maybe: { required: false, type: integer }
unexpected_columns: warn
`,
      csv,
    );
    expect(results.filter((r) => r.column === 'gone')).toEqual([
      expect.objectContaining({ check: 'required', status: 'fail', message: 'column gone is missing' }),
    ]);
    expect(results.filter((r) => r.column === 'maybe')).toEqual([]);
    expect(byName(results, 'unexpected_columns')).toMatchObject({
      status: 'warn',
      message: '1 column not in the schema: extra',
    });
    const strict = await validate('columns:\n  a: {}\nunexpected_columns: error\n', csv);
    expect(byName(strict, 'unexpected_columns').status).toBe('fail');
    const ignored = await validate('columns:\n  a: {}\nunexpected_columns: ignore\n', csv);
    expect(ignored.map((r) => r.check)).toEqual(['required']);
  });

  it('checks booleans, datetimes and numbers that allowed sets write differently', async () => {
    const csv = 'flag,when,level\nTrue,2024-02-29,1.0\nfalse,2023-02-29,2\nyes,2024-01-01 12:30,3\n';
    const results = await validate(
      `columns:
  flag: { type: boolean }
  when: { type: datetime }
  level: { allowed: [1, 2] }
`,
      csv,
    );
    expect(byName(results, 'type', 'flag')).toMatchObject({
      unexpectedCount: 1,
      examples: [{ line: 4, value: 'yes' }],
    });
    // 2023 was not a leap year.
    expect(byName(results, 'type', 'when')).toMatchObject({
      unexpectedCount: 1,
      examples: [{ line: 3, value: '2023-02-29' }],
    });
    expect(byName(results, 'allowed', 'level')).toMatchObject({
      unexpectedCount: 1,
      examples: [{ line: 4, value: '3' }],
    });
  });
});

describe('data schema errors', () => {
  it('names an unknown key with file, line, column and key path, and suggests the likely one', () => {
    const error = errorOf('columns:\n  age:\n    type: integer\n    nullabel: false\n');
    expect(error.toString()).toBe(
      'schema.yml:4:5: columns.age: unknown key "nullabel", did you mean "nullable"? (allowed: type, required, nullable, max_null_fraction, min, max, strict_min, strict_max, allowed, regex, unique, mean, quantiles, mostly, drift)',
    );
  });

  it('locates wrong types, min above max, bad regexes, bad dates and bad quantile keys', () => {
    expect(errorOf('columns:\n  a: { type: float }\n').toString()).toBe(
      'schema.yml:2:14: columns.a.type: must be one of integer, number, string, boolean, datetime',
    );
    expect(errorOf('columns:\n  a:\n    max: 1\n    min: 5\n').toString()).toBe(
      'schema.yml:4:5: columns.a: min is greater than max',
    );
    expect(errorOf('columns:\n  a: { regex: "(" }\n').toString()).toMatch(
      /^schema\.yml:2:8: columns\.a: invalid regular expression: /,
    );
    expect(errorOf('columns:\n  a: { type: datetime, min: "yesterday" }\n').toString()).toBe(
      'schema.yml:2:24: columns.a: "yesterday" is not an ISO 8601 date',
    );
    expect(errorOf('columns:\n  a: { min: "2024-01-01" }\n').toString()).toBe(
      'schema.yml:2:8: columns.a: must be a number',
    );
    expect(errorOf('columns:\n  a:\n    quantiles: { 1.5: { min: 1 } }\n').message).toContain(
      'must be a quantile between 0 and 1',
    );
    expect(errorOf('columns:\n  a: { mostly: 0 }\n').message).toBe('must be > 0');
    expect(errorOf('').message).toContain('is empty');
  });

  it('keeps drift settings and defaults in the parsed schema', () => {
    const schema = loadDataSchema('columns:\n  a: { drift: { test: psi, threshold: 0.2 } }\n', 'schema.yml');
    expect(schema).toEqual({
      columns: [
        {
          name: 'a',
          required: true,
          nullable: true,
          unique: false,
          quantiles: [],
          mostly: 1,
          drift: { test: 'psi', threshold: 0.2 },
        },
      ],
      unexpectedColumns: 'warn',
    });
  });
});
