import { locatedError } from '../config/load.js';
import { parseYaml } from '../config/yaml-source.js';
import { UserError, formatLocated, type Location } from '../errors.js';
import type { CheckResult } from '../report/types.js';
import { type PathSegment, formatKeyPath, quoteKey } from '../json-schema/path.js';
import { ConditionSyntaxError, parseRowCondition, type RowCondition } from './condition.js';
import {
  QUANTILE_METHODS,
  type Bounds,
  type Check,
  type ColumnStatistic,
  type QuantileMethod,
  type SetValue,
  type ValueType,
} from './types.js';
import { compilePattern, parseDateTime } from './values.js';

/** Keyword arguments GX accepts on every expectation that do not change what is checked. */
const IGNORED_KWARGS = [
  'result_format',
  'include_config',
  'catch_exceptions',
  'meta',
  'notes',
  'batch_id',
  'description',
  'id',
  'rendered_content',
];

/** Keyword arguments GX knows that change what is checked in ways mlgate cannot follow: the expectation is skipped. */
const UNSUPPORTED_KWARGS: Record<string, string> = {
  windows: 'compares with earlier runs (windows)',
  auto: 'is filled in by a profiler (auto)',
  profiler_config: 'is filled in by a profiler (profiler_config)',
};

/** Row filters GX reads: pandas' `DataFrame.query`, and its own `col("x") > 5` grammar. */
const CONDITION_PARSERS = ['pandas', 'python', 'great_expectations', 'great_expectations__experimental__'];
const OTHER_CONDITION_PARSERS = ['spark', 'spark_sql', 'sql'];

type Kwargs = Record<string, unknown>;

interface Translation {
  /** Keyword arguments this expectation understands, besides the ignored ones and the row condition. */
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
      const index = a.optionalInteger('column_index');
      return { kind: 'column_exists', name: a.name, column: a.column(), ...(index !== undefined && { index }) };
    },
  },
  column_values_to_not_be_null: {
    kwargs: ['column', 'mostly'],
    translate: (a) => ({ kind: 'not_null', name: a.name, column: a.column(), mostly: a.mostly(), ...a.where() }),
  },
  column_values_to_be_null: {
    kwargs: ['column', 'mostly'],
    translate: (a) => ({ kind: 'null', name: a.name, column: a.column(), mostly: a.mostly(), ...a.where() }),
  },
  column_values_to_be_between: {
    kwargs: ['column', 'mostly', 'parse_strings_as_datetimes', 'allow_cross_type_comparisons', ...RANGE_KWARGS],
    translate: (a) => {
      const { bounds, datetime } = a.range({ dates: true, required: true });
      return {
        kind: 'between',
        name: a.name,
        column: a.column(),
        bounds,
        datetime,
        mostly: a.mostly(),
        ...(!a.boolean('allow_cross_type_comparisons', false) && { mixedTypes: 'error' as const }),
        ...a.where(),
      };
    },
  },
  column_values_to_be_in_set: {
    kwargs: ['column', 'value_set', 'mostly', 'parse_strings_as_datetimes'],
    translate: (a) => ({
      kind: 'in_set',
      name: a.name,
      column: a.column(),
      values: a.valueSet(),
      mostly: a.mostly(),
      ...a.where(),
    }),
  },
  column_values_to_not_be_in_set: {
    kwargs: ['column', 'value_set', 'mostly', 'parse_strings_as_datetimes'],
    translate: (a) => ({
      kind: 'not_in_set',
      name: a.name,
      column: a.column(),
      values: a.valueSet(),
      mostly: a.mostly(),
      ...a.where(),
    }),
  },
  column_values_to_match_regex: {
    kwargs: ['column', 'regex', 'mostly'],
    translate: (a) => ({
      kind: 'regex',
      name: a.name,
      column: a.column(),
      pattern: a.regex(),
      mostly: a.mostly(),
      ...a.where(),
    }),
  },
  column_values_to_not_match_regex: {
    kwargs: ['column', 'regex', 'mostly'],
    translate: (a) => ({
      kind: 'not_regex',
      name: a.name,
      column: a.column(),
      pattern: a.regex(),
      mostly: a.mostly(),
      ...a.where(),
    }),
  },
  column_values_to_be_unique: {
    kwargs: ['column', 'mostly'],
    translate: (a) => ({
      kind: 'unique',
      name: a.name,
      column: a.column(),
      numeric: false,
      mostly: a.mostly(),
      ...a.where(),
    }),
  },
  column_values_to_be_of_type: {
    kwargs: ['column', 'type_', 'mostly'],
    translate: (a) => {
      const { type, written } = a.valueType();
      return { kind: 'column_type', name: a.name, column: a.column(), type, written, mostly: a.mostly(), ...a.where() };
    },
  },
  ...Object.fromEntries(
    Object.entries(COLUMN_STATISTICS).map(([expectation, statistic]): [string, Translation] => [
      expectation,
      {
        kwargs: ['column', 'parse_strings_as_datetimes', 'output_strftime_format', ...RANGE_KWARGS],
        translate: (a) => {
          const { bounds, datetime } = a.range({ dates: statistic === 'min' || statistic === 'max' });
          return {
            kind: 'statistic',
            name: a.name,
            column: a.column(),
            statistic,
            bounds,
            ...(datetime && { datetime }),
            mixedTypes: 'error',
            ...a.where(),
          };
        },
      },
    ]),
  ),
  column_quantile_values_to_be_between: {
    kwargs: ['column', 'quantile_ranges', 'allow_relative_error'],
    translate: (a) => ({
      kind: 'quantiles',
      name: a.name,
      column: a.column(),
      quantiles: a.quantileRanges(),
      method: a.quantileMethod(),
      ...a.where(),
    }),
  },
  table_row_count_to_be_between: {
    kwargs: RANGE_KWARGS,
    translate: (a) => ({ kind: 'row_count', name: a.name, bounds: a.range({ counts: true }).bounds, ...a.where() }),
  },
  table_columns_to_match_set: {
    kwargs: ['column_set', 'exact_match'],
    translate: (a) => ({
      kind: 'columns_match',
      name: a.name,
      columns: a.kwargs.column_set === null ? null : a.stringList('column_set'),
      exact: a.boolean('exact_match', true),
    }),
  },
};

