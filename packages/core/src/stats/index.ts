export { normalCdf, normalIsf, normalPdf, normalPpf, normalSf } from './normal.js';
export {
  chiSquareCdf,
  chiSquareSf,
  logGamma,
  regularizedGamma,
  regularizedGammaP,
  regularizedGammaQ,
} from './gamma.js';
export { fSf, regularizedBeta, studentTSf } from './beta.js';
export { binomialCdf, binomialPmf, binomialSf, binomialTestTwoSided } from './binomial.js';
export { kolmogorovLimitSf, kolmogorovSmirnovSf, smirnovSf } from './kolmogorov.js';
export { ks2, ksExactPValue, ksFromCdfs, ksPValue } from './ks.js';
export type { KsMethod, KsOptions, KsResult, WeightedCdf } from './ks.js';
export {
  alignCategories,
  binCounts,
  chiSquare,
  chiSquareTable,
  jensenShannon,
  psi,
  quantileBinEdges,
} from './categorical.js';
export type { AlignedCounts, ChiSquareResult, Counts, PsiOptions } from './categorical.js';
export { normalizedWasserstein1, wasserstein1, wasserstein1Cdf } from './wasserstein.js';
export type { NormalizedWasserstein } from './wasserstein.js';
export { decideDrift } from './drift.js';
export type { DriftDecision, DriftInput } from './drift.js';
