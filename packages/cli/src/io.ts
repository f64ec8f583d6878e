/** What a command may touch of the outside world; tests pass their own. */
export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  cwd: string;
  env: Record<string, string | undefined>;
  /** Whether stderr is an interactive terminal (progress bars, colours). */
  isTTY: boolean;
  /**
   * The script worker threads start (the CLI's own entry, which serves shard tasks or bootstrap
   * slices on a worker). Without it, everything runs on the calling thread: the TypeScript sources
   * under test cannot be a worker's entry.
   */
  workerEntry?: URL;
}

export function processIo(workerEntry?: URL): CliIo {
  return {
    ...(workerEntry && { workerEntry }),
    stdout: process.stdout,
    stderr: process.stderr,
    cwd: process.cwd(),
    env: process.env,
    isTTY: Boolean(process.stderr.isTTY),
    ...(workerEntry && { workerEntry }),
  };
}
