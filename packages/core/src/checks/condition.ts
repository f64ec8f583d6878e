import { FieldFlag, type RecordBatch } from '../data/batch.js';
import { isBooleanText } from '../data/boolean-text.js';
import { fieldDateTime, parseDateTime } from './values.js';

/**
 * A Great Expectations `row_condition`: the rows an expectation looks at. Written for pandas'
 * `DataFrame.query` (`condition_parser: pandas`) or GX's own grammar (`col("x") > 5`,
 * `condition_parser: great_expectations`), both read by `parseRowCondition`.
 */
export interface RowCondition {
  /** As written in the suite, for messages. */
  text: string;
  expr: ConditionExpr;
  /** Every column the condition reads, in order of first mention. */
  columns: string[];
}

export type Literal = number | string | boolean | null;

/** A literal string that reads as an ISO 8601 date carries its instant; `date(…)` compares only as one. */
export type Operand = { column: string } | LiteralOperand;

export interface LiteralOperand {
  value: Literal;
  time?: number;
  date?: true;
}

export type Comparison = '==' | '!=' | '<' | '<=' | '>' | '>=';

export type ConditionExpr =
  | { op: 'and' | 'or'; left: ConditionExpr; right: ConditionExpr }
  | { op: 'not'; operand: ConditionExpr }
  | { op: 'compare'; comparison: Comparison; left: Operand; right: Operand }
  | { op: 'in'; column: string; values: Literal[]; negated: boolean }
  | { op: 'null'; column: string; negated: boolean };

/** A condition that cannot be read: the message says what and where, for the suite's located error. */
export class ConditionSyntaxError extends Error {}

type Token =
  | { kind: 'name'; text: string; at: number }
  | { kind: 'column'; text: string; at: number }
  | { kind: 'number'; value: number; at: number }
  | { kind: 'string'; value: string; at: number }
  | { kind: 'op'; text: string; at: number }
  | { kind: 'end'; at: number };

const OPERATORS = ['==', '!=', '<=', '>=', '<', '>', '&', '|', '~', '(', ')', '[', ']', ',', '.'];
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    const rest = text.slice(i);
    if (c === '"' || c === "'" || c === '`') {
      const close = text.indexOf(c, i + 1);
      if (close < 0) throw new ConditionSyntaxError(`unclosed ${c} at character ${i + 1}`);
      const body = text.slice(i + 1, close);
      tokens.push(c === '`' ? { kind: 'column', text: body, at: i } : { kind: 'string', value: body, at: i });
      i = close + 1;
      continue;
    }
    // A sign starts a number only where a value is due (`x > -5`), not after one (`a-1` is not supported).
    const previous = tokens[tokens.length - 1];
    const valueDue = !previous || (previous.kind === 'op' && previous.text !== ')' && previous.text !== ']');
    const number = /^\d|^\.\d/.test(rest) || (valueDue && /^[+-]\.?\d/.test(rest)) ? NUMBER.exec(rest) : null;
    if (number) {
      tokens.push({ kind: 'number', value: Number(number[0]), at: i });
      i += number[0].length;
      continue;
    }
    const name = NAME.exec(rest);
    if (name) {
      tokens.push({ kind: 'name', text: name[0], at: i });
      i += name[0].length;
      continue;
    }
    const op = OPERATORS.find((candidate) => rest.startsWith(candidate));
    if (!op) throw new ConditionSyntaxError(`unexpected ${JSON.stringify(c)} at character ${i + 1}`);
    tokens.push({ kind: 'op', text: op, at: i });
    i += op.length;
  }
  tokens.push({ kind: 'end', at: text.length });
  return tokens;
}

const NULL_METHODS: Record<string, boolean> = { isnull: false, isna: false, notnull: true, notna: true };

/**
 * Parses a row condition: comparisons (`==`, `!=`, `<`, `<=`, `>`, `>=`, chained as in
 * `1 < x <= 5`) between a column and a number, a string, `True`/`False` or another column;
 * `in` / `not in` a list (`==` a list means `in`, as in pandas); `x.isnull()` / `x.notnull()`;
 * `&` / `and`, `|` / `or`, `~` / `not` and parentheses. Columns are bare names or `` `quoted` ``
 * (pandas) or `col("name")` (GX); `date("2024-01-01")` is a date (GX).
 */
