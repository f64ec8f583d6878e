import { resolve } from 'node:path';
import { type ProfileProgress, type ShardSpec, type ValidationPass } from '@mlgate/core';
import { WorkerPool } from '../parallel/pool.js';
import { chooseThreads, runPass } from '../parallel/run-passes.js';
import { type DataFormat, inspectData } from '../validate/run-validate.js';

export interface ProfileOptions {
  /** The data file, relative to `cwd`. */
  data: string;
  cwd: string;
  shard?: ShardSpec;
  format?: DataFormat;
  /** The CSV/TSV field delimiter (default `,`, a tab for TSV). */
  delimiter?: string;
  /** Numeric values kept exactly per column (default `DEFAULT_EXACT_VALUES`). */
  exactValues?: number;
  /** Threads reading row-aligned parts side by side. Default: every core, fewer for small files. */
  threads?: number;
}

export interface ProfileDeps {
  /** The running bundle, which worker threads start from; without it everything runs in this thread. */
  workerEntry?: URL;
  onProgress?: (progress: ProfileProgress) => void;
  /** Something about the data worth a warning that does not stop the read. */
  onWarning?: (message: string) => void;
}

/** Profiles a data file in one streaming pass, split over worker threads when it pays (no checks). */
export async function runProfile(options: ProfileOptions, deps: ProfileDeps = {}): Promise<ValidationPass> {
  const path = resolve(options.cwd, options.data);
  const { format } = await inspectData(path, options.data, options, deps);
  const threads = await chooseThreads(options.threads, path, deps.workerEntry !== undefined);
  const pool = threads > 1 && deps.workerEntry ? new WorkerPool(deps.workerEntry, threads) : undefined;
  try {
    return await runPass(path, {
      threads,
      ...(pool && { pool }),
      ...(options.shard && { shard: options.shard }),
      format,
      ...(options.delimiter !== undefined && { delimiter: options.delimiter }),
      ...(options.exactValues !== undefined && { exactValues: options.exactValues }),
      ...(deps.onProgress && { onProgress: deps.onProgress }),
    });
  } finally {
    await pool?.close();
  }
}
