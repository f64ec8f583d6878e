import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

// Worker threads need a JavaScript entry, so these tests bundle the CLI as a release does and run
// the bundle as a child process: `--threads 1` (the main-thread path) against `--threads 3`.
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const ncc = join(root, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js');

const SCHEMA = `version: 1
columns:
  id: { type: integer, nullable: false, min: 5, max: 5990 }
  price: { type: number, min: 0, max: 90 }
  city: { allowed: [Oslo, Lima, Pune] }
  when: { type: datetime }
rows: { min: 1 }
`;

let dir: string;
let bundle: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mlgate-cli-threads-'));
  bundle = join(dir, 'bundle', 'index.js');
  await promisify(execFile)(
    process.execPath,
    [ncc, 'build', join(root, 'packages/cli/src/index.ts'), '-o', dirname(bundle), '-q'],
    {
      cwd: root,
    },
  );
  const rows = ['id,price,city,when'];
  for (let i = 1; i <= 6000; i++) {
    const city = i % 997 === 0 ? 'Paris' : ['Oslo', 'Lima', 'Pune'][i % 3];
    const when = i % 1500 === 7 ? 'soon' : `2024-0${1 + (i % 9)}-1${i % 10}T10:00:00`;
    // A ragged row in every shard, so issues come from all of them.
    rows.push(i % 1100 === 0 ? `${i},1` : `${i},${(i * 7) % 100},${city},${when}`);
  }
  writeFileSync(join(dir, 'data.csv'), `${rows.join('\n')}\n`);
  writeFileSync(join(dir, 'reference.csv'), `${rows.slice(0, 3000).join('\n')}\n`);
  writeFileSync(join(dir, 'schema.yml'), SCHEMA);
}, 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function mlgate(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundle, ...args], { cwd: dir });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const json = (name: string) => JSON.parse(readFileSync(join(dir, name), 'utf8'));

describe('mlgate validate --threads', () => {
  it('gives byte for byte the report and profile of the main-thread pass with 2 threads (timestamp aside)', async () => {
    const args = [
      'validate',
      'data.csv',
      '--schema',
      'schema.yml',
      '--reference',
      'reference.csv',
      '--max-errors',
      '3',
    ];
    const one = await mlgate([...args, '--threads', '1', '-o', 'one.json', '--profile-out', 'one-p.json']);
    const three = await mlgate([...args, '--threads', '2', '-o', 'three.json', '--profile-out', 'three-p.json']);
    expect([one.code, three.code]).toEqual([1, 1]);
    expect(three.stderr).toBe(one.stderr);
    const [a, b] = [json('one.json'), json('three.json')];
    const failing = a.validations[0].checks.filter((c: { status: string }) => c.status === 'fail');
    expect(failing.map((c: { column: string }) => c.column).sort()).toEqual(['city', 'id', 'price', 'when']);
    expect(a.validations[0].issues.map((i: { line: number }) => i.line)).toEqual([1101, 2201, 3301]);
    // Profiles merge exactly (values, grids, exact sums), so the reports are byte-identical but for the timestamp.
    const bytes = (name: string) => readFileSync(join(dir, name), 'utf8').replace(/"createdAt": "[^"]*"/, '');
    expect(bytes('three.json')).toBe(bytes('one.json'));
    expect(readFileSync(join(dir, 'three-p.json'), 'utf8')).toBe(readFileSync(join(dir, 'one-p.json'), 'utf8'));
    const verdicts = (report: {
      validations: { drift?: { columns: { column: string; test: string; drifted: boolean }[] } }[];
    }) => report.validations[0]!.drift!.columns.map(({ column, test, drifted }) => [column, test, drifted]);
    // id is an identifier (all values distinct), which drift does not test.
    expect(verdicts(a)).toEqual([
      ['price', 'ks', false],
      ['city', 'chi2', false],
    ]);
    expect(b.validations[0].drift).toEqual(a.validations[0].drift);
  }, 60_000);

  it('reports a missing file as a usage error from the worker path too', async () => {
    const result = await mlgate(['profile', 'missing.csv', '--threads', '2']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/file not found/);
  }, 30_000);

  it('profiles the rows of one --shard across threads as one thread reads them', async () => {
    await mlgate(['profile', 'data.csv', '--shard', '2/3', '--threads', '1', '-o', 's1.json']);
    await mlgate(['profile', 'data.csv', '--shard', '2/3', '--threads', '2', '-o', 's2.json']);
    const [s1, s2] = [json('s1.json'), json('s2.json')];
    expect(s2.rows).toBe(s1.rows);
    expect(s2.sources).toEqual(s1.sources);
    expect(s2.rows).toBeGreaterThan(1500);
  }, 30_000);
});
