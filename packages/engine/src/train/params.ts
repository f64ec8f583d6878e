import { UserError, readMetricsFile } from '@mlgate/core';
import type { ParamValue } from '@mlgate/core';
import { readAs, userPath } from '../compare/paths.js';
import { insideRoot } from './files.js';

/** A params file and, DVC style, the keys the command uses (all of them when none are named). */
export interface ParamsSpec {
  file: string;
  keys?: string[];
}

/** `params.yaml` or `params.yaml:train.lr,train.epochs`. */
export function parseParamsSpec(text: string): ParamsSpec {
  const colon = text.lastIndexOf(':');
  // `C:\params.yaml` has a colon too; a key list never starts with a path separator.
  if (colon <= 1 || /^[\\/]/.test(text.slice(colon + 1))) return { file: text.trim() };
  const keys = text
    .slice(colon + 1)
    .split(',')
    .map((key) => key.trim())
    .filter((key) => key !== '');
  return { file: text.slice(0, colon).trim(), ...(keys.length > 0 ? { keys } : {}) };
}

/**
 * The values the command uses, by file (relative to `root`), flattened with `.`. A named key selects itself or a
 * whole section (`train` selects `train.lr` and `train.epochs`); one that none of the files naming it has is an
 * error (a model's config names its keys once for all of its params files).
 */
export async function readParams(
  specs: readonly ParamsSpec[],
  root: string,
): Promise<Record<string, Record<string, ParamValue>>> {
  const params: Record<string, Record<string, ParamValue>> = {};
  for (const spec of specs) {
    const file = insideRoot(root, spec.file, 'params file');
    const values = await readAs(userPath(file, root), readMetricsFile);
    const selected: Record<string, ParamValue> = { ...params[file] };
    for (const [key, value] of values) {
      if (!spec.keys || spec.keys.some((wanted) => key === wanted || key.startsWith(`${wanted}.`))) {
        selected[key] = value as ParamValue;
      }
    }
    params[file] = selected;
  }
  for (const spec of specs) {
    for (const wanted of spec.keys ?? []) {
      const files = specs.filter((s) => s.keys?.includes(wanted)).map((s) => insideRoot(root, s.file, 'params file'));
      const found = files.some((file) =>
        Object.keys(params[file] ?? {}).some((key) => key === wanted || key.startsWith(`${wanted}.`)),
      );
      if (!found) throw new UserError(`params: key "${wanted}" is not in ${files.join(', ')}`, { file: files[0]! });
    }
  }
  return params;
}
