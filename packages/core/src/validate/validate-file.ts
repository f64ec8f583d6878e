import { DEFAULT_MAX_EXAMPLES, RowChecker, type RowOutcome } from '../checks/row-checker.js';
import { evaluateChecks } from '../checks/evaluate.js';
import { skippedResult, type SkippedExpectation } from '../checks/gx.js';
import { joinRowOutcomes } from '../checks/join-outcomes.js';
import type { Check } from '../checks/types.js';
import type { DataIssue as ReadIssue } from '../data/issues.js';
import { formatOf, type DataFormat, type Shard } from '../data/source.js';
import { UserError } from '../errors.js';
import type { ProfileOptions } from '../profile/column.js';
import { profileFile, type ProfileProgress } from '../profile/profile-file.js';
import { joinShardProfiles } from '../profile/join-shards.js';
import type { Profile } from '../profile/profile.js';
import { worstStatus } from '../report/status.js';
import type { CheckResult, DataIssue, Status, ValidationSection } from '../report/types.js';
import { profileStats } from './column-stats.js';

/** The report schema's caps: at most this many data issues per section and examples per check. */
export const MAX_REPORTED_ISSUES = 1000;
export const MAX_REPORTED_EXAMPLES = 20;
export const DEFAULT_MAX_ERRORS = 100;

export interface ValidateFileOptions {
  /** Checks from `readCheckSuite(...).checks`; none means the data is only read and profiled. */
  suite?: readonly Check[];
  shard?: Shard;
  format?: DataFormat;
  /** The CSV/TSV field delimiter (default `,`, a tab for TSV). */
  delimiter?: string;
  /** Data issues kept (and reported) at most; all are counted (default 100, at most 1000). */
  maxErrors?: number;
  /** Failing values kept per row-level check, with their line (default 10, at most 20). */
  maxExamples?: number;
  /** The dataset's name in the report and its issues (default: `path`). */
  dataset?: string;
  profile?: Omit<ProfileOptions, 'quotedIsText'>;
  /** Called after each batch; cheap to ignore. */
  onProgress?: (progress: ProfileProgress) => void;
}

export interface ValidateFileResult {
  /** The report section; attach drift to it with `attachDrift`. */
  section: ValidationSection;
  profile: Profile;
  /** Data issues the reader kept, with their severity and code (bounded by `maxErrors`). */
  issues: ReadIssue[];
  errorCount: number;
  warningCount: number;
}

/**
 * Validates a data file (or shard `i/n` of it) in one streaming pass: each batch feeds the profile
 * and the row-level checks; the aggregate checks are then judged on statistics read from the
 * profile. The section fails on any failing check or on any row the reader could not read
 * (`error` issues); rows read leniently (`warning` issues) make it warn.
 */
export async function validateFile(path: string, options: ValidateFileOptions = {}): Promise<ValidateFileResult> {
  return judgeValidation(await validatePass(path, options), options.suite ?? [], options.dataset ?? path);
}

/** What one pass over a file or shard found, before any aggregate check is judged. */
export interface ValidationPass {
  profile: Profile;
  /** One per row-level check of the suite, in the suite's order. */
  outcomes: RowOutcome[];
  /** Data issues the reader kept, in line order (bounded by `maxErrors`). */
  issues: ReadIssue[];
  errorCount: number;
  warningCount: number;
}

/** The streaming pass of `validateFile`: profile and row-level checks, nothing judged yet. */
export async function validatePass(path: string, options: ValidateFileOptions = {}): Promise<ValidationPass> {
  // At least one issue is kept so that a failure for unreadable rows always shows where.
  const maxErrors = bounded('maxErrors', options.maxErrors ?? DEFAULT_MAX_ERRORS, 1, MAX_REPORTED_ISSUES);
  const maxExamples = bounded('maxExamples', options.maxExamples ?? DEFAULT_MAX_EXAMPLES, 0, MAX_REPORTED_EXAMPLES);
  const quotedIsText = (options.format ?? formatOf(path)) === 'jsonl';
  const rowChecker = new RowChecker(options.suite ?? [], { maxExamples, quotedIsText });
  const { profile, issues, errorCount, warningCount } = await profileFile(path, {
    ...options.profile,
    quotedIsText,
    csv: { maxErrors, ...(options.delimiter !== undefined && { delimiter: options.delimiter }) },
    jsonl: { maxErrors },
    onBatch: (batch, parsed) => rowChecker.consume(batch, parsed),
    ...(options.shard && { shard: options.shard }),
    ...(options.format && { format: options.format }),
    ...(options.onProgress && { onProgress: options.onProgress }),
  });
  return { profile, outcomes: rowChecker.finish(), issues, errorCount, warningCount };
}

