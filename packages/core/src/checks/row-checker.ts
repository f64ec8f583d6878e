import { FieldFlag, RecordBatch } from '../data/batch.js';
import { ColumnProfile, type ColumnProfileJSON } from '../profile/column.js';
import type { ParsedColumn } from '../profile/parsed-column.js';
import { ConditionMask, type RowCondition } from './condition.js';
import { boundText, describeBounds, describeSet, formatPercent } from './describe.js';
import type { Check, PassCheck, RowCheck } from './types.js';
import { isPassCheck, isRowCheck } from './types.js';
import { ValueSet, fieldDateTime, fieldHasType, withinBounds } from './values.js';

export interface RowCheckerOptions {
  /** Failing values kept per check, with their line, for annotations (default 10). */
  maxExamples?: number;
  /**
   * Distinct values a uniqueness check holds in memory (default 10,000,000). Each costs roughly
   * 50 bytes for a number and 70 bytes plus its text for a string, so the default may take ~0.5–1 GB;
   * above the limit the check stops and reports that it could not decide.
   */
  maxDistinct?: number;
  /** JSON Lines: a quoted value is text, never a number, boolean or date (default false: CSV). */
  quotedIsText?: boolean;
}

/** What one row-level check (or conditioned aggregate check) counted over the whole input. */
export interface RowOutcome {
  check: PassCheck;
  /** The column appeared in the data. */
  present: boolean;
  /**
   * Values the check applies to: all selected rows for null checks, non-null values for the
   * others, selected rows for a conditioned row count.
   */
  checked: number;
  unexpected: number;
  /** Selected rows read before the column first appeared (JSON Lines): nulls, already in `checked` when present. */
  absent: number;
  examples: { line: number; value: string }[];
  /** Why the check could not be decided (the uniqueness limit was reached, a value of another type). */
  undecided?: string;
  /** A conditioned aggregate check: the profile of its column over the selected rows. */
  subset?: ColumnProfileJSON;
}

export const DEFAULT_MAX_EXAMPLES = 10;
export const DEFAULT_MAX_DISTINCT = 10_000_000;

interface State extends Omit<RowOutcome, 'subset'> {
  col: number;
  condition?: ConditionMask;
  set?: ValueSet;
  /** Each value seen, with the line it was first seen on (to show it once it repeats). */
  seen?: Map<string | number, number>;
  /** Occurrences of each value seen more than once. */
  repeats?: Map<string | number, number>;
  subset?: ColumnProfile;
}

/**
 * Evaluates row-level checks while batches stream past: counts the values each check rejects and
 * keeps the first few with their line numbers. Nulls count only for the null checks; every other
 * check judges non-null values only (as Great Expectations' map expectations do). A check with a
 * row condition sees only the rows it selects; an aggregate check with one gets the profile of
 * its column over those rows. Feed every batch to `consume`, then call `finish` once.
 */
export class RowChecker {
  private readonly states: State[];
  private readonly maxExamples: number;
  private readonly maxDistinct: number;
  private readonly quotedIsText: boolean;
  private readonly masks: Uint8Array[] = [];
  private readonly conditions = new Map<string, ConditionMask>();
  private readonly subsetBatch = new SubsetBatch();

  constructor(checks: readonly Check[], options: RowCheckerOptions = {}) {
    this.maxExamples = options.maxExamples ?? DEFAULT_MAX_EXAMPLES;
    this.maxDistinct = options.maxDistinct ?? DEFAULT_MAX_DISTINCT;
    this.quotedIsText = options.quotedIsText ?? false;
    this.states = checks.filter(isPassCheck).map((check) => ({
      check,
      present: false,
      checked: 0,
      unexpected: 0,
      absent: 0,
      examples: [],
      col: -1,
      ...(check.where && { condition: this.conditionMask(check.where) }),
      ...(check.kind === 'in_set' || check.kind === 'not_in_set' ? { set: new ValueSet(check.values) } : {}),
      ...(check.kind === 'unique' ? { seen: new Map(), repeats: new Map() } : {}),
      ...(!isRowCheck(check) &&
        'column' in check && { subset: new ColumnProfile(check.column, { quotedIsText: this.quotedIsText }) }),
    }));
  }

  private conditionMask(condition: RowCondition): ConditionMask {
    let mask = this.conditions.get(condition.text);
    if (!mask) this.conditions.set(condition.text, (mask = new ConditionMask(condition, this.quotedIsText)));
    return mask;
  }

