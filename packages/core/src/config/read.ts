import { readTextFile } from '../files/read-text.js';
import { loadConfig } from './load.js';
import type { Config } from './types.js';

export const DEFAULT_CONFIG_FILE = 'mlgate.yml';

/** A configuration file is small; anything larger is a mistake or an attack. */
const MAX_CONFIG_BYTES = 1024 * 1024;

/** Reads and loads `mlgate.yml` (or `path`); every problem is a `UserError` naming the file. */
export async function readConfigFile(path: string = DEFAULT_CONFIG_FILE): Promise<Config> {
  return loadConfig(await readTextFile(path, MAX_CONFIG_BYTES), path);
}
