export { evaluateGate } from './evaluate.js';
export { type ComputedMetrics, type GateMetricProblem, gateMetricProblems } from './gate-metrics.js';
export type { GateInput, GateResult } from './types.js';
export { type RegressionJudgement, judgeRegression } from './regression.js';
