import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type Config,
  DEFAULT_CONFIG_FILE,
  inlineCode,
  type ModelConfig,
  registryState,
  DEFAULT_STAGE_POLICY,
  UserError,
  type VersionBumpSetting,
} from '@mlgate/core';
import {
  type DeploymentTarget,
  promoteAndDeploy,
  readRegistrationEvidence,
  registerVersion,
  storedPredictionsComparer,
  versionReleaseSpec,
} from '@mlgate/engine';
import type { DeploymentRecorder, Logger, ReleaseFiles, ReleasePublisher, RegistryStore } from '@mlgate/github';
import type { Outcome } from './outcome.js';

/** The registry's parts as this run uses them: GitHub's, or test doubles. */
export interface Registry {
  store: RegistryStore;
  files: ReleaseFiles;
  /** Unset when the `release` input is false. */
  publisher: ReleasePublisher | undefined;
  /** Unset when the `deployment` input is false. */
  recorder: DeploymentRecorder | undefined;
  config: Config;
  /** The `config` input, for the comparison of stored predictions. */
  configPath: string | undefined;
  cwd: string;
  logger: Logger;
  /** The page of a tag's release, for the deployment's environment URL. */
  releasePage: (tag: string) => string;
  runUrl: string | undefined;
}

/** The model named, else the config's only model. */
export function modelName(config: Config, name: string | undefined): string {
  if (name !== undefined) return name;
  const names = Object.keys(config.models);
  if (names.length === 1) return names[0] as string;
  throw new UserError(
    `input "model" is required: the config names ${names.length === 0 ? 'no model' : `${names.length} models (${names.join(', ')})`}`,
  );
}

export interface AssignRequest {
  model: string;
  /** `vX.Y.Z` or `latest`. */
  version: string;
  stage: string;
  actor: string;
  reason?: string;
  force?: boolean;
}

/** Assigns (promotes, or rolls back to) a version, with the stage's evidence gate, inside a deployment. */
export async function assign(registry: Registry, request: AssignRequest): Promise<Outcome> {
  const { model, stage, actor, reason } = request;
  const version = request.version === 'latest' ? await latestVersion(registry, model) : request.version;
  const modelConfig: ModelConfig | undefined = registry.config.models[model];
  const compare = storedPredictionsComparer({
    model,
    predictions: modelConfig?.predictions,
    ...(registry.configPath !== undefined && { config: registry.configPath }),
    cwd: registry.cwd,
    logger: registry.logger,
  });
  const deployment: DeploymentTarget | undefined = registry.recorder && {
    recorder: registry.recorder,
    logger: registry.logger,
    environmentUrl: registry.releasePage(`${model}@${version}`),
    ...(registry.runUrl !== undefined && { logUrl: registry.runUrl }),
  };
  const result = await promoteAndDeploy(
    {
      model,
      version,
      stage,
      stages: registry.config.registry.stages,
      policy: modelConfig?.stages[stage] ?? DEFAULT_STAGE_POLICY,
      details: { actor, ...(reason !== undefined && { reason }) },
      ...(request.force && reason !== undefined && { force: { reason } }),
      ...(compare && { compare }),
    },
    { store: registry.store, files: registry.files, logger: registry.logger },
    deployment,
  );
  const base = { model, version, stage, releaseUrl: null, deploymentId: result.deploymentId, notes: [] };
  if (result.refused) {
    return { ...base, result: 'refused', tag: null, previous: null, missing: result.missing, forced: false };
  }
  return {
    ...base,
    result: result.created ? 'promoted' : 'unchanged',
    tag: result.tag,
    previous: result.previous,
    missing: result.missing,
    forced: result.forced,
  };
}

async function latestVersion(registry: Registry, model: string): Promise<string> {
  const latest = registryState(model, await registry.store.listTags(model)).versions.at(-1);
  if (!latest) throw new UserError(`${model} has no registered version in ${registry.store.describe()}`);
  registry.logger.info(`latest: ${model}@${latest.version} is the highest registered version.`);
  return latest.version;
}

export interface RegisterRequest {
  model: string;
  commit: string;
  actor: string;
  version?: string;
  bump?: VersionBumpSetting;
  manifest?: string;
  report?: string;
  reason?: string;
  /** The stage assigned when the recorded gate verdict passed. */
  stage: string;
}

/**
 * Registers the commit as the next version (the bump from the input, else the config) with its evidence,
 * publishes its release, and assigns `stage` when the recorded gate verdict passed.
 */
export async function register(registry: Registry, request: RegisterRequest): Promise<Outcome> {
  const { model, actor } = request;
  const { stages } = registry.config.registry;
  // A stage that can never be assigned is a configuration error, found before a version is registered without it.
  if (!stages.includes(request.stage)) {
    throw new UserError(
      `stage ${JSON.stringify(request.stage)} (assigned on push when the gate passes) is not a configured stage ` +
        `(${stages.join(', ')}): set the \`stage\` input, or add it to registry.stages; nothing was registered`,
      { file: registry.configPath ?? DEFAULT_CONFIG_FILE, path: 'registry.stages' },
    );
  }
  const evidence = await readRegistrationEvidence({
    ...(request.manifest !== undefined && { manifest: request.manifest }),
    ...(request.report !== undefined && { report: request.report }),
    cwd: registry.cwd,
  });
  const recorded = await registerVersion(
    {
      model,
      rev: request.commit,
      ...(request.version !== undefined
        ? { version: request.version }
        : { bump: request.bump ?? registry.config.models[model]?.bump ?? 'patch' }),
      details: { actor, ...(request.reason !== undefined && { reason: request.reason }), ...evidence.details },
    },
    { store: registry.store, logger: registry.logger },
  );
  const version = recorded.version as string;
  const notes: string[] = [];
  let releaseUrl: string | null = null;
  if (registry.publisher) {
    const card = registry.config.models[model]?.card;
    const spec = await versionReleaseSpec({
      tag: recorded.tag,
      model,
      version,
      evidence,
      ...(card && { card }),
      workDir: await mkdtemp(join(process.env.RUNNER_TEMP ?? tmpdir(), 'mlgate-release-')),
    });
    const release = await registry.publisher.publish(spec);
    releaseUrl = release.url;
    notes.push(`Release ${inlineCode(recorded.tag)}: ${release.action}, ${release.assets.length} assets.`);
  }
  const registered: Outcome = {
    result: recorded.created ? 'registered' : 'unchanged',
    model,
    version,
    stage: null,
    tag: recorded.tag,
    previous: null,
    releaseUrl,
    deploymentId: null,
    missing: [],
    forced: false,
    notes,
  };
  const verdict = evidence.report?.report.verdict.status;
  if (verdict !== 'pass') {
    notes.push(
      `Not assigned to ${inlineCode(request.stage)}: ${verdict ? `the gate verdict is ${inlineCode(verdict)}` : 'no report gave a gate verdict'}.`,
    );
    return registered;
  }
  const assigned = await assign(registry, { model, version, stage: request.stage, actor });
  if (assigned.result === 'refused') {
    // Registered, but the stage's evidence gate said no: the registration stands, the refusal fails the step.
    return { ...assigned, releaseUrl, notes: [...notes, `Registered ${inlineCode(recorded.tag)}.`] };
  }
  const changed = recorded.created || assigned.result === 'promoted';
  return {
    ...assigned,
    result: assigned.result === 'promoted' ? 'promoted' : changed ? 'registered' : 'unchanged',
    releaseUrl,
    notes: [`Registered ${inlineCode(recorded.tag)}${recorded.created ? '' : ' (already)'}.`, ...notes],
  };
}
