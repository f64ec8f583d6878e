import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Profile, parseReport } from '@mlgate/core';
import { runActionBundle, type ActionRun } from '@mlgate/testkit';

const SCHEMA = `version: 1
columns:
  id: { type: integer, nullable: false, unique: true }
  price: { type: number, min: 0, max: 100 }
  city: { allowed: [Oslo, Lima, Pune] }
`;

function goodCsv(rows: number): string {
  const lines = ['id,price,city'];
  for (let i = 1; i <= rows; i++) lines.push(`${i},${(i % 40) + 0.5},${['Oslo', 'Lima', 'Pune'][i % 3]}`);
  return `${lines.join('\n')}\n`;
}

/** `amount` spread symmetrically around `mean` (sd about 10) by a fixed quasi-random sequence; `plan` cycles. */
function sample(mean: number, plans: string[]): string {
  const rows = ['amount,plan'];
  for (let i = 0; i < 4000; i++) {
    const u = (i * 0.6180339887 + 0.5) % 1;
    rows.push(`${(mean + 5.5 * Math.log(u / (1 - u))).toFixed(3)},${plans[i % plans.length]}`);
  }
  return `${rows.join('\n')}\n`;
}

describe('actions/validate run as the runner runs it', () => {
  let workspace: string;

  beforeEach(async () => {
    workspace = await mkdtemp(join(tmpdir(), 'mlgate-validate-action-'));
    await writeFile(join(workspace, 'schema.yml'), SCHEMA);
    await writeFile(join(workspace, 'good.csv'), goodCsv(200));
    // Line 3 is out of range, line 4 has a city outside the set, line 5 is negative.
    await writeFile(
      join(workspace, 'bad.csv'),
      'id,price,city\n1,10,Oslo\n2,250,Lima\n3,20,Paris\n4,-5,Pune\n5,30,Lima\n',
    );
  });
  /** Harness temp dirs kept so a test can read the action's RUNNER_TEMP outputs; removed after each test. */
  const kept: string[] = [];
  afterEach(async () => {
    await rm(workspace, { recursive: true, force: true });
    for (const dir of kept.splice(0)) await rm(dir, { recursive: true, force: true });
  });

  const validate = async (inputs: Record<string, string>): Promise<ActionRun> => {
    const run = await runActionBundle({ action: 'validate', inputs, env: {}, cwd: workspace, keepTempDir: true });
    if (run.tempDir) kept.push(run.tempDir);
    return run;
  };
  const errors = (run: ActionRun) => run.annotations.filter((a) => a.level === 'error');

  it('passes good data with passed=true, a valid report file and the checks table in the summary', async () => {
    const run = await validate({ data: 'good.csv', schema: 'schema.yml' });

    expect(run.exitCode).toBe(0);
    expect(errors(run)).toEqual([]);
    expect(run.outputs.passed).toBe('true');
    expect(run.outputs.profile).toBe('');
    expect(run.outputs.report).toMatch(/mlgate-validate-report\.json$/);
    const report = parseReport(JSON.parse(await readFile(run.outputs.report ?? '', 'utf8')), 'report');
    expect(report.verdict.status).toBe('pass');
    expect(report.validations?.[0]).toMatchObject({ dataset: 'good.csv', rows: 200, columns: 3, status: 'pass' });
    expect(run.summary).toContain('Data `good.csv`: 200 rows × 3 columns');
    expect(run.summary).toMatch(/\| *\| Check \| Column \| Observed \| Expected \| Unexpected \| Details \|/);
    expect(run.summary).toContain('| ✅ | range | `price` |');
    expect(run.hasUnclosedGroups).toBe(false);
  });

  it('fails bad data with an annotation on each failing row and one error per failing check', async () => {
    const run = await validate({ data: 'bad.csv', schema: 'schema.yml', 'report-out': 'out/report.json' });

    expect(run.exitCode).toBe(1);
    expect(run.outputs.passed).toBe('false');
    expect(run.outputs.report).toBe(join(workspace, 'out', 'report.json'));
    const rows = errors(run).filter((a) => a.file !== undefined);
    expect(rows.map((a) => [a.file, a.line])).toEqual([
      ['bad.csv', 3],
      ['bad.csv', 5],
      ['bad.csv', 4],
    ]);
    expect(rows[0]?.message).toContain('price: range - value "250"');
    expect(rows[2]?.message).toContain('city: allowed - value "Paris"');
    expect(run.stdout).toContain('::error file=bad.csv,line=3');
    const reasons = errors(run).filter((a) => a.file === undefined);
    expect(reasons).toHaveLength(3);
    expect(reasons[0]?.message).toMatch(/^price: /);
    expect(reasons[1]?.message).toMatch(/^city: /);
    expect(reasons[2]?.message).toBe('the validation verdict is fail and fail-on is error, so the step fails');
    const report = parseReport(JSON.parse(await readFile(run.outputs.report ?? '', 'utf8')), 'report');
    expect(report.verdict.status).toBe('fail');
  });

  it('warns on the suite line of an expectation it skips, and fails the step with strict', async () => {
    const suite = {
      expectations: [
        { type: 'expect_column_values_to_not_be_null', kwargs: { column: 'id' } },
        { type: 'expect_column_pair_values_to_be_equal', kwargs: { column_A: 'id', column_B: 'price' } },
      ],
    };
    await writeFile(join(workspace, 'suite.json'), JSON.stringify(suite, null, 2));

    const run = await validate({ data: 'good.csv', schema: 'suite.json' });
    expect(run.exitCode).toBe(0);
    expect(run.annotations.filter((a) => a.level === 'warning')).toEqual([
      expect.objectContaining({
        file: 'suite.json',
        line: 9,
        message: expect.stringMatching(/expect_column_pair_values_to_be_equal is not supported by mlgate; skipped$/),
      }),
    ]);
    expect(run.summary).toContain('| ⚠️ | expect\\_column\\_pair\\_values\\_to\\_be\\_equal |');

    const strict = await validate({ data: 'good.csv', schema: 'suite.json', strict: 'true' });
    expect(strict.exitCode).toBe(1);
    expect(errors(strict)).toEqual([
      expect.objectContaining({
        file: 'suite.json',
        line: 9,
        message:
          'suite.json:9:5: expectations[1]: expect_column_pair_values_to_be_equal is not supported by mlgate, and strict mode refuses to skip expectations',
      }),
    ]);
  });

  it('annotates unreadable rows of a ragged file, capped by max-errors', async () => {
    await writeFile(join(workspace, 'ragged.csv'), 'id,price,city\n1,10,Oslo\n2,20\n3,30,Lima,x\n4,40,Pune\n');

    const run = await validate({ data: 'ragged.csv', 'max-errors': '1' });

    expect(run.exitCode).toBe(1);
    const rows = errors(run).filter((a) => a.file !== undefined);
    expect(rows.map((a) => [a.file, a.line])).toEqual([['ragged.csv', 3]]);
    expect(rows[0]?.message).toContain('expected 3 fields, found 2');
  });

  it('with fail-on never, reports bad data and its rows but passes the step with passed=false', async () => {
    const run = await validate({ data: 'bad.csv', schema: 'schema.yml', 'fail-on': 'never' });

    expect(run.exitCode).toBe(0);
    expect(run.outputs.passed).toBe('false');
    expect(errors(run).map((a) => a.line)).toEqual([3, 5, 4]);
  });

  it('shows drift against a reference data file in the summary and fails on it', async () => {
    await writeFile(join(workspace, 'ref.csv'), sample(50, ['basic', 'plus', 'pro']));
    await writeFile(join(workspace, 'shifted.csv'), sample(58, ['basic', 'basic', 'plus', 'pro']));

    const run = await validate({ data: 'shifted.csv', reference: 'ref.csv' });

    expect(run.exitCode).toBe(1);
    expect(run.outputs.passed).toBe('false');
    expect(run.summary).toContain('**Drift**: 2 of 2 columns drifted');
    expect(run.summary).toMatch(/\| `amount` \| ks \\\(exact p\\\) \| .* \| ⚠️ drifted \|/);
    expect(errors(run).map((a) => a.message)).toContain('2 of 2 columns drifted');
    const report = parseReport(JSON.parse(await readFile(run.outputs.report ?? '', 'utf8')), 'report');
    expect(report.validations?.[0]?.drift?.columns.map((c) => [c.column, c.drifted])).toEqual([
      ['amount', true],
      ['plan', true],
    ]);
  });

  it('writes shard profiles that merge into the unsharded profile', async () => {
    await writeFile(join(workspace, 'big.csv'), goodCsv(5000));
    const whole = await validate({ data: 'big.csv', 'profile-out': 'whole.json' });
    const first = await validate({ data: 'big.csv', shard: '1/2', 'profile-out': 'p1.json' });
    const second = await validate({ data: 'big.csv', shard: '2/2', 'profile-out': 'p2.json' });

    for (const run of [whole, first, second]) expect(run.exitCode).toBe(0);
    expect(first.outputs.profile).toBe(join(workspace, 'p1.json'));
    const read = async (path: string | undefined) =>
      Profile.fromJSON(JSON.parse(await readFile(path ?? '', 'utf8')), path);
    const [p1, p2, all] = [
      await read(first.outputs.profile),
      await read(second.outputs.profile),
      await read(whole.outputs.profile),
    ];
    expect(p1.rows).toBeGreaterThan(0);
    expect(p2.rows).toBeGreaterThan(0);
    const merged = p1.merge(p2);
    expect(merged.rows).toBe(5000);
    expect(merged.rows).toBe(all.rows);
    const counts = (p: Profile) => p.columns.map((c) => [c.name, c.count, c.nulls]);
    expect(counts(merged)).toEqual(counts(all));
  });

  it('reads the data and the reference on worker threads with the same report as one thread', async () => {
    await writeFile(join(workspace, 'ref.csv'), sample(50, ['basic', 'plus', 'pro']));
    await writeFile(join(workspace, 'shifted.csv'), sample(58, ['basic', 'basic', 'plus', 'pro']));
    const inputs = { data: 'shifted.csv', reference: 'ref.csv', 'fail-on': 'never' };
    const [one, three] = [await validate({ ...inputs, threads: '1' }), await validate({ ...inputs, threads: '3' })];

    expect(three.stdout).toMatch(/Read 4000 rows × 2 columns of shifted\.csv in [\d.]+ s on 3 threads/);
    expect(one.stdout).not.toContain('threads');
    const read = async (run: ActionRun) =>
      parseReport(JSON.parse(await readFile(run.outputs.report ?? '', 'utf8')), 'report');
    const [a, b] = [await read(one), await read(three)];
    expect(b.verdict).toEqual(a.verdict);
    const [va, vb] = [a.validations?.[0], b.validations?.[0]];
    expect(vb?.checks).toEqual(va?.checks);
    expect([vb?.rows, vb?.columns, vb?.status]).toEqual([va?.rows, va?.columns, va?.status]);
    // Values and grids merge exactly, so the drift figures are the same to the last bit.
    expect(vb?.drift).toEqual(va?.drift);
  });

  it('bounds drift past the exact-values input or the config’s profile.exact_values, and reads a ; delimiter', async () => {
    // 100,000 distinct values a side: more than the value grid has bins, so past the cap D is only bounded.
    const amounts = (offset: number) =>
      `amount;plan\n${Array.from({ length: 100_000 }, (_, i) => `${((i * 0.6180339887 + offset) % 1).toFixed(9)};p${i % 3}`).join('\n')}\n`;
    await writeFile(join(workspace, 'ref.csv'), amounts(0.5));
    await writeFile(join(workspace, 'cur.csv'), amounts(0.25));
    const inputs = { data: 'cur.csv', reference: 'ref.csv', delimiter: ';', 'fail-on': 'never' };
    const amount = async (run: ActionRun) => {
      expect(run.exitCode).toBe(0);
      const report = parseReport(JSON.parse(await readFile(run.outputs.report ?? '', 'utf8')), 'report');
      return report.validations?.[0]?.drift?.columns.find((c) => c.column === 'amount');
    };

    const exact = await amount(await validate(inputs));
    expect(exact).toMatchObject({ method: 'ks-asymptotic' });
    expect(exact?.bounds).toBeUndefined();
    const capped = await validate({ ...inputs, 'exact-values': '1000' });
    expect((await amount(capped))?.bounds).toBeDefined();
    expect(capped.summary).toContain('when a side had more values than its profile keeps exactly');
    await writeFile(join(workspace, 'mlgate.yml'), 'version: 1\nprofile:\n  exact_values: 1000\n');
    expect((await amount(await validate(inputs)))?.bounds).toBeDefined();
    expect((await amount(await validate({ ...inputs, 'exact-values': '100000' })))?.bounds).toBeUndefined();
  });

  it.each([
    ['a missing data file', { data: 'nope.csv' }, /nope\.csv: file not found/],
    ['a malformed schema', { data: 'good.csv', schema: 'broken.yml' }, /broken\.yml/],
    ['a bad shard', { data: 'good.csv', shard: '3/2' }, /input "shard": expected i\/n/],
    [
      'a bad thread count',
      { data: 'good.csv', threads: 'many' },
      /input "threads": expected a whole number from 1 to 256/,
    ],
    [
      'a cap of zero exact values',
      { data: 'good.csv', 'exact-values': '0' },
      /input "exact-values": expected a whole number of values from 1 to 100,000,000, got "0"/,
    ],
    [
      'a delimiter of two characters',
      { data: 'good.csv', delimiter: ';;' },
      /input "delimiter": expected one ASCII character/,
    ],
  ])('fails on %s with one error line', async (_, inputs, message) => {
    await writeFile(join(workspace, 'broken.yml'), 'version: 1\ncolumns:\n  id: { type: integr }\n');

    const run = await validate(inputs);

    expect(run.exitCode).toBe(1);
    expect(errors(run)).toHaveLength(1);
    expect(errors(run)[0]?.message).toMatch(message);
    expect(run.outputs).toEqual({});
  });
});
