import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SUPPORTED_EXPECTATIONS, loadGxSuite } from '../../src/checks/index.js';
import { UserError } from '../../src/errors.js';
import type { CheckResult } from '../../src/report/types.js';
import { validateFile } from '../../src/validate/index.js';

/**
 * Replays Great Expectations-style test cases (`gx-cases/<expectation>.json`) through the real
 * validation pass: the data is written as CSV and as JSON Lines, read, profiled and checked, and
 * each result is compared with what GX 1.x defines for the case. The cases are our own, written
 * in the shape of GX's `tests/test_definitions/` (GX 1.2.0) and following the semantics its
 * definitions and expectation code state: `mostly` over non-null values, null bounds unbounded
 * (both null: vacuously true for aggregates, an error for `..._values_to_be_between`), `min_value`
 * above `max_value` an error, mixed-type comparisons undecidable, `row_condition` as pandas' query.
 */

type Format = 'csv' | 'jsonl';
type Value = string | number | boolean | null;

interface Case {
  title: string;
  in: Record<string, unknown>;
  formats?: Format[];
  /** A substring of the UserError loading the suite must give (GX rejects the configuration). */
  error?: string;
  /** A substring of the reason the expectation is skipped (GX could run it; mlgate cannot). */
  skipped?: string;
  out?: {
    success: boolean;
    /** The check could not be decided (GX raises: mixed types, a missing condition column). */
    undecided?: boolean;
    observed_value?: unknown;
    unexpected_count?: number;
    /** The failing values as text, in row order. */
    unexpected_list?: string[];
  };
}

interface CaseFile {
  expectation_type: string;
  datasets: { data: Record<string, Value[]>; formats?: Format[]; tests: Case[] }[];
}

const casesDir = join(import.meta.dirname, 'gx-cases');
const files: CaseFile[] = readdirSync(casesDir)
  .filter((name) => name.endsWith('.json'))
  .sort()
  .map((name) => JSON.parse(readFileSync(join(casesDir, name), 'utf8')) as CaseFile);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mlgate-gx-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function csvField(value: Value): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function writeData(data: Record<string, Value[]>, format: Format, name: string): string {
  const columns = Object.keys(data);
  const rows = Math.max(0, ...columns.map((column) => data[column]!.length));
  const records = Array.from({ length: rows }, (_, row) => columns.map((column) => data[column]![row] ?? null));
  const text =
    format === 'csv'
      ? [columns.map(csvField).join(','), ...records.map((record) => record.map(csvField).join(','))].join('\n') + '\n'
      : records.map((record) => JSON.stringify(Object.fromEntries(columns.map((c, i) => [c, record[i]])))).join('\n');
  const path = join(dir, `${name}.${format}`);
  writeFileSync(path, text);
  return path;
}

function suiteText(type: string, kwargs: Record<string, unknown>): string {
  return JSON.stringify({ name: 'conformance', expectations: [{ type, kwargs }] });
}

/** Numbers agree to 12 significant digits (GX's own values come from numpy); everything else exactly. */
function expectObserved(actual: unknown, expected: unknown): void {
  if (typeof expected === 'number') {
    expect(typeof actual).toBe('number');
    expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(expected)));
  } else if (Array.isArray(expected)) {
    expect(Array.isArray(actual)).toBe(true);
    expect((actual as unknown[]).length).toBe(expected.length);
    expected.forEach((item, i) => expectObserved((actual as unknown[])[i], item));
  } else if (typeof expected === 'object' && expected !== null) {
    expect(Object.keys(actual as object).sort()).toEqual(Object.keys(expected).sort());
    for (const [key, item] of Object.entries(expected)) expectObserved((actual as Record<string, unknown>)[key], item);
  } else {
    expect(actual).toEqual(expected);
  }
}

it('has cases for every supported expectation, each with a passing and a failing one', () => {
  expect(files.map((file) => file.expectation_type).sort()).toEqual([...SUPPORTED_EXPECTATIONS].sort());
  for (const file of files) {
    const outcomes = file.datasets.flatMap((dataset) => dataset.tests.map((test) => test.out?.success));
    expect([file.expectation_type, outcomes.includes(true), outcomes.includes(false)]).toEqual([
      file.expectation_type,
      true,
      true,
    ]);
  }
});

describe.each(files.map((file) => [file.expectation_type, file] as const))('%s', (type, file) => {
  const cases = file.datasets.flatMap((dataset, d) =>
    dataset.tests.flatMap((test) =>
      (test.formats ?? dataset.formats ?? ['csv', 'jsonl']).map((format) => [
        `${test.title} (${format})`,
        { dataset, d, test, format: format as Format },
      ]),
    ),
  );

  it.each(cases as [string, { dataset: CaseFile['datasets'][number]; d: number; test: Case; format: Format }][])(
    '%s',
    async (_title, { dataset, d, test, format }) => {
      const text = suiteText(type, test.in);
      if (test.error !== undefined) {
        expect(() => loadGxSuite(text, 'suite.json')).toThrow(UserError);
        expect(() => loadGxSuite(text, 'suite.json')).toThrow(test.error);
        return;
      }
      const suite = loadGxSuite(text, 'suite.json');
      if (test.skipped !== undefined) {
        expect(suite.checks).toEqual([]);
        expect(suite.skipped).toEqual([expect.objectContaining({ index: 0, type })]);
        expect(suite.skipped[0]!.reason).toContain(test.skipped);
        return;
      }
      expect(suite.skipped).toEqual([]);
      const path = writeData(dataset.data, format, `${type}-${d}`);
      const { section } = await validateFile(path, { suite: suite.checks });
      const [result] = section.checks as [CheckResult];
      const out = test.out!;
      expect({ check: result.check, status: result.status }).toEqual({
        check: type,
        status: out.success ? 'pass' : 'fail',
      });
      if (out.undecided !== undefined) {
        expect(result.message.startsWith('could not be checked')).toBe(out.undecided);
      }
      if ('observed_value' in out) expectObserved(result.observed_value, out.observed_value);
      if (out.unexpected_count !== undefined) expect(result.unexpectedCount).toBe(out.unexpected_count);
      if (out.unexpected_list !== undefined) {
        expect(result.unexpectedCount).toBe(out.unexpected_list.length);
        expect((result.examples ?? []).map((example) => example.value)).toEqual(out.unexpected_list);
      }
    },
  );
});
