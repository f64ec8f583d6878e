import { resolve } from 'node:path';
import { UserError } from '@mlgate/core';
import { loadCompareConfig, selectModel } from '../compare/config.js';
import { parseParamsSpec } from './params.js';
import type { TrainOptions } from './run-train.js';

/** What the user gave (action inputs or CLI flags); anything left out comes from the model's `train:` block. */
export interface TrainInputs {
  model?: string;
  run?: string;
  deps?: string[];
  /** `file` or `file:key,key`. */
  params?: string[];
  outs?: string[];
  metrics?: string[];
  predictions?: string;
  cache?: boolean;
  timeoutMinutes?: number;
  workingDirectory?: string;
  env?: Record<string, string>;
  /** mlgate.yml (default: `mlgate.yml` in `cwd` when it exists). */
  config?: string;
  manifest?: string;
}

/**
 * The options a training run uses: each input given wins, else the config's `train:` block, else the default. The
 * config's paths are relative to its `working_directory` (default: the repository root, `cwd`).
 */
export async function resolveTrainOptions(inputs: TrainInputs, cwd: string): Promise<TrainOptions> {
  const { config, file } = await loadCompareConfig(inputs.config, cwd);
  const models = Object.keys(config.models);
  if (inputs.model === undefined && models.length > 1) {
    throw new UserError(`name the model to train: ${file ?? 'mlgate.yml'} has ${models.join(', ')}`);
  }
  const { name, model } = selectModel(config, inputs.model, file);
  const train = model?.train;
  const command = inputs.run ?? train?.command;
  if (command === undefined || command.trim() === '') {
    throw new UserError(
      `no training command: give one (run) or set models.${name}.train.command in ${file ?? 'mlgate.yml'}`,
    );
  }
  const given = <T>(list: T[] | undefined): T[] | undefined => (list && list.length > 0 ? list : undefined);
  const configParams = (model?.params ?? []).map((paramsFile) => ({
    file: paramsFile,
    ...(train && train.params.length > 0 ? { keys: train.params } : {}),
  }));
  const timeoutMinutes = inputs.timeoutMinutes ?? train?.timeoutMinutes;
  if (timeoutMinutes !== undefined && !(timeoutMinutes > 0)) {
    throw new UserError(`timeout-minutes must be a positive number of minutes, not ${timeoutMinutes}`);
  }
  const predictions = inputs.predictions ?? train?.predictions;
  return {
    model: name,
    command,
    deps: given(inputs.deps) ?? train?.deps ?? [],
    params: given(inputs.params)?.map(parseParamsSpec) ?? configParams,
    outs: given(inputs.outs) ?? train?.outs ?? [],
    metrics: given(inputs.metrics) ?? (train && train.metrics.length > 0 ? train.metrics : (model?.metrics ?? [])),
    ...(predictions === undefined ? {} : { predictions }),
    cache: inputs.cache ?? train?.cache ?? true,
    ...(timeoutMinutes === undefined ? {} : { timeoutMinutes }),
    workingDirectory: resolve(cwd, inputs.workingDirectory ?? train?.workingDirectory ?? '.'),
    repoRoot: cwd,
    env: { ...train?.env, ...inputs.env },
    ...(inputs.manifest === undefined ? {} : { manifest: inputs.manifest }),
  };
}
