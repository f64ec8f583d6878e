import { type GateConfig, UserError, gateMetricProblems } from '@mlgate/core';
import type { SideComparison } from './compare-sides.js';
import type { LoadedConfig } from './config.js';

/** A gate rule for a metric that was not computed is the configuration's mistake: exit 2, not a failed gate. */
export function checkGateMetrics(gate: GateConfig, compared: SideComparison, loaded: LoadedConfig): void {
  const [problem] = gateMetricProblems(gate, compared);
  if (!problem) return;
  throw loaded.errorAt
    ? loaded.errorAt(problem.path, problem.message)
    : new UserError(problem.message, { path: problem.path.join('.') });
}
