import type { VerdictStatus } from './types.js';

const SEVERITY: Record<VerdictStatus, number> = { skipped: 0, pass: 1, warn: 2, fail: 3 };

/** The most severe status: fail > warn > pass > skipped (skipped only when nothing ran). */
export function worstStatus(statuses: Iterable<VerdictStatus>): VerdictStatus {
  let worst: VerdictStatus = 'skipped';
  for (const status of statuses) if (SEVERITY[status] > SEVERITY[worst]) worst = status;
  return worst;
}

/** Orders most severe first, for lists where failures should be read first. */
export function bySeverityDescending(a: VerdictStatus, b: VerdictStatus): number {
  return SEVERITY[b] - SEVERITY[a];
}
