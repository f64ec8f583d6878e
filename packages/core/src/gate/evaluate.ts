import type { GateConfig } from '../config/types.js';
import type { Reason, Status } from '../report/types.js';
import { worstStatus } from '../report/status.js';
import { metricRuleReasons } from './metric-rules.js';
import { requirementReason } from './requirements.js';
import { sliceReasons } from './slice-rules.js';
import type { GateInput, GateResult } from './types.js';

/**
 * The gate verdict for one model: every configured rule judged, one reason each. The status is
 * the worst reason's (pass when no rule applies). Without a baseline, regression rules are not
 * judged and `on_missing_baseline` decides in their place; value bounds still apply.
 */
export function evaluateGate(gate: GateConfig, input: GateInput): GateResult {
  const reasons: Reason[] = [];
  if (input.baselineMissing) reasons.push(missingBaselineReason(gate.onMissingBaseline));
  for (const requirement of gate.require) {
    reasons.push(requirementReason(requirement, requirement === 'drift' ? input.driftStatus : input.validationStatus));
  }
  for (const [name, rule] of Object.entries(gate.metrics)) reasons.push(...metricRuleReasons(name, rule, gate, input));
  if (gate.slices) reasons.push(...sliceReasons(gate.slices, gate, input.slices, input.baselineMissing));

  const withModel = input.model === undefined ? reasons : reasons.map((reason) => ({ ...reason, model: input.model }));
  const status = worstStatus(withModel.map((reason) => reason.status));
  return { status: status === 'skipped' ? 'pass' : status, reasons: withModel };
}

function missingBaselineReason(outcome: Status): Reason {
  return {
    rule: 'on_missing_baseline',
    status: outcome,
    message: `no baseline to compare with (first run): regression rules were not checked; on_missing_baseline is ${outcome}`,
  };
}
