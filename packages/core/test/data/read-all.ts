import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { RecordBatch } from '../../src/data/batch.js';

export const fixture = (name: string): string => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
export const fixtureBytes = (name: string): Uint8Array => new Uint8Array(readFileSync(fixture(name)));

interface SyncReader {
  write(chunk: Uint8Array): void;
  end(): void;
  next(): RecordBatch | null;
  readonly columns: readonly string[];
}

export interface Table {
  columns: string[];
  /** Each field decoded, or null where `isNull` says so. */
  rows: (string | null)[][];
  lines: number[];
}

/** Copies everything out of each batch before asking for the next, as the lifetime rule requires. */
export function collect(batch: RecordBatch, table: Table): void {
  table.columns = [...batch.columns];
  for (let r = 0; r < batch.rowCount; r++) {
    const row: (string | null)[] = [];
    for (let c = 0; c < batch.columnCount; c++) row.push(batch.isNull(r, c) ? null : batch.string(r, c));
    table.rows.push(row);
    table.lines.push(batch.line(r));
  }
}

/** Feeds `bytes` in chunks of `chunkSize` bytes (all at once by default) and reads every row. */
export function readAll(reader: SyncReader, bytes: Uint8Array, chunkSize = bytes.length || 1): Table {
  const table: Table = { columns: [], rows: [], lines: [] };
  for (let at = 0; at < bytes.length; at += chunkSize) {
    reader.write(bytes.subarray(at, at + chunkSize));
    for (let batch = reader.next(); batch; batch = reader.next()) collect(batch, table);
  }
  reader.end();
  for (let batch = reader.next(); batch; batch = reader.next()) collect(batch, table);
  if (table.columns.length === 0) table.columns = [...reader.columns];
  return table;
}