export function parseRowCondition(text: string): RowCondition {
  const tokens = tokenize(text);
  let pos = 0;
  const columns: string[] = [];
  const peek = (): Token => tokens[pos]!;
  const next = (): Token => tokens[pos++]!;
  const describe = (token: Token): string =>
    token.kind === 'end'
      ? 'the end of the condition'
      : `${JSON.stringify(text.slice(token.at, token.at + tokenLength(token)))} at character ${token.at + 1}`;
  const fail = (expected: string, token = peek()): never => {
    throw new ConditionSyntaxError(`expected ${expected}, found ${describe(token)}`);
  };
  const isOp = (token: Token, ...ops: string[]): boolean => token.kind === 'op' && ops.includes(token.text);
  const isName = (token: Token, ...names: string[]): boolean => token.kind === 'name' && names.includes(token.text);
  const expectOp = (op: string): void => {
    if (!isOp(peek(), op)) fail(`"${op}"`);
    pos++;
  };
  const useColumn = (name: string): { column: string } => {
    if (!columns.includes(name)) columns.push(name);
    return { column: name };
  };

  const stringArgument = (): string => {
    expectOp('(');
    const token = next();
    if (token.kind !== 'string') fail('a quoted name', token);
    expectOp(')');
    return (token as { value: string }).value;
  };

  const literal = (): Literal | undefined => {
    const token = peek();
    if (token.kind === 'number') {
      pos++;
      return token.value;
    }
    if (token.kind === 'string') {
      pos++;
      return token.value;
    }
    if (isName(token, 'True', 'true')) return (pos++, true);
    if (isName(token, 'False', 'false')) return (pos++, false);
    if (isName(token, 'None', 'null')) return (pos++, null);
    return undefined;
  };

  const operand = (): Operand => {
    const token = peek();
    if (token.kind === 'column') {
      pos++;
      return useColumn(token.text);
    }
    if (isName(token, 'col') && isOp(tokens[pos + 1]!, '(')) {
      pos++;
      return useColumn(stringArgument());
    }
    if (isName(token, 'date') && isOp(tokens[pos + 1]!, '(')) {
      pos++;
      const value = stringArgument();
      const time = parseDateTime(value);
      if (Number.isNaN(time)) fail('an ISO 8601 date in date(…)', token);
      return { value, time, date: true };
    }
    const value = literal();
    if (typeof value === 'string') {
      const time = parseDateTime(value);
      return Number.isNaN(time) ? { value } : { value, time };
    }
    if (value !== undefined) return { value };
    if (token.kind === 'name' && !['and', 'or', 'not', 'in'].includes(token.text)) {
      pos++;
      return useColumn(token.text);
    }
    return fail('a column or a value');
  };

  const list = (): Literal[] => {
    const close = isOp(peek(), '[') ? ']' : ')';
    pos++;
    const values: Literal[] = [];
    while (!isOp(peek(), close)) {
      const value = literal();
      if (value === undefined) fail('a value in the list');
      values.push(value!);
      if (!isOp(peek(), ',')) break;
      pos++;
    }
    expectOp(close);
    return values;
  };

  const columnOf = (side: Operand, at: Token): string => {
    if (!('column' in side)) fail('a column before "in"', at);
    return (side as { column: string }).column;
  };

  const comparison = (): ConditionExpr => {
    const start = peek();
    const left = operand();
    // `x.isnull()` / `col("x").notnull()`
    if ('column' in left && isOp(peek(), '.')) {
      pos++;
      const method = next();
      const negated = method.kind === 'name' ? NULL_METHODS[method.text.toLowerCase()] : undefined;
      if (negated === undefined) fail('isnull(), notnull(), isna() or notna()', method);
      expectOp('(');
      expectOp(')');
      return { op: 'null', column: left.column, negated: negated! };
    }
    const terms: ConditionExpr[] = [];
    let current = left;
    for (;;) {
      const token = peek();
      if (isName(token, 'in') || (isName(token, 'not') && isName(tokens[pos + 1]!, 'in'))) {
        const negated = isName(token, 'not');
        pos += negated ? 2 : 1;
        if (!isOp(peek(), '[', '(')) fail('a list of values after "in"');
        terms.push({ op: 'in', column: columnOf(current, start), values: list(), negated });
        break;
      }
      if (!isOp(token, '==', '!=', '<', '<=', '>', '>=')) break;
      pos++;
      const op = (token as { text: string }).text as Comparison;
      if ((op === '==' || op === '!=') && isOp(peek(), '[')) {
        terms.push({ op: 'in', column: columnOf(current, start), values: list(), negated: op === '!=' });
        break;
      }
      const right = operand();
      if (!('column' in current) && !('column' in right)) fail('a column on one side of the comparison', token);
      terms.push({ op: 'compare', comparison: op, left: current, right });
      current = right;
    }
    if (terms.length === 0) fail('a comparison such as x > 5');
    return terms.reduce((a, b) => ({ op: 'and', left: a, right: b }));
  };

  const unary = (): ConditionExpr => {
    const token = peek();
    if (isOp(token, '~') || isName(token, 'not')) {
      pos++;
      return { op: 'not', operand: unary() };
    }
    if (isOp(token, '(')) {
      pos++;
      const inner = disjunction();
      expectOp(')');
      return inner;
    }
    return comparison();
  };

  const conjunction = (): ConditionExpr => {
    let left = unary();
    while (isOp(peek(), '&') || isName(peek(), 'and')) {
      pos++;
      left = { op: 'and', left, right: unary() };
    }
    return left;
  };

  const disjunction = (): ConditionExpr => {
    let left = conjunction();
    while (isOp(peek(), '|') || isName(peek(), 'or')) {
      pos++;
      left = { op: 'or', left, right: conjunction() };
    }
    return left;
  };

  if (peek().kind === 'end') throw new ConditionSyntaxError('is empty');
  const expr = disjunction();
  if (peek().kind !== 'end') fail('"&", "|" or the end of the condition');
  return { text, expr, columns };
}

