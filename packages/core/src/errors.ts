/**
 * Where a user-facing problem sits: a file and, when known, a line/column inside it and a
 * JSON-path-like key path (`gate.metrics.auc.min`, `$.validation.checks[3].status`).
 */
export interface Location {
  file?: string;
  line?: number;
  column?: number;
  path?: string;
}

/**
 * A problem the user can fix: bad input, configuration or data. Actions report it as a one-line
 * `::error::` (with file/line when known) and exit 1; the CLI exits 2. Anything else that is
 * thrown is an internal failure, i.e. a bug in mlgate.
 */
export class UserError extends Error {
  readonly location: Location;

  constructor(message: string, location: Location = {}) {
    super(message);
    this.name = 'UserError';
    this.location = location;
  }

  /** `file:line:column: key: message`, omitting the parts that are unknown. */
  override toString(): string {
    return formatLocated(this.message, this.location);
  }
}

export function formatLocated(message: string, { file, line, column, path }: Location): string {
  let where = file ?? '';
  if (file && line !== undefined) where += `:${line}${column !== undefined ? `:${column}` : ''}`;
  if (path) where = where ? `${where}: ${path}` : path;
  return where ? `${where}: ${message}` : message;
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}
