/** Text shaping shared by the loggers and the action wrapper. */

/** Collapses a message onto one line: an annotation shows one, and multi-line text splits badly. */
export function oneLine(text: string): string {
  return text
    .split(/\r?\n|\r/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join(' ');
}

/**
 * Space the runner could strip before a `::` command: .NET's `Char.IsWhiteSpace` (its `TrimStart`),
 * which includes U+0085, JavaScript's `\s`, and characters ICU's collation ignores (the runner finds
 * `::` with a culture-sensitive `StartsWith`).
 */
const LEADING = String.raw`[\s\u0085\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]*`;
const LINE_START_COMMAND = new RegExp(`^(${LEADING}:)(?=:)`, 'gmu');
// The legacy parser finds `##[` anywhere in a line, not only at its start.
const LEGACY_COMMAND = /(##)(?=\[)/g;
const BREAK = '\u200b';
/** What a line ends with that a following write could complete into a command. */
const PENDING_LINE_START = new RegExp(`^${LEADING}:?$`, 'u');

/**
 * The runner executes any output line that starts with `::` (after any whitespace) as a workflow
 * command, and any line that holds `##[` as a legacy one; `core.info` and the CLI write text
 * verbatim, and text from a pull request (file names, error text) must not be able to issue
 * commands. A zero-width space before the command's last prefix character breaks the prefix and
 * leaves the text readable: the runner cuts the command name at a fixed offset after the prefix, so
 * even a search that skips the space (ICU's) then reads a name that starts with `:` or `[`.
 */
export function inertCommands(text: string): string {
  return text.replace(LINE_START_COMMAND, `$1${BREAK}`).replace(LEGACY_COMMAND, `$1${BREAK}`);
}

/**
 * JSON text with the same data as `JSON.stringify(value, null, 2)` and no workflow command in it, so
 * `inertCommands` leaves it as it is: `[` after `##` and the line separators U+2028/2029 (only ever
 * inside strings) are written as `\u` escapes.
 */
export function inertJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`.replace(
    /(?<=##)\[|[\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * A stream whose output is `inertCommands` of everything written to it, however the text is split
 * into writes: the end of each write that a later one could complete into a command (the `#`s, or a
 * line so far made only of leading space and one `:`) is kept as context for the next write; what was
 * written is never taken back.
 */
export function inertWriter(stream: { write(text: string): unknown }): { write(text: string): unknown } {
  // What was last written that a following write could complete; `midLine` when it is not a line start.
  let context = '';
  let midLine = false;
  return {
    write(text: string) {
      // A character that is not space stands for the rest of a line already begun.
      const prefix = `${midLine ? 'x' : ''}${context}`;
      const inert = inertCommands(prefix + text);
      const result = stream.write(inert.slice(prefix.length));
      const lastBreak = Math.max(...['\n', '\r', '\u2028', '\u2029'].map((c) => inert.lastIndexOf(c)));
      const line = lastBreak >= 0 ? inert.slice(lastBreak + 1) : inert;
      const startsLine = lastBreak >= 0 || !midLine;
      if (startsLine && PENDING_LINE_START.test(line)) {
        context = line;
        midLine = false;
      } else {
        context = /#{0,2}$/.exec(inert)?.[0] ?? '';
        midLine = true;
      }
      return result;
    },
  };
}
