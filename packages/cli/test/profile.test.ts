import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../src/cli.js';
import { capture } from './capture-io.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mlgate-cli-profile-'));
  const lines = ['id,price,city,"na\u0007me"'];
  for (let i = 0; i < 2000; i++)
    lines.push(`${i},${i % 10 === 0 ? '' : (i * 0.5).toFixed(1)},${['Oslo', 'Lima', 'Pune'][i % 3]},n${i}`);
  lines.push('1,2,3');
  writeFileSync(join(dir, 'data.csv'), `${lines.join('\n')}\n`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('mlgate profile', () => {
  it('prints a per-column table with types, nulls and top values, and reports data issues on stderr', async () => {
    const c = capture(dir);
    expect(await runCli(['profile', 'data.csv'], c.io)).toBe(0);
    const out = c.out();
    expect(out).toContain('2,000 rows, 4 columns');
    expect(out).toMatch(/^price\s+number\s+200 \(10%\)/m);
    expect(out).toMatch(/^city\s+string\s+0\s+3 .* Lima \(667\)$/m);
    // The bell character in the column name is shown escaped, not sent to the terminal.
    expect(out).toContain('na\\u0007me');
    expect(out).not.toContain('\u0007');
    expect(c.err()).toMatch(/data\.csv:2002:\d+: error: expected 4 fields, found 3/);
  });

  it('writes the profile JSON with -o and prints it with --json', async () => {
    const c = capture(dir);
    expect(await runCli(['profile', 'data.csv', '-o', 'p.json', '--json'], c.io)).toBe(0);
    const written = JSON.parse(readFileSync(join(dir, 'p.json'), 'utf8'));
    expect(JSON.parse(c.out())).toEqual(written);
    expect(written.schema).toBe('mlgate/profile@2');
    expect(written.rows).toBe(2000);
    expect(written.sources[0].issues).toEqual({ errors: 1, warnings: 0 });
    expect(written.columns[1].summary.type).toBe('number');
  });

  it('merges shard profiles into exactly the columns one pass gives (values, grids, moments, summaries)', async () => {
    const c = capture(dir);
    expect(await runCli(['profile', 'data.csv', '-o', 'whole.json'], c.io)).toBe(0);
    for (const i of [1, 2, 3])
      expect(await runCli(['profile', 'data.csv', '--shard', `${i}/3`, '-o', `s${i}.json`], c.io)).toBe(0);
    expect(await runCli(['profile', 'merge', 's1.json', 's2.json', 's3.json', '-o', 'merged.json'], c.io)).toBe(0);
    const whole = JSON.parse(readFileSync(join(dir, 'whole.json'), 'utf8'));
    const merged = JSON.parse(readFileSync(join(dir, 'merged.json'), 'utf8'));
    expect(merged.rows).toBe(whole.rows);
    expect(merged.sources.map((s: { shard: unknown }) => s.shard)).toEqual(
      [1, 2, 3].map((index) => ({ index, count: 3 })),
    );
    expect(merged.columns).toEqual(whole.columns);
  });

  it('exits 2 with a one-line message for a missing file, a bad shard and a malformed profile', async () => {
    const cases: [string[], RegExp][] = [
      [['profile', 'nope.csv'], /nope\.csv: file not found/],
      [['profile', 'data.csv', '--shard', '3/2'], /--shard: expected i\/n with 1 ≤ i ≤ n .* got "3\/2"/],
      [['profile', 'data.csv', '--shard', 'x'], /--shard: expected i\/n/],
      [['profile', 'merge', 'p.json'], /at least two profile JSON files/],
      [
        ['profile', 'merge', 'p.json', 'bad.json'],
        /bad\.json: \$\.columns\[1\]\.nulls: expected an integer in \[0, 2000\], got 2001/,
      ],
      [['profile', 'merge', 'p.json', 'data.csv'], /data\.csv:1:1: invalid JSON/],
      [
        ['profile', 'merge', 'p.json', 'other.json'],
        /other\.json: \$: is not an mlgate profile \(no "schema": "mlgate\/profile@2"\); `mlgate profile <data> -o <file>` writes one$/m,
      ],
      [
        ['profile', 'merge', 'p.json', 'report.json'],
        /report\.json: \$\.schema: expected "mlgate\/profile@2", got "mlgate\/report@1"$/m,
      ],
    ];
    writeFileSync(join(dir, 'other.json'), '{"a": 1}\n');
    writeFileSync(join(dir, 'report.json'), '{"schema": "mlgate/report@1"}\n');
    const bad = JSON.parse(readFileSync(join(dir, 'p.json'), 'utf8'));
    bad.columns[1].nulls = 2001;
    writeFileSync(join(dir, 'bad.json'), JSON.stringify(bad));
    for (const [argv, message] of cases) {
      const c = capture(dir);
      expect(await runCli(argv, c.io)).toBe(2);
      expect(c.err()).toMatch(message);
      expect(c.err().trim().split('\n')).toHaveLength(1);
    }
  });

  it('refuses to merge profiles of different tables, naming the column', async () => {
    writeFileSync(join(dir, 'other.csv'), 'id,price\n1,2\n');
    const c = capture(dir);
    expect(await runCli(['profile', 'other.csv', '-o', 'other.json'], c.io)).toBe(0);
    expect(await runCli(['profile', 'merge', 'p.json', 'other.json'], c.io)).toBe(2);
    expect(c.err()).toMatch(/column "city" is missing from .*other\.csv/);
  });
});
