import { FieldFlag, type RecordBatch } from '../data/batch.js';
import { openReader } from '../data/source.js';
import { UserError } from '../errors.js';
import { type ColumnBuilder, float64Builder, int32Builder, TextDictionary } from './predictions-builder.js';
import {
  checkColumnsFound,
  type ColumnPositions,
  DEFAULT_CLASS_SCORE_PREFIX,
  locateColumns,
  type PredictionColumnNames,
  type PredictionRole,
} from './predictions-columns.js';

/**
 * A label or prediction column: every value is either a number (`numbers[i]`, with
 * `textCodes[i] = -1`) or a text (`texts[textCodes[i]]`, with `numbers[i] = NaN`). Numbers and
 * numeric-looking strings are numbers, so `1`, `"1"` and `1.0` are the same class.
 */
export interface ValueColumn {
  numbers: Float64Array;
  textCodes: Int32Array;
  texts: string[];
}

/** A dictionary-encoded slice column: `values[codes[i]]`; a null field is the value `(missing)`. */
export interface SliceColumn {
  codes: Int32Array;
  values: string[];
}

/** One predictions file, column-wise: row i is example `ids[i]`, read from line `lines[i]`. */
export interface Predictions {
  file: string;
  rows: number;
  ids: string[];
  lines: Int32Array;
  label: ValueColumn;
  prediction?: ValueColumn;
  /**
   * The positive class's score (binary): a probability, a logit or a decision value, any finite
   * number (`score_type` says which; see `resolveScores`).
   */
  score?: Float64Array;
  /**
   * Per-class scores by class name (multiclass probabilities, from the `score_<class>` columns); a
   * field that is empty or not a number is NaN, checked only when the scores are used.
   */
  classScores: Map<string, Float64Array>;
  slices: Map<string, SliceColumn>;
  /** The column names that were used for each role. */
  columns: { id: string; label: string; prediction?: string; score?: string };
}

/** What a null slice field is grouped under. */
export const MISSING_SLICE_VALUE = '(missing)';

const MAX_SHOWN_VALUE = 40;

/**
 * Reads a predictions file (CSV, TSV, JSON Lines; whatever `openReader` routes) into typed
 * columns. Column names default to `DEFAULT_COLUMN_NAMES`. The first bad row fails the read with
 * its file and line: a missing id or label, a duplicate id, a score that is not a number in
 * a finite number, a missing prediction or score where the file has that column, or a row the reader
 * had to drop (ragged CSV, invalid JSON).
 */
export async function readPredictions(path: string, names: PredictionColumnNames = {}): Promise<Predictions> {
  const { reader, source } = await openReader(path);
  const table = new PredictionTable(path, names);
  for await (const batch of reader.batches(source)) table.add(batch);
  const [issue] = reader.issues.issues.filter((i) => i.severity === 'error');
  if (issue) {
    throw new UserError(`predictions: ${issue.message}`, { file: path, line: issue.line, column: issue.column });
  }
  // Before the columns are checked: a file without rows has no columns to find (a header alone gives none).
  if (table.rows === 0) {
    const what = reader.columns.length > 0 ? `only a header (${reader.columns.slice(0, 20).join(', ')})` : 'nothing';
    throw new UserError(`predictions: no data rows: the file holds ${what}`, { file: path });
  }
  return table.finish();
}

class ValueColumnBuilder {
  private readonly numbers = float64Builder();
  private readonly textCodes = int32Builder();
  private readonly texts = new TextDictionary();

  push(batch: RecordBatch, row: number, col: number): void {
    const value = (batch.flag(row, col) & FieldFlag.BOOLEAN) === 0 ? batch.number(row, col) : NaN;
    if (Number.isFinite(value)) {
      this.numbers.push(value);
      this.textCodes.push(-1);
    } else {
      this.numbers.push(NaN);
      this.textCodes.push(this.texts.code(batch.string(row, col)));
    }
  }

  finish(): ValueColumn {
    return { numbers: this.numbers.finish(), textCodes: this.textCodes.finish(), texts: this.texts.values };
  }
}

class SliceColumnBuilder {
  private readonly codes = int32Builder();
  private readonly values = new TextDictionary();

  push(batch: RecordBatch, row: number, col: number): void {
    const value = col < 0 || batch.isNull(row, col) ? MISSING_SLICE_VALUE : batch.string(row, col);
    this.codes.push(this.values.code(value));
  }

  finish(): SliceColumn {
    return { codes: this.codes.finish(), values: this.values.values };
  }
}

type OptionalRole = 'prediction' | 'score';

/** Rows as they are read: validated one by one, stored column-wise. */
class PredictionTable {
  private readonly ids: string[] = [];
  private readonly rowOfId = new Map<string, number>();
  private readonly lines = int32Builder();
  private readonly label = new ValueColumnBuilder();
  private readonly prediction = new ValueColumnBuilder();
  private readonly score = float64Builder();
  private readonly slices: SliceColumnBuilder[];
  private readonly classScores = new Map<string, ColumnBuilder<Float64Array>>();
  private readonly classScorePrefix: string;
  private readonly seen = new Set<string>();
  private readonly used: Partial<Record<PredictionRole, string>> = {};
  /** First line of a row without the optional column, while the column has not been seen yet. */
  private readonly firstLineWithout: Partial<Record<OptionalRole, number>> = {};

  constructor(
    private readonly file: string,
    private readonly names: PredictionColumnNames,
  ) {
    this.slices = (names.slices ?? []).map(() => new SliceColumnBuilder());
    this.classScorePrefix = names.classScores ?? DEFAULT_CLASS_SCORE_PREFIX;
  }

  /** Rows read so far. */
  get rows(): number {
    return this.ids.length;
  }

