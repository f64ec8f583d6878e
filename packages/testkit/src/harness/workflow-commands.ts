/**
 * Workflow commands as the GitHub Actions runner (actions/runner, ActionCommand.cs) recognises them
 * in a step's output: `::name key=value,key=value::data` at the start of a line (after .NET's
 * `TrimStart`, which removes every `Char.IsWhiteSpace` character, U+0085 included), and the legacy
 * `##[name key=value;key=value]data` anywhere in a line. Names are matched case-insensitively against
 * the runner's registered commands; any other `::x::` line is plain log.
 *
 * The runner finds `::` and `##[` with .NET's culture-sensitive `StartsWith`/`IndexOf`, which on a Linux
 * runner go through ICU: characters ICU's collation ignores (zero-width and other format characters,
 * most controls) may sit before or inside the match. It then cuts the command name out by ordinal
 * offsets (2 after the start, 3 after `##[`'s index). `matching: 'icu'` models that; `'ordinal'` a
 * runner in invariant-globalization mode.
 */

export interface WorkflowCommand {
  /** Lower-cased command name (`error`, `group`, `add-mask`, …). */
  command: string;
  /** Unescaped properties, keys as first written (the runner compares them case-insensitively). */
  properties: Record<string, string>;
  /** Unescaped data after the closing `::` (or `]`). */
  message: string;
}

/** Commands the runner registers; `stop-commands` also lets a chosen token act as a command. */
export const RUNNER_COMMANDS: ReadonlySet<string> = new Set([
  'add-mask',
  'add-matcher',
  'add-path',
  'debug',
  'echo',
  'endgroup',
  'error',
  'group',
  'notice',
  'remove-matcher',
  'save-state',
  'set-env',
  'set-output',
  'stop-commands',
  'warning',
]);

const DATA_ESCAPES: Record<string, string> = { '%0D': '\r', '%0A': '\n', '%25': '%' };
const PROPERTY_ESCAPES: Record<string, string> = { ...DATA_ESCAPES, '%3A': ':', '%2C': ',' };
const LEGACY_ESCAPES: Record<string, string> = { ...DATA_ESCAPES, '%3B': ';', '%5D': ']' };

// One left-to-right pass gives the same result as the runner's ordered replacements (`%25` last):
// no replacement produces a `%`, so nothing decoded can be decoded twice.
function unescapeWith(table: Record<string, string>, text: string): string {
  return text.replace(/%(?:0D|0A|25|3A|2C|3B|5D)/g, (code) => table[code] ?? code);
}

export function unescapeCommandData(text: string): string {
  return unescapeWith(DATA_ESCAPES, text);
}

export function unescapeCommandProperty(text: string): string {
  return unescapeWith(PROPERTY_ESCAPES, text);
}

function parseProperties(text: string, separator: string, unescape: (value: string) => string): Record<string, string> {
  const properties: Record<string, string> = {};
  for (const pair of text.split(separator)) {
    const equals = pair.indexOf('=');
    if (equals <= 0 || equals === pair.length - 1) continue;
    const key = pair.slice(0, equals);
    properties[existingKey(properties, key) ?? key] = unescape(pair.slice(equals + 1));
  }
  return properties;
}

function existingKey(properties: Record<string, string>, key: string): string | undefined {
  const lower = key.toLowerCase();
  return Object.keys(properties).find((candidate) => candidate.toLowerCase() === lower);
}

/** Reads a property the way the runner does: the key is compared case-insensitively. */
export function commandProperty(command: WorkflowCommand, key: string): string | undefined {
  const found = existingKey(command.properties, key);
  return found === undefined ? undefined : command.properties[found];
}

function splitNameAndProperties(info: string): { name: string; rest: string | undefined } {
  const space = info.indexOf(' ');
  return space < 0 ? { name: info, rest: undefined } : { name: info.slice(0, space), rest: info.slice(space + 1) };
}

export type CommandMatching = 'icu' | 'ordinal';

