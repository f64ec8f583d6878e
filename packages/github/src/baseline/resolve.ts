import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { type HistoryVersion, UserError, fileErrorMessage } from '@mlgate/core';
import type { ArtifactStore } from '../artifacts/store.js';
import type { Logger } from '../logger.js';
import type { BaselineSpec } from './spec.js';

/** Where a found baseline came from: enough to label it in a report and to trace it back. */
export type BaselineSource =
  | {
      kind: 'artifact';
      workflow: string;
      branch: string;
      runId: number;
      headSha: string;
      artifactName: string;
      runUrl?: string;
    }
  | { kind: 'path'; path: string }
  | { kind: 'registry'; model: string; stage: string; version: string };

/** A baseline on disk: a folder (an artifact, a folder path) or a single file (a metrics file path). */
export type BaselineFound = { found: true; label: string; source: BaselineSource } & (
  { dir: string; file?: never } | { file: string; dir?: never }
);

export type BaselineResolution = BaselineFound | { found: false; reason: string };

/** Resolves `registry:<model>#<stage>` baselines; the registry supplies it once it exists. */
export interface RegistryBaselines {
  resolve(spec: { model: string; stage: string }): Promise<BaselineResolution>;
  /** `metric` across the model's last `limit` registered versions, oldest first, for the report's trend. */
  history?(spec: { model: string; metric: string; limit: number }): Promise<HistoryVersion[]>;
}

export interface ResolveBaselineOptions {
  artifacts: ArtifactStore;
  /** The artifact the candidate's runs upload and the baseline is read from. */
  artifactName: string;
  /** This workflow (file name or id): a `branch:` baseline comes from an earlier run of the same workflow. */
  workflow: string;
  registry?: RegistryBaselines;
  logger: Logger;
  /** Base of relative path baselines. Default the process's working directory. */
  cwd?: string;
}

/**
 * Finds the baseline a comparison starts from. No baseline yet (a first run) is `found: false` with the reason,
 * and the caller decides the outcome; a baseline that should exist but cannot be read is a `UserError`.
 */
export async function resolveBaseline(
  spec: BaselineSpec,
  options: ResolveBaselineOptions,
): Promise<BaselineResolution> {
  switch (spec.kind) {
    case 'path':
      return fromPath(spec.path, options.cwd ?? process.cwd());
    case 'branch':
      return fromBranch(spec.branch, options);
    case 'registry':
      if (!options.registry) {
        throw new UserError(
          `baseline registry:${spec.model}#${spec.stage}: registry baselines need the registry (not available yet); ` +
            'use branch:<name> or a path',
        );
      }
      return options.registry.resolve(spec);
  }
}

async function fromPath(path: string, cwd: string): Promise<BaselineFound> {
  const absolute = resolve(cwd, path);
  let isDirectory: boolean;
  try {
    isDirectory = (await stat(absolute)).isDirectory();
  } catch (error) {
    throw new UserError(`${fileErrorMessage(error)} (the baseline)`, { file: path });
  }
  const found = { found: true as const, label: path, source: { kind: 'path' as const, path: absolute } };
  return isDirectory ? { ...found, dir: absolute } : { ...found, file: absolute };
}

async function fromBranch(branch: string, options: ResolveBaselineOptions): Promise<BaselineResolution> {
  const { artifacts, artifactName, workflow, logger } = options;
  logger.info(
    `Looking for the baseline: the latest successful run of ${workflow} on ${branch} with "${artifactName}".`,
  );
  const latest = await artifacts.findLatest({ workflow, branch, name: artifactName });
  if (!latest.found) {
    logger.info(`No baseline: ${latest.reason}.`);
    return { found: false, reason: latest.reason };
  }
  const { run } = latest;
  const dir = await artifacts.download(artifactName, run.id);
  const label = `${branch}@${run.headSha.slice(0, 7)} (run ${run.id})`;
  logger.info(`Baseline: ${label}.`);
  const source: BaselineSource = {
    kind: 'artifact',
    workflow,
    branch,
    runId: run.id,
    headSha: run.headSha,
    artifactName,
  };
  if (run.url) source.runUrl = run.url;
  return { found: true, dir, label, source };
}
