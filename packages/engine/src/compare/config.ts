import { access } from 'node:fs/promises';
import {
  type Config,
  type ConfigSource,
  DEFAULT_CONFIG_FILE,
  type ModelConfig,
  UserError,
  loadConfig,
  readConfigSource,
} from '@mlgate/core';
import { asShown, readAs, userPath } from './paths.js';

/** The config a comparison runs under, and the file it came from (`undefined`: every default). */
export interface LoadedConfig {
  config: Config;
  file?: string;
  /** Points at a key of the file, for problems found after loading (absent: every default). */
  errorAt?: ConfigSource['errorAt'];
}

/**
 * An explicit `config` must exist; without one, `mlgate.yml` in `cwd` is used when it exists and the
 * defaults otherwise, so a quick comparison needs no config at all.
 */
export async function loadCompareConfig(config: string | undefined, cwd: string): Promise<LoadedConfig> {
  const path = userPath(config ?? DEFAULT_CONFIG_FILE, cwd);
  if (config === undefined && !(await exists(path.absolute))) {
    return { config: loadConfig('version: 1\n', DEFAULT_CONFIG_FILE) };
  }
  const source = await readAs(path, readConfigSource);
  return {
    config: source.config,
    file: path.shown,
    errorAt: (key, message) => asShown(source.errorAt(key, message), path) as UserError,
  };
}

/** The compared model: the one named, else the config's only model. */
export function selectModel(
  config: Config,
  name: string | undefined,
  file: string | undefined,
): { name: string; model?: ModelConfig } {
  const names = Object.keys(config.models);
  if (name !== undefined) {
    const model = config.models[name];
    if (model || names.length === 0) return model ? { name, model } : { name };
    throw new UserError(`model "${name}" is not in the config (models: ${names.join(', ')})`, {
      ...(file ? { file } : {}),
      path: 'models',
    });
  }
  const [only] = names;
  if (names.length === 1 && only !== undefined) return { name: only, model: config.models[only] as ModelConfig };
  return { name: 'model' };
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
