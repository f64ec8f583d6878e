/**
 * Workflow commands as the GitHub Actions runner (actions/runner, ActionCommand.cs) recognises them
 * in a step's output: `::name key=value,key=value::data` at the start of a line (leading whitespace
 * ignored), and the legacy `##[name key=value;key=value]data` anywhere in a line. Names are matched
 * case-insensitively against the runner's registered commands; any other `::x::` line is plain log.
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

function parseCurrentSyntax(line: string, known: ReadonlySet<string>): WorkflowCommand | undefined {
  const text = line.trimStart();
  if (!text.startsWith('::')) return undefined;
  const end = text.indexOf('::', 2);
  if (end < 0) return undefined;
  const { name, rest } = splitNameAndProperties(text.slice(2, end));
  if (!known.has(name.toLowerCase())) return undefined;
  return {
    command: name.toLowerCase(),
    properties: rest === undefined ? {} : parseProperties(rest.trim(), ',', unescapeCommandProperty),
    message: unescapeCommandData(text.slice(end + 2)),
  };
}

function parseLegacySyntax(line: string, known: ReadonlySet<string>): WorkflowCommand | undefined {
  const start = line.indexOf('##[');
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
): WorkflowCommand | undefined {
  return parseCurrentSyntax(line, known) ?? parseLegacySyntax(line, known);
}
