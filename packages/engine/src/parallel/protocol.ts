import type { ProfileJSON, RowOutcome, ShardSpec, ValidateFileOptions, ValidationPass } from '@mlgate/core';

/** One shard to read on a worker: profiled, and checked against the schema when one is given. */
export interface ShardTask {
  path: string;
  shard: ShardSpec;
  format?: NonNullable<ValidateFileOptions['format']>;
  delimiter?: string;
  /** The schema or suite file; the worker reads it itself (checks hold RegExps and sets). */
  schema?: string;
  maxErrors?: number;
  maxExamples?: number;
  /** Numeric values kept exactly per column (the pass's cap, the same on every shard). */
  exactValues?: number;
  /** Shared by every shard of the pass: values per column summary so far (see ProfileOptions.sharedCounts). */
  sharedCounts?: SharedArrayBuffer;
}

/** A pass's result as plain data: outcomes without their check, which the caller holds already. */
export interface ShardResult {
  profile: ProfileJSON;
  outcomes: Omit<RowOutcome, 'check'>[];
  issues: ValidationPass['issues'];
  errorCount: number;
  warningCount: number;
}

export interface SerializedError {
  message: string;
  /** Set for a UserError: its location, so the main thread can throw the same error. */
  location?: { file?: string; line?: number; column?: number; path?: string };
  stack?: string;
}

export type WorkerMessage =
  | { type: 'progress'; bytes: number; totalBytes: number; rows: number }
  | { type: 'done'; result: ShardResult }
  | { type: 'failed'; error: SerializedError };
