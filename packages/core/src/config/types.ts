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
  registry: RegistryConfig;
  report: ReportConfig;
}

export interface ModelConfig {
  metrics: string[];
  predictions?: string;
  params: string[];
  train?: TrainConfig;
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
  bootstrap: { resamples: number; seed: number };
  onMissingBaseline: Status;
  require: GateRequirement[];
  metrics: Record<string, MetricRule>;
  slices?: SliceRule;
}

export type GateRequirement = 'data_validation' | 'drift';

/** How much worse a metric may get: in the metric's units, or relative to the baseline (`"1%"` → 0.01). */
export type Tolerance = { kind: 'absolute'; value: number } | { kind: 'relative'; value: number };

export interface MetricRule {
  /** Absent when the config leaves it to mlgate's per-metric default. */
  direction?: Direction;
  min?: number;
  max?: number;
  maxRegression?: Tolerance;
  requireSignificance: boolean;
}

export interface SliceRule {
  columns: string[];
  minSize: number;
  maxRegression?: Tolerance;
}

export interface RegistryConfig {
  stages: string[];
}

export interface ReportConfig {
  comment: boolean;
  check: boolean;
  summary: boolean;
}
