import type { RecordBatch } from '../data/batch.js';
import type { ParsedColumn } from '../profile/parsed-column.js';
import { boundText, describeBounds, describeSet, formatPercent } from './describe.js';
import type { Check, RowCheck } from './types.js';
import { isRowCheck } from './types.js';
import { ValueSet, fieldDateTime, fieldHasType, withinBounds } from './values.js';

export interface RowCheckerOptions {
  /** Failing values kept per check, with their line, for annotations (default 10). */
  maxExamples?: number;
  /**
   * Distinct values a uniqueness check holds in memory (default 10,000,000). Each costs roughly
   * 40 bytes for a number and 60 bytes plus its text for a string, so the default may take ~0.5–1 GB;
   * above the limit the check stops and reports that it could not decide.
   */
  maxDistinct?: number;
  /** JSON Lines: a quoted value is text, never a number, boolean or date (default false: CSV). */
  quotedIsText?: boolean;
}

/** What one row-level check counted over the whole input. */
export interface RowOutcome {
  check: RowCheck;
  /** The column appeared in the data. */
  present: boolean;
  /** Values the check applies to: all rows for null checks, non-null values for the others. */
  checked: number;
  unexpected: number;
  examples: { line: number; value: string }[];
  /** Why the check could not be decided (the uniqueness limit was reached). */
  undecided?: string;
}

export const DEFAULT_MAX_EXAMPLES = 10;
export const DEFAULT_MAX_DISTINCT = 10_000_000;

interface State extends RowOutcome {
  col: number;
  /** Rows seen while the column existed (JSON Lines can add a column after the first batch). */
  rowsSeen: number;
  set?: ValueSet;
  seen?: Set<string | number>;
  /** Occurrences of each value seen more than once. */
  repeats?: Map<string | number, number>;
}

/**
 * Evaluates row-level checks while batches stream past: counts the values each check rejects and
 * keeps the first few with their line numbers. Nulls count only for the null checks; every other
 * check judges non-null values only (as Great Expectations' map expectations do). Feed every
 * batch to `consume`, then call `finish` once.
 */
export class RowChecker {
  private readonly states: State[];
  private readonly maxExamples: number;
  private readonly maxDistinct: number;
  private readonly quotedIsText: boolean;
  private rows = 0;
  private readonly masks: Uint8Array[] = [];

  constructor(checks: readonly Check[], options: RowCheckerOptions = {}) {
    this.maxExamples = options.maxExamples ?? DEFAULT_MAX_EXAMPLES;
    this.maxDistinct = options.maxDistinct ?? DEFAULT_MAX_DISTINCT;
    this.quotedIsText = options.quotedIsText ?? false;
    this.states = checks.filter(isRowCheck).map((check) => ({
      check,
      present: false,
      checked: 0,
      unexpected: 0,
      examples: [],
      col: -1,
      rowsSeen: 0,
      ...(check.kind === 'in_set' || check.kind === 'not_in_set' ? { set: new ValueSet(check.values) } : {}),
      ...(check.kind === 'unique' ? { seen: new Set(), repeats: new Map() } : {}),
    }));
  }

  /**
   * Checks every row of `batch`. `parsed` (from the profile of the same pass) gives each column's
   * nulls and numbers, so they are not read twice; without it they are read here.
   */
  consume(batch: RecordBatch, parsed?: readonly ParsedColumn[]): void {
    this.rows += batch.rowCount;
    // Each column's nulls are found once per batch, however many checks read the column.
    const nulls = new Map<number, Uint8Array>();
    for (const state of this.states) {
      if (state.col < 0) state.col = batch.columns.indexOf(state.check.column);
      if (state.col < 0) continue;
      state.present = true;
      state.rowsSeen += batch.rowCount;
      const given = parsed?.[state.col];
      let mask = given?.nulls ?? nulls.get(state.col);
      if (!mask) nulls.set(state.col, (mask = this.nullMask(batch, state.col, nulls.size)));
      this.scan(state, batch, mask, given?.numbers);
    }
  }

  /** The outcome of every row-level check, in the order given. */
  finish(): RowOutcome[] {
    return this.states.map((state) => {
      // Rows read before the column first appeared had no value: they are nulls.
      const absent = state.present ? this.rows - state.rowsSeen : 0;
      let { checked, unexpected } = state;
      if (state.check.kind === 'not_null') unexpected += absent;
      if (state.check.kind === 'not_null' || state.check.kind === 'null') checked += absent;
      if (state.repeats) for (const count of state.repeats.values()) unexpected += count;
      return {
        check: state.check,
        present: state.present,
        checked,
        unexpected,
        examples: state.examples,
        ...(state.undecided ? { undecided: state.undecided } : {}),
      };
    });
  }

  private scan(state: State, batch: RecordBatch, isNull: Uint8Array, numbers?: Float64Array): void {
    const { check, col } = state;
    const rows = batch.rowCount;
    let checked = 0;
    switch (check.kind) {
      case 'not_null':
        state.checked += rows;
        for (let row = 0; row < rows; row++) if (isNull[row] === 1) this.reject(state, batch, row, '(null)');
        return;
      case 'null':
        state.checked += rows;
        for (let row = 0; row < rows; row++) if (isNull[row] === 0) this.reject(state, batch, row);
        return;
      case 'type':
        for (let row = 0; row < rows; row++) {
          if (isNull[row] === 1) continue;
          checked++;
          if (!fieldHasType(batch, row, col, check.type, this.quotedIsText, numbers?.[row]))
            this.reject(state, batch, row);
        }
        break;
      case 'between':
        for (let row = 0; row < rows; row++) {
          if (isNull[row] === 1) continue;
          checked++;
          const x = check.datetime ? fieldDateTime(batch, row, col) : numbers ? numbers[row]! : batch.number(row, col);
          // A value that is not a number (or date) cannot lie in the range.
          if (!withinBounds(x, check.bounds)) this.reject(state, batch, row);
        }
        break;
      case 'in_set':
      case 'not_in_set': {
        const set = state.set!;
        const wanted = check.kind === 'in_set';
        for (let row = 0; row < rows; row++) {
          if (isNull[row] === 1) continue;
          checked++;
          if (set.has(batch, row, col) !== wanted) this.reject(state, batch, row);
        }
        break;
      }
      case 'regex':
      case 'not_regex': {
        const wanted = check.kind === 'regex';
        for (let row = 0; row < rows; row++) {
          if (isNull[row] === 1) continue;
          checked++;
          if (check.pattern.test(batch.string(row, col)) !== wanted) this.reject(state, batch, row);
        }
        break;
      }
      case 'unique':
        this.scanUnique(state, batch, check.numeric, isNull);
        return;
    }
    state.checked += checked;
  }

  private scanUnique(state: State, batch: RecordBatch, numeric: boolean, isNull: Uint8Array): void {
    const { col } = state;
    for (let row = 0; row < batch.rowCount; row++) {
      if (isNull[row] === 1) continue;
      state.checked++;
      const { seen, repeats } = state;
      if (!seen || !repeats) continue;
      let key: string | number = numeric ? batch.number(row, col) : '';
      if (!numeric || Number.isNaN(key)) key = batch.string(row, col);
      if (seen.has(key)) {
        repeats.set(key, (repeats.get(key) ?? 1) + 1);
        this.keepExample(state, batch, row);
      } else if (seen.size < this.maxDistinct) {
        seen.add(key);
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

  private keepExample(state: State, batch: RecordBatch, row: number, shown?: string): void {
    if (state.examples.length >= this.maxExamples) return;
    state.examples.push({ line: batch.line(row), value: shown ?? boundText(batch.string(row, state.col)) });
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
