import { UserError } from '../errors.js';
import type { ScalarValue } from '../report/types.js';

/** A metrics or params file as flat `dotted.key → value` pairs, in file order. */
export type FlatValues = Map<string, ScalarValue>;

/**
 * Flattens a parsed document the way DVC does: nested mappings join their keys with `.`
 * (`{"train": {"auc": 0.9}}` → `train.auc`) and list items take their index (`a.0`). Dates become
 * their ISO text and integers too large for a double their exact decimal text, so nothing is rounded.
 * Two paths that flatten to the same key are an error rather than a silent overwrite.
 */
export function flattenDocument(document: unknown, file: string): FlatValues {
  if (!isMapping(document)) {
    throw new UserError(`must hold a mapping of names to values, not ${describe(document)}`, { file });
  }
  const flat: FlatValues = new Map();
  const visit = (value: unknown, key: string): void => {
    if (isMapping(value)) {
      for (const [child, inner] of Object.entries(value)) visit(inner, key === '' ? child : `${key}.${child}`);
    } else if (Array.isArray(value)) {
      value.forEach((inner, index) => visit(inner, `${key}.${index}`));
    } else {
      if (flat.has(key))
        throw new UserError(`key "${key}" appears twice once nested keys are joined with "."`, { file });
      flat.set(key, scalar(value));
    }
  };
  visit(document, '');
  return flat;
}

function scalar(value: unknown): ScalarValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  return `a single ${typeof value}`;
}
