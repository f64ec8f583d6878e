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

/**
 * Shard `i/n` cut into `parts` consecutive shards of the file (`(i-1)·parts + j` of `n·parts`):
 * together they read exactly the rows shard `i/n` reads, because their outer byte bounds are the
 * same (`shardRange` floors the same rational number).
 */
export function splitShard(shard: ShardSpec | undefined, parts: number): ShardSpec[] {
  const { index, count } = shard ?? { index: 1, count: 1 };
  if (!Number.isInteger(parts) || parts < 1) throw new RangeError(`parts must be a positive integer, got ${parts}`);
  return Array.from({ length: parts }, (_, j) => ({ index: (index - 1) * parts + j + 1, count: count * parts }));
}
