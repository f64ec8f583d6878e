import { UserError } from '../errors.js';

/** Column names of a predictions file; each role may be left to its default names. */
export interface PredictionColumnNames {
  id?: string;
  label?: string;
  prediction?: string;
  score?: string;
  /** Columns to slice the metrics by (kept as text). */
  slices?: readonly string[];
  /**
   * Prefix of per-class probability columns (`score_cat`, `score_dog`: the class name follows the
   * prefix), read for multiclass models. Default `DEFAULT_CLASS_SCORE_PREFIX`.
   */
  classScores?: string;
}

export const DEFAULT_CLASS_SCORE_PREFIX = 'score_';

export type PredictionRole = 'id' | 'label' | 'prediction' | 'score';

/**
 * Names tried, in order, when a role is not named explicitly: the plain name first, then what
 * scikit-learn users and common exports call it (`y_true`, `y_pred`, `y_score`, `proba`).
 */
export const DEFAULT_COLUMN_NAMES: Readonly<Record<PredictionRole, readonly string[]>> = {
  id: ['id', 'example_id', 'row_id'],
  label: ['label', 'y_true', 'target', 'actual'],
  prediction: ['prediction', 'y_pred', 'pred', 'predicted'],
  score: ['score', 'y_score', 'proba', 'probability', 'y_prob'],
};

/** Where each role sits in a batch's columns (-1: absent from this batch). */
export interface ColumnPositions {
  id: number;
  label: number;
  prediction: number;
  score: number;
  slices: number[];
}

/** Finds each role's column among `columns`: the explicit name, else the first default name present. */
export function locateColumns(columns: readonly string[], names: PredictionColumnNames): ColumnPositions {
  const find = (role: PredictionRole): number => {
    const explicit = names[role];
    if (explicit !== undefined) return columns.indexOf(explicit);
    for (const candidate of DEFAULT_COLUMN_NAMES[role]) {
      const at = columns.indexOf(candidate);
      if (at >= 0) return at;
    }
    return -1;
  };
  return {
    id: find('id'),
    label: find('label'),
    prediction: find('prediction'),
    score: find('score'),
    slices: (names.slices ?? []).map((name) => columns.indexOf(name)),
  };
}

/** The name a role goes by in messages: the explicit one, else the default names tried. */
export function describeRole(role: PredictionRole, names: PredictionColumnNames): string {
  const explicit = names[role];
  return explicit !== undefined ? `'${explicit}'` : DEFAULT_COLUMN_NAMES[role].map((n) => `'${n}'`).join(' / ');
}

/** Fails when a required column (or an explicitly named optional one) never appeared in the file. */
export function checkColumnsFound(
  file: string,
  seen: ReadonlySet<string>,
  found: Readonly<Partial<Record<PredictionRole, string>>>,
  names: PredictionColumnNames,
  classScores = 0,
): void {
  const available = [...seen].slice(0, 20).join(', ') || 'none';
  const missing = (role: PredictionRole, why: string): UserError =>
    new UserError(`predictions: no ${role} column ${describeRole(role, names)} (${why}); columns: ${available}`, {
      file,
    });
  if (found.id === undefined) throw missing('id', 'needed to pair examples');
  if (found.label === undefined) throw missing('label', 'the true label of each example');
  for (const role of ['prediction', 'score'] as const) {
    if (names[role] !== undefined && found[role] === undefined) throw missing(role, 'named in the options');
  }
  if (found.prediction === undefined && found.score === undefined && classScores === 0) {
    const prefix = names.classScores ?? DEFAULT_CLASS_SCORE_PREFIX;
    throw new UserError(
      `predictions: need a prediction column (${describeRole('prediction', names)}), a score column (${describeRole('score', names)}) or per-class score columns ('${prefix}<class>'); columns: ${available}`,
      { file },
    );
  }
  for (const slice of names.slices ?? []) {
    if (!seen.has(slice)) {
      throw new UserError(`predictions: no slice column '${slice}'; columns: ${available}`, { file });
    }
  }
}
