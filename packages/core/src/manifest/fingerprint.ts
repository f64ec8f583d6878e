import { createHash } from 'node:crypto';
import type { ParamValue } from './types.js';

/**
 * Bumped whenever what goes into the fingerprint changes, so entries cached by an older engine are never taken for
 * this one's.
 */
export const TRAIN_FORMAT_VERSION = 'mlgate-train@1';

export interface FingerprintInput {
  command: string;
  /** Every dep file with its content digest. */
  deps: { path: string; sha256: string }[];
  /** Params values by file, flattened. */
  params: Record<string, Record<string, ParamValue>>;
  /** The declared outputs (outs, metrics, predictions) as written in the config: a renamed output is another run. */
  outs: string[];
}

/**
 * sha256 (hex) over a canonical JSON of the inputs: deps sorted by path, params files and keys sorted, the outputs
 * in their declared order, and TRAIN_FORMAT_VERSION. Equal inputs give equal fingerprints on every machine.
 */
export function trainFingerprint(input: FingerprintInput): string {
  const canonical = {
    format: TRAIN_FORMAT_VERSION,
    command: input.command,
    deps: [...input.deps].sort((a, b) => compare(a.path, b.path)).map((dep) => [dep.path, dep.sha256]),
    params: Object.keys(input.params)
      .sort(compare)
      .map((file) => [file, sortedEntries(input.params[file]!)]),
    outs: input.outs,
  };
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}

/** `mlgate-train-<model>-<fingerprint>`; `/` in model names (`team/churn`) becomes `-`, which keys allow. */
export function trainCacheKey(model: string, fingerprint: string): string {
  return `mlgate-train-${model.replace(/\//g, '-')}-${fingerprint}`;
}

function sortedEntries(values: Record<string, ParamValue>): [string, ParamValue][] {
  return Object.keys(values)
    .sort(compare)
    .map((key) => [key, values[key]!]);
}

/** Code-unit order, not locale order: the same on every machine. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
