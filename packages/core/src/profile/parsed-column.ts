/**
 * What the profile read of one column of the batch it was just given, so that the row checks of the
 * same pass need not read it again: 1 where the value is null, and the number each value reads as
 * (`parseNumber`, whatever its quoting; NaN for nulls and for text that is not a number).
 */
export interface ParsedColumn {
  nulls: Uint8Array;
  numbers: Float64Array;
}
