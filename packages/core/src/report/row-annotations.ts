import type { Location } from '../errors.js';
import { formatOf } from '../data/source.js';
import type { CheckResult, DataIssue, ValidationSection } from './types.js';

export interface RowAnnotation {
  level: 'error' | 'warning';
  message: string;
  location: Location;
}

/** Whether GitHub can show a line of `path`: plain CSV/TSV/JSON Lines, not gzip or Parquet. */
export function hasAnnotatableLines(path: string): boolean {
  return !path.toLowerCase().endsWith('.gz') && formatOf(path) !== 'parquet';
}

/** Enough to find the pattern from the diff view; the report holds every example. */
export const MAX_PER_CHECK = 10;
export const MAX_TOTAL = 50;

/**
 * Annotations on the first failing rows of a text data file: one per failing value a check kept
 * (with its line), and one per row the reader could not read cleanly. `file` is the path the
 * annotations point at, relative to the repository root.
 */
export function rowAnnotations(
  section: ValidationSection,
  file: string,
): { annotations: RowAnnotation[]; omitted: number } {
  const groups = [
    ...section.checks
      .filter((check) => check.status === 'fail' || check.status === 'warn')
      .map((c) => checkRows(c, file)),
    (section.issues ?? []).map((issue) => issueRow(issue, file)),
  ];
  const annotations: RowAnnotation[] = [];
  let omitted = 0;
  for (const group of groups) {
    const room = Math.max(0, Math.min(MAX_PER_CHECK, MAX_TOTAL - annotations.length));
    annotations.push(...group.slice(0, room));
    omitted += Math.max(0, group.length - room);
  }
  return { annotations, omitted };
}

function checkRows(check: CheckResult, file: string): RowAnnotation[] {
  const level = check.status === 'fail' ? 'error' : 'warning';
  const subject = check.column === undefined ? check.check : `${check.column}: ${check.check}`;
  return (check.examples ?? []).flatMap(({ line, value }) =>
    line === undefined
      ? []
      : [
          {
            level,
            message: `${subject} - value ${JSON.stringify(value)} (${check.message})`,
            location: { file, line },
          },
        ],
  );
}

function issueRow(issue: DataIssue, file: string): RowAnnotation {
  const warning = issue.message.startsWith('warning:');
  return {
    level: warning ? 'warning' : 'error',
    message: issue.message.replace(/^(error|warning): /, ''),
    location: { file, line: issue.line, ...(issue.column !== undefined && { column: issue.column }) },
  };
}