/** What .NET's `String.TrimStart()` removes: `Char.IsWhiteSpace` (Unicode White_Space). */
const DOTNET_LEADING_WHITESPACE = /^[\t-\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;

const collator = new Intl.Collator('und', { sensitivity: 'variant' });
const ignorable = new Map<number, boolean>();

/** Whether ICU's collation gives `codePoint` no weight at all, so a culture-sensitive search skips it. */
function isIgnorable(codePoint: number): boolean {
  let known = ignorable.get(codePoint);
  if (known === undefined) {
    known = collator.compare(String.fromCodePoint(codePoint), '') === 0;
    ignorable.set(codePoint, known);
  }
  return known;
}

/** Index just past the characters ICU ignores from `at` on (`at` itself under ordinal matching). */
function skipIgnorable(text: string, at: number, matching: CommandMatching): number {
  if (matching === 'ordinal') return at;
  let i = at;
  while (i < text.length) {
    const codePoint = text.codePointAt(i) as number;
    if (!isIgnorable(codePoint)) break;
    i += codePoint > 0xffff ? 2 : 1;
  }
  return i;
}

/** Whether `pattern` (non-ignorable ASCII) matches at `at`, ignorable characters allowed between its characters. */
function matchesAt(text: string, pattern: string, at: number, matching: CommandMatching): boolean {
  let i = at;
  for (let k = 0; k < pattern.length; k++) {
    if (k > 0) i = skipIgnorable(text, i, matching);
    if (text[i] !== pattern[k]) return false;
    i++;
  }
  return true;
}

/** `String.IndexOf(pattern, from)`: the index of the match's first character. */
function indexOf(text: string, pattern: string, from: number, matching: CommandMatching): number {
  for (let at = text.indexOf(pattern[0] as string, from); at >= 0; at = text.indexOf(pattern[0] as string, at + 1)) {
    if (matchesAt(text, pattern, at, matching)) return at;
  }
  return -1;
}

function parseCurrentSyntax(
  line: string,
  known: ReadonlySet<string>,
  matching: CommandMatching,
): WorkflowCommand | undefined {
  const text = line.replace(DOTNET_LEADING_WHITESPACE, '');
  if (!matchesAt(text, '::', skipIgnorable(text, 0, matching), matching)) return undefined;
  const end = indexOf(text, '::', 2, matching);
  if (end < 0) return undefined;
  const { name, rest } = splitNameAndProperties(text.slice(2, end));
  if (!known.has(name.toLowerCase())) return undefined;
  return {
    command: name.toLowerCase(),
    properties: rest === undefined ? {} : parseProperties(rest.trim(), ',', unescapeCommandProperty),
    message: unescapeCommandData(text.slice(end + 2)),
  };
}

function parseLegacySyntax(
  line: string,
  known: ReadonlySet<string>,
  matching: CommandMatching,
): WorkflowCommand | undefined {
  const start = indexOf(line, '##[', 0, matching);
  if (start < 0) return undefined;
  const close = line.indexOf(']', start);
  if (close < 0) return undefined;
  const { name, rest } = splitNameAndProperties(line.slice(start + 3, close));
  if (!known.has(name.toLowerCase())) return undefined;
  const unescape = (value: string): string => unescapeWith(LEGACY_ESCAPES, value);
  return {
    command: name.toLowerCase(),
    properties: rest === undefined ? {} : parseProperties(rest, ';', unescape),
    message: unescape(line.slice(close + 1)),
  };
}

/**
 * Parses one output line into a workflow command, or returns undefined for a plain log line.
 * `known` defaults to the runner's commands; pass a wider set while a stop token is active.
 */
export function parseWorkflowCommand(
  line: string,
  known: ReadonlySet<string> = RUNNER_COMMANDS,
  matching: CommandMatching = 'icu',
): WorkflowCommand | undefined {
  return parseCurrentSyntax(line, known, matching) ?? parseLegacySyntax(line, known, matching);
}

/**
 * Every workflow command a runner would execute from `output` (split into lines as the runner reads
 * a process's output: at CR, LF or CRLF), under either way of matching: what a test of untrusted text
 * in a log asserts is empty.
 */
export function workflowCommandsIn(output: string): WorkflowCommand[] {
  return output.split(/\r\n|\r|\n/).flatMap((line) => {
    const command =
      parseWorkflowCommand(line, RUNNER_COMMANDS, 'icu') ?? parseWorkflowCommand(line, RUNNER_COMMANDS, 'ordinal');
    return command ? [command] : [];
  });
}
