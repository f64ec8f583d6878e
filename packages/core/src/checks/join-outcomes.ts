import type { RowOutcome } from './row-checker.js';
import type { Check } from './types.js';

/** One shard's row-check outcomes (in suite order) and the rows it read. */
export interface ShardOutcomes {
  outcomes: readonly RowOutcome[];
  rows: number;
}

/**
 * Whether row checks over separate shards can be joined into the one-pass result. Uniqueness
 * cannot: a value repeated across shards is only seen by holding every value in one place.
 */
export function canJoinShards(checks: readonly Check[]): boolean {
  return !checks.some((check) => check.kind === 'unique');
}

/**
 * The outcomes one pass over consecutive shards (given in file order) would give: counts add up,
 * examples stay in line order and keep the first `maxExamples`. A column absent from a whole
 * shard (a JSON Lines key) is null there, as one pass counts the rows before a column appears.
 */
export function joinRowOutcomes(shards: readonly ShardOutcomes[], maxExamples: number): RowOutcome[] {
  const [first] = shards;
  if (first === undefined) return [];
  return first.outcomes.map((_, index) => {
    const parts = shards.map(({ outcomes, rows }) => ({ outcome: outcomes[index]!, rows }));
    const { check } = parts[0]!.outcome;
    if (check.kind === 'unique') throw new RangeError('uniqueness checks cannot be joined across shards');
    const present = parts.some(({ outcome }) => outcome.present);
    const countsAbsent = present && (check.kind === 'not_null' || check.kind === 'null');
    let checked = 0;
    let unexpected = 0;
    const examples: RowOutcome['examples'] = [];
    for (const { outcome, rows } of parts) {
      if (outcome.present) {
        checked += outcome.checked;
        unexpected += outcome.unexpected;
        for (const example of outcome.examples) if (examples.length < maxExamples) examples.push(example);
      } else if (countsAbsent) {
        checked += rows;
        if (check.kind === 'not_null') unexpected += rows;
      }
    }
    return { check, present, checked, unexpected, examples };
  });
}