function tokenLength(token: Token): number {
  switch (token.kind) {
    case 'name':
    case 'op':
      return token.text.length;
    case 'column':
      return token.text.length + 2;
    case 'string':
      return token.value.length + 2;
    case 'number':
      return String(token.value).length;
    case 'end':
      return 0;
  }
}

/** A value as the condition reads it: its number (NaN when none), its text, and what kind it is. */
interface FieldView {
  batch: RecordBatch;
  row: number;
  /** Column index in the batch, or -1 when the column has not appeared (a null). */
  col: number;
  quotedIsText: boolean;
}

/**
 * Which rows of each batch a condition selects, as a 0/1 mask. Comparisons follow pandas: a null
 * compares false to anything (and `!=` true); a number compares with values that read as numbers,
 * a string with the value's text (as instants when both are ISO 8601 dates), `True`/`False` with
 * boolean values; values of another kind are not equal and not ordered. With `quotedIsText` (JSON
 * Lines) a quoted value is text and never a number.
 */
export class ConditionMask {
  private mask = new Uint8Array(0);
  private cols: number[] = [];

  constructor(
    readonly condition: RowCondition,
    private readonly quotedIsText: boolean,
  ) {}

  /** The mask for `batch` (valid until the next call); also the number of rows selected. */
  select(batch: RecordBatch): { mask: Uint8Array; selected: number } {
    if (this.mask.length < batch.rowCount) this.mask = new Uint8Array(batch.rowCount);
    this.cols = this.condition.columns.map((name) => batch.columns.indexOf(name));
    let selected = 0;
    for (let row = 0; row < batch.rowCount; row++) {
      const hit = this.evaluate(this.condition.expr, batch, row);
      this.mask[row] = hit ? 1 : 0;
      if (hit) selected++;
    }
    return { mask: this.mask, selected };
  }

  private view(batch: RecordBatch, row: number, column: string): FieldView {
    return { batch, row, col: this.cols[this.condition.columns.indexOf(column)]!, quotedIsText: this.quotedIsText };
  }

