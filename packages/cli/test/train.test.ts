/**
 * `mlgate train` through the built CLI (packages/cli/dist/index.js, as users run it): the run cache under
 * .mlgate/cache, the manifest on stdout with --json, the local run artifact, and the exit codes.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { chmod, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseManifest } from '@mlgate/core';
import type { Manifest } from '@mlgate/core';
import { type CliRun, runBuiltCli } from './built-cli.js';
import { stillRunning, sha256, trainingProject, trainingRuns } from '../../engine/test/train-fixtures.js';

const ARGS = ['--run', 'node train.js', '--deps', 'data/', '--deps', 'train.js', '--params', 'params.json:train'];
const OUTPUTS = ['--outs', 'model', '--metrics', 'metrics.json'];

let work: string;

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'mlgate-train-cli-'));
  await trainingProject(work);
});
afterEach(async () => {
  await chmod(join(work, '.mlgate'), 0o700).catch(() => undefined);
  await rm(work, { recursive: true, force: true });
});

function mlgate(args: string[]): Promise<CliRun> {
  return runBuiltCli(work, ['train', 'churn', ...args]);
}

const trainJson = async (extra: string[] = []): Promise<{ run: CliRun; manifest: Manifest }> => {
  const run = await mlgate([...ARGS, ...OUTPUTS, '--json', ...extra]);
  expect(run.code).toBe(0);
  return { run, manifest: parseManifest(JSON.parse(run.stdout), 'stdout') };
};

describe('mlgate train (built CLI)', () => {
  it('runs, then restores byte-identical outs without running, then trains again on a changed dep byte or param value', async () => {
    const first = await trainJson();
    expect(first.manifest.cache.hit).toBe(false);
    expect(first.run.stderr).toContain('trained on 17 bytes');
    expect(await trainingRuns(work)).toBe(1);
    const weights = await readFile(join(work, 'model/weights.bin'));

    await rm(join(work, 'model'), { recursive: true });
    const second = await trainJson();
    expect(second.manifest.cache.hit).toBe(true);
    expect(second.manifest.fingerprint).toBe(first.manifest.fingerprint);
    expect(await trainingRuns(work)).toBe(1);
    expect(sha256(await readFile(join(work, 'model/weights.bin')))).toBe(sha256(weights));

    await writeFile(join(work, 'params.json'), JSON.stringify({ train: { lr: 0.3, epochs: 5 }, seed: 1 }));
    expect((await trainJson()).manifest.cache.hit).toBe(false);
    await writeFile(join(work, 'data/train.csv'), 'id,label\n1,1\n2,1\n');
    expect((await trainJson()).manifest.cache.hit).toBe(false);
    expect(await trainingRuns(work)).toBe(3);
  }, 60_000);

  it('prints a manifest that validates and whose digests match the written and the stored files', async () => {
    const { manifest } = await trainJson();
    const written = parseManifest(JSON.parse(await readFile(join(work, 'mlgate.manifest.json'), 'utf8')), 'file');
    expect(written).toEqual(manifest);
    // The local run artifact: .mlgate/artifacts/<run>/mlgate-train-churn/
    const [run] = await readdir(join(work, '.mlgate/artifacts'));
    const stored = join(work, '.mlgate/artifacts', run!, 'mlgate-train-churn');
    for (const file of [...manifest.outs, ...manifest.metricsFiles]) {
      expect(sha256(await readFile(join(work, file.path)))).toBe(file.sha256);
      expect(sha256(await readFile(join(stored, file.path)))).toBe(file.sha256);
    }
  });

  it('exit 1 for a failing or timed-out command (nothing cached), exit 2 for a usage or config error', async () => {
    const failed = await mlgate([...ARGS, ...OUTPUTS, '--run', 'node train.js && exit 4']);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('mlgate train: the training command failed with exit code 4; nothing was cached');

    const timedOut = await mlgate([
      ...ARGS,
      ...OUTPUTS,
      '--run',
      'node stubborn.js & wait',
      '--timeout-minutes',
      '0.01',
    ]);
    expect(timedOut.code).toBe(1);
    expect(timedOut.stderr).toMatch(/timed out after 0.01 minutes/);
    expect(await stillRunning(Number(await readFile(join(work, 'child.pid'), 'utf8')))).toBe(false);
    expect(await readdir(join(work, '.mlgate/cache')).catch(() => [])).toEqual([]);

    const before = await trainingRuns(work);
    const typo = await mlgate([...ARGS, ...OUTPUTS, '--deps', 'data/*.parquet']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/deps: "data\/\*\.parquet" matches no file/);
    expect(await trainingRuns(work)).toBe(before);
    expect((await mlgate(['--bogus'])).code).toBe(2);
  }, 60_000);

  it('an unusable cache folder is a warning: training runs and succeeds', async () => {
    await mkdir(join(work, '.mlgate'), { recursive: true });
    // A file where the cache folder should be: reading and writing entries fails for root too.
    await writeFile(join(work, '.mlgate/cache'), 'not a folder');
    const run = await mlgate([...ARGS, ...OUTPUTS]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/warning: The run cache did not save this run/);
    expect(await trainingRuns(work)).toBe(1);
  });
});
