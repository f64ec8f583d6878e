import { worstStatus } from '../report/status.js';
import { REPORT_SCHEMA_ID } from '../report/types.js';
import type { DriftResult, Reason, Report, Status, ValidationSection, Verdict } from '../report/types.js';

/**
 * Adds a drift result (computed by the caller from the section's profile and a reference) to a
 * validation section; the section's status becomes the worse of the two.
 */
export function attachDrift(section: ValidationSection, drift: DriftResult): ValidationSection {
  section.drift = drift;
  section.status = worstStatus([section.status, drift.status]) as Status;
  return section;
}

/**
 * The verdict on validated datasets: one reason per check that did not pass, one for data that
 * could not be read cleanly, one for drift; the status is the worst section's.
 */
export function validationVerdict(sections: readonly ValidationSection[]): Verdict {
  const reasons: Reason[] = [];
  for (const section of sections) {
    const { dataset } = section;
    for (const check of section.checks) {
      if (check.status === 'pass') continue;
      reasons.push({
        rule: check.check,
        status: check.status,
        message: check.message,
        dataset,
        ...(check.column !== undefined && { column: check.column }),
      });
    }
    const issues = section.issues ?? [];
    if (issues.length > 0) {
      const failing = issues.some((issue) => issue.message.startsWith('error:'));
      const first = issues[0]!;
      reasons.push({
        rule: 'readable',
        status: failing ? 'fail' : 'warn',
        message: `${issues.length === 1 ? 'a problem' : `${issues.length} problems`} reading the data, first at line ${first.line}: ${first.message}`,
        dataset,
      });
    }
    if (section.drift && section.drift.status !== 'pass') {
      const drifted = section.drift.columns.filter((column) => column.drifted).length;
      const lost = (section.drift.skipped ?? []).filter((column) => column.status !== 'pass');
      const parts = [
        ...(drifted > 0 ? [`${drifted} of ${section.drift.columns.length} columns drifted`] : []),
        ...lost.slice(0, 3).map((column) => column.message),
        ...(lost.length > 3 ? [`${lost.length - 3} more columns lost or retyped`] : []),
      ];
      reasons.push({ rule: 'drift', status: section.drift.status, message: parts.join('; '), dataset });
    }
  }
  const status = sections.length === 0 ? 'skipped' : worstStatus(sections.map((section) => section.status));
  return { status, summary: summarize(sections, status), reasons };
}

function summarize(sections: readonly ValidationSection[], status: Verdict['status']): string {
  if (sections.length === 0) return 'no data was validated';
  const checks = sections.reduce((sum, section) => sum + section.checks.length, 0);
  const failed = sections.reduce((sum, s) => sum + s.checks.filter((check) => check.status === 'fail').length, 0);
  const what = sections.length === 1 ? `data ${sections[0]!.dataset}` : `${sections.length} datasets`;
  if (status === 'pass') return `${what} passed ${checks} check${checks === 1 ? '' : 's'}`;
  if (failed > 0) return `${what}: ${failed} of ${checks} check${checks === 1 ? '' : 's'} failed`;
  return `${what} ${status === 'fail' ? 'failed' : 'passed with warnings'}`;
}

/** A report of validation sections alone, with their verdict. */
export function validationReport(sections: ValidationSection[], createdAt: Date): Report {
  return {
    schema: REPORT_SCHEMA_ID,
    createdAt: createdAt.toISOString(),
    verdict: validationVerdict(sections),
    validations: sections,
  };
}
