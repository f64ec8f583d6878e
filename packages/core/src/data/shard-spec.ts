import { UserError } from '../errors.js';

/** The i-th (1-based) of n row-aligned parts of a dataset, as matrix jobs split it. */
export interface ShardSpec {
  index: number;
  count: number;
}

/** Parses `i/n` with 1 ≤ i ≤ n; `what` names the option or input in the error (`--shard`, `input "shard"`). */
export function parseShardSpec(text: string, what: string): ShardSpec {
  const match = /^(\d{1,6})\/(\d{1,6})$/.exec(text.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) {
    throw new UserError(`${what}: expected i/n with 1 ≤ i ≤ n (e.g. 2/4), got ${JSON.stringify(text)}`);
  }
  return { index, count };
}
