import { parse } from 'yaml';
import { FEATURES } from './features.js';
import type { Feature } from './features.js';

/** params.yaml's `train:` block: what a data scientist changes between runs. */
export interface TrainParams {
  features: Feature[];
  /** One-hot columns for this many of the most frequent origin (and destination) airports. */
  airports: number;
  /** Inverse L2 regularisation strength (scikit-learn's C). */
  C: number;
}

export function parseParams(text: string, file: string): TrainParams {
  const doc = parse(text) as { train?: Record<string, unknown> } | null;
  const train = doc?.train;
  if (typeof train !== 'object' || train === null) throw new Error(`${file}: expected a "train:" mapping`);
  const known = ['features', 'airports', 'C'];
  for (const key of Object.keys(train)) {
    if (!known.includes(key)) throw new Error(`${file}: unknown key train.${key} (known: ${known.join(', ')})`);
  }
  const features = train.features;
  if (!Array.isArray(features) || features.length === 0) {
    throw new Error(`${file}: train.features must be a non-empty list of ${FEATURES.join(', ')}`);
  }
  for (const feature of features) {
    if (!FEATURES.includes(feature as Feature)) {
      throw new Error(`${file}: train.features: unknown feature "${String(feature)}" (known: ${FEATURES.join(', ')})`);
    }
  }
  const airports = train.airports ?? 30;
  if (!Number.isInteger(airports) || (airports as number) < 1) {
    throw new Error(`${file}: train.airports must be a whole number ≥ 1, not ${JSON.stringify(airports)}`);
  }
  const C = train.C ?? 1;
  if (typeof C !== 'number' || !(C > 0))
    throw new Error(`${file}: train.C must be a positive number, not ${JSON.stringify(C)}`);
  return { features: [...new Set(features as Feature[])], airports: airports as number, C };
}
