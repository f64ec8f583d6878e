import { availableParallelism } from 'node:os';
import { stat } from 'node:fs/promises';
import {
  Profile,
  canJoinShards,
  formatOf,
  isGzipFile,
  isPassCheck,
  joinValidationPasses,
  readProfileFile,
  splitShard,
  validatePass,
  type Check,
  type ProfileProgress,
  type ShardSpec,
  type ValidateFileOptions,
  type ValidationPass,
} from '@mlgate/core';
import type { WorkerPool } from './pool.js';
import { ProgressSum } from './progress-sum.js';

/** Columns whose value counts the shards of a pass share (two 4-byte slots each); later ones count per shard. */
const SHARED_COUNT_COLUMNS = 4096;

/** Below this many bytes per thread, starting a worker costs more than it saves. */
export const MIN_BYTES_PER_THREAD = 32 * 1024 * 1024;

export interface PassOptions {
  /** The schema or suite file the checks came from (workers read it again) and its checks. */
  schema?: { path: string; checks: readonly Check[] };
  shard?: ShardSpec;
  format?: NonNullable<ValidateFileOptions['format']>;
  delimiter?: string;
  maxErrors?: number;
  /** Numeric values kept exactly per column and side (default `DEFAULT_EXACT_VALUES`). */
  exactValues?: number;
  /** Threads to split the file across: 1 reads it on this thread; more need `pool`. */
  threads: number;
  pool?: WorkerPool;
  onProgress?: (progress: ProfileProgress) => void;
}

/**
 * One validation pass over a file (or `--shard` of it): on this thread, or cut into `threads`
 * consecutive shards read by the pool's workers and joined into what one pass gives. A gzip file
 * or a suite with a uniqueness check is read on this thread, as those cannot be split.
 */
export async function runPass(path: string, options: PassOptions): Promise<ValidationPass> {
  const checks = options.schema?.checks ?? [];
  const { pool } = options;
  const split = options.threads > 1 && pool && canJoinShards(checks) && !(await isGzipFile(path));
  if (!split) {
    return validatePass(path, {
      suite: checks,
      ...(options.shard && { shard: options.shard }),
      ...(options.format && { format: options.format }),
      ...(options.delimiter !== undefined && { delimiter: options.delimiter }),
      ...(options.maxErrors !== undefined && { maxErrors: options.maxErrors }),
      ...(options.exactValues !== undefined && { profile: { exactValues: options.exactValues } }),
      ...(options.onProgress && { onProgress: options.onProgress }),
    });
  }
  const shards = splitShard(options.shard, options.threads);
  const size = await fileSize(path);
  const progress = new ProgressSum(options.onProgress ?? (() => {}));
  const expected = size / shards.length / (options.shard?.count ?? 1);
  const onProgress = shards.map(() => progress.part(expected));
  const rowChecks = checks.filter(isPassCheck);
  // CSV shards see the columns in the header's order, so they can share each column's value counts by position.
  const format = options.format ?? formatOf(path);
  const sharedCounts =
    format === 'csv' || format === 'tsv' ? new SharedArrayBuffer(4 * 2 * SHARED_COUNT_COLUMNS) : undefined;
  const results = await Promise.all(
    shards.map((shard, i) =>
      pool.run(
        {
          path,
          shard,
          ...(options.schema && { schema: options.schema.path }),
          ...(options.format && { format: options.format }),
          ...(options.delimiter !== undefined && { delimiter: options.delimiter }),
          ...(options.maxErrors !== undefined && { maxErrors: options.maxErrors }),
          ...(options.exactValues !== undefined && { exactValues: options.exactValues }),
          ...(sharedCounts && { sharedCounts }),
        },
        onProgress[i],
      ),
    ),
  );
  const passes: ValidationPass[] = results.map((result) => ({
    profile: Profile.fromJSON(result.profile),
    outcomes: result.outcomes.map((outcome, i) => ({ ...outcome, check: rowChecks[i]! })),
    issues: result.issues,
    errorCount: result.errorCount,
    warningCount: result.warningCount,
  }));
  return joinValidationPasses(passes, {
    ...(options.maxErrors !== undefined && { maxErrors: options.maxErrors }),
    ...(options.shard && { shard: options.shard }),
  });
}

/** A drift reference: a saved profile (`.json`) is read as it is; any other file is data, profiled like `runPass`. */
export async function referenceProfile(path: string, options: Omit<PassOptions, 'schema' | 'shard'>): Promise<Profile> {
  if (path.endsWith('.json')) return readProfileFile(path);
  return (await runPass(path, options)).profile;
}

/**
 * Threads for reading a file: `requested` when given (1 without workers), else every available
 * core but no more than one per `MIN_BYTES_PER_THREAD` of the file.
 */
export async function chooseThreads(
  requested: number | undefined,
  path: string,
  canUseWorkers: boolean,
): Promise<number> {
  if (!canUseWorkers) return 1;
  if (requested !== undefined) return requested;
  const size = await fileSize(path);
  return Math.max(1, Math.min(availableParallelism(), Math.ceil(size / MIN_BYTES_PER_THREAD)));
}

async function fileSize(path: string): Promise<number> {
  return stat(path).then(
    (s) => s.size,
    () => 0,
  );
}
