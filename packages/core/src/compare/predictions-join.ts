import { UserError } from '../errors.js';
import type { Predictions, ValueColumn } from './predictions.js';

/** How many ids found on one side only are named in the summary. */
export const JOIN_EXAMPLES = 5;

export interface UnmatchedIds {
  count: number;
  /** The first few such ids, in file order. */
  examples: string[];
}

export interface JoinSummary {
  candidateRows: number;
  baselineRows: number;
  /** Examples present in both files: the ones every paired statistic is computed on. */
  matched: number;
  onlyCandidate: UnmatchedIds;
  onlyBaseline: UnmatchedIds;
}

/** Row numbers of the matched examples in each file, in candidate order. */
export interface JoinedRows {
  candidate: Int32Array;
  baseline: Int32Array;
  summary: JoinSummary;
}

/**
 * Inner join of two predictions files on id. Ids on one side only are counted (with a few
 * examples) rather than failing: a changed evaluation set is worth reporting, not fatal. The same
 * id with different labels is fatal: the files disagree about the ground truth, so no comparison
 * of the two models on them means anything.
 */
export function joinPredictions(candidate: Predictions, baseline: Predictions): JoinedRows {
  const baselineRow = new Map<string, number>();
  baseline.ids.forEach((id, row) => baselineRow.set(id, row));
  const candidateRows = new Int32Array(candidate.rows);
  const baselineRows = new Int32Array(candidate.rows);
  const matchedInBaseline = new Uint8Array(baseline.rows);
  const onlyCandidate: UnmatchedIds = { count: 0, examples: [] };
  let matched = 0;
  for (let row = 0; row < candidate.rows; row++) {
    const id = candidate.ids[row] as string;
    const other = baselineRow.get(id);
    if (other === undefined) {
      noteUnmatched(onlyCandidate, id);
      continue;
    }
    if (!sameValue(candidate.label, row, baseline.label, other)) throw labelConflict(candidate, row, baseline, other);
    matchedInBaseline[other] = 1;
    candidateRows[matched] = row;
    baselineRows[matched] = other;
    matched++;
  }
  const onlyBaseline: UnmatchedIds = { count: 0, examples: [] };
  for (let row = 0; row < baseline.rows; row++) {
    if (matchedInBaseline[row] === 0) noteUnmatched(onlyBaseline, baseline.ids[row] as string);
  }
  return {
    candidate: candidateRows.slice(0, matched),
    baseline: baselineRows.slice(0, matched),
    summary: { candidateRows: candidate.rows, baselineRows: baseline.rows, matched, onlyCandidate, onlyBaseline },
  };
}

export interface LabelSetDifference {
  /** Label values found only in the candidate's file, then only in the baseline's, sorted. */
  onlyCandidate: string[];
  onlyBaseline: string[];
}

/**
 * The labels (ground-truth values, as the files wrote them) that only one of the two files holds:
 * a class that appears or disappears is worth naming, as the metrics compare only the shared ids.
 */
export function labelSetDifference(candidate: Predictions, baseline: Predictions): LabelSetDifference {
  const labels = (p: Predictions) => new Set(Array.from({ length: p.rows }, (_, row) => valueText(p.label, row)));
  const mine = labels(candidate);
  const theirs = labels(baseline);
  const only = (a: Set<string>, b: Set<string>) => [...a].filter((label) => !b.has(label)).sort();
  return { onlyCandidate: only(mine, theirs), onlyBaseline: only(theirs, mine) };
}

/** Every row of a file matched with itself: the candidate-only (first run) case. */
export function allRows(predictions: Predictions): Int32Array {
  return Int32Array.from({ length: predictions.rows }, (_, row) => row);
}

function noteUnmatched(unmatched: UnmatchedIds, id: string): void {
  unmatched.count++;
  if (unmatched.examples.length < JOIN_EXAMPLES) unmatched.examples.push(id);
}

function sameValue(a: ValueColumn, i: number, b: ValueColumn, j: number): boolean {
  const codeA = a.textCodes[i] as number;
  const codeB = b.textCodes[j] as number;
  if (codeA < 0 || codeB < 0) return codeA === codeB && a.numbers[i] === b.numbers[j];
  return a.texts[codeA] === b.texts[codeB];
}

/** The value as the file wrote it (numbers in JavaScript's shortest form). */
export function valueText(column: ValueColumn, row: number): string {
  const code = column.textCodes[row] as number;
  return code < 0 ? String(column.numbers[row]) : (column.texts[code] as string);
}

function labelConflict(candidate: Predictions, row: number, baseline: Predictions, other: number): UserError {
  const id = JSON.stringify(candidate.ids[row]);
  const here = JSON.stringify(valueText(candidate.label, row));
  const there = JSON.stringify(valueText(baseline.label, other));
  return new UserError(
    `predictions: id ${id} has label ${here} here but ${there} in ${baseline.file}:${baseline.lines[other]}; the candidate and baseline files disagree about the ground truth`,
    { file: candidate.file, line: candidate.lines[row] as number },
  );
}
