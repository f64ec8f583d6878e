import type { ClassLabels } from '../metrics/types.js';
import { assertSameLength } from '../metrics/validate.js';
import { binomialCdf } from '../stats/binomial.js';
import { chiSquareSf } from '../stats/gamma.js';

export interface McNemarResult {
  /** Examples the baseline gets right and the candidate gets wrong. */
  baselineOnly: number;
  /** Examples the candidate gets right and the baseline gets wrong. */
  candidateOnly: number;
  statistic: number;
  pValue: number;
  method: 'exact-binomial' | 'chi-square-continuity-corrected';
}

/** Below this many discordant pairs the exact binomial test is used. */
export const MCNEMAR_EXACT_BELOW = 25;

/** McNemar's test of paired accuracy on the same examples (see `mcnemarFromCounts`). */
export function mcnemar(yTrue: ClassLabels, candidate: ClassLabels, baseline: ClassLabels): McNemarResult {
  assertSameLength('McNemar', yTrue, candidate);
  assertSameLength('McNemar', yTrue, baseline);
  let baselineOnly = 0;
  let candidateOnly = 0;
  for (let i = 0; i < yTrue.length; i++) {
    const c = candidate[i] === yTrue[i];
    const b = baseline[i] === yTrue[i];
    if (b && !c) baselineOnly++;
    else if (c && !b) candidateOnly++;
  }
  return mcnemarFromCounts(baselineOnly, candidateOnly);
}

/**
 * With b, c the off-diagonal (discordant) counts: when b + c < `exactBelow` (default 25), the exact
 * test of statsmodels 0.13 `mcnemar(table, exact=True)`: statistic min(b, c), p = min(1, 2·P(X ≤
 * min(b, c))) for X ~ Binomial(b + c, ½). Otherwise `mcnemar(table, exact=False, correction=True)`:
 * statistic (|b − c| − 1)² / (b + c), p from χ² with 1 degree of freedom.
 */
export function mcnemarFromCounts(b: number, c: number, exactBelow = MCNEMAR_EXACT_BELOW): McNemarResult {
  const discordant = b + c;
  if (discordant < exactBelow) {
    const statistic = Math.min(b, c);
    return {
      baselineOnly: b,
      candidateOnly: c,
      statistic,
      pValue: Math.min(1, 2 * binomialCdf(statistic, discordant, 0.5)),
      method: 'exact-binomial',
    };
  }
  const statistic = (Math.abs(b - c) - 1) ** 2 / discordant;
  return {
    baselineOnly: b,
    candidateOnly: c,
    statistic,
    pValue: chiSquareSf(statistic, 1),
    method: 'chi-square-continuity-corrected',
  };
}
