import type { Direction, Status } from '../report/types.js';

/**
 * `mlgate.yml` after validation and defaults: lists are always lists and optional sections are
 * filled in, so callers never re-apply defaults. YAML keys are snake_case; these are camelCase.
 */
export interface Config {
  version: 1;
  models: Record<string, ModelConfig>;
  data: Record<string, DatasetConfig>;
  gate: GateConfig;
  profile: ProfileConfig;
  registry: RegistryConfig;
  report: ReportConfig;
}

export interface ModelConfig {
  metrics: string[];
  predictions?: string;
  params: string[];
  train?: TrainConfig;
  /** How to read the predictions: task, positive class, score type, column names. */
  predictionsFormat: PredictionsFormat;
  /** What the model card of each registered version says beyond the numbers. */
  card?: ModelCardConfig;
  /** How the registry picks the next version when none is given. */
  bump: VersionBumpSetting;
  /** What a version needs for each stage; a stage not listed needs the defaults. */
  stages: Record<string, StagePolicy>;
}

export type VersionBumpSetting = 'patch' | 'minor' | 'major' | 'auto';

export interface StagePolicy {
  /** A recorded gate verdict of warn is enough (else only pass). */
  allowWarn: boolean;
  /** Not significantly worse than the stage's current version on any metric. */
  requireBetterThanCurrent: boolean;
}

export interface ModelCardConfig {
  intendedUse?: string;
  limitations?: string;
  owners?: string[];
}

export type PredictionTaskName = 'binary' | 'multiclass' | 'regression';
export type ScoreType = 'probability' | 'logit' | 'decision';

/** What the predictions files hold, where mlgate's guess may be wrong. Every key is optional. */
export interface PredictionsFormat {
  task?: PredictionTaskName;
  /** The label of the positive class, as written in mlgate.yml (1, true, "churn"). */
  positiveClass?: string | number | boolean;
  scoreType?: ScoreType;
  columns?: { id?: string; label?: string; prediction?: string; score?: string; classScores?: string };
}

export interface TrainConfig {
  command: string;
  deps: string[];
  outs: string[];
  /** Parameter keys (`train.lr`) the command uses. */
  params: string[];
  metrics: string[];
  predictions?: string;
  cache?: boolean;
  timeoutMinutes?: number;
  workingDirectory?: string;
  env?: Record<string, string>;
}

export interface DatasetConfig {
  path: string;
  schema?: string;
  /** Reference data for drift: a path or `registry:<model>#<stage>`. */
  reference?: string;
}

export interface GateConfig {
  confidence: number;
  /** The default significance mode of every max_regression rule. */
  significance: SignificanceMode;
  bootstrap: { resamples: number; seed: number };
  onMissingBaseline: Status;
  require: GateRequirement[];
  metrics: Record<string, MetricRule>;
  slices?: SliceRule;
}

export type GateRequirement = 'data_validation' | 'drift';

/** How much worse a metric may get: in the metric's units, or relative to the baseline (`"1%"` → 0.01). */
export type Tolerance = { kind: 'absolute'; value: number } | { kind: 'relative'; value: number };

/**
 * How a max_regression rule reads the interval of the change:
 * - `regression`: fail when even the interval's most favourable end regresses beyond the allowance;
 *   warn when only the point estimate does;
 * - `non_inferiority`: pass only when the interval's least favourable end is within the allowance;
 * - `none`: the point estimate decides.
 */
export type SignificanceMode = 'regression' | 'non_inferiority' | 'none';

export interface MetricRule {
  /** Absent when the config leaves it to mlgate's per-metric default. */
  direction?: Direction;
  min?: number;
  max?: number;
  maxRegression?: Tolerance;
  significance: SignificanceMode;
}

export interface SliceRule {
  columns: string[];
  minSize: number;
  maxRegression?: Tolerance;
  /** Unset: the metric's own rule's mode, else the gate's. */
  significance?: SignificanceMode;
  /** Per-metric rules, in place of `maxRegression` for the metrics named. */
  metrics: Record<string, SliceMetricRule>;
}

export interface SliceMetricRule {
  maxRegression: Tolerance;
  /** Unset: as for the slice rule. */
  significance?: SignificanceMode;
}

export interface ProfileConfig {
  /** Numeric values kept exactly per column and side (see `ExactValues`). */
  exactValues: number;
}

export interface RegistryConfig {
  stages: string[];
}

export interface ReportConfig {
  comment: boolean;
  check: boolean;
  summary: boolean;
}
