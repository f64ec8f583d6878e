/**
 * Dataset drift between a reference profile and a current one: each column shared by both is tested by its type,
 * drifts only when the change is both significant and material (`decideDrift`), and the dataset's status follows
 * the share of drifted columns.
 */
import { UserError } from '../errors.js';
import type { ColumnProfile } from '../profile/column.js';
import type { Profile } from '../profile/profile.js';
import type {
  ColumnDrift,
  DriftMethod,
  DriftResult,
  DriftSkip,
  DriftSkipReason,
  DriftTest,
  Status,
} from '../report/types.js';
import { chiSquareTable, jensenShannon, psi } from '../stats/categorical.js';
import { decideDrift } from '../stats/drift.js';
import { fisherExact } from '../stats/fisher.js';
import {
  booleanKey,
  categorySides,
  categoryTable,
  MIN_EXPECTED,
  textKey,
  type CategoryKey,
  type CategorySide,
  type CategorySides,
} from './categorical.js';
import { categoryDistribution, histogramDistribution } from './distribution.js';
import { compareNumbers, numericPsi } from './numeric.js';
import type { NumberSummary } from '../profile/number-summary.js';

export interface ColumnDriftOptions {
  /** Overrides the test chosen by type: ks, psi or wasserstein for numbers; chi2, jensen-shannon or psi for categories. */
  test?: DriftTest;
  /** Effect-size threshold for this column (default by effect, see `DEFAULT_EFFECT_THRESHOLDS`). */
  threshold?: number;
}

export interface DriftOptions {
  /** Significance level of every column's test. Default 0.05. */
  alpha?: number;
  columns?: Readonly<Record<string, ColumnDriftOptions>>;
  /** The dataset fails when at least this share of compared columns drifted (0 < share ≤ 1). Default 0.5. */
  datasetShare?: number;
  /** The reference's file, named in the error when it shares no column with the data. */
  referenceFile?: string;
}

/**
 * Default thresholds per effect size. Normalised Wasserstein 0.1 = a tenth of the reference's standard deviation (a
 * "small" effect is 0.2 on Cohen's scale, so 0.1 flags shifts well before they are large); Cramér's V 0.1 is Cohen's
 * "small" association; PSI 0.2 is the industry's "significant shift" line; Jensen–Shannon distance (base 2) 0.1 is
 * the customary cut-off of drift monitors.
 */
export const DEFAULT_EFFECT_THRESHOLDS = {
  'normalized-wasserstein': 0.1,
  'cramers-v': 0.1,
  psi: 0.2,
  'jensen-shannon': 0.1,
} as const;

/** A numeric column with at most this many distinct values (exactly counted on both sides) is tested as categories. */
export const MAX_NUMERIC_CATEGORIES = 20;
/** With a chi2 or jensen-shannon setting, a numeric column is tested as categories up to this many distinct values. */
export const MAX_CHOSEN_NUMERIC_CATEGORIES = 1000;

/**
 * A text or integer column whose values are (nearly) all distinct on both sides, from at least this many
 * values, is an identifier: new data brings new ids, which is not drift. The distinct count is HyperLogLog's
 * (within about 2%), so "nearly all" is 95%.
 */
export const MIN_IDENTIFIER_VALUES = 1000;
export const IDENTIFIER_DISTINCT_SHARE = 0.95;

export interface DriftDetection {
  result: DriftResult;
  /** Columns not compared, with why (also in `result.skipped` when there are any). */
  skipped: DriftSkip[];
}

type Kind = 'numeric' | 'boolean' | 'string' | 'datetime' | 'empty';

/** Drift of every column both profiles share; see `detectDriftDetailed` for the columns left out. */
export function detectDrift(reference: Profile, current: Profile, options: DriftOptions = {}): DriftResult {
  return detectDriftDetailed(reference, current, options).result;
}

/**
 * Compares the columns present in both profiles with the same kind of values (integer and decimal numbers are one
 * kind). Missing columns and changed types are not given a drift verdict (no test compares a number with a string)
 * but are findings in `skipped` (and the result's `skipped`); a lost column or a changed type makes the result warn.
 * Datetime columns (new data is usually later, which is not drift) and identifiers (see `MIN_IDENTIFIER_VALUES`)
 * are skipped unless the column has drift settings; with them a datetime column is compared as instants. The share of drifted columns counts compared
 * columns only. A reference that shares no column with the data is an error: it is the wrong file.
 */