/**
 * The validation section for a pass (or passes over consecutive shards joined by
 * `joinValidationPasses`): the aggregate checks judged on the profile's statistics, the row-level
 * checks on their counts, and the reader's issues.
 */
export function judgeValidation(
  pass: ValidationPass,
  suite: readonly Check[],
  dataset: string,
  /** Expectations of a GX suite left out: each is a warning in the section. */
  skipped: readonly SkippedExpectation[] = [],
): ValidateFileResult {
  const { profile, issues, errorCount, warningCount } = pass;
  const { table, stats } = profileStats(profile);
  const results = [...evaluateChecks(suite, { rows: pass.outcomes, table, stats }), ...skipped.map(skippedResult)];
  const empty = emptyResult(profile);
  if (empty) results.push(empty);
  const issueStatus: Status = errorCount > 0 ? 'fail' : warningCount > 0 ? 'warn' : 'pass';
  const section: ValidationSection = {
    dataset,
    rows: profile.rows,
    columns: profile.columns.length,
    status: sectionStatus([...results.map((r) => r.status), issueStatus]),
    checks: results,
  };
  if (issues.length > 0) section.issues = issues.map((issue) => reportIssue(issue, dataset));
  return { section, profile, issues, errorCount, warningCount };
}

/**
 * A whole file with no rows fails whatever the suite says: an empty export must not pass as valid
 * data. A shard (`--shard i/n`) of a small file may hold no rows, so shards are exempt.
 */
function emptyResult(profile: Profile): CheckResult | undefined {
  const whole = profile.sources.length > 0 && profile.sources.every((source) => source.shard === null);
  if (!whole || profile.rows > 0) return undefined;
  const blank = profile.columns.every((column) => column.name.trim() === '');
  const why = blank ? 'the file is empty' : 'the file has a header but no data rows';
  return { check: 'not_empty', status: 'fail', message: `no rows: ${why}` };
}

function sectionStatus(statuses: readonly Status[]): Status {
  const worst = worstStatus(statuses);
  return worst === 'skipped' ? 'pass' : worst;
}

function reportIssue(issue: ReadIssue, dataset: string): DataIssue {
  return {
    file: dataset,
    line: Math.max(1, issue.line),
    ...(issue.column >= 1 && { column: issue.column }),
    message: `${issue.severity}: ${issue.message}`,
  };
}

function bounded(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new UserError(`${name} must be an integer from ${min} to ${max}, got ${value}`);
  }
  return value;
}

export interface JoinPassesOptions {
  /** The `maxErrors` and `maxExamples` the passes ran with. */
  maxErrors?: number;
  maxExamples?: number;
  /** The range the passes cover together as the caller asked for it (`--shard`), or none for the whole file. */
  shard?: Shard;
}

/**
 * One pass over consecutive shards of a file (given in file order, e.g. from worker threads) as a
 * single pass over their union: the joined profile, row-check outcomes and the first issues in
 * line order. Suites with a uniqueness check cannot be split (see `canJoinShards`).
 */
export function joinValidationPasses(
  passes: readonly ValidationPass[],
  options: JoinPassesOptions = {},
): ValidationPass {
  const maxErrors = options.maxErrors ?? DEFAULT_MAX_ERRORS;
  const outcomes = joinRowOutcomes(
    passes.map((pass) => pass.outcomes),
    options.maxExamples ?? DEFAULT_MAX_EXAMPLES,
  );
  return {
    profile: joinShardProfiles(
      passes.map((pass) => pass.profile),
      options.shard ? { index: options.shard.index, count: options.shard.count } : null,
    ),
    outcomes,
    issues: passes.flatMap((pass) => pass.issues).slice(0, maxErrors),
    errorCount: passes.reduce((sum, pass) => sum + pass.errorCount, 0),
    warningCount: passes.reduce((sum, pass) => sum + pass.warningCount, 0),
  };
}
