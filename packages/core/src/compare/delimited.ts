import { UserError } from '../errors.js';
import type { ScalarValue } from '../report/types.js';
import type { FlatValues } from './flatten.js';

/**
 * A metrics table in CSV/TSV, in either of the two shapes people write:
 * - a header row of names and one row of values (`auc,loss` / `0.91,0.32`), or
 * - two columns headed `metric,value` (also `name`/`key` for the first), one metric per row.
 * Cells are typed like a spreadsheet would: numbers (including `NaN`, `inf`, `-inf`), `true`/`false`,
 * an empty cell is null, anything else stays text.
 */
export function parseDelimited(text: string, file: string, delimiter: ',' | '\t'): FlatValues {
  const rows = splitRows(text, file, delimiter).filter((row) => !(row.cells.length === 1 && row.cells[0] === ''));
  const [header, ...data] = rows;
  if (!header) throw new UserError('is empty; expected a header row and a row of values', { file });
  if (isMetricValueHeader(header.cells)) return fromPairs(data, file);
  if (data.length !== 1) {
    throw new UserError(
      `has ${data.length} data rows; a metrics table holds one row of values under the header, or two columns "metric,value"`,
      { file, line: data[1]?.line ?? header.line },
    );
  }
  const [values] = data as [Row];
  if (values.cells.length !== header.cells.length) {
    throw new UserError(`has ${values.cells.length} values for ${header.cells.length} header names`, {
      file,
      line: values.line,
    });
  }
  const flat: FlatValues = new Map();
  header.cells.forEach((name, index) => addUnique(flat, name, typed(values.cells[index] ?? ''), file, header.line));
  return flat;
}

interface Row {
  cells: string[];
  line: number;
}

function isMetricValueHeader(cells: readonly string[]): boolean {
  const [first, second] = cells.map((cell) => cell.trim().toLowerCase());
  return cells.length === 2 && ['metric', 'name', 'key'].includes(first ?? '') && second === 'value';
}

function fromPairs(rows: readonly Row[], file: string): FlatValues {
  const flat: FlatValues = new Map();
  for (const { cells, line } of rows) {
    if (cells.length !== 2) throw new UserError(`has ${cells.length} cells; expected "metric,value"`, { file, line });
    addUnique(flat, cells[0] ?? '', typed(cells[1] ?? ''), file, line);
  }
  return flat;
}

function addUnique(flat: FlatValues, rawName: string, value: ScalarValue, file: string, line: number): void {
  const name = rawName.trim();
  if (name === '') throw new UserError('has an empty metric name', { file, line });
  if (flat.has(name)) throw new UserError(`names "${name}" twice`, { file, line });
  flat.set(name, value);
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const NON_FINITE = new Map<string, number>([
  ['nan', Number.NaN],
  ['inf', Number.POSITIVE_INFINITY],
  ['+inf', Number.POSITIVE_INFINITY],
  ['infinity', Number.POSITIVE_INFINITY],
  ['+infinity', Number.POSITIVE_INFINITY],
  ['-inf', Number.NEGATIVE_INFINITY],
  ['-infinity', Number.NEGATIVE_INFINITY],
]);

function typed(cell: string): ScalarValue {
  const text = cell.trim();
  if (text === '') return null;
  if (NUMBER.test(text)) return Number(text);
  const lower = text.toLowerCase();
  const nonFinite = NON_FINITE.get(lower);
  if (nonFinite !== undefined) return nonFinite;
  if (lower === 'true' || lower === 'false') return lower === 'true';
  return cell;
}

/** RFC 4180 rows: quoted cells may hold delimiters, newlines and doubled quotes. */
function splitRows(text: string, file: string, delimiter: string): Row[] {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const rows: Row[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let rowLine = 1;
  let quoted = false;
  let quoteLine = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i] as string;
    if (quoted) {
      if (c === '"' && source[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        cell += c;
      }
    } else if (c === '"' && cell === '') {
      quoted = true;
      quoteLine = line;
    } else if (c === delimiter) {
      cells.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && source[i + 1] === '\n') i++;
      cells.push(cell);
      rows.push({ cells, line: rowLine });
      cells = [];
      cell = '';
      rowLine = ++line;
    } else cell += c;
  }
  if (quoted) throw new UserError('has a quoted cell that is never closed', { file, line: quoteLine });
  if (cell !== '' || cells.length > 0) {
    cells.push(cell);
    rows.push({ cells, line: rowLine });
  }
  return rows;
}
