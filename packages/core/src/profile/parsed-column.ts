/**
 * What the profile read of one column of the batch it was just given, so that the row checks of the
 * same pass need not read it again: 1 where the value is null, the number each value reads as
 * (`parseNumber`, whatever its quoting; NaN for nulls and for text that is not a number), and the
 * instant each datetime reads as.
 */
export interface ParsedColumn {
  nulls: Uint8Array;
  numbers: Float64Array;
  /**
   * `parseIsoDateTime` of each value the profile read as a datetime, NaN for every other value: valid only while
   * `hasInstants` (the batch has a datetime in this column); made on the column's first datetime.
   */
  instants: Float64Array | null;
  hasInstants: boolean;
}
