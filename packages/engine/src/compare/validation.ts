import { type Status, readReportFile, worstStatus } from '@mlgate/core';
import { type UserPath, readAs } from './paths.js';

export interface ValidationOutcome {
  validationStatus?: Status;
  driftStatus?: Status;
}

/** What `gate.require` consumes from a validate report: its verdict, and the worst drift result it holds. */
export async function readValidationOutcome(path: UserPath): Promise<ValidationOutcome> {
  const report = await readAs(path, readReportFile);
  const drift = (report.validations ?? []).flatMap((section) => (section.drift ? [section.drift.status] : []));
  const status = report.verdict.status;
  const driftStatus = drift.length > 0 ? worstStatus(drift) : undefined;
  return {
    ...(status === 'skipped' ? {} : { validationStatus: status }),
    ...(driftStatus === undefined || driftStatus === 'skipped' ? {} : { driftStatus }),
  };
}
