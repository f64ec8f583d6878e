import * as core from '@actions/core';
import { UserError } from '@mlgate/core';

/**
 * Reads one action input by name; '' when unset. The default is @actions/core's (the runner's
 * `INPUT_<NAME>` variables); tests and the CLI pass their own.
 */
export type InputSource = (name: string) => string;

const actionInput: InputSource = (name) => core.getInput(name);

function read(name: string, source: InputSource): string {
  return source(name).trim();
}

function invalid(name: string, expected: string, got: string): UserError {
  return new UserError(`input "${name}": expected ${expected}, got ${JSON.stringify(got)}`);
}

export function requiredInput(name: string, source: InputSource = actionInput): string {
  const value = read(name, source);
  if (value === '') throw new UserError(`input "${name}" is required but was not set`);
  return value;
}

/** An unset or empty input is `undefined`, so callers cannot mistake '' for a value. */
export function optionalInput(name: string, source: InputSource = actionInput): string | undefined {
  const value = read(name, source);
  return value === '' ? undefined : value;
}

// The YAML 1.2 core-schema spellings, as @actions/core's getBooleanInput accepts.
const TRUE = new Set(['true', 'True', 'TRUE']);
const FALSE = new Set(['false', 'False', 'FALSE']);

export function booleanInput(name: string, fallback: boolean, source: InputSource = actionInput): boolean {
  const value = read(name, source);
  if (value === '') return fallback;
  if (TRUE.has(value)) return true;
  if (FALSE.has(value)) return false;
  throw invalid(name, 'true or false', value);
}

export interface IntInputOptions {
  default?: number;
  min?: number;
  max?: number;
}

export function intInput(name: string, options: IntInputOptions & { default: number }, source?: InputSource): number;
export function intInput(name: string, options?: IntInputOptions, source?: InputSource): number | undefined;
export function intInput(
  name: string,
  options: IntInputOptions = {},
  source: InputSource = actionInput,
): number | undefined {
  const { min, max } = options;
  const value = read(name, source);
  if (value === '') return options.default;
  const expected =
    min !== undefined && max !== undefined
      ? `an integer from ${min} to ${max}`
      : min !== undefined
        ? `an integer of at least ${min}`
        : max !== undefined
          ? `an integer of at most ${max}`
          : 'an integer';
  const parsed = /^[+-]?\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(parsed)) throw invalid(name, expected, value);
  if ((min !== undefined && parsed < min) || (max !== undefined && parsed > max)) throw invalid(name, expected, value);
  return parsed;
}

/** One of `values`, or `fallback` when the input is empty (`undefined` for an optional input). */
export function enumInput<const T extends string, F extends T | undefined = T>(
  name: string,
  values: readonly T[],
  fallback: F,
  source: InputSource = actionInput,
): T | F {
  const value = read(name, source);
  if (value === '') return fallback;
  if ((values as readonly string[]).includes(value)) return value as T;
  throw invalid(name, `one of ${values.join(', ')}`, value);
}

/** Newline- or comma-separated values, trimmed, empties dropped. */
export function listInput(name: string, source: InputSource = actionInput): string[] {
  return read(name, source)
    .split(/[\n,]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/**
 * Fails when a workflow still sets an input a new major version renamed: silently ignoring it
 * would run with the default instead of what the author asked for.
 */
export function renamedInput(oldName: string, newName: string, source: InputSource = actionInput): void {
  if (read(oldName, source) !== '') {
    throw new UserError(`input "${oldName}" was renamed to "${newName}": rename it in the workflow's \`with:\``);
  }
}