  private evaluate(expr: ConditionExpr, batch: RecordBatch, row: number): boolean {
    switch (expr.op) {
      case 'and':
        return this.evaluate(expr.left, batch, row) && this.evaluate(expr.right, batch, row);
      case 'or':
        return this.evaluate(expr.left, batch, row) || this.evaluate(expr.right, batch, row);
      case 'not':
        return !this.evaluate(expr.operand, batch, row);
      case 'null':
        return isNullField(this.view(batch, row, expr.column)) === !expr.negated;
      case 'in': {
        const field = this.view(batch, row, expr.column);
        const found = expr.values.some((value) => compareField(field, '==', { value }));
        return found !== expr.negated;
      }
      case 'compare': {
        const { left, right, comparison } = expr;
        if ('column' in left && 'column' in right) {
          return compareFields(this.view(batch, row, left.column), comparison, this.view(batch, row, right.column));
        }
        if ('column' in left)
          return compareField(this.view(batch, row, left.column), comparison, right as LiteralOperand);
        return compareField(this.view(batch, row, (right as { column: string }).column), flip(comparison), left);
      }
    }
  }
}

function flip(comparison: Comparison): Comparison {
  switch (comparison) {
    case '<':
      return '>';
    case '<=':
      return '>=';
    case '>':
      return '<';
    case '>=':
      return '<=';
    default:
      return comparison;
  }
}

function isNullField({ batch, row, col }: FieldView): boolean {
  return col < 0 || batch.isNull(row, col);
}

function ordered(a: number | string, comparison: Comparison, b: number | string): boolean {
  switch (comparison) {
    case '==':
      return a === b;
    case '!=':
      return a !== b;
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
  }
}

/** The field as a number, or NaN: quoted JSON strings are text, booleans are not numbers. */
function fieldNumber({ batch, row, col, quotedIsText }: FieldView): number {
  const flag = batch.flag(row, col);
  if ((flag & (FieldFlag.BOOLEAN | FieldFlag.NESTED)) !== 0) return NaN;
  if (quotedIsText && (flag & FieldFlag.QUOTED) !== 0) return NaN;
  return batch.number(row, col);
}

function fieldBoolean({ batch, row, col, quotedIsText }: FieldView): boolean | undefined {
  const flag = batch.flag(row, col);
  if ((flag & FieldFlag.BOOLEAN) === 0 && quotedIsText && (flag & FieldFlag.QUOTED) !== 0) return undefined;
  if ((flag & FieldFlag.BOOLEAN) === 0 && !isBooleanText(batch.bytes, batch.start(row, col), batch.end(row, col))) {
    return undefined;
  }
  return (batch.bytes[batch.start(row, col)]! | 0x20) === 116;
}

/** The field as text, or undefined when it is a JSON number or boolean (with `quotedIsText`). */
function fieldText({ batch, row, col, quotedIsText }: FieldView): string | undefined {
  const flag = batch.flag(row, col);
  if (quotedIsText && (flag & (FieldFlag.QUOTED | FieldFlag.NESTED)) === 0) return undefined;
  return batch.string(row, col);
}

function compareField(field: FieldView, comparison: Comparison, { value, time, date }: LiteralOperand): boolean {
  // A null (or a value of another kind) equals nothing, so only `!=` holds for it.
  const unmatched = comparison === '!=';
  if (value === null || isNullField(field)) return unmatched;
  if (typeof value === 'number') {
    const x = fieldNumber(field);
    return Number.isNaN(x) ? unmatched : ordered(x, comparison, value);
  }
  if (typeof value === 'boolean') {
    const b = fieldBoolean(field);
    if (b === undefined) return unmatched;
    return comparison === '==' ? b === value : comparison === '!=' ? b !== value : false;
  }
  if (time !== undefined) {
    const instant = fieldDateTime(field.batch, field.row, field.col);
    if (!Number.isNaN(instant)) return ordered(instant, comparison, time);
    if (date) return unmatched;
  }
  const text = fieldText(field);
  return text === undefined ? unmatched : ordered(text, comparison, value);
}

function compareFields(a: FieldView, comparison: Comparison, b: FieldView): boolean {
  const unmatched = comparison === '!=';
  if (isNullField(a) || isNullField(b)) return unmatched;
  const x = fieldNumber(a);
  const y = fieldNumber(b);
  if (!Number.isNaN(x) && !Number.isNaN(y)) return ordered(x, comparison, y);
  if (!Number.isNaN(x) || !Number.isNaN(y)) return unmatched;
  const s = fieldText(a);
  const t = fieldText(b);
  return s === undefined || t === undefined ? unmatched : ordered(s, comparison, t);
}