export function detectDriftDetailed(reference: Profile, current: Profile, options: DriftOptions = {}): DriftDetection {
  const alpha = options.alpha ?? 0.05;
  const datasetShare = options.datasetShare ?? 0.5;
  if (!(alpha > 0 && alpha < 1)) throw new UserError(`drift alpha must be between 0 and 1 (got ${alpha})`);
  if (!(datasetShare > 0 && datasetShare <= 1)) {
    throw new UserError(`drift dataset share must be in (0, 1] (got ${datasetShare})`);
  }
  const settings = options.columns ?? {};
  for (const name of Object.keys(settings)) {
    if (!reference.column(name) && !current.column(name)) {
      throw new UserError(`drift settings name column "${name}", which neither profile has`, {
        path: `drift.columns.${name}`,
      });
    }
  }
  if (!reference.columns.some((column) => current.column(column.name))) {
    throw new UserError(
      `the drift reference shares no column with the data (reference: ${names(reference)}; data: ${names(current)})`,
      options.referenceFile === undefined ? {} : { file: options.referenceFile },
    );
  }
  const columns: ColumnDrift[] = [];
  const skipped: DriftSkip[] = [];
  for (const ref of reference.columns) {
    const cur = current.column(ref.name);
    if (!cur) {
      skipped.push(
        skip(ref.name, 'missing-in-current', 'warn', `column "${ref.name}" is missing from the current data`),
      );
      continue;
    }
    const refKind = kindOf(ref);
    const curKind = kindOf(cur);
    if (refKind === 'empty' || curKind === 'empty') {
      const side = refKind === 'empty' ? 'reference' : 'current';
      skipped.push(skip(ref.name, 'no-values', 'pass', `column "${ref.name}" has no values in the ${side} data`));
    } else if (refKind !== curKind) {
      skipped.push(
        skip(ref.name, 'type-changed', 'warn', `column "${ref.name}" changed type from ${ref.type} to ${cur.type}`),
      );
    } else if (refKind === 'datetime' && settings[ref.name] === undefined) {
      const message = `column "${ref.name}" holds datetimes: new data is usually later, so it is compared (as instants) only when the schema gives it drift settings`;
      skipped.push(skip(ref.name, 'datetime', 'pass', message));
    } else if (settings[ref.name] === undefined && isIdentifier(ref) && isIdentifier(cur)) {
      skipped.push(
        skip(ref.name, 'identifier', 'pass', `column "${ref.name}" holds distinct values (an identifier), not tested`),
      );
    } else {
      columns.push(columnDrift(ref, cur, refKind, alpha, settings[ref.name] ?? {}));
    }
  }
  for (const cur of current.columns) {
    if (!reference.column(cur.name)) {
      skipped.push(
        skip(cur.name, 'missing-in-reference', 'pass', `column "${cur.name}" is new (not in the reference)`),
      );
    }
  }
  const drifted = columns.filter((c) => c.drifted).length;
  const share = columns.length === 0 ? 0 : drifted / columns.length;
  const lost = skipped.some((column) => column.status === 'warn');
  const status: Status = drifted > 0 && share >= datasetShare ? 'fail' : drifted > 0 || lost ? 'warn' : 'pass';
  const result: DriftResult = { status, share, threshold: datasetShare, columns };
  if (skipped.length > 0) result.skipped = skipped;
  return { result, skipped };
}

function skip(column: string, reason: DriftSkipReason, status: Status, message: string): DriftSkip {
  return { column, reason, status, message };
}

