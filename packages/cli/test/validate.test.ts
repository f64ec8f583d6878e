import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseReport } from '@mlgate/core';
import { runCli } from '../src/cli.js';
import { capture } from './capture-io.js';

const SCHEMA = `version: 1
columns:
  id: { type: integer, nullable: false, unique: true }
  price: { type: number, min: 0, max: 100 }
  city: { allowed: [Oslo, Lima, Pune] }
`;

const GX_SUITE = JSON.stringify({
  name: 'orders',
  expectations: [
    { type: 'expect_column_values_to_not_be_null', kwargs: { column: 'id' } },
    { type: 'expect_column_values_to_be_between', kwargs: { column: 'price', min_value: 0, max_value: 100 } },
    { type: 'expect_column_values_to_be_in_set', kwargs: { column: 'city', value_set: ['Oslo', 'Lima'], mostly: 0.9 } },
    { type: 'expect_table_row_count_to_be_between', kwargs: { min_value: 1, max_value: 1000 } },
  ],
});

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mlgate-cli-validate-'));
  const good = ['id,price,city'];
  for (let i = 1; i <= 200; i++) good.push(`${i},${(i % 40) + 0.5},${['Oslo', 'Lima', 'Pune'][i % 3]}`);
  writeFileSync(join(dir, 'good.csv'), `${good.join('\n')}\n`);
  writeFileSync(join(dir, 'bad.csv'), 'id,price,city\n1,10,Oslo\n2,250,Lima\n3,20,Paris\n4,-5,Pune\n5,30,Lima\n');
  writeFileSync(join(dir, 'ragged.csv'), 'id,price,city\n1,10,Oslo\n2,20\n3,30,Lima,x\n4,40,Pune\n');
  writeFileSync(join(dir, 'schema.yml'), SCHEMA);
  writeFileSync(join(dir, 'suite.json'), GX_SUITE);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function readJson(name: string) {
  return JSON.parse(readFileSync(join(dir, name), 'utf8'));
}

