import { closestMatch } from '../json-schema/suggest.js';
import type { GateConfig } from '../config/types.js';
import type { MetricComparison, SliceComparison } from '../report/types.js';
import { findComparison } from './metric-rules.js';

/** A gate rule that cannot be judged on what was computed: a configuration error, not a failed gate. */
export interface GateMetricProblem {
  /** Key path in mlgate.yml, e.g. `['gate', 'metrics', 'auc']`. */
  path: string[];
  message: string;
}

export interface ComputedMetrics {
  metrics: readonly MetricComparison[];
  slices?: readonly SliceComparison[];
  /** Metrics of the task that were not computed, and why (`it needs a score column`). */
  absent?: Readonly<Record<string, string>>;
}

/**
 * Rules in `gate.metrics` and `gate.slices.metrics` that name a metric no side has (a typo, or a
 * metric the data cannot give), and `max_regression` rules on a metric whose direction mlgate
 * cannot tell. Each says what to write instead: the closest computed name, or the reason the
 * metric is absent, or the `direction` key.
 */
export function gateMetricProblems(gate: GateConfig, computed: ComputedMetrics): GateMetricProblem[] {
  const problems: GateMetricProblem[] = [];
  const names = computed.metrics.map((metric) => metric.name);
  for (const [name, rule] of Object.entries(gate.metrics)) {
    const path = ['gate', 'metrics', name];
    const found = findComparison(name, computed.metrics);
    if (found.kind === 'missing') problems.push({ path, message: notComputed(name, names, computed.absent) });
    else if (
      found.kind === 'found' &&
      rule.maxRegression &&
      !rule.direction &&
      found.comparison.direction === 'unknown'
    ) {
      problems.push({
        path,
        message: `mlgate cannot tell whether a higher or a lower ${found.comparison.name} is better; set direction: higher or direction: lower`,
      });
    }
  }
  const sliceNames = [...new Set((computed.slices ?? []).flatMap((slice) => slice.metrics.map((m) => m.name)))];
  for (const name of Object.keys(gate.slices?.metrics ?? {})) {
    const known = sliceNames.length > 0 ? sliceNames : names;
    if (!known.includes(name) && !known.some((metric) => metric.endsWith(`.${name}`))) {
      problems.push({ path: ['gate', 'slices', 'metrics', name], message: notComputed(name, known, computed.absent) });
    }
  }
  return problems;
}

function notComputed(name: string, names: readonly string[], absent: ComputedMetrics['absent']): string {
  const why = absent?.[name];
  if (why !== undefined) return `${name} was not computed: ${why}`;
  const suggestion = suggest(name, names);
  const listed = names.length > 0 ? names.slice(0, 20).join(', ') : 'none';
  return `no metric named ${JSON.stringify(name)} was computed${suggestion ? `; did you mean ${JSON.stringify(suggestion)}?` : ''} (computed: ${listed})`;
}

/** The closest name by edit distance, else a computed name made of the rule's words (`auc` → `roc_auc`). */
function suggest(name: string, names: readonly string[]): string | undefined {
  const close = closestMatch(name, names);
  if (close) return close;
  const words = name.toLowerCase().split(/[_.\s-]+/);
  return names.find((candidate) => {
    const theirs = candidate.toLowerCase().split(/[_.\s-]+/);
    return words.every((word) => theirs.includes(word));
  });
}