function names(profile: Profile): string {
  const shown = profile.columns.slice(0, 5).map((column) => JSON.stringify(column.name));
  const more = profile.columns.length - shown.length;
  return shown.length === 0 ? 'no columns' : `${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
}

function isIdentifier(column: ColumnProfile): boolean {
  const values = column.count - column.nulls;
  const type = column.type;
  return (
    (type === 'integer' || type === 'string') &&
    values >= MIN_IDENTIFIER_VALUES &&
    column.distinct >= IDENTIFIER_DISTINCT_SHARE * values
  );
}

function kindOf(column: ColumnProfile): Kind {
  const type = column.type;
  if (type === 'integer' || type === 'number') return column.numbers.count === 0 ? 'empty' : 'numeric';
  return type;
}

const NUMERIC_TESTS: readonly DriftTest[] = ['ks', 'psi', 'wasserstein'];
const CATEGORICAL_TESTS: readonly DriftTest[] = ['chi2', 'jensen-shannon', 'psi'];

function columnDrift(
  ref: ColumnProfile,
  cur: ColumnProfile,
  kind: Exclude<Kind, 'empty'>,
  alpha: number,
  setting: ColumnDriftOptions,
): ColumnDrift {
  const { test } = setting;
  if (kind === 'numeric') {
    const asCategories =
      test === 'chi2' || test === 'jensen-shannon' || (test === undefined && fewNumericValues(ref, cur));
    if (!asCategories) {
      const distribution = histogramDistribution(ref.numbers, cur.numbers);
      return { ...numericDrift(ref.name, ref.numbers, cur.numbers, alpha, setting), distribution };
    }
    const a = numberCategories(ref.numbers);
    const b = numberCategories(cur.numbers);
    if (!a || !b) {
      throw new UserError(
        `drift test "${test}" for column "${ref.name}" needs exact counts of at most ${MAX_CHOSEN_NUMERIC_CATEGORIES.toLocaleString('en-US')} distinct numbers, but it has more; use ks, psi or wasserstein`,
        { path: `drift.columns.${ref.name}.test` },
      );
    }
    return categoricalDrift(ref.name, { reference: a, current: b, sampled: false }, alpha, setting);
  }
  // Datetimes are compared as instants (ms since the epoch), like numbers.
  if (kind === 'datetime') {
    const distribution = histogramDistribution(ref.instants, cur.instants, { time: true });
    return { ...numericDrift(ref.name, ref.instants, cur.instants, alpha, setting), distribution };
  }
  const key: CategoryKey = kind === 'boolean' ? booleanKey : textKey;
  return categoricalDrift(ref.name, categorySides(ref.frequent, cur.frequent, key), alpha, setting);
}

/**
 * A numeric column's exact value counts as categories (`=<value>`), when the profile knows them and they are few
 * enough (at most `MAX_CHOSEN_NUMERIC_CATEGORIES`) for a table of categories to make sense.
 */
function numberCategories(numbers: NumberSummary): CategorySide | undefined {
  const counts = numbers.valueCounts();
  if (!counts || counts.values.length > MAX_CHOSEN_NUMERIC_CATEGORIES) return undefined;
  return {
    counts: new Map(Array.from(counts.values, (v, i) => [`=${String(v)}`, counts.counts[i]!])),
    total: counts.n,
  };
}

function fewNumericValues(ref: ColumnProfile, cur: ColumnProfile): boolean {
  const a = ref.numbers.valueCounts();
  const b = cur.numbers.valueCounts();
  if (!a || !b || a.values.length > MAX_NUMERIC_CATEGORIES || b.values.length > MAX_NUMERIC_CATEGORIES) return false;
  return new Set([...a.values, ...b.values]).size <= MAX_NUMERIC_CATEGORIES;
}

/**
 * Significance always comes from KS; the configured test chooses the statistic and effect size reported:
 * ks → D with the normalised Wasserstein distance as effect; wasserstein → W1 in the column's units with the same
 * effect; psi → PSI as both. When a side had more values than its profile keeps, D and W1 are bounds from the
 * value grids: the p-value is computed from D's lower bound (never smaller than the exact p-value), the effect is
 * W1's lower bound over the reference's exact standard deviation (so drift is only called when it is certain), and
 * both intervals are reported.
 */
function numericDrift(
  column: string,
  ref: NumberSummary,
  cur: NumberSummary,
  alpha: number,
  setting: ColumnDriftOptions,
): ColumnDrift {
  const test = setting.test ?? 'ks';
  if (!NUMERIC_TESTS.includes(test)) {
    throw new UserError(
      `drift test "${test}" does not apply to the numeric column "${column}"; use ${NUMERIC_TESTS.join(', ')}`,
      { path: `drift.columns.${column}.test` },
    );
  }
  const comparison = compareNumbers(ref, cur);
  const method: DriftMethod = comparison.method === 'exact' ? 'ks-exact' : 'ks-asymptotic';
  if (test === 'psi') {
    const value = numericPsi(ref, cur);
    return { ...verdict(column, test, value, comparison.pValue, 'psi', value, alpha, setting), method };
  }
  const scale = effectScale(ref, cur);
  const effect: [number, number] = [comparison.wasserstein[0] / scale, comparison.wasserstein[1] / scale];
  const statistic = test === 'ks' ? comparison.statistic : comparison.wasserstein;
  const result = verdict(
    column,
    test,
    statistic[0],
    comparison.pValue,
    'normalized-wasserstein',
    effect[0],
    alpha,
    setting,
  );
  if (comparison.exact) return { ...result, method };
  return {
    ...result,
    method,
    bounds: { statistic, effect },
    note: `a side has more values than its profile keeps exactly (${plural(ref.exact.cap, 'value')}): D and the distance are bounds from the profiles' value grids`,
  };
}