  /**
   * Checks every row of `batch`. `parsed` (from the profile of the same pass) gives each column's
   * nulls and numbers, so they are not read twice; without it they are read here.
   */
  consume(batch: RecordBatch, parsed?: readonly ParsedColumn[]): void {
    // Each column's nulls and each condition's rows are found once per batch, however many checks read them.
    const nulls = new Map<number, Uint8Array>();
    const selections = new Map<ConditionMask, { mask: Uint8Array; selected: number }>();
    for (const mask of this.conditions.values()) selections.set(mask, mask.select(batch));
    for (const state of this.states) {
      const selection = state.condition ? selections.get(state.condition) : undefined;
      const selected = selection ? selection.selected : batch.rowCount;
      if (state.check.kind === 'row_count') {
        state.present = true;
        state.checked += selected;
        continue;
      }
      if (state.col < 0) state.col = batch.columns.indexOf(state.check.column);
      if (state.col < 0) {
        state.absent += selected;
        state.subset?.addMissing(selected);
        continue;
      }
      state.present = true;
      if (state.subset) {
        state.subset.addBatch(this.subsetBatch.fill(batch, state.col, selection?.mask), 0);
        continue;
      }
      const given = parsed?.[state.col];
      let mask = given?.nulls ?? nulls.get(state.col);
      if (!mask) nulls.set(state.col, (mask = this.nullMask(batch, state.col, nulls.size)));
      const instants = given?.hasInstants ? given.instants! : undefined;
      this.scan(state as State & { check: RowCheck }, batch, mask, given?.numbers, instants, selection?.mask);
    }
  }

  /** The outcome of every row-level and conditioned check, in the order given. */
  finish(): RowOutcome[] {
    return this.states.map((state) => {
      const { check, present, absent, subset } = state;
      let { checked, unexpected } = state;
      // Rows read before the column first appeared had no value: they are nulls.
      if (present && check.kind === 'not_null') unexpected += absent;
      if (present && (check.kind === 'not_null' || check.kind === 'null')) checked += absent;
      if (state.repeats) for (const count of state.repeats.values()) unexpected += count;
      const { undecided } = state;
      return {
        check,
        present,
        checked,
        unexpected,
        absent,
        examples: state.examples,
        ...(undecided !== undefined && { undecided }),
        ...(subset && { subset: subset.toJSON() }),
      };
    });
  }

  private scan(
    state: State & { check: RowCheck },
    batch: RecordBatch,
    isNull: Uint8Array,
    numbers: Float64Array | undefined,
    instants: Float64Array | undefined,
    selected: Uint8Array | undefined,
  ): void {
    const { check, col } = state;
    const rows = batch.rowCount;
    let checked = 0;
    switch (check.kind) {
      case 'not_null':
        for (let row = 0; row < rows; row++) {
          if (selected && selected[row] === 0) continue;
          checked++;
          if (isNull[row] === 1) this.reject(state, batch, row, '(null)');
        }
        break;
      case 'null':
        for (let row = 0; row < rows; row++) {
          if (selected && selected[row] === 0) continue;
          checked++;
          if (isNull[row] === 0) this.reject(state, batch, row);
        }
        break;
      case 'type':
        for (let row = 0; row < rows; row++) {
          if (isNull[row] === 1 || (selected && selected[row] === 0)) continue;
          checked++;
          if (!fieldHasType(batch, row, col, check.type, this.quotedIsText, numbers?.[row], instants?.[row]))
            this.reject(state, batch, row);
        }
        break;
      case 'between': {
        const strictTypes = check.mixedTypes === 'error';
        for (let row = 0; row < rows; row++) {
          if (isNull[row] === 1 || (selected && selected[row] === 0)) continue;
          checked++;
          const x = check.datetime
            ? fieldDateTime(batch, row, col, instants?.[row])
            : this.quotedIsText && strictTypes && (batch.flag(row, col) & FieldFlag.QUOTED) !== 0
              ? NaN
              : numbers
                ? numbers[row]!
                : batch.number(row, col);
          if (strictTypes && Number.isNaN(x)) this.mixedType(state, batch, row, check.datetime);
          // A value that is not a number (or date) cannot lie in the range.
          if (!withinBounds(x, check.bounds)) this.reject(state, batch, row);
        }
        break;
      }
      case 'in_set':
      case 'not_in_set': {
        const set = state.set!;
        const wanted = check.kind === 'in_set';
        for (let row = 0; row < rows; row++) {
          if (isNull[row] === 1 || (selected && selected[row] === 0)) continue;
          checked++;
          if (set.has(batch, row, col) !== wanted) this.reject(state, batch, row);
        }
        break;
      }
      case 'regex':
      case 'not_regex': {
        const wanted = check.kind === 'regex';
        for (let row = 0; row < rows; row++) {
          if (isNull[row] === 1 || (selected && selected[row] === 0)) continue;
          checked++;
          if (check.pattern.test(batch.string(row, col)) !== wanted) this.reject(state, batch, row);
        }
        break;
      }
      case 'unique':
        this.scanUnique(state, batch, check.numeric, isNull, selected);
        return;
    }
    state.checked += checked;
  }

  /** Great Expectations refuses to compare a value with bounds of another type; so does the check. */
  private mixedType(state: State, batch: RecordBatch, row: number, datetime: boolean): void {
    if (state.undecided !== undefined) return;
    const value = boundText(batch.string(row, state.col));
    state.undecided = `the value ${JSON.stringify(value)} on line ${batch.line(row)} is not ${datetime ? 'a date' : 'a number'} like the bounds (Great Expectations does not compare mixed types)`;
  }

