/**
 * The runner's environment files (GITHUB_OUTPUT, GITHUB_ENV, GITHUB_STATE, GITHUB_PATH) as
 * actions/runner reads them after a step: lines end at LF only, blank lines are skipped, and each
 * entry is `name=value` or the heredoc `name<<DELIMITER` … `DELIMITER` that @actions/core writes.
 * A heredoc value keeps its inner line breaks exactly; the break before the delimiter is not part
 * of the value.
 */

export type FileCommandResult = { ok: true; values: Record<string, string> } | { ok: false; error: string };

interface Line {
  text: string;
  /** Offset just past this line's LF (or the end of the text). */
  next: number;
  /** Offset where the line's text ends (before its LF). */
  end: number;
}

function readLine(text: string, from: number): Line | undefined {
  if (from >= text.length) return undefined;
  const lf = text.indexOf('\n', from);
  if (lf < 0) return { text: text.slice(from), next: text.length, end: text.length };
  return { text: text.slice(from, lf), next: lf + 1, end: lf };
}

export function parseKeyValueFile(text: string): FileCommandResult {
  const values: Record<string, string> = {};
  let line = readLine(text, 0);
  while (line !== undefined) {
    const { text: entry } = line;
    if (entry !== '') {
      const equals = entry.indexOf('=');
      const heredoc = entry.indexOf('<<');
      if (equals >= 0 && (heredoc < 0 || equals < heredoc)) {
        values[entry.slice(0, equals)] = entry.slice(equals + 1);
      } else if (heredoc >= 0) {
        const name = entry.slice(0, heredoc);
        const delimiter = entry.slice(heredoc + 2);
        if (name === '' || delimiter === '') {
          return { ok: false, error: `Invalid format '${entry}': name and delimiter must not be empty` };
        }
        const start = line.next;
        let end = start;
        let body = readLine(text, start);
        while (body !== undefined && body.text !== delimiter) {
          end = body.end;
          body = readLine(text, body.next);
        }
        if (body === undefined) return { ok: false, error: `Matching delimiter not found '${delimiter}'` };
        values[name] = text.slice(start, end);
        line = body;
      } else {
        return { ok: false, error: `Invalid format '${entry}'` };
      }
    }
    line = readLine(text, line.next);
  }
  return { ok: true, values };
}

/**
 * GITHUB_PATH: one directory per line (any line break, as .NET's ReadAllLines), blank lines skipped,
 * a repeated entry moved to the end.
 */
export function parsePathFile(text: string): string[] {
  const entries: string[] = [];
  for (const entry of text.split(/\r\n|\r|\n/)) {
    if (entry === '') continue;
    const seen = entries.indexOf(entry);
    if (seen >= 0) entries.splice(seen, 1);
    entries.push(entry);
  }
  return entries;
}