/**
 * What the Wasserstein distance is divided by: the reference's population standard deviation (exact, from the
 * moments), so a location shift by δ reads |δ|/σ (Cohen's d scale); the current side's when the reference is
 * constant; and when both are, the larger magnitude of their means (the relative change), or 1 at zero.
 */
function effectScale(ref: NumberSummary, cur: NumberSummary): number {
  const spread = ref.moments.populationStdDev || cur.moments.populationStdDev;
  if (spread > 0) return spread;
  return Math.max(Math.abs(ref.moments.mean), Math.abs(cur.moments.mean)) || 1;
}

/**
 * Significance comes from the contingency table of `categoryTable` (frequent categories, the rest pooled into a
 * counted "other"): chi-square as scipy.stats.chi2_contingency computes it (Yates' correction on 2×2 tables), or
 * Fisher's exact test when a 2×2 table expects fewer than 5 in a cell. chi2 reports χ² with Cramér's V as effect;
 * jensen-shannon and psi report that measure over the same cells as both statistic and effect.
 */
function categoricalDrift(
  column: string,
  sides: CategorySides,
  alpha: number,
  setting: ColumnDriftOptions,
): ColumnDrift {
  const test = setting.test ?? 'chi2';
  if (test !== 'chi2' && test !== 'jensen-shannon' && test !== 'psi') {
    throw new UserError(
      `drift test "${test}" does not apply to the categorical column "${column}"; use ${CATEGORICAL_TESTS.join(', ')}`,
      { path: `drift.columns.${column}.test` },
    );
  }
  const table = categoryTable(sides);
  const chi = chiSquareTable(table.reference, table.current);
  const notes: string[] = [];
  if (sides.sampled) {
    notes.push(
      `more distinct values than the profiles count: compared on a hash sample of ${plural(table.categories.length - 1, 'value')}, the rest counted as "other"`,
    );
  } else if (table.pooled > 0) {
    notes.push(
      `${plural(table.pooled, 'category', 'categories')} expecting fewer than ${MIN_EXPECTED} values pooled into "other"`,
    );
  }
  let pValue = chi.pValue;
  let method: DriftMethod = chi.df === 0 ? 'none' : chi.corrected ? 'chi2-yates' : 'chi2';
  if (chi.df === 1 && chi.smallExpected > 0) {
    const [a = 0, b = 0] = table.reference;
    const [c = 0, d = 0] = table.current;
    pValue = fisherExact(a, b, c, d).pValue;
    method = 'fisher-exact';
    notes.push(`expected counts below ${MIN_EXPECTED}: p-value from Fisher's exact test`);
  } else if (chi.df === 0) {
    notes.push('one category on both sides: nothing to compare');
  }
  const details = {
    method,
    ...(notes.length > 0 && { note: notes.join('; ') }),
    distribution: categoryDistribution(table),
  };
  if (test === 'chi2') {
    return { ...verdict(column, test, chi.statistic, pValue, 'cramers-v', chi.cramersV, alpha, setting), ...details };
  }
  const value = test === 'psi' ? psi(table.reference, table.current) : jensenShannon(table.reference, table.current);
  return { ...verdict(column, test, value, pValue, test, value, alpha, setting), ...details };
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

function verdict(
  column: string,
  test: DriftTest,
  statistic: number,
  pValue: number,
  effectName: keyof typeof DEFAULT_EFFECT_THRESHOLDS,
  effect: number,
  alpha: number,
  setting: ColumnDriftOptions,
): ColumnDrift {
  const threshold = setting.threshold ?? DEFAULT_EFFECT_THRESHOLDS[effectName];
  if (!(threshold >= 0 && Number.isFinite(threshold))) {
    throw new UserError(`drift threshold for column "${column}" must be a number ≥ 0 (got ${threshold})`, {
      path: `drift.columns.${column}.threshold`,
    });
  }
  const { drifted } = decideDrift({ pValue, effect, alpha, effectThreshold: threshold });
  return { column, test, statistic, pValue, effect: { name: effectName, value: effect, threshold }, drifted };
}
