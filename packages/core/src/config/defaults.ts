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
