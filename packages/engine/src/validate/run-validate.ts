import { resolve } from 'node:path';
import {
  UserError,
  attachDrift,
  detectDriftDetailed,
  judgeValidation,
  readCheckSuite,
  schemaDriftOptions,
  validationReport,
  type Profile,
  type ProfileProgress,
  type Report,
  type ShardSpec,
  type ValidateFileOptions,
  type ValidationPass,
  type ValidationSection,
} from '@mlgate/core';
import { WorkerPool } from '../parallel/pool.js';
import { ProgressSum } from '../parallel/progress-sum.js';
import { chooseThreads, referenceProfile, runPass } from '../parallel/run-passes.js';

export type DataFormat = NonNullable<ValidateFileOptions['format']>;
export const DATA_FORMATS: readonly DataFormat[] = ['csv', 'tsv', 'jsonl', 'parquet'];

/** The `--format` option: one of `allowed`. */
export function parseDataFormat(value: string, allowed: readonly DataFormat[] = DATA_FORMATS): DataFormat {
  if ((allowed as readonly string[]).includes(value)) return value as DataFormat;
  throw new UserError(`--format: expected one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`);
}

export interface ValidateOptions {
  /** The data file as the user named it (the report shows it so), relative to `cwd`. */
  data: string;
  cwd: string;
  /** A data schema (YAML) or a Great Expectations suite (JSON). */
  schema?: string;
  /** A saved profile JSON or a data file (profiled first), for drift. */
  reference?: string;
  shard?: ShardSpec;
  format?: DataFormat;
  maxErrors?: number;
  /** Threads reading row-aligned parts side by side. Default: every core, fewer for small files. */
  threads?: number;
}

export interface ValidateDeps {
  /** The running bundle, which worker threads start from; without it everything runs in this thread. */
  workerEntry?: URL;
  /** Bytes and rows read so far, of the data and the reference together. */
  onProgress?: (progress: ProfileProgress) => void;
  /** A column drift detection could not test, and why. */
  onSkippedColumn?: (message: string) => void;
}

export interface ValidateResult {
  report: Report;
  section: ValidationSection;
  profile: Profile;
  /** The threads the data was read on. */
  threads: number;
}

/**
 * Validates a data file the same way for the CLI, the action and the demo: the schema is read
 * first (a typo in it must not cost a long pass), then one streaming pass (split over worker
 * threads when it pays) checks every row while it profiles the file, the reference is read
 * alongside, and with a reference each column is tested for drift with the schema's settings.
 */
export async function runValidate(options: ValidateOptions, deps: ValidateDeps = {}): Promise<ValidateResult> {
  const dataPath = resolve(options.cwd, options.data);
  const schemaPath = options.schema === undefined ? undefined : resolve(options.cwd, options.schema);
  const suite = schemaPath === undefined ? undefined : await readCheckSuite(schemaPath);
  const checks = suite?.checks ?? [];
  const threads = await chooseThreads(options.threads, dataPath, deps.workerEntry !== undefined);
  const pool = threads > 1 && deps.workerEntry ? new WorkerPool(deps.workerEntry, threads) : undefined;
  const progress = new ProgressSum(deps.onProgress ?? (() => {}));
  const read = { threads, ...(pool && { pool }) };
  const reading = runPass(dataPath, {
    ...read,
    ...(schemaPath !== undefined && { schema: { path: schemaPath, checks } }),
    ...(options.shard && { shard: options.shard }),
    ...(options.format && { format: options.format }),
    ...(options.maxErrors !== undefined && { maxErrors: options.maxErrors }),
    onProgress: progress.part(),
  });
  const referencePath = options.reference === undefined ? undefined : resolve(options.cwd, options.reference);
  // With workers the reference's shards queue behind the data's in the same pool.
  const readReference = () =>
    referencePath === undefined ? undefined : referenceProfile(referencePath, { ...read, onProgress: progress.part() });
  let pass: ValidationPass;
  let reference: Profile | undefined;
  try {
    if (pool) [pass, reference] = await Promise.all([reading, readReference()]);
    else [pass, reference] = [await reading, await readReference()];
  } finally {
    await pool?.close();
  }
  const { section, profile } = judgeValidation(pass, checks, options.data);
  if (reference) {
    const drift = schemaDriftOptions(suite?.format === 'mlgate' ? suite.schema : undefined);
    const { result, skipped } = detectDriftDetailed(reference, profile, drift);
    attachDrift(section, result);
    for (const column of skipped) if (column.status !== 'pass') deps.onSkippedColumn?.(column.message);
  }
  return { report: validationReport([section], new Date()), section, profile, threads };
}
