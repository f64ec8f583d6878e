import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../src/cli.js';
import { capture } from './capture-io.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mlgate-cli-schema-'));
  const lines = ['id,score,grade,passed,taken,comment'];
  for (let i = 0; i < 500; i++) {
    const score = i % 25 === 0 ? '' : ((i * 37) % 1000) / 10;
    const taken = `2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    lines.push(`${i},${score},${'ABCD'[i % 4]},${i % 3 === 0},${taken},"note ${i}, free text"`);
  }
  writeFileSync(join(dir, 'exam.csv'), `${lines.join('\n')}\n`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('mlgate schema infer', () => {
  it('prints a YAML schema with types, nullability, bounds and allowed values', async () => {
    const c = capture(dir);
    expect(await runCli(['schema', 'infer', 'exam.csv'], c.io)).toBe(0);
    const yaml = c.out();
    expect(yaml).toMatch(/^# Data schema inferred by mlgate from exam\.csv \(500 rows\)/);
    expect(yaml).toMatch(/id:\n\s+type: integer\n\s+nullable: false\n\s+min: 0\n\s+max: 500/);
    expect(yaml).toMatch(/score:\n\s+type: number\n\s+max_null_fraction: 0\.04/);
    expect(yaml).toMatch(/grade:\n\s+type: string\n\s+nullable: false\n\s+allowed:\n\s+- A\n\s+- B\n\s+- C\n\s+- D/);
    expect(yaml).toMatch(/passed:\n\s+type: boolean/);
    expect(yaml).toMatch(/taken:\n\s+type: datetime/);
    expect(yaml).not.toMatch(/comment:[^]*allowed/);
  });

  it('writes a schema with -o that the same data then passes under mlgate validate', async () => {
    const c = capture(dir);
    expect(await runCli(['schema', 'infer', 'exam.csv', '-o', 'exam.yml'], c.io)).toBe(0);
    expect(c.out()).toBe('');
    expect(readFileSync(join(dir, 'exam.yml'), 'utf8')).toContain('unexpected_columns: warn');
    const v = capture(dir);
    expect(await runCli(['validate', 'exam.csv', '--schema', 'exam.yml', '--json'], v.io)).toBe(0);
    const section = JSON.parse(v.out()).validations[0];
    expect(section.status).toBe('pass');
    expect(section.checks.length).toBeGreaterThan(15);
  });

  it('catches a change the inferred schema rules out', async () => {
    const text = readFileSync(join(dir, 'exam.csv'), 'utf8').replace('\n7,', '\n7x,');
    writeFileSync(join(dir, 'changed.csv'), text);
    const c = capture(dir);
    expect(await runCli(['validate', 'changed.csv', '--schema', 'exam.yml', '--json'], c.io)).toBe(1);
    const failing = JSON.parse(c.out()).validations[0].checks.filter(
      (check: { status: string }) => check.status === 'fail',
    );
    // Not an integer, and (as text) not within the numeric bounds either: both checks name line 9.
    expect(
      failing.map((check: { check: string; column: string; examples: unknown }) => [
        check.check,
        check.column,
        check.examples,
      ]),
    ).toEqual([
      ['type', 'id', [{ line: 9, value: '7x' }]],
      ['range', 'id', [{ line: 9, value: '7x' }]],
    ]);
  });

  it('exits 2 for a missing subcommand, an unknown one and a missing file', async () => {
    const cases: [string[], RegExp][] = [
      [['schema'], /give a subcommand/],
      [['schema', 'guess', 'exam.csv'], /unknown subcommand "guess"/],
      [['schema', 'infer'], /give exactly one data file/],
      [['schema', 'infer', 'nope.csv'], /nope\.csv: file not found/],
    ];
    for (const [argv, message] of cases) {
      const c = capture(dir);
      expect(await runCli(argv, c.io)).toBe(2);
      expect(c.err()).toMatch(message);
    }
  });
});