/** The expectation types a suite may use. */
export const SUPPORTED_EXPECTATIONS: readonly string[] = Object.keys(TRANSLATIONS).map((type) => `expect_${type}`);

/** An expectation of a suite that mlgate cannot evaluate as GX would, and leaves out. */
export interface SkippedExpectation {
  /** Position in the suite's `expectations` list. */
  index: number;
  type: string;
  /** Why, e.g. `is not supported by mlgate`. */
  reason: string;
  location: Location;
}

export interface GxSuite {
  checks: Check[];
  skipped: SkippedExpectation[];
}

/** One line for the log: `suite.json:4:5: expectations[1]: expect_… is not supported by mlgate; skipped`. */
export function describeSkipped({ type, reason, location }: SkippedExpectation): string {
  return formatLocated(`${type} ${reason}; skipped`, location);
}

/** A skipped expectation in the report: a warning, so the verdict says the suite was not fully evaluated. */
export function skippedResult({ type, reason }: SkippedExpectation): CheckResult {
  return { check: type, status: 'warn', message: `not evaluated: ${reason}` };
}

/** True when the parsed document looks like a Great Expectations suite rather than a data schema. */
export function isGxSuite(data: unknown): boolean {
  return isRecord(data) && Array.isArray(data.expectations);
}

/** Thrown by a translation for an expectation mlgate cannot evaluate; it is skipped, not an error. */
class Unsupported extends Error {
  constructor(
    readonly reason: string,
    readonly key?: string,
  ) {
    super(reason);
  }
}

/**
 * Translates a Great Expectations expectation suite (JSON: 1.x `{"type", "kwargs"}` or 0.x
 * `{"expectation_type", "kwargs"}` items) into checks with GX's semantics: `mostly`, nulls left out
 * of map expectations, `strict_min`/`strict_max`, a missing or null bound is unbounded, regexes
 * search, mixed-type comparisons cannot be decided, `row_condition` selects rows. What GX itself
 * would refuse (an unknown keyword argument, `min_value` above `max_value`, a bad regex) is a
 * `UserError` at its position; an expectation GX knows but mlgate cannot evaluate is skipped and
 * listed with its reason.
 */
