import { resolve } from 'node:path';
import {
  UserError,
  attachDrift,
  describeSkipped,
  detectDriftDetailed,
  judgeValidation,
  readCheckSuite,
  requireFile,
  schemaDriftOptions,
  validationReport,
  type Location,
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
  /** Refuse a Great Expectations suite with expectations mlgate cannot evaluate, instead of skipping them. */
  strict?: boolean;
}

export interface ValidateDeps {
  /** The running bundle, which worker threads start from; without it everything runs in this thread. */
  workerEntry?: URL;
  /** Bytes and rows read so far, of the data and the reference together. */
  onProgress?: (progress: ProfileProgress) => void;
  /** A column drift detection could not test, and why. */
  onSkippedColumn?: (message: string) => void;
  /** An expectation of the suite left out (one line: where, which and why); also a warning in the report. */
  onSkippedExpectation?: (message: string, location: Location) => void;
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
  await requireFile(dataPath, options.data);
  if (options.reference !== undefined) await requireFile(resolve(options.cwd, options.reference), options.reference);
  const schemaPath = options.schema === undefined ? undefined : resolve(options.cwd, options.schema);
  // Problems in the schema name it as the user did: that is also the path annotations need.
  const suite = schemaPath === undefined ? undefined : await readCheckSuite(schemaPath, options.schema);
  const checks = suite?.checks ?? [];
  const skipped = suite?.format === 'gx' ? suite.skipped : [];
  if (options.strict && skipped.length > 0) {
    const [first] = skipped;
    const others = skipped.length > 1 ? ` (and ${skipped.length - 1} more)` : '';
    throw new UserError(
      `${first!.type} ${first!.reason}${others}, and strict mode refuses to skip expectations`,
      first!.location,
    );
  }
  for (const expectation of skipped) deps.onSkippedExpectation?.(describeSkipped(expectation), expectation.location);
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
  const { section, profile } = judgeValidation(pass, checks, options.data, skipped);
  if (reference) {
    const drift = schemaDriftOptions(suite?.format === 'mlgate' ? suite.schema : undefined);
    const { result, skipped } = detectDriftDetailed(reference, profile, drift);
    attachDrift(section, result);
    for (const column of skipped) if (column.status !== 'pass') deps.onSkippedColumn?.(column.message);
  }
  return { report: validationReport([section], new Date()), section, profile, threads };
}
