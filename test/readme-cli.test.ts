/**
 * The README's CLI example runs as written: each command of its ```sh block, in order, through the
 * built CLI, on a copy of the example project (so the run writes nothing into the repository).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(root, 'packages/cli/dist/index.js');

/** The first ```sh block after the `## CLI` heading. */
function cliBlock(): string[] {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('\n## CLI\n'));
  const block = /```sh\n([\s\S]*?)```/.exec(section);
  if (!block) throw new Error('README: no ```sh block under ## CLI');
  return block[1]!.trim().split('\n');
}

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'mlgate-readme-cli-'));
  cpSync(join(root, 'examples/churn'), join(work, 'examples/churn'), { recursive: true });
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('README CLI example', () => {
  it('runs in order: help, validation passes, the gate fails on the slice regression, the report renders it', () => {
    const lines = cliBlock();
    expect(lines[0]).toBe('alias mlgate="node $PWD/packages/cli/dist/index.js"');
    let cwd = work;
    const codes: [string, number | null][] = [];
    let lastStdout = '';
    for (const line of lines.slice(1)) {
      const [command, ...args] = line.split(/\s+/);
      if (command === 'cd') {
        cwd = join(cwd, args[0]!);
        expect(existsSync(cwd)).toBe(true);
        continue;
      }
      expect(command).toBe('mlgate');
      const run = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
      expect(run.stderr).not.toMatch(/internal error|file not found/);
      codes.push([args[0]!, run.status]);
      lastStdout = run.stdout;
    }
    expect(codes).toEqual([
      ['--help', 0],
      ['validate', 0],
      ['compare', 1],
      ['report', 1],
    ]);
    expect(lastStdout).toMatch(/^## ❌ mlgate: failed/);
    expect(lastStdout).toContain('slice plan\\=basic');
  }, 120_000);
});