describe('mlgate validate', () => {
  it('exits 0 for data that meets its schema and writes a valid report and profile', async () => {
    const c = capture(dir);
    const code = await runCli(
      ['validate', 'good.csv', '--schema', 'schema.yml', '-o', 'good-report.json', '--profile-out', 'good-p.json'],
      c.io,
    );
    expect(code).toBe(0);
    expect(c.out()).toMatch(/^mlgate: PASS - data good\.csv passed \d+ checks/);
    expect(c.out()).toContain('Data "good.csv": PASS (200 rows x 3 columns)');
    const report = parseReport(readJson('good-report.json'), 'good-report.json');
    expect(report.validations?.[0]?.status).toBe('pass');
    expect(readJson('good-p.json')).toMatchObject({ schema: 'mlgate/profile@2', rows: 200 });
  });

  it('exits 1 with the failing checks, their unexpected counts and example lines in the JSON report', async () => {
    const c = capture(dir);
    expect(await runCli(['validate', 'bad.csv', '--schema', 'schema.yml', '--json'], c.io)).toBe(1);
    const report = parseReport(JSON.parse(c.out()), 'stdout');
    const checks = report.validations![0]!.checks;
    const range = checks.find((check) => check.check === 'range')!;
    expect(range).toMatchObject({ column: 'price', status: 'fail', unexpectedCount: 2 });
    expect(range.examples).toEqual([
      { line: 3, value: '250' },
      { line: 5, value: '-5' },
    ]);
    expect(checks.find((check) => check.check === 'allowed')).toMatchObject({
      status: 'fail',
      unexpectedCount: 1,
      examples: [{ line: 4, value: 'Paris' }],
    });
    expect(report.verdict.status).toBe('fail');
    expect(report.verdict.reasons.map((reason) => [reason.rule, reason.column])).toEqual([
      ['range', 'price'],
      ['allowed', 'city'],
    ]);
  });

  it('prints the failures in the terminal summary', async () => {
    const c = capture(dir);
    expect(await runCli(['validate', 'bad.csv', '--schema', 'schema.yml'], c.io)).toBe(1);
    expect(c.out()).toMatch(/^mlgate: FAIL - data bad\.csv: 2 of \d+ checks failed/);
    expect(c.out()).toMatch(/FAIL\s+range\s+price .*line 3: "250", line 5: "-5"/);
  });

  it('applies a Great Expectations suite with mostly', async () => {
    const c = capture(dir);
    expect(await runCli(['validate', 'good.csv', '--schema', 'suite.json', '-o', 'gx.json'], c.io)).toBe(1);
    const checks = readJson('gx.json').validations[0].checks;
    // 67 of the 200 cities are Pune, more than the 10% that mostly: 0.9 allows.
    expect(
      checks.find((check: { check: string }) => check.check === 'expect_column_values_to_be_in_set'),
    ).toMatchObject({ status: 'fail', unexpectedCount: 67, unexpectedFraction: 0.335 });
    expect(checks.filter((check: { status: string }) => check.status === 'pass')).toHaveLength(3);
  });

  it('skips an expectation it cannot evaluate with one warning each, and refuses the suite with --strict', async () => {
    const suite = {
      expectations: [
        { type: 'expect_column_values_to_not_be_null', kwargs: { column: 'id' } },
        { type: 'expect_column_pair_values_to_be_equal', kwargs: { column_A: 'id', column_B: 'price' } },
        { type: 'expect_column_values_to_be_between', kwargs: { column: 'price', min_value: { $PARAMETER: 'low' } } },
      ],
    };
    writeFileSync(join(dir, 'partial.json'), JSON.stringify(suite, null, 2));
    const c = capture(dir);
    expect(await runCli(['validate', 'good.csv', '--schema', 'partial.json', '-o', 'partial-report.json'], c.io)).toBe(
      0,
    );
    expect(c.err().trim().split('\n')).toEqual([
      expect.stringMatching(
        /^warning: partial\.json:9:5: expectations\[1\]: expect_column_pair_values_to_be_equal is not supported by mlgate; skipped$/,
      ),
      expect.stringMatching(
        /^warning: partial\.json:20:9: expectations\[2\]\.kwargs\.min_value: expect_column_values_to_be_between takes min_value from a suite parameter/,
      ),
    ]);
    const checks = readJson('partial-report.json').validations[0].checks;
    expect(checks.map((check: { check: string; status: string }) => [check.check, check.status])).toEqual([
      ['expect_column_values_to_not_be_null', 'pass'],
      ['expect_column_pair_values_to_be_equal', 'warn'],
      ['expect_column_values_to_be_between', 'warn'],
    ]);
    const strict = capture(dir);
    expect(await runCli(['validate', 'good.csv', '--schema', 'partial.json', '--strict'], strict.io)).toBe(2);
    expect(strict.err().trim().split('\n')).toEqual([
      expect.stringMatching(
        /partial\.json:9:5: expectations\[1\]: expect_column_pair_values_to_be_equal is not supported by mlgate \(and 1 more\), and strict mode refuses to skip expectations$/,
      ),
    ]);
  });

  it('fails on ragged rows and reports each with its line number', async () => {
    const c = capture(dir);
    expect(await runCli(['validate', 'ragged.csv', '-o', 'ragged.json'], c.io)).toBe(1);
    const section = readJson('ragged.json').validations[0];
    expect(section.rows).toBe(2);
    expect(section.issues.map((issue: { file: string; line: number }) => [issue.file, issue.line])).toEqual([
      ['ragged.csv', 3],
      ['ragged.csv', 4],
    ]);
    expect(c.out()).toMatch(/problem reading data at ragged\.csv:3:\d+: error: expected 3 fields, found 2/);
    const capped = capture(dir);
    expect(await runCli(['validate', 'ragged.csv', '--max-errors', '1', '--json'], capped.io)).toBe(1);
    expect(JSON.parse(capped.out()).validations[0].issues).toHaveLength(1);
  });

  it('exits 2 with a one-line message for bad arguments and inputs', async () => {
    const cases: [string[], RegExp][] = [
      [['validate'], /give exactly one data file/],
      [['validate', 'nope.csv'], /nope\.csv: file not found/],
      [['validate', 'good.csv', '--schema', 'missing.yml'], /missing\.yml/],
      [['validate', 'good.csv', '--shard', '0/2'], /--shard: expected i\/n/],
      [['validate', 'good.csv', '--max-errors', '0'], /--max-errors: expected a whole number from 1 to 1000/],
      [['validate', 'good.csv', '--format', 'xls'], /--format: expected one of csv, tsv, jsonl, parquet/],
      [
        ['validate', 'good.csv', '--bogus'],
        /^mlgate validate: unknown option --bogus \(see `mlgate validate --help`\)\n$/,
      ],
      [['validate', 'good.csv', '--schema', 'good.csv'], /good\.csv/],
    ];
    for (const [argv, message] of cases) {
      const c = capture(dir);
      expect(await runCli(argv, c.io)).toBe(2);
      expect(c.err()).toMatch(message);
      expect(c.err().trim().split('\n')).toHaveLength(1);
    }
  });
});

