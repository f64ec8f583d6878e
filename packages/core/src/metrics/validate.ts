import { UserError } from '../errors.js';
import type { Weights } from './types.js';

export function assertSameLength(what: string, a: ArrayLike<unknown>, b: ArrayLike<unknown>, weights?: Weights): void {
  if (a.length !== b.length) {
    throw new UserError(`${what}: got ${a.length} labels but ${b.length} predictions`);
  }
  if (weights !== undefined && weights.length !== a.length) {
    throw new UserError(`${what}: got ${a.length} examples but ${weights.length} weights`);
  }
}

/** Weight of example i: 1 when unweighted. */
export function weightAt(weights: Weights | undefined, i: number): number {
  return weights === undefined ? 1 : (weights[i] as number);
}
