import type { GateRequirement } from '../config/types.js';
import type { Reason, Status } from '../report/types.js';

const SUBJECT: Record<GateRequirement, string> = { data_validation: 'data validation', drift: 'drift check' };

/**
 * `gate.require`: the named step must have run and passed. No result fails closed (the gate cannot
 * vouch for data it has not seen checked); a warning stays a warning.
 */
export function requirementReason(requirement: GateRequirement, status: Status | undefined): Reason {
  const subject = SUBJECT[requirement];
  const rule = `require.${requirement}`;
  switch (status) {
    case undefined:
      return { rule, status: 'fail', message: `${subject} is required (gate.require) but no result was given` };
    case 'fail':
      return { rule, status: 'fail', message: `${subject} failed` };
    case 'warn':
      return { rule, status: 'warn', message: `${subject} passed with warnings` };
    case 'pass':
      return { rule, status: 'pass', message: `${subject} passed` };
  }
}
