import { UserError } from '../errors.js';
import { quoteKey } from '../json-schema/path.js';
import { worstStatus } from './status.js';
import { REPORT_SCHEMA_ID, type Report, type Subject } from './types.js';

const MAX_SUMMARY_CHARS = 4096;

/** Fields that say which commit a report is about: reports about different commits must not be merged. */
const IDENTITY_FIELDS = ['repository', 'sha', 'ref', 'pullRequest'] as const;

/**
 * Combines the reports of one commit (say, validate's and compare's) into one: sections are
 * concatenated, the verdict is the worst of all verdicts with every reason kept, and the summary is
 * taken from the reports that decided it. Refuses reports about different commits and reports that
 * both cover the same dataset or model.
 */
export function mergeReports(reports: readonly Report[]): Report {
  if (reports.length === 0) throw new UserError('no reports to merge');
  const status = worstStatus(reports.map((report) => report.verdict.status));
  const deciding = reports.filter((report) => report.verdict.status === status);
  const summary = [...new Set(deciding.map((report) => report.verdict.summary).filter(Boolean))].join('; ');
  const validations = reports.flatMap((report) => report.validations ?? []);
  const comparisons = reports.flatMap((report) => report.comparisons ?? []);
  rejectDuplicates(
    validations.map((section) => section.dataset),
    'dataset',
  );
  rejectDuplicates(
    comparisons.map((section) => section.model),
    'model',
  );
  const subject = mergeSubjects(reports);
  return {
    schema: REPORT_SCHEMA_ID,
    createdAt: latest(reports.map((report) => report.createdAt)),
    ...(subject ? { subject } : {}),
    verdict: {
      status,
      summary: Array.from(summary).slice(0, MAX_SUMMARY_CHARS).join(''),
      reasons: reports.flatMap((report) => report.verdict.reasons),
    },
    ...(validations.length > 0 ? { validations } : {}),
    ...(comparisons.length > 0 ? { comparisons } : {}),
  };
}

function mergeSubjects(reports: readonly Report[]): Subject | undefined {
  const oldestFirst = [...reports].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
  const subjects = oldestFirst.flatMap((report) => (report.subject ? [report.subject] : []));
  if (subjects.length === 0) return undefined;
  for (const field of IDENTITY_FIELDS) {
    const values = [...new Set(subjects.flatMap((subject) => (subject[field] === undefined ? [] : [subject[field]])))];
    if (values.length > 1) {
      const shown = values.map((value) => quoteKey(String(value))).join(' and ');
      throw new UserError(`cannot merge reports about different commits: subject.${field} is ${shown}`);
    }
  }
  // Run fields may differ (a re-run job has a higher attempt): the newest report's values win.
  const merged: Subject = Object.assign({}, ...subjects);
  const attempts = subjects.flatMap((subject) => (subject.runAttempt === undefined ? [] : [subject.runAttempt]));
  if (attempts.length > 0) merged.runAttempt = Math.max(...attempts);
  return merged;
}

function rejectDuplicates(names: readonly string[], what: 'dataset' | 'model'): void {
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) throw new UserError(`cannot merge: two reports cover the same ${what} ${quoteKey(name)}`);
    seen.add(name);
  }
}

function latest(timestamps: readonly string[]): string {
  return timestamps.reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a));
}
