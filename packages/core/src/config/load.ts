import configSchema from '../../schemas/config.schema.json' with { type: 'json' };
import { UserError } from '../errors.js';
import { formatKeyPath } from '../json-schema/path.js';
import { type SchemaProblem, createSchemaValidator } from '../json-schema/validator.js';
import type { Direction, Status } from '../report/types.js';
import { DEFAULT_EXACT_VALUES } from '../sketch/exact-values.js';
import { CONFIG_DEFAULTS, DEFAULT_STAGE_POLICY } from './defaults.js';
import type {
  Config,
  GateRequirement,
  MetricRule,
  ModelConfig,
  PredictionTaskName,
  ScoreType,
  SignificanceMode,
  Tolerance,
  TrainConfig,
  VersionBumpSetting,
} from './types.js';
import { type Position, type YamlSource, parseYaml } from './yaml-source.js';

/** The `mlgate.yml` JSON Schema, published for editor completion. */
export const configJsonSchema = configSchema;

const validateConfig = createSchemaValidator(configJsonSchema, 'mlgate-config', { vocabulary: 'yaml' });

/** `mlgate.yml` as written: the shape the schema guarantees once it has passed. */
interface RawConfig {
  version: 1;
  models?: Record<string, RawModel>;
  data?: Record<string, { path: string; schema?: string; reference?: string }>;
  gate?: {
    confidence?: number;
    significance?: SignificanceMode;
    bootstrap?: { resamples?: number; seed?: number };
    on_missing_baseline?: Status;
    require?: GateRequirement[];
    metrics?: Record<string, RawMetricRule>;
    slices?: {
      columns: string[];
      min_size?: number;
      max_regression?: RawTolerance;
      significance?: SignificanceMode;
      metrics?: Record<string, { max_regression: RawTolerance; significance?: SignificanceMode }>;
    };
  };
  profile?: { exact_values?: number };
  registry?: { stages?: string[] };
  report?: { comment?: boolean; check?: boolean; summary?: boolean };
}

interface RawModel {
  metrics?: string | string[];
  predictions?: string;
  params?: string | string[];
  train?: {
    command: string;
    deps?: string[];
    outs?: string[];
    params?: string[];
    metrics?: string[];
    predictions?: string;
    cache?: boolean;
    timeout_minutes?: number;
    working_directory?: string;
    env?: Record<string, string>;
  };
  task?: PredictionTaskName;
  positive_class?: string | number | boolean;
  score_type?: ScoreType;
  columns?: { id?: string; label?: string; prediction?: string; score?: string; class_scores?: string };
  bump?: VersionBumpSetting;
  stages?: Record<string, { allow_warn?: boolean; require_better_than_current?: boolean }>;
  card?: { intended_use?: string; limitations?: string; owners?: string[] };
}

type RawTolerance = number | string;

interface RawMetricRule {
  direction?: Direction;
  min?: number;
  max?: number;
  max_regression?: RawTolerance;
  significance?: SignificanceMode;
  require_significance?: boolean;
}

/**
 * Parses and validates the text of `mlgate.yml` and applies defaults. Every problem is a
 * `UserError` at `file:line:column` with the key path, e.g.
 * `mlgate.yml:12:7: gate.metrics.auc: unknown key "mni", did you mean "min"? (allowed: …)`.
 */
export function loadConfig(text: string, file: string): Config {
  const source = parseYaml(text, file);
  if (source.data === null || source.data === undefined) {
    throw new UserError('is empty; it must start with "version: 1"', { file });
  }
  const problems = validateConfig(source.data);
  if (problems.length > 0) throw firstInFile(problems, source, file);
  const raw = source.data as RawConfig;
  checkBounds(raw, source, file);
  checkSignificance(raw, source, file);
  checkModelOutputs(raw, source, file);
  return withDefaults(raw);
}

/** The problem written first in the file, so fixing errors top to bottom works. */
export function firstInFile(problems: readonly SchemaProblem[], source: YamlSource, file: string): UserError {
  const located = problems.map((problem) => ({ problem, at: source.locate(problem.path, problem.key) }));
  const offset = (at: Position | undefined): number => at?.offset ?? Number.POSITIVE_INFINITY;
  const [first] = located.sort((a, b) => offset(a.at) - offset(b.at));
  if (!first) throw new Error('firstInFile needs at least one problem');
  return locatedError(first.problem.message, file, first.at, formatKeyPath(first.problem.path));
}

function checkBounds(raw: RawConfig, source: YamlSource, file: string): void {
  for (const [name, rule] of Object.entries(raw.gate?.metrics ?? {})) {
    if (rule.min !== undefined && rule.max !== undefined && rule.min > rule.max) {
      const path = ['gate', 'metrics', name];
      throw locatedError(
        `min (${rule.min}) is greater than max (${rule.max})`,
        file,
        source.locate(path, 'min'),
        formatKeyPath(path),
      );
    }
  }
}

/** `require_significance` is the older spelling of `significance`; the two must not disagree. */
function checkSignificance(raw: RawConfig, source: YamlSource, file: string): void {
  for (const [name, rule] of Object.entries(raw.gate?.metrics ?? {})) {
    if (rule.require_significance === undefined || rule.significance === undefined) continue;
    if (rule.significance === legacySignificance(rule.require_significance)) continue;
    const path = ['gate', 'metrics', name];
    throw locatedError(
      `require_significance: ${rule.require_significance} contradicts significance: ${rule.significance}; keep only significance`,
      file,
      source.locate(path, 'require_significance'),
      formatKeyPath(path),
    );
  }
}

function legacySignificance(required: boolean): SignificanceMode {
  return required ? 'regression' : 'none';
}

