import { locatedError } from '../config/load.js';
import { parseYaml } from '../config/yaml-source.js';
import { UserError } from '../errors.js';
import { type PathSegment, formatKeyPath, quoteKey } from '../json-schema/path.js';
import type { Bounds, Check, ColumnStatistic, SetValue, ValueType } from './types.js';
import { compilePattern, parseDateTime } from './values.js';

/** Keyword arguments GX accepts on every expectation that do not change what is checked. */
const IGNORED_KWARGS = ['result_format', 'include_config', 'catch_exceptions', 'meta', 'notes', 'batch_id'];

type Kwargs = Record<string, unknown>;

interface Translation {
  /** Keyword arguments this expectation understands, besides the ignored ones. */
  kwargs: string[];
  translate(args: Args): Check;
}

const COLUMN_STATISTICS: Record<string, ColumnStatistic> = {
  column_mean_to_be_between: 'mean',
  column_median_to_be_between: 'median',
  column_min_to_be_between: 'min',
  column_max_to_be_between: 'max',
  column_stdev_to_be_between: 'stdev',
};

const RANGE_KWARGS = ['min_value', 'max_value', 'strict_min', 'strict_max'];

const TRANSLATIONS: Record<string, Translation> = {
  column_to_exist: {
    kwargs: ['column', 'column_index'],
    translate: (a) => {
      if (a.kwargs.column_index !== undefined && a.kwargs.column_index !== null) {
        throw a.error('column_index', 'column_index is not supported; remove it to check only that the column exists');
      }
      return { kind: 'column_exists', name: a.name, column: a.column() };
    },
  },
  column_values_to_not_be_null: {
    kwargs: ['column', 'mostly'],
    translate: (a) => ({ kind: 'not_null', name: a.name, column: a.column(), mostly: a.mostly() }),
  },
  column_values_to_be_null: {
    kwargs: ['column', 'mostly'],
    translate: (a) => ({ kind: 'null', name: a.name, column: a.column(), mostly: a.mostly() }),
  },
  column_values_to_be_between: {
    kwargs: ['column', 'mostly', 'parse_strings_as_datetimes', 'allow_cross_type_comparisons', ...RANGE_KWARGS],
    translate: (a) => {
      const { bounds, datetime } = a.range(true);
      return { kind: 'between', name: a.name, column: a.column(), bounds, datetime, mostly: a.mostly() };
    },
  },
  column_values_to_be_in_set: {
    kwargs: ['column', 'value_set', 'mostly', 'parse_strings_as_datetimes'],
    translate: (a) => ({ kind: 'in_set', name: a.name, column: a.column(), values: a.valueSet(), mostly: a.mostly() }),
  },
  column_values_to_not_be_in_set: {
    kwargs: ['column', 'value_set', 'mostly', 'parse_strings_as_datetimes'],
    translate: (a) => ({
      kind: 'not_in_set',
      name: a.name,
      column: a.column(),
      values: a.valueSet(),
      mostly: a.mostly(),
    }),
  },
  column_values_to_match_regex: {
    kwargs: ['column', 'regex', 'mostly'],
    translate: (a) => ({ kind: 'regex', name: a.name, column: a.column(), pattern: a.regex(), mostly: a.mostly() }),
  },
  column_values_to_not_match_regex: {
    kwargs: ['column', 'regex', 'mostly'],
    translate: (a) => ({ kind: 'not_regex', name: a.name, column: a.column(), pattern: a.regex(), mostly: a.mostly() }),
  },
  column_values_to_be_unique: {
    kwargs: ['column', 'mostly'],
    translate: (a) => ({ kind: 'unique', name: a.name, column: a.column(), numeric: false, mostly: a.mostly() }),
  },
  column_values_to_be_of_type: {
    kwargs: ['column', 'type_', 'mostly'],
    translate: (a) => ({ kind: 'type', name: a.name, column: a.column(), type: a.valueType(), mostly: a.mostly() }),
  },
  ...Object.fromEntries(
    Object.entries(COLUMN_STATISTICS).map(([expectation, statistic]): [string, Translation] => [
      expectation,
      {
        kwargs: ['column', 'parse_strings_as_datetimes', 'output_strftime_format', ...RANGE_KWARGS],
        translate: (a) => ({
          kind: 'statistic',
          name: a.name,
          column: a.column(),
          statistic,
          bounds: a.range().bounds,
        }),
      },
    ]),
  ),
  table_row_count_to_be_between: {
    kwargs: RANGE_KWARGS,
    translate: (a) => ({ kind: 'row_count', name: a.name, bounds: a.range().bounds }),
  },
  table_columns_to_match_set: {
    kwargs: ['column_set', 'exact_match'],
    translate: (a) => ({
      kind: 'columns_match',
      name: a.name,
      columns: a.stringList('column_set'),
      exact: a.boolean('exact_match', true),
    }),
  },
};

