import { ColumnProfile } from '../profile/column.js';
import type { RowOutcome } from './row-checker.js';
import type { Check } from './types.js';

/**
 * Whether row checks over separate shards can be joined into the one-pass result. Uniqueness
 * cannot: a value repeated across shards is only seen by holding every value in one place.
 */
export function canJoinShards(checks: readonly Check[]): boolean {
  return !checks.some((check) => check.kind === 'unique');
}

/**
 * The outcomes one pass over consecutive shards (given in file order, each in suite order) would
 * give: counts add up, examples stay in line order and keep the first `maxExamples`, the first
 * reason a check could not be decided stands, subset profiles merge. A column absent from a whole
 * shard (a JSON Lines key) is null there, as one pass counts the rows before a column appears.
 */
export function joinRowOutcomes(shards: readonly (readonly RowOutcome[])[], maxExamples: number): RowOutcome[] {
  const [first] = shards;
  if (first === undefined) return [];
  return first.map((_, index) => {
    const parts = shards.map((outcomes) => outcomes[index]!);
    const { check } = parts[0]!;
    if (check.kind === 'unique') throw new RangeError('uniqueness checks cannot be joined across shards');
    const present = parts.some((outcome) => outcome.present);
    const countsAbsent = present && (check.kind === 'not_null' || check.kind === 'null');
    let checked = 0;
    let unexpected = 0;
    let absent = 0;
    const examples: RowOutcome['examples'] = [];
    for (const outcome of parts) {
      absent += outcome.absent;
      if (outcome.present) {
        checked += outcome.checked;
        unexpected += outcome.unexpected;
        for (const example of outcome.examples) if (examples.length < maxExamples) examples.push(example);
      } else if (countsAbsent) {
        checked += outcome.absent;
        if (check.kind === 'not_null') unexpected += outcome.absent;
      }
    }
    const undecided = parts.find((outcome) => outcome.undecided !== undefined)?.undecided;
    const subsets = parts.flatMap((outcome) => (outcome.subset ? [outcome.subset] : []));
    return {
      check,
      present,
      checked,
      unexpected,
      absent,
      examples,
      ...(undecided !== undefined && { undecided }),
      ...(subsets.length > 0 && { subset: mergeSubsets(subsets) }),
    };
  });
}

function mergeSubsets(subsets: readonly NonNullable<RowOutcome['subset']>[]): NonNullable<RowOutcome['subset']> {
  const [first, ...rest] = subsets.map((subset, i) => ColumnProfile.fromJSON(subset, `subset[${i}]`));
  for (const other of rest) first!.merge(other);
  return first!.toJSON();
}
