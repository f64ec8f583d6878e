import { worstStatus } from './status.js';
import type { Report, VerdictStatus } from './types.js';

/** What a check run concludes; `neutral` passes a required check on GitHub, as a warning should. */
export type CheckConclusion = 'success' | 'neutral' | 'failure' | 'skipped';

const CONCLUSIONS: Record<VerdictStatus, CheckConclusion> = {
  pass: 'success',
  warn: 'neutral',
  fail: 'failure',
  skipped: 'skipped',
};

export function checkConclusion(status: VerdictStatus): CheckConclusion {
  return CONCLUSIONS[status];
}

/**
 * The part of a merged report that decides one model: its comparison, every data validation (the
 * data feeds every model), and the reasons about that model or about no model in particular. The
 * verdict is the worst of those reasons; the summary is the deciding reasons' messages.
 */
export function reportForModel(report: Report, model: string): Report {
  const reasons = report.verdict.reasons.filter((reason) => reason.model === undefined || reason.model === model);
  const comparisons = (report.comparisons ?? []).filter((section) => section.model === model);
  const judged = [...reasons.map((reason) => reason.status), ...(report.validations ?? []).map((v) => v.status)];
  // A report that gives no reasons at all has only its overall verdict to go by.
  const status = judged.length > 0 ? worstStatus(judged) : report.verdict.status;
  const deciding = reasons.filter((reason) => reason.status === status && status !== 'pass');
  const summary = deciding.length > 0 ? deciding.map((reason) => reason.message).join('; ') : report.verdict.summary;
  const { validations: _validations, comparisons: _comparisons, ...rest } = report;
  return {
    ...rest,
    verdict: { status, summary: Array.from(summary).slice(0, 4096).join(''), reasons },
    ...(report.validations ? { validations: report.validations } : {}),
    ...(comparisons.length > 0 ? { comparisons } : {}),
  };
}
