import { resolve } from 'node:path';
import {
  UserError,
  attachDrift,
  describeSkipped,
  detectDriftDetailed,
  judgeValidation,
  inspectDataFile,
  isSavedProfile,
  readCheckSuite,
  requireFile,
  type DataFileShape,
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

/**
 * The `--delimiter` option: one ASCII character other than a quote or a line break; `\\t` or `tab`
 * for a tab, which a shell argument cannot easily hold.
 */
export function parseDelimiter(value: string, name = '--delimiter'): string {
  const delimiter = value === '\\t' || value.toLowerCase() === 'tab' ? '\t' : value;
  if (delimiter.length !== 1 || delimiter.charCodeAt(0) > 0x7f || '"\r\n'.includes(delimiter)) {
    throw new UserError(
      `${name}: expected one ASCII character other than a quote or a line break (\\t or tab for a tab), got ${JSON.stringify(value)}`,
    );
  }
  return delimiter;
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
  /** The CSV/TSV field delimiter (default `,`, a tab for TSV). */
  delimiter?: string;
  maxErrors?: number;
  /**
   * Numeric values kept exactly per column and side, for the data and a reference read from data (default
   * `DEFAULT_EXACT_VALUES`); a saved reference profile keeps the cap it was made with.
   */
  exactValues?: number;
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
  /** Something about the data worth a warning that does not stop the read (a header that looks ;-separated). */
  onWarning?: (message: string) => void;
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
  const data = await inspectData(dataPath, options.data, options, deps);
  const referencePath = options.reference === undefined ? undefined : resolve(options.cwd, options.reference);
  // A saved profile is JSON; any other reference (JSON Lines in a .json file too) is data, read with the data's delimiter.
  const saved = referencePath !== undefined && (await isReferenceProfile(referencePath));
  const reference =
    referencePath === undefined || saved
      ? undefined
      : await inspectData(referencePath, options.reference!, options, deps);
  if (referencePath !== undefined && reference === undefined) await requireFile(referencePath, options.reference);
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
  const read = {
    threads,
    ...(pool && { pool }),
    ...(options.exactValues !== undefined && { exactValues: options.exactValues }),
  };
  const reading = runPass(dataPath, {
    ...read,
    ...(schemaPath !== undefined && { schema: { path: schemaPath, checks } }),
    ...(options.shard && { shard: options.shard }),
    format: data.format,
    ...(options.delimiter !== undefined && { delimiter: options.delimiter }),
    ...(options.maxErrors !== undefined && { maxErrors: options.maxErrors }),
    onProgress: progress.part(),
  });
  // With workers the reference's shards queue behind the data's in the same pool.
  const readReference = () =>
    referencePath === undefined
      ? undefined
      : referenceProfile(referencePath, {
          ...read,
          saved,
          ...(reference && { format: reference.format }),
          ...(options.delimiter !== undefined && { delimiter: options.delimiter }),
          onProgress: progress.part(),
        });
  let pass: ValidationPass;
  let referenceRead: Profile | undefined;
  try {
    if (pool) [pass, referenceRead] = await Promise.all([reading, readReference()]);
    else [pass, referenceRead] = [await reading, await readReference()];
  } finally {
    await pool?.close();
  }
  const { section, profile } = judgeValidation(pass, checks, options.data, skipped);
  if (referenceRead) {
    const drift = schemaDriftOptions(suite?.format === 'mlgate' ? suite.schema : undefined);
    const { result, skipped } = detectDriftDetailed(referenceRead, profile, {
      ...drift,
      ...(options.reference !== undefined && { referenceFile: options.reference }),
    });
    attachDrift(section, result);
    for (const column of skipped) if (column.status !== 'pass') deps.onSkippedColumn?.(column.message);
  }
  return { report: validationReport([section], new Date()), section, profile, threads };
}

/** Whether a reference is a saved profile: a `.json` file that does not hold JSON Lines records. */
async function isReferenceProfile(path: string): Promise<boolean> {
  return path.endsWith('.json') && (await isSavedProfile(path));
}

/** The data file's format and header, checked before the pass; its warnings go to `onWarning`. */
export async function inspectData(
  path: string,
  name: string,
  options: { format?: DataFormat; delimiter?: string },
  deps: { onWarning?: (message: string) => void },
): Promise<DataFileShape> {
  const shape = await inspectDataFile(path, {
    name,
    ...(options.format && { format: options.format }),
    ...(options.delimiter !== undefined && { delimiter: options.delimiter }),
  });
  for (const warning of shape.warnings) deps.onWarning?.(warning);
  return shape;
}
