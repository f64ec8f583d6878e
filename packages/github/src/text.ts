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
 * The runner executes any output line that starts with `::` (or the older `##[`) as a workflow
 * command, and `core.info` and the CLI write text verbatim; text from a pull request (file names,
 * error text) must not be able to issue commands. A zero-width space after the first character
 * breaks the prefix and leaves the text readable.
 */
export function inertCommands(text: string): string {
  return text.replace(/^(\s*)(:(?=:)|#(?=#\[))/gm, '$1$2\u200b');
}
