/**
 * The mlgate report (`mlgate/report@1`): what validate and compare write, what report merges and
 * renders. Sections are optional so each step writes only what it knows; the markdown comment,
 * check run, job summary and text output are all rendered from this, never computed separately.
 * The JSON Schema in `schemas/report.schema.json` is the contract; these types mirror it.
 */
export const REPORT_SCHEMA_ID = 'mlgate/report@1';

export type Status = 'pass' | 'warn' | 'fail';
export type VerdictStatus = Status | 'skipped';

export interface Report {
  schema: typeof REPORT_SCHEMA_ID;
  /** ISO 8601 date-time. */
  createdAt: string;
  subject?: Subject;
  verdict: Verdict;
  /** One per validated dataset. */
  validations?: ValidationSection[];
  /** One per compared model. */
  comparisons?: ComparisonSection[];
}

/** The commit and run a report is about; what binds a report artifact to a pull request. */
export interface Subject {
  repository?: string;
  sha?: string;
  ref?: string;
  pullRequest?: number;
  runId?: number;
  runAttempt?: number;
  workflow?: string;
}

export interface Verdict {
  status: VerdictStatus;
  summary: string;
  reasons: Reason[];
}

/** Why the verdict is what it is: one gate rule's outcome. */
export interface Reason {
  rule: string;
  status: Status;
  message: string;
  model?: string;
  dataset?: string;
  metric?: string;
  column?: string;
}

export interface ValidationSection {
  dataset: string;
  rows: number;
  columns: number;
  status: Status;
  /** One per schema check evaluated. */
  checks: CheckResult[];
  /** Problems reading the data itself (unparseable rows and the like). */
  issues?: DataIssue[];
  drift?: DriftResult;
}

export type ScalarValue = number | string | boolean | null;

/**
 * A check's observed value as Great Expectations reports it (`result.observed_value`): a number, an
 * ISO 8601 date-time, a pandas dtype name, or the quantiles with their values.
 */
export type ObservedValue = ScalarValue | { quantiles: number[]; values: (number | null)[] };

export interface CheckResult {
  check: string;
  column?: string;
  status: Status;
  message: string;
  observed?: ScalarValue;
  observed_value?: ObservedValue;
  expected?: string;
  unexpectedCount?: number;
  /** Fraction of the checked values (0..1). */
  unexpectedFraction?: number;
  examples?: { line?: number; value: string }[];
}

export interface DataIssue {
  file: string;
  line: number;
  column?: number;
  message: string;
}

export interface DriftResult {
  status: Status;
  /** Fraction of columns that drifted (0..1). */
  share: number;
  /** Share of drifted columns at which the dataset counts as drifted (0..1). */
  threshold: number;
  columns: ColumnDrift[];
  /** Columns in one side only, with a changed type, without values, or not tested for another reason. */
  skipped?: DriftSkip[];
}

export type DriftTest = 'ks' | 'chi2' | 'psi' | 'jensen-shannon' | 'wasserstein';

/** How a column's p-value was computed. */
export type DriftMethod = 'ks-exact' | 'ks-asymptotic' | 'chi2' | 'chi2-yates' | 'fisher-exact' | 'none';

export interface ColumnDrift {
  column: string;
  test: DriftTest;
  statistic: number;
  pValue?: number;
  effect: { name: string; value: number; threshold: number };
  drifted: boolean;
  method?: DriftMethod;
  /**
   * Present when a side had more values than its profile keeps exactly: the statistic and the effect lie within
   * these bounds, `statistic` and `effect.value` are the lower bounds, and the p-value is computed from the
   * lower bound of the statistic (so it is never smaller than the exact p-value).
   */
  bounds?: { statistic: [number, number]; effect: [number, number] };
  /** What the numbers rest on, when it is not the plain test: pooled or sampled categories, an exact test. */
  note?: string;
  /** Both sides' values over the same bins or categories, for the drift chart of the HTML report. */
  distribution?: DriftDistribution;
}

/** A column's values on both sides over shared cells: counts, reference and current aligned with the cells. */
export type DriftDistribution = HistogramDistribution | CategoryDistribution;

export interface HistogramDistribution {
  kind: 'histogram';
  /** bins + 1 ascending edges; bin i is [edges[i], edges[i+1]), the last one closed (numpy.histogram's bins). */
  edges: number[];
  reference: number[];
  current: number[];
  /** The edges are instants (ms since the epoch) of a datetime column. */
  time?: boolean;
}

export interface CategoryDistribution {
  kind: 'categories';
  /** The most frequent categories of both sides together, most frequent first. */
  categories: string[];
  reference: number[];
  current: number[];
  /** Every other value, counted together. */
  other?: { reference: number; current: number };
}

