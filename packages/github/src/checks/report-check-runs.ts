import {
  checkConclusion,
  hasAnnotatableLines,
  renderReportMarkdown,
  reportForModel,
  rowAnnotations,
  type Report,
} from '@mlgate/core';
import type { CheckRun, CheckRunAnnotation } from './check-run.js';

export interface ReportCheckRunOptions {
  headSha: string;
  /** The workflow run id: a re-run updates the check runs it wrote before. */
  runId: string;
  runUrl?: string;
  /** UTF-8 byte budget of each summary (GitHub caps it at 65,535 characters). */
  maxBytes: number;
}

const WORDS = { pass: 'passed', warn: 'passed with warnings', fail: 'failed', skipped: 'skipped' } as const;

/**
 * One check run per model in the report (`mlgate / <model>`; `mlgate` for a report about data only),
 * concluded from that model's part of the verdict, with that part as its summary and the failing
 * data rows as annotations, so branch protection can require each model's check.
 */
export function reportCheckRuns(report: Report, options: ReportCheckRunOptions): CheckRun[] {
  const models = (report.comparisons ?? []).map((section) => section.model);
  const parts =
    models.length > 0
      ? models.map((model) => ({ name: `mlgate / ${model}`, report: reportForModel(report, model), model }))
      : [{ name: 'mlgate', report, model: undefined }];
  const annotations = dataRowAnnotations(report);
  return parts.map(({ name, report: part, model }) => ({
    name,
    headSha: options.headSha,
    conclusion: checkConclusion(part.verdict.status),
    title: `${model ?? 'mlgate'}: ${WORDS[part.verdict.status]}`,
    summary: renderReportMarkdown(part, {
      title: name,
      maxBytes: options.maxBytes,
      ...(options.runUrl && { runUrl: options.runUrl }),
    }),
    annotations,
    externalId: options.runId,
    ...(options.runUrl && { detailsUrl: options.runUrl }),
  }));
}

/** As many as one request carries: enough to find the pattern in the diff; the report lists the rest. */
const MAX_ANNOTATIONS = 50;

function dataRowAnnotations(report: Report): CheckRunAnnotation[] {
  return (report.validations ?? [])
    .filter((section) => hasAnnotatableLines(section.dataset))
    .flatMap((section) => rowAnnotations(section, section.dataset).annotations)
    .map(({ level, message, location }): CheckRunAnnotation => ({
      path: location.file ?? '',
      line: location.line ?? 1,
      level: level === 'error' ? 'failure' : 'warning',
      message,
    }))
    .slice(0, MAX_ANNOTATIONS);
}
