import { UserError } from '../errors.js';
import type { Predictions, ValueColumn } from './predictions.js';

export type PredictionTask = 'binary' | 'multiclass' | 'regression';

/** Integer labels with more distinct values than this are read as a regression target. */
export const MAX_DETECTED_CLASSES = 20;

/**
 * Class ids shared by candidate and baseline, so the same class gets the same id in both files.
 * Order: numeric classes by value, then text classes by code unit (`"dog" < "cat"` is false).
 * Binary problems use id 1 as the positive class, so two spellings are pinned: labels within
 * {0, 1} keep their value, and labels within {false, true} (any case) map false → 0, true → 1,
 * even when only one of the two occurs (a slice, or a model that always says yes).
 */
export interface ClassIndex {
  /** Class names by id. */
  names: string[];
  /** Class id of each row of the column. */
  ids(column: ValueColumn, rows: Int32Array): Int32Array;
}

export function classIndex(columns: readonly ValueColumn[]): ClassIndex {
  const numbers = new Set<number>();
  const texts = new Set<string>();
  for (const column of columns) {
    for (let i = 0; i < column.numbers.length; i++) {
      if ((column.textCodes[i] as number) < 0) numbers.add(column.numbers[i] as number);
    }
    for (const text of column.texts) texts.add(text);
  }
  const byNumber = new Map<number, number>();
  const byText = new Map<string, number>();
  let names: string[];
  if (texts.size === 0 && [...numbers].every((n) => n === 0 || n === 1)) {
    names = ['0', '1'];
    byNumber.set(0, 0).set(1, 1);
  } else if (numbers.size === 0 && [...texts].every((t) => /^(true|false)$/i.test(t))) {
    names = ['false', 'true'];
    for (const text of texts) byText.set(text, text.toLowerCase() === 'true' ? 1 : 0);
  } else {
    const sortedNumbers = [...numbers].sort((a, b) => a - b);
    const sortedTexts = [...texts].sort();
    sortedNumbers.forEach((n, id) => byNumber.set(n, id));
    sortedTexts.forEach((t, k) => byText.set(t, sortedNumbers.length + k));
    names = [...sortedNumbers.map(String), ...sortedTexts];
  }
  return {
    names,
    ids(column, rows) {
      const textIds = Int32Array.from(column.texts, (t) => byText.get(t) ?? -1);
      const out = new Int32Array(rows.length);
      for (let k = 0; k < rows.length; k++) {
        const row = rows[k] as number;
        const code = column.textCodes[row] as number;
        out[k] = code < 0 ? (byNumber.get(column.numbers[row] as number) as number) : (textIds[code] as number);
      }
      return out;
    },
  };
}

/**
 * The task the files describe, unless `configured`: text labels or predictions mean
 * classification; numbers that are all integers with at most two distinct values (labels and
 * predictions of both files together) mean binary, with at most `MAX_DETECTED_CLASSES` distinct
 * labels multiclass; anything else (a non-integer, or many distinct integers) is regression.
 * Configure the task when this guess is wrong (e.g. ratings 1–5 predicted as integers).
 */
export function detectTask(files: readonly Predictions[], configured?: PredictionTask): PredictionTask {
  const task = configured ?? guessTask(files);
  for (const file of files) checkFits(file, task);
  if (task === 'binary') checkBinary(files.flatMap(classColumns), files[0]?.file);
  return task;
}

/** The columns that hold class names: the label and, when there is one, the prediction. */
export function classColumns(file: Predictions): ValueColumn[] {
  return file.prediction ? [file.label, file.prediction] : [file.label];
}

function guessTask(files: readonly Predictions[]): PredictionTask {
  const columns = files.flatMap(classColumns);
  if (columns.some((c) => c.texts.length > 0)) {
    return classIndex(columns).names.length <= 2 ? 'binary' : 'multiclass';
  }
  const distinct = new Set<number>();
  const labels = new Set<number>();
  for (const column of columns) {
    for (const value of column.numbers) {
      if (!Number.isInteger(value)) return 'regression';
      if (distinct.size <= MAX_DETECTED_CLASSES) distinct.add(value);
    }
  }
  for (const file of files) {
    for (const value of file.label.numbers) if (labels.size <= MAX_DETECTED_CLASSES) labels.add(value);
  }
  if (distinct.size <= 2) return 'binary';
  return labels.size <= MAX_DETECTED_CLASSES ? 'multiclass' : 'regression';
}

function checkFits(file: Predictions, task: PredictionTask): void {
  const where = { file: file.file };
  if (task === 'regression') {
    if (!file.prediction) throw new UserError(`predictions: regression needs a prediction column`, where);
    for (const [role, column] of [
      ['label', file.label],
      ['prediction', file.prediction],
    ] as const) {
      const row = column.textCodes.findIndex((code) => code >= 0);
      if (row >= 0) {
        const text = JSON.stringify(column.texts[column.textCodes[row] as number]);
        throw new UserError(`predictions: regression needs numeric values, but the ${role} is ${text}`, {
          file: file.file,
          line: file.lines[row] as number,
        });
      }
    }
    return;
  }
  if (task === 'multiclass' && !file.prediction) {
    throw new UserError(
      `predictions: multiclass classification needs a prediction column (a score is binary only)`,
      where,
    );
  }
  if (task === 'binary') checkBinary(classColumns(file), file.file);
}

function checkBinary(columns: readonly ValueColumn[], file: string | undefined): void {
  const classes = classIndex(columns).names;
  if (classes.length > 2) {
    const shown = classes.slice(0, 5).join(', ');
    throw new UserError(
      `predictions: binary classification needs at most two classes but found ${classes.length} (${shown})`,
      file === undefined ? {} : { file },
    );
  }
}