/** A model is judged on its metrics files, its predictions, or both; it needs at least one. */
function checkModelOutputs(raw: RawConfig, source: YamlSource, file: string): void {
  for (const [name, model] of Object.entries(raw.models ?? {})) {
    if (model.metrics === undefined && model.predictions === undefined) {
      const path = ['models', name];
      throw locatedError('give "metrics", "predictions" or both', file, source.locate(path), formatKeyPath(path));
    }
  }
}

/** A `UserError` at the position `locate` found (when it found one), naming the key path. */
export function locatedError(message: string, file: string, at: Position | undefined, path: string): UserError {
  return new UserError(message, {
    file,
    ...(at ? { line: at.line, column: at.column } : {}),
    ...(path ? { path } : {}),
  });
}

function withDefaults(raw: RawConfig): Config {
  const gate = raw.gate ?? {};
  const slices = gate.slices;
  const significance = gate.significance ?? CONFIG_DEFAULTS.significance;
  return {
    version: 1,
    models: mapValues(raw.models ?? {}, modelConfig),
    data: mapValues(raw.data ?? {}, (dataset) => ({ ...dataset })),
    gate: {
      confidence: gate.confidence ?? CONFIG_DEFAULTS.confidence,
      significance,
      bootstrap: {
        resamples: gate.bootstrap?.resamples ?? CONFIG_DEFAULTS.bootstrap.resamples,
        seed: gate.bootstrap?.seed ?? CONFIG_DEFAULTS.bootstrap.seed,
      },
      onMissingBaseline: gate.on_missing_baseline ?? CONFIG_DEFAULTS.onMissingBaseline,
      require: [...(gate.require ?? [])],
      metrics: mapValues(gate.metrics ?? {}, (rule) => metricRule(rule, significance)),
      ...(slices
        ? {
            slices: {
              columns: [...slices.columns],
              minSize: slices.min_size ?? CONFIG_DEFAULTS.sliceMinSize,
              ...optional('maxRegression', slices.max_regression, parseTolerance),
              ...optional('significance', slices.significance, (mode) => mode),
              metrics: mapValues(slices.metrics ?? {}, (rule) => ({
                maxRegression: parseTolerance(rule.max_regression),
                ...optional('significance', rule.significance, (mode) => mode),
              })),
            },
          }
        : {}),
    },
    profile: { exactValues: raw.profile?.exact_values ?? DEFAULT_EXACT_VALUES },
    registry: { stages: [...(raw.registry?.stages ?? CONFIG_DEFAULTS.stages)] },
    report: { ...CONFIG_DEFAULTS.report, ...raw.report },
  };
}

function modelConfig(raw: RawModel): ModelConfig {
  return {
    metrics: list(raw.metrics),
    ...optional('predictions', raw.predictions, (path) => path),
    params: list(raw.params),
    ...optional('train', raw.train, trainConfig),
    predictionsFormat: {
      ...optional('task', raw.task, (task) => task),
      ...optional('positiveClass', raw.positive_class, (positive) => positive),
      ...optional('scoreType', raw.score_type, (type) => type),
      ...optional('columns', raw.columns, ({ class_scores, ...names }) => ({
        ...names,
        ...optional('classScores', class_scores, (prefix) => prefix),
      })),
    },
    bump: raw.bump ?? 'patch',
    stages: mapValues(raw.stages ?? {}, (policy) => ({
      allowWarn: policy.allow_warn ?? DEFAULT_STAGE_POLICY.allowWarn,
      requireBetterThanCurrent: policy.require_better_than_current ?? DEFAULT_STAGE_POLICY.requireBetterThanCurrent,
    })),
    ...optional('card', raw.card, ({ intended_use, limitations, owners }) => ({
      ...optional('intendedUse', intended_use, (text) => text),
      ...optional('limitations', limitations, (text) => text),
      ...optional('owners', owners, (list) => [...list]),
    })),
  };
}

function trainConfig(raw: NonNullable<RawModel['train']>): TrainConfig {
  return {
    command: raw.command,
    deps: [...(raw.deps ?? [])],
    outs: [...(raw.outs ?? [])],
    params: [...(raw.params ?? [])],
    metrics: [...(raw.metrics ?? [])],
    ...optional('predictions', raw.predictions, (path) => path),
    ...optional('cache', raw.cache, (cache) => cache),
    ...optional('timeoutMinutes', raw.timeout_minutes, (minutes) => minutes),
    ...optional('workingDirectory', raw.working_directory, (path) => path),
    ...optional('env', raw.env, (env) => ({ ...env })),
  };
}

function metricRule(raw: RawMetricRule, gateDefault: SignificanceMode): MetricRule {
  const legacy = raw.require_significance === undefined ? undefined : legacySignificance(raw.require_significance);
  return {
    ...optional('direction', raw.direction, (direction) => direction),
    ...optional('min', raw.min, (min) => min),
    ...optional('max', raw.max, (max) => max),
    ...optional('maxRegression', raw.max_regression, parseTolerance),
    significance: raw.significance ?? legacy ?? gateDefault,
  };
}

/** `0.005` is in the metric's units; `"1%"` is relative to the baseline. */
export function parseTolerance(raw: RawTolerance): Tolerance {
  if (typeof raw === 'number') return { kind: 'absolute', value: raw };
  return { kind: 'relative', value: Number(raw.slice(0, -1)) / 100 };
}

function list(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return typeof value === 'string' ? [value] : [...value];
}

function optional<K extends string, T, U>(
  key: K,
  value: T | undefined,
  convert: (value: T) => U,
): Partial<Record<K, U>> {
  return value === undefined ? {} : ({ [key]: convert(value) } as Record<K, U>);
}

function mapValues<T, U>(record: Record<string, T>, convert: (value: T) => U): Record<string, U> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, convert(value)]));
}
