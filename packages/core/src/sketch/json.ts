import { UserError } from '../errors.js';

/**
 * Shape checks shared by the sketches' `fromJSON`. Each failure is a UserError naming the key
 * path (e.g. `$.columns[2].numbers.grid.n`) and what was expected, because a malformed profile
 * is something a user passed to `mlgate profile merge`, not a bug.
 */

export type JsonObject = Record<string, unknown>;

export function fail(path: string, message: string): never {
  throw new UserError(message, { path });
}

export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === undefined) return 'nothing';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** Checks `value` is an object of the given kind and a version this code reads. */
export function expectSketch(value: unknown, kind: string, versions: readonly number[], path: string): JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    fail(path, `expected a ${kind} sketch object, got ${describeValue(value)}`);
  }
  const obj = value as JsonObject;
  if (obj.kind !== kind) fail(`${path}.kind`, `expected kind "${kind}", got ${describeValue(obj.kind)}`);
  if (typeof obj.version !== 'number' || !versions.includes(obj.version)) {
    fail(
      `${path}.version`,
      `unsupported ${kind} version ${describeValue(obj.version)} (supported: ${versions.join(', ')})`,
    );
  }
  return obj;
}

export function expectInteger(obj: JsonObject, key: string, path: string, min: number, max: number): number {
  const v = obj[key];
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    fail(`${path}.${key}`, `expected an integer in [${min}, ${max}], got ${describeValue(v)}`);
  }
  return v;
}

export function expectFinite(obj: JsonObject, key: string, path: string): number {
  const v = obj[key];
  if (typeof v !== 'number' || !Number.isFinite(v))
    fail(`${path}.${key}`, `expected a finite number, got ${describeValue(v)}`);
  return v;
}

/** A finite number, or null standing for "no value" (e.g. min of an empty sketch). */
export function expectFiniteOrNull(obj: JsonObject, key: string, path: string): number | null {
  return obj[key] === null ? null : expectFinite(obj, key, path);
}

export function expectString(obj: JsonObject, key: string, path: string): string {
  const v = obj[key];
  if (typeof v !== 'string') fail(`${path}.${key}`, `expected a string, got ${describeValue(v)}`);
  return v;
}

export function expectArray(obj: JsonObject, key: string, path: string): unknown[] {
  const v = obj[key];
  if (!Array.isArray(v)) fail(`${path}.${key}`, `expected an array, got ${describeValue(v)}`);
  return v;
}

export function expectFiniteArray(obj: JsonObject, key: string, path: string): number[] {
  const arr = expectArray(obj, key, path);
  for (let i = 0; i < arr.length; i++) {
    const v = arr[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      fail(`${path}.${key}[${i}]`, `expected a finite number, got ${describeValue(v)}`);
    }
  }
  return arr as number[];
}
