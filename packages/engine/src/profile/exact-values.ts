import { MAX_EXACT_VALUES, UserError } from '@mlgate/core';
import { loadCompareConfig } from '../compare/config.js';

/** The `--exact-values` option (or the `exact-values` input): a whole number from 1 to MAX_EXACT_VALUES, or unset. */
export function parseExactValues(text: string | undefined, name = '--exact-values'): number | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const n = /^\d{1,9}$/.test(text.trim()) ? Number(text) : NaN;
  if (!(n >= 1 && n <= MAX_EXACT_VALUES)) {
    throw new UserError(
      `${name}: expected a whole number of values from 1 to ${MAX_EXACT_VALUES.toLocaleString('en-US')}, got ${JSON.stringify(text)}`,
    );
  }
  return n;
}

/**
 * The numeric values a run keeps exactly per column and side: the option when given, else `profile.exact_values` of
 * the config (`config`, or `mlgate.yml` in `cwd` when it exists), else the default.
 */
export async function exactValuesSetting(
  option: number | undefined,
  config: string | undefined,
  cwd: string,
): Promise<number> {
  // An explicit config is read (and must exist) even under the option; mlgate.yml only when it is needed.
  if (option !== undefined && config === undefined) return option;
  const loaded = await loadCompareConfig(config, cwd);
  return option ?? loaded.config.profile.exactValues;
}
