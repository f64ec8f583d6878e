import type { HistoryVersion } from '../report/types.js';
import type { ModelState } from './state.js';

/**
 * `metric` across the model's last `limit` registered versions, oldest first, from the evidence mlgate writes in
 * each registering tag's message (`metrics: [{ name, value, baseline?, ci? }]`, the change's interval against that
 * version's own baseline). A version whose message holds no such value (a GTO tag, a hand-made one) has value null.
 */
export function metricHistory(state: ModelState, metric: string, limit: number): HistoryVersion[] {
  const stagesOf = new Map<string, string[]>();
  for (const [stage, assignment] of state.stages) {
    stagesOf.set(assignment.version.tag, [...(stagesOf.get(assignment.version.tag) ?? []), stage]);
  }
  return state.versions.slice(-limit).map((version) => {
    const recorded = recordedMetric(version.message, metric);
    const stages = stagesOf.get(version.tag);
    return { version: version.tag, value: null, ...recorded, ...(stages ? { stages: stages.sort() } : {}) };
  });
}

type Recorded = Pick<HistoryVersion, 'value' | 'interval'>;

/** The recorded value of `metric` in a tag message; fields of the wrong type are ignored, never trusted. */
function recordedMetric(message: string, metric: string): Recorded | undefined {
  let evidence: unknown;
  try {
    evidence = JSON.parse(message);
  } catch {
    return undefined;
  }
  const metrics = (evidence as { metrics?: unknown } | null)?.metrics;
  if (!Array.isArray(metrics)) return undefined;
  const entry = metrics.find((m): m is Record<string, unknown> => isObject(m) && m.name === metric);
  if (!entry || !isFiniteNumber(entry.value)) return undefined;
  const { baseline, ci } = entry;
  const interval =
    isFiniteNumber(baseline) && isObject(ci) && isFiniteNumber(ci.low) && isFiniteNumber(ci.high)
      ? { low: baseline + ci.low, high: baseline + ci.high }
      : undefined;
  return { value: entry.value, ...(interval ? { interval } : {}) };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}
