/** One convention for every command (and for scripts that call mlgate). */
export const ExitCode = {
  /** The command ran and its verdict passed. */
  Pass: 0,
  /** The command ran and its verdict is a failure (validation or gate). */
  Failed: 1,
  /** Usage, configuration or input error: nothing was judged. */
  UserError: 2,
  /** A bug in mlgate. */
  Internal: 3,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
