import {
  type ComparisonSection,
  type MetricComparison,
  type MetricHistory,
  type ModelConfig,
  type PredictionColumnNames,
  type PredictionsFormat,
  REPORT_SCHEMA_ID,
  type Reason,
  type Report,
  type Revision,
  type Status,
  DEFAULT_CONFIG_FILE,
  type SettingNames,
  UserError,
  evaluateGate,
  requireFile,
  worstStatus,
} from '@mlgate/core';
import { type BaselineFound, type BaselineSource, parseBaselineSpec, resolveBaseline } from '@mlgate/github';
import { requireCounterpart } from './baseline-files.js';
import { type Side, readSide, sideKind } from './candidate.js';
import { compareSides } from './compare-sides.js';
import { checkGateMetrics } from './gate-metrics.js';
import { loadCompareConfig, selectModel } from './config.js';
import { failsStep } from './fail-on.js';
import { paramsDiff } from './params.js';
import { type UserPath, userPath } from './paths.js';
import type { CompareDeps, CompareOptions, CompareResult } from './types.js';
import { readValidationOutcome } from './validation.js';
import { verdictSummary } from './verdict.js';

/**
 * Compares a candidate with its baseline and gates the change: the config (or its defaults), the
 * candidate and its baseline counterpart read, metrics compared (with intervals and slices when they
 * are predictions), every gate rule judged, all in one `mlgate/report@1`. A problem the user can fix
 * is a `UserError`; a failing verdict is not an error but `exitCode` 1 (under `fail-on`).
 */
export async function runCompare(options: CompareOptions, deps: CompareDeps): Promise<CompareResult> {
  const { cwd } = options;
  const { logger } = deps;
  const loaded = await loadCompareConfig(options.config, cwd);
  const { config, file: configFile } = loaded;
  const { name, model } = selectModel(config, options.model, configFile);
  const candidatePath = candidateOf(options, model, cwd);
  await requireFile(candidatePath.absolute, candidatePath.shown);
  const forcePredictions = options.predictions === true || isConfiguredPredictions(candidatePath, model, cwd);
  const kind = await sideKind(candidatePath, forcePredictions);
  const format = predictionsFormat(model, options.format);
  const columns: PredictionColumnNames = {
    ...format.columns,
    slices: kind === 'predictions' ? (config.gate.slices?.columns ?? []) : [],
  };
  const candidate = await readSide(candidatePath, kind, columns, cwd);
  logger.info(`Candidate: ${candidatePath.shown} (${kind}).`);
  const validation = options.validationReport
    ? await readValidationOutcome(userPath(options.validationReport, cwd))
    : {};

  const found = await findBaseline(options.baseline, deps, cwd);
  const baseline = found && (await readBaselineSide(found, candidatePath, kind, { ...format.columns }, cwd));
  const compared = compareSides(candidate, baseline, config, {
    format,
    settingNames: settingNames(name, configFile, options.formatOverrides),
    ...(deps.deltas && { deltas: deps.deltas }),
  });
  checkGateMetrics(config.gate, compared, loaded);
  for (const note of compared.notes) logger.info(note);
  const params = await paramsDiff(model?.params ?? [], found, cwd, logger);

  const gate = evaluateGate(config.gate, {
    comparisons: compared.metrics,
    ...(compared.slices ? { slices: compared.slices } : {}),
    ...validation,
    baselineMissing: baseline === null,
    metricsFile: sideFiles(candidate),
    model: name,
  });
  const reasons: Reason[] = [...gate.reasons, ...compared.reasons.map((reason) => ({ ...reason, model: name }))];
  const status = worstStatus([gate.status, ...reasons.map((reason) => reason.status)]) as Status;

  const section: ComparisonSection = {
    model: name,
    baseline: found ? baselineRevision(found) : null,
    candidate: {
      label: candidatePath.shown,
      source: candidatePath.shown,
      ...(candidate.kind === 'metrics' && candidate.lineage ? { lineage: candidate.lineage } : {}),
    },
    confidence: config.gate.confidence,
    ...(compared.predictions && { predictions: compared.predictions }),
    metrics: compared.metrics,
    ...(compared.slices && compared.slices.length > 0 ? { slices: compared.slices } : {}),
    ...(params ? { params } : {}),
  };
  const history = await registryHistory(found, keyMetric(Object.keys(config.gate.metrics), compared.metrics), deps);
  if (history) section.history = history;
  const report: Report = {
    schema: REPORT_SCHEMA_ID,
    createdAt: deps.now().toISOString(),
    ...(options.subject ? { subject: options.subject } : {}),
    verdict: { status, summary: verdictSummary(name, status, reasons), reasons },
    comparisons: [section],
  };
  return { report, exitCode: failsStep(status, options.failOn) ? 1 : 0 };
}