  add(batch: RecordBatch): void {
    for (const column of batch.columns) this.seen.add(column);
    const at = locateColumns(batch.columns, this.names);
    this.noteUsed(batch, at);
    // Without an id or label column no row can be read: say which column, not which row.
    if (batch.rowCount > 0 && (at.id < 0 || at.label < 0))
      checkColumnsFound(this.file, this.seen, this.used, this.names);
    const classScores = this.classScoreColumns(batch, at);
    for (let r = 0; r < batch.rowCount; r++) {
      this.addRow(batch, r, at);
      for (const [builder, col] of classScores) builder.push(col < 0 ? NaN : numberAt(batch, r, col));
    }
  }

  /**
   * The builder and batch position of every per-class score column. A column first seen in a
   * later batch (JSON Lines adds keys as it goes) is NaN for the rows before it.
   */
  private classScoreColumns(batch: RecordBatch, at: ColumnPositions): [ColumnBuilder<Float64Array>, number][] {
    const taken = new Set([at.id, at.label, at.prediction, at.score, ...at.slices]);
    batch.columns.forEach((name, col) => {
      if (taken.has(col) || !name.startsWith(this.classScorePrefix) || name === this.classScorePrefix) return;
      const className = name.slice(this.classScorePrefix.length);
      if (this.classScores.has(className)) return;
      const builder = float64Builder();
      for (let k = 0; k < this.ids.length; k++) builder.push(NaN);
      this.classScores.set(className, builder);
    });
    return [...this.classScores].map(([className, builder]) => [
      builder,
      batch.columns.indexOf(this.classScorePrefix + className),
    ]);
  }

  private noteUsed(batch: RecordBatch, at: ColumnPositions): void {
    for (const role of ['id', 'label', 'prediction', 'score'] as const) {
      if (at[role] >= 0) this.used[role] ??= batch.columns[at[role]];
    }
  }

  private addRow(batch: RecordBatch, r: number, at: ColumnPositions): void {
    const line = batch.line(r);
    if (at.id < 0 || batch.isNull(r, at.id)) throw this.bad(line, 'id', 'is missing');
    const id = batch.string(r, at.id);
    const first = this.rowOfId.get(id);
    if (first !== undefined) {
      throw this.bad(line, 'id', `${shown(id)} is a duplicate (first at line ${this.lines.finish()[first]})`);
    }
    this.rowOfId.set(id, this.ids.length);
    this.ids.push(id);
    this.lines.push(line);

    if (at.label < 0 || batch.isNull(r, at.label)) throw this.bad(line, 'label', 'is missing');
    this.label.push(batch, r, at.label);
    if (this.present(batch, r, at, 'prediction', line)) this.prediction.push(batch, r, at.prediction);
    if (this.present(batch, r, at, 'score', line)) this.score.push(this.scoreAt(batch, r, at.score, line));
    this.slices.forEach((slice, s) => slice.push(batch, r, at.slices[s] as number));
  }

  /**
   * Whether the row has the optional column. Once a file has the column, every row must fill it;
   * a row read before the column first appeared (JSON Lines adds keys as it goes) fails too.
   */
  private present(batch: RecordBatch, r: number, at: ColumnPositions, role: OptionalRole, line: number): boolean {
    const col = at[role];
    if (col < 0 || batch.isNull(r, col)) {
      if (this.used[role] !== undefined) throw this.bad(line, role, 'is missing');
      this.firstLineWithout[role] ??= line;
      return false;
    }
    const without = this.firstLineWithout[role];
    if (without !== undefined) throw this.bad(without, role, 'is missing');
    return true;
  }

  private scoreAt(batch: RecordBatch, r: number, col: number, line: number): number {
    const value = numberAt(batch, r, col);
    if (Number.isNaN(value)) throw this.bad(line, 'score', `${shown(batch.string(r, col))} is not a number`);
    if (!Number.isFinite(value)) throw this.bad(line, 'score', `${value} is not a finite number`);
    return value;
  }

  private bad(line: number, role: PredictionRole, problem: string): UserError {
    const column = this.used[role] ?? this.names[role] ?? role;
    return new UserError(`predictions: ${role} (column '${column}') ${problem}`, { file: this.file, line });
  }

  finish(): Predictions {
    const found = this.used;
    checkColumnsFound(this.file, this.seen, found, this.names, this.classScores.size);
    const rows = this.ids.length;
    const predictions: Predictions = {
      file: this.file,
      rows,
      ids: this.ids,
      lines: this.lines.finish(),
      label: this.label.finish(),
      classScores: new Map([...this.classScores].map(([className, builder]) => [className, builder.finish()])),
      slices: new Map(
        (this.names.slices ?? []).map((name, s) => [name, (this.slices[s] as SliceColumnBuilder).finish()]),
      ),
      columns: { id: found.id as string, label: found.label as string },
    };
    if (found.prediction !== undefined) {
      predictions.prediction = this.prediction.finish();
      predictions.columns.prediction = found.prediction;
    }
    if (found.score !== undefined) {
      predictions.score = this.score.finish();
      predictions.columns.score = found.score;
    }
    return predictions;
  }
}

/** A field's number; NaN for a boolean, a null or text that is not a number. */
function numberAt(batch: RecordBatch, r: number, col: number): number {
  if (batch.isNull(r, col) || (batch.flag(r, col) & FieldFlag.BOOLEAN) !== 0) return NaN;
  return batch.number(r, col);
}

function shown(value: string): string {
  const cut = value.length > MAX_SHOWN_VALUE ? `${value.slice(0, MAX_SHOWN_VALUE)}…` : value;
  return JSON.stringify(cut);
}