export type DriftSkipReason =
  'missing-in-reference' | 'missing-in-current' | 'type-changed' | 'no-values' | 'datetime' | 'identifier';

export interface DriftSkip {
  column: string;
  reason: DriftSkipReason;
  /** `warn` for a lost column or a changed type, `pass` for a note. */
  status: Status;
  message: string;
}

export interface Revision {
  label: string;
  source?: string;
  /** Where a candidate trained by mlgate came from: its training manifest's lineage. */
  lineage?: Lineage;
}

/** The part of an `mlgate/manifest@1` a report shows: which inputs and which run produced the model. */
export interface Lineage {
  fingerprint: string;
  /** The commit the model was trained from; null outside git. */
  commit: string | null;
  dirty: boolean | null;
  /** The Actions run (its URL when known, else its id); null for a local run. */
  run: string | null;
  /** When the model was really trained: the original run's start on a cache hit. */
  trainedAt: string;
  /** The outputs were restored from the run cache: the command did not run again. */
  cacheHit: boolean;
}

export interface ComparisonSection {
  model: string;
  /** `null` when there is no baseline yet (the first run). */
  baseline: Revision | null;
  candidate: Revision;
  /** Confidence level of every interval in this section, e.g. 0.95. */
  confidence: number;
  /** How predictions were read (a comparison of predictions files only). */
  predictions?: PredictionsReading;
  metrics: MetricComparison[];
  slices?: SliceComparison[];
  params?: ParamChange[];
  /** The key metric across the model's last registered versions, for the trend chart. */
  history?: MetricHistory;
}

/**
 * One metric of the model's registered versions, oldest first, as the registry recorded it when each
 * was registered. The candidate is not in it: its value is this section's metric of the same name.
 */
export interface MetricHistory {
  metric: string;
  versions: HistoryVersion[];
}

export interface HistoryVersion {
  /** The version as the registry names it, e.g. `churn@v1.3.0`. */
  version: string;
  /** null: the registry holds no value of the metric for this version. */
  value: number | null;
  /**
   * Where the value could lie: the interval of its change against that version's own baseline, moved
   * onto the value (`baseline + ci`), when the registry recorded one.
   */
  interval?: { low: number; high: number };
  /** The stages the version holds now. */
  stages?: string[];
  /** ISO 8601. */
  registeredAt?: string;
}

/** The task, classes, positive class and score type a comparison of predictions used, and where each came from. */
export interface PredictionsReading {
  task: 'binary' | 'multiclass' | 'regression';
  taskSource: 'configured' | 'detected';
  /** Why the task was detected as it was, e.g. `integer labels with 7 distinct values`. */
  taskReason?: string;
  /** Class names (classification); binary: [negative, positive]. */
  classes?: string[];
  positiveClass?: string;
  positiveClassSource?: 'configured' | 'default';
  /** `unknown`: not declared and outside [0, 1], so only ranking metrics read them. */
  scoreType?: 'probability' | 'logit' | 'decision' | 'unknown';
  scoreTypeSource?: 'configured' | 'detected';
  /** Smallest and largest score. */
  scoreRange?: [number, number];
  /** Examples both models were scored on. */
  examples: number;
  /** Why metrics of the task are absent. */
  notes?: string[];
}

export interface SliceComparison {
  column: string;
  value: string;
  size: number;
  metrics: MetricComparison[];
}

export interface ParamChange {
  name: string;
  baseline: ScalarValue;
  candidate: ScalarValue;
}

export type Direction = 'higher' | 'lower';
/** `unknown`: mlgate cannot tell which way is better (set `direction` in the config); changes read `changed`. */
export type MetricDirection = Direction | 'unknown';
export type MetricLabel =
  'improved' | 'regressed' | 'within-noise' | 'unchanged' | 'changed' | 'new' | 'removed' | 'undefined';

export interface MetricComparison {
  name: string;
  /** Which way is better. */
  direction: MetricDirection;
  /** null: absent, not a number, or undefined on the data (`label` `undefined`, `note` says why). */
  baseline: number | null;
  candidate: number | null;
  /** candidate − baseline. */
  delta: number | null;
  /** delta / |baseline| as a fraction (0.05 = +5 %). */
  relative: number | null;
  /** Interval for `delta` at the section's confidence level. */
  ci?: { low: number; high: number; method: string };
  pValue?: number;
  label: MetricLabel;
  /** Why the metric is undefined on one side or both (label `undefined`), e.g. only one class present. */
  note?: string;
}
