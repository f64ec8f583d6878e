import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCheckSuite } from '../../src/checks/index.js';
import { UserError } from '../../src/errors.js';
import { parseReport } from '../../src/report/parse.js';
import type { DriftResult } from '../../src/report/types.js';
import { attachDrift, validateFile, validationReport } from '../../src/validate/index.js';

const SCHEMA = `version: 1
columns:
  id: { type: integer, nullable: false, unique: true }
  price: { type: number, min: 0, max: 100, mean: { min: 10, max: 60 } }
  city: { allowed: [Oslo, Lima, Pune] }
rows: { min: 3 }
`;

let dir: string;
const file = (name: string) => join(dir, name);
const checks = () => loadCheckSuite(SCHEMA, 'schema.yml').checks;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mlgate-validate-'));
  const good = ['id,price,city'];
  for (let i = 1; i <= 300; i++) good.push(`${i},${i % 50},${['Oslo', 'Lima', 'Pune'][i % 3]}`);
  writeFileSync(file('good.csv'), `${good.join('\n')}\n`);
  writeFileSync(
    file('bad.csv'),
    'id,price,city\n1,10,Oslo\n2,250,Lima\n2,20,Paris\n3,-1,Pune\n4,x,Oslo\n5,30,Lima,extra\n6,30\n7,40,Pune\n',
  );
  writeFileSync(
    file('data.jsonl'),
    '{"id":1,"price":10,"city":"Oslo"}\n{"id":2,"price":"20","city":"Lima"}\n{not json}\n{"id":3,"price":30,"city":"Pune"}\n',
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('validateFile', () => {
  it('passes data that meets its schema, with the profile of the same pass', async () => {
    const { section, profile, issues } = await validateFile(file('good.csv'), { suite: checks(), dataset: 'good.csv' });
    expect(section.status).toBe('pass');
    expect(section.checks.every((c) => c.status === 'pass')).toBe(true);
    expect([section.dataset, section.rows, section.columns]).toEqual(['good.csv', 300, 3]);
    expect(section.issues).toBeUndefined();
    expect(issues).toEqual([]);
    expect(profile.rows).toBe(300);
    expect(profile.column('price')?.numbers.count).toBe(300);
  });

  it('fails on violations with counts and example line numbers, and on ragged rows with their lines', async () => {
    const { section, errorCount } = await validateFile(file('bad.csv'), { suite: checks(), dataset: 'bad.csv' });
    expect(section.status).toBe('fail');
    const between = section.checks.find((c) => c.check === 'range' && c.column === 'price')!;
    expect(between.status).toBe('fail');
    // 250 (line 3), -1 (line 5) and x (line 6) lie outside [0, 100]; the ragged rows were dropped.
    expect(between.unexpectedCount).toBe(3);
    expect(between.examples?.map((e) => e.line)).toEqual([3, 5, 6]);
    // The mean comes from the profile of the rows read: 10, 250, 20, -1 and 40.
    const mean = section.checks.find((c) => c.check === 'mean')!;
    expect(mean.status).toBe('fail');
    expect(mean.observed).toBeCloseTo(63.8, 10);
    const unique = section.checks.find((c) => c.check === 'unique')!;
    expect([unique.status, unique.unexpectedCount, unique.examples?.map((e) => e.line)]).toEqual(['fail', 2, [3, 4]]);
    const allowed = section.checks.find((c) => c.column === 'city' && c.status === 'fail')!;
    expect(allowed.examples).toEqual([{ line: 4, value: 'Paris' }]);
    expect(errorCount).toBe(2);
    expect(section.issues?.map((i) => [i.file, i.line])).toEqual([
      ['bad.csv', 7],
      ['bad.csv', 8],
    ]);
    expect(section.issues?.[0]?.message).toMatch(/^error: expected 3 fields, found 4/);
  });

  it('fails on unreadable rows alone, even without checks, and keeps at most maxErrors of them', async () => {
    const { section, errorCount, issues } = await validateFile(file('bad.csv'), { maxErrors: 1 });
    expect(section.checks).toEqual([]);
    expect(section.status).toBe('fail');
    expect(errorCount).toBe(2);
    expect(issues).toHaveLength(1);
    expect(section.issues).toHaveLength(1);
  });

  it('reads JSON Lines: a quoted number is text, and a bad line is an issue with its line number', async () => {
    const suite = loadCheckSuite('version: 1\ncolumns:\n  price: { type: number }\n', 's.yml').checks;
    const { section } = await validateFile(file('data.jsonl'), { suite, dataset: 'data.jsonl' });
    const type = section.checks.find((c) => c.check === 'type')!;
    expect([type.status, type.unexpectedCount, type.examples?.[0]?.line]).toEqual(['fail', 1, 2]);
    expect(section.issues?.[0]?.line).toBe(3);
    expect(section.rows).toBe(3);
  });

  it('validates shards whose rows add up to the whole file', async () => {
    const parts = await Promise.all(
      [1, 2, 3].map((index) => validateFile(file('good.csv'), { shard: { index, count: 3 } })),
    );
    expect(parts.reduce((sum, p) => sum + p.section.rows, 0)).toBe(300);
    expect(parts.map((p) => p.profile.sources[0]?.shard)).toEqual([1, 2, 3].map((index) => ({ index, count: 3 })));
  });

  it('builds a report that the report schema accepts, with one reason per failing check', async () => {
    const { section } = await validateFile(file('bad.csv'), { suite: checks(), dataset: 'bad.csv' });
    const report = validationReport([section], new Date('2026-01-02T03:04:05Z'));
    expect(parseReport(JSON.parse(JSON.stringify(report)), 'report.json')).toEqual(report);
    expect(report.verdict.status).toBe('fail');
    const failing = section.checks.filter((c) => c.status === 'fail');
    expect(report.verdict.reasons.filter((r) => r.rule !== 'readable')).toHaveLength(failing.length);
    expect(report.verdict.reasons.find((r) => r.rule === 'readable')).toMatchObject({ status: 'fail' });
    expect(report.verdict.summary).toBe(`data bad.csv: ${failing.length} of ${section.checks.length} checks failed`);
  });

  it('lets the caller attach drift, which can only make the status worse', async () => {
    const { section } = await validateFile(file('good.csv'), { suite: checks() });
    const drift: DriftResult = { status: 'fail', share: 1, threshold: 0.5, columns: [] };
    attachDrift(section, drift);
    expect(section.status).toBe('fail');
    expect(validationReport([section], new Date()).verdict.reasons).toEqual([
      expect.objectContaining({ rule: 'drift', status: 'fail' }),
    ]);
  });

  it('refuses bad bounds and missing files with a UserError', async () => {
    await expect(validateFile(file('good.csv'), { maxExamples: 21 })).rejects.toThrow(UserError);
    await expect(validateFile(file('good.csv'), { shard: { index: 3, count: 2 } })).rejects.toThrow(/shard must be/);
    await expect(validateFile(file('nope.csv'))).rejects.toThrow(/file not found/);
  });
});
