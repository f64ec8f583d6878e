import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

// Worker threads start from the built bundle, so this runs the CLI as users do.
const bundle = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'index.js');
const run = promisify(execFile);

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mlgate-cli-threads-'));
  // 25,000 scored examples: 25,000 × 1,000 resamples is above the pool's threshold, so it is used.
  let state = 12345;
  const next = (): number => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const candidate = ['id,label,score'];
  const baseline = ['id,label,score'];
  for (let i = 0; i < 25_000; i++) {
    const label = next() < 0.3 ? 1 : 0;
    const shared = next();
    candidate.push(`e${i},${label},${((0.3 * label + 0.5 * shared + 0.2 * next()) / 1.01).toFixed(4)}`);
    baseline.push(`e${i},${label},${((0.25 * label + 0.5 * shared + 0.25 * next()) / 1.01).toFixed(4)}`);
  }
  await writeFile(join(dir, 'cand.csv'), `${candidate.join('\n')}\n`);
  await writeFile(join(dir, 'base.csv'), `${baseline.join('\n')}\n`);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function compare(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const argv = [bundle, 'compare', '--candidate', 'cand.csv', '--baseline', 'base.csv', '--predictions', ...args];
  try {
    const { stdout, stderr } = await run(process.execPath, argv, { cwd: dir, maxBuffer: 1 << 24 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const withoutTime = (json: string): unknown => ({ ...JSON.parse(json), createdAt: undefined });

describe('mlgate compare --threads (the built CLI)', () => {
  it('splits the bootstrap over worker threads and gets the very same report as one thread', async () => {
    const [two, one] = [await compare('--threads', '2', '--json'), await compare('--threads', '1', '--json')];
    expect(two.code).toBe(0);
    expect(one.code).toBe(0);
    expect(two.stderr).toContain('The bootstrap ran on 2 worker threads.');
    expect(one.stderr).not.toContain('worker threads');
    const report = withoutTime(two.stdout) as { comparisons: { metrics: { name: string; ci?: unknown }[] }[] };
    expect(report).toEqual(withoutTime(one.stdout));
    const metrics = report.comparisons[0]?.metrics ?? [];
    expect(metrics.map((m) => m.name)).toEqual(expect.arrayContaining(['roc_auc', 'pr_auc', 'accuracy', 'log_loss']));
    expect(metrics.every((m) => m.ci !== undefined)).toBe(true);
  }, 120_000);

  it('rejects a thread count that is not a whole number from 1 (exit 2, one line)', async () => {
    const result = await compare('--threads', '0');
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe('mlgate compare: --threads: expected a whole number from 1 to 256, got "0"');
  });
});