/** Registered versions drawn in the report's trend, besides the candidate. */
const HISTORY_VERSIONS = 10;

/** The metric the trend shows: the first one the gate rules on, else the first compared. */
function keyMetric(gated: readonly string[], metrics: readonly MetricComparison[]): string | undefined {
  const computed = metrics.filter((metric) => metric.candidate !== null);
  return (computed.find((metric) => gated.includes(metric.name)) ?? computed[0])?.name;
}

/** The key metric across the registry's last versions, when the baseline came from the registry. */
async function registryHistory(
  found: BaselineFound | null,
  metric: string | undefined,
  deps: CompareDeps,
): Promise<MetricHistory | undefined> {
  if (found?.source.kind !== 'registry' || metric === undefined || !deps.registry?.history) return undefined;
  const versions = await deps.registry.history({ model: found.source.model, metric, limit: HISTORY_VERSIONS });
  return versions.length > 0 ? { metric, versions } : undefined;
}

/** The explicit candidate, else the model's predictions, else its metrics file. */
function candidateOf(options: CompareOptions, model: ModelConfig | undefined, cwd: string): UserPath {
  const path = options.candidate ?? model?.predictions ?? model?.metrics[0];
  if (path === undefined) {
    throw new UserError('no candidate: give a metrics, predictions or manifest file, or a model from the config');
  }
  return userPath(path, cwd);
}

function isConfiguredPredictions(candidate: UserPath, model: ModelConfig | undefined, cwd: string): boolean {
  return model?.predictions !== undefined && userPath(model.predictions, cwd).absolute === candidate.absolute;
}

async function findBaseline(spec: string | undefined, deps: CompareDeps, cwd: string): Promise<BaselineFound | null> {
  if (spec === undefined || spec.trim() === '') {
    deps.logger.info('No baseline was given: this is compared as a first run.');
    return null;
  }
  const parsed = parseBaselineSpec(spec);
  if (parsed.kind === 'branch' && deps.workflow === undefined) {
    throw new UserError(`baseline ${spec}: branch baselines need the workflow whose runs hold the artifact`);
  }
  const resolution = await resolveBaseline(parsed, {
    artifacts: deps.artifacts,
    artifactName: deps.artifactName,
    workflow: deps.workflow ?? '',
    ...(deps.registry && { registry: deps.registry }),
    logger: deps.logger,
    cwd,
  });
  return resolution.found ? resolution : null;
}

async function readBaselineSide(
  found: BaselineFound,
  candidate: UserPath,
  candidateKind: Awaited<ReturnType<typeof sideKind>>,
  columns: PredictionColumnNames,
  cwd: string,
): Promise<Side> {
  const path = await requireCounterpart(found, candidate, cwd);
  const kind = candidateKind === 'predictions' ? 'predictions' : await sideKind(path, false);
  return readSide(path, kind, columns, cwd);
}

/** The model's settings from the config, each overridden by the caller's (flags, inputs). */
function predictionsFormat(model: ModelConfig | undefined, overrides: PredictionsFormat = {}): PredictionsFormat {
  const configured = model?.predictionsFormat ?? {};
  const columns = { ...configured.columns, ...overrides.columns };
  return {
    ...configured,
    ...overrides,
    ...(Object.keys(columns).length > 0 && { columns }),
  };
}

/** Where the user sets the positive class and score type: the config key, and the caller's override. */
function settingNames(
  model: string,
  configFile: string | undefined,
  overrides: CompareOptions['formatOverrides'],
): SettingNames {
  const where = (key: string, override: string | undefined) =>
    `models.${model}.${key} in ${configFile ?? DEFAULT_CONFIG_FILE}${override ? ` or ${override}` : ''}`;
  return {
    positiveClass: where('positive_class', overrides?.positiveClass),
    scoreType: where('score_type', overrides?.scoreType),
  };
}

function sideFiles(side: Side): string {
  return side.kind === 'predictions' ? side.file.shown : side.files.map((file) => file.shown).join(', ');
}

/** A path baseline's label is the path as given; only artifacts and registry versions have more to say. */
function baselineRevision(found: BaselineFound): Revision {
  const source = describeSource(found.source);
  return source === undefined ? { label: found.label } : { label: found.label, source };
}

function describeSource(source: BaselineSource): string | undefined {
  switch (source.kind) {
    case 'artifact':
      return source.runUrl ?? `artifact "${source.artifactName}" of run ${source.runId}`;
    case 'path':
      return undefined;
    case 'registry':
      return `registry ${source.model}#${source.stage} (${source.version})`;
  }
}
