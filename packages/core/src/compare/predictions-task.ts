import type { PredictionTaskName } from '../config/types.js';
import { UserError } from '../errors.js';
import type { Predictions, ValueColumn } from './predictions.js';

export type PredictionTask = PredictionTaskName;

/** Integer labels with more distinct values than this are read as a regression target. */
export const MAX_DETECTED_CLASSES = 20;

/** A configured positive class as YAML gives it: `1`, `true`, `churn`. */
export type PositiveClassSetting = string | number | boolean;

/**
 * Class ids shared by candidate and baseline, so the same class gets the same id in both files.
 * Binary problems put the positive class at id 1 and the other class at id 0. Multiclass order:
 * numeric classes by value, then text classes by code unit.
 */
export interface ClassIndex {
  /** Class names by id. */
  names: string[];
  /** Class id of each row of the column. */
  ids(column: ValueColumn, rows: Int32Array): Int32Array;
}

/** The task, and how it was decided, as the report states it. */
export interface TaskDecision {
  task: PredictionTask;
  source: 'configured' | 'detected';
  /** Why the guess is what it is (detected), e.g. `integer labels with 7 distinct values`. */
  why?: string;
}

/** The positive class of a binary task, and whether the config named it. */
export interface PositiveClass {
  name: string;
  source: 'configured' | 'default';
}

/**
 * The pairs whose positive class needs no configuration: the label set (any case) is within one
 * of them, and the second member is the positive class. Anything else must be named.
 */
const CONVENTIONAL_PAIRS: readonly (readonly [string, string])[] = [
  ['0', '1'],
  ['-1', '1'],
  ['false', 'true'],
  ['no', 'yes'],
  ['negative', 'positive'],
  ['neg', 'pos'],
];

/** The distinct class names of the columns: numbers as `String(n)` (1 and 1.0 are `1`), texts as written. */
function classNames(columns: readonly ValueColumn[]): { numbers: number[]; texts: string[] } {
  const numbers = new Set<number>();
  const texts = new Set<string>();
  for (const column of columns) {
    for (let i = 0; i < column.numbers.length; i++) {
      if ((column.textCodes[i] as number) < 0) numbers.add(column.numbers[i] as number);
    }
    for (const text of column.texts) texts.add(text);
  }
  return { numbers: [...numbers].sort((a, b) => a - b), texts: [...texts].sort() };
}

/** An index from class name to id: numbers by `String(n)`, texts by `key(text)`. */
export function classIndexOfNames(names: string[], key: (text: string) => string = (text) => text): ClassIndex {
  const byName = new Map(names.map((name, id) => [name, id]));
  return {
    names,
    ids(column, rows) {
      const textIds = Int32Array.from(column.texts, (t) => byName.get(key(t)) ?? -1);
      const out = new Int32Array(rows.length);
      for (let k = 0; k < rows.length; k++) {
        const row = rows[k] as number;
        const code = column.textCodes[row] as number;
        out[k] = code < 0 ? (byName.get(String(column.numbers[row])) ?? -1) : (textIds[code] as number);
      }
      return out;
    },
  };
}

/** Multiclass (and any non-binary use): numeric classes by value, then text classes by code unit. */
export function classIndex(columns: readonly ValueColumn[]): ClassIndex {
  const { numbers, texts } = classNames(columns);
  return classIndexOfNames([...numbers.map(String), ...texts]);
}

/**
 * The class ids of a binary task: the positive class at id 1. A configured positive class is
 * matched to the labels (`1` matches the label 1 or "1"; `true` any case of "true"); unconfigured,
 * the labels must be within one of the conventional pairs (0/1, −1/1, false/true, no/yes,
 * negative/positive), else the positive class is asked for: guessing it (alphabetically, say) can
 * turn the best model into the worst.
 */
