import type { RecordBatch } from '../data/batch.js';
import { ColumnProfile, type ProfileOptions } from './column.js';
import type { ParsedColumn } from './parsed-column.js';
import { Profile, type ProfileSource } from './profile.js';

/**
 * Builds a profile from a reader's batches, one column at a time over each batch (a tight loop
 * per column, no per-row objects). Columns that first appear in a later batch (JSON Lines keys)
 * count the earlier rows as nulls. Batches may be dropped right after `add` returns.
 */
export class ProfileBuilder {
  private readonly columns: ColumnProfile[] = [];
  private rows = 0;

  private readonly parsed: ParsedColumn[] = [];

  /** With `keepParsed`, `parsedColumns` gives what each `add` read of the batch's columns. */
  constructor(
    private readonly options: ProfileOptions = {},
    private readonly keepParsed = false,
  ) {}

  add(batch: RecordBatch): void {
    for (let col = this.columns.length; col < batch.columnCount; col++) {
      const column = new ColumnProfile(batch.columns[col]!, this.options);
      column.addMissing(this.rows);
      this.columns.push(column);
    }
    const shared = this.options.sharedCounts;
    for (let col = 0; col < batch.columnCount; col++) {
      const column = this.columns[col]!;
      column.addBatch(batch, col, this.keepParsed ? this.parsedColumn(col, batch.rowCount) : undefined);
      if (shared) column.shareCounts(shared, col);
    }
    this.rows += batch.rowCount;
  }

  /** Per column of the last batch added (with `keepParsed`): its nulls and numbers, valid until the next `add`. */
  get parsedColumns(): readonly ParsedColumn[] {
    return this.parsed;
  }

  private parsedColumn(col: number, rows: number): ParsedColumn {
    let column = this.parsed[col];
    if (!column || column.nulls.length < rows) {
      column = { nulls: new Uint8Array(rows), numbers: new Float64Array(rows), instants: null, hasInstants: false };
      this.parsed[col] = column;
    }
    return column;
  }

  /** Columns known to the reader but without any row yet (a header-only file). */
  declareColumns(names: readonly string[]): void {
    for (let col = this.columns.length; col < names.length; col++) {
      const column = new ColumnProfile(names[col]!, this.options);
      column.addMissing(this.rows);
      this.columns.push(column);
    }
  }

  get rowCount(): number {
    return this.rows;
  }

  /** The profile of everything added; the builder must not be used afterwards. */
  finish(sources: ProfileSource[] = []): Profile {
    return new Profile(this.rows, sources, this.columns);
  }
}
