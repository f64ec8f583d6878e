import { UserError } from '../errors.js';
import { requireFile } from '../files/read-text.js';
import { formatOf, openDataSource, readCsvColumns, type DataFormat } from './source.js';

/** Bytes looked at to tell what a file holds: enough for any header a person writes. */
const SNIFF_BYTES = 64 * 1024;

/** Delimiters a one-column header may betray, most likely first. */
const OTHER_DELIMITERS: readonly string[] = [';', '\t', '|', ','];

export interface InspectOptions {
  /** The file as the user named it, for messages (default: `path`). */
  name?: string;
  /** The format the user asked for; without it the name decides and the content may correct it. */
  format?: DataFormat;
  /** The CSV delimiter the user asked for (default `,`, or a tab for TSV). */
  delimiter?: string;
}

export interface DataFileShape {
  /** The format to read the file as. */
  format: DataFormat;
  /** The file holds nothing but whitespace (after decompression): no header, no rows. */
  empty: boolean;
  /** Things worth a warning that do not stop the read, each one line (`header looks ;-separated`). */
  warnings: string[];
}

/**
 * What a data file holds, checked before a streaming pass so that common mistakes are one clear
 * line instead of a pass that "succeeds" on the wrong reading: a missing file or a directory, a JSON
 * array of records (which a CSV reader would take as a one-column table), duplicate column names.
 * A `.json` file holding objects one per line is read as JSON Lines; a one-column CSV header that
 * contains another delimiter is a warning.
 */
export async function inspectDataFile(path: string, options: InspectOptions = {}): Promise<DataFileShape> {
  const name = options.name ?? path;
  await requireFile(path, name);
  const format = options.format ?? formatOf(name);
  if (format === 'parquet') return { format, empty: false, warnings: [] };
  const head = await readHead(path);
  const first = firstSignificantByte(head);
  if (first === undefined) return { format, empty: true, warnings: [] };
  if (options.format === undefined) {
    if (first === '['.charCodeAt(0)) {
      throw new UserError(
        'is a JSON array of records, which mlgate does not read: give JSON Lines (one object per line), e.g. ' +
          `pandas to_json(orient="records", lines=True) or jq -c '.[]'`,
        { file: name },
      );
    }
    if (first === '{'.charCodeAt(0) && /\.json(\.gz)?$/i.test(name))
      return { format: 'jsonl', empty: false, warnings: [] };
  }
  if (format === 'jsonl') return { format, empty: false, warnings: [] };
  const delimiter = options.delimiter ?? (format === 'tsv' ? '\t' : ',');
  const columns = await readCsvColumns(path, { delimiter });
  const seen = new Map<string, number>();
  columns.forEach((column, i) => {
    const earlier = seen.get(column);
    if (earlier !== undefined) {
      throw new UserError(
        `duplicate column name ${JSON.stringify(column)} (columns ${earlier + 1} and ${i + 1}); column names must be unique`,
        { file: name, line: 1 },
      );
    }
    seen.set(column, i);
  });
  const warnings: string[] = [];
  const other =
    columns.length === 1 ? OTHER_DELIMITERS.find((d) => d !== delimiter && columns[0]!.includes(d)) : undefined;
  if (other !== undefined) {
    warnings.push(
      `${name}:1: the header is one column, ${JSON.stringify(columns[0])}, which looks ${delimiterName(other)}-separated; ` +
        `if it is, give the delimiter ${JSON.stringify(other)} (--delimiter)`,
    );
  }
  return { format, empty: false, warnings };
}

function delimiterName(delimiter: string): string {
  return delimiter === '\t' ? 'tab' : JSON.stringify(delimiter);
}

async function readHead(path: string): Promise<Uint8Array> {
  for await (const chunk of openDataSource(path)) return chunk.slice(0, SNIFF_BYTES);
  return new Uint8Array(0);
}

/** The first byte that is not whitespace or a UTF-8 byte order mark. */
function firstSignificantByte(bytes: Uint8Array): number | undefined {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  for (; i < bytes.length; i++) {
    const byte = bytes[i]!;
    if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) return byte;
  }
  return undefined;
}
