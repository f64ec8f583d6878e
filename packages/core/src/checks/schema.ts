import dataSchema from '../../schemas/data-schema.schema.json' with { type: 'json' };
import { firstInFile, locatedError } from '../config/load.js';
import { parseYaml } from '../config/yaml-source.js';
import { UserError } from '../errors.js';
import { formatKeyPath } from '../json-schema/path.js';
import { createSchemaValidator } from '../json-schema/validator.js';
import type { DriftTest } from '../report/types.js';
import type { Bounds, Check, ColumnSchema, DataSchema, SetValue, ValueType } from './types.js';
import { compilePattern, parseDateTime } from './values.js';

/** The data schema's JSON Schema, published for editor completion. */
export const dataSchemaJsonSchema = dataSchema;

const validateDataSchema = createSchemaValidator(dataSchemaJsonSchema, 'mlgate-data-schema', { vocabulary: 'yaml' });

interface RawRange {
  min?: number;
  max?: number;
  strict_min?: boolean;
  strict_max?: boolean;
}

interface RawColumn extends RawRange {
  type?: ValueType;
  required?: boolean;
  nullable?: boolean;
  max_null_fraction?: number;
  min?: number;
  max?: number;
  allowed?: SetValue[];
  regex?: string;
  unique?: boolean;
  mean?: RawRange;
  quantiles?: Record<string, RawRange>;
  mostly?: number;
  drift?: { test?: DriftTest; threshold?: number };
}

interface RawSchema {
  version?: 1;
  columns: Record<string, Omit<RawColumn, 'min' | 'max'> & { min?: number | string; max?: number | string }>;
  rows?: { min?: number; max?: number };
  unexpected_columns?: DataSchema['unexpectedColumns'];
}

/**
 * Parses and validates a data schema (YAML). Every problem is a `UserError` at `file:line:column`
 * with the key path: unknown keys (with a suggestion), wrong types, `min` above `max`, a regex that
 * does not compile, a date bound that is not an ISO 8601 date.
 */
export function loadDataSchema(text: string, file: string): DataSchema {
  const source = parseYaml(text, file);
  if (source.data === null || source.data === undefined) {
    throw new UserError('is empty; a data schema lists its columns under "columns:"', { file });
  }
  const problems = validateDataSchema(source.data);
  if (problems.length > 0) throw firstInFile(problems, source, file);
  const raw = source.data as RawSchema;
  const at = (path: (string | number)[], key: string, message: string): UserError =>
    locatedError(message, file, source.locate(path, key), formatKeyPath(path));
  if (raw.rows) checkOrder(raw.rows, ['rows'], at);
  return {
    columns: Object.entries(raw.columns).map(([name, column]) => columnSchema(name, column, at)),
    ...(raw.rows ? { rows: { ...raw.rows } } : {}),
    unexpectedColumns: raw.unexpected_columns ?? 'warn',
  };
}

type Locate = (path: (string | number)[], key: string, message: string) => UserError;

