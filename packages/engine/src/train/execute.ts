import { spawn } from 'node:child_process';

export interface CommandOptions {
  command: string;
  cwd: string;
  env: Record<string, string | undefined>;
  /** Where the command's output goes, as it is produced. */
  stdout: OutputSink;
  stderr: OutputSink;
  /** Kill the command after this long (default: never). */
  timeoutMs?: number;
  /** How long SIGTERM has to work before SIGKILL (default 10 s). */
  graceMs?: number;
  /** Aborting (a cancelled job, Ctrl-C) stops the command the way a timeout does. */
  signal?: AbortSignal;
}

export interface OutputSink {
  write(text: string): unknown;
}

export type CommandOutcome =
  | { kind: 'exited'; code: number }
  | { kind: 'signalled'; signal: NodeJS.Signals }
  | { kind: 'timed-out'; afterMs: number }
  | { kind: 'cancelled' };

const DEFAULT_GRACE_MS = 10_000;

/**
 * Runs a shell command as the leader of its own process group, streaming its output as it comes. Stopping it
 * (timeout, cancellation) sends SIGTERM to the whole group, so the children a training script starts (data loaders,
 * workers) stop too, and SIGKILL to whatever still runs after the grace period. Whatever of the group outlives the
 * command is killed as well: nothing the command started keeps running, or holds its output open, after it.
 */
export async function runCommand(options: CommandOptions): Promise<CommandOutcome> {
  const posix = process.platform !== 'win32';
  const child = spawn(options.command, {
    cwd: options.cwd,
    env: options.env,
    shell: true,
    detached: posix,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.setEncoding('utf8').on('data', (text: string) => options.stdout.write(text));
  child.stderr.setEncoding('utf8').on('data', (text: string) => options.stderr.write(text));
  const output = Promise.all([
    new Promise<void>((resolve) => child.stdout.once('close', () => resolve())),
    new Promise<void>((resolve) => child.stderr.once('close', () => resolve())),
  ]);

  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      if (posix && child.pid !== undefined) process.kill(-child.pid, signal);
      else child.kill(signal);
    } catch (error) {
      // ESRCH: the group is already gone.
      if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
    }
  };

  let stopped: 'timed-out' | 'cancelled' | undefined;
  let stoppedAt = 0;
  let killTimer: NodeJS.Timeout | undefined;
  const stop = (why: 'timed-out' | 'cancelled') => {
    if (stopped) return;
    stopped = why;
    stoppedAt = Date.now();
    signalGroup('SIGTERM');
    killTimer = setTimeout(() => signalGroup('SIGKILL'), options.graceMs ?? DEFAULT_GRACE_MS);
  };
  const timeout = options.timeoutMs === undefined ? undefined : setTimeout(() => stop('timed-out'), options.timeoutMs);
  const onAbort = () => stop('cancelled');
  if (options.signal?.aborted) onAbort();
  options.signal?.addEventListener('abort', onAbort);

  try {
    const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', (code, signal) => resolve({ code, signal }));
    });
    // The shell is gone; its children may not be. Stopped: they still get the rest of the grace period after SIGTERM.
    // Exited on its own: whatever it left running in the background goes now.
    if (stopped && posix && child.pid !== undefined)
      await groupGone(child.pid, stoppedAt + (options.graceMs ?? DEFAULT_GRACE_MS));
    signalGroup('SIGKILL');
    await output;
    if (stopped === 'timed-out') return { kind: 'timed-out', afterMs: options.timeoutMs ?? 0 };
    if (stopped === 'cancelled') return { kind: 'cancelled' };
    if (exit.signal) return { kind: 'signalled', signal: exit.signal };
    return { kind: 'exited', code: exit.code ?? 1 };
  } finally {
    clearTimeout(timeout);
    clearTimeout(killTimer);
    options.signal?.removeEventListener('abort', onAbort);
  }
}

/** Resolves once no process is left in group `pgid`, or at `deadline` (ms since the epoch), whichever comes first. */
async function groupGone(pgid: number, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    try {
      process.kill(-pgid, 0);
    } catch {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
