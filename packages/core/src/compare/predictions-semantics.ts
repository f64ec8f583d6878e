import type { PredictionsFormat, ScoreType } from '../config/types.js';
import type { PredictionsReading } from '../report/types.js';
import { UserError } from '../errors.js';
import { formatNumber } from '../render/format.js';
import type { Predictions, ValueColumn } from './predictions.js';
import {
  binaryClassIndex,
  classColumns,
  classIndex,
  type ClassIndex,
  classIndexOfNames,
  detectTask,
  type PositiveClass,
  type TaskDecision,
} from './predictions-task.js';

/** What the scores are, and whether the config said so or their range did. */
export interface ScoreReading {
  /** `unknown`: not declared and outside [0, 1], so only their order is used. */
  type: ScoreType | 'unknown';
  source: 'configured' | 'detected';
  /** Smallest and largest score of both files. */
  range: [number, number];
}

/** How the predictions are read: everything the report states about the task and its classes. */
export interface PredictionsSemantics {
  task: TaskDecision;
  classes: ClassIndex;
  /** Binary only: the class at id 1. */
  positive?: PositiveClass;
  /** Binary: the score column; multiclass: the per-class score columns. Absent without scores. */
  scores?: ScoreReading;
  /** Multiclass: the per-class score columns in class-id order (absent classes have none). */
  classScoreNames?: string[];
}

/** Where a setting is made, for messages: `models.churn.positive_class in mlgate.yml or --positive-class`. */
export interface SettingNames {
  positiveClass: string;
  scoreType: string;
}

const DEFAULT_SETTING_NAMES: SettingNames = {
  positiveClass: 'positive_class in mlgate.yml',
  scoreType: 'score_type in mlgate.yml',
};

/**
 * Decides the task (configured or detected), the class ids (binary: the positive class at id 1),
 * and what the scores are. A configured `positive_class` on a task that is not binary, or
 * probabilities declared but outside [0, 1], are errors that name the setting.
 */
export function resolveSemantics(
  files: readonly Predictions[],
  format: PredictionsFormat = {},
  settings: SettingNames = DEFAULT_SETTING_NAMES,
): PredictionsSemantics {
  const task = detectTask(files, format.task);
  const columns = files.flatMap(classColumns);
  const file = files[0]?.file;
  if (task.task !== 'binary' && format.positiveClass !== undefined) {
    throw new UserError(
      `${settings.positiveClass}: a positive class applies to binary models, and this one is ${task.task}${task.source === 'detected' ? ` (detected: ${task.why}; set task if that is wrong)` : ''}`,
    );
  }
  if (task.task === 'binary') {
    const { index, positive } = binaryClassIndex(columns, format.positiveClass, {
      ...(file !== undefined && { file }),
      setting: settings.positiveClass,
    });
    const scored = files.filter((f) => f.score !== undefined);
    return {
      task,
      classes: index,
      positive,
      ...(scored.length > 0 && {
        scores: readScores(
          scored.map((f) => [f, f.score as Float64Array]),
          format,
          settings,
        ),
      }),
    };
  }
  if (task.task === 'regression') return { task, classes: { names: [], ids: () => new Int32Array(0) } };
  const names = multiclassNames(files, columns);
  const classes = classIndexOfNames(names);
  const withScores = files.filter((f) => f.classScores.size > 0);
  if (withScores.length === 0) return { task, classes };
  for (const f of withScores) checkClassScores(f, names);
  const columnsOf = (f: Predictions) => names.map((name) => f.classScores.get(name) as Float64Array);
  const scores = readScores(
    withScores.flatMap((f) => columnsOf(f).map((values) => [f, values] as [Predictions, Float64Array])),
    format,
    settings,
  );
  return { task, classes, scores, classScoreNames: names };
}

/**
 * The classes of the labels and predictions and of the per-class score columns, in class order
 * (numbers by value, then texts); a score column named `score_1` is the class 1.
 */
