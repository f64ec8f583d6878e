import type { UserError } from '../errors.js';
import { readTextFile } from '../files/read-text.js';
import { formatKeyPath, type PathSegment } from '../json-schema/path.js';
import { loadConfig, locatedError } from './load.js';
import type { Config } from './types.js';
import { parseYaml } from './yaml-source.js';

export const DEFAULT_CONFIG_FILE = 'mlgate.yml';

/** A configuration file is small; anything larger is a mistake or an attack. */
const MAX_CONFIG_BYTES = 1024 * 1024;

/** Reads and loads `mlgate.yml` (or `path`); every problem is a `UserError` naming the file. */
export async function readConfigFile(path: string = DEFAULT_CONFIG_FILE): Promise<Config> {
  return (await readConfigSource(path)).config;
}

/** A loaded config that can still point at its keys, for problems found after loading. */
export interface ConfigSource {
  config: Config;
  /** A `UserError` at the line and column of the key at `path` (e.g. `['gate', 'metrics', 'auc']`). */
  errorAt(path: readonly PathSegment[], message: string): UserError;
}

export async function readConfigSource(path: string = DEFAULT_CONFIG_FILE): Promise<ConfigSource> {
  const text = await readTextFile(path, MAX_CONFIG_BYTES);
  const config = loadConfig(text, path);
  return {
    config,
    errorAt(keyPath, message) {
      const parent = keyPath.slice(0, -1);
      const key = keyPath[keyPath.length - 1];
      const at = parseYaml(text, path).locate(parent, typeof key === 'string' ? key : undefined);
      return locatedError(message, path, at, formatKeyPath(keyPath));
    },
  };
}