describe('mlgate validate --reference', () => {
  /** 4,000 rows: `amount` ~ N(mean, 10) via a fixed quasi-random sequence, `plan` cycling over three values. */
  function sample(mean: number, plans: string[]): string {
    const rows = ['amount,plan'];
    for (let i = 0; i < 4000; i++) {
      const u = (i * 0.6180339887 + 0.5) % 1;
      // Inverse-logistic spread: symmetric around the mean, standard deviation about 10.
      rows.push(`${(mean + 5.5 * Math.log(u / (1 - u))).toFixed(3)},${plans[i % plans.length]}`);
    }
    return `${rows.join('\n')}\n`;
  }

  beforeAll(() => {
    writeFileSync(join(dir, 'ref.csv'), sample(50, ['basic', 'plus', 'pro']));
    writeFileSync(join(dir, 'same.csv'), sample(50, ['basic', 'plus', 'pro']));
    writeFileSync(join(dir, 'shifted.csv'), sample(58, ['basic', 'basic', 'plus', 'pro']));
  });

  it('finds no drift between samples of one distribution', async () => {
    const c = capture(dir);
    expect(await runCli(['validate', 'same.csv', '--reference', 'ref.csv', '--json'], c.io)).toBe(0);
    const drift = parseReport(JSON.parse(c.out()), 'stdout').validations?.[0]?.drift;
    expect(drift?.status).toBe('pass');
    expect(drift?.columns.map((d) => [d.column, d.test, d.drifted])).toEqual([
      ['amount', 'ks', false],
      ['plan', 'chi2', false],
    ]);
  });

  it('refuses a reference that shares no column with the data in one line naming the reference file', async () => {
    writeFileSync(join(dir, 'other.csv'), 'x,y\n1,a\n2,b\n');
    const c = capture(dir);
    expect(await runCli(['validate', 'same.csv', '--reference', 'other.csv'], c.io)).toBe(2);
    expect(c.err().trim()).toBe(
      'mlgate validate: other.csv: the drift reference shares no column with the data (reference: "x", "y"; data: "amount", "plan")',
    );
  });

  it('reads a .json reference of JSON Lines records as data, not as a profile', async () => {
    const records = (csv: string) =>
      csv
        .trim()
        .split('\n')
        .slice(1)
        .map((line) => {
          const [amount, plan] = line.split(',');
          return JSON.stringify({ amount: Number(amount), plan });
        })
        .join('\n');
    writeFileSync(join(dir, 'ref-records.json'), `${records(sample(50, ['basic', 'plus', 'pro']))}\n`);
    const c = capture(dir);
    expect(await runCli(['validate', 'same.csv', '--reference', 'ref-records.json', '--json'], c.io)).toBe(0);
    const drift = parseReport(JSON.parse(c.out()), 'stdout').validations?.[0]?.drift;
    expect(drift?.columns.map((d) => [d.column, d.test, d.statistic])).toEqual([
      ['amount', 'ks', 0],
      ['plan', 'chi2', 0],
    ]);
  });

  it('flags a shifted numeric column and reweighted categories against a saved reference profile', async () => {
    expect(await runCli(['profile', 'ref.csv', '-o', 'ref-profile.json'], capture(dir).io)).toBe(0);
    const c = capture(dir);
    expect(await runCli(['validate', 'shifted.csv', '--reference', 'ref-profile.json', '--json'], c.io)).toBe(1);
    const drift = parseReport(JSON.parse(c.out()), 'stdout').validations?.[0]?.drift;
    const amount = drift?.columns.find((d) => d.column === 'amount');
    expect(amount?.drifted).toBe(true);
    expect(amount?.pValue).toBeLessThan(1e-6);
    expect(amount?.effect.value).toBeGreaterThan(0.5);
    expect(drift?.columns.find((d) => d.column === 'plan')?.drifted).toBe(true);
    expect(drift?.status).toBe('fail');
  });
});