export function loadGxSuite(text: string, file: string): GxSuite {
  const source = parseYaml(text, file);
  if (!isGxSuite(source.data)) {
    throw new UserError('is not a Great Expectations suite: it has no "expectations" list', { file });
  }
  const expectations = (source.data as { expectations: unknown[] }).expectations;
  const checks: Check[] = [];
  const skipped: SkippedExpectation[] = [];
  expectations.forEach((item, index) => {
    const path: PathSegment[] = ['expectations', index];
    const at = (within: PathSegment[], key?: string): Location => {
      const position = source.locate(within, key);
      return {
        file,
        ...(position && { line: position.line, column: position.column }),
        path: formatKeyPath(key === undefined ? within : [...within, key]),
      };
    };
    const fail = (message: string, key?: string): UserError =>
      locatedError(message, file, source.locate(path, key), formatKeyPath(path));
    if (!isRecord(item)) throw fail('must be a mapping with "type" and "kwargs"');
    const typeKey = typeof item.type === 'string' ? 'type' : 'expectation_type';
    const type = item[typeKey];
    if (typeof type !== 'string') throw fail('has no "type" (GX 1.x) or "expectation_type" (GX 0.x)');
    const short = type.startsWith('expect_') ? type.slice('expect_'.length) : type;
    const translation = TRANSLATIONS[short];
    if (!translation) {
      skipped.push({ index, type, reason: 'is not supported by mlgate', location: at(path) });
      return;
    }
    const kwargs = item.kwargs ?? {};
    if (!isRecord(kwargs)) throw fail('"kwargs" must be a mapping', 'kwargs');
    const kwargsPath: PathSegment[] = [...path, 'kwargs'];
    const error = (key: string, message: string): UserError =>
      locatedError(message, file, source.locate(kwargsPath, key), formatKeyPath([...kwargsPath, key]));
    const known = [...translation.kwargs, ...IGNORED_KWARGS, 'row_condition', 'condition_parser'];
    try {
      for (const [key, value] of Object.entries(kwargs)) {
        if (UNSUPPORTED_KWARGS[key] !== undefined) throw new Unsupported(UNSUPPORTED_KWARGS[key]!, key);
        if (!known.includes(key)) {
          throw error(
            key,
            `${quoteKey(key)} is not an argument of ${type} (it takes ${translation.kwargs.join(', ')})`,
          );
        }
        if (isRecord(value) && '$PARAMETER' in value) {
          throw new Unsupported(
            `takes ${key} from a suite parameter ($PARAMETER), which mlgate does not evaluate`,
            key,
          );
        }
      }
      checks.push(translation.translate(new Args(`expect_${short}`, kwargs, error)));
    } catch (problem) {
      if (!(problem instanceof Unsupported)) throw problem;
      const location = problem.key === undefined ? at(path) : at(kwargsPath, problem.key);
      skipped.push({ index, type, reason: problem.reason, location });
    }
  });
  return { checks, skipped };
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

  /** The rows the expectation applies to, from `row_condition` and `condition_parser`. */
  where(): { where?: RowCondition } {
    const text = this.kwargs.row_condition;
    if (text === undefined || text === null || text === '') return {};
    if (typeof text !== 'string') throw this.error('row_condition', '"row_condition" must be a string');
    const parser = this.kwargs.condition_parser;
    if (parser === undefined || parser === null) {
      throw this.error('row_condition', 'needs "condition_parser": "pandas" (or "great_expectations"), as in GX');
    }
    if (typeof parser !== 'string' || ![...CONDITION_PARSERS, ...OTHER_CONDITION_PARSERS].includes(parser)) {
      throw this.error(
        'condition_parser',
        `${JSON.stringify(parser)} is not a condition parser (${[...CONDITION_PARSERS, ...OTHER_CONDITION_PARSERS].join(', ')})`,
      );
    }
    if (OTHER_CONDITION_PARSERS.includes(parser)) {
      throw new Unsupported(`filters rows with ${parser} (mlgate reads pandas and great_expectations conditions)`);
    }
    try {
      return { where: parseRowCondition(text) };
    } catch (problem) {
      if (!(problem instanceof ConditionSyntaxError)) throw problem;
      throw this.error('row_condition', `cannot read ${JSON.stringify(text)}: ${problem.message}`);
    }
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

  optionalInteger(key: string): number | undefined {
    const value = this.kwargs[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
      throw this.error(key, `${quoteKey(key)} must be an integer of at least 0`);
    }
    return value;
  }

  /**
   * `min_value`/`max_value` with strictness. A missing or null bound is unbounded; both missing
   * is an error only where GX says so (`required`). Bounds are numbers, or ISO 8601 dates where
   * `dates` allows (both of one kind); `counts` wants whole numbers. `min_value` above
   * `max_value` is an error, as in GX.
   */
  range(options: { dates?: boolean; required?: boolean; counts?: boolean }): { bounds: Bounds; datetime: boolean } {
    const { min_value: min, max_value: max } = this.kwargs;
    const absent = (value: unknown) => value === undefined || value === null;
    if (options.required && absent(min) && absent(max)) {
      throw this.error('min_value', 'needs "min_value" or "max_value"');
    }
    const datetime = (options.dates ?? false) && (typeof min === 'string' || typeof max === 'string');
    const bound = (key: string, value: unknown): number | undefined => {
      if (absent(value)) return undefined;
      if (typeof value === 'number' && !datetime) {
        if (options.counts && !Number.isInteger(value))
          throw this.error(key, `${quoteKey(key)} must be a whole number`);
        return value;
      }
      const ms = typeof value === 'string' && datetime ? parseDateTime(value) : NaN;
      if (Number.isNaN(ms)) {
        const both = datetime && typeof value === 'number' ? ', like the other bound' : '';
        throw this.error(key, `${quoteKey(key)} must be ${datetime ? 'an ISO 8601 date' : 'a number'}${both}`);
      }
      return ms;
    };
    const lower = bound('min_value', min);
    const upper = bound('max_value', max);
    if (lower !== undefined && upper !== undefined && lower > upper) {
      throw this.error('min_value', '"min_value" is greater than "max_value"');
    }
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

  /** The set's values; a null in it matches nothing, as nulls are left out of the check. */
  valueSet(): SetValue[] {
    const values = this.kwargs.value_set;
    if (
      !Array.isArray(values) ||
      !values.every((v) => v === null || ['string', 'number', 'boolean'].includes(typeof v))
    ) {
      throw this.error('value_set', '"value_set" must be a list of strings, numbers or booleans');
    }
    return values.filter((v): v is SetValue => v !== null);
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

  valueType(): { type: ValueType; written: string } {
    const name = this.kwargs.type_;
    if (typeof name !== 'string' || name === '') throw this.error('type_', 'needs "type_", a type name');
    const type = valueTypeOf(name);
    if (!type)
      throw new Unsupported(`checks for type ${JSON.stringify(name)}, which mlgate cannot tell apart`, 'type_');
    return { type, written: name };
  }

  /** `quantile_ranges: {quantiles, value_ranges}`: one ordered `[low, high]` pair (null = unbounded) per quantile. */
  quantileRanges(): { q: number; bounds: Bounds }[] {
    const ranges = this.kwargs.quantile_ranges;
    const shape = '"quantile_ranges" must be {quantiles: [...], value_ranges: [[low, high], ...]}';
    if (!isRecord(ranges) || !Array.isArray(ranges.quantiles) || !Array.isArray(ranges.value_ranges)) {
      throw this.error('quantile_ranges', shape);
    }
    const { quantiles, value_ranges: valueRanges } = ranges as { quantiles: unknown[]; value_ranges: unknown[] };
    if (quantiles.length !== valueRanges.length) {
      throw this.error('quantile_ranges', 'needs one value range per quantile');
    }
    return quantiles.map((q, i) => {
      if (typeof q !== 'number' || !(q >= 0 && q <= 1)) {
        throw this.error('quantile_ranges', 'quantiles must be numbers between 0 and 1');
      }
      const range = valueRanges[i];
      const ok = (v: unknown) => v === null || typeof v === 'number';
      if (!Array.isArray(range) || range.length !== 2 || !range.every(ok)) throw this.error('quantile_ranges', shape);
      const [low, high] = range as (number | null)[];
      if (low !== null && high !== null && low! > high!) {
        throw this.error('quantile_ranges', `value range ${JSON.stringify(range)} is not ordered (low, high)`);
      }
      return {
        q,
        bounds: {
          ...(low !== null ? { min: low } : {}),
          ...(high !== null ? { max: high } : {}),
          strictMin: false,
          strictMax: false,
        },
      };
    });
  }

  /** GX on pandas: `allow_relative_error` false (the default) reads the nearest value; a method name reads that way. */
  quantileMethod(): QuantileMethod {
    const value = this.kwargs.allow_relative_error;
    if (value === undefined || value === null || value === false) return 'nearest';
    if (typeof value === 'string' && (QUANTILE_METHODS as readonly string[]).includes(value)) {
      return value as QuantileMethod;
    }
    throw this.error(
      'allow_relative_error',
      `"allow_relative_error" must be false or one of ${QUANTILE_METHODS.join(', ')} (as pandas' interpolation)`,
    );
  }
}

/** GX `type_` names (pandas/numpy dtypes, Python, SQL and Spark type names) → what the column's values must read as. */
function valueTypeOf(name: string): ValueType | undefined {
  const type = name
    .toLowerCase()
    .replace(/\[.*\]$/, '')
    .replace(/type$/, '');
  if (/^u?int(8|16|32|64)?(dtype)?$|^(integer|bigint|smallint|long|short)$/.test(type)) return 'integer';
  if (/^float(16|32|64)?(dtype)?$|^(double|double_precision|real|numeric|decimal|number)$/.test(type)) return 'number';
  if (/^(str|string|stringdtype|unicode|object|object_|o|text|varchar|char|nvarchar)$/.test(type)) return 'string';
  if (/^(bool|boolean|booleandtype|bit|tinyint)$/.test(type)) return 'boolean';
  if (/^(datetime64|datetime|datetimetz|timestamp|timestamp_ntz|date)$/.test(type)) return 'datetime';
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
