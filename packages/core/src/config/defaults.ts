import type { StagePolicy } from './types.js';

/** Every default of `mlgate.yml`, in one place (the schema descriptions quote them). */
export const CONFIG_DEFAULTS = {
  confidence: 0.95,
  bootstrap: { resamples: 1000, seed: 42 },
  onMissingBaseline: 'pass',
  significance: 'regression',
  sliceMinSize: 30,
  stages: ['staging', 'production'],
  report: { comment: true, check: true, summary: true },
} as const;

/** What a version needs for a stage that `mlgate.yml` does not list (or lists without these keys). */
export const DEFAULT_STAGE_POLICY: Readonly<StagePolicy> = { allowWarn: false, requireBetterThanCurrent: false };