/** The expectation types (without `expect_`) a suite may use. */
export const SUPPORTED_EXPECTATIONS: readonly string[] = Object.keys(TRANSLATIONS).map((type) => `expect_${type}`);

/** True when the parsed document looks like a Great Expectations suite rather than a data schema. */
export function isGxSuite(data: unknown): boolean {
  return isRecord(data) && Array.isArray(data.expectations);
}

/**
 * Translates a Great Expectations expectation suite (JSON: 1.x `{"type", "kwargs"}` or 0.x
 * `{"expectation_type", "kwargs"}` items) into checks with GX's semantics: `mostly`, nulls left out
 * of map expectations, `strict_min`/`strict_max`, a missing or null bound is unbounded, regexes
 * search. An expectation or keyword argument mlgate does not support is a `UserError` naming it
 * and its index, never a silent pass.
 */
export function loadGxSuite(text: string, file: string): Check[] {
  const source = parseYaml(text, file);
  if (!isGxSuite(source.data)) {
    throw new UserError('is not a Great Expectations suite: it has no "expectations" list', { file });
  }
  const expectations = (source.data as { expectations: unknown[] }).expectations;
  return expectations.map((item, index) => {
    const path: PathSegment[] = ['expectations', index];
    const fail = (message: string, key?: string): UserError =>
      locatedError(message, file, source.locate(path, key), formatKeyPath(path));
    if (!isRecord(item)) throw fail('must be a mapping with "type" and "kwargs"');
    const typeKey = typeof item.type === 'string' ? 'type' : 'expectation_type';
    const type = item[typeKey];
    if (typeof type !== 'string') throw fail('has no "type" (GX 1.x) or "expectation_type" (GX 0.x)');
    const short = type.startsWith('expect_') ? type.slice('expect_'.length) : type;
    const translation = TRANSLATIONS[short];
    if (!translation) {
      throw fail(`unsupported expectation ${quoteKey(type)}; supported: ${SUPPORTED_EXPECTATIONS.join(', ')}`, typeKey);
    }
    const kwargs = item.kwargs ?? {};
    if (!isRecord(kwargs)) throw fail('"kwargs" must be a mapping', 'kwargs');
    const kwargsPath: PathSegment[] = [...path, 'kwargs'];
    const error = (key: string, message: string): UserError =>
      locatedError(message, file, source.locate(kwargsPath, key), formatKeyPath([...kwargsPath, key]));
    for (const key of Object.keys(kwargs)) {
      if (!translation.kwargs.includes(key) && !IGNORED_KWARGS.includes(key)) {
        throw error(key, `${quoteKey(key)} is not supported for ${type} (supported: ${translation.kwargs.join(', ')})`);
      }
    }
    return translation.translate(new Args(`expect_${short}`, kwargs, error));
  });
}

/** Typed access to one expectation's keyword arguments; wrong values are located errors. */
class Args {
  constructor(
    readonly name: string,
    readonly kwargs: Kwargs,
    readonly error: (key: string, message: string) => UserError,
  ) {}

  column(): string {
    const column = this.kwargs.column;
    if (typeof column !== 'string' || column === '') throw this.error('column', 'needs "column", a column name');
    return column;
  }

