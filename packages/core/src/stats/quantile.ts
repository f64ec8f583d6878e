/**
 * Quantiles of a sorted multiset as numpy.quantile computes them (numpy ≥ 1.22, the methods pandas also names its
 * `interpolation`): the virtual index h = q·(n − 1) between the sorted values x[⌊h⌋] and x[⌈h⌉].
 */
import { UserError } from '../errors.js';

export const QUANTILE_METHODS = ['linear', 'lower', 'higher', 'midpoint', 'nearest'] as const;
export type QuantileMethod = (typeof QUANTILE_METHODS)[number];

/**
 * The q-quantile from the two order statistics around h = q·(n − 1): `at(i)` gives the i-th smallest value
 * (0-based). Linear interpolation is numpy's `_lerp`, which computes from the upper value when the fraction is at
 * least ½, so results agree to the last bit; `nearest` rounds h half to even, as numpy.around does.
 */
export function quantileFrom(n: number, q: number, method: QuantileMethod, at: (i: number) => number): number {
  if (!(q >= 0 && q <= 1)) throw new UserError(`a quantile must be between 0 and 1, got ${q}`);
  if (n === 0) return NaN;
  const h = q * (n - 1);
  const below = Math.floor(h);
  const fraction = h - below;
  switch (method) {
    case 'lower':
      return at(below);
    case 'higher':
      return at(Math.ceil(h));
    case 'nearest':
      return at(roundHalfEven(h));
    case 'midpoint':
      return fraction === 0 ? at(below) : lerp(at(below), at(below + 1), 0.5);
    case 'linear':
      return fraction === 0 ? at(below) : lerp(at(below), at(below + 1), fraction);
  }
}

/** numpy.median: the middle value, or the mean of the two middle values ((a + b)/2, as numpy's mean gives it). */
export function medianFrom(n: number, at: (i: number) => number): number {
  if (n === 0) return NaN;
  const half = Math.floor(n / 2);
  return n % 2 === 1 ? at(half) : (at(half - 1) + at(half)) / 2;
}

function lerp(a: number, b: number, t: number): number {
  const diff = b - a;
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}

function roundHalfEven(v: number): number {
  const r = Math.round(v);
  return Math.abs(v - Math.trunc(v)) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}
