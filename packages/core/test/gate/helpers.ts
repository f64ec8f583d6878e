import type { GateConfig, MetricRule } from '../../src/config/types.js';
import type { MetricComparison } from '../../src/report/types.js';

export function gateConfig(extra: Partial<GateConfig> = {}): GateConfig {
  return {
    confidence: 0.95,
    significance: 'regression',
    bootstrap: { resamples: 1000, seed: 42 },
    onMissingBaseline: 'pass',
    require: [],
    metrics: {},
    ...extra,
  };
}

export function rule(extra: Partial<MetricRule> = {}): MetricRule {
  return { significance: 'regression', ...extra };
}

/** A comparison of two finite values; `ci` is the interval of candidate − baseline. */
export function comparison(
  name: string,
  baseline: number | null,
  candidate: number | null,
  extra: Partial<MetricComparison> = {},
): MetricComparison {
  const delta = baseline !== null && candidate !== null ? candidate - baseline : null;
  return {
    name,
    direction: 'higher',
    baseline,
    candidate,
    delta,
    relative: delta !== null && baseline ? delta / Math.abs(baseline) : null,
    label: 'within-noise',
    ...extra,
  };
}

export const absolute = (value: number) => ({ kind: 'absolute', value }) as const;
export const relative = (value: number) => ({ kind: 'relative', value }) as const;