export function binaryClassIndex(
  columns: readonly ValueColumn[],
  configured: PositiveClassSetting | undefined,
  where: { file?: string; setting: string },
): { index: ClassIndex; positive: PositiveClass } {
  const { numbers, texts } = classNames(columns);
  const named = [...numbers.map(String), ...texts];
  if (configured !== undefined) {
    const wanted = String(configured);
    // `true` or `--positive-class yes` also name the label `True` / `Yes`, when no label is spelled exactly so.
    const caseless = !named.includes(wanted);
    const canonical = (name: string) => (caseless ? name.toLowerCase() : name);
    const match = (name: string) => canonical(name) === canonical(wanted);
    const positive = named.find(match) ?? wanted;
    const others = [...new Set(named.filter((name) => !match(name)).map(canonical))];
    if (others.length > 1) {
      const shown = named
        .slice(0, 6)
        .map((n) => JSON.stringify(n))
        .join(', ');
      const problem = named.some(match)
        ? `a binary model has two classes, but the labels are ${shown}`
        : `positive class ${JSON.stringify(configured)} is not one of the labels (${shown})`;
      throw new UserError(`predictions: ${problem}`, where.file === undefined ? {} : { file: where.file });
    }
    const negative = named.find((name) => !match(name)) ?? `not ${positive}`;
    const key = caseless ? (text: string) => (match(text) ? positive : negative) : undefined;
    return { index: classIndexOfNames([negative, positive], key), positive: { name: positive, source: 'configured' } };
  }
  const lower = [...new Set(named.map((name) => name.toLowerCase()))];
  const pair = CONVENTIONAL_PAIRS.find((candidate) => lower.every((name) => candidate.includes(name)));
  if (!pair) {
    const shown = named.map((name) => JSON.stringify(name)).join(' and ');
    const example = JSON.stringify(named[named.length - 1] ?? 'yes');
    throw new UserError(
      `predictions: the labels are ${shown}, so mlgate cannot tell which class is positive (the one the score is the probability of); set ${where.setting} (e.g. ${example})`,
      where.file === undefined ? {} : { file: where.file },
    );
  }
  const [negative, positive] = pair;
  const spelled = (canonical: string) => named.find((name) => name.toLowerCase() === canonical) ?? canonical;
  return {
    index: classIndexOfNames([spelled(negative), spelled(positive)], (text) => spelled(text.toLowerCase())),
    positive: { name: spelled(positive), source: 'default' },
  };
}

/**
 * The task the files describe, unless `configured`: text labels or predictions mean
 * classification; numbers that are all integers with at most two distinct values (labels and
 * predictions of both files together) mean binary, with at most `MAX_DETECTED_CLASSES` distinct
 * labels multiclass; anything else (a non-integer, or many distinct integers) is regression.
 * Configure the task when this guess is wrong (e.g. integer ratings 1–5 that are a regression target).
 */
export function detectTask(files: readonly Predictions[], configured?: PredictionTask): TaskDecision {
  const decision: TaskDecision = configured ? { task: configured, source: 'configured' } : guessTask(files);
  for (const file of files) checkFits(file, decision.task);
  if (decision.task === 'binary') checkBinary(files.flatMap(classColumns), files[0]?.file);
  return decision;
}

/** The columns that hold class names: the label and, when there is one, the prediction. */
export function classColumns(file: Predictions): ValueColumn[] {
  return file.prediction ? [file.label, file.prediction] : [file.label];
}

function guessTask(files: readonly Predictions[]): TaskDecision {
  const detected = (task: PredictionTask, why: string): TaskDecision => ({ task, source: 'detected', why });
  const columns = files.flatMap(classColumns);
  if (columns.some((c) => c.texts.length > 0)) {
    const classes = classIndex(columns).names.length;
    return detected(classes <= 2 ? 'binary' : 'multiclass', `text labels with ${classes} classes`);
  }
  const distinct = new Set<number>();
  const labels = new Set<number>();
  for (const column of columns) {
    for (const value of column.numbers) {
      if (!Number.isInteger(value)) return detected('regression', `non-integer values such as ${value}`);
      if (distinct.size <= MAX_DETECTED_CLASSES) distinct.add(value);
    }
  }
  for (const file of files) {
    for (const value of file.label.numbers) if (labels.size <= MAX_DETECTED_CLASSES) labels.add(value);
  }
  const values = (count: number) => `integer labels and predictions with ${count} distinct values`;
  if (distinct.size <= 2) return detected('binary', values(distinct.size));
  return labels.size <= MAX_DETECTED_CLASSES
    ? detected('multiclass', values(distinct.size))
    : detected('regression', `integer labels with more than ${MAX_DETECTED_CLASSES} distinct values`);
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
  if (task === 'multiclass' && !file.prediction && file.classScores.size === 0) {
    throw new UserError(
      `predictions: multiclass classification needs a prediction column or per-class score columns (score_<class>)`,
      where,
    );
  }
  if (task === 'binary') checkBinary(classColumns(file), file.file);
}

function checkBinary(columns: readonly ValueColumn[], file: string | undefined): void {
  const classes = classIndex(columns).names;
  const caseless = new Set(classes.map((name) => name.toLowerCase()));
  if (caseless.size > 2) {
    const shown = classes.slice(0, 5).join(', ');
    throw new UserError(
      `predictions: binary classification needs at most two classes but found ${classes.length} (${shown})`,
      file === undefined ? {} : { file },
    );
  }
}
