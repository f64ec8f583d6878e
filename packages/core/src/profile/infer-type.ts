/** What a single non-null value parses as. */
export const VALUE_KINDS = ['integer', 'number', 'boolean', 'datetime', 'string'] as const;
export type ValueKind = (typeof VALUE_KINDS)[number];
export type TypeCounts = Record<ValueKind, number>;

export type ColumnType = ValueKind | 'empty';

/**
 * Share of non-null values that must parse as a type for the column to get it: a few stray
 * values (`n/a` spelt oddly, a footnote marker) should not turn a numeric column into text, and
 * the strays stay visible in `typeCounts`.
 */
export const TYPE_THRESHOLD = 0.99;

/**
 * The column type from its per-value counts: `empty` with no non-null value; otherwise numeric
 * when at least 99% of the non-null values are numbers (`integer` if none of them is written
 * as a decimal, else `number`), else `boolean` or `datetime` when at least 99% are that, else
 * `string`.
 */
export function inferType(counts: TypeCounts): ColumnType {
  const total = counts.integer + counts.number + counts.boolean + counts.datetime + counts.string;
  if (total === 0) return 'empty';
  const need = TYPE_THRESHOLD * total;
  if (counts.integer + counts.number >= need) return counts.number === 0 ? 'integer' : 'number';
  if (counts.boolean >= need) return 'boolean';
  if (counts.datetime >= need) return 'datetime';
  return 'string';
}