  private scanUnique(
    state: State,
    batch: RecordBatch,
    numeric: boolean,
    isNull: Uint8Array,
    selected: Uint8Array | undefined,
  ): void {
    const { col } = state;
    for (let row = 0; row < batch.rowCount; row++) {
      if (isNull[row] === 1 || (selected && selected[row] === 0)) continue;
      state.checked++;
      const { seen, repeats } = state;
      if (!seen || !repeats) continue;
      let key: string | number = numeric ? batch.number(row, col) : '';
      if (!numeric || Number.isNaN(key)) key = batch.string(row, col);
      // JSON Lines: the string "1" and the number 1 are different values, as in pandas.
      if (this.quotedIsText && typeof key === 'string' && (batch.flag(row, col) & FieldFlag.QUOTED) !== 0) {
        key = `"${key}`;
      }
      const first = seen.get(key);
      if (first !== undefined) {
        const count = repeats.get(key);
        // The first occurrence is a duplicate too: shown with its own line once the value repeats.
        if (count === undefined) this.keepFirstExample(state, first, batch.string(row, col));
        repeats.set(key, (count ?? 1) + 1);
        this.keepExample(state, batch, row);
      } else if (seen.size < this.maxDistinct) {
        seen.set(key, batch.line(row));
      } else {
        state.undecided = `more than ${this.maxDistinct.toLocaleString('en-US')} distinct values; uniqueness was not checked past line ${batch.line(row)}`;
        delete state.seen;
        delete state.repeats;
      }
    }
  }

  /** 1 where column `col` is null in `batch`, in a scratch array reused for the `slot`-th column of each batch. */
  private nullMask(batch: RecordBatch, col: number, slot: number): Uint8Array {
    let mask = this.masks[slot];
    if (!mask || mask.length < batch.rowCount) this.masks[slot] = mask = new Uint8Array(batch.rowCount);
    for (let row = 0; row < batch.rowCount; row++) mask[row] = batch.isNull(row, col) ? 1 : 0;
    return mask;
  }

  private reject(state: State, batch: RecordBatch, row: number, shown?: string): void {
    state.unexpected++;
    this.keepExample(state, batch, row, shown);
  }

  private keepFirstExample(state: State, line: number, value: string): void {
    if (state.examples.length >= this.maxExamples) return;
    // Kept in line order: the first occurrence may lie before examples already kept.
    const at = state.examples.findIndex((example) => example.line > line);
    const example = { line, value: boundText(value) };
    if (at < 0) state.examples.push(example);
    else state.examples.splice(at, 0, example);
  }

  private keepExample(state: State, batch: RecordBatch, row: number, shown?: string): void {
    if (state.examples.length >= this.maxExamples) return;
    state.examples.push({ line: batch.line(row), value: shown ?? boundText(batch.string(row, state.col)) });
  }
}

/**
 * One column of a batch cut down to the rows a condition selects, as a one-column batch over the
 * same bytes, so the column's profile reads it as it reads any batch.
 */
class SubsetBatch {
  private batch: RecordBatch | undefined;

  /** The selected rows of column `col` of `source` (valid until the next call). */
  fill(source: RecordBatch, col: number, selected: Uint8Array | undefined): RecordBatch {
    if (this.batch?.nulls !== source.nulls) this.batch = new RecordBatch(source.nulls);
    const batch = this.batch;
    if (batch.starts.length < source.rowCount) {
      batch.starts = new Int32Array(source.rowCount);
      batch.ends = new Int32Array(source.rowCount);
      batch.flags = new Uint8Array(source.rowCount);
      batch.lines = new Int32Array(source.rowCount);
    }
    batch.columns = [source.columns[col]!];
    batch.columnCount = 1;
    batch.bytes = source.bytes;
    let rows = 0;
    for (let row = 0; row < source.rowCount; row++) {
      if (selected && selected[row] === 0) continue;
      const k = row * source.columnCount + col;
      batch.starts[rows] = source.starts[k]!;
      batch.ends[rows] = source.ends[k]!;
      batch.flags[rows] = source.flags[k]!;
      batch.lines[rows] = source.lines[row]!;
      rows++;
    }
    batch.rowCount = rows;
    return batch;
  }
}

/** The requirement a row-level check states, for the report's `expected`. */
export function describeRowCheck(check: RowCheck): string {
  const mostly = check.mostly < 1 ? ` for at least ${formatPercent(check.mostly)} of values` : '';
  switch (check.kind) {
    case 'not_null':
      return `not null${mostly}`;
    case 'null':
      return `null${mostly}`;
    case 'type':
      return `type ${check.type}${mostly}`;
    case 'between':
      return `${describeBounds(check.bounds, check.datetime)}${mostly}`;
    case 'in_set':
      return `in ${describeSet(check.values)}${mostly}`;
    case 'not_in_set':
      return `not in ${describeSet(check.values)}${mostly}`;
    case 'regex':
      return `matches /${boundText(check.pattern.source)}/${mostly}`;
    case 'not_regex':
      return `does not match /${boundText(check.pattern.source)}/${mostly}`;
    case 'unique':
      return `unique${mostly}`;
  }
}