function multiclassNames(files: readonly Predictions[], columns: ReturnType<typeof classColumns>): string[] {
  const scored = [...new Set(files.flatMap((f) => [...f.classScores.keys()]))];
  const numeric = scored.filter((name) => name.trim() !== '' && String(Number(name)) === name);
  const texts = scored.filter((name) => !numeric.includes(name));
  const column: ValueColumn = {
    numbers: Float64Array.from(scored, (name) => (numeric.includes(name) ? Number(name) : NaN)),
    textCodes: Int32Array.from(scored, (name) => (numeric.includes(name) ? -1 : texts.indexOf(name))),
    texts,
  };
  return classIndex([...columns, column]).names;
}

/** Every class needs its score column, and every row a number in it. */
function checkClassScores(file: Predictions, names: readonly string[]): void {
  const missing = names.filter((name) => !file.classScores.has(name));
  if (missing.length > 0) {
    const shown = missing.slice(0, 5).map((name) => `score_${name}`);
    throw new UserError(
      `predictions: per-class scores need one column per class; missing ${shown.join(', ')}${missing.length > 5 ? ` and ${missing.length - 5} more` : ''}`,
      { file: file.file },
    );
  }
  for (const name of names) {
    const values = file.classScores.get(name) as Float64Array;
    const row = values.findIndex((value) => !Number.isFinite(value));
    if (row >= 0) {
      throw new UserError(`predictions: the score of class ${JSON.stringify(name)} is not a finite number`, {
        file: file.file,
        line: file.lines[row] as number,
      });
    }
  }
}

/**
 * The score type: configured, or `probability` when every score lies in [0, 1], else `unknown`
 * (only the order is used). Declared probabilities outside [0, 1] fail at the first such row.
 */
function readScores(
  columns: readonly [Predictions, Float64Array][],
  format: PredictionsFormat,
  settings: SettingNames,
): ScoreReading {
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  for (const [file, values] of columns) {
    for (let i = 0; i < values.length; i++) {
      const value = values[i] as number;
      if (value < low) low = value;
      if (value > high) high = value;
      if (format.scoreType === 'probability' && !(value >= 0 && value <= 1)) {
        throw new UserError(
          `predictions: score ${formatNumber(value)} is not a probability in [0, 1], but ${settings.scoreType} says probability (use logit or decision for other scores)`,
          { file: file.file, line: file.lines[i] as number },
        );
      }
    }
  }
  const range: [number, number] = [low, high];
  if (format.scoreType) return { type: format.scoreType, source: 'configured', range };
  return { type: low >= 0 && high <= 1 ? 'probability' : 'unknown', source: 'detected', range };
}

/** Why log loss and Brier, or the label metrics, are absent for these scores; empty when nothing is. */
export function scoreNotes(semantics: PredictionsSemantics, hasPredictionColumn: boolean): string[] {
  const { scores, task } = semantics;
  if (!scores || task.task === 'regression') return [];
  const notes: string[] = [];
  const range = `the scores range from ${formatNumber(scores.range[0])} to ${formatNumber(scores.range[1])}`;
  const losses = task.task === 'binary' ? 'log_loss and brier' : 'log_loss';
  if (scores.type === 'unknown') {
    notes.push(
      `${losses} need probabilities, and ${range} (not within [0, 1]); only the ranking metrics are computed — declare score_type: logit to compute them through the ${task.task === 'binary' ? 'sigmoid' : 'softmax'}`,
    );
  } else if (scores.type === 'decision') {
    notes.push(`${losses} need probabilities, and the scores are decision values (score_type: decision)`);
  }
  if (!hasPredictionColumn && scores.type === 'unknown' && task.task === 'binary') {
    notes.push(
      'accuracy, precision, recall and F1 need a prediction column or a declared score_type (the threshold is 0.5 for probabilities and 0 for logits and decision values)',
    );
  }
  return notes;
}

/** The report's account of how the predictions were read. */
export function predictionsReading(
  semantics: PredictionsSemantics,
  examples: number,
  notes: readonly string[],
): PredictionsReading {
  const { task, positive, scores, classes } = semantics;
  return {
    task: task.task,
    taskSource: task.source,
    ...(task.why !== undefined && { taskReason: task.why }),
    ...(task.task !== 'regression' && { classes: [...classes.names] }),
    ...(positive && { positiveClass: positive.name, positiveClassSource: positive.source }),
    ...(scores && { scoreType: scores.type, scoreTypeSource: scores.source, scoreRange: [...scores.range] }),
    examples,
    ...(notes.length > 0 && { notes: [...notes] }),
  };
}
