import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DeltasJob, DeltasRunner } from '@mlgate/core';
import { BootstrapPool, MIN_PARALLEL_STEPS } from '../src/parallel/bootstrap-pool.js';

type PairedStatistic = Parameters<DeltasRunner>[1];

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mlgate-bootstrap-pool-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('BootstrapPool', () => {
  it('fails a job, instead of blocking for ever, when its entry does not serve the bootstrap role', async () => {
    // A bundle that forgot `serveWorker()`: its workers load, never take a slice, and exit.
    const entry = join(dir, 'forgetful.mjs');
    await writeFile(entry, 'export {};\n');
    const pool = new BootstrapPool(pathToFileURL(entry), 2, 300);
    const size = MIN_PARALLEL_STEPS / 1000;
    const job: DeltasJob = {
      metric: 'log_loss',
      task: 'binary',
      examples: { size, truth: {}, candidate: {}, baseline: {} },
      seed: 1,
      resamples: 1000,
    };
    const statistic: PairedStatistic = { size, evaluate: () => ({ candidate: 0, baseline: 0 }) };
    try {
      expect(() => pool.deltas(job, statistic)).toThrow(
        /^bootstrap worker threads did not start within 0\.3 s: file:.*forgetful\.mjs must call serveWorker\(\) at start-up$/,
      );
      expect(pool.used).toBe(true);
    } finally {
      await pool.close();
    }
  });

  it('keeps a job below the size threshold in this thread (no worker is started)', async () => {
    const pool = new BootstrapPool(pathToFileURL(join(dir, 'never-started.mjs')), 2, 300);
    const size = 100;
    const statistic: PairedStatistic = { size, evaluate: (counts) => ({ candidate: counts?.[0] ?? 0, baseline: 0 }) };
    const job: DeltasJob = {
      metric: 'log_loss',
      task: 'binary',
      examples: { size, truth: {}, candidate: {}, baseline: {} },
      seed: 3,
      resamples: 50,
    };
    const deltas = pool.deltas(job, statistic);
    expect(deltas).toHaveLength(50);
    expect(pool.used).toBe(false);
    await pool.close();
  });
});