function columnSchema(name: string, raw: RawSchema['columns'][string], at: Locate): ColumnSchema {
  const path = ['columns', name];
  if (raw.regex !== undefined) {
    try {
      compilePattern(raw.regex);
    } catch (error) {
      throw at(path, 'regex', `invalid regular expression: ${(error as Error).message}`);
    }
  }
  const datetime = raw.type === 'datetime';
  const bound = (key: 'min' | 'max'): number | undefined => {
    const value = raw[key];
    if (value === undefined) return undefined;
    if (datetime !== (typeof value === 'string')) {
      throw at(path, key, datetime ? 'must be an ISO 8601 date for a datetime column' : 'must be a number');
    }
    if (typeof value === 'number') return value;
    const ms = parseDateTime(value);
    if (Number.isNaN(ms)) throw at(path, key, `${JSON.stringify(value)} is not an ISO 8601 date`);
    return ms;
  };
  const bounds = rangeOf({ ...raw, min: bound('min'), max: bound('max') });
  if (bounds) checkOrder(bounds, path, at);
  const mean = raw.mean ? rangeOf(raw.mean) : undefined;
  if (mean) checkOrder(mean, [...path, 'mean'], at);
  const quantiles = Object.entries(raw.quantiles ?? {}).map(([q, range]) => {
    const quantileBounds = rangeOf(range)!;
    checkOrder(quantileBounds, [...path, 'quantiles', q], at);
    return { q: Number(q), bounds: quantileBounds };
  });
  return {
    name,
    ...(raw.type ? { type: raw.type } : {}),
    required: raw.required ?? true,
    nullable: raw.nullable ?? true,
    ...(raw.max_null_fraction !== undefined ? { maxNullFraction: raw.max_null_fraction } : {}),
    ...(bounds ? { bounds } : {}),
    ...(raw.allowed ? { allowed: [...raw.allowed] } : {}),
    ...(raw.regex !== undefined ? { regex: raw.regex } : {}),
    unique: raw.unique ?? false,
    ...(mean ? { mean } : {}),
    quantiles,
    mostly: raw.mostly ?? 1,
    ...(raw.drift ? { drift: { ...raw.drift } } : {}),
  };
}

function rangeOf(raw: RawRange): Bounds | undefined {
  if (raw.min === undefined && raw.max === undefined) return undefined;
  return {
    ...(raw.min !== undefined ? { min: raw.min } : {}),
    ...(raw.max !== undefined ? { max: raw.max } : {}),
    strictMin: raw.strict_min ?? false,
    strictMax: raw.strict_max ?? false,
  };
}

function checkOrder(range: { min?: number; max?: number }, path: string[], at: Locate): void {
  if (range.min !== undefined && range.max !== undefined && range.min > range.max) {
    throw at(path, 'min', `min is greater than max`);
  }
}

/**
 * The checks a data schema states, column by column in the order written, then the table checks.
 * `mostly` applies to every row-level check of its column (nulls, type, range, set, regex, uniqueness).
 */
export function checksFromSchema(schema: DataSchema): Check[] {
  const checks: Check[] = [];
  for (const column of schema.columns) {
    const { name, mostly } = column;
    const optional = !column.required;
    const on = { column: name, optional };
    if (column.required) checks.push({ kind: 'column_exists', name: 'required', column: name });
    if (!column.nullable) checks.push({ kind: 'not_null', name: 'nullable', mostly, ...on });
    if (column.maxNullFraction !== undefined) {
      checks.push({ kind: 'max_null_fraction', name: 'max_null_fraction', max: column.maxNullFraction, ...on });
    }
    if (column.type) checks.push({ kind: 'type', name: 'type', type: column.type, mostly, ...on });
    if (column.bounds) {
      const datetime = column.type === 'datetime';
      checks.push({ kind: 'between', name: 'range', bounds: column.bounds, datetime, mostly, ...on });
    }
    if (column.allowed) checks.push({ kind: 'in_set', name: 'allowed', values: column.allowed, mostly, ...on });
    if (column.regex !== undefined) {
      checks.push({ kind: 'regex', name: 'regex', pattern: compilePattern(column.regex), mostly, ...on });
    }
    if (column.unique) {
      const numeric = column.type === 'integer' || column.type === 'number';
      checks.push({ kind: 'unique', name: 'unique', numeric, mostly, ...on });
    }
    if (column.mean) checks.push({ kind: 'statistic', name: 'mean', statistic: 'mean', bounds: column.mean, ...on });
    for (const { q, bounds } of column.quantiles) {
      checks.push({ kind: 'statistic', name: 'quantile', statistic: 'quantile', q, bounds, ...on });
    }
  }
  if (schema.rows) {
    checks.push({ kind: 'row_count', name: 'rows', bounds: { ...schema.rows, strictMin: false, strictMax: false } });
  }
  if (schema.unexpectedColumns !== 'ignore') {
    checks.push({
      kind: 'unexpected_columns',
      name: 'unexpected_columns',
      listed: schema.columns.map((column) => column.name),
      severity: schema.unexpectedColumns,
    });
  }
  return checks;
}