  mostly(): number {
    const mostly = this.kwargs.mostly;
    if (mostly === undefined || mostly === null) return 1;
    if (typeof mostly !== 'number' || !(mostly >= 0 && mostly <= 1)) {
      throw this.error('mostly', '"mostly" must be a number between 0 and 1');
    }
    return mostly;
  }

  boolean(key: string, fallback: boolean): boolean {
    const value = this.kwargs[key];
    if (value === undefined || value === null) return fallback;
    if (typeof value !== 'boolean') throw this.error(key, `${quoteKey(key)} must be true or false`);
    return value;
  }

  /** `min_value`/`max_value` (null = unbounded) with strictness; date strings when `allowDates`. */
  range(allowDates = false): { bounds: Bounds; datetime: boolean } {
    const { min_value: min, max_value: max } = this.kwargs;
    if ((min === undefined || min === null) && (max === undefined || max === null)) {
      throw this.error('min_value', 'needs "min_value" or "max_value"');
    }
    const datetime = allowDates && (typeof min === 'string' || typeof max === 'string');
    const bound = (key: string, value: unknown): number | undefined => {
      if (value === undefined || value === null) return undefined;
      if (typeof value === 'number' && !datetime) return value;
      const ms = typeof value === 'string' ? parseDateTime(value) : NaN;
      if (Number.isNaN(ms)) {
        throw this.error(key, `${quoteKey(key)} must be a number${allowDates ? ' or an ISO 8601 date' : ''}`);
      }
      return ms;
    };
    const lower = bound('min_value', min);
    const upper = bound('max_value', max);
    return {
      bounds: {
        ...(lower !== undefined ? { min: lower } : {}),
        ...(upper !== undefined ? { max: upper } : {}),
        strictMin: this.boolean('strict_min', false),
        strictMax: this.boolean('strict_max', false),
      },
      datetime,
    };
  }

  valueSet(): SetValue[] {
    const values = this.kwargs.value_set;
    if (!Array.isArray(values) || !values.every((v) => ['string', 'number', 'boolean'].includes(typeof v))) {
      throw this.error('value_set', '"value_set" must be a list of strings, numbers or booleans');
    }
    return values as SetValue[];
  }

  stringList(key: string): string[] {
    const values = this.kwargs[key];
    if (!Array.isArray(values) || !values.every((v) => typeof v === 'string')) {
      throw this.error(key, `${quoteKey(key)} must be a list of column names`);
    }
    return values as string[];
  }

  regex(): RegExp {
    const regex = this.kwargs.regex;
    if (typeof regex !== 'string') throw this.error('regex', '"regex" must be a string');
    try {
      return compilePattern(regex);
    } catch (error) {
      throw this.error('regex', `invalid regular expression: ${(error as Error).message}`);
    }
  }

  valueType(): ValueType {
    const name = this.kwargs.type_;
    const type = typeof name === 'string' ? valueTypeOf(name) : undefined;
    if (!type) {
      throw this.error(
        'type_',
        `${quoteKey(String(name))} is not a type mlgate can check (int, float, str, bool, datetime64, …)`,
      );
    }
    return type;
  }
}

/** GX `type_` names (pandas/numpy dtypes, Python and SQL type names) → what each value must read as. */
function valueTypeOf(name: string): ValueType | undefined {
  const type = name.toLowerCase().replace(/\[.*\]$/, '');
  if (/^u?int(8|16|32|64)?$|^(integer|bigint|smallint|tinyint|long)$/.test(type)) return 'integer';
  if (/^float(16|32|64)?$|^(double|real|numeric|decimal|number)$/.test(type)) return 'number';
  if (/^(str|string|stringdtype|unicode|object|text|varchar|char)$/.test(type)) return 'string';
  if (/^(bool|boolean)$/.test(type)) return 'boolean';
  if (/^(datetime64|datetime|datetimetz|timestamp|date)$/.test(type)) return 'datetime';
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
