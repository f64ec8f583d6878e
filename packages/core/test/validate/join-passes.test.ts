import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RowChecker, canJoinShards, loadCheckSuite } from '../../src/checks/index.js';
import { openReader } from '../../src/data/source.js';
import { splitShard } from '../../src/data/shard-spec.js';
import { joinValidationPasses, judgeValidation, validateFile, validatePass } from '../../src/validate/index.js';
import { mixedCsv } from '../profile/fixture.js';

// Every row-level check kind that can be split, with failures spread over the whole file.
const SCHEMA = `version: 1
columns:
  id: { type: integer, nullable: false, min: 10, max: 3990 }
  amount: { type: number, max_null_fraction: 0.1, min: -1900, max: 7000 }
  flag: { type: boolean }
  when: { type: datetime, min: "2024-02-01", max: "2024-12-31" }
  user: { regex: "^user-\\\\d+$", mostly: 0.5 }
  note: { allowed: [plain 0, plain 1, plain 2, plain 3, plain 4, plain 5], mostly: 0.1 }
rows: { min: 1 }
`;

let dir: string;
const file = (name: string) => join(dir, name);
const checks = () => loadCheckSuite(SCHEMA, 'schema.yml').checks;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mlgate-join-'));
  writeFileSync(file('mixed.csv'), mixedCsv(4000).csv);
  writeFileSync(
    file('ragged.csv'),
    `a,b\n${Array.from({ length: 400 }, (_, i) => (i % 7 === 3 ? `${i}` : `${i},x`)).join('\n')}\n`,
  );
  writeFileSync(
    file('late-key.jsonl'),
    `${Array.from({ length: 300 }, (_, i) => JSON.stringify(i < 200 ? { a: i } : { a: i, b: i % 2 ? null : 'x' })).join('\n')}\n`,
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function sharded(path: string, parts: number, suite = checks(), maxExamples?: number) {
  const options = { suite, maxErrors: 5, ...(maxExamples !== undefined && { maxExamples }) };
  const passes = await Promise.all(
    splitShard(undefined, parts).map((shard) => validatePass(path, { ...options, shard })),
  );
  return judgeValidation(joinValidationPasses(passes, options), suite, 'data');
}

describe('joinValidationPasses', () => {
  it('gives the one-pass counts, examples in line order and profile for a file read in 3 shards', async () => {
    const whole = await validateFile(file('mixed.csv'), { suite: checks(), maxErrors: 5, dataset: 'data' });
    const joined = await sharded(file('mixed.csv'), 3);
    expect(
      joined.section.checks.map(({ check, column, status, unexpectedCount, examples }) => [
        check,
        column,
        status,
        unexpectedCount,
        examples,
      ]),
    ).toEqual(
      whole.section.checks.map(({ check, column, status, unexpectedCount, examples }) => [
        check,
        column,
        status,
        unexpectedCount,
        examples,
      ]),
    );
    expect(whole.section.checks.some((c) => c.status === 'fail' && (c.examples?.length ?? 0) > 1)).toBe(true);
    expect(joined.profile.rows).toBe(4000);
    expect(joined.profile.sources).toEqual(whole.profile.sources);
    for (const column of whole.profile.columns) {
      const other = joined.profile.column(column.name)!;
      expect([other.count, other.nulls, other.typeCounts, other.moments.min, other.moments.max]).toEqual([
        column.count,
        column.nulls,
        column.typeCounts,
        column.moments.min,
        column.moments.max,
      ]);
      if (column.moments.count > 0) expect(other.moments.mean).toBeCloseTo(column.moments.mean, 9);
    }
  });

  it('keeps the first maxExamples examples across shards and the first maxErrors issues in line order', async () => {
    const whole = await validateFile(file('ragged.csv'), { maxErrors: 5, dataset: 'data' });
    const joined = await sharded(file('ragged.csv'), 4, []);
    expect(joined.errorCount).toBe(whole.errorCount);
    expect(joined.issues).toEqual(whole.issues);
    expect(joined.issues.map((issue) => issue.line)).toEqual([5, 12, 19, 26, 33]);
    const few = await sharded(file('mixed.csv'), 4, checks(), 2);
    const wholeFew = await validateFile(file('mixed.csv'), { suite: checks(), maxErrors: 5, maxExamples: 2 });
    expect(few.section.checks.map((c) => c.examples)).toEqual(wholeFew.section.checks.map((c) => c.examples));
  });

  it('counts a JSON Lines key missing from a whole shard as null there, as one pass does', async () => {
    const suite = loadCheckSuite('version: 1\ncolumns:\n  b: { nullable: false }\n', 'schema.yml').checks;
    const whole = await validateFile(file('late-key.jsonl'), { suite });
    const joined = await sharded(file('late-key.jsonl'), 3, suite);
    // Examples of absent rows depend on batch bounds (a key first seen mid-batch nulls the batch's
    // earlier rows), so the counts are what one pass and the shards must agree on.
    const counts = (section: typeof whole.section) =>
      section.checks.filter((c) => c.column === 'b').map((c) => [c.check, c.status, c.unexpectedCount]);
    expect(counts(joined.section)).toContainEqual(['nullable', 'fail', 250]);
    expect(counts(joined.section)).toEqual(counts(whole.section));
    expect(joined.profile.columns.map((c) => [c.name, c.count, c.nulls])).toEqual(
      whole.profile.columns.map((c) => [c.name, c.count, c.nulls]),
    );
  });

  it('gives the one-pass results for checks with a row condition, a condition column first seen late included', async () => {
    const expectation = (type: string, kwargs: Record<string, unknown>) => ({
      type,
      kwargs: { ...kwargs, row_condition: 'b == "x" | a < 20', condition_parser: 'pandas' },
    });
    const suite = loadCheckSuite(
      JSON.stringify({
        expectations: [
          expectation('expect_column_values_to_be_between', { column: 'a', max_value: 250, mostly: 0.9 }),
          expectation('expect_column_values_to_not_be_null', { column: 'b', mostly: 0.5 }),
          expectation('expect_column_mean_to_be_between', { column: 'a', min_value: 100 }),
          expectation('expect_column_max_to_be_between', { column: 'a', max_value: 298 }),
          expectation('expect_table_row_count_to_be_between', { min_value: 70, max_value: 70 }),
        ],
      }),
      'suite.json',
    ).checks;
    const whole = await validateFile(file('late-key.jsonl'), { suite, maxErrors: 5, dataset: 'data' });
    const joined = await sharded(file('late-key.jsonl'), 3, suite);
    // The mean is compared to 12 digits: the moments of shards merge with rounding of their own.
    const results = (section: typeof whole.section) =>
      section.checks.map(({ check, status, observed, unexpectedCount }) => [
        check,
        status,
        typeof observed === 'number' ? Number(observed.toPrecision(12)) : observed,
        unexpectedCount,
      ]);
    // Rows a < 20 (20) and the even rows from 200 on (50): 70 rows; 24 of them above 250, 50 with b.
    expect(results(whole.section)).toEqual([
      ['expect_column_values_to_be_between', 'fail', undefined, 24],
      ['expect_column_values_to_not_be_null', 'pass', undefined, 20],
      ['expect_column_mean_to_be_between', 'pass', Number(((190 + 249 * 50) / 70).toPrecision(12)), undefined],
      ['expect_column_max_to_be_between', 'pass', 298, undefined],
      ['expect_table_row_count_to_be_between', 'pass', 70, undefined],
    ]);
    expect(results(joined.section)).toEqual(results(whole.section));
  });

  it('says a suite with a uniqueness check cannot be split', () => {
    expect(canJoinShards(checks())).toBe(true);
    expect(canJoinShards(loadCheckSuite('version: 1\ncolumns:\n  id: { unique: true }\n', 's.yml').checks)).toBe(false);
  });
});

describe('row checks in the profile pass', () => {
  it('count the same with the nulls and numbers the profile read as when reading the fields themselves', async () => {
    const suite = loadCheckSuite(
      'version: 1\ncolumns:\n  a: { type: number, min: 2, max: 8 }\n  b: { nullable: false, type: boolean }\n',
      's.yml',
    ).checks;
    const lines = Array.from({ length: 500 }, (_, i) =>
      JSON.stringify({
        a: i % 4 === 0 ? String(i % 10) : i % 7 === 0 ? null : i % 10,
        b: i % 5 === 0 ? 'TRUE' : i % 3 === 0,
      }),
    );
    writeFileSync(file('parsed.jsonl'), `${lines.join('\n')}\n`);
    const shared = await validatePass(file('parsed.jsonl'), { suite });
    const alone = new RowChecker(suite, { quotedIsText: true });
    const { reader, source } = await openReader(file('parsed.jsonl'));
    for await (const batch of reader.batches(source)) alone.consume(batch);
    const counts = (outcomes: typeof shared.outcomes) => outcomes.map((o) => [o.checked, o.unexpected, o.examples]);
    expect(counts(shared.outcomes)).toEqual(counts(alone.finish()));
    expect(shared.outcomes.some((o) => o.unexpected > 0)).toBe(true);
  });
});

describe('splitShard', () => {
  it('cuts shard i/n into consecutive shards of n·parts', () => {
    expect(splitShard(undefined, 2)).toEqual([
      { index: 1, count: 2 },
      { index: 2, count: 2 },
    ]);
    expect(splitShard({ index: 2, count: 3 }, 2)).toEqual([
      { index: 3, count: 6 },
      { index: 4, count: 6 },
    ]);
  });
});
